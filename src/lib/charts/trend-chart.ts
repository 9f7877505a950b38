/**
 * CRR and churn per period as a line chart configuration. Pure: no canvas and no Chart.js runtime
 * (type imports only), so it is tested as data in Node and the library loads only when drawn.
 */
import type {
  ChartConfiguration,
  ScriptableContext,
  ScriptableLineSegmentContext,
  Tick,
  TooltipItem,
} from 'chart.js';
import type { PeriodRow } from '../core/analyze.ts';
import { formatPercent, type Language } from '../i18n/format.ts';
import { incompleteDash, isIncomplete, palette, sharedOptions } from './chart-style.ts';

/** Texts the caller supplies in the user's language; the builder never invents words. */
export interface TrendLabels {
  readonly crr: string;
  readonly churn: string;
  readonly title?: string;
  /** Tooltip footer on an incomplete period, e.g. "Periode nog niet compleet". */
  readonly incomplete?: string;
}

/** The line chart's configuration, with ratios (0–1) as data and null for "no rate". */
export type TrendConfig = ChartConfiguration<'line', (number | null)[], string>;

/**
 * Decimals for percent ticks: as many as the tick step needs so neighbouring ticks never print the
 * same text (a 0.5 % step needs one decimal, a 10 % step none). The epsilon absorbs float noise
 * such as a step of 0.00999… that would otherwise ask for a needless decimal.
 */
export function percentTickDigits(ticks: readonly Pick<Tick, 'value'>[]): number {
  if (ticks.length < 2) return 0;
  const step = Math.abs(ticks[1].value - ticks[0].value) * 100;
  if (!(step > 0)) return 0;
  return Math.max(0, Math.ceil(-Math.log10(step) - 1e-6));
}

/**
 * The segment dash: dashed when either end is an incomplete period, so the last, partial month
 * never reads as a drop (METRICS §2); undefined keeps the dataset's solid line.
 */
export function incompleteSegmentDash(
  periods: readonly PeriodRow[],
): (
  context: Pick<ScriptableLineSegmentContext, 'p0DataIndex' | 'p1DataIndex'>,
) => number[] | undefined {
  return (context) =>
    isIncomplete(periods, context.p0DataIndex) || isIncomplete(periods, context.p1DataIndex)
      ? [...incompleteDash]
      : undefined;
}

/**
 * Line chart of CRR and churn per period (percentages on the y axis).
 * Data stay ratios so no ×100 rounding creeps in; ticks and tooltips format them with Intl.
 * @example trendConfig(report.periods, { crr: 'Klantretentie', churn: 'Klantverloop' }, 'nl')
 */
export function trendConfig(
  periods: readonly PeriodRow[],
  labels: TrendLabels,
  language: Language,
): TrendConfig {
  const dash = incompleteSegmentDash(periods);
  // Hollow marker on an incomplete period: the same shape, drawn as an outline.
  const fill =
    (colour: string) =>
    (context: Pick<ScriptableContext<'line'>, 'dataIndex'>): string =>
      isIncomplete(periods, context.dataIndex) ? palette.card : colour;
  const series = (
    label: string,
    values: (number | null)[],
    colour: string,
    pointStyle: 'circle' | 'rectRot',
  ) => ({
    label,
    data: values,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    pointStyle,
    pointRadius: 4,
    pointHoverRadius: 6,
    pointBorderWidth: 2,
    pointBorderColor: colour,
    pointBackgroundColor: fill(colour),
    // A missing rate (S = 0) is a gap, never a line drawn through it to the next known value.
    spanGaps: false,
    segment: { borderDash: dash },
  });

  return {
    type: 'line',
    data: {
      labels: periods.map((row) => row.period),
      datasets: [
        // Markers, not dashes, tell the series apart: dashes already mean "incomplete".
        series(
          labels.crr,
          periods.map((row) => row.crr),
          palette.blue,
          'circle',
        ),
        series(
          labels.churn,
          periods.map((row) => row.churn),
          palette.vermillion,
          'rectRot',
        ),
      ],
    },
    options: {
      ...sharedOptions,
      scales: {
        x: { grid: { display: false }, ticks: { color: palette.ink } },
        y: {
          // From zero, so a few points of churn are not drawn as a cliff.
          beginAtZero: true,
          grid: { color: palette.grid },
          ticks: {
            color: palette.ink,
            callback: (value, _index, ticks) =>
              formatPercent(language, Number(value), percentTickDigits(ticks)),
          },
        },
      },
      plugins: {
        title: { display: labels.title !== undefined, text: labels.title ?? '' },
        legend: { labels: { usePointStyle: true, color: palette.ink } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              // Null rates have no point and so no tooltip item; the guard covers NaN all the same.
              const value = item.parsed.y;
              const text =
                value !== null && Number.isFinite(value) ? formatPercent(language, value) : '–';
              return `${item.dataset.label}: ${text}`;
            },
            footer: (items: TooltipItem<'line'>[]) =>
              labels.incomplete !== undefined &&
              items.length > 0 &&
              isIncomplete(periods, items[0].dataIndex)
                ? labels.incomplete
                : undefined,
          },
        },
      },
    },
  };
}
