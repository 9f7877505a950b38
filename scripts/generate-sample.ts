/**
 * The built-in sample data: two INVENTED files, so that the app can be tried without real
 * customer data. Nothing in them is real: the web shop, the gym, the order numbers, the customer
 * numbers, the e-mail addresses (all at example.nl, a reserved domain) and the members' first
 * names are made up by this script.
 *
 * Regenerate with `npm run sample` (writes public/sample/), or `npm run sample -- <folder>`.
 * The output is deterministic: a fixed seed per file (mulberry32), no clock, no locale, so running
 * it again gives byte-identical files and a diff shows only deliberate changes.
 *
 * - voorbeeld-webwinkel-bestellingen.csv: a Dutch web shop's orders, mid 2022 to 2024-12-31,
 *   as exported by Dutch Excel (semicolons, dd-mm-yyyy, decimal comma, CRLF), with a few refunds
 *   and guest orders without a customer number.
 * - voorbeeld-sportschool-leden.csv: a gym's member list since 2021 with start and cancel dates.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where `npm run sample` writes, relative to the project rather than the current folder. */
export const DEFAULT_SAMPLE_DIR = fileURLToPath(new URL('../public/sample/', import.meta.url));

export const ORDERS_FILE = 'voorbeeld-webwinkel-bestellingen.csv';
export const MEMBERS_FILE = 'voorbeeld-sportschool-leden.csv';

/** Dutch Excel writes CRLF; the importer must take it, so the sample shows it does. */
const NEWLINE = '\r\n';
const DAY_MS = 86_400_000;

/** mulberry32: a tiny, well-known seeded generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [item, weight] of items) {
    left -= weight;
    if (left < 0) return item;
  }
  return items[items.length - 1][0];
}

function integer(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Exponentially distributed with this mean. */
function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}

/** Days since 1970-01-01 of a UTC calendar date (Date.UTC has no time zone to shift it). */
function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function calendar(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A Dutch date as typed in the Netherlands: 03-01-2024. */
function dutchDate(day: number): string {
  const date = calendar(day);
  return `${String(date.day).padStart(2, '0')}-${String(date.month).padStart(2, '0')}-${date.year}`;
}

/**
 * Cents as a Dutch amount: decimal comma, a dot between thousands.
 * @example dutchAmount(123456) === '1.234,56'; dutchAmount(-1250) === '-12,50'
 */
export function dutchAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(Math.round(cents));
  const euros = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(absolute % 100).padStart(2, '0')}`;
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.join(';')).join(NEWLINE) + NEWLINE;
}

// ---------------------------------------------------------------------------------------------
// The web shop

type Channel = 'Google' | 'Instagram' | 'Nieuwsbrief' | 'Direct' | 'Marktplaats';

/**
 * Per acquisition channel: share of new customers and the chance to order again after each order.
 * The differences are deliberate, so that a breakdown by channel shows something: newsletter
 * customers come back most, marketplace bargain hunters least.
 */
const channels: readonly (readonly [Channel, { share: number; repeat: number }])[] = [
  ['Google', { share: 0.34, repeat: 0.5 }],
  ['Instagram', { share: 0.22, repeat: 0.42 }],
  ['Nieuwsbrief', { share: 0.12, repeat: 0.68 }],
  ['Direct', { share: 0.2, repeat: 0.58 }],
  ['Marktplaats', { share: 0.12, repeat: 0.28 }],
];

/** Article prices in cents (a home-and-kitchen shop): orders are 1–4 of these plus shipping. */
const articlePrices = [
  795, 1295, 1495, 1995, 2495, 2999, 3495, 3995, 4995, 5995, 7995, 8995, 12995, 17995,
];
const SHIPPING = 495;
const FREE_SHIPPING_FROM = 5000;

const SHOP_FIRST_DAY = dayOf(2022, 7, 1);
const SHOP_LAST_DAY = dayOf(2024, 12, 31);
const SHOP_CUSTOMERS = 1500;
/** Guest checkouts without an account: rows the importer must skip and list. */
const GUEST_ORDERS = 3;

/** How busy a day is for new customers: growth over time, a Black Friday and December peak. */
function acquisitionWeight(day: number): number {
  const { month, day: dayOfMonth } = calendar(day);
  const growth = 1 + (day - SHOP_FIRST_DAY) / (SHOP_LAST_DAY - SHOP_FIRST_DAY);
  const season: Record<number, number> = { 1: 0.8, 2: 0.8, 6: 0.85, 7: 0.8, 8: 0.85, 11: 1.6 };
  let factor = season[month] ?? 1;
  if (month === 12) factor = dayOfMonth <= 20 ? 1.9 : 0.7;
  return growth * factor;
}

interface ShopRow {
  readonly day: number;
  /** Ties on one day keep the order they were made in. */
  readonly sequence: number;
  readonly order: number;
  /** Null for a guest checkout. */
  readonly customer: number | null;
  readonly cents: number;
  readonly channel: Channel;
}

function orderTotal(random: Random): number {
  // Now and then a company orders gifts in bulk: totals above 1.000,00 show the thousands dot.
  if (random() < 0.01) return integer(random, 10, 24) * articlePrices[integer(random, 6, 11)];
  const articles = pickWeighted(random, [
    [1, 0.45],
    [2, 0.32],
    [3, 0.15],
    [4, 0.08],
  ] as const);
  let cents = 0;
  for (let index = 0; index < articles; index += 1) {
    cents += articlePrices[Math.floor(random() ** 1.6 * articlePrices.length)];
  }
  return cents < FREE_SHIPPING_FROM ? cents + SHIPPING : cents;
}

/**
 * The web shop's orders as CSV text: 1,500 customers whose first order falls on a day drawn by
 * `acquisitionWeight`; after each order a customer orders again with their channel's chance
 * (a geometric number of orders; stopping is churn), after a gap around their own rhythm.
 */
export function webshopOrdersCsv(): string {
  const random = mulberry32(20241231);
  const days: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let day = SHOP_FIRST_DAY; day <= SHOP_LAST_DAY; day += 1) {
    total += acquisitionWeight(day);
    days.push(day);
    cumulative.push(total);
  }
  const drawFirstDay = () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] <= target) low = middle + 1;
      else high = middle;
    }
    return days[low];
  };

  const rows: Omit<ShopRow, 'order'>[] = [];
  const refunds: { day: number; parent: number; cents: number }[] = [];
  let sequence = 0;
  const customerNumbers = new Set<number>();
  for (let index = 0; index < SHOP_CUSTOMERS; index += 1) {
    let customer: number;
    do customer = integer(random, 10_000, 99_999);
    while (customerNumbers.has(customer));
    customerNumbers.add(customer);
    const channel = pickWeighted(
      random,
      channels.map(([name, { share }]) => [name, share] as const),
    );
    // The channel sets the typical chance to buy again; customers differ around it, as real ones
    // do (and as the purchase model assumes: without that spread it has nothing to estimate).
    const typical = channels.find(([name]) => name === channel)?.[1].repeat ?? 0.5;
    const repeat = Math.min(0.95, Math.max(0.05, typical + (random() - 0.5) * 0.7));
    // Each customer has their own rhythm: some reorder monthly, others once or twice a year.
    const meanGap = 30 + exponential(random, 120);
    let day = drawFirstDay();
    for (;;) {
      const cents = orderTotal(random);
      const row = { day, sequence: sequence++, customer, cents, channel };
      rows.push(row);
      // About 2 % of orders are returned within a month: a credit row with a negative total.
      if (random() < 0.02) {
        const refundDay = day + integer(random, 3, 30);
        const partial = random() < 0.4;
        const refundCents = partial ? Math.min(cents, articlePrices[integer(random, 0, 5)]) : cents;
        if (refundDay <= SHOP_LAST_DAY)
          refunds.push({ day: refundDay, parent: row.sequence, cents: -refundCents });
      }
      if (random() >= repeat) break;
      day += Math.max(2, Math.round(exponential(random, meanGap)));
      if (day > SHOP_LAST_DAY) break;
    }
  }
  for (let guest = 0; guest < GUEST_ORDERS; guest += 1) {
    const channel: Channel = guest === 1 ? 'Instagram' : 'Direct';
    rows.push({
      day: integer(random, SHOP_FIRST_DAY + 200, SHOP_LAST_DAY - 10),
      sequence: sequence++,
      customer: null,
      cents: orderTotal(random),
      channel,
    });
  }

  // Order numbers count up in date order, as a shop's system hands them out.
  rows.sort((a, b) => a.day - b.day || a.sequence - b.sequence);
  const all: ShopRow[] = rows.map((row, index) => ({ ...row, order: 2022_0001 + index }));
  for (const refund of refunds) {
    const parent = all.find((row) => row.sequence === refund.parent);
    if (!parent) continue;
    // A refund keeps its order's number: the export lists it as a credit line of that order.
    all.push({ ...parent, day: refund.day, sequence: sequence++, cents: refund.cents });
  }
  all.sort((a, b) => a.day - b.day || a.sequence - b.sequence);

  return csv(
    ['Bestelnummer', 'Klantnummer', 'E-mail', 'Besteldatum', 'Totaal', 'Kanaal'],
    all.map((row) => [
      String(row.order),
      row.customer === null ? '' : String(row.customer),
      row.customer === null ? '' : `klant${row.customer}@example.nl`,
      dutchDate(row.day),
      dutchAmount(row.cents),
      row.channel,
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// The gym

type Plan = 'Basis' | 'Plus' | 'Premium';

/** Monthly fee in cents and monthly chance of cancelling: premium members stay longer. */
const plans: readonly (readonly [Plan, { share: number; cents: number; churn: number }])[] = [
  ['Basis', { share: 0.47, cents: 2495, churn: 0.045 }],
  ['Plus', { share: 0.34, cents: 3495, churn: 0.032 }],
  ['Premium', { share: 0.19, cents: 4495, churn: 0.022 }],
];

/** New members per calendar month relative to an average month: the January resolutions peak. */
const joinSeason = [2.4, 1.5, 1.15, 0.95, 0.85, 0.7, 0.55, 0.7, 1.35, 1.05, 0.85, 0.6];

const GYM_FIRST_YEAR = 2021;
const GYM_LAST_DAY = dayOf(2024, 12, 31);
const GYM_MEMBERS = 600;

const firstNames = (
  'Anouk Bram Charlotte Daan Emma Fleur Gijs Hanna Ilse Jesse Julia Kees Lotte Luuk Maud Milan ' +
  'Noor Olivier Pien Ruben Sanne Sem Tess Thijs Vera Wouter Yara Zoë Fatima Mohamed Sven Iris ' +
  'Joris Lieke Mila Niels Roos Stijn Femke Ayoub'
).split(' ');
const initials = 'ABCDEFGHIJKLMNOPRSTVWZ';

/**
 * The gym's member list as CSV text: 600 members who joined from January 2021 on, month drawn by
 * `joinSeason` with slow growth; each stays a geometric number of months by their plan's churn
 * (a little higher in the first three months) and cancels at the end of a month. Members whose
 * end falls after 2024-12-31 are still members: their Opzegdatum is empty.
 */
export function gymMembersCsv(): string {
  const random = mulberry32(20210104);
  const months: (readonly [number, number])[] = [];
  for (let index = 0; index < 48; index += 1) {
    months.push([index, joinSeason[index % 12] * (1 + index / 60)]);
  }
  const members: { start: number; end: number | null; plan: Plan; name: string }[] = [];
  for (let index = 0; index < GYM_MEMBERS; index += 1) {
    const month = pickWeighted(random, months);
    const year = GYM_FIRST_YEAR + Math.floor(month / 12);
    const monthOfYear = (month % 12) + 1;
    const daysInMonth = calendar(dayOf(year, monthOfYear + 1, 1) - 1).day;
    // Most January joiners come in the first two weeks; other months spread evenly.
    const dayOfMonth =
      monthOfYear === 1 && random() < 0.6
        ? integer(random, 2, 14)
        : integer(random, 1, daysInMonth);
    const start = dayOf(year, monthOfYear, dayOfMonth);
    const plan = pickWeighted(
      random,
      plans.map(([name, { share }]) => [name, share] as const),
    );
    const churn = plans.find(([name]) => name === plan)?.[1].churn ?? 0.03;
    let stayed = 1;
    while (random() >= (stayed <= 3 ? churn * 2 : churn)) stayed += 1;
    // Cancelled at the end of the month `stayed` months after joining.
    const end = dayOf(year, monthOfYear + stayed + 1, 1) - 1;
    const name = `${firstNames[integer(random, 0, firstNames.length - 1)]} ${initials[integer(random, 0, initials.length - 1)]}.`;
    members.push({ start, end: end <= GYM_LAST_DAY ? end : null, plan, name });
  }
  members.sort((a, b) => a.start - b.start);

  return csv(
    ['Lidnummer', 'Naam', 'Lid sinds', 'Opzegdatum', 'Abonnement', 'Maandbedrag'],
    members.map((member, index) => [
      String(1001 + index),
      member.name,
      dutchDate(member.start),
      member.end === null ? '' : dutchDate(member.end),
      member.plan,
      dutchAmount(plans.find(([name]) => name === member.plan)?.[1].cents ?? 0),
    ]),
  );
}

const readme = `# Sample data (invented)

The two files in this folder are **invented**: no real shop, gym, customer or member is in them.
They are generated by \`scripts/generate-sample.ts\` with a fixed seed, so the output is the same
on every run. Do not edit them by hand; change the script and run \`npm run sample\`.

- \`${ORDERS_FILE}\`: orders of an invented Dutch web shop,
  July 2022 to 31 December 2024, about 1,500 customers. Semicolon-separated, dates
  \`dd-mm-yyyy\`, amounts with a decimal comma, CRLF line ends (as Dutch Excel saves a CSV).
  Columns: Bestelnummer, Klantnummer, E-mail (all at example.nl), Besteldatum, Totaal
  (negative = refund), Kanaal (acquisition channel of the customer). ${GUEST_ORDERS} guest orders
  have no customer number and are skipped on import.
- \`${MEMBERS_FILE}\`: members of an invented gym since January 2021, ${GYM_MEMBERS} members.
  Columns: Lidnummer, Naam (invented first name and initial), Lid sinds, Opzegdatum (empty =
  still a member), Abonnement (Basis, Plus, Premium), Maandbedrag (24,95 / 34,95 / 44,95).
`;

/** The sample folder's files by name, as text. */
export function sampleFiles(): Record<string, string> {
  return {
    [ORDERS_FILE]: webshopOrdersCsv(),
    [MEMBERS_FILE]: gymMembersCsv(),
    'README.md': readme,
  };
}

/** Writes the sample files into `dir` (created when missing) and returns their paths. */
export function writeSamples(dir: string = DEFAULT_SAMPLE_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(sampleFiles()).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text, 'utf8');
    return path;
  });
}

// Run only as a script, not when a test imports the functions above.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const target = process.argv[2]
    ? resolve(process.env.INIT_CWD ?? '.', process.argv[2])
    : undefined;
  for (const path of writeSamples(target)) console.log(`wrote ${path}`);
}
