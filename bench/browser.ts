/**
 * The app's pipeline in headless Chromium: the production build served by `vite preview` (as
 * tests/e2e/global-setup.ts does), driven by playwright-core the way a user drives it.
 */
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/chromium.ts';
import { sampleTabMemory } from './memory.ts';

export interface App {
  readonly baseUrl: string;
  readonly browser: Browser;
  readonly chromiumVersion: string;
  /** The flag that lets memory.ts find this browser's processes. */
  readonly marker: string;
  close(): Promise<void>;
}

/**
 * Builds into `outDir` (bench/out/dist), not dist/: a test run rebuilding dist/ meanwhile would
 * swap the hashed files under the server in the middle of a measurement.
 */
export async function startApp(root: string, outDir: string): Promise<App> {
  const configFile = `${root}/vite.config.ts`;
  await build({ logLevel: 'warn', configFile, root, build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    root,
    configFile,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('vite preview did not report an address');
  const marker = `--behoud-bench=${process.pid}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    // No extra heap flags: the tab gets Chromium's default limits, as a user's does.
    args: [...chromiumArgs, marker],
    headless: true,
  });
  return {
    baseUrl: address.replace(/\/$/, ''),
    browser,
    chromiumVersion: browser.version(),
    marker,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Round trips to the engine worker, as EngineClient records them (User Timing). */
export interface Measures {
  readonly read: number;
  readonly ingest: number;
  readonly analyze: number;
  /** The worker's own stages ("read:file", "read:parse", "ingest:ingest", …), in ms. */
  readonly stages: Readonly<Record<string, number>>;
}

export interface Recompute {
  /** From the change event to the frame after the DOM shows the new report. */
  readonly wallMs: number;
  /** The `behoud:analyze` (or `behoud:cohorts`) round trip of that request. */
  readonly engineMs: number;
}

export interface UiRun extends Recomputes {
  /**
   * File chosen → overview cards on screen, with a click on "Klopt, analyseer" between; timed
   * in the page from just before the file is set to the frame showing the cards.
   */
  readonly wallMs: number;
  /** File chosen → the frame showing the mapping screen's confirm button. */
  readonly toMappingMs: number;
  readonly measures: Measures;
  /** Main-thread long tasks (PerformanceObserver) from the read's start to the cards. */
  readonly longTasks: {
    readonly count: number;
    readonly maxMs: number;
    readonly totalMs: number;
    /** Every long task since the page started loading: shows the observer works at all. */
    readonly sinceLoad: number;
  };
  /** Largest tab RSS from choosing the file to the end of the recomputes. */
  readonly peakRssBytes: number;
  /** Tab RSS with the data loaded: two seconds after the cards, and after the recomputes. */
  readonly loadedRssBytes: number;
  readonly afterRecomputeRssBytes: number | null;
  /** Writing the session to IndexedDB in the worker (null when it was not seen in time). */
  readonly saveMs: number | null;
  /** Reloading the page → the saved session's cards on screen (page load included). */
  readonly reopen: Recompute | null;
}

/** Each null when its control is not in the UI (or `recompute` was off). */
export interface Recomputes {
  /** Opening the cohorts tab: the monthly cohort matrix computed and drawn. */
  cohorts: Recompute | null;
  /** The overview's period unit month → week, and back. */
  toWeek: Recompute | null;
  backToMonth: Recompute | null;
  /** The cohorts' breakdown: only the first channel's customers; then every channel compared. */
  filter: Recompute | null;
  compare: Recompute | null;
}

interface TimedTask {
  readonly start: number;
  readonly duration: number;
}

declare global {
  interface Window {
    __benchLongTasks: TimedTask[];
  }
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named inner functions in a
 * `__name(fn, "name")` helper that exists in Node but not in the page; functions handed to
 * page.evaluate would throw. The page gets an identity `__name` first.
 */
const nameHelper = 'globalThis.__name = (fn) => fn;';

/** Installed before the app's own scripts, so no long task of the page is missed. */
function observeLongTasks(): void {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** What to do in the page: choose an option of a select, or click a button. */
type Action =
  | { readonly select: string; readonly value: string }
  | { readonly click: string; readonly text: RegExp };

/**
 * Acts in the page and waits until the DOM shows the engine's answer: a MutationObserver fires in
 * the microtask after Svelte writes the new numbers into the DOM (once the round trip's measure
 * exists), and the animation frame after that is when the user sees them. Runs inside the page,
 * so no CDP round trip is inside the measured time. Null when the control is not there.
 */
async function interact(page: Page, action: Action, measure: string): Promise<Recompute | null> {
  const flat =
    'select' in action
      ? { selector: action.select, value: action.value, text: null }
      : { selector: action.click, value: null, text: action.text.source };
  return page.evaluate(
    async ({ selector, value, text, name }) => {
      const candidates = [...document.querySelectorAll<HTMLElement>(selector)];
      const control = text
        ? candidates.find((element) => new RegExp(text, 'i').test(element.textContent ?? ''))
        : candidates[0];
      if (!control) return null;
      const count = () => performance.getEntriesByName(name).length;
      const before = count();
      const started = performance.now();
      const shown = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (count() === before) return; // e.g. a "computing" state, not the answer yet
          observer.disconnect();
          requestAnimationFrame(() => resolve());
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      if (control instanceof HTMLSelectElement && value !== null) {
        control.value = value;
        control.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        control.click();
      }
      await shown;
      const wallMs = performance.now() - started;
      const entries = performance.getEntriesByName(name);
      return { wallMs, engineMs: entries[entries.length - 1].duration };
    },
    { ...flat, name: measure },
  );
}

/** Marks the time the first overview card appears after a page load (the reopened session). */
function observeCards(): void {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-card="crr"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => performance.mark('bench:cards'));
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { subtree: true, childList: true }),
  );
}

/** Reloads the page: the last session reopens from IndexedDB. Timed from navigation start. */
async function reopenSession(page: Page): Promise<Recompute | null> {
  await page.reload();
  const wallMs = await page
    .waitForFunction(
      () => performance.getEntriesByName('bench:cards')[0]?.startTime ?? null,
      null,
      {
        timeout: 60_000,
      },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  if (wallMs === null) return null;
  const engineMs = await page.evaluate(
    () => performance.getEntriesByName('behoud:open-session')[0]?.duration ?? 0,
  );
  return { wallMs, engineMs };
}

export async function runUi(
  app: App,
  file: string,
  options: { recompute: boolean },
): Promise<UiRun> {
  // Service workers blocked: the offline precache would otherwise download the app again in the
  // middle of the first measured import of every fresh context.
  const context = await app.browser.newContext({
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  try {
    await context.addInitScript(nameHelper);
    await context.addInitScript(observeLongTasks);
    await context.addInitScript(observeCards);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.locator('input[type=file]').waitFor({ state: 'attached' });
    const memory = sampleTabMemory(app.marker);
    try {
      // Timed inside the page: Playwright's own waiting polls at growing intervals (up to half a
      // second) and would add its polling to the figures. The page clicks the confirm button the
      // frame it appears and notes the frame the first card is shown.
      const flow = page.evaluate(
        () =>
          new Promise<{ toMappingMs: number; wallMs: number }>((resolve) => {
            const started = performance.now();
            let toMappingMs = -1;
            const check = () => {
              if (toMappingMs < 0) {
                const confirm = [...document.querySelectorAll('button')].find(
                  (button) => button.textContent?.trim() === 'Klopt, analyseer',
                );
                if (!confirm) return;
                requestAnimationFrame(() => {
                  toMappingMs = performance.now() - started;
                  confirm.click();
                });
                return;
              }
              if (document.querySelector('[data-card="crr"]')) {
                observer.disconnect();
                requestAnimationFrame(() =>
                  resolve({ toMappingMs, wallMs: performance.now() - started }),
                );
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { subtree: true, childList: true });
          }),
      );
      await page.locator('input[type=file]').setInputFiles(file);
      const { toMappingMs, wallMs } = await flow;
      await page.waitForTimeout(2000);
      const loadedRssBytes = memory.now();
      const { measures, longTasks } = await page.evaluate(() => {
        const last = (name: string) => {
          const entries = performance.getEntriesByName(`behoud:${name}`);
          return entries[entries.length - 1];
        };
        const read = last('read');
        const end = performance.now();
        const tasks = window.__benchLongTasks.filter(
          (task) => task.start + task.duration >= read.startTime && task.start <= end,
        );
        const stages: Record<string, number> = {};
        for (const entry of performance.getEntriesByType('measure')) {
          const stage = /^behoud:((?:read|ingest):\w+)$/.exec(entry.name);
          if (stage) stages[stage[1]] = entry.duration; // the last one wins
        }
        return {
          measures: {
            read: read.duration,
            ingest: last('ingest').duration,
            analyze: last('analyze').duration,
            stages,
          },
          longTasks: {
            count: tasks.length,
            maxMs: Math.max(0, ...tasks.map((task) => task.duration)),
            totalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
            sinceLoad: window.__benchLongTasks.length,
          },
        };
      });
      const recompute: Recomputes = {
        cohorts: null,
        toWeek: null,
        backToMonth: null,
        filter: null,
        compare: null,
      };
      if (options.recompute) {
        const analyze = 'behoud:analyze';
        const cohorts = 'behoud:cohorts';
        const unit = 'select#unit';
        const breakdown = 'select#cohort-breakdown';
        recompute.toWeek = await interact(page, { select: unit, value: 'week' }, analyze);
        recompute.backToMonth = await interact(page, { select: unit, value: 'month' }, analyze);
        const tab = { click: 'nav.tabs button', text: /cohort/ };
        recompute.cohorts = await interact(page, tab, cohorts);
        // The first value of the first category column (the channel), then every value compared.
        recompute.filter = await interact(
          page,
          { select: breakdown, value: 'filter:0:0' },
          cohorts,
        );
        recompute.compare = await interact(
          page,
          { select: breakdown, value: 'compare:0' },
          cohorts,
        );
      }
      // Sampled like the loaded memory: two seconds after the last change, once the page settled.
      if (options.recompute) await page.waitForTimeout(2000);
      const afterRecomputeRssBytes = options.recompute ? memory.now() : null;
      // Sampled up to here: the recomputes' memory counts too.
      const peakRssBytes = memory.stop();
      const saveMs = await page
        .waitForFunction(
          () => performance.getEntriesByName('behoud:save')[0]?.duration ?? null,
          null,
          {
            timeout: 60_000,
          },
        )
        .then((handle) => handle.jsonValue())
        .catch(() => null);
      const reopen = options.recompute && saveMs !== null ? await reopenSession(page) : null;
      return {
        wallMs,
        toMappingMs,
        measures,
        longTasks,
        peakRssBytes,
        loadedRssBytes,
        afterRecomputeRssBytes,
        saveMs,
        reopen,
        ...recompute,
      };
    } finally {
      memory.stop();
    }
  } finally {
    await context.close();
  }
}
