/**
 * The cohort heatmap's view model (METRICS.md §7): one row per cohort, one cell per age, the
 * average row and the legend, with every number already turned into text by the formatter the
 * caller passes in. Pure (no DOM), so it is tested in Node; the HTML table (CohortHeatmap.svelte)
 * and the PNG renderer (heatmap-canvas.ts) draw the same model and never compute.
 *
 * Colour scale policy. Ten buckets on one light-to-dark teal-blue scale whose lightness falls
 * evenly (colour-blind safe: it is read by lightness, and every cell also prints its number). The
 * scale runs from 0 to a "top" that is the largest value at ages ≥ 1 among cohorts of at least 20
 * customers, rounded up to a round number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ); shares never get
 * a top above 100 % unless a value exceeds it (relative to the previous period can). Why not a
 * fixed 0–100 % for shares: age 0 is 100 % by definition for orders, and later ages usually sit
 * between 5 % and 40 %, which on a fixed scale would fall into the two lightest buckets and wash
 * out every difference worth seeing. Age 0, and anything above the top, takes the darkest bucket;
 * the legend then says "≥ …" for it. Small cohorts are left out of the top so one lucky cohort of
 * three customers cannot flatten the rest. Negative money (net refunds) takes the lightest bucket.
 */
import {
  formatMoney,
  formatNumber,
  formatPercent,
  formatPercentUpTo,
  localeOf,
  type Language,
} from '../i18n/format.ts';
import {
  relativeToPrevious,
  wilson,
  type AgeAverage,
  type Cohort,
  type CohortReport,
  type Interval,
} from '../core/metrics/cohort-matrix.ts';

/** What a cell shows. */
export type HeatmapMeasure =
  /** Share of the cohort active (classic or rolling, as the report was computed). */
  | 'share'
  /** The number of customers behind that share. */
  | 'count'
  /** The cohort's revenue in the period of that age. */
  | 'revenue'
  /** That revenue as a share of the cohort's revenue in its first period. */
  | 'revenue-share'
  /** Cumulative revenue per cohort customer up to that age (an observed lifetime-value curve). */
  | 'revenue-per-customer';

export interface HeatmapOptions {
  readonly measure: HeatmapMeasure;
  /**
   * 'start': share of the cohort (count ÷ size); 'previous': share of the previous age's count
   * (count_k ÷ count_(k−1), age 0 ÷ size). Applies to the 'share' measure only.
   */
  readonly relativeTo: 'start' | 'previous';
  /** Bottom row: pooled (Σ ÷ Σ, the default) or the simple mean of the cohorts' values. */
  readonly average: 'pooled' | 'simple';
  /** Cohorts with fewer customers are faded and left out of the colour scale; default 20. */
  readonly minCohortSize?: number;
}

/** What kind of number a measure gives, which decides how it is formatted. */
export type ValueKind = 'ratio' | 'count' | 'money';

/**
 * Turns a number into text. 'cell' is short enough for a ~3rem cell ("41%", "€ 1,2K"); 'full'
 * is for tooltips ("41,2%", "€ 1.234,50").
 */
export type HeatmapFormatter = (
  value: number,
  kind: ValueKind,
  precision: 'cell' | 'full',
) => string;

/** Number of colour buckets. */
export const bucketCount = 10;

/** Cohorts smaller than this are faded (METRICS.md §7: small cohorts mislead). */
export const smallCohortSize = 20;

/**
 * The sequential scale, lightest first (CIELAB lightness 97 → 18, teal to navy). The component's
 * CSS classes `bucket-0` … `bucket-9` repeat these colours; a browser test keeps them equal.
 */
export const heatmapColours: readonly string[] = [
  '#f0f8f6',
  '#cfe4e6',
  '#adcfd6',
  '#8abbc6',
  '#66a8b6',
  '#5294aa',
  '#297596',
  '#005b82',
  '#00446e',
  '#002e5a',
];

/**
 * Whether text on this bucket must be white: true from bucket 6 on, where white has the higher
 * contrast (≥ 5:1; dark ink has ≥ 4.7:1 on buckets 0–5).
 */
export function textOnDark(bucket: number): boolean {
  return bucket >= 6;
}

/**
 * The stripes of an incomplete cell on this bucket, chosen so they raise the contrast of the text
 * rather than lower it: faint dark stripes on the lightest buckets (dark text has contrast to
 * spare there), white stripes under dark text on the middle ones, black stripes under white text
 * on the dark ones. Null (no value) and faded cells take the faint dark stripes.
 */
export function hatchColour(bucket: number | null, faded = false): string {
  if (bucket === null || faded || bucket <= 2) return 'rgba(23, 35, 43, 0.22)';
  return textOnDark(bucket) ? 'rgba(0, 0, 0, 0.35)' : 'rgba(255, 255, 255, 0.55)';
}

/** White laid over a faded (small) cohort's colour; its text is then always dark. */
export const fadeVeil = 'rgba(255, 255, 255, 0.6)';

/**
 * Every word the heatmap shows, in the user's language (the caller owns the catalogs). Functions
 * get numbers already formatted.
 */
export interface HeatmapLabels {
  /** Table caption: what the cells show, e.g. "Retentie per cohort: aandeel klanten actief". */
  readonly caption: string;
  /** Header of the cohort column, e.g. "Cohort". */
  readonly cohort: string;
  /** Header of the cohort sizes beside the labels, e.g. "Klanten". */
  readonly customers: string;
  /** What the columns count, e.g. "Maanden na de eerste aankoop". */
  readonly ageHeading: string;
  /** One age in words, e.g. "Maand 3". */
  readonly age: (age: string) => string;
  readonly averagePooled: string;
  readonly averageSimple: string;
  /** The average of counts or money per cohort, where pooled and simple coincide. */
  readonly averageMean: string;
  /** "41 van 120 klanten"; `total` is n as a number, for the plural. */
  readonly countOf: (count: string, n: string, total: number) => string;
  /** Relative to the previous period: "41 van de 120 klanten van de vorige periode". */
  readonly countOfPrevious: (count: string, n: string, total: number) => string;
  /** Cohort size for money cells: "120 klanten"; `total` for the plural. */
  readonly cohortSize: (n: string, total: number) => string;
  /** "95 %-interval: 26 %–42 %". */
  readonly interval: (low: string, high: string) => string;
  /** Average row tooltip: "over 2 cohorten, 1.500 klanten"; the numbers for the plurals. */
  readonly averageOver: (
    cohorts: string,
    customers: string,
    cohortCount: number,
    customerCount: number,
  ) => string;
  /** Tooltip of an incomplete cell: "Periode nog niet compleet". */
  readonly incomplete: string;
  /** Tooltip of a small cohort's cell: "Minder dan 20 klanten". */
  readonly fewCustomers: (min: string) => string;
  /** Heading of the colour legend, e.g. "Kleurschaal". */
  readonly legend: string;
  /** Note under the heatmap: "Gearceerd: periode nog niet compleet". */
  readonly hatchedNote: string;
  /** Note under the heatmap: "Vervaagd: cohort van minder dan 20 klanten". */
  readonly fadedNote: (min: string) => string;
  /** How to use the grid by keyboard (and that a cell opens its customers). */
  readonly keyboardHint: string;
}

/** One cell of a cohort row. */
export interface HeatmapCell {
  readonly age: number;
  /** Null when the cell is past the data (`empty`) or has no value (an empty denominator). */
  readonly value: number | null;
  /** `value` as cell text; '' past the data, '—' for no value. */
  readonly text: string;
  /** `value` with full precision, for the tooltip; '' when there is no value. */
  readonly fullText: string;
  /** Past the end of the data: no cell at all in the matrix. */
  readonly empty: boolean;
  /** Whether the data covers the period of this age to its last day (METRICS.md §2). */
  readonly complete: boolean;
  /** The customers counted (share and count measures); null otherwise. */
  readonly count: number | null;
  /** What they are counted out of: the cohort size, or the previous age's count. */
  readonly n: number | null;
  readonly countText: string;
  readonly nText: string;
  /** 95 % Wilson interval of count ÷ n (share and count measures), null when it has no meaning. */
  readonly interval: Interval | null;
  /** The interval's ends as cell-precision text; null without an interval. */
  readonly intervalText: { readonly low: string; readonly high: string } | null;
  /** Colour bucket 0 … 9, null without a value. */
  readonly bucket: number | null;
}

/** One cohort. */
export interface HeatmapRow {
  /** Index into `CohortReport.cohorts`, for drill-down. */
  readonly cohortIndex: number;
  /** The cohort's period label, with the breakdown value when split: "2024-03 · email". */
  readonly label: string;
  readonly size: number;
  readonly sizeText: string;
  /** Fewer customers than `minCohortSize`. */
  readonly faded: boolean;
  /** One per age of the model (rows end in `empty` cells past the data). */
  readonly cells: readonly HeatmapCell[];
}

/** One cell of the average row. */
export interface HeatmapAverageCell {
  readonly age: number;
  /** Null when no cohort fully observed the age. */
  readonly value: number | null;
  readonly text: string;
  readonly fullText: string;
  /** Non-empty cohorts that fully observed the age, and their customers. */
  readonly cohorts: number;
  readonly customers: number;
  readonly cohortsText: string;
  readonly customersText: string;
  readonly bucket: number | null;
}

/** The average row: 'mean' where pooled and simple coincide (counts, money per cohort). */
export interface HeatmapAverage {
  readonly kind: 'pooled' | 'simple' | 'mean';
  readonly cells: readonly HeatmapAverageCell[];
}

/** One colour of the legend with the values it stands for. */
export interface LegendStop {
  readonly bucket: number;
  readonly colour: string;
  readonly from: number;
  /** Infinity for the last stop when values above the top share it. */
  readonly to: number;
  /** "10%–20%", or "≥ 45%" for an open last stop. */
  readonly text: string;
}

export interface HeatmapModel {
  readonly measure: HeatmapMeasure;
  /** The reference actually applied: null for measures it does not apply to. */
  readonly relativeTo: 'start' | 'previous' | null;
  readonly kind: ValueKind;
  readonly period: CohortReport['period'];
  readonly view: CohortReport['view'];
  readonly minCohortSize: number;
  /** 0, 1, … up to the longest row. */
  readonly ages: readonly number[];
  readonly rows: readonly HeatmapRow[];
  readonly average: HeatmapAverage;
  /** The colour scale runs over [0, top]: bucket b covers [b × top ÷ 10, (b + 1) × top ÷ 10). */
  readonly top: number;
  readonly legend: readonly LegendStop[];
}

/**
 * The formatter the app uses: Intl via format.ts, compact money in cells ("€ 1,2K").
 * Ratios in cells: whole percents from 10 % up, one decimal below ("41%", "9,5%", "0%").
 */
export function heatmapFormatter(language: Language, currency = 'EUR'): HeatmapFormatter {
  const compactMoney = new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  return (value, kind, precision) => {
    if (kind === 'ratio') {
      return precision === 'cell'
        ? formatPercentUpTo(language, value, Math.abs(value) < 0.1 ? 1 : 0)
        : formatPercent(language, value, 1);
    }
    if (kind === 'count') return formatNumber(language, value, Number.isInteger(value) ? 0 : 1);
    return precision === 'cell'
      ? compactMoney.format(value)
      : formatMoney(language, value, currency);
  };
}

const kindOf: Record<HeatmapMeasure, ValueKind> = {
  share: 'ratio',
  count: 'count',
  revenue: 'money',
  'revenue-share': 'ratio',
  'revenue-per-customer': 'money',
};

/** A cell's value and the counts behind it, before formatting. */
interface Raw {
  readonly value: number | null;
  readonly count: number | null;
  readonly n: number | null;
}

function countsOf(cohort: Cohort, view: CohortReport['view']): readonly number[] {
  return view === 'rolling' ? cohort.rolling : cohort.active;
}

/** The raw values of one cohort row under the options (as long as the cohort's arrays). */
function rawRow(cohort: Cohort, report: CohortReport, options: HeatmapOptions): Raw[] {
  const counts = countsOf(cohort, report.view);
  const revenue = cohort.revenue;
  switch (options.measure) {
    case 'share': {
      if (options.relativeTo === 'previous') {
        // relativeToPrevious reads `active`; the rolling view divides rolling counts alike.
        const ratios = relativeToPrevious({ ...cohort, active: [...counts] });
        return ratios.map((value, age) => ({
          value,
          count: counts[age],
          n: age === 0 ? cohort.size : counts[age - 1],
        }));
      }
      return counts.map((count) => ({
        value: cohort.size === 0 ? null : count / cohort.size,
        count,
        n: cohort.size,
      }));
    }
    case 'count':
      return counts.map((count) => ({ value: count, count, n: cohort.size }));
    case 'revenue':
      return counts.map((_, age) => ({ value: revenue?.[age] ?? null, count: null, n: null }));
    case 'revenue-share': {
      const first = revenue !== null && revenue.length > 0 ? revenue[0] : 0;
      return counts.map((_, age) => ({
        value: revenue === null || !(first > 0) ? null : revenue[age] / first,
        count: null,
        n: null,
      }));
    }
    case 'revenue-per-customer': {
      let sum = 0;
      return counts.map((_, age) => {
        sum += revenue?.[age] ?? 0;
        const value = revenue === null || cohort.size === 0 ? null : sum / cohort.size;
        return { value, count: null, n: null };
      });
    }
  }
}

/** Numerator and denominator of the pooled average of one cohort cell; null leaves it out. */
function pooledParts(
  cohort: Cohort,
  age: number,
  report: CohortReport,
  options: HeatmapOptions,
): { top: number; bottom: number } | null {
  const counts = countsOf(cohort, report.view);
  const revenue = cohort.revenue;
  switch (options.measure) {
    case 'share':
      return options.relativeTo === 'previous'
        ? { top: counts[age], bottom: age === 0 ? cohort.size : counts[age - 1] }
        : { top: counts[age], bottom: cohort.size };
    case 'count':
      return { top: counts[age], bottom: 1 };
    case 'revenue':
      return revenue === null ? null : { top: revenue[age], bottom: 1 };
    case 'revenue-share':
      return revenue === null || !(revenue[0] > 0)
        ? null
        : { top: revenue[age], bottom: revenue[0] };
    case 'revenue-per-customer': {
      if (revenue === null) return null;
      let sum = 0;
      for (let k = 0; k <= age; k++) sum += revenue[k];
      return { top: sum, bottom: cohort.size };
    }
  }
}

/**
 * The average row per age over the non-empty cohorts that fully observed the age.
 * Share relative to the start: the report's own averages (averageByAge / simpleAverageByAge).
 * Otherwise pooled = Σ numerator ÷ Σ denominator and simple = the mean of the cohorts' values,
 * with the same numerator and denominator as the cells (previous-period share: Σ count_k ÷
 * Σ count_(k−1); revenue share: Σ revenue_k ÷ Σ revenue_0; revenue per customer: Σ cumulative
 * revenue ÷ Σ size; count and revenue: the mean per cohort, where pooled and simple coincide).
 * A cohort whose denominator is 0 is left out; no cohort left gives null.
 */
function averageRow(
  report: CohortReport,
  options: HeatmapOptions,
  ageCount: number,
): { kind: HeatmapAverage['kind']; values: (AgeAverage & { value: number | null })[] } {
  const kind: HeatmapAverage['kind'] =
    options.measure === 'count' || options.measure === 'revenue' ? 'mean' : options.average;
  if (options.measure === 'share' && options.relativeTo === 'start') {
    const source = options.average === 'simple' ? report.simpleAverageByAge : report.averageByAge;
    const values = Array.from({ length: ageCount }, (_, age) => {
      const found = source[age];
      return found === undefined
        ? { age, share: null, cohorts: 0, customers: 0, count: 0, value: null }
        : { ...found, value: found.share };
    });
    return { kind, values };
  }
  const values = Array.from({ length: ageCount }, (_, age) => {
    let cohorts = 0;
    let customers = 0;
    let count = 0;
    let tops = 0;
    let bottoms = 0;
    let ratios = 0;
    for (const cohort of report.cohorts) {
      if (cohort.size === 0 || age >= cohort.complete.length || !cohort.complete[age]) continue;
      const parts = pooledParts(cohort, age, report, options);
      if (parts === null || parts.bottom === 0) continue;
      cohorts++;
      customers += cohort.size;
      count += countsOf(cohort, report.view)[age];
      tops += parts.top;
      bottoms += parts.bottom;
      ratios += parts.top / parts.bottom;
    }
    const value = cohorts === 0 ? null : kind === 'simple' ? ratios / cohorts : tops / bottoms;
    return { age, share: value, cohorts, customers, count, value };
  });
  return { kind, values };
}

const niceSteps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest round number ≥ x: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ; 1 for x ≤ 0. */
export function niceCeiling(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of niceSteps) {
    // Round away float noise (0.3 / 0.1 = 2.9999…) before comparing.
    const candidate = Number((step * power).toPrecision(12));
    if (candidate >= x * (1 - 1e-12)) return candidate;
  }
  return 10 * power;
}

/** The bucket of a value on [0, top]: floor(value ÷ top × 10), clamped to 0 … 9. */
export function bucketOf(value: number, top: number): number {
  if (!(top > 0) || !(value > 0)) return 0;
  return Math.min(bucketCount - 1, Math.floor((value / top) * bucketCount + 1e-9));
}

/** The top of the scale (see the module comment). */
function scaleTop(rows: readonly { faded: boolean; raw: Raw[] }[], kind: ValueKind): number {
  const maxOf = (useAll: boolean, fromAge: number) => {
    let max = 0;
    for (const row of rows) {
      if (row.faded && !useAll) continue;
      for (let age = fromAge; age < row.raw.length; age++) {
        const value = row.raw[age].value;
        if (value !== null && value > max) max = value;
      }
    }
    return max;
  };
  const max = maxOf(false, 1) || maxOf(true, 1) || maxOf(true, 0);
  const top = niceCeiling(max);
  // Counts come in whole customers: a top below 10 would give buckets of fractions of one.
  return kind === 'count' ? Math.max(10, top) : top;
}

/**
 * The heatmap of a cohort report under the display options, with all text made by `format`.
 * @example buildHeatmap(report, { measure: 'share', relativeTo: 'start', average: 'pooled' },
 *   heatmapFormatter('nl')).rows[0].cells[1] → { value: 0.5, text: '50%', bucket: 9, … }
 */
export function buildHeatmap(
  report: CohortReport,
  options: HeatmapOptions,
  format: HeatmapFormatter,
): HeatmapModel {
  const kind = kindOf[options.measure];
  const minCohortSize = options.minCohortSize ?? smallCohortSize;
  const ageCount = report.cohorts.reduce((max, c) => Math.max(max, c.complete.length), 0);
  const ages = Array.from({ length: ageCount }, (_, age) => age);
  const withCounts = options.measure === 'share' || options.measure === 'count';

  const raws = report.cohorts.map((cohort) => ({
    cohort,
    faded: cohort.size < minCohortSize,
    raw: rawRow(cohort, report, options),
  }));
  const top = scaleTop(raws, kind);
  const bucket = (value: number | null) => (value === null ? null : bucketOf(value, top));
  const cellText = (value: number | null) => (value === null ? '—' : format(value, kind, 'cell'));
  const fullText = (value: number | null) => (value === null ? '' : format(value, kind, 'full'));
  const countText = (value: number | null) =>
    value === null ? '' : format(value, 'count', 'full');

  const rows: HeatmapRow[] = raws.map(({ cohort, faded, raw }, cohortIndex) => ({
    cohortIndex,
    label: cohort.segment === null ? cohort.cohort : `${cohort.cohort} · ${cohort.segment.label}`,
    size: cohort.size,
    sizeText: format(cohort.size, 'count', 'full'),
    faded,
    cells: ages.map((age): HeatmapCell => {
      const cell = raw[age];
      if (cell === undefined) {
        return {
          age,
          value: null,
          text: '',
          fullText: '',
          empty: true,
          complete: false,
          count: null,
          n: null,
          countText: '',
          nText: '',
          interval: null,
          intervalText: null,
          bucket: null,
        };
      }
      const count = withCounts ? cell.count : null;
      const n = withCounts ? cell.n : null;
      const interval = count === null || n === null ? null : wilson(count, n);
      return {
        age,
        value: cell.value,
        text: cellText(cell.value),
        fullText: fullText(cell.value),
        empty: false,
        complete: cohort.complete[age],
        count,
        n,
        countText: countText(count),
        nText: countText(n),
        interval,
        intervalText:
          interval === null
            ? null
            : {
                low: format(interval.low, 'ratio', 'cell'),
                high: format(interval.high, 'ratio', 'cell'),
              },
        bucket: bucket(cell.value),
      };
    }),
  }));

  const averages = averageRow(report, options, ageCount);
  const average: HeatmapAverage = {
    kind: averages.kind,
    cells: averages.values.map((a) => ({
      age: a.age,
      value: a.value,
      text: a.value === null ? '—' : cellText(a.value),
      fullText: fullText(a.value),
      cohorts: a.cohorts,
      customers: a.customers,
      cohortsText: format(a.cohorts, 'count', 'full'),
      customersText: format(a.customers, 'count', 'full'),
      bucket: bucket(a.value),
    })),
  };

  let overflow = false;
  for (const { raw } of raws)
    for (const cell of raw) if (cell.value !== null && cell.value > top) overflow = true;
  const legend = Array.from({ length: bucketCount }, (_, b): LegendStop => {
    const from = (top * b) / bucketCount;
    const open = b === bucketCount - 1 && overflow;
    const to = open ? Infinity : (top * (b + 1)) / bucketCount;
    const fromText = format(from, kind, 'cell');
    return {
      bucket: b,
      colour: heatmapColours[b],
      from,
      to,
      text: open ? `≥\u00a0${fromText}` : `${fromText}–${format(to, kind, 'cell')}`,
    };
  });

  return {
    measure: options.measure,
    relativeTo: options.measure === 'share' ? options.relativeTo : null,
    kind,
    period: report.period,
    view: report.view,
    minCohortSize,
    ages,
    rows,
    average,
    top,
    legend,
  };
}
