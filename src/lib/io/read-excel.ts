/**
 * Workbook bytes (xlsx, xlsm, xlsb, xls, XML Spreadsheet 2003) → raw sheets, with SheetJS. Dates
 * stay Excel serial numbers plus the workbook's 1904 flag: SheetJS' own Date objects sit at UTC
 * midnight and shift a day in western time zones, serials cannot. Only call this with bytes that
 * sniffFormat() recognised as a workbook (SheetJS reads almost anything, and an ODS can drive it
 * out of memory).
 */
import * as XLSX from 'xlsx';
import { rowsTable, type RawCell } from '../core/ingest/raw-table.ts';
import type { ReadSheet } from './read-types.ts';

/** The sheets of a workbook (visible first), or why it could not be opened. */
export type ExcelReadResult =
  | { readonly ok: true; readonly sheets: readonly ReadSheet[]; readonly date1904: boolean }
  | { readonly ok: false; readonly code: 'password-protected' | 'corrupt-workbook' };

/** SheetJS options: values only, no formatted text, styles or formulas (faster, less memory). */
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

/** Sheet types that hold no cells. */
const NON_WORKSHEETS = new Set(['chart', 'macro', 'dialog']);

/** Read every worksheet with data; never throws. */
export function readExcel(bytes: Uint8Array): ExcelReadResult {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, READ_OPTIONS);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) return { ok: false, code: 'password-protected' };
    return { ok: false, code: 'corrupt-workbook' };
  }
  try {
    return { ok: true, ...sheetsOf(workbook) };
  } catch {
    return { ok: false, code: 'corrupt-workbook' };
  }
}

function sheetsOf(workbook: XLSX.WorkBook): { sheets: ReadSheet[]; date1904: boolean } {
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const visible: ReadSheet[] = [];
  const hidden: ReadSheet[] = [];
  const dates = new DateFormatCache();
  workbook.SheetNames.forEach((name, index) => {
    const sheet = workbook.Sheets[name];
    if (!sheet || NON_WORKSHEETS.has(String(sheet['!type'] ?? ''))) return;
    const rows = rowsOf(sheet, dates, date1904);
    if (rows.length === 0) return;
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
 * The rows of a dense sheet. Row and column positions are kept as in Excel (leading empty rows
 * and columns stay, as [] and null), so "row 5" in a message is row 5 in Excel; empty cells at
 * the end of a row and empty rows at the end of the sheet are dropped.
 */
function rowsOf(sheet: XLSX.WorkSheet, dates: DateFormatCache, date1904: boolean): RawCell[][] {
  const data: (XLSX.CellObject[] | undefined)[] = sheet['!data'] ?? [];
  const rows: RawCell[][] = [];
  let lastFilled = -1;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: RawCell[] = [];
    if (source) {
      let end = 0;
      for (let c = 0; c < source.length; c++) {
        const value = cellValue(source[c], dates, date1904);
        row.push(value);
        if (value !== null && value !== '') end = c + 1;
      }
      row.length = end;
    }
    rows.push(row);
    if (row.length > 0) lastFilled = r;
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
      return cell.z !== undefined && dates.isDate(String(cell.z)) ? { excelSerial: v } : v;
    case 's':
      return typeof v === 'string' ? v : v === undefined || v === null ? null : String(v);
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

/**
 * Which number formats are calendar dates. SheetJS' SSF.is_date also says yes to time-only and
 * duration formats (`h:mm AM/PM`, `[h]:mm:ss`); those hold times of day or durations, not days,
 * so they stay numbers. A format is a date when, outside quoted text, brackets and escapes, it
 * has a day, year or era code, or a month name (`mmm`). Cached: a sheet has few formats.
 */
class DateFormatCache {
  private readonly known = new Map<string, boolean>();

  isDate(format: string): boolean {
    let answer = this.known.get(format);
    if (answer === undefined) {
      answer = isCalendarFormat(format);
      this.known.set(format, answer);
    }
    return answer;
  }
}

function isCalendarFormat(format: string): boolean {
  if (!XLSX.SSF.is_date(format)) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/AM\/PM|A\/P/gi, '');
  return /[dyeg]|mmm/i.test(bare);
}
