/**
 * Worked examples as data (METRICS.md §11). Core never writes prose: an explanation holds the
 * formula, the user's numbers, the arithmetic steps, the definitions in force and notes as codes
 * with parameters; the i18n layer renders it in nl or en.
 */
import type { InputKind } from '../model/dataset.ts';
import type { Period } from '../model/periods.ts';
import { evaluate, type Formula, type QuantityKind } from './formula.ts';

/** Identifiers of every metric that can explain itself (keys of the i18n catalogs). */
export type MetricId =
  | 'retention-rate'
  | 'exact-retention'
  | 'churn-rate'
  | 'churn-rate-stripe'
  | 'churn-rate-baremetrics'
  | 'repeat-purchase-rate'
  | 'repeat-two-or-more'
  | 'repeat-within-30'
  | 'repeat-within-90'
  | 'repeat-within-365'
  | 'new-existing-ratio'
  | 'two-lists'
  | 'calculator'
  /** Revenue retention (§8): (R0 + expansion − contraction − churned) ÷ R0. */
  | 'net-revenue-retention'
  /** Revenue retention (§8): (R0 − contraction − churned) ÷ R0, never above 1. */
  | 'gross-revenue-retention'
  /** (new + expansion) ÷ (contraction + churned). */
  | 'revenue-quick-ratio'
  /** Customer lifetime value (§9). */
  | 'lifetime-value'
  /** 1 ÷ churn: months (subscriptions) or years (orders). */
  | 'average-lifetime';

/** How refund rows are treated: both ways they are never purchases; 'ignore' drops their money. */
export type RefundsRule = 'include' | 'ignore';

/** One named quantity of a formula, with the customers behind it when there are any. */
export interface Term {
  readonly kind: QuantityKind;
  readonly value: number;
  /** Customer codes counted in this term (sorted ascending); null for typed-in numbers. */
  readonly customers: readonly number[] | null;
}

/** One line of the arithmetic: an operation over terms and earlier steps, and its result. */
export interface Step {
  readonly formula: Formula;
  readonly value: number | null;
  readonly kind: QuantityKind;
}

export interface Definitions {
  readonly inputKind: InputKind | 'numbers';
  /** The period measured (t0 = the day before `first`, t1 = `last`); null for typed-in numbers. */
  readonly period: (Period & { readonly t0: number; readonly t1: number }) | null;
  /** Activity window W in days (orders only); null when it does not apply. */
  readonly windowDays: number | null;
  readonly refunds: RefundsRule | null;
}

export type NoteCode =
  /** S = 0: there is no rate. */
  | 'no-start-customers'
  /** Customers new in the period who are not active at its end (count, customers). */
  | 'joined-and-left'
  /** Customers active at the end who were neither active at the start nor new (count, customers). */
  | 'reactivated'
  /** Reactivated customers push CRR above 100 % (count, customers). */
  | 'reactivated-above-100'
  /** CRR differs from the exact retention (value = CRR − exact retention). */
  | 'crr-differs-from-exact'
  /** The period is not fully covered by the data. */
  | 'incomplete-period'
  /** Nobody had bought before the period: no repeat-purchase rate. */
  | 'no-previous-buyers'
  /** Customers left out because their first purchase is too recent to observe the window (count). */
  | 'window-not-observed'
  /** Baremetrics' rate differs from 1 − CRR because of reactivations (value = difference). */
  | 'baremetrics-differs-from-crr'
  /** Nobody bought before in this period: no new : existing ratio. */
  | 'no-existing-customers'
  /** Calculator: E was formed from the typed numbers as S − lost + N (count = E). */
  | 'end-from-lost'
  /** Calculator: the typed numbers are impossible (e.g. E − N < 0 or lost > S). */
  | 'inconsistent-numbers'
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

export interface Note {
  readonly code: NoteCode;
  readonly count?: number;
  readonly value?: number;
  readonly customers?: readonly number[];
}

export interface Explanation {
  readonly metric: MetricId;
  readonly formula: Formula;
  readonly terms: Readonly<Record<string, Term>>;
  readonly steps: readonly Step[];
  readonly result: { readonly value: number | null; readonly kind: QuantityKind };
  readonly definitions: Definitions;
  readonly notes: readonly Note[];
}

/** The plain values of an explanation's terms, as `evaluate` takes them. */
export function termValues(terms: Readonly<Record<string, Term>>): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [symbol, t] of Object.entries(terms)) values[symbol] = t.value;
  return values;
}

/**
 * Splits a formula into steps, innermost operation first, each referring to earlier steps; the
 * last step is the whole formula. Kinds are inferred: customers ÷ customers is a ratio, money ÷
 * customers is money, ± keeps the left kind, × by a ratio keeps the other kind.
 * @example stepsOf(div(sub(E, N), S)) → [E − N = 190 (customers), step0 ÷ S = 0.95 (ratio)]
 */
export function stepsOf(formula: Formula, terms: Readonly<Record<string, Term>>): Step[] {
  const steps: Step[] = [];
  const values = termValues(terms);
  const kindOf = (f: Formula): QuantityKind => {
    switch (f.op) {
      case 'number':
        return 'count';
      case 'term':
        return terms[f.symbol]?.kind ?? 'count';
      case 'step':
        return steps[f.index]?.kind ?? 'count';
      default:
        return 'ratio';
    }
  };
  const visit = (f: Formula): Formula => {
    if (f.op === 'number' || f.op === 'term' || f.op === 'step') return f;
    let reduced: Formula;
    let kind: QuantityKind;
    if (f.op === 'percent') {
      reduced = { op: 'percent', operand: visit(f.operand) };
      kind = 'ratio';
    } else {
      const left = visit(f.left);
      const right = visit(f.right);
      reduced = { op: f.op, left, right };
      const lk = kindOf(left);
      const rk = kindOf(right);
      if (f.op === 'divide') kind = lk === rk ? 'ratio' : lk;
      else if (f.op === 'multiply') kind = lk === 'ratio' ? rk : lk;
      else kind = lk === 'count' ? rk : lk;
    }
    steps.push({
      formula: reduced,
      value: evaluate(
        reduced,
        values,
        steps.map((s) => s.value),
      ),
      kind,
    });
    return { op: 'step', index: steps.length - 1 };
  };
  visit(formula);
  return steps;
}
