/**
 * The command line's arguments, parsed without touching the file: everything that can be wrong
 * here is a usage error (exit code 1), found before any file is read.
 */
import type { InputKind } from '../lib/core/model/dataset.ts';
import { epochDay, isValidDate } from '../lib/core/model/days.ts';
import { periodUnits, type PeriodUnit } from '../lib/core/model/periods.ts';
import { cohortUnits, type CohortUnit } from '../lib/core/metrics/cohort-matrix.ts';
import type { DateOrder } from '../lib/core/ingest/parse-date.ts';
import type { ColumnRole } from '../lib/core/ingest/roles.ts';

/** The roles a flag can give a column, in the order the flags are listed in the usage text. */
export const columnFlags = [
  'customer',
  'date',
  'end',
  'amount',
  'quantity',
  'price',
  'order',
] as const satisfies readonly ColumnRole[];

/** A role that a column flag assigns. */
export type FlagRole = (typeof columnFlags)[number];

/** The kinds a user can force; 'lists' needs two files and has no command-line form yet. */
export type CliKind = Extract<InputKind, 'orders' | 'subscriptions'>;

/** Everything the command line asked for. */
export interface CliOptions {
  readonly file: string;
  readonly kind: CliKind | null;
  /** Column per role as typed: a header name or a 1-based column number. */
  readonly columns: Readonly<Partial<Record<FlagRole, string>>>;
  readonly sheet: string | null;
  readonly dateOrder: DateOrder | null;
  readonly period: PeriodUnit;
  /** Period of the cohorts (week, month, quarter or year). */
  readonly cohortPeriod: CohortUnit;
  readonly windowDays: number;
  /** Epoch day that ends the calibration of the purchase model; null means its default. */
  readonly calibrationEnd: number | null;
  /** Epoch day given with --reference-date; null means today. */
  readonly referenceDay: number | null;
  readonly json: boolean;
}

/** Parsed arguments, a request for help, or a usage error in one sentence. */
export type ParsedArgs =
  | { readonly ok: true; readonly help: false; readonly options: CliOptions }
  | { readonly ok: true; readonly help: true }
  | { readonly ok: false; readonly message: string };

/** The default activity window W in days (METRICS.md §3). */
export const DEFAULT_WINDOW = 365;
/** The same upper bound as the engine's normalizeWindow, so that what we echo is what it uses. */
const MAX_WINDOW = 1_000_000;

/** The usage text printed by --help and after a usage error. */
export const usage = `Usage: npm run analyze -- <file> [options]

Reads a CSV, TSV, text or Excel file of orders or subscriptions and reports how it was read.

Options:
  --kind orders|subscriptions   what one row is (default: detected)
  --customer COL                customer id, e-mail or name column
  --date COL                    purchase date (orders) or start date (subscriptions)
  --end COL                     end or cancel date (subscriptions)
  --amount COL                  order total, or monthly amount (subscriptions)
  --quantity COL                quantity (amount = quantity x price when there is no total)
  --price COL                   unit price
  --order COL                   order or invoice number
  --sheet NAME                  Excel sheet (default: the first sheet with data)
  --date-order dmy|mdy|ymd      how dates like 03/04/2024 are written (default: detected)
  --period day|week|month|quarter|year   period of the report (default: month)
  --cohort-period week|month|quarter|year   period of the cohorts (default: month)
  --window DAYS                 activity window for orders in days (default: 365)
  --calibration-end YYYY-MM-DD  end of the purchase model's calibration (default: the data's
                                last day minus a third of its span)
  --reference-date YYYY-MM-DD   day a snapshot without dates was taken (default: today, UTC)
  --json                        print one JSON object instead of the text report
  -h, --help                    show this help

COL is a header name (case-insensitive) or a 1-based column number.`;

const valueFlags = new Set<string>([
  ...columnFlags.map((role) => `--${role}`),
  '--kind',
  '--sheet',
  '--date-order',
  '--period',
  '--cohort-period',
  '--window',
  '--calibration-end',
  '--reference-date',
]);

const kinds: readonly CliKind[] = ['orders', 'subscriptions'];
const dateOrders: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

function isColumnFlag(name: string): name is FlagRole {
  return (columnFlags as readonly string[]).includes(name);
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | null {
  const lower = value.toLowerCase();
  return (allowed as readonly string[]).includes(lower) ? (lower as T) : null;
}

/** A strict YYYY-MM-DD calendar date as an epoch day, or null. */
export function parseIsoDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? epochDay(year, month, day) : null;
}

/**
 * Parses the arguments after the script name. Accepts `--flag value` and `--flag=value`; `--`
 * ends the options (for a file name starting with '-'). A flag given twice is an error rather
 * than "last one wins", because a silently ignored column choice gives a wrong report.
 * @example parseArgs(['orders.csv', '--customer', 'Email', '--json'])
 *   → { ok: true, help: false, options: { file: 'orders.csv', columns: { customer: 'Email' }, json: true, … } }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  const files: string[] = [];
  let json = false;
  let help = false;
  let optionsEnded = false;

  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (optionsEnded || !argument.startsWith('-') || argument === '-') {
      files.push(argument);
      continue;
    }
    if (argument === '--') {
      optionsEnded = true;
      continue;
    }
    if (argument === '-h' || argument === '--help') {
      help = true;
      continue;
    }
    const equals = argument.indexOf('=');
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    if (flag === '--json') {
      if (equals > 0) return { ok: false, message: '--json takes no value.' };
      json = true;
      continue;
    }
    if (!valueFlags.has(flag)) return { ok: false, message: `Unknown option ${flag}.` };
    let value: string;
    if (equals > 0) {
      value = argument.slice(equals + 1);
    } else {
      const next = argv[index + 1];
      // "--customer --json" is a forgotten value, not a column named "--json".
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        return { ok: false, message: `${flag} needs a value.` };
      }
      value = next;
      index += 1;
    }
    if (value.trim() === '') return { ok: false, message: `${flag} needs a value.` };
    if (values.has(flag)) return { ok: false, message: `${flag} is given twice.` };
    values.set(flag, value);
  }

  if (help) return { ok: true, help: true };
  if (files.length === 0) return { ok: false, message: 'No file given.' };
  if (files.length > 1) {
    return { ok: false, message: `Give one file, not ${files.length} (${files.join(', ')}).` };
  }

  const columns: Partial<Record<FlagRole, string>> = {};
  for (const [flag, value] of values) {
    const name = flag.slice(2);
    if (isColumnFlag(name)) columns[name] = value;
  }

  let kind: CliKind | null = null;
  const kindText = values.get('--kind');
  if (kindText !== undefined) {
    kind = oneOf(kindText, kinds);
    if (kind === null) {
      return { ok: false, message: `--kind must be orders or subscriptions, not "${kindText}".` };
    }
  }
  if (kind === 'orders' && columns.end !== undefined) {
    return { ok: false, message: '--end is only used with --kind subscriptions.' };
  }

  let dateOrder: DateOrder | null = null;
  const dateOrderText = values.get('--date-order');
  if (dateOrderText !== undefined) {
    dateOrder = oneOf(dateOrderText, dateOrders);
    if (dateOrder === null) {
      return {
        ok: false,
        message: `--date-order must be dmy, mdy or ymd, not "${dateOrderText}".`,
      };
    }
  }

  let period: PeriodUnit = 'month';
  const periodText = values.get('--period');
  if (periodText !== undefined) {
    const unit = oneOf(periodText, periodUnits);
    if (unit === null) {
      return {
        ok: false,
        message: `--period must be one of ${periodUnits.join(', ')}, not "${periodText}".`,
      };
    }
    period = unit;
  }

  let cohortPeriod: CohortUnit = 'month';
  const cohortText = values.get('--cohort-period');
  if (cohortText !== undefined) {
    const unit = oneOf(cohortText, cohortUnits);
    if (unit === null) {
      return {
        ok: false,
        message: `--cohort-period must be one of ${cohortUnits.join(', ')}, not "${cohortText}".`,
      };
    }
    cohortPeriod = unit;
  }

  let calibrationEnd: number | null = null;
  const calibrationText = values.get('--calibration-end');
  if (calibrationText !== undefined) {
    calibrationEnd = parseIsoDay(calibrationText);
    if (calibrationEnd === null) {
      return {
        ok: false,
        message: `--calibration-end must be a date written YYYY-MM-DD, not "${calibrationText}".`,
      };
    }
  }

  let windowDays = DEFAULT_WINDOW;
  const windowText = values.get('--window');
  if (windowText !== undefined) {
    const trimmed = windowText.trim();
    windowDays = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!(windowDays >= 1 && windowDays <= MAX_WINDOW)) {
      return {
        ok: false,
        message: `--window must be a whole number of days from 1 to ${MAX_WINDOW}, not "${windowText}".`,
      };
    }
  }

  let referenceDay: number | null = null;
  const referenceText = values.get('--reference-date');
  if (referenceText !== undefined) {
    referenceDay = parseIsoDay(referenceText);
    if (referenceDay === null) {
      return {
        ok: false,
        message: `--reference-date must be a date written YYYY-MM-DD, not "${referenceText}".`,
      };
    }
  }

  return {
    ok: true,
    help: false,
    options: {
      file: files[0],
      kind,
      columns,
      sheet: values.get('--sheet') ?? null,
      dateOrder,
      period,
      cohortPeriod,
      windowDays,
      calibrationEnd,
      referenceDay,
      json,
    },
  };
}
