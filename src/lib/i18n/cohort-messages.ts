/**
 * The words of the cohort screen, in Dutch (source) and English. Heatmap labels depend on the
 * cohort period ("Maand 3" / "Week 3"), so those are functions of the unit.
 */
import type { CohortUnit, CohortView } from '../core/metrics/cohort-matrix.ts';
import type { HeatmapLabels, HeatmapMeasure } from '../charts/heatmap.ts';
import type { Language } from './format.ts';

export interface CohortMessages {
  readonly heading: string;
  readonly intro: string;
  readonly unit: string;
  readonly units: Readonly<Record<CohortUnit, string>>;
  readonly view: string;
  readonly views: Readonly<Record<CohortView, string>>;
  readonly measure: string;
  readonly measures: Readonly<Record<HeatmapMeasure, string>>;
  readonly relativeTo: string;
  readonly relativeStart: string;
  readonly relativePrevious: string;
  readonly average: string;
  readonly averagePooled: string;
  readonly averageSimple: string;
  readonly breakdown: string;
  readonly breakdownNone: string;
  /** "Alleen: Kanaal = Google" in the select. */
  readonly breakdownFilter: (column: string, value: string) => string;
  /** "Vergelijk per Kanaal". */
  readonly breakdownCompare: (column: string) => string;
  readonly compareHeading: (column: string) => string;
  readonly compareLabel: (column: string) => string;
  readonly compareTableCaption: (column: string) => string;
  readonly emptyValue: string;
  readonly curvesHeading: string;
  readonly curvesLabel: string;
  readonly revenueHeading: string;
  readonly revenueLabel: string;
  readonly noCohorts: string;
  readonly cellHeading: (cohort: string, age: string) => string;
  readonly closeCell: string;
  readonly matrixName: string;
  readonly heatmapTitle: (measure: string, view: string) => string;
  readonly heatmap: (unit: CohortUnit) => HeatmapLabels;
}

const ageWordNl: Record<CohortUnit, [string, string]> = {
  week: ['Week', 'Weken'],
  month: ['Maand', 'Maanden'],
  quarter: ['Kwartaal', 'Kwartalen'],
  year: ['Jaar', 'Jaren'],
};
const ageWordEn: Record<CohortUnit, [string, string]> = {
  week: ['Week', 'Weeks'],
  month: ['Month', 'Months'],
  quarter: ['Quarter', 'Quarters'],
  year: ['Year', 'Years'],
};

export const cohortNl: CohortMessages = {
  heading: 'Cohorten',
  intro:
    'Elke rij is een groep klanten die in dezelfde periode voor het eerst kocht of begon; de vakken laten zien hoeveel van hen in de perioden daarna nog actief waren.',
  unit: 'Cohort per',
  units: { week: 'week', month: 'maand', quarter: 'kwartaal', year: 'jaar' },
  view: 'Tellen als',
  views: {
    classic: 'actief in die periode',
    rolling: 'actief in die of een latere periode',
  },
  measure: 'Vakken tonen',
  measures: {
    share: 'aandeel klanten',
    count: 'aantal klanten',
    revenue: 'omzet',
    'revenue-share': 'omzet als % van periode 0',
    'revenue-per-customer': 'opgetelde omzet per klant',
  },
  relativeTo: 'Aandeel van',
  relativeStart: 'het cohort (periode 0)',
  relativePrevious: 'de vorige periode',
  average: 'Gemiddelde onderaan',
  averagePooled: 'gewogen (alle klanten samen)',
  averageSimple: 'ongewogen (gemiddelde van de cohorten)',
  breakdown: 'Uitsplitsen',
  breakdownNone: 'alle klanten',
  breakdownFilter: (column, value) => `alleen ${column}: ${value}`,
  breakdownCompare: (column) => `vergelijk per ${column}`,
  compareHeading: (column) => `Retentiecurves per ${column}`,
  compareLabel: (column) => `Lijngrafiek: gemiddelde retentie per leeftijd, één lijn per ${column}`,
  compareTableCaption: (column) => `Gemiddelde retentie per leeftijd en ${column}`,
  emptyValue: '(leeg)',
  curvesHeading: 'Retentiecurves: elk cohort vaag, het gemiddelde vet',
  curvesLabel:
    'Lijngrafiek: aandeel actieve klanten per leeftijd, een vage lijn per cohort en het gemiddelde vet; de tabel hierboven geeft dezelfde getallen',
  revenueHeading: 'Omzet per cohort tot nu toe',
  revenueLabel:
    'Staafgrafiek: de opgetelde omzet van elk cohort; de tabel hierboven toont dezelfde omzet per leeftijd',
  noCohorts: 'Er zijn geen cohorten in deze gegevens.',
  cellHeading: (cohort, age) => `Klanten van cohort ${cohort}, ${age}`,
  closeCell: 'Sluiten',
  matrixName: 'cohorten',
  heatmapTitle: (measure, view) => `Cohortanalyse: ${measure} (${view})`,
  heatmap: (unit) => ({
    caption: 'Retentie per cohort',
    cohort: 'Cohort',
    customers: 'Klanten',
    ageHeading: `${ageWordNl[unit][1]} na de eerste aankoop of start`,
    age: (age) => `${ageWordNl[unit][0]} ${age}`,
    averagePooled: 'Gemiddelde (gewogen)',
    averageSimple: 'Gemiddelde (ongewogen)',
    averageMean: 'Gemiddelde per cohort',
    countOf: (count, n, total) => `${count} van ${n} ${total === 1 ? 'klant' : 'klanten'}`,
    countOfPrevious: (count, n) => `${count} van de ${n} klanten van de vorige periode`,
    cohortSize: (n, total) => `${n} ${total === 1 ? 'klant' : 'klanten'}`,
    interval: (low, high) => `95%-interval: ${low}–${high}`,
    averageOver: (cohorts, customers, cohortCount) =>
      `over ${cohorts} ${cohortCount === 1 ? 'cohort' : 'cohorten'}, ${customers} klanten`,
    incomplete: 'Periode nog niet compleet',
    fewCustomers: (min) => `Minder dan ${min} klanten`,
    legend: 'Kleurschaal',
    hatchedNote: 'Gearceerd: periode nog niet compleet',
    fadedNote: (min) => `Vervaagd: cohort van minder dan ${min} klanten`,
    keyboardHint:
      'Pijltjestoetsen gaan van vak naar vak; Enter of klikken toont de klanten achter een vak.',
  }),
};

export const cohortEn: CohortMessages = {
  heading: 'Cohorts',
  intro:
    'Each row is a group of customers who first bought or started in the same period; the cells show how many of them were still active in the periods after.',
  unit: 'Cohort per',
  units: { week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
  view: 'Count as',
  views: {
    classic: 'active in that period',
    rolling: 'active in that or a later period',
  },
  measure: 'Cells show',
  measures: {
    share: 'share of customers',
    count: 'number of customers',
    revenue: 'revenue',
    'revenue-share': 'revenue as % of period 0',
    'revenue-per-customer': 'cumulative revenue per customer',
  },
  relativeTo: 'Share of',
  relativeStart: 'the cohort (period 0)',
  relativePrevious: 'the previous period',
  average: 'Average row',
  averagePooled: 'pooled (all customers together)',
  averageSimple: 'simple mean of the cohorts',
  breakdown: 'Break down',
  breakdownNone: 'all customers',
  breakdownFilter: (column, value) => `only ${column}: ${value}`,
  breakdownCompare: (column) => `compare by ${column}`,
  compareHeading: (column) => `Retention curves by ${column}`,
  compareLabel: (column) => `Line chart: average retention by age, one line per ${column}`,
  compareTableCaption: (column) => `Average retention by age and ${column}`,
  emptyValue: '(empty)',
  curvesHeading: 'Retention curves: each cohort faint, the average bold',
  curvesLabel:
    'Line chart: share of customers active by age, one faint line per cohort and the average bold; the table above gives the same numbers',
  revenueHeading: 'Revenue per cohort so far',
  revenueLabel:
    'Bar chart: the total revenue of each cohort; the table above shows the same revenue by age',
  noCohorts: 'There are no cohorts in this data.',
  cellHeading: (cohort, age) => `Customers of cohort ${cohort}, ${age}`,
  closeCell: 'Close',
  matrixName: 'cohorts',
  heatmapTitle: (measure, view) => `Cohort analysis: ${measure} (${view})`,
  heatmap: (unit) => ({
    caption: 'Retention by cohort',
    cohort: 'Cohort',
    customers: 'Customers',
    ageHeading: `${ageWordEn[unit][1]} since first purchase or start`,
    age: (age) => `${ageWordEn[unit][0]} ${age}`,
    averagePooled: 'Average (pooled)',
    averageSimple: 'Average (simple mean)',
    averageMean: 'Average per cohort',
    countOf: (count, n, total) => `${count} of ${n} ${total === 1 ? 'customer' : 'customers'}`,
    countOfPrevious: (count, n) => `${count} of the ${n} customers of the previous period`,
    cohortSize: (n, total) => `${n} ${total === 1 ? 'customer' : 'customers'}`,
    interval: (low, high) => `95% interval: ${low}–${high}`,
    averageOver: (cohorts, customers, cohortCount) =>
      `over ${cohorts} ${cohortCount === 1 ? 'cohort' : 'cohorts'}, ${customers} customers`,
    incomplete: 'Period not complete yet',
    fewCustomers: (min) => `Fewer than ${min} customers`,
    legend: 'Colour scale',
    hatchedNote: 'Hatched: period not complete yet',
    fadedNote: (min) => `Faded: cohort of fewer than ${min} customers`,
    keyboardHint:
      'Arrow keys move between cells; Enter or click shows the customers behind a cell.',
  }),
};

export const cohortCatalogs: Readonly<Record<Language, CohortMessages>> = {
  nl: cohortNl,
  en: cohortEn,
};
