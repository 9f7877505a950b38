import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { sheetNames, xlsxBlob, xlsxType, type XlsxSheet } from '../../src/lib/io/export-xlsx.ts';

/** Texts a spreadsheet would run as a formula if it guessed types (as it does for CSV). */
const formulaLike = [
  '=1+1',
  '+31 6 1234',
  '-5 korting',
  '@user',
  '\tx',
  '\rx',
  '\nx',
  '=HYPERLINK("http://example.com","klik")',
];

/** One file of the .xlsx zip as text, through the zip reader SheetJS bundles (CFB). */
function zippedText(bytes: Uint8Array, path: string): string {
  // SheetJS types its bundled CFB library as `any`; this is the slice of it used here.
  const cfb = XLSX.CFB as {
    read(data: Uint8Array, options: { type: 'array' }): unknown;
    find(container: unknown, path: string): { content: Uint8Array } | null;
  };
  // CFB names zip entries from the root, with a leading slash.
  const entry = cfb.find(cfb.read(bytes, { type: 'array' }), `/${path}`);
  if (entry === null) throw new Error(`${path} is not in the workbook`);
  return new TextDecoder().decode(entry.content);
}

async function roundTrip(sheets: readonly XlsxSheet[]): Promise<XLSX.WorkBook> {
  const blob = await xlsxBlob(sheets);
  expect(blob.type).toBe(xlsxType);
  // cellFormula (the default) would surface any <f> element as a cell's `f`; cellNF its format.
  return XLSX.read(new Uint8Array(await blob.arrayBuffer()), {
    type: 'array',
    cellFormula: true,
    cellNF: true,
  });
}

function cellsOf(sheet: XLSX.WorkSheet): [string, XLSX.CellObject][] {
  return Object.entries(sheet).filter(([key]) => !key.startsWith('!')) as [
    string,
    XLSX.CellObject,
  ][];
}

describe('xlsxBlob', () => {
  it('writes numbers as numbers, texts as texts, null as nothing, and no formula anywhere', async () => {
    const workbook = await roundTrip([
      {
        name: 'Perioden',
        rows: [
          ['periode', 'S', 'CRR', 'omzet'],
          ['2024-01', 120, 0.95, 1234.5],
          ['2024-02', 0, null, -12.25],
          [null, 1e-7, 123456789012, null],
        ],
      },
      { name: 'Injectie', rows: formulaLike.map((text) => [text, 1]) },
    ]);
    expect(workbook.SheetNames).toEqual(['Perioden', 'Injectie']);

    const periods = workbook.Sheets.Perioden;
    expect(periods['!ref']).toBe('A1:D4');
    expect(periods.A1).toMatchObject({ t: 's', v: 'periode' });
    expect(periods.B2).toMatchObject({ t: 'n', v: 120 });
    expect(periods.C2).toMatchObject({ t: 'n', v: 0.95 });
    expect(periods.D2).toMatchObject({ t: 'n', v: 1234.5 });
    expect(periods.B3).toMatchObject({ t: 'n', v: 0 });
    expect(periods.C3).toBeUndefined();
    expect(periods.D3).toMatchObject({ t: 'n', v: -12.25 });
    expect(periods.A4).toBeUndefined();
    expect(periods.B4).toMatchObject({ t: 'n', v: 1e-7 });
    expect(periods.C4).toMatchObject({ t: 'n', v: 123456789012 });

    const injection = workbook.Sheets.Injectie;
    formulaLike.forEach((text, index) => {
      const cell = injection[`A${index + 1}`] as XLSX.CellObject;
      // Exactly as given: no apostrophe in the value (see the top of export-xlsx.ts).
      expect(cell).toMatchObject({ t: 's', v: text });
      // The Text format, so editing the cell in Excel keeps it text.
      expect(cell.z).toBe('@');
      expect(injection[`B${index + 1}`]).toMatchObject({ t: 'n', v: 1 });
    });
    // Ordinary text keeps the General format.
    expect(periods.A1.z).not.toBe('@');

    for (const name of workbook.SheetNames) {
      for (const [, cell] of cellsOf(workbook.Sheets[name])) expect(cell.f).toBeUndefined();
    }
  });

  it('stores texts in the shared-string table (type "s") and writes no <f> element', async () => {
    const blob = await xlsxBlob([{ name: 'a', rows: [['=1+1', '+31 6 1234', 5]] }]);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const sheet = zippedText(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).not.toContain('t="str"');
    expect(sheet.match(/<c [^>]*t="s"/g)).toHaveLength(2);
    expect(zippedText(bytes, 'xl/sharedStrings.xml')).toContain('<t>=1+1</t>');
  });

  it('leaves NaN, Infinity and empty texts as empty cells', async () => {
    const workbook = await roundTrip([
      { name: 'x', rows: [[Number.NaN, Number.POSITIVE_INFINITY, '', 'ok']] },
    ]);
    const sheet = workbook.Sheets.x;
    expect(cellsOf(sheet).map(([key]) => key)).toEqual(['D1']);
    expect(sheet.D1).toMatchObject({ t: 's', v: 'ok' });
  });

  it('keeps texts that look like XML escapes, HTML or control characters literal', async () => {
    const texts = ['_x0041_', 'a_x005F_b', '<b>vet</b> & "quotes"', 'één 😀', 'a\nb', ' x '];
    const workbook = await roundTrip([{ name: 'x', rows: [texts] }]);
    texts.forEach((text, column) => {
      const cell = workbook.Sheets.x[XLSX.utils.encode_cell({ r: 0, c: column })];
      expect(cell).toMatchObject({ t: 's', v: text });
    });
  });

  it('keeps a CR as _x000d_ in the file (an XML parser would fold a raw one into LF)', async () => {
    const blob = await xlsxBlob([{ name: 'x', rows: [['a\r\nb']] }]);
    const strings = zippedText(new Uint8Array(await blob.arrayBuffer()), 'xl/sharedStrings.xml');
    // SheetJS's reader folds CRLF into LF on purpose, so the file itself is checked here.
    expect(strings).toContain('<t xml:space="preserve">a_x000d_\nb</t>');
  });

  it("cuts a text to Excel's 32,767 characters without splitting an emoji", async () => {
    const long = `${'a'.repeat(32_766)}😀tail`;
    const workbook = await roundTrip([{ name: 'x', rows: [[long, 'b'.repeat(40_000)]] }]);
    expect(workbook.Sheets.x.A1.v).toBe('a'.repeat(32_766));
    expect(workbook.Sheets.x.B1.v).toBe('b'.repeat(32_767));
  });

  it('writes a valid workbook for no sheets and for an empty sheet', async () => {
    const none = await roundTrip([]);
    expect(none.SheetNames).toEqual(['Sheet 1']);
    const empty = await roundTrip([{ name: 'Leeg', rows: [] }]);
    expect(empty.SheetNames).toEqual(['Leeg']);
    expect(cellsOf(empty.Sheets.Leeg)).toEqual([]);
  });

  it('sanitises the sheet names it writes', async () => {
    const workbook = await roundTrip([
      { name: 'Q1/2024: [cohorten]*?\\', rows: [[1]] },
      { name: 'Een hele lange naam voor een tabblad in Excel', rows: [[2]] },
      { name: "'History'", rows: [[3]] },
      { name: '', rows: [[4]] },
    ]);
    expect(workbook.SheetNames).toEqual([
      'Q1-2024- -cohorten----',
      'Een hele lange naam voor een ta',
      'History (2)',
      'Sheet 4',
    ]);
    expect(workbook.Sheets['Sheet 4'].A1).toMatchObject({ t: 'n', v: 4 });
  });
});

describe('sheetNames', () => {
  it('follows the documented example', () => {
    expect(sheetNames(['Q1/2024', 'q1/2024', ''])).toEqual(['Q1-2024', 'q1-2024 (2)', 'Sheet 3']);
  });

  it('gives names Excel accepts: ≤ 31 characters, no forbidden characters, unique', () => {
    const names = sheetNames([
      'a'.repeat(40),
      'A'.repeat(40),
      'a'.repeat(40),
      "  'quoted'  ",
      'tab\there',
      `${'x'.repeat(30)}😀`,
      'History',
      'HISTORY',
    ]);
    expect(names).toEqual([
      'a'.repeat(31),
      `${'A'.repeat(27)} (2)`,
      `${'a'.repeat(27)} (3)`,
      'quoted',
      'tab-here',
      'x'.repeat(30),
      'History (2)',
      'HISTORY (3)',
    ]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    }
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });
});
