import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/lib/core/metrics/context.ts';
import { compute, computeExact, explain } from '../../../src/lib/core/metrics/retention-rate.ts';
import { classifyPeriod } from '../../../src/lib/core/metrics/period-counts.ts';
import { churnTableDataset, ordersDataset, subscriptionsDataset } from './make-dataset.ts';

const monthIndex = (context: ReturnType<typeof createContext>, label: string) =>
  context.periods.findIndex((p) => p.label === label);

describe('retention rate on METRICS.md §4 data (S 200, N 50, E 237)', () => {
  const context = createContext(churnTableDataset(), { unit: 'month' });
  const march = monthIndex(context, '2024-03');

  it('counts S, E, N and the lost at t0 = 29 Feb and t1 = 31 Mar', () => {
    const { counts } = classifyPeriod(context, march);
    expect(counts).toMatchObject({
      S: 200,
      E: 237,
      N: 50,
      retained: 190,
      lost: 10,
      joinedAndLeft: 3,
      reactivated: 0,
    });
  });

  it('gives CRR (237 − 50) / 200 = 0.935 and exact retention 190 / 200 = 0.95', () => {
    expect(compute(context, march)).toBe(0.935);
    expect(computeExact(context, march)).toBe(0.95);
  });

  it('explains with the customers behind each term and a joined-and-left note', () => {
    const e = explain(context, march);
    expect(e.metric).toBe('retention-rate');
    expect(e.result).toEqual({ value: 0.935, kind: 'ratio' });
    expect(e.steps.map((s) => s.value)).toEqual([187, 0.935]);
    expect(e.terms.S.value).toBe(200);
    expect(e.terms.N.customers?.length).toBe(50);
    const keys = (codes: readonly number[] | null | undefined) =>
      (codes ?? []).map((c) => context.dataset.customerKeys[c]);
    expect(keys(e.terms.lost.customers)).toEqual(Array.from({ length: 10 }, (_, i) => `s${i}`));
    expect(e.notes).toContainEqual({
      code: 'joined-and-left',
      count: 3,
      customers: e.terms.joinedAndLeft.customers,
    });
    expect(keys(e.terms.joinedAndLeft.customers)).toEqual(['n0', 'n1', 'n2']);
    expect(e.definitions.period).toMatchObject({ label: '2024-03', complete: true });
    expect(e.definitions.period?.t0).toBe(e.definitions.period!.first - 1);
    expect(e.definitions.windowDays).toBeNull();
  });
});

describe('edge cases', () => {
  it('gives no rate when S = 0 (the first period), never NaN', () => {
    const context = createContext(churnTableDataset(), { unit: 'month' });
    expect(context.periods[0].label).toBe('2024-01');
    expect(compute(context, 0)).toBeNull();
    expect(computeExact(context, 0)).toBeNull();
    const e = explain(context, 0);
    expect(e.result.value).toBeNull();
    expect(e.notes).toContainEqual({ code: 'no-start-customers' });
  });

  it('gives 0 when everybody is lost', () => {
    const context = createContext(
      subscriptionsDataset([
        { customer: 'a', start: '2024-01-01', end: '2024-02-10' },
        { customer: 'b', start: '2024-01-05', end: '2024-02-29' },
        { customer: 'c', start: '2024-01-09', end: '2024-02-02' },
      ]),
      { unit: 'month' },
    );
    const feb = monthIndex(context, '2024-02');
    expect(classifyPeriod(context, feb).counts).toMatchObject({ S: 3, E: 0, N: 0, lost: 3 });
    expect(compute(context, feb)).toBe(0);
    expect(computeExact(context, feb)).toBe(0);
    expect(context.periods[feb].complete).toBe(true); // the data reaches 29 Feb
  });

  it('shows a new customer who leaves within the period as CRR below exact retention', () => {
    const context = createContext(
      subscriptionsDataset([
        { customer: 'a', start: '2024-01-01' },
        { customer: 'b', start: '2024-01-01' },
        { customer: 'c', start: '2024-01-01' },
        { customer: 'd', start: '2024-01-01' },
        { customer: 'n', start: '2024-03-05', end: '2024-03-25' },
        { customer: 'z', start: '2024-04-01' },
      ]),
      { unit: 'month' },
    );
    const march = monthIndex(context, '2024-03');
    expect(compute(context, march)).toBe(0.75);
    expect(computeExact(context, march)).toBe(1);
    const e = explain(context, march);
    expect(e.notes).toEqual([
      { code: 'joined-and-left', count: 1, customers: [4] },
      { code: 'crr-differs-from-exact', value: -0.25 },
    ]);
  });

  it('lets reactivated customers push CRR above 100 % (orders, W = 30)', () => {
    const context = createContext(
      ordersDataset([
        { customer: 'a', day: '2024-01-10' },
        { customer: 'a', day: '2024-03-15' }, // silent for more than W days: reactivated
        { customer: 'b', day: '2024-02-20' },
        { customer: 'b', day: '2024-03-20' },
        { customer: 'z', day: '2024-03-31' },
      ]),
      { unit: 'month', windowDays: 30 },
    );
    const march = monthIndex(context, '2024-03');
    expect(classifyPeriod(context, march).counts).toMatchObject({
      S: 1,
      E: 3,
      N: 1,
      reactivated: 1,
      retained: 1,
    });
    expect(compute(context, march)).toBe(2);
    expect(computeExact(context, march)).toBe(1);
    const e = explain(context, march);
    expect(e.notes).toContainEqual({ code: 'reactivated-above-100', count: 1, customers: [0] });
    expect(e.definitions.windowDays).toBe(30);
    expect(e.definitions.refunds).toBe('include');
  });

  it('counts a customer whose first purchase is on the first day of the period as new, not S', () => {
    const context = createContext(
      ordersDataset([
        { customer: 'a', day: '2024-03-01' },
        { customer: 'b', day: '2024-02-29' },
        { customer: 'b', day: '2024-03-31' },
      ]),
      { unit: 'month' },
    );
    const march = monthIndex(context, '2024-03');
    expect(classifyPeriod(context, march).counts).toMatchObject({ S: 1, E: 2, N: 1 });
    expect(compute(context, march)).toBe(1);
  });

  it('marks an incomplete last period', () => {
    const context = createContext(
      ordersDataset([
        { customer: 'a', day: '2024-01-10' },
        { customer: 'a', day: '2024-03-10' },
      ]),
      { unit: 'month' },
    );
    expect(context.periods.map((p) => p.complete)).toEqual([true, true, false]);
    expect(explain(context, 2).notes).toContainEqual({ code: 'incomplete-period' });
    expect(explain(context, 1).notes).not.toContainEqual({ code: 'incomplete-period' });
  });
});
