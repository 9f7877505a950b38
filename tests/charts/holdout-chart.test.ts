import { describe, expect, it } from 'vitest';
import type { TooltipItem } from 'chart.js';
import { holdoutConfig } from '../../src/lib/charts/holdout-chart.ts';
import type { HoldoutWeek } from '../../src/lib/core/prediction.ts';
import { day } from '../core/metrics/make-dataset.ts';

/** Three holdout weeks after a calibration ending 2024-03-31; the last week is partial. */
const weeks: HoldoutWeek[] = [
  { week: 1, endDay: day('2024-04-07'), predicted: 10.25, actual: 9 },
  { week: 2, endDay: day('2024-04-14'), predicted: 20.5, actual: 22 },
  { week: 3, endDay: day('2024-04-17'), predicted: 1234.56, actual: 1300 },
];
const labels = { predicted: 'Voorspeld', actual: 'Werkelijk' };

type Callback = (...args: unknown[]) => unknown;

function item(datasetIndex: number, label: string, y: number): TooltipItem<'line'> {
  return { datasetIndex, dataset: { label }, parsed: { x: 0, y } } as TooltipItem<'line'>;
}

describe('holdoutConfig', () => {
  const config = holdoutConfig(weeks, labels, 'nl');
  const [predicted, actual] = config.data.datasets;

  it('is a line chart with one label per week: the week’s last day', () => {
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['7 apr 2024', '14 apr 2024', '17 apr 2024']);
    expect(holdoutConfig(weeks, labels, 'en').data.labels).toEqual([
      '7 Apr 2024',
      '14 Apr 2024',
      '17 Apr 2024',
    ]);
  });

  it('has the cumulative predicted and actual purchases as two series', () => {
    expect(predicted.label).toBe('Voorspeld');
    expect(predicted.data).toEqual([10.25, 20.5, 1234.56]);
    expect(actual.label).toBe('Werkelijk');
    expect(actual.data).toEqual([9, 22, 1300]);
  });

  it('tells the series apart by colour and marker, never by dash', () => {
    expect([predicted.borderColor, actual.borderColor]).toEqual(['#0072B2', '#D55E00']);
    expect([predicted.pointStyle, actual.pointStyle]).toEqual(['circle', 'rect']);
    expect(predicted.borderDash).toBeUndefined();
    expect(actual.borderDash).toBeUndefined();
  });

  it('starts the y axis at zero, is responsive and does not animate', () => {
    expect(config.options?.scales?.y).toMatchObject({ beginAtZero: true });
    expect(config.options).toMatchObject({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
    });
    expect(config.options?.plugins?.title).toEqual({ display: false, text: '' });
  });

  it('formats ticks and tooltips in the user’s language', () => {
    const y = config.options?.scales?.y as { ticks: { callback: Callback } };
    expect(y.ticks.callback(1500)).toBe('1.500');
    const tooltip = config.options?.plugins?.tooltip?.callbacks as { label: Callback };
    expect(tooltip.label(item(0, 'Voorspeld', 1234.56))).toBe('Voorspeld: 1.234,6');
    expect(tooltip.label(item(1, 'Werkelijk', 1300))).toBe('Werkelijk: 1.300');
    const english = holdoutConfig(weeks, { ...labels, title: 'Holdout' }, 'en');
    const englishTooltip = english.options?.plugins?.tooltip?.callbacks as { label: Callback };
    expect(englishTooltip.label(item(0, 'Predicted', 1234.56))).toBe('Predicted: 1,234.6');
    expect(english.options?.plugins?.title).toEqual({ display: true, text: 'Holdout' });
  });

  it('draws nothing for an empty holdout', () => {
    const empty = holdoutConfig([], labels, 'nl');
    expect(empty.data.labels).toEqual([]);
    expect(empty.data.datasets.map((d) => d.data)).toEqual([[], []]);
  });
});
