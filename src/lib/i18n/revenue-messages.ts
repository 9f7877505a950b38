/**
 * The words of the revenue panel (revenue retention and lifetime value, METRICS.md §8–§9), in
 * Dutch (the source) and English. One type for both, so a missing key fails to compile; the
 * panel gets them as a prop and imports no catalog. Comments tell the translator where a message
 * appears.
 */
export interface RevenueMessages {
  /** Heading of the panel. */
  readonly heading: string;
  /** Shown instead of the panel when the file has no amounts. */
  readonly noAmounts: string;
  /** One line under the heading. */
  readonly intro: string;
  /** Card titles. */
  readonly cards: {
    readonly nrr: string;
    readonly grr: string;
    readonly quickRatio: string;
    readonly ltv: string;
    readonly lifetime: string;
  };
  /** Link-like line at the bottom of a card that opens the worked example. */
  readonly howCalculated: string;
  /** Under a card without a value (nobody paid at the start, nothing lost, no churn). */
  readonly noValue: string;
  /** The period a per-period card is about: "in 2024-02". */
  readonly inPeriod: (period: string) => string;
  /** The day the whole-data cards are measured up to: "tot en met 31 mrt 2024". */
  readonly asOf: (date: string) => string;
  /** Under the LTV card of subscriptions: the gross margin used ("marge 100%"). */
  readonly margin: (percent: string) => string;
  /** The average lifetime with its unit ("6 maanden", "2 jaar"); `count` chooses the plural. */
  readonly duration: (value: string, unit: 'month' | 'year', count: number) => string;
  /** The bars of the waterfall and the columns of the table (the chart's `WaterfallStepId`s). */
  readonly steps: {
    readonly start: string;
    readonly new: string;
    readonly expansion: string;
    readonly reactivated: string;
    readonly contraction: string;
    readonly churned: string;
    readonly end: string;
  };
  /** Heading of the waterfall. */
  readonly waterfallHeading: (period: string) => string;
  /** Accessible name of the waterfall canvas: what it shows, in one sentence. */
  readonly waterfallLabel: (period: string, start: string, end: string) => string;
  /** Heading and caption of the table of movements per period (the chart's text alternative). */
  readonly tableHeading: string;
  readonly tableCaption: string;
  readonly columns: {
    readonly period: string;
    readonly nrr: string;
    readonly grr: string;
    readonly quickRatio: string;
  };
  /** Badge and tooltip line on a period the data does not cover to its end. */
  readonly incomplete: string;
  /** Marks the selected period's row in the table, for screen readers. */
  readonly selected: string;
}

export const revenueNl: RevenueMessages = {
  /** Revenue retention: how much of the revenue of existing customers you keep. */
  heading: 'Omzetbehoud en klantwaarde',
  noAmounts:
    'Dit bestand heeft geen bedragen, dus omzetbehoud en klantwaarde kunnen niet worden berekend. Kies bij het inlezen een kolom met bedragen.',
  intro:
    'Hoeveel omzet je klanten van het begin je aan het eind nog opleveren, wat erbij kwam en wat wegviel, en wat een klant je gemiddeld waard is.',
  cards: {
    nrr: 'Netto omzetbehoud (NRR)',
    grr: 'Bruto omzetbehoud (GRR)',
    /** Revenue gained ÷ revenue lost; keep "quick ratio". */
    quickRatio: 'Quick ratio',
    ltv: 'Klantwaarde (LTV)',
    lifetime: 'Gemiddelde klantduur',
  },
  howCalculated: 'Hoe is dit berekend?',
  noValue: 'Geen uitkomst',
  inPeriod: (period) => `in ${period}`,
  asOf: (date) => `tot en met ${date}`,
  margin: (percent) => `bij een marge van ${percent}`,
  duration: (value, unit, count) =>
    unit === 'month' ? `${value} ${count === 1 ? 'maand' : 'maanden'}` : `${value} jaar`,
  steps: {
    /** R0: what the customers of the start paid. */
    start: 'Omzet aan het begin',
    new: 'Nieuwe klanten',
    expansion: 'Uitbreiding',
    reactivated: 'Teruggekeerd',
    contraction: 'Inkrimping',
    churned: 'Verloren omzet',
    end: 'Omzet aan het eind',
  },
  waterfallHeading: (period) => `Omzetbewegingen in ${period}`,
  waterfallLabel: (period, start, end) =>
    `Watervaldiagram van de omzet in ${period}: van ${start} aan het begin naar ${end} aan het eind. De tabel hieronder geeft dezelfde bedragen.`,
  tableHeading: 'Omzetbewegingen per periode',
  tableCaption:
    'Per periode de omzet aan het begin, wat erbij kwam en wegviel, de omzet aan het eind, en het omzetbehoud.',
  columns: {
    period: 'Periode',
    nrr: 'NRR',
    grr: 'GRR',
    quickRatio: 'Quick ratio',
  },
  incomplete: 'Periode nog niet compleet',
  selected: 'gekozen periode',
};

export const revenueEn: RevenueMessages = {
  heading: 'Revenue retention and lifetime value',
  noAmounts:
    'This file has no amounts, so revenue retention and customer value cannot be computed. Choose a column with amounts when importing.',
  intro:
    'How much revenue your customers from the start still bring in at the end, what came in and what fell away, and what a customer is worth on average.',
  cards: {
    nrr: 'Net revenue retention (NRR)',
    grr: 'Gross revenue retention (GRR)',
    quickRatio: 'Quick ratio',
    ltv: 'Lifetime value (LTV)',
    lifetime: 'Average customer lifetime',
  },
  howCalculated: 'How is this calculated?',
  noValue: 'No result',
  inPeriod: (period) => `in ${period}`,
  asOf: (date) => `up to ${date}`,
  margin: (percent) => `at a margin of ${percent}`,
  duration: (value, unit, count) =>
    unit === 'month'
      ? `${value} ${count === 1 ? 'month' : 'months'}`
      : `${value} ${count === 1 ? 'year' : 'years'}`,
  steps: {
    start: 'Start revenue',
    new: 'New customers',
    expansion: 'Expansion',
    reactivated: 'Reactivated',
    contraction: 'Contraction',
    churned: 'Churned revenue',
    end: 'End revenue',
  },
  waterfallHeading: (period) => `Revenue movements in ${period}`,
  waterfallLabel: (period, start, end) =>
    `Waterfall chart of revenue in ${period}: from ${start} at the start to ${end} at the end. The table below gives the same amounts.`,
  tableHeading: 'Revenue movements per period',
  tableCaption:
    'Per period the start revenue, what came in and fell away, the end revenue, and revenue retention.',
  columns: {
    period: 'Period',
    nrr: 'NRR',
    grr: 'GRR',
    quickRatio: 'Quick ratio',
  },
  incomplete: 'Period not complete yet',
  selected: 'selected period',
};
