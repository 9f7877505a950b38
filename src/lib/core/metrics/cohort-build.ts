/**
 * The engine behind the cohort matrices (METRICS.md §7), kept apart from the report shape so that
 * the matrix, the breakdown comparison and the drill-down lists all assign customers to cohorts in
 * exactly the same way.
 *
 * Cost: what does not depend on the breakdown or the refunds rule is built once per dataset (each
 * customer's first row: one pass over the rows; orders take their purchase days from the activity
 * index the report already built) and once per unit (each customer's cohort period, activity bits
 * and last active age: one pass over the purchase days, or over the rows for subscriptions, into a
 * bitset of customers × ⌈periods / 32⌉ words, 100,000 customers × 60 months = 800 kB), and kept
 * for the next call: changing the breakdown, the view or the refunds rule then costs one pass over
 * the customers, and one over the rows for the revenue. No Map or object is created per row or per
 * customer.
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
import { anyActivityIndex } from './context.ts';

/** Beyond this many days between the first and last row, periods are computed per row. */
const MAX_LOOKUP_SPAN = 200_000;

/** Units whose per-customer activity is kept per dataset (the bitsets of a weekly one are large). */
const UNIT_CACHE_SIZE = 2;

export interface CohortBuildOptions {
  readonly unit: PeriodUnit;
  readonly refunds: RefundsRule;
  /** Category column whose acquisition value splits or filters the cohorts; null for none. */
  readonly category: number | null;
  /** With a category: keep only customers with this acquisition value; null splits by value. */
  readonly value: number | null;
  /** Sum the revenue per cell (default true); a breakdown comparison does not show it. */
  readonly revenue?: boolean;
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
  /** Null when the dataset has no amounts (or the revenue was not asked for). */
  readonly revenue: Float64Array | null;
  /** Per customer: cohort index, −1 when the customer is in no cohort (or filtered out). */
  readonly customerCohort: Int32Array;
  /**
   * Per customer with a first purchase or start, whatever the breakdown: highest active age, −1
   * when never active (a subscription that never ran). Read it through `customerCohort`; shared
   * with the other builds of the unit, so never written to.
   */
  readonly lastAge: Int32Array;
  /** Per customer, `words` Int32 words: bit k set when active at age k (as `lastAge`). */
  readonly bits: Int32Array;
  readonly words: number;
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

/** What every unit shares: the data's range and each customer's first purchase or start. */
interface FirstRows {
  readonly firstDay: Int32Array;
  /** The row of the first purchase or start; −1 when the customer has none (refunds only). */
  readonly firstRow: Int32Array;
  /** First and last dated row, and the last day as activity.ts defines it; NO_DAY when none. */
  readonly minDay: number;
  readonly maxDay: number;
  readonly dataLastDay: number;
  /** Earliest first purchase or start of all customers; NO_DAY when nobody has one. */
  readonly firstCohortDay: number;
  /**
   * Orders: each customer's distinct purchase days (CSR, from the activity index, and kept here
   * when the activity cache lets the index go), so that a new unit reads them customer by
   * customer instead of jumping between customers row by row; null for subscriptions.
   */
  readonly purchaseOffsets: Int32Array | null;
  readonly purchaseDays: Int32Array | null;
}

/** What one unit adds, whatever the breakdown and the refunds rule. */
interface UnitActivity {
  readonly firstKey: number;
  readonly periodCount: number;
  readonly indexOf: (day: number) => number;
  /** Per customer: period index of the first purchase or start (0 when none). */
  readonly startPeriod: Int32Array;
  readonly lastAge: Int32Array;
  readonly bits: Int32Array;
  readonly words: number;
}

interface DatasetCache {
  readonly first: FirstRows;
  /** Most recently used last. */
  readonly units: Map<PeriodUnit, UnitActivity>;
}

/**
 * Per dataset, the parts of a build that a new breakdown, view or refunds rule leaves as they
 * are. Datasets are never changed after import (see context.ts), so the entries stay valid.
 */
const cache = new WeakMap<Dataset, DatasetCache>();

/** Pass 1 over the rows: the data's range, and each customer's first purchase or start row. */
function firstRows(dataset: Dataset): FirstRows {
  const customerCount = dataset.customerKeys.length;
  const { day, customer, endDay, refund, amount } = dataset;
  const isOrders = dataset.kind === 'orders';
  // A local copy: V8 then compares with a constant instead of reloading the module binding for
  // every row (NO_DAY is no small integer); twice as fast in the loops over a million rows.
  const noDay = NO_DAY;
  const firstDay = new Int32Array(customerCount).fill(noDay);
  const firstRow = new Int32Array(customerCount).fill(-1);
  let minDay = noDay;
  let maxDay = noDay;
  let lastDay = noDay;
  let firstCohortDay = noDay;
  for (let row = 0; row < dataset.rowCount; row++) {
    const d = day[row];
    if (d === noDay) continue;
    if (minDay === noDay || d < minDay) minDay = d;
    if (maxDay === noDay || d > maxDay) maxDay = d;
    if (endDay !== null && endDay[row] !== noDay && endDay[row] > lastDay) lastDay = endDay[row];
    // A refund row as `isRefundRow` (activity.ts) defines it, inlined for the same reason.
    if (isOrders && (refund[row] === 1 || (amount !== null && amount[row] < 0))) continue;
    const c = customer[row];
    if (firstRow[c] === -1 || d < firstDay[c]) {
      firstDay[c] = d;
      firstRow[c] = row;
      if (firstCohortDay === noDay || d < firstCohortDay) firstCohortDay = d;
    }
  }
  const dataLastDay = lastDay === noDay || maxDay > lastDay ? maxDay : lastDay;
  // The index's purchase days are the non-refund dated rows' days, as counted here; which W
  // and refunds rule it was built for does not change them.
  const index = isOrders ? anyActivityIndex(dataset) : null;
  const purchaseOffsets = index === null ? null : index.dayOffsets;
  const purchaseDays = index === null ? null : index.days;
  return {
    firstDay,
    firstRow,
    minDay,
    maxDay,
    dataLastDay,
    firstCohortDay,
    purchaseOffsets,
    purchaseDays,
  };
}

/**
 * Each customer's activity bits per age and last active age in the unit: one pass over the
 * purchase days (orders) or over the rows (subscriptions).
 */
function unitActivity(dataset: Dataset, first: FirstRows, unit: PeriodUnit): UnitActivity {
  const customerCount = dataset.customerKeys.length;
  const { day, customer, endDay } = dataset;
  const noDay = NO_DAY; // see firstRows
  const firstKey = periodOf(first.firstCohortDay, unit);
  const lastKey = periodOf(first.dataLastDay, unit);
  const periodCount = lastKey - firstKey + 1;
  const indexOf = periodIndexer(first.minDay, first.maxDay, firstKey, unit);
  const startPeriod = new Int32Array(customerCount);
  for (let c = 0; c < customerCount; c++) {
    if (first.firstRow[c] !== -1) startPeriod[c] = indexOf(first.firstDay[c]);
  }
  const words = (periodCount + 31) >>> 5;
  const bits = new Int32Array(customerCount * words);
  const lastAge = new Int32Array(customerCount).fill(-1);
  const { firstRow, purchaseOffsets, purchaseDays } = first;
  if (purchaseOffsets !== null && purchaseDays !== null) {
    // Orders: a customer is active at the age of each purchase (refunds are none).
    for (let c = 0; c < customerCount; c++) {
      const start = startPeriod[c];
      const base = c * words;
      let last = -1;
      for (let i = purchaseOffsets[c]; i < purchaseOffsets[c + 1]; i++) {
        const age = indexOf(purchaseDays[i]) - start;
        if (age < 0) continue;
        bits[base + (age >>> 5)] |= 1 << (age & 31);
        if (age > last) last = age;
      }
      lastAge[c] = last;
    }
  } else {
    const periods = { firstKey, periodCount, indexOf };
    for (let row = 0; row < dataset.rowCount; row++) {
      const d = day[row];
      if (d === noDay) continue;
      const c = customer[row];
      if (firstRow[c] === -1) continue;
      const { from, until } = subscriptionAges(endDay, row, d, startPeriod[c], unit, periods);
      for (let age = from; age < until; age++) bits[c * words + (age >>> 5)] |= 1 << (age & 31);
      if (until > from && until - 1 > lastAge[c]) lastAge[c] = until - 1;
    }
  }
  return { firstKey, periodCount, indexOf, startPeriod, lastAge, bits, words };
}

/**
 * Subscriptions: the ages [from, until) a row is active at the end of (see the file comment).
 * @example a row from the cohort's first month, ending in its fourth → { from: 0, until: 3 }
 */
function subscriptionAges(
  endDay: Int32Array | null,
  row: number,
  d: number,
  start: number,
  unit: PeriodUnit,
  periods: Pick<UnitActivity, 'firstKey' | 'periodCount' | 'indexOf'>,
): { from: number; until: number } {
  const { firstKey, periodCount, indexOf } = periods;
  const end = endDay === null ? NO_DAY : endDay[row];
  const from = Math.max(indexOf(d) - start, 0);
  const to = (end === NO_DAY ? periodCount : periodOf(end, unit) - firstKey) - start;
  return { from, until: Math.min(to, periodCount - start) };
}

/** The cached first rows of the dataset, built on first use. */
function cachedFirstRows(dataset: Dataset): DatasetCache {
  let entry = cache.get(dataset);
  if (entry === undefined) {
    entry = { first: firstRows(dataset), units: new Map() };
    cache.set(dataset, entry);
  }
  return entry;
}

/** The cached activity of the dataset in the unit, built on first use (needs a first cohort). */
function cachedActivity(dataset: Dataset, entry: DatasetCache, unit: PeriodUnit): UnitActivity {
  let activity = entry.units.get(unit);
  if (activity === undefined) {
    activity = unitActivity(dataset, entry.first, unit);
    if (entry.units.size >= UNIT_CACHE_SIZE) {
      entry.units.delete(entry.units.keys().next().value as PeriodUnit);
    }
  } else entry.units.delete(unit);
  entry.units.set(unit, activity);
  return activity;
}

/**
 * Assigns customers to cohorts and counts every cell.
 * @example buildCohorts(orders, { unit: 'month', refunds: 'include', category: null, value: null })
 *   .size → customers per monthly cohort
 */
export function buildCohorts(dataset: Dataset, options: CohortBuildOptions): CohortBuild {
  const { unit, refunds } = options;
  const customerCount = dataset.customerKeys.length;
  const amount = dataset.amount;
  if (dataset.kind === 'lists') return emptyBuild(unit, customerCount, amount !== null);
  const entry = cachedFirstRows(dataset);
  const first = entry.first;
  if (first.firstCohortDay === NO_DAY) return emptyBuild(unit, customerCount, amount !== null);
  const activity = cachedActivity(dataset, entry, unit);
  const { firstKey, periodCount, startPeriod, bits, words, lastAge } = activity;
  const { firstRow } = first;

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
    const slot = startPeriod[c] * segmentCount + segment;
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
  for (let c = 0; c < customerCount; c++) {
    if (slotOf[c] !== -1) customerCohort[c] = slotCohort[slotOf[c]];
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

  const revenue =
    amount === null || options.revenue === false
      ? null
      : cellRevenue(dataset, activity, customerCohort, cohortCount, refunds, unit);

  return {
    unit,
    firstKey,
    periodCount,
    dataFirstDay: first.minDay,
    dataLastDay: first.dataLastDay,
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

/**
 * Pass over the rows: the revenue per cell, added row by row in file order. The order of the
 * additions decides the last bits of a float sum, so it stays the same whatever is cached.
 */
function cellRevenue(
  dataset: Dataset,
  activity: UnitActivity,
  customerCohort: Int32Array,
  cohortCount: number,
  refunds: RefundsRule,
  unit: PeriodUnit,
): Float64Array {
  const { day, customer, endDay, refund } = dataset;
  const amount = dataset.amount as Float64Array;
  const { periodCount, indexOf, startPeriod } = activity;
  const isOrders = dataset.kind === 'orders';
  const ignore = refunds === 'ignore';
  const noDay = NO_DAY; // see firstRows
  const revenue = new Float64Array(cohortCount * periodCount);
  for (let row = 0; row < dataset.rowCount; row++) {
    const d = day[row];
    if (d === noDay) continue;
    const c = customer[row];
    const k = customerCohort[c];
    if (k === -1) continue;
    // The row's money, or 0 when it does not count (a refund under 'ignore').
    const money = ignore && (refund[row] === 1 || amount[row] < 0) ? 0 : amount[row];
    if (isOrders) {
      const age = indexOf(d) - startPeriod[c];
      if (age >= 0) revenue[k * periodCount + age] += money;
    } else {
      const { from, until } = subscriptionAges(endDay, row, d, startPeriod[c], unit, activity);
      for (let age = from; age < until; age++) revenue[k * periodCount + age] += money;
    }
  }
  return revenue;
}
