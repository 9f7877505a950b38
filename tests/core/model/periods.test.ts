import { describe, expect, it } from 'vitest';
import { epochDay } from '../../../src/lib/core/model/days.ts';
import {
  customPeriod,
  isoWeek,
  listPeriods,
  periodEnd,
  periodLabel,
  periodOf,
  periodStart,
  periodUnits,
} from '../../../src/lib/core/model/periods.ts';

const d = (y: number, m: number, day: number) => epochDay(y, m, day);

/** ISO week label by the textbook Date algorithm (move to the week's Thursday). */
function isoWeekByDate(epoch: number): string {
  const date = new Date(epoch * 86_400_000);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

describe('period keys', () => {
  it('uses year × 12 + month − 1 for months and year × 4 + quarter − 1 for quarters', () => {
    expect(periodOf(d(2011, 3, 5), 'month')).toBe(2011 * 12 + 2);
    expect(periodOf(d(2011, 3, 5), 'quarter')).toBe(2011 * 4);
    expect(periodOf(d(2011, 12, 31), 'quarter')).toBe(2011 * 4 + 3);
    expect(periodOf(d(2011, 3, 5), 'year')).toBe(2011);
    expect(periodOf(d(2011, 3, 5), 'day')).toBe(d(2011, 3, 5));
  });

  it('starts ISO weeks on Monday', () => {
    // 2021-01-03 is a Sunday, 2021-01-04 a Monday.
    expect(periodStart(periodOf(d(2021, 1, 3), 'week'), 'week')).toBe(d(2020, 12, 28));
    expect(periodEnd(periodOf(d(2021, 1, 3), 'week'), 'week')).toBe(d(2021, 1, 3));
    expect(periodStart(periodOf(d(2021, 1, 4), 'week'), 'week')).toBe(d(2021, 1, 4));
    expect(periodOf(d(1970, 1, 1), 'week')).toBe(0);
    expect(periodStart(0, 'week')).toBe(-3); // Monday 1969-12-29
  });

  it('ends February on the 29th in leap years only', () => {
    expect(periodEnd(2024 * 12 + 1, 'month')).toBe(d(2024, 2, 29));
    expect(periodEnd(2023 * 12 + 1, 'month')).toBe(d(2023, 2, 28));
    expect(periodEnd(1900 * 12 + 1, 'month')).toBe(d(1900, 2, 28));
    expect(periodEnd(2000 * 12 + 1, 'month')).toBe(d(2000, 2, 29));
    expect(periodOf(d(2024, 2, 29), 'month')).toBe(2024 * 12 + 1);
    expect(periodLabel(periodOf(d(2024, 2, 29), 'day'), 'day')).toBe('2024-02-29');
    expect(periodLabel(periodOf(d(2024, 2, 29), 'week'), 'week')).toBe('2024-W09');
    expect(periodEnd(2024, 'year') - periodStart(2024, 'year') + 1).toBe(366);
    expect(periodEnd(2024 * 4, 'quarter') - periodStart(2024 * 4, 'quarter') + 1).toBe(91);
    expect(periodEnd(2023 * 4, 'quarter') - periodStart(2023 * 4, 'quarter') + 1).toBe(90);
  });

  it('keeps days before 1970 in the right period', () => {
    expect(periodOf(d(1969, 12, 31), 'month')).toBe(1969 * 12 + 11);
    expect(periodStart(1969 * 12 + 11, 'month')).toBe(-31);
    expect(periodLabel(1969 * 12 + 11, 'month')).toBe('1969-12');
    expect(periodLabel(periodOf(-1, 'week'), 'week')).toBe('1970-W01');
  });

  it('gives every day a period that contains it, for every unit (1999–2031)', () => {
    for (const unit of periodUnits) {
      for (let day = d(1999, 1, 1); day <= d(2031, 12, 31); day += 3) {
        const key = periodOf(day, unit);
        expect(periodStart(key, unit) <= day && day <= periodEnd(key, unit)).toBe(true);
        expect(periodStart(key + 1, unit)).toBe(periodEnd(key, unit) + 1);
      }
    }
  });
});

describe('period labels', () => {
  it('writes ISO notations', () => {
    expect(periodLabel(2011 * 12 + 2, 'month')).toBe('2011-03');
    expect(periodLabel(2011 * 4, 'quarter')).toBe('2011-Q1');
    expect(periodLabel(2011, 'year')).toBe('2011');
    expect(periodLabel(d(2011, 3, 5), 'day')).toBe('2011-03-05');
    expect(periodLabel(periodOf(d(2011, 3, 5), 'week'), 'week')).toBe('2011-W09');
  });

  it('uses the ISO week-numbering year across year boundaries', () => {
    expect(periodLabel(periodOf(d(2021, 1, 3), 'week'), 'week')).toBe('2020-W53');
    expect(periodLabel(periodOf(d(2020, 12, 31), 'week'), 'week')).toBe('2020-W53');
    expect(periodLabel(periodOf(d(2021, 1, 4), 'week'), 'week')).toBe('2021-W01');
    expect(periodLabel(periodOf(d(2019, 12, 30), 'week'), 'week')).toBe('2020-W01');
    expect(periodLabel(periodOf(d(2016, 1, 1), 'week'), 'week')).toBe('2015-W53');
    expect(isoWeek(d(2021, 1, 3))).toEqual({ year: 2020, week: 53 });
  });

  it('agrees with the textbook Date computation of ISO weeks on every day 2000–2030', () => {
    for (let day = d(2000, 1, 1); day <= d(2030, 12, 31); day++) {
      const label = periodLabel(periodOf(day, 'week'), 'week');
      if (label !== isoWeekByDate(day)) expect(label).toBe(isoWeekByDate(day));
    }
    expect(periodLabel(periodOf(d(2030, 12, 31), 'week'), 'week')).toBe(
      isoWeekByDate(d(2030, 12, 31)),
    );
  });
});

describe('listPeriods', () => {
  it('lists the months of the data and marks only an uncovered last one incomplete', () => {
    const periods = listPeriods(d(2011, 1, 15), d(2011, 3, 10), 'month');
    expect(periods.map((p) => p.label)).toEqual(['2011-01', '2011-02', '2011-03']);
    expect(periods.map((p) => p.complete)).toEqual([true, true, false]);
    expect(periods[1]).toEqual({
      unit: 'month',
      key: 2011 * 12 + 1,
      label: '2011-02',
      first: d(2011, 2, 1),
      last: d(2011, 2, 28),
      complete: true,
    });
  });

  it('counts a period complete when the data ends exactly on its last day', () => {
    const periods = listPeriods(d(2024, 2, 1), d(2024, 2, 29), 'month');
    expect(periods.map((p) => [p.label, p.complete])).toEqual([['2024-02', true]]);
  });

  it('lists the ISO weeks across a year boundary', () => {
    const periods = listPeriods(d(2020, 12, 20), d(2021, 1, 12), 'week');
    expect(periods.map((p) => p.label)).toEqual([
      '2020-W51',
      '2020-W52',
      '2020-W53',
      '2021-W01',
      '2021-W02',
    ]);
    expect(periods.at(-1)?.complete).toBe(false);
  });

  it('returns nothing for an empty range and one period for a custom range', () => {
    expect(listPeriods(10, 9, 'day')).toEqual([]);
    expect(customPeriod({ from: d(2011, 3, 5), to: d(2011, 4, 10) }, d(2011, 4, 9))).toEqual({
      unit: 'custom',
      key: 0,
      label: '2011-03-05/2011-04-10',
      first: d(2011, 3, 5),
      last: d(2011, 4, 10),
      complete: false,
    });
  });
});
