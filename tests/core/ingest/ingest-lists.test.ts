import { describe, expect, it } from 'vitest';
import { detect } from '../../../src/lib/core/ingest/detect.ts';
import { ingestLists } from '../../../src/lib/core/ingest/ingest-lists.ts';
import type { RawCell } from '../../../src/lib/core/ingest/raw-table.ts';
import { analyze } from '../../../src/lib/core/analyze.ts';
import { rowsTable } from '../../../src/lib/core/ingest/raw-table.ts';

const list = (rows: RawCell[][]) => {
  const table = rowsTable(rows);
  return { table, mapping: { ...detect(table).mapping, kind: 'lists' as const } };
};

describe('ingestLists', () => {
  const start = list([
    ['E-mail'],
    ['a@example.nl'],
    ['B@example.nl'],
    ['c@example.nl'],
    ['d@example.nl'],
    [''],
  ]);
  const end = list([
    ['Email', 'Lid sinds'],
    ['b@example.nl', ''],
    ['c@example.nl', '03-02-2024'],
    ['d@example.nl', 'onbekend'],
    ['e@example.nl', '01-03-2024'],
    ['e@example.nl', '01-03-2024'],
  ]);

  it('puts both lists in one dataset, keys compared as everywhere, duplicates counted once', () => {
    const result = ingestLists(start, end);
    if (!result.ok) throw new Error(result.issue);
    const { dataset, summary } = result;
    expect(dataset.kind).toBe('lists');
    expect(dataset.customerKeys).toEqual([
      'a@example.nl',
      'B@example.nl',
      'c@example.nl',
      'd@example.nl',
      'e@example.nl',
    ]);
    expect(Array.from(dataset.customer)).toEqual([0, 1, 2, 3, 1, 2, 3, 4]);
    expect(Array.from(dataset.list ?? [])).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(summary.rowsRead).toBe(9);
    expect(summary.customers).toBe(5);
    expect(summary.skipped['missing-customer']).toBe(0);
  });

  it('gives S, E, N, lost and CRR from the keys', () => {
    const result = ingestLists(start, end);
    if (!result.ok) throw new Error(result.issue);
    const [row] = analyze(result.dataset, { unit: 'custom' }).periods;
    expect([row.S, row.E, row.N, row.lost, row.crr]).toEqual([4, 4, 1, 1, 0.75]);
  });

  it('refuses a list without a customer column', () => {
    const numbers = list([['Bedrag'], ['12,50']]);
    expect(ingestLists(numbers, end)).toEqual({ ok: false, issue: 'no-customer-column' });
  });
});
