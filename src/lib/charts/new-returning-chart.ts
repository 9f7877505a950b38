/**
 * New versus returning customers per period (METRICS §6) as a stacked bar chart configuration.
 * Pure like the trend chart: type imports only, tested as data in Node.
 */
import type { ChartConfiguration, ScriptableContext, TooltipItem } from 'chart.js';
import type { PeriodRow } from '../core/analyze.ts';
import { formatMoney, formatNumber, type Language } from '../i18n/format.ts';
import { isIncomplete, palette, sharedOptions, withAlpha } from './chart-style.ts';

/** Texts the caller supplies in the user's language. */
export interface NewReturningLabels {
  readonly newCustomers: string;
  readonly returningCustomers: string;
  readonly title?: string;
  /** Tooltip footer line with the period's total, e.g. "Totaal" → "Totaal: 1.234". */
  readonly total?: string;
  /** Tooltip footer on an incomplete period, e.g. "Periode nog niet compleet". */
  readonly incomplete?: string;
}

/** What the bars count: customers (default), or their revenue in a currency (METRICS §6). */
export type NewReturningMeasure =
  { readonly kind: 'customers' } | { readonly kind: 'revenue'; readonly currency: string };

/** The stacked bar chart's configuration, with customer counts or revenue as data. */
export type NewReturningConfig = ChartConfiguration<'bar', number[], string>;

/**
 * Stacked bars of returning (bottom, the base that should be stable) and new customers per period.
 * A bar in an incomplete period is hollow (faint fill, full outline): bars cannot be dashed in
 * Chart.js, and the outline matches the hollow points of the trend chart.
 * @example newReturningConfig(report.periods, { newCustomers: 'Nieuw', returningCustomers: 'Terugkerend' }, 'nl')
 */
export function newReturningConfig(
  periods: readonly PeriodRow[],
  labels: NewReturningLabels,
  language: Language,
  measure: NewReturningMeasure = { kind: 'customers' },
): NewReturningConfig {
  const isMoney = measure.kind === 'revenue';
  const newValues = periods.map((row) => (isMoney ? (row.newRevenue ?? 0) : row.newCustomers));
  const returningValues = periods.map((row) =>
    isMoney ? (row.returningRevenue ?? 0) : row.returningCustomers,
  );
  const format = (value: number) =>
    isMoney ? formatMoney(language, value, measure.currency) : formatNumber(language, value);
  const series = (label: string, values: number[], colour: string) => ({
    label,
    data: values,
    backgroundColor: (context: Pick<ScriptableContext<'bar'>, 'dataIndex'>): string =>
      isIncomplete(periods, context.dataIndex) ? withAlpha(colour, 0.25) : colour,
    // A complete bar gets a thin card-coloured edge that separates the stacked parts; an
    // incomplete one a full-colour outline around its faint fill.
    borderColor: (context: Pick<ScriptableContext<'bar'>, 'dataIndex'>): string =>
      isIncomplete(periods, context.dataIndex) ? colour : palette.card,
    borderWidth: (context: Pick<ScriptableContext<'bar'>, 'dataIndex'>): number =>
      isIncomplete(periods, context.dataIndex) ? 2 : 1,
    stack: 'customers',
  });

  return {
    type: 'bar',
    data: {
      labels: periods.map((row) => row.period),
      datasets: [
        series(labels.returningCustomers, returningValues, palette.blue),
        series(labels.newCustomers, newValues, palette.orange),
      ],
    },
    options: {
      ...sharedOptions,
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { color: palette.ink } },
        y: {
          stacked: true,
          beginAtZero: true,
          grid: { color: palette.grid },
          ticks: {
            color: palette.ink,
            // Customers come whole: no 2.5 ticks on a small data set.
            precision: isMoney ? undefined : 0,
            callback: (value) => format(Number(value)),
          },
        },
      },
      plugins: {
        title: { display: labels.title !== undefined, text: labels.title ?? '' },
        legend: { labels: { color: palette.ink } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) =>
              `${item.dataset.label}: ${format(item.parsed.y ?? 0)}`,
            footer: (items: TooltipItem<'bar'>[]) => {
              if (items.length === 0) return undefined;
              const row = periods[items[0].dataIndex];
              if (row === undefined) return undefined;
              const lines: string[] = [];
              if (labels.total !== undefined) {
                const total = newValues[items[0].dataIndex] + returningValues[items[0].dataIndex];
                lines.push(`${labels.total}: ${format(total)}`);
              }
              if (labels.incomplete !== undefined && !row.complete) lines.push(labels.incomplete);
              return lines.length > 0 ? lines : undefined;
            },
          },
        },
      },
    },
  };
}
