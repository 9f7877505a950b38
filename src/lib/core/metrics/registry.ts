/**
 * Every metric that explains itself, listed once. Adding a metric: write its module with `compute`
 * and `explain` (sharing helpers) and a test, add it here, then add its nl/en copy.
 */
import type { Dataset, InputKind } from '../model/dataset.ts';
import type { Explanation, MetricId } from '../explain/index.ts';
import type { MetricContext } from './context.ts';
import * as calculatorModule from './calculator.ts';
import * as churnRate from './churn-rate.ts';
import * as lifetimeValue from './lifetime-value.ts';
import * as newVsExisting from './new-vs-existing.ts';
import * as repeatPurchase from './repeat-purchase.ts';
import * as retentionRate from './retention-rate.ts';
import * as revenueRetention from './revenue-retention.ts';
import * as twoLists from './two-lists.ts';

/**
 * A metric of a dataset. `compute` gives the value (a ratio 0–1 for most; money for the lifetime
 * value, months or years for the average lifetime; null when it has no value); `explain` gives the
 * worked example whose formula evaluates to that same value. Whole-data metrics (scope 'data')
 * ignore the period index.
 */
export interface DatasetMetric {
  readonly id: MetricId;
  readonly kinds: readonly InputKind[];
  readonly scope: 'period' | 'data';
  /**
   * The money metrics (METRICS.md §8–§9): offered only when the data has an amount column (see
   * `appliesTo`). Their modules still explain themselves without one (a 'no-amounts' note, no
   * value), so the registry test checks them on every dataset.
   */
  readonly needsAmounts?: true;
  compute(context: MetricContext, period: number): number | null;
  explain(context: MetricContext, period: number): Explanation;
}

const dated: readonly InputKind[] = ['orders', 'subscriptions'];
const all: readonly InputKind[] = ['orders', 'subscriptions', 'lists'];
const orders: readonly InputKind[] = ['orders'];

export const datasetMetrics: readonly DatasetMetric[] = [
  { id: 'retention-rate', kinds: all, scope: 'period', ...retentionRate },
  {
    id: 'exact-retention',
    kinds: all,
    scope: 'period',
    compute: retentionRate.computeExact,
    explain: retentionRate.explainExact,
  },
  {
    id: 'churn-rate',
    kinds: all,
    scope: 'period',
    compute: (c, p) => churnRate.compute(c, p, 'ours'),
    explain: (c, p) => churnRate.explain(c, p, 'ours'),
  },
  {
    id: 'churn-rate-stripe',
    kinds: all,
    scope: 'period',
    compute: (c, p) => churnRate.compute(c, p, 'stripe'),
    explain: (c, p) => churnRate.explain(c, p, 'stripe'),
  },
  {
    id: 'churn-rate-baremetrics',
    kinds: all,
    scope: 'period',
    compute: (c, p) => churnRate.compute(c, p, 'baremetrics'),
    explain: (c, p) => churnRate.explain(c, p, 'baremetrics'),
  },
  {
    id: 'repeat-purchase-rate',
    kinds: orders,
    scope: 'period',
    compute: repeatPurchase.compute,
    explain: repeatPurchase.explain,
  },
  {
    id: 'repeat-two-or-more',
    kinds: orders,
    scope: 'data',
    compute: (c) => repeatPurchase.computeTwoOrMore(c),
    explain: (c) => repeatPurchase.explainTwoOrMore(c),
  },
  ...repeatPurchase.repeatWindows.map((days): DatasetMetric => ({
    id: `repeat-within-${days}`,
    kinds: orders,
    scope: 'data',
    compute: (c) => repeatPurchase.computeWithin(c, days),
    explain: (c) => repeatPurchase.explainWithin(c, days),
  })),
  {
    id: 'new-existing-ratio',
    kinds: dated,
    scope: 'period',
    compute: newVsExisting.compute,
    explain: newVsExisting.explain,
  },
  // NRR, GRR and the quick ratio per period, from the cached revenue sweep.
  ...revenueRetention.revenueRates.map((rate): DatasetMetric => ({
    id: revenueRetention.revenueMetricIds[rate],
    kinds: dated,
    scope: 'period',
    needsAmounts: true,
    compute: (c, p) => revenueRetention.compute(c, p, rate),
    explain: (c, p) => revenueRetention.explain(c, p, rate),
  })),
  // Lifetime value and lifetime as of the data's end; the margin comes from the settings.
  {
    id: 'lifetime-value',
    kinds: dated,
    scope: 'data',
    needsAmounts: true,
    compute: (c) => lifetimeValue.compute(c),
    explain: (c) => lifetimeValue.explain(c),
  },
  {
    id: 'average-lifetime',
    kinds: dated,
    scope: 'data',
    needsAmounts: true,
    compute: (c) => lifetimeValue.computeLifetime(c),
    explain: (c) => lifetimeValue.explainLifetime(c),
  },
  {
    id: 'two-lists',
    kinds: ['lists'],
    scope: 'data',
    compute: (c) => twoLists.compute(c),
    explain: (c) => twoLists.explain(c),
  },
];

/** Looks a dataset metric up by id; undefined for 'calculator' (see `calculator`). */
export function datasetMetric(id: MetricId): DatasetMetric | undefined {
  return datasetMetrics.find((m) => m.id === id);
}

/**
 * Whether a metric is offered for a dataset: its input kind, and an amount column for the money
 * metrics.
 * @example appliesTo(datasetMetric('net-revenue-retention'), ordersWithoutAmounts) === false
 */
export function appliesTo(metric: DatasetMetric, dataset: Dataset): boolean {
  return (
    metric.kinds.includes(dataset.kind) && (metric.needsAmounts !== true || dataset.amount !== null)
  );
}

/** The metrics that apply to an input kind (money metrics included: see `appliesTo`). */
export function metricsFor(kind: InputKind): DatasetMetric[] {
  return datasetMetrics.filter((m) => m.kinds.includes(kind));
}

/** The calculator works on three typed numbers, not on a dataset. */
export const calculator = {
  id: 'calculator' as const,
  compute: calculatorModule.compute,
  explain: calculatorModule.explain,
  presets: calculatorModule.calculatorPresets,
};
