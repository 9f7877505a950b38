import { describe, expect, it } from 'vitest';
import type { Tick, TooltipItem } from 'chart.js';
import type { RevenueRow } from '../../src/lib/core/analyze.ts';
import {
  waterfallConfig,
  waterfallSteps,
  type WaterfallLabels,
} from '../../src/lib/charts/waterfall-chart.ts';

/** February of the command line's example shop, plus expansion and a return to use every bar. */
const february: RevenueRow = {
  period: '2024-02',
  complete: true,
  startRevenue: 200,
  new: 30,
  expansion: 15,
  contraction: 20,
  churned: 90,
  reactivated: 5,
  endRevenue: 140,
  nrr: 0.525,
  grr: 0.45,
  quickRatio: 45 / 110,
};

const labels: WaterfallLabels = {
  steps: {
    start: 'Omzet aan het begin',
    new: 'Nieuwe klanten',
    expansion: 'Uitbreiding',
    reactivated: 'Teruggekeerd',
    contraction: 'Inkrimping',
    churned: 'Verloren omzet',
    end: 'Omzet aan het eind',
  },
  incomplete: 'Periode nog niet compleet',
};

type Callback = (...args: unknown[]) => unknown;

function callbacks(row: RevenueRow, language: 'nl' | 'en', currency = 'EUR') {
  const config = waterfallConfig(row, labels, language, currency);
  const y = config.options?.scales?.y as { ticks: { callback: Callback } };
  const tooltip = config.options?.plugins?.tooltip?.callbacks as {
    label: Callback;
    footer: Callback;
  };
  return { tick: y.ticks.callback, ...tooltip };
}

const item = (dataIndex: number) => ({ dataIndex }) as TooltipItem<'bar'>;

describe('waterfallSteps', () => {
  it('climbs by the increases and falls by the decreases, totals standing on 0', () => {
    expect(waterfallSteps(february)).toEqual([
      { id: 'start', kind: 'total', amount: 200, from: 0, to: 200 },
      { id: 'new', kind: 'increase', amount: 30, from: 200, to: 230 },
      { id: 'expansion', kind: 'increase', amount: 15, from: 230, to: 245 },
      { id: 'reactivated', kind: 'increase', amount: 5, from: 245, to: 250 },
      { id: 'contraction', kind: 'decrease', amount: 20, from: 230, to: 250 },
      { id: 'churned', kind: 'decrease', amount: 90, from: 140, to: 230 },
      { id: 'end', kind: 'total', amount: 140, from: 0, to: 140 },
    ]);
  });

  it('keeps a bar of 0 in its place', () => {
    const quiet = { ...february, new: 0, expansion: 0, reactivated: 0, endRevenue: 90 };
    expect(waterfallSteps(quiet)[1]).toEqual({
      id: 'new',
      kind: 'increase',
      amount: 0,
      from: 200,
      to: 200,
    });
  });
});

describe('waterfallConfig', () => {
  const config = waterfallConfig(february, labels, 'nl');
  const [bars] = config.data.datasets;

  it('draws floating bars with signed labels, in the order of the movements', () => {
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual([
      'Omzet aan het begin',
      '+ Nieuwe klanten',
      '+ Uitbreiding',
      '+ Teruggekeerd',
      '− Inkrimping',
      '− Verloren omzet',
      'Omzet aan het eind',
    ]);
    expect(config.data.datasets).toHaveLength(1);
    expect(bars.data).toEqual([
      [0, 200],
      [200, 230],
      [230, 245],
      [245, 250],
      [230, 250],
      [140, 230],
      [0, 140],
    ]);
    expect(config.options?.plugins?.legend).toEqual({ display: false });
  });

  it('colours totals blue, increases orange and decreases vermillion (Okabe–Ito)', () => {
    expect(bars.backgroundColor).toEqual([
      '#0072B2',
      '#E69F00',
      '#E69F00',
      '#E69F00',
      '#D55E00',
      '#D55E00',
      '#0072B2',
    ]);
    expect(bars.borderColor).toEqual(Array(7).fill('#ffffff'));
    expect(bars.borderWidth).toBe(1);
  });

  it('draws an incomplete period hollow: faint fill, full outline, a tooltip line', () => {
    const partial = waterfallConfig({ ...february, complete: false }, labels, 'nl');
    const [hollow] = partial.data.datasets;
    expect((hollow.backgroundColor as string[]).slice(0, 2)).toEqual([
      'rgba(0, 114, 178, 0.25)',
      'rgba(230, 159, 0, 0.25)',
    ]);
    expect((hollow.borderColor as string[]).slice(0, 2)).toEqual(['#0072B2', '#E69F00']);
    expect(hollow.borderWidth).toBe(2);
    expect(callbacks({ ...february, complete: false }, 'nl').footer([])).toEqual([
      'Periode nog niet compleet',
    ]);
    expect(callbacks(february, 'nl').footer([])).toBeUndefined();
  });

  it('is responsive, fills its container and does not animate', () => {
    expect(config.options).toMatchObject({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
    });
    expect(config.options?.scales?.y).toMatchObject({ beginAtZero: true });
  });

  it('formats money on the axis and in tooltips, movements with their sign', () => {
    const ticks: Tick[] = [{ value: 0 }, { value: 500 }];
    const nbsp = '\u00a0';
    expect(callbacks(february, 'nl').tick(1500, 0, ticks)).toBe(`€${nbsp}1.500`);
    expect(callbacks(february, 'en').tick(1500, 0, ticks)).toBe('€1,500');
    expect(callbacks(february, 'en', 'USD').tick(1500, 0, ticks)).toBe('US$1,500');
    expect(callbacks(february, 'nl').label(item(0))).toBe(`Omzet aan het begin: €${nbsp}200,00`);
    expect(callbacks(february, 'nl').label(item(1))).toBe(`Nieuwe klanten: +€${nbsp}30,00`);
    expect(callbacks(february, 'en').label(item(5))).toBe('Verloren omzet: −€90.00');
  });
});
