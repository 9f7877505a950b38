import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detect, type Mapping } from '../../../src/lib/core/ingest/detect.ts';
import { detached, ingest } from '../../../src/lib/core/ingest/ingest.ts';
import type { RawCell } from '../../../src/lib/core/ingest/raw-table.ts';
import { NO_DAY } from '../../../src/lib/core/model/dataset.ts';
import { epochDay, isoDate } from '../../../src/lib/core/model/days.ts';
import { rowsTable } from '../../../src/lib/core/ingest/raw-table.ts';

const table = (rows: RawCell[][]) => rowsTable(rows);

function ingestOk(rows: RawCell[][], change: Partial<Mapping> = {}, referenceDay?: number) {
  const raw = table(rows);
  const mapping = { ...detect(raw).mapping, ...change };
  const result = ingest(raw, mapping, { referenceDay });
  if (!result.ok) throw new Error(`ingest failed: ${result.issue}`);
  return result;
}

describe('ingest orders', () => {
  const rows: RawCell[][] = [
    ['Klant', 'Datum', 'Bedrag', 'Factuur'],
    ['Anna@Example.nl ', '03-01-2024', '€ 10,00', 'F1'],
    ['', '04-01-2024', '€ 5,00', 'F2'],
    ['anna@example.nl', 'gisteren', '€ 5,00', 'F3'],
    ['bob', '05-01-2024', '-€ 2,50', 'F4'],
    [null, null, null, null],
    ['bob', '06-01-2024', 'veel', 'F5'],
    ['carl', '07-01-2024', '3', 'C123'],
  ];

  it('encodes customers, days, amounts and refunds as columns', () => {
    const { dataset } = ingestOk(rows);
    expect(dataset.kind).toBe('orders');
    expect(dataset.customerKeys).toEqual(['Anna@Example.nl', 'bob', 'carl']);
    expect(Array.from(dataset.customer)).toEqual([0, 1, 1, 2]);
    expect(Array.from(dataset.day).map(isoDate)).toEqual([
      '2024-01-03',
      '2024-01-05',
      '2024-01-06',
      '2024-01-07',
    ]);
    expect(Array.from(dataset.amount ?? [])).toEqual([10, -2.5, 0, -3]);
    expect(Array.from(dataset.refund)).toEqual([0, 1, 0, 1]);
    expect(Array.from(dataset.sourceRow)).toEqual([2, 5, 7, 8]);
  });

  it('counts and lists what it set aside, by reason and row', () => {
    const result = ingestOk(rows);
    expect(result.summary.rowsRead).toBe(6);
    expect(result.summary.rowsUsed).toBe(4);
    expect(result.summary.customers).toBe(2); // carl only has a cancellation
    expect(result.summary.refundRows).toBe(2);
    expect(result.summary.skipped['missing-customer']).toBe(1);
    expect(result.summary.skipped['unreadable-date']).toBe(1);
    expect(result.skippedRows).toEqual([
      { row: 3, code: 'missing-customer', value: '' },
      { row: 4, code: 'unreadable-date', value: 'gisteren' },
    ]);
    expect(result.warningRows).toEqual([{ row: 7, code: 'unreadable-amount', value: 'veel' }]);
    expect(result.summary.dateRange).toEqual({
      from: epochDay(2024, 1, 3),
      to: epochDay(2024, 1, 7),
    });
  });

  it('multiplies quantity by unit price when there is no total', () => {
    const { dataset } = ingestOk([
      ['Klant', 'Datum', 'Aantal', 'Stuksprijs'],
      ['a', '2024-01-01', '3', '2,50'],
      ['a', '2024-01-02', '-1', '2,50'],
    ]);
    expect(Array.from(dataset.amount ?? [])).toEqual([7.5, -2.5]);
    expect(Array.from(dataset.refund)).toEqual([0, 1]);
  });

  it('makes every line of a cancelled order a refund worth nothing', () => {
    const { dataset, summary } = ingestOk([
      ['Name', 'Email', 'Financial Status', 'Total', 'Created at'],
      ['#1001', 'a@example.com', 'refunded', '100.00', '2025-12-06 10:00:00 -0500'],
      ['#1001', 'a@example.com', '', '', '2025-12-06 10:00:00 -0500'],
      ['#1002', 'b@example.com', 'paid', '20.00', '2025-12-06 11:00:00 -0500'],
    ]);
    expect(Array.from(dataset.refund)).toEqual([1, 1, 0]);
    expect(Array.from(dataset.amount ?? [])).toEqual([0, 0, 20]);
    expect(summary.customers).toBe(1);
  });

  it('refuses a mapping without a customer or date column', () => {
    const raw = table([
      ['Datum', 'Bedrag'],
      ['2024-01-01', '5'],
    ]);
    const mapping = detect(raw).mapping;
    expect(ingest(raw, mapping)).toEqual({ ok: false, issue: 'no-customer-column' });
    expect(ingest(raw, { ...mapping, roles: ['ignore', 'customer'] })).toEqual({
      ok: false,
      issue: 'no-date-column',
    });
  });
});

describe('ingest subscriptions', () => {
  it('reads start and end, with an empty end as still active', () => {
    const result = ingestOk([
      ['Lid', 'Startdatum', 'Einddatum', 'Plan'],
      ['1', '01-01-2023', '', 'Basis'],
      ['2', '15-03-2023', '31-12-2023', 'Plus'],
      ['3', '15-03-2023', '01-01-2023', 'Plus'],
    ]);
    expect(result.dataset.kind).toBe('subscriptions');
    expect(
      Array.from(result.dataset.endDay ?? []).map((day) => (day === NO_DAY ? null : isoDate(day))),
    ).toEqual([null, '2023-12-31']);
    expect(result.dataset.categories[0].name).toBe('Plan');
    expect(result.dataset.categories[0].values).toEqual(['Basis', 'Plus']);
    expect(result.summary.skipped['end-before-start']).toBe(1);
    expect(result.summary.dateRange).toEqual({
      from: epochDay(2023, 1, 1),
      to: epochDay(2023, 12, 31),
    });
  });

  it('turns tenure in months and a churn flag into start and end days', () => {
    const reference = epochDay(2024, 3, 31);
    const result = ingestOk(
      [
        ['customerID', 'tenure', 'MonthlyCharges', 'Churn'],
        ['a', '1', '29.85', 'No'],
        ['b', '0', '20', 'No'],
        ['c', '13', '53.85', 'Yes'],
        ['d', ' ', '10', 'No'],
      ],
      {},
      reference,
    );
    const { dataset } = result;
    expect(Array.from(dataset.day).map(isoDate)).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2023-02-28',
    ]);
    expect(
      Array.from(dataset.endDay ?? []).map((day) => (day === NO_DAY ? null : isoDate(day))),
    ).toEqual([null, null, '2024-03-31']);
    expect(result.summary.skipped['unreadable-tenure']).toBe(1);
  });
});

describe('ingest never throws on user data', () => {
  it('returns a dataset or an issue for any table', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('2024-01-01', '31-12-2023', '€ 1.234,56', '-5', 'C123', '', 'NA'),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.record({ excelSerial: fc.double() }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 30 }), (rows) => {
        const raw = table(rows);
        const detection = detect(raw);
        const result = ingest(raw, detection.mapping, { referenceDay: 19000 });
        if (result.ok) {
          return result.summary.rowsUsed === result.dataset.rowCount && result.dataset.rowCount > 0;
        }
        return ['no-customer-column', 'no-date-column', 'no-usable-rows'].includes(result.issue);
      }),
      { numRuns: 500 },
    );
  });
});

describe('detached', () => {
  it('gives back the same text, short or long', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(detached(text)).toBe(text);
      }),
    );
    const whole = 'a'.repeat(100) + 'klant@example.nl' + 'b'.repeat(100);
    expect(detached(whole.slice(100, 116))).toBe('klant@example.nl');
  });
});
