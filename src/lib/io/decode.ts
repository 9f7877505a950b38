/**
 * Bytes of a text file → string. Spreadsheet users send UTF-8 (with or without the BOM Excel
 * writes), UTF-16 ("Unicode text" from Excel) and Windows-1252 (Excel's "CSV" on a Western
 * Windows). The BOM decides when there is one; otherwise valid UTF-8 is UTF-8 and anything else is
 * Windows-1252, which never fails (every byte maps to a character).
 */
import { utf16WithoutBom } from './sniff.ts';

/** The encodings the reader recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A decoded text file: the text without BOM and NUL characters, and how it was encoded. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly hadBom: boolean;
}

/**
 * Windows-1252 0x80–0x9F. Written out by hand on purpose: Node 20's TextDecoder('windows-1252')
 * decodes as ISO-8859-1 and maps these bytes to the C1 controls U+0080–U+009F, while browsers
 * follow the WHATWG Encoding Standard and give €, ‚, “, ” etc. A file must read the same in the
 * browser worker and in the CLI, so neither TextDecoder is used for this encoding. The five bytes
 * Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value,
 * as WHATWG specifies. 0xA0–0xFF equal their Unicode code points (ISO-8859-1).
 */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, // 80–87
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, // 88–8F
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, // 90–97
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178, // 98–9F
]; // prettier-ignore

/** Characters per String.fromCharCode call: large enough to be fast, small enough for the stack. */
const CHUNK = 0x4000;

/** Decode text bytes, choosing the encoding from the BOM or the bytes. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(decodeUtf8(bytes.subarray(3), false) ?? '', 'utf-8', true);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return finish(decodeUtf16(bytes.subarray(2), true), 'utf-16le', true);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return finish(decodeUtf16(bytes.subarray(2), false), 'utf-16be', true);
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return finish(decodeUtf16(bytes, utf16 === 'utf-16le'), utf16, false);
  const utf8 = decodeUtf8(bytes, true);
  if (utf8 !== null) return finish(utf8, 'utf-8', false);
  return finish(decodeWindows1252(bytes), 'windows-1252', false);
}

/**
 * NUL characters are removed: no spreadsheet cell means to hold one, they come from broken
 * exports (csvkit's null_byte.csv) and they would only show up later as invisible junk in a key.
 */
function finish(text: string, encoding: TextEncodingName, hadBom: boolean): DecodedText {
  return { text: text.includes('\0') ? text.replaceAll('\0', '') : text, encoding, hadBom };
}

/** UTF-8, or null when `fatal` and the bytes are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) throw error; // too large for a string: the caller reports it
    return null;
  }
}

/**
 * UTF-16 by hand: TextDecoder supports 'utf-16be' only in some engines. Surrogate pairs pass
 * through as code units; an odd last byte becomes U+FFFD.
 */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const units = bytes.length >> 1;
  const parts: string[] = [];
  const buffer = new Uint16Array(Math.min(units, CHUNK));
  for (let start = 0; start < units; start += CHUNK) {
    const end = Math.min(units, start + CHUNK);
    for (let i = start; i < end; i++) {
      const lo = bytes[2 * i + (littleEndian ? 0 : 1)];
      const hi = bytes[2 * i + (littleEndian ? 1 : 0)];
      buffer[i - start] = lo | (hi << 8);
    }
    parts.push(String.fromCharCode(...buffer.subarray(0, end - start)));
  }
  if (bytes.length % 2 === 1) parts.push('\ufffd');
  return parts.join('');
}

/** Windows-1252 with the WHATWG mapping, identical in Node and browsers. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const buffer = new Uint16Array(Math.min(bytes.length, CHUNK));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      buffer[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...buffer.subarray(0, end - start)));
  }
  return parts.join('');
}
