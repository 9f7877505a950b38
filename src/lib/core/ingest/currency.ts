/**
 * The currency of a file's money: from a currency column (Shopify writes "INR" on every order),
 * else from the signs and codes in the amounts ("€ 12,50", "$3.00"), else euros, the currency of
 * most of our users. The user can change it on the mapping screen.
 */
import { normalizeHeader } from './roles.ts';
import { cellText, type RawCell } from './raw-table.ts';

/** Currencies offered on the mapping screen (ISO 4217 codes, formatted by Intl). */
export const currencies = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'DKK',
  'SEK',
  'NOK',
  'PLN',
  'CZK',
  'INR',
  'AUD',
  'CAD',
  'JPY',
] as const;

export type Currency = (typeof currencies)[number];

const signs: ReadonlyArray<readonly [RegExp, Currency]> = [
  [/€|\beur\b|\beuro/i, 'EUR'],
  [/£|\bgbp\b/i, 'GBP'],
  [/₹|\binr\b/i, 'INR'],
  [/\busd\b|us\$|\$/i, 'USD'],
  [/\bchf\b/i, 'CHF'],
  [/\bdkk\b/i, 'DKK'],
  [/\bsek\b/i, 'SEK'],
  [/\bnok\b/i, 'NOK'],
  [/\bpln\b|zł/i, 'PLN'],
  [/\bczk\b|kč/i, 'CZK'],
  [/\baud\b/i, 'AUD'],
  [/\bcad\b/i, 'CAD'],
  [/¥|\bjpy\b/i, 'JPY'],
];

const currencyHeaders = new Set(['currency', 'valuta', 'munt', 'currency code', 'valutacode']);

function isCurrency(value: string): value is Currency {
  return (currencies as readonly string[]).includes(value);
}

/**
 * The currency most of the evidence names, or EUR when nothing names one.
 * @example guessCurrency(['Total', 'Currency'], [['10.00', 'INR']], [0]) === 'INR'
 */
export function guessCurrency(
  headers: readonly string[],
  rows: readonly (readonly RawCell[])[],
  moneyColumns: readonly number[],
): Currency {
  const votes = new Map<Currency, number>();
  const vote = (currency: Currency, weight: number) =>
    votes.set(currency, (votes.get(currency) ?? 0) + weight);
  const codeColumns = headers.flatMap((header, column) =>
    currencyHeaders.has(normalizeHeader(header)) ? [column] : [],
  );
  for (const row of rows) {
    for (const column of codeColumns) {
      const code = cellText(row[column]).toUpperCase();
      if (isCurrency(code)) vote(code, 2);
    }
    for (const column of moneyColumns) {
      const cell = row[column];
      if (typeof cell !== 'string') continue;
      const found = signs.find(([pattern]) => pattern.test(cell));
      if (found) vote(found[1], 1);
    }
  }
  let best: Currency = 'EUR';
  let most = 0;
  for (const [currency, count] of votes) {
    if (count > most) {
      best = currency;
      most = count;
    }
  }
  return best;
}
