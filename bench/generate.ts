/**
 * The benchmark's inputs: an INVENTED web shop's order export, made by a seeded generator
 * (mulberry32, as scripts/generate-sample.ts), so every machine measures the same bytes.
 *
 * - orders-en.csv: `order_id,email,order_date,amount,channel`, ISO dates, decimal point, LF;
 *   about 56 bytes a row, so 1,000,000 rows ≈ 56 MB.
 * - orders-nl.csv: the same rows as Dutch Excel writes them: `;`, dd-mm-jjjj, decimal comma,
 *   CRLF, Dutch header and channel names.
 * - orders.xlsx: a separate 500,000-row export (same generator, half the customers), dates as real
 *   Excel dates (serial numbers with a date format), amounts as numbers, compressed like Excel's.
 *
 * Customers (e-mail keys at the reserved example.* domains) arrive over four years at a growing
 * rate, each through one acquisition channel; after every order they order again with a chance
 * that depends on the channel, after a gap drawn around their own buying rhythm. So the data has
 * real repeat behaviour, reactivations after more than 365 days, and a channel worth breaking down.
 *
 * Files are reused when bench/out/manifest.json says they were made by this generator (a hash of
 * its source) with the same seed and size, and they still have the recorded byte sizes.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { mulberry32 } from '../scripts/generate-sample.ts';

export const SEED = 0x6265686f; // "beho"
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2021, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2024, 11, 31) / DAY_MS;
/** Excel's serial number of 1970-01-01 in the 1900 date system. */
const EXCEL_EPOCH_OFFSET = 25_569;

export interface Inputs {
  readonly csvEn: string;
  readonly csvNl: string;
  readonly xlsx: string;
  readonly csvRows: number;
  readonly xlsxRows: number;
  /** Distinct customers in the CSVs. */
  readonly customers: number;
  readonly reused: boolean;
}

/** Columnar orders, sorted by day (exports are in date order). */
interface Orders {
  readonly rows: number;
  readonly customers: number;
  readonly emails: readonly string[];
  readonly customer: Int32Array;
  readonly day: Int32Array;
  readonly cents: Int32Array;
  readonly channel: Uint8Array;
}

/** Acquisition share and chance to order again after each order, per channel. */
const channels: readonly { en: string; nl: string; share: number; repeat: number }[] = [
  { en: 'Google', nl: 'Google', share: 0.32, repeat: 0.94 },
  { en: 'Instagram', nl: 'Instagram', share: 0.2, repeat: 0.92 },
  { en: 'Newsletter', nl: 'Nieuwsbrief', share: 0.12, repeat: 0.97 },
  { en: 'Direct', nl: 'Direct', share: 0.2, repeat: 0.96 },
  { en: 'Marketplace', nl: 'Marktplaats', share: 0.1, repeat: 0.85 },
  { en: 'Affiliate', nl: 'Affiliate', share: 0.06, repeat: 0.9 },
];

const firstNames = (
  'anna bram chris daan emma fleur gijs hanna ilse jan kim lars lotte mila noah olga pim ' +
  'quinn roos sem tess ute vera wout xander yara zoe bas eva finn ruben sara tim lisa max'
).split(' ');
const lastNames = (
  'jansen devries bakker visser smit meijer boer mulder groot bos vos peters hendriks dekker ' +
  'brouwer wit dijkstra smits graaf kok vermeer prins post kuiper veenstra'
).split(' ');
const domains = ['example.com', 'example.nl', 'example.org', 'example.net'];
/** Article prices in cents; an order is 1–4 articles plus shipping under €50. */
const articlePrices = [795, 1295, 1495, 1995, 2495, 2999, 3495, 3995, 4995, 5995, 7995, 12995];

function pickChannel(random: () => number): number {
  let left = random();
  for (let index = 0; index < channels.length; index += 1) {
    left -= channels[index].share;
    if (left < 0) return index;
  }
  return channels.length - 1;
}

function orderCents(random: () => number): number {
  let cents = 0;
  const articles = 1 + Math.floor(random() * random() * 4);
  for (let index = 0; index < articles; index += 1) {
    cents += articlePrices[Math.floor(random() * articlePrices.length)];
  }
  return cents < 5000 ? cents + 495 : cents;
}

/** Generates exactly `rows` orders; the number of customers follows from the buying behaviour. */
export function generateOrders(rows: number, seed: number): Orders {
  const random = mulberry32(seed);
  const customer = new Int32Array(rows);
  const day = new Int32Array(rows);
  const cents = new Int32Array(rows);
  const channel = new Uint8Array(rows);
  const emails: string[] = [];
  const taken = new Set<string>();
  const span = LAST_DAY - FIRST_DAY + 1;
  let row = 0;
  while (row < rows) {
    let email: string;
    do {
      const first = firstNames[Math.floor(random() * firstNames.length)];
      const last = lastNames[Math.floor(random() * lastNames.length)];
      const name = random() < 0.5 ? `${first}.${last}` : `${first[0]}.${last}`;
      email = `${name}${Math.floor(random() * 100)}@${domains[Math.floor(random() * 4)]}`;
    } while (taken.has(email));
    taken.add(email);
    const code = emails.length;
    emails.push(email);
    // Arrivals grow over the years: density ∝ 1 + x on [0, 1], sampled by inverting its CDF.
    const x = -1 + Math.sqrt(1 + 3 * random());
    let current = FIRST_DAY + Math.floor(x * span);
    const acquiredBy = pickChannel(random);
    const repeat = channels[acquiredBy].repeat;
    // Each customer has a rhythm: some buy monthly, some twice a year.
    const meanGap = 8 + -50 * Math.log(1 - random());
    let ordered = true;
    for (let order = 0; ordered && current <= LAST_DAY && row < rows; order += 1) {
      customer[row] = code;
      day[row] = current;
      cents[row] = orderCents(random);
      // Later orders mostly come in directly or through the newsletter.
      channel[row] =
        order === 0 || random() < 0.6 ? acquiredBy : random() < 0.5 ? 3 : pickChannel(random);
      row += 1;
      ordered = random() < repeat;
      current += 1 + Math.floor(-meanGap * Math.log(1 - random()));
    }
  }
  // Counting sort by day keeps each day's orders in generation order: deterministic and O(n).
  const counts = new Int32Array(span + 1);
  for (let index = 0; index < rows; index += 1) counts[day[index] - FIRST_DAY + 1] += 1;
  for (let index = 1; index <= span; index += 1) counts[index] += counts[index - 1];
  const order = new Int32Array(rows);
  for (let index = 0; index < rows; index += 1) order[counts[day[index] - FIRST_DAY]++] = index;
  const permute = <T extends Int32Array | Uint8Array>(source: T, target: T): T => {
    for (let index = 0; index < rows; index += 1) target[index] = source[order[index]];
    return target;
  };
  return {
    rows,
    customers: emails.length,
    emails,
    customer: permute(customer, new Int32Array(rows)),
    day: permute(day, new Int32Array(rows)),
    cents: permute(cents, new Int32Array(rows)),
    channel: permute(channel, new Uint8Array(rows)),
  };
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** ISO and Dutch date text per day of the range, made once instead of per row. */
function dateTexts(): { iso: string[]; dutch: string[] } {
  const iso: string[] = [];
  const dutch: string[] = [];
  for (let day = FIRST_DAY; day <= LAST_DAY; day += 1) {
    const date = new Date(day * DAY_MS);
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    iso.push(`${y}-${pad2(m)}-${pad2(d)}`);
    dutch.push(`${pad2(d)}-${pad2(m)}-${y}`);
  }
  return { iso, dutch };
}

/** Writes the CSV in chunks of text, so no 56 MB string is ever built. */
function writeCsv(path: string, orders: Orders, dutch: boolean): void {
  const dates = dateTexts();
  const file = openSync(path, 'w');
  const separator = dutch ? ';' : ',';
  const newline = dutch ? '\r\n' : '\n';
  const decimal = dutch ? ',' : '.';
  const names = channels.map((channel) => (dutch ? channel.nl : channel.en));
  let chunk = dutch
    ? `Ordernummer;E-mail;Besteldatum;Bedrag;Kanaal${newline}`
    : `order_id,email,order_date,amount,channel${newline}`;
  for (let row = 0; row < orders.rows; row += 1) {
    const cents = orders.cents[row];
    const index = orders.day[row] - FIRST_DAY;
    chunk +=
      String(1_000_001 + row) +
      separator +
      orders.emails[orders.customer[row]] +
      separator +
      (dutch ? dates.dutch[index] : dates.iso[index]) +
      separator +
      Math.floor(cents / 100) +
      decimal +
      pad2(cents % 100) +
      separator +
      names[orders.channel[row]] +
      newline;
    if (chunk.length > 1 << 20) {
      writeSync(file, chunk);
      chunk = '';
    }
  }
  writeSync(file, chunk);
  closeSync(file);
}

/**
 * A Dutch shop's workbook. Cells are built directly in SheetJS's dense mode: a million small cell
 * objects in sparse mode (keyed by "A1" strings) would take several times the memory.
 */
function writeXlsx(path: string, orders: Orders): void {
  const data: XLSX.CellObject[][] = [
    ['Ordernummer', 'E-mail', 'Besteldatum', 'Bedrag', 'Kanaal'].map((v) => ({ t: 's', v })),
  ];
  for (let row = 0; row < orders.rows; row += 1) {
    data.push([
      { t: 'n', v: 1_000_001 + row },
      { t: 's', v: orders.emails[orders.customer[row]] },
      { t: 'n', v: orders.day[row] + EXCEL_EPOCH_OFFSET, z: 'dd-mm-yyyy' },
      { t: 'n', v: orders.cents[row] / 100, z: '#,##0.00' },
      { t: 's', v: channels[orders.channel[row]].nl },
    ]);
  }
  const sheet: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: orders.rows, c: 4 } }),
  };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Bestellingen');
  // Excel compresses its zip; an uncompressed one would make reading it look cheaper than it is.
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }));
}

interface Manifest {
  readonly key: string;
  readonly customers: number;
  readonly files: Record<string, number>;
}

/** Makes the inputs in `dir`, or reuses them when the manifest says they are the same. */
export function ensureInputs(dir: string, csvRows: number, xlsxRows: number): Inputs {
  mkdirSync(dir, { recursive: true });
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const key = createHash('sha256')
    .update(source)
    .update(JSON.stringify({ SEED, csvRows, xlsxRows, xlsx: XLSX.version }))
    .digest('hex');
  const suffix = csvRows === 1_000_000 ? '' : `-${csvRows}`;
  const paths = {
    csvEn: join(dir, `orders-en${suffix}.csv`),
    csvNl: join(dir, `orders-nl${suffix}.csv`),
    xlsx: join(dir, `orders${xlsxRows === 500_000 ? '' : `-${xlsxRows}`}.xlsx`),
  };
  const manifestPath = join(dir, `manifest${suffix}.json`);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const same =
      manifest.key === key &&
      Object.values(paths).every(
        (path) => existsSync(path) && statSync(path).size === manifest.files[path],
      );
    if (same) return { ...paths, csvRows, xlsxRows, customers: manifest.customers, reused: true };
  }
  const orders = generateOrders(csvRows, SEED);
  writeCsv(paths.csvEn, orders, false);
  writeCsv(paths.csvNl, orders, true);
  writeXlsx(paths.xlsx, generateOrders(xlsxRows, SEED + 1));
  const files = Object.fromEntries(Object.values(paths).map((path) => [path, statSync(path).size]));
  const manifest: Manifest = { key, customers: orders.customers, files };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...paths, csvRows, xlsxRows, customers: orders.customers, reused: false };
}
