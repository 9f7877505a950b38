/**
 * The customer counts of a period (t0, t1] that every retention metric is made of, computed two
 * ways that must agree (a test checks it):
 * - `sweepPeriods`: all periods at once, one pass per customer over its intervals and purchase
 *   days, O(customers + intervals + purchase days + rows) whatever the number of periods. Used for
 *   the report table, and again for every change of the period unit.
 * - `classifyPeriod`: one period, with the customer codes behind each count, by binary search per
 *   customer. Used on demand for an explanation or a customer list.
 *
 * Moments: t0 = the day before the period's first day, t1 = the period's last day. So "active at
 * the start" means active at the end of the previous day, and a customer whose first purchase is on
 * the period's first day is new (first purchase in (t0, t1]), never part of S.
 */
import { NO_DAY } from '../model/days.ts';
import { isActiveAt, isActiveDuring, isRefundRow } from './activity.ts';
import { PeriodIndexer, type MetricContext } from './context.ts';

export interface PeriodCounts {
  /** Active at t0. */
  S: number;
  /** Active at t1. */
  E: number;
  /** First purchase or start in (t0, t1]. */
  N: number;
  /** Of S, active at t1 too. */
  retained: number;
  /** Of S, not active at t1. */
  lost: number;
  /** Of N, not active at t1 (joined and left inside the period). */
  joinedAndLeft: number;
  /** Active at t1 but neither in S nor in N: came back after more than W days of silence. */
  reactivated: number;
  /** Customers whose first purchase or start is on or before t0 (the repeat-rate base). */
  previous: number;
  /** Of `previous`, those who bought (orders) or were active (otherwise) in the period. */
  returning: number;
  /** Sum of the amounts of the period's rows under the refunds rule; null without amounts. */
  revenue: number | null;
  /** Part of `revenue` from customers new in the period. */
  newRevenue: number | null;
  /** Part of `revenue` from everyone else. */
  returningRevenue: number | null;
}

/** Customer codes behind each count (ascending). */
export interface PeriodCustomers {
  S: number[];
  E: number[];
  N: number[];
  retained: number[];
  lost: number[];
  joinedAndLeft: number[];
  reactivated: number[];
  previous: number[];
  returning: number[];
}

export type CustomerGroup = keyof PeriodCustomers;

function emptyCounts(hasAmounts: boolean): PeriodCounts {
  return {
    S: 0,
    E: 0,
    N: 0,
    retained: 0,
    lost: 0,
    joinedAndLeft: 0,
    reactivated: 0,
    previous: 0,
    returning: 0,
    revenue: hasAmounts ? 0 : null,
    newRevenue: hasAmounts ? 0 : null,
    returningRevenue: hasAmounts ? 0 : null,
  };
}

function hasAmounts(context: MetricContext): boolean {
  return context.dataset.kind === 'orders' && context.dataset.amount !== null;
}

/**
 * Counts for every period of the context in one sweep.
 * @example sweepPeriods(context)[p].S === sweepPeriods(context)[p - 1].E
 */
export function sweepPeriods(context: MetricContext): PeriodCounts[] {
  const { activity: index, boundaries, periods } = context;
  const periodCount = periods.length;
  const amounts = hasAmounts(context);
  if (periodCount === 0) return [];
  const customerCount = index.customerCount;
  const periodIndex = new PeriodIndexer(boundaries);
  // A customer is active at the moments j ∈ [lowerBound(start), lowerBound(end)) of each
  // interval, with lowerBound(x) = periodIndexOf(x) + 1. So S, E and retained grow by one over a
  // run of consecutive periods per interval, and lost, reactivated, N and joined-and-left at one
  // period: difference arrays (+1 where a run starts, −1 after it ends; prefix sums at the end)
  // and point counts make the sweep O(intervals + purchase days), instead of a visit to every
  // period a customer lives through, which a weekly or daily report multiplies.
  const startDiff = new Int32Array(periodCount + 2); // S
  const endDiff = new Int32Array(periodCount + 2); // E
  const retainedDiff = new Int32Array(periodCount + 2);
  const returningDiff = new Int32Array(periodCount + 2);
  const lost = new Int32Array(periodCount + 1);
  const reactivated = new Int32Array(periodCount + 1);
  const fresh = new Int32Array(periodCount + 1); // N
  const joinedAndLeft = new Int32Array(periodCount + 1);
  const firstPeriod = new Int32Array(customerCount);
  // How many customers first appear at or before each boundary, for `previous`.
  const firstAtBoundary = new Int32Array(periodCount + 2);
  const isOrders = index.kind === 'orders';
  const { firstDay, intervalOffsets, intervalStart, intervalEnd, dayOffsets, days } = index;
  // A local copy: V8 then compares with a constant instead of reloading the module binding for
  // every row (NO_DAY is no small integer); twice as fast in the loops over a million rows.
  const noDay = NO_DAY;

  for (let c = 0; c < customerCount; c++) {
    const first = firstDay[c];
    if (first === noDay) {
      firstPeriod[c] = -2;
      continue;
    }
    const j0 = periodIndex.of(first) + 1; // first boundary ≥ first day
    const newIn = j0 - 1; // the period the customer is new in (−1 or periodCount: none)
    firstPeriod[c] = newIn;
    firstAtBoundary[j0]++;

    // Runs [a, b) of moments at which the customer is active. Intervals are disjoint with a gap,
    // but two of them can still meet in one run when no moment falls in the gap: the customer is
    // then active at both moments around it (retained, not lost and reactivated).
    let activeAtJ0 = false;
    let a = -1;
    let b = -1;
    const kEnd = intervalOffsets[c + 1];
    for (let k = intervalOffsets[c]; k <= kEnd; k++) {
      let from = 0;
      let to = 0;
      if (k < kEnd) {
        from = periodIndex.of(intervalStart[k]) + 1;
        to = periodIndex.of(intervalEnd[k]) + 1;
        if (from >= to) continue; // no moment inside the interval
        if (from === b) {
          b = to;
          continue;
        }
      }
      if (a >= 0) {
        // Active at moments a … b − 1 (b ≤ periodCount + 1): S in periods a … b − 1, E in
        // a − 1 … b − 2, retained in a … b − 2; lost in b − 1 unless the run reaches the last
        // moment, reactivated in a − 1 unless the customer is new there.
        if (a === j0) activeAtJ0 = true;
        startDiff[a]++;
        startDiff[b]--;
        endDiff[Math.max(a - 1, 0)]++;
        endDiff[b - 1]--;
        if (b - 1 > a) {
          retainedDiff[a]++;
          retainedDiff[b - 1]--;
        }
        if (b <= periodCount) lost[b - 1]++;
        if (a >= 1 && a - 1 !== newIn) reactivated[a - 1]++;
      }
      a = from;
      b = to;
    }
    if (newIn >= 0 && newIn < periodCount) {
      fresh[newIn]++;
      if (!activeAtJ0) joinedAndLeft[newIn]++;
    }

    // Returning customers: bought (orders) or active (otherwise) in a period after their first.
    if (isOrders) {
      if (j0 > periodCount) continue;
      // Days up to `until` are in the period the customer is new in (or before the first
      // period), or in the period just counted: only a later day needs a look-up.
      let until = boundaries[j0];
      for (let i = dayOffsets[c]; i < dayOffsets[c + 1]; i++) {
        const d = days[i];
        if (d <= until) continue;
        const p = periodIndex.of(d);
        if (p >= periodCount) break;
        returningDiff[p]++;
        returningDiff[p + 1]--;
        until = boundaries[p + 1];
      }
    } else {
      let lastCounted = -1;
      for (let i = intervalOffsets[c]; i < kEnd; i++) {
        const from = Math.max(periodIndex.of(intervalStart[i]), newIn + 1, 0, lastCounted + 1);
        const to = Math.min(periodIndex.of(intervalEnd[i] - 1), periodCount - 1);
        if (from <= to) {
          returningDiff[from]++;
          returningDiff[to + 1]--;
        }
        if (to > lastCounted) lastCounted = to;
      }
    }
  }

  const money = amounts ? periodRevenue(context, periodIndex, firstPeriod) : null;
  const counts: PeriodCounts[] = [];
  let previous = 0;
  let S = 0;
  let E = 0;
  let retained = 0;
  let returning = 0;
  for (let p = 0; p < periodCount; p++) {
    previous += firstAtBoundary[p];
    S += startDiff[p];
    E += endDiff[p];
    retained += retainedDiff[p];
    returning += returningDiff[p];
    counts.push({
      S,
      E,
      N: fresh[p],
      retained,
      lost: lost[p],
      joinedAndLeft: joinedAndLeft[p],
      reactivated: reactivated[p],
      previous,
      returning,
      revenue: money === null ? null : money.revenue[p],
      newRevenue: money === null ? null : money.newRevenue[p],
      returningRevenue: money === null ? null : money.returningRevenue[p],
    });
  }
  return counts;
}

/**
 * The revenue of every period, split by whether the row's customer is new in it; the amounts are
 * summed row by row in file order, as `classifyPeriod` does, so the floats agree.
 */
function periodRevenue(
  context: MetricContext,
  periodIndex: PeriodIndexer,
  firstPeriod: Int32Array,
): { revenue: Float64Array; newRevenue: Float64Array; returningRevenue: Float64Array } {
  const { dataset } = context;
  const { day, customer, refund } = dataset;
  const amount = dataset.amount as Float64Array;
  const ignoreRefunds = context.settings.refunds === 'ignore';
  const periodCount = context.periods.length;
  const revenue = new Float64Array(periodCount);
  const newRevenue = new Float64Array(periodCount);
  const returningRevenue = new Float64Array(periodCount);
  const noDay = NO_DAY; // see sweepPeriods
  for (let row = 0; row < dataset.rowCount; row++) {
    const d = day[row];
    if (d === noDay) continue;
    const a = amount[row];
    // A refund row as `isRefundRow` defines it, inlined: this loop runs once per row.
    if (ignoreRefunds && (refund[row] === 1 || a < 0)) continue;
    const p = periodIndex.of(d);
    if (p < 0 || p >= periodCount) continue;
    revenue[p] += a;
    // Refunds of customers who never bought (firstPeriod −2) count with existing customers.
    if (firstPeriod[customer[row]] === p) newRevenue[p] += a;
    else returningRevenue[p] += a;
  }
  return { revenue, newRevenue, returningRevenue };
}

/**
 * Counts and customer codes of one period, by direct tests per customer.
 * @example classifyPeriod(context, p).customers.lost → codes of S not active at t1
 */
export function classifyPeriod(
  context: MetricContext,
  p: number,
): { counts: PeriodCounts; customers: PeriodCustomers } {
  const { activity: index } = context;
  const period = context.periods[p];
  const counts = emptyCounts(hasAmounts(context));
  const customers: PeriodCustomers = {
    S: [],
    E: [],
    N: [],
    retained: [],
    lost: [],
    joinedAndLeft: [],
    reactivated: [],
    previous: [],
    returning: [],
  };
  if (period === undefined) return { counts, customers };
  const t0 = period.first - 1;
  const t1 = period.last;
  for (let c = 0; c < index.customerCount; c++) {
    const first = index.firstDay[c];
    if (first === NO_DAY) continue;
    const atStart = isActiveAt(index, c, t0);
    const atEnd = isActiveAt(index, c, t1);
    const isNew = first > t0 && first <= t1;
    if (atStart) customers.S.push(c);
    if (atEnd) customers.E.push(c);
    if (isNew) customers.N.push(c);
    if (atStart && atEnd) customers.retained.push(c);
    if (atStart && !atEnd) customers.lost.push(c);
    if (isNew && !atEnd) customers.joinedAndLeft.push(c);
    if (atEnd && !atStart && !isNew) customers.reactivated.push(c);
    if (first <= t0) {
      customers.previous.push(c);
      if (isActiveDuring(index, c, period.first, period.last)) customers.returning.push(c);
    }
  }
  for (const key of Object.keys(customers) as CustomerGroup[]) counts[key] = customers[key].length;

  if (hasAmounts(context)) {
    const { dataset } = context;
    const amount = dataset.amount as Float64Array;
    let revenue = 0;
    let newRevenue = 0;
    let returningRevenue = 0;
    for (let row = 0; row < dataset.rowCount; row++) {
      const d = dataset.day[row];
      if (d === NO_DAY || d < period.first || d > period.last) continue;
      if (context.settings.refunds === 'ignore' && isRefundRow(dataset, row)) continue;
      revenue += amount[row];
      const first = index.firstDay[dataset.customer[row]];
      if (first !== NO_DAY && first > t0 && first <= t1) newRevenue += amount[row];
      else returningRevenue += amount[row];
    }
    counts.revenue = revenue;
    counts.newRevenue = newRevenue;
    counts.returningRevenue = returningRevenue;
  }
  return { counts, customers };
}
