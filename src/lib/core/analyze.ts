/**
 * Dataset + settings → the whole report, as a plain JSON-able object (no typed arrays), so a
 * worker can post it and a session can recompute it on open. Explanations and customer lists are
 * produced on demand from the `Analysis` that stays beside the report (in the worker), never stored
 * for every period.
 */
import type { Dataset, InputKind } from './model/dataset.ts';
import { NO_DAY } from './model/days.ts';
import type { Explanation, MetricId } from './explain/index.ts';
import {
  createContext,
  type AnalysisSettings,
  type MetricContext,
  type ResolvedSettings,
} from './metrics/context.ts';
import { churn } from './metrics/churn-rate.ts';
import { newToExisting } from './metrics/new-vs-existing.ts';
import {
  classifyPeriod,
  sweepPeriods,
  type CustomerGroup,
  type PeriodCounts,
} from './metrics/period-counts.ts';
import { lifetimeValue } from './metrics/lifetime-value.ts';
import { appliesTo, calculator, datasetMetric } from './metrics/registry.ts';
import { computeTwoOrMore, computeWithin } from './metrics/repeat-purchase.ts';
import { crr, exactRetention } from './metrics/retention-rate.ts';
import { hasRevenue } from './metrics/revenue-movements.ts';
import { revenueRetentionTable } from './metrics/revenue-retention.ts';
import type { CalculatorInput } from './metrics/calculator.ts';

export type { AnalysisSettings, ResolvedSettings } from './metrics/context.ts';
export type { CustomerGroup } from './metrics/period-counts.ts';

/** One row of the report table. Ratios are 0–1 or null (no base); money is null without amounts. */
export interface PeriodRow {
  /** '2011-03', '2011-W09', '2011-Q1', '2011', '2011-03-05', a custom 'from/to', '' for lists. */
  readonly period: string;
  /** First and last epoch day of the period (inclusive); t0 = first − 1, t1 = last. */
  readonly first: number;
  readonly last: number;
  readonly complete: boolean;
  readonly S: number;
  readonly E: number;
  readonly N: number;
  /** CRR = (E − N) / S */
  readonly crr: number | null;
  /** |S ∩ active at t1| / S */
  readonly exactRetention: number | null;
  /** Ours: lost / S */
  readonly churn: number | null;
  readonly churnStripe: number | null;
  readonly churnBaremetrics: number | null;
  readonly lost: number;
  readonly joinedAndLeft: number;
  readonly reactivated: number;
  /** Orders only: returning / previous buyers. */
  readonly repeatRate: number | null;
  /** First purchase or start in the period (= N). */
  readonly newCustomers: number;
  /** Bought / active in the period with a first purchase or start before it. */
  readonly returningCustomers: number;
  /** new ÷ returning */
  readonly newToExisting: number | null;
  readonly revenue: number | null;
  readonly newRevenue: number | null;
  readonly returningRevenue: number | null;
}

/**
 * One period's revenue movements and rates (METRICS.md §8), in the data's currency. The waterfall
 * reads startRevenue + new + expansion + reactivated − contraction − churned = endRevenue.
 */
export interface RevenueRow {
  /** The same label as the period's `PeriodRow`. */
  readonly period: string;
  readonly complete: boolean;
  /** R0: what the customers paying at the start paid (orders: in the previous period). */
  readonly startRevenue: number;
  /** What customers new in the period pay at its end. */
  readonly new: number;
  /** Σ increases of the customers paying at the start who pay more. */
  readonly expansion: number;
  /** Σ decreases of the customers paying at the start who pay less, but something. */
  readonly contraction: number;
  /** Σ start amounts of the customers paying at the start who pay nothing at the end. */
  readonly churned: number;
  /** What customers who paid before, but not at the start, pay again at the end. */
  readonly reactivated: number;
  /** R1: what everybody paying at the end pays. */
  readonly endRevenue: number;
  /** (R0 + expansion − contraction − churned) ÷ R0; null when R0 = 0. */
  readonly nrr: number | null;
  /** (R0 − contraction − churned) ÷ R0, at most 1; null when R0 = 0. */
  readonly grr: number | null;
  /** (new + expansion) ÷ (contraction + churned); null when nothing was lost. */
  readonly quickRatio: number | null;
}

/** The lifetime value and its parts (METRICS.md §9), as of the end of the data. */
export interface LifetimeValueSummary {
  readonly kind: 'subscriptions' | 'orders';
  /** Days measured (inclusive): the pooled churn months (subscriptions) or the last year (orders). */
  readonly first: number;
  readonly last: number;
  /** Subscriptions: revenue per active customer per month (ARPA); orders: average order value. */
  readonly averageRevenue: number | null;
  /** Subscriptions: the gross margin used (0–1); null for orders (§9 applies none). */
  readonly margin: number | null;
  /** Orders: purchases per customer in the last year; null for subscriptions. */
  readonly purchasesPerYear: number | null;
  /** Monthly (subscriptions) or yearly (orders) churn, 0–1; null when nobody was at the start. */
  readonly churn: number | null;
  /** 1 ÷ churn, in `lifetimeUnit`s; null when churn is 0 or null. */
  readonly lifetime: number | null;
  readonly lifetimeUnit: 'month' | 'year';
  /** Lifetime value in money; null when there is no lifetime. */
  readonly ltv: number | null;
}

export interface Report {
  readonly inputKind: InputKind;
  readonly settings: ResolvedSettings;
  /** Days the data covers; null without dated rows (and for lists, which have no dates). */
  readonly dataFirstDay: number | null;
  readonly dataLastDay: number | null;
  /** Customers with at least one purchase, start or list entry. */
  readonly customerCount: number;
  readonly periods: readonly PeriodRow[];
  /** Whole-data repeat-purchase shares (orders only; null otherwise). */
  readonly repeat: {
    readonly twoOrMore: number | null;
    readonly within30: number | null;
    readonly within90: number | null;
    readonly within365: number | null;
  };
  /** Revenue movements and rates per period (same order as `periods`); null without amounts. */
  readonly revenueRetention: readonly RevenueRow[] | null;
  /** Lifetime value; null without amounts (and for two lists or undated data). */
  readonly lifetimeValue: LifetimeValueSummary | null;
}

/** On-demand detail of one customer for the lists behind a term. */
export interface CustomerDetail {
  readonly code: number;
  readonly key: string;
  /** First and last purchase day (orders) or first start and last start/end day (subscriptions). */
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  /** Orders (purchases) for orders data; subscription rows for subscriptions. */
  readonly purchases: number;
  /** Revenue under the refunds rule (orders with amounts); null otherwise. */
  readonly revenue: number | null;
}

export interface Analysis {
  readonly report: Report;
  /**
   * Worked example of a metric for period index p (ignored by whole-data metrics); null when the
   * metric does not apply (another input kind, or a money metric without amounts).
   */
  explain(metric: MetricId, p: number): Explanation | null;
  /** Customer codes behind a count of period p (S, E, N, lost, …), ascending. */
  customers(p: number, group: CustomerGroup): number[];
  customerDetails(codes: readonly number[]): CustomerDetail[];
}

function periodRow(context: MetricContext, p: number, c: PeriodCounts): PeriodRow {
  const period = context.periods[p];
  return {
    period: period.label,
    first: period.first,
    last: period.last,
    complete: period.complete,
    S: c.S,
    E: c.E,
    N: c.N,
    crr: crr(c),
    exactRetention: exactRetention(c),
    churn: churn(c, 'ours'),
    churnStripe: churn(c, 'stripe'),
    churnBaremetrics: churn(c, 'baremetrics'),
    lost: c.lost,
    joinedAndLeft: c.joinedAndLeft,
    reactivated: c.reactivated,
    repeatRate:
      context.dataset.kind === 'orders' && c.previous > 0 ? c.returning / c.previous : null,
    newCustomers: c.N,
    returningCustomers: c.returning,
    newToExisting: newToExisting(c),
    revenue: c.revenue,
    newRevenue: c.newRevenue,
    returningRevenue: c.returningRevenue,
  };
}

/** The revenue rows of the report, from the cached revenue sweep (one pass for every period). */
function revenueRows(context: MetricContext): RevenueRow[] | null {
  const table = revenueRetentionTable(context);
  if (table === null) return null;
  return table.map((m, p) => ({
    period: context.periods[p].label,
    complete: context.periods[p].complete,
    startRevenue: m.R0,
    new: m.newRevenue,
    expansion: m.expansion,
    contraction: m.contraction,
    churned: m.churned,
    reactivated: m.reactivatedRevenue,
    endRevenue: m.R1,
    nrr: m.nrr,
    grr: m.grr,
    quickRatio: m.quickRatio,
  }));
}

/** The lifetime value summary; null without amounts, for two lists or undated data. */
function lifetimeSummary(context: MetricContext): LifetimeValueSummary | null {
  if (!hasRevenue(context)) return null;
  const value = lifetimeValue(context);
  if (value === null) return null;
  const isSubscriptions = value.kind === 'subscriptions';
  return {
    kind: value.kind,
    first: value.window.from,
    last: value.window.to,
    averageRevenue: value.averageRevenue,
    margin: isSubscriptions ? value.factor : null,
    purchasesPerYear: isSubscriptions ? null : value.factor,
    churn: value.churn,
    lifetime: value.lifetime,
    lifetimeUnit: isSubscriptions ? 'month' : 'year',
    ltv: value.ltv,
  };
}

/**
 * Builds the report and keeps the context for explanations and customer lists.
 * Cost: one activity index (O(rows + customers)), one sweep over all periods for the customer
 * counts and one for the revenue movements, and the lifetime value's inputs (O(rows + customers ×
 * 12) for subscriptions).
 * @example createAnalysis(orders, { unit: 'month' }).explain('retention-rate', 3)
 */
export function createAnalysis(dataset: Dataset, settings: AnalysisSettings): Analysis {
  const context = createContext(dataset, settings);
  const counts = sweepPeriods(context);
  const index = context.activity;
  let customerCount = 0;
  for (let c = 0; c < index.customerCount; c++) if (index.firstDay[c] !== NO_DAY) customerCount++;
  const isLists = dataset.kind === 'lists';
  const report: Report = {
    inputKind: dataset.kind,
    settings: context.settings,
    dataFirstDay: isLists || index.dataFirstDay === NO_DAY ? null : index.dataFirstDay,
    dataLastDay: isLists || index.dataLastDay === NO_DAY ? null : index.dataLastDay,
    customerCount,
    periods: counts.map((c, p) => periodRow(context, p, c)),
    repeat: {
      twoOrMore: computeTwoOrMore(context),
      within30: computeWithin(context, 30),
      within90: computeWithin(context, 90),
      within365: computeWithin(context, 365),
    },
    revenueRetention: settings.revenue === false ? null : revenueRows(context),
    lifetimeValue: settings.revenue === false ? null : lifetimeSummary(context),
  };
  return {
    report,
    explain(metric, p) {
      const module = datasetMetric(metric);
      if (module === undefined || !appliesTo(module, dataset)) return null;
      if (module.scope === 'period' && (p < 0 || p >= context.periods.length)) return null;
      return module.explain(context, p);
    },
    customers(p, group) {
      if (p < 0 || p >= context.periods.length) return [];
      return classifyPeriod(context, p).customers[group];
    },
    customerDetails(codes) {
      return codes.map((code) => ({
        code,
        key: dataset.customerKeys[code] ?? '',
        firstDay: index.firstDay[code] === NO_DAY || isLists ? null : index.firstDay[code],
        lastDay: index.lastDay[code] === NO_DAY || isLists ? null : index.lastDay[code],
        purchases: index.purchaseCount[code] ?? 0,
        revenue: index.revenue === null ? null : index.revenue[code],
      }));
    },
  };
}

/**
 * The report of a dataset under the settings.
 * @example analyze(orders, { unit: 'month', windowDays: 365 }).periods[0].period === '1997-01'
 */
export function analyze(dataset: Dataset, settings: AnalysisSettings): Report {
  return createAnalysis(dataset, settings).report;
}

/** The calculator's worked example (three typed numbers), for symmetry with `explain`. */
export function explainNumbers(input: CalculatorInput): Explanation {
  return calculator.explain(input);
}
