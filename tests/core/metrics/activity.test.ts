import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildActivityIndex,
  isActiveAt,
  isActiveDuring,
  rowsByCustomerAndDay,
} from '../../../src/lib/core/metrics/activity.ts';
import { NO_DAY } from '../../../src/lib/core/model/days.ts';
import { isoDate } from '../../../src/lib/core/model/days.ts';
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

describe('purchases: distinct orders per customer', () => {
  // Customer 0 has more rows than the few whose orders are compared with each other directly,
  // customers 1–6 have a few each; order numbers repeat within and across customers.
  const row = (customer: fc.Arbitrary<number>) =>
    fc.record({
      customer,
      offset: fc.integer({ min: 0, max: 60 }),
      order: fc.integer({ min: 0, max: 30 }),
      refund: fc.boolean(),
    });
  const rows = fc
    .tuple(
      fc.array(row(fc.constant(0)), { minLength: 17, maxLength: 40 }),
      fc.array(row(fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 30 }),
    )
    // Interleaved, so that neither group's rows are all at the start of the file.
    .map(([many, few]) => {
      const interleaved = [];
      for (let i = 0; i < Math.max(many.length, few.length); i++) {
        if (i < many.length) interleaved.push(many[i]);
        if (i < few.length) interleaved.push(few[i]);
      }
      return interleaved;
    });

  it('counts each order once and finds the day of the second, by definition', () => {
    fc.assert(
      fc.property(rows, (generated) => {
        const dataset = ordersDataset(
          generated.map((r) => ({
            customer: `c${r.customer}`,
            day: isoDate(day('2024-01-01') + r.offset),
            order: `o${r.order}`,
            refund: r.refund,
          })),
        );
        const index = buildActivityIndex(dataset);
        for (let c = 0; c < dataset.customerKeys.length; c++) {
          // The customer's purchase rows by day, then file order; an order counts at its first.
          const mine = generated
            .map((r, row) => ({ ...r, row }))
            .filter((r) => dataset.customer[r.row] === c && !r.refund)
            .sort((x, y) => x.offset - y.offset || x.row - y.row);
          const firsts = mine.filter((r, i) => mine.findIndex((s) => s.order === r.order) === i);
          expect(index.purchaseCount[c]).toBe(firsts.length);
          expect(index.secondPurchaseDay[c]).toBe(
            firsts.length < 2 ? NO_DAY : day('2024-01-01') + firsts[1].offset,
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('rowsByCustomerAndDay', () => {
  // Days near each other (counting sort), days millions apart (the comparison sort), and a file
  // already in date order (no sort by day).
  for (const [spread, inOrder] of [
    [1, false],
    [40_000, false],
    [1, true],
  ] as const) {
    it(`groups by customer, then day, then file order (spread ${spread}, in order ${inOrder})`, () => {
      fc.assert(
        fc.property(
          fc
            .array(fc.record({ customer: fc.integer({ min: 0, max: 4 }), offset: fc.nat(60) }), {
              minLength: 1,
              maxLength: 40,
            })
            .map((rows) => (inOrder ? rows.sort((x, y) => x.offset - y.offset) : rows)),
          (generated) => {
            const dataset = ordersDataset(
              generated.map((r) => ({
                customer: `c${r.customer}`,
                day: isoDate(r.offset * spread),
              })),
            );
            const { offsets, rows, days } = rowsByCustomerAndDay(dataset, () => true, true);
            const expected = generated
              .map((_, row) => row)
              .sort(
                (x, y) =>
                  dataset.customer[x] - dataset.customer[y] ||
                  dataset.day[x] - dataset.day[y] ||
                  x - y,
              );
            expect(Array.from(rows)).toEqual(expected);
            expect(Array.from(days ?? [])).toEqual(expected.map((row) => dataset.day[row]));
            expect(offsets[dataset.customerKeys.length]).toBe(generated.length);
            expect(rowsByCustomerAndDay(dataset, () => true).days).toBeNull();
          },
        ),
        { numRuns: 50 },
      );
    });
  }
});
