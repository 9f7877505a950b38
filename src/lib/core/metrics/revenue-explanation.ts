/**
 * The explanation shape of the money metrics (revenue retention, lifetime value). It is the core
 * `Explanation` with a wider `metric` id and note code: once those ids and codes are part of
 * `MetricId` and `NoteCode`, a `RevenueExplanation` is an `Explanation` (structural typing, no
 * cast), and this file shrinks to `makeExplanation`.
 */
import {
  evaluate,
  stepsOf,
  termValues,
  type Definitions,
  type Explanation,
  type Formula,
  type Note,
  type NoteCode,
  type Term,
} from '../explain/index.ts';

/** Ids of the money metrics (to be added to `MetricId`). */
export type RevenueMetricId =
  | 'net-revenue-retention'
  | 'gross-revenue-retention'
  | 'revenue-quick-ratio'
  | 'lifetime-value'
  | 'average-lifetime';

/** Note codes of the money metrics (the new ones are to be added to `NoteCode`). */
export type RevenueNoteCode =
  | NoteCode
  /** The data has no amount column: no money metric. */
  | 'no-amounts'
  /** R0 = 0: nobody paid at the start (or in the previous period), so there is no rate. */
  | 'no-start-revenue'
  /** Quick ratio: no contraction and no churned revenue, so there is no ratio. */
  | 'no-revenue-lost'
  /** Orders: the previous period starts before the data does, so R0 covers only part of it. */
  | 'previous-period-partial'
  /** Lifetime value: nobody was lost in the churn window, so churn = 0 and there is no LTV. */
  | 'no-churn'
  /** Lifetime value: fewer than 30 customers at the start of the churn window (count). */
  | 'few-customers'
  /** Lifetime value: fewer months (count) with customers than the churn window asks for. */
  | 'short-history';

export interface RevenueNote extends Omit<Note, 'code'> {
  readonly code: RevenueNoteCode;
}

export interface RevenueExplanation extends Omit<Explanation, 'metric' | 'notes'> {
  readonly metric: RevenueMetricId;
  readonly notes: readonly RevenueNote[];
}

/** A money (or other) term with the customers behind it; `value` is not a count of them. */
export function moneyTerm(value: number, customers: readonly number[]): Term {
  return { kind: 'money', value, customers };
}

/**
 * Assembles an explanation exactly as `makeExplanation` does: steps and result are derived from
 * the formula, never typed twice.
 * @example makeRevenueExplanation('net-revenue-retention', nrrFormula, terms, defs, []).result
 */
export function makeRevenueExplanation(
  metric: RevenueMetricId,
  formula: Formula,
  terms: Record<string, Term>,
  definitions: Definitions,
  notes: RevenueNote[],
): RevenueExplanation {
  const steps = stepsOf(formula, terms);
  const last = steps[steps.length - 1];
  return {
    metric,
    formula,
    terms,
    steps,
    result: {
      value: evaluate(formula, termValues(terms)),
      kind: last === undefined ? 'count' : last.kind,
    },
    definitions,
    notes,
  };
}
