/** Shared helpers for the io reader tests: shared data files and hand-built binary containers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '../shared-data.ts';

/** Where the project's shared test data lives (read only). */
export const dataDir = sharedData;
export const badInputsDir = join(dataDir, 'bad-inputs');

/** The bytes of a file under ../shared/data/bad-inputs. */
export function badInput(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(badInputsDir, path)));
}

/** The bytes of a file under ../shared/data. */
export function dataFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dataDir, name)));
}

/** ASCII/UTF-8 text as bytes. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A zip with uncompressed entries (no CRCs: the sniffer only reads names and offsets). */
export function storedZip(entries: readonly { name: string; content: string }[]): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (out: number[], v: number) => out.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (out: number[], v: number) =>
    out.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24);
  for (const entry of entries) {
    const name = [...utf8(entry.name)];
    const data = [...utf8(entry.content)];
    const offset = parts.length;
    u32(parts, 0x04034b50);
    u16(parts, 20); // version
    u16(parts, 0); // flags
    u16(parts, 0); // stored
    u32(parts, 0); // time/date
    u32(parts, 0); // crc
    u32(parts, data.length);
    u32(parts, data.length);
    u16(parts, name.length);
    u16(parts, 0);
    parts.push(...name, ...data);
    u32(central, 0x02014b50);
    u16(central, 20);
    u16(central, 20);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, 0);
    u32(central, data.length);
    u32(central, data.length);
    u16(central, name.length);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, offset);
    central.push(...name);
  }
  const centralOffset = parts.length;
  const end: number[] = [];
  u32(end, 0x06054b50);
  u16(end, 0);
  u16(end, 0);
  u16(end, entries.length);
  u16(end, entries.length);
  u32(end, central.length);
  u32(end, centralOffset);
  u16(end, 0);
  return new Uint8Array([...parts, ...central, ...end]);
}

/** A skeleton OLE compound file whose first directory entry (at byte 512) has this name. */
export function compoundFileWithEntry(name: string, type = 2): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < name.length; i++) bytes[512 + 2 * i] = name.charCodeAt(i);
  bytes[512 + 64] = (name.length + 1) * 2;
  bytes[512 + 66] = type;
  return bytes;
}
