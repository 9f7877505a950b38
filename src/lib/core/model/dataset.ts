/**
 * The normalized dataset every metric reads: one entry per usable input row, stored as column
 * arrays so that a million rows fit in memory and loop fast. Customer keys, order numbers and
 * categorical values are dictionary-encoded (an index into a string array).
 */
import { NO_DAY } from './days.ts';

/** What one row of the input means (METRICS.md §1). */
export type InputKind = 'orders' | 'subscriptions' | 'lists';

export const inputKinds: readonly InputKind[] = ['orders', 'subscriptions', 'lists'];

/** A categorical column kept for breakdowns (channel, country, plan, …). */
export interface CategoryColumn {
  /** The column's header as the user wrote it. */
  readonly name: string;
  /** Distinct values; codes index into this array. Empty cells are the value ''. */
  readonly values: readonly string[];
  /** One code per dataset row. */
  readonly codes: Int32Array;
}

export interface Dataset {
  readonly kind: InputKind;
  /** Number of rows (length of every column array). */
  readonly rowCount: number;
  /** Display form of each customer key (first spelling seen), indexed by customer code. */
  readonly customerKeys: readonly string[];
  /** Customer code per row. */
  readonly customer: Int32Array;
  /**
   * Epoch day per row: purchase day (orders), start day (subscriptions), or signup day (lists,
   * NO_DAY when the list has no dates).
   */
  readonly day: Int32Array;
  /** Subscriptions: end or cancel day per row, NO_DAY while still active. Null for other kinds. */
  readonly endDay: Int32Array | null;
  /**
   * Money per row: the line or order amount (orders; negative for refunds) or the recurring amount
   * per month (subscriptions). Null when the input has no amounts.
   */
  readonly amount: Float64Array | null;
  /** Purchase id per row (rows sharing it are one order); null when there is no order column. */
  readonly order: Int32Array | null;
  /** 1 when the row is a refund or cancellation: it reduces revenue and is not a purchase. */
  readonly refund: Uint8Array;
  /** Lists: 0 = in the list at the start, 1 = in the list at the end. Null for other kinds. */
  readonly list: Uint8Array | null;
  /** The row's number in the source file or sheet (1-based, as a spreadsheet shows it). */
  readonly sourceRow: Int32Array;
  /** Categorical columns kept for breakdowns. */
  readonly categories: readonly CategoryColumn[];
}

export { NO_DAY };
