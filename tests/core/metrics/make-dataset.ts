/**
 * Small hand-made datasets for the metric tests: rows written as readable objects, turned into the
 * columnar Dataset the importer would produce.
 */
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import { epochDay, NO_DAY } from '../../../src/lib/core/model/days.ts';

/** '2024-02-29' → epoch day. */
export function day(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return epochDay(y, m, d);
}

export interface OrderRow {
  readonly customer: string;
  readonly day: string;
  readonly amount?: number;
  readonly order?: string;
  readonly refund?: boolean;
}

function encoder(): { codes: Map<string, number>; keys: string[]; code(key: string): number } {
  const codes = new Map<string, number>();
  const keys: string[] = [];
  return {
    codes,
    keys,
    code(key: string): number {
      let c = codes.get(key);
      if (c === undefined) {
        c = keys.length;
        codes.set(key, c);
        keys.push(key);
      }
      return c;
    },
  };
}

export function ordersDataset(rows: readonly OrderRow[]): Dataset {
  const customers = encoder();
  const orders = encoder();
  const hasAmounts = rows.some((r) => r.amount !== undefined);
  const hasOrders = rows.some((r) => r.order !== undefined);
  return {
    kind: 'orders',
    rowCount: rows.length,
    customerKeys: customers.keys,
    customer: Int32Array.from(rows, (r) => customers.code(r.customer)),
    day: Int32Array.from(rows, (r) => day(r.day)),
    endDay: null,
    amount: hasAmounts ? Float64Array.from(rows, (r) => r.amount ?? 0) : null,
    order: hasOrders ? Int32Array.from(rows, (r) => orders.code(r.order ?? '')) : null,
    refund: Uint8Array.from(rows, (r) => (r.refund ? 1 : 0)),
    list: null,
    sourceRow: Int32Array.from(rows, (_, i) => i + 2),
    categories: [],
  };
}

export interface SubscriptionRow {
  readonly customer: string;
  readonly start: string;
  readonly end?: string;
}

export function subscriptionsDataset(rows: readonly SubscriptionRow[]): Dataset {
  const customers = encoder();
  return {
    kind: 'subscriptions',
    rowCount: rows.length,
    customerKeys: customers.keys,
    customer: Int32Array.from(rows, (r) => customers.code(r.customer)),
    day: Int32Array.from(rows, (r) => day(r.start)),
    endDay: Int32Array.from(rows, (r) => (r.end === undefined ? NO_DAY : day(r.end))),
    amount: null,
    order: null,
    refund: new Uint8Array(rows.length),
    list: null,
    sourceRow: Int32Array.from(rows, (_, i) => i + 2),
    categories: [],
  };
}

export function listsDataset(start: readonly string[], end: readonly string[]): Dataset {
  const customers = encoder();
  const all = [...start.map((k) => [k, 0] as const), ...end.map((k) => [k, 1] as const)];
  return {
    kind: 'lists',
    rowCount: all.length,
    customerKeys: customers.keys,
    customer: Int32Array.from(all, ([k]) => customers.code(k)),
    day: new Int32Array(all.length).fill(NO_DAY),
    endDay: null,
    amount: null,
    order: null,
    refund: new Uint8Array(all.length),
    list: Uint8Array.from(all, ([, l]) => l),
    sourceRow: Int32Array.from(all, (_, i) => i + 2),
    categories: [],
  };
}

/**
 * The subscription data behind METRICS.md §4's churn table for March 2024: 200 customers active
 * at the start of which 10 leave in March, 50 new ones of which 3 leave in March (E = 237).
 * Customer keys: s0…s199 (s0…s9 leave), n0…n49 (n0…n2 leave).
 */
export function churnTableDataset(): Dataset {
  const rows: SubscriptionRow[] = [];
  for (let i = 0; i < 200; i++) {
    rows.push({ customer: `s${i}`, start: '2024-01-15', end: i < 10 ? '2024-03-20' : undefined });
  }
  for (let i = 0; i < 50; i++) {
    rows.push({ customer: `n${i}`, start: '2024-03-05', end: i < 3 ? '2024-03-25' : undefined });
  }
  // Something on 2024-04-30 so that March and April are covered to their last day.
  rows.push({ customer: 'later', start: '2024-04-30' });
  return subscriptionsDataset(rows);
}
