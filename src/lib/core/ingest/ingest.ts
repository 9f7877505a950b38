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
  // No token is longer than 8 characters or starts with a digit: most keys, dates and amounts
  // skip the lower-casing.
  if (text.length > 8) return false;
  const first = text.charCodeAt(0);
  return !(first >= 48 && first <= 57) && emptyTokens.has(text.toLowerCase());
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

/**
 * One column of the dataset, written row by row into a typed array sized for every row of the
 * table (a million rows, not a million small objects); cut to the rows kept at the end.
 */
class Column<Values extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(readonly values: Values) {}
  push(value: number): void {
    this.values[this.length++] = value;
  }
  /** The filled part; a copy only when rows were skipped (else the array is used as it is). */
  finish(): Values {
    if (this.length === this.values.length) return this.values;
    return this.values.slice(0, this.length) as Values;
  }
}

/** Strings → small integers, keeping the first spelling seen for display. */
/**
 * A copy of a string that does not keep the text it was cut from alive. V8 keeps a slice of 13
 * or more characters as a view into its parent, so one customer key cut from a CSV would hold the
 * whole file's text in memory as long as the dataset lives. Concatenating and slicing again makes
 * the engine copy the characters (other engines copy anyway); only kept strings go through here.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : `${text} `.slice(0, -1);
}

class Dictionary {
  readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  code(key: string, display: string = key): number {
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(key, code);
      this.values.push(detached(display));
    }
    return code;
  }
}

/**
 * Per distinct value of a column, a number computed once: the column's rows then only look up
 * the number of their value (see {@link DistinctColumn}). A typed array, so that the lookup of a
 * million rows reads plain doubles.
 */
class PerValue {
  private known = new Float64Array(256);
  private done = new Uint8Array(256);
  constructor(
    private readonly column: Pick<DistinctColumn, 'value'>,
    private readonly compute: (value: RawCell) => number,
  ) {}
  /** Computed when first asked for, so that codes handed out by `compute` follow the rows. */
  get(id: number): number {
    if (id >= this.known.length) {
      const size = Math.max(id + 1, this.known.length * 2);
      const known = new Float64Array(size);
      known.set(this.known);
      this.known = known;
      const done = new Uint8Array(size);
      done.set(this.done);
      this.done = done;
    }
    if (this.done[id] === 0) {
      this.known[id] = this.compute(this.column.value(id));
      this.done[id] = 1;
    }
    return this.known[id];
  }
}

/** A number for each distinct value of a column, all computed at once. */
function perValue(column: DistinctColumn, compute: (value: RawCell) => number): Float64Array {
  const result = new Float64Array(column.size);
  for (let id = 0; id < column.size; id += 1) result[id] = compute(column.value(id));
  return result;
}

/** What {@link perValue} keeps for a date or amount cell that is empty ("", "-", "n/a", …). */
const EMPTY = Number.POSITIVE_INFINITY;
/** … and for one that holds no date or amount (parsers never give an infinite number). */
const UNREADABLE = Number.NaN;

/** A date cell's day, {@link EMPTY} or {@link UNREADABLE}. */
function dateValue(value: RawCell, readDay: (cell: RawCell) => number | null): number {
  if (isEmptyValue(cellText(value))) return EMPTY;
  return readDay(value) ?? UNREADABLE;
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
  const customerEmpty = perValue(customerIds, (value) => (isEmptyValue(cellText(value)) ? 1 : 0));
  // Codes are handed out as rows are used, so customers of skipped rows get none.
  const customerOf = new PerValue(customerIds, (value) => {
    const text = cellText(value);
    const key = customerKey(text);
    let code = customers.get(key);
    if (code === undefined) {
      code = customerKeys.length;
      customers.set(key, code);
      customerKeys.push(detached(text));
    }
    return code;
  });
  const dateIds = dateColumn >= 0 ? table.distinct(dateColumn) : null;
  const dayOf = dateIds && perValue(dateIds, (value) => dateValue(value, readDay));
  const endIds = endColumn >= 0 ? table.distinct(endColumn) : null;
  const endOf = endIds && perValue(endIds, (value) => dateValue(value, readDay));
  const amountIds = amountColumn >= 0 ? table.distinct(amountColumn) : null;
  const amountOf =
    amountIds &&
    perValue(amountIds, (value) =>
      isEmptyValue(cellText(value)) ? EMPTY : (parseAmount(value, mapping.decimal) ?? UNREADABLE),
    );
  const orderIds = orderColumn >= 0 ? table.distinct(orderColumn) : null;
  /** Per order value: -1 when empty, 1 for a cancellation invoice ("C536379"), else 0. */
  const orderKind =
    orderIds &&
    perValue(orderIds, (value) => {
      const text = cellText(value);
      if (isEmptyValue(text)) return -1;
      const first = text.charCodeAt(0);
      return (first === 67 || first === 99) && /^C\d+$/i.test(text) ? 1 : 0;
    });
  const statusIds = statusColumn >= 0 ? table.distinct(statusColumn) : null;
  const cancelledOf =
    statusIds && perValue(statusIds, (value) => (cancelledStatus.test(cellText(value)) ? 1 : 0));
  const categories = categoryColumns.map(() => new Dictionary());
  const categoryIds = categoryColumns.map((categoryColumn) => table.distinct(categoryColumn));
  const categoryOf = categoryIds.map(
    (ids, position) => new PerValue(ids, (value) => categories[position].code(cellText(value))),
  );
  const emptyCategory = categories.map((dictionary) => () => dictionary.code(''));

  const firstRow = firstDataRow(table, mapping.headerRow);
  const capacity = table.rowCount - firstRow;
  const ints = () => new Column(new Int32Array(capacity));
  const customerCodes = ints();
  const days = ints();
  const endDays = ints();
  const amounts = new Column(new Float64Array(capacity));
  const orderCodes = ints();
  const refunds = new Column(new Uint8Array(capacity));
  const sourceRows = ints();
  const categoryCodes = categoryColumns.map(ints);
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
    skippedRows.push({ row, code, value: detached(value) });
  };
  const textAt = (row: number, column: number) => cellText(table.cell(row, column));

  // The per-row arrays as locals: this loop runs a million times. NO_DAY (−2³¹) is no small
  // integer where V8 compresses pointers (Chromium): a local constant keeps the loops fast.
  const noDay = NO_DAY;
  const customerIdOf = customerIds.ids;
  const dateIdOf = dateIds?.ids ?? null;
  const amountIdOf = amountIds?.ids ?? null;
  const orderIdOf = orderIds?.ids ?? null;
  const categoryIdOf = categoryIds.map((ids) => ids.ids);
  const rowCountIn = table.rowCount;
  for (let index = firstRow; index < rowCountIn; index += 1) {
    if (table.isBlankRow(index)) continue;
    rowsRead += 1;
    const rowNumber = index + 1;

    const customerId = customerIdOf[index];
    if (customerId < 0 || customerEmpty[customerId] === 1) {
      skip(rowNumber, 'missing-customer', textAt(index, customerColumn));
      continue;
    }

    let day = noDay;
    let endDay = noDay;
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
    } else if (dateIdOf && dayOf) {
      const id = dateIdOf[index];
      const parsed = id < 0 ? EMPTY : dayOf[id];
      if (parsed === parsed && parsed !== EMPTY) {
        day = parsed;
      } else if (mapping.kind !== 'lists') {
        // A list's signup date is optional: without one the customer is still on the list.
        const reason = parsed === EMPTY ? 'missing-date' : 'unreadable-date';
        skip(rowNumber, reason, textAt(index, dateColumn));
        continue;
      }
    }
    if (endIds && endOf) {
      const id = endIds.ids[index];
      const parsed = id < 0 ? EMPTY : endOf[id];
      if (parsed !== EMPTY) {
        if (parsed !== parsed) {
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
      if (amountIdOf && amountOf) {
        const id = amountIdOf[index];
        const parsed = id < 0 ? EMPTY : amountOf[id];
        if (parsed !== parsed) {
          const text = textAt(index, amountColumn);
          warningRows.push({ row: rowNumber, code: 'unreadable-amount', value: detached(text) });
        } else if (parsed !== EMPTY) value = parsed;
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
    if (orderIdOf && orderKind) {
      const id = orderIdOf[index];
      const kind = id < 0 ? -1 : orderKind[id];
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
      const id = statusIds.ids[index];
      if (id >= 0 && cancelledOf[id] === 1) {
        refund = true;
        if (orderCode >= 0) cancelledOrders.add(orderCode);
      }
    }

    customerCodes.push(customerOf.get(customerId));
    days.push(day);
    endDays.push(endDay);
    amounts.push(amount);
    orderCodes.push(orderCode);
    refunds.push(refund ? 1 : 0);
    sourceRows.push(rowNumber);
    for (let position = 0; position < categoryColumns.length; position += 1) {
      const id = categoryIdOf[position][index];
      categoryCodes[position].push(
        id < 0 ? emptyCategory[position]() : categoryOf[position].get(id),
      );
    }
  }

  const rowCount = customerCodes.length;
  if (rowCount === 0) return { ok: false, issue: 'no-usable-rows' };
  const refund = refunds.finish();
  const orderArray = orderCodes.finish();
  const amountArray = amounts.finish();
  if (cancelledOrders.size > 0) {
    for (let row = 0; row < rowCount; row += 1) {
      if (!cancelledOrders.has(orderArray[row])) continue;
      refund[row] = 1;
      // A cancelled order with a positive total never earned money: it counts as 0, not income.
      if (amountArray[row] > 0) amountArray[row] = 0;
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
    if (day !== noDay) {
      if (day < from) from = day;
      if (day > to) to = day;
    }
    const end = endArray[row];
    if (end !== noDay && end > to) to = end;
  }
  let customerCount = 0;
  for (const buyer of buyers) customerCount += buyer;

  const categoryList: CategoryColumn[] = categoryColumns.map((categoryColumn, position) => ({
    name:
      mapping.headerRow >= 0
        ? detached(cellText(table.cell(mapping.headerRow, categoryColumn)))
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
