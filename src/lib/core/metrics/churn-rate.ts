/**
 * Churn rate (METRICS.md §4) in the three conventions users compare us with:
 * - ours / ChartMogul: lost of S ÷ S (= 1 − exact retention)
 * - Stripe: all lost ÷ (S + N)
 * - Baremetrics: all lost ÷ S
 * "All lost" = lost of S + new customers who left inside the period (joined-and-left). It is a
 * gross count: reactivated customers do not offset it, so Baremetrics' rate equals 1 − CRR only
 * when nobody was reactivated (a note says so when they differ). S = 0 (or S + N = 0) gives null.
 */
import { add, div, term, type Explanation, type MetricId } from '../explain/index.ts';
import { definitionsFor, type MetricContext } from './context.ts';
import { makeExplanation, periodNotes, retentionTerms } from './explain-helpers.ts';
import { classifyPeriod, type PeriodCounts } from './period-counts.ts';
import { crr } from './retention-rate.ts';

export type ChurnConvention = 'ours' | 'stripe' | 'baremetrics';

type ChurnCounts = Pick<PeriodCounts, 'S' | 'N' | 'lost' | 'joinedAndLeft'>;

export const churnFormulas = {
  /** lost ÷ S */
  ours: div(term('lost'), term('S')),
  /** (lost + joinedAndLeft) ÷ (S + N) */
  stripe: div(add(term('lost'), term('joinedAndLeft')), add(term('S'), term('N'))),
  /** (lost + joinedAndLeft) ÷ S */
  baremetrics: div(add(term('lost'), term('joinedAndLeft')), term('S')),
} as const;

const metricIds: Record<ChurnConvention, MetricId> = {
  ours: 'churn-rate',
  stripe: 'churn-rate-stripe',
  baremetrics: 'churn-rate-baremetrics',
};

/**
 * Churn in one convention; null when its denominator is 0.
 * @example churn({ S: 200, N: 50, lost: 10, joinedAndLeft: 3 }, 'stripe') === 13 / 250
 */
export function churn(counts: ChurnCounts, convention: ChurnConvention = 'ours'): number | null {
  switch (convention) {
    case 'ours':
      return counts.S === 0 ? null : counts.lost / counts.S;
    case 'stripe':
      return counts.S + counts.N === 0
        ? null
        : (counts.lost + counts.joinedAndLeft) / (counts.S + counts.N);
    case 'baremetrics':
      return counts.S === 0 ? null : (counts.lost + counts.joinedAndLeft) / counts.S;
  }
}

/** Churn of period p in a convention. @example METRICS.md §4 table: ours 0.05 */
export function compute(
  context: MetricContext,
  p: number,
  convention: ChurnConvention = 'ours',
): number | null {
  return churn(classifyPeriod(context, p).counts, convention);
}

/** Worked example of the churn of period p in a convention. */
export function explain(
  context: MetricContext,
  p: number,
  convention: ChurnConvention = 'ours',
): Explanation {
  const { counts, customers } = classifyPeriod(context, p);
  // Stripe divides by S + N, so only an empty S + N means "no rate" there.
  const base = convention === 'stripe' ? counts.S + counts.N : counts.S;
  const notes = periodNotes(context.periods[p]?.complete ?? false, base);
  if (counts.joinedAndLeft > 0 && convention !== 'ours') {
    notes.push({
      code: 'joined-and-left',
      count: counts.joinedAndLeft,
      customers: customers.joinedAndLeft,
    });
  }
  const rate = churn(counts, 'baremetrics');
  const c = crr(counts);
  // Baremetrics' rate equals 1 − CRR unless customers came back; decided on the count, because
  // 0.065 and 1 − 0.935 differ in floating point although they are the same number.
  if (convention === 'baremetrics' && rate !== null && c !== null && counts.reactivated > 0) {
    notes.push({ code: 'baremetrics-differs-from-crr', value: rate - (1 - c) });
  }
  return makeExplanation(
    metricIds[convention],
    churnFormulas[convention],
    retentionTerms(customers),
    definitionsFor(context, p),
    notes,
  );
}
