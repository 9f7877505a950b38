/**
 * Workbook bytes (xlsx, xlsm, xlsb, xls, XML Spreadsheet 2003) → raw sheets. Dates stay Excel
 * serial numbers plus the workbook's 1904 flag: SheetJS' own Date objects sit at UTC midnight and
 * shift a day in western time zones, serials cannot. Only call this with bytes that sniffFormat()
 * recognised as a workbook (SheetJS reads almost anything, and an ODS can drive it out of memory).
 *
 * SheetJS opens every workbook: the zip, the workbook part, the styles and the shared strings.
 * The cells of an xlsx worksheet, though, are read here straight from the part's bytes
 * ({@link SheetScanner}): SheetJS' worksheet reader is nearly all the time of a large export (it
 * makes the part into one string, cuts it into a string per row and per cell, runs regular
 * expressions over each and builds an object per cell: about 6 s and 600 MB for a 500,000-row
 * export in Chromium, where the scanner takes 0.6 s; what is left of the read is SheetJS
 * unzipping the part). The scanner reads well-formed worksheets as SheetJS does and leaves
 * anything else (prefixed element names, ISO date cells, rich inline text, a shared string that
 * is not there…) to SheetJS, which then reads that sheet. tests/io/read-excel.test.ts compares
 * the two readings on every workbook of the test data and on generated ones.
 */
import * as XLSX from 'xlsx';
import { rowsTable, type RawCell } from '../core/ingest/raw-table.ts';
import type { ReadSheet } from './read-types.ts';
import { DateFormatCache } from './excel-date-formats.ts';
import { BookCells, SheetScanner, textValue, worksheetParts } from './xlsx-scanner.ts';

/** The sheets of a workbook (visible first), or why it could not be opened. */
export type ExcelReadResult =
  | { readonly ok: true; readonly sheets: readonly ReadSheet[]; readonly date1904: boolean }
  | { readonly ok: false; readonly code: 'password-protected' | 'corrupt-workbook' };

/** For tests: who reads the cells of xlsx worksheets. */
export interface ExcelReadOptions {
  /**
   * 'auto' (the default): the scanner, and SheetJS for the sheets it leaves. 'sheetjs': SheetJS
   * for every sheet. 'scanner': the scanner only; a sheet it leaves comes back without rows.
   */
  readonly cells?: 'auto' | 'sheetjs' | 'scanner';
}

/**
 * SheetJS options: values only, no formatted text, styles or formulas (faster, less memory).
 * SheetJS changes the options object it is given, so every read gets a copy.
 */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellDates: false,
  cellText: false,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  // The number format (cell.z) is what tells a date from a number.
  cellNF: true,
  bookVBA: false,
  sheetStubs: false,
};

/**
 * A zip workbook without its worksheets (`sheets: []`) but with its parts (`bookFiles`), so that
 * the scanner can read the worksheets' bytes.
 */
const BOOK_OPTIONS: XLSX.ParsingOptions = { ...READ_OPTIONS, sheets: [], bookFiles: true };

/** Sheet types that hold no cells. */
const NON_WORKSHEETS = new Set(['chart', 'macro', 'dialog']);

/** Read every worksheet with data; never throws. */
export function readExcel(bytes: Uint8Array, options: ExcelReadOptions = {}): ExcelReadResult {
  const cells = options.cells ?? 'auto';
  // SheetJS opens a file starting like this as a zip (xlsx, xlsm, xlsb).
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] < 9 && bytes[3] < 9;
  const scan = zip && cells !== 'sheetjs';
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { ...(scan ? BOOK_OPTIONS : READ_OPTIONS) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) return { ok: false, code: 'password-protected' };
    return { ok: false, code: 'corrupt-workbook' };
  }
  try {
    return { ok: true, ...sheetsOf(workbook, bytes, scan, cells) };
  } catch {
    return { ok: false, code: 'corrupt-workbook' };
  }
}

/** `scan`: the workbook was read with BOOK_OPTIONS, without its worksheets. */
function sheetsOf(
  workbook: XLSX.WorkBook,
  bytes: Uint8Array,
  scan: boolean,
  cells: 'auto' | 'sheetjs' | 'scanner',
): { sheets: ReadSheet[]; date1904: boolean } {
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const names = workbook.SheetNames;
  const dates = new DateFormatCache();
  const rowsBySheet: (RawCell[][] | undefined)[] = [];
  const leftToSheetJs: number[] = [];
  const parts = scan ? worksheetParts(workbook) : null;
  const book = parts ? new BookCells(workbook, dates) : null;
  names.forEach((name, index) => {
    const read = workbook.Sheets[name];
    if (read) rowsBySheet[index] = sheetJsRows(read, dates, date1904);
    if (read || !scan) return;
    const part = parts?.[index];
    // null: a chart, macro or dialog sheet, which holds no cells.
    if (part === null) return;
    const rows = part && book ? new SheetScanner(part, book).scan() : null;
    if (rows) rowsBySheet[index] = rows;
    else leftToSheetJs.push(index);
  });
  if (leftToSheetJs.length > 0 && cells !== 'scanner') {
    const rest = XLSX.read(bytes, { ...READ_OPTIONS, sheets: leftToSheetJs });
    for (const index of leftToSheetJs) {
      const sheet = rest.Sheets[names[index]];
      if (sheet) rowsBySheet[index] = sheetJsRows(sheet, dates, date1904);
    }
  }
  const visible: ReadSheet[] = [];
  const hidden: ReadSheet[] = [];
  names.forEach((name, index) => {
    const rows = rowsBySheet[index];
    if (!rows || rows.length === 0) return;
    // Hidden is 1 for "hidden" and 2 for "very hidden" (only visible to macros).
    const isHidden = Boolean(workbook.Workbook?.Sheets?.[index]?.Hidden);
    (isHidden ? hidden : visible).push({
      name,
      hidden: isHidden,
      table: rowsTable(rows, date1904),
    });
  });
  return { sheets: [...visible, ...hidden], date1904 };
}

/**
 * The rows of a dense sheet read by SheetJS. Row and column positions are kept as in Excel
 * (leading empty rows and columns stay, as [] and null), so "row 5" in a message is row 5 in
 * Excel; empty cells at the end of a row and empty rows at the end of the sheet are dropped.
 * Undefined for sheets without cells (charts, macro and dialog sheets).
 */
function sheetJsRows(
  sheet: XLSX.WorkSheet,
  dates: DateFormatCache,
  date1904: boolean,
): RawCell[][] | undefined {
  if (NON_WORKSHEETS.has(String(sheet['!type'] ?? ''))) return undefined;
  const data: (XLSX.CellObject[] | undefined)[] = sheet['!data'] ?? [];
  const rows: RawCell[][] = [];
  let lastFilled = -1;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    // Sized up front: an array grown by push keeps room for 17 cells.
    const row: RawCell[] = source ? new Array<RawCell>(source.length) : [];
    if (source) {
      let end = 0;
      for (let c = 0; c < source.length; c++) {
        const value = cellValue(source[c], dates, date1904);
        row[c] = value;
        if (value !== null && value !== '') end = c + 1;
      }
      if (end < row.length) row.length = end;
      if (end > 0) lastFilled = r;
    }
    rows.push(row);
  }
  rows.length = lastFilled + 1;
  return rows;
}

function cellValue(
  cell: XLSX.CellObject | undefined,
  dates: DateFormatCache,
  date1904: boolean,
): RawCell {
  if (!cell) return null;
  const v = cell.v;
  switch (cell.t) {
    case 'n':
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      return cell.z !== undefined && dates.isDate(cell.z) ? { excelSerial: v } : v;
    case 's':
      return textValue(v);
    case 'b':
      return Boolean(v);
    case 'd':
      return dateCell(v, date1904);
    // 'e' (#N/A, #DIV/0! …) and 'z' (blank stub) carry no value.
    default:
      return null;
  }
}

/**
 * A 'd' cell (ISO 8601 text in the file). SheetJS turns these into serials when cellDates is off;
 * should one still arrive, its calendar fields are read as written (no time zone), and become a
 * serial in the workbook's date system.
 */
function dateCell(v: unknown, date1904: boolean): RawCell {
  let serial: number | null = null;
  if (typeof v === 'string') serial = isoSerial(v);
  else if (v instanceof Date && !Number.isNaN(v.getTime())) {
    // SheetJS builds such Dates at UTC midnight: read the UTC fields.
    serial = v.getTime() / 86_400_000 + 25_569;
  }
  if (serial === null) return typeof v === 'string' ? v : null;
  return { excelSerial: date1904 ? serial - 1462 : serial };
}

/** 1900-system serial of `YYYY-MM-DD[THH:MM[:SS[.fff]]]`, ignoring any zone suffix. */
function isoSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!m) return null;
  const days = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569;
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return days + seconds / 86_400;
}
