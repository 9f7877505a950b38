/**
 * Two customer lists (METRICS.md §1): the customers at the start of a period and those at its
 * end, from two files or two sheets. Each list needs only a customer column; keys are compared
 * the same way as everywhere (trimmed, e-mail addresses case-insensitive).
 */
import { NO_DAY, type Dataset } from '../model/dataset.ts';
import type { Mapping } from './detect.ts';
import {
  customerKey,
  ingest,
  type IngestResult,
  type RowProblem,
  type SkipReason,
} from './ingest.ts';
import type { RawTable } from './raw-table.ts';

export interface ListInput {
  readonly table: RawTable;
  readonly mapping: Mapping;
}

/**
 * Builds a 'lists' dataset from a start list and an end list. Rows of both lists are read with
 * the ordinary importer (kind 'lists', so no date is required); a customer listed twice in one
 * list counts once there.
 * @example start [a, b, c, d], end [b, c, d, e] → customers a–e, list flags 0,0,0,0,1,1,1,1
 */
export function ingestLists(start: ListInput, end: ListInput): IngestResult {
  const first = ingest(start.table, { ...start.mapping, kind: 'lists' });
  if (!first.ok) return first;
  const second = ingest(end.table, { ...end.mapping, kind: 'lists' });
  if (!second.ok) return second;

  const codes = new Map<string, number>();
  const keys: string[] = [];
  const customer: number[] = [];
  const list: number[] = [];
  const day: number[] = [];
  const sourceRow: number[] = [];
  const seen = new Set<string>();
  const add = (dataset: Dataset, side: 0 | 1) => {
    for (let row = 0; row < dataset.rowCount; row += 1) {
      const display = dataset.customerKeys[dataset.customer[row]];
      const key = customerKey(display);
      if (seen.has(`${side}:${key}`)) continue;
      seen.add(`${side}:${key}`);
      let code = codes.get(key);
      if (code === undefined) {
        code = keys.length;
        codes.set(key, code);
        keys.push(display);
      }
      customer.push(code);
      list.push(side);
      day.push(dataset.day[row]);
      sourceRow.push(dataset.sourceRow[row]);
    }
  };
  add(first.dataset, 0);
  add(second.dataset, 1);

  const rowCount = customer.length;
  const dataset: Dataset = {
    kind: 'lists',
    rowCount,
    customerKeys: keys,
    customer: Int32Array.from(customer),
    day: Int32Array.from(day),
    endDay: null,
    amount: null,
    order: null,
    refund: new Uint8Array(rowCount),
    list: Uint8Array.from(list),
    sourceRow: Int32Array.from(sourceRow),
    categories: [],
  };
  const skipped = { ...first.summary.skipped };
  for (const [reason, count] of Object.entries(second.summary.skipped)) {
    skipped[reason as SkipReason] += count;
  }
  const skippedRows: RowProblem<SkipReason>[] = [...first.skippedRows, ...second.skippedRows];
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const value of day) {
    if (value === NO_DAY) continue;
    from = Math.min(from, value);
    to = Math.max(to, value);
  }
  return {
    ok: true,
    dataset,
    summary: {
      kind: 'lists',
      rowsRead: first.summary.rowsRead + second.summary.rowsRead,
      rowsUsed: rowCount,
      customers: keys.length,
      dateRange: Number.isFinite(from) ? { from, to } : null,
      skipped,
      refundRows: 0,
      warnings: { 'unreadable-amount': 0 },
    },
    skippedRows,
    warningRows: [],
  };
}
