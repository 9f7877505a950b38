/**
 * The engine on real data against a slow, obviously-correct reading of the definitions written
 * here with JS Dates and ISO date strings (no engine code is used for the expected numbers).
 */
import { describe, expect, it } from 'vitest';
import { analyze, type Report } from '../../../src/lib/core/analyze.ts';
import { loadCdnow, loadOnlineRetail, type RawOrder } from './load-real-data.ts';

const DAY_MS = 86_400_000;
const W = 365;

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (isoDate: string, days: number) =>
  iso(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS));

interface Expected {
  month: string;
  S: number;
  E: number;
  N: number;
  repeatRate: number | null;
  revenue: number;
}

/** Everything by definition, over plain arrays of date strings. */
function reference(rows: readonly RawOrder[]) {
  const isRefund = (r: RawOrder) => r.cancelled || r.amount < 0;
  const purchaseDates = new Map<string, string[]>();
  const orderDates = new Map<string, Map<string, string>>(); // customer → order → first date
  let first = '9999-12-31';
  let last = '0000-01-01';
  for (const r of rows) {
    if (r.date < first) first = r.date;
    if (r.date > last) last = r.date;
    if (isRefund(r)) continue;
    const dates = purchaseDates.get(r.customer) ?? [];
    dates.push(r.date);
    purchaseDates.set(r.customer, dates);
    // A purchase is an order; without order numbers, a customer's day.
    const key = r.order ?? r.date;
    const orders = orderDates.get(r.customer) ?? new Map<string, string>();
    const seen = orders.get(key);
    if (seen === undefined || r.date < seen) orders.set(key, r.date);
    orderDates.set(r.customer, orders);
  }
  for (const dates of purchaseDates.values()) dates.sort();

  const activeAt = (dates: string[], t: string) => {
    const after = addDays(t, -W); // bought in (t − W, t]
    return dates.some((d) => d > after && d <= t);
  };

  const months: Expected[] = [];
  const start = new Date(`${first.slice(0, 7)}-01T00:00:00Z`);
  for (let m = new Date(start); iso(m) <= last; m.setUTCMonth(m.getUTCMonth() + 1)) {
    const monthFirst = iso(m);
    const t0 = addDays(monthFirst, -1);
    const t1 = iso(new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 0)));
    let S = 0;
    let E = 0;
    let N = 0;
    let before = 0;
    let again = 0;
    for (const dates of purchaseDates.values()) {
      if (activeAt(dates, t0)) S++;
      if (activeAt(dates, t1)) E++;
      if (dates[0] > t0 && dates[0] <= t1) N++;
      if (dates[0] <= t0) {
        before++;
        if (dates.some((d) => d >= monthFirst && d <= t1)) again++;
      }
    }
    let revenue = 0;
    for (const r of rows) if (r.date >= monthFirst && r.date <= t1) revenue += r.amount;
    months.push({
      month: monthFirst.slice(0, 7),
      S,
      E,
      N,
      repeatRate: before === 0 ? null : again / before,
      revenue,
    });
  }

  const customers = [...orderDates.values()];
  const twoOrMore = customers.filter((o) => o.size >= 2).length / customers.length;
  const within = (days: number) => {
    let observed = 0;
    let repeated = 0;
    for (const orders of customers) {
      const dates = [...orders.values()].sort();
      if (addDays(dates[0], days) > last) continue;
      observed++;
      if (dates.length >= 2 && dates[1] <= addDays(dates[0], days)) repeated++;
    }
    return observed === 0 ? null : repeated / observed;
  };
  return {
    months,
    customers: customers.length,
    repeat: { twoOrMore, within30: within(30), within90: within(90), within365: within(365) },
  };
}

function compare(report: Report, expected: ReturnType<typeof reference>): void {
  expect(report.periods.map((p) => p.period)).toEqual(expected.months.map((m) => m.month));
  expect(report.periods.map((p) => [p.period, p.S, p.E, p.N])).toEqual(
    expected.months.map((m) => [m.month, m.S, m.E, m.N]),
  );
  report.periods.forEach((p, i) => {
    const m = expected.months[i];
    if (m.repeatRate === null) expect(p.repeatRate).toBeNull();
    else expect(p.repeatRate).toBeCloseTo(m.repeatRate, 12);
    expect(p.revenue).toBeCloseTo(m.revenue, 6);
  });
  expect(report.customerCount).toBe(expected.customers);
  expect(report.repeat.twoOrMore).toBeCloseTo(expected.repeat.twoOrMore, 12);
  for (const key of ['within30', 'within90', 'within365'] as const) {
    const value = expected.repeat[key];
    if (value === null) expect(report.repeat[key]).toBeNull();
    else expect(report.repeat[key]).toBeCloseTo(value, 12);
  }
}

describe('CDNOW sample (orders without order numbers)', () => {
  const { rows, dataset } = loadCdnow();
  const report = analyze(dataset, { unit: 'month', windowDays: W });

  it('loads every row and customer', () => {
    expect(rows.length).toBe(6919);
    expect(dataset.customerKeys.length).toBe(2357);
  });

  it('matches the reference computation month by month', () => {
    compare(report, reference(rows));
  });

  it('has the shape the file is known for', () => {
    expect(report.periods).toHaveLength(18);
    expect(report.periods[0]).toMatchObject({ period: '1997-01', S: 0 });
    // Every customer made a first purchase in the first quarter of 1997.
    expect(report.periods.slice(0, 3).reduce((sum, p) => sum + p.N, 0)).toBe(2357);
    expect(report.periods.slice(3).every((p) => p.N === 0)).toBe(true);
    expect(report.periods.every((p) => p.complete)).toBe(true); // data ends 1998-06-30
  });
});

describe('Online Retail sample (invoices, cancellations, missing customer ids)', () => {
  const { rows, dataset, skipped } = loadOnlineRetail();
  const report = analyze(dataset, { unit: 'month', windowDays: W });

  it('loads the rows that have a customer id', () => {
    expect(skipped).toBe(11430);
    expect(rows.length).toBe(47808 - 11430);
    expect(dataset.customerKeys.length).toBe(445);
  });

  it('matches the reference computation month by month', () => {
    compare(report, reference(rows));
  });

  it('marks December 2011 incomplete (the data ends on the 9th)', () => {
    expect(report.periods.map((p) => p.period)[0]).toBe('2010-12');
    expect(report.periods.at(-1)).toMatchObject({ period: '2011-12', complete: false });
    expect(report.periods.filter((p) => !p.complete)).toHaveLength(1);
  });

  it('lowers revenue by cancellations only when refunds are included', () => {
    const ignored = analyze(dataset, { unit: 'month', refunds: 'ignore' });
    const cancelledTotal = rows.filter((r) => r.amount < 0).reduce((s, r) => s + r.amount, 0);
    const total = (r: Report) => r.periods.reduce((s, p) => s + (p.revenue ?? 0), 0);
    expect(cancelledTotal).toBeLessThan(0);
    expect(total(report) - total(ignored)).toBeCloseTo(cancelledTotal, 4);
    expect(ignored.periods.map((p) => p.S)).toEqual(report.periods.map((p) => p.S));
  });
});
