import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExcel } from '../../src/lib/io/read-excel.ts';
import { readCsv } from '../../src/lib/io/read-csv.ts';
import { excelSerialDay, isoDate } from '../../src/lib/core/model/days.ts';
import { isExcelDate, type RawCell } from '../../src/lib/core/ingest/raw-table.ts';
import type { ReadSheet } from '../../src/lib/io/read-types.ts';
import { badInput, badInputsDir } from './helpers.ts';
import { allRows } from '../../src/lib/core/ingest/raw-table.ts';

/** The sheets of a workbook that must open. */
function sheetsOf(path: string): readonly ReadSheet[] {
  const result = readExcel(badInput(path));
  if (!result.ok) throw new Error(`${path}: ${result.code}`);
  return result.sheets;
}

/** The calendar day of a date cell, as the core will compute it. */
function day(cell: RawCell, date1904: boolean): string {
  if (!isExcelDate(cell)) throw new Error(`not a date: ${JSON.stringify(cell)}`);
  return isoDate(excelSerialDay(cell.excelSerial, date1904));
}

describe('readExcel: dates', () => {
  it.each([
    [
      'xlsx/sheetjs/1904__1900.xlsx',
      false,
      ['1900-01-01', '1900-01-11', '1900-04-20', '1903-01-15', '1930-06-02'],
    ],
    [
      'xlsx/sheetjs/1904__1904.xlsx',
      true,
      ['1904-01-02', '1904-01-12', '1904-04-21', '1907-01-16', '1934-06-03'],
    ],
    [
      'xls/sheetjs/1904__1904.xls',
      true,
      ['1904-01-02', '1904-01-12', '1904-04-21', '1907-01-16', '1934-06-03'],
    ],
  ])('%s: serials 1…11111 with date1904 = %s', (path, date1904, days) => {
    const [sheet] = sheetsOf(path);
    const rows = allRows(sheet.table);
    expect(sheet.table.date1904).toBe(date1904);
    // Column A is General (plain numbers), B the same serials formatted as dates, C the text.
    expect(rows.map((row) => row[0])).toEqual([1, 11, 111, 1111, 11111]);
    expect(rows.map((row) => row[1])).toEqual(
      [1, 11, 111, 1111, 11111].map((n) => ({ excelSerial: n })),
    );
    expect(rows.map((row) => day(row[1], date1904))).toEqual(days);
    expect(rows.map((row) => row[2])).toEqual(days);
  });

  it('reads ISO "d" cells as serials on their calendar day; times and durations stay numbers', () => {
    const [sheet] = sheetsOf('xlsx/sheetjs/xlsx-stream-d-date-cell.xlsx');
    const byLabel = new Map(allRows(sheet.table).map((row) => [row[0], row.slice(1)]));
    const [date] = byLabel.get('Date') ?? [];
    expect(date).toEqual({ excelSerial: expect.closeTo(41684.3526, 4) });
    expect(day(date, false)).toBe('2014-02-14');
    expect(byLabel.get('Time Built-in format #18')).toEqual([1.5]);
    expect(byLabel.get('Duration 36 hours format #46')).toEqual([1.5]);
    expect(byLabel.get('Percentage Built-in format #9')).toEqual([0.5]);
    expect(byLabel.get('Boolean')).toEqual([true, false]);
    expect(byLabel.get('String')).toEqual(['てすと', '&\'";<>', '&amp;']);
  });

  it('reads dates, date-times and formatted numbers (DataTypesFormats.xlsx)', () => {
    const [sheet] = sheetsOf('xlsx/sheetjs/DataTypesFormats.xlsx');
    expect(allRows(sheet.table)).toEqual([
      ['Date', { excelSerial: 44035 }],
      ['Date Time', { excelSerial: 44035.375 }],
      ['Currency', 123],
      ['Percentage', 0.9876],
      ['Fixed Decimal', 456],
      ['Thousands Separator', 7890],
    ]);
    expect(day(allRows(sheet.table)[1][1], false)).toBe('2020-07-23');
  });
});

describe('readExcel: sheets and cells', () => {
  it('sheets.xlsx: the first sheet with data matches csvkit’s converted CSV', () => {
    const result = readExcel(badInput('xlsx/csvkit/sheets.xlsx'));
    expect(result).toMatchObject({ ok: true, date1904: true });
    if (!result.ok) return;
    // "not this one" is empty and skipped; the order of the others is kept.
    expect(result.sheets.map((s) => s.name)).toEqual(['data', 'ʤ']);
    const rows = allRows(result.sheets[0].table);
    const { date1904 } = result.sheets[0].table;
    const csvText = readFileSync(
      join(badInputsDir, 'xlsx/csvkit/sheetsxlsx_converted.csv'),
      'utf8',
    );
    const csv = readCsv(csvText);
    if (!csv.ok) throw new Error('csv');
    // csvkit's CSV is from another revision of the workbook: rows in another order and an extra
    // "time" column. Compare the columns both have, matched by the text in column A.
    const expected = new Map(
      allRows(csv.table)
        .slice(1)
        .map((row) => [row[0], row]),
    );
    expect(rows[0]).toEqual([
      'text',
      'date',
      'integer',
      'boolean',
      'float',
      'datetime',
      'empty_column',
    ]);
    expect(rows.length - 1).toBe(expected.size);
    for (const row of rows.slice(1)) {
      const want = expected.get(row[0]);
      expect(want, String(row[0])).toBeDefined();
      if (!want) continue;
      const text = (cell: RawCell) =>
        isExcelDate(cell)
          ? day(cell, date1904)
          : typeof cell === 'boolean'
            ? cell
              ? 'True'
              : 'False'
            : String(cell ?? '');
      expect([row[1], row[2], row[3], row[4]].map(text)).toEqual([
        want[1],
        want[2],
        want[3],
        want[4],
      ]);
      if (row[5] !== undefined) expect(day(row[5], date1904)).toBe(String(want[6]).slice(0, 10));
    }
    expect(allRows(result.sheets[1].table)).toEqual([
      ['a', 'b', 'c'],
      [1, 2, 3],
    ]);
  });

  it('test_skip_lines.xlsx keeps the empty rows above the header, so Excel row numbers hold', () => {
    const [sheet] = sheetsOf('xlsx/csvkit/test_skip_lines.xlsx');
    const rows = allRows(sheet.table);
    const { date1904 } = sheet.table;
    expect(rows.slice(0, 4)).toEqual([
      [],
      [],
      [],
      ['text', 'date', 'integer', 'boolean', 'float', 'datetime', 'empty_column'],
    ]);
    expect(rows[4].slice(0, 5)).toEqual(['Chicago Reader', { excelSerial: 24472 }, 40, true, 1]);
    expect(date1904).toBe(true);
    expect(day(rows[4][1], date1904)).toBe('1971-01-01');
    expect(rows.at(-1)).toEqual(['Unicode! Σ']);
  });

  it('turns error cells into null and keeps errors typed as text', () => {
    const [sheet] = sheetsOf('xlsx/sheetjs/ErrorTypes.xlsx');
    const rows = allRows(sheet.table);
    expect(rows[1].slice(0, 5)).toEqual([null, null, '#NULL?', '#NULL', 1]);
    expect(rows[7].slice(0, 4)).toEqual([null, '#N/A!', '#N/A?', null]);
  });

  it('skips chart, macro, dialog and blank sheets (BlankSheetTypes.xlsm has no data)', () => {
    expect(readExcel(badInput('xlsx/sheetjs/BlankSheetTypes.xlsm'))).toEqual({
      ok: true,
      sheets: [],
      date1904: false,
    });
  });

  it.each(['xlsx/sheetjs/sheet_visibility.xlsx', 'xlsx/sheetjs/sheet_visibility_strict.xlsx'])(
    '%s: visible sheets first, hidden ones marked',
    (path) => {
      const sheets = sheetsOf(path);
      expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
        ['Visible', false],
        ['Hidden', true],
        ['VeryHidden', true],
      ]);
      expect(allRows(sheets[0].table)).toEqual([
        ['v', 'i', 's', 'i', 'b', 'l', 'e'],
        [118, 105, 115, 105, 98, 108, 101],
      ]);
    },
  );

  it('reads parts outside xl/ (wtf_path.xlsx)', () => {
    const sheets = sheetsOf('xlsx/sheetjs/wtf_path.xlsx');
    expect(sheets.map((s) => s.name)).toEqual(['SheetJS', 'Hidden']);
    expect(allRows(sheets[0].table)[1]).toEqual([true, false, null, 'sheetjs']);
  });

  it('keeps merged cells in their top-left cell, line breaks, astral and RTL text', () => {
    expect(allRows(sheetsOf('xlsx/sheetjs/merge_cells.xlsx')[0].table)[0]).toEqual([
      'A1:B2',
      null,
      'C1:C2',
      'Separate blocks',
    ]);
    expect(allRows(sheetsOf('xlsx/sheetjs/crlf__crlf.xlsx')[0].table)).toEqual([
      ['Normal', 'abc\ndef'],
      ['Formula', 'abc\r\ndef'],
      ['Test'],
    ]);
    expect(allRows(sheetsOf('xlsx/sheetjs/sushi.xlsx')[0].table)).toEqual([['🍣']]);
    const hebrew = allRows(sheetsOf('xlsx/sheetjs/text_and_numbers.xlsx')[0].table).flat();
    expect(hebrew.some((cell) => typeof cell === 'string' && /[\u0590-\u05ff]/.test(cell))).toBe(
      true,
    );
  });

  it('reads cached formula values', () => {
    expect(allRows(sheetsOf('xlsx/sheetjs/formulae_test_simple.xlsx')[0].table).at(-1)).toEqual([
      null,
      55,
      null,
      55,
    ]);
  });

  it('reads a large shared-string table', () => {
    const sheets = sheetsOf('xlsx/sheetjs/large_strings.xlsx');
    expect(sheets.map((s) => [s.name, allRows(s.table).length])).toEqual([
      ['Large Strings', 9999],
      ['Simple', 26],
      ['longwordslist', 17619],
    ]);
  });
});

describe('readExcel: refusals', () => {
  it('reports a password-protected xls', () => {
    expect(readExcel(badInput('xls/sheetjs/password_2002_40_xor.xls'))).toEqual({
      ok: false,
      code: 'password-protected',
    });
  });

  it('reads phpexcel_bad_cfb_dir.xls, whose damaged directory SheetJS works around', () => {
    const [sheet] = sheetsOf('xls/sheetjs/phpexcel_bad_cfb_dir.xls');
    expect(sheet.name).toBe('Sayfa1');
    expect(allRows(sheet.table)[0].slice(0, 3)).toEqual(['Kategori No', 'Dükkan No', 'Stok No']);
    expect(allRows(sheet.table)[1][2]).toBe(1346);
  });

  it('reports damaged workbooks without throwing', () => {
    const cfb = badInput('xls/sheetjs/1904__1904.xls').slice(0, 1500);
    expect(readExcel(cfb)).toEqual({ ok: false, code: 'corrupt-workbook' });
    const xlsx = badInput('xlsx/sheetjs/1904__1900.xlsx').slice(0, 4000);
    expect(readExcel(xlsx)).toEqual({ ok: false, code: 'corrupt-workbook' });
  });
});
