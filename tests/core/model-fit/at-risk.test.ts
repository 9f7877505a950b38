import { describe, expect, it } from 'vitest';
import { lowProbabilityAlive, overdueCustomers } from '../../../src/lib/core/model-fit/at-risk.ts';
import { rfmSummary } from '../../../src/lib/core/model-fit/rfm.ts';
import { day, ordersDataset } from '../metrics/make-dataset.ts';

describe('overdueCustomers', () => {
  // a: days 0, 10, 30 (gaps 10, 20 → median 15; overdue after 30 days of silence).
  // b: richer, weekly, silent 3 weeks; c: only two purchase days (no rhythm yet);
  // d: three rows on two days plus a refund (a refund is not a purchase).
  const dataset = ordersDataset([
    { customer: 'a', day: '2024-01-01', amount: 10 },
    { customer: 'a', day: '2024-01-11', amount: 10 },
    { customer: 'a', day: '2024-01-31', amount: 10 },
    { customer: 'b', day: '2024-02-01', amount: 100 },
    { customer: 'b', day: '2024-02-08', amount: 100 },
    { customer: 'b', day: '2024-02-15', amount: 100 },
    { customer: 'c', day: '2024-01-01', amount: 500 },
    { customer: 'c', day: '2024-01-02', amount: 500 },
    { customer: 'd', day: '2024-01-01', amount: 5 },
    { customer: 'd', day: '2024-01-01', amount: 5 },
    { customer: 'd', day: '2024-01-05', amount: 5 },
    { customer: 'd', day: '2024-01-09', amount: -5, refund: true },
  ]);
  const keys = (list: { customer: number }[]) => list.map((c) => dataset.customerKeys[c.customer]);

  it('flags silence longer than twice the median gap, strictly', () => {
    // b (median gap 7): 14 days silent is not overdue, 15 is. a (median 15): 30 is not, 31 is.
    expect(keys(overdueCustomers(dataset, day('2024-02-29')))).toEqual([]);
    expect(keys(overdueCustomers(dataset, day('2024-03-01')))).toEqual(['b']);
    expect(keys(overdueCustomers(dataset, day('2024-03-02')))).toEqual(['b', 'a']);
  });

  it('sorts by past revenue and explains each entry', () => {
    const [b, a] = overdueCustomers(dataset, day('2024-03-10'));
    expect(b).toEqual({
      customer: 1,
      purchases: 3,
      lastDay: day('2024-02-15'),
      medianGapDays: 7,
      daysSinceLast: 24,
      pastRevenue: 300,
    });
    expect(a.medianGapDays).toBe(15);
  });

  it('ignores purchases after the as-of day and needs 3 purchase days', () => {
    // As of 2024-01-20, a has only 2 purchase days; d has 2 (the refund is not one).
    expect(overdueCustomers(dataset, day('2024-01-20'))).toEqual([]);
  });
});

describe('lowProbabilityAlive', () => {
  it('lists repeat buyers below the threshold, most valuable first, never one-time buyers', () => {
    const dataset = ordersDataset([
      { customer: 'gone', day: '2024-01-01', amount: 10 },
      { customer: 'gone', day: '2024-01-08', amount: 10 },
      { customer: 'gone', day: '2024-01-15', amount: 10 },
      { customer: 'big', day: '2024-01-01', amount: 90 },
      { customer: 'big', day: '2024-01-03', amount: 90 },
      { customer: 'busy', day: '2024-01-01', amount: 10 },
      { customer: 'busy', day: '2024-12-20', amount: 10 },
      { customer: 'once', day: '2024-01-01', amount: 1000 },
    ]);
    const summary = rfmSummary(dataset, { calibrationEnd: day('2024-12-31'), unitDays: 7 });
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const list = lowProbabilityAlive(params, summary, dataset);
    expect(list.map((c) => dataset.customerKeys[c.customer])).toEqual(['big', 'gone']);
    expect(list[0].pastRevenue).toBe(180);
    expect(list.every((c) => c.probabilityAlive < 0.5)).toBe(true);
    expect(lowProbabilityAlive(params, summary, dataset, 0)).toEqual([]);
  });
});
