/**
 * The cohort engine against a slow, literal reading of METRICS.md §7 on random datasets: per
 * customer a Set of the periods they bought in (orders), or a check of every row at every period's
 * last day (subscriptions). Spans of up to 500 days make weekly matrices wider than one 32-bit
 * word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import { isoDate, NO_DAY } from '../../../src/lib/core/model/days.ts';
import { periodEnd, periodLabel, periodOf } from '../../../src/lib/core/model/periods.ts';
import {
  cohortCustomers,
  cohortMatrix,
  type CohortSettings,
  type CohortUnit,
} from '../../../src/lib/core/metrics/cohort-matrix.ts';
import { day, ordersDataset, subscriptionsDataset } from './make-dataset.ts';

const base = day('2023-11-20');

function withChannel(dataset: Dataset, codes: readonly number[]): Dataset {
  return {
    ...dataset,
    categories: [{ name: 'channel', values: ['a', 'b', 'c'], codes: Int32Array.from(codes) }],
  };
}

const orders = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 12 }),
      offset: fc.integer({ min: 0, max: 500 }),
      amount: fc.integer({ min: -50, max: 200 }),
      refund: fc.boolean(),
      channel: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 80 },
  )
  .map((rows) =>
    withChannel(
      ordersDataset(
        rows.map((r) => ({
          customer: `c${r.customer}`,
          day: isoDate(base + r.offset),
          amount: r.amount,
          refund: r.refund,
        })),
      ),
      rows.map((r) => r.channel),
    ),
  );

const subscriptions = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 12 }),
      start: fc.integer({ min: 0, max: 500 }),
      length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
      amount: fc.integer({ min: 0, max: 100 }),
      channel: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 50 },
  )
  .map((rows) =>
    withChannel(
      {
        ...subscriptionsDataset(
          rows.map((r) => ({
            customer: `c${r.customer}`,
            start: isoDate(base + r.start),
            end: r.length === undefined ? undefined : isoDate(base + r.start + r.length),
          })),
        ),
        amount: Float64Array.from(rows, (r) => r.amount),
      },
      rows.map((r) => r.channel),
    ),
  );

const settings = fc.record({
  unit: fc.constantFrom<CohortUnit>('week', 'month', 'quarter', 'year'),
  refunds: fc.constantFrom<'include' | 'ignore'>('include', 'ignore'),
  value: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
});

interface ReferenceCohort {
  cohort: string;
  size: number;
  active: number[];
  rolling: number[];
  revenue: number[];
  complete: boolean[];
  members: number[];
}

/** Everything by definition, row by row and period by period. */
function reference(
  dataset: Dataset,
  unit: CohortUnit,
  refunds: 'include' | 'ignore',
  value: number | undefined,
): ReferenceCohort[] {
  const rows = Array.from({ length: dataset.rowCount }, (_, i) => i);
  const amount = (i: number) => dataset.amount?.[i] ?? 0;
  const isRefund = (i: number) =>
    dataset.kind === 'orders' && (dataset.refund[i] === 1 || amount(i) < 0);
  const end = (i: number) => dataset.endDay?.[i] ?? NO_DAY;
  const lastDay = Math.max(...rows.map((i) => Math.max(dataset.day[i], end(i))));
  // First purchase or start: earliest day, then earliest row.
  const first = new Map<number, number>();
  for (const i of rows) {
    if (isRefund(i)) continue;
    const c = dataset.customer[i];
    const seen = first.get(c);
    if (seen === undefined || dataset.day[i] < dataset.day[seen]) first.set(c, i);
  }
  if (first.size === 0) return [];
  const firstKey = Math.min(...[...first.values()].map((i) => periodOf(dataset.day[i], unit)));
  const lastKey = periodOf(lastDay, unit);
  const activeIn = (c: number, key: number): boolean => {
    if (dataset.kind === 'orders') {
      return rows.some(
        (i) => dataset.customer[i] === c && !isRefund(i) && periodOf(dataset.day[i], unit) === key,
      );
    }
    const t = periodEnd(key, unit);
    return rows.some(
      (i) => dataset.customer[i] === c && dataset.day[i] <= t && (end(i) === NO_DAY || end(i) > t),
    );
  };
  const revenueIn = (members: Set<number>, key: number): number => {
    let sum = 0;
    for (const i of rows) {
      if (!members.has(dataset.customer[i]) || (refunds === 'ignore' && isRefund(i))) continue;
      if (dataset.kind === 'orders') {
        if (periodOf(dataset.day[i], unit) === key) sum += amount(i);
      } else {
        const t = periodEnd(key, unit);
        if (dataset.day[i] <= t && (end(i) === NO_DAY || end(i) > t)) sum += amount(i);
      }
    }
    return sum;
  };
  const cohorts: ReferenceCohort[] = [];
  for (let key = firstKey; key <= lastKey; key++) {
    const members = [...first.entries()]
      .filter(([, i]) => periodOf(dataset.day[i], unit) === key)
      .filter(([, i]) => value === undefined || dataset.categories[0].codes[i] === value)
      .map(([c]) => c)
      .sort((a, b) => a - b);
    const set = new Set(members);
    const cohort: ReferenceCohort = {
      cohort: periodLabel(key, unit),
      size: members.length,
      active: [],
      rolling: [],
      revenue: [],
      complete: [],
      members,
    };
    for (let k = key; k <= lastKey; k++) {
      cohort.active.push(members.filter((c) => activeIn(c, k)).length);
      cohort.rolling.push(
        members.filter((c) =>
          Array.from({ length: lastKey - k + 1 }, (_, j) => activeIn(c, k + j)).some(Boolean),
        ).length,
      );
      cohort.revenue.push(revenueIn(set, k));
      cohort.complete.push(periodEnd(k, unit) <= lastDay);
    }
    cohorts.push(cohort);
  }
  return cohorts;
}

function check(dataset: Dataset, unit: CohortUnit, refunds: 'include' | 'ignore', value?: number) {
  const options: CohortSettings = {
    unit,
    refunds,
    breakdown: value === undefined ? undefined : { category: 0, value },
  };
  const report = cohortMatrix(dataset, options);
  const expected = reference(dataset, unit, refunds, value);
  expect(
    report.cohorts.map(({ cohort, size, active, rolling, revenue, complete }) => ({
      cohort,
      size,
      active,
      rolling,
      revenue,
      complete,
    })),
  ).toEqual(expected.map(({ members: _members, ...rest }) => rest));
  expected.forEach((cohort, index) => {
    expect(cohortCustomers(dataset, options, index)).toEqual(cohort.members);
  });
  // Pooled averages by definition.
  report.averageByAge.forEach((average, age) => {
    const observed = expected.filter((c) => c.size > 0 && c.complete[age] === true);
    const customers = observed.reduce((sum, c) => sum + c.size, 0);
    const count = observed.reduce((sum, c) => sum + c.active[age], 0);
    expect(average).toEqual({
      age,
      share: observed.length === 0 ? null : count / customers,
      cohorts: observed.length,
      customers,
      count,
    });
  });
}

describe('cohortMatrix against the definition on random data', () => {
  it('agrees on orders (refunds, filters, every unit)', () => {
    fc.assert(
      fc.property(orders, settings, (dataset, s) => check(dataset, s.unit, s.refunds, s.value)),
      { numRuns: 150 },
    );
  });

  it('agrees on subscriptions (every unit)', () => {
    fc.assert(
      fc.property(subscriptions, settings, (dataset, s) =>
        check(dataset, s.unit, s.refunds, s.value),
      ),
      { numRuns: 150 },
    );
  });
});
