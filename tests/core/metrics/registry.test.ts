import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, termValues, type Explanation } from '../../../src/lib/core/explain/index.ts';
import { createContext, type AnalysisSettings } from '../../../src/lib/core/metrics/context.ts';
import { calculator, datasetMetrics } from '../../../src/lib/core/metrics/registry.ts';
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import {
  churnTableDataset,
  day,
  listsDataset,
  ordersDataset,
  subscriptionsDataset,
  type SubscriptionRow,
} from './make-dataset.ts';
import { randomDataset, randomSubscriptions } from './random-dataset.ts';

/** Subscriptions with a recurring amount per row (make-dataset's helper has no amounts). */
function paidSubscriptions(rows: readonly (SubscriptionRow & { amount: number })[]): Dataset {
  return { ...subscriptionsDataset(rows), amount: Float64Array.from(rows, (r) => r.amount) };
}

/** Random subscriptions with a recurring amount per row, free plans (0) included. */
const randomPaidSubscriptions: fc.Arbitrary<Dataset> = randomSubscriptions.chain((dataset) =>
  fc
    .array(fc.integer({ min: 0, max: 120 }), {
      minLength: dataset.rowCount,
      maxLength: dataset.rowCount,
    })
    .map((amounts): Dataset => ({ ...dataset, amount: Float64Array.from(amounts) })),
);

const handMade: [string, Dataset, AnalysisSettings][] = [
  ['churn table, monthly', churnTableDataset(), { unit: 'month' }],
  ['churn table, weekly', churnTableDataset(), { unit: 'week' }],
  [
    'orders with reactivation, W = 30',
    ordersDataset([
      { customer: 'a', day: '2024-01-10', amount: 10 },
      { customer: 'a', day: '2024-03-15', amount: 12 },
      { customer: 'b', day: '2024-02-20', amount: 8, order: 'x' },
      { customer: 'b', day: '2024-03-20', amount: -8, refund: true },
      { customer: 'c', day: '2024-03-02', amount: 5 },
      { customer: 'z', day: '2024-03-31', amount: 1 },
    ]),
    { unit: 'month', windowDays: 30 },
  ],
  [
    'orders across the 2020/2021 ISO year boundary, refunds ignored',
    ordersDataset([
      { customer: 'a', day: '2020-12-24', amount: 10 },
      { customer: 'a', day: '2021-01-03', amount: 10 },
      { customer: 'b', day: '2020-12-31', amount: 10 },
      { customer: 'b', day: '2021-01-05', amount: -3 },
      { customer: 'c', day: '2021-01-06', amount: 4 },
    ]),
    { unit: 'week', windowDays: 7, refunds: 'ignore' },
  ],
  [
    'subscriptions, custom range',
    subscriptionsDataset([
      { customer: 'a', start: '2024-01-01', end: '2024-02-29' },
      { customer: 'b', start: '2024-02-01' },
      { customer: 'c', start: '2024-02-10', end: '2024-02-12' },
    ]),
    { unit: 'custom', range: { from: day('2024-02-01'), to: day('2024-02-29') } },
  ],
  [
    'subscriptions with amounts: downgrade, upgrade, leave, return; margin 0.6',
    paidSubscriptions([
      { customer: 'a', start: '2023-10-01', amount: 100 },
      { customer: 'b', start: '2023-10-01', end: '2024-02-15', amount: 50 },
      { customer: 'b', start: '2024-02-15', amount: 30 },
      { customer: 'c', start: '2023-11-10', end: '2024-02-10', amount: 20 },
      { customer: 'c', start: '2024-02-10', amount: 45 },
      { customer: 'd', start: '2023-12-05', end: '2024-02-20', amount: 40 },
      { customer: 'e', start: '2023-10-03', end: '2024-01-20', amount: 25 },
      { customer: 'e', start: '2024-03-05', amount: 35 },
      { customer: 'f', start: '2024-02-12', amount: 60 },
      { customer: 'z', start: '2024-03-31', amount: 0 },
    ]),
    { unit: 'month', margin: 0.6 },
  ],
  [
    'orders with amounts over two years, quarterly',
    ordersDataset([
      { customer: 'a', day: '2022-02-01', amount: 40 },
      { customer: 'a', day: '2023-03-01', amount: 60 },
      { customer: 'a', day: '2023-05-10', amount: 80 },
      { customer: 'a', day: '2023-11-20', amount: 20 },
      { customer: 'b', day: '2022-05-01', amount: 30 },
      { customer: 'b', day: '2023-06-01', amount: 20 },
      { customer: 'b', day: '2023-06-09', amount: -5, refund: true },
      { customer: 'b', day: '2023-08-01', amount: 10 },
      { customer: 'c', day: '2022-08-01', amount: 25 },
      { customer: 'd', day: '2023-04-15', amount: 70 },
      { customer: 'd', day: '2023-07-15', amount: 70 },
      { customer: 'e', day: '2022-12-31', amount: 10 },
      { customer: 'e', day: '2023-12-31', amount: 15 },
    ]),
    { unit: 'quarter' },
  ],
  ['two lists', listsDataset(['a', 'b', 'c'], ['b', 'c', 'd', 'e']), { unit: 'month' }],
];

/** The properties every explanation must have against the value its metric computed. */
function checkExplanation(e: Explanation, value: number | null): void {
  expect(evaluate(e.formula, termValues(e.terms))).toBe(value);
  expect(e.result.value).toBe(value);
  if (e.steps.length > 0) expect(e.steps[e.steps.length - 1].value).toBe(value);
  for (const t of Object.values(e.terms)) {
    // Money and count terms carry the customers behind them too, but their value is not a count.
    if (t.kind === 'customers' && t.customers !== null) expect(t.customers.length).toBe(t.value);
    if (t.customers !== null) expect([...t.customers].sort((a, b) => a - b)).toEqual(t.customers);
  }
  expect(JSON.parse(JSON.stringify(e))).toEqual(e);
}

/** Checks every metric of the dataset's kind; returns how many (metric, period) pairs it checked. */
function checkAll(dataset: Dataset, settings: AnalysisSettings): number {
  const context = createContext(dataset, settings);
  let checked = 0;
  // Money metrics too when the data has no amounts: their explanations must then give no value.
  for (const metric of datasetMetrics) {
    if (!metric.kinds.includes(dataset.kind)) continue;
    const indexes = metric.scope === 'period' ? context.periods.map((_, p) => p) : [0];
    for (const p of indexes) {
      const value = metric.compute(context, p);
      expect(value === null || Number.isFinite(value)).toBe(true);
      const e = metric.explain(context, p);
      expect(e.metric).toBe(metric.id);
      checkExplanation(e, value);
      checked++;
    }
  }
  return checked;
}

describe('registry: every explanation evaluates to the computed value', () => {
  it.each(handMade)('%s', (_, dataset, settings) => {
    expect(checkAll(dataset, settings)).toBeGreaterThan(0);
  });

  it('reaches a value for every money metric on the hand-made data with amounts', () => {
    const money = datasetMetrics.filter((m) => m.needsAmounts === true);
    expect(money.map((m) => m.id)).toEqual([
      'net-revenue-retention',
      'gross-revenue-retention',
      'revenue-quick-ratio',
      'lifetime-value',
      'average-lifetime',
    ]);
    for (const [, dataset, settings] of handMade.filter(([name]) =>
      name.includes('with amounts'),
    )) {
      const context = createContext(dataset, settings);
      for (const metric of money) {
        const values = context.periods.map((_, p) => metric.compute(context, p));
        expect([metric.id, values.some((v) => v !== null && v > 0)]).toEqual([metric.id, true]);
      }
    }
  });

  it('holds on random datasets', () => {
    fc.assert(
      fc.property(
        fc.oneof(randomDataset, randomPaidSubscriptions),
        fc.constantFrom<AnalysisSettings>(
          { unit: 'month' },
          { unit: 'week', windowDays: 30 },
          { unit: 'day', windowDays: 10, refunds: 'ignore' },
        ),
        (dataset, settings) => {
          checkAll(dataset, settings);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lists every metric id once', () => {
    const ids = datasetMetrics.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'retention-rate',
      'exact-retention',
      'churn-rate',
      'churn-rate-stripe',
      'churn-rate-baremetrics',
      'repeat-purchase-rate',
      'repeat-two-or-more',
      'repeat-within-30',
      'repeat-within-90',
      'repeat-within-365',
      'new-existing-ratio',
      'net-revenue-retention',
      'gross-revenue-retention',
      'revenue-quick-ratio',
      'lifetime-value',
      'average-lifetime',
      'two-lists',
    ]);
  });

  it('holds for the calculator, presets included', () => {
    const inputs = [
      ...calculator.presets,
      { S: 200, E: 240, N: 50 },
      { S: 0, E: 3, N: 3 },
      { S: 7, N: 0, lost: 7 },
    ];
    expect(inputs.map((i) => calculator.compute(i))).toEqual([0.95, 310 / 440, 0.95, null, 0]);
    for (const input of inputs)
      checkExplanation(calculator.explain(input), calculator.compute(input));
  });
});
