/** fast-check arbitraries for small random datasets (property tests of the metrics). */
import fc from 'fast-check';
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import { isoDate } from '../../../src/lib/core/model/days.ts';
import { day, listsDataset, ordersDataset, subscriptionsDataset } from './make-dataset.ts';

const base = day('2023-11-20');

export const randomOrders: fc.Arbitrary<Dataset> = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 12 }),
      offset: fc.integer({ min: 0, max: 200 }),
      amount: fc.integer({ min: -50, max: 200 }),
      order: fc.integer({ min: 0, max: 40 }),
      refund: fc.boolean(),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((rows) =>
    ordersDataset(
      rows.map((r) => ({
        customer: `c${r.customer}`,
        day: isoDate(base + r.offset),
        amount: r.amount,
        order: `o${r.order}`,
        refund: r.refund && r.amount < 0,
      })),
    ),
  );

export const randomSubscriptions: fc.Arbitrary<Dataset> = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 12 }),
      start: fc.integer({ min: 0, max: 200 }),
      length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) =>
    subscriptionsDataset(
      rows.map((r) => ({
        customer: `c${r.customer}`,
        start: isoDate(base + r.start),
        end: r.length === undefined ? undefined : isoDate(base + r.start + r.length),
      })),
    ),
  );

export const randomLists: fc.Arbitrary<Dataset> = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 12 }),
    fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 12 }),
  )
  .map(([start, end]) =>
    listsDataset(
      start.map((c) => `k${c}`),
      end.map((c) => `k${c}`),
    ),
  );

export const randomDataset = fc.oneof(randomOrders, randomSubscriptions, randomLists);
