/**
 * The purchase-model report (METRICS.md §9–§10): a BG/NBD fit on a calibration period, a
 * Gamma-Gamma fit on the calibration's repeat customers, the holdout check (cumulative predicted
 * versus actual repeat purchases per week), per-customer outlooks and the at-risk list. One pure
 * function, `predict`, returns a plain JSON-able object; the UI and the command line turn its codes
 * into words.
 *
 * Decisions (documented once, here):
 * - **Calibration end** (default): the data's last day minus one third of its span, rounded to a
 *   whole day: lastDay − round((lastDay − firstDay) / 3). A given day is clamped to
 *   [firstDay, lastDay]; at lastDay there is no holdout. firstDay is the first purchase day,
 *   lastDay the last day of any row (a refund on the last day still shows the data runs to it).
 * - **Parameters from calibration, numbers as of the data's end**: the model is fitted on the
 *   calibration period only (so the holdout is a fair test), and the per-customer numbers
 *   (P(alive), expected purchases, LTV) and the at-risk list use the same parameters with each
 *   customer's history up to `asOf` (default the data's last day): a second RFM summary. That is
 *   what "who should we call this week" needs: a customer who bought in the holdout is not
 *   scored on stale data. Set `asOf` to the calibration end to get the published per-customer
 *   numbers (CDNOW customer 1: P(alive) 0.727, 1.226 purchases in 39 weeks).
 * - **Model LTV** = margin × E[spend per purchase | x, m] (Gamma-Gamma) × E[purchases in the
 *   longest horizon] (BG/NBD), undiscounted: {@link customerLifetimeValue} with discountRate 0.
 * - **No model numbers on failure**: a failed fit returns `{ ok: false, reason }` with the data
 *   range and the calibration end only, so that nobody reads numbers the data cannot support.
 */
import type { Dataset, InputKind } from './model/dataset.ts';
import { isoDate, NO_DAY } from './model/days.ts';
import {
  conditionalExpectedSpend,
  defaultAliveThreshold,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  lowProbabilityAlive,
  overdueCustomers,
  pastRevenue,
  probabilityAlive,
  purchaseRowsByCustomerAndDay,
  rfmSummary,
  type BgNbdParams,
  type FitFailure,
  type GammaGammaParams,
  type RfmSummary,
} from './model-fit/index.ts';

/** Options for {@link predict}; every field has a default. */
export interface PredictionOptions {
  /** Last epoch day of the calibration period (default: see the module comment). */
  readonly calibrationEnd?: number;
  /** Days per model time unit; 7 (weeks) as in the published analyses. */
  readonly unitDays?: number;
  /** Horizons of the per-customer expectations, in units: default [13, 26, 52] (3/6/12 months). */
  readonly horizons?: readonly number[];
  /** P(alive) below this puts a customer on the at-risk list; default 0.5. */
  readonly threshold?: number;
  /** Gross margin 0–1 applied to the model LTV; default 1. */
  readonly margin?: number;
  /** Day the per-customer numbers and the at-risk list are computed for; default the last day. */
  readonly asOf?: number;
  /** How many customers (most past revenue first) get a row in `customers`; default 100. */
  readonly top?: number;
}

/** Why there is no model: the fit's own reasons, or an input kind the model does not apply to. */
export type PredictionFailure = FitFailure | 'not-orders';

/** Why there is no Gamma-Gamma spend model (and so no model LTV). */
export type GammaGammaIssue =
  | 'no-amounts'
  | 'too-few-repeat-customers'
  | 'infinite-mean-spend'
  | 'did-not-converge'
  | 'boundary'
  | 'flat-likelihood';

/** Why a customer is on the at-risk list, with the numbers that put them there. */
export type AtRiskReason =
  | {
      readonly code: 'low-probability-alive';
      readonly probabilityAlive: number;
      readonly threshold: number;
    }
  | { readonly code: 'overdue'; readonly daysSinceLast: number; readonly medianGapDays: number }
  | {
      readonly code: 'announced-cancellation';
      readonly endDay: number;
      readonly daysUntilEnd: number;
    };

/** One customer of the at-risk list. */
export interface AtRiskCustomer {
  /** Customer code (index into dataset.customerKeys). */
  readonly customer: number;
  readonly key: string;
  /** Orders: last purchase day. Subscriptions: start day of the latest subscription. */
  readonly lastDay: number;
  /** Orders: distinct purchase days up to asOf. Subscriptions: subscription periods. */
  readonly purchases: number;
  /** Net revenue up to asOf; null without amounts. */
  readonly pastRevenue: number | null;
  /** The model's P(alive) as of asOf (orders); null for subscriptions. */
  readonly probabilityAlive: number | null;
  /** At least one reason; low probability first, then overdue. */
  readonly reasons: readonly AtRiskReason[];
}

/** One customer's outlook (a row of the "most valuable customers" table). */
export interface CustomerOutlook {
  readonly customer: number;
  readonly key: string;
  readonly purchases: number;
  readonly lastDay: number;
  readonly pastRevenue: number | null;
  readonly probabilityAlive: number;
  /** Expected purchases in the next horizons[k] units, aligned with `horizons`. */
  readonly expectedPurchases: readonly number[];
  /** Model LTV over the longest horizon; null without a spend model. */
  readonly lifetimeValue: number | null;
}

/** One week of the holdout: cumulative repeat purchases of the fitted customers. */
export interface HoldoutWeek {
  /** 1-based week of the holdout. */
  readonly week: number;
  /** Last day of the week (the data's last day for a partial last week). */
  readonly endDay: number;
  /** Σ over fitted customers of E[purchases in (calibrationEnd, endDay]]. */
  readonly predicted: number;
  /** Distinct purchase days of fitted customers in (calibrationEnd, endDay]. */
  readonly actual: number;
}

/** The Gamma-Gamma fit shown beside the BG/NBD parameters. */
export interface GammaGammaReport extends GammaGammaParams {
  /** pγ / (q − 1): the model's mean spend per purchase. */
  readonly populationMeanSpend: number;
  /** Repeat customers the fit used. */
  readonly customers: number;
}

/** First and last day of the data: the limits of the calibration control. */
export interface DayRange {
  readonly firstDay: number;
  readonly lastDay: number;
}

/** A fitted purchase model and what follows from it (orders). */
export interface OrdersPrediction {
  readonly ok: true;
  readonly kind: 'orders';
  readonly range: DayRange;
  /** ISO date of the calibration end, and the same as an epoch day. */
  readonly calibrationEnd: string;
  readonly calibrationEndDay: number;
  readonly asOfDay: number;
  readonly unitDays: number;
  readonly horizons: readonly number[];
  /** The horizon of every model LTV (the longest of `horizons`); null without horizons. */
  readonly lifetimeHorizon: number | null;
  readonly threshold: number;
  readonly margin: number;
  /** BG/NBD parameters, α in units (weeks by default). */
  readonly params: BgNbdParams;
  readonly logLikelihood: number;
  readonly converged: true;
  /** Customers the BG/NBD was fitted on (first purchase on or before the calibration end). */
  readonly customers: number;
  /** Of those, customers with at least one repeat purchase in calibration. */
  readonly repeatCustomers: number;
  readonly gammaGamma: GammaGammaReport | null;
  /** Why `gammaGamma` is null; null when it is not. */
  readonly gammaGammaIssue: GammaGammaIssue | null;
  /** Null when the calibration ends on the data's last day. */
  readonly holdout: readonly HoldoutWeek[] | null;
  /** Sums over every customer as of asOf. */
  readonly totals: {
    readonly customers: number;
    /** Σ P(alive): the customers the model expects to be still active. */
    readonly expectedActive: number;
    /** Aligned with `horizons`. */
    readonly expectedPurchases: readonly number[];
    readonly lifetimeValue: number | null;
    readonly pastRevenue: number | null;
  };
  /** The `top` customers with the most past revenue. */
  readonly topCustomers: readonly CustomerOutlook[];
  readonly atRisk: readonly AtRiskCustomer[];
}

/** Subscriptions: no purchase model; at risk = announced cancellations. */
export interface SubscriptionsPrediction {
  readonly ok: true;
  readonly kind: 'subscriptions';
  readonly range: DayRange;
  /** The data's "today": its last start day. */
  readonly asOfDay: number;
  readonly atRisk: readonly AtRiskCustomer[];
}

/** No model numbers: only why, and what the calibration control needs to try another split. */
export interface PredictionUnavailable {
  readonly ok: false;
  readonly kind: InputKind;
  readonly reason: PredictionFailure;
  readonly range: DayRange | null;
  readonly calibrationEnd: string | null;
  readonly calibrationEndDay: number | null;
}

export type PredictionReport = OrdersPrediction | SubscriptionsPrediction | PredictionUnavailable;

export const defaultHorizons: readonly number[] = [13, 26, 52];
export const defaultTop = 100;

/**
 * First purchase day and last day of an orders dataset (null when it has no usable day).
 * @example orders on 2024-01-01 and 2024-03-31 → { firstDay: day(2024-01-01), lastDay: day(2024-03-31) }
 */
export function dataRange(dataset: Dataset): DayRange | null {
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let row = 0; row < dataset.rowCount; row += 1) {
    const day = dataset.day[row];
    if (day === NO_DAY) continue;
    if (day > lastDay) lastDay = day;
    if (dataset.refund[row] !== 1 && day < firstDay) firstDay = day;
  }
  return Number.isFinite(firstDay) ? { firstDay, lastDay } : null;
}

/**
 * The default calibration end: the last day minus one third of the span, rounded to a day.
 * Formula: lastDay − round((lastDay − firstDay) / 3).
 * @example CDNOW (1997-01-01 … 1998-06-30, 545 days) → 1998-06-30 − 182 = 1997-12-30
 */
export function defaultCalibrationEnd(range: DayRange): number {
  return range.lastDay - Math.round((range.lastDay - range.firstDay) / 3);
}

/**
 * The part of E[Y(t) | x, tₓ, T] that does not depend on tₓ: E[Y(t) | x, tₓ, T] equals this
 * factor times P(alive | x, tₓ, T). Computed as expectedPurchases(t, x, T, T) / P(alive | x, T, T),
 * which is exact because both carry the same P(alive) factor (FHL 2005, eq. 10).
 */
function expectationFactor(params: BgNbdParams, t: number, x: number, age: number): number {
  return expectedPurchases(params, t, x, age, age) / probabilityAlive(params, x, age, age);
}

/**
 * Expected purchases in the next t units for many customers at once: the {@link expectationFactor}
 * (the ₂F₁ series, the costly part) is computed once per distinct (x, T).
 */
class ExpectationCache {
  private readonly factors = new Map<number, number>();
  constructor(
    private readonly params: BgNbdParams,
    private readonly t: number,
  ) {}

  /** E[Y(t)] for a customer with (x, T) and the given P(alive); key identifies (x, T). */
  expected(key: number, x: number, age: number, alive: number): number {
    let factor = this.factors.get(key);
    if (factor === undefined) {
      factor = expectationFactor(this.params, this.t, x, age);
      this.factors.set(key, factor);
    }
    return factor * alive;
  }
}

/** A number that identifies (x, T) within one summary (T is fixed by the first purchase day). */
function groupKey(summary: RfmSummary, i: number): number {
  return summary.frequency[i] * 4_194_304 + (summary.calibrationEnd - summary.firstDay[i]);
}

/**
 * Cumulative predicted and actual repeat purchases per week of the holdout, for the customers the
 * model was fitted on. Predicted at the end of week k: Σᵢ E[Y(tₖ) | xᵢ, tₓᵢ, Tᵢ] with
 * tₖ = (endDayₖ − calibrationEnd) / unitDays; actual: their distinct purchase days in
 * (calibrationEnd, endDayₖ]. Weeks are 7 days from the day after the calibration end; a partial
 * last week ends on the data's last day.
 * @example CDNOW, calibration to 1997-09-30: 39 weeks, the last ending 1998-06-30
 */
export function holdoutWeeks(
  dataset: Dataset,
  params: BgNbdParams,
  summary: RfmSummary,
  lastDay: number,
): HoldoutWeek[] | null {
  const start = summary.calibrationEnd;
  if (lastDay <= start) return null;
  const weeks = Math.ceil((lastDay - start) / 7);
  const fitted = new Uint8Array(dataset.customerKeys.length);
  for (const code of summary.customer) fitted[code] = 1;
  // Distinct purchase days of fitted customers after the calibration end, bucketed by week
  // (rows come sorted by customer, then day).
  const perWeek = new Float64Array(weeks);
  const rows = purchaseRowsByCustomerAndDay(dataset, lastDay);
  let previousCode = -1;
  let previousDay = NO_DAY;
  for (const row of rows) {
    const code = dataset.customer[row];
    const day = dataset.day[row];
    if (code === previousCode && day === previousDay) continue;
    previousCode = code;
    previousDay = day;
    if (day > start && fitted[code] === 1) perWeek[Math.floor((day - start - 1) / 7)] += 1;
  }
  // Customers sharing (x, T) share the ₂F₁ factor: sum their P(alive) once.
  const groups = new Map<number, number>();
  const groupX: number[] = [];
  const groupAge: number[] = [];
  const groupAlive: number[] = [];
  for (let i = 0; i < summary.customer.length; i += 1) {
    const x = summary.frequency[i];
    const alive = probabilityAlive(params, x, summary.recency[i], summary.age[i]);
    const key = groupKey(summary, i);
    const g = groups.get(key);
    if (g !== undefined) {
      groupAlive[g] += alive;
      continue;
    }
    groups.set(key, groupX.length);
    groupX.push(x);
    groupAge.push(summary.age[i]);
    groupAlive.push(alive);
  }
  const result: HoldoutWeek[] = [];
  let actual = 0;
  for (let k = 0; k < weeks; k += 1) {
    const endDay = Math.min(start + 7 * (k + 1), lastDay);
    const t = (endDay - start) / summary.unitDays;
    let predicted = 0;
    for (let g = 0; g < groupX.length; g += 1) {
      predicted += expectationFactor(params, t, groupX[g], groupAge[g]) * groupAlive[g];
    }
    actual += perWeek[k];
    result.push({ week: k + 1, endDay, predicted, actual });
  }
  return result;
}

function gammaGammaOf(summary: RfmSummary): {
  readonly report: GammaGammaReport | null;
  readonly issue: GammaGammaIssue | null;
} {
  if (summary.monetary === null) return { report: null, issue: 'no-amounts' };
  const fit = fitGammaGamma({ frequency: summary.frequency, monetary: summary.monetary });
  if (!fit.ok) {
    const issue =
      fit.reason === 'too-few-customers' || fit.reason === 'no-repeat-purchases'
        ? 'too-few-repeat-customers'
        : fit.reason;
    return { report: null, issue };
  }
  if (fit.populationMeanSpend === null) return { report: null, issue: 'infinite-mean-spend' };
  const { p, q, gamma } = fit.params;
  return {
    report: { p, q, gamma, populationMeanSpend: fit.populationMeanSpend, customers: fit.customers },
    issue: null,
  };
}

/** Sort order of every customer list: past revenue, then purchases (most first), then code. */
function byValue(
  p: { pastRevenue: number | null; purchases: number; customer: number },
  q: { pastRevenue: number | null; purchases: number; customer: number },
): number {
  return (
    (q.pastRevenue ?? 0) - (p.pastRevenue ?? 0) ||
    q.purchases - p.purchases ||
    p.customer - q.customer
  );
}

function unavailable(
  dataset: Dataset,
  reason: PredictionFailure,
  range: DayRange | null,
  calibrationEnd: number | null,
): PredictionUnavailable {
  return {
    ok: false,
    kind: dataset.kind,
    reason,
    range,
    calibrationEnd: calibrationEnd === null ? null : isoDate(calibrationEnd),
    calibrationEndDay: calibrationEnd,
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * The purchase-model report of a dataset: BG/NBD + Gamma-Gamma fitted on the calibration period,
 * the holdout check, per-customer outlooks and the at-risk customers (METRICS.md §9–§10).
 *
 * At risk (orders): P(alive) < threshold, or overdue (≥ 3 purchase days and a silence longer than
 * twice the customer's median gap), both as of asOf; sorted by past revenue, then purchases, then
 * customer code. Subscriptions: customers whose last subscription has an end day after the data's
 * last start day (an announced cancellation). Lists: 'not-orders'.
 *
 * @example predict(cdnow, { calibrationEnd: epochDay(1997, 9, 30) })
 * // → { ok: true, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood: −9582.4, … }
 */
export function predict(dataset: Dataset, options: PredictionOptions = {}): PredictionReport {
  if (dataset.kind === 'subscriptions') return subscriptionsPrediction(dataset);
  if (dataset.kind !== 'orders') return unavailable(dataset, 'not-orders', null, null);
  const range = dataRange(dataset);
  if (range === null) return unavailable(dataset, 'too-few-customers', null, null);
  const unitDays = options.unitDays ?? 7;
  const horizons = [...(options.horizons ?? defaultHorizons)];
  const threshold = options.threshold ?? defaultAliveThreshold;
  const margin = options.margin ?? 1;
  const top = options.top ?? defaultTop;
  const calibrationEnd = clamp(
    Math.round(options.calibrationEnd ?? defaultCalibrationEnd(range)),
    range.firstDay,
    range.lastDay,
  );
  const asOfDay = clamp(Math.round(options.asOf ?? range.lastDay), range.firstDay, range.lastDay);

  const calibration = rfmSummary(dataset, { calibrationEnd, unitDays });
  const fit = fitBgNbd(calibration);
  if (!fit.ok) return unavailable(dataset, fit.reason, range, calibrationEnd);
  const { params } = fit;
  const spend = gammaGammaOf(calibration);
  const holdout = holdoutWeeks(dataset, params, calibration, range.lastDay);

  // Per-customer numbers: the same parameters, each customer's history up to asOf.
  const current =
    asOfDay === calibrationEnd
      ? calibration
      : rfmSummary(dataset, { calibrationEnd: asOfDay, unitDays });
  const revenue = pastRevenue(dataset, asOfDay);
  const hasAmounts = dataset.amount !== null;
  const n = current.customer.length;
  const caches = horizons.map((t) => new ExpectationCache(params, t));
  const longest = horizons.length > 0 ? horizons.indexOf(Math.max(...horizons)) : -1;
  const totalExpected = horizons.map(() => 0);
  let totalAlive = 0;
  let totalValue = 0;
  let totalRevenue = 0;
  const outlooks: CustomerOutlook[] = [];
  for (let i = 0; i < n; i += 1) {
    const code = current.customer[i];
    const x = current.frequency[i];
    const alive = probabilityAlive(params, x, current.recency[i], current.age[i]);
    const key = groupKey(current, i);
    const expected = caches.map((cache) => cache.expected(key, x, current.age[i], alive));
    let value: number | null = null;
    if (spend.report !== null && current.monetary !== null && longest >= 0) {
      const perPurchase = conditionalExpectedSpend(spend.report, x, current.monetary[i]);
      value = perPurchase === null ? null : margin * perPurchase * expected[longest];
    }
    totalAlive += alive;
    expected.forEach((e, k) => (totalExpected[k] += e));
    totalValue += value ?? 0;
    totalRevenue += revenue[code];
    outlooks.push({
      customer: code,
      key: dataset.customerKeys[code],
      purchases: x + 1,
      lastDay: current.lastDay[i],
      pastRevenue: hasAmounts ? revenue[code] : null,
      probabilityAlive: alive,
      expectedPurchases: expected,
      lifetimeValue: value,
    });
  }
  outlooks.sort(byValue);

  return {
    ok: true,
    kind: 'orders',
    range,
    calibrationEnd: isoDate(calibrationEnd),
    calibrationEndDay: calibrationEnd,
    asOfDay,
    unitDays,
    horizons,
    lifetimeHorizon: longest >= 0 ? horizons[longest] : null,
    threshold,
    margin,
    params,
    logLikelihood: fit.logLikelihood,
    converged: true,
    customers: fit.customers,
    repeatCustomers: calibration.frequency.reduce((count, x) => count + (x > 0 ? 1 : 0), 0),
    gammaGamma: spend.report,
    gammaGammaIssue: spend.issue,
    holdout,
    totals: {
      customers: n,
      expectedActive: totalAlive,
      expectedPurchases: totalExpected,
      lifetimeValue: spend.report !== null && longest >= 0 ? totalValue : null,
      pastRevenue: hasAmounts ? totalRevenue : null,
    },
    topCustomers: outlooks.slice(0, Math.max(0, top)),
    atRisk: atRiskCustomers(dataset, params, current, threshold),
  };
}

/**
 * At-risk orders customers as of the summary's end (its calibrationEnd is the as-of day): the
 * union of {@link lowProbabilityAlive} (P(alive) < threshold) and {@link overdueCustomers}
 * (≥ 3 purchase days, silent for more than twice their median gap), one entry per customer with
 * every reason that applies (low probability first), sorted by past revenue, then purchases
 * (most first), then customer code. Every entry carries the model's P(alive).
 *
 * @example atRiskCustomers(dataset, params, rfmSummary(dataset, { calibrationEnd: asOf, unitDays: 7 }))
 * // → [{ key: 'gone', reasons: [{ code: 'low-probability-alive', … }, { code: 'overdue', … }] }, …]
 */
export function atRiskCustomers(
  dataset: Dataset,
  params: BgNbdParams,
  summary: RfmSummary,
  threshold = defaultAliveThreshold,
): AtRiskCustomer[] {
  const asOf = summary.calibrationEnd;
  const indexByCode = new Int32Array(dataset.customerKeys.length).fill(-1);
  summary.customer.forEach((code, i) => (indexByCode[code] = i));
  const hasAmounts = dataset.amount !== null;
  const entries = new Map<number, { reasons: AtRiskReason[]; revenue: number }>();
  for (const low of lowProbabilityAlive(params, summary, dataset, threshold)) {
    entries.set(low.customer, {
      reasons: [
        { code: 'low-probability-alive', probabilityAlive: low.probabilityAlive, threshold },
      ],
      revenue: low.pastRevenue,
    });
  }
  for (const late of overdueCustomers(dataset, asOf)) {
    const reason: AtRiskReason = {
      code: 'overdue',
      daysSinceLast: late.daysSinceLast,
      medianGapDays: late.medianGapDays,
    };
    const entry = entries.get(late.customer);
    if (entry !== undefined) entry.reasons.push(reason);
    else entries.set(late.customer, { reasons: [reason], revenue: late.pastRevenue });
  }
  const list: AtRiskCustomer[] = [];
  for (const [customer, entry] of entries) {
    const i = indexByCode[customer];
    const x = summary.frequency[i];
    list.push({
      customer,
      key: dataset.customerKeys[customer],
      lastDay: summary.lastDay[i],
      purchases: x + 1,
      pastRevenue: hasAmounts ? entry.revenue : null,
      probabilityAlive: probabilityAlive(params, x, summary.recency[i], summary.age[i]),
      reasons: entry.reasons,
    });
  }
  return list.sort(byValue);
}

/** Average days per month, for the months a subscription has been paid. */
const daysPerMonth = 365.25 / 12;

/**
 * Subscriptions: customers whose last subscription ends after the data's "today" (its last start
 * day) and who have no open-ended subscription: they announced a cancellation. Past revenue =
 * Σ monthly amount × months subscribed up to today (days ÷ 30.4375); null without amounts.
 * @example start 2024-01-01, end 2024-06-30, last start in the data 2024-05-01 → at risk
 */
function subscriptionsPrediction(dataset: Dataset): PredictionReport {
  let today = -Infinity;
  let firstDay = Infinity;
  for (let row = 0; row < dataset.rowCount; row += 1) {
    const day = dataset.day[row];
    if (day === NO_DAY) continue;
    if (day > today) today = day;
    if (day < firstDay) firstDay = day;
  }
  if (!Number.isFinite(today)) return unavailable(dataset, 'too-few-customers', null, null);
  const customers = dataset.customerKeys.length;
  const latestEnd = new Float64Array(customers).fill(-Infinity);
  const latestStart = new Float64Array(customers).fill(-Infinity);
  const periods = new Int32Array(customers);
  const revenue = new Float64Array(customers);
  const endDay = dataset.endDay;
  for (let row = 0; row < dataset.rowCount; row += 1) {
    const start = dataset.day[row];
    if (start === NO_DAY) continue;
    const code = dataset.customer[row];
    const end = endDay === null || endDay[row] === NO_DAY ? Infinity : endDay[row];
    latestEnd[code] = Math.max(latestEnd[code], end);
    latestStart[code] = Math.max(latestStart[code], start);
    periods[code] += 1;
    if (dataset.amount !== null) {
      const days = Math.max(0, Math.min(end, today) - start);
      revenue[code] += (dataset.amount[row] * days) / daysPerMonth;
    }
  }
  const atRisk: AtRiskCustomer[] = [];
  for (let code = 0; code < customers; code += 1) {
    const end = latestEnd[code];
    if (!(Number.isFinite(end) && end > today)) continue;
    atRisk.push({
      customer: code,
      key: dataset.customerKeys[code],
      lastDay: latestStart[code],
      purchases: periods[code],
      pastRevenue: dataset.amount === null ? null : revenue[code],
      probabilityAlive: null,
      reasons: [{ code: 'announced-cancellation', endDay: end, daysUntilEnd: end - today }],
    });
  }
  atRisk.sort(byValue);
  return {
    ok: true,
    kind: 'subscriptions',
    range: { firstDay, lastDay: today },
    asOfDay: today,
    atRisk,
  };
}
