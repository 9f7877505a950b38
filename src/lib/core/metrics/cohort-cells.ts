/**
 * Small functions over one cohort row of a cohort matrix (METRICS.md §7): shares, the optional
 * views (relative to the previous age, or to a baseline age), revenue curves, and the 95 % Wilson
 * interval shown on hover. Every division by zero gives null, never NaN or Infinity; ages the data
 * does not reach give no entry (the arrays are as long as the cohort's row).
 */

/** The parts of a cohort row these helpers read (structurally a `Cohort` of cohort-matrix.ts). */
export interface CohortRow {
  readonly size: number;
  readonly active: readonly number[];
  readonly rolling: readonly number[];
  readonly revenue: readonly number[] | null;
}

/** Which count a share is taken of: bought / active in the period, or then or later. */
export type CohortView = 'classic' | 'rolling';

/**
 * Share of the cohort active at age k: active_k ÷ size (rolling: rolling_k ÷ size).
 * Size 0, or an age past the data, gives null.
 * @example cellShare({ size: 1000, active: [1000, 500], … }, 1) === 0.5
 */
export function cellShare(
  row: CohortRow,
  age: number,
  view: CohortView = 'classic',
): number | null {
  const counts = view === 'rolling' ? row.rolling : row.active;
  if (row.size === 0 || age < 0 || age >= counts.length) return null;
  return counts[age] / row.size;
}

/**
 * Shares of every age of a cohort row: count_k ÷ size; all null when the cohort is empty.
 * @example cohortShares({ size: 4, active: [4, 2, 1], … }) → [1, 0.5, 0.25]
 */
export function cohortShares(row: CohortRow, view: CohortView = 'classic'): (number | null)[] {
  const counts = view === 'rolling' ? row.rolling : row.active;
  return counts.map((count) => (row.size === 0 ? null : count / row.size));
}

/**
 * Retention relative to the previous age: active_k ÷ active_(k−1). Age 0 has no previous period,
 * so its "previous" is the cohort itself: active_0 ÷ size. A previous count of 0 gives null.
 * @example relativeToPrevious({ size: 10, active: [10, 5, 4], … }) → [1, 0.5, 0.8]
 */
export function relativeToPrevious(row: CohortRow): (number | null)[] {
  return row.active.map((count, age) => {
    const previous = age === 0 ? row.size : row.active[age - 1];
    return previous === 0 ? null : count / previous;
  });
}

/**
 * Retention against a baseline age instead of period 0 (for when period 0 is partial):
 * active_k ÷ active_base for k ≥ base; ages before the baseline, or a baseline count of 0, give
 * null; a baseline the row does not reach gives all null.
 * @example relativeToAge({ size: 10, active: [10, 8, 4], … }, 1) → [null, 1, 0.5]
 */
export function relativeToAge(row: CohortRow, baseAge: number): (number | null)[] {
  const base = baseAge >= 0 && baseAge < row.active.length ? row.active[baseAge] : 0;
  return row.active.map((count, age) => (age < baseAge || base === 0 ? null : count / base));
}

/**
 * Revenue at age k as a share of the cohort's revenue in its first period: revenue_k ÷ revenue_0.
 * Null without amounts; all entries null when revenue_0 ≤ 0 (a share of nothing, or of a net
 * refund, means nothing).
 * @example revenueShareOfFirst({ revenue: [200, 50, 100], … }) → [1, 0.25, 0.5]
 */
export function revenueShareOfFirst(row: CohortRow): (number | null)[] | null {
  if (row.revenue === null) return null;
  const first = row.revenue.length > 0 ? row.revenue[0] : 0;
  return row.revenue.map((money) => (first > 0 ? money / first : null));
}

/**
 * Cumulative revenue per cohort customer (the observed lifetime-value curve):
 * (revenue_0 + … + revenue_k) ÷ size. Null without amounts; null entries when the cohort is empty.
 * @example cumulativeRevenuePerCustomer({ size: 4, revenue: [200, 50, 100], … }) → [50, 62.5, 87.5]
 */
export function cumulativeRevenuePerCustomer(row: CohortRow): (number | null)[] | null {
  if (row.revenue === null) return null;
  let sum = 0;
  return row.revenue.map((money) => {
    sum += money;
    return row.size === 0 ? null : sum / row.size;
  });
}

/** Two-sided 95 % normal quantile, Φ⁻¹(0.975). */
const Z95 = 1.959963984540054;

/** A confidence interval for a share, both ends within [0, 1]. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * 95 % Wilson score interval for a share of successes out of n (Wilson 1927), which unlike the
 * normal approximation stays inside [0, 1] and behaves at 0/n and n/n:
 * centre = (p̂ + z²/2n) ÷ (1 + z²/n), half-width = z ÷ (1 + z²/n) × √(p̂(1 − p̂)/n + z²/4n²),
 * with p̂ = successes ÷ n and z = 1.95996.
 * Policy: n = 0, non-finite numbers or successes outside [0, n] give null. At 0/n the low end is
 * exactly 0 and at n/n the high end exactly 1 (the formula gives them up to rounding).
 * @example wilson(8, 10) → { low: 0.4902, high: 0.9433 } (rounded)
 */
export function wilson(successes: number, n: number, z: number = Z95): Interval | null {
  if (!Number.isFinite(successes) || !Number.isFinite(n) || !Number.isFinite(z)) return null;
  if (n <= 0 || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}
