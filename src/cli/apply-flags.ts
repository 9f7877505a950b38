/**
 * The command line's column and format flags applied on top of what `detect` guessed, the same
 * corrections a user makes on the mapping screen.
 */
import type { Detection, DetectionNote, Mapping } from '../lib/core/ingest/detect.ts';
import type { ColumnRole } from '../lib/core/ingest/roles.ts';
import { columnFlags, type CliOptions, type FlagRole } from './args.ts';

/** A column found for a flag's COL, or why not (a clause to finish "there is no column …"). */
export type ColumnLookup =
  { readonly ok: true; readonly column: number } | { readonly ok: false; readonly message: string };

function sameHeader(a: string, b: string): boolean {
  return (
    a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase()
  );
}

/**
 * Finds the column a user named: a header (case-insensitive, trimmed) or a 1-based number.
 * A header wins over a number, so a column headed "2" is found by its name.
 * @example findColumn(['Klant', 'Datum'], 'datum') → { ok: true, column: 1 }
 */
export function findColumn(headers: readonly string[], wanted: string): ColumnLookup {
  const matches = headers.flatMap((header, column) =>
    header !== '' && sameHeader(header, wanted) ? [column] : [],
  );
  if (matches.length === 1) return { ok: true, column: matches[0] };
  if (matches.length > 1) {
    const numbers = matches.map((column) => column + 1).join(' and ');
    return {
      ok: false,
      message: `${matches.length} columns are named "${wanted.trim()}" (columns ${numbers}); give the number instead`,
    };
  }
  const trimmed = wanted.trim();
  if (/^\d+$/.test(trimmed)) {
    const number = Number(trimmed);
    if (number >= 1 && number <= headers.length) return { ok: true, column: number - 1 };
    const count = `${headers.length} column${headers.length === 1 ? '' : 's'}`;
    return { ok: false, message: `there is no column ${number} (the file has ${count})` };
  }
  const named = headers.filter((header) => header !== '');
  const list =
    named.length > 0 ? `its columns are ${named.join(', ')}` : 'the file has no header row';
  return { ok: false, message: `there is no column named "${trimmed}" (${list})` };
}

/** The corrected mapping, or why a flag cannot be applied to this file (a clause, no file name). */
export type FlagResult =
  | { readonly ok: true; readonly mapping: Mapping; readonly notes: readonly DetectionNote[] }
  | { readonly ok: false; readonly message: string };

/**
 * Applies --kind, --date-order and the column flags to a detection. A column given a role takes
 * it; any other column that had that role loses it ('ignore'), because most roles are single.
 * Notes are recomputed for the final roles, so a fixed guess no longer warns.
 * @example applyFlags(detection, { ...options, columns: { customer: '2' } }) → mapping.roles[1] === 'customer'
 */
export function applyFlags(
  detection: Detection,
  options: Pick<CliOptions, 'kind' | 'columns' | 'dateOrder'>,
): FlagResult {
  const roles: ColumnRole[] = [...detection.mapping.roles];
  const claimed = new Map<number, FlagRole>();
  for (const role of columnFlags) {
    const wanted = options.columns[role];
    if (wanted === undefined) continue;
    const found = findColumn(detection.headers, wanted);
    if (!found.ok) return { ok: false, message: `--${role}: ${found.message}` };
    const earlier = claimed.get(found.column);
    if (earlier !== undefined) {
      return {
        ok: false,
        message: `--${earlier} and --${role} name the same column (${columnName(detection, found.column)})`,
      };
    }
    claimed.set(found.column, role);
    for (let column = 0; column < roles.length; column += 1) {
      if (roles[column] === role) roles[column] = 'ignore';
    }
    roles[found.column] = role;
  }

  const kind = options.kind ?? detection.mapping.kind;
  if (kind === 'orders' && roles.includes('end')) {
    if (options.columns.end !== undefined) {
      return {
        ok: false,
        message:
          '--end is only used for subscriptions and the file was read as orders; add --kind subscriptions',
      };
    }
    // The same rule as detect: orders have no end date.
    roles[roles.indexOf('end')] = 'ignore';
  }

  const mapping: Mapping = {
    ...detection.mapping,
    kind,
    roles,
    dateOrder: options.dateOrder ?? detection.mapping.dateOrder,
  };
  return { ok: true, mapping, notes: notesFor(detection, mapping, options.dateOrder !== null) };
}

function notesFor(
  detection: Detection,
  mapping: Mapping,
  dateOrderGiven: boolean,
): DetectionNote[] {
  const { roles } = mapping;
  const notes: DetectionNote[] = [];
  if (mapping.headerRow < 0) notes.push('no-header');
  if (!roles.includes('customer')) notes.push('no-customer-column');
  if (!roles.includes('date') && !roles.includes('tenure')) notes.push('no-date-column');
  if (detection.notes.includes('ambiguous-date-order') && !dateOrderGiven) {
    notes.push('ambiguous-date-order');
  }
  if (!roles.includes('amount') && !(roles.includes('quantity') && roles.includes('price'))) {
    notes.push('no-amount-column');
  }
  return notes;
}

/** A column as a user would name it: its header, or its number when it has none. */
export function columnName(detection: Pick<Detection, 'headers'>, column: number): string {
  const header = detection.headers[column] ?? '';
  return header === '' ? String(column + 1) : header;
}
