import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalysis } from '../../src/lib/core/analyze.ts';
import { createContext, type AnalysisSettings } from '../../src/lib/core/metrics/context.ts';
import { classifyPeriod, sweepPeriods } from '../../src/lib/core/metrics/period-counts.ts';
import type { Dataset } from '../../src/lib/core/model/dataset.ts';
import { epochDay, NO_DAY } from '../../src/lib/core/model/days.ts';
import { churnTableDataset, day, listsDataset, ordersDataset } from './metrics/make-dataset.ts';
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
