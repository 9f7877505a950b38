/**
 * Turns a raw table and a confirmed mapping into the columnar dataset, row by row, never throwing
 * on user data: rows that cannot be used are counted and listed by reason, with their row numbers.
 */
import { NO_DAY, type CategoryColumn, type Dataset, type InputKind } from '../model/dataset.ts';
import { civilDate, daysInMonth, epochDay } from '../model/days.ts';
import { firstDataRow, type Mapping } from './detect.ts';
import { parseAmount } from './parse-amount.ts';
import { parseDateCell } from './parse-date.ts';
import { cellText, type RawCell, type RawTable } from './raw-table.ts';
import type { ColumnRole } from './roles.ts';

/** Why a row was set aside. */
export type SkipReason =
  | 'missing-customer'
  | 'missing-date'
  | 'unreadable-date'
  | 'unreadable-end-date'
  | 'end-before-start'
  | 'unreadable-tenure';

export const skipReasons: readonly SkipReason[] = [
  'missing-customer',
  'missing-date',
  'unreadable-date',
  'unreadable-end-date',
  'end-before-start',
  'unreadable-tenure',
];

/** Something odd in a row that was still used. */
export type RowWarning = 'unreadable-amount';

/** Why a whole mapping cannot be used. */
export type MappingIssue = 'no-customer-column' | 'no-date-column' | 'no-usable-rows';

export interface RowProblem<Code> {
  /** Row number as a spreadsheet shows it (1-based, header included). */
  readonly row: number;
  readonly code: Code;
  /** The cell text that caused it, when one did. */
  readonly value: string;
}

export interface ImportSummary {
  readonly kind: InputKind;
  /** Data rows below the header, blank rows not counted. */
  readonly rowsRead: number;
  /** Rows in the dataset (purchases, refunds, subscriptions or list entries). */
  readonly rowsUsed: number;
  /** Distinct customers with at least one purchase (orders) or row (other kinds). */
  readonly customers: number;
  /** First and last day in the data, null when there are no dates. */
  readonly dateRange: { readonly from: number; readonly to: number } | null;
  readonly skipped: Readonly<Record<SkipReason, number>>;
  /** Rows read as refunds or cancellations (negative amounts, "C" invoices, cancelled status). */
  readonly refundRows: number;
  readonly warnings: Readonly<Record<RowWarning, number>>;
}

export type IngestResult =
  | {
      readonly ok: true;
      readonly dataset: Dataset;
      readonly summary: ImportSummary;
      readonly skippedRows: readonly RowProblem<SkipReason>[];
      readonly warningRows: readonly RowProblem<RowWarning>[];
    }
  | { readonly ok: false; readonly issue: MappingIssue };

export interface IngestOptions {
  /**
   * The day a snapshot export (tenure in months + churned yes/no) was taken. Needed only for
   * such files; callers pass today.
   */
  readonly referenceDay?: number;
}

/** Cell texts that mean "nothing here". */
const emptyTokens = new Set([
  '',
  '-',
  '--',
  'na',
  'n/a',
  'n.v.t.',
  'nvt',
  'null',
  'none',
  'nan',
  '#n/a',
  '(blank)',
  '(leeg)',
  'nil',
  '.',
]);

function isEmptyValue(text: string): boolean {
  // No token is longer than 8 characters: most keys and dates skip the lower-casing.
  return text.length <= 8 && emptyTokens.has(text.toLowerCase());
}

/** Whether a cell holds anything but white space, without building its trimmed text. */
function hasContent(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return false;
  if (typeof cell !== 'string') return true;
  if (cell.length === 0) return false;
  const first = cell.charCodeAt(0);
  return (first > 32 && first !== 160) || cell.trim() !== '';
}

/** Status words that mean the order did not count: cancelled, refunded, failed. */
const cancelledStatus =
  /cancel|annul|refund|terugbeta|void|return|retour|credit|chargeback|storn|fail|mislukt|declin|geweigerd/i;

const yesWords = new Set(['yes', 'ja', 'true', 'waar', 'y', 'j', '1']);

/**
 * The customer key as compared: trimmed, inner spaces collapsed, e-mail addresses in lower case,
 * and "17850.0" (a number that went through a spreadsheet) as "17850".
 */
export function customerKey(text: string): string {
  let key = text.trim().replace(/\s+/g, ' ');
  if (key.includes('@')) key = key.toLowerCase();
  else if (/^\d+\.0+$/.test(key)) key = key.slice(0, key.indexOf('.'));
  return key;
}

/** A growable Int32Array, so that a million rows do not become a million small objects. */
class IntColumn {
  values = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  finish(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

class FloatColumn {
  values = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  finish(): Float64Array {
    return this.values.slice(0, this.length);
  }
}

/** Strings → small integers, keeping the first spelling seen for display. */
class Dictionary {
  readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  code(key: string, display: string = key): number {
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(key, code);
      this.values.push(display);
    }
    return code;
  }
}

/** A date column read through a cache: exports repeat the same date text thousands of times. */
function dateReader(mapping: Mapping, date1904: boolean): (cell: RawCell) => number | null {
  const cache = new Map<string, number | null>();
  return (cell) => {
    if (typeof cell !== 'string') {
      return parseDateCell(cell, mapping.dateOrder, date1904, mapping.serialDates);
    }
    let day = cache.get(cell);
    if (day === undefined) {
      day = parseDateCell(cell, mapping.dateOrder, date1904, mapping.serialDates);
      if (cache.size < 100_000) cache.set(cell, day);
    }
    return day;
  };
}

/** The day `months` calendar months before `day`, clamped to the month's length. */
function monthsBefore(day: number, months: number): number {
  const { year, month, day: dayOfMonth } = civilDate(day);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return epochDay(
    targetYear,
    targetMonth,
    Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)),
  );
}

/**
 * Builds the dataset from a table and a mapping (METRICS.md §1).
 * Orders: one row per purchase line; negative amounts, "C" invoice numbers and cancelled statuses
 * are refunds. Subscriptions: start and optional end per row, or tenure in months before
 * `referenceDay` with a churned flag. Without an amount column, amount = quantity × unit price.
 */
export function ingest(
  table: RawTable,
  mapping: Mapping,
  options: IngestOptions = {},
): IngestResult {
  const { roles } = mapping;
  const column = (role: ColumnRole) => roles.indexOf(role);
  const customerColumn = column('customer');
  const dateColumn = column('date');
  const tenureColumn = column('tenure');
  const churnedColumn = column('churned');
  const useTenure = mapping.kind === 'subscriptions' && dateColumn < 0 && tenureColumn >= 0;
  if (customerColumn < 0) return { ok: false, issue: 'no-customer-column' };
  if (dateColumn < 0 && !useTenure && mapping.kind !== 'lists') {
    return { ok: false, issue: 'no-date-column' };
  }
  const endColumn = mapping.kind === 'subscriptions' ? column('end') : -1;
  const amountColumn = column('amount');
  const quantityColumn = column('quantity');
  const priceColumn = column('price');
  const orderColumn = column('order');
  const statusColumn = column('status');
  const categoryColumns = roles.flatMap((role, index) => (role === 'category' ? [index] : []));
  const hasAmount = amountColumn >= 0 || (quantityColumn >= 0 && priceColumn >= 0);
  const referenceDay = options.referenceDay ?? epochDay(2000, 1, 1);
  const readDate = dateReader(mapping, table.date1904);

  const customers = new Dictionary();
  const customerBySpelling = new Map<string, number>();
  const orders = new Dictionary();
  const categories = categoryColumns.map(() => new Dictionary());
  const customerCodes = new IntColumn();
  const days = new IntColumn();
  const endDays = new IntColumn();
  const amounts = new FloatColumn();
  const orderCodes = new IntColumn();
  const refunds = new IntColumn();
  const sourceRows = new IntColumn();
  const categoryCodes = categoryColumns.map(() => new IntColumn());
  const skippedRows: RowProblem<SkipReason>[] = [];
  const warningRows: RowProblem<RowWarning>[] = [];
  const skipped = Object.fromEntries(skipReasons.map((reason) => [reason, 0])) as Record<
    SkipReason,
    number
  >;
  /** Orders whose status says cancelled: all their lines become refunds afterwards. */
  const cancelledOrders = new Set<number>();
  const rows = table.rows;
  let rowsRead = 0;

  const skip = (row: number, code: SkipReason, value: string) => {
    skipped[code] += 1;
    skippedRows.push({ row, code, value });
  };

  for (let index = firstDataRow(rows, mapping.headerRow); index < rows.length; index += 1) {
    const row = rows[index];
    let blank = true;
    for (let column = 0; column < row.length; column += 1) {
      if (hasContent(row[column])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    rowsRead += 1;
    const rowNumber = index + 1;

    const keyText = cellText(row[customerColumn]);
    if (isEmptyValue(keyText)) {
      skip(rowNumber, 'missing-customer', keyText);
      continue;
    }

    let day = NO_DAY;
    let endDay = NO_DAY;
    if (useTenure) {
      const tenureText = cellText(row[tenureColumn]);
      const tenure = Number(tenureText.replace(',', '.'));
      if (tenureText === '' || !Number.isFinite(tenure) || tenure < 0) {
        skip(rowNumber, 'unreadable-tenure', tenureText);
        continue;
      }
      day = monthsBefore(referenceDay, Math.round(tenure));
      const churned =
        churnedColumn >= 0 && yesWords.has(cellText(row[churnedColumn]).toLowerCase());
      if (churned) endDay = referenceDay;
    } else if (dateColumn >= 0) {
      const dateCell = row[dateColumn] ?? null;
      const dateText = cellText(dateCell);
      const parsed = isEmptyValue(dateText) ? null : readDate(dateCell);
      if (parsed !== null) {
        day = parsed;
      } else if (mapping.kind !== 'lists') {
        // A list's signup date is optional: without one the customer is still on the list.
        skip(rowNumber, isEmptyValue(dateText) ? 'missing-date' : 'unreadable-date', dateText);
        continue;
      }
    }
    if (endColumn >= 0) {
      const endCell = row[endColumn] ?? null;
      const endText = cellText(endCell);
      if (!isEmptyValue(endText)) {
        const parsed = readDate(endCell);
        if (parsed === null) {
          skip(rowNumber, 'unreadable-end-date', endText);
          continue;
        }
        if (parsed < day) {
          skip(rowNumber, 'end-before-start', endText);
          continue;
        }
        endDay = parsed;
      }
    }

    let amount = 0;
    if (hasAmount) {
      const amountText = amountColumn >= 0 ? cellText(row[amountColumn]) : '';
      let value: number | null = null;
      if (amountColumn >= 0 && !isEmptyValue(amountText)) {
        value = parseAmount(row[amountColumn], mapping.decimal);
        if (value === null) {
          warningRows.push({ row: rowNumber, code: 'unreadable-amount', value: amountText });
        }
      } else if (amountColumn < 0) {
        const quantity = parseAmount(row[quantityColumn], mapping.decimal);
        const price = parseAmount(row[priceColumn], mapping.decimal);
        if (quantity !== null && price !== null) value = quantity * price;
        else if (cellText(row[quantityColumn]) !== '' || cellText(row[priceColumn]) !== '') {
          warningRows.push({
            row: rowNumber,
            code: 'unreadable-amount',
            value: `${cellText(row[quantityColumn])} × ${cellText(row[priceColumn])}`,
          });
        }
      }
      // An empty amount on a line of a multi-line order is the order total written once: 0 here.
      amount = value ?? 0;
    }

    let orderCode = -1;
    let refund = amount < 0;
    if (orderColumn >= 0) {
      const orderText = cellText(row[orderColumn]);
      if (!isEmptyValue(orderText)) {
        orderCode = orders.code(orderText);
        // Cancellation invoices as the UCI Online Retail data writes them: "C536379".
        if (/^C\d+$/i.test(orderText)) {
          refund = true;
          amount = -Math.abs(amount);
        }
      }
    }
    if (statusColumn >= 0 && cancelledStatus.test(cellText(row[statusColumn]))) {
      refund = true;
      if (orderCode >= 0) cancelledOrders.add(orderCode);
    }

    // Exports repeat each key many times: the normalized code is looked up once per spelling.
    let customerCode = customerBySpelling.get(keyText);
    if (customerCode === undefined) {
      customerCode = customers.code(customerKey(keyText), keyText);
      customerBySpelling.set(keyText, customerCode);
    }
    customerCodes.push(customerCode);
    days.push(day);
    endDays.push(endDay);
    amounts.push(amount);
    orderCodes.push(orderCode);
    refunds.push(refund ? 1 : 0);
    sourceRows.push(rowNumber);
    for (let position = 0; position < categoryColumns.length; position += 1) {
      const value = cellText(row[categoryColumns[position]]);
      categoryCodes[position].push(categories[position].code(value));
    }
  }

  const rowCount = customerCodes.length;
  if (rowCount === 0) return { ok: false, issue: 'no-usable-rows' };
  const refund = new Uint8Array(rowCount);
  const orderArray = orderCodes.finish();
  const amountArray = amounts.finish();
  for (let row = 0; row < rowCount; row += 1) {
    refund[row] = refunds.values[row];
    if (cancelledOrders.has(orderArray[row])) refund[row] = 1;
    // A cancelled order with a positive total never earned money: it counts as 0, not as income.
    if (refund[row] === 1 && amountArray[row] > 0 && cancelledOrders.has(orderArray[row])) {
      amountArray[row] = 0;
    }
  }

  const customerArray = customerCodes.finish();
  const dayArray = days.finish();
  const buyers = new Uint8Array(customers.values.length);
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  let refundRows = 0;
  const endArray = endDays.finish();
  for (let row = 0; row < rowCount; row += 1) {
    if (refund[row] === 1) refundRows += 1;
    if (mapping.kind !== 'orders' || refund[row] === 0) buyers[customerArray[row]] = 1;
    const day = dayArray[row];
    if (day !== NO_DAY) {
      if (day < from) from = day;
      if (day > to) to = day;
    }
    const end = endArray[row];
    if (end !== NO_DAY && end > to) to = end;
  }
  let customerCount = 0;
  for (const buyer of buyers) customerCount += buyer;

  const categoryList: CategoryColumn[] = categoryColumns.map((categoryColumn, position) => ({
    name:
      mapping.headerRow >= 0
        ? cellText(rows[mapping.headerRow][categoryColumn])
        : `${categoryColumn + 1}`,
    values: categories[position].values,
    codes: categoryCodes[position].finish(),
  }));

  const dataset: Dataset = {
    kind: mapping.kind,
    rowCount,
    customerKeys: customers.values,
    customer: customerArray,
    day: dayArray,
    endDay: mapping.kind === 'subscriptions' ? endArray : null,
    amount: hasAmount ? amountArray : null,
    order: orderColumn >= 0 ? orderArray : null,
    refund,
    list: null,
    sourceRow: sourceRows.finish(),
    categories: categoryList,
  };
  return {
    ok: true,
    dataset,
    summary: {
      kind: mapping.kind,
      rowsRead,
      rowsUsed: rowCount,
      customers: customerCount,
      dateRange: Number.isFinite(from) ? { from, to } : null,
      skipped,
      refundRows,
      warnings: { 'unreadable-amount': warningRows.length },
    },
    skippedRows,
    warningRows,
  };
}
