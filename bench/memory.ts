/**
 * Peak memory of the tab, sampled from /proc every 100 ms.
 *
 * Why /proc and not `performance.memory` or CDP's Memory domain: those see one JS heap (the page's
 * or the worker's), while the tab's real cost is the page's heap + the engine worker's heap (the
 * million rows live there) + Blink, the file's bytes and typed arrays outside any JS heap. A
 * dedicated worker runs as a thread of the renderer process that hosts its page, so the resident
 * set (RSS) of that one renderer process is the tab's memory as the OS sees it. It includes the
 * shared pages of Chromium's own code (a few tens of MB), so it errs on the high side.
 *
 * Which processes: other Chromium instances may run on the machine, so ours are recognised by the
 * `--user-data-dir` Playwright gave our browser, which every child process carries on its command
 * line. Of our renderers, the largest at each moment is the tab (the others are Chromium's spare
 * or internal renderers).
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/**
 * A process's arguments. Chromium's child processes rewrite their title, so theirs arrive as one
 * space-separated string instead of NUL-separated: split on both.
 */
function commandLine(pid: string): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return []; // the process ended between listing and reading
  }
}

/** Our renderer processes: `--type=renderer` with our browser's user-data-dir. */
function renderers(marker: string): string[] {
  let userDataDir: string | undefined;
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const lines = new Map(pids.map((pid) => [pid, commandLine(pid)]));
  for (const args of lines.values()) {
    if (args.includes(marker)) userDataDir = args.find((arg) => arg.startsWith('--user-data-dir='));
  }
  if (!userDataDir) return [];
  return pids.filter((pid) => {
    const args = lines.get(pid) ?? [];
    return args.includes('--type=renderer') && args.includes(userDataDir);
  });
}

function residentBytes(pid: string): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

export interface MemorySampler {
  /** The tab's RSS right now, in bytes. */
  now(): number;
  /** Largest tab RSS seen since start, in bytes. */
  stop(): number;
}

/**
 * Samples every 100 ms; the process list is refreshed every second only, because scanning /proc
 * costs CPU on a 2-core machine that is also running the page and its worker.
 */
export function sampleTabMemory(marker: string): MemorySampler {
  let pids = renderers(marker);
  let peak = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
    if (ticks % 10 === 0) pids = renderers(marker);
    for (const pid of pids) peak = Math.max(peak, residentBytes(pid));
  }, 100);
  // A run that throws must not keep the benchmark alive through this timer.
  timer.unref();
  return {
    now() {
      pids = renderers(marker);
      return Math.max(0, ...pids.map(residentBytes));
    },
    stop() {
      clearInterval(timer);
      for (const pid of pids) peak = Math.max(peak, residentBytes(pid));
      return peak;
    },
  };
}
