import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from '../../src/lib/io/decode.ts';
import { badInput, utf8 } from './helpers.ts';

describe('decodeText', () => {
  it('reads Windows-1252 0x80–0x9F as browsers do (€ “ ”), not as C1 controls', () => {
    const decoded = decodeText(new Uint8Array([0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94]));
    expect(decoded).toEqual({ text: '€ “ok”', encoding: 'windows-1252', hadBom: false });
  });

  it('maps the whole 0x80–0x9F block per WHATWG, undefined bytes to their C1 code point', () => {
    const bytes = new Uint8Array(32).map((_, i) => 0x80 + i);
    expect(decodeWindows1252(bytes)).toBe(
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ',
    );
    expect(decodeWindows1252(new Uint8Array([0xa9, 0xe9, 0xff]))).toBe('©éÿ');
  });

  it('falls back to Windows-1252 only for invalid UTF-8 (test_latin1.csv → ©)', () => {
    expect(decodeText(badInput('csv/csvkit/test_latin1.csv'))).toEqual({
      text: 'a,b,c\n1,2,3\n4,5,©',
      encoding: 'windows-1252',
      hadBom: false,
    });
    expect(decodeText(utf8('prijs € 12,50'))).toMatchObject({
      text: 'prijs € 12,50',
      encoding: 'utf-8',
    });
  });

  it('strips a UTF-8 BOM', () => {
    const decoded = decodeText(badInput('csv/csvkit/test_utf8_bom.csv'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', hadBom: true });
    expect(decoded.text.startsWith('foo,bar,baz\n')).toBe(true);
  });

  it('decodes UTF-16 LE and BE by BOM to the same text as the UTF-8 file', () => {
    const expected = 'a,b,c\n1,2,3\n4,5,ʤ';
    expect(decodeText(badInput('csv/csvkit/test_utf16_little.csv'))).toEqual({
      text: expected,
      encoding: 'utf-16le',
      hadBom: true,
    });
    expect(decodeText(badInput('csv/csvkit/test_utf16_big.csv'))).toEqual({
      text: expected,
      encoding: 'utf-16be',
      hadBom: true,
    });
  });

  it('decodes UTF-16 without BOM, surrogate pairs and an odd last byte', () => {
    const sushi = [0x3c, 0xd8, 0x63, 0xdf]; // U+1F363 as UTF-16LE
    const le = new Uint8Array([0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0, ...sushi, 0x0a, 0]);
    expect(decodeText(le)).toEqual({ text: 'a,b\n🍣\n', encoding: 'utf-16le', hadBom: false });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x62]))).toMatchObject({
      text: 'a\ufffd',
    });
  });

  it('removes NUL characters (null_byte.csv)', () => {
    expect(decodeText(badInput('csv/csvkit/null_byte.csv')).text).toBe('a,b,c\n,2,3\n');
  });

  it('decodes long inputs in pieces without losing characters', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i % 10 === 9 ? 0x80 : 0x41 + (i % 26)));
    const text = decodeWindows1252(bytes);
    expect(text.length).toBe(100_000);
    expect(text.split('€').length - 1).toBe(10_000);
  });
});
