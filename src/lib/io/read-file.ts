/**
 * The one entry point for reading a user's file: sniff the bytes, then decode and parse text or
 * open a workbook. Runs the same in a Web Worker and in Node (the CLI); never throws on user data.
 */
import type { CsvDelimiter } from './read-csv.ts';
import { readCsv } from './read-csv.ts';
import { decodeText, type TextEncodingName } from './decode.ts';
import { readExcel } from './read-excel.ts';
import { sniffFormat } from './sniff.ts';
import type { CancelFlag, ReadFailureCode, ReadProgress, ReadSheet } from './read-types.ts';

/** What kind of file was read. */
export type ReadFormat = 'csv' | 'xlsx' | 'xls';

/** Options for {@link readFile}. */
export interface ReadOptions {
  /** Use this delimiter for text instead of detecting one. */
  readonly delimiter?: CsvDelimiter;
  /** Progress: characters of text parsed, or bytes of a workbook (once, when done). */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Checked between chunks of text; when set the read stops with 'cancelled'. */
  readonly signal?: CancelFlag;
}

/** A read file: its sheets (one for text) and how it was read; or the reason it was not. */
export type ReadResult =
  | {
      readonly ok: true;
      readonly format: ReadFormat;
      readonly sheets: readonly ReadSheet[];
      /** Text files only. */
      readonly encoding: TextEncodingName | null;
      /** Text files only. */
      readonly delimiter: CsvDelimiter | null;
    }
  | { readonly ok: false; readonly code: ReadFailureCode };

/** Read a file's bytes into raw sheets; the name only names the sheet of a text file. */
export function readFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): ReadResult {
  try {
    const sniffed = sniffFormat(bytes);
    if (!sniffed.ok) return { ok: false, code: sniffed.code };
    if (sniffed.format === 'text') return readText(bytes, fileName, options);
    const excel = readExcel(bytes);
    if (!excel.ok) return excel;
    if (excel.sheets.length === 0) return { ok: false, code: 'no-data' };
    options.onProgress?.({
      done: bytes.length,
      total: bytes.length,
      rows: excel.sheets.reduce((sum, sheet) => sum + sheet.table.rowCount, 0),
    });
    return {
      ok: true,
      format: sniffed.format,
      sheets: excel.sheets,
      encoding: null,
      delimiter: null,
    };
  } catch (error) {
    // A string or array longer than the engine allows: the file is too big for this browser.
    if (error instanceof RangeError) return { ok: false, code: 'too-large' };
    return { ok: false, code: 'format-unknown' };
  }
}

function readText(bytes: Uint8Array, fileName: string, options: ReadOptions): ReadResult {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') return { ok: false, code: 'empty-file' };
  const csv = readCsv(text, options);
  if (!csv.ok) return csv;
  if (csv.table.rowCount === 0) return { ok: false, code: 'no-data' };
  const sheet: ReadSheet = { name: sheetName(fileName), hidden: false, table: csv.table };
  return { ok: true, format: 'csv', sheets: [sheet], encoding, delimiter: csv.delimiter };
}

/** The file name without folders and extension: `C:\exports\orders.2024.csv` → `orders.2024`. */
export function sheetName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const name = dot > 0 ? base.slice(0, dot) : base;
  return name === '' ? 'data' : name;
}
