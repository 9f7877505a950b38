/**
 * The calculator (METRICS.md §1, §4): three numbers typed by hand, either S, E and N, or S, N and
 * the number lost (then E = S − lost + N, the articles' assumption that every new customer
 * stays). Same explanation as the retention rate, without customers behind the terms.
 */
import { type Explanation, type Note, type Term } from '../explain/index.ts';
import { makeExplanation, valueTerm } from './explain-helpers.ts';
import { crrFormula } from './retention-rate.ts';

export type CalculatorInput =
  | { readonly S: number; readonly E: number; readonly N: number }
  | { readonly S: number; readonly N: number; readonly lost: number };

/** The two worked examples of METRICS.md §4 (95 % and 70.45… %). */
export const calculatorPresets: readonly CalculatorInput[] = [
  { S: 200, N: 50, lost: 10 },
  { S: 440, N: 120, lost: 130 },
];

function endCount(input: CalculatorInput): number {
  return 'E' in input ? input.E : input.S - input.lost + input.N;
}

/**
 * CRR of typed numbers; null when S = 0.
 * @example compute({ S: 200, N: 50, lost: 10 }) === 0.95
 * @example compute({ S: 440, E: 430, N: 120 }) === 310 / 440 (0.70454…)
 */
export function compute(input: CalculatorInput): number | null {
  if (input.S === 0) return null;
  // Same operation order as the formula tree, so the explanation reproduces the bits exactly.
  return (endCount(input) - input.N) / input.S;
}

export function explain(input: CalculatorInput): Explanation {
  const notes: Note[] = [];
  if (input.S === 0) notes.push({ code: 'no-start-customers' });
  const E = endCount(input);
  const values = [input.S, input.N, E, 'lost' in input ? input.lost : 0];
  if (
    values.some((v) => !Number.isFinite(v) || v < 0) ||
    E - input.N < 0 ||
    E - input.N > input.S
  ) {
    // E − N > S is possible with reactivations in real data but not for hand-typed numbers under
    // the article's assumptions; flagged, not refused.
    notes.push({ code: 'inconsistent-numbers' });
  }
  // With S, N and lost typed in, E = S − lost + N is formed first and the example then reads
  // exactly like the article's ((E − N) ÷ S) × 100; a note shows how E was formed.
  const terms: Record<string, Term> = {
    S: valueTerm(input.S, 'customers'),
    E: valueTerm(E, 'customers'),
    N: valueTerm(input.N, 'customers'),
    ...('lost' in input ? { lost: valueTerm(input.lost, 'customers') } : {}),
  };
  if ('lost' in input) notes.push({ code: 'end-from-lost', count: E });
  return makeExplanation(
    'calculator',
    crrFormula,
    terms,
    { inputKind: 'numbers', period: null, windowDays: null, refunds: null },
    notes,
  );
}
