import { describe, expect, it } from 'vitest';
import { applyFlags, findColumn } from '../../src/cli/apply-flags.ts';
import type { CliOptions } from '../../src/cli/args.ts';
import { detect } from '../../src/lib/core/ingest/detect.ts';
import type { RawCell } from '../../src/lib/core/ingest/raw-table.ts';
import { rowsTable } from '../../src/lib/core/ingest/raw-table.ts';

const table = (rows: RawCell[][]) => rowsTable(rows);

/** Orders with a header: Klantnr is detected as the customer, the e-mail column is left unused. */
const orders = detect(
  table([
    ['Order', 'Klantnr', 'E-mail', 'Datum', 'Totaal', 'Verzendkosten'],
    ['#1001', 'K1', 'a@example.nl', '03-01-2024', '12,50', '4,95'],
    ['#1002', 'K2', 'b@example.nl', '04-01-2024', '20,00', '0,00'],
    ['#1003', 'K1', 'a@example.nl', '25-02-2024', '7,25', '4,95'],
  ]),
);

const none: Pick<CliOptions, 'kind' | 'columns' | 'dateOrder'> = {
  kind: null,
  columns: {},
  dateOrder: null,
};

describe('findColumn', () => {
  const headers = ['Klant', ' Order  Date ', '', 'Email', 'email', '7'];

  it('finds a header case-insensitively, with spaces trimmed and collapsed', () => {
    expect(findColumn(headers, 'KLANT')).toEqual({ ok: true, column: 0 });
    expect(findColumn(headers, 'order date')).toEqual({ ok: true, column: 1 });
  });

  it('finds a 1-based column number, and prefers a header that reads like a number', () => {
    expect(findColumn(headers, '3')).toEqual({ ok: true, column: 2 });
    expect(findColumn(headers, '7')).toEqual({ ok: true, column: 5 });
  });

  it('says why a column is not found', () => {
    expect(findColumn(headers, 'email')).toEqual({
      ok: false,
      message: '2 columns are named "email" (columns 4 and 5); give the number instead',
    });
    expect(findColumn(headers, '9')).toEqual({
      ok: false,
      message: 'there is no column 9 (the file has 6 columns)',
    });
    expect(findColumn(['Klant', 'Datum'], 'Bedrag')).toEqual({
      ok: false,
      message: 'there is no column named "Bedrag" (its columns are Klant, Datum)',
    });
    expect(findColumn(['', ''], 'Bedrag')).toEqual({
      ok: false,
      message: 'there is no column named "Bedrag" (the file has no header row)',
    });
  });
});

describe('applyFlags', () => {
  it('keeps the detection when no flag is given', () => {
    expect(orders.mapping.roles).toEqual([
      'order',
      'customer',
      'ignore',
      'date',
      'amount',
      'ignore',
    ]);
    const result = applyFlags(orders, none);
    expect(result).toEqual({ ok: true, mapping: orders.mapping, notes: [] });
  });

  it('gives a named column its role and takes that role from the column that had it', () => {
    const result = applyFlags(orders, {
      ...none,
      columns: { customer: 'e-mail', amount: '6' },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.mapping.roles).toEqual([
      'order',
      'ignore',
      'customer',
      'date',
      'ignore',
      'amount',
    ]);
  });

  it('moves a role onto a column that had another one, which then has no column', () => {
    const result = applyFlags(orders, { ...none, columns: { order: 'Totaal' } });
    if (!result.ok) throw new Error(result.message);
    expect(result.mapping.roles).toEqual([
      'ignore',
      'customer',
      'ignore',
      'date',
      'order',
      'ignore',
    ]);
    expect(result.notes).toEqual(['no-amount-column']);
  });

  it('overrides the kind and the date order', () => {
    const result = applyFlags(orders, {
      kind: 'subscriptions',
      columns: { end: 'Verzendkosten' },
      dateOrder: 'mdy',
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.mapping.kind).toBe('subscriptions');
    expect(result.mapping.dateOrder).toBe('mdy');
    expect(result.mapping.roles[5]).toBe('end');
  });

  it('refuses an end column on a file read as orders, and two roles for one column', () => {
    expect(applyFlags(orders, { ...none, columns: { end: '6' } })).toEqual({
      ok: false,
      message:
        '--end is only used for subscriptions and the file was read as orders; add --kind subscriptions',
    });
    expect(applyFlags(orders, { ...none, columns: { customer: '3', order: 'E-MAIL' } })).toEqual({
      ok: false,
      message: '--customer and --order name the same column (E-mail)',
    });
    expect(applyFlags(orders, { ...none, columns: { date: 'Besteldatum' } })).toEqual({
      ok: false,
      message:
        '--date: there is no column named "Besteldatum" (its columns are Order, Klantnr, E-mail, Datum, Totaal, Verzendkosten)',
    });
  });

  it('drops the ambiguous-date note once --date-order settles it', () => {
    const ambiguous = detect(
      table([
        ['Klant', 'Datum', 'Bedrag'],
        ['A', '03-01-2024', '1,00'],
        ['B', '04-02-2024', '2,00'],
      ]),
    );
    expect(ambiguous.notes).toContain('ambiguous-date-order');
    const guessed = applyFlags(ambiguous, none);
    expect(guessed.ok && guessed.notes).toEqual(['ambiguous-date-order']);
    const settled = applyFlags(ambiguous, { ...none, dateOrder: 'dmy' });
    expect(settled.ok && settled.notes).toEqual([]);
  });
});
