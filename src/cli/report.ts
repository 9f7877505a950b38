/**
 * What the command line prints: one plain JSON-able object built in one place (`buildReport`),
 * and a short English text rendering of it. The engine has no prose (ARCHITECTURE.md), so the
 * words for codes live here.
 */
import type { DetectionNote, Mapping } from '../lib/core/ingest/detect.ts';
import type { IngestResult, SkipReason } from '../lib/core/ingest/ingest.ts';
import { columnRoles, type ColumnRole } from '../lib/core/ingest/roles.ts';
import type { InputKind } from '../lib/core/model/dataset.ts';
import { isoDate } from '../lib/core/model/days.ts';
import type { PeriodUnit } from '../lib/core/model/periods.ts';
import type { ReadFormat } from '../lib/io/read-file.ts';
import {
  analyze,
  type LifetimeValueSummary,
  type PeriodRow,
  type RevenueRow,
} from '../lib/core/analyze.ts';
import { cohortMatrix, type CohortUnit } from '../lib/core/metrics/cohort-matrix.ts';
import { predictionJson } from './prediction-report.ts';
import type { CsvDelimiter } from '../lib/io/read-csv.ts';
import type { TextEncodingName } from '../lib/io/decode.ts';

/** How many row numbers per skip reason are listed (the full list is for the app's export). */
export const SHOWN_ROW_NUMBERS = 10;

/** The command line's report: what was read and how (the `--json` output). */
export interface CliReport {
  readonly file: string;
  readonly format: ReadFormat;
  /** Text files only. */
  readonly encoding: TextEncodingName | null;
  /** Text files only; 'whitespace' for fixed-width files such as CDNOW. */
  readonly delimiter: CsvDelimiter | null;
  readonly sheet: string;
  readonly kind: InputKind;
  /** The currency of the amounts (ISO 4217), detected or EUR. */
  readonly currency: string;
  readonly settings: {
    readonly period: PeriodUnit;
    readonly windowDays: number;
    /** The day a snapshot without dates was taken; null when the file has dates. */
    readonly referenceDate: string | null;
  };
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly customers: number;
  readonly dateRange: { readonly from: string; readonly to: string } | null;
  readonly skipped: Readonly<Record<SkipReason, number>>;
  /** The first row numbers (as a spreadsheet shows them) per skip reason that occurred. */
  readonly skippedRows: Readonly<Partial<Record<SkipReason, readonly number[]>>>;
  readonly refundRows: number;
  readonly warnings: Readonly<Record<string, number>>;
  /** Column name (header, or 1-based number without a header) → role, every column. */
  readonly mapping: Readonly<Record<string, ColumnRole>>;
  readonly notes: readonly DetectionNote[];
  /** The retention numbers per period (ratios between 0 and 1, null where there is no base). */
  readonly periods: readonly CliPeriod[];
  /** Cohort matrix; null for two lists. */
  readonly cohorts: CliCohorts | null;
  /** The purchase model (BG/NBD and Gamma-Gamma) and the at-risk customers. */
  readonly prediction: ReturnType<typeof predictionJson>;
  /** Whole-data repeat-purchase shares (orders only; null otherwise). */
  readonly repeat: {
    readonly twoOrMore: number | null;
    readonly within30: number | null;
    readonly within90: number | null;
    readonly within365: number | null;
  };
  /**
   * Revenue movements and rates per period (METRICS.md §8), in the order of `periods`; null when
   * the file has no amounts (or is two lists).
   */
  readonly revenueRetention: readonly CliRevenuePeriod[] | null;
  /** Customer lifetime value (METRICS.md §9, margin 100 %); null without amounts. */
  readonly lifetimeValue: CliLifetimeValue | null;
}

/** One period's revenue movements and rates, as `--json` prints them. */
export interface CliRevenuePeriod {
  readonly period: string;
  /** R0: what the customers paying at the start paid (orders: in the previous period). */
  readonly startRevenue: number;
  /** What customers new in the period pay at its end (orders: their revenue in it). */
  readonly new: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churned: number;
  readonly reactivated: number;
  /** (R0 + expansion − contraction − churned) ÷ R0; null when R0 = 0. */
  readonly nrr: number | null;
  /** (R0 − contraction − churned) ÷ R0; null when R0 = 0. */
  readonly grr: number | null;
  /** (new + expansion) ÷ (contraction + churned); null when nothing was lost. */
  readonly quickRatio: number | null;
}

/** The lifetime value and its parts, as `--json` prints them. */
export interface CliLifetimeValue {
  readonly kind: 'subscriptions' | 'orders';
  /** Days measured: the churn months (subscriptions) or the last 365 days (orders). */
  readonly from: string;
  readonly to: string;
  /** Revenue per active customer per month (subscriptions) or average order value (orders). */
  readonly averageRevenue: number | null;
  /** Subscriptions only: the gross margin used. */
  readonly margin: number | null;
  /** Orders only: purchases per buyer in the last year. */
  readonly purchasesPerYear: number | null;
  /** Monthly (subscriptions) or yearly (orders) churn. */
  readonly churn: number | null;
  /** 1 ÷ churn, in `lifetimeUnit`s. */
  readonly lifetime: number | null;
  readonly lifetimeUnit: 'month' | 'year';
  readonly ltv: number | null;
}

function cliRevenuePeriod(row: RevenueRow): CliRevenuePeriod {
  return {
    period: row.period,
    startRevenue: row.startRevenue,
    new: row.new,
    expansion: row.expansion,
    contraction: row.contraction,
    churned: row.churned,
    reactivated: row.reactivated,
    nrr: row.nrr,
    grr: row.grr,
    quickRatio: row.quickRatio,
  };
}

function cliLifetimeValue(summary: LifetimeValueSummary | null): CliLifetimeValue | null {
  if (summary === null) return null;
  return {
    kind: summary.kind,
    from: isoDate(summary.first),
    to: isoDate(summary.last),
    averageRevenue: summary.averageRevenue,
    margin: summary.margin,
    purchasesPerYear: summary.purchasesPerYear,
    churn: summary.churn,
    lifetime: summary.lifetime,
    lifetimeUnit: summary.lifetimeUnit,
    ltv: summary.ltv,
  };
}

/** One period of the report, as `--json` prints it. */
export interface CliPeriod {
  /** "2011-03", "2011-W09", "2011-Q1", "2011" or "2011-03-05". */
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly S: number;
  readonly E: number;
  readonly N: number;
  readonly crr: number | null;
  readonly exactRetention: number | null;
  readonly churn: number | null;
  readonly churnStripe: number | null;
  readonly churnBaremetrics: number | null;
  readonly lost: number;
  readonly reactivated: number;
  readonly joinedAndLeft: number;
  readonly repeatRate: number | null;
  readonly newCustomers: number;
  readonly returningCustomers: number;
  readonly revenue: number | null;
  readonly complete: boolean;
}

function cliPeriod(row: PeriodRow): CliPeriod {
  return {
    period: row.period,
    from: isoDate(row.first),
    to: isoDate(row.last),
    S: row.S,
    E: row.E,
    N: row.N,
    crr: row.crr,
    exactRetention: row.exactRetention,
    churn: row.churn,
    churnStripe: row.churnStripe,
    churnBaremetrics: row.churnBaremetrics,
    lost: row.lost,
    reactivated: row.reactivated,
    joinedAndLeft: row.joinedAndLeft,
    repeatRate: row.repeatRate,
    newCustomers: row.newCustomers,
    returningCustomers: row.returningCustomers,
    revenue: row.revenue,
    complete: row.complete,
  };
}

/** Everything `buildReport` reads; the dataset is there for the per-period metrics to come. */
export interface ReportInput {
  readonly file: string;
  readonly format: ReadFormat;
  readonly encoding: TextEncodingName | null;
  readonly delimiter: CsvDelimiter | null;
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly mapping: Mapping;
  readonly notes: readonly DetectionNote[];
  readonly ingested: Extract<IngestResult, { ok: true }>;
  readonly period: PeriodUnit;
  readonly cohortPeriod: CohortUnit;
  readonly windowDays: number;
  /** End of the purchase model's calibration; null for its default. */
  readonly calibrationEnd: number | null;
  readonly referenceDay: number;
}

/** The cohort matrix as `--json` prints it (METRICS.md §7). */
export interface CliCohorts {
  readonly period: CohortUnit;
  readonly cohorts: readonly {
    readonly cohort: string;
    readonly size: number;
    /** Customers active at age 0…k (classic: bought, or still subscribed at the period's end). */
    readonly active: readonly number[];
    /** Revenue at age 0…k; null without amounts. */
    readonly revenue: readonly number[] | null;
    readonly complete: readonly boolean[];
  }[];
  /** Pooled share per age (Σ active ÷ Σ size) over the cohorts that fully observed it. */
  readonly averageByAge: readonly (number | null)[];
}

function cliCohorts(input: ReportInput): CliCohorts | null {
  const { dataset } = input.ingested;
  if (dataset.kind === 'lists') return null;
  const report = cohortMatrix(dataset, { unit: input.cohortPeriod });
  return {
    period: report.period,
    cohorts: report.cohorts
      .filter((row) => row.size > 0)
      .map((row) => ({
        cohort: row.cohort,
        size: row.size,
        active: row.active,
        revenue: row.revenue,
        complete: row.complete,
      })),
    averageByAge: report.averageByAge.map((average) => average.share),
  };
}

/**
 * Column names for the JSON mapping: the header, the column number without one, and the number
 * added to a header that occurs twice (object keys must be unique).
 * @example mappingNames(['Email', '', 'Email']) → ['Email', '2', 'Email (column 3)']
 */
export function mappingNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, column) => {
    let name = header === '' ? String(column + 1) : header;
    if (seen.has(name)) name = `${name} (column ${column + 1})`;
    seen.add(name);
    return name;
  });
}

/**
 * Builds the report of one analyzed file: what was read and how, and the same numbers the app
 * shows, computed by the same core (`analyze`).
 */
export function buildReport(input: ReportInput): CliReport {
  const { summary, skippedRows, dataset } = input.ingested;
  const analysis = analyze(dataset, { unit: input.period, windowDays: input.windowDays });
  const names = mappingNames(input.headers);
  const mapping: Record<string, ColumnRole> = {};
  input.mapping.roles.forEach((role, column) => {
    mapping[names[column]] = role;
  });
  const rowNumbers: Partial<Record<SkipReason, number[]>> = {};
  for (const { row, code } of skippedRows) {
    const list = (rowNumbers[code] ??= []);
    if (list.length < SHOWN_ROW_NUMBERS) list.push(row);
  }
  const snapshot = input.mapping.kind === 'subscriptions' && !input.mapping.roles.includes('date');
  return {
    file: input.file,
    format: input.format,
    encoding: input.encoding,
    delimiter: input.delimiter,
    sheet: input.sheet,
    kind: summary.kind,
    currency: input.mapping.currency ?? 'EUR',
    settings: {
      period: input.period,
      windowDays: input.windowDays,
      referenceDate: snapshot ? isoDate(input.referenceDay) : null,
    },
    rowsRead: summary.rowsRead,
    rowsUsed: summary.rowsUsed,
    customers: summary.customers,
    dateRange: summary.dateRange
      ? { from: isoDate(summary.dateRange.from), to: isoDate(summary.dateRange.to) }
      : null,
    skipped: summary.skipped,
    skippedRows: rowNumbers,
    refundRows: summary.refundRows,
    warnings: summary.warnings,
    mapping,
    notes: input.notes,
    periods: analysis.periods.map(cliPeriod),
    cohorts: cliCohorts(input),
    prediction: predictionJson(dataset, input.calibrationEnd),
    repeat: analysis.repeat,
    revenueRetention: analysis.revenueRetention?.map(cliRevenuePeriod) ?? null,
    lifetimeValue: cliLifetimeValue(analysis.lifetimeValue),
  };
}

const skipWords: Record<SkipReason, string> = {
  'missing-customer': 'no customer',
  'missing-date': 'no date',
  'unreadable-date': 'unreadable date',
  'unreadable-end-date': 'unreadable end date',
  'end-before-start': 'end date before start date',
  'unreadable-tenure': 'unreadable tenure',
};

const noteWords: Record<DetectionNote, string> = {
  'no-customer-column': 'no customer column was recognised (use --customer)',
  'no-date-column': 'no date column was recognised (use --date)',
  'ambiguous-date-order':
    'every date fits both day-first and month-first; read as day-first (use --date-order mdy to change)',
  'no-header': 'the file has no header row: columns are named by number',
  'no-amount-column': 'no amount column: revenue figures will be missing (use --amount)',
};

const delimiterWords: Record<CsvDelimiter, string> = {
  ',': 'comma-separated',
  ';': 'semicolon-separated',
  '\t': 'tab-separated',
  '|': 'pipe-separated',
  whitespace: 'whitespace-separated',
};

/** Roles in the order a reader looks for them; 'ignore' is left out of the text. */
const roleOrder = columnRoles.filter((role) => role !== 'ignore');

const count = (value: number) => value.toLocaleString('en-US');
const plural = (value: number, word: string) => `${count(value)} ${word}${value === 1 ? '' : 's'}`;

/**
 * The report as a few lines of English for a terminal.
 * @example formatText(report) → 'CDNOW_sample.txt (csv, whitespace-separated, utf-8)\n  Read as:    orders\n…'
 */
export function formatText(report: CliReport): string {
  const how: string[] = [report.format];
  if (report.delimiter !== null) how.push(delimiterWords[report.delimiter]);
  if (report.encoding !== null) how.push(report.encoding);
  const lines = [`${report.file} (${how.join(', ')})`];
  if (report.format !== 'csv') lines.push(`  Sheet:      ${report.sheet}`);
  lines.push(`  Read as:    ${report.kind}`);

  const entries = Object.entries(report.mapping);
  const columns = roleOrder.flatMap((role) => {
    const named = entries.filter(([, mapped]) => mapped === role).map(([name]) => name);
    return named.length === 0 ? [] : [`${role} = ${named.join(', ')}`];
  });
  lines.push(`  Columns:    ${columns.join('; ')}`);
  lines.push(
    `  Rows:       ${count(report.rowsRead)} read, ${count(report.rowsUsed)} used` +
      (report.refundRows > 0 ? ` (${count(report.refundRows)} refunds or cancellations)` : ''),
  );
  lines.push(`  Customers:  ${count(report.customers)}`);
  lines.push(
    `  Dates:      ${report.dateRange ? `${report.dateRange.from} to ${report.dateRange.to}` : 'none'}` +
      (report.settings.referenceDate !== null
        ? ` (start dates computed from tenure before ${report.settings.referenceDate})`
        : ''),
  );
  for (const [reason, skipped] of Object.entries(report.skipped) as [SkipReason, number][]) {
    if (skipped === 0) continue;
    const shown = report.skippedRows[reason] ?? [];
    const more = skipped > shown.length ? ', …' : '';
    lines.push(
      `  Skipped:    ${plural(skipped, 'row')} with ${skipWords[reason]} (row${shown.length === 1 ? '' : 's'} ${shown.join(', ')}${more})`,
    );
  }
  const unreadable = report.warnings['unreadable-amount'] ?? 0;
  if (unreadable > 0) {
    lines.push(
      `  Warning:    ${plural(unreadable, 'row')} with an unreadable amount, counted as 0`,
    );
  }
  for (const note of report.notes) lines.push(`  Note:       ${noteWords[note]}`);
  const window =
    report.kind === 'orders' ? `, activity window ${report.settings.windowDays} days` : '';
  lines.push(`  Settings:   period ${report.settings.period}${window}`);
  const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);
  if (report.periods.length > 0) {
    lines.push('', '  period        S       E       N     CRR   exact   churn    lost  repeat');
    for (const row of report.periods) {
      lines.push(
        `  ${row.period.padEnd(10)}${[row.S, row.E, row.N].map((value) => count(value).padStart(8)).join('')}` +
          `${[row.crr, row.exactRetention, row.churn].map((ratio) => percent(ratio).padStart(8)).join('')}` +
          `${count(row.lost).padStart(8)}${percent(row.repeatRate).padStart(8)}${row.complete ? '' : '  (incomplete)'}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
