/**
 * The customer counts of a period (t0, t1] that every retention metric is made of, computed two
 * ways that must agree (a test checks it):
 * - `sweepPeriods`: all periods at once, one pass per customer over its intervals and the period
 *   boundaries, O(customers × periods they live through + rows). Used for the report table.
 * - `classifyPeriod`: one period, with the customer codes behind each count, by binary search per
 *   customer. Used on demand for an explanation or a customer list.
 *
 * Moments: t0 = the day before the period's first day, t1 = the period's last day. So "active at
 * the start" means active at the end of the previous day, and a customer whose first purchase is on
 * the period's first day is new (first purchase in (t0, t1]), never part of S.
 */
import { NO_DAY } from '../model/days.ts';
import { isActiveAt, isActiveDuring, isRefundRow } from './activity.ts';
import { periodIndexOf, type MetricContext } from './context.ts';

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
  const counts = periods.map(() => emptyCounts(hasAmounts(context)));
  if (periodCount === 0) return counts;
  const customerCount = index.customerCount;
  const firstPeriod = new Int32Array(customerCount);
  // How many customers first appear at or before each boundary, for `previous`.
  const firstAtBoundary = new Int32Array(periodCount + 2);
  const isOrders = index.kind === 'orders';

  for (let c = 0; c < customerCount; c++) {
    const first = index.firstDay[c];
    if (first === NO_DAY) {
      firstPeriod[c] = -2;
      continue;
    }
    const j0 = periodIndexOf(boundaries, first) + 1; // first boundary ≥ first day
    const newIn = j0 - 1; // the period the customer is new in (−1 or periodCount: none)
    firstPeriod[c] = newIn;
    firstAtBoundary[j0]++;

    // Activity at each boundary from j0 on (earlier boundaries precede every interval).
    let k = index.intervalOffsets[c];
    const kEnd = index.intervalOffsets[c + 1];
    let previousActive = false;
    for (let j = j0; j <= periodCount; j++) {
      const t = boundaries[j];
      while (k < kEnd && index.intervalEnd[k] <= t) k++;
      const active = k < kEnd && index.intervalStart[k] <= t;
      const p = j - 1;
      if (p >= 0) {
        const row = counts[p];
        const isNew = p === newIn;
        if (previousActive) {
          row.S++;
          if (active) row.retained++;
          else row.lost++;
        }
        if (active) {
          row.E++;
          if (!previousActive && !isNew) row.reactivated++;
        }
        if (isNew) {
          row.N++;
          if (!active) row.joinedAndLeft++;
        }
      }
      previousActive = active;
      if (k >= kEnd) break; // no interval left: inactive at every later boundary
    }

    // Returning customers: bought (orders) or active (otherwise) in a period after their first.
    let lastCounted = -1;
    if (isOrders) {
      for (let i = index.dayOffsets[c]; i < index.dayOffsets[c + 1]; i++) {
        const p = periodIndexOf(boundaries, index.days[i]);
        if (p >= periodCount) break;
        if (p > newIn && p !== lastCounted && p >= 0) {
          counts[p].returning++;
          lastCounted = p;
        }
      }
    } else {
      for (let i = index.intervalOffsets[c]; i < kEnd; i++) {
        const from = Math.max(periodIndexOf(boundaries, index.intervalStart[i]), newIn + 1, 0);
        const to = Math.min(periodIndexOf(boundaries, index.intervalEnd[i] - 1), periodCount - 1);
        for (let p = Math.max(from, lastCounted + 1); p <= to; p++) counts[p].returning++;
        if (to > lastCounted) lastCounted = to;
      }
    }
  }

  let cumulative = 0;
  for (let p = 0; p < periodCount; p++) {
    cumulative += firstAtBoundary[p];
    counts[p].previous = cumulative;
  }

  if (hasAmounts(context)) {
    const { dataset } = context;
    const amount = dataset.amount as Float64Array;
    const ignoreRefunds = context.settings.refunds === 'ignore';
    for (let row = 0; row < dataset.rowCount; row++) {
      const d = dataset.day[row];
      if (d === NO_DAY) continue;
      if (ignoreRefunds && isRefundRow(dataset, row)) continue;
      const p = periodIndexOf(boundaries, d);
      if (p < 0 || p >= periodCount) continue;
      const row0 = counts[p];
      const a = amount[row];
      row0.revenue = (row0.revenue as number) + a;
      // Refunds of customers who never bought (firstPeriod −2) count with existing customers.
      if (firstPeriod[dataset.customer[row]] === p)
        row0.newRevenue = (row0.newRevenue as number) + a;
      else row0.returningRevenue = (row0.returningRevenue as number) + a;
    }
  }
  return counts;
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
