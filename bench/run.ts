/**
 * `npm run bench [-- --runs N] [-- --quick] [-- --profile]`: Behoud's pipeline against the pandas
 * a data-savvy user would write, on the same seeded inputs, in one run on this machine. Prints a
 * Markdown table of medians and writes it to bench/out/results.md. A measurement, never a test:
 * nothing here fails on a slow number.
 *
 * --runs N   runs per measurement (default 3); the table shows medians
 * --quick    100,000-row CSVs and a 50,000-row workbook: a smoke run of the whole script
 * --profile  also writes a CPU profile of one command-line run (bench/out/cli.cpuprofile) and
 *            prints its functions with the most self time
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureInputs } from './generate.ts';
import { ensurePandas, runPandas, type PandasPeriod, type PandasRun } from './pandas.ts';
import { runCliProcess, type CliRun } from './cli.ts';
import { runUi, startApp, type Recompute, type UiRun } from './browser.ts';
import { measureBundle } from './bundle.ts';
import { profileCli } from './profile.ts';
import { median, renderTable, type Row } from './table.ts';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const out = `${root}/bench/out`;

function parseOptions(argv: readonly string[]): { runs: number; quick: boolean; profile: boolean } {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number ≥ 1');
  return { runs, quick: argv.includes('--quick'), profile: argv.includes('--profile') };
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

async function repeat<T>(label: string, runs: number, once: () => T | Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    results.push(await once());
    log(`${label} ${index + 1}/${runs}: ${Math.round(performance.now() - started)} ms`);
  }
  return results;
}

/** Compares the app's monthly S / N / E with pandas'; a difference means one of them is wrong. */
function compareWithPandas(cli: CliRun, pandas: readonly PandasPeriod[]): string {
  const app = new Map(cli.report.periods.map((row) => [row.period, row]));
  const differences: string[] = [];
  for (const row of pandas) {
    const ours = app.get(row.period);
    if (!ours) differences.push(`${row.period}: missing in the app`);
    else if (ours.S !== row.S || ours.N !== row.N || ours.E !== row.E) {
      differences.push(
        `${row.period}: app S/N/E ${ours.S}/${ours.N}/${ours.E}, pandas ${row.S}/${row.N}/${row.E}`,
      );
    }
  }
  if (app.size !== pandas.length) {
    differences.push(`the app has ${app.size} months, pandas ${pandas.length}`);
  }
  return differences.length === 0
    ? `equal in all ${pandas.length} months`
    : `**${differences.length} differences**: ${differences.slice(0, 3).join('; ')}`;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { runs, quick } = options;
  mkdirSync(out, { recursive: true });
  const loadBefore = loadavg()[0];

  log('inputs');
  const inputs = ensureInputs(out, quick ? 100_000 : 1_000_000, quick ? 50_000 : 500_000);
  log(
    `${inputs.reused ? 'reused' : 'generated'} ${inputs.csvRows} rows, ${inputs.customers} customers`,
  );

  ensurePandas(log);
  const pandasRuns: PandasRun[] = [];
  let pandasPeriods: PandasPeriod[] = [];
  await repeat('pandas', runs, () => {
    const result = runPandas(inputs.csvEn, `${out}/pandas-periods.json`);
    pandasRuns.push(result.run);
    pandasPeriods = result.periods;
  });

  const cliRuns = await repeat('cli', runs, () => runCliProcess(inputs.csvEn));
  const mapping = cliRuns[0].report.mapping;
  const detected = `email → ${mapping.email}, order_date → ${mapping.order_date}, amount → ${mapping.amount}, channel → ${mapping.channel}`;
  const agreement = compareWithPandas(cliRuns[0], pandasPeriods);
  const profile = options.profile ? profileCli(inputs.csvEn, `${out}/cli.cpuprofile`) : null;

  log('building the app');
  const app = await startApp(root, `${out}/dist`);
  let uiEn: UiRun[];
  let uiNl: UiRun[];
  let uiXlsx: UiRun[];
  try {
    uiEn = await repeat('chromium csv (en)', runs, () =>
      runUi(app, inputs.csvEn, { recompute: true }),
    );
    uiNl = await repeat('chromium csv (nl)', runs, () =>
      runUi(app, inputs.csvNl, { recompute: false }),
    );
    uiXlsx = await repeat('chromium xlsx', runs, () =>
      runUi(app, inputs.xlsx, { recompute: false }),
    );
  } finally {
    await app.close();
  }
  const bundle = measureBundle(`${out}/dist`);

  const rows: Row[] = tableRows({
    quick,
    pandasRuns,
    cliRuns,
    uiEn,
    uiNl,
    uiXlsx,
  });
  const fitMs = median(cliRuns.map((run) => run.stages.predict));
  rows.push(
    { section: 'Purchase model (Node, same core as the worker)' },
    {
      measure: `BG/NBD + Gamma-Gamma fit and predictions, ${cliRuns[0].predictCustomers.toLocaleString('en-US')} customers`,
      value: `${(fitMs / 1000).toFixed(2)} s`,
      target: 'seconds, not minutes',
      ok: fitMs < 60_000 ? '✓' : '✗',
    },
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const sum = (chunks: readonly { gzipBytes: number }[]) =>
    chunks.reduce((total, chunk) => total + chunk.gzipBytes, 0);
  rows.push(
    { section: 'Bundle (gzip -9)' },
    {
      measure: 'initial JavaScript (entry chunk of index.html)',
      value: `${kb(sum(bundle.initial))} (${bundle.initial.map((c) => c.name).join(', ')})`,
    },
    ...bundle.lazy.map((c) => ({ measure: `lazy: ${c.name}`, value: kb(c.gzipBytes) })),
    ...bundle.css.map((c) => ({ measure: `css: ${c.name}`, value: kb(c.gzipBytes) })),
  );

  const machine = [
    `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB`,
    `load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`,
    `Node ${process.version}`,
    `Chromium ${app.chromiumVersion}`,
    `pandas ${pandasRuns[0].pandas}, numpy ${pandasRuns[0].numpy} (${pandasRuns[0].threads})`,
  ].join(' · ');
  const notes = [
    `Inputs: ${inputs.csvRows.toLocaleString('en')}-row CSVs (${inputs.customers.toLocaleString('en')} customers), ${inputs.xlsxRows.toLocaleString('en')}-row .xlsx; medians of ${runs} runs${quick ? '; **quick smoke run: targets are for the full size and not judged**' : ''}.`,
    `Machine: ${machine}.`,
    `CLI detection: ${detected}.`,
    `Monthly S/N/E, app (CLI JSON) vs pandas: ${agreement}.`,
    `Tab memory: RSS of the tab's renderer process (page + engine worker) from /proc; the peak is sampled every 100 ms.`,
    `Times in the page: from choosing the file to the frame that shows the cards, the confirm button clicked the frame it appears.`,
  ];
  const markdown = `${renderTable(rows)}\n${notes.map((note) => `- ${note}`).join('\n')}\n${
    profile ? `\n${profile}\n` : ''
  }`;
  writeFileSync(`${out}/results.md`, markdown);
  process.stdout.write(`\n${markdown}`);
}

interface Measured {
  readonly quick: boolean;
  readonly pandasRuns: readonly PandasRun[];
  readonly cliRuns: readonly CliRun[];
  readonly uiEn: readonly UiRun[];
  readonly uiNl: readonly UiRun[];
  readonly uiXlsx: readonly UiRun[];
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function tableRows(m: Measured): Row[] {
  const pandasMs = median(m.pandasRuns.map((run) => run.totalSeconds * 1000));
  const med = <T>(runs: readonly T[], pick: (run: T) => number) => median(runs.map(pick));
  const verdict = (ok: boolean) => (m.quick ? '—' : ok ? '✓' : '✗');
  const ratio = (ms: number) => (ms / pandasMs).toFixed(2);
  /** Median of a UI interaction, or null when a run found no such control. */
  const interaction = (pick: (run: UiRun) => Recompute | null) =>
    m.uiEn.every((run) => pick(run) !== null)
      ? {
          wallMs: med(m.uiEn, (run) => pick(run)?.wallMs ?? 0),
          engineMs: med(m.uiEn, (run) => pick(run)?.engineMs ?? 0),
        }
      : null;
  const recomputeRow = (
    measure: string,
    pick: (run: UiRun) => Recompute | null,
    engine: string,
  ): Row => {
    const found = interaction(pick);
    return found === null
      ? { measure, value: 'n/a', detail: 'no such control in the UI' }
      : {
          measure,
          value: seconds(found.wallMs),
          target: '< 150 ms',
          ok: verdict(found.wallMs < 150),
          detail: `${engine} ${seconds(found.engineMs)}`,
        };
  };

  const uiWall = med(m.uiEn, (run) => run.wallMs);
  const cohorts = interaction((run) => run.cohorts);
  const full = cohorts === null ? null : uiWall + cohorts.wallMs;
  const stage = (runs: readonly UiRun[], name: string) =>
    seconds(med(runs, (r) => r.measures.stages[name] ?? 0));
  const stages = (runs: readonly UiRun[]) =>
    `read ${seconds(med(runs, (r) => r.measures.read))} (file ${stage(runs, 'read:file')} · parse ${stage(runs, 'read:parse')} · detect ${stage(runs, 'read:detect')}) · ingest ${seconds(med(runs, (r) => r.measures.ingest))} · analyze ${seconds(med(runs, (r) => r.measures.analyze))}`;
  const cliStages = (key: keyof CliRun['stages']) => seconds(med(m.cliRuns, (r) => r.stages[key]));
  const maxTask = (runs: readonly UiRun[]) => Math.max(...runs.map((r) => r.longTasks.maxMs));
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  const xlsxWall = med(m.uiXlsx, (run) => run.wallMs);
  const xlsxTask = maxTask(m.uiXlsx);
  const peakEn = Math.max(...m.uiEn.map((run) => run.peakRssBytes));
  const loadedEn = Math.max(...m.uiEn.map((run) => run.loadedRssBytes));
  const afterEn = Math.max(...m.uiEn.map((run) => run.afterRecomputeRssBytes ?? 0));
  const saves = m.uiEn.map((run) => run.saveMs).filter((ms): ms is number => ms !== null);
  const reopens = m.uiEn.flatMap((run) => (run.reopen ? [run.reopen] : []));
  const cliMs = med(m.cliRuns, (r) => r.totalMs);
  const nlMs = med(m.uiNl, (r) => r.wallMs);

  return [
    { section: 'CSV (English export) → full report' },
    {
      measure: 'pandas: read_csv + cohort matrix + monthly S/N/E',
      value: seconds(pandasMs),
      detail: `read ${seconds(med(m.pandasRuns, (r) => r.readSeconds * 1000))} · cohorts ${seconds(med(m.pandasRuns, (r) => r.cohortSeconds * 1000))} · S/N/E ${seconds(med(m.pandasRuns, (r) => r.sneSeconds * 1000))} (+ ${seconds(med(m.pandasRuns, (r) => r.importSeconds * 1000))} to import pandas, not counted)`,
    },
    {
      measure: 'app in Chromium: file → overview cards',
      value: seconds(uiWall),
      ratio: ratio(uiWall),
      detail: `${stages(m.uiEn)} (engine round trips); mapping screen after ${seconds(med(m.uiEn, (r) => r.toMappingMs))}`,
    },
    {
      measure: '+ cohorts tab: monthly cohort matrix drawn',
      value: cohorts === null ? 'n/a (no cohorts tab)' : seconds(cohorts.wallMs),
      detail: cohorts === null ? '' : `behoud:cohorts ${seconds(cohorts.engineMs)}`,
    },
    {
      measure: '**app full report** (cards + cohorts)',
      value: full === null ? 'n/a' : `**${seconds(full)}**`,
      ratio: full === null ? '' : `**${ratio(full)}**`,
      target: '≤ 0.75 × pandas',
      ok: full === null ? '' : verdict(full <= 0.75 * pandasMs),
    },
    {
      measure: 'CLI in Node: `main(file --json --period month)`',
      value: seconds(cliMs),
      ratio: ratio(cliMs),
      detail: `read ${cliStages('read')} · detect ${cliStages('detect')} · ingest ${cliStages('ingest')} · analyze ${cliStages('analyze')} · cohorts ${cliStages('cohorts')} (pieces timed apart; main() also builds the rest of the JSON report, incl. the purchase-prediction model; reading the file from disk excluded)`,
    },
    {
      measure: 'app in Chromium, Dutch Excel-style CSV: file → cards',
      value: seconds(nlMs),
      ratio: ratio(nlMs),
      detail: stages(m.uiNl),
    },
    { section: 'Excel workbook' },
    {
      measure: '.xlsx → overview cards',
      value: seconds(xlsxWall),
      target: '< 8 s',
      ok: verdict(xlsxWall < 8000),
      detail: stages(m.uiXlsx),
    },
    {
      measure: 'longest main-thread task during the .xlsx import (worst run)',
      value: seconds(xlsxTask),
      target: '≤ 100 ms',
      ok: verdict(xlsxTask <= 100),
      detail: `${med(m.uiXlsx, (r) => r.longTasks.count)} long tasks, ${seconds(med(m.uiXlsx, (r) => r.longTasks.totalMs))} in all (median run)`,
    },
    { section: 'Recompute on the loaded CSV (change → new numbers on screen)' },
    recomputeRow('overview: period month → week', (run) => run.toWeek, 'behoud:analyze'),
    recomputeRow('overview: period week → month', (run) => run.backToMonth, 'behoud:analyze'),
    recomputeRow('cohorts: breakdown → one channel', (run) => run.filter, 'behoud:cohorts'),
    recomputeRow('cohorts: breakdown → compare channels', (run) => run.compare, 'behoud:cohorts'),
    { section: 'Sessions (IndexedDB, the 1,000,000-row CSV)' },
    {
      measure: 'saving the session (in the worker, after the first report)',
      value: saves.length === 0 ? 'not seen' : seconds(median(saves)),
      target: '< 2 s',
      ok: saves.length === 0 ? '' : verdict(Math.max(...saves) < 2000),
      detail: saves.length === 0 ? '' : `worst run ${seconds(Math.max(...saves))}`,
    },
    {
      measure: 'reopening it: page reload → overview cards',
      value: reopens.length === 0 ? 'not seen' : seconds(median(reopens.map((r) => r.wallMs))),
      target: '< 2 s',
      ok: reopens.length === 0 ? '' : verdict(Math.max(...reopens.map((r) => r.wallMs)) < 2000),
      detail:
        reopens.length === 0
          ? ''
          : `page load included; behoud:open-session ${seconds(median(reopens.map((r) => r.engineMs)))}`,
    },
    { section: 'Memory and main thread' },
    {
      measure: 'tab memory with the CSV loaded (2 s after the cards, worst run)',
      value: mb(loadedEn),
      target: '< 400 MB',
      ok: verdict(loadedEn < 400 * 2 ** 20),
    },
    {
      measure: '… after the recomputes and the cohorts tab (worst run)',
      value: mb(afterEn),
      target: '< 400 MB',
      ok: verdict(afterEn < 400 * 2 ** 20),
    },
    {
      measure: 'peak tab memory during the CSV import and recomputes (worst run)',
      value: mb(peakEn),
      detail: 'passing: the import builds its lookup tables, then lets them go',
    },
    {
      measure: 'peak tab memory, .xlsx import (worst run)',
      value: mb(Math.max(...m.uiXlsx.map((run) => run.peakRssBytes))),
    },
    {
      measure: 'main-thread long tasks during the CSV import (median run)',
      value: `${med(m.uiEn, (r) => r.longTasks.count)}`,
      detail: `longest ${seconds(maxTask(m.uiEn))} (worst run), ${seconds(med(m.uiEn, (r) => r.longTasks.totalMs))} in all; ${med(m.uiEn, (r) => r.longTasks.sinceLoad)} observed since page load`,
    },
  ];
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
