/**
 * The cells of xlsx worksheets read straight from the parts' bytes, for read-excel.ts: SheetJS
 * opens the workbook (zip, workbook part, styles, shared strings), this reads the worksheets'
 * cells the way SheetJS would, without its string per row and object per cell, and hands back
 * what it does not read (see {@link SheetScanner}). Written by hand because SheetJS' worksheet
 * reader is nearly all the time of reading a large export and no option of it avoids that work.
 */
import type * as XLSX from 'xlsx';
import type { RawCell } from '../core/ingest/raw-table.ts';
import type { DateFormatCache } from './excel-date-formats.ts';

/** A SheetJS text cell's value as a raw cell. */
export function textValue(v: unknown): RawCell {
  return typeof v === 'string' ? v : v === undefined || v === null ? null : String(v);
}

// ---------------------------------------------------------------------------------------------
// Finding the worksheet parts of a zip workbook, as SheetJS finds them.

/** What SheetJS adds to a zip workbook read with BOOK_OPTIONS (not in its type definitions). */
interface ZipBook {
  readonly bookType?: unknown;
  readonly Directory?: { readonly workbooks?: unknown };
  readonly keys?: unknown;
  readonly files?: Record<string, { readonly content?: unknown } | undefined>;
  readonly Strings?: unknown;
  readonly Styles?: { readonly CellXf?: unknown };
  readonly SSF?: Record<number, unknown>;
}

/**
 * Relationship types of worksheets (transitional and strict OOXML), as SheetJS knows them. They
 * are names that a workbook's relationships part writes, compared as text; nothing is fetched.
 */
const WORKSHEET_TYPES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet',
]);

/**
 * Per sheet (in SheetNames order) the bytes of its worksheet part; null for a sheet that is not a
 * worksheet (chart, macro or dialog sheet, or a type SheetJS does not read: no cells either way);
 * undefined where the part is not found. Null as a whole when this is not an xlsx/xlsm workbook
 * whose sheets are named in its relationships: SheetJS then reads every sheet itself.
 */
export function worksheetParts(workbook: XLSX.WorkBook): (Uint8Array | null | undefined)[] | null {
  const book = workbook as unknown as ZipBook;
  const workbookPart = (book.Directory?.workbooks as unknown[] | undefined)?.[0];
  const keys = book.keys;
  const files = book.files;
  if (book.bookType !== 'xlsx' || typeof workbookPart !== 'string' || !Array.isArray(keys)) {
    return null;
  }
  if (!files || !workbookPart.endsWith('.xml')) return null;
  // Part names are matched without regard to case, the first of equal names winning.
  const byName = new Map<string, string>();
  for (const key of keys) {
    if (typeof key === 'string' && !byName.has(key.toLowerCase()))
      byName.set(key.toLowerCase(), key);
  }
  const find = (path: string) => byName.get(path.toLowerCase().replace(/\\/g, '/'));
  const slash = workbookPart.lastIndexOf('/');
  let relsPath = `${workbookPart.slice(0, slash + 1)}_rels/${workbookPart.slice(slash + 1)}.rels`;
  relsPath = relsPath.replace(/^\//, '');
  if (find(relsPath) === undefined) relsPath = 'xl/_rels/workbook.xml.rels';
  const relsKey = find(relsPath);
  const relsBytes = relsKey === undefined ? undefined : partBytes(files, relsKey);
  const sheets = workbook.Workbook?.Sheets;
  if (!relsBytes || !sheets || sheets.length !== workbook.SheetNames.length) return null;
  const rels = relationships(relsBytes);
  const parts: (Uint8Array | null | undefined)[] = [];
  for (const sheet of sheets as readonly { id?: unknown; strRelID?: unknown }[]) {
    const rel = rels.get(String(sheet.id || sheet.strRelID));
    // Without it SheetJS guesses the parts' names: leave the whole workbook to SheetJS.
    if (!rel) return null;
    if (rel.type !== '' && !WORKSHEET_TYPES.has(rel.type)) {
      parts.push(null);
      continue;
    }
    let path = `xl/${rel.target.replace(/[/]?xl\//, '')}`;
    if (find(path) === undefined) path = rel.target;
    if (find(path) === undefined) path = relsPath.replace(/_rels\/[\S\s]*$/, '') + rel.target;
    const key = find(path);
    parts.push(key === undefined || key.endsWith('.bin') ? undefined : partBytes(files, key));
  }
  return parts;
}

function partBytes(files: NonNullable<ZipBook['files']>, key: string): Uint8Array | undefined {
  const content = files[key]?.content;
  return content instanceof Uint8Array ? content : undefined;
}

/**
 * Id → type and target of the `<Relationship>` elements of a .rels part. Read as SheetJS reads
 * them: bytes as Latin-1 characters, unprefixed elements, the last of equal ids winning.
 */
function relationships(bytes: Uint8Array): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  for (const tag of latin1(bytes, 0, bytes.length).match(/<Relationship\s[^<>]*>/g) ?? []) {
    const attributes = new Map<string, string>();
    for (const m of tag.matchAll(/\s([^"\s?>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes.set(m[1].slice(m[1].indexOf(':') + 1), m[2] ?? m[3]);
    }
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id === undefined || target === undefined) continue;
    rels.set(id, { type: attributes.get('Type') ?? '', target: unescapeXml(target, false) });
  }
  return rels;
}

// ---------------------------------------------------------------------------------------------
// What the cells of a workbook need from the rest of it.

interface SharedString {
  readonly t?: unknown;
}

/** The shared strings and styles of a workbook, as the scanner looks them up per cell. */
export class BookCells {
  readonly strings: readonly (SharedString | undefined)[];
  /** Decodes UTF-8 text as SheetJS does: a leading byte order mark is text too. */
  readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly cellXf: readonly ({ numFmtId?: unknown } | undefined)[] | null;
  private readonly formats: Record<number, unknown>;
  /** Per style index: 0 not known yet, 1 a date format, 2 not. */
  private readonly dateStyles: Uint8Array;
  private readonly unstyledIsDate: boolean;

  constructor(
    workbook: XLSX.WorkBook,
    private readonly dates: DateFormatCache,
  ) {
    const book = workbook as unknown as ZipBook;
    this.strings = Array.isArray(book.Strings) ? book.Strings : [];
    const cellXf = book.Styles?.CellXf;
    this.cellXf = Array.isArray(cellXf) ? cellXf : null;
    this.formats = book.SSF ?? {};
    this.dateStyles = new Uint8Array(this.cellXf?.length ?? 0);
    this.unstyledIsDate = this.formatIsDate(0);
  }

  /** Whether a number with this style (-1: none) is a date: its number format is one. */
  isDateStyle(style: number): boolean {
    if (style < 0 || !this.cellXf) return this.unstyledIsDate;
    if (style >= this.dateStyles.length) return this.unstyledIsDate;
    let known = this.dateStyles[style];
    if (known === 0) {
      const format = this.cellXf[style]?.numFmtId;
      known = this.formatIsDate(format === undefined || format === null ? 0 : format) ? 1 : 2;
      this.dateStyles[style] = known;
    }
    return known === 1;
  }

  private formatIsDate(id: unknown): boolean {
    const format = this.formats[id as number];
    return format !== undefined && this.dates.isDate(format);
  }
}

// ---------------------------------------------------------------------------------------------
// The worksheet scanner.

/** Thrown inside the scanner when the worksheet is one for SheetJS to read. */
class LeftToSheetJs extends Error {}
const LEAVE = new LeftToSheetJs('left to SheetJS');

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const AMPERSAND = 0x26;
const APOSTROPHE = 0x27;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const LT = 0x3c;
const EQUALS = 0x3d;
const GT = 0x3e;
const UNDERSCORE = 0x5f;

// The t attribute of a cell.
const NUMBER = 0;
const SHARED = 1;
const TEXT = 2;
const INLINE = 3;
const BOOLEAN = 4;
const DATE = 5;
const OTHER = 6;

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Exact powers of ten for the numbers read without parseFloat (at most 15 digits). */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, n) => 10 ** n);

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}
const SHEET_DATA = ascii('sheetData');
const SHEET_DATA_END = ascii('</sheetData>');
const ROW_END = ascii('</row>');
const V_END = ascii('</v>');
const F_END = ascii('</f>');
const T_END = ascii('</t>');
const IS_END = ascii('</is>');

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

/** After an element name: what ends it. */
function endsName(c: number): boolean {
  return c === SPACE || c === GT || c === SLASH || c === LF || c === CR || c === TAB;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f
  );
}

function indexOfBytes(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  const n = pattern.length;
  for (let at = bytes.indexOf(pattern[0], from); at >= 0; at = bytes.indexOf(pattern[0], at + 1)) {
    if (at + n > bytes.length) return -1;
    let k = 1;
    while (k < n && bytes[at + k] === pattern[k]) k++;
    if (k === n) return at;
  }
  return -1;
}

/** Bytes as Latin-1 characters, the "binary string" SheetJS works on. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let at = start; at < end; at += 8192) {
    out += String.fromCharCode.apply(
      null,
      Array.from(bytes.subarray(at, Math.min(end, at + 8192))),
    );
  }
  return out;
}

const NAMED_ENTITIES = new Map([
  ['&quot;', '"'],
  ['&apos;', "'"],
  ['&gt;', '>'],
  ['&lt;', '<'],
  ['&amp;', '&'],
]);

/**
 * SheetJS' unescaping of cell text, step for step: XML entities (its quirks included: the names
 * ignore case and an unknown spelling becomes U+0000), then Excel's `_xHHHH_` escapes, then with
 * `crlf` CRLF → LF. `wide` is set when an escape gave a character above U+007F.
 */
function unescapeXml(text: string, crlf: boolean, wide?: { seen: boolean }): string {
  let out = text
    .replace(/&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi, (match: string, code?: string) => {
      const char =
        NAMED_ENTITIES.get(match) ??
        String.fromCharCode(parseInt(code ?? '', match.includes('x') ? 16 : 10));
      if (wide && char.charCodeAt(0) > 0x7f) wide.seen = true;
      return char;
    })
    .replace(/_x([\da-fA-F]{4})_/gi, (_match: string, code: string) => {
      const char = String.fromCharCode(parseInt(code, 16));
      if (wide && char.charCodeAt(0) > 0x7f) wide.seen = true;
      return char;
    });
  if (crlf) out = out.replace(/\r\n/g, '\n');
  return out;
}

/**
 * Reads the cells of an xlsx worksheet part from its bytes into rows, the way SheetJS reads them
 * and {@link sheetJsRows} converts them, without building a string per row or an object per
 * cell. It accepts the worksheet XML that spreadsheet programs write: `<row>` elements holding
 * `<c>` elements with `<f>`, `<v>` and `<is><t>` in them, unprefixed, attributes in quotes.
 * Anything else it leaves to SheetJS, whose reading of odd XML (it uses regular expressions,
 * not an XML parser) is not worth copying quirk for quirk.
 */
export class SheetScanner {
  private at = 0;
  private readonly rows: (RawCell[] | undefined)[] = [];
  private readonly pool: TextPool;
  // The cell being read: its attributes, and the last column read in its row.
  private refRow = 0;
  private refColumn = 0;
  private hasRef = false;
  private type = NUMBER;
  private style = -1;
  private lastColumn = -1;
  /** The row array made last, and how far into it cells were put. */
  private lastRow: RawCell[] | null = null;
  private lastWidth = 0;
  // The row being read: its r attribute (0 when it has none).
  private rowNumber = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly book: BookCells,
  ) {
    this.pool = new TextPool(bytes, book.decoder);
  }

  /** The rows, or null when SheetJS should read this worksheet. */
  scan(): RawCell[][] | null {
    try {
      if (this.openSheetData()) this.sheetData();
      return this.finish();
    } catch (error) {
      // Out of memory stays out of memory; anything else the scanner trips on is SheetJS' to read.
      if (error instanceof RangeError) throw error;
      return null;
    }
  }

  /** Finds `<sheetData>`: true when rows follow, false for a sheet without any. */
  private openSheetData(): boolean {
    const b = this.bytes;
    // A UTF-16 part: SheetJS converts it first.
    if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) throw LEAVE;
    if (b[1] === 0xfe && b[2] === 0xff) throw LEAVE;
    for (let from = 0; ;) {
      const at = indexOfBytes(b, SHEET_DATA, from);
      if (at < 0) return false;
      from = at + SHEET_DATA.length;
      const before = b[at - 1];
      const after = b[from];
      if (before === COLON) throw LEAVE;
      if (before !== LT || isWordChar(after)) continue;
      if (!endsName(after)) throw LEAVE;
      let end = from;
      while (end < b.length && b[end] !== GT) {
        if (b[end] === LT) throw LEAVE;
        end++;
      }
      if (end >= b.length) throw LEAVE;
      if (b[end - 1] === SLASH) {
        // `<sheetData/>`, an empty sheet: SheetJS would pair it with a later closing tag.
        if (indexOfBytes(b, SHEET_DATA, end) >= 0) throw LEAVE;
        return false;
      }
      this.at = end + 1;
      return true;
    }
  }

  private sheetData(): void {
    const b = this.bytes;
    for (;;) {
      this.skipSpace();
      if (b[this.at] !== LT) throw LEAVE;
      const next = b[this.at + 1];
      if (next === 0x72 && b[this.at + 2] === 0x6f && b[this.at + 3] === 0x77) {
        if (!endsName(b[this.at + 4])) throw LEAVE;
        this.at += 4;
        this.row();
      } else {
        this.expect(SHEET_DATA_END);
        return;
      }
    }
  }

  private row(): void {
    const b = this.bytes;
    this.rowNumber = 0;
    if (this.attributes(false)) return;
    this.lastColumn = -1;
    for (;;) {
      this.skipSpace();
      if (b[this.at] !== LT) throw LEAVE;
      const next = b[this.at + 1];
      // Only a space, `/` or `>` after the name: SheetJS cuts a row into cells at those.
      const after = b[this.at + 2];
      if (next === 0x63 && (after === SPACE || after === GT || after === SLASH)) this.cell();
      else {
        this.expect(ROW_END);
        return;
      }
    }
  }

  private cell(): void {
    const b = this.bytes;
    const start = this.at;
    this.at += 2;
    this.hasRef = false;
    this.type = NUMBER;
    this.style = -1;
    let valueStart = -1;
    let valueEnd = -1;
    let inlineStart = -1;
    let inlineEnd = -1;
    if (!this.attributes(true)) {
      for (;;) {
        this.skipSpace();
        if (b[this.at] !== LT) throw LEAVE;
        const next = b[this.at + 1];
        if (next === SLASH) {
          if (b[this.at + 2] !== 0x63 || b[this.at + 3] !== GT) throw LEAVE;
          this.at += 4;
          break;
        }
        if (next === 0x76 && endsName(b[this.at + 2])) {
          // `<v/>`, or a second `<v>`: SheetJS would pair tags differently.
          if (valueStart >= 0 || this.openTag()) throw LEAVE;
          valueStart = this.at;
          valueEnd = this.textEnd();
          this.expect(V_END);
        } else if (next === 0x66 && endsName(b[this.at + 2])) {
          if (!this.openTag()) {
            this.textEnd();
            this.expect(F_END);
          }
        } else if (next === 0x69 && b[this.at + 2] === 0x73 && endsName(b[this.at + 3])) {
          if (inlineStart >= 0 || inlineEnd === -2) throw LEAVE;
          if (this.openTag()) inlineEnd = -2;
          else {
            // Plain inline text only (`<is><t>…</t></is>`); rich text runs are SheetJS' to read.
            this.skipSpace();
            if (b[this.at] !== LT || b[this.at + 1] !== 0x74 || !endsName(b[this.at + 2])) {
              throw LEAVE;
            }
            if (this.openTag()) throw LEAVE;
            inlineStart = this.at;
            inlineEnd = this.textEnd();
            this.expect(T_END);
            this.skipSpace();
            this.expect(IS_END);
          }
        } else throw LEAVE;
      }
    }
    let row: number;
    let column: number;
    if (this.hasRef) {
      row = this.refRow;
      column = this.refColumn;
    } else {
      // SheetJS places such a cell after the previous one, finding "after" its own way.
      if (this.rowNumber === 0 || this.mentionsRef(start, this.at)) throw LEAVE;
      row = this.rowNumber - 1;
      column = this.lastColumn + 1;
    }
    this.lastColumn = column;
    // An empty `<v></v>` counts as no value.
    const hasValue = valueStart < valueEnd;
    let value: RawCell;
    switch (this.type) {
      case NUMBER:
        // No value: SheetJS keeps no cell.
        if (!hasValue) return;
        value = this.number(valueStart, valueEnd);
        break;
      case SHARED:
        if (!hasValue) return;
        value = this.sharedString(valueStart, valueEnd);
        break;
      case TEXT:
        value = hasValue ? this.text(valueStart, valueEnd, true) : '';
        break;
      case INLINE:
        value = inlineStart >= 0 ? this.text(inlineStart, inlineEnd, false) : '';
        break;
      case BOOLEAN:
        value = hasValue && this.boolean(valueStart, valueEnd);
        break;
      case DATE:
        throw LEAVE;
      default:
        // Error cells and unknown types hold no value.
        value = null;
    }
    this.put(row, column, value);
  }

  /**
   * Reads the attributes of a `<row` or `<c` whose name was passed, up to and including `>` or
   * `/>`; true when the element closed itself.
   */
  private attributes(isCell: boolean): boolean {
    const b = this.bytes;
    const length = b.length;
    for (;;) {
      let c = b[this.at];
      if (c === GT) {
        this.at++;
        return false;
      }
      if (c === SLASH) {
        if (b[this.at + 1] !== GT) throw LEAVE;
        this.at += 2;
        return true;
      }
      // SheetJS only sees an attribute after white space.
      if (!isSpace(c)) throw LEAVE;
      do c = b[++this.at];
      while (isSpace(c));
      if (c === GT || c === SLASH) continue;
      const nameStart = this.at;
      while (c !== EQUALS && !isSpace(c) && c !== GT && c !== SLASH && c !== LT) {
        if (this.at >= length) throw LEAVE;
        c = b[++this.at];
      }
      const nameEnd = this.at;
      while (isSpace(c)) c = b[++this.at];
      if (c !== EQUALS) throw LEAVE;
      do c = b[++this.at];
      while (isSpace(c));
      if (c !== QUOTE && c !== APOSTROPHE) throw LEAVE;
      const valueStart = ++this.at;
      let valueEnd = valueStart;
      for (let v = b[valueEnd]; v !== c; v = b[++valueEnd]) {
        // SheetJS ends a tag at its first `>`, wherever it is.
        if (v === GT || v === LT || valueEnd >= length) throw LEAVE;
      }
      this.at = valueEnd + 1;
      if (isCell) this.cellAttribute(nameStart, nameEnd, valueStart, valueEnd);
      else this.rowAttribute(nameStart, nameEnd, valueStart, valueEnd);
    }
  }

  private cellAttribute(nameStart: number, nameEnd: number, start: number, end: number): void {
    const b = this.bytes;
    const name = b[nameStart];
    if (nameEnd - nameStart === 1) {
      if (name === 0x72) this.ref(start, end);
      else if (name === 0x74) this.type = cellType(b, start, end);
      else if (name === 0x73) this.style = this.styleIndex(start, end);
      // SheetJS also reads R, T and S as r, t and s.
      else if (name === 0x52 || name === 0x54 || name === 0x53) throw LEAVE;
    } else if (attributeMayMean(b, nameStart, nameEnd, 'rts')) throw LEAVE;
  }

  private rowAttribute(nameStart: number, nameEnd: number, start: number, end: number): void {
    const b = this.bytes;
    if (nameEnd - nameStart === 1 && b[nameStart] === 0x72) {
      const n = digits(b, start, end, 7);
      if (n < 1 || n > MAX_ROWS) throw LEAVE;
      this.rowNumber = n;
    } else if (nameEnd - nameStart === 1 && b[nameStart] === 0x52) throw LEAVE;
    else if (nameEnd - nameStart > 1 && attributeMayMean(b, nameStart, nameEnd, 'r')) throw LEAVE;
  }

  /** A cell reference such as `AB12`. */
  private ref(start: number, end: number): void {
    const b = this.bytes;
    let at = start;
    let column = 0;
    while (at < end && at - start < 3 && b[at] >= 0x41 && b[at] <= 0x5a) {
      column = column * 26 + (b[at] - 0x40);
      at++;
    }
    const row = digits(b, at, end, 7);
    if (at === start || row < 1 || row > MAX_ROWS || column > MAX_COLUMNS) throw LEAVE;
    this.refRow = row - 1;
    this.refColumn = column - 1;
    this.hasRef = true;
  }

  private styleIndex(start: number, end: number): number {
    // s="": SheetJS finds no style for it, as for no s at all.
    if (start === end) return -1;
    const n = digits(this.bytes, start, end, 9);
    if (n < 0) throw LEAVE;
    return n;
  }

  /** Whether a cell without r mentions `r="` anywhere: SheetJS would take that as its column. */
  private mentionsRef(start: number, end: number): boolean {
    const b = this.bytes;
    for (let at = start; at < end - 2; at++) {
      if (
        b[at] === 0x72 &&
        b[at + 1] === EQUALS &&
        (b[at + 2] === QUOTE || b[at + 2] === APOSTROPHE)
      ) {
        return true;
      }
    }
    return false;
  }

  /** Past the `>` of the tag at `at`; true when it closed itself. */
  private openTag(): boolean {
    const b = this.bytes;
    let at = this.at + 1;
    while (b[at] !== GT) {
      if (b[at] === LT || at >= b.length) throw LEAVE;
      at++;
    }
    this.at = at + 1;
    return b[at - 1] === SLASH;
  }

  /** The end of the text at `at`: the next `<` (a loop: cell texts are short). */
  private textEnd(): number {
    const b = this.bytes;
    const length = b.length;
    let end = this.at;
    while (b[end] !== LT) if (++end >= length) throw LEAVE;
    this.at = end;
    return end;
  }

  private expect(pattern: Uint8Array): void {
    const b = this.bytes;
    const at = this.at;
    for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern[k]) throw LEAVE;
    this.at = at + pattern.length;
  }

  private skipSpace(): void {
    const b = this.bytes;
    while (isSpace(b[this.at])) this.at++;
  }

  /** A number cell: SheetJS' parseFloat, without a string for plain decimals of ≤ 15 digits. */
  private number(start: number, end: number): RawCell {
    const b = this.bytes;
    let at = start;
    const negative = b[at] === MINUS;
    if (negative) at++;
    let mantissa = 0;
    let count = 0;
    let scale = 0;
    let c = b[at];
    while (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      count++;
      c = b[++at];
    }
    if (c === DOT) {
      c = b[++at];
      while (c >= 0x30 && c <= 0x39) {
        mantissa = mantissa * 10 + (c - 0x30);
        count++;
        scale++;
        c = b[++at];
      }
    }
    // Below 2^53 and divided by an exact power of ten: the correctly rounded value, as parseFloat.
    const value =
      at === end && count > 0 && count <= 15
        ? (negative ? -mantissa : mantissa) / POWERS_OF_TEN[scale]
        : parseFloat(this.unescaped(start, end));
    if (!Number.isFinite(value)) return null;
    return this.book.isDateStyle(this.style) ? { excelSerial: value } : value;
  }

  private sharedString(start: number, end: number): RawCell {
    let index = digits(this.bytes, start, end, 9);
    if (index < 0) index = parseInt(this.unescaped(start, end), 10);
    const entry = this.book.strings[index];
    // SheetJS fails on the whole sheet here.
    if (entry === undefined || entry === null) throw LEAVE;
    return textValue(entry.t);
  }

  private boolean(start: number, end: number): boolean {
    const b = this.bytes;
    if (end - start === 1 && b[start] === 0x31) return true;
    if (end - start === 4 && b[start] === 0x74 && b[start + 1] === 0x72) {
      if (b[start + 2] === 0x75 && b[start + 3] === 0x65) return true;
    }
    for (let at = start; at < end; at++) {
      if (b[at] === AMPERSAND || b[at] === UNDERSCORE) {
        const text = this.unescaped(start, end);
        return text === '1' || text === 'true';
      }
    }
    return false;
  }

  /**
   * Text of a `t="str"` cell's `<v>` (`value`) or of an inline `<t>`. Without `&`, CR or `_x`,
   * SheetJS' unescaping leaves it as it is and it is the UTF-8 decoding of its bytes.
   */
  private text(start: number, end: number, value: boolean): string {
    const b = this.bytes;
    let hash = 0x811c9dc5 | 0;
    let high = 0;
    for (let at = start; at < end; at++) {
      const c = b[at];
      if (c === AMPERSAND || c === CR || (c === UNDERSCORE && (b[at + 1] | 0x20) === 0x78)) {
        return value ? this.escapedValue(start, end) : this.escapedInline(start, end);
      }
      high |= c;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    return this.pool.text(start, end, hash, high < 0x80);
  }

  /** SheetJS on a `<v>` of text: unescape, decode UTF-8, unescape again (CRLF → LF). */
  private escapedValue(start: number, end: number): string {
    const wide = { seen: false };
    const once = unescapeXml(latin1(this.bytes, start, end), false, wide);
    // An escaped character above U+007F goes through SheetJS' UTF-8 decoding as if it were a
    // byte, which differs between Node and browsers: leave such text to SheetJS.
    if (wide.seen) throw LEAVE;
    const utf8 = this.book.decoder.decode(Uint8Array.from(once, (char) => char.charCodeAt(0)));
    return unescapeXml(utf8, true);
  }

  /** SheetJS on inline text: decode UTF-8, unescape (CRLF → LF). */
  private escapedInline(start: number, end: number): string {
    return unescapeXml(this.book.decoder.decode(this.bytes.subarray(start, end)), true);
  }

  /** The value text as SheetJS has it before it reads a number, index or boolean from it. */
  private unescaped(start: number, end: number): string {
    return unescapeXml(latin1(this.bytes, start, end), false);
  }

  private put(row: number, column: number, value: RawCell): void {
    const rows = this.rows;
    while (rows.length < row) rows.push(undefined);
    let cells = rows[row];
    if (cells === undefined) {
      // As wide as the row before: an array grown by push keeps room for 17 cells, which for a
      // 5-column export of 500,000 rows is some 25 MB more than the rows need (in Chromium).
      const width = this.lastWidth;
      cells = width > 0 ? new Array<RawCell>(width).fill(null) : [];
      rows[row] = cells;
      this.lastRow = cells;
      this.lastWidth = 0;
    }
    if (cells === this.lastRow && column >= this.lastWidth) this.lastWidth = column + 1;
    const length = cells.length;
    if (column === length) cells.push(value);
    else if (column < length) cells[column] = value;
    else {
      for (let c = length; c < column; c++) cells.push(null);
      cells.push(value);
    }
  }

  /** As {@link sheetJsRows}: empty cells at row ends and empty rows at the end dropped. */
  private finish(): RawCell[][] {
    const rows: RawCell[][] = [];
    let lastFilled = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r] ?? [];
      let end = cells.length;
      while (end > 0 && (cells[end - 1] === null || cells[end - 1] === '')) end--;
      if (end < cells.length) cells.length = end;
      if (end > 0) lastFilled = r;
      rows.push(cells);
    }
    rows.length = lastFilled + 1;
    return rows;
  }
}

function cellType(b: Uint8Array, start: number, end: number): number {
  switch (end - start) {
    // t="": SheetJS reads it as a number.
    case 0:
      return NUMBER;
    case 1:
      if (b[start] === 0x6e) return NUMBER;
      if (b[start] === 0x73) return SHARED;
      if (b[start] === 0x62) return BOOLEAN;
      if (b[start] === 0x64) return DATE;
      return OTHER;
    case 3:
      return b[start] === 0x73 && b[start + 1] === 0x74 && b[start + 2] === 0x72 ? TEXT : OTHER;
    case 9:
      return latin1(b, start, end) === 'inlineStr' ? INLINE : OTHER;
    default:
      return OTHER;
  }
}

/**
 * Whether SheetJS could take an attribute with this name for one of the given one-letter names:
 * it drops a namespace prefix (`x:r`), ignores case and cuts the name at a `_` (`r_1`).
 */
function attributeMayMean(b: Uint8Array, start: number, end: number, letters: string): boolean {
  const name = latin1(b, start, end).toLowerCase();
  const local = name.slice(name.indexOf(':') + 1);
  const underscore = local.indexOf('_');
  const cut = underscore > 0 ? local.slice(0, underscore) : local;
  return cut.length === 1 && letters.includes(cut);
}

/** The decimal number written in bytes [start, end) with at most `max` digits; -1 otherwise. */
function digits(b: Uint8Array, start: number, end: number, max: number): number {
  if (start === end || end - start > max) return -1;
  let n = 0;
  for (let at = start; at < end; at++) {
    const c = b[at];
    if (c < 0x30 || c > 0x39) return -1;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/**
 * One string per distinct text in a worksheet: a text seen before costs a hash and a comparison
 * of bytes, no decoding. An export repeats its channels and customers on every row, so most
 * text cells are repeats; the rows then share the strings, which also saves memory. The bytes of
 * every text are kept once more, one after the other, so that a comparison reads a few kilobytes
 * that stay in the cache rather than a spot anywhere in a 100 MB part. Capped, so that a column
 * of unique texts does not grow it without end.
 */
class TextPool {
  /** Id + 1 per slot; 0 = free. Kept at most half full. */
  private slots = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  /** Per id: where its bytes start in `chars` (they end where the next id's start), its hash. */
  private starts = new Int32Array((1 << 11) + 1);
  private hashes = new Int32Array(1 << 11);
  private chars = new Uint8Array(1 << 16);
  private readonly values: string[] = [];
  private size = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly decoder: TextDecoder,
  ) {}

  /** The text of bytes [start, end); `ascii`: all below 0x80. */
  text(start: number, end: number, hash: number, ascii: boolean): string {
    const { bytes, slots, mask, starts, chars } = this;
    const length = end - start;
    let slot = hash & mask;
    for (let entry = slots[slot]; entry !== 0; entry = slots[slot]) {
      const id = entry - 1;
      const from = starts[id];
      if (this.hashes[id] === hash && starts[id + 1] - from === length) {
        let k = 0;
        while (k < length && chars[from + k] === bytes[start + k]) k++;
        if (k === length) return this.values[id];
      }
      slot = (slot + 1) & mask;
    }
    // Plain ASCII: characters from their codes, cheaper than a decoder call for short texts.
    const text =
      ascii && length <= 64
        ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[])
        : this.decoder.decode(bytes.subarray(start, end));
    if (this.size < 1 << 19) this.add(slot, start, length, hash, text);
    return text;
  }

  private add(slot: number, start: number, length: number, hash: number, text: string): void {
    const id = this.size++;
    if (id + 1 >= this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    const from = this.starts[id];
    if (from + length > this.chars.length) {
      const chars = new Uint8Array(Math.max(this.chars.length * 2, from + length));
      chars.set(this.chars);
      this.chars = chars;
    }
    this.chars.set(this.bytes.subarray(start, start + length), from);
    this.starts[id + 1] = from + length;
    this.hashes[id] = hash;
    this.values.push(text);
    this.slots[slot] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
