/**
 * Who is active at a moment t (METRICS.md §3), built once per dataset as per-customer typed arrays
 * so that every metric answers "active at t" with a binary search or a sweep instead of scanning
 * rows.
 *
 * Every input kind is reduced to the same shape: per customer, sorted, disjoint, half-open
 * **active intervals** [start, end) of epoch days; the customer is active at t when some interval
 * has start ≤ t < end.
 * - subscriptions: a row is active on [start, end) (no end: open) — "start ≤ t and (no end or
 *   end > t)". A row whose end is on or before its start is never active (but its start still
 *   makes the customer new).
 * - orders: a purchase on day d makes the customer active on [d, d + W) — "bought in (t − W, t]".
 *   Refund rows are never purchases.
 * - two lists: there are no dates, so the lists are placed on two symbolic days: the start list on
 *   day 0 and the end list on day 1 (interval [0, 1), [1, 2) or [0, 2)). The single period is then
 *   (0, 1], and S, E, N and lost fall out of the same code as for dated data.
 */
import type { Dataset, InputKind } from '../model/dataset.ts';
import { NO_DAY } from '../model/days.ts';
import type { RefundsRule } from '../explain/explanation.ts';

/** Up to this many rows, a customer's orders are told apart by comparing them with each other. */
const FEW_ROWS = 16;

/** End of an interval that never ends (a subscription without an end date). */
export const OPEN_END = 2147483647;

/** Default activity window W for orders, in days (METRICS.md §3). */
export const DEFAULT_WINDOW_DAYS = 365;

export interface ActivityIndex {
  readonly kind: InputKind;
  readonly customerCount: number;
  /** First purchase or start day per customer; NO_DAY when the customer never bought. */
  readonly firstDay: Int32Array;
  /** Last purchase day (orders) or last start or end day (subscriptions); NO_DAY if none. */
  readonly lastDay: Int32Array;
  /** CSR: intervals of customer c are at indexes intervalOffsets[c] … intervalOffsets[c+1]−1. */
  readonly intervalOffsets: Int32Array;
  readonly intervalStart: Int32Array;
  readonly intervalEnd: Int32Array;
  /** CSR: distinct purchase days (orders) or start days (subscriptions), ascending. */
  readonly dayOffsets: Int32Array;
  readonly days: Int32Array;
  /** Purchases per customer: distinct orders, or distinct days without an order column. */
  readonly purchaseCount: Int32Array;
  /** Day of the second purchase (the second order in day order); NO_DAY with fewer than two. */
  readonly secondPurchaseDay: Int32Array;
  /** Sum of the customer's amounts under the refunds rule; null without amounts or for lists. */
  readonly revenue: Float64Array | null;
  /** First and last day the data covers (NO_DAY when it has no dated rows). */
  readonly dataFirstDay: number;
  readonly dataLastDay: number;
  /** W for orders; null for subscriptions and lists. */
  readonly windowDays: number | null;
  readonly refunds: RefundsRule;
}

/**
 * A row is a refund when flagged or when its amount is negative (METRICS.md §1). Refunds are
 * never purchases; under 'include' their (negative) amount reduces revenue, under 'ignore' the row
 * is left out of revenue too.
 */
export function isRefundRow(dataset: Dataset, row: number): boolean {
  return dataset.refund[row] === 1 || (dataset.amount !== null && dataset.amount[row] < 0);
}

/**
 * Builds the activity index in O(rows + customers + day span).
 * @example buildActivityIndex(orders, 365, 'include').firstDay[c] === first purchase day of c
 */
export function buildActivityIndex(
  dataset: Dataset,
  windowDays: number = DEFAULT_WINDOW_DAYS,
  refunds: RefundsRule = 'include',
): ActivityIndex {
  // A local copy: V8 then compares with a constant instead of reloading the module binding for
  // every row (NO_DAY is no small integer); twice as fast in the loops over a million rows.
  const noDay = NO_DAY;
  const customerCount = dataset.customerKeys.length;
  if (dataset.kind === 'lists') return buildListsIndex(dataset, customerCount, refunds);
  const isOrders = dataset.kind === 'orders';
  const w = Number.isFinite(windowDays)
    ? Math.max(1, Math.min(Math.floor(windowDays), 1_000_000))
    : DEFAULT_WINDOW_DAYS;
  const { day, endDay, refund, amount } = dataset;
  const include = (row: number): boolean =>
    day[row] !== noDay &&
    !(isOrders && (refund[row] === 1 || (amount !== null && amount[row] < 0))); // isRefundRow
  const sorted = rowsByCustomerAndDay(dataset, include, true);
  const { offsets, rows } = sorted;
  const rowDays = sorted.days as Int32Array;

  const firstDay = new Int32Array(customerCount).fill(noDay);
  const lastDay = new Int32Array(customerCount).fill(noDay);
  const purchaseCount = new Int32Array(customerCount);
  const secondPurchaseDay = new Int32Array(customerCount).fill(noDay);
  const intervalOffsets = new Int32Array(customerCount + 1);
  const dayOffsets = new Int32Array(customerCount + 1);
  // Upper bounds: at most one interval and one distinct day per row.
  const intervalStart = new Int32Array(rows.length);
  const intervalEnd = new Int32Array(rows.length);
  const days = new Int32Array(rows.length);
  const order = isOrders ? dataset.order : null;
  // Which customer last counted an order, for customers with too many rows to compare each
  // order with the earlier ones of the customer (see below).
  let orderSeenBy: Int32Array | null = null;

  let intervalCount = 0;
  let dayCount = 0;
  for (let c = 0; c < customerCount; c++) {
    intervalOffsets[c] = intervalCount;
    dayOffsets[c] = dayCount;
    const from = offsets[c];
    const to = offsets[c + 1];
    if (from === to) continue;
    firstDay[c] = rowDays[from];
    let last = noDay;
    let purchases = 0;
    let curStart = noDay;
    let curEnd = noDay;
    // Most customers have a few rows: comparing an order with their earlier ones stays in the
    // cache, where marking it in `orderSeenBy` is a jump to a random place for every row.
    const fewRows = to - from <= FEW_ROWS;
    for (let i = from; i < to; i++) {
      const row = rows[i];
      const d = rowDays[i];
      if (dayCount === dayOffsets[c] || days[dayCount - 1] !== d) days[dayCount++] = d;
      let start: number;
      let end: number;
      if (isOrders) {
        start = d;
        end = d + w;
        last = d;
        // A purchase is one order; without order numbers, one customer's rows on one day.
        let isNewPurchase: boolean;
        if (order === null) isNewPurchase = i === from || rowDays[i - 1] !== d;
        else if (fewRows) {
          const o = order[row];
          isNewPurchase = true;
          for (let j = from; j < i; j++) {
            if (order[rows[j]] === o) {
              isNewPurchase = false;
              break;
            }
          }
        } else {
          orderSeenBy ??= new Int32Array(maxCode(order) + 1).fill(-1);
          isNewPurchase = orderSeenBy[order[row]] !== c;
          orderSeenBy[order[row]] = c;
        }
        if (isNewPurchase) {
          purchases++;
          if (purchases === 2) secondPurchaseDay[c] = d;
        }
      } else {
        const e = endDay === null ? noDay : endDay[row];
        start = d;
        end = e === noDay ? OPEN_END : e;
        last = Math.max(last, d, e === noDay ? d : e);
        purchases++;
        if (purchases === 2) secondPurchaseDay[c] = d;
      }
      if (end <= start) continue;
      if (curEnd !== noDay && start <= curEnd) {
        if (end > curEnd) curEnd = end;
      } else {
        if (curEnd !== noDay) {
          intervalStart[intervalCount] = curStart;
          intervalEnd[intervalCount++] = curEnd;
        }
        curStart = start;
        curEnd = end;
      }
    }
    if (curEnd !== noDay) {
      intervalStart[intervalCount] = curStart;
      intervalEnd[intervalCount++] = curEnd;
    }
    lastDay[c] = last;
    purchaseCount[c] = purchases;
  }
  intervalOffsets[customerCount] = intervalCount;
  dayOffsets[customerCount] = dayCount;

  let dataFirstDay = noDay;
  let dataLastDay = noDay;
  for (let row = 0; row < dataset.rowCount; row++) {
    const d = day[row];
    if (d === noDay) continue;
    // Subscriptions: an end date also shows how far the data reaches (an announced future
    // cancellation therefore extends the covered range; policy kept simple on purpose).
    const e = endDay === null ? noDay : endDay[row];
    const hi = e === noDay ? d : Math.max(d, e);
    if (dataFirstDay === noDay || d < dataFirstDay) dataFirstDay = d;
    if (dataLastDay === noDay || hi > dataLastDay) dataLastDay = hi;
  }

  return {
    kind: dataset.kind,
    customerCount,
    firstDay,
    lastDay,
    intervalOffsets,
    intervalStart: intervalStart.slice(0, intervalCount),
    intervalEnd: intervalEnd.slice(0, intervalCount),
    dayOffsets,
    days: days.slice(0, dayCount),
    purchaseCount,
    secondPurchaseDay,
    revenue: isOrders ? customerRevenue(dataset, customerCount, refunds) : null,
    dataFirstDay,
    dataLastDay,
    windowDays: isOrders ? w : null,
    refunds,
  };
}

/** Symbolic days of the two lists (see the file comment). */
export const LIST_START_DAY = 0;
export const LIST_END_DAY = 1;

function buildListsIndex(
  dataset: Dataset,
  customerCount: number,
  refunds: RefundsRule,
): ActivityIndex {
  const inList = new Uint8Array(customerCount); // bit 1 = start list, bit 2 = end list
  const list = dataset.list;
  for (let row = 0; row < dataset.rowCount; row++) {
    inList[dataset.customer[row]] |= list !== null && list[row] === 1 ? 2 : 1;
  }
  const firstDay = new Int32Array(customerCount).fill(NO_DAY);
  const lastDay = new Int32Array(customerCount).fill(NO_DAY);
  const intervalOffsets = new Int32Array(customerCount + 1);
  const intervalStart: number[] = [];
  const intervalEnd: number[] = [];
  for (let c = 0; c < customerCount; c++) {
    intervalOffsets[c] = intervalStart.length;
    const bits = inList[c];
    if (bits === 0) continue;
    const start = bits & 1 ? LIST_START_DAY : LIST_END_DAY;
    const end = bits & 2 ? LIST_END_DAY + 1 : LIST_START_DAY + 1;
    firstDay[c] = start;
    lastDay[c] = end - 1;
    intervalStart.push(start);
    intervalEnd.push(end);
  }
  intervalOffsets[customerCount] = intervalStart.length;
  return {
    kind: 'lists',
    customerCount,
    firstDay,
    lastDay,
    intervalOffsets,
    intervalStart: Int32Array.from(intervalStart),
    intervalEnd: Int32Array.from(intervalEnd),
    dayOffsets: new Int32Array(customerCount + 1),
    days: new Int32Array(0),
    purchaseCount: new Int32Array(customerCount),
    secondPurchaseDay: new Int32Array(customerCount).fill(NO_DAY),
    revenue: null,
    dataFirstDay: LIST_END_DAY,
    dataLastDay: LIST_END_DAY,
    windowDays: null,
    refunds,
  };
}

/** The highest code of a dictionary-coded column; −1 when it is empty. */
function maxCode(codes: Int32Array): number {
  let max = -1;
  for (let i = 0; i < codes.length; i++) if (codes[i] > max) max = codes[i];
  return max;
}

function customerRevenue(
  dataset: Dataset,
  customerCount: number,
  refunds: RefundsRule,
): Float64Array | null {
  const amount = dataset.amount;
  if (amount === null) return null;
  const revenue = new Float64Array(customerCount);
  const customer = dataset.customer;
  for (let row = 0; row < dataset.rowCount; row++) {
    if (refunds === 'ignore' && isRefundRow(dataset, row)) continue;
    revenue[customer[row]] += amount[row];
  }
  return revenue;
}

/**
 * Row indexes of the included rows grouped by customer (CSR) and, within a customer, by day
 * (stable: equal days keep file order). Two counting sorts, O(rows + customers + day span), or
 * one when the file is in date order already; a comparison sort takes over when the day span is
 * absurdly wide. With `withDays`, also each sorted row's day, so a caller walks the days in order
 * instead of looking every row's day up at a random place in the day column.
 */
export function rowsByCustomerAndDay(
  dataset: Dataset,
  include: (row: number) => boolean,
  withDays = false,
): { offsets: Int32Array; rows: Int32Array; days: Int32Array | null } {
  const customerCount = dataset.customerKeys.length;
  const { day, customer } = dataset;
  let n = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  // Files are often in date order already; then the rows need no sorting by day.
  let inOrder = true;
  const kept = new Int32Array(dataset.rowCount);
  for (let row = 0; row < dataset.rowCount; row++) {
    if (!include(row)) continue;
    kept[n++] = row;
    const d = day[row];
    if (d < maxDay) inOrder = false;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  let byDay = new Int32Array(0);
  const span = n === 0 ? 0 : maxDay - minDay + 1;
  // bucketEnds[b]: the end of the rows of day minDay + b in byDay (counting sort only).
  let bucketEnds: Int32Array | null = null;
  if (inOrder) byDay = kept.subarray(0, n);
  else if (span <= 4 * n + 1_000_000) {
    byDay = new Int32Array(n);
    const counts = new Int32Array(span + 1);
    for (let i = 0; i < n; i++) counts[day[kept[i]] - minDay + 1]++;
    for (let i = 1; i <= span; i++) counts[i] += counts[i - 1];
    for (let i = 0; i < n; i++) byDay[counts[day[kept[i]] - minDay]++] = kept[i];
    bucketEnds = counts;
  } else {
    byDay = kept.slice(0, n);
    byDay.sort((a, b) => day[a] - day[b] || a - b);
  }
  const offsets = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) offsets[customer[byDay[i]] + 1]++;
  for (let c = 1; c <= customerCount; c++) offsets[c] += offsets[c - 1];
  const next = offsets.slice(0, customerCount);
  const rows = new Int32Array(n);
  if (!withDays) {
    for (let i = 0; i < n; i++) rows[next[customer[byDay[i]]]++] = byDay[i];
    return { offsets, rows, days: null };
  }
  const days = new Int32Array(n);
  if (bucketEnds !== null) {
    // The day of a sorted row is its bucket's: no look-up in the day column.
    let i = 0;
    for (let bucket = 0; bucket < span; bucket++) {
      const d = minDay + bucket;
      for (const end = bucketEnds[bucket]; i < end; i++) {
        const row = byDay[i];
        const at = next[customer[row]]++;
        rows[at] = row;
        days[at] = d;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const row = byDay[i];
      const at = next[customer[row]]++;
      rows[at] = row;
      days[at] = day[row];
    }
  }
  return { offsets, rows, days };
}

/**
 * Whether customer c is active at day t (binary search over the customer's intervals).
 * @example orders, W = 365, one purchase on day 100: active at 100 … 464, not at 99 or 465
 */
export function isActiveAt(index: ActivityIndex, c: number, t: number): boolean {
  let lo = index.intervalOffsets[c];
  let hi = index.intervalOffsets[c + 1];
  // Find the last interval whose start ≤ t.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.intervalStart[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > index.intervalOffsets[c] && t < index.intervalEnd[lo - 1];
}

/**
 * Whether customer c bought (orders) or was active (subscriptions, lists) on some day of
 * [first, last] — "customers who bought (or were active)" in METRICS.md §6.
 */
export function isActiveDuring(
  index: ActivityIndex,
  c: number,
  first: number,
  last: number,
): boolean {
  if (index.kind === 'orders') {
    let lo = index.dayOffsets[c];
    let hi = index.dayOffsets[c + 1];
    const end = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (index.days[mid] < first) lo = mid + 1;
      else hi = mid;
    }
    return lo < end && index.days[lo] <= last;
  }
  let lo = index.intervalOffsets[c];
  let hi = index.intervalOffsets[c + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.intervalStart[mid] <= last) lo = mid + 1;
    else hi = mid;
  }
  return lo > index.intervalOffsets[c] && index.intervalEnd[lo - 1] > first;
}
