/**
 * The whole page's state: which screen is shown, the import under way, and the analysis that is
 * open. A new import replaces the open analysis only once it has succeeded.
 */
import { AnalysisView } from './analysis.svelte.ts';
import { CohortsView } from './cohorts.svelte.ts';
import { PredictionView } from './prediction.svelte.ts';
import { ImportFlow } from './import-flow.svelte.ts';
import { Settings } from './settings.svelte.ts';

export type Screen = 'start' | 'import' | 'analysis' | 'calculator';

/** The tabs of an open analysis. */
export type AnalysisTab = 'overview' | 'cohorts' | 'revenue' | 'prediction' | 'data';

/** The built-in samples, served from our own origin (public/sample). */
export const samples = {
  orders: 'voorbeeld-webwinkel-bestellingen.csv',
  members: 'voorbeeld-sportschool-leden.csv',
} as const;

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
    if (!flow || !(await flow.confirm())) return;
    if (this.current && this.current !== flow) this.current.client.dispose();
    this.current = flow;
    this.pending = null;
    const summary = flow.result?.summary;
    const analysis = new AnalysisView(
      flow.client,
      summary?.kind ?? 'orders',
      flow.mapping?.roles.some((role) => role === 'amount' || role === 'price') ?? false,
    );
    this.analysis = analysis;
    this.cohorts = new CohortsView(flow.client);
    this.prediction = new PredictionView(flow.client);
    this.tab = 'overview';
    this.screen = 'analysis';
    await analysis.refresh();
  }

  /** Shows the open analysis again (from the start screen or the calculator). */
  showAnalysis(tab: AnalysisTab = 'overview'): void {
    if (!this.current) return;
    this.tab = tab;
    this.screen = 'analysis';
    // Cohorts and the purchase model are computed when first shown, not at every import.
    if (tab === 'cohorts' && this.cohorts && !this.cohorts.report) void this.cohorts.refresh();
    if (tab === 'prediction') void this.prediction?.ensure();
  }

  showCalculator(): void {
    this.screen = 'calculator';
  }

  /** Back to the start screen; the open analysis, if any, stays open. */
  startOver(): void {
    if (this.pending && this.pending !== this.current) this.pending.client.dispose();
    this.pending = null;
    this.screen = 'start';
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
