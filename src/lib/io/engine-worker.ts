/**
 * The engine worker: reads the file, keeps its raw sheets, and builds the dataset for the chosen
 * sheet and mapping, so that parsing a large file never blocks the page. PapaParse runs here, in
 * our own module worker, because its built-in worker breaks under a strict CSP.
 */
/// <reference lib="webworker" />
import { detect, type Mapping } from '../core/ingest/detect.ts';
import { headRows, TextTable } from '../core/ingest/raw-table.ts';
import { ingest, type IngestResult } from '../core/ingest/ingest.ts';
import { ingestLists } from '../core/ingest/ingest-lists.ts';
import { createAnalysis, type Analysis } from '../core/analyze.ts';
import { cohortCustomers, cohortMatrix, compareBreakdown } from '../core/metrics/cohort-matrix.ts';
import { predict } from '../core/prediction.ts';
import { SessionStore } from './session-store.ts';
import type { Dataset } from '../core/model/dataset.ts';
import type { ReadProgress, ReadSheet } from './read-types.ts';
import { readFile, type ReadResult } from './read-file.ts';
import {
  previewDataRows,
  type EngineRequest,
  type OpenedSession,
  type EngineResponse,
  type SheetOverview,
} from './engine-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let sheets: readonly ReadSheet[] = [];
/** The files the sheets came from, in order, to read them again (see {@link releaseSheets}). */
let sources: { readonly file: Blob; readonly name: string }[] = [];
/** The sheets of text files were let go after an import; they are read again when needed. */
let sheetsReleased = false;
/** The dataset of the current analysis; kept here so the page never holds a million rows. */
let dataset: Dataset | null = null;
/** The analysis of the last report, which explains its numbers and lists their customers. */
let analysis: Analysis | null = null;

function post(message: EngineResponse): void {
  self.postMessage(message);
}

/** Times the stages of one request; `report` posts them just before its answer. */
function stopwatch(id: number) {
  const stages: Record<string, number> = {};
  let last = performance.now();
  return {
    lap(stage: string): void {
      const now = performance.now();
      stages[stage] = now - last;
      last = now;
    },
    report: () => post({ type: 'stages', id, stages }),
  };
}

function overview(sheet: ReadSheet): SheetOverview {
  const detection = detect(sheet.table);
  const headerRow = detection.mapping.headerRow;
  const previewEnd = Math.max(headerRow, 0) + 1 + previewDataRows + 10;
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    rowCount: detection.dataRows,
    detection,
    previewRows: headRows(sheet.table, previewEnd),
    date1904: sheet.table.date1904,
  };
}

/** Customer details need an analysis (for the refunds rule); one with default settings will do. */
function detailsOf(codes: readonly number[]) {
  if (!dataset) return [];
  analysis ??= createAnalysis(dataset, { unit: 'month' });
  return analysis.customerDetails(codes);
}

/** The sheet of that name, else the first; undefined when there are none (a reopened session). */
function sheetNamed(name: string): ReadSheet | undefined {
  return sheets.find((candidate) => candidate.name === name) ?? sheets[0];
}

/** Sheets of a second file get the file's name in front when a name is taken already. */
function uniqueNames(added: readonly ReadSheet[], fileName: string): ReadSheet[] {
  const taken = new Set(sheets.map((sheet) => sheet.name));
  return added.map((sheet) => {
    let name = taken.has(sheet.name) ? `${fileName} › ${sheet.name}` : sheet.name;
    for (let suffix = 2; taken.has(name); suffix += 1)
      name = `${fileName} › ${sheet.name} (${suffix})`;
    taken.add(name);
    return { ...sheet, name };
  });
}

/**
 * The save of the last import, waiting. Writing a million rows to IndexedDB holds this thread for
 * a while, so it runs after the first report is out (the page asks for one right after the
 * import), before any other request, or after a second at the latest.
 */
let pendingSave: (() => Promise<void>) | null = null;
let pendingSaveTimer: ReturnType<typeof setTimeout> | undefined;

async function flushSave(): Promise<void> {
  const save = pendingSave;
  pendingSave = null;
  clearTimeout(pendingSaveTimer);
  if (save) await save();
}

function saveLater(save: () => Promise<void>): void {
  pendingSave = save;
  pendingSaveTimer = setTimeout(() => void flushSave(), 1000);
}

/** Reads a file and adds its sheets (or makes them the only ones); the read's result. */
async function addFile(
  file: Blob,
  name: string,
  append: boolean,
  onProgress?: (progress: ReadProgress) => void,
  watch?: ReturnType<typeof stopwatch>,
): Promise<ReadResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  watch?.lap('file');
  const result = readFile(bytes, name, { onProgress });
  watch?.lap('parse');
  if (!result.ok) return result;
  const added = append ? uniqueNames(result.sheets, name) : result.sheets;
  sheets = append ? [...sheets, ...added] : added;
  sources = append ? [...sources, { file, name }] : [{ file, name }];
  sheetsReleased = false;
  return result;
}

/**
 * After an import the text and field offsets of a CSV are most of the tab's memory (a 57 MB file
 * keeps about 80 MB), and only a changed mapping needs them again: they are let go, and read
 * again from the file (which the browser keeps outside the tab) when that happens. Workbooks
 * stay: reading one again takes seconds.
 */
function releaseSheets(): void {
  if (sheets.length === 0 || !sheets.every((sheet) => sheet.table instanceof TextTable)) return;
  sheets = [];
  sheetsReleased = true;
}

/** The sheets let go by {@link releaseSheets}, read again; false when a file cannot be read. */
async function restoreSheets(): Promise<boolean> {
  if (!sheetsReleased) return true;
  const files = sources;
  sheets = [];
  sources = [];
  for (const [index, source] of files.entries()) {
    try {
      if (!(await addFile(source.file, source.name, index > 0)).ok) return false;
    } catch {
      return false; // the file was moved or changed since it was chosen
    }
  }
  return true;
}

/**
 * The import of the first sheet with the detected mapping, worked out while the user looks at the
 * mapping screen: confirmed unchanged, the numbers come at once instead of a second later.
 */
let ahead: {
  readonly sheetName: string;
  readonly mapping: Mapping;
  readonly result: IngestResult;
} | null = null;

function importAhead(sheet: SheetOverview): void {
  ahead = null;
  const { mapping } = sheet.detection;
  const usable = mapping.roles.includes('customer') && mapping.roles.includes('date');
  if (mapping.kind === 'lists' || !usable) return;
  const table = sheetNamed(sheet.name)?.table;
  if (!table) return;
  const result = ingest(table, mapping);
  ahead = { sheetName: sheet.name, mapping, result };
}

function sameMapping(a: Mapping, b: Mapping): boolean {
  return (
    a.kind === b.kind &&
    a.headerRow === b.headerRow &&
    a.dateOrder === b.dateOrder &&
    a.decimal === b.decimal &&
    a.serialDates === b.serialDates &&
    a.currency === b.currency &&
    a.roles.length === b.roles.length &&
    a.roles.every((role, index) => role === b.roles[index])
  );
}

async function handle(request: EngineRequest): Promise<void> {
  if (request.type !== 'analyze') await flushSave();
  if (request.type === 'read') {
    const watch = stopwatch(request.id);
    if (request.append && !(await restoreSheets())) {
      post({ type: 'read', id: request.id, answer: { ok: false, code: 'file-unreadable' } });
      return;
    }
    const result = await addFile(
      request.file,
      request.name,
      request.append,
      (progress) => post({ type: 'progress', id: request.id, progress }),
      watch,
    );
    if (!result.ok) {
      post({ type: 'read', id: request.id, answer: { ok: false, code: result.code } });
      return;
    }
    const overviews = sheets.map(overview).filter((sheet) => sheet.rowCount > 0);
    watch.lap('detect');
    watch.report();
    post({
      type: 'read',
      id: request.id,
      answer:
        overviews.length === 0
          ? { ok: false, code: 'no-data' }
          : { ok: true, format: result.format, encoding: result.encoding, sheets: overviews },
    });
    if (overviews.length > 0 && !request.append) importAhead(overviews[0]);
    return;
  }
  if (request.type === 'analyze') {
    analysis = dataset ? createAnalysis(dataset, request.settings) : null;
    post({ type: 'analyze', id: request.id, report: analysis?.report ?? null });
    await flushSave();
    return;
  }
  if (request.type === 'explain') {
    const explanation = analysis?.explain(request.metric, request.period) ?? null;
    post({ type: 'explain', id: request.id, explanation });
    return;
  }
  if (request.type === 'open-session') {
    post({ type: 'open-session', id: request.id, opened: await openSession(request.sessionId) });
    return;
  }
  if (request.type === 'save-settings') {
    const saved = await store().saveSettings(request.sessionId, request.settings);
    post({ type: 'saved', id: request.id, problem: saved.ok ? null : saved.code });
    return;
  }
  if (request.type === 'predict') {
    const report = dataset
      ? predict(
          dataset,
          request.calibrationEnd === null ? {} : { calibrationEnd: request.calibrationEnd },
        )
      : null;
    post({ type: 'predict', id: request.id, report });
    return;
  }
  if (request.type === 'cohorts') {
    const report =
      dataset && dataset.kind !== 'lists' ? cohortMatrix(dataset, request.settings) : null;
    const comparison =
      dataset && report && request.compare !== null
        ? compareBreakdown(dataset, request.settings, request.compare)
        : null;
    post({ type: 'cohorts', id: request.id, report, comparison });
    return;
  }
  if (request.type === 'cohort-customers') {
    const codes = dataset
      ? cohortCustomers(dataset, request.settings, request.cohort, request.age ?? undefined)
      : [];
    post({ type: 'details', id: request.id, details: detailsOf(codes) });
    return;
  }
  if (request.type === 'details') {
    post({
      type: 'details',
      id: request.id,
      details: analysis?.customerDetails(request.customers) ?? [],
    });
    return;
  }
  const watch = stopwatch(request.id);
  if (!(await restoreSheets())) {
    post({ type: 'ingest', id: request.id, answer: { ok: false, issue: 'file-unreadable' } });
    return;
  }
  watch.lap('reread');
  const sheet = sheetNamed(request.sheetName);
  if (sheet === undefined) {
    // A session reopened from the browser has no file to import again.
    post({ type: 'ingest', id: request.id, answer: { ok: false, issue: 'file-unreadable' } });
    return;
  }
  const endSheet = request.endList ? sheetNamed(request.endList.sheetName) : null;
  const early =
    ahead !== null &&
    request.endList === null &&
    ahead.sheetName === request.sheetName &&
    sameMapping(ahead.mapping, request.mapping)
      ? ahead.result
      : null;
  ahead = null;
  const result =
    early ??
    (request.endList && endSheet
      ? ingestLists(
          { table: sheet.table, mapping: request.mapping },
          { table: endSheet.table, mapping: request.endList.mapping },
        )
      : ingest(sheet.table, request.mapping, { referenceDay: request.referenceDay }));
  if (!result.ok) {
    post({ type: 'ingest', id: request.id, answer: result });
    return;
  }
  watch.lap('ingest');
  watch.report();
  dataset = result.dataset;
  analysis = null;
  releaseSheets();
  // The session is saved here, beside the dataset, so a million rows never cross to the page.
  // The answer goes out first, and the save waits for the first report (see pendingSave): the
  // page shows the numbers first and hears about a refused save in a second message.
  const now = Date.now();
  const sessionId = crypto.randomUUID();
  post({
    type: 'ingest',
    id: request.id,
    answer: {
      ok: true,
      summary: result.summary,
      skippedRows: result.skippedRows,
      warningRows: result.warningRows,
      categories: categoriesOf(result.dataset),
      sessionId,
    },
  });
  const imported = result;
  saveLater(async () => {
    const saveStart = performance.now();
    const saved = await store().saveSession({
      id: sessionId,
      name: request.session.name,
      createdAt: now,
      lastOpenedAt: now,
      savedAt: now,
      fileName: request.session.fileName,
      isSample: request.session.isSample,
      dataset: imported.dataset,
      mapping: request.mapping,
      summary: imported.summary,
      skippedRows: imported.skippedRows,
      warningRows: imported.warningRows,
      settings: request.session.settings,
      revision: 0,
    });
    if (saved.ok) await store().setLastOpened(saved.value.id);
    post({
      type: 'session-saved',
      id: request.id,
      sessionId,
      problem: saved.ok ? null : saved.code,
      durationMs: performance.now() - saveStart,
    });
  });
}

function categoriesOf(data: Dataset) {
  return data.categories.map(({ name, values }) => ({ name, values }));
}

let sessions: SessionStore | null = null;

/** One store per worker, opened on first use. */
function store(): SessionStore {
  sessions ??= new SessionStore();
  return sessions;
}

async function openSession(id: string): Promise<OpenedSession> {
  const loaded = await store().loadSession(id);
  if (!loaded.ok) return { ok: false, code: loaded.code };
  const session = loaded.value;
  dataset = session.dataset;
  analysis = null;
  ahead = null;
  sheets = [];
  sources = [];
  sheetsReleased = false;
  await store().touchSession(id);
  await store().setLastOpened(id);
  return {
    ok: true,
    answer: {
      ok: true,
      summary: session.summary,
      skippedRows: session.skippedRows,
      warningRows: session.warningRows,
      categories: categoriesOf(session.dataset),
      sessionId: session.id,
    },
    mapping: session.mapping,
    fileName: session.fileName,
    name: session.name,
    isSample: session.isSample,
    settings: session.settings,
  };
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    post({
      type: 'failed',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    });
  });
};
