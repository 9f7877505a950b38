/**
 * Two customer lists (METRICS.md §1, §3): S = |start list|, E = |end list|, N = in the end list but
 * not in the start list, lost = in the start list but not in the end list, CRR = (E − N) ÷ S. With
 * lists nobody can join and leave in between or be reactivated, so CRR equals the exact retention.
 * The activity index places the lists on two symbolic days, so the counting is the shared code.
 */
import type { Explanation } from '../explain/index.ts';
import type { MetricContext } from './context.ts';
import { definitionsFor } from './context.ts';
import { makeExplanation, periodNotes, retentionTerms } from './explain-helpers.ts';
import { classifyPeriod } from './period-counts.ts';
import { crr, crrFormula, retentionNotes } from './retention-rate.ts';

export interface TwoListsResult {
  readonly S: number;
  readonly E: number;
  readonly N: number;
  readonly lost: number;
  readonly crr: number | null;
}

/**
 * Counts and CRR of a lists context (its single period).
 * @example start {a, b, c, d}, end {b, c, d, e} → S 4, E 4, N 1, lost 1, CRR 0.75
 */
export function computeLists(context: MetricContext): TwoListsResult | null {
  if (context.dataset.kind !== 'lists') return null;
  const { counts } = classifyPeriod(context, 0);
  return { S: counts.S, E: counts.E, N: counts.N, lost: counts.lost, crr: crr(counts) };
}

/** CRR of the two lists (the period index is ignored: there is one). */
export function compute(context: MetricContext): number | null {
  return computeLists(context)?.crr ?? null;
}

export function explain(context: MetricContext): Explanation {
  const { counts, customers } = classifyPeriod(context, 0);
  return makeExplanation(
    'two-lists',
    crrFormula,
    retentionTerms(customers),
    definitionsFor(context, 0),
    [...periodNotes(true, counts.S), ...retentionNotes(counts, customers)],
  );
}
