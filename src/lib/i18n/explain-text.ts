/**
 * Worked examples in words (METRICS.md §11): an Explanation from core → the formula in symbols,
 * the same formula with the user's numbers, each arithmetic step, the definitions in force and the
 * notes, in nl or en. Pure functions: no DOM, no Svelte.
 *
 * Formulas are rendered as tokens first (so the UI can turn S, E, N, lost … into buttons that list
 * the customers behind them); every string function is built on the tokens. Sentences are never
 * assembled from translated fragments: each sentence is one catalog message with parameters.
 *
 * Core formulas are ratios (0–1). When the result is a ratio, the formula is shown as the source
 * articles write it, "((E − N) ÷ S) × 100", and the result as a percentage; the number shown is
 * always `evaluate()` of the formula, formatted.
 */
import {
  evaluate,
  termValues,
  type Explanation,
  type Formula,
  type MetricId,
  type NoteCode,
  type QuantityKind,
} from '../core/explain/index.ts';
import type { ChurnConvention } from '../core/metrics/churn-rate.ts';
import { civilDate } from '../core/model/days.ts';
import { isoWeek, type Period } from '../core/model/periods.ts';
import { formatMoney, formatNumber, formatPercentUpTo, localeOf, type Language } from './format.ts';
import { metricEn } from './metric-en.ts';
import { isTermSymbol, type MetricMessages, type NoteParams } from './metric-messages.ts';
import { metricNl } from './metric-nl.ts';

export const metricCatalogs: Readonly<Record<Language, MetricMessages>> = {
  nl: metricNl,
  en: metricEn,
};

/** The metric catalog of a language. */
export function metricMessages(language: Language): MetricMessages {
  return metricCatalogs[language];
}

/** @example metricName('churn-rate', 'nl') === 'Klantverloop' */
export function metricName(id: MetricId, language: Language): string {
  return metricCatalogs[language].metrics[id].name;
}

/** One line saying what the metric means. */
export function metricDescription(id: MetricId, language: Language): string {
  return metricCatalogs[language].metrics[id].description;
}

/**
 * Name of the group of customers (or quantity) behind a term, as a list heading; an unknown
 * symbol is returned as it is.
 * @example termName('lost', 'nl') === 'Verloren klanten'
 */
export function termName(symbol: string, language: Language): string {
  return isTermSymbol(symbol) ? metricCatalogs[language].terms[symbol].name : symbol;
}

/** Short symbol of a term inside a formula. @example termSymbol('lost', 'nl') === 'verloren' */
export function termSymbol(symbol: string, language: Language): string {
  return isTermSymbol(symbol) ? metricCatalogs[language].terms[symbol].symbol : symbol;
}

/** Who or what a term counts, one line; '' for an unknown symbol. */
export function termDescription(symbol: string, language: Language): string {
  return isTermSymbol(symbol) ? metricCatalogs[language].terms[symbol].description : '';
}

/** Name and formula in words of a churn convention (METRICS.md §4 table). */
export function churnConvention(
  convention: ChurnConvention,
  language: Language,
): { readonly name: string; readonly formula: string } {
  return metricCatalogs[language].conventions[convention];
}

// ---------------------------------------------------------------------------------------------
// Numbers

const flexibleFormats = new Map<string, Intl.NumberFormat>();

/** A number with up to `maxDigits` decimals and no trailing zeros: 0,95 / 0,7045 / 190. */
function formatFlexible(language: Language, value: number, maxDigits: number): string {
  const key = `${language}:${maxDigits}`;
  let format = flexibleFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(localeOf(language), {
      minimumFractionDigits: 0,
      maximumFractionDigits: maxDigits,
    });
    flexibleFormats.set(key, format);
  }
  return format.format(value);
}

/** Decimals shown for a plain (non-percentage) value of a kind. */
function decimalsOf(kind: QuantityKind): number {
  switch (kind) {
    case 'customers':
    case 'days':
      return 0;
    case 'money':
      return 2;
    case 'ratio':
    case 'count':
      return 4;
  }
}

/** A value as a plain number of its kind (a ratio as a decimal, money with its currency). */
function formatValue(
  language: Language,
  value: number,
  kind: QuantityKind,
  currency: string,
): string {
  if (kind === 'money') return formatMoney(language, value, currency);
  // Customers and days are whole numbers in practice; a fractional one is shown, not hidden.
  if (kind === 'customers' || kind === 'days') {
    return Number.isInteger(value)
      ? formatNumber(language, value)
      : formatFlexible(language, value, 2);
  }
  return formatFlexible(language, value, decimalsOf(kind));
}

/** True when showing `value` with `digits` decimals loses something (then "≈", not "="). */
function isRounded(value: number, digits: number): boolean {
  const scaled = value * 10 ** digits;
  return Math.abs(scaled - Math.round(scaled)) > 1e-9 * Math.max(1, Math.abs(scaled));
}

// ---------------------------------------------------------------------------------------------
// Formula tokens

/** One piece of a rendered formula. */
export interface FormulaToken {
  readonly text: string;
  readonly role: 'label' | 'term' | 'number' | 'operator' | 'open' | 'close' | 'equals' | 'result';
  /**
   * The explanation term this token shows (in symbols mode its symbol, in numbers mode its
   * value), so the UI can make it a button that lists the customers behind it.
   */
  readonly symbol?: string;
}

export type FormulaMode = 'symbols' | 'numbers';

const operatorText = {
  add: '+',
  subtract: '−',
  multiply: '×',
  divide: '÷',
} as const;

/** Binding strength: + and − bind weaker than × and ÷ (and "× 100"); atoms bind strongest. */
function precedence(formula: Formula): number {
  switch (formula.op) {
    case 'add':
    case 'subtract':
      return 1;
    case 'multiply':
    case 'divide':
    case 'percent':
      return 2;
    default:
      return 3;
  }
}

interface RenderContext {
  readonly explanation: Explanation;
  readonly mode: FormulaMode;
  readonly language: Language;
  readonly currency: string;
  /** Values of earlier steps, for step lines. */
  readonly stepValues: readonly (number | null)[];
}

const open: FormulaToken = { text: '(', role: 'open' };
const close: FormulaToken = { text: ')', role: 'close' };

function atomTokens(context: RenderContext, formula: Formula, nested: boolean): FormulaToken[] {
  const { explanation, mode, language, currency } = context;
  const m = metricCatalogs[language];
  let token: FormulaToken;
  let value: number | null = null;
  if (formula.op === 'term') {
    const t = explanation.terms[formula.symbol];
    if (mode === 'symbols' || t === undefined) {
      token = { text: termSymbol(formula.symbol, language), role: 'term', symbol: formula.symbol };
    } else {
      value = t.value;
      token = {
        text: formatValue(language, t.value, t.kind, currency),
        role: 'term',
        symbol: formula.symbol,
      };
    }
  } else if (formula.op === 'step') {
    const s = explanation.steps[formula.index];
    value = context.stepValues[formula.index] ?? null;
    token = {
      text: value === null ? m.formula.noValue : formatValue(language, value, s.kind, currency),
      role: 'number',
    };
  } else if (formula.op === 'number') {
    value = formula.value;
    token = { text: formatValue(language, formula.value, 'count', currency), role: 'number' };
  } else {
    throw new Error(`not an atom: ${formula.op}`);
  }
  // A negative number inside an operation gets parentheses: 240 − (−5), not 240 − -5.
  return nested && value !== null && value < 0 ? [open, token, close] : [token];
}

function expressionTokens(
  context: RenderContext,
  formula: Formula,
  nested: boolean,
): FormulaToken[] {
  switch (formula.op) {
    case 'number':
    case 'term':
    case 'step':
      return atomTokens(context, formula, nested);
    case 'percent': {
      // The articles keep the parentheses around the ratio: ((E − N) ÷ S) × 100.
      const operand = expressionTokens(context, formula.operand, true);
      const wrapped = precedence(formula.operand) < 3 ? [open, ...operand, close] : operand;
      return [...wrapped, { text: '×', role: 'operator' }, { text: '100', role: 'number' }];
    }
    default: {
      const p = precedence(formula);
      const left = expressionTokens(context, formula.left, true);
      const right = expressionTokens(context, formula.right, true);
      const rightNeedsParens =
        precedence(formula.right) < p ||
        (precedence(formula.right) === p && (formula.op === 'subtract' || formula.op === 'divide'));
      return [
        ...(precedence(formula.left) < p ? [open, ...left, close] : left),
        { text: operatorText[formula.op], role: 'operator' },
        ...(rightNeedsParens ? [open, ...right, close] : right),
      ];
    }
  }
}

/** The formula as shown: a ratio gets "× 100", as the source articles write it. */
function displayFormula(explanation: Explanation): Formula {
  const { formula } = explanation;
  return explanation.result.kind === 'ratio' && formula.op !== 'percent'
    ? { op: 'percent', operand: formula }
    : formula;
}

/**
 * The result as shown: `evaluate()` of the formula, as a percentage for a ratio; the "no result"
 * text when there is none (S = 0).
 * @example resultText(explainNumbers({ S: 200, E: 240, N: 50 }), 'nl') === '95,0%'
 */
export function resultText(explanation: Explanation, language: Language, currency = 'EUR'): string {
  const value = evaluate(explanation.formula, termValues(explanation.terms));
  if (value === null) return metricCatalogs[language].formula.noValue;
  if (explanation.result.kind === 'ratio') {
    return formatPercentUpTo(language, explanation.formula.op === 'percent' ? value / 100 : value);
  }
  return formatValue(language, value, explanation.result.kind, currency);
}

/**
 * The formula as tokens. 'symbols': "CRR = ((E − N) ÷ S) × 100"; 'numbers': the user's numbers
 * substituted and the result, "((240 − 50) ÷ 200) × 100 = 95,0%". Term tokens carry their symbol
 * in both modes.
 */
export function formulaTokens(
  explanation: Explanation,
  mode: FormulaMode,
  language: Language,
  currency = 'EUR',
): FormulaToken[] {
  const context: RenderContext = { explanation, mode, language, currency, stepValues: [] };
  const expression = expressionTokens(context, displayFormula(explanation), false);
  const equals: FormulaToken = { text: '=', role: 'equals' };
  if (mode === 'symbols') {
    const label = metricCatalogs[language].metrics[explanation.metric].label;
    return [{ text: label, role: 'label' }, equals, ...expression];
  }
  // "≈" when the shown percentage is rounded (310 ÷ 440 = 70.4545…%), "=" when it is exact.
  const value = evaluate(explanation.formula, termValues(explanation.terms));
  const rounded =
    value !== null && explanation.result.kind === 'ratio' && isRounded(value * 100, 2);
  return [
    ...expression,
    rounded ? { text: '≈', role: 'equals' } : equals,
    { text: resultText(explanation, language, currency), role: 'result' },
  ];
}

/**
 * Tokens as one line of text: a space between tokens, none inside parentheses.
 * @example tokensText(formulaTokens(e, 'symbols', 'en')) === 'CRR = ((E − N) ÷ S) × 100'
 */
export function tokensText(tokens: readonly FormulaToken[]): string {
  let text = '';
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous !== undefined && previous.role !== 'open' && token.role !== 'close') text += ' ';
    text += token.text;
  });
  return text;
}

/** @example formulaInSymbols(crrExplanation, 'nl') === 'CRR = ((E − N) ÷ S) × 100' */
export function formulaInSymbols(explanation: Explanation, language: Language): string {
  return tokensText(formulaTokens(explanation, 'symbols', language));
}

/** @example formulaWithNumbers(explainNumbers({ S: 200, E: 240, N: 50 }), 'en') === '((240 − 50) ÷ 200) × 100 = 95.0%' */
export function formulaWithNumbers(
  explanation: Explanation,
  language: Language,
  currency = 'EUR',
): string {
  return tokensText(formulaTokens(explanation, 'numbers', language, currency));
}

// ---------------------------------------------------------------------------------------------
// Steps

/**
 * Each step of the arithmetic as tokens, innermost first, with the numbers of the earlier steps
 * substituted; for a ratio a last line "0,95 × 100 = 95,0%". A line whose shown result is rounded
 * says "≈" instead of "=".
 */
export function stepTokens(
  explanation: Explanation,
  language: Language,
  currency = 'EUR',
): FormulaToken[][] {
  const stepValues = explanation.steps.map((s) => s.value);
  const context: RenderContext = {
    explanation,
    mode: 'numbers',
    language,
    currency,
    stepValues,
  };
  const noValue = metricCatalogs[language].formula.noValue;
  const lines = explanation.steps.map((s): FormulaToken[] => {
    const expression = expressionTokens(context, s.formula, false);
    let text: string;
    let rounded: boolean;
    if (s.value === null) {
      text = noValue;
      rounded = false;
    } else if (s.formula.op === 'percent') {
      text = formatPercentUpTo(language, s.value / 100);
      rounded = isRounded(s.value, 2);
    } else {
      text = formatValue(language, s.value, s.kind, currency);
      rounded = s.kind !== 'money' && isRounded(s.value, decimalsOf(s.kind));
    }
    return [...expression, { text: rounded ? '≈' : '=', role: 'equals' }, { text, role: 'result' }];
  });
  const last = explanation.steps.length - 1;
  const lastValue = stepValues[last];
  if (
    explanation.result.kind === 'ratio' &&
    explanation.formula.op !== 'percent' &&
    lastValue !== undefined &&
    lastValue !== null
  ) {
    lines.push([
      ...atomTokens(context, { op: 'step', index: last }, false),
      { text: '×', role: 'operator' },
      { text: '100', role: 'number' },
      { text: isRounded(lastValue * 100, 2) ? '≈' : '=', role: 'equals' },
      { text: formatPercentUpTo(language, lastValue), role: 'result' },
    ]);
  }
  return lines;
}

/** @example stepLines(explainNumbers({ S: 200, E: 240, N: 50 }), 'nl') → ['240 − 50 = 190', '190 ÷ 200 = 0,95', '0,95 × 100 = 95,0%'] */
export function stepLines(
  explanation: Explanation,
  language: Language,
  currency = 'EUR',
): string[] {
  return stepTokens(explanation, language, currency).map(tokensText);
}

// ---------------------------------------------------------------------------------------------
// Periods and definitions

type DateFormatName = 'long' | 'dayMonth' | 'monthYear';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: Language, name: DateFormatName): Intl.DateTimeFormat {
  const key = `${language}:${name}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions =
      name === 'long'
        ? { day: 'numeric', month: 'long', year: 'numeric' }
        : name === 'dayMonth'
          ? { day: 'numeric', month: 'long' }
          : { month: 'long', year: 'numeric' };
    // UTC on purpose: epoch days are calendar days, never shifted by a time zone.
    format = new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

function toDate(day: number): Date {
  const { year, month, day: dayOfMonth } = civilDate(day);
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

/** An epoch day written out: "28 februari 2011" / "28 February 2011". */
export function longDay(language: Language, day: number): string {
  return dateFormat(language, 'long').format(toDate(day));
}

/**
 * The days of a range, shortened by Intl: "1–31 maart" within one year (the period name gives the
 * year), "27 december 2010 – 2 januari 2011" across years.
 */
export function dayRange(language: Language, first: number, last: number): string {
  if (first === last) return longDay(language, first);
  const sameYear = civilDate(first).year === civilDate(last).year;
  return dateFormat(language, sameYear ? 'dayMonth' : 'long').formatRange(
    toDate(first),
    toDate(last),
  );
}

/**
 * A period in words: "maart 2011", "1e kwartaal 2011", "week 9 van 2011", "2011",
 * "5 maart 2011", a custom range as its days, two lists as "van de beginlijst naar de eindlijst".
 */
export function periodName(period: Period, language: Language): string {
  const m = metricCatalogs[language];
  const { year } = civilDate(period.first);
  switch (period.unit) {
    case 'day':
      return longDay(language, period.first);
    case 'week': {
      const week = isoWeek(period.first);
      return m.periods.week(String(week.week), String(week.year));
    }
    case 'month':
      return dateFormat(language, 'monthYear').format(toDate(period.first));
    case 'quarter':
      return m.periods.quarter(
        Math.floor((civilDate(period.first).month - 1) / 3) + 1,
        String(year),
      );
    case 'year':
      return String(year);
    case 'custom':
      // Intl shortens the range and writes the year once: "5 maart – 10 april 2011".
      return period.first === period.last
        ? longDay(language, period.first)
        : dateFormat(language, 'long').formatRange(toDate(period.first), toDate(period.last));
    case 'lists':
      return m.periods.lists;
  }
}

/** True when the explanation counts customers at moments t0 and t1 (the retention family). */
function countsAtMoments(explanation: Explanation): boolean {
  return 'S' in explanation.terms || 'E' in explanation.terms;
}

/**
 * The definitions in force, one sentence each: where the numbers come from, the period and its
 * days, the moments S and E are counted at, when a customer counts as active (W for orders) and
 * the refunds rule.
 * @example ['Berekend uit je bestellingen.', 'Periode: maart 2011 (1–31 maart)', …,
 *   'Een klant die 365 dagen niets koopt, telt als verloren.', …]
 */
export function definitionLines(explanation: Explanation, language: Language): string[] {
  const m = metricCatalogs[language].definitions;
  const d = explanation.definitions;
  const lines: string[] = [m.inputKind[d.inputKind]];
  const period = d.period;
  if (period !== null && period.unit !== 'lists') {
    const name = periodName(period, language);
    lines.push(
      period.unit === 'day' || period.unit === 'custom'
        ? m.periodOnly(name)
        : m.period(name, dayRange(language, period.first, period.last)),
    );
    if (countsAtMoments(explanation)) {
      lines.push(m.moments(longDay(language, period.t0), longDay(language, period.t1)));
    }
  }
  if (d.inputKind === 'subscriptions' && countsAtMoments(explanation)) {
    lines.push(m.activeSubscriptions);
  }
  if (d.inputKind === 'lists') lines.push(m.activeLists);
  // W decides who is active at t0 and t1; the repeat-purchase shares do not depend on it.
  if (d.inputKind === 'orders' && d.windowDays !== null && countsAtMoments(explanation)) {
    lines.push(m.window(d.windowDays, formatNumber(language, d.windowDays)));
  }
  if (d.refunds !== null) lines.push(m.refunds[d.refunds]);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Notes

export interface NoteLine {
  readonly code: NoteCode;
  readonly text: string;
  /** The customers the note names (listed below it in the UI); null when it names none. */
  readonly customers: readonly number[] | null;
}

/** The X of a "bought again within X days" explanation. */
function daysOf(explanation: Explanation): number | null {
  const term = explanation.terms.days;
  if (term !== undefined) return term.value;
  const match = /^repeat-within-(\d+)$/.exec(explanation.metric);
  return match === null ? null : Number(match[1]);
}

/**
 * The notes of an explanation as sentences, with the customers each one names.
 * @example 'joined-and-left' (3) → '3 klanten kwamen er in maart 2024 bij en waren aan het eind
 *   alweer weg: de formule telt ze als verloren klanten van het begin. Ze staan hieronder.'
 */
export function noteLines(explanation: Explanation, language: Language): NoteLine[] {
  const m = metricCatalogs[language];
  const d = explanation.definitions;
  const period =
    d.period === null || d.period.unit === 'lists' ? null : periodName(d.period, language);
  const windowDays = d.inputKind === 'orders' ? d.windowDays : null;
  const days = daysOf(explanation);
  return explanation.notes.map((note) => {
    const customers = note.customers ?? null;
    const count = note.count ?? customers?.length ?? 0;
    const params: NoteParams = {
      metric: explanation.metric,
      count,
      countText: formatNumber(language, count),
      pointsText:
        note.value === undefined ? '' : formatNumber(language, Math.abs(note.value) * 100, 1),
      higher: note.value !== undefined && note.value > 0,
      period,
      windowDays,
      windowText: windowDays === null ? null : formatNumber(language, windowDays),
      daysText: days === null ? null : formatNumber(language, days),
      listed: customers !== null && customers.length > 0,
    };
    return { code: note.code, text: m.notes[note.code](params), customers };
  });
}
