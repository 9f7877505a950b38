/**
 * Words of the prediction panel (METRICS.md §9–§10): the purchase model, its holdout check and the
 * customers who may be leaving. One type for both languages, so a missing message fails to
 * compile. Messages with parameters take already formatted values (the caller formats numbers,
 * percentages and dates with Intl) plus the plain count where a plural needs it.
 */
import type { AtRiskReason, GammaGammaIssue, PredictionFailure } from '../core/prediction.ts';
import { formatDay, formatNumber, formatPercent, type Language } from './format.ts';

export interface PredictionMessages {
  /** Heading of the whole panel. */
  readonly heading: string;
  /** One sentence under the heading: what the model does. */
  readonly intro: string;
  /** Label of the date input that ends the calibration period. */
  readonly calibrationLabel: string;
  /** Under the date input: what the split means, with the data's first and last day. */
  readonly calibrationHint: (first: string, last: string) => string;
  /** Shown when the calibration runs to the data's last day: nothing left to check against. */
  readonly noHoldout: string;
  /** The one sentence shown instead of any model number, per reason. */
  readonly failure: Readonly<Record<PredictionFailure, string>>;
  /** Summary line of the collapsible block with the fitted parameters. */
  readonly parametersSummary: string;
  readonly parameters: {
    /** BG/NBD r and α: how often customers buy. */
    readonly purchaseRate: string;
    /** BG/NBD a and b: how likely customers drop out after a purchase. */
    readonly dropout: string;
    readonly logLikelihood: string;
    /** Customers the model learned from, with the calibration end. */
    readonly fittedOn: (customers: string, count: number, until: string) => string;
    /** Gamma-Gamma p, q and γ: spend per purchase. */
    readonly spend: string;
    /** The model's average spend per purchase, pγ/(q − 1). */
    readonly meanSpend: string;
  };
  /** Why there is no spend model (and so no customer value), per issue. */
  readonly gammaGammaIssue: Readonly<Record<GammaGammaIssue, string>>;
  readonly outlookHeading: string;
  /** Expected purchases over a horizon given in weeks (13 → "3 maanden"). */
  readonly expectedPurchases: (weeks: number) => string;
  /** Customer value over a horizon given in weeks. */
  readonly lifetimeValue: (weeks: number) => string;
  /** Σ P(alive): how many customers the model thinks are still active. */
  readonly expectedActive: string;
  readonly holdoutHeading: string;
  /** One sentence: how the holdout check works, with the calibration end. */
  readonly holdoutIntro: (until: string) => string;
  /** Accessible summary of the chart, with the final numbers. */
  readonly holdoutChartLabel: (predicted: string, actual: string, last: string) => string;
  readonly predicted: string;
  readonly actual: string;
  /** Summary of the collapsible table that is the chart's text alternative. */
  readonly showTable: string;
  readonly weekEnding: string;
  readonly atRiskHeading: string;
  /** Orders: what puts a customer on the list, with the threshold as a percentage. */
  readonly atRiskIntro: (threshold: string) => string;
  /** Subscriptions: the list is the customers who have already cancelled. */
  readonly atRiskIntroSubscriptions: string;
  readonly atRiskEmpty: string;
  readonly columns: {
    readonly customer: string;
    readonly lastPurchase: string;
    /** Subscriptions: start of the latest subscription. */
    readonly lastStart: string;
    readonly purchases: string;
    /** Subscriptions: number of subscription periods. */
    readonly periods: string;
    readonly pastRevenue: string;
    readonly probabilityAlive: string;
    readonly why: string;
  };
  readonly reasons: {
    readonly lowProbabilityAlive: (percent: string) => string;
    readonly overdue: (days: string, gap: string) => string;
    readonly announcedCancellation: (date: string) => string;
  };
  readonly exportAtRisk: string;
  /** Below a table cut short on screen (the export has every row). */
  readonly moreRows: (count: string) => string;
}

/** 13, 26 and 52 weeks read as months; other horizons stay weeks. */
const months: Readonly<Record<number, number>> = { 13: 3, 26: 6, 52: 12 };

export const predictionNl: PredictionMessages = {
  heading: 'Voorspelling: wie blijft er kopen?',
  intro:
    'Een model leert van het koopgedrag van je klanten hoe vaak ze kopen en hoe snel ze afhaken. Daarmee schat het per klant de kans dat die nog actief is en hoeveel die nog gaat kopen.',
  calibrationLabel: 'Model leren tot en met',
  calibrationHint: (first, last) =>
    `Het model leert van de aankopen tot deze datum en wordt getoetst op de periode erna. Je gegevens lopen van ${first} tot en met ${last}.`,
  noHoldout:
    'Het model leert nu van alle gegevens, dus er is geen periode over om de voorspelling te toetsen.',
  failure: {
    'too-few-customers':
      'Er zijn te weinig klanten om een betrouwbare voorspelling te maken (minstens 20 nodig).',
    'no-repeat-purchases':
      'Niemand heeft in deze periode een tweede keer gekocht, dus het model kan niet leren hoe vaak klanten terugkomen.',
    'did-not-converge':
      'Het model vond geen stabiele oplossing voor deze gegevens, dus we tonen geen voorspelling.',
    boundary:
      'Deze gegevens leggen het model niet goed vast (het lijkt alsof niemand afhaakt, of iedereen), dus we tonen geen voorspelling.',
    'flat-likelihood':
      'Verschillende modellen passen even goed bij deze gegevens, dus een voorspelling zou schijnzekerheid geven.',
    'not-orders':
      'Een voorspelling per klant kan alleen met bestellingen, niet met twee klantenlijsten.',
  },
  parametersSummary: 'Modelgegevens',
  parameters: {
    purchaseRate: 'Koopfrequentie (r, α per week)',
    dropout: 'Afhaken na een aankoop (a, b)',
    logLikelihood: 'Log-likelihood',
    fittedOn: (customers, count, until) =>
      `Geleerd van ${customers} ${count === 1 ? 'klant' : 'klanten'} met aankopen tot en met ${until}`,
    spend: 'Bedrag per aankoop (p, q, γ)',
    meanSpend: 'Gemiddeld bedrag per aankoop volgens het model',
  },
  gammaGammaIssue: {
    'no-amounts': 'Je bestand heeft geen bedragen, dus er is geen klantwaarde.',
    'too-few-repeat-customers':
      'Te weinig klanten kochten meer dan eens om het bedrag per aankoop te schatten.',
    'infinite-mean-spend':
      'De bedragen lopen zo sterk uiteen dat het model geen gemiddeld bedrag kan geven.',
    'did-not-converge': 'Het model voor bedragen vond geen stabiele oplossing.',
    boundary: 'De bedragen leggen het model voor bedragen niet goed vast.',
    'flat-likelihood': 'Verschillende modellen voor de bedragen passen even goed.',
  },
  outlookHeading: 'Wat het model verwacht',
  expectedPurchases: (weeks) =>
    months[weeks] === undefined
      ? `Verwachte aankopen komende ${weeks} weken`
      : `Verwachte aankopen komende ${months[weeks]} maanden`,
  lifetimeValue: (weeks) =>
    months[weeks] === undefined
      ? `Verwachte omzet komende ${weeks} weken`
      : `Verwachte omzet komende ${months[weeks]} maanden`,
  expectedActive: 'Klanten die naar verwachting nog actief zijn',
  holdoutHeading: 'Klopt het model?',
  holdoutIntro: (until) =>
    `Het model kende alleen de aankopen tot en met ${until}. Hier zie je wat het daarna verwachtte naast wat klanten echt kochten (herhaalaankopen, opgeteld per week).`,
  holdoutChartLabel: (predicted, actual, last) =>
    `Herhaalaankopen opgeteld tot ${last}: ${predicted} voorspeld, ${actual} werkelijk`,
  predicted: 'Voorspeld',
  actual: 'Werkelijk',
  showTable: 'Toon als tabel',
  weekEnding: 'Week tot en met',
  atRiskHeading: 'Klanten die dreigen te vertrekken',
  atRiskIntro: (threshold) =>
    `Klanten met een kans van minder dan ${threshold} dat ze nog actief zijn, of die veel langer niets kochten dan normaal voor hen. De klanten met de meeste omzet staan bovenaan.`,
  atRiskIntroSubscriptions:
    'Klanten die hun abonnement al hebben opgezegd, maar nog niet weg zijn. De klanten met de meeste omzet staan bovenaan.',
  atRiskEmpty: 'Er zijn nu geen klanten die dreigen te vertrekken.',
  columns: {
    customer: 'Klant',
    lastPurchase: 'Laatste aankoop',
    lastStart: 'Laatste start',
    purchases: 'Aankopen',
    periods: 'Abonnementen',
    pastRevenue: 'Omzet tot nu',
    probabilityAlive: 'Kans dat de klant nog actief is',
    why: 'Waarom',
  },
  reasons: {
    lowProbabilityAlive: (percent) => `kans dat deze klant nog actief is: ${percent}`,
    overdue: (days, gap) => `al ${days} dagen niets gekocht, normaal elke ${gap} dagen`,
    announcedCancellation: (date) => `heeft opgezegd per ${date}`,
  },
  exportAtRisk: 'Exporteer deze klanten',
  moreRows: (count) => `En nog ${count} klanten: die staan in de export.`,
};

export const predictionEn: PredictionMessages = {
  heading: 'Prediction: who keeps buying?',
  intro:
    'A model learns from your customers’ buying how often they buy and how quickly they drop out. From that it estimates, per customer, the chance they are still active and how much they will still buy.',
  calibrationLabel: 'Learn from purchases up to',
  calibrationHint: (first, last) =>
    `The model learns from the purchases up to this date and is checked against the period after it. Your data runs from ${first} to ${last}.`,
  noHoldout: 'The model now learns from all the data, so no period is left to check it against.',
  failure: {
    'too-few-customers': 'There are too few customers for a reliable prediction (at least 20).',
    'no-repeat-purchases':
      'Nobody bought a second time in this period, so the model cannot learn how often customers come back.',
    'did-not-converge':
      'The model found no stable solution for this data, so no prediction is shown.',
    boundary:
      'This data does not pin the model down (it looks as if nobody drops out, or everybody does), so no prediction is shown.',
    'flat-likelihood':
      'Several models fit this data equally well, so a prediction would be false precision.',
    'not-orders': 'A per-customer prediction needs orders, not two customer lists.',
  },
  parametersSummary: 'Model details',
  parameters: {
    purchaseRate: 'Purchase rate (r, α per week)',
    dropout: 'Dropping out after a purchase (a, b)',
    logLikelihood: 'Log-likelihood',
    fittedOn: (customers, count, until) =>
      `Learned from ${customers} ${count === 1 ? 'customer' : 'customers'} with purchases up to ${until}`,
    spend: 'Spend per purchase (p, q, γ)',
    meanSpend: 'Average spend per purchase according to the model',
  },
  gammaGammaIssue: {
    'no-amounts': 'Your file has no amounts, so there is no customer value.',
    'too-few-repeat-customers':
      'Too few customers bought more than once to estimate the spend per purchase.',
    'infinite-mean-spend': 'The amounts vary so widely that the model gives no average spend.',
    'did-not-converge': 'The spend model found no stable solution.',
    boundary: 'The amounts do not pin the spend model down.',
    'flat-likelihood': 'Several spend models fit the amounts equally well.',
  },
  outlookHeading: 'What the model expects',
  expectedPurchases: (weeks) =>
    months[weeks] === undefined
      ? `Expected purchases in the next ${weeks} weeks`
      : `Expected purchases in the next ${months[weeks]} months`,
  lifetimeValue: (weeks) =>
    months[weeks] === undefined
      ? `Expected revenue in the next ${weeks} weeks`
      : `Expected revenue in the next ${months[weeks]} months`,
  expectedActive: 'Customers expected to be still active',
  holdoutHeading: 'Does the model hold up?',
  holdoutIntro: (until) =>
    `The model only knew the purchases up to ${until}. Here is what it expected after that next to what customers really bought (repeat purchases, added up per week).`,
  holdoutChartLabel: (predicted, actual, last) =>
    `Repeat purchases added up to ${last}: ${predicted} predicted, ${actual} actual`,
  predicted: 'Predicted',
  actual: 'Actual',
  showTable: 'Show as a table',
  weekEnding: 'Week ending',
  atRiskHeading: 'Customers at risk of leaving',
  atRiskIntro: (threshold) =>
    `Customers with less than a ${threshold} chance of still being active, or who have gone much longer without buying than is usual for them. The customers with the most revenue come first.`,
  atRiskIntroSubscriptions:
    'Customers who have cancelled their subscription but have not left yet. The customers with the most revenue come first.',
  atRiskEmpty: 'No customers are at risk of leaving right now.',
  columns: {
    customer: 'Customer',
    lastPurchase: 'Last purchase',
    lastStart: 'Latest start',
    purchases: 'Purchases',
    periods: 'Subscriptions',
    pastRevenue: 'Revenue so far',
    probabilityAlive: 'Chance the customer is still active',
    why: 'Why',
  },
  reasons: {
    lowProbabilityAlive: (percent) => `chance this customer is still active: ${percent}`,
    overdue: (days, gap) => `nothing bought for ${days} days, usually every ${gap} days`,
    announcedCancellation: (date) => `has cancelled as of ${date}`,
  },
  exportAtRisk: 'Export these customers',
  moreRows: (count) => `And ${count} more customers: they are in the export.`,
};

/**
 * Why a customer is on the at-risk list, in words: the one sentence per reason, with the numbers
 * formatted for the language. Shared by the panel and the export.
 */
export function atRiskReasonText(
  reason: AtRiskReason,
  labels: PredictionMessages,
  language: Language,
): string {
  if (reason.code === 'low-probability-alive') {
    return labels.reasons.lowProbabilityAlive(formatPercent(language, reason.probabilityAlive, 0));
  }
  if (reason.code === 'overdue') {
    const gap = reason.medianGapDays;
    return labels.reasons.overdue(
      formatNumber(language, reason.daysSinceLast),
      formatNumber(language, gap, Number.isInteger(gap) ? 0 : 1),
    );
  }
  return labels.reasons.announcedCancellation(formatDay(language, reason.endDay));
}
