/**
 * Retention curves to compare the values of a breakdown (channel, country, plan): one line per
 * value, the pooled share of its cohorts per age. A config builder, tested without a canvas.
 */
import type { ChartConfiguration } from 'chart.js';
import type { BreakdownCurve, CohortReport } from '../core/metrics/cohort-matrix.ts';
import { cellShare } from '../core/metrics/cohort-matrix.ts';
import { formatMoney, formatPercent, type Language } from '../i18n/format.ts';
import { palette, sharedOptions, withAlpha } from './chart-style.ts';

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

/**
 * One faint line per cohort (share of its customers active at each age) and the average bold on
 * top (METRICS.md §7): the shape of retention at a glance, with the outliers visible.
 * @example cohortCurvesConfig(report, ['Maand 0', …], 'Gemiddelde (gewogen)', 'nl')
 */
export function cohortCurvesConfig(
  report: CohortReport,
  ageLabels: readonly string[],
  averageLabel: string,
  language: Language,
): CurvesConfig {
  const cohorts = report.cohorts.filter((cohort) => cohort.size > 0);
  return {
    type: 'line',
    data: {
      labels: [...ageLabels],
      datasets: [
        ...cohorts.map((cohort) => ({
          label: cohort.cohort,
          data: ageLabels.map((_, age) => cellShare(cohort, age, report.view)),
          borderColor: withAlpha(palette.sky, 0.35),
          backgroundColor: withAlpha(palette.sky, 0.35),
          borderWidth: 1,
          pointRadius: 0,
          spanGaps: false,
        })),
        {
          label: averageLabel,
          data: ageLabels.map((_, age) => report.averageByAge[age]?.share ?? null),
          borderColor: palette.blue,
          backgroundColor: palette.blue,
          borderWidth: 3,
          pointRadius: 3,
          spanGaps: false,
        },
      ],
    },
    options: {
      ...sharedOptions,
      scales: {
        y: { min: 0, ticks: { callback: (value) => formatPercent(language, Number(value), 0) } },
      },
      plugins: {
        // Only the average has a legend entry: sixty cohort names would bury the chart.
        legend: { labels: { filter: (item) => item.text === averageLabel } },
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

export type CohortRevenueConfig = ChartConfiguration<'bar', number[], string>;

/**
 * Revenue per cohort: what each group of new customers has brought in so far, all ages added up.
 * @example cohortRevenueConfig(report, 'Omzet', 'nl', 'EUR').data.datasets[0].data → [1234.5, …]
 */
export function cohortRevenueConfig(
  report: CohortReport,
  label: string,
  language: Language,
  currency: string,
): CohortRevenueConfig {
  const cohorts = report.cohorts.filter((cohort) => cohort.size > 0);
  return {
    type: 'bar',
    data: {
      labels: cohorts.map((cohort) => cohort.cohort),
      datasets: [
        {
          label,
          data: cohorts.map((cohort) =>
            (cohort.revenue ?? []).reduce((sum, value) => sum + (value ?? 0), 0),
          ),
          backgroundColor: palette.blue,
        },
      ],
    },
    options: {
      ...sharedOptions,
      scales: {
        y: {
          beginAtZero: true,
          ticks: { callback: (value) => formatMoney(language, Number(value), currency) },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => `${label}: ${formatMoney(language, item.parsed.y ?? 0, currency)}`,
          },
        },
      },
    },
  };
}
