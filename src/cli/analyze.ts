/**
 * Entry point of `npm run analyze -- <file> [options]`: wires the command line to the real
 * process. All logic is in main.ts; run with --help for the options.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { main } from './main.ts';

const DAY_MS = 86_400_000;

process.exitCode = main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // `npm run` starts scripts in the package folder; INIT_CWD is where the user typed the command,
  // so a path relative to their own folder still works.
  readBytes: (path) => new Uint8Array(readFileSync(resolve(process.env.INIT_CWD ?? '.', path))),
  today: () => Math.floor(Date.now() / DAY_MS),
});
