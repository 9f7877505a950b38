/** The helpers over one cohort row, and the 95 % Wilson interval. */
import { describe, expect, it } from 'vitest';
import {
  cellShare,
  cohortShares,
  cumulativeRevenuePerCustomer,
  relativeToAge,
  relativeToPrevious,
  revenueShareOfFirst,
  wilson,
  type CohortRow,
} from '../../../src/lib/core/metrics/cohort-cells.ts';

const row: CohortRow = {
  size: 10,
  active: [10, 5, 4, 0, 2],
  rolling: [10, 6, 5, 2, 2],
  revenue: [200, 50, 100, 0, 30],
};
const empty: CohortRow = { size: 0, active: [0, 0], rolling: [0, 0], revenue: [0, 0] };
const noMoney: CohortRow = { ...row, revenue: null };

describe('shares', () => {
  it('divides a cell by the cohort size', () => {
    expect(cellShare(row, 1)).toBe(0.5);
    expect(cellShare(row, 1, 'rolling')).toBe(0.6);
    expect(cohortShares(row)).toEqual([1, 0.5, 0.4, 0, 0.2]);
    expect(cohortShares(row, 'rolling')).toEqual([1, 0.6, 0.5, 0.2, 0.2]);
  });

  it('gives null for an empty cohort or an age past the data', () => {
    expect(cellShare(empty, 0)).toBeNull();
    expect(cellShare(row, 5)).toBeNull();
    expect(cellShare(row, -1)).toBeNull();
    expect(cohortShares(empty)).toEqual([null, null]);
  });
});

describe('relative views', () => {
  it('divides by the previous age, and age 0 by the cohort size', () => {
    expect(relativeToPrevious(row)).toEqual([1, 0.5, 0.8, 0, null]);
    expect(relativeToPrevious({ ...row, size: 20 })[0]).toBe(0.5);
    expect(relativeToPrevious(empty)).toEqual([null, null]);
  });

  it('divides by a baseline age', () => {
    expect(relativeToAge(row, 1)).toEqual([null, 1, 0.8, 0, 0.4]);
    expect(relativeToAge(row, 0)).toEqual([1, 0.5, 0.4, 0, 0.2]);
    expect(relativeToAge(row, 3)).toEqual([null, null, null, null, null]);
    expect(relativeToAge(row, 9)).toEqual([null, null, null, null, null]);
  });
});

describe('revenue curves', () => {
  it('gives revenue as a share of the first period', () => {
    expect(revenueShareOfFirst(row)).toEqual([1, 0.25, 0.5, 0, 0.15]);
    expect(revenueShareOfFirst({ ...row, revenue: [-10, 5] })).toEqual([null, null]);
    expect(revenueShareOfFirst(noMoney)).toBeNull();
  });

  it('accumulates revenue per cohort customer', () => {
    expect(cumulativeRevenuePerCustomer(row)).toEqual([20, 25, 35, 35, 38]);
    expect(cumulativeRevenuePerCustomer(empty)).toEqual([null, null]);
    expect(cumulativeRevenuePerCustomer(noMoney)).toBeNull();
  });
});

describe('wilson', () => {
  const rounded = (interval: ReturnType<typeof wilson>) =>
    interval === null ? null : [interval.low, interval.high].map((x) => Math.round(x * 1e4) / 1e4);

  it('matches published values', () => {
    // 8/10: Wilson (1927) with z = 1.96, as in Newcombe (1998) and every statistics package.
    expect(rounded(wilson(8, 10))).toEqual([0.4902, 0.9433]);
    // Newcombe (1998), Table I: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605.
    expect(rounded(wilson(81, 263))).toEqual([0.2553, 0.3662]);
    expect(rounded(wilson(15, 148))).toEqual([0.0624, 0.1605]);
    expect(rounded(wilson(1, 2))).toEqual([0.0945, 0.9055]);
    expect(rounded(wilson(500, 1000))).toEqual([0.4691, 0.5309]);
  });

  it('is symmetric: the interval of failures mirrors the interval of successes', () => {
    const a = wilson(3, 17);
    const b = wilson(14, 17);
    expect(a?.low).toBeCloseTo(1 - (b?.high ?? 0), 12);
    expect(a?.high).toBeCloseTo(1 - (b?.low ?? 0), 12);
  });

  it('stays within [0, 1] at 0/n and n/n', () => {
    expect(wilson(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilson(10, 10)).toEqual({ low: expect.closeTo(0.7225, 4), high: 1 });
    expect(wilson(0, 1)).toEqual({ low: 0, high: expect.closeTo(0.7935, 4) });
    for (const n of [1, 2, 3, 7, 20, 1000, 1e6]) {
      for (const interval of [wilson(0, n), wilson(n, n), wilson(1, n)]) {
        expect(interval).not.toBeNull();
        expect(interval?.low).toBeGreaterThanOrEqual(0);
        expect(interval?.high).toBeLessThanOrEqual(1);
        expect(interval?.low).toBeLessThanOrEqual(interval?.high ?? -1);
      }
    }
  });

  it('gives null when there is no n or the numbers are impossible', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(1, 0)).toBeNull();
    expect(wilson(-1, 5)).toBeNull();
    expect(wilson(6, 5)).toBeNull();
    expect(wilson(Number.NaN, 5)).toBeNull();
    expect(wilson(1, Number.POSITIVE_INFINITY)).toBeNull();
  });
});
