/**
 * The fast path for delimited text: one pass over the characters that records where each field
 * starts and ends, and builds no string at all. Written by hand because PapaParse (and every CSV
 * library we know of) hands back a string per field and an array per row; for a million-row
 * export that is five million strings to allocate and keep, several times the file's size in
 * memory, and most of the import's time.
 *
 * It follows PapaParse's rules for well-formed text (RFC 4180 quoting with `""` inside quotes,
 * the given delimiter and line end, quotes taken literally unless they open a field) and gives
 * up, returning 'irregular', on anything PapaParse treats in its own way: a quote that never
 * closes, or a closing quote followed by something other than a delimiter or line end. The caller
 * then reads the file with PapaParse. tests/io/tokenize-csv.test.ts compares the two on random
 * text.
 */
import { TextTable } from '../core/ingest/raw-table.ts';
import type { CancelFlag, ReadProgress } from './read-types.ts';

export interface TokenizeOptions {
  readonly onProgress?: (progress: ReadProgress) => void;
  readonly signal?: CancelFlag;
  /** Characters between progress reports and cancel checks. */
  readonly chunkSize?: number;
}

const QUOTE = 0x22;

class Growable {
  values: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(16, capacity));
  }
  grow(): void {
    const bigger = new Int32Array(this.values.length * 2);
    bigger.set(this.values);
    this.values = bigger;
  }
  /** The filled part; copied only when more than a tenth of the array would be left unused. */
  finish(): Int32Array {
    if (this.length >= this.values.length * 0.9) return this.values.subarray(0, this.length);
    return this.values.slice(0, this.length);
  }
}

/**
 * Splits `text` into fields. Trailing blank rows are dropped. Returns 'irregular' when the text
 * needs PapaParse's recovery rules, 'cancelled' when the signal was set between chunks.
 */
export function tokenizeCsv(
  text: string,
  delimiter: string,
  newline: '\r\n' | '\n' | '\r',
  options: TokenizeOptions = {},
): TextTable | 'irregular' | 'cancelled' {
  const length = text.length;
  const delim = delimiter.charCodeAt(0);
  const nl = newline.charCodeAt(0);
  const crlf = newline === '\r\n';
  const chunk = options.chunkSize ?? 1 << 20;
  // A guess of the sizes from the first 64 KB (a header is shorter than the rows below it); the
  // arrays double when it was too small, and are cut to size at the end when it was too large.
  const { rowGuess, firstWidth } = guessSizes(text, delimiter, newline);
  const rowStart = new Growable(rowGuess);
  const fieldStart = new Growable(rowGuess * firstWidth + 1);
  let nextReport = chunk;

  let at = 0;
  rowStart.values[rowStart.length++] = 0;
  for (;;) {
    // One field starting at `at`.
    if (fieldStart.length === fieldStart.values.length) fieldStart.grow();
    let next: number; // index of the character after the field: a delimiter, line end or `length`
    if (at < length && text.charCodeAt(at) === QUOTE) {
      const start = at + 1;
      let scan = start;
      let doubled = false;
      for (;;) {
        const close = text.indexOf('"', scan);
        if (close < 0) return 'irregular';
        if (text.charCodeAt(close + 1) === QUOTE) {
          doubled = true;
          scan = close + 2;
          continue;
        }
        next = close + 1;
        break;
      }
      if (next < length) {
        const after = text.charCodeAt(next);
        const endsLine = after === nl && (!crlf || text.charCodeAt(next + 1) === 0x0a);
        if (after !== delim && !endsLine) return 'irregular';
      }
      // The opening quote's position; negated when the value has doubled quotes to undo.
      fieldStart.values[fieldStart.length] = doubled ? ~at : at;
    } else {
      let scan = at;
      for (;;) {
        if (scan >= length) break;
        const code = text.charCodeAt(scan);
        if (code === delim) break;
        if (code === nl && (!crlf || text.charCodeAt(scan + 1) === 0x0a)) break;
        scan += 1;
      }
      next = scan;
      fieldStart.values[fieldStart.length] = at;
    }
    fieldStart.length += 1;

    if (next >= length) break;
    if (text.charCodeAt(next) === delim) {
      at = next + 1;
      continue;
    }
    // A line end: the row is complete.
    at = next + newline.length;
    if (rowStart.length === rowStart.values.length) rowStart.grow();
    rowStart.values[rowStart.length++] = fieldStart.length;
    if (at > nextReport) {
      nextReport = at + chunk;
      options.onProgress?.({ done: at, total: length, rows: rowStart.length - 1 });
      if (options.signal?.aborted) return 'cancelled';
    }
    if (at === length) {
      // Text ending in a line end has one more, empty row (as PapaParse reads it).
      if (fieldStart.length === fieldStart.values.length) fieldStart.grow();
      fieldStart.values[fieldStart.length++] = at;
      break;
    }
  }
  if (rowStart.length === rowStart.values.length) rowStart.grow();
  rowStart.values[rowStart.length++] = fieldStart.length;
  // Where a field after the last one would start: the last field's end is found from it.
  if (fieldStart.length === fieldStart.values.length) fieldStart.grow();
  fieldStart.values[fieldStart.length++] = length + newline.length;
  options.onProgress?.({ done: length, total: length, rows: rowStart.length - 1 });

  const table = new TextTable(
    text,
    rowStart.finish(),
    fieldStart.finish(),
    newline.length,
    rowStart.length - 1,
  );
  let rowCount = table.rowCount;
  while (rowCount > 0 && table.isBlankRow(rowCount - 1)) rowCount -= 1;
  return rowCount === table.rowCount
    ? table
    : new TextTable(text, table.rowStart, table.fieldStart, newline.length, rowCount);
}

/** Rows and fields per row expected in the whole text, from its first 64 KB. */
function guessSizes(
  text: string,
  delimiter: string,
  newline: string,
): { rowGuess: number; firstWidth: number } {
  const sample = text.slice(0, 1 << 16);
  const lines = sample.split(newline);
  const firstWidth = lines[0].split(delimiter).length;
  // Without the last (probably torn) line unless the sample is the whole text.
  const whole = sample.length === text.length;
  const counted = whole ? lines.length : Math.max(1, lines.length - 1);
  const rowGuess = whole ? counted : Math.ceil((text.length / sample.length) * counted * 1.02);
  return { rowGuess: rowGuess + 2, firstWidth };
}
