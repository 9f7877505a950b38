/**
 * A table as a file reader hands it to the core: rows of cells, header row(s) included, nothing
 * interpreted yet. CSV readers give strings; Excel readers give strings, numbers, booleans and
 * date cells as serial numbers (converted to days by the core, so no time zone can shift them).
 *
 * Two forms: {@link rowsTable} keeps an array of rows (workbooks, small texts, tests);
 * {@link TextTable} keeps the decoded text and where every field starts, so that a million-row
 * CSV costs the text plus four bytes a field instead of a million arrays of small strings.
 */

/** An Excel cell formatted as a date: its serial number, read with the workbook's date system. */
export interface ExcelDate {
  readonly excelSerial: number;
}

export type RawCell = string | number | boolean | ExcelDate | null;

/**
 * The distinct values of one column, numbered in the order they first occur, so that everything
 * derived from a value (its day, its customer, its amount) is computed once per value, not once
 * per row. Text is compared trimmed, as {@link cellText} shows it.
 */
export interface DistinctColumn {
  /**
   * Per row, the number of its value; -1 when the cell is empty or white space. Worked out in
   * one pass over the column: a pass per column keeps one column's lookup table in the cache,
   * where reading all columns row by row would make them evict each other.
   */
  readonly ids: Int32Array;
  /** How many distinct values there are (ids run from 0 to size - 1). */
  readonly size: number;
  /** The value numbered `id`: the trimmed text of a text cell, other cells as they are. */
  value(id: number): RawCell;
}

export interface RawTable {
  /** The workbook uses the 1904 date system (Excel for Mac before 2011). */
  readonly date1904: boolean;
  /** Number of rows, the header and any title rows included. */
  readonly rowCount: number;
  /** The cells of one row (for text tables a fresh array each call). */
  row(index: number): readonly RawCell[];
  /** One cell without building its row; null past the row's end. */
  cell(row: number, column: number): RawCell;
  /** Whether every cell of the row is empty or white space. */
  isBlankRow(row: number): boolean;
  /** The distinct values of a column and the number of each row's value. */
  distinct(column: number): DistinctColumn;
}

export interface RawSheet {
  readonly name: string;
  readonly table: RawTable;
}

export function isExcelDate(cell: RawCell): cell is ExcelDate {
  return typeof cell === 'object' && cell !== null && 'excelSerial' in cell;
}

/** The text of a cell as a user would see it typed (trimmed); '' for empty cells. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return String(cell.excelSerial);
}

/** Whether a cell holds anything but white space, without building its trimmed text. */
function hasContent(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return false;
  if (typeof cell !== 'string') return true;
  if (cell.length === 0) return false;
  const first = cell.charCodeAt(0);
  return (first > 32 && first !== 160) || cell.trim() !== '';
}

/** The first `limit` rows of a table (fewer when it has fewer). */
export function headRows(table: RawTable, limit: number): (readonly RawCell[])[] {
  const rows: (readonly RawCell[])[] = [];
  for (let index = 0; index < Math.min(limit, table.rowCount); index += 1) {
    rows.push(table.row(index));
  }
  return rows;
}

/** A table kept as an array of rows. */
export function rowsTable(rows: readonly (readonly RawCell[])[], date1904 = false): RawTable {
  return {
    date1904,
    rowCount: rows.length,
    row: (index) => rows[index],
    cell: (row, column) => rows[row][column] ?? null,
    isBlankRow(row) {
      const cells = rows[row];
      for (let column = 0; column < cells.length; column += 1) {
        if (hasContent(cells[column])) return false;
      }
      return true;
    },
    distinct: (column) => distinctOfRows(rows, column),
  };
}

function distinctOfRows(rows: readonly (readonly RawCell[])[], column: number): DistinctColumn {
  // One map per kind of cell: the text "12" and the number 12 are different values.
  const texts = new Map<string, number>();
  const numbers = new Map<number, number>();
  const serials = new Map<number, number>();
  const booleans = new Map<boolean, number>();
  const values: RawCell[] = [];
  const number = <K>(map: Map<K, number>, key: K, cell: RawCell): number => {
    let id = map.get(key);
    if (id === undefined) {
      id = values.length;
      map.set(key, id);
      values.push(cell);
    }
    return id;
  };
  const id = (row: number): number => {
    const cell = rows[row][column] ?? null;
    if (cell === null) return -1;
    if (typeof cell === 'string') {
      const text = hasContent(cell) ? cell.trim() : '';
      return text === '' ? -1 : number(texts, text, text);
    }
    if (typeof cell === 'number') return number(numbers, cell, cell);
    if (typeof cell === 'boolean') return number(booleans, cell, cell);
    return number(serials, cell.excelSerial, cell);
  };
  const ids = new Int32Array(rows.length);
  for (let row = 0; row < rows.length; row += 1) ids[row] = id(row);
  return { ids, size: values.length, value: (id) => values[id] };
}

/** FNV-1a over the characters of `text` from `start` to `end`. */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at += 1) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash;
}

/** Characters that trimming removes (String.prototype.trim's set below U+2000, and U+FEFF). */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * A delimited text file kept as its text plus where each field starts. Field `f` of row `r` is
 * number `i = rowStart[r] + f`; it runs from `fieldStart[i]` to one delimiter before the next
 * field's start (or one line end before, for the last field of a row; the array ends with the
 * start a field after the text would have). A quoted field starts at its opening quote and its
 * value is what is between the quotes; one holding doubled quotes (`"say ""hi"""`) has its start
 * stored as `~start`, so that reading it undoes the doubling. Four bytes a field: the offsets of
 * a million-row export take less room than its text.
 */
export class TextTable implements RawTable {
  readonly date1904 = false;
  readonly rowCount: number;

  constructor(
    readonly text: string,
    readonly rowStart: Int32Array,
    readonly fieldStart: Int32Array,
    /** The length of the line end between rows (1 or 2). */
    readonly newlineLength: number,
    rowCount: number,
  ) {
    this.rowCount = rowCount;
  }

  /** Number of fields in a row. */
  width(row: number): number {
    return this.rowStart[row + 1] - this.rowStart[row];
  }

  /** Where field `field` of row `row` ends (after a closing quote). */
  end(field: number, row: number): number {
    const next = this.fieldStart[field + 1];
    const nextStart = next < 0 ? ~next : next;
    return field + 1 < this.rowStart[row + 1] ? nextStart - 1 : nextStart - this.newlineLength;
  }

  private field(index: number, row: number): string {
    const stored = this.fieldStart[index];
    const start = stored < 0 ? ~stored : stored;
    const end = this.end(index, row);
    if (start < end && this.text.charCodeAt(start) === QUOTE) {
      const value = this.text.slice(start + 1, end - 1);
      return stored < 0 ? value.replaceAll('""', '"') : value;
    }
    return this.text.slice(start, end);
  }

  row(index: number): string[] {
    const cells: string[] = [];
    for (let field = this.rowStart[index]; field < this.rowStart[index + 1]; field += 1) {
      cells.push(this.field(field, index));
    }
    return cells;
  }

  cell(row: number, column: number): string | null {
    const field = this.rowStart[row] + column;
    return field < this.rowStart[row + 1] ? this.field(field, row) : null;
  }

  isBlankRow(row: number): boolean {
    const { text, fieldStart } = this;
    for (let field = this.rowStart[row]; field < this.rowStart[row + 1]; field += 1) {
      const stored = fieldStart[field];
      let start = stored < 0 ? ~stored : stored;
      let end = this.end(field, row);
      if (start < end && text.charCodeAt(start) === QUOTE) {
        start += 1;
        end -= 1;
      }
      for (let at = start; at < end; at += 1) if (!isSpace(text.charCodeAt(at))) return false;
    }
    return true;
  }

  /** Distinct trimmed values of a column; see {@link TextColumnValues}. */
  distinct(column: number): DistinctColumn {
    const values = new TextColumnValues(this, column);
    const ids = new Int32Array(this.rowCount);
    for (let row = 0; row < this.rowCount; row += 1) ids[row] = values.id(row);
    return { ids, size: values.size, value: (id) => values.value(id) };
  }
}

const QUOTE = 0x22;

/** Every row of a table, as arrays of cells. */
export function allRows(table: RawTable): (readonly RawCell[])[] {
  return headRows(table, table.rowCount);
}

/**
 * The distinct values of one column of a {@link TextTable}, through an open-addressing hash table
 * over the characters in place: a value seen before costs a hash and a comparison, no string;
 * only a new value becomes a string, and only when asked for. Written by hand because a Map can
 * only look up a string, which would mean a string per row.
 */
class TextColumnValues {
  private readonly text: string;
  private readonly rowStart: Int32Array;
  private readonly fieldStart: Int32Array;
  private readonly table: TextTable;
  /** Id + 1 per slot; 0 = free. Kept at most half full. */
  private slots = new Int32Array(1024);
  private mask = 1023;
  /** Per id: where its first occurrence is, and its hash. `ends` is -1 for a value in `values`. */
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /**
   * The characters of every value once more, one after the other, and where each id's begin:
   * comparing a row's value with a known one then reads a few kilobytes that stay in the cache,
   * not a spot anywhere in a 50 MB text.
   */
  private chars = new Uint16Array(16384);
  private charStart = new Int32Array(1025);
  private charsUsed = 0;
  /** Values whose doubled quotes were undone (their `ends` entry is -1). */
  private readonly values: (string | undefined)[] = [];
  size = 0;
  /** The previous row's value: where it is in the text, and its id (-1: none). */
  private previousStart = 0;
  private previousEnd = 0;
  private previousId = -1;
  /**
   * Whole numbers written without leading zeros ("1000001", the order numbers of most shops) are
   * looked up in pages of 4,096 indexed by the number itself, not in the hash table: shops number
   * their orders one after another, so the lookups walk through a few pages in order, where a
   * million hashed numbers would mean a million scattered slots. When the numbers turn out to be
   * scattered (pages less than 1/64 used), they all move to the hash table and pages end (null).
   */
  private pages: Map<number, Int32Array> | null = new Map();
  private lastPageNumber = -1;
  private lastPage: Int32Array | null = null;
  /** Per id: 1 when it is in the hash table; values in pages are not. */
  private hashed = new Uint8Array(1024);
  private hashedCount = 0;

  constructor(
    table: TextTable,
    private readonly column: number,
  ) {
    this.text = table.text;
    this.rowStart = table.rowStart;
    this.fieldStart = table.fieldStart;
    this.table = table;
  }

  id(row: number): number {
    const field = this.rowStart[row] + this.column;
    if (field >= this.rowStart[row + 1]) return -1;
    const text = this.text;
    const stored = this.fieldStart[field];
    if (stored < 0) {
      this.previousId = -1;
      return this.idOfString(this.table.cell(row, this.column)?.trim() ?? '');
    }
    let start = stored;
    let end = this.table.end(field, row);
    if (start < end && text.charCodeAt(start) === QUOTE) {
      start += 1;
      end -= 1;
    }
    // Most fields neither start nor end with white space: one test each.
    let code = text.charCodeAt(start);
    while (start < end && (code <= 32 || code === 160 || code >= 0x1680) && isSpace(code)) {
      start += 1;
      code = text.charCodeAt(start);
    }
    code = text.charCodeAt(end - 1);
    while (end > start && (code <= 32 || code === 160 || code >= 0x1680) && isSpace(code)) {
      end -= 1;
      code = text.charCodeAt(end - 1);
    }
    if (start === end) return -1;
    const length = end - start;
    // A row repeating the value of the row before (sorted dates, the lines of one order).
    if (this.previousId >= 0 && this.previousEnd - this.previousStart === length) {
      const previous = this.previousStart;
      let at = 0;
      while (at < length && text.charCodeAt(previous + at) === text.charCodeAt(start + at)) at += 1;
      if (at === length) return this.previousId;
    }
    const number = this.pages !== null && length <= 9 ? wholeNumber(text, start, end) : -1;
    const id = number >= 0 ? this.numberId(number, start, end) : this.hashedId(start, end);
    this.previousStart = start;
    this.previousEnd = end;
    this.previousId = id;
    return id;
  }

  private hashedId(start: number, end: number): number {
    const hash = hashRange(this.text, start, end);
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot];
      if (entry === 0) return this.add(slot, start, end, hash, undefined);
      if (this.hashes[entry - 1] === hash && this.sameText(entry - 1, start, end)) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  private numberId(number: number, start: number, end: number): number {
    const pageNumber = number >>> 12;
    let page = pageNumber === this.lastPageNumber ? this.lastPage : null;
    if (page === null && this.pages !== null) {
      page = this.pages.get(pageNumber) ?? null;
      if (page === null) {
        if (this.pages.size >= 256 && this.pages.size * 64 > this.size) {
          this.leavePages();
          return this.hashedId(start, end);
        }
        page = new Int32Array(4096);
        this.pages.set(pageNumber, page);
      }
      this.lastPageNumber = pageNumber;
      this.lastPage = page;
    }
    if (page === null) return this.hashedId(start, end);
    const entry = page[number & 4095];
    if (entry !== 0) return entry - 1;
    const id = this.add(-1, start, end, 0, undefined);
    page[number & 4095] = id + 1;
    return id;
  }

  /** Moves the numbers kept in pages into the hash table, for good. */
  private leavePages(): void {
    this.pages = null;
    this.lastPage = null;
    this.lastPageNumber = -1;
    for (let id = 0; id < this.size; id += 1) {
      if (this.hashed[id] === 1) continue;
      this.hashes[id] = hashRange(this.text, this.starts[id], this.ends[id]);
      this.hashed[id] = 1;
    }
    this.hashedCount = this.size;
    while (this.hashedCount * 2 > this.slots.length)
      this.slots = new Int32Array(this.slots.length * 2);
    this.rehash();
  }

  /** A new string each call: callers ask once per value, and a million kept strings cost. */
  value(id: number): string {
    return this.ends[id] < 0
      ? (this.values[id] as string)
      : this.text.slice(this.starts[id], this.ends[id]);
  }

  private idOfString(value: string): number {
    if (value === '') return -1;
    const hash = hashRange(value, 0, value.length);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) return this.add(slot, 0, 0, hash, value);
      if (this.hashes[entry - 1] === hash && this.value(entry - 1) === value) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  private sameText(id: number, start: number, end: number): boolean {
    if (this.ends[id] < 0) return this.values[id] === this.text.slice(start, end);
    const text = this.text;
    const from = this.charStart[id];
    if (from === this.charStart[id + 1]) {
      // A number that came from pages: its characters are only in the text.
      const first = this.starts[id];
      if (this.ends[id] - first !== end - start) return false;
      for (let at = 0; at < end - start; at += 1) {
        if (text.charCodeAt(first + at) !== text.charCodeAt(start + at)) return false;
      }
      return true;
    }
    if (this.charStart[id + 1] - from !== end - start) return false;
    const chars = this.chars;
    for (let at = 0; at < end - start; at += 1) {
      if (chars[from + at] !== text.charCodeAt(start + at)) return false;
    }
    return true;
  }

  /** Numbers a new value; `slot` -1 keeps it out of the hash table (a number in pages). */
  private add(slot: number, start: number, end: number, hash: number, value: string | undefined) {
    const id = this.size;
    if (id === this.starts.length) {
      this.starts = doubled(this.starts);
      this.ends = doubled(this.ends);
      this.hashes = doubled(this.hashes);
      const hashed = new Uint8Array(this.starts.length);
      hashed.set(this.hashed);
      this.hashed = hashed;
      const charStart = new Int32Array(this.starts.length + 1);
      charStart.set(this.charStart);
      this.charStart = charStart;
    }
    // Numbers kept in pages are never compared character by character (their hash and characters
    // are taken when they move to the hash table): no copy for them.
    if (value === undefined && slot >= 0) {
      while (this.charsUsed + (end - start) > this.chars.length) {
        const chars = new Uint16Array(this.chars.length * 2);
        chars.set(this.chars);
        this.chars = chars;
      }
      for (let at = start; at < end; at += 1)
        this.chars[this.charsUsed++] = this.text.charCodeAt(at);
    }
    this.charStart[id + 1] = this.charsUsed;
    this.starts[id] = start;
    this.ends[id] = value === undefined ? end : -1;
    this.hashes[id] = hash;
    if (value !== undefined) this.values[id] = value;
    this.size += 1;
    if (slot >= 0) {
      this.slots[slot] = id + 1;
      this.hashed[id] = 1;
      this.hashedCount += 1;
      if (this.hashedCount * 2 > this.slots.length) this.rehash();
    }
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id += 1) {
      if (this.hashed[id] === 0) continue;
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** The value of a whole number of up to nine digits without leading zeros, else -1. */
function wholeNumber(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  if (first < 49 || first > 57) return end - start === 1 && first === 48 ? 0 : -1;
  let number = first - 48;
  for (let at = start + 1; at < end; at += 1) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

function doubled(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
