/**
 * First look at a raw table: where the header is, what each column means, which input kind the
 * file holds, and how its dates and amounts are written. Everything here is a guess that the user
 * confirms or corrects on the mapping screen.
 */
import type { InputKind } from '../model/dataset.ts';
import { cellText, isExcelDate, type RawCell, type RawTable } from './raw-table.ts';
import { guessDateOrder, looksLikeSerialDates, type DateOrder } from './parse-date.ts';
import { guessDecimalSeparator, type DecimalSeparator } from './parse-amount.ts';
import { guessCurrency, type Currency } from './currency.ts';
import {
  columnRoles,
  headerScore,
  isStartHeader,
  profileValues,
  singleRoles,
  valuesFit,
  type ColumnRole,
  type ValueProfile,
} from './roles.ts';

/** How to read a table: confirmed or corrected by the user, then handed to `ingest`. */
export interface Mapping {
  readonly kind: InputKind;
  /** Index in `table.rows` of the header row; -1 when the file has no header. */
  readonly headerRow: number;
  /** One role per column. */
  readonly roles: readonly ColumnRole[];
  readonly dateOrder: DateOrder;
  /** Decimal separator of the money columns. */
  readonly decimal: DecimalSeparator;
  /** Plain numbers in date columns are Excel serial dates. */
  readonly serialDates: boolean;
  /** The currency of the money columns (ISO 4217); euros when absent (older sessions). */
  readonly currency?: Currency;
}

/** Something the user should look at before confirming. */
export type DetectionNote =
  | 'no-customer-column'
  | 'no-date-column'
  | 'ambiguous-date-order'
  | 'no-header'
  | 'no-amount-column';

export interface Detection {
  readonly mapping: Mapping;
  /** The header text of each column ('' for columns without one). */
  readonly headers: readonly string[];
  readonly columnCount: number;
  /** Number of data rows below the header (blank rows not counted). */
  readonly dataRows: number;
  readonly notes: readonly DetectionNote[];
}

/** How many rows are looked at to guess roles and formats; the whole file is read later. */
const sampleSize = 2000;
/** Title rows above the header are looked for in this many rows. */
const headerSearchRows = 30;

function isBlankRow(row: readonly RawCell[]): boolean {
  for (const cell of row) if (cellText(cell) !== '') return false;
  return true;
}

/** A cell that can only be a header or a label: text that is no number and no date. */
function isLabel(cell: RawCell): boolean {
  if (typeof cell !== 'string' || isExcelDate(cell)) return false;
  const text = cell.trim();
  if (text === '') return false;
  if (/^[-+(]?[\d\s.,€$£%)]+-?$/.test(text)) return false;
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(text)) return false;
  return true;
}

function filledCount(row: readonly RawCell[]): number {
  let count = 0;
  for (const cell of row) if (cellText(cell) !== '') count += 1;
  return count;
}

/**
 * The index of the header row, skipping title and blank rows above it; -1 when the data starts
 * without a header (every candidate row holds numbers or dates).
 * A header row is filled across at least half of the table's usual width, holds only labels, and
 * has no label twice.
 */
export function findHeaderRow(rows: readonly (readonly RawCell[])[]): number {
  const limit = Math.min(rows.length, headerSearchRows);
  const widths: number[] = [];
  for (let index = 0; index < Math.min(rows.length, 200); index += 1) {
    const filled = filledCount(rows[index]);
    if (filled > 0) widths.push(filled);
  }
  if (widths.length === 0) return -1;
  const usualWidth = mode(widths);
  for (let index = 0; index < limit; index += 1) {
    const row = rows[index];
    const filled = filledCount(row);
    if (filled === 0) continue;
    if (filled < Math.max(1, Math.ceil(usualWidth * 0.5))) continue;
    const labels = row.filter(isLabel).map((cell) => cellText(cell).toLowerCase());
    if (labels.length === filled && new Set(labels).size === labels.length) return index;
    // The first full-width row that is not all labels is data: there is no header.
    if (filled >= usualWidth) return -1;
  }
  return -1;
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = values[0];
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > (counts.get(best) ?? 0) || (count === counts.get(best) && value > best))
      best = value;
  }
  return best;
}

/** The first data row after the header (or the first non-blank row without a header). */
export function firstDataRow(table: RawTable, headerRow: number): number {
  let index = headerRow + 1;
  while (index < table.rowCount && headerRow < 0 && table.isBlankRow(index)) index += 1;
  return index;
}

/**
 * The rows the guesses look at: enough for the header search and for {@link sampleSize}
 * non-blank data rows after it. A million-row table is never turned into rows as a whole.
 */
function leadingRows(table: RawTable): (readonly RawCell[])[] {
  const rows: (readonly RawCell[])[] = [];
  let filled = 0;
  for (let index = 0; index < table.rowCount && filled < sampleSize + 200; index += 1) {
    const row = table.row(index);
    rows.push(row);
    if (!isBlankRow(row)) filled += 1;
  }
  return rows;
}

function columnSample(
  rows: readonly (readonly RawCell[])[],
  start: number,
  column: number,
): RawCell[] {
  const values: RawCell[] = [];
  for (let index = start; index < rows.length && values.length < sampleSize; index += 1) {
    const row = rows[index];
    if (isBlankRow(row)) continue;
    values.push(row[column] ?? null);
  }
  return values;
}

interface Candidate {
  readonly column: number;
  readonly role: Exclude<ColumnRole, 'ignore'>;
  readonly score: number;
}

/** Score of a column for a role, from header and values; 0 = not a candidate. */
function roleScore(
  role: Exclude<ColumnRole, 'ignore'>,
  header: string,
  profile: ValueProfile,
  hasHeader: boolean,
): number {
  if (!valuesFit(role, profile)) return 0;
  let score = hasHeader ? headerScore(header, role) * 10 : 0;
  if (role === 'order' && profile.orderLike >= 0.8) score = Math.max(score, 25);
  if (role === 'customer' && profile.orderLike >= 0.8) return 0;
  if (score === 0) return 0;
  // Between equally named columns, the fuller one wins (Shopify's "Created at" over "Paid at").
  return score + profile.filled / (sampleSize * 10);
}

/**
 * Roles for columns whose headers said nothing: the first date column, a money column (numbers
 * with cents), an e-mail column or the first identifier column as customer.
 */
function rolesFromValues(roles: ColumnRole[], profiles: readonly ValueProfile[]): void {
  const free = (column: number) => roles[column] === 'ignore' && profiles[column].filled > 0;
  if (!roles.includes('date')) {
    const column = profiles.findIndex((profile, index) => free(index) && profile.dates >= 0.9);
    if (column >= 0) roles[column] = 'date';
  }
  if (!roles.includes('customer')) {
    let column = profiles.findIndex((profile, index) => free(index) && profile.emails >= 0.8);
    if (column < 0) {
      column = profiles.findIndex(
        (profile, index) =>
          free(index) &&
          profile.dates < 0.5 &&
          (profile.numbers < 0.5 || profile.leadingZeros > 0.5 || profile.fractions === 0) &&
          profile.distinct > 1,
      );
    }
    if (column >= 0) roles[column] = 'customer';
  }
  if (!roles.includes('amount') && !(roles.includes('quantity') && roles.includes('price'))) {
    const column = profiles.findIndex(
      (profile, index) => free(index) && profile.numbers >= 0.9 && profile.fractions > 0,
    );
    if (column >= 0) roles[column] = 'amount';
  }
}

/** Chooses the input kind from the roles and headers (METRICS.md §1). */
function guessKind(
  roles: readonly ColumnRole[],
  headers: readonly string[],
  customerProfile: ValueProfile | undefined,
): InputKind {
  const dateColumn = roles.indexOf('date');
  if (dateColumn < 0 && roles.includes('tenure')) return 'subscriptions';
  if (dateColumn >= 0 && isStartHeader(headers[dateColumn])) return 'subscriptions';
  const onePerCustomer = (customerProfile?.distinctShare ?? 0) >= 0.9;
  if (roles.includes('end') && !roles.includes('order') && onePerCustomer) return 'subscriptions';
  return 'orders';
}

/**
 * Guesses header, roles, kind, date order and decimal separator of a table.
 * @example detect(rowsTable([['Klant', 'Datum', 'Bedrag'], ['A', '3-1-2024', '12,50']]))
 *   → mapping { kind: 'orders', headerRow: 0, roles: ['customer', 'date', 'amount'], … }
 */
export function detect(table: RawTable): Detection {
  const rows = leadingRows(table);
  const headerRow = findHeaderRow(rows);
  const start = firstDataRow(table, headerRow);
  let columnCount = headerRow >= 0 ? rows[headerRow].length : 0;
  let dataRows = 0;
  for (let index = start; index < table.rowCount; index += 1) {
    if (table.isBlankRow(index)) continue;
    dataRows += 1;
    if (dataRows <= sampleSize) columnCount = Math.max(columnCount, rows[index].length);
  }
  const headers = Array.from({ length: columnCount }, (_, column) =>
    headerRow >= 0 ? cellText(rows[headerRow][column]).replace(/\s+/g, ' ') : '',
  );
  const samples = headers.map((_, column) => columnSample(rows, start, column));
  const profiles = samples.map(profileValues);

  const candidates: Candidate[] = [];
  for (let column = 0; column < columnCount; column += 1) {
    for (const role of columnRoles) {
      if (role === 'ignore') continue;
      const score = roleScore(role, headers[column], profiles[column], headerRow >= 0);
      if (score > 0) candidates.push({ column, role, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const roles: ColumnRole[] = headers.map(() => 'ignore');
  for (const { column, role } of candidates) {
    if (roles[column] !== 'ignore') continue;
    if (singleRoles.has(role) && roles.includes(role)) continue;
    roles[column] = role;
  }
  rolesFromValues(roles, profiles);

  const customerColumn = roles.indexOf('customer');
  const kind = guessKind(roles, headers, profiles[customerColumn]);
  if (kind === 'orders') {
    const end = roles.indexOf('end');
    if (end >= 0) roles[end] = 'ignore';
  }

  const dateValues = roles.flatMap((role, column) =>
    role === 'date' || role === 'end' ? samples[column] : [],
  );
  const dateGuess = guessDateOrder(dateValues);
  const moneyValues = roles.flatMap((role, column) =>
    role === 'amount' || role === 'price' || role === 'quantity' ? samples[column] : [],
  );
  const dateColumn = roles.indexOf('date');
  const serialDates =
    dateColumn >= 0 &&
    !samples[dateColumn].some(isExcelDate) &&
    looksLikeSerialDates(samples[dateColumn]);

  const notes: DetectionNote[] = [];
  if (headerRow < 0) notes.push('no-header');
  if (customerColumn < 0) notes.push('no-customer-column');
  if (dateColumn < 0 && !roles.includes('tenure')) notes.push('no-date-column');
  if (dateGuess.ambiguous) notes.push('ambiguous-date-order');
  if (!roles.includes('amount') && !(roles.includes('quantity') && roles.includes('price'))) {
    notes.push('no-amount-column');
  }
  return {
    mapping: {
      kind,
      headerRow,
      roles,
      dateOrder: dateGuess.order,
      decimal: guessDecimalSeparator(moneyValues),
      serialDates,
      currency: guessCurrency(
        headers,
        rows.slice(start, start + sampleSize),
        roles.flatMap((role, column) => (role === 'amount' || role === 'price' ? [column] : [])),
      ),
    },
    headers,
    columnCount,
    dataRows,
    notes,
  };
}
