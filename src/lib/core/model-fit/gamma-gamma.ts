/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005b; Fader & Hardie 2013,
 * "The Gamma-Gamma Model of Monetary Value"): a customer's purchase amounts are Gamma(p, ν) with
 * ν ~ Gamma(q, γ) across customers, independent of how often they buy. Fitted on the repeat
 * customers (x > 0) with m = mean amount of their repeat purchases. Combined with BG/NBD it gives
 * a model-based customer lifetime value (METRICS.md §9).
 */
import type { BgNbdParams } from './bg-nbd.ts';
import { expectedPurchases } from './bg-nbd.ts';
import type { FitFailure } from './bg-nbd.ts';
import { fitPositiveParameters } from './optimize.ts';
import { lgamma } from './special.ts';

/** Gamma-Gamma parameters: shape p of one purchase's amount, q and γ of the spread of scales. */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** What a Gamma-Gamma fit reads: one entry per customer (an RfmSummary with amounts fits). */
export interface GammaGammaData {
  /** x: number of repeat purchases; customers with x = 0 are skipped. */
  readonly frequency: ArrayLike<number>;
  /** m: mean amount of the x repeat purchases. */
  readonly monetary: ArrayLike<number>;
}

export type GammaGammaFit =
  | {
      readonly ok: true;
      readonly params: GammaGammaParams;
      readonly logLikelihood: number;
      readonly converged: true;
      readonly iterations: number;
      /** Customers the fit used: x > 0 and m > 0. */
      readonly customers: number;
      /** Repeat customers left out because their mean spend is not positive (free orders). */
      readonly skippedNonPositive: number;
      /** pγ/(q − 1), or null when q ≤ 1 (the model's mean spend is infinite). */
      readonly populationMeanSpend: number | null;
    }
  | {
      readonly ok: false;
      readonly reason: FitFailure;
      readonly best: { readonly params: GammaGammaParams; readonly logLikelihood: number } | null;
      readonly iterations: number;
    };

export interface GammaGammaFitOptions {
  /** Fewer usable repeat customers than this give 'too-few-customers'. Default 10. */
  readonly minCustomers?: number;
}

/**
 * Gamma-Gamma log-likelihood of the mean spends (natural log, summed over customers with x > 0
 * and m > 0).
 *
 * Formula (Fader & Hardie 2013, eq. 3, for the mean m of x amounts):
 * ln f(m | p, q, γ, x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x
 *                        − (px+q) ln(γ + m x).
 *
 * @example gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, cdnowSummary) (946 terms)
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData): number {
  const { p, q, gamma } = params;
  if (!(p > 0 && q > 0 && gamma > 0)) return NaN;
  const base = -lgamma(q) + q * Math.log(gamma);
  let total = 0;
  for (let i = 0; i < data.frequency.length; i += 1) {
    const x = data.frequency[i];
    const m = data.monetary[i];
    if (!(x > 0 && m > 0)) continue;
    const px = p * x;
    total +=
      lgamma(px + q) -
      lgamma(px) +
      base +
      (px - 1) * Math.log(m) +
      px * Math.log(x) -
      (px + q) * Math.log(gamma + m * x);
  }
  return total;
}

const fromValues = ([p, q, gamma]: readonly number[]): GammaGammaParams => ({ p, q, gamma });

/** Per-customer constants of the likelihood, and the distinct x values (ln Γ is per x only). */
interface Prepared {
  readonly xIndex: Int32Array;
  readonly xs: Float64Array;
  readonly lnX: Float64Array;
  readonly lnM: Float64Array;
  readonly mx: Float64Array;
}

function prepare(xs: readonly number[], ms: readonly number[]): Prepared {
  const map = new Map<number, number>();
  const xIndex = Int32Array.from(xs, (x) => {
    let k = map.get(x);
    if (k === undefined) {
      k = map.size;
      map.set(x, k);
    }
    return k;
  });
  return {
    xIndex,
    xs: Float64Array.from(map.keys()),
    lnX: Float64Array.from(xs, Math.log),
    lnM: Float64Array.from(ms, Math.log),
    mx: Float64Array.from(xs, (x, i) => x * ms[i]),
  };
}

/** The same sum as {@link gammaGammaLogLikelihood}, with ln Γ computed once per distinct x. */
function preparedLogLikelihood(data: Prepared, params: GammaGammaParams): number {
  const { p, q, gamma } = params;
  const perX = Float64Array.from(data.xs, (x) => lgamma(p * x + q) - lgamma(p * x));
  const base = -lgamma(q) + q * Math.log(gamma);
  let total = 0;
  for (let i = 0; i < data.xIndex.length; i += 1) {
    const k = data.xIndex[i];
    const px = p * data.xs[k];
    total +=
      perX[k] +
      base +
      (px - 1) * data.lnM[i] +
      px * data.lnX[i] -
      (px + q) * Math.log(gamma + data.mx[i]);
  }
  return total;
}

/**
 * Maximum-likelihood Gamma-Gamma fit on the repeat customers.
 *
 * Method: Nelder–Mead with restarts on (ln p, ln q, ln γ), then a positive-definite Hessian check,
 * as for {@link fitBgNbd}. Edge-case policy: customers with x = 0 carry no spend information and
 * are skipped; a repeat customer whose mean spend is 0 (only free orders) has zero density under
 * a Gamma and is skipped and counted, rather than making the likelihood −∞.
 *
 * @example fitGammaGamma(cdnowSummary) → { p: 6.25, q: 3.74, gamma: 15.44 }, 946 customers
 */
export function fitGammaGamma(
  data: GammaGammaData,
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  // Keep the usable customers once: x > 0 and m > 0.
  const xs: number[] = [];
  const ms: number[] = [];
  let repeatCustomers = 0;
  for (let i = 0; i < data.frequency.length; i += 1) {
    const x = data.frequency[i];
    if (!(x > 0)) continue;
    repeatCustomers += 1;
    const m = data.monetary[i];
    if (!(m > 0) || !Number.isFinite(m)) continue;
    xs.push(x);
    ms.push(m);
  }
  if (repeatCustomers === 0) {
    return { ok: false, reason: 'no-repeat-purchases', best: null, iterations: 0 };
  }
  const n = xs.length;
  if (n < Math.max(options.minCustomers ?? 10, 1)) {
    return { ok: false, reason: 'too-few-customers', best: null, iterations: 0 };
  }
  const prepared = prepare(xs, ms);
  const objective = (v: readonly number[]) =>
    -preparedLogLikelihood(prepared, fromValues(v.map(Math.exp))) / n;
  const meanSpend = ms.reduce((s, m) => s + m, 0) / n;
  // Start with E[spend] = pγ/(q−1) = meanSpend at p = 1, q = 2; a second start with a tighter
  // spread. Amounts in cents or in thousands only shift ln γ.
  const starts: GammaGammaParams[] = [
    { p: 1, q: 2, gamma: meanSpend },
    { p: 5, q: 4, gamma: (3 * meanSpend) / 5 },
  ];
  const fit = fitPositiveParameters(
    objective,
    starts.map((start) => [start.p, start.q, start.gamma]),
    n,
  );
  if (!fit.ok) {
    const best = fit.best && {
      params: fromValues(fit.best.values),
      logLikelihood: fit.best.logLikelihood,
    };
    return { ok: false, reason: fit.reason, best, iterations: fit.iterations };
  }
  const params = fromValues(fit.values);
  const { logLikelihood, iterations } = fit;
  return {
    ok: true,
    params,
    logLikelihood,
    converged: true,
    iterations,
    customers: n,
    skippedNonPositive: repeatCustomers - n,
    populationMeanSpend: populationMeanSpend(params),
  };
}

/**
 * The model's mean spend per purchase over all customers.
 * Formula: E[Z] = pγ / (q − 1); null when q ≤ 1 (the mean is infinite).
 * @example populationMeanSpend({ p: 6.25, q: 3.74, gamma: 15.44 }) ≈ 35.22
 */
export function populationMeanSpend(params: GammaGammaParams): number | null {
  const { p, q, gamma } = params;
  return q > 1 ? (p * gamma) / (q - 1) : null;
}

/**
 * Expected spend per purchase of a customer with x repeat purchases of mean m.
 *
 * Formula (Fader & Hardie 2013, eq. 5): E[Z | x, m] = p(γ + x m) / (px + q − 1), a weighted mean
 * of the population mean pγ/(q−1) (weight (q−1)/(px+q−1)) and the customer's own mean m.
 * For x = 0 that is the population mean. Null when px + q − 1 ≤ 0 (no finite mean).
 *
 * @example conditionalExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 22.345) ≈ 24.66
 */
export function conditionalExpectedSpend(
  params: GammaGammaParams,
  x: number,
  m: number,
): number | null {
  const { p, q, gamma } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return null;
  return (p * (gamma + (x > 0 ? x * m : 0))) / denominator;
}

/** Options for {@link customerLifetimeValue}. */
export interface LifetimeValueOptions {
  /** Horizon in model time units (weeks for unitDays = 7). */
  readonly horizon: number;
  /** Discount period length in units (4.35 for months of weeks); default: the whole horizon. */
  readonly step?: number;
  /** Discount rate per step (0.01 = 1 % per month); default 0 (simple, undiscounted). */
  readonly discountRate?: number;
  /** Gross margin 0–1 applied to revenue; default 1. */
  readonly margin?: number;
}

/**
 * Model-based customer lifetime value over a horizon: expected purchases (BG/NBD) × expected
 * spend per purchase (Gamma-Gamma) × margin, optionally discounted per step.
 *
 * Formula: CLV = margin · E[Z | x, m] · Σₖ (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1 + d)ᵏ over the steps
 * k = 1 … ⌈horizon/Δ⌉ (the last step ends at the horizon); with d = 0 that is
 * margin · E[Z | x, m] · E[Y(horizon)]. Discounting each step's purchases at its end follows the
 * `lifetimes` library. Null when the expected spend is undefined (q ≤ 1).
 *
 * @example customerLifetimeValue(bg, gg, 2, 30.43, 38.86, 22.345, { horizon: 39 }) ≈ 1.226 · 24.66
 */
export function customerLifetimeValue(
  bgNbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  x: number,
  recency: number,
  age: number,
  monetary: number,
  options: LifetimeValueOptions,
): number | null {
  const spend = conditionalExpectedSpend(gammaGamma, x, monetary);
  if (spend === null) return null;
  const margin = options.margin ?? 1;
  const horizon = Math.max(options.horizon, 0);
  const discountRate = options.discountRate ?? 0;
  const step = options.step ?? horizon;
  if (discountRate === 0 || !(step > 0)) {
    return margin * spend * expectedPurchases(bgNbd, horizon, x, recency, age);
  }
  let total = 0;
  let previous = 0;
  const steps = Math.ceil(horizon / step - 1e-9);
  for (let k = 1; k <= steps; k += 1) {
    const current = expectedPurchases(bgNbd, Math.min(k * step, horizon), x, recency, age);
    total += (current - previous) / (1 + discountRate) ** k;
    previous = current;
  }
  return margin * spend * total;
}
