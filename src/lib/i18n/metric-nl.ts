/**
 * Dutch metric copy, the source language. Comments tell the translator where a message appears.
 * Readers are small-business owners: plain words (klanten, kopen, weg), no jargon without a gloss.
 */
import type { MetricMessages, NoteParams } from './metric-messages.ts';

/** "in maart 2011", or "in deze periode" without a calendar period. */
const inPeriod = (p: NoteParams): string =>
  p.period === null ? 'in deze periode' : `in ${p.period}`;
/** Who came back: after W days without buying (orders) or after having left (subscriptions). */
const cameBack = (p: NoteParams): string =>
  p.windowText === null
    ? p.count === 1
      ? '1 klant kwam terug nadat die was weggegaan'
      : `${p.countText} klanten kwamen terug nadat ze waren weggegaan`
    : p.count === 1
      ? `1 klant kocht weer na meer dan ${p.windowText} dagen zonder aankoop`
      : `${p.countText} klanten kochten weer na meer dan ${p.windowText} dagen zonder aankoop`;
const listedBelow = (p: NoteParams): string =>
  p.listed ? (p.count === 1 ? ' Je ziet deze klant hieronder.' : ' Je ziet ze hieronder.') : '';
/** The lifetime figure a note is about: "de klantwaarde" or "de gemiddelde klantduur". */
const lifetimeFigure = (p: NoteParams): string =>
  p.metric === 'average-lifetime' ? 'de gemiddelde klantduur' : 'de klantwaarde';

export const metricNl: MetricMessages = {
  metrics: {
    'retention-rate': {
      /** Heading of the main retention figure. */
      name: 'Klantretentie (CRR)',
      /** One line under the heading. */
      description:
        'Welk deel van je klanten van het begin je hebt gehouden, met de gangbare formule uit de vakliteratuur.',
      /** Left of "=" in the formula; CRR is the common abbreviation, keep it. */
      label: 'CRR',
    },
    'exact-retention': {
      /** Retention counted customer by customer, beside the CRR. */
      name: 'Exacte klantretentie',
      description:
        'Het deel van de klanten van het begin dat aan het eind nog klant is, per klant geteld.',
      label: 'exacte retentie',
    },
    'churn-rate': {
      /** Churn in our convention (the same as ChartMogul's). */
      name: 'Klantverloop',
      description:
        'Het deel van de klanten van het begin dat je in deze periode bent kwijtgeraakt.',
      label: 'klantverloop',
    },
    'churn-rate-stripe': {
      /** Churn as Stripe computes it; keep the brand name. */
      name: 'Klantverloop volgens Stripe',
      description:
        'Alle verloren klanten, ook nieuwe die weer weggingen, gedeeld door de klanten van het begin plus de nieuwe.',
      label: 'klantverloop (Stripe)',
    },
    'churn-rate-baremetrics': {
      /** Churn as Baremetrics computes it; keep the brand name. */
      name: 'Klantverloop volgens Baremetrics',
      description:
        'Alle verloren klanten, ook nieuwe die weer weggingen, gedeeld door de klanten van het begin.',
      label: 'klantverloop (Baremetrics)',
    },
    'repeat-purchase-rate': {
      /** Share of earlier buyers who bought again in the period. */
      name: 'Herhaalaankopen',
      description:
        'Het deel van de klanten die al eerder kochten dat in deze periode opnieuw kocht.',
      label: 'herhaalaankopen',
    },
    'repeat-two-or-more': {
      /** Whole-data share of customers with at least two purchases. */
      name: 'Klanten met twee of meer aankopen',
      description: 'Het deel van al je klanten dat minstens twee keer iets kocht.',
      label: 'twee of meer aankopen',
    },
    'repeat-within-30': {
      /** Share who bought again within 30 days of their first purchase. */
      name: 'Binnen 30 dagen opnieuw gekocht',
      description:
        'Het deel van de klanten dat binnen 30 dagen na de eerste aankoop nog eens kocht.',
      label: 'binnen 30 dagen',
    },
    'repeat-within-90': {
      /** Same with 90 days. */
      name: 'Binnen 90 dagen opnieuw gekocht',
      description:
        'Het deel van de klanten dat binnen 90 dagen na de eerste aankoop nog eens kocht.',
      label: 'binnen 90 dagen',
    },
    'repeat-within-365': {
      /** Same with 365 days (a year). */
      name: 'Binnen een jaar opnieuw gekocht',
      description:
        'Het deel van de klanten dat binnen 365 dagen na de eerste aankoop nog eens kocht.',
      label: 'binnen 365 dagen',
    },
    'new-existing-ratio': {
      /** New customers per existing customer in the period. */
      name: 'Nieuwe tegenover bestaande klanten',
      description:
        'Hoeveel nieuwe klanten er in deze periode waren per bestaande klant die kocht of actief was.',
      /** Read as "nieuw staat tot bestaand". */
      label: 'nieuw : bestaand',
    },
    'two-lists': {
      /** Retention from a start list and an end list of customers. */
      name: 'Klantretentie uit twee klantenlijsten',
      description: 'Het deel van de klanten op de beginlijst dat ook op de eindlijst staat.',
      label: 'CRR',
    },
    calculator: {
      /** The calculator with three typed numbers. */
      name: 'Klantretentie berekenen',
      description:
        'De klantretentie uit drie getallen die je zelf invult: klanten aan het begin, nieuwe klanten en klanten aan het eind of verloren klanten.',
      label: 'CRR',
    },
    'net-revenue-retention': {
      /** Revenue retention with expansion counted in; NRR is the common abbreviation, keep it. */
      name: 'Netto omzetbehoud (NRR)',
      description:
        'Hoeveel van de omzet van je klanten van het begin je aan het eind nog hebt: uitbreiding erbij, inkrimping en verloren omzet eraf. Boven 100% groeien je bestaande klanten.',
      label: 'NRR',
    },
    'gross-revenue-retention': {
      /** Revenue retention without expansion; GRR is the common abbreviation, keep it. */
      name: 'Bruto omzetbehoud (GRR)',
      description:
        'Hoeveel van de omzet van je klanten van het begin je hebt gehouden, zonder uitbreiding mee te tellen: nooit meer dan 100%.',
      label: 'GRR',
    },
    'revenue-quick-ratio': {
      /** Revenue gained ÷ revenue lost; "quick ratio" is the usual name, keep it. */
      name: 'Quick ratio van de omzet',
      description:
        'Hoeveel omzet erbij kwam (nieuwe klanten en uitbreiding) tegenover de omzet die wegviel (inkrimping en verloren omzet). Boven 1 groeit je omzet.',
      label: 'quick ratio',
    },
    'lifetime-value': {
      /** Customer lifetime value; LTV is the common abbreviation, keep it. */
      name: 'Klantwaarde (LTV)',
      description:
        'Wat een klant je gemiddeld oplevert zolang die klant blijft: de gemiddelde omzet per klant maal hoe lang klanten gemiddeld blijven.',
      label: 'LTV',
    },
    'average-lifetime': {
      /** How long a customer stays on average: 1 ÷ churn. */
      name: 'Gemiddelde klantduur',
      description:
        'Hoe lang een klant gemiddeld blijft: 1 gedeeld door het klantverloop, in maanden bij abonnementen en in jaren bij bestellingen.',
      label: 'klantduur',
    },
  },
  terms: {
    S: {
      /** Symbol as in the source articles; keep S. */
      symbol: 'S',
      /** Heading of the customer list behind S. */
      name: 'Klanten aan het begin',
      description: 'Klanten die actief waren bij de start van de periode.',
    },
    E: {
      /** Symbol as in the source articles; keep E. */
      symbol: 'E',
      name: 'Klanten aan het eind',
      description:
        'Klanten die actief waren aan het eind van de periode, nieuwe klanten meegeteld.',
    },
    N: {
      /** Symbol as in the source articles; keep N. */
      symbol: 'N',
      name: 'Nieuwe klanten',
      description: 'Klanten die in de periode voor het eerst kochten of voor het eerst startten.',
    },
    retained: {
      /** One word inside a formula: "behouden ÷ S". */
      symbol: 'behouden',
      name: 'Behouden klanten',
      description: 'Klanten van het begin die aan het eind nog actief zijn.',
    },
    lost: {
      /** One word inside a formula: "verloren ÷ S". */
      symbol: 'verloren',
      name: 'Verloren klanten',
      description: 'Klanten van het begin die aan het eind niet meer actief zijn.',
    },
    joinedAndLeft: {
      /** One hyphenated word inside a formula: "(verloren + nieuw-verloren) ÷ S". */
      symbol: 'nieuw-verloren',
      name: 'Nieuwe klanten die weer weggingen',
      description: 'Klanten die in de periode nieuw waren en aan het eind alweer weg zijn.',
    },
    reactivated: {
      /** Customers who came back after having been lost. */
      symbol: 'teruggekeerd',
      name: 'Teruggekeerde klanten',
      description:
        'Klanten die weg waren en in de periode terugkwamen. Bij de klantretentie tellen ze mee in E, maar niet in S of N; bij het omzetbehoud is wat ze weer betalen teruggekeerde omzet.',
    },
    previous: {
      /** Base of the repeat-purchase rate: "bestaand ÷ eerder". */
      symbol: 'eerder',
      name: 'Klanten van vóór de periode',
      description: 'Klanten die vóór het begin van de periode al eens kochten.',
    },
    returning: {
      /** Existing customers who bought (or were active) in the period. */
      symbol: 'bestaand',
      name: 'Bestaande klanten in de periode',
      description: 'Klanten van vóór de periode die in de periode opnieuw kochten of actief waren.',
    },
    customers: {
      /** All customers of the data. */
      symbol: 'klanten',
      name: 'Alle klanten',
      description: 'Iedereen die minstens één keer iets kocht.',
    },
    twoOrMore: {
      /** Customers with two or more purchases. */
      symbol: 'herhaalkopers',
      name: 'Klanten met twee of meer aankopen',
      description:
        'Klanten die minstens twee keer kochten (op verschillende bestellingen of dagen).',
    },
    observed: {
      /** Customers whose first purchase is long enough ago to see whether they came back. */
      symbol: 'gevolgd',
      name: 'Lang genoeg gevolgde klanten',
      description:
        'Klanten van wie de eerste aankoop lang genoeg geleden is om te zien of ze op tijd terugkwamen.',
    },
    repeated: {
      /** Of those, the customers who bought again in time. */
      symbol: 'herhaald',
      name: 'Op tijd opnieuw gekocht',
      description: 'Gevolgde klanten die binnen de termijn na hun eerste aankoop nog eens kochten.',
    },
    days: {
      /** The term in days (30, 90 or 365). */
      symbol: 'dagen',
      name: 'Termijn in dagen',
      description: 'Binnen zoveel dagen na de eerste aankoop telt een tweede aankoop mee.',
    },
    revenue: {
      /** Revenue of the period. */
      symbol: 'omzet',
      name: 'Omzet',
      description:
        'De omzet van alle bestellingen in de periode (bij de klantwaarde: in het afgelopen jaar).',
    },
    newRevenue: {
      /** Revenue from new customers. */
      symbol: 'omzet-nieuw',
      name: 'Omzet van nieuwe klanten',
      description: 'Het deel van de omzet dat van nieuwe klanten komt.',
    },
    returningRevenue: {
      /** Revenue from existing customers. */
      symbol: 'omzet-bestaand',
      name: 'Omzet van bestaande klanten',
      description: 'Het deel van de omzet dat van bestaande klanten komt.',
    },
    R0: {
      /** Start revenue; keep the symbol R0. */
      symbol: 'R0',
      name: 'Omzet aan het begin',
      description:
        'Wat de klanten die aan het begin betaalden toen betaalden: bij abonnementen het lopende bedrag op de dag vóór de periode, bij bestellingen hun omzet in de periode ervoor.',
    },
    expansion: {
      /** Customers of the start who pay more at the end. */
      symbol: 'uitbreiding',
      name: 'Uitbreiding',
      description: 'Wat klanten van het begin aan het eind meer betalen dan aan het begin.',
    },
    contraction: {
      /** Customers of the start who pay less, but still something, at the end. */
      symbol: 'inkrimping',
      name: 'Inkrimping',
      description:
        'Wat klanten van het begin aan het eind minder betalen dan aan het begin, als ze nog wel iets betalen.',
    },
    churned: {
      /** What the customers who stopped paying used to pay. */
      symbol: 'verloren-omzet',
      name: 'Verloren omzet',
      description: 'Wat klanten van het begin betaalden die aan het eind niets meer betalen.',
    },
    new: {
      /** What the customers new in the period pay. */
      symbol: 'nieuwe-omzet',
      name: 'Nieuwe omzet',
      description:
        'Wat klanten die in de periode nieuw waren aan het eind betalen (bij bestellingen: hun omzet in de periode).',
    },
    paying: {
      /** The customers behind R0. */
      symbol: 'betalend',
      name: 'Betalende klanten aan het begin',
      description: 'Klanten die aan het begin iets betaalden: de klanten achter R0.',
    },
    MRR: {
      /** Monthly recurring revenue; MRR is the common abbreviation, keep it. */
      symbol: 'MRR',
      name: 'Maandelijkse terugkerende omzet (MRR)',
      description:
        'De som van de lopende abonnementsbedragen op de laatste dag van de laatste volledige maand.',
    },
    active: {
      /** Subscribers on that day, paying or not. */
      symbol: 'actief',
      name: 'Actieve klanten',
      description:
        'Klanten met een lopend abonnement op de laatste dag van de laatste volledige maand, ook als ze niets betalen.',
    },
    margin: {
      /** Gross margin, set by the user. */
      symbol: 'marge',
      name: 'Brutomarge',
      description:
        'Het deel van de omzet dat overblijft na de directe kosten. Je stelt het zelf in; standaard 100%.',
    },
    sumLost: {
      /** Lost customers, added up month by month (a customer can count in several months). */
      symbol: 'verloren-totaal',
      name: 'Klanten die in een gemeten maand weggingen',
      description:
        'Per maand de klanten van het begin van die maand die aan het eind weg waren, opgeteld over de gemeten maanden (tot 12).',
    },
    sumS: {
      /** Customers at the start, added up month by month (customer-months). */
      symbol: 'begin-totaal',
      name: 'Klanten aan het begin van een gemeten maand',
      description:
        'Per maand de klanten aan het begin van die maand, opgeteld over de gemeten maanden (tot 12): het aantal klantmaanden.',
    },
    purchases: {
      /** Orders in the last 365 days. */
      symbol: 'aankopen',
      name: 'Aankopen in het afgelopen jaar',
      description:
        'Het aantal bestellingen in de laatste 365 dagen (zonder bestelnummers: koopdagen per klant); terugbetalingen tellen niet.',
    },
    buyers: {
      /** Customers who bought in the last 365 days. */
      symbol: 'kopers',
      name: 'Kopers in het afgelopen jaar',
      description: 'Klanten die in de laatste 365 dagen iets kochten.',
    },
  },
  notes: {
    /** S = 0 (for Stripe: S + N = 0), so there is no percentage. */
    'no-start-customers': (p) =>
      p.metric === 'churn-rate-stripe'
        ? 'Er waren aan het begin geen klanten en er kwamen er geen bij (S + N = 0), dus er is geen percentage.'
        : 'Er waren geen klanten aan het begin van deze periode (S = 0), dus er is geen percentage.',
    /** New customers who left again inside the period; the formula counts them as lost. */
    'joined-and-left': (p) => {
      const who =
        p.count === 1
          ? `1 klant kwam er ${inPeriod(p)} bij en was aan het eind alweer weg`
          : `${p.countText} klanten kwamen er ${inPeriod(p)} bij en waren aan het eind alweer weg`;
      const effect =
        p.metric === 'churn-rate-stripe' || p.metric === 'churn-rate-baremetrics'
          ? `deze rekenwijze telt ${p.count === 1 ? 'die' : 'ze'} mee als verloren, onze eigen berekening niet, want ${p.count === 1 ? 'die was' : 'ze waren'} er aan het begin nog niet.`
          : `de ${p.metric === 'exact-retention' ? 'CRR-formule' : 'formule'} telt ${p.count === 1 ? 'die als verloren klant' : 'ze als verloren klanten'} van het begin.`;
      return `${who}: ${effect}${listedBelow(p)}`;
    },
    /** Customers who came back after having been lost; they raise the formula's result. */
    reactivated: (p) =>
      p.count === 1
        ? `${cameBack(p)}: die telt mee in E, maar niet in S of N, en maakt de uitkomst van de formule hoger.${listedBelow(p)}`
        : `${cameBack(p)}: ze tellen mee in E, maar niet in S of N, en maken de uitkomst van de formule hoger.${listedBelow(p)}`,
    /** Same, and they push the retention rate above 100%. */
    'reactivated-above-100': (p) =>
      `De CRR komt boven 100% uit: ${cameBack(p)}. ${p.count === 1 ? 'Die telt' : 'Ze tellen'} mee in E, maar niet in S of N.${listedBelow(p)}`,
    /** The formula and the exact retention differ; pointsText is a number of percentage points. */
    'crr-differs-from-exact': (p) =>
      p.metric === 'exact-retention'
        ? `De CRR-formule komt ${p.pointsText} procentpunt ${p.higher ? 'hoger' : 'lager'} uit dan deze exacte retentie, die alleen telt hoeveel klanten van het begin aan het eind nog klant zijn.`
        : `De CRR-formule komt ${p.pointsText} procentpunt ${p.higher ? 'hoger' : 'lager'} uit dan de exacte retentie, die alleen telt hoeveel klanten van het begin aan het eind nog klant zijn.`,
    /** The data stops before the end of the period. */
    'incomplete-period': (p) =>
      p.period === null
        ? 'Je gegevens lopen niet tot het eind van deze periode: dit getal kan nog veranderen.'
        : `Je gegevens lopen niet tot het eind van ${p.period}: dit getal kan nog veranderen.`,
    /** Nobody had bought before the period. */
    'no-previous-buyers': () =>
      'Niemand had vóór deze periode al iets gekocht, dus er is nog geen percentage herhaalaankopen.',
    /** Recent first buyers are left out of "bought again within X days". */
    'window-not-observed': (p) => {
      const days = p.daysText ?? '';
      return p.count === 1
        ? `1 klant kocht voor het eerst minder dan ${days} dagen voor het eind van je gegevens. Of die binnen ${days} dagen opnieuw koopt, is nog niet te zien, dus die telt niet mee.`
        : `${p.countText} klanten kochten voor het eerst minder dan ${days} dagen voor het eind van je gegevens. Of zij binnen ${days} dagen opnieuw kopen, is nog niet te zien, dus zij tellen niet mee.`;
    },
    /** Baremetrics' churn is not 100% − CRR because of returning customers. */
    'baremetrics-differs-from-crr': (p) =>
      `Dit is ${p.pointsText} procentpunt ${p.higher ? 'hoger' : 'lager'} dan 100% − CRR: teruggekeerde klanten maken de CRR hoger, maar het aantal verloren klanten niet kleiner.`,
    /** Nobody in the period was an existing customer. */
    'no-existing-customers': () =>
      'Niemand die in deze periode kocht of actief was, was al eerder klant, dus er is geen verhouding nieuw : bestaand.',
    /** Calculator: the typed numbers cannot all be right. */
    /** Calculator: how E was formed from S, the customers who left and N. */
    'end-from-lost': (p) =>
      `Het aantal klanten aan het eind is begin − vertrokken + nieuw: E = S − vertrokken + N = ${p.countText}.`,
    'inconsistent-numbers': () =>
      'Deze getallen passen niet bij elkaar: E − N moet tussen 0 en S liggen, en er kunnen niet meer klanten weggaan dan er aan het begin waren. Kijk de ingevulde getallen nog eens na.',
    /** The data has no amounts, so no money figure. */
    'no-amounts': (p) =>
      p.metric === 'lifetime-value'
        ? 'Je gegevens hebben geen bedragen, dus er is geen klantwaarde te berekenen. Koppel een kolom met bedragen om die te zien.'
        : 'Je gegevens hebben geen bedragen, dus er is geen omzetbehoud te berekenen. Koppel een kolom met bedragen om het te zien.',
    /** R0 = 0: nobody paid at the start, so there is no percentage. */
    'no-start-revenue': () =>
      'Niemand betaalde aan het begin van deze periode (R0 = 0), dus er is geen percentage omzetbehoud.',
    /** Quick ratio: nothing lost, so it would divide by zero. */
    'no-revenue-lost': () =>
      'Er ging in deze periode geen omzet verloren (geen inkrimping en geen verloren omzet), dus er is geen quick ratio: die zou door nul delen.',
    /** Orders: the data starts inside the previous period, so R0 covers part of it. */
    'previous-period-partial': () =>
      'Je gegevens beginnen midden in de periode hiervoor. De omzet aan het begin (R0) dekt daardoor maar een deel van die periode en valt waarschijnlijk te laag uit.',
    /** Nobody left in the months (or year) measured: churn 0, an infinite lifetime. */
    'no-churn': (p) =>
      `In de gemeten tijd is geen enkele klant weggegaan. Het klantverloop is dus 0 en ${lifetimeFigure(p)} zou oneindig zijn, dus er is geen uitkomst.`,
    /** Fewer than 30 customers at the start of the time measured: a rough estimate. */
    'few-customers': (p) => {
      const who =
        p.count === 0
          ? 'Er waren geen klanten'
          : p.count === 1
            ? 'Er was maar 1 klant'
            : `Er waren maar ${p.countText} klanten`;
      return `${who} aan het begin van de gemeten tijd. Met minder dan 30 klanten is ${lifetimeFigure(p)} niet meer dan een ruwe schatting.`;
    },
    /** Fewer months with customers than the 12 the monthly churn is pooled over. */
    'short-history': (p) => {
      const months =
        p.count === 0
          ? 'geen enkele maand'
          : p.count === 1
            ? 'maar 1 maand'
            : `maar ${p.countText} maanden`;
      return `Je gegevens hebben ${months} met klanten, minder dan de 12 maanden waarover het klantverloop normaal wordt gemiddeld. ${p.metric === 'average-lifetime' ? 'De gemiddelde klantduur' : 'De klantwaarde'} rust dus op een korte geschiedenis.`;
    },
  },
  formula: {
    /** Instead of a number when there is none (for example dividing by 0 customers). */
    noValue: 'geen uitkomst',
  },
  periods: {
    /** An ISO week: "week 9 van 2011". */
    week: (week, year) => `week ${week} van ${year}`,
    /** A quarter: "1e kwartaal 2011". */
    quarter: (quarter, year) => `${quarter}e kwartaal ${year}`,
    /** The comparison of two customer lists. */
    lists: 'van de beginlijst naar de eindlijst',
  },
  definitions: {
    inputKind: {
      /** Definition line: where the numbers come from. */
      orders: 'Berekend uit je bestellingen.',
      subscriptions: 'Berekend uit je abonnementen of ledenlijst.',
      lists: 'Berekend uit twee klantenlijsten: een van het begin en een van het eind.',
      numbers: 'Berekend uit drie getallen die je zelf hebt ingevuld.',
    },
    /** "Periode: maart 2011 (1–31 maart)". */
    period: (name, days) => `Periode: ${name} (${days})`,
    /** "Periode: 5 maart 2011". */
    periodOnly: (name) => `Periode: ${name}`,
    /** The two moments S and E are counted at. */
    moments: (t0, t1) =>
      `S telt de klanten op ${t0}, de dag vóór de periode; E telt de klanten op ${t1}, de laatste dag.`,
    /** The activity window W for orders. */
    window: (days, daysText) =>
      days === 1
        ? 'Een klant die 1 dag niets koopt, telt als verloren.'
        : `Een klant die ${daysText} dagen niets koopt, telt als verloren.`,
    /** When a subscriber counts as a customer. */
    activeSubscriptions:
      'Een klant telt als actief van de startdatum tot de einddatum; zonder einddatum loopt het abonnement nog.',
    /** When a customer of two lists counts. */
    activeLists:
      'Wie op de eerste lijst staat, telt als klant aan het begin; wie op de tweede lijst staat, als klant aan het eind.',
    refunds: {
      /** Refunds reduce revenue. */
      include:
        'Terugbetalingen (negatieve bedragen) tellen niet als aankoop en gaan van de omzet af.',
      /** Refunds are left out of revenue. */
      ignore:
        'Terugbetalingen (negatieve bedragen) tellen niet als aankoop en blijven buiten de omzet.',
    },
  },
  conventions: {
    ours: {
      /** Our churn convention; ChartMogul computes it the same way. */
      name: 'Onze berekening (zoals ChartMogul)',
      /** The formula in words. */
      formula: 'verloren klanten van het begin ÷ klanten aan het begin',
    },
    stripe: {
      /** Keep the brand name. */
      name: 'Stripe',
      formula: 'alle verloren klanten ÷ (klanten aan het begin + nieuwe klanten)',
    },
    baremetrics: {
      /** Keep the brand name; 100% − CRR gives the same number. */
      name: 'Baremetrics (en 100% − CRR)',
      formula: 'alle verloren klanten ÷ klanten aan het begin',
    },
  },
};
