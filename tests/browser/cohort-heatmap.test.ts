/**
 * The cohort heatmap in Chromium: table semantics, the roving tab stop and arrow keys, the
 * tooltip on focus, opening a cell, the bucket colours, and the canvas renderer for the PNG.
 */
import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { userEvent } from 'vitest/browser';
import '../../src/app.css';
import CohortHeatmap from '../../src/lib/ui/cohorts/CohortHeatmap.svelte';
import {
  buildHeatmap,
  heatmapColours,
  heatmapFormatter,
  type HeatmapLabels,
  type HeatmapModel,
} from '../../src/lib/charts/heatmap.ts';
import { drawHeatmap, measureHeatmap, renderHeatmap } from '../../src/lib/charts/heatmap-canvas.ts';
import {
  averageCohorts,
  type Cohort,
  type CohortReport,
} from '../../src/lib/core/metrics/cohort-matrix.ts';

/**
 * A synthetic monthly cohort report of n cohorts × n ages for the heatmap's browser tests:
 * retention decaying from about 35 % at age 1, every third cohort of 12 customers (faded), the
 * last cell of every row incomplete. Cohort 0 has 120 customers, 41 of them back at age 1.
 */
function syntheticReport(n: number): CohortReport {
  const cohorts: Cohort[] = [];
  for (let c = 0; c < n; c++) {
    const size = c === 0 ? 120 : c % 3 === 2 ? 12 : 60 + ((c * 37) % 240);
    const ages = n - c;
    const active = Array.from({ length: ages }, (_, k) => {
      if (k === 0) return size;
      if (c === 0 && k === 1) return 41;
      const wobble = 1 + 0.15 * Math.sin(c * 1.7 + k * 0.9);
      return Math.min(size, Math.round(size * 0.35 * 0.93 ** (k - 1) * wobble));
    });
    const rolling = active.map((_, k) => Math.max(...active.slice(k)));
    const year = 2020 + Math.floor(c / 12);
    const month = String((c % 12) + 1).padStart(2, '0');
    cohorts.push({
      cohort: `${year}-${month}`,
      key: year * 12 + (c % 12),
      periodIndex: c,
      segment: null,
      first: c * 30,
      last: c * 30 + 29,
      size,
      active,
      rolling,
      revenue: active.map((count, k) => count * (k === 0 ? 60 : 45)),
      complete: active.map((_, k) => k < ages - 1),
    });
  }
  const { pooled, simple } = averageCohorts(cohorts);
  return {
    period: 'month',
    view: 'classic',
    refunds: 'include',
    breakdown: null,
    revenueBasis: 'period',
    dataFirstDay: 0,
    dataLastDay: n * 30 - 10,
    periods: cohorts.map((c, i) => ({
      unit: 'month',
      key: c.key,
      label: c.cohort,
      first: c.first,
      last: c.last,
      complete: i < n - 1,
    })),
    cohorts,
    averageByAge: pooled,
    simpleAverageByAge: simple,
  };
}

/** The Dutch words, as the app's catalog is expected to give them. */
const dutch: HeatmapLabels = {
  caption: 'Retentie per cohort: aandeel klanten dat terugkwam',
  cohort: 'Cohort',
  customers: 'Klanten',
  ageHeading: 'Maanden na de eerste aankoop',
  age: (age) => `Maand ${age}`,
  averagePooled: 'Gemiddelde (gewogen)',
  averageSimple: 'Gemiddelde (ongewogen)',
  averageMean: 'Gemiddelde per cohort',
  countOf: (count, n, total) => `${count} van ${n} ${total === 1 ? 'klant' : 'klanten'}`,
  countOfPrevious: (count, n) => `${count} van de ${n} klanten van de vorige periode`,
  cohortSize: (n) => `${n} klanten`,
  interval: (low, high) => `95%-interval: ${low}–${high}`,
  averageOver: (cohorts, customers, count) =>
    `over ${cohorts} ${count === 1 ? 'cohort' : 'cohorten'}, ${customers} klanten`,
  incomplete: 'Periode nog niet compleet',
  fewCustomers: (min) => `Minder dan ${min} klanten`,
  legend: 'Kleurschaal',
  hatchedNote: 'Gearceerd: periode nog niet compleet',
  fadedNote: (min) => `Vervaagd: cohort van minder dan ${min} klanten`,
  keyboardHint:
    'Pijltjestoetsen gaan van vak naar vak; Enter of klikken toont de klanten achter een vak.',
};

const nl = heatmapFormatter('nl');
const modelOf = (n: number): HeatmapModel =>
  buildHeatmap(
    syntheticReport(n),
    { measure: 'share', relativeTo: 'start', average: 'pooled' },
    nl,
  );

async function show(n: number, onCell = vi.fn()) {
  const screen = await render(CohortHeatmap, {
    props: { model: modelOf(n), labels: dutch, language: 'nl', onCell },
  });
  const cell = (row: number, age: number) =>
    screen.container.querySelector<HTMLElement>(`td[data-row="${row}"][data-age="${age}"]`)!;
  const stops = () => screen.container.querySelectorAll('[tabindex="0"]');
  const tooltip = () => screen.container.querySelector<HTMLElement>('[role="tooltip"]')!;
  return { screen, cell, stops, tooltip, onCell };
}

describe('CohortHeatmap', () => {
  it('is a table with a caption, column headers per age and a row header per cohort', async () => {
    const { screen } = await show(12);
    const grid = screen.getByRole('grid', { name: dutch.caption });
    await expect.element(grid).toBeVisible();
    expect(grid.element().tagName).toBe('TABLE');
    expect(grid.element().querySelector('caption')?.textContent).toBe(dutch.caption);

    const columns = screen.getByRole('columnheader').elements();
    expect(columns).toHaveLength(13); // Cohort + ages 0 … 11
    expect(columns[2].textContent).toContain('Maand 1');
    const rows = screen.getByRole('rowheader').elements();
    expect(rows).toHaveLength(13); // 12 cohorts + the average
    expect(rows[0].textContent).toMatch(/2020-01\s*120/);
    expect(rows[12].textContent).toBe('Gemiddelde (gewogen)');
    expect(screen.container.querySelectorAll('th[scope="col"]')).toHaveLength(13);
    expect(screen.container.querySelectorAll('tbody th[scope="row"]')).toHaveLength(12);
    // One cell per age in every row; past the data they are empty.
    expect(screen.container.querySelectorAll('tbody td')).toHaveLength(144);
    expect(screen.container.querySelectorAll('tbody td.empty')).toHaveLength(66);
    expect(screen.container.querySelectorAll('tbody td.incomplete')).toHaveLength(12);
    expect(screen.container.querySelectorAll('tbody td.faded').length).toBeGreaterThan(0);
    await expect.element(screen.getByText('Gearceerd: periode nog niet compleet')).toBeVisible();
    await expect
      .element(screen.getByText('Vervaagd: cohort van minder dan 20 klanten'))
      .toBeVisible();
    expect(screen.container.querySelectorAll('.legend li')).toHaveLength(10);
  });

  it('has one tab stop that arrow keys move, skipping cells past the data', async () => {
    const { cell, stops } = await show(12);
    expect(stops()).toHaveLength(1);
    expect(stops()[0]).toBe(cell(0, 0));
    // Empty cells take no focus at all.
    expect(cell(11, 1).hasAttribute('tabindex')).toBe(false);

    cell(0, 0).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell(0, 1));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell(1, 1));
    expect(stops()).toHaveLength(1);
    expect(stops()[0]).toBe(cell(1, 1));
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(cell(1, 10)); // the row's last cell
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell(1, 10)); // the edge: stays
    await userEvent.keyboard('{ArrowDown}');
    // Row 2 ends at age 9; the next row reaching age 10 is none, so the average row (its
    // age-10 average has a complete cohort: cohort 0).
    expect(document.activeElement).toBe(cell(12, 10));
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(cell(12, 0));
    await userEvent.keyboard('{PageUp}');
    expect(document.activeElement).toBe(cell(2, 0));
    await userEvent.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement).toBe(cell(0, 0));
  });

  it('shows the cohort, age, count of n and Wilson interval on focus', async () => {
    const { cell, tooltip } = await show(12);
    expect(tooltip().hidden).toBe(true);
    cell(0, 0).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.poll(() => tooltip().hidden).toBe(false);
    const text = tooltip().textContent ?? '';
    expect(text).toContain('2020-01 · Maand 1');
    expect(text).toContain('34,2%'); // 41 ÷ 120
    expect(text).toContain('41 van 120 klanten');
    expect(text).toContain('95%-interval: 26%–43%');
    expect(cell(0, 1).getAttribute('aria-describedby')).toBe(tooltip().id);

    // The incomplete, last cell of a small cohort says both.
    cell(2, 9).focus();
    await expect.poll(() => tooltip().textContent).toContain('Periode nog niet compleet');
    expect(tooltip().textContent).toContain('Minder dan 20 klanten');

    // The average row tells what it averages over.
    cell(12, 1).focus();
    await expect.poll(() => tooltip().textContent).toContain('Gemiddelde (gewogen) · Maand 1');
    expect(tooltip().textContent).toMatch(/over 10 cohorten, [\d.]+ klanten/);

    await userEvent.keyboard('{Escape}');
    expect(tooltip().hidden).toBe(true);
  });

  it('shows the tooltip on hover, inside the heatmap', async () => {
    const { cell, tooltip, screen } = await show(12);
    await userEvent.hover(cell(3, 2));
    await expect.poll(() => tooltip().hidden).toBe(false);
    expect(tooltip().textContent).toContain('2020-04 · Maand 2');
    const tip = tooltip().getBoundingClientRect();
    const box = screen.container.querySelector('.heatmap')!.getBoundingClientRect();
    expect(tip.left).toBeGreaterThanOrEqual(box.left - 1);
    expect(tip.right).toBeLessThanOrEqual(box.right + 1);
  });

  it('calls onCell with the cohort index and age on Enter, Space and click', async () => {
    const { cell, onCell } = await show(12);
    cell(0, 0).focus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}{Enter}');
    expect(onCell).toHaveBeenLastCalledWith(1, 1);
    await userEvent.keyboard('{ArrowRight}[Space]');
    expect(onCell).toHaveBeenLastCalledWith(1, 2);
    await userEvent.click(cell(4, 3));
    expect(onCell).toHaveBeenLastCalledWith(4, 3);
    expect(document.activeElement).toBe(cell(4, 3));
    // The average row is no cohort: nothing to open.
    cell(12, 0).focus();
    await userEvent.keyboard('{Enter}');
    expect(onCell).toHaveBeenCalledTimes(3);
  });

  it('colours the buckets with the scale of heatmap.ts', async () => {
    const { screen } = await show(12);
    const swatches = screen.container.querySelectorAll('.legend .swatch');
    const rgb = (hex: string) =>
      `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    expect([...swatches].map((s) => getComputedStyle(s).backgroundColor)).toEqual(
      heatmapColours.map(rgb),
    );
    const dark = screen.container.querySelector('td.on-dark')!;
    expect(getComputedStyle(dark).color).toBe('rgb(255, 255, 255)');
    const hatched = screen.container.querySelector('td.incomplete')!;
    expect(getComputedStyle(hatched).backgroundImage).toContain('repeating-linear-gradient');
  });

  it('stays compact and scrolls at 60 × 60 with a sticky header and first column', async () => {
    const { screen, cell } = await show(60);
    expect(screen.container.querySelectorAll('tbody td')).toHaveLength(3600);
    const scroller = screen.container.querySelector<HTMLElement>('.scroll')!;
    expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
    const width = cell(0, 5).getBoundingClientRect().width;
    expect(width).toBeGreaterThan(40);
    expect(width).toBeLessThan(60);
    // Focus far away: the cell scrolls into view, the header and the label column stay.
    cell(0, 0).focus();
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(cell(0, 59));
    await expect.poll(() => scroller.scrollLeft).toBeGreaterThan(1000);
    const label = screen.container.querySelector('tbody th')!.getBoundingClientRect();
    expect(label.left).toBeGreaterThanOrEqual(scroller.getBoundingClientRect().left);
  });
});

describe('drawHeatmap', () => {
  const options = {
    title: 'Retentie per cohort, per maand',
    footnote:
      'Periode: jan 2020 – dec 2024. Aandeel = klanten van het cohort die in die maand kochten ÷ klanten van het cohort.',
    labels: dutch,
  };

  function canvasOf(): [HTMLCanvasElement, CanvasRenderingContext2D] {
    const canvas = document.createElement('canvas');
    return [canvas, canvas.getContext('2d')!];
  }

  function coloured(canvas: HTMLCanvasElement): number {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) count++;
    }
    return count;
  }

  it('measures sensible sizes for 12 × 12 and 60 × 60', () => {
    const [, ctx] = canvasOf();
    const small = measureHeatmap(ctx, modelOf(12), { ...options, width: 900 });
    expect(small.width).toBe(900);
    expect(small.height).toBeGreaterThan(12 * 22 + 100);
    expect(small.height).toBeLessThan(700);

    const large = measureHeatmap(ctx, modelOf(60), { ...options, width: 900 });
    // 60 ages do not fit in 900 px: at least 34 px each.
    expect(large.width).toBeGreaterThanOrEqual(60 * 34);
    expect(large.width).toBeLessThan(60 * 34 + 300);
    expect(large.height).toBeGreaterThan(61 * 22);
    expect(large.height).toBeLessThan(61 * 22 + 400);

    const natural = measureHeatmap(ctx, modelOf(12), options);
    expect(natural.width).toBeLessThan(12 * 44 + 300);
  });

  it('draws a white background, coloured cells and text on a real canvas', () => {
    const [canvas, ctx] = canvasOf();
    const model = modelOf(12);
    const size = measureHeatmap(ctx, model, { ...options, width: 900 });
    canvas.width = size.width * 2;
    canvas.height = size.height * 2;
    expect(drawHeatmap(ctx, model, { ...options, width: 900, pixelRatio: 2 })).toEqual(size);
    const corner = ctx.getImageData(1, 1, 1, 1).data;
    expect([...corner]).toEqual([255, 255, 255, 255]);
    expect(coloured(canvas)).toBeGreaterThan(50_000);
  });

  it('renders 60 × 60 at pixel ratio 2 onto a canvas it sizes', () => {
    const canvas = document.createElement('canvas');
    const size = renderHeatmap(canvas, modelOf(60), { ...options, pixelRatio: 2 });
    expect([canvas.width, canvas.height]).toEqual([size.width * 2, size.height * 2]);
    expect(coloured(canvas)).toBeGreaterThan(1_000_000);
  });
});

// Last in the file: the policy stays on this test file's page once set.
it('renders and shows tooltips under a style-src policy without unsafe-inline', async () => {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.effectiveDirective}: ${event.blockedURI}`),
  );
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src 'self'";
  document.head.append(meta);
  // The control: an inline <style> is now reported, so the listener would see ours too.
  const probe = document.createElement('style');
  probe.textContent = '.probe { color: red; }';
  document.head.append(probe);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  violations.length = 0;
  probe.remove();

  const { cell, tooltip } = await show(12);
  cell(0, 0).focus();
  await userEvent.keyboard('{ArrowRight}{ArrowDown}');
  await expect.poll(() => tooltip().hidden).toBe(false);
  expect(tooltip().style.left).toMatch(/px$/);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(violations).toEqual([]);
});
