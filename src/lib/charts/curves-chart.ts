/**
 * Retention curves to compare the values of a breakdown (channel, country, plan): one line per
 * value, the pooled share of its cohorts per age. A config builder, tested without a canvas.
 */
import type { ChartConfiguration } from 'chart.js';
import type { BreakdownCurve } from '../core/metrics/cohort-matrix.ts';
import { formatPercent, type Language } from '../i18n/format.ts';
import { palette, sharedOptions } from './chart-style.ts';

export type CurvesConfig = ChartConfiguration<'line', (number | null)[], string>;

/** Colour-blind-safe colours in order, and point shapes so colour is never the only cue. */
const colours = [
  palette.blue,
  palette.vermillion,
  palette.orange,
  palette.green,
  palette.purple,
  palette.sky,
  palette.yellow,
];
const shapes = [
  'circle',
  'rectRot',
  'triangle',
  'rect',
  'star',
  'crossRot',
  'rectRounded',
] as const;

/**
 * One line per breakdown value (at most `limit`, the ones with most customers first).
 * @example curvesConfig(comparison.curves, ['Maand 0', 'Maand 1'], 'nl').data.datasets[0].data
 *   → [1, 0.42, …] (shares 0–1)
 */
export function curvesConfig(
  curves: readonly BreakdownCurve[],
  ageLabels: readonly string[],
  language: Language,
  limit = 7,
): CurvesConfig {
  const shown = curves.slice(0, limit);
  return {
    type: 'line',
    data: {
      labels: [...ageLabels],
      datasets: shown.map((curve, index) => ({
        label: `${curve.label} (${curve.customers})`,
        data: ageLabels.map((_, age) => curve.averageByAge[age]?.share ?? null),
        borderColor: colours[index % colours.length],
        backgroundColor: colours[index % colours.length],
        pointStyle: shapes[index % shapes.length],
        pointRadius: 3,
        borderWidth: 2,
        spanGaps: false,
      })),
    },
    options: {
      ...sharedOptions,
      scales: {
        y: {
          min: 0,
          ticks: { callback: (value) => formatPercent(language, Number(value), 0) },
        },
      },
      plugins: {
        legend: { labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label}: ${item.parsed.y === null ? '—' : formatPercent(language, item.parsed.y)}`,
          },
        },
      },
    },
  };
}
