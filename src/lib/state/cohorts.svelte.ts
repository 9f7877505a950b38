/**
 * The cohort screen: which cohorts (period, view, breakdown), the matrix the engine computed,
 * the per-value curves when comparing, and the customers of the cell that was opened.
 */
import type { CustomerDetail } from '../core/analyze.ts';
import type {
  BreakdownComparison,
  CohortReport,
  CohortSettings,
  CohortUnit,
  CohortView,
} from '../core/metrics/cohort-matrix.ts';
import type { EngineClient } from '../io/engine-client.ts';

/** What the cells show (METRICS.md §7). */
export type CohortMeasure =
  'share' | 'count' | 'revenue' | 'revenue-share' | 'revenue-per-customer';

/** A categorical column to filter on (one value) or to compare (every value). */
export type BreakdownChoice =
  | { readonly mode: 'none' }
  | { readonly mode: 'filter'; readonly category: number; readonly value: number }
  | { readonly mode: 'compare'; readonly category: number };

/** The cohort screen's choices as a session keeps them. */
export interface CohortViews {
  readonly unit: CohortUnit;
  readonly view: CohortView;
  readonly measure: CohortMeasure;
  readonly relativeTo: 'start' | 'previous';
  readonly average: 'pooled' | 'simple';
}

export interface CellCustomers {
  readonly cohort: number;
  readonly age: number;
  readonly details: readonly CustomerDetail[];
}

export class CohortsView {
  readonly #client: EngineClient;
  unit = $state<CohortUnit>('month');
  view = $state<CohortView>('classic');
  measure = $state<CohortMeasure>('share');
  relativeTo = $state<'start' | 'previous'>('start');
  average = $state<'pooled' | 'simple'>('pooled');
  breakdown = $state.raw<BreakdownChoice>({ mode: 'none' });
  report = $state.raw<CohortReport | null>(null);
  comparison = $state.raw<BreakdownComparison | null>(null);
  cell = $state.raw<CellCustomers | null>(null);
  computing = $state(false);

  /** Called with the screen's choices after each change, to keep them in the saved session. */
  readonly #persist: (views: CohortViews) => void;

  constructor(
    client: EngineClient,
    saved: Partial<CohortViews> | null = null,
    persist: (views: CohortViews) => void = () => {},
  ) {
    this.#client = client;
    this.#persist = persist;
    if (saved) {
      this.unit = saved.unit ?? this.unit;
      this.view = saved.view ?? this.view;
      this.measure = saved.measure ?? this.measure;
      this.relativeTo = saved.relativeTo ?? this.relativeTo;
      this.average = saved.average ?? this.average;
    }
  }

  /** The choices worth keeping with the session (the breakdown depends on the data: not kept). */
  get views(): CohortViews {
    return {
      unit: this.unit,
      view: this.view,
      measure: this.measure,
      relativeTo: this.relativeTo,
      average: this.average,
    };
  }

  get settings(): CohortSettings {
    const breakdown = this.breakdown;
    return {
      unit: this.unit,
      view: this.view,
      breakdown:
        breakdown.mode === 'filter'
          ? { category: breakdown.category, value: breakdown.value }
          : undefined,
    };
  }

  async refresh(): Promise<void> {
    this.computing = true;
    const compare = this.breakdown.mode === 'compare' ? this.breakdown.category : null;
    const answer = await this.#client.cohorts(this.settings, compare);
    if (!answer) return; // a newer request is on its way
    this.computing = false;
    this.report = answer.report;
    this.comparison = answer.comparison;
    this.cell = null;
  }

  set(change: Partial<Pick<CohortsView, 'unit' | 'view' | 'breakdown'>>): Promise<void> {
    if (change.unit) this.unit = change.unit;
    if (change.view) this.view = change.view;
    if (change.breakdown) this.breakdown = change.breakdown;
    this.#persist(this.views);
    return this.refresh();
  }

  /** Display-only choices: the matrix stays, only its reading changes. */
  show(change: Partial<Pick<CohortsView, 'measure' | 'relativeTo' | 'average'>>): void {
    if (change.measure) this.measure = change.measure;
    if (change.relativeTo) this.relativeTo = change.relativeTo;
    if (change.average) this.average = change.average;
    this.#persist(this.views);
  }

  async openCell(cohort: number, age: number): Promise<void> {
    const details = await this.#client.cohortCustomers(this.settings, cohort, age);
    this.cell = { cohort, age, details };
  }

  closeCell(): void {
    this.cell = null;
  }
}
