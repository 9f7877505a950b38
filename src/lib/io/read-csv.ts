/**
 * Delimited text → raw table. PapaParse does the quoting rules (always to arrays: with
 * `header: true` it silently drops a `__proto__` column); we choose the delimiter and line end
 * ourselves, so the choice is the same for every chunk and testable on its own.
 */
import Papa from 'papaparse';
import { rowsTable, type RawCell, type RawTable } from '../core/ingest/raw-table.ts';
import type { CancelFlag, ReadProgress } from './read-types.ts';
import { tokenizeCsv } from './tokenize-csv.ts';

/** A field delimiter, or 'whitespace' for columns separated by runs of spaces (fixed width). */
export type CsvDelimiter = ',' | ';' | '\t' | '|' | 'whitespace';

type Newline = '\r\n' | '\n' | '\r';

/** Options for {@link readCsv}. */
export interface CsvReadOptions {
  /** Skip detection and use this delimiter. */
  readonly delimiter?: CsvDelimiter;
  /** Called after each chunk with the characters parsed so far. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Checked between chunks; when set the read stops with 'cancelled'. */
  readonly signal?: CancelFlag;
  /** Characters per chunk (default 1 MiB); small values are for tests. */
  readonly chunkSize?: number;
}

/** A parsed text file, or 'cancelled'. */
export type CsvReadResult =
  | {
      readonly ok: true;
      readonly table: RawTable;
      readonly delimiter: CsvDelimiter;
      readonly newline: Newline;
    }
  | { readonly ok: false; readonly code: 'cancelled' };

/** Delimiters tried, in the order that wins a tie (see {@link detectDelimiter}). */
const CANDIDATES = ['\t', ';', '|', ','] as const;
/** How much of the file the detection looks at. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 200;
const DEFAULT_CHUNK = 1 << 20;

/** Read delimited text into rows of string cells (header and title rows included). */
export function readCsv(text: string, options: CsvReadOptions = {}): CsvReadResult {
  if (options.signal?.aborted) return { ok: false, code: 'cancelled' };
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let delimiter = options.delimiter;
  // Excel's own hint line `sep=;` names the delimiter; it is no data, so it is dropped.
  const hint = /^sep=([,;\t|])[ \t]*(\r\n|\r|\n|$)/i.exec(body);
  if (hint && isCandidate(hint[1])) {
    delimiter ??= hint[1];
    body = body.slice(hint[0].length);
  }
  const sample = sampleOf(body);
  const newline = guessNewline(sample);
  delimiter ??= detectDelimiter(sample, newline);
  if (delimiter !== 'whitespace') {
    const fast = tokenizeCsv(body, delimiter, newline, options);
    if (fast === 'cancelled') return { ok: false, code: 'cancelled' };
    if (fast !== 'irregular') return { ok: true, table: fast, delimiter, newline };
  }
  const rows =
    delimiter === 'whitespace'
      ? splitWhitespace(body)
      : parseDelimited(body, delimiter, newline, options);
  if (rows === null) return { ok: false, code: 'cancelled' };
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1])) rows.pop();
  return { ok: true, table: rowsTable(rows), delimiter, newline };
}

/** The start of the text, cut after its last complete line so no row is torn in half. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const head = text.slice(0, SAMPLE_CHARS);
  const end = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  return end > 0 ? head.slice(0, end) : head;
}

/**
 * The line end used between rows: the most frequent of CRLF, LF and lone CR outside quoted
 * fields (quoted fields may hold other line breaks, as in SheetJS' crlf__crlf.csv).
 */
export function guessNewline(sample: string): Newline {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0x22) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === 0x0d) {
      if (sample.charCodeAt(i + 1) === 0x0a) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 0x0a) lf++;
  }
  if (crlf === 0 && lf === 0 && cr === 0) {
    // Unbalanced quotes hid everything: count without them.
    crlf = sample.split('\r\n').length - 1;
    lf = sample.split('\n').length - 1 - crlf;
    cr = sample.split('\r').length - 1 - crlf;
  }
  if (cr > lf && cr > crlf) return '\r';
  if (crlf >= lf && crlf > 0) return '\r\n';
  return '\n';
}

/**
 * The delimiter that splits the sample's rows most consistently. For each candidate, PapaParse
 * splits the first rows (quotes respected); the candidate's score is the share of non-blank rows
 * having its most common field count, which must be at least 2. Highest share wins; ties go to
 * TAB, then ';', then '|', then ','. That makes a Dutch Excel file (`datum;bedrag` with `12,50`)
 * choose ';': its header has no comma, so ',' is less consistent, and when every row has exactly
 * one decimal comma the tie still goes to ';'. When no candidate splits the rows but every line
 * splits into the same number (≥ 2) of space-separated words, the text is whitespace-separated
 * (CDNOW's fixed-width file); also when the best candidate splits fewer than 80 % of the rows
 * alike. A candidate that splits well always wins: `2024-01-01 10:00,John Smith` has three words
 * on every line too, and is a CSV.
 */
export function detectDelimiter(
  sample: string,
  newline: Newline = guessNewline(sample),
): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; share: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, newline, preview: SAMPLE_ROWS });
    const rows = parsed.data.filter((row) => !isEmptyRow(row));
    if (rows.length === 0) continue;
    const { value: columns, count } = mode(rows.map((row) => row.length));
    if (columns < 2) continue;
    const share = count / rows.length;
    if (best === null || share > best.share) best = { delimiter, share };
  }
  const words = whitespaceColumns(sample);
  if (words >= 2 && (best === null || best.share < 0.8)) return 'whitespace';
  return best?.delimiter ?? ',';
}

/** The most frequent value (the larger one on a tie) and how often it occurs. */
function mode(values: readonly number[]): { value: number; count: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let value = 0;
  let count = 0;
  for (const [v, c] of counts) {
    if (c > count || (c === count && v > value)) {
      value = v;
      count = c;
    }
  }
  return { value, count };
}

/**
 * The number of words every non-blank sample line splits into on runs of spaces and tabs, or 0
 * when lines differ or a quote appears (quoted text is delimited text, not fixed width).
 */
function whitespaceColumns(sample: string): number {
  if (sample.includes('"')) return 0;
  let columns = -1;
  let lines = 0;
  for (const line of sample.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (++lines > SAMPLE_ROWS) break;
    const n = trimmed.split(/[ \t]+/).length;
    if (columns === -1) columns = n;
    else if (n !== columns) return 0;
  }
  return Math.max(columns, 0);
}

/** Whitespace-separated text: every line trimmed and split on runs of spaces and tabs. */
function splitWhitespace(text: string): RawCell[][] {
  return text.split(/\r\n|\r|\n/).map((line) => {
    const trimmed = line.trim();
    return trimmed === '' ? [''] : trimmed.split(/[ \t]+/);
  });
}

/**
 * PapaParse in chunks (progress and cancel between chunks); null when cancelled. Used for text
 * that {@link tokenizeCsv} leaves to PapaParse's recovery rules.
 *
 * A stray quote at the start of a field that never closes (papaparse's malformed.tsv: `"44.39`)
 * makes PapaParse swallow the whole rest of the file into one cell. So when it reports an
 * unterminated quote, only that one line is read with quotes taken literally (the cell keeps its
 * `"`), and parsing resumes on the next line: one odd row instead of a lost file.
 */
function parseDelimited(
  text: string,
  delimiter: Exclude<CsvDelimiter, 'whitespace'>,
  newline: Newline,
  options: CsvReadOptions,
): RawCell[][] | null {
  const rows: RawCell[][] = [];
  let offset = 0;
  while (offset < text.length) {
    const part = offset === 0 ? text : text.slice(offset);
    const run = parseRun(part, offset, text.length, delimiter, newline, options, rows);
    if (run.cancelled) return null;
    if (run.strayQuote === null) break;
    const quote = offset + run.strayQuote;
    const previousBreak = quote > 0 ? text.lastIndexOf(newline, quote - 1) : -1;
    const lineStart =
      previousBreak === -1 ? offset : Math.max(offset, previousBreak + newline.length);
    const nextBreak = text.indexOf(newline, quote);
    const lineEnd = nextBreak === -1 ? text.length : nextBreak;
    // NUL never occurs (decodeText removes it), so as quote character it turns quoting off.
    const literal = Papa.parse<string[]>(text.slice(lineStart, lineEnd), {
      delimiter,
      newline,
      quoteChar: '\0',
    });
    for (const row of literal.data) rows.push(row);
    offset = nextBreak === -1 ? text.length : lineEnd + newline.length;
  }
  return rows;
}

/**
 * One PapaParse pass over `part` (which starts at `offset` in the whole text), appending rows.
 * Stops at an unterminated quote and returns its position in `part`.
 */
function parseRun(
  part: string,
  offset: number,
  total: number,
  delimiter: Exclude<CsvDelimiter, 'whitespace'>,
  newline: Newline,
  options: CsvReadOptions,
  rows: RawCell[][],
): { cancelled: boolean; strayQuote: number | null } {
  let cancelled = false;
  let strayQuote: number | null = null;
  // Where the text handed to the current chunk begins: the end of the previous chunk's last row.
  let chunkStart = 0;
  // With a string input and a chunk callback PapaParse runs synchronously, chunk after chunk.
  Papa.parse<string[]>(part, {
    delimiter,
    newline,
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK,
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
      const missing = results.errors.find((error) => error.code === 'MissingQuotes');
      const keep = missing ? Math.min(missing.row ?? 0, results.data.length) : results.data.length;
      for (let i = 0; i < keep; i++) rows.push(results.data[i]);
      options.onProgress?.({ done: offset + results.meta.cursor, total, rows: rows.length });
      if (missing) {
        // The error's index is just past the opening quote, relative to this chunk's text.
        strayQuote = chunkStart + Math.max(0, (missing.index ?? 1) - 1);
        parser.abort();
      } else if (options.signal?.aborted) {
        cancelled = true;
        parser.abort();
      }
      chunkStart = results.meta.cursor;
    },
    // Rows arrive through `chunk`; the typings want a completion callback for chunked parsing.
    complete: () => undefined,
  });
  return { cancelled, strayQuote };
}

function isEmptyRow(row: readonly RawCell[]): boolean {
  for (const cell of row) {
    if (cell !== null && (typeof cell !== 'string' || cell.trim() !== '')) return false;
  }
  return true;
}

function isCandidate(text: string): text is (typeof CANDIDATES)[number] {
  return (CANDIDATES as readonly string[]).includes(text);
}
