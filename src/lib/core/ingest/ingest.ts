/**
 * Turns a raw table and a confirmed mapping into the columnar dataset, row by row, never throwing
 * on user data: rows that cannot be used are counted and listed by reason, with their row numbers.
 */
import { NO_DAY, type CategoryColumn, type Dataset, type InputKind } from '../model/dataset.ts';
import { civilDate, daysInMonth, epochDay } from '../model/days.ts';
import { firstDataRow, type Mapping } from './detect.ts';
import { parseAmount } from './parse-amount.ts';
import { parseDateCell } from './parse-date.ts';
import { cellText, type DistinctColumn, type RawCell, type RawTable } from './raw-table.ts';
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

/**
 * Per distinct value of a column, something computed once: the column's rows then only look up
 * the number of their value (see {@link DistinctColumn}).
 */
class PerValue<T> {
  private readonly known: T[] = [];
  constructor(
    private readonly column: DistinctColumn,
    private readonly compute: (value: RawCell) => T,
  ) {}
  /** The computed thing for the value numbered `id` (ids come in order: 0, 1, 2, …). */
  get(id: number): T {
    while (id >= this.known.length) {
      this.known.push(this.compute(this.column.value(this.known.length)));
    }
    return this.known[id];
  }
}

/** A date cell's day; null when it is no date, undefined when it is empty ("", "-", "n/a"). */
function dateValue(
  value: RawCell,
  readDay: (cell: RawCell) => number | null,
): number | null | undefined {
  return isEmptyValue(cellText(value)) ? undefined : readDay(value);
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
  const readDay = (cell: RawCell) =>
    parseDateCell(cell, mapping.dateOrder, table.date1904, mapping.serialDates);

  // Each column is read once per distinct value: a million rows hold far fewer customers,
  // days, amounts and channels. `null` marks an empty value ("", "-", "n/a", …).
  const customerIds = table.distinct(customerColumn);
  const customers = new Map<string, number>();
  const customerKeys: string[] = [];
  const customerOf = new PerValue(customerIds, (value) => {
    const text = cellText(value);
    if (isEmptyValue(text)) return -1;
    const key = customerKey(text);
    let code = customers.get(key);
    if (code === undefined) {
      code = customerKeys.length;
      customers.set(key, code);
      customerKeys.push(text);
    }
    return code;
  });
  const dateIds = dateColumn >= 0 ? table.distinct(dateColumn) : null;
  const dayOf = dateIds && new PerValue(dateIds, (value) => dateValue(value, readDay));
  const endIds = endColumn >= 0 ? table.distinct(endColumn) : null;
  const endOf = endIds && new PerValue(endIds, (value) => dateValue(value, readDay));
  const amountIds = amountColumn >= 0 ? table.distinct(amountColumn) : null;
  const amountOf =
    amountIds &&
    new PerValue(amountIds, (value): number | null | undefined =>
      isEmptyValue(cellText(value)) ? undefined : parseAmount(value, mapping.decimal),
    );
  const orderIds = orderColumn >= 0 ? table.distinct(orderColumn) : null;
  /** Per order value: -1 when empty, 1 for a cancellation invoice ("C536379"), else 0. */
  const orderKind =
    orderIds &&
    new PerValue(orderIds, (value) => {
      const text = cellText(value);
      if (isEmptyValue(text)) return -1;
      return /^C\d+$/i.test(text) ? 1 : 0;
    });
  const statusIds = statusColumn >= 0 ? table.distinct(statusColumn) : null;
  const cancelledOf =
    statusIds && new PerValue(statusIds, (value) => cancelledStatus.test(cellText(value)));
  const categories = categoryColumns.map(() => new Dictionary());
  const categoryIds = categoryColumns.map((categoryColumn) => table.distinct(categoryColumn));
  const categoryOf = categoryIds.map(
    (ids, position) => new PerValue(ids, (value) => categories[position].code(cellText(value))),
  );
  const emptyCategory = categories.map((dictionary) => () => dictionary.code(''));

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
  let rowsRead = 0;

  const skip = (row: number, code: SkipReason, value: string) => {
    skipped[code] += 1;
    skippedRows.push({ row, code, value });
  };
  const textAt = (row: number, column: number) => cellText(table.cell(row, column));

  for (let index = firstDataRow(table, mapping.headerRow); index < table.rowCount; index += 1) {
    if (table.isBlankRow(index)) continue;
    rowsRead += 1;
    const rowNumber = index + 1;

    const customerId = customerIds.id(index);
    const customerCode = customerId < 0 ? -1 : customerOf.get(customerId);
    if (customerCode < 0) {
      skip(rowNumber, 'missing-customer', textAt(index, customerColumn));
      continue;
    }

    let day = NO_DAY;
    let endDay = NO_DAY;
    if (useTenure) {
      const tenureText = textAt(index, tenureColumn);
      const tenure = Number(tenureText.replace(',', '.'));
      if (tenureText === '' || !Number.isFinite(tenure) || tenure < 0) {
        skip(rowNumber, 'unreadable-tenure', tenureText);
        continue;
      }
      day = monthsBefore(referenceDay, Math.round(tenure));
      const churned =
        churnedColumn >= 0 && yesWords.has(textAt(index, churnedColumn).toLowerCase());
      if (churned) endDay = referenceDay;
    } else if (dateIds && dayOf) {
      const id = dateIds.id(index);
      const parsed = id < 0 ? undefined : dayOf.get(id);
      if (typeof parsed === 'number') {
        day = parsed;
      } else if (mapping.kind !== 'lists') {
        // A list's signup date is optional: without one the customer is still on the list.
        const reason = parsed === undefined ? 'missing-date' : 'unreadable-date';
        skip(rowNumber, reason, textAt(index, dateColumn));
        continue;
      }
    }
    if (endIds && endOf) {
      const id = endIds.id(index);
      const parsed = id < 0 ? undefined : endOf.get(id);
      if (parsed !== undefined) {
        if (parsed === null) {
          skip(rowNumber, 'unreadable-end-date', textAt(index, endColumn));
          continue;
        }
        if (parsed < day) {
          skip(rowNumber, 'end-before-start', textAt(index, endColumn));
          continue;
        }
        endDay = parsed;
      }
    }

    let amount = 0;
    if (hasAmount) {
      let value: number | null = null;
      if (amountIds && amountOf) {
        const id = amountIds.id(index);
        const parsed = id < 0 ? undefined : amountOf.get(id);
        if (parsed === null) {
          const text = textAt(index, amountColumn);
          warningRows.push({ row: rowNumber, code: 'unreadable-amount', value: text });
        } else if (parsed !== undefined) value = parsed;
      } else {
        const quantityCell = table.cell(index, quantityColumn);
        const priceCell = table.cell(index, priceColumn);
        const quantity = parseAmount(quantityCell, mapping.decimal);
        const price = parseAmount(priceCell, mapping.decimal);
        if (quantity !== null && price !== null) value = quantity * price;
        else if (cellText(quantityCell) !== '' || cellText(priceCell) !== '') {
          warningRows.push({
            row: rowNumber,
            code: 'unreadable-amount',
            value: `${cellText(quantityCell)} × ${cellText(priceCell)}`,
          });
        }
      }
      // An empty amount on a line of a multi-line order is the order total written once: 0 here.
      amount = value ?? 0;
    }

    let orderCode = -1;
    let refund = amount < 0;
    if (orderIds && orderKind) {
      const id = orderIds.id(index);
      const kind = id < 0 ? -1 : orderKind.get(id);
      if (kind >= 0) {
        orderCode = id;
        // Cancellation invoices as the UCI Online Retail data writes them: "C536379".
        if (kind === 1) {
          refund = true;
          amount = -Math.abs(amount);
        }
      }
    }
    if (statusIds && cancelledOf) {
      const id = statusIds.id(index);
      if (id >= 0 && cancelledOf.get(id)) {
        refund = true;
        if (orderCode >= 0) cancelledOrders.add(orderCode);
      }
    }

    customerCodes.push(customerCode);
    days.push(day);
    endDays.push(endDay);
    amounts.push(amount);
    orderCodes.push(orderCode);
    refunds.push(refund ? 1 : 0);
    sourceRows.push(rowNumber);
    for (let position = 0; position < categoryColumns.length; position += 1) {
      const id = categoryIds[position].id(index);
      categoryCodes[position].push(
        id < 0 ? emptyCategory[position]() : categoryOf[position].get(id),
      );
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
  const buyers = new Uint8Array(customerKeys.length);
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
        ? cellText(table.cell(mapping.headerRow, categoryColumn))
        : `${categoryColumn + 1}`,
    values: categories[position].values,
    codes: categoryCodes[position].finish(),
  }));

  const dataset: Dataset = {
    kind: mapping.kind,
    rowCount,
    customerKeys,
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
