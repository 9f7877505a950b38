import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/lib/core/metrics/context.ts';
import { compute, explain } from '../../../src/lib/core/metrics/new-vs-existing.ts';
import { classifyPeriod } from '../../../src/lib/core/metrics/period-counts.ts';
import { ordersDataset, subscriptionsDataset } from './make-dataset.ts';

const rows = [
  { customer: 'a', day: '2024-01-05', amount: 100 },
  { customer: 'a', day: '2024-02-10', amount: 40 },
  { customer: 'a', day: '2024-02-12', amount: -15, refund: true },
  { customer: 'b', day: '2024-01-07', amount: 30 },
  { customer: 'c', day: '2024-02-01', amount: 25 },
  { customer: 'c', day: '2024-02-03', amount: -25, refund: true },
  { customer: 'd', day: '2024-02-20', amount: 60 },
  // b does not buy in February; refunds only, never a purchase:
  { customer: 'r', day: '2024-02-25', amount: -5, refund: true },
];

describe('new versus existing per period', () => {
  it('splits buyers and revenue, refunds included by default', () => {
    const context = createContext(ordersDataset(rows), { unit: 'month' });
    const { counts, customers } = classifyPeriod(context, 1);
    expect([counts.N, counts.returning]).toEqual([2, 1]);
    expect(customers.N).toEqual([2, 3]);
    expect(customers.returning).toEqual([0]);
    // February: 40 − 15 + 25 − 25 + 60 − 5
    expect(counts.revenue).toBe(80);
    expect(counts.newRevenue).toBe(60);
    expect(counts.returningRevenue).toBe(20);
    expect(compute(context, 1)).toBe(2);
    expect(compute(context, 0)).toBeNull(); // nobody existing in January
    const e = explain(context, 1);
    expect(e.terms.revenue).toEqual({ kind: 'money', value: 80, customers: null });
    expect(e.result.value).toBe(2);
  });

  it('leaves refund rows out of revenue when refunds are ignored', () => {
    const context = createContext(ordersDataset(rows), { unit: 'month', refunds: 'ignore' });
    const { counts } = classifyPeriod(context, 1);
    expect([counts.revenue, counts.newRevenue, counts.returningRevenue]).toEqual([125, 85, 40]);
    expect([counts.N, counts.returning]).toEqual([2, 1]);
  });

  it('counts active subscribers for subscriptions, without revenue', () => {
    const context = createContext(
      subscriptionsDataset([
        { customer: 'a', start: '2024-01-05', end: '2024-02-02' },
        { customer: 'b', start: '2024-01-07', end: '2024-01-30' },
        { customer: 'c', start: '2024-02-10' },
      ]),
      { unit: 'month' },
    );
    const { counts } = classifyPeriod(context, 1);
    expect([counts.N, counts.returning, counts.revenue]).toEqual([1, 1, null]);
  });
});
