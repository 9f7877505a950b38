import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { tokenizeCsv } from '../../src/lib/io/tokenize-csv.ts';
import { allRows, TextTable } from '../../src/lib/core/ingest/raw-table.ts';

type Newline = '\r\n' | '\n' | '\r';

/** PapaParse's rows for the same text, trailing blank rows dropped as readCsv drops them. */
function papaRows(text: string, delimiter: string, newline: Newline): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter, newline, quoteChar: '"' }).data;
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell.trim() === '')) rows.pop();
  return rows;
}

function table(text: string, delimiter = ',', newline: Newline = '\n'): TextTable {
  const result = tokenizeCsv(text, delimiter, newline);
  if (!(result instanceof TextTable)) throw new Error(`not tokenized: ${result}`);
  return result;
}

const piece = fc.constantFrom(
  '"', '""', ',', ';', '\t', '|', '\r', '\n', '\r\n', ' ', 'a', 'Z', '1', '12,50', 'é', '🍣', '=',
  '__proto__', '\u00a0',
); // prettier-ignore
const delimiters = fc.constantFrom(',', ';', '\t', '|');
const newlines = fc.constantFrom<Newline>('\n', '\r\n', '\r');

describe('tokenizeCsv', () => {
  it('reads fields, quoted fields with doubled quotes, empty fields and line ends inside quotes', () => {
    const text = 'id,name,note\r\n1,"Jansen, P.","say ""hi"""\r\n2,,"two\r\nlines"\r\n';
    expect(allRows(table(text, ',', '\r\n'))).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Jansen, P.', 'say "hi"'],
      ['2', '', 'two\r\nlines'],
    ]);
  });

  it('gives cells, widths and blank rows without building the rows', () => {
    const result = table('a;b;c\n1;2\n ; x\n', ';');
    expect(result.rowCount).toBe(3);
    expect(result.width(1)).toBe(2);
    expect(result.cell(1, 1)).toBe('2');
    expect(result.cell(1, 2)).toBeNull();
    expect(result.isBlankRow(2)).toBe(false);
    expect(table('a\n\n \nb').isBlankRow(2)).toBe(true);
  });

  it('drops trailing blank rows', () => {
    expect(table('a,b\n1,2\n\n , \n').rowCount).toBe(2);
  });

  it('leaves an unclosed quote and text after a closing quote to PapaParse', () => {
    expect(tokenizeCsv('a,"b\n1,2', ',', '\n')).toBe('irregular');
    expect(tokenizeCsv('a,"b"c\n1,2', ',', '\n')).toBe('irregular');
    expect(tokenizeCsv('a,"b" ,c', ',', '\n')).toBe('irregular');
  });

  it('takes a quote inside an unquoted field literally, as PapaParse does', () => {
    expect(allRows(table('a,b"c,d\n'))).toEqual([['a', 'b"c', 'd']]);
  });

  it('reports progress and stops when cancelled', () => {
    const text = 'a,b\n'.repeat(1000);
    const seen: number[] = [];
    tokenizeCsv(text, ',', '\n', { chunkSize: 100, onProgress: (p) => seen.push(p.done) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(text.length);
    expect(tokenizeCsv(text, ',', '\n', { chunkSize: 100, signal: { aborted: true } })).toBe(
      'cancelled',
    );
  });

  it('reads any text exactly as PapaParse does, or leaves it to PapaParse', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 200 }).map((parts) => parts.join('')),
        delimiters,
        newlines,
        (text, delimiter, newline) => {
          const result = tokenizeCsv(text, delimiter, newline);
          if (result === 'irregular') return;
          expect(result).toBeInstanceOf(TextTable);
          if (!(result instanceof TextTable)) return;
          expect(allRows(result)).toEqual(papaRows(text, delimiter, newline));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never leaves well-formed CSV to PapaParse', () => {
    const field = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        delimiters,
        newlines,
        (rows, delimiter, newline) => {
          const quote = (cell: string) =>
            /["\r\n,;\t|]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
          const text = rows.map((row) => row.map(quote).join(delimiter)).join(newline);
          const result = tokenizeCsv(text, delimiter, newline);
          expect(result).toBeInstanceOf(TextTable);
          if (result instanceof TextTable) {
            expect(allRows(result)).toEqual(papaRows(text, delimiter, newline));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('TextTable.distinct', () => {
  it('numbers trimmed values in order of first appearance, quoted or not', () => {
    const result = table('k\n a@x.nl\n"b"\na@x.nl \n""\n"say ""hi"""\nsay "hi"\n"b"\n');
    const ids = result.distinct(0);
    const seen = Array.from({ length: result.rowCount }, (_, row) => ids.ids[row]);
    expect(seen).toEqual([0, 1, 2, 1, -1, 3, 3, 2]);
    expect([0, 1, 2, 3].map((id) => ids.value(id))).toEqual(['k', 'a@x.nl', 'b', 'say "hi"']);
  });

  it('gives equal cells one number and different cells different numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ' a', 'ab', '"x"', '"x""y"', 'x"y', '', ' '), {
          minLength: 1,
          maxLength: 300,
        }),
        (cells) => {
          const result = table(`h\n${cells.join('\n')}\nend`);
          const ids = result.distinct(0);
          const byValue = new Map<string, number>();
          for (let row = 0; row < result.rowCount; row += 1) {
            const value = (result.cell(row, 0) ?? '').trim();
            const id = ids.ids[row];
            if (value === '') {
              expect(id).toBe(-1);
              continue;
            }
            expect(ids.value(id)).toBe(value);
            if (byValue.has(value)) expect(id).toBe(byValue.get(value));
            else {
              expect(id).toBe(byValue.size);
              byValue.set(value, id);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('numbers whole-number values once, also when they are too scattered for pages', () => {
    // 400 numbers 10,000 apart: each in a page of its own, so the column moves to hashing
    // halfway; every number comes back later and must get its first number again. "007" and
    // "7.0" are other values than "7".
    const numbers = Array.from({ length: 400 }, (_, index) => String(index * 10_000 + 7));
    const cells = [...numbers, '007', '7.0', ...[...numbers].reverse(), '7', '0', '0'];
    const result = table(`n\n${cells.join('\n')}\n`);
    const { ids, value, size } = result.distinct(0);
    const byValue = new Map<string, number>();
    for (let row = 1; row < result.rowCount; row += 1) {
      const text = cells[row - 1];
      if (!byValue.has(text)) byValue.set(text, ids[row]);
      expect(ids[row]).toBe(byValue.get(text));
      expect(value(ids[row])).toBe(text);
    }
    expect(size).toBe(byValue.size + 1); // and the header
  });
});
