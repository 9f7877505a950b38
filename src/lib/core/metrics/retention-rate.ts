/**
 * Customer retention rate (METRICS.md §4) and the exact retention beside it.
 *
 * - CRR = (E − N) / S, the formula of the source articles (a ratio 0–1 here; the UI shows %).
 * - exact retention = |S ∩ active at t1| / S.
 * The two differ when new customers leave inside the period (CRR counts them as lost existing
 * customers) or when customers come back after more than W days (reactivated: in E, in neither S
 * nor N, which can push CRR above 100 %). S = 0 gives no rate: null, never NaN or Infinity.
 */
import { div, sub, term, type Explanation, type Note } from '../explain/index.ts';
import { definitionsFor, type MetricContext } from './context.ts';
import { makeExplanation, periodNotes, retentionTerms } from './explain-helpers.ts';
import { classifyPeriod, type PeriodCounts } from './period-counts.ts';

/** CRR = (E − N) / S. */
export const crrFormula = div(sub(term('E'), term('N')), term('S'));
/** Exact retention = retained / S, retained = customers of S still active at t1. */
export const exactRetentionFormula = div(term('retained'), term('S'));

type RetentionCounts = Pick<PeriodCounts, 'S' | 'E' | 'N'>;

/**
 * CRR from the three counts; null when S = 0.
 * @example crr({ S: 200, E: 240, N: 50 }) === 0.95
 */
export function crr(counts: RetentionCounts): number | null {
  return counts.S === 0 ? null : (counts.E - counts.N) / counts.S;
}

/**
 * Exact retention |S ∩ active at t1| / S; null when S = 0.
 * @example exactRetention({ S: 200, retained: 190 }) === 0.95
 */
export function exactRetention(counts: Pick<PeriodCounts, 'S' | 'retained'>): number | null {
  return counts.S === 0 ? null : counts.retained / counts.S;
}

/** The notes that explain why CRR and exact retention differ, naming the customers. */
export function retentionNotes(
  counts: PeriodCounts,
  customers: { joinedAndLeft: number[]; reactivated: number[] },
): Note[] {
  const notes: Note[] = [];
  if (counts.joinedAndLeft > 0) {
    notes.push({
      code: 'joined-and-left',
      count: counts.joinedAndLeft,
      customers: customers.joinedAndLeft,
    });
  }
  if (counts.reactivated > 0) {
    const rate = crr(counts);
    notes.push({
      code: rate !== null && rate > 1 ? 'reactivated-above-100' : 'reactivated',
      count: counts.reactivated,
      customers: customers.reactivated,
    });
  }
  const c = crr(counts);
  const e = exactRetention(counts);
  // Decided on counts, not on the two floats: they differ exactly when somebody joined and left
  // or came back, and rounding must never produce a "differs by 0.0 points" note.
  if (c !== null && e !== null && (counts.joinedAndLeft > 0 || counts.reactivated > 0)) {
    notes.push({ code: 'crr-differs-from-exact', value: c - e });
  }
  return notes;
}

/**
 * CRR of period p.
 * @example S = 200, N = 50, E = 240 → 0.95
 */
export function compute(context: MetricContext, p: number): number | null {
  return crr(classifyPeriod(context, p).counts);
}

/** Worked example of CRR for period p, with the customers behind S, E, N, lost, … */
export function explain(context: MetricContext, p: number): Explanation {
  const { counts, customers } = classifyPeriod(context, p);
  const complete = context.periods[p]?.complete ?? false;
  return makeExplanation(
    'retention-rate',
    crrFormula,
    retentionTerms(customers),
    definitionsFor(context, p),
    [...periodNotes(complete, counts.S), ...retentionNotes(counts, customers)],
  );
}

/** Exact retention of period p. @example S = 200 of whom 190 still active → 0.95 */
export function computeExact(context: MetricContext, p: number): number | null {
  return exactRetention(classifyPeriod(context, p).counts);
}

/** Worked example of the exact retention of period p. */
export function explainExact(context: MetricContext, p: number): Explanation {
  const { counts, customers } = classifyPeriod(context, p);
  const complete = context.periods[p]?.complete ?? false;
  return makeExplanation(
    'exact-retention',
    exactRetentionFormula,
    retentionTerms(customers),
    definitionsFor(context, p),
    [...periodNotes(complete, counts.S), ...retentionNotes(counts, customers)],
  );
}
