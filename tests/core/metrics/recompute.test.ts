/**
 * Recomputing after a change of settings reuses what was built for the dataset before (activity
 * indexes, cohort assignments and activity bits per unit). A wrong reuse would show the numbers of
 * an earlier setting, so every answer in a sequence of changes must equal the answer for a fresh
 * copy of the dataset, which shares no cache with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalysis, type AnalysisSettings } from '../../../src/lib/core/analyze.ts';
import {
  cohortCustomers,
  cohortMatrix,
  compareBreakdown,
  type CohortSettings,
} from '../../../src/lib/core/metrics/cohort-matrix.ts';
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import { day } from './make-dataset.ts';
import { randomDataset } from './random-dataset.ts';

const base = day('2023-11-20');

/** The same data under a new identity: nothing cached for the original applies to it. */
function fresh(dataset: Dataset): Dataset {
  return { ...dataset };
}

/** Subscriptions get recurring amounts too (random-dataset.ts has none), so revenue is swept. */
const datasets: fc.Arbitrary<Dataset> = fc
  .tuple(
    randomDataset,
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 60, maxLength: 60 }),
  )
  .map(([dataset, amounts]) =>
    dataset.kind === 'subscriptions'
      ? {
          ...dataset,
          amount: Float64Array.from({ length: dataset.rowCount }, (_, i) => amounts[i]),
        }
      : dataset,
  );

const analysisSettings = fc.constantFrom<AnalysisSettings>(
  { unit: 'month' },
  { unit: 'week' },
  { unit: 'week', revenue: false },
  { unit: 'day', windowDays: 10, refunds: 'ignore' },
  { unit: 'quarter', windowDays: 60 },
  { unit: 'year', windowDays: 60, refunds: 'ignore', margin: 0.5 },
  { unit: 'month', range: { from: base + 40, to: base + 150 } },
  { unit: 'custom', range: { from: base + 20, to: base + 90 } },
  { unit: 'custom' },
);

describe('an analysis after a change of settings', () => {
  it('equals a fresh analysis under the new settings', () => {
    fc.assert(
      fc.property(
        datasets,
        fc.array(analysisSettings, { minLength: 2, maxLength: 6 }),
        (dataset, sequence) => {
          for (const settings of sequence) {
            const analysis = createAnalysis(dataset, settings);
            const expected = createAnalysis(fresh(dataset), settings);
            expect(analysis.report).toEqual(expected.report);
            for (const metric of [
              'retention-rate',
              'net-revenue-retention',
              'lifetime-value',
            ] as const) {
              expect(analysis.explain(metric, 0)).toEqual(expected.explain(metric, 0));
            }
            expect(analysis.customers(0, 'E')).toEqual(expected.customers(0, 'E'));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** Orders or subscriptions with amounts and an acquisition channel of three values. */
const withChannel: fc.Arbitrary<Dataset> = fc
  .tuple(
    datasets.filter((dataset) => dataset.kind !== 'lists'),
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 60, maxLength: 60 }),
  )
  .map(([dataset, channels]) => ({
    ...dataset,
    categories: [
      {
        name: 'channel',
        values: ['a', 'b', 'c'],
        codes: Int32Array.from({ length: dataset.rowCount }, (_, row) => channels[row]),
      },
    ],
  }));

type Request =
  | { readonly kind: 'analysis'; readonly settings: AnalysisSettings }
  | { readonly kind: 'cohorts'; readonly settings: CohortSettings };

const request: fc.Arbitrary<Request> = fc.oneof(
  analysisSettings.map((settings): Request => ({ kind: 'analysis', settings })),
  fc
    .record({
      unit: fc.constantFrom<CohortSettings['unit']>('week', 'month', 'quarter', 'year'),
      view: fc.constantFrom<'classic' | 'rolling'>('classic', 'rolling'),
      refunds: fc.constantFrom<'include' | 'ignore'>('include', 'ignore'),
      // undefined: no breakdown; −1: split by channel; 0–2: only that channel.
      value: fc.option(fc.integer({ min: -1, max: 2 }), { nil: undefined }),
    })
    .map(({ unit, view, refunds, value }): Request => ({
      kind: 'cohorts',
      settings: {
        unit,
        view,
        refunds,
        ...(value === undefined
          ? {}
          : { breakdown: value < 0 ? { category: 0 } : { category: 0, value } }),
      },
    })),
);

describe('cohorts after a change of unit, breakdown, view or refunds rule', () => {
  it('equal fresh cohorts, whatever was computed before', () => {
    fc.assert(
      fc.property(
        withChannel,
        // Long enough to cycle through more units than are kept per dataset.
        fc.array(request, { minLength: 3, maxLength: 10 }),
        (dataset, sequence) => {
          for (const r of sequence) {
            if (r.kind === 'analysis') {
              // Leaves activity indexes of other windows and refunds rules in the cache.
              createAnalysis(dataset, r.settings);
              continue;
            }
            const copy = fresh(dataset);
            expect(cohortMatrix(dataset, r.settings)).toEqual(cohortMatrix(copy, r.settings));
            expect(compareBreakdown(dataset, r.settings, 0)).toEqual(
              compareBreakdown(copy, r.settings, 0),
            );
            for (const [cohort, age] of [
              [0, undefined],
              [0, 1],
              [1, 0],
              [2, 3],
            ] as const) {
              expect(cohortCustomers(dataset, r.settings, cohort, age)).toEqual(
                cohortCustomers(copy, r.settings, cohort, age),
              );
            }
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
