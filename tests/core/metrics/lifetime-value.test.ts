import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, termValues } from '../../../src/lib/core/explain/index.ts';
import {
  createContext,
  type AnalysisSettings,
  type MetricContext,
} from '../../../src/lib/core/metrics/context.ts';
import {
  compute,
  computeLifetime,
  cumulativeRevenue,
  explain,
  explainLifetime,
  lifetimeInputs,
  lifetimeValue,
  normalizeMargin,
} from '../../../src/lib/core/metrics/lifetime-value.ts';
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import { isoDate } from '../../../src/lib/core/model/days.ts';
import {
  day,
  listsDataset,
  ordersDataset,
  subscriptionsDataset,
  type SubscriptionRow,
} from './make-dataset.ts';
import { randomOrders, randomSubscriptions } from './random-dataset.ts';

function paidSubscriptions(rows: readonly (SubscriptionRow & { amount: number })[]): Dataset {
  return { ...subscriptionsDataset(rows), amount: Float64Array.from(rows, (r) => r.amount) };
}

const keys = (context: MetricContext, codes: readonly number[] | null | undefined) =>
  (codes ?? []).map((c) => context.dataset.customerKeys[c]);

/**
 * Ten steady customers k0…k9 at €50; b downgrades €50 → €30 on 15 Feb; d (€40) leaves on 20 Feb;
 * e (€25) leaves on 20 Jan and comes back on 5 Mar at €35; f is new on 12 Feb (€60); z starts on
 * 31 Mar (€20), so the data reaches 31 March 2024.
 * Months (S at t0, lost by t1): Jan 13 / 1 (e), Feb 12 / 1 (d), Mar 12 / 0.
 */
const subscriptions = paidSubscriptions([
  ...Array.from({ length: 10 }, (_, i) => ({
    customer: `k${i}`,
    start: '2023-12-01',
    amount: 50,
  })),
  { customer: 'b', start: '2023-12-01', end: '2024-02-15', amount: 50 },
  { customer: 'b', start: '2024-02-15', amount: 30 },
  { customer: 'd', start: '2023-12-01', end: '2024-02-20', amount: 40 },
  { customer: 'e', start: '2023-12-01', end: '2024-01-20', amount: 25 },
  { customer: 'e', start: '2024-03-05', amount: 35 },
  { customer: 'f', start: '2024-02-12', amount: 60 },
  { customer: 'z', start: '2024-03-31', amount: 20 },
]);

/**
 * 2022 and 2023; the last year is 2023 (365 days). a buys in 2022 and twice in 2023; b buys in
 * 2022, once in 2023 (€20) and gets €5 refunded; c buys only in 2022 (lost); d is new in 2023 with
 * two rows on one day (one purchase); e buys early 2022, nothing for almost two years, then again
 * on 30 Nov 2023; z buys on 31 Dec 2023.
 */
const orders = ordersDataset([
  { customer: 'a', day: '2022-03-01', amount: 50 },
  { customer: 'b', day: '2022-05-01', amount: 30 },
  { customer: 'c', day: '2022-06-01', amount: 70 },
  { customer: 'e', day: '2022-01-15', amount: 10 },
  { customer: 'a', day: '2023-02-01', amount: 60 },
  { customer: 'a', day: '2023-06-01', amount: 40 },
  { customer: 'b', day: '2023-04-01', amount: 20 },
  { customer: 'b', day: '2023-04-10', amount: -5, refund: true },
  { customer: 'd', day: '2023-03-01', amount: 25 },
  { customer: 'd', day: '2023-03-01', amount: 5 },
  { customer: 'e', day: '2023-11-30', amount: 20 },
  { customer: 'z', day: '2023-12-31', amount: 10 },
]);

describe('subscriptions: ARPA × margin ÷ monthly churn', () => {
  const context = createContext(subscriptions, { unit: 'month' });

  it('pools the churn over the last 3 complete months and measures ARPA on 31 March', () => {
    const inputs = lifetimeInputs(context, { months: 3, margin: 0.8 });
    expect(inputs).toMatchObject({
      kind: 'subscriptions',
      asOf: day('2024-03-31'),
      window: { from: day('2024-01-01'), to: day('2024-03-31') },
      months: 3,
      monthsWithCustomers: 3,
      startCustomers: 13,
      sumS: 37,
      sumLost: 2,
      mrr: 645,
      margin: 0.8,
    });
    if (inputs?.kind !== 'subscriptions') throw new Error('subscriptions expected');
    expect(keys(context, inputs.lostList)).toEqual(['d', 'e']);
    expect(inputs.active.length).toBe(14);
    const value = lifetimeValue(context, { months: 3, margin: 0.8 });
    expect(value).toEqual({
      kind: 'subscriptions',
      window: { from: day('2024-01-01'), to: day('2024-03-31') },
      averageRevenue: 645 / 14,
      factor: 0.8,
      churn: 2 / 37,
      lifetime: 1 / (2 / 37),
      ltv: ((645 / 14) * 0.8) / (2 / 37),
    });
    expect(value?.lifetime).toBeCloseTo(18.5, 12);
    expect(compute(context, { months: 3, margin: 0.8 })).toBeCloseTo(681.857142857, 6);
  });

  it('explains the LTV as a formula tree with the customers behind each term', () => {
    const e = explain(context, { months: 3, margin: 0.8 });
    expect(e.metric).toBe('lifetime-value');
    expect(e.result.kind).toBe('money');
    expect(e.result.value).toBe(compute(context, { months: 3, margin: 0.8 }));
    expect(e.steps.map((s) => s.kind)).toEqual(['money', 'money', 'ratio', 'money']);
    expect(e.steps.map((s) => s.value)).toEqual([
      645 / 14,
      (645 / 14) * 0.8,
      2 / 37,
      ((645 / 14) * 0.8) / (2 / 37),
    ]);
    expect(e.terms.margin).toEqual({ kind: 'ratio', value: 0.8, customers: null });
    expect(e.terms.MRR.value).toBe(645);
    expect(keys(context, e.terms.sumLost.customers)).toEqual(['d', 'e']);
    expect(e.terms.active.value).toBe(14);
    expect(e.notes).toEqual([{ code: 'few-customers', count: 13 }]);
    const lifetime = explainLifetime(context, { months: 3 });
    expect(lifetime.metric).toBe('average-lifetime');
    expect(lifetime.result.value).toBe(computeLifetime(context, { months: 3 }));
  });

  it('uses 12 months and margin 1 by default, noting the short history', () => {
    const e = explain(context);
    expect(lifetimeInputs(context)).toMatchObject({ months: 12, sumS: 37, sumLost: 2, margin: 1 });
    expect(e.result.value).toBe(645 / 14 / (2 / 37));
    expect(e.notes).toEqual([
      { code: 'few-customers', count: 0 },
      { code: 'short-history', count: 3 },
    ]);
  });

  it('gives no LTV when nobody churned, or without amounts', () => {
    const loyal = createContext(
      paidSubscriptions([
        { customer: 'a', start: '2024-01-01', amount: 10 },
        { customer: 'b', start: '2024-02-29', amount: 10 },
      ]),
      { unit: 'month' },
    );
    expect(compute(loyal)).toBeNull();
    expect(computeLifetime(loyal)).toBeNull();
    expect(explain(loyal).notes).toContainEqual({ code: 'no-churn' });
    const unpaid = createContext(
      subscriptionsDataset([
        { customer: 'a', start: '2024-01-01', end: '2024-02-10' },
        { customer: 'b', start: '2024-01-01' },
        { customer: 'c', start: '2024-02-29' },
      ]),
      { unit: 'month' },
    );
    expect(compute(unpaid)).toBeNull();
    expect(computeLifetime(unpaid)).toBe(2); // 1 lost of 2 customer-months (Feb)
    const e = explain(unpaid);
    expect(e.result.value).toBeNull();
    expect(e.terms.MRR).toBeUndefined();
    expect(e.notes).toContainEqual({ code: 'no-amounts' });
  });

  it('clamps the margin to 0–1', () => {
    expect([normalizeMargin(undefined), normalizeMargin(NaN), normalizeMargin(1.5)]).toEqual([
      1, 1, 1,
    ]);
    expect([normalizeMargin(-0.2), normalizeMargin(0.35)]).toEqual([0, 0.35]);
  });
});

describe('orders: order value × purchases per year × expected lifetime', () => {
  const context = createContext(orders, { unit: 'month' });

  it('measures the last year 2023 and the yearly churn under W = 365', () => {
    const inputs = lifetimeInputs(context);
    expect(inputs).toMatchObject({
      kind: 'orders',
      asOf: day('2023-12-31'),
      window: { from: day('2023-01-01'), to: day('2023-12-31') },
      revenue: 175,
      purchases: 6,
    });
    if (inputs?.kind !== 'orders') throw new Error('orders expected');
    expect(keys(context, inputs.buyers)).toEqual(['a', 'b', 'e', 'd', 'z']);
    expect(keys(context, inputs.start)).toEqual(['a', 'b', 'c', 'e']);
    expect(keys(context, inputs.lost)).toEqual(['c']);
    const value = lifetimeValue(context);
    expect(value).toMatchObject({
      averageRevenue: 175 / 6,
      factor: 6 / 5,
      churn: 0.25,
      lifetime: 4,
    });
    expect(value?.ltv).toBe((175 / 6) * (6 / 5) * 4);
    expect(compute(context)).toBeCloseTo(140, 10);
  });

  it('explains with revenue, purchases, buyers, lost and S', () => {
    const e = explain(context);
    expect(e.result).toEqual({ value: (175 / 6) * (6 / 5) * 4, kind: 'money' });
    expect(e.steps.map((s) => s.kind)).toEqual([
      'money',
      'count',
      'money',
      'ratio',
      'count',
      'money',
    ]);
    expect(e.terms.lost).toEqual({ kind: 'customers', value: 1, customers: [2] });
    expect(e.notes).toEqual([{ code: 'few-customers', count: 4 }]);
    expect(explainLifetime(context).result.value).toBe(4);
  });

  it('counts order numbers as purchases when there are any', () => {
    const numbered = ordersDataset([
      { customer: 'a', day: '2022-06-01', amount: 10, order: 'o1' },
      { customer: 'b', day: '2022-06-01', amount: 10, order: 'o2' },
      { customer: 'a', day: '2023-03-01', amount: 30, order: 'o3' },
      { customer: 'a', day: '2023-03-02', amount: 30, order: 'o3' },
      { customer: 'a', day: '2023-03-02', amount: 40, order: 'o4' },
      { customer: 'c', day: '2023-12-31', amount: 20, order: 'o5' },
    ]);
    const inputs = lifetimeInputs(createContext(numbered, { unit: 'month' }));
    expect(inputs).toMatchObject({ purchases: 3, revenue: 120 });
    expect(compute(createContext(numbered, { unit: 'month' }))).toBe((120 / 3) * (3 / 2) * 2);
  });

  it('gives no LTV with less than a year of history before the window', () => {
    const young = createContext(
      ordersDataset([
        { customer: 'a', day: '2024-01-01', amount: 10 },
        { customer: 'a', day: '2024-05-01', amount: 10 },
      ]),
      { unit: 'month' },
    );
    expect(compute(young)).toBeNull();
    expect(explain(young).notes).toContainEqual({ code: 'no-start-customers' });
  });

  it('gives nothing for two lists', () => {
    const lists = createContext(listsDataset(['a'], ['a']), { unit: 'month' });
    expect(lifetimeValue(lists)).toBeNull();
    expect(compute(lists)).toBeNull();
    expect(explain(lists).result.value).toBeNull();
    expect(cumulativeRevenue(lists)).toBeNull();
  });
});

describe('observed cumulative revenue per customer by monthly cohort', () => {
  it('writes out the curves and the pooled average over fully observed ages', () => {
    const context = createContext(
      ordersDataset([
        { customer: 'a', day: '2024-01-05', amount: 10 },
        { customer: 'b', day: '2024-01-20', amount: 30 },
        { customer: 'c', day: '2024-02-07', amount: 8 },
        { customer: 'c', day: '2024-03-01', amount: 6 },
        { customer: 'c', day: '2024-03-02', amount: -2, refund: true },
        { customer: 'a', day: '2024-03-31', amount: 20 },
      ]),
      { unit: 'month' },
    );
    expect(cumulativeRevenue(context)).toEqual({
      cohorts: [
        { key: 2024 * 12, label: '2024-01', size: 2, cumulative: [20, 20, 30], completeAges: 3 },
        { key: 2024 * 12 + 1, label: '2024-02', size: 1, cumulative: [8, 12], completeAges: 2 },
      ],
      average: [48 / 3, 52 / 3, 30],
    });
  });

  it('leaves an incomplete last month out of the average', () => {
    const context = createContext(
      ordersDataset([
        { customer: 'a', day: '2024-01-05', amount: 10 },
        { customer: 'a', day: '2024-02-10', amount: 5 },
      ]),
      { unit: 'month', refunds: 'ignore' },
    );
    expect(cumulativeRevenue(context)).toEqual({
      cohorts: [
        { key: 2024 * 12, label: '2024-01', size: 1, cumulative: [10, 15], completeAges: 1 },
      ],
      average: [10],
    });
  });
});

const randomPaidSubscriptions = randomSubscriptions.map((dataset) => ({
  ...dataset,
  amount: Float64Array.from(dataset.customer, (c, row) => ((c * 37 + row * 11) % 90) + 0.5),
}));

describe('properties', () => {
  it('explanations evaluate to the computed LTV and lifetime on random data', () => {
    const settings = fc.constantFrom<AnalysisSettings>(
      { unit: 'month' },
      { unit: 'week', windowDays: 60, refunds: 'ignore' },
      { unit: 'month', range: { from: day('2023-12-01'), to: day('2024-03-15') } },
    );
    const margin = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined });
    const months = fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.oneof(randomOrders, randomPaidSubscriptions, randomSubscriptions),
        settings,
        margin,
        months,
        (dataset, s, m, n) => {
          const context = createContext(dataset, s);
          const options = { margin: m, months: n };
          const value = compute(context, options);
          const e = explain(context, options);
          expect(evaluate(e.formula, termValues(e.terms))).toBe(value);
          expect(e.result.value).toBe(value);
          if (value !== null) expect(Number.isFinite(value)).toBe(true);
          const lifetime = computeLifetime(context, options);
          expect(explainLifetime(context, options).result.value).toBe(lifetime);
          if (lifetime !== null) expect(lifetime).toBeGreaterThanOrEqual(1);
          const curve = cumulativeRevenue(context);
          if (curve !== null) {
            for (const cohort of curve.cohorts) expect(cohort.cumulative.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('evaluates on the hand-made data sets too', () => {
    for (const [dataset, options] of [
      [subscriptions, { months: 3, margin: 0.5 }],
      [subscriptions, {}],
      [orders, {}],
    ] as const) {
      const context = createContext(dataset, { unit: 'month' });
      const e = explain(context, options);
      expect(evaluate(e.formula, termValues(e.terms))).toBe(compute(context, options));
    }
  });
});

// A sanity check of the window arithmetic used above.
it('the 2023 window is 365 days', () => {
  expect(isoDate(day('2023-12-31') - 365 + 1)).toBe('2023-01-01');
});
