import { describe, expect, it } from 'vitest';
import { rfmSummary } from '../../../src/lib/core/model-fit/rfm.ts';
import { day, ordersDataset } from '../metrics/make-dataset.ts';

describe('rfmSummary', () => {
  const dataset = ordersDataset([
    // a: two rows on the first day (one purchase), a refund, a repeat day with two rows,
    // a purchase on the calibration end day, and two holdout days (one with two rows).
    { customer: 'a', day: '2024-01-01', amount: 10 },
    { customer: 'a', day: '2024-01-01', amount: 5 },
    { customer: 'a', day: '2024-01-08', amount: -5, refund: true },
    { customer: 'a', day: '2024-01-15', amount: 20 },
    { customer: 'a', day: '2024-01-15', amount: 4 },
    { customer: 'a', day: '2024-01-29', amount: 12 },
    { customer: 'a', day: '2024-02-05', amount: 7 },
    { customer: 'a', day: '2024-02-05', amount: 1 },
    { customer: 'a', day: '2024-02-20', amount: 3 },
    // b: one purchase only; c: first purchase after the calibration end (left out);
    // d: only a refund (never a purchase, left out).
    { customer: 'b', day: '2024-01-22', amount: 40 },
    { customer: 'c', day: '2024-02-01', amount: 9 },
    { customer: 'd', day: '2024-01-03', amount: -9, refund: true },
  ]);
  const summary = rfmSummary(dataset, {
    calibrationEnd: day('2024-01-29'),
    holdoutEnd: day('2024-02-26'),
    unitDays: 7,
  });

  it('counts repeat purchase days, recency and age in units', () => {
    expect(Array.from(summary.customer, (c) => dataset.customerKeys[c])).toEqual(['a', 'b']);
    expect(Array.from(summary.frequency)).toEqual([2, 0]);
    expect(Array.from(summary.recency)).toEqual([4, 0]);
    expect(Array.from(summary.age)).toEqual([4, 1]);
    expect(Array.from(summary.firstDay)).toEqual([day('2024-01-01'), day('2024-01-22')]);
    expect(Array.from(summary.lastDay)).toEqual([day('2024-01-29'), day('2024-01-22')]);
  });

  it('averages the repeat days (first day excluded, rows of a day summed), 0 without repeats', () => {
    expect(Array.from(summary.monetary ?? [])).toEqual([(24 + 12) / 2, 0]);
  });

  it('counts distinct holdout purchase days', () => {
    expect(Array.from(summary.holdoutFrequency ?? [])).toEqual([2, 0]);
    expect(summary.holdoutLength).toBe(4);
  });

  it('has no holdout or monetary arrays when there is nothing to put in them', () => {
    const plain = rfmSummary(
      ordersDataset([
        { customer: 'a', day: '2024-01-01' },
        { customer: 'a', day: '2024-01-02' },
      ]),
      { calibrationEnd: day('2024-01-31'), unitDays: 1 },
    );
    expect(plain.monetary).toBeNull();
    expect(plain.holdoutFrequency).toBeNull();
    expect([plain.frequency[0], plain.recency[0], plain.age[0]]).toEqual([1, 1, 30]);
  });
});
