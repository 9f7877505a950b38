/**
 * Numbers, percentages, money and dates in the user's language, through Intl: "95,0%" in Dutch,
 * "95.0%" in English. Core hands over ratios (0–1) and epoch days; only here do they become text.
 */
import { civilDate } from '../core/model/days.ts';

export type Language = 'nl' | 'en';

export const languages: readonly Language[] = ['nl', 'en'];

const locales: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function localeOf(language: Language): string {
  return locales[language];
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}:n:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locales[language], options);
    cache.set(key, format);
  }
  return format;
}

/** A count or plain number: 1.234 (nl) / 1,234 (en). */
export function formatNumber(language: Language, value: number, fractionDigits = 0): string {
  return numberFormat(language, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A ratio as a percentage: 0.95 → "95,0%" (nl) / "95.0%" (en). */
export function formatPercent(language: Language, ratio: number, fractionDigits = 1): string {
  return numberFormat(language, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

/**
 * A ratio as a percentage with at most `maxDigits` decimals and no trailing zeros, for worked
 * examples that should read like the articles: 0.95 → "95%", 310 / 440 → "70,45%" (nl).
 */
export function formatPercentUpTo(language: Language, ratio: number, maxDigits = 2): string {
  return numberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: maxDigits,
  }).format(ratio);
}

/** Money in the data's currency (EUR unless the user chose another). */
export function formatMoney(language: Language, value: number, currency = 'EUR'): string {
  return numberFormat(language, { style: 'currency', currency }).format(value);
}

/** An epoch day as a date: "3 mrt 2024" (nl) / "3 Mar 2024" (en). Formatted in UTC on purpose. */
export function formatDay(language: Language, day: number): string {
  const key = `${language}:d`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    cache.set(key, format);
  }
  const { year, month, day: dayOfMonth } = civilDate(day);
  return format.format(new Date(Date.UTC(year, month - 1, dayOfMonth)));
}

/** Picks the language from the browser's list, Dutch unless English comes first. */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nl') return 'nl';
    if (base === 'en') return 'en';
  }
  return 'nl';
}
