/**
 * Reading dates as calendar days (METRICS.md §1): ISO dates and date-times, yyyymmdd, d-m-y and
 * m/d/y with 2- or 4-digit years, Dutch and English month names, and Excel serial numbers.
 * Times and UTC offsets after the date are ignored on purpose: "2024-03-31 23:30 -0500" is the 31st,
 * the day the shop's own system wrote down.
 */
import { epochDay, excelSerialDay, isValidDate } from '../model/days.ts';
import { isExcelDate, type RawCell } from './raw-table.ts';

/** Which number is the day and which the month in "03/04/2024". ymd covers "2024/03/04". */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Years outside this range are typing errors, not customer history. */
const minYear = 1900;
const maxYear = 2200;

/** Month names and abbreviations in Dutch and English (lower case, without dots). */
const monthNames: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'januari', 'january', 'jan'],
      [2, 'februari', 'february', 'feb', 'febr'],
      [3, 'maart', 'march', 'mar', 'mrt', 'maa'],
      [4, 'april', 'apr'],
      [5, 'mei', 'may'],
      [6, 'juni', 'june', 'jun'],
      [7, 'juli', 'july', 'jul'],
      [8, 'augustus', 'august', 'aug'],
      [9, 'september', 'sep', 'sept'],
      [10, 'oktober', 'october', 'okt', 'oct'],
      [11, 'november', 'nov'],
      [12, 'december', 'dec'],
    ] as const
  ).flatMap(([month, ...names]) => names.map((name) => [name, month] as const)),
);

/** Weekday names that may precede a date ("maandag 3 maart 2024", "Mon, Mar 4 2024"). */
const weekdayNames = new Set([
  'maandag',
  'dinsdag',
  'woensdag',
  'donderdag',
  'vrijdag',
  'zaterdag',
  'zondag',
  'ma',
  'di',
  'wo',
  'do',
  'vr',
  'za',
  'zo',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
]);

const isoPattern = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s,])/;
const compactPattern = /^(\d{4})(\d{2})(\d{2})(?:$|[T\s])/;
const numericPattern = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:$|[T\s,])/;

function dayOf(year: number, month: number, day: number): number | null {
  if (year < minYear || year > maxYear || !isValidDate(year, month, day)) return null;
  return epochDay(year, month, day);
}

/** Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/**
 * The epoch day of a date written as text, or null when it is no date in the given order.
 * @example parseDateText('31-12-2023', 'dmy') === epochDay(2023, 12, 31)
 * @example parseDateText('Mar 3, 2024', 'dmy') === epochDay(2024, 3, 3)
 */
export function parseDateText(raw: string, order: DateOrder): number | null {
  const text = raw.trim();
  if (text === '') return null;
  let match = isoPattern.exec(text);
  if (match) return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = compactPattern.exec(text);
  if (match) return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = numericPattern.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = fullYear(match[3]);
    return order === 'mdy' ? dayOf(year, first, second) : dayOf(year, second, first);
  }
  return parseNamedMonth(text);
}

/** "3 maart 2024", "3-mrt-24", "Mar 3, 2024", "March 3rd 2024 14:00", "maandag 4 maart 2024". */
function parseNamedMonth(text: string): number | null {
  const tokens = text
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th|e|ste|de)\b/g, '$1')
    .split(/[\s,./-]+/)
    .filter((token) => token !== '' && !weekdayNames.has(token));
  let month = 0;
  const numbers: string[] = [];
  for (const token of tokens) {
    if (/^\d+$/.test(token)) {
      numbers.push(token);
    } else if (/^\d{1,2}:\d{2}/.test(token)) {
      break; // a time of day ends the date
    } else {
      const found = monthNames.get(token);
      if (found === undefined || month !== 0) return null;
      month = found;
    }
  }
  if (month === 0 || numbers.length < 2) return null;
  const [a, b] = numbers;
  // The year is the 4-digit number, or else the last of the two.
  if (a.length === 4) return dayOf(Number(a), month, Number(b));
  if (b.length > 2 || numbers.length === 2) return dayOf(fullYear(b), month, Number(a));
  return null;
}

/**
 * Reads a date out of any raw cell: Excel date cells through the workbook's date system, numbers
 * as yyyymmdd or (when `serialNumbers`) Excel serials, text as {@link parseDateText}.
 */
export function parseDateCell(
  cell: RawCell,
  order: DateOrder,
  date1904: boolean,
  serialNumbers: boolean,
): number | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (isExcelDate(cell)) return serialDay(cell.excelSerial, date1904);
  if (typeof cell === 'number') return numberDay(cell, date1904, serialNumbers);
  if (serialNumbers && /^\d{1,6}(\.\d+)?$/.test(cell.trim())) {
    return numberDay(Number(cell), date1904, true);
  }
  return parseDateText(cell, order);
}

function serialDay(serial: number, date1904: boolean): number | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return excelSerialDay(serial, date1904);
}

function numberDay(value: number, date1904: boolean, serialNumbers: boolean): number | null {
  if (Number.isInteger(value) && value >= 19000101 && value <= 22001231) {
    return dayOf(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
  }
  return serialNumbers ? serialDay(value, date1904) : null;
}

export interface DateOrderGuess {
  readonly order: DateOrder;
  /** Every value fits both day-first and month-first: the user should be asked. */
  readonly ambiguous: boolean;
}

/**
 * Decides between day-first and month-first from a column's values: a first number above 12
 * proves day-first, a second number above 12 proves month-first; when nothing proves either, the
 * Dutch convention (day-first) is used and the guess is marked ambiguous.
 * @example guessDateOrder(['02/01/2014', '31/12/2012']) → { order: 'dmy', ambiguous: false }
 */
export function guessDateOrder(values: readonly RawCell[]): DateOrderGuess {
  let dayFirst = 0;
  let monthFirst = 0;
  let numeric = 0;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const match = numericPattern.exec(value.trim());
    if (!match) continue;
    numeric += 1;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12 && second <= 12) dayFirst += 1;
    else if (second > 12 && first <= 12) monthFirst += 1;
  }
  if (numeric === 0) return { order: 'dmy', ambiguous: false };
  if (monthFirst > dayFirst) return { order: 'mdy', ambiguous: false };
  if (dayFirst > 0) return { order: 'dmy', ambiguous: false };
  return { order: 'dmy', ambiguous: true };
}

/**
 * True when a column of plain numbers looks like Excel serial dates (days since 1900) rather than
 * amounts: whole numbers between 1950 and 2100 as serials.
 */
export function looksLikeSerialDates(values: readonly RawCell[]): boolean {
  let seen = 0;
  for (const value of values) {
    const text =
      typeof value === 'number' ? value : typeof value === 'string' ? value.trim() : null;
    if (text === null || text === '') continue;
    const number = Number(text);
    if (!Number.isFinite(number) || number < 18264 || number > 73051) return false;
    seen += 1;
  }
  return seen > 0;
}
