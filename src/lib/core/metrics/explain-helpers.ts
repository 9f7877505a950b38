/** Shared pieces of the metrics' explanations. */
import {
  evaluate,
  stepsOf,
  termValues,
  type Definitions,
  type Explanation,
  type Formula,
  type MetricId,
  type Note,
  type QuantityKind,
  type Term,
} from '../explain/index.ts';
import type { PeriodCustomers } from './period-counts.ts';

/** A term counting customers, with the customers behind it. */
export function customersTerm(customers: readonly number[]): Term {
  return { kind: 'customers', value: customers.length, customers };
}

/** A typed-in or computed number with no customers behind it. */
export function valueTerm(value: number, kind: QuantityKind): Term {
  return { kind, value, customers: null };
}

/** The customer terms every retention explanation offers (click S, E, N or lost to see them). */
export function retentionTerms(customers: PeriodCustomers): Record<string, Term> {
  return {
    S: customersTerm(customers.S),
    E: customersTerm(customers.E),
    N: customersTerm(customers.N),
    retained: customersTerm(customers.retained),
    lost: customersTerm(customers.lost),
    joinedAndLeft: customersTerm(customers.joinedAndLeft),
    reactivated: customersTerm(customers.reactivated),
  };
}

/** Assembles an explanation: steps and result are derived from the formula, never typed twice. */
export function makeExplanation(
  metric: MetricId,
  formula: Formula,
  terms: Record<string, Term>,
  definitions: Definitions,
  notes: Note[],
): Explanation {
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

/** Notes common to every per-period explanation; S null when the metric does not divide by S. */
export function periodNotes(complete: boolean, S: number | null): Note[] {
  const notes: Note[] = [];
  if (!complete) notes.push({ code: 'incomplete-period' });
  if (S === 0) notes.push({ code: 'no-start-customers' });
  return notes;
}
