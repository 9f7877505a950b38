/**
 * The cohort heatmap's view model on a hand-made cohort report: values, text, buckets, the
 * average row (Mixpanel's pooled 60 % versus simple 65 %), fading, incomplete cells and the legend.
 */
import { describe, expect, it } from 'vitest';
import type { CohortReport } from '../../src/lib/core/metrics/cohort-matrix.ts';
import {
  bucketCount,
  bucketOf,
  buildHeatmap,
  heatmapColours,
  heatmapFormatter,
  niceCeiling,
  textOnDark,
  type HeatmapModel,
  type HeatmapOptions,
} from '../../src/lib/charts/heatmap.ts';

const month = (label: string, key: number, complete: boolean) => ({
  unit: 'month' as const,
  key,
  label,
  first: 0,
  last: 0,
  complete,
});

/**
 * Four monthly cohorts; the data end in the middle of 2024-04, so each row's last cell is
 * incomplete. 2024-01 (1000 → 500) and 2024-02 (500 → 400) are Mixpanel's example; 2024-03 has
 * 10 customers (faded); 2024-04 has only its own, incomplete, month.
 */
const report: CohortReport = {
  period: 'month',
  view: 'classic',
  refunds: 'include',
  breakdown: null,
  revenueBasis: 'period',
  dataFirstDay: 19723,
  dataLastDay: 19829,
  periods: [
    month('2024-01', 24288, true),
    month('2024-02', 24289, true),
    month('2024-03', 24290, true),
    month('2024-04', 24291, false),
  ],
  cohorts: [
    {
      cohort: '2024-01',
      key: 24288,
      periodIndex: 0,
      segment: null,
      first: 19723,
      last: 19753,
      size: 1000,
      active: [1000, 500, 300, 200],
      rolling: [1000, 600, 350, 200],
      revenue: [50000, 20000, 12000, 9000],
      complete: [true, true, true, false],
    },
    {
      cohort: '2024-02',
      key: 24289,
      periodIndex: 1,
      segment: null,
      first: 19754,
      last: 19782,
      size: 500,
      active: [500, 400, 250],
      rolling: [500, 420, 250],
      revenue: [20000, 18000, 7000],
      complete: [true, true, false],
    },
    {
      cohort: '2024-03',
      key: 24290,
      periodIndex: 2,
      segment: null,
      first: 19783,
      last: 19813,
      size: 10,
      active: [10, 8],
      rolling: [10, 8],
      revenue: [300, 100],
      complete: [true, false],
    },
    {
      cohort: '2024-04',
      key: 24291,
      periodIndex: 3,
      segment: null,
      first: 19814,
      last: 19843,
      size: 40,
      active: [40],
      rolling: [40],
      revenue: [2000],
      complete: [false],
    },
  ],
  // Over the cohorts that fully observed each age: age 0 → 2024-01, -02, -03; age 1 → 2024-01
  // and -02 (900 ÷ 1500 = 60 % pooled, (50 % + 80 %) ÷ 2 = 65 % simple); age 2 → 2024-01.
  averageByAge: [
    { age: 0, share: 1, cohorts: 3, customers: 1510, count: 1510 },
    { age: 1, share: 0.6, cohorts: 2, customers: 1500, count: 900 },
    { age: 2, share: 0.3, cohorts: 1, customers: 1000, count: 300 },
    { age: 3, share: null, cohorts: 0, customers: 0, count: 0 },
  ],
  simpleAverageByAge: [
    { age: 0, share: 1, cohorts: 3, customers: 1510, count: 1510 },
    { age: 1, share: 0.65, cohorts: 2, customers: 1500, count: 900 },
    { age: 2, share: 0.3, cohorts: 1, customers: 1000, count: 300 },
    { age: 3, share: null, cohorts: 0, customers: 0, count: 0 },
  ],
};

const nl = heatmapFormatter('nl');
/** Intl puts a no-break space between the euro sign and the amount. */
const nbsp = '\u00a0';
const en = heatmapFormatter('en');
const shares: HeatmapOptions = { measure: 'share', relativeTo: 'start', average: 'pooled' };

const grid = (model: HeatmapModel, field: 'value' | 'text' | 'bucket') =>
  model.rows.map((row) => row.cells.map((cell) => cell[field]));
const averages = (model: HeatmapModel, field: 'value' | 'text' | 'bucket') =>
  model.average.cells.map((cell) => cell[field]);
const averageValues = (model: HeatmapModel) => model.average.cells.map((cell) => cell.value);
const close = (values: readonly (number | null)[]) =>
  values.map((v) => (v === null ? null : Number(v.toFixed(6))));

describe('buildHeatmap, shares of the cohort', () => {
  const model = buildHeatmap(report, shares, nl);

  it('has one row per cohort and a column per age, padded with empty cells', () => {
    expect(model.ages).toEqual([0, 1, 2, 3]);
    expect(model.rows.map((r) => [r.cohortIndex, r.label, r.sizeText, r.faded])).toEqual([
      [0, '2024-01', '1.000', false],
      [1, '2024-02', '500', false],
      [2, '2024-03', '10', true],
      [3, '2024-04', '40', false],
    ]);
    expect(grid(model, 'value')).toEqual([
      [1, 0.5, 0.3, 0.2],
      [1, 0.8, 0.5, null],
      [1, 0.8, null, null],
      [1, null, null, null],
    ]);
    expect(grid(model, 'text')).toEqual([
      ['100%', '50%', '30%', '20%'],
      ['100%', '80%', '50%', ''],
      ['100%', '80%', '', ''],
      ['100%', '', '', ''],
    ]);
    expect(model.rows.map((r) => r.cells.map((c) => c.empty))).toEqual([
      [false, false, false, false],
      [false, false, false, true],
      [false, false, true, true],
      [false, true, true, true],
    ]);
  });

  it('marks the incomplete cells (the last of every row here)', () => {
    expect(model.rows.map((r) => r.cells.filter((c) => !c.empty).map((c) => c.complete))).toEqual([
      [true, true, true, false],
      [true, true, false],
      [true, false],
      [false],
    ]);
  });

  it('scales the buckets over ages ≥ 1 of the cohorts of 20 or more: top 80 %', () => {
    // 2024-03's 80 % would count too, but a cohort of 10 never sets the scale.
    expect(model.top).toBe(0.8);
    expect(grid(model, 'bucket')).toEqual([
      [9, 6, 3, 2],
      [9, 9, 6, null],
      [9, 9, null, null],
      [9, null, null, null],
    ]);
  });

  it('gives the counts behind every share and their 95 % Wilson interval', () => {
    const cell = model.rows[0].cells[1];
    expect([cell.count, cell.n, cell.countText, cell.nText]).toEqual([500, 1000, '500', '1.000']);
    expect(cell.interval?.low).toBeCloseTo(0.46907, 5);
    expect(cell.interval?.high).toBeCloseTo(0.53093, 5);
    expect(cell.intervalText).toEqual({ low: '47%', high: '53%' });
    expect(cell.fullText).toBe('50,0%');
    const small = model.rows[2].cells[1]; // 8 of 10
    expect(small.intervalText).toEqual({ low: '49%', high: '94%' });
    expect(model.rows[3].cells[1].interval).toBeNull(); // past the data
  });

  it('averages pooled by default: 60 % at age 1, only over cohorts that observed it', () => {
    expect(model.average.kind).toBe('pooled');
    expect(averages(model, 'value')).toEqual([1, 0.6, 0.3, null]);
    expect(averages(model, 'text')).toEqual(['100%', '60%', '30%', '—']);
    expect(averages(model, 'bucket')).toEqual([9, 7, 3, null]);
    expect(model.average.cells.map((c) => [c.cohortsText, c.customersText])).toEqual([
      ['3', '1.510'],
      ['2', '1.500'],
      ['1', '1.000'],
      ['0', '0'],
    ]);
  });

  it('averages simply on request: 65 % at age 1 (Mixpanel)', () => {
    const simple = buildHeatmap(report, { ...shares, average: 'simple' }, nl);
    expect(simple.average.kind).toBe('simple');
    expect(averages(simple, 'value')).toEqual([1, 0.65, 0.3, null]);
    expect(averages(simple, 'text')).toEqual(['100%', '65%', '30%', '—']);
  });

  it('has a legend of ten stops over 0 … 80 %, the last open because age 0 exceeds it', () => {
    expect(model.legend.map((s) => s.text)).toEqual([
      '0%–8%',
      '8%–16%',
      '16%–24%',
      '24%–32%',
      '32%–40%',
      '40%–48%',
      '48%–56%',
      '56%–64%',
      '64%–72%',
      `≥${nbsp}72%`,
    ]);
    expect(model.legend.map((s) => s.colour)).toEqual(heatmapColours);
    expect(model.legend[9].to).toBe(Infinity);
  });

  it('formats in English too', () => {
    const english = buildHeatmap(report, shares, en);
    expect(english.rows[0].sizeText).toBe('1,000');
    expect(english.rows[0].cells[1].fullText).toBe('50.0%');
  });
});

describe('buildHeatmap, other measures', () => {
  it('shares relative to the previous age: count_k ÷ count_(k−1)', () => {
    const model = buildHeatmap(report, { ...shares, relativeTo: 'previous' }, nl);
    expect(model.relativeTo).toBe('previous');
    expect(close(model.rows[0].cells.map((c) => c.value))).toEqual([1, 0.5, 0.6, 0.666667]);
    expect(model.rows[0].cells.map((c) => [c.count, c.n])).toEqual([
      [1000, 1000],
      [500, 1000],
      [300, 500],
      [200, 300],
    ]);
    expect(model.rows[0].cells[2].intervalText).toEqual({ low: '56%', high: '64%' });
    // Pooled: age 1 (500 + 400) ÷ (1000 + 500); age 2 only 2024-01: 300 ÷ 500.
    expect(averages(model, 'value')).toEqual([1, 0.6, 0.6, null]);
    expect(model.top).toBe(0.8);
  });

  it('divides rolling counts when the report is rolling', () => {
    const rolling = { ...report, view: 'rolling' as const };
    const model = buildHeatmap(rolling, { ...shares, relativeTo: 'previous' }, nl);
    expect(close(model.rows[0].cells.map((c) => c.value))).toEqual([1, 0.6, 0.583333, 0.571429]);
    const start = buildHeatmap(rolling, shares, nl);
    expect(start.rows[0].cells.map((c) => c.value)).toEqual([1, 0.6, 0.35, 0.2]);
  });

  it('counts: the customers, on a 0 … 500 scale, averaged per cohort', () => {
    const model = buildHeatmap(report, { ...shares, measure: 'count' }, nl);
    expect(model.kind).toBe('count');
    expect(model.relativeTo).toBeNull();
    expect(grid(model, 'text')).toEqual([
      ['1.000', '500', '300', '200'],
      ['500', '400', '250', ''],
      ['10', '8', '', ''],
      ['40', '', '', ''],
    ]);
    expect(model.top).toBe(500);
    expect(grid(model, 'bucket')[0]).toEqual([9, 9, 6, 4]);
    expect(model.average.kind).toBe('mean');
    expect(averages(model, 'value')).toEqual([503.3333333333333, 450, 300, null]);
    expect(model.rows[0].cells[1].intervalText).toEqual({ low: '47%', high: '53%' });
  });

  it('revenue: money per cohort and age, no counts or interval', () => {
    const model = buildHeatmap(report, { ...shares, measure: 'revenue' }, nl);
    expect(model.kind).toBe('money');
    expect(grid(model, 'text')[0]).toEqual([
      `€${nbsp}50K`,
      `€${nbsp}20K`,
      `€${nbsp}12K`,
      `€${nbsp}9K`,
    ]);
    expect(model.rows[0].cells[0].fullText).toBe(`€${nbsp}50.000,00`);
    expect(model.top).toBe(20000);
    expect(grid(model, 'bucket')[0]).toEqual([9, 9, 6, 4]);
    expect(model.rows[0].cells[1].count).toBeNull();
    expect(model.rows[0].cells[1].interval).toBeNull();
    expect(model.average.kind).toBe('mean');
    expect(averages(model, 'value')).toEqual([23433.333333333332, 19000, 12000, null]);
    expect(model.legend[0].text).toBe(`€${nbsp}0–€${nbsp}2K`);
    expect(model.legend[9].text).toBe(`≥${nbsp}€${nbsp}18K`);
  });

  it('revenue as a share of the first period: pooled Σ ÷ Σ, simple mean', () => {
    const pooled = buildHeatmap(report, { ...shares, measure: 'revenue-share' }, nl);
    expect(close(pooled.rows[0].cells.map((c) => c.value))).toEqual([1, 0.4, 0.24, 0.18]);
    expect(close(averageValues(pooled))).toEqual([1, 0.542857, 0.24, null]);
    const simple = buildHeatmap(
      report,
      { ...shares, measure: 'revenue-share', average: 'simple' },
      nl,
    );
    expect(close(averageValues(simple))).toEqual([1, 0.65, 0.24, null]);
    expect(pooled.top).toBe(1);
  });

  it('cumulative revenue per customer: pooled Σ ÷ Σ size, simple mean', () => {
    const pooled = buildHeatmap(report, { ...shares, measure: 'revenue-per-customer' }, nl);
    expect(grid(pooled, 'value')).toEqual([
      [50, 70, 82, 91],
      [40, 76, 90, null],
      [30, 40, null, null],
      [50, null, null, null],
    ]);
    // Age 1: (70 000 + 38 000) ÷ 1500 = 72; simple (70 + 76) ÷ 2 = 73.
    // Age 0: 70 300 ÷ 1510.
    expect(close(averageValues(pooled))).toEqual([46.556291, 72, 82, null]);
    const simple = buildHeatmap(
      report,
      { ...shares, measure: 'revenue-per-customer', average: 'simple' },
      nl,
    );
    expect(averages(simple, 'value')).toEqual([40, 73, 82, null]);
    expect(pooled.top).toBe(100);
  });

  it('gives no value (—) without amounts, and no share for an empty cohort', () => {
    const noMoney: CohortReport = {
      ...report,
      revenueBasis: null,
      cohorts: report.cohorts.map((c) => ({ ...c, revenue: null })),
    };
    const model = buildHeatmap(noMoney, { ...shares, measure: 'revenue' }, nl);
    expect(grid(model, 'text')[0]).toEqual(['—', '—', '—', '—']);
    expect(grid(model, 'bucket')[0]).toEqual([null, null, null, null]);
    expect(averages(model, 'value')).toEqual([null, null, null, null]);

    const empty: CohortReport = {
      ...report,
      cohorts: [{ ...report.cohorts[3], size: 0, active: [0], rolling: [0] }],
    };
    const none = buildHeatmap(empty, shares, nl);
    expect(none.rows[0].cells[0]).toMatchObject({ value: null, text: '—', bucket: null });
    expect(none.rows[0].faded).toBe(true);
  });

  it('labels split cohorts with their breakdown value', () => {
    const split: CohortReport = {
      ...report,
      cohorts: [{ ...report.cohorts[0], segment: { value: 1, label: 'email' } }],
    };
    expect(buildHeatmap(split, shares, nl).rows[0].label).toBe('2024-01 · email');
  });

  it('has no rows or ages for a report without cohorts', () => {
    const model = buildHeatmap({ ...report, cohorts: [], periods: [] }, shares, nl);
    expect([model.ages, model.rows, model.average.cells]).toEqual([[], [], []]);
    expect(model.legend).toHaveLength(bucketCount);
  });
});

describe('scale helpers', () => {
  it('rounds the top up to a round number', () => {
    expect([0.07, 0.1, 0.23, 0.3, 0.31, 0.55, 0.8, 0.81, 1, 1.2].map(niceCeiling)).toEqual([
      0.08, 0.1, 0.25, 0.3, 0.4, 0.6, 0.8, 1, 1, 1.5,
    ]);
    expect([0, -5, 7, 17_500, 91].map(niceCeiling)).toEqual([1, 1, 8, 20_000, 100]);
  });

  it('buckets [0, top] in tenths, clamping below 0 and above the top', () => {
    expect([-1, 0, 0.099, 0.1, 0.35, 0.9999, 1, 3].map((v) => bucketOf(v, 1))).toEqual([
      0, 0, 0, 1, 3, 9, 9, 9,
    ]);
    expect(bucketOf(0.3, 0.3)).toBe(9);
    expect(bucketOf(0.06, 0.3)).toBe(2); // float noise: 0.06 / 0.3 × 10 = 1.9999…
  });

  it('puts text of at least 4.5 : 1 contrast on every bucket', () => {
    const channel = (hex: string, i: number) => {
      const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = (hex: string) =>
      0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    expect(heatmapColours).toHaveLength(bucketCount);
    heatmapColours.forEach((colour, bucket) => {
      const text = textOnDark(bucket) ? '#ffffff' : '#17232b';
      expect(contrast(colour, text)).toBeGreaterThanOrEqual(4.5);
      // Darker bucket by bucket (a sequential scale is read by lightness).
      if (bucket > 0) expect(luminance(colour)).toBeLessThan(luminance(heatmapColours[bucket - 1]));
    });
  });
});
