import { describe, expect, it } from 'vitest';
import type { Tick, TooltipItem } from 'chart.js';
import {
  incompleteSegmentDash,
  percentTickDigits,
  trendConfig,
} from '../../src/lib/charts/trend-chart.ts';
import { periodRow, rows } from './period-rows.ts';

const labels = { crr: 'Klantretentie', churn: 'Klantverloop', incomplete: 'Nog niet compleet' };

type Callback = (...args: unknown[]) => unknown;

/** The y tick formatter, called as Chart.js would with a tick list of the given values. */
function formatTick(language: 'nl' | 'en', value: number, tickValues: number[]): unknown {
  const y = trendConfig(rows, labels, language).options?.scales?.y as {
    ticks: { callback: Callback };
  };
  const ticks: Tick[] = tickValues.map((v) => ({ value: v }));
  return y.ticks.callback(value, 0, ticks);
}

function tooltip(language: 'nl' | 'en') {
  return trendConfig(rows, labels, language).options?.plugins?.tooltip?.callbacks as {
    label: Callback;
    footer: Callback;
  };
}

function tooltipItem(label: string, y: number | null, dataIndex = 0): TooltipItem<'line'> {
  return { dataset: { label }, parsed: { x: dataIndex, y }, dataIndex } as TooltipItem<'line'>;
}

describe('trendConfig', () => {
  const config = trendConfig(rows, labels, 'nl');
  const [crr, churn] = config.data.datasets;

  it('is a line chart with one label per period, in order', () => {
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
  });

  it('plots CRR and churn as ratios, with null rates left as gaps', () => {
    expect(crr.label).toBe('Klantretentie');
    expect(crr.data).toEqual([0.95, null, 0.7045, 0.4]);
    expect(churn.label).toBe('Klantverloop');
    expect(churn.data).toEqual([0.05, null, 0.3, 0.6]);
    expect(crr.spanGaps).toBe(false);
    expect(churn.spanGaps).toBe(false);
  });

  it('uses Okabe–Ito blue and vermillion, and different markers as a second cue', () => {
    expect(crr.borderColor).toBe('#0072B2');
    expect(churn.borderColor).toBe('#D55E00');
    expect(crr.pointStyle).not.toBe(churn.pointStyle);
  });

  it('is responsive, fills its container and does not animate', () => {
    expect(config.options).toMatchObject({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
    });
  });

  it('shows a title only when one is given', () => {
    expect(config.options?.plugins?.title?.display).toBe(false);
    const titled = trendConfig(rows, { ...labels, title: 'Retentie per maand' }, 'nl');
    expect(titled.options?.plugins?.title).toMatchObject({
      display: true,
      text: 'Retentie per maand',
    });
  });

  it('dashes exactly the segments that touch an incomplete period', () => {
    const dash = (crr.segment as { borderDash: Callback }).borderDash;
    const segment = (p0DataIndex: number, p1DataIndex: number) =>
      dash({ type: 'segment', p0DataIndex, p1DataIndex, datasetIndex: 0 }, {});
    expect(segment(0, 1)).toBeUndefined();
    expect(segment(1, 2)).toBeUndefined();
    expect(segment(2, 3)).toEqual([6, 4]);
    // Churn follows the same rule: it is the period that is incomplete, not one series.
    expect(
      (churn.segment as { borderDash: Callback }).borderDash({ p0DataIndex: 2, p1DataIndex: 3 }),
    ).toEqual([6, 4]);
  });

  it('dashes a segment out of an incomplete first period too', () => {
    const partialStart = [
      periodRow('2024-01', { complete: false, crr: 0.9 }),
      periodRow('2024-02', { complete: true, crr: 0.92 }),
      periodRow('2024-03', { complete: true, crr: 0.93 }),
    ];
    const dash = incompleteSegmentDash(partialStart);
    expect(dash({ p0DataIndex: 0, p1DataIndex: 1 })).toEqual([6, 4]);
    expect(dash({ p0DataIndex: 1, p1DataIndex: 2 })).toBeUndefined();
  });

  it('draws the point of an incomplete period hollow and the others filled', () => {
    const fill = crr.pointBackgroundColor as Callback;
    expect([0, 1, 2, 3].map((dataIndex) => fill({ dataIndex }, {}))).toEqual([
      '#0072B2',
      '#0072B2',
      '#0072B2',
      '#ffffff',
    ]);
    expect(crr.pointBorderColor).toBe('#0072B2');
  });

  // CLDR writes Dutch percentages without a space ("95,0%", pattern #,##0%), unlike German or
  // French; the comma is what differs from English.
  it('formats y ticks as Dutch and English percentages', () => {
    // A 0.5 % step needs one decimal to keep neighbouring ticks apart.
    expect(formatTick('nl', 0.95, [0.945, 0.95, 0.955])).toBe('95,0%');
    expect(formatTick('en', 0.95, [0.945, 0.95, 0.955])).toBe('95.0%');
    // A 10 % step needs none.
    expect(formatTick('nl', 0.9, [0.8, 0.9, 1])).toBe('90%');
    expect(formatTick('en', 0.9, [0.8, 0.9, 1])).toBe('90%');
  });

  it('chooses tick decimals from the step, ignoring float noise', () => {
    expect(percentTickDigits([{ value: 0 }, { value: 0.1 }])).toBe(0);
    expect(percentTickDigits([{ value: 0.93 }, { value: 0.94 }])).toBe(0);
    expect(percentTickDigits([{ value: 0.95 }, { value: 0.955 }])).toBe(1);
    expect(percentTickDigits([{ value: 0.95 }, { value: 0.9505 }])).toBe(2);
    expect(percentTickDigits([{ value: 0.5 }])).toBe(0);
  });

  it('formats tooltip values with one decimal in the user language', () => {
    expect(tooltip('nl').label(tooltipItem('Klantretentie', 0.95))).toBe('Klantretentie: 95,0%');
    expect(tooltip('en').label(tooltipItem('Retention', 0.95))).toBe('Retention: 95.0%');
    expect(tooltip('en').label(tooltipItem('Retention', 0.70454))).toBe('Retention: 70.5%');
  });

  it('never prints NaN for a missing rate', () => {
    expect(tooltip('nl').label(tooltipItem('Klantverloop', null))).toBe('Klantverloop: –');
  });

  it('marks an incomplete period in the tooltip footer only', () => {
    expect(tooltip('nl').footer([tooltipItem('Klantretentie', 0.4, 3)])).toBe('Nog niet compleet');
    expect(tooltip('nl').footer([tooltipItem('Klantretentie', 0.95, 0)])).toBeUndefined();
  });

  it('handles a report without periods', () => {
    const empty = trendConfig([], labels, 'en');
    expect(empty.data.labels).toEqual([]);
    expect(empty.data.datasets.map((dataset) => dataset.data)).toEqual([[], []]);
  });
});
