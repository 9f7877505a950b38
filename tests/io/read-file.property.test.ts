import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFile, type ReadResult } from '../../src/lib/io/read-file.ts';
import { readCsv } from '../../src/lib/io/read-csv.ts';
import { allRows } from '../../src/lib/core/ingest/raw-table.ts';

const failureCodes = new Set([
  'empty-file',
  'format-ods',
  'format-numbers',
  'format-pdf',
  'format-zip',
  'format-image',
  'format-unknown',
  'password-protected',
  'corrupt-workbook',
  'no-data',
]);

/** A result is well formed: a failure with a known code, or sheets of plain cells. */
function checkResult(result: ReadResult): void {
  if (!result.ok) {
    expect(failureCodes).toContain(result.code);
    return;
  }
  expect(result.sheets.length).toBeGreaterThan(0);
  for (const sheet of result.sheets) {
    expect(allRows(sheet.table).length).toBeGreaterThan(0);
    for (const row of allRows(sheet.table)) expect(Array.isArray(row)).toBe(true);
  }
}

/** Magic numbers that steer random bytes into each reader. */
const prefixes: number[][] = [
  [],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  [0x09, 0x08, 0x10, 0x00],
];

/** Characters that break CSV parsers, plus some ordinary ones. */
const nasty = fc.constantFrom(
  '"', '""', ',', ';', '\t', '|', '\r', '\n', '\r\n', '\ufeff', ' ', '  ', 'a', 'Z', '1', '12,50',
  'é', '€', '🍣', '\0', '=', '#N/A', 'sep=;', '__proto__',
); // prettier-ignore

const mangledText = fc.array(nasty, { maxLength: 300 }).map((parts) => parts.join(''));

function encode(text: string, encoding: 'utf8' | 'utf16le' | 'latin1'): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  if (encoding === 'utf16le') {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    return bytes;
  }
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

describe('readFile never throws and never hangs', () => {
  it('on random bytes behind every magic number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 4096 }),
        (prefix, body) => {
          const bytes = new Uint8Array([...prefix, ...body]);
          const started = Date.now();
          checkResult(readFile(bytes, 'random.bin'));
          expect(Date.now() - started).toBeLessThan(5000);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on mangled CSV text in UTF-8, UTF-16 and Latin-1', () => {
    fc.assert(
      fc.property(
        mangledText,
        fc.constantFrom('utf8', 'utf16le', 'latin1') as fc.Arbitrary<'utf8' | 'utf16le' | 'latin1'>,
        (text, encoding) => {
          const result = readFile(encode(text, encoding), 'mangled.csv');
          checkResult(result);
          if (result.ok) {
            expect(result.format).toBe('csv');
            expect(
              allRows(result.sheets[0].table)
                .flat()
                .every((cell) => typeof cell === 'string'),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('readCsv properties', () => {
  it('reads the same rows in chunks of any size as in one piece', () => {
    fc.assert(
      fc.property(mangledText, fc.integer({ min: 1, max: 64 }), (text, chunkSize) => {
        const inChunks = readCsv(text, { chunkSize });
        const whole = readCsv(text);
        expect(inChunks.ok).toBe(whole.ok);
        if (!inChunks.ok || !whole.ok) return;
        expect(allRows(inChunks.table)).toEqual(allRows(whole.table));
        expect([inChunks.delimiter, inChunks.newline]).toEqual([whole.delimiter, whole.newline]);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives back the rows of a well-formed CSV it is told the delimiter of', () => {
    const field = fc
      .array(nasty, { maxLength: 6 })
      .map((parts) => parts.join('').replaceAll('\0', ''));
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|') as fc.Arbitrary<',' | ';' | '\t' | '|'>,
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 5 }).chain((columns) =>
          fc.array(fc.array(field, { minLength: columns, maxLength: columns }), {
            minLength: 1,
            maxLength: 20,
          }),
        ),
        (delimiter, newline, table) => {
          // Quote every field, as Excel does for fields with special characters.
          const text = table
            .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(delimiter))
            .join(newline);
          const result = readCsv(text, { delimiter });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          // Trailing empty rows are dropped (a BOM inside the first quoted field is data).
          const want = table.map((row) => [...row]);
          while (want.length > 0 && want[want.length - 1].every((cell) => cell.trim() === ''))
            want.pop();
          expect(allRows(result.table)).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });
});
