import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalysis } from '../../src/lib/core/analyze.ts';
import { createContext, type AnalysisSettings } from '../../src/lib/core/metrics/context.ts';
import { classifyPeriod, sweepPeriods } from '../../src/lib/core/metrics/period-counts.ts';
import type { Dataset } from '../../src/lib/core/model/dataset.ts';
import { epochDay, NO_DAY } from '../../src/lib/core/model/days.ts';
import {
  churnTableDataset,
  day,
  listsDataset,
  ordersDataset,
  subscriptionsDataset,
} from './metrics/make-dataset.ts';
import { randomDataset, randomOrders } from './metrics/random-dataset.ts';

const settingsChoices = fc.constantFrom<AnalysisSettings>(
  { unit: 'month' },
  { unit: 'week', windowDays: 30 },
  { unit: 'day', windowDays: 10, refunds: 'ignore' },
  { unit: 'quarter', windowDays: 60 },
);

describe('analyze', () => {
  it('reports the METRICS.md §4 month with every column', () => {
    const report = analyze(churnTableDataset(), { unit: 'month' });
    expect(report.periods.map((p) => p.period)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
    ]);
    expect(report.periods[2]).toEqual({
      period: '2024-03',
      first: day('2024-03-01'),
      last: day('2024-03-31'),
      complete: true,
      S: 200,
      E: 237,
      N: 50,
      crr: 0.935,
      exactRetention: 0.95,
      churn: 0.05,
      churnStripe: 0.052,
      churnBaremetrics: 0.065,
      lost: 10,
      joinedAndLeft: 3,
      reactivated: 0,
      repeatRate: null,
      newCustomers: 50,
      returningCustomers: 200, // the 10 who left in March were active in March
      newToExisting: 0.25,
      revenue: null,
      newRevenue: null,
      returningRevenue: null,
    });
    expect(report.periods[0]).toMatchObject({ S: 0, crr: null, churn: null, churnStripe: 0 });
    expect(report.customerCount).toBe(251);
    expect(report.repeat).toEqual({
      twoOrMore: null,
      within30: null,
      within90: null,
      within365: null,
    });
  });

  it('is plain JSON (no typed arrays, no NaN)', () => {
    fc.assert(
      fc.property(randomDataset, settingsChoices, (dataset, settings) => {
        const report = analyze(dataset, settings);
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      }),
      { numRuns: 40 },
    );
  });

  it('marks an incomplete last period and sums revenue with refunds', () => {
    const report = analyze(
      ordersDataset([
        { customer: 'a', day: '2024-01-10', amount: 50 },
        { customer: 'b', day: '2024-02-10', amount: 20 },
        { customer: 'a', day: '2024-03-05', amount: 30 },
        { customer: 'b', day: '2024-03-10', amount: -20, refund: true },
      ]),
      { unit: 'month' },
    );
    expect(report.periods.map((p) => [p.period, p.complete, p.revenue])).toEqual([
      ['2024-01', true, 50],
      ['2024-02', true, 20],
      ['2024-03', false, 10],
    ]);
    expect(report.periods[2]).toMatchObject({ S: 2, E: 2, N: 0, repeatRate: 0.5 });
    expect(report.dataLastDay).toBe(day('2024-03-10'));
  });

  it('gives one period for two lists and none for an empty dataset', () => {
    const lists = analyze(listsDataset(['a', 'b'], ['b', 'c']), { unit: 'week' });
    expect(lists.periods.map((p) => [p.period, p.S, p.E, p.N, p.lost, p.crr])).toEqual([
      ['', 2, 2, 1, 1, 0.5],
    ]);
    expect(lists.dataFirstDay).toBeNull();
    const empty = analyze(ordersDataset([]), { unit: 'month' });
    expect(empty.periods).toEqual([]);
    expect(empty.customerCount).toBe(0);
  });

  it('restricts the periods to a range', () => {
    const report = analyze(churnTableDataset(), {
      unit: 'month',
      range: { from: day('2024-02-15'), to: day('2024-03-01') },
    });
    expect(report.periods.map((p) => [p.period, p.S, p.E])).toEqual([
      ['2024-02', 200, 200],
      ['2024-03', 200, 237],
    ]);
  });

  it('normalizes W and refuses an inverted custom range without throwing', () => {
    const dataset = churnTableDataset();
    expect(analyze(dataset, { unit: 'month', windowDays: Number.NaN }).settings.windowDays).toBe(
      365,
    );
    expect(analyze(dataset, { unit: 'month', windowDays: 0 }).settings.windowDays).toBe(1);
    expect(analyze(dataset, { unit: 'month', windowDays: 30.9 }).settings.windowDays).toBe(30);
    const inverted = { from: day('2024-03-31'), to: day('2024-03-01') };
    expect(analyze(dataset, { unit: 'custom', range: inverted }).periods).toEqual([]);
    expect(analyze(dataset, { unit: 'custom' }).periods.map((p) => p.period)).toEqual([
      '2024-01-15/2024-04-30',
    ]);
  });

  it('produces explanations, customer lists and details on demand', () => {
    const dataset = ordersDataset([
      { customer: 'Ann', day: '2024-01-10', amount: 50, order: '1' },
      { customer: 'Bob', day: '2024-01-12', amount: 20, order: '2' },
      { customer: 'Ann', day: '2024-02-05', amount: 30, order: '3' },
      { customer: 'Ann', day: '2024-02-06', amount: -10, order: 'C4', refund: true },
      { customer: 'Cy', day: '2024-02-29', amount: 5, order: '5' },
    ]);
    const analysis = createAnalysis(dataset, { unit: 'month', windowDays: 20 });
    expect(analysis.customers(1, 'lost')).toEqual([1]);
    expect(analysis.customers(1, 'N')).toEqual([2]);
    expect(analysis.customers(9, 'S')).toEqual([]);
    expect(analysis.customerDetails([0, 1])).toEqual([
      {
        code: 0,
        key: 'Ann',
        firstDay: day('2024-01-10'),
        lastDay: day('2024-02-05'),
        purchases: 2,
        revenue: 70,
      },
      {
        code: 1,
        key: 'Bob',
        firstDay: day('2024-01-12'),
        lastDay: day('2024-01-12'),
        purchases: 1,
        revenue: 20,
      },
    ]);
    expect(analysis.explain('retention-rate', 1)?.result.value).toBe(
      analysis.report.periods[1].crr,
    );
    expect(analysis.explain('two-lists', 0)).toBeNull();
    expect(analysis.explain('retention-rate', 5)).toBeNull();
    expect(analysis.report.repeat.twoOrMore).toBe(1 / 3);
  });
});

describe('sweep and per-period classification agree', () => {
  it('on random datasets and settings', () => {
    fc.assert(
      fc.property(randomDataset, settingsChoices, (dataset, settings) => {
        const context = createContext(dataset, settings);
        const swept = sweepPeriods(context);
        swept.forEach((counts, p) => {
          const direct = classifyPeriod(context, p).counts;
          expect({ ...counts, revenue: 0, newRevenue: 0, returningRevenue: 0 }).toEqual({
            ...direct,
            revenue: 0,
            newRevenue: 0,
            returningRevenue: 0,
          });
          for (const key of ['revenue', 'newRevenue', 'returningRevenue'] as const) {
            if (direct[key] === null) expect(counts[key]).toBeNull();
            else expect(counts[key]).toBeCloseTo(direct[key] as number, 9);
          }
          // E splits into retained, new who stayed and reactivated; the next S is this E.
          expect(counts.E).toBe(
            counts.retained + counts.N - counts.joinedAndLeft + counts.reactivated,
          );
          if (p > 0) expect(counts.S).toBe(swept[p - 1].E);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('matches a brute-force reading of the definitions (orders)', () => {
    fc.assert(
      fc.property(randomOrders, fc.integer({ min: 1, max: 120 }), (dataset, w) => {
        const context = createContext(dataset, { unit: 'month', windowDays: w });
        const purchases = new Map<number, number[]>();
        for (let r = 0; r < dataset.rowCount; r++) {
          if (dataset.refund[r] === 1 || (dataset.amount?.[r] ?? 0) < 0) continue;
          const list = purchases.get(dataset.customer[r]) ?? [];
          list.push(dataset.day[r]);
          purchases.set(dataset.customer[r], list);
        }
        const active = (days: number[], t: number) => days.some((d) => d > t - w && d <= t);
        sweepPeriods(context).forEach((counts, p) => {
          const t0 = context.periods[p].first - 1;
          const t1 = context.periods[p].last;
          let S = 0;
          let E = 0;
          let N = 0;
          for (const days of purchases.values()) {
            if (active(days, t0)) S++;
            if (active(days, t1)) E++;
            const first = Math.min(...days);
            if (first > t0 && first <= t1) N++;
          }
          expect([counts.S, counts.E, counts.N]).toEqual([S, E, N]);
        });
      }),
      { numRuns: 100 },
    );
  });
});

/** 1,000,000 order rows of 100,000 customers over three years, built straight into columns. */
function bigOrders(): Dataset {
  const rows = 1_000_000;
  const customers = 100_000;
  const start = epochDay(2021, 1, 1);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const customer = new Int32Array(rows);
  const dayColumn = new Int32Array(rows);
  const amount = new Float64Array(rows);
  const order = new Int32Array(rows);
  const refund = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    customer[r] = Math.floor(random() * customers);
    dayColumn[r] = start + Math.floor(random() * 1095);
    const isRefund = random() < 0.02;
    amount[r] = isRefund ? -10 : 5 + random() * 100;
    refund[r] = isRefund ? 1 : 0;
    order[r] = Math.floor(r / 3);
  }
  return {
    kind: 'orders',
    rowCount: rows,
    customerKeys: Array.from({ length: customers }, (_, i) => `c${i}`),
    customer,
    day: dayColumn,
    endDay: null,
    amount,
    order,
    refund,
    list: null,
    sourceRow: new Int32Array(rows),
    categories: [],
  };
}

// Speed is measured by `npm run bench`, never asserted here: these machines are too noisy.
describe('a million rows', () => {
  it('analyzes 1,000,000 rows and 100,000 customers by month with periods that chain', () => {
    const report = analyze(bigOrders(), { unit: 'month' });
    expect(report.periods).toHaveLength(36);
    for (let p = 1; p < report.periods.length; p++) {
      expect(report.periods[p].S).toBe(report.periods[p - 1].E);
    }
    expect(report.dataLastDay).not.toBe(NO_DAY);
  });
});

/** Subscriptions with a recurring amount per row (make-dataset's helper has no amounts). */
function paidSubscriptions(
  rows: readonly { customer: string; start: string; end?: string; amount: number }[],
): Dataset {
  return { ...subscriptionsDataset(rows), amount: Float64Array.from(rows, (r) => r.amount) };
}

describe('revenue retention and lifetime value in the report', () => {
  /**
   * a pays €100 throughout; b downgrades €50 → €30 on 15 Feb; c (€40) leaves on 20 Feb; e (€25)
   * leaves on 20 Jan and returns on 5 Mar at €35; f is new on 12 Feb (€60); z starts on 31 Mar on
   * a free plan, so March is covered to its last day.
   */
  const subscriptions = paidSubscriptions([
    { customer: 'a', start: '2024-01-01', amount: 100 },
    { customer: 'b', start: '2024-01-01', end: '2024-02-15', amount: 50 },
    { customer: 'b', start: '2024-02-15', amount: 30 },
    { customer: 'c', start: '2024-01-01', end: '2024-02-20', amount: 40 },
    { customer: 'e', start: '2024-01-01', end: '2024-01-20', amount: 25 },
    { customer: 'e', start: '2024-03-05', amount: 35 },
    { customer: 'f', start: '2024-02-12', amount: 60 },
    { customer: 'z', start: '2024-03-31', amount: 0 },
  ]);

  it('gives the movements and rates per period (subscriptions)', () => {
    const report = analyze(subscriptions, { unit: 'month' });
    expect(report.revenueRetention).toEqual([
      {
        period: '2024-01',
        complete: true,
        startRevenue: 0,
        new: 190,
        expansion: 0,
        contraction: 0,
        churned: 0,
        reactivated: 0,
        endRevenue: 190,
        nrr: null,
        grr: null,
        quickRatio: null,
      },
      {
        period: '2024-02',
        complete: true,
        startRevenue: 190,
        new: 60,
        expansion: 0,
        contraction: 20,
        churned: 40,
        reactivated: 0,
        endRevenue: 190,
        nrr: 130 / 190,
        grr: 130 / 190,
        quickRatio: 1,
      },
      {
        period: '2024-03',
        complete: true,
        startRevenue: 190,
        new: 0,
        expansion: 0,
        contraction: 0,
        churned: 0,
        reactivated: 35,
        endRevenue: 225,
        nrr: 1,
        grr: 1,
        quickRatio: null,
      },
    ]);
  });

  it('gives the lifetime value as of the last complete month, with the margin of the settings', () => {
    // Months with customers: Feb (S = a, b, c; c lost) and Mar (S = a, b, f; nobody lost), so the
    // monthly churn is 1 ÷ 6. On 31 March MRR = 100 + 30 + 35 + 60 + 0 over 5 active = ARPA 45.
    const report = analyze(subscriptions, { unit: 'month' });
    expect(report.settings.margin).toBe(1);
    expect(report.lifetimeValue).toEqual({
      kind: 'subscriptions',
      first: day('2023-04-01'),
      last: day('2024-03-31'),
      averageRevenue: 45,
      margin: 1,
      purchasesPerYear: null,
      churn: 1 / 6,
      lifetime: 6,
      lifetimeUnit: 'month',
      ltv: 270,
    });
    const halved = createAnalysis(subscriptions, { unit: 'month', margin: 0.5 });
    expect(halved.report.settings.margin).toBe(0.5);
    expect(halved.report.lifetimeValue).toMatchObject({ margin: 0.5, ltv: 135 });
    expect(halved.explain('lifetime-value', 0)?.result.value).toBe(135);
    expect(halved.explain('average-lifetime', 0)?.result.value).toBe(6);
    expect(analyze(subscriptions, { unit: 'month', margin: 1.5 }).settings.margin).toBe(1);
    expect(analyze(subscriptions, { unit: 'month', margin: -1 }).settings.margin).toBe(0);
    expect(analyze(subscriptions, { unit: 'month', margin: Number.NaN }).settings.margin).toBe(1);
  });

  it('gives the orders figures: R0 from the previous period, LTV in years', () => {
    // 2024: a keeps buying for €50 (30 + 20), b (€40 in 2023) is gone, c is new with €10.
    const report = analyze(
      ordersDataset([
        { customer: 'a', day: '2023-01-10', amount: 50 },
        { customer: 'b', day: '2023-03-01', amount: 40 },
        { customer: 'a', day: '2024-01-15', amount: 30 },
        { customer: 'a', day: '2024-06-01', amount: 20 },
        { customer: 'c', day: '2024-12-31', amount: 10 },
      ]),
      { unit: 'year' },
    );
    expect(
      report.revenueRetention?.map((row) => [
        row.period,
        row.startRevenue,
        row.new,
        row.churned,
        row.nrr,
        row.grr,
        row.quickRatio,
      ]),
    ).toEqual([
      ['2023', 0, 90, 0, null, null, null],
      ['2024', 90, 10, 40, 50 / 90, 50 / 90, 0.25],
    ]);
    // The last year is 2 Jan – 31 Dec 2024: 3 purchases (€60) by 2 buyers; of a and b, active on
    // 1 Jan 2024 under W = 365, b is lost: yearly churn ½, lifetime 2 years, LTV 20 × 1.5 × 2.
    expect(report.lifetimeValue).toEqual({
      kind: 'orders',
      first: day('2024-01-02'),
      last: day('2024-12-31'),
      averageRevenue: 20,
      margin: null,
      purchasesPerYear: 1.5,
      churn: 0.5,
      lifetime: 2,
      lifetimeUnit: 'year',
      ltv: 60,
    });
  });

  it('has no money figures and no money explanations without amounts', () => {
    const withoutAmounts = createAnalysis(churnTableDataset(), { unit: 'month' });
    expect(withoutAmounts.report.revenueRetention).toBeNull();
    expect(withoutAmounts.report.lifetimeValue).toBeNull();
    expect(withoutAmounts.explain('net-revenue-retention', 2)).toBeNull();
    expect(withoutAmounts.explain('average-lifetime', 0)).toBeNull();
    const lists = analyze(listsDataset(['a', 'b'], ['b', 'c']), { unit: 'month' });
    expect([lists.revenueRetention, lists.lifetimeValue]).toEqual([null, null]);
    // An amount column but no rows: no periods, so no revenue rows, and no day to measure LTV on.
    const empty = analyze(
      { ...ordersDataset([{ customer: 'a', day: '2024-01-01', amount: 5 }]), rowCount: 0 },
      { unit: 'month' },
    );
    expect([empty.periods, empty.revenueRetention, empty.lifetimeValue]).toEqual([[], [], null]);
  });

  it('agrees with the worked examples, period by period, on random orders', () => {
    fc.assert(
      fc.property(randomOrders, settingsChoices, (dataset, settings) => {
        const analysis = createAnalysis(dataset, settings);
        const rows = analysis.report.revenueRetention;
        expect(rows?.map((row) => row.period)).toEqual(
          analysis.report.periods.map((row) => row.period),
        );
        rows?.forEach((row, p) => {
          expect(analysis.explain('net-revenue-retention', p)?.result.value).toBe(row.nrr);
          expect(analysis.explain('gross-revenue-retention', p)?.result.value).toBe(row.grr);
          expect(analysis.explain('revenue-quick-ratio', p)?.result.value).toBe(row.quickRatio);
          if (row.grr !== null) expect(row.grr).toBeLessThanOrEqual(1);
          expect(row.endRevenue).toBeCloseTo(
            row.startRevenue +
              row.new +
              row.expansion +
              row.reactivated -
              row.contraction -
              row.churned,
            9,
          );
        });
        const ltv = analysis.report.lifetimeValue;
        expect(analysis.explain('lifetime-value', 0)?.result.value).toBe(ltv?.ltv);
        expect(analysis.explain('average-lifetime', 0)?.result.value).toBe(ltv?.lifetime);
      }),
      { numRuns: 60 },
    );
  });
});
