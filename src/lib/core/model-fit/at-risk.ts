/**
 * At-risk customers for orders data (METRICS.md §10): a low model probability of being alive, or
 * overdue by their own rhythm. Both lists are sorted by past revenue, most valuable first, and
 * carry the numbers that put each customer on the list.
 */
import type { Dataset } from '../model/dataset.ts';
import { NO_DAY } from '../model/days.ts';
import type { BgNbdData, BgNbdParams } from './bg-nbd.ts';
import { probabilityAlive } from './bg-nbd.ts';
import { purchaseRowsByCustomerAndDay } from './rfm.ts';

/** Default P(alive) threshold of the at-risk rule. */
export const defaultAliveThreshold = 0.5;

/**
 * Net revenue per customer code up to and including `asOfDay` (refunds subtract); zeros when the
 * dataset has no amounts.
 * @example pastRevenue(dataset, day)[code] === Σ amount of that customer's rows on or before day
 */
export function pastRevenue(dataset: Dataset, asOfDay: number): Float64Array {
  const revenue = new Float64Array(dataset.customerKeys.length);
  const amount = dataset.amount;
  if (amount === null) return revenue;
  for (let row = 0; row < dataset.rowCount; row += 1) {
    const day = dataset.day[row];
    if (day === NO_DAY || day > asOfDay) continue;
    revenue[dataset.customer[row]] += amount[row];
  }
  return revenue;
}

/** A customer the model thinks has probably left. */
export interface LowAliveCustomer {
  readonly customer: number;
  readonly probabilityAlive: number;
  readonly frequency: number;
  readonly recency: number;
  readonly age: number;
  readonly pastRevenue: number;
}

/**
 * Customers whose BG/NBD probability of being alive is below the threshold (default 50 %),
 * sorted by past revenue (up to the calibration end), then by customer code.
 * Customers without repeat purchases never qualify: the model has them alive (P = 1).
 *
 * Rule: P(alive | x, tₓ, T) < threshold, with P(alive) as in {@link probabilityAlive}.
 * @example lowProbabilityAlive(params, summary, dataset) → [{ customer, probabilityAlive: 0.31, … }]
 */
export function lowProbabilityAlive(
  params: BgNbdParams,
  summary: BgNbdData & { readonly customer: Int32Array; readonly calibrationEnd: number },
  dataset: Dataset,
  threshold = defaultAliveThreshold,
): LowAliveCustomer[] {
  const revenue = pastRevenue(dataset, summary.calibrationEnd);
  const list: LowAliveCustomer[] = [];
  for (let i = 0; i < summary.customer.length; i += 1) {
    const [x, tx, T] = [summary.frequency[i], summary.recency[i], summary.age[i]];
    const alive = probabilityAlive(params, x, tx, T);
    if (!(alive < threshold)) continue;
    const customer = summary.customer[i];
    list.push({
      customer,
      probabilityAlive: alive,
      frequency: x,
      recency: tx,
      age: T,
      pastRevenue: revenue[customer],
    });
  }
  return list.sort((p, q) => q.pastRevenue - p.pastRevenue || p.customer - q.customer);
}

/** A customer who has not bought for more than twice their usual time between purchases. */
export interface OverdueCustomer {
  readonly customer: number;
  /** Distinct purchase days on or before asOfDay (≥ 3). */
  readonly purchases: number;
  readonly lastDay: number;
  /** Median of the gaps between consecutive purchase days, in days. */
  readonly medianGapDays: number;
  /** asOfDay − lastDay. */
  readonly daysSinceLast: number;
  readonly pastRevenue: number;
}

/** Options for {@link overdueCustomers}. */
export interface OverdueOptions {
  /** Fewest distinct purchase days for a customer's rhythm to count. Default 3 (two gaps). */
  readonly minPurchases?: number;
  /** Overdue when the silence exceeds this multiple of the median gap. Default 2. */
  readonly factor?: number;
}

/**
 * Customers overdue by their own rhythm: at least 3 distinct purchase days on or before
 * `asOfDay`, and asOfDay − last purchase day > 2 × their median gap between purchase days.
 * Refund rows are not purchases. Sorted by past revenue, then customer code.
 *
 * Rule: overdue ⇔ purchases ≥ 3 ∧ (asOfDay − lastDay) > 2 · median(gaps).
 * @example purchases on days 0, 10, 30 (gaps 10, 20, median 15): overdue as of day 61, not day 60
 */
export function overdueCustomers(
  dataset: Dataset,
  asOfDay: number,
  options: OverdueOptions = {},
): OverdueCustomer[] {
  const minPurchases = Math.max(options.minPurchases ?? 3, 2);
  const factor = options.factor ?? 2;
  const rows = purchaseRowsByCustomerAndDay(dataset, asOfDay);
  const revenue = pastRevenue(dataset, asOfDay);
  const list: OverdueCustomer[] = [];
  const days: number[] = [];
  let k = 0;
  while (k < rows.length) {
    const customer = dataset.customer[rows[k]];
    days.length = 0;
    for (; k < rows.length && dataset.customer[rows[k]] === customer; k += 1) {
      const day = dataset.day[rows[k]];
      if (days.length === 0 || days[days.length - 1] !== day) days.push(day);
    }
    if (days.length < minPurchases) continue;
    const gaps = days.slice(1).map((d, i) => d - days[i]);
    const medianGap = median(gaps);
    const lastDay = days[days.length - 1];
    const since = asOfDay - lastDay;
    if (!(since > factor * medianGap)) continue;
    list.push({
      customer,
      purchases: days.length,
      lastDay,
      medianGapDays: medianGap,
      daysSinceLast: since,
      pastRevenue: revenue[customer],
    });
  }
  return list.sort((p, q) => q.pastRevenue - p.pastRevenue || p.customer - q.customer);
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
function median(values: number[]): number {
  const sorted = values.slice().sort((p, q) => p - q);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
