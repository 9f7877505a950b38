/**
 * Calendar periods as integer keys (METRICS.md §2). Every unit maps an epoch day to one integer key
 * so that periods sort, compare and index arrays without any Date object:
 *
 * - day: the epoch day itself
 * - week: ISO week (Monday–Sunday): floor((day + 3) / 7), i.e. weeks counted from Monday 1969-12-29
 * - month: year × 12 + (month − 1)
 * - quarter: year × 4 + (quarter − 1)
 * - year: the year
 *
 * A custom range is a single period from `from` to `to` (both inclusive).
 */
import { civilDate, epochDay, isoDate } from './days.ts';

export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export const periodUnits: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

/** A closed range of epoch days, both ends inclusive. */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

/**
 * One period of a report. `first` and `last` are inclusive epoch days. `unit` is 'custom' for a
 * user-chosen range and 'lists' for the single start-list → end-list comparison (whose days are
 * not calendar days, so its label is empty and the UI names it).
 */
export interface Period {
  readonly unit: PeriodUnit | 'custom' | 'lists';
  readonly key: number;
  readonly label: string;
  readonly first: number;
  readonly last: number;
  /** True when the data covers the period to its last day (METRICS.md §2). */
  readonly complete: boolean;
}

/** Epoch day of Monday 1969-12-29, the first day of ISO-week key 0. */
const WEEK_ZERO_MONDAY = -3;

/**
 * Integer key of the period containing an epoch day.
 * @example periodOf(epochDay(2011, 3, 5), 'month') === 2011 * 12 + 2
 */
export function periodOf(day: number, unit: PeriodUnit): number {
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      return Math.floor((day - WEEK_ZERO_MONDAY) / 7);
    case 'month': {
      const { year, month } = civilDate(day);
      return year * 12 + month - 1;
    }
    case 'quarter': {
      const { year, month } = civilDate(day);
      return year * 4 + Math.floor((month - 1) / 3);
    }
    case 'year':
      return civilDate(day).year;
  }
}

/**
 * First epoch day of a period.
 * @example periodStart(2011 * 4 + 0, 'quarter') === epochDay(2011, 1, 1)
 */
export function periodStart(key: number, unit: PeriodUnit): number {
  switch (unit) {
    case 'day':
      return key;
    case 'week':
      return key * 7 + WEEK_ZERO_MONDAY;
    case 'month':
      return epochDay(Math.floor(key / 12), (((key % 12) + 12) % 12) + 1, 1);
    case 'quarter':
      return epochDay(Math.floor(key / 4), (((key % 4) + 4) % 4) * 3 + 1, 1);
    case 'year':
      return epochDay(key, 1, 1);
  }
}

/**
 * Last epoch day of a period (inclusive): the day before the next period starts.
 * @example periodEnd(2024 * 12 + 1, 'month') === epochDay(2024, 2, 29)
 */
export function periodEnd(key: number, unit: PeriodUnit): number {
  return periodStart(key + 1, unit) - 1;
}

/**
 * ISO 8601 week-numbering year and week of an epoch day: the week belongs to the year of its
 * Thursday, so 2021-01-03 (a Sunday) is in 2020-W53 and 2019-12-30 is in 2020-W01.
 * @example isoWeek(epochDay(2021, 1, 3)) → { year: 2020, week: 53 }
 */
export function isoWeek(day: number): { year: number; week: number } {
  const monday = periodStart(periodOf(day, 'week'), 'week');
  const thursday = monday + 3;
  const year = civilDate(thursday).year;
  return { year, week: Math.floor((thursday - epochDay(year, 1, 1)) / 7) + 1 };
}

/**
 * Label of a period as shown in tables and exports (not translated: these are ISO notations).
 * @example periodLabel(periodOf(epochDay(2021, 1, 3), 'week'), 'week') === '2020-W53'
 * @example periodLabel(2011 * 12 + 2, 'month') === '2011-03'; quarter → '2011-Q1'; year → '2011'
 */
export function periodLabel(key: number, unit: PeriodUnit): string {
  switch (unit) {
    case 'day':
      return isoDate(key);
    case 'week': {
      const { year, week } = isoWeek(periodStart(key, 'week'));
      return `${pad(year, 4)}-W${pad(week, 2)}`;
    }
    case 'month':
      return `${pad(Math.floor(key / 12), 4)}-${pad((((key % 12) + 12) % 12) + 1, 2)}`;
    case 'quarter':
      return `${pad(Math.floor(key / 4), 4)}-Q${(((key % 4) + 4) % 4) + 1}`;
    case 'year':
      return pad(key, 4);
  }
}

/** Label of a custom range in ISO 8601 interval notation. @example '2011-03-05/2011-04-10' */
export function rangeLabel(range: DayRange): string {
  return `${isoDate(range.from)}/${isoDate(range.to)}`;
}

/**
 * The consecutive periods from the one containing `firstDay` to the one containing `lastDay`.
 * Only a period ending after `dataLastDay` is incomplete: a period the data starts inside of is
 * still complete, because retention looks at its end (and S is measured at its start, where the
 * data simply has no customers yet).
 * @example listPeriods(epochDay(2011,1,15), epochDay(2011,3,10), 'month', epochDay(2011,3,10))
 *   → labels 2011-01, 2011-02, 2011-03; only 2011-03 incomplete
 */
export function listPeriods(
  firstDay: number,
  lastDay: number,
  unit: PeriodUnit,
  dataLastDay: number = lastDay,
): Period[] {
  const periods: Period[] = [];
  if (lastDay < firstDay) return periods;
  const lastKey = periodOf(lastDay, unit);
  for (let key = periodOf(firstDay, unit); key <= lastKey; key++) {
    const last = periodEnd(key, unit);
    periods.push({
      unit,
      key,
      label: periodLabel(key, unit),
      first: periodStart(key, unit),
      last,
      complete: last <= dataLastDay,
    });
  }
  return periods;
}

/**
 * The single period of a custom range.
 * @example customPeriod({ from: 15034, to: 15064 }, 15100).complete === true
 */
export function customPeriod(range: DayRange, dataLastDay: number): Period {
  return {
    unit: 'custom',
    key: 0,
    label: rangeLabel(range),
    first: range.from,
    last: range.to,
    complete: range.to <= dataLastDay,
  };
}

function pad(value: number, width: number): string {
  return value < 0 ? '-' + String(-value).padStart(width, '0') : String(value).padStart(width, '0');
}
