/**
 * Cohort matrices on small hand-made datasets, with every triangle written out as a literal
 * matrix (METRICS.md §7).
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import { NO_DAY } from '../../../src/lib/core/model/days.ts';
import {
  averageCohorts,
  cohortCustomers,
  cohortMatrix,
  compareBreakdown,
  type Cohort,
  type CohortReport,
} from '../../../src/lib/core/metrics/cohort-matrix.ts';
import {
  day,
  listsDataset,
  ordersDataset,
  subscriptionsDataset,
  type OrderRow,
} from './make-dataset.ts';

/** The triangle of one field, one row per cohort. */
const matrix = (report: CohortReport, field: 'active' | 'rolling' | 'revenue' | 'complete') =>
  report.cohorts.map((c) => c[field]);
const labels = (report: CohortReport) => report.cohorts.map((c) => c.cohort);
const sizes = (report: CohortReport) => report.cohorts.map((c) => c.size);
const shares = (averages: CohortReport['averageByAge']) => averages.map((a) => a.share);

/** Adds one categorical column, with one value per row (codes by first appearance). */
function withCategory(dataset: Dataset, name: string, rowValues: readonly string[]): Dataset {
  const values: string[] = [];
  const codes = Int32Array.from(rowValues, (v) => {
    if (!values.includes(v)) values.push(v);
    return values.indexOf(v);
  });
  return { ...dataset, categories: [{ name, values, codes }] };
}

// Four complete months. Cohorts: 2024-01 {a, b, c}, 2024-02 {d, e}, 2024-03 {}, 2024-04 {f}.
const shopRows: OrderRow[] = [
  { customer: 'a', day: '2024-01-05', amount: 100 },
  { customer: 'a', day: '2024-01-20', amount: 50 },
  { customer: 'a', day: '2024-03-10', amount: 30 },
  { customer: 'b', day: '2024-01-15', amount: 200 },
  { customer: 'b', day: '2024-02-03', amount: 20 },
  { customer: 'c', day: '2024-01-31', amount: 10 },
  { customer: 'c', day: '2024-04-30', amount: 40 },
  { customer: 'd', day: '2024-02-10', amount: 70 },
  { customer: 'd', day: '2024-04-01', amount: 25 },
  { customer: 'e', day: '2024-02-28', amount: 5 },
  { customer: 'f', day: '2024-04-15', amount: 60 },
];
const shop = ordersDataset(shopRows);

describe('cohortMatrix on orders, monthly', () => {
  const report = cohortMatrix(shop, { unit: 'month' });

  it('labels the cohorts like the periods and keeps empty periods as empty cohorts', () => {
    expect(labels(report)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(sizes(report)).toEqual([3, 2, 0, 1]);
    expect(report.cohorts[0]).toMatchObject({
      key: 2024 * 12,
      periodIndex: 0,
      first: day('2024-01-01'),
      last: day('2024-01-31'),
      segment: null,
    });
    expect(report.cohorts[3].periodIndex).toBe(3);
    expect(report.periods.map((p) => p.label)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
    ]);
    expect(report.dataFirstDay).toBe(day('2024-01-05'));
    expect(report.dataLastDay).toBe(day('2024-04-30'));
    expect(report.revenueBasis).toBe('period');
  });

  it('counts the classic triangle: bought in period c + k', () => {
    expect(matrix(report, 'active')).toEqual([[3, 1, 1, 1], [2, 0, 1], [0, 0], [1]]);
  });

  it('counts the rolling triangle: bought in c + k or later', () => {
    expect(matrix(report, 'rolling')).toEqual([[3, 3, 2, 1], [2, 1, 1], [0, 0], [1]]);
  });

  it('sums the revenue triangle', () => {
    expect(matrix(report, 'revenue')).toEqual([[360, 20, 30, 40], [75, 0, 25], [0, 0], [60]]);
  });

  it('marks every cell complete when the data runs to the last day of the last month', () => {
    expect(matrix(report, 'complete')).toEqual([
      [true, true, true, true],
      [true, true, true],
      [true, true],
      [true],
    ]);
  });

  it('averages per age, pooled and simple, over the non-empty cohorts', () => {
    expect(shares(report.averageByAge)).toEqual([1, 1 / 5, 2 / 5, 1 / 3]);
    expect(report.averageByAge.map((a) => [a.cohorts, a.customers, a.count])).toEqual([
      [3, 6, 6],
      [2, 5, 1],
      [2, 5, 2],
      [1, 3, 1],
    ]);
    expect(shares(report.simpleAverageByAge)).toEqual([
      1,
      (1 / 3 + 0) / 2,
      (1 / 3 + 1 / 2) / 2,
      1 / 3,
    ]);
  });

  it('averages the rolling view when asked', () => {
    const rolling = cohortMatrix(shop, { unit: 'month', view: 'rolling' });
    expect(rolling.view).toBe('rolling');
    expect(shares(rolling.averageByAge)).toEqual([1, 4 / 5, 3 / 5, 1 / 3]);
  });

  it('lists the customers behind a cell', () => {
    const keys = (codes: number[]) => codes.map((c) => shop.customerKeys[c]);
    expect(keys(cohortCustomers(shop, { unit: 'month' }, 0))).toEqual(['a', 'b', 'c']);
    expect(keys(cohortCustomers(shop, { unit: 'month' }, 0, 1))).toEqual(['b']);
    expect(keys(cohortCustomers(shop, { unit: 'month' }, 0, 3))).toEqual(['c']);
    expect(keys(cohortCustomers(shop, { unit: 'month' }, 1, 2))).toEqual(['d']);
    expect(keys(cohortCustomers(shop, { unit: 'month', view: 'rolling' }, 0, 2))).toEqual([
      'a',
      'c',
    ]);
    expect(cohortCustomers(shop, { unit: 'month' }, 2, 0)).toEqual([]);
    expect(cohortCustomers(shop, { unit: 'month' }, 1, 3)).toEqual([]);
    expect(cohortCustomers(shop, { unit: 'month' }, 4, 0)).toEqual([]);
    expect(cohortCustomers(shop, { unit: 'month' }, -1)).toEqual([]);
  });
});

describe('cohortMatrix with other units', () => {
  it('makes quarterly cohorts', () => {
    const report = cohortMatrix(shop, { unit: 'quarter' });
    expect(labels(report)).toEqual(['2024-Q1', '2024-Q2']);
    expect(sizes(report)).toEqual([5, 1]);
    expect(matrix(report, 'active')).toEqual([[5, 2], [1]]);
    expect(matrix(report, 'revenue')).toEqual([[485, 65], [60]]);
    // 2024-Q2 ends on 30 June, the data on 30 April.
    expect(matrix(report, 'complete')).toEqual([[true, false], [false]]);
  });

  it('makes yearly cohorts', () => {
    const report = cohortMatrix(shop, { unit: 'year' });
    expect(labels(report)).toEqual(['2024']);
    expect(matrix(report, 'active')).toEqual([[6]]);
    expect(report.cohorts[0]).toMatchObject({ first: day('2024-01-01'), last: day('2024-12-31') });
    expect(shares(report.averageByAge)).toEqual([null]);
  });

  it('makes ISO-week cohorts across a year boundary (2020 has 53 weeks)', () => {
    const weeks = ordersDataset([
      { customer: 'a', day: '2020-12-29' }, // Tuesday of 2020-W53
      { customer: 'a', day: '2021-01-03' }, // Sunday, still 2020-W53
      { customer: 'a', day: '2021-01-05' }, // 2021-W01
      { customer: 'b', day: '2021-01-02' }, // 2020-W53
      { customer: 'b', day: '2021-01-12' }, // 2021-W02
      { customer: 'c', day: '2021-01-04' }, // Monday of 2021-W01
      { customer: 'c', day: '2021-01-17' }, // Sunday of 2021-W02: the data ends with the week
    ]);
    const report = cohortMatrix(weeks, { unit: 'week' });
    expect(labels(report)).toEqual(['2020-W53', '2021-W01', '2021-W02']);
    expect(sizes(report)).toEqual([2, 1, 0]);
    expect(report.cohorts[0]).toMatchObject({ first: day('2020-12-28'), last: day('2021-01-03') });
    expect(matrix(report, 'active')).toEqual([[2, 1, 1], [1, 1], [0]]);
    expect(matrix(report, 'rolling')).toEqual([[2, 2, 1], [1, 1], [0]]);
    expect(matrix(report, 'complete')).toEqual([[true, true, true], [true, true], [true]]);
    expect(matrix(report, 'revenue')).toEqual([null, null, null]);
    expect(report.revenueBasis).toBeNull();
  });

  it('counts purchases more than 32 periods apart (several bitset words)', () => {
    const weekly = ordersDataset([
      { customer: 'x', day: '2024-01-01' },
      { customer: 'x', day: '2024-08-05' }, // 31 weeks later
      { customer: 'x', day: '2024-08-12' }, // 32
      { customer: 'x', day: '2025-04-28' }, // 69
      { customer: 'y', day: '2025-05-04' }, // Sunday of week 69: the data ends with it
    ]);
    const x = cohortMatrix(weekly, { unit: 'week' }).cohorts[0];
    expect(x.active.length).toBe(70);
    const activeAges = x.active.flatMap((count, age) => (count > 0 ? [age] : []));
    expect(activeAges).toEqual([0, 31, 32, 69]);
    expect(x.rolling.every((count) => count === 1)).toBe(true);
    expect(cohortCustomers(weekly, { unit: 'week' }, 0, 69)).toEqual([0]);
  });
});

describe('incomplete periods', () => {
  // The data ends on 15 March: March is shown but marked, and never averaged in.
  const partial = ordersDataset([
    { customer: 'a', day: '2024-01-10' },
    { customer: 'a', day: '2024-02-10' },
    { customer: 'a', day: '2024-03-05' },
    { customer: 'b', day: '2024-01-20' },
    { customer: 'b', day: '2024-03-15' },
    { customer: 'c', day: '2024-02-05' },
    { customer: 'c', day: '2024-03-01' },
  ]);
  const report = cohortMatrix(partial, { unit: 'month' });

  it('shows the cells of the last, partial period and marks them', () => {
    expect(sizes(report)).toEqual([2, 1, 0]);
    expect(matrix(report, 'active')).toEqual([[2, 1, 2], [1, 1], [0]]);
    expect(matrix(report, 'complete')).toEqual([[true, true, false], [true, false], [false]]);
    expect(report.periods.map((p) => [p.label, p.complete])).toEqual([
      ['2024-01', true],
      ['2024-02', true],
      ['2024-03', false],
    ]);
  });

  it('averages each age only over the cohorts that fully observed it', () => {
    expect(report.averageByAge).toEqual([
      { age: 0, share: 1, cohorts: 2, customers: 3, count: 3 },
      { age: 1, share: 0.5, cohorts: 1, customers: 2, count: 1 },
      { age: 2, share: null, cohorts: 0, customers: 0, count: 0 },
    ]);
    expect(shares(report.simpleAverageByAge)).toEqual([1, 0.5, null]);
  });
});

describe('pooled versus simple average (Mixpanel: 1000 → 500 and 500 → 400)', () => {
  const rows: OrderRow[] = [];
  for (let i = 0; i < 1000; i++) {
    rows.push({ customer: `j${i}`, day: '2024-01-10' });
    if (i < 500) rows.push({ customer: `j${i}`, day: '2024-02-10' });
  }
  for (let i = 0; i < 500; i++) {
    rows.push({ customer: `f${i}`, day: '2024-02-15' });
    if (i < 400) rows.push({ customer: `f${i}`, day: '2024-03-15' });
  }
  rows.push({ customer: 'late', day: '2024-03-31' });
  const report = cohortMatrix(ordersDataset(rows), { unit: 'month' });

  it('builds the two cohorts', () => {
    expect(sizes(report)).toEqual([1000, 500, 1]);
    expect(matrix(report, 'active')).toEqual([[1000, 500, 0], [500, 400], [1]]);
  });

  it('gives pooled 60 % and simple 65 % at age 1', () => {
    expect(report.averageByAge[1]).toEqual({
      age: 1,
      share: 0.6,
      cohorts: 2,
      customers: 1500,
      count: 900,
    });
    expect(report.simpleAverageByAge[1].share).toBeCloseTo(0.65, 12);
  });

  it('computes the same from cohort rows alone', () => {
    const row = (size: number, active: number[]): Cohort => ({
      cohort: '',
      key: 0,
      periodIndex: 0,
      segment: null,
      first: 0,
      last: 0,
      size,
      active,
      rolling: active,
      revenue: null,
      complete: active.map(() => true),
    });
    const { pooled, simple } = averageCohorts([row(1000, [1000, 500]), row(500, [500, 400])]);
    expect(shares(pooled)).toEqual([1, 0.6]);
    expect(simple[1].share).toBeCloseTo(0.65, 12);
  });
});

describe('subscriptions: still active at the end of the period', () => {
  const base = subscriptionsDataset([
    { customer: 's1', start: '2024-01-10' },
    { customer: 's2', start: '2024-01-20', end: '2024-01-25' }, // joined and left in January
    { customer: 's3', start: '2024-01-05', end: '2024-02-29' }, // ends on the last day of Feb
    { customer: 's4', start: '2024-02-10', end: '2024-03-01' },
    { customer: 's5', start: '2024-01-15', end: '2024-02-01' },
    { customer: 's5', start: '2024-03-10' }, // comes back
    { customer: 's6', start: '2024-03-31' },
  ]);
  const members: Dataset = { ...base, amount: Float64Array.from([10, 20, 30, 40, 50, 60, 70]) };
  const report = cohortMatrix(members, { unit: 'month' });

  it('counts who is active on the last day of each period', () => {
    expect(labels(report)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(sizes(report)).toEqual([4, 1, 1]);
    expect(matrix(report, 'active')).toEqual([[3, 1, 2], [1, 0], [1]]);
    expect(matrix(report, 'rolling')).toEqual([[3, 2, 2], [1, 0], [1]]);
    expect(matrix(report, 'complete')).toEqual([[true, true, true], [true, true], [true]]);
  });

  it('sums the recurring amounts active at the end of each period', () => {
    expect(report.revenueBasis).toBe('recurring-at-end');
    expect(matrix(report, 'revenue')).toEqual([[90, 10, 70], [40, 0], [70]]);
  });

  it('lists who is active at the end of a period', () => {
    const keys = cohortCustomers(members, { unit: 'month' }, 0, 2).map((c) => base.customerKeys[c]);
    expect(keys).toEqual(['s1', 's5']);
  });

  it('extends the data to an announced cancellation, as activity.ts does', () => {
    const announced = subscriptionsDataset([
      { customer: 'a', start: '2024-01-10', end: '2024-03-15' },
      { customer: 'b', start: '2024-02-10' },
    ]);
    const r = cohortMatrix(announced, { unit: 'month' });
    expect(r.dataLastDay).toBe(day('2024-03-15'));
    expect(matrix(r, 'active')).toEqual([[1, 1, 0], [1, 1], [0]]);
    expect(matrix(r, 'complete')).toEqual([[true, true, false], [true, false], [false]]);
  });
});

describe('refunds', () => {
  const rows: OrderRow[] = [
    { customer: 'a', day: '2024-01-05', amount: 100, order: 'o1' },
    { customer: 'a', day: '2024-02-10', amount: -100, order: 'C1', refund: true },
    { customer: 'b', day: '2024-01-10', amount: -20, order: 'C2', refund: true }, // before b's first
    { customer: 'b', day: '2024-02-01', amount: 50, order: 'o2' },
    { customer: 'c', day: '2024-01-15', amount: -30, order: 'C3', refund: true }, // only a refund
    { customer: 'd', day: '2024-01-20', amount: 40, order: 'o3' },
    { customer: 'd', day: '2024-02-29', amount: 10, order: 'o4' },
    { customer: 'e', day: '2024-01-25', amount: 10, order: 'o5' },
    { customer: 'e', day: '2024-02-05', amount: -5, order: 'o6' }, // negative, not flagged
  ];
  const shopWithRefunds = ordersDataset(rows);

  it('never counts a refund as activity or as a first purchase', () => {
    const report = cohortMatrix(shopWithRefunds, { unit: 'month' });
    expect(sizes(report)).toEqual([3, 1]);
    expect(matrix(report, 'active')).toEqual([[3, 1], [1]]);
    expect(matrix(report, 'rolling')).toEqual([[3, 1], [1]]);
    const keys = cohortCustomers(shopWithRefunds, { unit: 'month' }, 0).map(
      (c) => shopWithRefunds.customerKeys[c],
    );
    expect(keys).toEqual(['a', 'd', 'e']);
  });

  it('lets refunds reduce revenue by default', () => {
    const report = cohortMatrix(shopWithRefunds, { unit: 'month' });
    expect(report.refunds).toBe('include');
    expect(matrix(report, 'revenue')).toEqual([[150, -95], [50]]);
  });

  it('drops their money with refunds ignored, and the activity stays the same', () => {
    const report = cohortMatrix(shopWithRefunds, { unit: 'month', refunds: 'ignore' });
    expect(report.refunds).toBe('ignore');
    expect(matrix(report, 'revenue')).toEqual([[150, 10], [50]]);
    expect(matrix(report, 'active')).toEqual([[3, 1], [1]]);
  });
});

describe('breakdown by acquisition value', () => {
  // Rows are not in date order: a's February row comes first in the file.
  const channels = withCategory(
    ordersDataset([
      { customer: 'a', day: '2024-02-05' },
      { customer: 'a', day: '2024-01-05' },
      { customer: 'b', day: '2024-01-10' },
      { customer: 'b', day: '2024-02-10' },
      { customer: 'c', day: '2024-01-20' },
      { customer: 'c', day: '2024-01-20' }, // same day: the first row in the file decides
      { customer: 'd', day: '2024-02-15' },
      { customer: 'e', day: '2024-02-20' },
      { customer: 'e', day: '2024-02-29' },
    ]),
    'channel',
    ['email', 'ads', 'email', 'ads', 'ads', 'email', 'email', 'ads', 'ads'],
  );
  const EMAIL = 0;
  const ADS = 1;

  it('filters the cohorts to the customers acquired through one value', () => {
    const ads = cohortMatrix(channels, { unit: 'month', breakdown: { category: 0, value: ADS } });
    expect(ads.breakdown).toEqual({ category: 0, name: 'channel', value: ADS });
    expect(labels(ads)).toEqual(['2024-01', '2024-02']);
    expect(sizes(ads)).toEqual([2, 1]);
    expect(matrix(ads, 'active')).toEqual([[2, 1], [1]]);
    expect(ads.cohorts[0].segment).toEqual({ value: ADS, label: 'ads' });
    const members = cohortCustomers(
      channels,
      { unit: 'month', breakdown: { category: 0, value: ADS } },
      0,
    );
    expect(members.map((c) => channels.customerKeys[c])).toEqual(['a', 'c']);

    const email = cohortMatrix(channels, {
      unit: 'month',
      breakdown: { category: 0, value: EMAIL },
    });
    expect(sizes(email)).toEqual([1, 1]);
    expect(matrix(email, 'active')).toEqual([[1, 1], [1]]);
  });

  it('keeps the periods of the whole data when a value acquires nobody in the first one', () => {
    const none = cohortMatrix(channels, { unit: 'month', breakdown: { category: 0, value: 7 } });
    expect(labels(none)).toEqual(['2024-01', '2024-02']);
    expect(sizes(none)).toEqual([0, 0]);
    expect(shares(none.averageByAge)).toEqual([null, null]);
  });

  it('splits every period by value when no value is chosen', () => {
    const split = cohortMatrix(channels, { unit: 'month', breakdown: { category: 0 } });
    expect(split.cohorts.map((c) => [c.cohort, c.segment?.label, c.size])).toEqual([
      ['2024-01', 'email', 1],
      ['2024-01', 'ads', 2],
      ['2024-02', 'email', 1],
      ['2024-02', 'ads', 1],
    ]);
    expect(matrix(split, 'active')).toEqual([[1, 1], [2, 1], [1], [1]]);
    expect(split.cohorts.map((c) => c.periodIndex)).toEqual([0, 0, 1, 1]);
    // Pooled, the split changes nothing; the simple mean is over the four cohorts.
    expect(shares(split.averageByAge)).toEqual([1, 2 / 3]);
    expect(shares(split.simpleAverageByAge)).toEqual([1, (1 + 0.5) / 2]);
  });

  it('ignores a category that does not exist, and says so', () => {
    const report = cohortMatrix(channels, { unit: 'month', breakdown: { category: 3, value: 0 } });
    expect(report.breakdown).toBeNull();
    expect(sizes(report)).toEqual([3, 2]);
  });

  it('draws one average curve per value, most customers first', () => {
    const comparison = compareBreakdown(channels, { unit: 'month' }, 0);
    expect(comparison).not.toBeNull();
    expect(comparison?.name).toBe('channel');
    expect(
      comparison?.curves.map((c) => [c.label, c.value, c.customers, shares(c.averageByAge)]),
    ).toEqual([
      ['ads', ADS, 3, [1, 1 / 2]],
      ['email', EMAIL, 2, [1, 1]],
    ]);
    expect(comparison?.curves[0].averageByAge[1]).toEqual({
      age: 1,
      share: 0.5,
      cohorts: 1,
      customers: 2,
      count: 1,
    });
    expect(compareBreakdown(channels, { unit: 'month' }, 1)).toBeNull();
  });
});

describe('data without cohorts', () => {
  it('gives none for two lists', () => {
    const report = cohortMatrix(listsDataset(['a', 'b'], ['b']), { unit: 'month' });
    expect(report.cohorts).toEqual([]);
    expect(report.periods).toEqual([]);
    expect(report.averageByAge).toEqual([]);
    expect(report.dataLastDay).toBe(NO_DAY);
  });

  it('gives none for an empty dataset or one with only refunds', () => {
    expect(cohortMatrix(ordersDataset([]), { unit: 'week' }).cohorts).toEqual([]);
    const refundsOnly = ordersDataset([{ customer: 'a', day: '2024-01-01', amount: -5 }]);
    expect(cohortMatrix(refundsOnly, { unit: 'month' }).cohorts).toEqual([]);
    expect(cohortCustomers(refundsOnly, { unit: 'month' }, 0)).toEqual([]);
  });
});
