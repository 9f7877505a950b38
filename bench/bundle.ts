/**
 * What the browser downloads: the initial JavaScript (the entry chunk index.html loads, plus any
 * chunk it preloads) against the chunks loaded later (the engine worker when a file is opened,
 * Chart.js when a chart is shown, the service-worker helper), gzipped as a server would send them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface Chunk {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface Bundle {
  readonly initial: readonly Chunk[];
  readonly lazy: readonly Chunk[];
  readonly css: readonly Chunk[];
}

function chunk(dir: string, name: string): Chunk {
  const bytes = readFileSync(`${dir}/assets/${name}`);
  return { name, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

export function measureBundle(dir: string): Bundle {
  const html = readFileSync(`${dir}/index.html`, 'utf8');
  const referenced = new Set(
    [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]),
  );
  const files = readdirSync(`${dir}/assets`);
  const scripts = files.filter((name) => name.endsWith('.js'));
  return {
    initial: scripts.filter((name) => referenced.has(name)).map((name) => chunk(dir, name)),
    lazy: scripts.filter((name) => !referenced.has(name)).map((name) => chunk(dir, name)),
    css: files.filter((name) => name.endsWith('.css')).map((name) => chunk(dir, name)),
  };
}
