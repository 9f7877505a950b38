/**
 * The whole page's state: which screen is shown, the import under way, and the analysis that is
 * open. A new import replaces the open analysis only once it has succeeded.
 */
import { AnalysisView } from './analysis.svelte.ts';
import { CohortsView, type CohortViews } from './cohorts.svelte.ts';
import { PredictionView } from './prediction.svelte.ts';
import { ImportFlow } from './import-flow.svelte.ts';
import { Settings } from './settings.svelte.ts';
import { SessionsState } from './sessions.svelte.ts';
import { SessionStore, type SessionSettings, type StorageCode } from '../io/session-store.ts';
import { EngineClient } from '../io/engine-client.ts';

export type Screen = 'start' | 'import' | 'analysis' | 'calculator' | 'sessions';

/** The tabs of an open analysis. */
export type AnalysisTab = 'overview' | 'cohorts' | 'revenue' | 'prediction' | 'data';

/** The built-in samples, served from our own origin (public/sample). */
export const samples = {
  orders: 'voorbeeld-webwinkel-bestellingen.csv',
  members: 'voorbeeld-sportschool-leden.csv',
} as const;

/** What a session keeps of the screens (plain JSON; older sessions may have none). */
interface SavedViews {
  readonly tab?: unknown;
  readonly cohorts?: Partial<CohortViews>;
}

const tabs: readonly AnalysisTab[] = ['overview', 'cohorts', 'revenue', 'prediction', 'data'];

function isTab(value: unknown): value is AnalysisTab {
  return tabs.includes(value as AnalysisTab);
}

export class AppState {
  readonly settings = new Settings();
  screen = $state<Screen>('start');
  /** The import being read or mapped. */
  pending = $state<ImportFlow | null>(null);
  /** The import whose analysis is open. */
  current = $state<ImportFlow | null>(null);
  /** The numbers of the open analysis. */
  analysis = $state<AnalysisView | null>(null);
  cohorts = $state<CohortsView | null>(null);
  prediction = $state<PredictionView | null>(null);
  tab = $state<AnalysisTab>('overview');
  /** Saved sessions, read on the page (the worker writes the big data). */
  readonly store = new SessionStore({ onBlocking: () => (this.storageProblem = 'blocked') });
  readonly sessions = new SessionsState(this.store);
  /** Why the browser would not store the last session (the user keeps working in memory). */
  storageProblem = $state<StorageCode | null>(null);
  #askedPersistence = false;
  /** Saves the open session's settings and views; a no-op until a session is open. */
  #persist: () => void = () => {};

  /** Reads a dropped, chosen or pasted file. */
  async open(file: Blob, name: string, isSample = false): Promise<void> {
    this.pending?.client.dispose();
    const flow = new ImportFlow(name, isSample);
    this.pending = flow;
    this.screen = 'import';
    await flow.read(file);
  }

  async openPasted(text: string, name: string): Promise<void> {
    await this.open(new Blob([text], { type: 'text/plain' }), name);
  }

  async openSample(which: keyof typeof samples): Promise<void> {
    const name = samples[which];
    const response = await fetch(`${import.meta.env.BASE_URL}sample/${name}`);
    await this.open(await response.blob(), name, true);
  }

  /** Confirms the pending mapping; on success the pending import becomes the open analysis. */
  async confirm(): Promise<void> {
    const flow = this.pending;
    const settings: SessionSettings = {
      unit: flow?.mapping?.kind === 'lists' ? 'custom' : 'month',
      range: null,
      windowDays: 365,
      refunds: 'include',
      language: this.settings.language,
    };
    if (!flow) return;
    flow.onSaved = (_id, problem) => {
      this.storageProblem = problem;
      if (!problem && !this.#askedPersistence) {
        // Ask once, at the first save: browsers may otherwise evict the data under pressure.
        this.#askedPersistence = true;
        void this.store.requestPersistence();
      }
      void this.sessions.refresh();
    };
    if (!(await flow.confirm(settings))) return;
    await this.#show(flow, null);
  }

  /** Makes a finished import (new or reopened) the open analysis. */
  async #show(flow: ImportFlow, saved: SessionSettings | null): Promise<void> {
    if (this.current && this.current !== flow) this.current.client.dispose();
    this.current = flow;
    this.pending = null;
    const summary = flow.result?.summary;
    const views = { ...(saved?.views ?? {}) } as SavedViews;
    /** Keeps settings and screen choices with the session; a refused save is reported once. */
    const persist = () => {
      if (!flow.sessionId || !this.analysis) return;
      const settings: SessionSettings = {
        ...this.analysis.sessionSettings,
        language: this.settings.language,
        views: { tab: this.tab, cohorts: this.cohorts?.views ?? views.cohorts },
      };
      void flow.client.saveSettings(flow.sessionId, settings).then((problem) => {
        if (problem) this.storageProblem = problem;
      });
    };
    this.#persist = persist;
    const analysis = new AnalysisView(
      flow.client,
      summary?.kind ?? 'orders',
      flow.mapping?.roles.some((role) => role === 'amount' || role === 'price') ?? false,
      saved,
      persist,
    );
    this.analysis = analysis;
    this.cohorts = new CohortsView(flow.client, views.cohorts ?? null, persist);
    this.prediction = new PredictionView(flow.client);
    this.screen = 'analysis';
    await analysis.refresh();
    this.showAnalysis(isTab(views.tab) ? views.tab : 'overview');
  }

  /** Reopens a saved session; the analysis open until now stays if that fails. */
  async openSession(id: string): Promise<boolean> {
    const client = EngineClient.take();
    const opened = await client.openSession(id);
    if (!opened.ok) {
      client.dispose();
      this.storageProblem = opened.code;
      return false;
    }
    await this.#show(ImportFlow.reopened(opened, client), opened.settings);
    void this.sessions.refresh();
    return true;
  }

  /** On page load: reopen the session that was open last, if there is one. */
  async restoreLast(): Promise<void> {
    EngineClient.prepare();
    await this.sessions.refresh();
    const last = await this.store.lastOpened();
    if (last.ok && last.value && !this.current && !this.pending) await this.openSession(last.value);
  }

  showSessions(): void {
    this.screen = 'sessions';
    void this.sessions.refresh();
  }

  /** Shows the open analysis again (from the start screen or the calculator). */
  showAnalysis(tab: AnalysisTab = 'overview'): void {
    if (!this.current) return;
    if (tab !== this.tab) {
      this.tab = tab;
      this.#persist();
    }
    this.screen = 'analysis';
    // Cohorts and the purchase model are computed when first shown, not at every import.
    if (tab === 'cohorts' && this.cohorts && !this.cohorts.report) void this.cohorts.refresh();
    if (tab === 'prediction') void this.prediction?.ensure();
    if (tab === 'revenue') void this.analysis?.includeRevenue();
  }

  showCalculator(): void {
    this.screen = 'calculator';
  }

  /** Back to the start screen; the open analysis, if any, stays open. */
  startOver(): void {
    if (this.pending && this.pending !== this.current) this.pending.client.dispose();
    this.pending = null;
    this.screen = 'start';
    // A file is likely to come: its worker starts now (an idle worker costs memory, so only here).
    EngineClient.prepare();
  }

  /** Reopens the mapping of the open analysis. */
  editMapping(): void {
    if (!this.current) return;
    this.pending = this.current;
    this.current.stage = 'mapping';
    this.screen = 'import';
  }

  cancelPending(): void {
    this.pending?.cancel();
  }
}
