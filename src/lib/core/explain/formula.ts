/**
 * A small formula tree for worked examples (METRICS.md §11): the renderer prints it in symbols,
 * then with the user's numbers, then step by step; `evaluate` computes it so that a test can check
 * that every explanation reproduces the number the metric computed.
 */

/** What a number measures, so the renderer formats it (a count of customers, a %, €, days …). */
export type QuantityKind = 'customers' | 'ratio' | 'money' | 'days' | 'count';

export type Formula =
  | { readonly op: 'number'; readonly value: number }
  /** A named term of the explanation, such as 'S', 'E', 'N' or 'lost'. */
  | { readonly op: 'term'; readonly symbol: string }
  /** The result of an earlier step (0-based index into the explanation's steps). */
  | { readonly op: 'step'; readonly index: number }
  | {
      readonly op: 'add' | 'subtract' | 'multiply' | 'divide';
      readonly left: Formula;
      readonly right: Formula;
    }
  /** × 100: a ratio written as a percentage, as the source articles write CRR. */
  | { readonly op: 'percent'; readonly operand: Formula };

export const num = (value: number): Formula => ({ op: 'number', value });
export const term = (symbol: string): Formula => ({ op: 'term', symbol });
export const step = (index: number): Formula => ({ op: 'step', index });
export const add = (left: Formula, right: Formula): Formula => ({ op: 'add', left, right });
export const sub = (left: Formula, right: Formula): Formula => ({ op: 'subtract', left, right });
export const mul = (left: Formula, right: Formula): Formula => ({ op: 'multiply', left, right });
export const div = (left: Formula, right: Formula): Formula => ({ op: 'divide', left, right });
export const percent = (operand: Formula): Formula => ({ op: 'percent', operand });

/**
 * Value of a formula for given term values (and earlier step values).
 * Division by zero, an unknown term or a null operand gives null, never NaN or Infinity: that is
 * how "S = 0 gives no rate" travels through an explanation.
 * @example evaluate(div(sub(term('E'), term('N')), term('S')), { S: 200, E: 240, N: 50 }) === 0.95
 */
export function evaluate(
  formula: Formula,
  terms: Readonly<Record<string, number | null>>,
  steps: readonly (number | null)[] = [],
): number | null {
  switch (formula.op) {
    case 'number':
      return formula.value;
    case 'term': {
      const value = Object.hasOwn(terms, formula.symbol) ? terms[formula.symbol] : undefined;
      return value === undefined ? null : value;
    }
    case 'step': {
      const value = steps[formula.index];
      return value === undefined ? null : value;
    }
    case 'percent': {
      const value = evaluate(formula.operand, terms, steps);
      return value === null ? null : value * 100;
    }
    default: {
      const left = evaluate(formula.left, terms, steps);
      const right = evaluate(formula.right, terms, steps);
      if (left === null || right === null) return null;
      switch (formula.op) {
        case 'add':
          return left + right;
        case 'subtract':
          return left - right;
        case 'multiply':
          return left * right;
        case 'divide':
          return right === 0 ? null : left / right;
      }
    }
  }
}
