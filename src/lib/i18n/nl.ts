/** Dutch, the source language. Comments tell the translator where a message appears. */
import type { Messages } from './messages.ts';

export const nl: Messages = {
  app: {
    /** Product name. */
    name: 'Behoud',
    /** One sentence under the name on the first screen: what the app does. */
    tagline: 'Zie in een paar seconden hoeveel klanten je houdt, wie je kwijtraakt en waarom.',
    /** Privacy promise, shown on every screen. */
    privacy: 'Je bestand blijft op dit apparaat: er wordt niets verstuurd.',
    /** Label of the language switch. */
    language: 'Taal',
    /** Link for keyboard users to jump past the header. */
    /** Footer line. */
    footer: 'Werkt in je browser, ook offline. Geen account, geen upload.',
    skipToContent: 'Naar de inhoud',
    /** Button that returns to the start screen to open another file. */
    newAnalysis: 'Ander bestand',
    /** A new version of the app is ready; shown until the user reloads. */
    updateReady: 'Er staat een nieuwe versie van Behoud klaar. Je analyse blijft bewaard.',
    updateReload: 'Nu herladen',
    updateLater: 'Later',
  },
  start: {
    heading: 'Begin met je klantbestand',
    intro:
      'Een export van je bestellingen, een ledenlijst met start- en einddatum, of twee klantenlijsten. CSV of Excel, Nederlands of Engels.',
    /** Text inside the drop zone. */
    dropHere: 'Sleep je bestand hierheen',
    orChoose: 'of',
    chooseFile: 'Kies een bestand',
    formats: 'CSV, TSV, TXT, Excel (.xlsx, .xls)',
    pasteLabel: 'Of plak cellen uit Excel of Google Sheets',
    pastePlaceholder: 'Klant\tDatum\tBedrag\nK001\t03-01-2024\t12,50',
    pasteButton: 'Gebruik geplakte cellen',
    /** File name given to pasted cells. */
    pastedName: 'geplakte cellen',
    /** Link back to the open analysis from the start screen. */
    backToAnalysis: 'Terug naar je analyse',
    sampleHeading: 'Nog geen bestand bij de hand?',
    sampleButton: 'Probeer met voorbeelddata',
    sampleMembersButton: 'Voorbeeld: ledenlijst van een sportschool',
    sampleNote: 'Verzonnen gegevens van een verzonnen webwinkel en sportschool.',
    whatYouGet: [
      'Klantretentie, klantverloop en herhaalaankopen per maand, kwartaal of jaar',
      'Bij elk getal de berekening met jouw eigen cijfers',
      'De klanten achter elk getal, om te exporteren',
    ],
  },
  reading: {
    heading: (file) => `${file} lezen…`,
    bytes: (done, total) => `${done} van ${total} gelezen`,
    rows: (rows) => `${rows} rijen`,
    cancel: 'Stoppen',
    cancelled: (file) => `Het lezen van ${file} is gestopt.`,
  },
  readIssue: {
    'empty-file': (file) =>
      `${file} is leeg. Kies een bestand met een rij per klant of bestelling.`,
    'format-ods': (file) =>
      `${file} is een OpenDocument-rekenblad. Sla het bestand op als .xlsx of .csv en probeer het opnieuw.`,
    'format-numbers': (file) =>
      `${file} is een Numbers-bestand. Exporteer het in Numbers als .xlsx of .csv en probeer het opnieuw.`,
    'format-pdf': (file) =>
      `${file} is een PDF. Exporteer de gegevens uit je kassa- of boekhoudpakket als .xlsx of .csv.`,
    'format-zip': (file) =>
      `${file} is een zip-archief. Pak het eerst uit en kies dan het .csv- of .xlsx-bestand.`,
    'format-image': (file) =>
      `${file} is een afbeelding. Kies een .csv- of .xlsx-bestand met je klantgegevens.`,
    'format-unknown': (file) =>
      `${file} is geen rekenblad of tekstbestand. Sla het bestand op als .xlsx of .csv.`,
    'password-protected': (file) =>
      `${file} is met een wachtwoord beveiligd. Haal in Excel de beveiliging eraf en sla het opnieuw op.`,
    'corrupt-workbook': (file) =>
      `${file} is beschadigd en kan niet worden gelezen. Open het in Excel en sla het opnieuw op als .xlsx.`,
    timeout: (file) =>
      `Het lezen van ${file} duurde te lang en is gestopt. Sla het op als .csv; dat leest veel sneller.`,
    'too-large': (file) =>
      `${file} is te groot voor deze browser. Sla het op als .csv of splits het in kleinere delen.`,
    'no-data': (file) => `${file} bevat geen rijen met gegevens.`,
    'file-unreadable': (file) =>
      `${file} kon niet opnieuw worden gelezen (is het verplaatst of gewijzigd?). Kies het nog een keer.`,
  },
  unexpected: (file) =>
    `Er ging iets mis bij het lezen van ${file}. Je vorige analyse is bewaard gebleven.`,
  mapping: {
    heading: (file) => `Zo lezen we ${file}`,
    intro:
      'Controleer welke kolom wat is. De voorbeeldrijen laten zien hoe datums en bedragen worden gelezen.',
    sheet: 'Werkblad',
    sheetRows: (rows) => `${rows} rijen`,
    kind: 'Soort bestand',
    dateOrder: 'Datumnotatie',
    decimal: 'Decimaalteken',
    /** Label of the currency picker on the mapping screen. */
    currency: 'Valuta',
    decimalComma: 'komma (12,50)',
    decimalPoint: 'punt (12.50)',
    /** Accessible label of the role picker of one column. */
    roleOf: (column) => `Betekenis van kolom ${column}`,
    /** Name for a column without header. */
    column: (number) => `Kolom ${number}`,
    previewCaption: (rows) => `De eerste ${rows} rijen zoals ze worden gelezen`,
    rowNumber: 'Rij',
    asRead: 'Gelezen als',
    customerKey: 'Klant',
    date: 'Datum',
    endDate: 'Einddatum',
    amount: 'Bedrag',
    refund: 'terugbetaling',
    stillActive: 'nog actief',
    skippedBecause: (reason) => `overgeslagen: ${reason}`,
    confirm: 'Klopt, analyseer',
    back: 'Ander bestand',
    dataRows: (rows) => `${rows} rijen met gegevens`,
    headerRow: (row) => `Kolomnamen op rij ${row}`,
    /** Two customer lists: heading above the choice of the two lists. */
    listsHeading: 'De twee klantenlijsten',
    startList: (sheet) => `Lijst aan het begin: ${sheet} (hieronder)`,
    endList: 'Lijst aan het eind',
    endCustomer: 'Kolom met de klant in de lijst aan het eind',
    addEndFile: 'Kies het bestand met de lijst aan het eind',
    noEndList: 'Nog geen tweede lijst: kies een tweede bestand.',
  },
  roles: {
    customer: 'Klant (nummer, e-mail of naam)',
    date: 'Datum (bestel- of startdatum)',
    end: 'Einddatum / opzegdatum',
    amount: 'Bedrag',
    quantity: 'Aantal',
    price: 'Stuksprijs',
    order: 'Bestel- of factuurnummer',
    status: 'Status',
    tenure: 'Looptijd in maanden',
    churned: 'Vertrokken (ja/nee)',
    category: 'Groep (kanaal, land, plan…)',
    ignore: 'Niet gebruiken',
  },
  kinds: {
    orders: 'Bestellingen',
    subscriptions: 'Abonnementen of leden',
    lists: 'Twee klantenlijsten',
  },
  kindHelp: {
    orders: 'Elke rij is een aankoop, betaling, factuurregel of bezoek.',
    subscriptions: 'Elke rij is een klant of lid met een startdatum en eventueel een einddatum.',
    lists: 'Een lijst met klanten aan het begin en een lijst aan het eind van de periode.',
  },
  dateOrders: {
    dmy: 'dag-maand-jaar (31-12-2024)',
    mdy: 'maand/dag/jaar (12/31/2024)',
    ymd: 'jaar-maand-dag (2024-12-31)',
  },
  notes: {
    'no-customer-column': 'We vonden geen klantkolom. Kies welke kolom de klant aanwijst.',
    'no-date-column': 'We vonden geen datumkolom. Kies welke kolom de datum bevat.',
    'ambiguous-date-order':
      'Alle datums passen als dag-maand én als maand-dag. We lezen ze als dag-maand-jaar; klopt dat?',
    'no-header':
      'Dit bestand heeft geen kolomnamen; we raden de kolommen aan de hand van de waarden.',
    'no-amount-column': 'Geen bedragkolom: omzet en klantwaarde worden niet berekend.',
  },
  mappingIssue: {
    'no-end-list':
      'Kies de lijst met klanten aan het eind: een tweede werkblad of een tweede bestand.',
    'no-customer-column': 'Kies eerst welke kolom de klant aanwijst.',
    'no-date-column': 'Kies eerst welke kolom de datum bevat.',
    'no-usable-rows':
      'Geen enkele rij is bruikbaar met deze keuzes. Kijk naar de kolommen en de datumnotatie.',
    'file-unreadable':
      'Het bestand kon niet opnieuw worden gelezen (is het verplaatst of gewijzigd?). Kies het nog een keer.',
  },
  summary: {
    heading: 'Ingelezen',
    rowsRead: 'Rijen gelezen',
    rowsUsed: 'Rijen gebruikt',
    customers: 'Klanten',
    dateRange: 'Periode',
    refunds: 'Terugbetalingen en annuleringen',
    skippedHeading: 'Overgeslagen rijen',
    nothingSkipped: 'Geen enkele rij overgeslagen.',
    skippedRows: (count, reason, rows) => `${count} rijen overgeslagen: ${reason} (rij ${rows})`,
    warningRows: (count, warning, rows) => `${count} rijen gebruikt, maar ${warning} (rij ${rows})`,
    exportSkipped: 'Overgeslagen rijen als CSV',
    changeMapping: 'Kolommen aanpassen',
    changeMappingNeedsFile:
      'Wil je de kolommen anders kiezen? Lees het bestand dan opnieuw in: een bewaarde analyse bewaart de rijen, niet het bestand.',
    fromTo: (from, to) => `${from} t/m ${to}`,
    sample: 'Voorbeelddata: verzonnen klanten',
  },
  skipReasons: {
    'missing-customer': 'geen klant',
    'missing-date': 'geen datum',
    'unreadable-date': 'datum onleesbaar',
    'unreadable-end-date': 'einddatum onleesbaar',
    'end-before-start': 'einddatum vóór startdatum',
    'unreadable-tenure': 'looptijd onleesbaar',
  },
  warnings: {
    'unreadable-amount': 'het bedrag was onleesbaar en telt als 0',
  },
  exporting: {
    /** Accessible name of the export buttons of a table or chart. */
    table: (what) => `${what} exporteren`,
    chart: (what) => `${what} bewaren of delen`,
    csv: 'CSV',
    xlsx: 'Excel',
    png: 'Afbeelding (PNG)',
    copy: 'Kopieer afbeelding',
    copied: 'Afbeelding gekopieerd: plak hem in een chat of presentatie.',
    copyUnsupported: 'Deze browser kan geen afbeelding kopiëren; bewaar hem als PNG.',
    /** Small print under an exported chart. */
    footnote: (unit, window, from, to) =>
      `Behoud · per ${unit} · verloren na ${window} dagen zonder aankoop · gegevens van ${from} t/m ${to}`,
    footnoteNoWindow: (unit, from, to) => `Behoud · per ${unit} · gegevens van ${from} t/m ${to}`,
  },
  exportColumns: {
    row: 'rij',
    reason: 'reden',
    value: 'waarde',
  },
  nav: {
    overview: 'Overzicht',
    cohorts: 'Cohorten',
    revenue: 'Omzet en klantwaarde',
    prediction: 'Voorspelling',
    data: 'Ingelezen bestand',
    calculator: 'Rekenhulp',
    /** Accessible name of the tab list. */
    label: 'Onderdelen van de analyse',
    /** Accessible name of the navigation in the page header. */
    main: 'Hoofdmenu',
  },
  overview: {
    heading: 'Klantbehoud',
    computing: 'Bezig met rekenen…',
    unit: 'Per',
    units: {
      day: 'dag',
      week: 'week',
      month: 'maand',
      quarter: 'kwartaal',
      year: 'jaar',
      custom: 'eigen periode',
    },
    period: 'Periode',
    /** The one period of two customer lists. */
    listsPeriod: 'beginlijst → eindlijst',
    from: 'Van',
    to: 'Tot en met',
    apply: 'Toepassen',
    /** Marker beside a period the data does not fully cover. */
    incomplete: 'onvolledig',
    incompleteNote:
      'De gegevens lopen niet tot het eind van deze periode: de cijfers zijn nog niet definitief.',
    window: 'Wanneer is een klant verloren?',
    windowDays: 'dagen zonder aankoop',
    windowSentence: (days) => `Een klant die ${days} dagen niets koopt, telt als verloren.`,
    refunds: 'Terugbetalingen',
    refundsInclude: 'verrekenen met de omzet',
    refundsIgnore: 'negeren',
    noPeriods: 'Er zijn geen perioden in de gekozen reeks.',
    change: (change, previous) => `${change} ten opzichte van ${previous}`,
    noChange: (previous) => `gelijk aan ${previous}`,
    points: (value) => `${value} procentpunt`,
    noRate: 'geen klanten aan het begin',
    howCalculated: 'Hoe berekend?',
    trendHeading: 'Klantretentie en klantverloop per periode',
    trendChartLabel: (from, to) =>
      `Lijngrafiek van klantretentie en klantverloop van ${from} tot ${to}`,
    newReturningHeading: 'Nieuwe en terugkerende klanten per periode',
    revenueHeading: 'Omzet van nieuwe en terugkerende klanten per periode',
    newRevenue: 'Nieuwe klanten',
    returningRevenue: 'Terugkerende klanten',
    tableHeading: 'Alle perioden',
    columns: {
      period: 'Periode',
      start: 'Begin (S)',
      end: 'Eind (E)',
      newCustomers: 'Nieuw (N)',
      crr: 'Klantretentie',
      exactRetention: 'Exacte retentie',
      churn: 'Klantverloop',
      lost: 'Verloren',
      reactivated: 'Teruggekeerd',
      repeatRate: 'Herhaalaankopen',
      returning: 'Terugkerend',
      revenue: 'Omzet',
      complete: 'Volledig',
    },
    yes: 'ja',
    no: 'nee',
    cards: {
      crr: 'Klantretentie (CRR)',
      exactRetention: 'Exacte retentie',
      churn: 'Klantverloop',
      start: 'Klanten aan het begin (S)',
      end: 'Klanten aan het eind (E)',
      newCustomers: 'Nieuwe klanten (N)',
      lost: 'Verloren klanten',
      reactivated: 'Teruggekeerde klanten',
      repeatRate: 'Herhaalaankopen',
      newVsReturning: 'Nieuw : terugkerend',
      revenue: 'Omzet',
      twoOrMore: 'Klanten met 2+ aankopen',
    },
    newVsReturningValue: (fresh, returning) => `${fresh} : ${returning}`,
    /** Button that prints the one-page report (or saves it as PDF). */
    print: 'Afdrukken of als PDF bewaren',
  },
  explain: {
    close: 'Sluiten',
    inSymbols: 'De formule',
    withNumbers: 'Met jouw cijfers',
    steps: 'Stap voor stap',
    definitions: 'Uitgangspunten',
    notes: 'Goed om te weten',
    customersOf: (term, count) => `${term}: ${count} klanten`,
    showCustomers: (term) => `Toon de klanten van ${term}`,
    customerColumns: {
      key: 'Klant',
      first: 'Eerste aankoop',
      last: 'Laatste aankoop',
      purchases: 'Aankopen',
      revenue: 'Omzet',
    },
    conventionsHeading: 'Klantverloop volgens andere pakketten',
    moreRows: (count) => `en nog ${count} klanten; exporteer de lijst om ze allemaal te zien`,
  },
  calculator: {
    heading: 'Rekenhulp: klantretentie uit drie getallen',
    intro:
      'Geen bestand nodig: vul het aantal klanten aan het begin en eind van een periode in en het aantal nieuwe klanten.',
    mode: 'Ik weet',
    modeEnd: 'het aantal klanten aan het eind (E)',
    modeLost: 'hoeveel klanten er vertrokken',
    start: 'Klanten aan het begin (S)',
    end: 'Klanten aan het eind (E)',
    newCustomers: 'Nieuwe klanten (N)',
    lost: 'Vertrokken klanten',
    presets: 'Voorbeelden uit de artikelen',
    preset: (index) => `Voorbeeld ${index}`,
    invalid: 'Vul hele getallen van 0 of meer in.',
  },
};
