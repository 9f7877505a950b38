/**
 * The page's side of the engine worker. One worker per opened file: cancelling a read, or a read
 * that stops making progress (a workbook that sends SheetJS into a spin), terminates that worker
 * and nothing else, so the analysis the user already had stays untouched.
 */
import type { Mapping } from '../core/ingest/detect.ts';
import type { AnalysisSettings, CustomerDetail, Report } from '../core/analyze.ts';
import type { Explanation, MetricId } from '../core/explain/index.ts';
import type { PredictionReport } from '../core/prediction.ts';
import type { SessionSettings, StorageCode } from './session-store.ts';
import type {
  BreakdownComparison,
  CohortReport,
  CohortSettings,
} from '../core/metrics/cohort-matrix.ts';
import type {
  EngineRequest,
  EngineResponse,
  IngestAnswer,
  OpenedSession,
  ReadAnswer,
  SessionOrigin,
} from './engine-protocol.ts';
import type { ReadProgress } from './read-types.ts';

/** A read that reports no progress for this long is stopped as 'timeout'. */
export const defaultWatchdogMs = 60_000;

interface Pending {
  resolve(response: EngineResponse): void;
  onProgress?: (progress: ReadProgress) => void;
  /** What was asked and when, for the User Timing entry of the round trip. */
  readonly type: EngineRequest['type'];
  readonly start: number;
}

/** A client started ahead of need; see {@link EngineClient.take}. */
let spare: EngineClient | null = null;

export class EngineClient {
  /**
   * A client whose worker has (most likely) finished loading already: starting a worker means
   * fetching and compiling the engine and SheetJS, a few hundred milliseconds that would
   * otherwise sit between dropping a file and seeing it read.
   */
  static take(): EngineClient {
    const client = spare ?? new EngineClient();
    spare = null;
    return client;
  }

  /** Starts the worker for the next {@link take} while the page has nothing else to do. */
  static prepare(): void {
    spare ??= new EngineClient();
  }

  #worker: Worker;
  #nextId = 1;
  #latestAnalyze = 0;
  #latestCohorts = 0;
  #latestPredict = 0;
  #pending = new Map<number, Pending>();
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #watchdogMs: number;
  #stopped: 'cancelled' | 'timeout' | 'crashed' | null = null;

  constructor(watchdogMs = defaultWatchdogMs) {
    this.#watchdogMs = watchdogMs;
    this.#worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (event: MessageEvent<EngineResponse>) => this.#receive(event.data);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#stop('crashed');
    };
  }

  /**
   * Reads a file (or pasted text as a Blob) in the worker; `append` keeps the sheets read before
   * (the second file of two customer lists).
   */
  read(
    file: Blob,
    name: string,
    onProgress?: (progress: ReadProgress) => void,
    append = false,
  ): Promise<ReadAnswer> {
    return this.#request({ type: 'read', id: this.#nextId++, file, name, append }, onProgress).then(
      (response) => {
        if (response.type === 'read') return response.answer;
        // A worker that died mid-read almost always ran out of memory on a huge file.
        const codes = { cancelled: 'cancelled', timeout: 'timeout', crashed: 'too-large' } as const;
        const code = this.#stopped ? codes[this.#stopped] : 'format-unknown';
        return { ok: false, code } as const;
      },
    );
  }

  /** Builds the dataset of one sheet (or of two lists) with the confirmed mapping. */
  ingest(
    sheetName: string,
    mapping: Mapping,
    referenceDay: number,
    endList: { readonly sheetName: string; readonly mapping: Mapping } | null,
    session: SessionOrigin,
  ): Promise<IngestAnswer | null> {
    return this.#request({
      type: 'ingest',
      id: this.#nextId++,
      sheetName,
      mapping,
      referenceDay,
      endList,
      session,
    }).then((response) => (response.type === 'ingest' ? response.answer : null));
  }

  /**
   * The report for these settings, or null when a newer analyze request was sent meanwhile (the
   * latest request wins, so quick changes of period never show an older answer last).
   */
  async analyze(settings: AnalysisSettings): Promise<Report | null> {
    const id = this.#nextId++;
    this.#latestAnalyze = id;
    const response = await this.#request({ type: 'analyze', id, settings });
    if (id !== this.#latestAnalyze || response.type !== 'analyze') return null;
    return response.report;
  }

  /** The worked example of a metric for a period of the latest report. */
  async explain(metric: MetricId, period: number): Promise<Explanation | null> {
    const response = await this.#request({ type: 'explain', id: this.#nextId++, metric, period });
    return response.type === 'explain' ? response.explanation : null;
  }

  /** Details of customers by code, for the lists behind a number. */
  async details(customers: readonly number[]): Promise<readonly CustomerDetail[]> {
    const response = await this.#request({ type: 'details', id: this.#nextId++, customers });
    return response.type === 'details' ? response.details : [];
  }

  /**
   * The cohort matrix (and per-value curves when `compare` names a category), or null when a
   * newer cohorts request was sent meanwhile.
   */
  async cohorts(
    settings: CohortSettings,
    compare: number | null,
  ): Promise<{ report: CohortReport | null; comparison: BreakdownComparison | null } | null> {
    const id = this.#nextId++;
    this.#latestCohorts = id;
    const response = await this.#request({ type: 'cohorts', id, settings, compare });
    if (id !== this.#latestCohorts || response.type !== 'cohorts') return null;
    return { report: response.report, comparison: response.comparison };
  }

  /** Opens a saved session in this worker. */
  async openSession(sessionId: string): Promise<OpenedSession> {
    const response = await this.#request({ type: 'open-session', id: this.#nextId++, sessionId });
    return response.type === 'open-session' ? response.opened : { ok: false, code: 'unavailable' };
  }

  /** Saves the open session's settings; the storage problem, if any. */
  async saveSettings(sessionId: string, settings: SessionSettings): Promise<StorageCode | null> {
    const response = await this.#request({
      type: 'save-settings',
      id: this.#nextId++,
      sessionId,
      settings,
    });
    return response.type === 'saved' ? response.problem : 'unavailable';
  }

  /** Fits the purchase model in the worker; null when a newer request replaced this one. */
  async predict(calibrationEnd: number | null): Promise<PredictionReport | null> {
    const id = this.#nextId++;
    this.#latestPredict = id;
    const response = await this.#request({ type: 'predict', id, calibrationEnd });
    if (id !== this.#latestPredict || response.type !== 'predict') return null;
    return response.report;
  }

  /** The customers of a cohort cell, with their details. */
  async cohortCustomers(
    settings: CohortSettings,
    cohort: number,
    age: number | null,
  ): Promise<readonly CustomerDetail[]> {
    const response = await this.#request({
      type: 'cohort-customers',
      id: this.#nextId++,
      settings,
      cohort,
      age,
    });
    return response.type === 'details' ? response.details : [];
  }

  /** Stops whatever the worker is doing; pending requests end as cancelled. */
  cancel(): void {
    this.#stop('cancelled');
  }

  /** Ends the worker for good (a new file replaced it). */
  dispose(): void {
    clearTimeout(this.#watchdog);
    this.#worker.terminate();
    this.#pending.clear();
  }

  #request(
    request: EngineRequest,
    onProgress?: (progress: ReadProgress) => void,
  ): Promise<EngineResponse> {
    if (this.#stopped) {
      return Promise.resolve({ type: 'failed', id: request.id, message: this.#stopped });
    }
    return new Promise((resolve) => {
      this.#pending.set(request.id, {
        resolve,
        onProgress,
        type: request.type,
        start: performance.now(),
      });
      this.#armWatchdog();
      this.#worker.postMessage(request);
    });
  }

  /** Told when a new session was stored, or why it could not be. */
  onSessionSaved: ((sessionId: string, problem: StorageCode | null) => void) | null = null;

  #receive(response: EngineResponse): void {
    if (response.type === 'session-saved') {
      performance.measure('behoud:save', { end: performance.now(), duration: response.durationMs });
      this.onSessionSaved?.(response.sessionId, response.problem);
      return;
    }
    const pending = this.#pending.get(response.id);
    if (!pending) return;
    if (response.type === 'progress') {
      this.#armWatchdog();
      pending.onProgress?.(response.progress);
      return;
    }
    if (response.type === 'stages') {
      // The worker's own clock starts elsewhere: each stage is entered as its duration, ending now.
      const end = performance.now();
      for (const [stage, duration] of Object.entries(response.stages)) {
        performance.measure(`behoud:${pending.type}:${stage}`, { end, duration });
      }
      return;
    }
    this.#pending.delete(response.id);
    if (this.#pending.size === 0) clearTimeout(this.#watchdog);
    // One User Timing entry per round trip ("behoud:read", "behoud:analyze", …): what the
    // benchmark reads to break the pipeline down by stage. Nothing leaves the page.
    performance.measure(`behoud:${pending.type}`, { start: pending.start, end: performance.now() });
    pending.resolve(response);
  }

  #armWatchdog(): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => this.#stop('timeout'), this.#watchdogMs);
  }

  #stop(reason: 'cancelled' | 'timeout' | 'crashed'): void {
    this.#stopped = reason;
    clearTimeout(this.#watchdog);
    this.#worker.terminate();
    for (const [id, pending] of this.#pending) {
      pending.resolve({ type: 'failed', id, message: reason });
    }
    this.#pending.clear();
  }
}
