/**
 * The tables the user can export, built once from what the screens show: the periods table,
 * a customer list, the skipped rows. Header words come from the catalog; percentages are written
 * as shown (one decimal), counts and money as numbers.
 */
import type { CustomerDetail, Report, RevenueRow } from '../core/analyze.ts';
import type { HeatmapLabels, HeatmapModel } from '../charts/heatmap.ts';
import type { RowProblem, RowWarning, SkipReason } from '../core/ingest/ingest.ts';
import { isoDate } from '../core/model/days.ts';
import type { AppMessages, Language, Messages } from '../i18n/index.ts';
import type { PredictionReport } from '../core/prediction.ts';
import { atRiskReasonText } from '../i18n/prediction-messages.ts';
import type { CsvValue } from '../io/export-csv.ts';

export type ExportRows = readonly (readonly CsvValue[])[];

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
const day = (value: number | null) => (value === null ? null : isoDate(value));

export function periodsTable(report: Report, t: Messages): ExportRows {
  const columns = t.overview.columns;
  return [
    [
      columns.period,
      columns.start,
      columns.end,
      columns.newCustomers,
      `${columns.crr} (%)`,
      `${columns.exactRetention} (%)`,
      `${columns.churn} (%)`,
      columns.lost,
      columns.reactivated,
      `${columns.repeatRate} (%)`,
      columns.returning,
      columns.revenue,
      columns.complete,
    ],
    ...report.periods.map((row) => [
      row.period || t.overview.listsPeriod,
      row.S,
      row.E,
      row.N,
      percent(row.crr),
      percent(row.exactRetention),
      percent(row.churn),
      row.lost,
      row.reactivated,
      percent(row.repeatRate),
      row.returningCustomers,
      row.revenue,
      row.complete ? t.overview.yes : t.overview.no,
    ]),
  ];
}

export function customerTable(details: readonly CustomerDetail[], t: Messages): ExportRows {
  const columns = t.explain.customerColumns;
  return [
    [columns.key, columns.first, columns.last, columns.purchases, columns.revenue],
    ...details.map((customer) => [
      customer.key,
      day(customer.firstDay),
      day(customer.lastDay),
      customer.purchases,
      customer.revenue,
    ]),
  ];
}

export function skippedTable(
  skipped: readonly RowProblem<SkipReason>[],
  warnings: readonly RowProblem<RowWarning>[],
  t: Messages,
): ExportRows {
  return [
    [t.exportColumns.row, t.exportColumns.reason, t.exportColumns.value],
    ...skipped.map((problem) => [problem.row, t.skipReasons[problem.code], problem.value]),
    ...warnings.map((problem) => [problem.row, t.warnings[problem.code], problem.value]),
  ];
}

/**
 * The cohort matrix as shown: one row per cohort with its size and a value per age (shares as
 * percentages with one decimal), and the average row. Empty cells stay empty.
 */
export function heatmapTable(model: HeatmapModel, labels: HeatmapLabels): ExportRows {
  const asShown = (value: number | null) =>
    value === null ? null : model.kind === 'ratio' ? percent(value) : Math.round(value * 100) / 100;
  const averageLabel =
    model.average.kind === 'pooled'
      ? labels.averagePooled
      : model.average.kind === 'simple'
        ? labels.averageSimple
        : labels.averageMean;
  return [
    [labels.cohort, labels.customers, ...model.ages.map((age) => labels.age(String(age)))],
    ...model.rows.map((row) => [
      row.label,
      row.size,
      ...row.cells.map((cell) => (cell.empty ? null : asShown(cell.value))),
    ]),
    [averageLabel, null, ...model.average.cells.map((cell) => asShown(cell.value))],
  ];
}

/** The at-risk list, most valuable first, each row with why the customer is on it. */
export function atRiskTable(
  report: Extract<PredictionReport, { ok: true }>,
  t: AppMessages,
  language: Language,
): ExportRows {
  const columns = t.prediction.columns;
  return [
    [
      columns.customer,
      columns.lastPurchase,
      columns.purchases,
      columns.pastRevenue,
      `${columns.probabilityAlive} (%)`,
      columns.why,
    ],
    ...report.atRisk.map((customer) => [
      customer.key,
      isoDate(customer.lastDay),
      customer.purchases,
      customer.pastRevenue,
      percent(customer.probabilityAlive),
      customer.reasons.map((reason) => atRiskReasonText(reason, t.prediction, language)).join('; '),
    ]),
  ];
}

/** The revenue movements per period as shown: money as numbers, rates as percentages. */
export function revenueTable(rows: readonly RevenueRow[], t: AppMessages): ExportRows {
  const { steps, columns } = t.revenue;
  return [
    [
      columns.period,
      steps.start,
      steps.new,
      steps.expansion,
      steps.reactivated,
      steps.contraction,
      steps.churned,
      steps.end,
      `${columns.nrr} (%)`,
      `${columns.grr} (%)`,
      columns.quickRatio,
    ],
    ...rows.map((row) => [
      row.period,
      row.startRevenue,
      row.new,
      row.expansion,
      row.reactivated,
      row.contraction,
      row.churned,
      row.endRevenue,
      percent(row.nrr),
      percent(row.grr),
      row.quickRatio === null ? null : Math.round(row.quickRatio * 100) / 100,
    ]),
  ];
}
