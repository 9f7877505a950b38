/**
 * New versus existing customers per period (METRICS.md §6): customers who bought (orders) or were
 * active (subscriptions; two lists: in the end list) in the period, split into new (first purchase
 * or start in the period, = N) and returning (first purchase or start before the period), as counts,
 * as revenue and as the ratio new : existing = new ÷ returning (null when nobody returned).
 *
 * Revenue is the sum of the amounts of the period's rows, refunds (negative) included unless the
 * refunds rule is 'ignore'; a refund belongs to the new part when its customer is new in the
 * period. Revenue is null without amounts and for subscriptions and lists (their amounts are
 * recurring, not transactions).
 */
import { div, term, type Explanation } from '../explain/index.ts';
import { definitionsFor, type MetricContext } from './context.ts';
import { customersTerm, makeExplanation, periodNotes, valueTerm } from './explain-helpers.ts';
import { classifyPeriod, type PeriodCounts } from './period-counts.ts';

/** N ÷ returning */
export const ratioFormula = div(term('N'), term('returning'));

/**
 * new : existing as one number; null when nobody returned.
 * @example 30 new and 120 returning → 0.25
 */
export function newToExisting(counts: Pick<PeriodCounts, 'N' | 'returning'>): number | null {
  return counts.returning === 0 ? null : counts.N / counts.returning;
}

export function compute(context: MetricContext, p: number): number | null {
  return newToExisting(classifyPeriod(context, p).counts);
}

/** Worked example of new : existing in period p, with the revenue split as extra terms. */
export function explain(context: MetricContext, p: number): Explanation {
  const { counts, customers } = classifyPeriod(context, p);
  const notes = periodNotes(context.periods[p]?.complete ?? false, null);
  if (counts.returning === 0) notes.push({ code: 'no-existing-customers' });
  const terms = {
    N: customersTerm(customers.N),
    returning: customersTerm(customers.returning),
    ...(counts.revenue === null
      ? {}
      : {
          revenue: valueTerm(counts.revenue, 'money'),
          newRevenue: valueTerm(counts.newRevenue as number, 'money'),
          returningRevenue: valueTerm(counts.returningRevenue as number, 'money'),
        }),
  };
  return makeExplanation(
    'new-existing-ratio',
    ratioFormula,
    terms,
    definitionsFor(context, p),
    notes,
  );
}
