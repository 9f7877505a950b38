/**
 * Decide what a file is from its first bytes, never from its name: users rename files, and SheetJS
 * happily turns a text file called `.xls` into a one-cell sheet and an ODS into an out-of-memory
 * crash. Only workbooks recognised here are ever handed to SheetJS.
 */
import type { ReadIssueCode } from '../core/ingest/read-issues.ts';

/** What a readable file contains: delimited text, an OOXML workbook, or a BIFF/XML workbook. */
export type ReadableFormat = 'text' | 'xlsx' | 'xls';

/** The verdict on a file: readable with a reader, or refused with the issue code to show. */
export type SniffResult =
  | { readonly ok: true; readonly format: ReadableFormat }
  | { readonly ok: false; readonly code: ReadIssueCode; readonly detail: string };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Bytes a text file may start with and still be "empty": ASCII whitespace. */
const WHITESPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

/** Sniff the format of a file from its bytes. */
export function sniffFormat(bytes: Uint8Array): SniffResult {
  if (isBlank(bytes)) return refuse('empty-file', 'empty');
  if (startsWith(bytes, CFB_MAGIC)) return sniffCompoundFile(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(bytes);
  }
  if (isOldBiff(bytes)) return { ok: true, format: 'xls' };
  if (startsWithAscii(bytes, 0, '%PDF')) return refuse('format-pdf', 'pdf');
  const image = imageKind(bytes);
  if (image) return refuse('format-image', image);
  if (isSpreadsheetXml(bytes)) return { ok: true, format: 'xls' };
  if (isHtml(bytes)) return refuse('format-unknown', 'html');
  if (looksBinary(bytes)) return refuse('format-unknown', 'binary');
  return { ok: true, format: 'text' };
}

function refuse(code: ReadIssueCode, detail: string): SniffResult {
  return { ok: false, code, detail };
}

/** 0 bytes, or nothing but ASCII whitespace after an optional UTF-8 BOM. */
function isBlank(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  for (; i < bytes.length; i++) if (!WHITESPACE.has(bytes[i])) return false;
  return true;
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function startsWithAscii(bytes: Uint8Array, at: number, text: string): boolean {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * An OLE compound file holds .xls, .doc, .ppt and password-encrypted .xlsx alike; the names of
 * its streams tell them apart without parsing the directory chain (which may be damaged: SheetJS
 * copes with some damage, so an unrecognised compound file still goes to it).
 */
function sniffCompoundFile(bytes: Uint8Array): SniffResult {
  // An encrypted OOXML package: Excel's "Encrypt with password" on an .xlsx.
  if (hasCfbEntry(bytes, 'EncryptedPackage')) return refuse('password-protected', 'encrypted');
  if (hasCfbEntry(bytes, 'Workbook') || hasCfbEntry(bytes, 'Book')) {
    return { ok: true, format: 'xls' };
  }
  if (hasCfbEntry(bytes, 'WordDocument')) return refuse('format-unknown', 'doc');
  if (hasCfbEntry(bytes, 'PowerPoint Document')) return refuse('format-unknown', 'ppt');
  // No recognisable stream: let SheetJS judge, it reports a damaged workbook as such.
  return { ok: true, format: 'xls' };
}

/**
 * Whether a compound file has a directory entry with this name (ASCII, case-insensitive).
 * Directory entries are 128 bytes and sectors are multiples of 128 bytes, so every entry starts
 * at a multiple of 128: checking only there, with the name-length field and the entry type,
 * avoids matching the same word inside a document's text.
 */
function hasCfbEntry(bytes: Uint8Array, name: string): boolean {
  const lower = name.toLowerCase();
  const nameBytes = (lower.length + 1) * 2;
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if (bytes[at + 64] !== nameBytes || bytes[at + 65] !== 0) continue;
    const type = bytes[at + 66];
    if (type !== 1 && type !== 2 && type !== 5) continue;
    let match = true;
    for (let k = 0; k < lower.length && match; k++) {
      const b = bytes[at + 2 * k];
      const code = lower.charCodeAt(k);
      const folded = code >= 0x61 && code <= 0x7a ? b | 0x20 : b;
      match = folded === code && bytes[at + 2 * k + 1] === 0;
    }
    if (match) return true;
  }
  return false;
}

/**
 * BIFF2–BIFF4 worksheets (Excel 2.x–4.x) are not compound files: they start with a BOF record,
 * id 0x0009/0x0209/0x0409/0x0809 and a small length. Text never starts with a TAB and a NUL.
 */
function isOldBiff(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09) return false;
  if (bytes[1] !== 0x00 && bytes[1] !== 0x02 && bytes[1] !== 0x04 && bytes[1] !== 0x08)
    return false;
  return bytes[3] === 0x00 && bytes[2] >= 4 && bytes[2] <= 20;
}

/**
 * A zip is an xlsx/xlsm/xlsb when it has a [Content_Types].xml and a workbook part. The workbook
 * part is not always under xl/ (SheetJS' wtf_path.xlsx keeps it under wtf/), so any
 * `…/workbook.xml` or `…/workbook.bin` counts.
 */
function sniffZip(bytes: Uint8Array): SniffResult {
  // ODF puts an uncompressed `mimetype` entry first, so its content sits at a fixed offset.
  if (startsWithAscii(bytes, 30, 'mimetype')) {
    const head = asciiWindow(bytes, 38, 120);
    if (head.includes('opendocument.spreadsheet')) return refuse('format-ods', 'ods');
    if (head.includes('opendocument')) return refuse('format-unknown', 'odf');
  }
  const names = zipEntryNames(bytes);
  if (names.some((n) => n.endsWith('.iwa') || n.startsWith('Index/'))) {
    return refuse('format-numbers', 'numbers');
  }
  const hasContentTypes = names.includes('[Content_Types].xml');
  if (hasContentTypes && names.some((n) => /(^|\/)workbook\d*\.(xml|bin)$/i.test(n))) {
    return { ok: true, format: 'xlsx' };
  }
  if (names.includes('content.xml') && names.includes('META-INF/manifest.xml')) {
    return refuse('format-ods', 'odf-without-mimetype');
  }
  if (hasContentTypes) return refuse('format-unknown', 'ooxml-not-workbook');
  return refuse('format-zip', 'zip');
}

function asciiWindow(bytes: Uint8Array, at: number, length: number): string {
  let out = '';
  for (let i = at; i < Math.min(bytes.length, at + length); i++)
    out += String.fromCharCode(bytes[i]);
  return out;
}

const MAX_ZIP_ENTRIES = 5000;

/**
 * The entry names of a zip: from the central directory when the end record is intact, else by
 * walking the local headers from the start (a truncated download still shows its first entries).
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd >= 0) {
    let at = view.getUint32(eocd + 16, true);
    const count = view.getUint16(eocd + 10, true);
    for (let i = 0; i < count && names.length < MAX_ZIP_ENTRIES; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) break;
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      if (at + 46 + nameLength > bytes.length) break;
      names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + nameLength + extraLength + commentLength;
    }
    if (names.length > 0) return names;
  }
  let at = 0;
  while (at + 30 <= bytes.length && names.length < MAX_ZIP_ENTRIES) {
    if (view.getUint32(at, true) !== 0x04034b50) break;
    const flags = view.getUint16(at + 6, true);
    const compressedSize = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    if (at + 30 + nameLength > bytes.length) break;
    names.push(decoder.decode(bytes.subarray(at + 30, at + 30 + nameLength)));
    // With a data descriptor (flag bit 3) the size is only known after the data: stop here.
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      bytes[i + 2] === 0x05 &&
      bytes[i + 3] === 0x06
    ) {
      return i;
    }
  }
  return -1;
}

function imageKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWithAscii(bytes, 0, 'GIF87a') || startsWithAscii(bytes, 0, 'GIF89a')) return 'gif';
  if (startsWithAscii(bytes, 0, 'RIFF') && startsWithAscii(bytes, 8, 'WEBP')) return 'webp';
  if (startsWithAscii(bytes, 4, 'ftyp')) {
    const brand = asciiWindow(bytes, 8, 4);
    if (['heic', 'heix', 'mif1', 'avif'].includes(brand)) return 'heic';
  }
  return null;
}

/** The first characters of a file as ASCII (skipping a UTF-8 BOM and leading whitespace). */
function leadingText(bytes: Uint8Array, length: number): string {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && WHITESPACE.has(bytes[i])) i++;
  return asciiWindow(bytes, i, length);
}

/** Excel's "XML Spreadsheet 2003", often saved with an .xls name; SheetJS reads it. */
function isSpreadsheetXml(bytes: Uint8Array): boolean {
  const head = leadingText(bytes, 4096);
  return head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet');
}

/** Web pages (including the HTML tables some systems export under an .xls name). */
function isHtml(bytes: Uint8Array): boolean {
  const head = leadingText(bytes, 64).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table');
}

/**
 * Binary when, in the first 8 KB, more than 2 % of the bytes are C0 control characters that text
 * never uses. UTF-16 text is full of NULs, so it is recognised first (BOM, or NULs in every other
 * byte). A single stray NUL in a CSV (csvkit's null_byte.csv) is still text.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  if (utf16WithoutBom(bytes) !== null) return false;
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && !WHITESPACE.has(b) && b !== 0x1a) controls++;
  }
  return controls >= 4 && controls / n > 0.02;
}

/**
 * UTF-16 without a BOM, recognised by its NULs: in mostly-ASCII text every high byte is 0.
 * Returns the byte order, or null when the bytes do not look like UTF-16.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.6 && evenZeros / pairs < 0.1) return 'utf-16le';
  if (evenZeros / pairs > 0.6 && oddZeros / pairs < 0.1) return 'utf-16be';
  return null;
}
