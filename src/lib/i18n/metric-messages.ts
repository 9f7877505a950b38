/**
 * The shape of the metric catalogs: everything the worked examples (METRICS.md §11) say in words.
 * Core hands over explanations as data (metric id, formula tree, term symbols, note codes); these
 * messages turn them into nl or en. Every catalog must have every key: a missing metric, term or
 * note fails to compile. Messages with parameters are functions of already formatted values (plus
 * the plain count where the sentence needs a plural), so each language orders its own words.
 */
import type { MetricId, NoteCode, RefundsRule } from '../core/explain/explanation.ts';
import type { InputKind } from '../core/model/dataset.ts';
import type { ChurnConvention } from '../core/metrics/churn-rate.ts';

/**
 * Every term symbol the metrics' `explain` functions use (retention terms, repeat purchases,
 * new versus existing, revenue retention, lifetime value). Adding a symbol in core means adding it here and to both catalogs.
 */
export const termSymbols = [
  'S',
  'E',
  'N',
  'retained',
  'lost',
  'joinedAndLeft',
  'reactivated',
  'previous',
  'returning',
  'customers',
  'twoOrMore',
  'observed',
  'repeated',
  'days',
  'revenue',
  'newRevenue',
  'returningRevenue',
  // Revenue retention (METRICS.md §8).
  'R0',
  'expansion',
  'contraction',
  'churned',
  'new',
  'paying',
  // Lifetime value (§9): subscriptions, then orders (which also use revenue, S and lost).
  'MRR',
  'active',
  'margin',
  'sumLost',
  'sumS',
  'purchases',
  'buyers',
] as const;

export type TermSymbol = (typeof termSymbols)[number];

/** True when a core term symbol has messages (core symbols are plain strings). */
export function isTermSymbol(symbol: string): symbol is TermSymbol {
  return (termSymbols as readonly string[]).includes(symbol);
}

// Written as records so that a code added to core's unions fails to compile until it is listed.
const metricIdSet: Record<MetricId, true> = {
  'retention-rate': true,
  'exact-retention': true,
  'churn-rate': true,
  'churn-rate-stripe': true,
  'churn-rate-baremetrics': true,
  'repeat-purchase-rate': true,
  'repeat-two-or-more': true,
  'repeat-within-30': true,
  'repeat-within-90': true,
  'repeat-within-365': true,
  'new-existing-ratio': true,
  'two-lists': true,
  calculator: true,
  'net-revenue-retention': true,
  'gross-revenue-retention': true,
  'revenue-quick-ratio': true,
  'lifetime-value': true,
  'average-lifetime': true,
};

const noteCodeSet: Record<NoteCode, true> = {
  'no-start-customers': true,
  'joined-and-left': true,
  reactivated: true,
  'reactivated-above-100': true,
  'crr-differs-from-exact': true,
  'incomplete-period': true,
  'no-previous-buyers': true,
  'window-not-observed': true,
  'baremetrics-differs-from-crr': true,
  'no-existing-customers': true,
  'inconsistent-numbers': true,
  'end-from-lost': true,
  'no-amounts': true,
  'no-start-revenue': true,
  'no-revenue-lost': true,
  'previous-period-partial': true,
  'no-churn': true,
  'few-customers': true,
  'short-history': true,
};

/** Every metric id, in catalog order. */
export const metricIds = Object.keys(metricIdSet) as MetricId[];
/** Every note code, in catalog order. */
export const noteCodes = Object.keys(noteCodeSet) as NoteCode[];
/** The three churn conventions of METRICS.md §4. */
export const churnConventions: readonly ChurnConvention[] = ['ours', 'stripe', 'baremetrics'];

/**
 * What a note sentence may use. Counts come twice: as a number (to choose singular or plural) and
 * formatted for the language.
 */
export interface NoteParams {
  /** The metric the note belongs to (a sentence may say it differently for churn). */
  readonly metric: MetricId;
  /** Number of customers the note is about; 0 when the note has none. */
  readonly count: number;
  readonly countText: string;
  /** A difference as percentage points, formatted without sign ("2,5"); '' when none. */
  readonly pointsText: string;
  /** True when the difference the note is about is positive. */
  readonly higher: boolean;
  /** The period in words ("maart 2011"); null without a calendar period (calculator, lists). */
  readonly period: string | null;
  /** Activity window W, formatted ("365"); null when it does not apply. */
  readonly windowText: string | null;
  readonly windowDays: number | null;
  /** The X of "bought again within X days", formatted; null for other metrics. */
  readonly daysText: string | null;
  /** True when the customers the note is about are listed below it. */
  readonly listed: boolean;
}

export interface MetricText {
  /** Full name, as a heading. */
  readonly name: string;
  /** What the number means, one line. */
  readonly description: string;
  /** Short name left of "=" in the formula ("CRR = ((E − N) ÷ S) × 100"). */
  readonly label: string;
}

export interface TermText {
  /** Short symbol inside formulas; one word or hyphenated, so a formula stays readable. */
  readonly symbol: string;
  /** Name of the group of customers (or the quantity), as a list heading. */
  readonly name: string;
  /** Who or what is counted, one line. */
  readonly description: string;
}

export interface MetricMessages {
  readonly metrics: Readonly<Record<MetricId, MetricText>>;
  readonly terms: Readonly<Record<TermSymbol, TermText>>;
  readonly notes: Readonly<Record<NoteCode, (params: NoteParams) => string>>;
  readonly formula: {
    /** Shown instead of a number when there is none (division by zero). */
    readonly noValue: string;
  };
  readonly periods: {
    /** An ISO week. */
    readonly week: (week: string, year: string) => string;
    /** A calendar quarter. */
    readonly quarter: (quarter: number, year: string) => string;
    /** The single "period" of two customer lists. */
    readonly lists: string;
  };
  readonly definitions: {
    /** Where the numbers come from, per input kind. */
    readonly inputKind: Readonly<Record<InputKind | 'numbers', string>>;
    /** The period in words and its days. */
    readonly period: (name: string, days: string) => string;
    /** A period that is one day, or a custom range (its name already gives the days). */
    readonly periodOnly: (name: string) => string;
    /** The two measuring moments t0 and t1. */
    readonly moments: (t0: string, t1: string) => string;
    /** The activity window W (orders). */
    readonly window: (days: number, daysText: string) => string;
    /** When a subscriber counts as active. */
    readonly activeSubscriptions: string;
    /** When a customer of two lists counts as active. */
    readonly activeLists: string;
    /** How refunds are treated (orders). */
    readonly refunds: Readonly<Record<RefundsRule, string>>;
  };
  readonly conventions: Readonly<
    Record<ChurnConvention, { readonly name: string; readonly formula: string }>
  >;
}
