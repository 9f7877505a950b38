/**
 * Runs the command line in-process, capturing what it prints, so the tests need no child
 * process. Files come from disk unless a test hands in bytes for a path.
 */
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.ts';
import { epochDay } from '../../src/lib/core/model/days.ts';
import type { CliReport } from '../../src/cli/report.ts';
import { sharedData } from '../shared-data.ts';

export const DATA_DIR = sharedData;

/** A fixed "today" so snapshot files give the same dates on every run: 2024-12-31. */
export const TODAY = epochDay(2024, 12, 31);

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `analyze` with these arguments; `files` replaces the disk for the paths it names. */
export function runCli(
  argv: readonly string[],
  files: Readonly<Record<string, Uint8Array>> = {},
): CliRun {
  let stdout = '';
  let stderr = '';
  const code = main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readBytes: (path) => files[path] ?? new Uint8Array(readFileSync(path)),
    today: () => TODAY,
  });
  return { code, stdout, stderr };
}

/** Runs `analyze … --json` and parses the one JSON object it must print. */
export function runJson(argv: readonly string[]): CliReport {
  const run = runCli([...argv, '--json']);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as CliReport;
}
