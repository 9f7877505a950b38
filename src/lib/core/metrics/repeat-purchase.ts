/**
 * Repeat-purchase rates (METRICS.md §5), orders only.
 *
 * - per period: of the customers who had bought before the period (first purchase ≤ t0), the share
 *   who bought again in (t0, t1]: returning ÷ previous.
 * - whole data: the share of customers with two or more purchases.
 * - whole data: the share who bought again within X = 30 / 90 / 365 days of their first purchase,
 *   i.e. whose second purchase is at most X days after the first (a second order on the first day
 *   counts, as 0 days). Only customers whose first purchase is at least X days before the last day
 *   of the data are counted, because the others could not yet have been seen to come back (a note
 *   gives how many were left out).
 * A purchase is one order (rows sharing an order number) or, without order numbers, one customer's
 * rows on one day; refund rows are never purchases. No base (0 customers) gives null.
 */
import { div, term, type Explanation, type MetricId } from '../explain/index.ts';
import { NO_DAY } from '../model/days.ts';
import { definitionsFor, type MetricContext } from './context.ts';
import { customersTerm, makeExplanation, periodNotes, valueTerm } from './explain-helpers.ts';
import { classifyPeriod } from './period-counts.ts';

/** returning ÷ previous */
export const periodFormula = div(term('returning'), term('previous'));
/** twoOrMore ÷ customers */
export const twoOrMoreFormula = div(term('twoOrMore'), term('customers'));
/** repeated ÷ observed */
export const withinFormula = div(term('repeated'), term('observed'));

export const repeatWindows = [30, 90, 365] as const;
export type RepeatWindow = (typeof repeatWindows)[number];

/**
 * Repeat-purchase rate of period p; null for non-order data or when nobody bought before.
 * @example 2,000 customers before the start, 900 bought again → 0.45
 */
export function compute(context: MetricContext, p: number): number | null {
  if (context.dataset.kind !== 'orders') return null;
  const { counts } = classifyPeriod(context, p);
  return counts.previous === 0 ? null : counts.returning / counts.previous;
}

/** Worked example of the repeat-purchase rate of period p. */
export function explain(context: MetricContext, p: number): Explanation {
  const { counts, customers } = classifyPeriod(context, p);
  const notes = periodNotes(context.periods[p]?.complete ?? false, null);
  if (counts.previous === 0) notes.push({ code: 'no-previous-buyers' });
  return makeExplanation(
    'repeat-purchase-rate',
    periodFormula,
    { previous: customersTerm(customers.previous), returning: customersTerm(customers.returning) },
    definitionsFor(context, p),
    notes,
  );
}

/** Customers (codes) with a first purchase, and those with two or more purchases. */
function twoOrMoreGroups(context: MetricContext): { customers: number[]; twoOrMore: number[] } {
  const index = context.activity;
  const customers: number[] = [];
  const twoOrMore: number[] = [];
  for (let c = 0; c < index.customerCount; c++) {
    if (index.firstDay[c] === NO_DAY) continue;
    customers.push(c);
    if (index.purchaseCount[c] >= 2) twoOrMore.push(c);
  }
  return { customers, twoOrMore };
}

/**
 * Share of all customers with two or more purchases; null without customers or for non-orders.
 * @example customers with 1, 2 and 5 purchases → 2 / 3
 */
export function computeTwoOrMore(context: MetricContext): number | null {
  if (context.dataset.kind !== 'orders') return null;
  // Counted, not listed: the report needs only the two numbers of `twoOrMoreGroups`.
  const { firstDay, purchaseCount } = context.activity;
  const noDay = NO_DAY; // a local: V8 then compares with a constant, not a module binding
  let customers = 0;
  let twoOrMore = 0;
  for (let c = 0; c < firstDay.length; c++) {
    if (firstDay[c] === noDay) continue;
    customers++;
    if (purchaseCount[c] >= 2) twoOrMore++;
  }
  return customers === 0 ? null : twoOrMore / customers;
}

export function explainTwoOrMore(context: MetricContext): Explanation {
  const { customers, twoOrMore } = twoOrMoreGroups(context);
  return makeExplanation(
    'repeat-two-or-more',
    twoOrMoreFormula,
    { customers: customersTerm(customers), twoOrMore: customersTerm(twoOrMore) },
    definitionsFor(context, null),
    [],
  );
}

function withinGroups(
  context: MetricContext,
  days: number,
): { all: number; observed: number[]; repeated: number[] } {
  const index = context.activity;
  const observed: number[] = [];
  const repeated: number[] = [];
  let all = 0;
  for (let c = 0; c < index.customerCount; c++) {
    const first = index.firstDay[c];
    if (first === NO_DAY) continue;
    all++;
    if (first + days > index.dataLastDay) continue;
    observed.push(c);
    const second = index.secondPurchaseDay[c];
    if (second !== NO_DAY && second - first <= days) repeated.push(c);
  }
  return { all, observed, repeated };
}

/**
 * Share of the customers observed for X days after their first purchase who bought again within
 * X days; null for non-orders or when nobody was observed that long.
 * @example first purchases on days 0 and 0, second purchases on days 20 and 100, data to day 400:
 *   X = 30 → 1 / 2, X = 365 → 2 / 2
 */
export function computeWithin(context: MetricContext, days: RepeatWindow): number | null {
  if (context.dataset.kind !== 'orders') return null;
  // Counted, not listed: the report needs only the two numbers of `withinGroups`.
  const { firstDay, secondPurchaseDay, dataLastDay } = context.activity;
  const noDay = NO_DAY; // see computeTwoOrMore
  let observed = 0;
  let repeated = 0;
  for (let c = 0; c < firstDay.length; c++) {
    const first = firstDay[c];
    if (first === noDay || first + days > dataLastDay) continue;
    observed++;
    const second = secondPurchaseDay[c];
    if (second !== noDay && second - first <= days) repeated++;
  }
  return observed === 0 ? null : repeated / observed;
}

export function explainWithin(context: MetricContext, days: RepeatWindow): Explanation {
  const { all, observed, repeated } = withinGroups(context, days);
  const notes =
    all > observed.length
      ? [{ code: 'window-not-observed' as const, count: all - observed.length }]
      : [];
  return makeExplanation(
    `repeat-within-${days}` as MetricId,
    withinFormula,
    {
      observed: customersTerm(observed),
      repeated: customersTerm(repeated),
      days: valueTerm(days, 'days'),
    },
    definitionsFor(context, null),
    notes,
  );
}
