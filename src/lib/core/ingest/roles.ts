/**
 * What each column means, detected from its header (Dutch and English) and its values. The user
 * sees the guess on the mapping screen and can change any of it.
 */
import { cellText, isExcelDate, type RawCell } from './raw-table.ts';
import { parseDateCell, looksLikeSerialDates } from './parse-date.ts';
import { parseAmount, guessDecimalSeparator } from './parse-amount.ts';

export type ColumnRole =
  /** Customer id, e-mail address or name. */
  | 'customer'
  /** Purchase date (orders) or start date (subscriptions). */
  | 'date'
  /** End or cancel date (subscriptions). */
  | 'end'
  /** Order total or line amount; the recurring amount for subscriptions. */
  | 'amount'
  | 'quantity'
  /** Unit price: amount = quantity × unit price when there is no amount column. */
  | 'price'
  /** Order or invoice number: rows sharing it are one purchase. */
  | 'order'
  /** Order status: cancelled or refunded rows are refunds. */
  | 'status'
  /** Months a subscriber has been a customer (snapshot exports without dates). */
  | 'tenure'
  /** Yes/no: the customer has left (snapshot exports without dates). */
  | 'churned'
  /** A categorical column for breakdowns: channel, country, plan, … */
  | 'category'
  | 'ignore';

export const columnRoles: readonly ColumnRole[] = [
  'customer',
  'date',
  'end',
  'amount',
  'quantity',
  'price',
  'order',
  'status',
  'tenure',
  'churned',
  'category',
  'ignore',
];

/** Roles that at most one column can have. */
export const singleRoles: ReadonlySet<ColumnRole> = new Set([
  'customer',
  'date',
  'end',
  'amount',
  'quantity',
  'price',
  'order',
  'status',
  'tenure',
  'churned',
]);

/** Lower case, accents and punctuation removed, words joined by single spaces. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Splits camelCase before normalizing, so "CustomerID" and "InvoiceDate" read as two words. */
function headerWords(header: string): string {
  return normalizeHeader(header.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

/** Headers that name a start moment: their file holds subscriptions rather than orders. */
const startHeaderNames: readonly string[] = [
  'startdatum',
  'start',
  'start date',
  'begindatum',
  'ingangsdatum',
  'lid sinds',
  'member since',
  'aanmelddatum',
  'inschrijfdatum',
  'signup date',
  'sign up date',
  'signed up',
  'joined',
  'join date',
  'subscription start',
  'start abonnement',
  'startdatum abonnement',
  'customer since',
  'klant sinds',
  'since',
];

type Synonyms = Readonly<Record<Exclude<ColumnRole, 'ignore'>, readonly string[]>>;

/**
 * Header names per role, normalized. An exact match scores highest; a header that contains one of
 * these as whole words scores lower. Order matters within a role only for readability.
 */
const synonyms: Synonyms = {
  customer: [
    'klant',
    'klantnummer',
    'klantnr',
    'klant nr',
    'klant id',
    'klantid',
    'klantcode',
    'customer',
    'customer id',
    'customerid',
    'customer number',
    'customer no',
    'client',
    'client id',
    'clientnummer',
    'debiteur',
    'debiteurnummer',
    'debiteur nr',
    'relatie',
    'relatienummer',
    'relatie nr',
    'lid',
    'lidnummer',
    'lid nr',
    'member',
    'member id',
    'membership id',
    'account',
    'account id',
    'user',
    'user id',
    'userid',
    'buyer',
    'koper',
    'contact',
    'e mail',
    'email',
    'e mailadres',
    'emailadres',
    'email address',
    'e mail address',
    'mail',
    'customer email',
    'klant e mail',
    'naam',
    'name',
    'klantnaam',
    'customer name',
    'full name',
    'volledige naam',
    'lid naam',
    'abonnee',
    'subscriber',
    'subscriber id',
  ],
  date: [
    'datum',
    'date',
    'besteldatum',
    'orderdatum',
    'order date',
    'factuurdatum',
    'invoice date',
    'transactiedatum',
    'transaction date',
    'aankoopdatum',
    'purchase date',
    'betaaldatum',
    'payment date',
    'created at',
    'created',
    'aangemaakt',
    'aangemaakt op',
    'timestamp',
    'tijdstip',
    'datum tijd',
    'date time',
    'datetime',
    'paid at',
    'verkoopdatum',
    'sale date',
    'order created',
    'bezoekdatum',
    'visit date',
    ...startHeaderNames,
  ],
  end: [
    'einddatum',
    'end',
    'end date',
    'opzegdatum',
    'opgezegd op',
    'cancel date',
    'cancelled at',
    'canceled at',
    'cancellation date',
    'uitschrijfdatum',
    'afmelddatum',
    'stopdatum',
    'stop date',
    'churn date',
    'beeindigd',
    'beeindigd op',
    'end at',
    'ended at',
    'ends at',
    'einde',
    'einde abonnement',
    'einddatum abonnement',
    'lid tot',
    'member until',
    'tot',
    'opzegging',
    'subscription end',
    'vertrekdatum',
  ],
  amount: [
    'bedrag',
    'totaal',
    'total',
    'omzet',
    'amount',
    'revenue',
    'sales',
    'totaalbedrag',
    'bedrag incl btw',
    'bedrag excl btw',
    'totaal incl btw',
    'totaal excl btw',
    'factuurbedrag',
    'orderbedrag',
    'order total',
    'order amount',
    'total amount',
    'value',
    'waarde',
    'sale amount',
    'net sales',
    'gross sales',
    'mrr',
    'maandbedrag',
    'contributie',
    'lidmaatschapsgeld',
    'abonnementsprijs',
    'monthly charges',
    'monthly fee',
    'monthly amount',
    'maandprijs',
    'prijs per maand',
    'subtotal',
    'subtotaal',
    'spend',
    'besteed',
    'betaald',
    'paid',
    'price total',
    'line total',
    'regeltotaal',
    'netto',
    'bruto',
    'dollar value',
  ],
  quantity: [
    'aantal',
    'quantity',
    'qty',
    'stuks',
    'hoeveelheid',
    'lineitem quantity',
    'units',
    'count',
    'number of items',
    'aantal stuks',
  ],
  price: [
    'stuksprijs',
    'prijs',
    'unit price',
    'unitprice',
    'price',
    'eenheidsprijs',
    'lineitem price',
    'prijs per stuk',
    'price each',
    'item price',
    'verkoopprijs',
  ],
  order: [
    'factuurnummer',
    'factuurnr',
    'factuur',
    'ordernummer',
    'ordernr',
    'order',
    'order id',
    'orderid',
    'order number',
    'order no',
    'bestelnummer',
    'bestelling',
    'invoice',
    'invoiceno',
    'invoice no',
    'invoice number',
    'invoice id',
    'transaction id',
    'transactie id',
    'transactienummer',
    'bonnummer',
    'receipt',
    'receipt number',
    'bon',
  ],
  status: [
    'status',
    'financial status',
    'orderstatus',
    'order status',
    'betaalstatus',
    'payment status',
    'betaalstatus',
    'state',
  ],
  tenure: ['tenure', 'looptijd', 'looptijd maanden', 'maanden lid', 'months', 'tenure months'],
  churned: [
    'churn',
    'churned',
    'opgezegd',
    'vertrokken',
    'is churned',
    'has churned',
    'exited',
    'gestopt',
    'opgezegd ja nee',
  ],
  category: [
    'kanaal',
    'channel',
    'acquisition channel',
    'acquisitiekanaal',
    'source',
    'bron',
    'herkomst',
    'utm source',
    'land',
    'country',
    'billing country',
    'shipping country',
    'plan',
    'abonnement',
    'subscription',
    'product',
    'productgroep',
    'categorie',
    'category',
    'segment',
    'regio',
    'region',
    'stad',
    'city',
    'plaats',
    'contract',
    'type',
    'klanttype',
    'customer type',
    'vestiging',
    'locatie',
    'location',
    'winkel',
    'store',
    'shop',
    'gender',
    'geslacht',
    'payment method',
    'betaalmethode',
    'lidmaatschap',
    'membership',
    'tier',
    'niveau',
  ],
};

/** Position of each synonym in its role's list: earlier names win ties ("total" over "subtotal"). */
const synonymRanks = new Map(
  Object.entries(synonyms).map(([role, names]) => [
    role,
    new Map(names.map((name, index) => [name, index] as const)),
  ]),
);

const startHeaders = new Set(startHeaderNames);

export function isStartHeader(header: string): boolean {
  return startHeaders.has(headerWords(header));
}

/**
 * How well a header fits a role: about 3 for an exact synonym (a little less the later it stands
 * in the list), 2 when the header contains a synonym as whole words, 0 when it names none.
 */
export function headerScore(header: string, role: Exclude<ColumnRole, 'ignore'>): number {
  const words = headerWords(header);
  if (words === '') return 0;
  const rank = synonymRanks.get(role)?.get(words);
  if (rank !== undefined) return 3 - rank / 1000;
  const padded = ` ${words} `;
  for (const synonym of synonyms[role]) {
    if (synonym.length >= 4 && padded.includes(` ${synonym} `)) return 2;
  }
  return 0;
}

/** What a column's values look like, measured on a sample of its non-empty cells. */
export interface ValueProfile {
  readonly filled: number;
  /** Share of filled cells that read as dates. */
  readonly dates: number;
  /** Share of filled cells that read as numbers. */
  readonly numbers: number;
  /** Share of numbers with a fractional part. */
  readonly fractions: number;
  /** Share of filled cells containing '@'. */
  readonly emails: number;
  /** Distinct values ÷ filled cells. */
  readonly distinctShare: number;
  readonly distinct: number;
  /** Share of filled cells that are yes/no words. */
  readonly yesNo: number;
  /** Share of cells like "#1001", as Shopify numbers its orders ("K001" is a customer number). */
  readonly orderLike: number;
  /** Share of values with leading zeros ("0012"): identifiers, not quantities. */
  readonly leadingZeros: number;
}

const yesNoWords = new Set([
  'yes',
  'no',
  'ja',
  'nee',
  'true',
  'false',
  'y',
  'n',
  'j',
  '1',
  '0',
  'waar',
  'onwaar',
]);

export function profileValues(values: readonly RawCell[]): ValueProfile {
  let filled = 0;
  let dates = 0;
  let numbers = 0;
  let fractions = 0;
  let emails = 0;
  let yesNo = 0;
  let orderLike = 0;
  let leadingZeros = 0;
  const distinct = new Set<string>();
  const serials = looksLikeSerialDates(values.filter((value) => isExcelDate(value)));
  const decimal = guessDecimalSeparator(values);
  for (const value of values) {
    const text = cellText(value);
    if (text === '') continue;
    filled += 1;
    distinct.add(text);
    if (isExcelDate(value) || parseDateCell(value, 'dmy', false, serials) !== null) dates += 1;
    const amount = parseAmount(value, decimal);
    if (amount !== null) {
      numbers += 1;
      if (!Number.isInteger(amount)) fractions += 1;
      if (/^0\d/.test(text)) leadingZeros += 1;
    }
    if (text.includes('@')) emails += 1;
    if (yesNoWords.has(text.toLowerCase())) yesNo += 1;
    if (/^#\d+$/.test(text)) orderLike += 1;
  }
  const share = (count: number) => (filled === 0 ? 0 : count / filled);
  return {
    filled,
    dates: share(dates),
    numbers: share(numbers),
    fractions: numbers === 0 ? 0 : fractions / numbers,
    emails: share(emails),
    distinctShare: share(distinct.size),
    distinct: distinct.size,
    yesNo: share(yesNo),
    orderLike: share(orderLike),
    leadingZeros: share(leadingZeros),
  };
}

/** Whether a column's values could hold a role at all (a date column must hold dates, …). */
export function valuesFit(role: ColumnRole, profile: ValueProfile): boolean {
  if (profile.filled === 0) return role === 'end' || role === 'category' || role === 'ignore';
  switch (role) {
    case 'date':
    case 'end':
      return profile.dates >= 0.8;
    case 'amount':
    case 'price':
      return profile.numbers >= 0.8;
    case 'quantity':
    case 'tenure':
      return profile.numbers >= 0.8 && profile.fractions < 0.1;
    case 'churned':
      return profile.yesNo >= 0.95 && profile.distinct <= 3;
    case 'category':
      // Few distinct values; tiny samples cannot show repetition yet.
      return profile.distinct <= 200 && (profile.distinctShare <= 0.5 || profile.filled < 50);
    case 'customer':
      return profile.dates < 0.8 || profile.leadingZeros > 0.5;
    default:
      return true;
  }
}
