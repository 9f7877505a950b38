import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readFile, sheetName, type ReadResult } from '../../src/lib/io/read-file.ts';
import type { RawCell } from '../../src/lib/core/ingest/raw-table.ts';
import { badInput, badInputsDir, dataFile, utf8 } from './helpers.ts';
import { allRows } from '../../src/lib/core/ingest/raw-table.ts';

type Outcome =
  | { format: 'csv' | 'xlsx' | 'xls'; rows: number; columns: number; delimiter?: string }
  | { code: string };

/**
 * Every file in bad-inputs: what it must give (first sheet's row count and widest row), or the
 * code it is refused with. A file added to bad-inputs without a line here fails the sweep.
 */
const expected: Record<string, Outcome> = {
  'csv/csv-spectrum/comma_in_quotes.csv': { format: 'csv', rows: 2, columns: 5 },
  'csv/csv-spectrum/empty.csv': { format: 'csv', rows: 3, columns: 3 },
  'csv/csv-spectrum/empty_crlf.csv': { format: 'csv', rows: 3, columns: 3 },
  'csv/csv-spectrum/escaped_quotes.csv': { format: 'csv', rows: 3, columns: 2 },
  'csv/csv-spectrum/json.csv': { format: 'csv', rows: 2, columns: 2 },
  'csv/csv-spectrum/location_coordinates.csv': { format: 'csv', rows: 2, columns: 4 },
  'csv/csv-spectrum/newlines.csv': { format: 'csv', rows: 4, columns: 3 },
  'csv/csv-spectrum/newlines_crlf.csv': { format: 'csv', rows: 4, columns: 3 },
  'csv/csv-spectrum/quotes_and_newlines.csv': { format: 'csv', rows: 3, columns: 2 },
  'csv/csv-spectrum/simple.csv': { format: 'csv', rows: 2, columns: 3 },
  'csv/csv-spectrum/simple_crlf.csv': { format: 'csv', rows: 2, columns: 3 },
  'csv/csv-spectrum/utf8.csv': { format: 'csv', rows: 3, columns: 3 },
  'csv/csvkit/bad.csv': { format: 'csv', rows: 4, columns: 4 },
  'csv/csvkit/blanks.csv': { format: 'csv', rows: 2, columns: 6 },
  'csv/csvkit/date_like_number.csv': { format: 'csv', rows: 2, columns: 1 },
  'csv/csvkit/empty.csv': { code: 'empty-file' },
  'csv/csvkit/mac_newlines.csv': { format: 'csv', rows: 3, columns: 3 },
  'csv/csvkit/null_byte.csv': { format: 'csv', rows: 2, columns: 3 },
  'csv/csvkit/optional_quote_characters.csv': { format: 'csv', rows: 2, columns: 3 },
  'csv/csvkit/test_date_format.csv': { format: 'csv', rows: 3, columns: 1 },
  'csv/csvkit/test_empty_columns_short_row.csv': { format: 'csv', rows: 1, columns: 3 },
  'csv/csvkit/test_extra_header.csv': { format: 'csv', rows: 2, columns: 4 },
  'csv/csvkit/test_header_newline.csv': { format: 'csv', rows: 2, columns: 3 },
  'csv/csvkit/test_latin1.csv': { format: 'csv', rows: 3, columns: 3 },
  'csv/csvkit/test_locale.csv': { format: 'csv', rows: 2, columns: 3 },
  'csv/csvkit/test_no_leading_zeroes.csv': { format: 'csv', rows: 2, columns: 3 },
  'csv/csvkit/test_numeric_date_format.csv': { format: 'csv', rows: 3, columns: 1 },
  'csv/csvkit/test_utf16_big.csv': { format: 'csv', rows: 3, columns: 3 },
  'csv/csvkit/test_utf16_little.csv': { format: 'csv', rows: 3, columns: 3 },
  'csv/csvkit/test_utf8_bom.csv': { format: 'csv', rows: 3, columns: 3 },
  'csv/papaparse/long-sample.csv': { format: 'csv', rows: 8, columns: 7 },
  'csv/papaparse/malformed.tsv': { format: 'csv', rows: 10, columns: 9, delimiter: '\t' },
  'csv/papaparse/sample-header.csv': { format: 'csv', rows: 3, columns: 2 },
  'csv/papaparse/utf-8-bom-sample.csv': { format: 'csv', rows: 2, columns: 3 },
  'csv/sheetjs/ErrorTypes.csv': { format: 'csv', rows: 14, columns: 10 },
  'csv/sheetjs/LO7322.csv': { format: 'csv', rows: 33, columns: 11 },
  'csv/sheetjs/crlf__crlf.csv': { format: 'csv', rows: 3, columns: 2 },
  'ods/sheetjs/1904__1904.ods': { code: 'format-ods' },
  'xls/sheetjs/1904__1904.xls': { format: 'xls', rows: 5, columns: 4 },
  'xls/sheetjs/password_2002_40_xor.xls': { code: 'password-protected' },
  'xls/sheetjs/phpexcel_bad_cfb_dir.xls': { format: 'xls', rows: 3, columns: 30 },
  'xlsx/csvkit/sheets.xlsx': { format: 'xlsx', rows: 6, columns: 8 },
  'xlsx/csvkit/sheetsxlsx_converted.csv': { format: 'csv', rows: 6, columns: 9 },
  'xlsx/csvkit/test_skip_lines.xlsx': { format: 'xlsx', rows: 9, columns: 8 },
  'xlsx/sheetjs/1904__1900.xlsx': { format: 'xlsx', rows: 5, columns: 4 },
  'xlsx/sheetjs/1904__1904.xlsx': { format: 'xlsx', rows: 5, columns: 4 },
  'xlsx/sheetjs/AutoFilter.xlsx': { format: 'xlsx', rows: 22, columns: 5 },
  'xlsx/sheetjs/BlankSheetTypes.xlsm': { code: 'no-data' },
  'xlsx/sheetjs/DataTypesFormats.xlsx': { format: 'xlsx', rows: 6, columns: 2 },
  'xlsx/sheetjs/ErrorTypes.xlsx': { format: 'xlsx', rows: 14, columns: 10 },
  'xlsx/sheetjs/crlf__crlf.xlsx': { format: 'xlsx', rows: 3, columns: 2 },
  'xlsx/sheetjs/defined_names_unicode.xlsx': { format: 'xlsx', rows: 1, columns: 1 },
  'xlsx/sheetjs/formulae_test_simple.xlsx': { format: 'xlsx', rows: 6, columns: 4 },
  'xlsx/sheetjs/large_strings.xlsx': { format: 'xlsx', rows: 9999, columns: 17 },
  'xlsx/sheetjs/merge_cells.xlsx': { format: 'xlsx', rows: 4, columns: 4 },
  'xlsx/sheetjs/mixed_sheets.xlsx': { format: 'xlsx', rows: 2, columns: 2 },
  'xlsx/sheetjs/sheet_visibility.xlsx': { format: 'xlsx', rows: 2, columns: 7 },
  'xlsx/sheetjs/sheet_visibility_strict.xlsx': { format: 'xlsx', rows: 2, columns: 7 },
  'xlsx/sheetjs/sushi.xlsx': { format: 'xlsx', rows: 1, columns: 1 },
  'xlsx/sheetjs/text_and_numbers.xlsx': { format: 'xlsx', rows: 4, columns: 3 },
  'xlsx/sheetjs/wtf_path.xlsx': { format: 'xlsx', rows: 6, columns: 4 },
  'xlsx/sheetjs/xlsx-stream-d-date-cell.xlsx': { format: 'xlsx', rows: 13, columns: 4 },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The rows of the first sheet of a read that must succeed. */
function rows(result: ReadResult): readonly (readonly RawCell[])[] {
  if (!result.ok) throw new Error(`read failed: ${result.code}`);
  return allRows(result.sheets[0].table);
}

function read(path: string): ReadResult {
  return readFile(badInput(path), path.split('/').pop() ?? path);
}

describe('readFile on every bad input', () => {
  const files = walk(badInputsDir)
    .map((path) => relative(badInputsDir, path))
    .filter((path) => !path.endsWith('.json') && !path.endsWith('.md'))
    .sort();

  it('has an expectation for every file', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', (path) => {
    const started = Date.now();
    const result = read(path);
    expect(Date.now() - started).toBeLessThan(10_000);
    const want = expected[path];
    if ('code' in want) {
      expect(result).toEqual({ ok: false, code: want.code });
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe(want.format);
    const table = allRows(result.sheets[0].table);
    expect(table.length).toBe(want.rows);
    expect(Math.max(...table.map((row) => row.length))).toBe(want.columns);
    if (want.format === 'csv') {
      expect(result.delimiter).toBe(want.delimiter ?? ',');
      expect(table.flat().every((cell) => typeof cell === 'string')).toBe(true);
    } else {
      expect(result.encoding).toBeNull();
    }
  });
});

describe('readFile: csv-spectrum against its expected JSON', () => {
  const names = readdirSync(join(badInputsDir, 'csv/csv-spectrum'))
    .filter((name) => name.endsWith('.csv'))
    // Its JSON disagrees with its own CSV (another phone number): checked by hand below.
    .filter((name) => name !== 'location_coordinates.csv');

  it.each(names)('%s', (name) => {
    const table = rows(read(`csv/csv-spectrum/${name}`));
    const json = readFileSync(
      join(badInputsDir, 'csv/csv-spectrum', name.replace(/\.csv$/, '.json')),
      'utf8',
    );
    const [header, ...body] = table;
    const objects = body.map((row) => Object.fromEntries(header.map((key, i) => [key, row[i]])));
    expect(objects).toEqual(JSON.parse(json));
  });

  it('location_coordinates.csv', () => {
    expect(rows(read('csv/csv-spectrum/location_coordinates.csv'))).toEqual([
      ['Contact Phone Number', 'Location Coordinates', 'Cities', 'Counties'],
      ['2095257564', `37\ufffd36'37.8"N 121\ufffd2'17.9"W`, 'Modesto', 'Stanislaus'],
    ]);
  });
});

describe('readFile: encodings and awkward text', () => {
  it('UTF-16 LE and BE files give the same rows as the UTF-8 file', () => {
    const utf8Rows = rows(read('csv/csv-spectrum/utf8.csv'));
    const little = read('csv/csvkit/test_utf16_little.csv');
    const big = read('csv/csvkit/test_utf16_big.csv');
    expect(rows(little)).toEqual(utf8Rows);
    expect(rows(big)).toEqual(utf8Rows);
    expect(little).toMatchObject({ encoding: 'utf-16le', delimiter: ',' });
    expect(big).toMatchObject({ encoding: 'utf-16be' });
  });

  it('reads Latin-1 (test_latin1.csv gives ©)', () => {
    const result = read('csv/csvkit/test_latin1.csv');
    expect(result).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(rows(result)[2]).toEqual(['4', '5', '©']);
  });

  it('reads Windows-1252 0x80, 0x93, 0x94 as €, “ and ”', () => {
    const bytes = new Uint8Array([
      ...utf8('naam;bedrag\nJan;'),
      0x80,
      ...utf8(' 12,50;'),
      0x93,
      0x78,
      0x94,
    ]);
    const result = readFile(bytes, 'export.csv');
    expect(result).toMatchObject({ ok: true, encoding: 'windows-1252', delimiter: ';' });
    expect(rows(result)).toEqual([
      ['naam', 'bedrag'],
      ['Jan', '€ 12,50', '“x”'],
    ]);
  });

  it('strips BOMs, splits classic Mac line ends, keeps CR inside quotes', () => {
    expect(rows(read('csv/papaparse/utf-8-bom-sample.csv'))).toEqual([
      ['A', 'B', 'C'],
      ['X', 'Y', 'Z'],
    ]);
    expect(rows(read('csv/csvkit/test_utf8_bom.csv'))[0]).toEqual(['foo', 'bar', 'baz']);
    expect(rows(read('csv/csvkit/mac_newlines.csv'))).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['Once upon\ra time', '5', '6'],
    ]);
    expect(rows(read('csv/sheetjs/crlf__crlf.csv'))).toEqual([
      ['Normal', 'abc\ndef'],
      ['Formula', 'abc\r\ndef'],
      ['Test', ''],
    ]);
  });

  it('reads a NUL byte as nothing, keeps text exactly as written', () => {
    expect(rows(read('csv/csvkit/null_byte.csv'))).toEqual([
      ['a', 'b', 'c'],
      ['', '2', '3'],
    ]);
    expect(rows(read('csv/csvkit/test_no_leading_zeroes.csv'))[1]).toEqual(['01', '00.11', '0.1']);
    expect(rows(read('csv/csvkit/test_locale.csv'))[1]).toEqual(['1,7', '200.000.000', '']);
    expect(rows(read('csv/csvkit/bad.csv'))).toEqual([
      ['column_a', 'column_b', 'column_c'],
      ['1', '27', '', "I'm too long!"],
      ['', "I'm too short!"],
      ['0', 'mixed types.... uh oh', '17'],
    ]);
  });

  it('keeps a header cell full of control characters (test_header_newline.csv)', () => {
    expect(rows(read('csv/csvkit/test_header_newline.csv'))[0]).toEqual([
      '\t\n\u000b\f\r start \t\n\u000b\f\r end \t\n\u000b\f\r',
      'b',
      'c',
    ]);
  });

  it('keeps the malformed TSV row with a stray quote and the row after it', () => {
    const table = rows(read('csv/papaparse/malformed.tsv'));
    expect(table[8]).toEqual(['SLK', '-74.20', '"44.39', '7', '-12', '0.00', '-99', '-99']);
    expect(table[9]).toEqual(['VSF', '-72.50', '43.34', '20', '-1', '0.04', '-99', '-99']);
  });
});

describe('readFile: refusals and naming', () => {
  it('refuses things that are not tables', () => {
    expect(readFile(new Uint8Array(), 'x.csv')).toEqual({ ok: false, code: 'empty-file' });
    expect(readFile(utf8('\ufeff  \n'), 'x.csv')).toEqual({ ok: false, code: 'empty-file' });
    expect(readFile(new Uint8Array([0xff, 0xfe, 0x20, 0, 0x0a, 0]), 'x.txt')).toEqual({
      ok: false,
      code: 'empty-file',
    });
    expect(readFile(utf8(',,,\n,,\n\n'), 'x.csv')).toEqual({ ok: false, code: 'no-data' });
    expect(readFile(utf8('%PDF-1.4'), 'orders.xlsx')).toEqual({ ok: false, code: 'format-pdf' });
  });

  it('does not believe the file name: a text file called .xls is read as text', () => {
    const result = readFile(utf8('a;b\n1;2\n'), 'export.xls');
    expect(result).toMatchObject({ ok: true, format: 'csv', delimiter: ';' });
    expect(result.ok && result.sheets[0].name).toBe('export');
  });

  it('names a text sheet after the file', () => {
    expect(sheetName('C:\\exports\\orders.2024.csv')).toBe('orders.2024');
    expect(sheetName('/tmp/klanten')).toBe('klanten');
    expect(sheetName('.csv')).toBe('.csv');
    expect(sheetName('')).toBe('data');
  });

  it('reports progress and cancellation', () => {
    const bytes = dataFile('Telco-Customer-Churn.csv');
    const seen: number[] = [];
    const result = readFile(bytes, 'telco.csv', { onProgress: (p) => seen.push(p.rows) });
    expect(result.ok).toBe(true);
    expect(seen.at(-1)).toBe(7045); // header, 7,043 customers and the empty line after the last
    expect(readFile(bytes, 'telco.csv', { signal: { aborted: true } })).toEqual({
      ok: false,
      code: 'cancelled',
    });
  });
});

describe('readFile: XML Spreadsheet 2003', () => {
  it('reads it as a workbook, date cells as serials', () => {
    const xml = [
      '<?xml version="1.0"?>',
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"',
      ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
      '<Styles><Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style></Styles>',
      '<Worksheet ss:Name="Orders"><Table>',
      '<Row><Cell><Data ss:Type="String">klant</Data></Cell>',
      '<Cell><Data ss:Type="String">datum</Data></Cell></Row>',
      '<Row><Cell><Data ss:Type="String">Jan</Data></Cell><Cell ss:StyleID="d">',
      '<Data ss:Type="DateTime">2024-03-31T00:00:00.000</Data></Cell></Row>',
      '</Table></Worksheet></Workbook>',
    ].join('\n');
    const result = readFile(utf8(xml), 'orders.xls');
    expect(result).toMatchObject({ ok: true, format: 'xls' });
    expect(result.ok && result.sheets[0].name).toBe('Orders');
    // 45382 is 2024-03-31 in the 1900 date system.
    expect(rows(result)).toEqual([
      ['klant', 'datum'],
      ['Jan', { excelSerial: 45382 }],
    ]);
  });
});

describe('readFile: the real data sets', () => {
  it('CDNOW_sample.txt: whitespace-separated, no header, 6,919 rows of 5 columns', () => {
    const result = readFile(dataFile('CDNOW_sample.txt'), 'CDNOW_sample.txt');
    expect(result).toMatchObject({ ok: true, format: 'csv', delimiter: 'whitespace' });
    const table = rows(result);
    expect(table).toHaveLength(6919);
    expect(table.every((row) => row.length === 5)).toBe(true);
    expect(table[0]).toEqual(['00004', '0001', '19970101', '2', '29.33']);
    expect(new Set(table.map((row) => row[1])).size).toBe(2357);
    expect(table.filter((row) => row[4] === '0.00')).toHaveLength(8);
  });

  it('online_retail_sample_10pct.csv: 47,808 invoice lines + header', () => {
    const table = rows(readFile(dataFile('online_retail_sample_10pct.csv'), 'retail.csv'));
    expect(table).toHaveLength(47_809);
    expect(table[0]).toEqual([
      'InvoiceNo',
      'StockCode',
      'Description',
      'Quantity',
      'InvoiceDate',
      'UnitPrice',
      'CustomerID',
      'Country',
    ]);
    expect(table.every((row) => row.length === 8)).toBe(true);
    expect(table.slice(1).filter((row) => row[6] === '')).toHaveLength(11_430);
    expect(table.slice(1).filter((row) => String(row[0]).startsWith('C'))).toHaveLength(782);
  });

  it('shopify_orders_export_devstore.csv: 121 lines + header, 79 columns', () => {
    const table = rows(readFile(dataFile('shopify_orders_export_devstore.csv'), 'orders.csv'));
    expect(table).toHaveLength(122);
    expect(table.every((row) => row.length === 79)).toBe(true);
    expect(table[0].slice(0, 4)).toEqual(['Name', 'Email', 'Financial Status', 'Paid at']);
  });

  it('Telco-Customer-Churn.csv: 7,043 customers + header, 21 columns', () => {
    const table = rows(readFile(dataFile('Telco-Customer-Churn.csv'), 'telco.csv'));
    expect(table).toHaveLength(7044);
    expect(table.every((row) => row.length === 21)).toBe(true);
    expect(table.slice(1).filter((row) => row[19] === ' ')).toHaveLength(11);
    expect(table.slice(1).filter((row) => row[20] === 'Yes')).toHaveLength(1869);
  });
});
