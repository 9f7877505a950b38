import { describe, expect, it } from 'vitest';
import { sniffFormat, utf16WithoutBom, zipEntryNames } from '../../src/lib/io/sniff.ts';
import { badInput, compoundFileWithEntry, storedZip, utf8 } from './helpers.ts';

const contentTypes = { name: '[Content_Types].xml', content: '<Types/>' };

describe('sniffFormat', () => {
  it('calls 0 bytes and whitespace-only files empty', () => {
    expect(sniffFormat(new Uint8Array())).toMatchObject({ ok: false, code: 'empty-file' });
    expect(sniffFormat(utf8(' \r\n\t\n'))).toMatchObject({ ok: false, code: 'empty-file' });
    expect(sniffFormat(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]))).toMatchObject({
      ok: false,
      code: 'empty-file',
    });
    expect(sniffFormat(badInput('csv/csvkit/empty.csv'))).toMatchObject({ code: 'empty-file' });
  });

  it('recognises workbooks by their bytes, whatever they are called', () => {
    expect(sniffFormat(badInput('xlsx/sheetjs/1904__1900.xlsx'))).toEqual({
      ok: true,
      format: 'xlsx',
    });
    expect(sniffFormat(badInput('xlsx/sheetjs/BlankSheetTypes.xlsm'))).toEqual({
      ok: true,
      format: 'xlsx',
    });
    // Parts under wtf/ instead of xl/.
    expect(sniffFormat(badInput('xlsx/sheetjs/wtf_path.xlsx'))).toEqual({
      ok: true,
      format: 'xlsx',
    });
    expect(sniffFormat(badInput('xlsx/sheetjs/sheet_visibility_strict.xlsx'))).toEqual({
      ok: true,
      format: 'xlsx',
    });
    expect(sniffFormat(badInput('xls/sheetjs/1904__1904.xls'))).toEqual({
      ok: true,
      format: 'xls',
    });
    expect(sniffFormat(badInput('xls/sheetjs/password_2002_40_xor.xls'))).toEqual({
      ok: true,
      format: 'xls',
    });
  });

  it('refuses ODS, Numbers, PDF, images and other zips with their own codes', () => {
    expect(sniffFormat(badInput('ods/sheetjs/1904__1904.ods'))).toMatchObject({
      code: 'format-ods',
    });
    const numbers = storedZip([{ name: 'Index/Document.iwa', content: 'x' }]);
    expect(sniffFormat(numbers)).toMatchObject({ ok: false, code: 'format-numbers' });
    expect(sniffFormat(utf8('%PDF-1.7\n%âãÏÓ\n'))).toMatchObject({ code: 'format-pdf' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(sniffFormat(png)).toMatchObject({ code: 'format-image', detail: 'png' });
    expect(sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({
      code: 'format-image',
    });
    expect(sniffFormat(utf8('GIF89a\u0001\u0000'))).toMatchObject({ code: 'format-image' });
    const zip = storedZip([{ name: 'orders.csv', content: 'a,b\n1,2\n' }]);
    expect(sniffFormat(zip)).toMatchObject({ ok: false, code: 'format-zip' });
    const docx = storedZip([contentTypes, { name: 'word/document.xml', content: '<w/>' }]);
    expect(sniffFormat(docx)).toMatchObject({ ok: false, code: 'format-unknown' });
    const xlsx = storedZip([contentTypes, { name: 'xl/workbook.xml', content: '<workbook/>' }]);
    expect(sniffFormat(xlsx)).toEqual({ ok: true, format: 'xlsx' });
  });

  it('tells compound files apart by their streams', () => {
    expect(sniffFormat(compoundFileWithEntry('Workbook'))).toEqual({ ok: true, format: 'xls' });
    expect(sniffFormat(compoundFileWithEntry('WordDocument'))).toMatchObject({
      code: 'format-unknown',
      detail: 'doc',
    });
    expect(sniffFormat(compoundFileWithEntry('EncryptedPackage'))).toMatchObject({
      code: 'password-protected',
    });
  });

  it('recognises BIFF2–4 files that are not compound files', () => {
    const biff4 = new Uint8Array([0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00]);
    expect(sniffFormat(biff4)).toEqual({ ok: true, format: 'xls' });
  });

  it('reads text in any encoding as text, and binary junk as unknown', () => {
    expect(sniffFormat(badInput('csv/csvkit/test_utf16_little.csv'))).toEqual({
      ok: true,
      format: 'text',
    });
    expect(sniffFormat(badInput('csv/csvkit/test_latin1.csv'))).toEqual({
      ok: true,
      format: 'text',
    });
    // One NUL among text is still text.
    expect(sniffFormat(badInput('csv/csvkit/null_byte.csv'))).toEqual({ ok: true, format: 'text' });
    const junk = new Uint8Array(256).map((_, i) => (i * 7) % 32);
    expect(sniffFormat(junk)).toMatchObject({ ok: false, code: 'format-unknown' });
    expect(sniffFormat(utf8('<!DOCTYPE html><table>'))).toMatchObject({ code: 'format-unknown' });
  });
});

describe('zipEntryNames', () => {
  it('lists names from the central directory, and from local headers when it is cut off', () => {
    const zip = storedZip([contentTypes, { name: 'wtf/workbook.xml', content: '<workbook/>' }]);
    expect(zipEntryNames(zip)).toEqual(['[Content_Types].xml', 'wtf/workbook.xml']);
    expect(zipEntryNames(zip.subarray(0, zip.length - 30))).toEqual([
      '[Content_Types].xml',
      'wtf/workbook.xml',
    ]);
    expect(zipEntryNames(badInput('xlsx/sheetjs/wtf_path.xlsx'))).toContain('wtf/workbook.xml');
  });
});

describe('utf16WithoutBom', () => {
  it('sees UTF-16 by its NUL bytes', () => {
    const le = new Uint8Array([0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0]);
    expect(utf16WithoutBom(le)).toBe('utf-16le');
    expect(utf16WithoutBom(le.slice(1))).toBe('utf-16be');
    expect(utf16WithoutBom(utf8('a,b\n1,2\n'))).toBeNull();
  });
});
