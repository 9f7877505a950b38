/**
 * The headline cards of the overview for one period: each number, its value in the previous
 * period and the change, and which worked example (and which term's customers) it opens.
 */
import type { PeriodRow, Report } from '../core/analyze.ts';
import type { MetricId } from '../core/explain/index.ts';

export type CardId =
  | 'crr'
  | 'exactRetention'
  | 'churn'
  | 'start'
  | 'end'
  | 'newCustomers'
  | 'lost'
  | 'reactivated'
  | 'repeatRate'
  | 'revenue';

export interface Card {
  readonly id: CardId;
  readonly kind: 'ratio' | 'count' | 'money';
  readonly value: number | null;
  /** The same number in the period before, when there is one. */
  readonly previous: number | null;
  /** value − previous, null when either is missing. */
  readonly change: number | null;
  /** The worked example this card opens. */
  readonly metric: MetricId | null;
  /** The term of that example whose customers the card stands for (S, E, N, lost, …). */
  readonly symbol: string | null;
}

interface CardSpec {
  readonly id: CardId;
  readonly kind: Card['kind'];
  readonly read: (row: PeriodRow) => number | null;
  readonly metric: MetricId | null;
  readonly symbol: string | null;
  readonly when?: (report: Report) => boolean;
}

const isOrders = (report: Report) => report.inputKind === 'orders';

const specs: readonly CardSpec[] = [
  { id: 'crr', kind: 'ratio', read: (row) => row.crr, metric: 'retention-rate', symbol: null },
  {
    id: 'exactRetention',
    kind: 'ratio',
    read: (row) => row.exactRetention,
    metric: 'exact-retention',
    symbol: null,
  },
  { id: 'churn', kind: 'ratio', read: (row) => row.churn, metric: 'churn-rate', symbol: null },
  { id: 'start', kind: 'count', read: (row) => row.S, metric: 'retention-rate', symbol: 'S' },
  { id: 'end', kind: 'count', read: (row) => row.E, metric: 'retention-rate', symbol: 'E' },
  {
    id: 'newCustomers',
    kind: 'count',
    read: (row) => row.N,
    metric: 'retention-rate',
    symbol: 'N',
  },
  { id: 'lost', kind: 'count', read: (row) => row.lost, metric: 'churn-rate', symbol: 'lost' },
  {
    id: 'reactivated',
    kind: 'count',
    read: (row) => row.reactivated,
    metric: 'retention-rate',
    symbol: 'reactivated',
    when: isOrders,
  },
  {
    id: 'repeatRate',
    kind: 'ratio',
    read: (row) => row.repeatRate,
    metric: 'repeat-purchase-rate',
    symbol: null,
    when: isOrders,
  },
  {
    id: 'revenue',
    kind: 'money',
    read: (row) => row.revenue,
    metric: null,
    symbol: null,
    when: (report) => report.periods.some((row) => row.revenue !== null),
  },
];

/** The cards for period index `selected` of a report. */
export function cardsFor(report: Report, selected: number): Card[] {
  const row = report.periods[selected];
  if (!row) return [];
  const before = selected > 0 ? report.periods[selected - 1] : undefined;
  return specs
    .filter((spec) => spec.when?.(report) ?? true)
    .map((spec) => {
      const value = spec.read(row);
      const previous = before ? spec.read(before) : null;
      return {
        id: spec.id,
        kind: spec.kind,
        value,
        previous,
        change: value !== null && previous !== null ? value - previous : null,
        metric: spec.metric,
        symbol: spec.symbol,
      };
    });
}
