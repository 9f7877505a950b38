/**
 * The command line on the real files in ../shared/data, in-process, plus one run of the real
 * command (`npx tsx src/cli/analyze.ts`) to prove the wiring to the process works.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, runCli, runJson } from './run-cli.ts';
import type { CliReport } from '../../src/cli/report.ts';

const cdnow = `${DATA_DIR}/CDNOW_sample.txt`;
const retail = `${DATA_DIR}/online_retail_sample_10pct.csv`;
const shopify = `${DATA_DIR}/shopify_orders_export_devstore.csv`;
const telco = `${DATA_DIR}/Telco-Customer-Churn.csv`;
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A plain RFC 4180 reader (quotes, "" inside quotes, CRLF), independent of the app's reader. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The online retail facts by the data set's own conventions, straight from the raw text. */
function retailFacts() {
  const [header, ...lines] = csvRows(readFileSync(retail, 'utf8'));
  const invoice = header.indexOf('InvoiceNo');
  const customer = header.indexOf('CustomerID');
  const data = lines.filter((cells) => cells.some((cell) => cell.trim() !== ''));
  const ids = new Set<string>();
  const buyers = new Set<string>();
  let withoutCustomer = 0;
  let cancellations = 0;
  for (const cells of data) {
    const id = cells[customer].trim();
    if (id === '') {
      withoutCustomer += 1;
      continue;
    }
    ids.add(id);
    if (cells[invoice].startsWith('C')) cancellations += 1;
    else buyers.add(id);
  }
  return { rows: data.length, withoutCustomer, ids: ids.size, buyers: buyers.size, cancellations };
}

describe('analyze on the real files', () => {
  it('reads CDNOW (no header, whitespace-separated) with the columns given by number', () => {
    const report = runJson([cdnow, '--customer', '2', '--date', '3', '--amount', '5']);
    expect(report).toMatchObject({
      file: cdnow,
      format: 'csv',
      delimiter: 'whitespace',
      sheet: 'CDNOW_sample',
      kind: 'orders',
      rowsRead: 6919,
      rowsUsed: 6919,
      customers: 2357,
      dateRange: { from: '1997-01-01', to: '1998-06-30' },
      refundRows: 0,
      notes: ['no-header'],
    });
    // Column 1 (the master id) was detected as the customer and loses the role to column 2.
    expect(report.mapping).toEqual({
      '1': 'ignore',
      '2': 'customer',
      '3': 'date',
      '4': 'ignore',
      '5': 'amount',
    });
    expect(Object.values(report.skipped).every((count) => count === 0)).toBe(true);
  });

  it('reads Online Retail without flags: no-customer rows skipped, C invoices as refunds', () => {
    const facts = retailFacts();
    // The facts the data README states, so this test notices if the file or the reader changes.
    expect(facts).toMatchObject({ rows: 47808, withoutCustomer: 11430, ids: 445, buyers: 442 });
    const report = runJson([retail]);
    expect(report).toMatchObject({
      kind: 'orders',
      rowsRead: 47808,
      rowsUsed: 47808 - 11430,
      customers: 442,
      refundRows: facts.cancellations,
      dateRange: { from: '2010-12-01', to: '2011-12-09' },
      mapping: {
        InvoiceNo: 'order',
        InvoiceDate: 'date',
        CustomerID: 'customer',
        Quantity: 'quantity',
        UnitPrice: 'price',
      },
    });
    expect(report.skipped['missing-customer']).toBe(11430);
    expect(report.skippedRows['missing-customer']).toHaveLength(10);
  });

  it('reads the Shopify export without flags', () => {
    const report = runJson([shopify]);
    expect(report).toMatchObject({
      kind: 'orders',
      currency: 'INR',
      rowsRead: 121,
      customers: 2,
      dateRange: { from: '2025-12-06', to: '2025-12-06' },
      mapping: { Email: 'customer', 'Created at': 'date', Total: 'amount', Name: 'order' },
    });
    expect(Object.keys(report.mapping)).toHaveLength(79);
  });

  it('reads Telco as a subscription snapshot: tenure before the reference day', () => {
    const report = runJson([telco]);
    expect(report).toMatchObject({
      kind: 'subscriptions',
      rowsRead: 7043,
      rowsUsed: 7043,
      customers: 7043,
      mapping: { customerID: 'customer', tenure: 'tenure', Churn: 'churned' },
      // "today" in the tests is 2024-12-31; the longest tenure is 72 months.
      settings: { period: 'month', windowDays: 365, referenceDate: '2024-12-31' },
      dateRange: { from: '2018-12-31', to: '2024-12-31' },
    });
    const given = runJson([telco, '--reference-date', '2020-06-30', '--period', 'quarter']);
    expect(given.settings).toEqual({
      period: 'quarter',
      windowDays: 365,
      referenceDate: '2020-06-30',
    });
    expect(given.dateRange).toEqual({ from: '2014-06-30', to: '2020-06-30' });
  });

  it('echoes --period and --window, and has no reference date for dated files', () => {
    const report = runJson([shopify, '--period', 'week', '--window', '90']);
    expect(report.settings).toEqual({ period: 'week', windowDays: 90, referenceDate: null });
  });

  it('prints one JSON object with every documented field', () => {
    const run = runCli([shopify, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as CliReport;
    expect(Object.keys(report)).toEqual([
      'file',
      'format',
      'encoding',
      'delimiter',
      'sheet',
      'kind',
      'currency',
      'settings',
      'rowsRead',
      'rowsUsed',
      'customers',
      'dateRange',
      'skipped',
      'skippedRows',
      'refundRows',
      'warnings',
      'mapping',
      'notes',
      'periods',
      'cohorts',
      'prediction',
      'repeat',
      'revenueRetention',
      'lifetimeValue',
    ]);
    expect(Object.keys(report.revenueRetention?.[0] ?? {})).toEqual([
      'period',
      'startRevenue',
      'new',
      'expansion',
      'contraction',
      'churned',
      'reactivated',
      'nrr',
      'grr',
      'quickRatio',
    ]);
    expect(Object.keys(report.lifetimeValue ?? {})).toEqual([
      'kind',
      'from',
      'to',
      'averageRevenue',
      'margin',
      'purchasesPerYear',
      'churn',
      'lifetime',
      'lifetimeUnit',
      'ltv',
    ]);
  });

  it('prints a short text report without --json', () => {
    const run = runCli([retail]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').slice(0, 12).join('\n')).toBe(
      [
        `${retail} (csv, comma-separated, utf-8)`,
        '  Read as:    orders',
        '  Columns:    customer = CustomerID; date = InvoiceDate; quantity = Quantity; price = UnitPrice; order = InvoiceNo; category = Country',
        `  Rows:       47,808 read, 36,378 used (${retailFacts().cancellations} refunds or cancellations)`,
        '  Customers:  442',
        '  Dates:      2010-12-01 to 2011-12-09',
        '  Skipped:    11,430 rows with no customer (rows 208, 337, 338, 339, 340, 341, 342, 343, 344, 345, …)',
        '  Settings:   period month, activity window 365 days',
        '',
        '  period        S       E       N     CRR   exact   churn    lost  repeat',
        '  2010-12          0      93      93       —       —       —       0       —',
        '  2011-01         93     131      38  100.0%  100.0%    0.0%       0   33.3%',
      ].join('\n'),
    );
  });

  it('says in the text report how a snapshot without dates was read', () => {
    const run = runCli([telco, '--reference-date', '2020-06-30']);
    expect(run.stdout).toContain(
      '  Dates:      2014-06-30 to 2020-06-30 (start dates computed from tenure before 2020-06-30)\n',
    );
    expect(run.stdout).toContain('  Settings:   period month\n');
    expect(runCli([cdnow]).stdout).toContain(
      '  Note:       the file has no header row: columns are named by number\n',
    );
  });

  it('picks a sheet by name, case-insensitively, and otherwise the first sheet with data', () => {
    const workbook = `${DATA_DIR}/bad-inputs/xlsx/csvkit/sheets.xlsx`;
    expect(runJson([workbook]).sheet).toBe('data');
    const named = runJson([workbook, '--sheet', 'DATA']);
    expect(named).toMatchObject({ format: 'xlsx', sheet: 'data', rowsRead: 5 });
  });
});

describe('analyze errors', () => {
  it('names a missing file in one sentence, exit code 2', () => {
    const run = runCli(['/nowhere/orders.csv']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Cannot analyze /nowhere/orders.csv: the file does not exist.\n',
    });
  });

  it('says why a file is not a spreadsheet', () => {
    const ods = `${DATA_DIR}/bad-inputs/ods/sheetjs/1904__1904.ods`;
    expect(runCli([ods]).stderr).toBe(
      `Cannot analyze ${ods}: it is an OpenDocument spreadsheet (.ods); save it as .xlsx or .csv first.\n`,
    );
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< >>\nendobj\n');
    expect(runCli(['report.pdf'], { 'report.pdf': pdf })).toMatchObject({
      code: 2,
      stderr: 'Cannot analyze report.pdf: it is a PDF document, not a spreadsheet or CSV file.\n',
    });
    expect(runCli(['leeg.csv'], { 'leeg.csv': new Uint8Array() }).stderr).toBe(
      'Cannot analyze leeg.csv: the file is empty.\n',
    );
  });

  it('names a column or sheet that is not in the file', () => {
    expect(runCli([shopify, '--customer', 'Klant'])).toMatchObject({ code: 2, stdout: '' });
    expect(runCli([cdnow, '--amount', '6']).stderr).toBe(
      `Cannot analyze ${cdnow}: --amount: there is no column 6 (the file has 5 columns).\n`,
    );
    expect(runCli([cdnow, '--sheet', 'Blad1']).stderr).toBe(
      `Cannot analyze ${cdnow}: there is no sheet named "Blad1" (sheets: "CDNOW_sample").\n`,
    );
  });

  it('explains a mapping that cannot be used', () => {
    const noCustomer = new TextEncoder().encode('Datum;Bedrag\n01-02-2024;12,50\n');
    expect(runCli(['x.csv'], { 'x.csv': noCustomer })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'Cannot analyze x.csv: no customer column was recognised; name one with --customer COL (its columns are Datum, Bedrag).\n',
    });
    const noDates = new TextEncoder().encode('Klant;Datum\nA;gisteren\nB;morgen\n');
    expect(runCli(['y.csv', '--date', 'Datum'], { 'y.csv': noDates }).stderr).toBe(
      'Cannot analyze y.csv: no row could be used: every row lacks a customer or a readable date.\n',
    );
  });

  it('treats bad arguments as usage errors, exit code 1, before reading anything', () => {
    const run = runCli(['/nowhere/orders.csv', '--period', 'decade']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      '--period must be one of day, week, month, quarter, year, not "decade".\nRun "npm run analyze -- --help" for the options.\n',
    );
    expect(runCli([]).code).toBe(1);
  });

  it('prints the usage with --help', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run analyze -- <file> \[options\]/);
    expect(run.stdout).toContain('--reference-date YYYY-MM-DD');
  });
});

describe('the real command', () => {
  const command = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'src/cli/analyze.ts', ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: projectRoot },
    });

  it('prints the JSON report and exits 0; a missing file exits 2 without a stack trace', () => {
    const run = command(shopify, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'orders', rowsRead: 121, customers: 2 });

    const missing = command('no-such-file.csv');
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('Cannot analyze no-such-file.csv: the file does not exist.\n');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('periods in the report', () => {
  it('gives CDNOW per quarter with ISO labels, counts, ratios between 0 and 1, and completeness', () => {
    const report = runJson([
      cdnow,
      '--customer',
      '2',
      '--date',
      '3',
      '--amount',
      '5',
      '--period',
      'quarter',
    ]);
    expect(report.periods.map((row) => row.period)).toEqual([
      '1997-Q1',
      '1997-Q2',
      '1997-Q3',
      '1997-Q4',
      '1998-Q1',
      '1998-Q2',
    ]);
    expect(report.periods.map((row) => [row.S, row.E, row.N, row.lost])).toEqual([
      [0, 2357, 2357, 0],
      [2357, 2357, 0, 0],
      [2357, 2357, 0, 0],
      [2357, 2357, 0, 0],
      [2357, 934, 0, 1423],
      [934, 812, 0, 164],
    ]);
    expect(report.periods[0].crr).toBeNull();
    expect(report.periods[5].crr).toBeCloseTo(812 / 934, 12);
    expect(report.periods.every((row) => row.complete)).toBe(true);
    for (const row of report.periods) {
      for (const ratio of [row.crr, row.exactRetention, row.churn, row.repeatRate]) {
        if (ratio !== null) expect(ratio >= 0 && ratio <= 1).toBe(true);
      }
    }
  });

  it('labels ISO weeks and marks the last, partial week incomplete', () => {
    const report = runJson([retail, '--period', 'week']);
    expect(report.periods[0].period).toBe('2010-W48');
    const last = report.periods.at(-1);
    expect(last?.period).toBe('2011-W49');
    expect(last?.complete).toBe(false);
    expect(last?.from).toBe('2011-12-05');
  });
});

describe('cohorts in the report', () => {
  it('gives the monthly Online Retail cohorts with sizes, active counts per age and the pooled average', () => {
    const report = runJson([retail]);
    const cohorts = report.cohorts;
    expect(cohorts?.period).toBe('month');
    expect(cohorts?.cohorts.map((row) => row.cohort)).toEqual([
      '2010-12',
      '2011-01',
      '2011-02',
      '2011-03',
      '2011-04',
      '2011-05',
      '2011-06',
      '2011-07',
      '2011-08',
      '2011-09',
      '2011-10',
      '2011-11',
      '2011-12',
    ]);
    const sizes = cohorts?.cohorts.map((row) => row.size) ?? [];
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(442);
    const first = cohorts?.cohorts[0];
    expect(first?.active[0]).toBe(first?.size);
    expect(first?.active).toHaveLength(13);
    expect(first?.complete.at(-1)).toBe(false);
    expect(cohorts?.averageByAge[0]).toBe(1);
  });

  it('groups cohorts by quarter with --cohort-period', () => {
    const report = runJson([retail, '--cohort-period', 'quarter']);
    expect(report.cohorts?.cohorts.map((row) => row.cohort)).toEqual([
      '2010-Q4',
      '2011-Q1',
      '2011-Q2',
      '2011-Q3',
      '2011-Q4',
    ]);
  });
});

describe('revenue in the report', () => {
  /**
   * A small Dutch order export. January: Ann €100, Bob €50, Cas €40, Eva €10. February: Ann
   * downgrades to €80, Bob and Cas buy nothing, Eva stays at €10, Dan is new with €30. March: Ann
   * and Eva unchanged, Dan upgrades to €60 (two orders) and Cas returns with €45.
   */
  const orders = [
    'Klant;Datum;Bedrag',
    'Ann;15-01-2024;€ 100,00',
    'Bob;16-01-2024;€ 50,00',
    'Cas;17-01-2024;€ 40,00',
    'Eva;18-01-2024;€ 10,00',
    'Ann;14-02-2024;€ 80,00',
    'Eva;15-02-2024;€ 10,00',
    'Dan;20-02-2024;€ 30,00',
    'Ann;14-03-2024;€ 80,00',
    'Eva;15-03-2024;€ 10,00',
    'Dan;20-03-2024;€ 25,00',
    'Dan;28-03-2024;€ 35,00',
    'Cas;31-03-2024;€ 45,00',
  ].join('\n');

  it('gives the movements, NRR, GRR and quick ratio per month', () => {
    const run = runCli(['winkel.csv', '--json'], {
      'winkel.csv': new TextEncoder().encode(`${orders}\n`),
    });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as CliReport;
    expect(report.mapping).toEqual({ Klant: 'customer', Datum: 'date', Bedrag: 'amount' });
    expect(report.revenueRetention).toEqual([
      {
        period: '2024-01',
        startRevenue: 0,
        new: 200,
        expansion: 0,
        contraction: 0,
        churned: 0,
        reactivated: 0,
        nrr: null,
        grr: null,
        quickRatio: null,
      },
      {
        // R0 = January's €200; Ann −€20 (contraction), Bob −€50 and Cas −€40 (churned).
        period: '2024-02',
        startRevenue: 200,
        new: 30,
        expansion: 0,
        contraction: 20,
        churned: 90,
        reactivated: 0,
        nrr: 0.45,
        grr: 0.45,
        quickRatio: 30 / 110,
      },
      {
        // R0 = February's €120 (Ann, Eva, Dan); Dan +€30 (expansion), Cas back with €45.
        period: '2024-03',
        startRevenue: 120,
        new: 0,
        expansion: 30,
        contraction: 0,
        churned: 0,
        reactivated: 45,
        nrr: 1.25,
        grr: 1,
        quickRatio: null,
      },
    ]);
    // Nobody was a customer on 31 March 2023 (W = 365), so there is no churn and no LTV yet.
    expect(report.lifetimeValue).toEqual({
      kind: 'orders',
      from: '2023-04-02',
      to: '2024-03-31',
      averageRevenue: 515 / 12,
      margin: null,
      purchasesPerYear: 12 / 5,
      churn: null,
      lifetime: null,
      lifetimeUnit: 'year',
      ltv: null,
    });
  });

  it('is null without an amount column', () => {
    const bytes = new TextEncoder().encode('Klant;Datum\nAnn;15-01-2024\nBob;16-02-2024\n');
    const report = JSON.parse(runCli(['x.csv', '--json'], { 'x.csv': bytes }).stdout) as CliReport;
    expect([report.revenueRetention, report.lifetimeValue]).toEqual([null, null]);
  });
});

describe('prediction in the report', () => {
  it('fits BG/NBD on CDNOW with --calibration-end 1997-09-30 and lists customers at risk', () => {
    const report = runJson([
      cdnow,
      '--customer',
      '2',
      '--date',
      '3',
      '--amount',
      '5',
      '--calibration-end',
      '1997-09-30',
    ]);
    const prediction = report.prediction;
    if (!prediction.ok || prediction.kind !== 'orders') throw new Error('no model');
    expect(prediction.calibrationEnd).toBe('1997-09-30');
    expect(prediction.params.r).toBeCloseTo(0.243, 2);
    expect(prediction.params.alpha).toBeCloseTo(4.414, 1);
    expect(prediction.params.a).toBeCloseTo(0.793, 2);
    expect(prediction.params.b).toBeCloseTo(2.426, 1);
    expect(Math.abs(prediction.logLikelihood - -9582.4)).toBeLessThan(0.5);
    expect(prediction.converged).toBe(true);
    expect(prediction.gammaGamma?.p).toBeCloseTo(6.25, 1);
    expect(prediction.atRisk.length).toBeGreaterThan(0);
    const revenues = prediction.atRisk.map((customer) => customer.pastRevenue ?? 0);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
  });
});
