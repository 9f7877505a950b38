import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readExcel, type ExcelReadResult } from '../../src/lib/io/read-excel.ts';
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

/** A reading as plain data, to compare two readings of one workbook. */
function plain(result: ExcelReadResult) {
  if (!result.ok) return result;
  return {
    ok: true as const,
    date1904: result.date1904,
    sheets: result.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: allRows(s.table) })),
  };
}

/** The scanner's reading, SheetJS' reading, and the scanner alone (sheets it leaves are empty). */
function readings(bytes: Uint8Array) {
  return {
    auto: plain(readExcel(bytes)),
    sheetjs: plain(readExcel(bytes, { cells: 'sheetjs' })),
    scanner: plain(readExcel(bytes, { cells: 'scanner' })),
  };
}

function workbooksIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return workbooksIn(path);
    return /\.xls[xm]$/.test(entry.name) ? [relative(badInputsDir, path)] : [];
  });
}

/**
 * A workbook whose first worksheet is `xml` (put inside `<sheetData>` unless it is a whole
 * document), with shared strings s0, s1, s2 and the styles 1 = yyyy-mm-dd, 2 = h:mm.
 */
function workbookWith(xml: string): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['s0', 's1', 's2'],
    [
      { t: 'n', v: 1, z: 'yyyy-mm-dd' },
      { t: 'n', v: 0.5, z: 'h:mm' },
    ],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Data');
  const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer;
  const zip = XLSX.CFB.read(new Uint8Array(bytes), { type: 'array' });
  const document = /<worksheet/.test(xml)
    ? xml
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' +
      'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetData>${xml}</sheetData></worksheet>`;
  XLSX.CFB.utils.cfb_add(zip, '/xl/worksheets/sheet1.xml', new TextEncoder().encode(document));
  return new Uint8Array(XLSX.CFB.write(zip, { type: 'array', fileType: 'zip' }));
}

describe('readExcel: the worksheet scanner reads cells as SheetJS does', () => {
  it.each(workbooksIn(badInputsDir))('%s', (path) => {
    const { auto, sheetjs, scanner } = readings(badInput(path));
    expect(auto).toStrictEqual(sheetjs);
    // Its ISO date cells ('d') are the one thing here the scanner leaves to SheetJS.
    if (!path.includes('d-date-cell')) expect(scanner).toStrictEqual(sheetjs);
    else expect(scanner).not.toStrictEqual(sheetjs);
  });

  it('on generated workbooks of numbers, dates, times, text, booleans and errors', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('', ' pad ', '&amp;', 'a\r\nb', '_x0041_', 'caf\u00e9', '<b>', '\ufeffbom'),
    );
    const number = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => n / 100),
    );
    const cell = fc.oneof(
      fc.constant(null),
      number.map((v) => ({ t: 'n', v })),
      number.map((v) => ({ t: 'n', v, z: 'dd-mm-yyyy' })),
      number.map((v) => ({ t: 'n', v, z: 'h:mm' })),
      text.map((v) => ({ t: 's', v })),
      fc.boolean().map((v) => ({ t: 'b', v })),
      fc.constantFrom(0x00, 0x07, 0x0f, 0x17, 0x1d, 0x24, 0x2a).map((v) => ({ t: 'e', v })),
    );
    const rows = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, fc.boolean(), (grid, sharedStrings) => {
        const book = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(grid), 'Data');
        const bytes = new Uint8Array(
          XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST: sharedStrings }),
        );
        const { auto, sheetjs, scanner } = readings(bytes);
        expect(auto).toStrictEqual(sheetjs);
        expect(scanner).toStrictEqual(sheetjs);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves xlsb workbooks, whose worksheets are binary, to SheetJS', () => {
    const book = XLSX.utils.book_new();
    const grid = [
      ['id', 'when'],
      [1, { t: 'n', v: 45000, z: 'yyyy-mm-dd' }],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(grid), 'Data');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsb' }));
    const { auto, sheetjs } = readings(bytes);
    expect(auto).toStrictEqual(sheetjs);
    expect(auto).toMatchObject({
      sheets: [
        {
          rows: [
            ['id', 'when'],
            [1, { excelSerial: 45000 }],
          ],
        },
      ],
    });
  });

  // [what, sheetData, whether the scanner reads it by itself]
  it.each([
    [
      'pretty-printed XML',
      '\n  <row r="1">\n    <c r="A1" t="s">\n      <v>0</v>\n    </c>\n    <c r="B1"><v>12</v></c>\n  </row>\n',
      true,
    ],
    [
      'cells without r after one with r',
      '<row r="2"><c><v>1</v></c><c t="s"><v>1</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>',
      true,
    ],
    [
      'single quotes, white space and other attributes',
      "<row\nr='1' spans='1:3' x14ac:dyDescent='0.25'><c r='A1' s='1' t='n' cm='1'><v>44000</v></c>" +
        '<c r="B1"\n t="s"  ><v>2</v></c></row>',
      true,
    ],
    [
      'cells closing themselves, of every type',
      '<row r="1"><c r="A1" t="b"/><c r="B1" t="str"/><c r="C1" t="inlineStr"/><c r="D1" t="e"/>' +
        '<c r="E1"/><c r="F1" t="s"/><c r="G1" t="n"/><c r="H1" t="s"><v>2</v></c></row>',
      true,
    ],
    [
      'plain inline text',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c>' +
        '<c r="B1" t="inlineStr"><is> <t xml:space="preserve"> pad </t> </is></c>' +
        '<c r="C1" t="inlineStr"><is><t>&amp;amp; a_x0041_\r\nb</t></is></c>' +
        '<c r="D1" t="inlineStr"><is/></c><c r="E1" t="inlineStr"><is><t></t></is></c></row>',
      true,
    ],
    [
      'text values with escapes',
      '<row r="1"><c r="A1" t="str"><v>&amp;lt;</v></c><c r="B1" t="str"><v>a_x000D_\r\nb</v></c>' +
        '<c r="C1" t="str"><v>&AMP;</v></c><c r="D1" t="str"><v>&#65;&#x42;&#X43;</v></c>' +
        '<c r="E1" t="str"><v>🍣 ü</v></c><c r="F1" t="str"><v> spaced </v></c>' +
        '<c r="G1" t="str"><v>under_score_x1</v></c><c r="H1" t="str"><v>a\rb</v></c>' +
        '<c r="I1" t="str"><v>c\r\nd</v></c><c r="J1" t="inlineStr"><is><t>e\r\nf</t></is></c></row>',
      true,
    ],
    [
      'numbers, dates and times',
      '<row r="1"><c r="A1"><v>1e3</v></c><c r="B1"><v> 12 </v></c><c r="C1"><v>+5</v></c>' +
        '<c r="D1"><v>.5</v></c><c r="E1"><v>-0</v></c><c r="F1"><v>abc</v></c>' +
        '<c r="G1"><v>12abc</v></c><c r="H1"><v>0001.50</v></c><c r="I1"><v>123456789012345678</v></c>' +
        '<c r="J1"><v>1e309</v></c><c r="K1"><v>&#49;2</v></c><c r="L1"><v>0.1234567890123456</v></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>44000.25</v></c><c r="B2" s="2"><v>0.5</v></c>' +
        '<c r="C2" s="99"><v>3</v></c><c r="D2" s=""><v>4</v></c><c r="E2" s="1"><v>x</v></c>' +
        '<c r="F2" s="0"><v>-45.5</v></c></row>',
      true,
    ],
    [
      'booleans',
      '<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><v>TRUE</v></c>' +
        '<c r="D1" t="b"><v>2</v></c><c r="E1" t="b"><v>&#49;</v></c><c r="F1" t="b"><v></v></c></row>',
      true,
    ],
    [
      'errors and unknown types',
      '<row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="x"><v>5</v></c><c r="C1" t=""><v>7</v></c>' +
        '<c r="D1" t="S"><v>0</v></c><c r="E1" t="s"><v> 1</v></c></row>',
      true,
    ],
    [
      'cells out of order, repeated, or in another row element',
      '<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="C1"><v>4</v></c></row>' +
        '<row r="3"><c r="B2"><v>9</v></c></row><row r="4"><c r="A4"><v>1</v></c><c r="A4" t="e"><v>#N/A</v></c></row>',
      true,
    ],
    [
      'formulas with and without cached values',
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>NOW()</f></c>' +
        '<c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D1"><f t="shared" si="0"/><v>3</v></c>' +
        '<c r="E1" t="str"><f>""</f><v></v></c></row>',
      true,
    ],
    [
      'empty rows, gaps and blank cells at the ends',
      '<row r="2"/><row r="4"><c r="C4"><v>1</v></c><c r="D4" t="str"><v></v></c></row>' +
        '<row r="9"><c r="A9" t="str"><v></v></c><c r="B9" t="str"><v> </v></c></row><row r="12"/>',
      true,
    ],
    ['an empty sheet', '<?xml version="1.0"?><worksheet><sheetData/></worksheet>', true],
    ['a sheet without sheetData', '<?xml version="1.0"?><worksheet></worksheet>', true],
    [
      'a byte order mark before the XML declaration',
      '\ufeff<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
      true,
    ],
    [
      'prefixed element names',
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      false,
    ],
    [
      'rich inline text',
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is></c></row>',
      false,
    ],
    [
      'ISO date cells',
      '<row r="1"><c r="A1" t="d" s="1"><v>2020-01-02T12:00:00</v></c></row>',
      false,
    ],
    [
      'a shared string that is not there',
      '<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1"><v>1</v></c></row>',
      false,
    ],
    ['rows and cells without r', '<row><c><v>1</v></c></row><row><c><v>2</v></c></row>', false],
    [
      'a cell without r whose text has r="…" in it',
      '<row r="1"><c t="str"><v>for="x"</v></c><c><v>2</v></c></row>',
      false,
    ],
    [
      'an escaped character above U+007F in a text value',
      '<row r="1"><c r="A1" t="str"><v>caf&#233;</v></c></row>',
      false,
    ],
    ['CDATA', '<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]></v></c></row>', false],
    ['an upper-case attribute name', '<row r="1"><c R="A1"><v>1</v></c></row>', false],
    [
      'a lower-case cell reference',
      '<row r="1"><c r="a1"><v>1</v></c><c r="B1"><v>2</v></c></row>',
      false,
    ],
    [
      'a comment between rows',
      '<row r="1"><c r="A1"><v>1</v></c></row><!-- x --><row r="2"/>',
      false,
    ],
    ['a tab after <c', '<row r="1"><c\tr="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', false],
  ])('%s', (_what, xml, scannerReadsIt) => {
    const { auto, sheetjs, scanner } = readings(workbookWith(xml));
    expect(auto).toStrictEqual(sheetjs);
    if (scannerReadsIt) expect(scanner).toStrictEqual(sheetjs);
    else if (sheetjs.ok && sheetjs.sheets.length > 0) expect(scanner).not.toStrictEqual(sheetjs);
  });
});
