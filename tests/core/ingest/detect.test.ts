import { describe, expect, it } from 'vitest';
import { detect, findHeaderRow } from '../../../src/lib/core/ingest/detect.ts';
import type { RawCell } from '../../../src/lib/core/ingest/raw-table.ts';
import { rowsTable } from '../../../src/lib/core/ingest/raw-table.ts';

const table = (rows: RawCell[][]) => rowsTable(rows);

describe('findHeaderRow', () => {
  it('skips title and blank rows above the header', () => {
    const rows = [
      ['Bestellingen 2024', null, null],
      [null, null, null],
      ['Klant', 'Datum', 'Bedrag'],
      ['A', '01-02-2024', '12,50'],
      ['B', '03-02-2024', '7,00'],
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('says there is no header when the first full row holds data', () => {
    expect(
      findHeaderRow([
        ['00004', '0001', '19970101', '2', '29.33'],
        ['00004', '0001', '19970118', '2', '29.73'],
      ]),
    ).toBe(-1);
  });

  it('rejects a header with a name twice', () => {
    expect(
      findHeaderRow([
        ['x', 'x'],
        ['1', '2'],
      ]),
    ).toBe(-1);
  });
});

describe('detect', () => {
  it('maps a Dutch order export', () => {
    const detection = detect(
      table([
        ['Klantnummer', 'Besteldatum', 'Totaal', 'Kanaal', 'Factuurnummer'],
        ['K001', '13-01-2024', '€ 1.234,50', 'Webshop', 'F1'],
        ['K002', '14-01-2024', '€ 99,95', 'Winkel', 'F2'],
        ['K001', '15-02-2024', '€ 12,00', 'Webshop', 'F3'],
      ]),
    );
    expect(detection.mapping).toEqual({
      kind: 'orders',
      headerRow: 0,
      roles: ['customer', 'date', 'amount', 'category', 'order'],
      dateOrder: 'dmy',
      decimal: ',',
      serialDates: false,
      currency: 'EUR',
    });
    expect(detection.notes).toEqual([]);
    expect(detection.dataRows).toBe(3);
  });

  it('maps a member list with start and end dates as subscriptions', () => {
    const detection = detect(
      table([
        ['Naam', 'E-mail', 'Lid sinds', 'Opzegdatum', 'Contributie'],
        ['Anna', 'anna@example.nl', '01-01-2023', '', '29,95'],
        ['Bram', 'bram@example.nl', '15-03-2023', '31-12-2023', '29,95'],
      ]),
    );
    expect(detection.mapping.kind).toBe('subscriptions');
    expect(detection.mapping.roles).toEqual(['ignore', 'customer', 'date', 'end', 'amount']);
  });

  it('maps the UCI Online Retail header', () => {
    const detection = detect(
      table([
        [
          'InvoiceNo',
          'StockCode',
          'Description',
          'Quantity',
          'InvoiceDate',
          'UnitPrice',
          'CustomerID',
          'Country',
        ],
        [
          '536365',
          '85123A',
          'WHITE HANGING HEART',
          '6',
          '2010-12-01 08:26:00',
          '2.55',
          '17850',
          'United Kingdom',
        ],
        [
          'C536379',
          'D',
          'Discount',
          '-1',
          '2010-12-01 09:41:00',
          '27.50',
          '14527',
          'United Kingdom',
        ],
      ]),
    );
    expect(detection.mapping.roles).toEqual([
      'order',
      'ignore',
      'ignore',
      'quantity',
      'date',
      'price',
      'customer',
      'category',
    ]);
    expect(detection.mapping.decimal).toBe('.');
    expect(detection.mapping.kind).toBe('orders');
  });

  it('guesses roles from values when there is no header', () => {
    const detection = detect(
      table([
        [' 00004', '0001', '19970101', '2', '29.33'],
        ['00004', '0001', '19970118', '2', '29.73'],
        ['00018', '0002', '19970112', '1', '14.96'],
      ]),
    );
    expect(detection.mapping.headerRow).toBe(-1);
    expect(detection.mapping.roles).toEqual(['customer', 'ignore', 'date', 'ignore', 'amount']);
    expect(detection.notes).toContain('no-header');
  });

  it('flags an ambiguous date order and a missing customer column', () => {
    const detection = detect(
      table([
        ['Datum', 'Bedrag'],
        ['02/01/2024', '5'],
        ['03/04/2024', '6'],
      ]),
    );
    expect(detection.notes).toContain('ambiguous-date-order');
    expect(detection.notes).toContain('no-customer-column');
  });

  it('reads a tenure snapshot without dates as subscriptions', () => {
    const detection = detect(
      table([
        ['customerID', 'tenure', 'Contract', 'MonthlyCharges', 'Churn'],
        ['7590-VHVEG', '1', 'Month-to-month', '29.85', 'No'],
        ['5575-GNVDE', '34', 'One year', '56.95', 'No'],
        ['3668-QPYBK', '2', 'Month-to-month', '53.85', 'Yes'],
      ]),
    );
    expect(detection.mapping.kind).toBe('subscriptions');
    expect(detection.mapping.roles).toEqual([
      'customer',
      'tenure',
      'category',
      'amount',
      'churned',
    ]);
  });
});

describe('currency', () => {
  it('reads the currency from a currency column, signs in the amounts, or defaults to euros', () => {
    const withColumn = detect(
      table([
        ['Email', 'Total', 'Currency', 'Created at'],
        ['a@example.com', '10.00', 'INR', '2025-12-06 10:00:00 -0500'],
        ['b@example.com', '12.00', 'INR', '2025-12-06 11:00:00 -0500'],
      ]),
    );
    expect(withColumn.mapping.currency).toBe('INR');
    const withSigns = detect(
      table([
        ['Customer', 'Date', 'Amount'],
        ['a', '2024-01-01', '£12.50'],
        ['b', '2024-01-02', '£3.00'],
      ]),
    );
    expect(withSigns.mapping.currency).toBe('GBP');
    const plain = detect(
      table([
        ['Klant', 'Datum', 'Bedrag'],
        ['a', '01-01-2024', '12,50'],
      ]),
    );
    expect(plain.mapping.currency).toBe('EUR');
  });
});
