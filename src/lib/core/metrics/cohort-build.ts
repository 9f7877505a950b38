/**
 * The engine behind the cohort matrices (METRICS.md §7), kept apart from the report shape so that
 * the matrix, the breakdown comparison and the drill-down lists all assign customers to cohorts in
 * exactly the same way.
 *
 * Cost: two passes over the rows and one over the customers, plus a bitset of
 * customers × ⌈periods / 32⌉ words (100,000 customers × 60 months = 800 kB). No Map or object is
 * created per row or per customer.
 *
 * Policies (stated once, here):
 * - A customer's cohort is the period of their first purchase (orders: earliest non-refund row) or
 *   first start (subscriptions: earliest start row). Customers with only refunds have no cohort.
 * - Their acquisition value for a breakdown is the category value of that same row; when several
 *   rows share the first day, the first one in file order wins.
 * - The periods run from the one holding the earliest first purchase or start of ALL customers (so
 *   filtered and unfiltered matrices line up row for row) to the one holding the data's last day.
 * - The data's last day is the last dated row, refunds included; for subscriptions also the last
 *   end day (announced future cancellations extend it), as in activity.ts.
 * - Orders: a customer is active at age k when they made a non-refund purchase in period c + k.
 *   Subscriptions: when some row has start ≤ t < end (or no end) for t = the last day of c + k; a
 *   row covers the periods from periodOf(start) to periodOf(end) − 1, because the end of period p
 *   is before `end` exactly when period p + 1 starts on or before it.
 * - Revenue, orders: the amounts of the cohort's rows in period c + k; with refunds 'ignore' the
 *   refund rows are left out. Refund rows dated before the customer's first purchase (age < 0)
 *   cannot be placed in the triangle and are left out. Subscriptions: the recurring amounts of the
 *   rows active at the end of the period (the monthly run rate then, not money received).
 */
import type { Dataset } from '../model/dataset.ts';
import { NO_DAY } from '../model/days.ts';
import { periodEnd, periodOf, type PeriodUnit } from '../model/periods.ts';
import type { RefundsRule } from '../explain/explanation.ts';

/** Beyond this many days between the first and last row, periods are computed per row. */
const MAX_LOOKUP_SPAN = 200_000;

export interface CohortBuildOptions {
  readonly unit: PeriodUnit;
  readonly refunds: RefundsRule;
  /** Category column whose acquisition value splits or filters the cohorts; null for none. */
  readonly category: number | null;
  /** With a category: keep only customers with this acquisition value; null splits by value. */
  readonly value: number | null;
}

/** Everything computed once; counts are flat arrays indexed [cohort × periodCount + age]. */
export interface CohortBuild {
  readonly unit: PeriodUnit;
  /** Period key of period index 0; periodCount periods follow it. */
  readonly firstKey: number;
  readonly periodCount: number;
  readonly dataFirstDay: number;
  readonly dataLastDay: number;
  /** Per cohort: its period index (0-based from firstKey) and segment (value code or −1). */
  readonly cohortPeriod: Int32Array;
  readonly cohortSegment: Int32Array;
  readonly size: Int32Array;
  readonly active: Int32Array;
  readonly rolling: Int32Array;
  /** Null when the dataset has no amounts. */
  readonly revenue: Float64Array | null;
  /** Per customer: cohort index, −1 when the customer is in no cohort (or filtered out). */
  readonly customerCohort: Int32Array;
  /** Per customer: highest active age, −1 when never active (a subscription that never ran). */
  readonly lastAge: Int32Array;
  /** Per customer, `words` Int32 words: bit k set when active at age k. */
  readonly bits: Int32Array;
  readonly words: number;
}

function isRefund(dataset: Dataset, row: number): boolean {
  return dataset.refund[row] === 1 || (dataset.amount !== null && dataset.amount[row] < 0);
}

/** Maps an epoch day to a period index (0 = firstKey) through a lookup table when it is cheap. */
function periodIndexer(
  minDay: number,
  maxDay: number,
  firstKey: number,
  unit: PeriodUnit,
): (day: number) => number {
  const span = maxDay - minDay + 1;
  if (span > MAX_LOOKUP_SPAN) return (day) => periodOf(day, unit) - firstKey;
  const table = new Int32Array(span);
  // Walk the days period by period: one periodEnd call per period instead of one civilDate a day.
  let key = periodOf(minDay, unit);
  let end = periodEnd(key, unit);
  for (let i = 0; i < span; i++) {
    if (minDay + i > end) {
      key++;
      end = periodEnd(key, unit);
    }
    table[i] = key - firstKey;
  }
  return (day) => table[day - minDay];
}

function emptyBuild(unit: PeriodUnit, customerCount: number, hasAmounts: boolean): CohortBuild {
  return {
    unit,
    firstKey: 0,
    periodCount: 0,
    dataFirstDay: NO_DAY,
    dataLastDay: NO_DAY,
    cohortPeriod: new Int32Array(0),
    cohortSegment: new Int32Array(0),
    size: new Int32Array(0),
    active: new Int32Array(0),
    rolling: new Int32Array(0),
    revenue: hasAmounts ? new Float64Array(0) : null,
    customerCohort: new Int32Array(customerCount).fill(-1),
    lastAge: new Int32Array(customerCount).fill(-1),
    bits: new Int32Array(0),
    words: 0,
  };
}

/**
 * Assigns customers to cohorts and counts every cell.
 * @example buildCohorts(orders, { unit: 'month', refunds: 'include', category: null, value: null })
 *   .size → customers per monthly cohort
 */
export function buildCohorts(dataset: Dataset, options: CohortBuildOptions): CohortBuild {
  const { unit, refunds } = options;
  const customerCount = dataset.customerKeys.length;
  const rowCount = dataset.rowCount;
  const day = dataset.day;
  const customer = dataset.customer;
  const endDay = dataset.endDay;
  const amount = dataset.amount;
  const isOrders = dataset.kind === 'orders';
  if (dataset.kind === 'lists') return emptyBuild(unit, customerCount, amount !== null);

  // Pass 1 over the rows: the data's range, and each customer's first purchase or start row.
  const firstDay = new Int32Array(customerCount).fill(NO_DAY);
  const firstRow = new Int32Array(customerCount).fill(-1);
  let minDay = NO_DAY;
  let maxDay = NO_DAY;
  let lastDay = NO_DAY;
  let firstCohortDay = NO_DAY;
  for (let row = 0; row < rowCount; row++) {
    const d = day[row];
    if (d === NO_DAY) continue;
    if (minDay === NO_DAY || d < minDay) minDay = d;
    if (maxDay === NO_DAY || d > maxDay) maxDay = d;
    if (endDay !== null && endDay[row] !== NO_DAY && endDay[row] > lastDay) lastDay = endDay[row];
    if (isOrders && isRefund(dataset, row)) continue;
    const c = customer[row];
    if (firstRow[c] === -1 || d < firstDay[c]) {
      firstDay[c] = d;
      firstRow[c] = row;
      if (firstCohortDay === NO_DAY || d < firstCohortDay) firstCohortDay = d;
    }
  }
  if (firstCohortDay === NO_DAY) return emptyBuild(unit, customerCount, amount !== null);
  const dataLastDay = lastDay === NO_DAY || maxDay > lastDay ? maxDay : lastDay;
  const firstKey = periodOf(firstCohortDay, unit);
  const lastKey = periodOf(dataLastDay, unit);
  const periodCount = lastKey - firstKey + 1;
  const indexOf = periodIndexer(minDay, maxDay, firstKey, unit);

  // Segments: one per category value when splitting, a single one otherwise.
  const categories = dataset.categories;
  const column =
    options.category !== null && options.category >= 0 && options.category < categories.length
      ? categories[options.category]
      : null;
  const split = column !== null && options.value === null;
  const segmentCount = split ? Math.max(1, column.values.length) : 1;

  // Cohort slots are (period, segment); filtered-out customers get −1.
  const slotOf = new Int32Array(customerCount).fill(-1);
  const slotSize = new Int32Array(periodCount * segmentCount);
  for (let c = 0; c < customerCount; c++) {
    const row = firstRow[c];
    if (row === -1) continue;
    let segment = 0;
    if (column !== null) {
      const value = column.codes[row];
      if (split) segment = value;
      else if (value !== options.value) continue;
    }
    const slot = indexOf(firstDay[c]) * segmentCount + segment;
    slotOf[c] = slot;
    slotSize[slot]++;
  }
  // Compact the slots into cohorts. Unsplit: every period is a cohort (empty ones too, so the
  // rows stay consecutive periods); split: only the (period, value) pairs that have customers.
  const slotCohort = new Int32Array(slotSize.length).fill(-1);
  let cohortCount = 0;
  for (let slot = 0; slot < slotSize.length; slot++) {
    if (!split || slotSize[slot] > 0) slotCohort[slot] = cohortCount++;
  }
  const cohortPeriod = new Int32Array(cohortCount);
  const cohortSegment = new Int32Array(cohortCount);
  const size = new Int32Array(cohortCount);
  for (let slot = 0; slot < slotSize.length; slot++) {
    const k = slotCohort[slot];
    if (k === -1) continue;
    cohortPeriod[k] = Math.floor(slot / segmentCount);
    cohortSegment[k] = column === null ? -1 : split ? slot % segmentCount : (options.value ?? -1);
    size[k] = slotSize[slot];
  }
  const customerCohort = new Int32Array(customerCount).fill(-1);
  const startPeriod = new Int32Array(customerCount);
  for (let c = 0; c < customerCount; c++) {
    if (slotOf[c] === -1) continue;
    const k = slotCohort[slotOf[c]];
    customerCohort[c] = k;
    startPeriod[c] = cohortPeriod[k];
  }

  // Pass 2 over the rows: activity bits per (customer, age) and revenue per cell.
  const words = (periodCount + 31) >>> 5;
  const bits = new Int32Array(customerCount * words);
  const lastAge = new Int32Array(customerCount).fill(-1);
  const revenue = amount === null ? null : new Float64Array(cohortCount * periodCount);
  for (let row = 0; row < rowCount; row++) {
    const d = day[row];
    if (d === NO_DAY) continue;
    const c = customer[row];
    const k = customerCohort[c];
    if (k === -1) continue;
    const refund = isRefund(dataset, row);
    // The row's money, or 0 when it does not count (no amounts, or a refund under 'ignore').
    const money = amount === null || (refunds === 'ignore' && refund) ? 0 : amount[row];
    if (isOrders) {
      const age = indexOf(d) - startPeriod[c];
      if (age < 0) continue;
      if (revenue !== null) revenue[k * periodCount + age] += money;
      if (refund) continue;
      bits[c * words + (age >>> 5)] |= 1 << (age & 31);
      if (age > lastAge[c]) lastAge[c] = age;
    } else {
      const end = endDay === null ? NO_DAY : endDay[row];
      const from = Math.max(indexOf(d) - startPeriod[c], 0);
      const to = (end === NO_DAY ? periodCount : periodOf(end, unit) - firstKey) - startPeriod[c];
      const until = Math.min(to, periodCount - startPeriod[c]);
      for (let age = from; age < until; age++) {
        bits[c * words + (age >>> 5)] |= 1 << (age & 31);
        if (revenue !== null) revenue[k * periodCount + age] += money;
      }
      if (until > from && until - 1 > lastAge[c]) lastAge[c] = until - 1;
    }
  }

  // Pass over the customers: classic counts from the bits, rolling from the last active age.
  const active = new Int32Array(cohortCount * periodCount);
  const rolling = new Int32Array(cohortCount * periodCount);
  for (let c = 0; c < customerCount; c++) {
    const k = customerCohort[c];
    if (k === -1) continue;
    const base = k * periodCount;
    for (let w = 0; w < words; w++) {
      let word = bits[c * words + w];
      while (word !== 0) {
        const low = word & -word;
        active[base + (w << 5) + 31 - Math.clz32(low)]++;
        word ^= low;
      }
    }
    if (lastAge[c] >= 0) rolling[base + lastAge[c]]++;
  }
  // Active at age k or later = the customers whose last active age is k or more: suffix sums.
  for (let k = 0; k < cohortCount; k++) {
    const base = k * periodCount;
    for (let age = periodCount - 2; age >= 0; age--) rolling[base + age] += rolling[base + age + 1];
  }

  return {
    unit,
    firstKey,
    periodCount,
    dataFirstDay: minDay,
    dataLastDay,
    cohortPeriod,
    cohortSegment,
    size,
    active,
    rolling,
    revenue,
    customerCohort,
    lastAge,
    bits,
    words,
  };
}
