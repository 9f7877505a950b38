/**
 * Everything a metric needs, built once per (dataset, settings): the activity index, the periods
 * and their boundaries. Metrics are functions of (context, period index).
 */
import type { Dataset } from '../model/dataset.ts';
import { NO_DAY } from '../model/days.ts';
import {
  customPeriod,
  listPeriods,
  type DayRange,
  type Period,
  type PeriodUnit,
} from '../model/periods.ts';
import type { Definitions, RefundsRule } from '../explain/explanation.ts';
import {
  buildActivityIndex,
  DEFAULT_WINDOW_DAYS,
  LIST_END_DAY,
  type ActivityIndex,
} from './activity.ts';

export interface AnalysisSettings {
  /** Period unit, or 'custom' for one period given by `range`. */
  readonly unit: PeriodUnit | 'custom';
  /**
   * With 'custom': the one period. With a calendar unit: only the periods overlapping this range
   * are reported (whole calendar periods, not clipped). Epoch days, inclusive.
   */
  readonly range?: DayRange;
  /** Activity window W for orders, in days (default 365). */
  readonly windowDays?: number;
  /** Refund rows: 'include' (their negative amounts reduce revenue, default) or 'ignore'. */
  readonly refunds?: RefundsRule;
  /**
   * Gross margin 0–1 for the subscriptions' lifetime value (METRICS.md §9: a user input, default
   * 1 = 100 %). Out of range is clamped; a missing or non-finite value gives 1.
   */
  readonly margin?: number;
  /**
   * Compute revenue retention and lifetime value too (default true). The app leaves them out
   * until the revenue tab is shown, so changing the period stays quick on a million rows.
   */
  readonly revenue?: boolean;
}

export interface ResolvedSettings {
  readonly unit: PeriodUnit | 'custom';
  readonly range: DayRange | null;
  readonly windowDays: number;
  readonly refunds: RefundsRule;
  /** Gross margin as used, 0–1 (see `normalizeMargin`). */
  readonly margin: number;
}

export interface MetricContext {
  readonly dataset: Dataset;
  readonly settings: ResolvedSettings;
  readonly activity: ActivityIndex;
  /** Consecutive periods (each starts the day after the previous one ends). */
  readonly periods: readonly Period[];
  /**
   * The measuring moments: boundaries[p] = t0 of period p (the day before its first day) and
   * boundaries[p + 1] = t1 of period p (its last day). Consecutive periods share a moment, so the
   * end count E of one period is the start count S of the next.
   */
  readonly boundaries: Int32Array;
}

export function resolveSettings(settings: AnalysisSettings): ResolvedSettings {
  return {
    unit: settings.unit,
    range: settings.range ?? null,
    windowDays: normalizeWindow(settings.windowDays),
    refunds: settings.refunds ?? 'include',
    margin: normalizeMargin(settings.margin),
  };
}

/**
 * The margin as used: clamped to 0–1; a missing or non-finite margin is 1 (= 100 %).
 * @example normalizeMargin(0.8) === 0.8; normalizeMargin(1.5) === 1; normalizeMargin(NaN) === 1
 */
export function normalizeMargin(margin: number | undefined): number {
  if (margin === undefined || !Number.isFinite(margin)) return 1;
  return Math.min(1, Math.max(0, margin));
}

/**
 * W as used: whole days from 1 to 1,000,000; a missing or non-finite value gives the default 365.
 * @example normalizeWindow(30.7) === 30; normalizeWindow(0) === 1; normalizeWindow(NaN) === 365
 */
export function normalizeWindow(windowDays: number | undefined): number {
  if (windowDays === undefined || !Number.isFinite(windowDays)) return DEFAULT_WINDOW_DAYS;
  return Math.max(1, Math.min(Math.floor(windowDays), 1_000_000));
}

/**
 * The activity index depends on the dataset, W and the refunds rule, not on the period unit:
 * changing the period reuses it instead of sorting a million rows again. Datasets are never
 * changed after import, so the index stays valid; a few recent ones are kept per dataset.
 */
const activityCache = new WeakMap<Dataset, Map<string, ActivityIndex>>();
const activityCacheSize = 3;

function activityIndex(dataset: Dataset, windowDays: number, refunds: RefundsRule): ActivityIndex {
  let cache = activityCache.get(dataset);
  if (!cache) {
    cache = new Map();
    activityCache.set(dataset, cache);
  }
  const key = `${windowDays}|${refunds}`;
  let index = cache.get(key);
  if (!index) {
    index = buildActivityIndex(dataset, windowDays, refunds);
    if (cache.size >= activityCacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(key, index);
  }
  return index;
}

/**
 * An activity index of the dataset for what W and the refunds rule leave alone (each customer's
 * first day and purchase days): a cached one when there is one, else the default one. So the
 * cohort matrices reuse the index the report built instead of grouping the rows once more.
 */
export function anyActivityIndex(dataset: Dataset): ActivityIndex {
  const cached = activityCache.get(dataset);
  if (cached !== undefined) for (const index of cached.values()) return index;
  return activityIndex(dataset, DEFAULT_WINDOW_DAYS, 'include');
}

/**
 * Builds the context. Periods: two lists give the single symbolic period (0, 1]; otherwise the
 * periods from the first to the last day of the data (or overlapping `range`); 'custom' without a
 * range falls back to the whole data range as one period. No dated rows → no periods.
 * @example createContext(orders, { unit: 'month' }).periods.map((p) => p.label)
 */
export function createContext(dataset: Dataset, settings: AnalysisSettings): MetricContext {
  const resolved = resolveSettings(settings);
  const activity = activityIndex(dataset, resolved.windowDays, resolved.refunds);
  let periods: Period[];
  if (dataset.kind === 'lists') {
    periods = [
      {
        unit: 'lists',
        key: 0,
        label: '',
        first: LIST_END_DAY,
        last: LIST_END_DAY,
        complete: true,
      },
    ];
  } else if (resolved.unit === 'custom') {
    const range =
      resolved.range ??
      (activity.dataFirstDay === NO_DAY
        ? null
        : { from: activity.dataFirstDay, to: activity.dataLastDay });
    // A range ending before it starts is no period at all (not an error: the UI prevents it).
    periods =
      range === null || range.to < range.from ? [] : [customPeriod(range, activity.dataLastDay)];
  } else if (activity.dataFirstDay === NO_DAY) {
    periods = [];
  } else {
    const from = resolved.range?.from ?? activity.dataFirstDay;
    const to = resolved.range?.to ?? activity.dataLastDay;
    periods = listPeriods(from, to, resolved.unit, activity.dataLastDay);
  }
  const boundaries = new Int32Array(periods.length + 1);
  if (periods.length > 0) boundaries[0] = periods[0].first - 1;
  for (let p = 0; p < periods.length; p++) boundaries[p + 1] = periods[p].last;
  return { dataset, settings: resolved, activity, periods, boundaries };
}

/** The definitions in force for an explanation of period p. */
export function definitionsFor(context: MetricContext, p: number | null): Definitions {
  const period = p === null ? null : context.periods[p];
  return {
    inputKind: context.dataset.kind,
    period:
      period === undefined || period === null
        ? null
        : { ...period, t0: period.first - 1, t1: period.last },
    windowDays: context.activity.windowDays,
    refunds: context.dataset.kind === 'orders' ? context.settings.refunds : null,
  };
}

/**
 * Index of the period containing day d: p with boundaries[p] < d ≤ boundaries[p + 1];
 * −1 before the first period, periods.length after the last.
 */
export function periodIndexOf(boundaries: Int32Array, d: number): number {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Beyond this many days between the first and last moment, `PeriodIndexer` binary-searches. */
const MAX_LOOKUP_SPAN = 200_000;

/**
 * `periodIndexOf` for many days at once: a table over the days between the first and the last
 * moment, so a sweep over a million rows or purchase days does one array read per day instead of
 * a binary search. Same answers, days outside the table included. A class rather than a closure:
 * V8 inlines `of` into the hot loops, which it does not do for a closure passed around.
 * @example new PeriodIndexer(boundaries).of(d) === periodIndexOf(boundaries, d)
 */
export class PeriodIndexer {
  readonly #boundaries: Int32Array;
  readonly #periodCount: number;
  readonly #low: number;
  readonly #high: number;
  /** table[d − low − 1] = p with boundaries[p] < d ≤ boundaries[p + 1], for low < d ≤ high. */
  readonly #table: Int32Array | null;

  constructor(boundaries: Int32Array) {
    this.#boundaries = boundaries;
    this.#periodCount = boundaries.length - 1;
    this.#low = boundaries[0];
    this.#high = boundaries[this.#periodCount];
    const span = this.#high - this.#low;
    if (this.#periodCount <= 0 || span > MAX_LOOKUP_SPAN) {
      this.#table = null;
      return;
    }
    const table = new Int32Array(span);
    let p = 0;
    for (let i = 0; i < span; i++) {
      while (boundaries[p + 1] < this.#low + 1 + i) p++;
      table[i] = p;
    }
    this.#table = table;
  }

  /** The index of the period containing day d, as `periodIndexOf`. */
  of(d: number): number {
    if (this.#table === null) return periodIndexOf(this.#boundaries, d);
    if (d <= this.#low) return -1;
    if (d > this.#high) return this.#periodCount;
    return this.#table[d - this.#low - 1];
  }
}
