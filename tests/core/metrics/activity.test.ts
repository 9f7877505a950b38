import { describe, expect, it } from 'vitest';
import {
  buildActivityIndex,
  isActiveAt,
  isActiveDuring,
} from '../../../src/lib/core/metrics/activity.ts';
import { NO_DAY } from '../../../src/lib/core/model/days.ts';
import { day, listsDataset, ordersDataset, subscriptionsDataset } from './make-dataset.ts';

describe('orders: active when bought in (t − W, t]', () => {
  const dataset = ordersDataset([
    { customer: 'a', day: '2024-01-10' },
    { customer: 'a', day: '2024-03-15' },
    { customer: 'b', day: '2024-02-05' },
    { customer: 'b', day: '2024-02-20', amount: -5, refund: true },
  ]);
  const index = buildActivityIndex(dataset, 30);

  it('is active from the purchase day through day + W − 1', () => {
    expect(isActiveAt(index, 0, day('2024-01-09'))).toBe(false);
    expect(isActiveAt(index, 0, day('2024-01-10'))).toBe(true);
    expect(isActiveAt(index, 0, day('2024-02-08'))).toBe(true); // 29 days later
    expect(isActiveAt(index, 0, day('2024-02-09'))).toBe(false); // 30 days later
    expect(isActiveAt(index, 0, day('2024-03-15'))).toBe(true);
  });

  it('does not count a refund row as a purchase', () => {
    expect(isActiveAt(index, 1, day('2024-03-06'))).toBe(false);
    expect(index.purchaseCount[1]).toBe(1);
    expect(index.lastDay[1]).toBe(day('2024-02-05'));
    expect(isActiveDuring(index, 1, day('2024-02-10'), day('2024-02-29'))).toBe(false);
    expect(isActiveDuring(index, 1, day('2024-02-05'), day('2024-02-05'))).toBe(true);
  });

  it('merges overlapping windows into disjoint intervals', () => {
    const many = ordersDataset([
      { customer: 'x', day: '2024-01-01' },
      { customer: 'x', day: '2024-01-20' },
      { customer: 'x', day: '2024-01-31' }, // exactly where the first window ends: adjacent
      { customer: 'x', day: '2024-06-01' },
    ]);
    const i = buildActivityIndex(many, 30);
    expect(Array.from(i.intervalStart)).toEqual([day('2024-01-01'), day('2024-06-01')]);
    expect(Array.from(i.intervalEnd)).toEqual([day('2024-03-01'), day('2024-07-01')]);
  });
});

describe('purchases', () => {
  it('counts orders by order number, and by day without one', () => {
    const withOrders = ordersDataset([
      { customer: 'a', day: '2024-01-01', order: '1' },
      { customer: 'a', day: '2024-01-01', order: '1' },
      { customer: 'a', day: '2024-01-01', order: '2' },
      { customer: 'b', day: '2024-01-01', order: '3' },
      { customer: 'b', day: '2024-01-02', order: '3' }, // one order spanning two days
      { customer: 'c', day: '2024-01-05', order: '4', refund: true },
    ]);
    const i = buildActivityIndex(withOrders);
    expect(Array.from(i.purchaseCount)).toEqual([2, 1, 0]);
    expect(Array.from(i.secondPurchaseDay)).toEqual([day('2024-01-01'), NO_DAY, NO_DAY]);
    expect(i.firstDay[2]).toBe(NO_DAY);

    const withoutOrders = ordersDataset([
      { customer: 'a', day: '2024-01-01' },
      { customer: 'a', day: '2024-01-01' },
      { customer: 'a', day: '2024-01-03' },
    ]);
    const j = buildActivityIndex(withoutOrders);
    expect(j.purchaseCount[0]).toBe(2);
    expect(j.secondPurchaseDay[0]).toBe(day('2024-01-03'));
    expect(Array.from(j.days)).toEqual([day('2024-01-01'), day('2024-01-03')]);
  });

  it('treats a negative amount as a refund even without the flag', () => {
    const i = buildActivityIndex(
      ordersDataset([
        { customer: 'a', day: '2024-01-01', amount: 10 },
        { customer: 'a', day: '2024-01-09', amount: -10 },
      ]),
    );
    expect(i.purchaseCount[0]).toBe(1);
    expect(i.revenue?.[0]).toBe(0);
    const ignored = buildActivityIndex(
      ordersDataset([
        { customer: 'a', day: '2024-01-01', amount: 10 },
        { customer: 'a', day: '2024-01-09', amount: -10 },
      ]),
      365,
      'ignore',
    );
    expect(ignored.revenue?.[0]).toBe(10);
  });
});

describe('subscriptions: active when start ≤ t and (no end or end > t)', () => {
  const index = buildActivityIndex(
    subscriptionsDataset([
      { customer: 'a', start: '2024-01-10', end: '2024-03-01' },
      { customer: 'a', start: '2024-05-01' },
      { customer: 'b', start: '2024-02-01', end: '2024-02-01' },
    ]),
  );

  it('is not active on the end day', () => {
    expect(isActiveAt(index, 0, day('2024-01-10'))).toBe(true);
    expect(isActiveAt(index, 0, day('2024-02-29'))).toBe(true);
    expect(isActiveAt(index, 0, day('2024-03-01'))).toBe(false);
    expect(isActiveAt(index, 0, day('2030-01-01'))).toBe(true);
  });

  it('never makes a subscription ending on its start day active, but keeps its start', () => {
    expect(isActiveAt(index, 1, day('2024-02-01'))).toBe(false);
    expect(index.firstDay[1]).toBe(day('2024-02-01'));
    expect(index.dataLastDay).toBe(day('2024-05-01'));
  });
});

describe('two lists', () => {
  it('places the start list on day 0 and the end list on day 1', () => {
    const index = buildActivityIndex(listsDataset(['a', 'b'], ['b', 'c']));
    expect([0, 1, 2].map((c) => isActiveAt(index, c, 0))).toEqual([true, true, false]);
    expect([0, 1, 2].map((c) => isActiveAt(index, c, 1))).toEqual([false, true, true]);
    expect(Array.from(index.firstDay)).toEqual([0, 0, 1]);
  });
});
