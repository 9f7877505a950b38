import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, termValues } from '../../../src/lib/core/explain/index.ts';
import {
  createContext,
  type AnalysisSettings,
  type MetricContext,
} from '../../../src/lib/core/metrics/context.ts';
import {
  classifyRevenue,
  compute,
  explain,
  grr,
  nrr,
  previousRange,
  quickRatio,
  revenueRates,
  revenueRetentionTable,
  sweepRevenue,
} from '../../../src/lib/core/metrics/revenue-retention.ts';
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import { isoDate } from '../../../src/lib/core/model/days.ts';
import {
  day,
  listsDataset,
  ordersDataset,
  subscriptionsDataset,
  type SubscriptionRow,
} from './make-dataset.ts';
import { randomOrders } from './random-dataset.ts';

/** Subscriptions with a recurring amount per row (make-dataset's helper has no amounts). */
function paidSubscriptions(rows: readonly (SubscriptionRow & { amount: number })[]): Dataset {
  return { ...subscriptionsDataset(rows), amount: Float64Array.from(rows, (r) => r.amount) };
}

const periodIndex = (context: MetricContext, label: string) =>
  context.periods.findIndex((p) => p.label === label);

const keys = (context: MetricContext, codes: readonly number[] | null | undefined) =>
  (codes ?? []).map((c) => context.dataset.customerKeys[c]);

/**
 * a stays at €100; b downgrades €50 → €30; c upgrades €20 → €45; d leaves (€40); e joins in
 * January, leaves, and comes back in February at €35; f is new in February (€60); g joins and
 * leaves inside February; z starts on 31 March at €0 (a free plan) so that March is covered.
 */
const subscriptions = paidSubscriptions([
  { customer: 'a', start: '2024-01-01', amount: 100 },
  { customer: 'b', start: '2024-01-01', end: '2024-02-15', amount: 50 },
  { customer: 'b', start: '2024-02-15', amount: 30 },
  { customer: 'c', start: '2024-01-10', end: '2024-02-10', amount: 20 },
  { customer: 'c', start: '2024-02-10', amount: 45 },
  { customer: 'd', start: '2024-01-05', end: '2024-02-20', amount: 40 },
  { customer: 'e', start: '2024-01-03', end: '2024-01-20', amount: 25 },
  { customer: 'e', start: '2024-02-05', amount: 35 },
  { customer: 'f', start: '2024-02-12', amount: 60 },
  { customer: 'g', start: '2024-02-03', end: '2024-02-20', amount: 10 },
  { customer: 'z', start: '2024-03-31', amount: 0 },
]);

/**
 * Monthly orders. a buys €100 in January and February and €120 in March; b €80 in January, then
 * €60 with a €10 refund in February; c €20, then €20 + €30 (two orders); d buys only in January;
 * e buys in January, skips February and comes back in March (€35); f is new in February (€60); h
 * buys €30 in January and only gets it refunded in February.
 */
const orders = ordersDataset([
  { customer: 'a', day: '2024-01-01', amount: 100 },
  { customer: 'b', day: '2024-01-08', amount: 80 },
  { customer: 'c', day: '2024-01-09', amount: 20 },
  { customer: 'd', day: '2024-01-10', amount: 40 },
  { customer: 'e', day: '2024-01-11', amount: 25 },
  { customer: 'h', day: '2024-01-12', amount: 30 },
  { customer: 'a', day: '2024-02-01', amount: 100 },
  { customer: 'b', day: '2024-02-02', amount: 60 },
  { customer: 'b', day: '2024-02-09', amount: -10, refund: true },
  { customer: 'c', day: '2024-02-03', amount: 20 },
  { customer: 'c', day: '2024-02-23', amount: 30 },
  { customer: 'f', day: '2024-02-14', amount: 60 },
  { customer: 'h', day: '2024-02-15', amount: -30, refund: true },
  { customer: 'e', day: '2024-03-05', amount: 35 },
  { customer: 'a', day: '2024-03-31', amount: 120 },
]);

describe('revenue retention of subscriptions (recurring amount at t0 and t1)', () => {
  const context = createContext(subscriptions, { unit: 'month' });
  const feb = periodIndex(context, '2024-02');

  it('splits February into R0, expansion, contraction, churned, new and reactivated', () => {
    const movements = sweepRevenue(context)?.[feb];
    expect(movements).toEqual({
      paying: 4,
      R0: 210,
      expansion: 25,
      contraction: 20,
      churned: 40,
      newRevenue: 60,
      reactivatedRevenue: 35,
      R1: 270,
      expanded: 1,
      contracted: 1,
      churnedCustomers: 1,
      unchanged: 1,
      newPaying: 1,
      reactivatedPaying: 1,
    });
    const customers = classifyRevenue(context, feb)?.customers;
    expect(keys(context, customers?.paying)).toEqual(['a', 'b', 'c', 'd']);
    expect(keys(context, customers?.expanded)).toEqual(['c']);
    expect(keys(context, customers?.contracted)).toEqual(['b']);
    expect(keys(context, customers?.churned)).toEqual(['d']);
    expect(keys(context, customers?.unchanged)).toEqual(['a']);
    expect(keys(context, customers?.new)).toEqual(['f']);
    expect(keys(context, customers?.reactivated)).toEqual(['e']);
  });

  it('gives NRR 175/210, GRR 150/210 and quick ratio 85/60 for February', () => {
    expect(compute(context, feb, 'nrr')).toBe(175 / 210);
    expect(compute(context, feb, 'grr')).toBe(150 / 210);
    expect(compute(context, feb, 'quick-ratio')).toBe(85 / 60);
  });

  it('gives no NRR, GRR or quick ratio in January (R0 = 0, nothing lost), never NaN', () => {
    const jan = periodIndex(context, '2024-01');
    expect(sweepRevenue(context)?.[jan]).toMatchObject({ R0: 0, newRevenue: 210, newPaying: 4 });
    for (const rate of revenueRates) expect(compute(context, jan, rate)).toBeNull();
    expect(explain(context, jan, 'nrr').notes).toContainEqual({ code: 'no-start-revenue' });
    expect(explain(context, jan, 'quick-ratio').notes).toContainEqual({ code: 'no-revenue-lost' });
  });

  it('keeps everything in March: NRR = GRR = 1; the free plan is not new revenue', () => {
    const mar = periodIndex(context, '2024-03');
    expect(sweepRevenue(context)?.[mar]).toMatchObject({
      paying: 5,
      R0: 270,
      unchanged: 5,
      newRevenue: 0,
      newPaying: 0,
    });
    expect(compute(context, mar, 'nrr')).toBe(1);
    expect(compute(context, mar, 'grr')).toBe(1);
    expect(compute(context, mar, 'quick-ratio')).toBeNull();
  });

  it('explains NRR with money terms and the customers behind each one', () => {
    const e = explain(context, feb, 'nrr');
    expect(e.metric).toBe('net-revenue-retention');
    expect(e.result).toEqual({ value: 175 / 210, kind: 'ratio' });
    expect(e.steps.map((s) => [s.value, s.kind])).toEqual([
      [235, 'money'],
      [215, 'money'],
      [175, 'money'],
      [175 / 210, 'ratio'],
    ]);
    expect(e.terms.R0).toEqual({ kind: 'money', value: 210, customers: [0, 1, 2, 3] });
    expect(keys(context, e.terms.churned.customers)).toEqual(['d']);
    expect(keys(context, e.terms.reactivated.customers)).toEqual(['e']);
    expect(e.terms.paying).toEqual({ kind: 'customers', value: 4, customers: [0, 1, 2, 3] });
    expect(e.definitions.period).toMatchObject({ label: '2024-02', complete: true });
    expect(e.notes).toEqual([]);
    const g = explain(context, feb, 'grr');
    expect(g.metric).toBe('gross-revenue-retention');
    expect(g.steps.map((s) => s.value)).toEqual([190, 150, 150 / 210]);
  });

  it('gives a table row per period with the rates beside the movements', () => {
    const table = revenueRetentionTable(context);
    expect(table?.map((r) => r.nrr)).toEqual([null, 175 / 210, 1]);
    expect(table?.map((r) => r.grr)).toEqual([null, 150 / 210, 1]);
    expect(table?.[1]).toMatchObject({ R0: 210, quickRatio: 85 / 60 });
  });
});

describe('revenue retention of orders (this period against the previous one)', () => {
  const context = createContext(orders, { unit: 'month' });
  const feb = periodIndex(context, '2024-02');
  const mar = periodIndex(context, '2024-03');

  it('compares February with January: a refund lowers b, a refund-only h counts as churned', () => {
    expect(previousRange(context, feb)).toEqual({ from: day('2024-01-01'), to: day('2024-01-31') });
    expect(sweepRevenue(context)?.[feb]).toEqual({
      paying: 6,
      R0: 295,
      expansion: 30,
      contraction: 30,
      churned: 95,
      newRevenue: 60,
      reactivatedRevenue: 0,
      R1: 260,
      expanded: 1,
      contracted: 1,
      churnedCustomers: 3,
      unchanged: 1,
      newPaying: 1,
      reactivatedPaying: 0,
    });
    const customers = classifyRevenue(context, feb)?.customers;
    expect(keys(context, customers?.churned)).toEqual(['d', 'e', 'h']);
    expect(keys(context, customers?.contracted)).toEqual(['b']);
    expect(keys(context, customers?.expanded)).toEqual(['c']);
    expect(compute(context, feb, 'nrr')).toBe(200 / 295);
    expect(compute(context, feb, 'grr')).toBe(170 / 295);
    expect(compute(context, feb, 'quick-ratio')).toBe(0.72);
  });

  it('shows e coming back in March as reactivated revenue, outside NRR', () => {
    expect(sweepRevenue(context)?.[mar]).toMatchObject({
      paying: 4,
      R0: 260,
      expansion: 20,
      contraction: 0,
      churned: 160,
      reactivatedRevenue: 35,
      reactivatedPaying: 1,
    });
    expect(keys(context, classifyRevenue(context, mar)?.customers.reactivated)).toEqual(['e']);
    expect(compute(context, mar, 'nrr')).toBe(120 / 260);
    expect(compute(context, mar, 'grr')).toBe(100 / 260);
    expect(compute(context, mar, 'quick-ratio')).toBe(0.125);
  });

  it('leaves refunds out under refunds "ignore": b only contracts by €20', () => {
    const ignoring = createContext(orders, { unit: 'month', refunds: 'ignore' });
    expect(sweepRevenue(ignoring)?.[feb]).toMatchObject({ contraction: 20, churned: 95 });
    expect(compute(ignoring, feb, 'nrr')).toBe(210 / 295);
    expect(compute(ignoring, feb, 'grr')).toBe(180 / 295);
  });

  it('compares a custom range with the same number of days just before it', () => {
    const custom = createContext(orders, {
      unit: 'custom',
      range: { from: day('2024-02-01'), to: day('2024-02-10') },
    });
    expect(previousRange(custom, 0)).toEqual({ from: day('2024-01-22'), to: day('2024-01-31') });
    // Nobody bought from 22 to 31 January: no base, and a, b and c count as reactivated.
    expect(sweepRevenue(custom)?.[0]).toMatchObject({
      R0: 0,
      reactivatedRevenue: 170,
      reactivatedPaying: 3,
    });
    expect(compute(custom, 0, 'nrr')).toBeNull();
  });

  it('notes a previous period the data covers only in part', () => {
    const late = ordersDataset([
      { customer: 'a', day: '2024-01-20', amount: 10 },
      { customer: 'a', day: '2024-02-29', amount: 10 },
    ]);
    const context2 = createContext(late, { unit: 'month' });
    expect(explain(context2, 1, 'nrr').notes).toContainEqual({ code: 'previous-period-partial' });
    expect(explain(context2, 0, 'nrr').notes).not.toContainEqual({
      code: 'previous-period-partial',
    });
  });
});

describe('no money', () => {
  it('gives null and a no-amounts note without amounts and for two lists', () => {
    const data = [
      subscriptionsDataset([{ customer: 'a', start: '2024-01-01' }]),
      ordersDataset([{ customer: 'a', day: '2024-01-01' }]),
      listsDataset(['a'], ['a', 'b']),
    ];
    for (const dataset of data) {
      const context = createContext(dataset, { unit: 'month' });
      expect(sweepRevenue(context)).toBeNull();
      expect(revenueRetentionTable(context)).toBeNull();
      expect(compute(context, 0, 'nrr')).toBeNull();
      const e = explain(context, 0, 'grr');
      expect(e.result.value).toBeNull();
      expect(e.notes).toContainEqual({ code: 'no-amounts' });
    }
  });

  it('never divides by zero in the rate functions', () => {
    const zero = { R0: 0, expansion: 0, contraction: 0, churned: 0, newRevenue: 5 };
    expect([nrr(zero), grr(zero), quickRatio(zero)]).toEqual([null, null, null]);
  });
});

const randomPaidSubscriptions: fc.Arbitrary<Dataset> = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 12 }),
      start: fc.integer({ min: 0, max: 200 }),
      length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
      // Money in cents, some with fractions that do not add up exactly in floating point.
      amount: fc.integer({ min: -2000, max: 10000 }).map((cents) => cents / 100),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) =>
    paidSubscriptions(
      rows.map((r) => ({
        customer: `c${r.customer}`,
        start: isoDate(day('2023-11-20') + r.start),
        end: r.length === undefined ? undefined : isoDate(day('2023-11-20') + r.start + r.length),
        amount: r.amount,
      })),
    ),
  );

const randomSettings: fc.Arbitrary<AnalysisSettings> = fc.oneof(
  fc.constantFrom<AnalysisSettings>(
    { unit: 'month' },
    { unit: 'week', windowDays: 30 },
    { unit: 'quarter', refunds: 'ignore' },
    { unit: 'day', windowDays: 7 },
  ),
  fc
    .tuple(fc.integer({ min: -30, max: 220 }), fc.integer({ min: 0, max: 60 }))
    .map(([from, length]): AnalysisSettings => {
      const start = day('2023-11-20') + from;
      return { unit: 'custom', range: { from: start, to: start + length } };
    }),
);

const randomMoney = fc.oneof(randomOrders, randomPaidSubscriptions);

describe('properties over random datasets', () => {
  it('GRR is never above 1, NRR and GRR are never negative beyond rounding', () => {
    fc.assert(
      fc.property(randomMoney, randomSettings, (dataset, settings) => {
        const context = createContext(dataset, settings);
        for (let p = 0; p < context.periods.length; p++) {
          const g = compute(context, p, 'grr');
          const n = compute(context, p, 'nrr');
          if (g !== null) {
            expect(g).toBeLessThanOrEqual(1);
            expect(g).toBeGreaterThan(-1e-12);
          }
          if (n !== null) expect(n).toBeGreaterThan(-1e-12);
          for (const rate of revenueRates) {
            const value = compute(context, p, rate);
            if (value !== null) expect(Number.isFinite(value)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sweep and per-period classification agree to the last bit', () => {
    fc.assert(
      fc.property(randomMoney, randomSettings, (dataset, settings) => {
        const context = createContext(dataset, settings);
        const swept = sweepRevenue(context);
        for (let p = 0; p < context.periods.length; p++) {
          const classified = classifyRevenue(context, p);
          expect(swept?.[p]).toEqual(classified?.movements);
          const c = classified?.customers;
          const m = classified?.movements;
          if (c === undefined || m === undefined) continue;
          expect(c.paying.length).toBe(m.paying);
          expect(c.expanded.length + c.contracted.length + c.churned.length).toBe(
            m.paying - m.unchanged,
          );
          const r1 = m.R0 + m.expansion - m.contraction - m.churned;
          expect(m.R1).toBeCloseTo(r1 + m.newRevenue + m.reactivatedRevenue, 6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every explanation evaluates to the computed value, for every rate and period', () => {
    const handMade: [Dataset, AnalysisSettings][] = [
      [subscriptions, { unit: 'month' }],
      [subscriptions, { unit: 'week' }],
      [orders, { unit: 'month' }],
      [orders, { unit: 'week', refunds: 'ignore' }],
      [orders, { unit: 'custom', range: { from: day('2024-02-01'), to: day('2024-02-10') } }],
    ];
    const check = (dataset: Dataset, settings: AnalysisSettings) => {
      const context = createContext(dataset, settings);
      for (let p = 0; p < context.periods.length; p++) {
        for (const rate of revenueRates) {
          const value = compute(context, p, rate);
          const e = explain(context, p, rate);
          expect(evaluate(e.formula, termValues(e.terms))).toBe(value);
          expect(e.result.value).toBe(value);
          expect(e.steps[e.steps.length - 1].value).toBe(value);
        }
      }
    };
    for (const [dataset, settings] of handMade) check(dataset, settings);
    fc.assert(fc.property(randomMoney, randomSettings, check), { numRuns: 150 });
  });
});
