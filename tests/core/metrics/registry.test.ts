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
} from './make-dataset.ts';
import { randomDataset } from './random-dataset.ts';

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
  ['two lists', listsDataset(['a', 'b', 'c'], ['b', 'c', 'd', 'e']), { unit: 'month' }],
];

/** The properties every explanation must have against the value its metric computed. */
function checkExplanation(e: Explanation, value: number | null): void {
  expect(evaluate(e.formula, termValues(e.terms))).toBe(value);
  expect(e.result.value).toBe(value);
  if (e.steps.length > 0) expect(e.steps[e.steps.length - 1].value).toBe(value);
  for (const t of Object.values(e.terms)) {
    if (t.customers !== null) expect(t.customers.length).toBe(t.value);
  }
  expect(JSON.parse(JSON.stringify(e))).toEqual(e);
}

function checkAll(dataset: Dataset, settings: AnalysisSettings): number {
  const context = createContext(dataset, settings);
  let checked = 0;
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

  it('holds on random datasets', () => {
    fc.assert(
      fc.property(
        randomDataset,
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
