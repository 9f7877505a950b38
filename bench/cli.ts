/**
 * The same pipeline through the command line, in this Node process: `main()` as `npm run analyze`
 * runs it (read → detect → flags → ingest → report incl. cohorts and repeat rates), and then the
 * pieces it calls, one by one, for a breakdown by stage.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { main } from '../src/cli/main.ts';
import type { CliReport } from '../src/cli/report.ts';
import { detect } from '../src/lib/core/ingest/detect.ts';
import { ingest } from '../src/lib/core/ingest/ingest.ts';
import { analyze } from '../src/lib/core/analyze.ts';
import { cohortMatrix } from '../src/lib/core/metrics/cohort-matrix.ts';
import { readFile } from '../src/lib/io/read-file.ts';
import { predict } from '../src/lib/core/prediction.ts';

const DAY_MS = 86_400_000;

/**
 * One run in a fresh Node process (`node --import tsx bench/cli.ts FILE`): each run starts with an
 * empty heap, as `npm run analyze` does, instead of inheriting the garbage of the previous one.
 */
export async function runCliProcess(path: string): Promise<CliRun> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', fileURLToPath(import.meta.url), path],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as CliRun;
}

export interface CliRun {
  /** `main([file, '--json', '--period', 'month'])`, file bytes already in memory excluded. */
  readonly totalMs: number;
  readonly readFileMs: number;
  /** The pieces timed separately (same calls as main.ts, without the JSON text). */
  readonly stages: {
    readonly read: number;
    readonly detect: number;
    readonly ingest: number;
    readonly analyze: number;
    readonly cohorts: number;
    /** BG/NBD + Gamma-Gamma fit with the per-customer predictions (the prediction tab). */
    readonly predict: number;
  };
  /** Customers the purchase model was fitted on. */
  readonly predictCustomers: number;
  readonly report: CliReport;
}

/** Lets the previous run's garbage go before timing, when Node was started with --expose-gc. */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function runCli(path: string): CliRun {
  settle();
  let output = '';
  let readFileMs = 0;
  const started = performance.now();
  const code = main([path, '--json', '--period', 'month'], {
    stdout: (text) => (output += text),
    stderr: (text) => {
      throw new Error(`the CLI refused ${path}: ${text}`);
    },
    readBytes: (file) => {
      const before = performance.now();
      const bytes = new Uint8Array(readFileSync(file));
      readFileMs = performance.now() - before;
      return bytes;
    },
    today: () => Math.floor(Date.now() / DAY_MS),
  });
  const totalMs = performance.now() - started - readFileMs;
  if (code !== 0) throw new Error(`the CLI exited with ${code}`);
  const report = JSON.parse(output) as CliReport;

  settle();
  const bytes = new Uint8Array(readFileSync(path));
  const t0 = performance.now();
  const read = readFile(bytes, path);
  if (!read.ok) throw new Error(read.code);
  const table = read.sheets[0].table;
  const t1 = performance.now();
  const detection = detect(table);
  const t2 = performance.now();
  const ingested = ingest(table, detection.mapping, {
    referenceDay: Math.floor(Date.now() / DAY_MS),
  });
  if (!ingested.ok) throw new Error(ingested.issue);
  const t3 = performance.now();
  analyze(ingested.dataset, { unit: 'month', windowDays: 365 });
  const t4 = performance.now();
  cohortMatrix(ingested.dataset, { unit: 'month' });
  const t5 = performance.now();
  const prediction = predict(ingested.dataset);
  const t6 = performance.now();
  return {
    totalMs,
    readFileMs,
    stages: {
      read: t1 - t0,
      detect: t2 - t1,
      ingest: t3 - t2,
      analyze: t4 - t3,
      cohorts: t5 - t4,
      predict: t6 - t5,
    },
    predictCustomers: prediction.ok && prediction.kind === 'orders' ? prediction.customers : 0,
    report,
  };
}

// Run as the child of runCliProcess: one run, its result as JSON on stdout.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(runCli(process.argv[2])));
}
