/**
 * Reading money and counts written the way people write them: decimal comma or point, thousands
 * separators, currency signs and codes, minus signs in front or behind, accounting parentheses.
 * `€ 1.234,56`, `1,234.56`, `-12,50`, `(12.50)`, `12,50-` and `EUR 7` all read.
 */
import type { RawCell } from './raw-table.ts';

/** The decimal separator of a column. */
export type DecimalSeparator = ',' | '.';

// Currency signs, ISO codes and words that may surround an amount; removed before reading.
const currencyPattern =
  /[€$£¥₹₽¤ƒ]|\b(?:eur|euro|euros|usd|gbp|inr|chf|dkk|sek|nok|pln|aud|cad|jpy|fl|us)\b/gi;
// Every kind of space, and the apostrophe used as thousands separator in Switzerland.
const spacePattern = /[\s\u00a0\u2007\u202f'’]/g;

const plainPoint = /^-?\d{1,15}(\.\d+)?$/;
const plainComma = /^-?\d{1,15}(,\d+)?$/;

/**
 * Strips signs and currency and returns the bare digits with separators plus the sign, or null
 * when what is left is not a number.
 */
function normalize(raw: string): { body: string; negative: boolean } | null {
  let text = raw.replace(currencyPattern, '').replace(spacePattern, '');
  if (text === '') return null;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-−–]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  if (/[-−]$/.test(text)) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  if (!/^(\d[\d.,]*)?(\d|[.,]\d+)$/.test(text) && !/^\d+$/.test(text)) return null;
  return { body: text, negative };
}

/**
 * What one value says about the decimal separator: ',' or '.' when it proves one, null when it
 * could be either ("1,234", "7").
 */
function separatorEvidence(body: string): DecimalSeparator | null {
  const lastComma = body.lastIndexOf(',');
  const lastPoint = body.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) return lastComma > lastPoint ? ',' : '.';
  const separator = lastComma >= 0 ? ',' : lastPoint >= 0 ? '.' : null;
  if (separator === null) return null;
  const count = body.split(separator).length - 1;
  if (count > 1) return separator === ',' ? '.' : ','; // 1.234.567: the point groups thousands
  const decimals = body.length - body.lastIndexOf(separator) - 1;
  return decimals === 3 ? null : separator;
}

/**
 * The decimal separator a column uses, from the values that prove one. When none does (every
 * separator is followed by exactly three digits, as in "1.250"), the separator is read as a
 * thousands separator: money is rarely written with three decimals.
 * @example guessDecimalSeparator(['1.234,50', '12,5']) === ','
 */
export function guessDecimalSeparator(values: readonly RawCell[]): DecimalSeparator {
  let comma = 0;
  let point = 0;
  let threeDigitComma = 0;
  let threeDigitPoint = 0;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const normalized = normalize(value);
    if (!normalized) continue;
    const evidence = separatorEvidence(normalized.body);
    if (evidence === ',') comma += 1;
    else if (evidence === '.') point += 1;
    else if (normalized.body.includes(',')) threeDigitComma += 1;
    else if (normalized.body.includes('.')) threeDigitPoint += 1;
  }
  if (comma !== point) return comma > point ? ',' : '.';
  // No proof either way: "1.250" groups thousands (decimal comma), "1,250" too (decimal point).
  return threeDigitPoint > threeDigitComma ? ',' : '.';
}

/**
 * The number in an amount cell, or null when the cell is empty or not a number.
 * @example parseAmount('€ 1.234,56', ',') === 1234.56
 * @example parseAmount('(12.50)', '.') === -12.5
 */
export function parseAmount(cell: RawCell, decimal: DecimalSeparator): number | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  // Fast path for the plain numbers most exports write ("12.50", "-3", "7,95" in Dutch files).
  if (decimal === '.' ? plainPoint.test(cell) : plainComma.test(cell)) {
    return Number(decimal === '.' ? cell : cell.replace(',', '.'));
  }
  const normalized = normalize(cell);
  if (!normalized) return null;
  const { body, negative } = normalized;
  const thousands = decimal === ',' ? '.' : ',';
  let plain = body.split(thousands).join('');
  if (decimal === ',') plain = plain.replace(',', '.');
  if ((plain.match(/\./g) ?? []).length > 1) return null;
  const value = Number(plain);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
