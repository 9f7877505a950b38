/**
 * Cohort matrices (METRICS.md §7): customers grouped by the period of their first purchase or
 * start, and per cohort c and age k the customers active in period c + k (classic), active then or
 * later (rolling), and the cohort's revenue then; with the average per age (pooled and simple),
 * the per-value curves of a breakdown, and the customers behind any cell.
 *
 * The result is a plain JSON-able object. Cells after the data's last day are absent (each row's
 * arrays stop at the period holding the last day); a cell whose period the data does not cover to
 * its last day is present but marked incomplete, and never averaged in (METRICS.md §2).
 * How customers are assigned and counted is documented in cohort-build.ts.
 */
import type { Dataset } from '../model/dataset.ts';
import { listPeriods, periodLabel, periodStart, type Period } from '../model/periods.ts';
import type { RefundsRule } from '../explain/explanation.ts';
import { buildCohorts, type CohortBuild } from './cohort-build.ts';
import type { CohortView } from './cohort-cells.ts';

export {
  cellShare,
  cohortShares,
  cumulativeRevenuePerCustomer,
  relativeToAge,
  relativeToPrevious,
  revenueShareOfFirst,
  wilson,
  type CohortRow,
  type CohortView,
  type Interval,
} from './cohort-cells.ts';

/** Period units a cohort can span (a day per cohort would make a matrix nobody can read). */
export type CohortUnit = 'week' | 'month' | 'quarter' | 'year';

export const cohortUnits: readonly CohortUnit[] = ['week', 'month', 'quarter', 'year'];

/** Cohorts by acquisition value: the category value of each customer's first purchase or start. */
export interface CohortBreakdown {
  /** Index into `dataset.categories`. */
  readonly category: number;
  /**
   * A value code: only customers acquired with this value. Without it, every cohort is split into
   * one cohort per (period, value) that has customers.
   */
  readonly value?: number;
}

export interface CohortSettings {
  readonly unit: CohortUnit;
  /** Which count the averages, breakdown curves and drill-down use; default 'classic'. */
  readonly view?: CohortView;
  readonly breakdown?: CohortBreakdown;
  /** Refund rows are never activity; 'include' (default) lets their amounts reduce revenue. */
  readonly refunds?: RefundsRule;
}

/** One row of the matrix. Arrays are indexed by age k = 0, 1, … and all have the same length. */
export interface Cohort {
  /** The period's label: '2011-03', '2011-W09', '2011-Q1', '2011'. */
  readonly cohort: string;
  /** The period's integer key (periods.ts). */
  readonly key: number;
  /** Index of the cohort's period in `CohortReport.periods`; age k is periods[periodIndex + k]. */
  readonly periodIndex: number;
  /** The acquisition value of a split or filtered breakdown; null without a breakdown. */
  readonly segment: { readonly value: number; readonly label: string } | null;
  /** First and last epoch day of the cohort's period (inclusive). */
  readonly first: number;
  readonly last: number;
  /** Customers whose first purchase or start falls in the period. */
  readonly size: number;
  /** Customers who bought (orders) or were active at the period's end (subscriptions) at age k. */
  readonly active: number[];
  /** Customers active at age k or any later age. */
  readonly rolling: number[];
  /** The cohort's revenue at age k (see `CohortReport.revenueBasis`); null without amounts. */
  readonly revenue: number[] | null;
  /** Whether the data covers the period of age k to its last day. */
  readonly complete: boolean[];
}

/** The average of one age over the cohorts that fully observed it, with the n behind it. */
export interface AgeAverage {
  readonly age: number;
  /** Pooled: Σ count ÷ Σ size; simple: the mean of the cohorts' shares. Null when no cohort. */
  readonly share: number | null;
  /** Non-empty cohorts whose cell at this age is complete. */
  readonly cohorts: number;
  /** Σ size of those cohorts. */
  readonly customers: number;
  /** Σ active (classic) or Σ rolling (rolling) of those cohorts. */
  readonly count: number;
}

export interface CohortReport {
  readonly period: CohortUnit;
  readonly view: CohortView;
  readonly refunds: RefundsRule;
  /** The breakdown applied; null when none was asked or the category index does not exist. */
  readonly breakdown: {
    readonly category: number;
    readonly name: string;
    /** The filter value; null when the cohorts are split by value. */
    readonly value: number | null;
  } | null;
  /**
   * What `revenue` holds: 'period' = the amounts dated in the period (orders); 'recurring-at-end'
   * = the recurring amounts of the subscriptions active at the period's end; null = no amounts.
   */
  readonly revenueBasis: 'period' | 'recurring-at-end' | null;
  /** First and last day of the data (NO_DAY without dated rows). */
  readonly dataFirstDay: number;
  readonly dataLastDay: number;
  /** The columns: consecutive periods from the first cohort's to the one holding the last day. */
  readonly periods: readonly Period[];
  /** By period; within a period (split breakdown) by value code. */
  readonly cohorts: readonly Cohort[];
  /** Pooled average per age (the default bottom row): Σ count ÷ Σ size. */
  readonly averageByAge: readonly AgeAverage[];
  /** Simple mean of the cohort shares per age (Mixpanel's convention, offered as an option). */
  readonly simpleAverageByAge: readonly AgeAverage[];
}

interface Resolved {
  readonly view: CohortView;
  readonly refunds: RefundsRule;
  readonly category: number | null;
  readonly value: number | null;
}

function resolve(dataset: Dataset, settings: CohortSettings): Resolved {
  const breakdown = settings.breakdown;
  // A category index that does not exist is no breakdown (the report says so: breakdown null).
  const valid =
    breakdown !== undefined &&
    Number.isInteger(breakdown.category) &&
    breakdown.category >= 0 &&
    breakdown.category < dataset.categories.length;
  return {
    view: settings.view ?? 'classic',
    refunds: settings.refunds ?? 'include',
    category: valid ? breakdown.category : null,
    value: valid && breakdown.value !== undefined ? breakdown.value : null,
  };
}

/** The build of the settings; `revenue` false skips the revenue pass over the rows. */
function build(
  dataset: Dataset,
  settings: CohortSettings,
  resolved: Resolved,
  revenue = true,
): CohortBuild {
  return buildCohorts(dataset, {
    unit: settings.unit,
    refunds: resolved.refunds,
    category: resolved.category,
    value: resolved.value,
    revenue,
  });
}

function cohortsOf(dataset: Dataset, built: CohortBuild, category: number | null): Cohort[] {
  const { periodCount, unit, firstKey, dataLastDay } = built;
  const values = category === null ? null : dataset.categories[category].values;
  const periodLast = new Int32Array(periodCount);
  for (let p = 0; p < periodCount; p++) periodLast[p] = periodStart(firstKey + p + 1, unit) - 1;
  const cohorts: Cohort[] = [];
  for (let k = 0; k < built.size.length; k++) {
    const periodIndex = built.cohortPeriod[k];
    const key = firstKey + periodIndex;
    const ages = periodCount - periodIndex;
    const base = k * periodCount;
    const segment = built.cohortSegment[k];
    const revenue = built.revenue;
    cohorts.push({
      cohort: periodLabel(key, unit),
      key,
      periodIndex,
      segment: values === null ? null : { value: segment, label: values[segment] ?? '' },
      first: periodStart(key, unit),
      last: periodLast[periodIndex],
      size: built.size[k],
      active: Array.from(built.active.subarray(base, base + ages)),
      rolling: Array.from(built.rolling.subarray(base, base + ages)),
      revenue: revenue === null ? null : Array.from(revenue.subarray(base, base + ages)),
      complete: Array.from(
        { length: ages },
        (_, age) => periodLast[periodIndex + age] <= dataLastDay,
      ),
    });
  }
  return cohorts;
}

/**
 * Pooled and simple averages per age over the non-empty cohorts whose cell is complete.
 * Pooled = Σ count ÷ Σ size; simple = (Σ count_c ÷ size_c) ÷ cohorts.
 * @example cohorts 1000 → 500 and 500 → 400 at age 1: pooled 900 ÷ 1500 = 0.6, simple 0.65
 */
export function averageCohorts(
  cohorts: readonly Cohort[],
  view: CohortView = 'classic',
): { pooled: AgeAverage[]; simple: AgeAverage[] } {
  let length = 0;
  for (const c of cohorts) length = Math.max(length, c.active.length);
  const pooled: AgeAverage[] = [];
  const simple: AgeAverage[] = [];
  for (let age = 0; age < length; age++) {
    let n = 0;
    let customers = 0;
    let count = 0;
    let shares = 0;
    for (const c of cohorts) {
      if (c.size === 0 || age >= c.complete.length || !c.complete[age]) continue;
      const x = view === 'rolling' ? c.rolling[age] : c.active[age];
      n++;
      customers += c.size;
      count += x;
      shares += x / c.size;
    }
    pooled.push({ age, share: n === 0 ? null : count / customers, cohorts: n, customers, count });
    simple.push({ age, share: n === 0 ? null : shares / n, cohorts: n, customers, count });
  }
  return { pooled, simple };
}

/**
 * The cohort matrix of a dataset.
 * Cell (c, k): active = customers of cohort c who bought in period c + k (orders) or were active
 * at its last day (subscriptions); rolling = active in c + k or later; share = count ÷ size.
 * Two lists and data without dates give no cohorts.
 * @example cohortMatrix(orders, { unit: 'month' }).cohorts[0]
 *   → { cohort: '2011-03', size: 3, active: [3, 1, 2], rolling: [3, 2, 2], … }
 */
export function cohortMatrix(dataset: Dataset, settings: CohortSettings): CohortReport {
  const resolved = resolve(dataset, settings);
  const built = build(dataset, settings, resolved);
  const cohorts = cohortsOf(dataset, built, resolved.category);
  const { pooled, simple } = averageCohorts(cohorts, resolved.view);
  const hasPeriods = built.periodCount > 0;
  return {
    period: settings.unit,
    view: resolved.view,
    refunds: resolved.refunds,
    breakdown:
      resolved.category === null
        ? null
        : {
            category: resolved.category,
            name: dataset.categories[resolved.category].name,
            value: resolved.value,
          },
    revenueBasis:
      dataset.amount === null || dataset.kind === 'lists'
        ? null
        : dataset.kind === 'orders'
          ? 'period'
          : 'recurring-at-end',
    dataFirstDay: built.dataFirstDay,
    dataLastDay: built.dataLastDay,
    periods: hasPeriods
      ? listPeriods(
          periodStart(built.firstKey, settings.unit),
          built.dataLastDay,
          settings.unit,
          built.dataLastDay,
        )
      : [],
    cohorts,
    averageByAge: pooled,
    simpleAverageByAge: simple,
  };
}

/** One curve of a breakdown comparison: the average retention of one acquisition value. */
export interface BreakdownCurve {
  readonly value: number;
  readonly label: string;
  /** Customers acquired with this value (all cohorts, complete or not). */
  readonly customers: number;
  /** Pooled average per age over this value's cohorts that fully observed the age. */
  readonly averageByAge: readonly AgeAverage[];
}

export interface BreakdownComparison {
  readonly period: CohortUnit;
  readonly view: CohortView;
  readonly category: number;
  readonly name: string;
  /** One curve per value that acquired at least one customer; most customers first. */
  readonly curves: readonly BreakdownCurve[];
}

/**
 * One average retention curve per value of a category column (acquisition channel, country,
 * plan), so the curves can be drawn together: per value v and age k, Σ count ÷ Σ size over the
 * cohorts of v that fully observed age k. `settings.breakdown` is ignored; a category index that
 * does not exist gives null.
 * @example compareBreakdown(orders, { unit: 'month' }, 0).curves[0]
 *   → { value: 2, label: 'email', customers: 120, averageByAge: [{ age: 0, share: 1, … }, …] }
 */
export function compareBreakdown(
  dataset: Dataset,
  settings: CohortSettings,
  categoryIndex: number,
): BreakdownComparison | null {
  const resolved = resolve(dataset, { ...settings, breakdown: { category: categoryIndex } });
  if (resolved.category === null) return null;
  // The curves show shares only: no revenue pass over the rows.
  const built = build(dataset, settings, resolved, false);
  const cohorts = cohortsOf(dataset, built, resolved.category);
  const byValue = new Map<number, Cohort[]>();
  for (const c of cohorts) {
    const value = c.segment?.value ?? -1;
    const list = byValue.get(value);
    if (list === undefined) byValue.set(value, [c]);
    else list.push(c);
  }
  const values = dataset.categories[resolved.category].values;
  const curves: BreakdownCurve[] = [];
  for (const [value, list] of byValue) {
    curves.push({
      value,
      label: values[value] ?? '',
      customers: list.reduce((sum, c) => sum + c.size, 0),
      averageByAge: averageCohorts(list, resolved.view).pooled,
    });
  }
  curves.sort((a, b) => b.customers - a.customers || a.value - b.value);
  return {
    period: settings.unit,
    view: resolved.view,
    category: resolved.category,
    name: dataset.categories[resolved.category].name,
    curves,
  };
}

/**
 * The customers behind a cell, for drill-down lists: customer codes, ascending. Without an age,
 * every member of the cohort; with one, those counted in cell (cohort, age) under the view
 * (classic: active at that age; rolling: active at that age or later). A cohort or age the matrix
 * does not have gives [].
 * @example cohortCustomers(orders, { unit: 'month' }, 0, 1) → [0, 4] (customers 0 and 4)
 */
export function cohortCustomers(
  dataset: Dataset,
  settings: CohortSettings,
  cohortIndex: number,
  age?: number,
): number[] {
  const resolved = resolve(dataset, settings);
  const built = build(dataset, settings, resolved, false);
  const customers: number[] = [];
  if (!Number.isInteger(cohortIndex) || cohortIndex < 0 || cohortIndex >= built.size.length) {
    return customers;
  }
  const ages = built.periodCount - built.cohortPeriod[cohortIndex];
  if (age !== undefined && !(Number.isInteger(age) && age >= 0 && age < ages)) return customers;
  const { customerCohort, bits, words, lastAge } = built;
  for (let c = 0; c < customerCohort.length; c++) {
    if (customerCohort[c] !== cohortIndex) continue;
    if (age === undefined) customers.push(c);
    else if (resolved.view === 'rolling') {
      if (lastAge[c] >= age) customers.push(c);
    } else if ((bits[c * words + (age >>> 5)] & (1 << (age & 31))) !== 0) customers.push(c);
  }
  return customers;
}
