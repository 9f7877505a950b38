/**
 * The peer: bench/pandas_pipeline.py under Debian's python3 with python3-pandas, installed with
 * apt-get when missing (the only registry this machine reaches for Python packages).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PandasRun {
  readonly rows: number;
  readonly customers: number;
  readonly importSeconds: number;
  readonly readSeconds: number;
  readonly cohortSeconds: number;
  readonly sneSeconds: number;
  readonly totalSeconds: number;
  readonly pandas: string;
  readonly numpy: string;
  readonly threads: string;
}

export interface PandasPeriod {
  readonly period: string;
  readonly S: number;
  readonly N: number;
  readonly E: number;
}

/** Debian's interpreter, not one a version manager put first on PATH without Debian's packages. */
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const script = fileURLToPath(new URL('./pandas_pipeline.py', import.meta.url));

/**
 * The machine notes set OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for other tools; they are unset for
 * the peer only, so numpy picks its own kernels as on a user's machine.
 */
function pythonEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

export function ensurePandas(log: (line: string) => void): void {
  try {
    execFileSync(python, ['-c', 'import pandas'], { env: pythonEnv(), stdio: 'ignore' });
    return;
  } catch {
    log('pandas is missing: apt-get install -y python3-pandas');
  }
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'python3-pandas'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export function runPandas(
  csv: string,
  periodsOut: string,
): { run: PandasRun; periods: PandasPeriod[] } {
  const stdout = execFileSync(python, [script, csv, periodsOut], {
    env: pythonEnv(),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return {
    run: JSON.parse(stdout) as PandasRun,
    periods: JSON.parse(readFileSync(periodsOut, 'utf8')) as PandasPeriod[],
  };
}
