/**
 * The open analysis: the settings the user chose (period unit, custom range, activity window,
 * refunds rule), the report the engine computed for them, the selected period, and the worked
 * example and customer list that are open. The report lives in the worker's answer only; nothing
 * here recomputes a number.
 */
import type { AnalysisSettings, CustomerDetail, Report } from '../core/analyze.ts';
import type { Explanation, MetricId, RefundsRule } from '../core/explain/index.ts';
import type { InputKind } from '../core/model/dataset.ts';
import type { DayRange, PeriodUnit } from '../core/model/periods.ts';
import type { EngineClient } from '../io/engine-client.ts';
import type { SessionSettings } from '../io/session-store.ts';

export type UnitChoice = PeriodUnit | 'custom';

export interface CustomerList {
  /** The term whose customers these are (S, E, N, lost, …). */
  readonly symbol: string;
  readonly details: readonly CustomerDetail[];
}

export class AnalysisView {
  readonly kind: InputKind;
  readonly hasAmounts: boolean;
  readonly #client: EngineClient;
  unit = $state<UnitChoice>('month');
  range = $state.raw<DayRange | null>(null);
  windowDays = $state(365);
  refunds = $state<RefundsRule>('include');
  report = $state.raw<Report | null>(null);
  /** Index of the selected period in `report.periods`. */
  selected = $state(0);
  computing = $state(false);
  explanation = $state.raw<Explanation | null>(null);
  customerList = $state.raw<CustomerList | null>(null);

  /** Called with the settings after each change, to keep them in the saved session. */
  readonly #persist: (settings: SessionSettings) => void;

  constructor(
    client: EngineClient,
    kind: InputKind,
    hasAmounts: boolean,
    saved: SessionSettings | null = null,
    persist: (settings: SessionSettings) => void = () => {},
  ) {
    this.#client = client;
    this.kind = kind;
    this.hasAmounts = hasAmounts;
    this.#persist = persist;
    if (saved) {
      this.unit = saved.unit;
      this.range = saved.range;
      this.windowDays = saved.windowDays;
      this.refunds = saved.refunds;
    }
    if (kind === 'lists') this.unit = 'custom';
  }

  /** The settings as a session stores them. */
  get sessionSettings(): SessionSettings {
    return {
      unit: this.unit,
      range: this.range,
      windowDays: this.windowDays,
      refunds: this.refunds,
    };
  }

  /** Revenue retention and lifetime value are computed once the revenue tab has been shown. */
  withRevenue = $state(false);

  get settings(): AnalysisSettings {
    return {
      unit: this.unit,
      range: this.range ?? undefined,
      windowDays: this.windowDays,
      refunds: this.refunds,
      revenue: this.withRevenue,
    };
  }

  /** Asks for the revenue numbers from now on (the revenue tab is open). */
  async includeRevenue(): Promise<void> {
    if (this.withRevenue) return;
    this.withRevenue = true;
    await this.refresh();
  }

  /** Asks the engine for the report of the current settings. */
  async refresh(): Promise<void> {
    this.computing = true;
    const previousLabel = this.report?.periods[this.selected]?.period;
    const report = await this.#client.analyze(this.settings);
    if (!report) return; // a newer request is on its way
    this.computing = false;
    this.report = report;
    this.explanation = null;
    this.customerList = null;
    const same = report.periods.findIndex((period) => period.period === previousLabel);
    this.selected = same >= 0 ? same : defaultPeriod(report);
  }

  setUnit(unit: UnitChoice, range: DayRange | null = null): Promise<void> {
    this.unit = unit;
    this.range = unit === 'custom' ? range : null;
    return this.#changed();
  }

  setWindow(days: number): Promise<void> {
    if (!Number.isFinite(days) || days < 1) return Promise.resolve();
    this.windowDays = Math.round(days);
    return this.#changed();
  }

  setRefunds(rule: RefundsRule): Promise<void> {
    this.refunds = rule;
    return this.#changed();
  }

  #changed(): Promise<void> {
    this.#persist(this.sessionSettings);
    return this.refresh();
  }

  select(index: number): void {
    this.selected = index;
    this.explanation = null;
    this.customerList = null;
  }

  /** A worked example for the selected period without opening it (for the printed report). */
  fetchExplanation(metric: MetricId): Promise<Explanation | null> {
    return this.#client.explain(metric, this.selected);
  }

  async explain(metric: MetricId): Promise<void> {
    this.customerList = null;
    this.explanation = await this.#client.explain(metric, this.selected);
  }

  async showCustomers(symbol: string): Promise<void> {
    const codes = this.explanation?.terms[symbol]?.customers;
    if (!codes) return;
    this.customerList = { symbol, details: await this.#client.details(codes) };
  }

  closeExplanation(): void {
    this.explanation = null;
    this.customerList = null;
  }
}

/** The last complete period, so the first numbers shown are never those of a half month. */
function defaultPeriod(report: Report): number {
  for (let index = report.periods.length - 1; index >= 0; index -= 1) {
    if (report.periods[index].complete) return index;
  }
  return Math.max(report.periods.length - 1, 0);
}
