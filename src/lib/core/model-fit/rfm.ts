/**
 * The frequency / recency / age summary that the BG/NBD and Gamma-Gamma models are fitted to,
 * computed from an orders Dataset (METRICS.md §9).
 */
import type { Dataset } from '../model/dataset.ts';
import { NO_DAY } from '../model/days.ts';

/** Options for {@link rfmSummary}. */
export interface RfmOptions {
  /** Last epoch day of the calibration period; purchases on this day still count. */
  readonly calibrationEnd: number;
  /** Last epoch day of the holdout period (after calibrationEnd); omit for no holdout. */
  readonly holdoutEnd?: number;
  /** Days per model time unit: 7 for weeks (the published CDNOW analyses), 1 for days. */
  readonly unitDays: number;
}

/** One entry per customer whose first purchase is on or before the calibration end. */
export interface RfmSummary {
  readonly unitDays: number;
  readonly calibrationEnd: number;
  readonly holdoutEnd: number | null;
  /** Customer code (index into dataset.customerKeys). */
  readonly customer: Int32Array;
  /** x: repeat purchase days in the calibration period (distinct purchase days − 1). */
  readonly frequency: Int32Array;
  /** tₓ: time from the first to the last calibration purchase, in units (0 when x = 0). */
  readonly recency: Float64Array;
  /** T: time from the first purchase to the calibration end, in units. */
  readonly age: Float64Array;
  /** Epoch day of the first purchase. */
  readonly firstDay: Int32Array;
  /** Epoch day of the last purchase in the calibration period. */
  readonly lastDay: Int32Array;
  /**
   * Mean amount of the repeat purchase days in calibration (the first day excluded, the rows of
   * one day summed); 0 when x = 0. Null when the dataset has no amounts.
   */
  readonly monetary: Float64Array | null;
  /** Distinct purchase days in (calibrationEnd, holdoutEnd]; null without a holdout. */
  readonly holdoutFrequency: Int32Array | null;
  /** Length of the holdout period in units; null without a holdout. */
  readonly holdoutLength: number | null;
}

/**
 * Per-customer BG/NBD inputs from an orders dataset.
 *
 * Day convention (reproduces the published CDNOW numbers): purchase days are whole epoch days;
 * tₓ = (last purchase day − first purchase day) / unitDays and
 * T = (calibrationEnd − first purchase day) / unitDays, so a purchase on the calibration end day
 * counts in calibration and is at age T. Several rows of one customer on one day are one
 * purchase; refund rows are not purchases (their amounts are ignored here, since a refund cannot
 * be tied to a purchase day). Customers whose first purchase is after calibrationEnd are left out.
 *
 * @example
 * // CDNOW customer 0001 bought on 1997-01-01, 01-18, 08-02 (and 12-12, in the holdout):
 * rfmSummary(cdnow, { calibrationEnd: epochDay(1997, 9, 30), unitDays: 7 })
 * // → frequency 2, recency 213 / 7 = 30.43, age 272 / 7 = 38.86
 */
export function rfmSummary(dataset: Dataset, options: RfmOptions): RfmSummary {
  const { calibrationEnd, unitDays } = options;
  const holdoutEnd = options.holdoutEnd ?? null;
  const lastCounted = holdoutEnd === null ? calibrationEnd : Math.max(holdoutEnd, calibrationEnd);
  const rows = purchaseRowsByCustomerAndDay(dataset, lastCounted);
  const amount = dataset.amount;

  const customer: number[] = [];
  const frequency: number[] = [];
  const firstDays: number[] = [];
  const lastDays: number[] = [];
  const monetary: number[] = [];
  const holdout: number[] = [];
  let k = 0;
  while (k < rows.length) {
    const code = dataset.customer[rows[k]];
    const first = dataset.day[rows[k]];
    let distinct = 0;
    let last = first;
    let repeatSpend = 0;
    let holdoutDays = 0;
    let previousDay = NO_DAY;
    for (; k < rows.length && dataset.customer[rows[k]] === code; k += 1) {
      const row = rows[k];
      const day = dataset.day[row];
      const isNewDay = day !== previousDay;
      previousDay = day;
      if (day <= calibrationEnd) {
        if (isNewDay) distinct += 1;
        last = day;
        if (day !== first && amount !== null) repeatSpend += amount[row];
      } else if (isNewDay) {
        holdoutDays += 1;
      }
    }
    if (first > calibrationEnd) continue;
    customer.push(code);
    frequency.push(distinct - 1);
    firstDays.push(first);
    lastDays.push(last);
    monetary.push(distinct > 1 ? repeatSpend / (distinct - 1) : 0);
    holdout.push(holdoutDays);
  }
  return {
    unitDays,
    calibrationEnd,
    holdoutEnd,
    customer: Int32Array.from(customer),
    frequency: Int32Array.from(frequency),
    recency: Float64Array.from(customer, (_, i) => (lastDays[i] - firstDays[i]) / unitDays),
    age: Float64Array.from(customer, (_, i) => (calibrationEnd - firstDays[i]) / unitDays),
    firstDay: Int32Array.from(firstDays),
    lastDay: Int32Array.from(lastDays),
    monetary: amount === null ? null : Float64Array.from(monetary),
    holdoutFrequency: holdoutEnd === null ? null : Int32Array.from(holdout),
    holdoutLength: holdoutEnd === null ? null : (holdoutEnd - calibrationEnd) / unitDays,
  };
}

/**
 * Indices of the purchase rows (not refunds, with a day ≤ lastDay) sorted by customer, then day.
 * Two stable counting sorts (by day, then by customer): linear in rows, no comparator calls, so a
 * million rows take milliseconds.
 */
export function purchaseRowsByCustomerAndDay(dataset: Dataset, lastDay: number): Int32Array {
  const { customer, day, refund, rowCount } = dataset;
  let minDay = Infinity;
  let maxDay = -Infinity;
  let count = 0;
  for (let row = 0; row < rowCount; row += 1) {
    const d = day[row];
    if (refund[row] === 1 || d === NO_DAY || d > lastDay) continue;
    count += 1;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const valid = new Int32Array(count);
  let next = 0;
  for (let row = 0; row < rowCount; row += 1) {
    const d = day[row];
    if (refund[row] === 1 || d === NO_DAY || d > lastDay) continue;
    valid[next] = row;
    next += 1;
  }
  if (count === 0) return valid;
  const byDay = countingSort(valid, (row) => day[row] - minDay, maxDay - minDay + 1);
  return countingSort(byDay, (row) => customer[row], dataset.customerKeys.length);
}

function countingSort(rows: Int32Array, key: (row: number) => number, range: number): Int32Array {
  const offsets = new Int32Array(range + 1);
  for (let i = 0; i < rows.length; i += 1) offsets[key(rows[i]) + 1] += 1;
  for (let k = 0; k < range; k += 1) offsets[k + 1] += offsets[k];
  const sorted = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const k = key(rows[i]);
    sorted[offsets[k]] = rows[i];
    offsets[k] += 1;
  }
  return sorted;
}
