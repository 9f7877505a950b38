/**
 * Revenue retention (omzetbehoud, METRICS.md §8) per period (t0, t1], from the movements of
 * `revenue-movements.ts` (how r0 and r1 are measured for subscriptions and orders is documented
 * there):
 *
 * - NRR = (R0 + expansion − contraction − churned) / R0
 * - GRR = (R0 − contraction − churned) / R0 — never above 1, because contraction and churned are
 *   never negative (refunds cannot turn a movement around)
 * - quick ratio = (new + expansion) ÷ (contraction + churned); reactivated revenue is shown beside
 *   it but not counted in, as in Mamoon Hamid's original definition.
 *
 * Policies: no amounts (or two lists) → null; R0 = 0 → no NRR or GRR (null, never NaN); nothing
 * contracted or churned → no quick ratio (null, never Infinity).
 */
import {
  add,
  div,
  sub,
  term,
  type Explanation,
  type Formula,
  type MetricId,
  type Note,
  type Term,
} from '../explain/index.ts';
import { NO_DAY } from '../model/days.ts';
import { definitionsFor, type MetricContext } from './context.ts';
import { customersTerm, makeExplanation, periodNotes } from './explain-helpers.ts';
import {
  classifyRevenue,
  previousRange,
  sweepRevenue,
  type RevenueMovements,
} from './revenue-movements.ts';

export type { RevenueCustomers, RevenueMovements } from './revenue-movements.ts';
export { classifyRevenue, previousRange, sweepRevenue } from './revenue-movements.ts';

/**
 * A money term with the customers behind it; its `value` is an amount, not a count of them (so
 * only terms of kind 'customers' have `customers.length === value`).
 * @example moneyTerm(210, [0, 1, 2, 3]) → { kind: 'money', value: 210, customers: [0, 1, 2, 3] }
 */
export function moneyTerm(value: number, customers: readonly number[]): Term {
  return { kind: 'money', value, customers };
}

export type RevenueRate = 'nrr' | 'grr' | 'quick-ratio';

export const revenueRates: readonly RevenueRate[] = ['nrr', 'grr', 'quick-ratio'];

export const revenueFormulas: Record<RevenueRate, Formula> = {
  /** (R0 + expansion − contraction − churned) ÷ R0 */
  nrr: div(
    sub(sub(add(term('R0'), term('expansion')), term('contraction')), term('churned')),
    term('R0'),
  ),
  /** (R0 − contraction − churned) ÷ R0 */
  grr: div(sub(sub(term('R0'), term('contraction')), term('churned')), term('R0')),
  /** (new + expansion) ÷ (contraction + churned) */
  'quick-ratio': div(
    add(term('new'), term('expansion')),
    add(term('contraction'), term('churned')),
  ),
};

export const revenueMetricIds: Record<RevenueRate, MetricId> = {
  nrr: 'net-revenue-retention',
  grr: 'gross-revenue-retention',
  'quick-ratio': 'revenue-quick-ratio',
};

type Movements = Pick<
  RevenueMovements,
  'R0' | 'expansion' | 'contraction' | 'churned' | 'newRevenue'
>;

/**
 * Net revenue retention; null when R0 = 0. Evaluated in the formula's order, so the explanation
 * reproduces it to the last bit.
 * @example nrr({ R0: 1000, expansion: 150, contraction: 50, churned: 100, … }) === 1
 */
export function nrr(m: Movements): number | null {
  return m.R0 === 0 ? null : (m.R0 + m.expansion - m.contraction - m.churned) / m.R0;
}

/**
 * Gross revenue retention; null when R0 = 0; ≤ 1 because the subtracted terms are ≥ 0.
 * @example grr({ R0: 1000, expansion: 150, contraction: 50, churned: 100, … }) === 0.85
 */
export function grr(m: Movements): number | null {
  return m.R0 === 0 ? null : (m.R0 - m.contraction - m.churned) / m.R0;
}

/**
 * Quick ratio (new + expansion) ÷ (contraction + churned); null when nothing was lost.
 * @example quickRatio({ newRevenue: 250, expansion: 150, contraction: 50, churned: 100, … }) ≈ 2.67
 */
export function quickRatio(m: Movements): number | null {
  const lost = m.contraction + m.churned;
  return lost === 0 ? null : (m.newRevenue + m.expansion) / lost;
}

function rateOf(m: Movements, rate: RevenueRate): number | null {
  switch (rate) {
    case 'nrr':
      return nrr(m);
    case 'grr':
      return grr(m);
    case 'quick-ratio':
      return quickRatio(m);
  }
}

/**
 * NRR, GRR or quick ratio of period p (from the cached sweep: cheap for every period).
 * Null without amounts, for an unknown period, or when the rate has no base.
 * @example compute(context, march, 'grr') → 0.85 when R0 = 1000, contraction 50, churned 100
 */
export function compute(
  context: MetricContext,
  p: number,
  rate: RevenueRate = 'nrr',
): number | null {
  const m = sweepRevenue(context)?.[p];
  return m === undefined ? null : rateOf(m, rate);
}

/** One row of the revenue part of the report table. */
export interface RevenueRetentionRow extends RevenueMovements {
  readonly nrr: number | null;
  readonly grr: number | null;
  readonly quickRatio: number | null;
}

/**
 * Revenue movements and rates of every period (one sweep); null without amounts.
 * @example revenueRetentionTable(context)?.[3].nrr
 */
export function revenueRetentionTable(context: MetricContext): RevenueRetentionRow[] | null {
  const rows = sweepRevenue(context);
  return rows === null
    ? null
    : rows.map((m) => ({ ...m, nrr: nrr(m), grr: grr(m), quickRatio: quickRatio(m) }));
}

/**
 * Worked example of NRR, GRR or the quick ratio of period p: terms R0, expansion, contraction,
 * churned, new and reactivated (money), each with the customers behind it, and `paying`, the
 * customers behind R0 counted.
 */
export function explain(context: MetricContext, p: number, rate: RevenueRate = 'nrr'): Explanation {
  const classified = classifyRevenue(context, p);
  const period = context.periods[p];
  const notes: Note[] = periodNotes(period?.complete ?? false, null);
  const empty: number[] = [];
  const m = classified?.movements;
  const customers = classified?.customers;
  if (m === undefined || customers === undefined) notes.push({ code: 'no-amounts' });
  else if (rate === 'quick-ratio') {
    if (m.contraction + m.churned === 0) notes.push({ code: 'no-revenue-lost' });
  } else if (m.R0 === 0) notes.push({ code: 'no-start-revenue' });
  const previous = previousRange(context, p);
  const dataFirst = context.activity.dataFirstDay;
  if (
    m !== undefined &&
    context.dataset.kind === 'orders' &&
    previous !== null &&
    dataFirst !== NO_DAY &&
    previous.from < dataFirst &&
    dataFirst <= previous.to
  ) {
    notes.push({ code: 'previous-period-partial' });
  }
  const terms = {
    R0: moneyTerm(m?.R0 ?? 0, customers?.paying ?? empty),
    expansion: moneyTerm(m?.expansion ?? 0, customers?.expanded ?? empty),
    contraction: moneyTerm(m?.contraction ?? 0, customers?.contracted ?? empty),
    churned: moneyTerm(m?.churned ?? 0, customers?.churned ?? empty),
    new: moneyTerm(m?.newRevenue ?? 0, customers?.new ?? empty),
    reactivated: moneyTerm(m?.reactivatedRevenue ?? 0, customers?.reactivated ?? empty),
    paying: customersTerm(customers?.paying ?? empty),
  };
  return makeExplanation(
    revenueMetricIds[rate],
    revenueFormulas[rate],
    terms,
    definitionsFor(context, p),
    notes,
  );
}
