import type { PeriodRow } from '../../src/lib/core/analyze.ts';

/** A report row with only the fields the charts read set meaningfully; the rest are zero. */
export function periodRow(
  period: string,
  fields: Partial<PeriodRow> & Pick<PeriodRow, 'complete'>,
): PeriodRow {
  return {
    period,
    first: 0,
    last: 0,
    S: 0,
    E: 0,
    N: 0,
    crr: null,
    exactRetention: null,
    churn: null,
    churnStripe: null,
    churnBaremetrics: null,
    lost: 0,
    joinedAndLeft: 0,
    reactivated: 0,
    repeatRate: null,
    newCustomers: 0,
    returningCustomers: 0,
    newToExisting: null,
    revenue: null,
    newRevenue: null,
    returningRevenue: null,
    ...fields,
  };
}

/** Four months: a normal one, one with no customers at the start (no rates), one more, and a
 * partial last month whose low CRR must not read as a drop. */
export const rows: readonly PeriodRow[] = [
  periodRow('2024-01', {
    complete: true,
    crr: 0.95,
    churn: 0.05,
    newCustomers: 50,
    returningCustomers: 190,
  }),
  periodRow('2024-02', {
    complete: true,
    crr: null,
    churn: null,
    newCustomers: 12,
    returningCustomers: 0,
  }),
  periodRow('2024-03', {
    complete: true,
    crr: 0.7045,
    churn: 0.3,
    newCustomers: 120,
    returningCustomers: 310,
  }),
  periodRow('2024-04', {
    complete: false,
    crr: 0.4,
    churn: 0.6,
    newCustomers: 7,
    returningCustomers: 1234,
  }),
];
