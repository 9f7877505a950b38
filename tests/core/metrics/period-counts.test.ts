/**
 * The period sweep against the per-period classification where the sweep has its own paths: a
 * range that starts after the data (customers already active at the first moment), a custom
 * period, daily periods, and the day → period look-up table behind both.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createContext,
  periodIndexOf,
  PeriodIndexer,
  type AnalysisSettings,
} from '../../../src/lib/core/metrics/context.ts';
import { classifyPeriod, sweepPeriods } from '../../../src/lib/core/metrics/period-counts.ts';
import { day } from './make-dataset.ts';
import { randomDataset } from './random-dataset.ts';

const base = day('2023-11-20');

describe('PeriodIndexer', () => {
  it('answers as periodIndexOf for every day, before, inside and after the periods', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }),
        (first, lengths) => {
          const boundaries = new Int32Array(lengths.length + 1);
          boundaries[0] = first;
          lengths.forEach((length, p) => (boundaries[p + 1] = boundaries[p] + length));
          const indexer = new PeriodIndexer(boundaries);
          const last = boundaries[lengths.length];
          for (let d = first - 3; d <= last + 3; d++) {
            expect(indexer.of(d)).toBe(periodIndexOf(boundaries, d));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('binary-searches when the periods span too many days for a table', () => {
    const boundaries = Int32Array.from([0, 10, 300_000, 300_001]);
    const indexer = new PeriodIndexer(boundaries);
    for (const d of [-5, 0, 1, 10, 11, 299_999, 300_000, 300_001, 300_002]) {
      expect(indexer.of(d)).toBe(periodIndexOf(boundaries, d));
    }
  });
});

const rangeSettings: fc.Arbitrary<AnalysisSettings> = fc
  .record({
    unit: fc.constantFrom<AnalysisSettings['unit']>('day', 'week', 'month', 'custom'),
    from: fc.integer({ min: -30, max: 200 }),
    length: fc.integer({ min: 0, max: 120 }),
    windowDays: fc.integer({ min: 1, max: 90 }),
    refunds: fc.constantFrom<'include' | 'ignore'>('include', 'ignore'),
  })
  .map(({ unit, from, length, windowDays, refunds }) => ({
    unit,
    range: { from: base + from, to: base + from + length },
    windowDays,
    refunds,
  }));

describe('sweepPeriods over a range', () => {
  it('agrees with classifyPeriod, customers active at the first moment included', () => {
    fc.assert(
      fc.property(randomDataset, rangeSettings, (dataset, settings) => {
        const context = createContext(dataset, settings);
        const swept = sweepPeriods(context);
        expect(swept).toHaveLength(context.periods.length);
        swept.forEach((counts, p) => {
          const direct = classifyPeriod(context, p).counts;
          // Both add the amounts row by row in file order: the same floats, not just close.
          expect(counts).toEqual(direct);
        });
      }),
      { numRuns: 200 },
    );
  });
});
