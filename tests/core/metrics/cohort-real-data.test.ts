/**
 * The monthly cohort matrix of the Online Retail sample, read by the app's own pipeline
 * (readFile → detect → ingest), against a slow reading of the raw CSV written here: a Map from
 * CustomerID to the Set of 'YYYY-MM' months in which the customer bought. No engine code is used
 * for the expected numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect } from '../../../src/lib/core/ingest/detect.ts';
import { ingest } from '../../../src/lib/core/ingest/ingest.ts';
import { cohortCustomers, cohortMatrix } from '../../../src/lib/core/metrics/cohort-matrix.ts';
import { readFile } from '../../../src/lib/io/read-file.ts';
import { parseCsv } from './load-real-data.ts';
import { sharedData } from '../../shared-data.ts';

const FILE = `${sharedData}/online_retail_sample_10pct.csv`;

function importWithTheApp() {
  const read = readFile(new Uint8Array(readFileSync(FILE)), 'online_retail_sample_10pct.csv');
  if (!read.ok) throw new Error(read.code);
  const table = read.sheets[0].table;
  const detection = detect(table);
  const result = ingest(table, detection.mapping);
  if (!result.ok) throw new Error(result.issue);
  return { detection, dataset: result.dataset };
}

interface Line {
  customer: string;
  month: string;
  amount: number;
  refund: boolean;
}

/** The raw rows with a CustomerID: cancellations ('C' invoices) and negative lines are refunds. */
function rawLines(): Line[] {
  const [header, ...rows] = parseCsv(readFileSync(FILE, 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const lines: Line[] = [];
  for (const cells of rows) {
    if (cells.length < header.length) continue;
    const customer = cells[col('CustomerID')].trim();
    if (customer === '') continue;
    const amount = Number(cells[col('Quantity')]) * Number(cells[col('UnitPrice')]);
    lines.push({
      customer,
      month: cells[col('InvoiceDate')].slice(0, 7),
      amount,
      refund: cells[col('InvoiceNo')].startsWith('C') || amount < 0,
    });
  }
  return lines;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The classic, rolling and revenue triangles by definition. */
function reference(lines: readonly Line[]) {
  const bought = new Map<string, Set<string>>();
  let lastMonth = '';
  for (const line of lines) {
    if (line.month > lastMonth) lastMonth = line.month;
    if (line.refund) continue;
    const months = bought.get(line.customer) ?? new Set<string>();
    months.add(line.month);
    bought.set(line.customer, months);
  }
  const firstMonth = new Map<string, string>();
  for (const [customer, months] of bought) firstMonth.set(customer, [...months].sort()[0]);
  const months: string[] = [];
  const start = [...firstMonth.values()].sort()[0];
  for (let m = start; m <= lastMonth; m = nextMonth(m)) months.push(m);

  return months.map((cohort, c) => {
    const members = [...firstMonth].filter(([, m]) => m === cohort).map(([customer]) => customer);
    const ages = months.slice(c);
    return {
      cohort,
      members: members.sort(),
      size: members.length,
      active: ages.map((m) => members.filter((k) => bought.get(k)?.has(m)).length),
      rolling: ages.map(
        (m) => members.filter((k) => [...(bought.get(k) ?? [])].some((b) => b >= m)).length,
      ),
      revenue: ages.map((m) =>
        lines
          .filter((l) => l.month === m && firstMonth.get(l.customer) === cohort)
          .reduce((sum, l) => sum + l.amount, 0),
      ),
    };
  });
}

describe('cohorts of the Online Retail sample (10 %)', () => {
  const { detection, dataset } = importWithTheApp();
  const expected = reference(rawLines());
  const report = cohortMatrix(dataset, { unit: 'month' });

  it('is imported as orders with invoice numbers and a Country column', () => {
    expect(detection.mapping.kind).toBe('orders');
    expect(dataset.categories.map((c) => c.name)).toEqual(['Country']);
  });

  it('has the 13 monthly cohorts from 2010-12 to 2011-12', () => {
    expect(report.cohorts.map((c) => c.cohort)).toEqual(expected.map((c) => c.cohort));
    expect(report.cohorts.length).toBe(13);
    expect(report.cohorts[0].cohort).toBe('2010-12');
  });

  it('has the same cohort sizes and classic triangle as the definition', () => {
    expect(report.cohorts.map((c) => c.size)).toEqual(expected.map((c) => c.size));
    expect(report.cohorts.map((c) => c.active)).toEqual(expected.map((c) => c.active));
  });

  it('has the same rolling triangle', () => {
    expect(report.cohorts.map((c) => c.rolling)).toEqual(expected.map((c) => c.rolling));
  });

  it('has the same revenue, refunds included', () => {
    report.cohorts.forEach((cohort, c) => {
      const revenue = cohort.revenue ?? [];
      expect(revenue.length).toBe(expected[c].revenue.length);
      revenue.forEach((money, age) => expect(money).toBeCloseTo(expected[c].revenue[age], 6));
    });
  });

  it('marks only December 2011 incomplete (the data ends on 9 December)', () => {
    const last = report.periods[report.periods.length - 1];
    expect([last.label, last.complete]).toEqual(['2011-12', false]);
    expect(report.cohorts.map((c) => c.complete.filter((x) => !x).length)).toEqual(
      expected.map(() => 1),
    );
  });

  it('lists the same customers in the cells', () => {
    const keys = (codes: number[]) => codes.map((c) => dataset.customerKeys[c]).sort();
    expect(keys(cohortCustomers(dataset, { unit: 'month' }, 0))).toEqual(expected[0].members);
    const first = new Set(expected[0].members);
    expect(keys(cohortCustomers(dataset, { unit: 'month' }, 0, 3)).length).toBe(
      expected[0].active[3],
    );
    expect(keys(cohortCustomers(dataset, { unit: 'month' }, 0, 3)).every((k) => first.has(k))).toBe(
      true,
    );
  });

  it('splits into countries that add up to the whole', () => {
    const split = cohortMatrix(dataset, { unit: 'month', breakdown: { category: 0 } });
    const total = new Map<string, number>();
    for (const c of split.cohorts) total.set(c.cohort, (total.get(c.cohort) ?? 0) + c.size);
    expect(report.cohorts.map((c) => total.get(c.cohort) ?? 0)).toEqual(
      expected.map((c) => c.size),
    );
    // Pooled averages do not depend on how the cohorts are split.
    expect(split.averageByAge.map((a) => [a.customers, a.count])).toEqual(
      report.averageByAge.map((a) => [a.customers, a.count]),
    );
  });
});
