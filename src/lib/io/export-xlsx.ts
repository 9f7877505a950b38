/**
 * Tables out as an Excel workbook (.xlsx), one sheet per table. SheetJS is imported dynamically,
 * so it stays out of the first download until someone exports (or opens an Excel file).
 *
 * Formula injection, and why no apostrophe is added here (unlike export-csv.ts):
 * - CSV has no cell types, so the program that opens it guesses them, and a text starting with
 *   = + - @ (or a TAB, CR or LF before one) is guessed to be a formula. Hence the quote prefix
 *   there (OWASP "CSV injection").
 * - An .xlsx cell states its type. A formula exists only as an `<f>` element in the sheet XML; a
 *   cell of type `s` (an index into the shared-string table) with no `<f>` is a literal string.
 *   Excel, LibreOffice Calc and Google Sheets all load such a cell as text and never evaluate it,
 *   whatever it starts with: formulas are read from `<f>`, never parsed out of values. We write
 *   every text as type `s` and never set SheetJS's `f`, so no cell can carry a formula.
 * - A leading apostrophe would not be hidden the way Excel hides a typed one: in a file it is part
 *   of the value, so the phone number "+31 6 1234" would show as "'+31 6 1234" and a lookup on it
 *   would fail. The escaping would corrupt the data to defend against nothing.
 * - What remains is a person editing the cell: in Excel, F2 then Enter re-parses the text as if
 *   typed, and "=1+1" would become a formula. So formula-looking texts also get the Text number
 *   format "@" (built-in format 49), under which Excel, LibreOffice and Sheets keep typed input as
 *   text. (Excel's own marker for this, the quotePrefix style flag, cannot be written by SheetJS
 *   Community Edition; "@" has the same effect on editing.)
 * Re-saving the workbook as CSV and opening that is outside our reach; exportCsv covers CSV.
 */
import type * as Xlsx from 'xlsx';
import type { CellObject, WorkBook, WorkSheet } from 'xlsx';
import { download } from './export-csv.ts';

/** One cell: a number (written as a number), a text, or null for an empty cell. */
export type XlsxValue = string | number | null;

/** One sheet of the workbook; `name` is made valid by sheetNames(). */
export interface XlsxSheet {
  readonly name: string;
  readonly rows: readonly (readonly XlsxValue[])[];
}

/** The media type of an .xlsx file. */
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Leading characters that make a spreadsheet read typed input as a formula (as in export-csv). */
const formulaStart = /^[=+\-@\t\r\n]/;

/** Excel's longest cell text; a longer one makes Excel "repair" the file (and SheetJS throws). */
const maxCellText = 32_767;

/** Excel's longest sheet name, in UTF-16 code units. */
const maxSheetName = 31;

/**
 * Cell text as stored: cut to Excel's limit (a sliced surrogate pair dropped whole), and with the
 * escape OOXML needs for a literal "_x0041_", which readers otherwise decode as "A" (ECMA-376
 * ST_Xstring: the underscore itself is written as _x005F_). SheetJS does not do this on writing.
 */
function storedText(text: string): string {
  let value = text.length > maxCellText ? text.slice(0, maxCellText) : text;
  if (value.length === maxCellText && /[\uD800-\uDBFF]$/.test(value)) value = value.slice(0, -1);
  return value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
}

function cellOf(value: XlsxValue): CellObject | undefined {
  if (value === null) return undefined;
  if (typeof value === 'number') {
    // Excel has no NaN or Infinity (SheetJS would write #NUM! or #DIV/0!): an empty cell, as in CSV.
    return Number.isFinite(value) ? { t: 'n', v: value } : undefined;
  }
  if (value === '') return undefined;
  const cell: CellObject = { t: 's', v: storedText(value) };
  if (formulaStart.test(value)) cell.z = '@';
  return cell;
}

/**
 * Sheet names Excel accepts, in the given order: the characters [ ] : * ? / \ and control
 * characters become '-', leading and trailing apostrophes and spaces go, at most 31 characters,
 * never blank (then "Sheet 1" for the first, "Sheet 2" for the second, …). Names equal apart from
 * case get " (2)", " (3)", … because Excel compares them case-insensitively; so does Excel's
 * reserved "History".
 * @example sheetNames(['Q1/2024', 'q1/2024', '']) → ['Q1-2024', 'q1-2024 (2)', 'Sheet 3']
 */
export function sheetNames(names: readonly string[]): string[] {
  // Excel reserves "History" (for change tracking), so it counts as taken from the start.
  const taken = new Set<string>(['history']);
  const fit = (name: string, suffix: string) => {
    let base = name.slice(0, maxSheetName - suffix.length);
    if (/[\uD800-\uDBFF]$/.test(base)) base = base.slice(0, -1);
    return `${base.replace(/^[' ]+|[' ]+$/g, '')}${suffix}`;
  };
  return names.map((raw, index) => {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
    let name = raw.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, '-').replace(/^[' ]+|[' ]+$/g, '');
    name = fit(name, '');
    if (name === '') name = `Sheet ${index + 1}`;
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = fit(name, ` (${n})`);
    taken.add(unique.toLowerCase());
    return unique;
  });
}

/** The worksheet with its cells typed by hand: no guessing, no formulas. */
function worksheetOf(utils: typeof Xlsx.utils, rows: readonly (readonly XlsxValue[])[]): WorkSheet {
  const sheet: WorkSheet = {};
  let lastRow = 0;
  let lastColumn = 0;
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = cellOf(value);
      if (cell === undefined) return;
      sheet[utils.encode_cell({ r, c })] = cell;
      lastRow = Math.max(lastRow, r);
      lastColumn = Math.max(lastColumn, c);
    });
  });
  // An all-empty sheet still needs a range, or Excel reports the file as damaged.
  sheet['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastColumn } });
  return sheet;
}

/**
 * The sheets as an .xlsx workbook. Numbers are number cells (Excel formats them in the reader's
 * own locale, so no decimal-comma choice is needed as in CSV), texts are string cells, null and ''
 * are empty cells. No cell ever holds a formula; see the top of this file.
 * @example download(await xlsxBlob([{ name: 'Perioden', rows: [['periode', 'CRR'], ['2024-01', 0.95]] }]), 'behoud.xlsx')
 */
export async function xlsxBlob(sheets: readonly XlsxSheet[]): Promise<Blob> {
  const XLSX = await import('xlsx');
  const workbook: WorkBook = XLSX.utils.book_new();
  const names = sheetNames(sheets.map((sheet) => sheet.name));
  // A workbook without a sheet is not a valid file: give it one empty sheet.
  if (sheets.length === 0) {
    XLSX.utils.book_append_sheet(workbook, worksheetOf(XLSX.utils, []), 'Sheet 1');
  }
  sheets.forEach((sheet, index) => {
    XLSX.utils.book_append_sheet(workbook, worksheetOf(XLSX.utils, sheet.rows), names[index]);
  });
  // bookSST: texts go to the shared-string table as type "s", Excel's own way (without it SheetJS
  // writes type "str", the cached result of a formula, which readers accept but is less plain).
  const bytes = XLSX.write(workbook, {
    type: 'array',
    bookType: 'xlsx',
    bookSST: true,
    compression: true,
  }) as ArrayBuffer;
  return new Blob([bytes], { type: xlsxType });
}

/** Builds the workbook and offers it as a download (the one download helper, from export-csv). */
export async function downloadXlsx(sheets: readonly XlsxSheet[], fileName: string): Promise<void> {
  download(await xlsxBlob(sheets), fileName);
}
