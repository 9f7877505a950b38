import { describe, expect, it } from 'vitest';
import { churn, compute, explain } from '../../../src/lib/core/metrics/churn-rate.ts';
import { createContext } from '../../../src/lib/core/metrics/context.ts';
import { compute as crrOf } from '../../../src/lib/core/metrics/retention-rate.ts';
import { churnTableDataset, ordersDataset } from './make-dataset.ts';

describe('the churn conventions table of METRICS.md §4', () => {
  const context = createContext(churnTableDataset(), { unit: 'month' });
  const march = context.periods.findIndex((p) => p.label === '2024-03');

  it('gives 5.0 % (ours), 5.2 % (Stripe) and 6.5 % (Baremetrics), with CRR 93.5 %', () => {
    expect(compute(context, march, 'ours')).toBe(0.05);
    expect(compute(context, march, 'stripe')).toBe(0.052);
    expect(compute(context, march, 'baremetrics')).toBe(0.065);
    expect(crrOf(context, march)).toBe(0.935);
    expect(1 - (crrOf(context, march) as number)).toBeCloseTo(0.065, 12);
  });

  it('explains each convention with its own formula', () => {
    expect(explain(context, march, 'ours').steps.map((s) => s.value)).toEqual([0.05]);
    expect(explain(context, march, 'stripe').steps.map((s) => s.value)).toEqual([13, 250, 0.052]);
    expect(explain(context, march, 'baremetrics').steps.map((s) => s.value)).toEqual([13, 0.065]);
    expect(explain(context, march, 'stripe').metric).toBe('churn-rate-stripe');
  });
});

describe('churn edge cases', () => {
  it('gives null with S = 0, and Stripe null only when S + N = 0', () => {
    expect(churn({ S: 0, N: 0, lost: 0, joinedAndLeft: 0 }, 'ours')).toBeNull();
    expect(churn({ S: 0, N: 0, lost: 0, joinedAndLeft: 0 }, 'stripe')).toBeNull();
    expect(churn({ S: 0, N: 4, lost: 0, joinedAndLeft: 1 }, 'stripe')).toBe(0.25);
    expect(churn({ S: 0, N: 4, lost: 0, joinedAndLeft: 1 }, 'baremetrics')).toBeNull();
  });

  it('gives 100 % when everybody of S leaves', () => {
    expect(churn({ S: 7, N: 0, lost: 7, joinedAndLeft: 0 }, 'ours')).toBe(1);
  });

  it('notes when Baremetrics differs from 1 − CRR because of reactivations', () => {
    const context = createContext(
      ordersDataset([
        { customer: 'a', day: '2024-01-10' },
        { customer: 'a', day: '2024-03-15' },
        { customer: 'b', day: '2024-02-20' },
        { customer: 'c', day: '2024-02-21' },
        { customer: 'c', day: '2024-03-21' },
        { customer: 'z', day: '2024-03-31' },
      ]),
      { unit: 'month', windowDays: 30 },
    );
    // March: S = {b, c}, b lost, a reactivated, z new: CRR = (3 − 1) / 2 = 1, Baremetrics 1/2.
    expect(compute(context, 2, 'baremetrics')).toBe(0.5);
    expect(crrOf(context, 2)).toBe(1);
    expect(explain(context, 2, 'baremetrics').notes).toContainEqual({
      code: 'baremetrics-differs-from-crr',
      value: 0.5,
    });
  });
});
