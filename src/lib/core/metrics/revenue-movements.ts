/**
 * Revenue movements of a period (t0, t1] (METRICS.md §8): who paid what at the start and at the
 * end, split into start revenue R0, expansion, contraction, churned, new and reactivated revenue.
 * Computed two ways that give bit-identical numbers (a test checks it):
 * - `sweepRevenue`: every period at once, one pass over the rows grouped by customer. Used by
 *   `compute` and the report table.
 * - `classifyRevenue`: one period, with the customer codes behind each movement. Used by `explain`.
 * Both sum a customer's amounts in the same order (by day, then file order) and add customers to a
 * period's totals in ascending code order, so the floats agree to the last bit.
 *
 * What a customer "pays" (r0 at the start, r1 at the end):
 * - subscriptions: the recurring amount at the moment: the sum of the amounts of the customer's
 *   subscription rows active at t (start ≤ t < end, no end = open), r0 at t0 and r1 at t1.
 * - orders: the net revenue of the customer's rows in a span of days (refunds included, or left
 *   out under refunds 'ignore'): r1 in the period itself, r0 in the **previous period of the same
 *   length** (the previous calendar period: February for March, 2023 for 2024; for a custom range,
 *   the same number of days just before it). So R0 is last period's revenue of last period's
 *   buyers, and the report's first calendar period compares with the period before the data.
 *
 * Edge-case policies:
 * - A customer pays when their amount is above 0. Zero or negative (a free plan, or refunds
 *   exceeding purchases) is "pays nothing": such a customer is not in the base at the start, and
 *   counts as churned at the end; their refunds still lower the period's revenue elsewhere, but
 *   never make a movement negative. So expansion, contraction and churned are ≥ 0, and GRR ≤ 1.
 * - Of the customers paying at the start: paying nothing at the end → churned (their whole r0);
 *   paying more → expansion (r1 − r0); paying less but something → contraction (r0 − r1); the same
 *   → unchanged.
 * - Of the customers not paying at the start who pay at the end: new when their first purchase or
 *   start is in (t0, t1], otherwise reactivated (they paid before, then nothing at t0 / in the
 *   previous period, and now pay again; for subscriptions also a free customer who starts paying).
 */
import type { Dataset } from '../model/dataset.ts';
import { NO_DAY } from '../model/days.ts';
import { periodStart, type DayRange } from '../model/periods.ts';
import type { RefundsRule } from '../explain/explanation.ts';
import { isRefundRow, rowsByCustomerAndDay } from './activity.ts';
import { periodIndexOf, PeriodIndexer, type MetricContext } from './context.ts';

export interface RevenueMovements {
  /** Customers paying at the start (the base of R0). */
  paying: number;
  /** Start revenue: Σ r0 of the customers paying at the start. */
  R0: number;
  /** Σ (r1 − r0) of the customers paying more at the end. */
  expansion: number;
  /** Σ (r0 − r1) of the customers paying less, but something, at the end. */
  contraction: number;
  /** Σ r0 of the customers who paid at the start and pay nothing at the end. */
  churned: number;
  /** Σ r1 of the customers new in the period who pay at the end. */
  newRevenue: number;
  /** Σ r1 of the customers who pay at the end, did not at the start, and are not new. */
  reactivatedRevenue: number;
  /** End revenue: Σ r1 of everybody paying at the end (= R0 + exp − contr − churned + new + react). */
  R1: number;
  expanded: number;
  contracted: number;
  churnedCustomers: number;
  unchanged: number;
  newPaying: number;
  reactivatedPaying: number;
}

/** Customer codes behind each movement (ascending). */
export interface RevenueCustomers {
  paying: number[];
  expanded: number[];
  contracted: number[];
  churned: number[];
  unchanged: number[];
  new: number[];
  reactivated: number[];
}

/**
 * The rows that carry money, grouped by customer and sorted by day (then file order), as their
 * day, amount and (subscriptions) end day: the sweeps read these in order instead of looking
 * every row up at a random place of the columns.
 */
interface RevenueRows {
  readonly offsets: Int32Array;
  readonly days: Int32Array;
  readonly amounts: Float64Array;
  /** Subscriptions: end day (NO_DAY while open); null for orders. */
  readonly ends: Int32Array | null;
}

/**
 * Per dataset and refunds rule: the money rows depend on nothing else, so a new period unit,
 * range or W reuses them. Datasets are never changed after import (see context.ts).
 */
const rowsCache = new WeakMap<Dataset, Map<RefundsRule, RevenueRows | null>>();
const sweepCache = new WeakMap<MetricContext, RevenueMovements[] | null>();

/** True when the context's data has money that revenue metrics can use (orders, subscriptions). */
export function hasRevenue(context: MetricContext): boolean {
  return context.dataset.kind !== 'lists' && context.dataset.amount !== null;
}

/**
 * The money rows, built once per dataset and refunds rule: orders rows with a day (refunds left
 * out under 'ignore'); subscription rows with a day that are ever active (end after start).
 * Non-finite amounts are left out too: they can only come from a bug upstream, and must not turn
 * every total into NaN.
 */
function revenueRows(context: MetricContext): RevenueRows | null {
  const { dataset } = context;
  const refunds = context.settings.refunds;
  let byRule = rowsCache.get(dataset);
  if (byRule === undefined) {
    byRule = new Map();
    rowsCache.set(dataset, byRule);
  }
  const cached = byRule.get(refunds);
  if (cached !== undefined) return cached;
  let result: RevenueRows | null = null;
  const amount = dataset.amount;
  if (hasRevenue(context) && amount !== null) {
    const isOrders = dataset.kind === 'orders';
    const ignoreRefunds = refunds === 'ignore';
    const endDay = dataset.endDay;
    const sorted = rowsByCustomerAndDay(
      dataset,
      (row) => {
        const d = dataset.day[row];
        if (d === NO_DAY || !Number.isFinite(amount[row])) return false;
        if (isOrders) return !(ignoreRefunds && isRefundRow(dataset, row));
        const e = endDay === null ? NO_DAY : endDay[row];
        return e === NO_DAY || e > d;
      },
      true,
    );
    const { offsets, rows } = sorted;
    const amounts = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) amounts[i] = amount[rows[i]];
    let ends: Int32Array | null = null;
    if (!isOrders) {
      ends = new Int32Array(rows.length);
      for (let i = 0; i < rows.length; i++) ends[i] = endDay === null ? NO_DAY : endDay[rows[i]];
    }
    result = { offsets, days: sorted.days as Int32Array, amounts, ends };
  }
  byRule.set(refunds, result);
  return result;
}

/**
 * The days R0 is measured over for orders: the previous period of the same length (see the file
 * comment); null for a period index out of range.
 * @example March 2024 → 2024-02-01 … 2024-02-29; custom 2024-02-10/2024-02-19 → 02-01 … 02-09
 */
export function previousRange(context: MetricContext, p: number): DayRange | null {
  const period = context.periods[p];
  if (period === undefined) return null;
  if (period.unit === 'custom' || period.unit === 'lists') {
    const length = period.last - period.first + 1;
    return { from: period.first - length, to: period.first - 1 };
  }
  return { from: periodStart(period.key - 1, period.unit), to: period.first - 1 };
}

/** Orders: net revenue of customer c in [from, to], summed by day then file order. */
function revenueIn(rr: RevenueRows, c: number, from: number, to: number) {
  const { days, amounts } = rr;
  let lo = rr.offsets[c];
  let hi = rr.offsets[c + 1];
  const end = hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  let sum = 0;
  for (let i = lo; i < end && days[i] <= to; i++) sum += amounts[i];
  return sum;
}

/** Subscriptions: recurring amount of customer c at day t (rows active at t, by start day). */
function recurringAt(rr: RevenueRows, c: number, t: number): number {
  const ends = rr.ends as Int32Array; // set for subscriptions, the only callers
  let sum = 0;
  for (let i = rr.offsets[c]; i < rr.offsets[c + 1]; i++) {
    if (rr.days[i] > t) break;
    const e = ends[i];
    if (e === NO_DAY || e > t) sum += rr.amounts[i];
  }
  return sum;
}

/**
 * Recurring amount of customer c at day t (subscriptions; 0 for other kinds or without amounts).
 * @example rows of €20 (open) and €5 (ended before t) → 20
 */
export function recurringAmountAt(context: MetricContext, c: number, t: number): number {
  const rr = revenueRows(context);
  if (rr === null || context.dataset.kind !== 'subscriptions') return 0;
  return recurringAt(rr, c, t);
}

function emptyMovements(): RevenueMovements {
  return {
    paying: 0,
    R0: 0,
    expansion: 0,
    contraction: 0,
    churned: 0,
    newRevenue: 0,
    reactivatedRevenue: 0,
    R1: 0,
    expanded: 0,
    contracted: 0,
    churnedCustomers: 0,
    unchanged: 0,
    newPaying: 0,
    reactivatedPaying: 0,
  };
}

/** Adds one customer (start amount r0, end amount r1) to a period's movements; see file comment. */
function addCustomer(
  m: RevenueMovements,
  r0: number,
  r1: number,
  isNew: boolean,
  c: number,
  lists: RevenueCustomers | null,
): void {
  const pays = r1 > 0;
  if (pays) m.R1 += r1;
  if (r0 > 0) {
    m.paying++;
    m.R0 += r0;
    lists?.paying.push(c);
    if (!pays) {
      m.churned += r0;
      m.churnedCustomers++;
      lists?.churned.push(c);
    } else if (r1 > r0) {
      m.expansion += r1 - r0;
      m.expanded++;
      lists?.expanded.push(c);
    } else if (r1 < r0) {
      m.contraction += r0 - r1;
      m.contracted++;
      lists?.contracted.push(c);
    } else {
      m.unchanged++;
      lists?.unchanged.push(c);
    }
  } else if (pays) {
    if (isNew) {
      m.newRevenue += r1;
      m.newPaying++;
      lists?.new.push(c);
    } else {
      m.reactivatedRevenue += r1;
      m.reactivatedPaying++;
      lists?.reactivated.push(c);
    }
  }
}

/**
 * Movements and customers of period p, by direct tests per customer. Null without amounts.
 * @example classifyRevenue(context, p)?.customers.churned → codes who paid at t0 and not at t1
 */
export function classifyRevenue(
  context: MetricContext,
  p: number,
): { movements: RevenueMovements; customers: RevenueCustomers } | null {
  const rr = revenueRows(context);
  if (rr === null) return null;
  const movements = emptyMovements();
  const customers: RevenueCustomers = {
    paying: [],
    expanded: [],
    contracted: [],
    churned: [],
    unchanged: [],
    new: [],
    reactivated: [],
  };
  const period = context.periods[p];
  const previous = previousRange(context, p);
  if (period === undefined || previous === null) return { movements, customers };
  const t0 = period.first - 1;
  const t1 = period.last;
  const isOrders = context.dataset.kind === 'orders';
  const index = context.activity;
  for (let c = 0; c < index.customerCount; c++) {
    if (rr.offsets[c] === rr.offsets[c + 1]) continue;
    const r0 = isOrders ? revenueIn(rr, c, previous.from, previous.to) : recurringAt(rr, c, t0);
    const r1 = isOrders ? revenueIn(rr, c, period.first, period.last) : recurringAt(rr, c, t1);
    const first = index.firstDay[c];
    const isNew = first !== NO_DAY && first > t0 && first <= t1;
    addCustomer(movements, r0, r1, isNew, c, customers);
  }
  return { movements, customers };
}

/**
 * Movements of every period of the context in one pass over the money rows (cached per context).
 * Null without amounts. Cost: O(rows + customers × periods they pay in).
 * @example sweepRevenue(context)?.[p].R0 === classifyRevenue(context, p)?.movements.R0
 */
export function sweepRevenue(context: MetricContext): RevenueMovements[] | null {
  const cached = sweepCache.get(context);
  if (cached !== undefined) return cached;
  const rr = revenueRows(context);
  const result =
    rr === null
      ? null
      : context.dataset.kind === 'orders'
        ? sweepOrders(context, rr)
        : sweepSubscriptions(context, rr);
  sweepCache.set(context, result);
  return result;
}

/** Period in which each customer is new (−1 or periods.length when none). */
function newPeriods(context: MetricContext): Int32Array {
  const { activity: index, boundaries } = context;
  const newIn = new Int32Array(index.customerCount).fill(-1);
  for (let c = 0; c < index.customerCount; c++) {
    const first = index.firstDay[c];
    if (first !== NO_DAY) newIn[c] = periodIndexOf(boundaries, first);
  }
  return newIn;
}

function sweepOrders(context: MetricContext, rr: RevenueRows): RevenueMovements[] {
  const { boundaries, periods } = context;
  const periodCount = periods.length;
  const movements = periods.map(() => emptyMovements());
  if (periodCount === 0) return movements;
  const { offsets, amounts, days } = rr;
  const newIn = newPeriods(context);
  const firstDay = (previousRange(context, 0) as DayRange).from;
  const lastDay = boundaries[periodCount];
  const periodIndex = new PeriodIndexer(boundaries);
  // Runs of (period, revenue) of one customer; slot −1 is the period before the first one.
  const runPeriod = new Int32Array(periodCount + 1);
  const runSum = new Float64Array(periodCount + 1);
  for (let c = 0; c < context.activity.customerCount; c++) {
    let runs = 0;
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      const d = days[i];
      if (d < firstDay) continue;
      if (d > lastDay) break;
      const q = periodIndex.of(d);
      if (runs > 0 && runPeriod[runs - 1] === q) runSum[runs - 1] += amounts[i];
      else {
        runPeriod[runs] = q;
        runSum[runs] = 0;
        runSum[runs] += amounts[i];
        runs++;
      }
    }
    // Every period a customer paid in, or paid in the period before, is visited once, in order.
    for (let k = 0; k < runs; k++) {
      const q = runPeriod[k];
      if (q >= 0) {
        const r0 = k > 0 && runPeriod[k - 1] === q - 1 ? runSum[k - 1] : 0;
        addCustomer(movements[q], r0, runSum[k], newIn[c] === q, c, null);
      }
      const next = q + 1;
      if (next < periodCount && !(k + 1 < runs && runPeriod[k + 1] === next)) {
        addCustomer(movements[next], runSum[k], 0, newIn[c] === next, c, null);
      }
    }
  }
  return movements;
}

function sweepSubscriptions(context: MetricContext, rr: RevenueRows): RevenueMovements[] {
  const { boundaries, periods } = context;
  const periodCount = periods.length;
  const movements = periods.map(() => emptyMovements());
  if (periodCount === 0) return movements;
  const ends = rr.ends as Int32Array;
  const newIn = newPeriods(context);
  let events = new Int32Array(16);
  for (let c = 0; c < context.activity.customerCount; c++) {
    const from = rr.offsets[c];
    const to = rr.offsets[c + 1];
    if (from === to) continue;
    // A row is active at boundary j when start ≤ boundaries[j] < end, i.e. for j in
    // [lowerBound(start), lowerBound(end)): the amount can change only at those indexes.
    if (events.length < 2 * (to - from)) events = new Int32Array(4 * (to - from));
    let n = 0;
    for (let i = from; i < to; i++) {
      const jStart = periodIndexOf(boundaries, rr.days[i]) + 1;
      if (jStart > periodCount) continue;
      events[n++] = jStart;
      const e = ends[i];
      if (e !== NO_DAY) {
        const jEnd = periodIndexOf(boundaries, e) + 1;
        if (jEnd <= periodCount) events[n++] = jEnd;
      }
    }
    if (n === 0) continue;
    const sorted = events.subarray(0, n).sort();
    let e = 0;
    let before = 0; // amount at boundary j − 1
    let j = sorted[0];
    while (j <= periodCount) {
      let now = before;
      if (e < n && sorted[e] === j) {
        // Recomputed, never updated by ± amounts: the same rows in the same order give the same
        // float as `classifyRevenue`, and an ended subscription gives exactly 0.
        now = recurringAt(rr, c, boundaries[j]);
        while (e < n && sorted[e] === j) e++;
      }
      if (j >= 1) addCustomer(movements[j - 1], before, now, newIn[c] === j - 1, c, null);
      before = now;
      if (before <= 0) {
        // Paying nothing: nothing happens until the next change.
        if (e >= n) break;
        j = sorted[e];
        // The period ending at the next change still needs its visit (r0 = 0 there).
      } else j++;
    }
  }
  return movements;
}

/**
 * Orders: net revenue of customer c in [from, to] (both inclusive) under the refunds rule; 0 for
 * other kinds or without amounts.
 * @example rows €30 on 1 Mar and −€5 (refund) on 9 Mar, range March → 25 ('ignore' → 30)
 */
export function revenueInRange(
  context: MetricContext,
  c: number,
  from: number,
  to: number,
): number {
  const rr = revenueRows(context);
  if (rr === null || context.dataset.kind !== 'orders') return 0;
  return revenueIn(rr, c, from, to);
}
