/**
 * The purchase model's holdout check (METRICS.md §9) as a line chart configuration: cumulative
 * repeat purchases the model predicted versus those that happened, per week after the calibration
 * end. Pure like the other builders: type imports only, tested as data in Node.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { HoldoutWeek } from '../core/prediction.ts';
import { formatDay, formatNumber, type Language } from '../i18n/format.ts';
import { palette, sharedOptions } from './chart-style.ts';

/** Texts the caller supplies in the user's language. */
export interface HoldoutLabels {
  /** Series of the model, e.g. "Voorspeld door het model". */
  readonly predicted: string;
  /** Series of the data, e.g. "Werkelijk". */
  readonly actual: string;
  readonly title?: string;
}

/** The line chart's configuration: cumulative purchases per holdout week. */
export type HoldoutConfig = ChartConfiguration<'line', number[], string>;

/**
 * Two cumulative lines over the holdout weeks, labelled with each week's last day. The model's
 * line is smooth and fractional; the data's line counts whole purchases. They differ by colour
 * and by marker (circle versus square), never by dash: dashes mean "incomplete" in every chart.
 * @example holdoutConfig(report.holdout, { predicted: 'Voorspeld', actual: 'Werkelijk' }, 'nl')
 */
export function holdoutConfig(
  weeks: readonly HoldoutWeek[],
  labels: HoldoutLabels,
  language: Language,
): HoldoutConfig {
  const series = (label: string, values: number[], colour: string, pointStyle: string) => ({
    label,
    data: values,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    pointStyle,
    pointRadius: weeks.length > 26 ? 2 : 3,
    pointHoverRadius: 5,
  });
  return {
    type: 'line',
    data: {
      labels: weeks.map((week) => formatDay(language, week.endDay)),
      datasets: [
        series(
          labels.predicted,
          weeks.map((week) => week.predicted),
          palette.blue,
          'circle',
        ),
        series(
          labels.actual,
          weeks.map((week) => week.actual),
          palette.vermillion,
          'rect',
        ),
      ],
    },
    options: {
      ...sharedOptions,
      scales: {
        x: { grid: { display: false }, ticks: { color: palette.ink, maxTicksLimit: 8 } },
        y: {
          beginAtZero: true,
          grid: { color: palette.grid },
          ticks: {
            color: palette.ink,
            precision: 0,
            callback: (value) => formatNumber(language, Number(value)),
          },
        },
      },
      plugins: {
        title: { display: labels.title !== undefined, text: labels.title ?? '' },
        legend: { labels: { usePointStyle: true, color: palette.ink } },
        tooltip: {
          callbacks: {
            // The model's expectation keeps one decimal; counted purchases are whole.
            label: (item: TooltipItem<'line'>) =>
              `${item.dataset.label}: ${formatNumber(
                language,
                item.parsed.y ?? 0,
                item.datasetIndex === 0 ? 1 : 0,
              )}`,
          },
        },
      },
    },
  };
}
