import { describe, expect, it } from 'vitest';
import { detectDelimiter, guessNewline, readCsv } from '../../src/lib/io/read-csv.ts';
import type { ReadProgress } from '../../src/lib/io/read-types.ts';
import { allRows } from '../../src/lib/core/ingest/raw-table.ts';

/** The rows of a successful read. */
function rowsOf(text: string, options: Parameters<typeof readCsv>[1] = {}) {
  const result = readCsv(text, options);
  if (!result.ok) throw new Error(`read failed: ${result.code}`);
  return allRows(result.table);
}

describe('detectDelimiter', () => {
  it('chooses ; for Dutch Excel files with decimal commas', () => {
    expect(
      detectDelimiter('datum;klant;bedrag\n01-02-2024;Jan;12,50\n03-02-2024;Piet;3,10\n'),
    ).toBe(';');
    // Every row has exactly one decimal comma and there is no header: still ';'.
    expect(detectDelimiter('Jan;12,50\nPiet;3,10\nKees;7,00\n')).toBe(';');
  });

  it('chooses , when semicolons only appear inside some values', () => {
    const text = 'id,description,amount\n1,red; blue,2.50\n2,green,3.00\n3,"a;b;c",1.00\n';
    expect(detectDelimiter(text)).toBe(',');
  });

  it('chooses TAB, pipe, and , for a single column', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(detectDelimiter('customer\nalice\nbob\n')).toBe(',');
  });

  it('sees whitespace-separated fixed-width text (CDNOW)', () => {
    const cdnow = '    00004 0001 19970101  2  29.33\r\n    00004 0001 19970118  2  29.73\r\n';
    expect(detectDelimiter(cdnow)).toBe('whitespace');
    // Spaces inside a CSV value do not make it whitespace-separated, even when every line has
    // the same number of words.
    expect(detectDelimiter('name,amount\nJohn Smith,12\nJane Doe,13\n')).toBe(',');
    const csv =
      'Order Date,Customer Name\n2024-01-01 10:00,John Smith\n2024-01-02 11:00,Jane Doe\n';
    expect(detectDelimiter(csv)).toBe(',');
  });
});

describe('guessNewline', () => {
  it('counts line ends outside quoted fields only', () => {
    expect(guessNewline('a,b\r1,"x\ny"\r2,3\r')).toBe('\r');
    expect(guessNewline('a,b\r\n1,"x\ny"\r\n')).toBe('\r\n');
    expect(guessNewline('a,b\n1,2\n')).toBe('\n');
  });
});

describe('readCsv', () => {
  it('keeps quoted newlines, delimiters and doubled quotes', () => {
    expect(rowsOf('a,b\n"x\r\ny","1,5"\n"say ""hi""",2\n')).toEqual([
      ['a', 'b'],
      ['x\r\ny', '1,5'],
      ['say "hi"', '2'],
    ]);
  });

  it('splits CR-only (classic Mac) files', () => {
    expect(rowsOf('a,b\r1,2\r3,4\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('strips a BOM left in the text', () => {
    expect(rowsOf('\ufeffa;b\n1;2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps leading title and blank rows, drops trailing empty rows', () => {
    const text = 'Omzet 2024\n\nklant;bedrag\nJan;12,50\n\n;\n  \n';
    expect(rowsOf(text)).toEqual([['Omzet 2024'], [''], ['klant', 'bedrag'], ['Jan', '12,50']]);
  });

  it('obeys and drops an Excel sep= line', () => {
    const result = readCsv('sep=,\r\na,b;c\r\n1,2;3\r\n');
    expect(result).toMatchObject({ ok: true, delimiter: ',', newline: '\r\n' });
    expect(result.ok && allRows(result.table)).toEqual([
      ['a', 'b;c'],
      ['1', '2;3'],
    ]);
  });

  it('splits whitespace-separated text itself, trimming leading spaces', () => {
    const result = readCsv('   4   1 19970101  2  29.33\r\n  21   2 19970101  3  63.34\r\n');
    expect(result).toMatchObject({ ok: true, delimiter: 'whitespace' });
    expect(result.ok && allRows(result.table)).toEqual([
      ['4', '1', '19970101', '2', '29.33'],
      ['21', '2', '19970101', '3', '63.34'],
    ]);
  });

  it('keeps reading after an unterminated quote instead of swallowing the rest of the file', () => {
    expect(rowsOf('a\tb\tc\n1\t"2\t3\n4\t5\t6\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '"2', '3'],
      ['4', '5', '6'],
    ]);
    expect(rowsOf('"x,1\r\ny,2\r\n')).toEqual([
      ['"x', '1'],
      ['y', '2'],
    ]);
    expect(rowsOf('a,b\n"x,1\n', { chunkSize: 3 })).toEqual([
      ['a', 'b'],
      ['"x', '1'],
    ]);
  });

  it('gives the same rows in small chunks as in one piece, and reports progress', () => {
    const lines = ['id,note,amount'];
    for (let i = 0; i < 500; i++) lines.push(`${i},"line ${i}\nwith ""quotes"", commas","${i},50"`);
    const text = lines.join('\r\n') + '\r\n';
    const progress: ReadProgress[] = [];
    const chunked = rowsOf(text, { chunkSize: 97, onProgress: (p) => progress.push(p) });
    expect(chunked).toEqual(rowsOf(text));
    expect(chunked).toHaveLength(501);
    expect(chunked[1]).toEqual(['0', 'line 0\nwith "quotes", commas', '0,50']);
    expect(progress.length).toBeGreaterThan(100);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ done: text.length, total: text.length });
  });

  it('stops when cancelled', () => {
    const text = 'a,b\n' + '1,2\n'.repeat(10_000);
    const signal = { aborted: false };
    let calls = 0;
    const result = readCsv(text, {
      chunkSize: 1000,
      signal,
      onProgress: () => {
        calls++;
        signal.aborted = true;
      },
    });
    expect(result).toEqual({ ok: false, code: 'cancelled' });
    expect(calls).toBe(1);
    expect(readCsv(text, { signal: { aborted: true } })).toEqual({ ok: false, code: 'cancelled' });
  });

  it('keeps a column called __proto__', () => {
    expect(rowsOf('__proto__,b\n1,2\n')).toEqual([
      ['__proto__', 'b'],
      ['1', '2'],
    ]);
  });
});
