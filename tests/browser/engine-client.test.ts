import { describe, expect, it } from 'vitest';
import { EngineClient } from '../../src/lib/io/engine-client.ts';

/** A CSV of `rows` orders, built in the page. */
function ordersCsv(rows: number): Blob {
  const lines = ['klant,datum,bedrag'];
  for (let index = 0; index < rows; index += 1) {
    lines.push(`k${index % 997},2024-0${1 + (index % 9)}-1${index % 10},${(index % 50) + 0.5}`);
  }
  return new Blob([lines.join('\n')], { type: 'text/csv' });
}

describe('EngineClient in the real worker', () => {
  it('reads, detects and ingests a file in the worker', async () => {
    const client = new EngineClient();
    const read = await client.read(ordersCsv(2000), 'orders.csv');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheets[0].rowCount).toBe(2000);
    const mapping = read.sheets[0].detection.mapping;
    expect(mapping.roles).toEqual(['customer', 'date', 'amount']);
    const settings = { unit: 'month', range: null, windowDays: 365, refunds: 'include' } as const;
    const origin = { name: 'orders.csv', fileName: 'orders.csv', isSample: false, settings };
    const ingested = await client.ingest('orders', mapping, 20000, null, origin);
    expect(ingested?.ok && ingested.summary.customers).toBe(997);
    const report = await client.analyze({ unit: 'month' });
    expect(report?.periods.map((period) => period.period)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
    ]);
    client.dispose();
  });

  it('ingests again with a changed mapping after the text was let go (read again from the file)', async () => {
    const client = new EngineClient();
    const read = await client.read(ordersCsv(2000), 'orders.csv');
    if (!read.ok) throw new Error('not read');
    const mapping = read.sheets[0].detection.mapping;
    const settings = { unit: 'month', range: null, windowDays: 365, refunds: 'include' } as const;
    const origin = { name: 'orders.csv', fileName: 'orders.csv', isSample: false, settings };
    const first = await client.ingest('orders', mapping, 20000, null, origin);
    expect(first?.ok && first.summary.rowsUsed).toBe(2000);
    const withAmounts = await client.analyze({ unit: 'month', revenue: true });
    expect(withAmounts?.revenueRetention).not.toBeNull();
    // The amounts left out: the second import has no revenue but the same customers and rows.
    const withoutAmounts = { ...mapping, roles: ['customer', 'date', 'ignore'] as const };
    const second = await client.ingest('orders', withoutAmounts, 20000, null, origin);
    expect(second?.ok && [second.summary.rowsUsed, second.summary.customers]).toEqual([2000, 997]);
    const report = await client.analyze({ unit: 'month', revenue: true });
    expect(report?.periods).toHaveLength(9);
    // Not the import worked out ahead with the detected mapping: this one has no amounts.
    expect(report?.revenueRetention).toBeNull();
    client.dispose();
  });

  it('stops a read that makes no progress in time (the watchdog), as a timeout', async () => {
    const client = new EngineClient(1);
    const read = await client.read(ordersCsv(200_000), 'big.csv');
    expect(read).toEqual({ ok: false, code: 'timeout' });
    client.dispose();
  });

  it('cancels a read on request, and a second client is unaffected', async () => {
    const other = new EngineClient();
    const client = new EngineClient();
    const pending = client.read(ordersCsv(300_000), 'big.csv');
    client.cancel();
    await expect(pending).resolves.toEqual({ ok: false, code: 'cancelled' });
    const read = await other.read(ordersCsv(100), 'small.csv');
    expect(read.ok).toBe(true);
    other.dispose();
  });
});
