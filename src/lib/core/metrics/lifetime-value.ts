/**
 * Customer lifetime value (klantwaarde, METRICS.md §9, the two simple models), a whole-data metric
 * measured "as of" the last day of the data (or the end of the chosen range, when earlier).
 *
 * Subscriptions: LTV = ARPA × margin ÷ monthly churn, average lifetime = 1 ÷ monthly churn (months).
 * - ARPA = MRR ÷ active customers at t = the last day of the last complete month (MRR = the sum of
 *   the recurring amounts active at t; free customers count as active customers with 0).
 * - monthly churn, **pooled** over the last N = 12 complete calendar months ending at t:
 *   Σ lost ÷ Σ S, where per month S = customers active at its t0 and lost = those of S not active
 *   at its t1 (the exact churn of §4). Pooling weighs every customer-month equally; months before
 *   the data simply add nothing. Fewer months with customers than N gives a 'short-history' note.
 * - margin: gross margin, a user input 0–1 (default 1 = 100 %); out of range is clamped, a
 *   non-finite value gives 1. It comes from the settings (`AnalysisSettings.margin`, normalised
 *   once by `resolveSettings`); an explicit option overrides it.
 *
 * Orders: LTV = average order value × purchases per customer per year × expected lifetime (years).
 * - the last year = the 365 days (asOf − 365, asOf].
 * - average order value = revenue ÷ purchases in the last year (refunds lower revenue unless
 *   ignored; a purchase is one order, or one customer-day without order numbers; refunds are none).
 * - purchases per customer per year = purchases ÷ customers who bought in the last year.
 * - expected lifetime = 1 ÷ yearly churn, yearly churn = lost ÷ S with S = customers active at
 *   asOf − 365 under the activity window W, lost = those of S not active at asOf. The margin is not
 *   applied: §9 defines the orders LTV as revenue.
 *
 * Policies (both): no amounts → no LTV (null, 'no-amounts'), but the lifetime is still given;
 * S = 0 → no churn, no lifetime, no LTV ('no-start-customers'); churn = 0 → no lifetime and no LTV
 * ('no-churn': an infinite lifetime is not a number to show); fewer than 30 customers at the start
 * of the churn window → a 'few-customers' warning. Never NaN or Infinity.
 *
 * Also: the observed cumulative revenue per customer by cohort age (monthly cohorts), orders only.
 */
import {
  div,
  mul,
  num,
  term,
  type Explanation,
  type Formula,
  type Note,
  type Term,
} from '../explain/index.ts';
import { NO_DAY } from '../model/days.ts';
import { periodEnd, periodLabel, periodOf, periodStart, type DayRange } from '../model/periods.ts';
import { isActiveAt, isRefundRow, rowsByCustomerAndDay, type ActivityIndex } from './activity.ts';
import { definitionsFor, normalizeMargin, type MetricContext } from './context.ts';
import { customersTerm, makeExplanation, valueTerm } from './explain-helpers.ts';
import { hasRevenue, recurringAmountAt, revenueInRange } from './revenue-movements.ts';
import { moneyTerm } from './revenue-retention.ts';

export { normalizeMargin } from './context.ts';

/** Complete months pooled for the subscriptions' monthly churn. */
export const DEFAULT_CHURN_MONTHS = 12;
/** Below this many customers at the start of the churn window, LTV gets a warning note. */
export const FEW_CUSTOMERS = 30;
/** Length of the orders' "last year" window, in days. */
export const YEAR_DAYS = 365;

export interface LifetimeValueOptions {
  /** Gross margin 0–1 (subscriptions); default: the settings' margin (itself 1 by default). */
  readonly margin?: number;
  /** Complete months pooled for the monthly churn (subscriptions); default 12, at least 1. */
  readonly months?: number;
}

/** ((MRR ÷ active) × margin) ÷ (sumLost ÷ sumS) */
export const subscriptionsLtvFormula: Formula = div(
  mul(div(term('MRR'), term('active')), term('margin')),
  div(term('sumLost'), term('sumS')),
);
/** 1 ÷ (sumLost ÷ sumS), in months */
export const subscriptionsLifetimeFormula: Formula = div(
  num(1),
  div(term('sumLost'), term('sumS')),
);
/** ((revenue ÷ purchases) × (purchases ÷ buyers)) × (1 ÷ (lost ÷ S)) */
export const ordersLtvFormula: Formula = mul(
  mul(div(term('revenue'), term('purchases')), div(term('purchases'), term('buyers'))),
  div(num(1), div(term('lost'), term('S'))),
);
/** 1 ÷ (lost ÷ S), in years */
export const ordersLifetimeFormula: Formula = div(num(1), div(term('lost'), term('S')));

/** Everything the subscriptions' LTV is made of, with the customers behind each number. */
export interface SubscriptionLifetimeInputs {
  readonly kind: 'subscriptions';
  /** t: last day of the last complete month, where ARPA is measured. */
  readonly asOf: number;
  /** The pooled months: first day of the first … last day of the last. */
  readonly window: DayRange;
  readonly months: number;
  /** Months of the window with at least one customer at their start. */
  readonly monthsWithCustomers: number;
  /** S at the start of the window's first month (for the few-customers warning). */
  readonly startCustomers: number;
  /** Σ S over the months (customer-months), and the distinct customers behind it. */
  readonly sumS: number;
  readonly sumLost: number;
  readonly startList: number[];
  readonly lostList: number[];
  /** Active customers at t, and those of them paying (amount above 0). */
  readonly active: number[];
  readonly paying: number[];
  /** Σ recurring amounts at t; null without amounts. */
  readonly mrr: number | null;
  readonly margin: number;
}

/** Everything the orders' LTV is made of, with the customers behind each number. */
export interface OrdersLifetimeInputs {
  readonly kind: 'orders';
  readonly asOf: number;
  /** The last year: asOf − 364 … asOf (inclusive). */
  readonly window: DayRange;
  /** Net revenue in the window; null without amounts. */
  readonly revenue: number | null;
  readonly purchases: number;
  /** Customers with a purchase in the window. */
  readonly buyers: number[];
  /** Active at asOf − 365 (under W), and those of them not active at asOf. */
  readonly start: number[];
  readonly lost: number[];
}

export type LifetimeInputs = SubscriptionLifetimeInputs | OrdersLifetimeInputs;

/** The numbers of an LTV, for the overview (explain gives the worked example). */
export interface LifetimeValue {
  readonly kind: 'subscriptions' | 'orders';
  readonly window: DayRange;
  /** Subscriptions: ARPA per month; orders: average order value. Null without amounts. */
  readonly averageRevenue: number | null;
  /** Subscriptions: the margin; orders: purchases per customer per year (null without buyers). */
  readonly factor: number | null;
  /** Subscriptions: monthly churn; orders: yearly churn. Null when S = 0. */
  readonly churn: number | null;
  /** 1 ÷ churn: months (subscriptions) or years (orders); null when churn is 0 or null. */
  readonly lifetime: number | null;
  readonly ltv: number | null;
}

/** Last day measured: the data's last day, or the chosen range's end when that is earlier. */
function asOfDay(context: MetricContext): number | null {
  const last = context.activity.dataLastDay;
  if (last === NO_DAY) return null;
  const rangeEnd = context.settings.range?.to;
  return rangeEnd !== undefined && rangeEnd < last ? rangeEnd : last;
}

/**
 * The inputs of the LTV; null for two lists or data without dated rows.
 * @example lifetimeInputs(subscriptions, { margin: 0.8 })?.sumLost → lost customer-months
 */
export function lifetimeInputs(
  context: MetricContext,
  options: LifetimeValueOptions = {},
): LifetimeInputs | null {
  const asOf = asOfDay(context);
  if (asOf === null) return null;
  if (context.dataset.kind === 'subscriptions') return subscriptionInputs(context, asOf, options);
  if (context.dataset.kind === 'orders') return ordersInputs(context, asOf);
  return null;
}

function subscriptionInputs(
  context: MetricContext,
  asOf: number,
  options: LifetimeValueOptions,
): SubscriptionLifetimeInputs {
  const index = context.activity;
  const months =
    options.months !== undefined && Number.isFinite(options.months)
      ? Math.max(1, Math.floor(options.months))
      : DEFAULT_CHURN_MONTHS;
  let lastMonth = periodOf(asOf, 'month');
  if (periodEnd(lastMonth, 'month') > asOf) lastMonth--;
  const firstMonth = lastMonth - months + 1;
  const inStart = new Uint8Array(index.customerCount);
  const inLost = new Uint8Array(index.customerCount);
  let sumS = 0;
  let sumLost = 0;
  let startCustomers = 0;
  let monthsWithCustomers = 0;
  for (let m = firstMonth; m <= lastMonth; m++) {
    const t0 = periodStart(m, 'month') - 1;
    const t1 = periodEnd(m, 'month');
    let s = 0;
    for (let c = 0; c < index.customerCount; c++) {
      if (!isActiveAt(index, c, t0)) continue;
      s++;
      inStart[c] = 1;
      if (!isActiveAt(index, c, t1)) {
        sumLost++;
        inLost[c] = 1;
      }
    }
    if (m === firstMonth) startCustomers = s;
    if (s > 0) monthsWithCustomers++;
    sumS += s;
  }
  const t = periodEnd(lastMonth, 'month');
  const active: number[] = [];
  const paying: number[] = [];
  let mrr = 0;
  for (let c = 0; c < index.customerCount; c++) {
    if (!isActiveAt(index, c, t)) continue;
    active.push(c);
    const amount = recurringAmountAt(context, c, t);
    mrr += amount;
    if (amount > 0) paying.push(c);
  }
  return {
    kind: 'subscriptions',
    asOf: t,
    window: { from: periodStart(firstMonth, 'month'), to: t },
    months,
    monthsWithCustomers,
    startCustomers,
    sumS,
    sumLost,
    startList: codesOf(inStart),
    lostList: codesOf(inLost),
    active,
    paying,
    mrr: hasRevenue(context) ? mrr : null,
    margin:
      options.margin === undefined ? context.settings.margin : normalizeMargin(options.margin),
  };
}

/**
 * The orders' inputs per activity index (dataset, W and refunds rule) and asOf day: they do not
 * depend on the period unit, so changing it with the revenue tab open does not redo them.
 * Datasets are never changed after import (see context.ts), and callers only read the lists.
 */
const ordersCache = new WeakMap<ActivityIndex, Map<number, OrdersLifetimeInputs>>();
const ordersCacheSize = 4;

function ordersInputs(context: MetricContext, asOf: number): OrdersLifetimeInputs {
  let byDay = ordersCache.get(context.activity);
  if (byDay === undefined) {
    byDay = new Map();
    ordersCache.set(context.activity, byDay);
  }
  let inputs = byDay.get(asOf);
  if (inputs === undefined) {
    inputs = computeOrdersInputs(context, asOf);
    if (byDay.size >= ordersCacheSize) byDay.delete(byDay.keys().next().value as number);
    byDay.set(asOf, inputs);
  }
  return inputs;
}

function computeOrdersInputs(context: MetricContext, asOf: number): OrdersLifetimeInputs {
  const { dataset, activity: index } = context;
  const from = asOf - YEAR_DAYS + 1;
  const order = dataset.order;
  // Purchases in the window: non-refund rows, one per order (per customer, as the activity index
  // counts them) or, without order numbers, one per customer-day.
  const { offsets, rows } = rowsByCustomerAndDay(dataset, (row) => {
    const d = dataset.day[row];
    return d !== NO_DAY && d >= from && d <= asOf && !isRefundRow(dataset, row);
  });
  let orderSeenBy: Int32Array | null = null;
  if (order !== null) {
    let maxOrder = -1;
    for (let i = 0; i < rows.length; i++) maxOrder = Math.max(maxOrder, order[rows[i]]);
    orderSeenBy = new Int32Array(maxOrder + 1).fill(-1);
  }
  let purchases = 0;
  let revenue = 0;
  const buyers: number[] = [];
  const start: number[] = [];
  const lost: number[] = [];
  for (let c = 0; c < index.customerCount; c++) {
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      const row = rows[i];
      if (orderSeenBy !== null && order !== null) {
        if (orderSeenBy[order[row]] !== c) purchases++;
        orderSeenBy[order[row]] = c;
      } else if (i === offsets[c] || dataset.day[rows[i - 1]] !== dataset.day[row]) purchases++;
    }
    if (offsets[c + 1] > offsets[c]) buyers.push(c);
    revenue += revenueInRange(context, c, from, asOf);
    if (isActiveAt(index, c, from - 1)) {
      start.push(c);
      if (!isActiveAt(index, c, asOf)) lost.push(c);
    }
  }
  return {
    kind: 'orders',
    asOf,
    window: { from, to: asOf },
    revenue: hasRevenue(context) ? revenue : null,
    purchases,
    buyers,
    start,
    lost,
  };
}

function codesOf(flags: Uint8Array): number[] {
  const codes: number[] = [];
  for (let c = 0; c < flags.length; c++) if (flags[c] === 1) codes.push(c);
  return codes;
}

/** a ÷ b, or null when b = 0 (the formula's policy, so compute and explain agree). */
function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

function times(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a * b;
}

/**
 * The LTV and its parts; null for two lists or undated data. Evaluated in the formula's order.
 * @example subscriptions MRR 1,000 over 20 active, margin 0.8, 3 lost of 60 customer-months →
 *   ARPA 50, churn 0.05, lifetime 20 months, LTV 800
 */
export function lifetimeValue(
  context: MetricContext,
  options: LifetimeValueOptions = {},
): LifetimeValue | null {
  const inputs = lifetimeInputs(context, options);
  if (inputs === null) return null;
  if (inputs.kind === 'subscriptions') {
    const arpa = ratio(inputs.mrr, inputs.active.length);
    const churn = ratio(inputs.sumLost, inputs.sumS);
    return {
      kind: 'subscriptions',
      window: inputs.window,
      averageRevenue: arpa,
      factor: inputs.margin,
      churn,
      lifetime: ratio(1, churn),
      ltv: ratio(times(arpa, inputs.margin), churn),
    };
  }
  const aov = ratio(inputs.revenue, inputs.purchases);
  const frequency = ratio(inputs.purchases, inputs.buyers.length);
  const churn = ratio(inputs.lost.length, inputs.start.length);
  const lifetime = ratio(1, churn);
  return {
    kind: 'orders',
    window: inputs.window,
    averageRevenue: aov,
    factor: frequency,
    churn,
    lifetime,
    ltv: times(times(aov, frequency), lifetime),
  };
}

/**
 * LTV in money; null when there is none (see the file comment for when).
 * @example compute(context, { margin: 0.8 }) === 800 for the example of `lifetimeValue`
 */
export function compute(context: MetricContext, options: LifetimeValueOptions = {}): number | null {
  return lifetimeValue(context, options)?.ltv ?? null;
}

/**
 * Average lifetime: months (subscriptions) or years (orders); null without churn.
 * @example 3 lost of 60 customer-months → 20 (months)
 */
export function computeLifetime(
  context: MetricContext,
  options: LifetimeValueOptions = {},
): number | null {
  return lifetimeValue(context, options)?.lifetime ?? null;
}

function lifetimeNotes(
  inputs: LifetimeInputs,
  withMoney: boolean,
): { notes: Note[]; terms: Record<string, Term> } {
  const notes: Note[] = [];
  if (withMoney && !hasMoney(inputs)) notes.push({ code: 'no-amounts' });
  const start = inputs.kind === 'subscriptions' ? inputs.sumS : inputs.start.length;
  const lost = inputs.kind === 'subscriptions' ? inputs.sumLost : inputs.lost.length;
  const startCustomers =
    inputs.kind === 'subscriptions' ? inputs.startCustomers : inputs.start.length;
  if (start === 0) notes.push({ code: 'no-start-customers' });
  else if (lost === 0) notes.push({ code: 'no-churn' });
  if (startCustomers < FEW_CUSTOMERS) notes.push({ code: 'few-customers', count: startCustomers });
  if (inputs.kind === 'subscriptions' && inputs.monthsWithCustomers < inputs.months) {
    notes.push({ code: 'short-history', count: inputs.monthsWithCustomers });
  }
  const terms: Record<string, Term> =
    inputs.kind === 'subscriptions'
      ? {
          ...(inputs.mrr === null ? {} : { MRR: moneyTerm(inputs.mrr, inputs.paying) }),
          active: customersTerm(inputs.active),
          margin: valueTerm(inputs.margin, 'ratio'),
          // Customer-months, so 'count': the customers listed are the distinct ones behind them.
          sumLost: { kind: 'count', value: inputs.sumLost, customers: inputs.lostList },
          sumS: { kind: 'count', value: inputs.sumS, customers: inputs.startList },
        }
      : {
          ...(inputs.revenue === null ? {} : { revenue: moneyTerm(inputs.revenue, inputs.buyers) }),
          purchases: valueTerm(inputs.purchases, 'count'),
          buyers: customersTerm(inputs.buyers),
          lost: customersTerm(inputs.lost),
          S: customersTerm(inputs.start),
        };
  return { notes, terms };
}

function hasMoney(inputs: LifetimeInputs): boolean {
  return inputs.kind === 'subscriptions' ? inputs.mrr !== null : inputs.revenue !== null;
}

/** Placeholder inputs for two lists or undated data: every term 0, so the result is null. */
function noInputs(context: MetricContext): LifetimeInputs {
  const none = { from: NO_DAY, to: NO_DAY };
  return context.dataset.kind === 'subscriptions'
    ? {
        kind: 'subscriptions',
        asOf: NO_DAY,
        window: none,
        months: DEFAULT_CHURN_MONTHS,
        monthsWithCustomers: 0,
        startCustomers: 0,
        sumS: 0,
        sumLost: 0,
        startList: [],
        lostList: [],
        active: [],
        paying: [],
        mrr: null,
        margin: 1,
      }
    : {
        kind: 'orders',
        asOf: NO_DAY,
        window: none,
        revenue: null,
        purchases: 0,
        buyers: [],
        start: [],
        lost: [],
      };
}

/**
 * Worked example of the LTV: subscriptions ((MRR ÷ active) × margin) ÷ (sumLost ÷ sumS); orders
 * ((revenue ÷ purchases) × (purchases ÷ buyers)) × (1 ÷ (lost ÷ S)). Without amounts the money
 * term is absent (so the formula evaluates to null, not to an LTV of 0) and a note says why.
 */
export function explain(context: MetricContext, options: LifetimeValueOptions = {}): Explanation {
  const inputs = lifetimeInputs(context, options) ?? noInputs(context);
  const { notes, terms } = lifetimeNotes(inputs, true);
  return makeExplanation(
    'lifetime-value',
    inputs.kind === 'subscriptions' ? subscriptionsLtvFormula : ordersLtvFormula,
    terms,
    definitionsFor(context, null),
    notes,
  );
}

/** Worked example of the average lifetime: 1 ÷ (sumLost ÷ sumS) months, or 1 ÷ (lost ÷ S) years. */
export function explainLifetime(
  context: MetricContext,
  options: LifetimeValueOptions = {},
): Explanation {
  const inputs = lifetimeInputs(context, options) ?? noInputs(context);
  const { notes, terms } = lifetimeNotes(inputs, false);
  return makeExplanation(
    'average-lifetime',
    inputs.kind === 'subscriptions' ? subscriptionsLifetimeFormula : ordersLifetimeFormula,
    terms,
    definitionsFor(context, null),
    notes,
  );
}

/** Observed cumulative revenue per customer of one monthly cohort. */
export interface CohortRevenueCurve {
  /** Month key (year × 12 + month − 1) and label of the first purchases. */
  readonly key: number;
  readonly label: string;
  readonly size: number;
  /** cumulative[k] = revenue of the cohort in its months 0 … k ÷ size, up to the data's end. */
  readonly cumulative: number[];
  /** Ages 0 … completeAges − 1 lie in months the data covers to their last day. */
  readonly completeAges: number;
}

export interface CumulativeRevenue {
  readonly cohorts: CohortRevenueCurve[];
  /**
   * Pooled average per age k over the cohorts that fully observed age k: Σ cumulative revenue ÷
   * Σ size (null when no cohort did).
   */
  readonly average: (number | null)[];
}

/**
 * The observed LTV curve (orders with amounts; null otherwise): monthly cohorts by first purchase,
 * cumulative revenue of the cohort up to age k months ÷ cohort size. Revenue follows the refunds
 * rule; a refund dated before its customer's first purchase counts at age 0; customers who never
 * bought (refunds only) belong to no cohort. Small on purpose: the cohort module has the full
 * revenue matrix (§7).
 * @example a (Jan €10, Mar €20) and b (Jan €30): cohort 2024-01 size 2 → [20, 20, 35]
 */
export function cumulativeRevenue(context: MetricContext): CumulativeRevenue | null {
  const { dataset, activity: index } = context;
  const amount = dataset.amount;
  if (dataset.kind !== 'orders' || amount === null) return null;
  const dataLast = index.dataLastDay;
  if (dataLast === NO_DAY) return { cohorts: [], average: [] };
  const lastMonth = periodOf(dataLast, 'month');
  const lastComplete = periodEnd(lastMonth, 'month') <= dataLast ? lastMonth : lastMonth - 1;
  const cohortOf = new Int32Array(index.customerCount);
  let firstMonth = lastMonth + 1;
  for (let c = 0; c < index.customerCount; c++) {
    const first = index.firstDay[c];
    cohortOf[c] = first === NO_DAY ? NO_DAY : periodOf(first, 'month');
    if (first !== NO_DAY) firstMonth = Math.min(firstMonth, cohortOf[c]);
  }
  const cohortCount = Math.max(0, lastMonth - firstMonth + 1);
  const sizes = new Int32Array(cohortCount);
  for (let c = 0; c < index.customerCount; c++) {
    if (cohortOf[c] !== NO_DAY) sizes[cohortOf[c] - firstMonth]++;
  }
  // Revenue per (cohort, age): a triangle stored row by row with cohortCount columns.
  const revenue = new Float64Array(cohortCount * cohortCount);
  const ignoreRefunds = context.settings.refunds === 'ignore';
  for (let row = 0; row < dataset.rowCount; row++) {
    const d = dataset.day[row];
    const cohort = cohortOf[dataset.customer[row]];
    if (d === NO_DAY || cohort === NO_DAY || !Number.isFinite(amount[row])) continue;
    if (ignoreRefunds && isRefundRow(dataset, row)) continue;
    const age = Math.max(0, periodOf(d, 'month') - cohort);
    revenue[(cohort - firstMonth) * cohortCount + age] += amount[row];
  }
  const cohorts: CohortRevenueCurve[] = [];
  const pooledRevenue = new Float64Array(cohortCount);
  const pooledSize = new Float64Array(cohortCount);
  for (let i = 0; i < cohortCount; i++) {
    if (sizes[i] === 0) continue;
    const key = firstMonth + i;
    const ages = lastMonth - key + 1;
    const completeAges = Math.max(0, lastComplete - key + 1);
    const cumulative: number[] = [];
    let sum = 0;
    for (let k = 0; k < ages; k++) {
      sum += revenue[i * cohortCount + k];
      cumulative.push(sum / sizes[i]);
      if (k < completeAges) {
        pooledRevenue[k] += sum;
        pooledSize[k] += sizes[i];
      }
    }
    cohorts.push({
      key,
      label: periodLabel(key, 'month'),
      size: sizes[i],
      cumulative,
      completeAges,
    });
  }
  const average: (number | null)[] = [];
  for (let k = 0; k < cohortCount; k++) {
    average.push(pooledSize[k] === 0 ? null : pooledRevenue[k] / pooledSize[k]);
  }
  while (average.length > 0 && average[average.length - 1] === null) average.pop();
  return { cohorts, average };
}
