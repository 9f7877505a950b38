import { describe, expect, it } from 'vitest';
import { parseArgs, parseIsoDay, type CliOptions } from '../../src/cli/args.ts';
import { epochDay } from '../../src/lib/core/model/days.ts';

function options(argv: string[]): CliOptions {
  const parsed = parseArgs(argv);
  if (!parsed.ok || parsed.help) throw new Error(`not parsed: ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function error(argv: string[]): string {
  const parsed = parseArgs(argv);
  if (parsed.ok) throw new Error(`parsed: ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('parseArgs', () => {
  it('gives the defaults for a file alone', () => {
    expect(options(['orders.csv'])).toEqual({
      file: 'orders.csv',
      kind: null,
      columns: {},
      sheet: null,
      dateOrder: null,
      period: 'month',
      cohortPeriod: 'month',
      windowDays: 365,
      calibrationEnd: null,
      referenceDay: null,
      json: false,
    });
  });

  it('reads every flag, in --flag value and --flag=value form, before or after the file', () => {
    expect(
      options([
        '--kind=subscriptions',
        'leden.xlsx',
        '--customer',
        'Lid nummer',
        '--date',
        '3',
        '--end=Opzegdatum',
        '--amount',
        'Maandbedrag',
        '--quantity',
        '4',
        '--price',
        '5',
        '--order',
        '6',
        '--sheet',
        'Leden 2024',
        '--date-order',
        'MDY',
        '--period',
        'quarter',
        '--cohort-period=year',
        '--window',
        '90',
        '--calibration-end',
        '1997-09-30',
        '--reference-date',
        '2024-02-29',
        '--json',
      ]),
    ).toEqual({
      file: 'leden.xlsx',
      kind: 'subscriptions',
      columns: {
        customer: 'Lid nummer',
        date: '3',
        end: 'Opzegdatum',
        amount: 'Maandbedrag',
        quantity: '4',
        price: '5',
        order: '6',
      },
      sheet: 'Leden 2024',
      dateOrder: 'mdy',
      period: 'quarter',
      cohortPeriod: 'year',
      windowDays: 90,
      calibrationEnd: epochDay(1997, 9, 30),
      referenceDay: epochDay(2024, 2, 29),
      json: true,
    });
  });

  it('asks for help with -h or --help, even beside other arguments', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseArgs(['orders.csv', '-h'])).toEqual({ ok: true, help: true });
  });

  it('takes a file name starting with "-" after --', () => {
    expect(options(['--json', '--', '-odd name.csv']).file).toBe('-odd name.csv');
  });

  it('refuses a missing file, two files and unknown options', () => {
    expect(error([])).toBe('No file given.');
    expect(error(['--json'])).toBe('No file given.');
    expect(error(['a.csv', 'b.csv'])).toBe('Give one file, not 2 (a.csv, b.csv).');
    expect(error(['a.csv', '--customers', 'Email'])).toBe('Unknown option --customers.');
    expect(error(['a.csv', '--json=yes'])).toBe('--json takes no value.');
  });

  it('refuses a flag without a value instead of taking the next flag as its value', () => {
    expect(error(['a.csv', '--customer'])).toBe('--customer needs a value.');
    expect(error(['a.csv', '--customer', '--json'])).toBe('--customer needs a value.');
    expect(error(['a.csv', '--customer='])).toBe('--customer needs a value.');
    expect(error(['a.csv', '--sheet', '  '])).toBe('--sheet needs a value.');
  });

  it('refuses a flag given twice', () => {
    expect(error(['a.csv', '--date', '2', '--date=3'])).toBe('--date is given twice.');
  });

  it('refuses values outside their choices', () => {
    expect(error(['a.csv', '--kind', 'lists'])).toBe(
      '--kind must be orders or subscriptions, not "lists".',
    );
    expect(error(['a.csv', '--date-order', 'ydm'])).toBe(
      '--date-order must be dmy, mdy or ymd, not "ydm".',
    );
    expect(error(['a.csv', '--period', 'fortnight'])).toBe(
      '--period must be one of day, week, month, quarter, year, not "fortnight".',
    );
    expect(error(['a.csv', '--kind', 'orders', '--end', '4'])).toBe(
      '--end is only used with --kind subscriptions.',
    );
  });

  it.each(['0', '-5', '1.5', '30d', '1000001'])('refuses --window %s', (value) => {
    expect(error(['a.csv', '--window', value])).toMatch(/^--window must be a whole number/);
  });

  it('accepts --window from 1 to 1,000,000 days', () => {
    expect(options(['a.csv', '--window', '1']).windowDays).toBe(1);
    expect(options(['a.csv', '--window', '1000000']).windowDays).toBe(1_000_000);
  });

  it.each(['2024-02-30', '31-12-2024', '2024-1-5', 'today'])(
    'refuses --reference-date %s',
    (value) => {
      expect(error(['a.csv', '--reference-date', value])).toBe(
        `--reference-date must be a date written YYYY-MM-DD, not "${value}".`,
      );
    },
  );
});

describe('parseIsoDay', () => {
  it('reads real calendar dates only', () => {
    expect(parseIsoDay('1970-01-01')).toBe(0);
    expect(parseIsoDay(' 2024-12-31 ')).toBe(epochDay(2024, 12, 31));
    expect(parseIsoDay('2023-02-29')).toBeNull();
    expect(parseIsoDay('2024-13-01')).toBeNull();
  });
});
