/**
 * The two real order files in ../shared/data, read twice: by a deliberately plain parser here
 * (the raw rows, for the tests' own slow reference computations) and by the app's real importer
 * (readFile → detect → ingest) for the dataset the engine analyses. The two never share code.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../../src/lib/core/model/dataset.ts';
import { readFile } from '../../../src/lib/io/read-file.ts';
import { detect } from '../../../src/lib/core/ingest/detect.ts';
import { ingest } from '../../../src/lib/core/ingest/ingest.ts';
import type { ColumnRole } from '../../../src/lib/core/ingest/roles.ts';
import { sharedData } from '../../shared-data.ts';

export const DATA_DIR = sharedData;

export interface RawOrder {
  readonly customer: string;
  /** 'YYYY-MM-DD' */
  readonly date: string;
  readonly amount: number;
  /** Invoice number, or null when the file has none. */
  readonly order: string | null;
  /** Cancellation row (invoice number starting with 'C'). */
  readonly cancelled: boolean;
}

/**
 * The dataset as the app builds it. `roles` overrides the detected roles by column index (for
 * CDNOW, which has no header).
 */
function imported(file: string, roles?: readonly ColumnRole[]): Dataset {
  const read = readFile(new Uint8Array(readFileSync(`${DATA_DIR}/${file}`)), file);
  if (!read.ok) throw new Error(`${file}: ${read.code}`);
  const table = read.sheets[0].table;
  const detected = detect(table).mapping;
  const mapping = roles ? { ...detected, roles: [...roles] } : detected;
  const result = ingest(table, mapping);
  if (!result.ok) throw new Error(`${file}: ${result.issue}`);
  return result.dataset;
}

/**
 * CDNOW_sample.txt: whitespace separated, no header; customer = column 2, date = column 3
 * (yyyymmdd), amount = column 5. No order numbers: one customer's rows on one day are one purchase.
 */
export function loadCdnow(): { rows: RawOrder[]; dataset: Dataset } {
  const text = readFileSync(`${DATA_DIR}/CDNOW_sample.txt`, 'utf8');
  const rows: RawOrder[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.trim().split(/\s+/);
    if (cells.length < 5) continue;
    const d = cells[2];
    rows.push({
      customer: cells[1],
      date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
      amount: Number(cells[4]),
      order: null,
      cancelled: false,
    });
  }
  return {
    rows,
    dataset: imported('CDNOW_sample.txt', ['ignore', 'customer', 'date', 'ignore', 'amount']),
  };
}

/** Splits CSV text into rows of cells (RFC 4180 quotes, "" inside quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * online_retail_sample_10pct.csv: customer = CustomerID (rows without one are skipped), date =
 * the day of InvoiceDate, amount = Quantity × UnitPrice, order = InvoiceNo, cancellations =
 * InvoiceNo starting with 'C'.
 */
export function loadOnlineRetail(): { rows: RawOrder[]; dataset: Dataset; skipped: number } {
  const [header, ...lines] = parseCsv(
    readFileSync(`${DATA_DIR}/online_retail_sample_10pct.csv`, 'utf8'),
  );
  const col = (name: string) => header.indexOf(name);
  const [invoice, quantity, date, price, customer] = [
    col('InvoiceNo'),
    col('Quantity'),
    col('InvoiceDate'),
    col('UnitPrice'),
    col('CustomerID'),
  ];
  const rows: RawOrder[] = [];
  let skipped = 0;
  for (const cells of lines) {
    if (cells.length < header.length) continue;
    const key = cells[customer].trim();
    if (key === '') {
      skipped++;
      continue;
    }
    rows.push({
      customer: key,
      date: cells[date].slice(0, 10),
      amount: Number(cells[quantity]) * Number(cells[price]),
      order: cells[invoice],
      cancelled: cells[invoice].startsWith('C'),
    });
  }
  return { rows, dataset: imported('online_retail_sample_10pct.csv'), skipped };
}
