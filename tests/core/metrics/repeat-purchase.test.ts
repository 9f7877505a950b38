import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/lib/core/metrics/context.ts';
import {
  compute,
  computeTwoOrMore,
  computeWithin,
  explain,
  explainWithin,
} from '../../../src/lib/core/metrics/repeat-purchase.ts';
import { day, ordersDataset, subscriptionsDataset, type OrderRow } from './make-dataset.ts';

describe('repeat-purchase rate per period', () => {
  it('reproduces the source example: 900 of 2,000 earlier buyers bought again → 45 %', () => {
    const rows: OrderRow[] = [];
    for (let i = 0; i < 2000; i++) rows.push({ customer: `c${i}`, day: '2024-01-15' });
    for (let i = 0; i < 900; i++) rows.push({ customer: `c${i}`, day: '2024-03-10' });
    // Two rows of one customer in the period are still one repeat buyer; a newcomer is not in it.
    rows.push({ customer: 'c0', day: '2024-04-20' });
    rows.push({ customer: 'new', day: '2024-03-11' });
    const context = createContext(ordersDataset(rows), {
      unit: 'custom',
      range: { from: day('2024-03-01'), to: day('2024-04-30') },
    });
    expect(context.periods.map((p) => p.label)).toEqual(['2024-03-01/2024-04-30']);
    expect(compute(context, 0)).toBe(0.45);
    const e = explain(context, 0);
    expect([e.terms.previous.value, e.terms.returning.value]).toEqual([2000, 900]);
    expect(e.result.value).toBe(0.45);
  });

  it('does not count a refund in the period as buying again', () => {
    const context = createContext(
      ordersDataset([
        { customer: 'a', day: '2024-01-15', amount: 20 },
        { customer: 'a', day: '2024-02-03', amount: -20 },
        { customer: 'b', day: '2024-01-20', amount: 20 },
        { customer: 'b', day: '2024-02-07', amount: 5 },
      ]),
      { unit: 'month' },
    );
    expect(compute(context, 1)).toBe(0.5);
  });

  it('gives null when nobody bought before, and for subscriptions', () => {
    const context = createContext(ordersDataset([{ customer: 'a', day: '2024-01-15' }]), {
      unit: 'month',
    });
    expect(compute(context, 0)).toBeNull();
    expect(explain(context, 0).notes).toContainEqual({ code: 'no-previous-buyers' });
    const subs = createContext(subscriptionsDataset([{ customer: 'a', start: '2024-01-01' }]), {
      unit: 'month',
    });
    expect(compute(subs, 0)).toBeNull();
    expect(computeTwoOrMore(subs)).toBeNull();
  });
});

describe('whole-data repeat shares', () => {
  const context = createContext(
    ordersDataset([
      // a: two orders on the first day → a second purchase after 0 days
      { customer: 'a', day: '2023-01-01', order: 'o1' },
      { customer: 'a', day: '2023-01-01', order: 'o2' },
      // b: one order over two rows, then again after 60 days
      { customer: 'b', day: '2023-01-01', order: 'o3' },
      { customer: 'b', day: '2023-01-01', order: 'o3' },
      { customer: 'b', day: '2023-03-02', order: 'o4' },
      // c: one order and a cancellation: one purchase
      { customer: 'c', day: '2023-01-01', order: 'o5', amount: 10 },
      { customer: 'c', day: '2023-01-20', order: 'C6', amount: -10, refund: true },
      // d: bought again after 200 days
      { customer: 'd', day: '2023-02-01', order: 'o7' },
      { customer: 'd', day: '2023-08-20', order: 'o8' },
      // e: first purchase 40 days before the end of the data: not observed for 90 or 365 days
      { customer: 'e', day: '2023-11-21', order: 'o9' },
      { customer: 'e', day: '2023-12-31', order: 'o10' },
    ]),
    { unit: 'month' },
  );

  it('counts customers with two or more purchases (orders, not rows)', () => {
    expect(computeTwoOrMore(context)).toBe(4 / 5);
  });

  it('counts a second purchase within 30 / 90 / 365 days among customers observed that long', () => {
    // observed 30 days: a b c d e; within 30: a
    expect(computeWithin(context, 30)).toBe(1 / 5);
    // observed 90 days: a b c d; within 90: a, b
    expect(computeWithin(context, 90)).toBe(2 / 4);
    // observed 365 days: nobody (the data spans 2023 only)
    expect(computeWithin(context, 365)).toBeNull();
    expect(explainWithin(context, 90).notes).toEqual([{ code: 'window-not-observed', count: 1 }]);
    expect(explainWithin(context, 90).terms.days).toEqual({
      kind: 'days',
      value: 90,
      customers: null,
    });
  });
});
