/**
 * The built-in sample files: deterministic, small, up to date in public/sample, and read by the
 * app's own pipeline (readFile → detect → ingest) as the kind and columns they are meant to show.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SAMPLE_DIR,
  MEMBERS_FILE,
  ORDERS_FILE,
  dutchAmount,
  sampleFiles,
  writeSamples,
} from '../../scripts/generate-sample.ts';
import { detect } from '../../src/lib/core/ingest/detect.ts';
import { ingest } from '../../src/lib/core/ingest/ingest.ts';
import { NO_DAY } from '../../src/lib/core/model/days.ts';
import { epochDay, isoDate } from '../../src/lib/core/model/days.ts';
import { readFile } from '../../src/lib/io/read-file.ts';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function generateInto(): string {
  const dir = mkdtempSync(join(tmpdir(), 'behoud-sample-'));
  temporary.push(dir);
  writeSamples(dir);
  return dir;
}

const files = sampleFiles();
const lines = (name: string) => files[name].trimEnd().split('\r\n');

function importSample(name: string) {
  const read = readFile(new TextEncoder().encode(files[name]), name);
  if (!read.ok) throw new Error(read.code);
  const table = read.sheets[0].table;
  const detection = detect(table);
  const result = ingest(table, detection.mapping, { referenceDay: epochDay(2025, 1, 1) });
  if (!result.ok) throw new Error(result.issue);
  return { read, detection, result };
}

describe('the sample generator', () => {
  it('writes byte-identical files on every run', () => {
    const first = generateInto();
    const second = generateInto();
    const names = readdirSync(first).sort();
    expect(names).toEqual(['README.md', MEMBERS_FILE, ORDERS_FILE].sort());
    expect(readdirSync(second).sort()).toEqual(names);
    for (const name of names) {
      expect(readFileSync(join(second, name)).equals(readFileSync(join(first, name)))).toBe(true);
    }
  });

  it('keeps the files small enough to ship', () => {
    for (const name of [ORDERS_FILE, MEMBERS_FILE]) {
      expect(Buffer.byteLength(files[name])).toBeLessThan(300_000);
    }
  });

  it('matches the committed files in public/sample (run `npm run sample` after a change)', () => {
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(join(DEFAULT_SAMPLE_DIR, name), 'utf8')).toBe(text);
    }
  });

  it('writes Dutch amounts', () => {
    expect(dutchAmount(4995)).toBe('49,95');
    expect(dutchAmount(123456)).toBe('1.234,56');
    expect(dutchAmount(-1250)).toBe('-12,50');
    expect(dutchAmount(100000005)).toBe('1.000.000,05');
  });
});

describe('voorbeeld-webwinkel-bestellingen.csv', () => {
  const { read, detection, result } = importSample(ORDERS_FILE);
  const rows = lines(ORDERS_FILE).map((line) => line.split(';'));

  it('starts with the header and is semicolon-separated with Dutch dates', () => {
    expect(rows[0]).toEqual([
      'Bestelnummer',
      'Klantnummer',
      'E-mail',
      'Besteldatum',
      'Totaal',
      'Kanaal',
    ]);
    expect(read.delimiter).toBe(';');
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(6);
      expect(row[3]).toMatch(/^\d{2}-\d{2}-20(22|23|24)$/);
      expect(row[4]).toMatch(/^-?\d{1,3}(\.\d{3})*,\d{2}$/);
      expect(row[2]).toMatch(/^(klant\d+@example\.nl)?$/);
    }
  });

  it('is detected as orders with the intended columns', () => {
    expect(detection.mapping.kind).toBe('orders');
    expect(detection.mapping.roles).toEqual([
      'order',
      'customer',
      'ignore',
      'date',
      'amount',
      'category',
    ]);
    expect(detection.notes).not.toContain('no-customer-column');
    expect(detection.mapping.dateOrder).toBe('dmy');
    expect(detection.mapping.decimal).toBe(',');
  });

  it('has 1,500 customers, two and a half years up to 2024-12-31, 3 guest rows and refunds', () => {
    const { summary } = result;
    expect(summary.customers).toBe(1500);
    expect(summary.dateRange && isoDate(summary.dateRange.from)).toBe('2022-07-01');
    expect(summary.dateRange && isoDate(summary.dateRange.to)).toBe('2024-12-31');
    expect(summary.skipped['missing-customer']).toBe(3);
    expect(summary.rowsUsed).toBe(rows.length - 1 - 3);
    const negative = rows.filter((row) => row[4].startsWith('-')).length;
    expect(summary.refundRows).toBe(negative);
    expect(negative).toBeGreaterThanOrEqual(10);
    expect(negative).toBeLessThanOrEqual(100);
    expect(summary.warnings['unreadable-amount']).toBe(0);
  });

  it('reads every amount, thousands dots included, as written', () => {
    const written = rows
      .slice(1)
      .filter((row) => row[1] !== '')
      .reduce((sum, row) => sum + Number(row[4].replace(/\./g, '').replace(',', '.')), 0);
    const amounts = result.dataset.amount ?? new Float64Array();
    expect(amounts.reduce((sum, value) => sum + value, 0)).toBeCloseTo(written, 6);
    expect(rows.some((row) => /^\d+\.\d{3},/.test(row[4]))).toBe(true);
  });

  it('shows repeat buying that differs by acquisition channel', () => {
    const purchases = new Map<string, { channel: string; count: number }>();
    for (const row of rows.slice(1)) {
      if (row[1] === '' || row[4].startsWith('-')) continue;
      const entry = purchases.get(row[1]) ?? { channel: row[5], count: 0 };
      entry.count += 1;
      purchases.set(row[1], entry);
    }
    const repeatShare = (channel?: string) => {
      const group = [...purchases.values()].filter(
        (entry) => !channel || entry.channel === channel,
      );
      return group.filter((entry) => entry.count >= 2).length / group.length;
    };
    expect(repeatShare()).toBeGreaterThan(0.25);
    expect(repeatShare()).toBeLessThan(0.5);
    expect(repeatShare('Nieuwsbrief')).toBeGreaterThan(repeatShare('Marktplaats') + 0.15);
    // The channel is the customer's acquisition channel: one per customer on every row.
    const channels = new Map<string, Set<string>>();
    for (const row of rows.slice(1)) {
      if (row[1] !== '') channels.set(row[1], (channels.get(row[1]) ?? new Set()).add(row[5]));
    }
    expect([...channels.values()].every((set) => set.size === 1)).toBe(true);
    expect(new Set(rows.slice(1).map((row) => row[5]))).toEqual(
      new Set(['Google', 'Instagram', 'Nieuwsbrief', 'Direct', 'Marktplaats']),
    );
  });
});

describe('voorbeeld-sportschool-leden.csv', () => {
  const { detection, result } = importSample(MEMBERS_FILE);
  const rows = lines(MEMBERS_FILE).map((line) => line.split(';'));

  it('is detected as subscriptions with the intended columns', () => {
    expect(rows[0]).toEqual([
      'Lidnummer',
      'Naam',
      'Lid sinds',
      'Opzegdatum',
      'Abonnement',
      'Maandbedrag',
    ]);
    expect(detection.mapping.kind).toBe('subscriptions');
    expect(detection.mapping.roles).toEqual([
      'customer',
      'ignore',
      'date',
      'end',
      'category',
      'amount',
    ]);
    expect(detection.notes).not.toContain('no-customer-column');
  });

  it('has 600 members since 2021, all rows used, empty Opzegdatum still active', () => {
    const { summary, dataset } = result;
    expect(summary.rowsRead).toBe(600);
    expect(summary.rowsUsed).toBe(600);
    expect(summary.customers).toBe(600);
    expect(Object.values(summary.skipped).every((count) => count === 0)).toBe(true);
    expect(summary.dateRange && isoDate(summary.dateRange.from)).toMatch(/^2021-01/);
    const stillMembers = rows.slice(1).filter((row) => row[3] === '').length;
    expect(dataset.endDay?.filter((day) => day === NO_DAY).length).toBe(stillMembers);
    expect(stillMembers).toBeGreaterThan(100);
    expect(stillMembers).toBeLessThan(500);
  });

  it('has the three plans at their monthly fees and invented first names with an initial', () => {
    const fees = new Map(rows.slice(1).map((row) => [row[4], row[5]]));
    expect(fees).toEqual(
      new Map([
        ['Basis', '24,95'],
        ['Plus', '34,95'],
        ['Premium', '44,95'],
      ]),
    );
    for (const row of rows.slice(1)) expect(row[1]).toMatch(/^\p{Lu}\p{Ll}+ [A-Z]\.$/u);
  });

  it('has its busiest month for new members in January, every year', () => {
    for (const year of ['2021', '2022', '2023', '2024']) {
      const joins = Array.from({ length: 12 }, () => 0);
      for (const row of rows.slice(1)) {
        if (row[2].endsWith(year)) joins[Number(row[2].slice(3, 5)) - 1] += 1;
      }
      expect(joins.indexOf(Math.max(...joins)), year).toBe(0);
    }
  });
});
