/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way"): while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each
 * purchase they drop out with probability p ~ Beta(a, b). Fitted by maximum likelihood to the
 * (x, tₓ, T) summary of {@link rfmSummary} (METRICS.md §9).
 */
import { fitPositiveParameters } from './optimize.ts';
import { lgamma, logBeta, seriesFromOne } from './special.ts';

/** BG/NBD parameters; α is in the summary's time unit (weeks for unitDays = 7). */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** What a BG/NBD fit reads: one entry per customer (an RfmSummary fits). */
export interface BgNbdData {
  /** x: repeat purchases in the calibration period. */
  readonly frequency: ArrayLike<number>;
  /** tₓ: time of the last purchase since the first. */
  readonly recency: ArrayLike<number>;
  /** T: time from the first purchase to the end of calibration. */
  readonly age: ArrayLike<number>;
}

/**
 * Why a fit gives no numbers. 'boundary': a parameter ran to 0 or infinity (the data cannot pin
 * the model down, for example nobody appears to drop out); 'flat-likelihood': the optimum is not
 * determined in some direction (the Hessian is not positive definite), so another parameter set
 * fits equally well.
 */
export type FitFailure =
  'too-few-customers' | 'no-repeat-purchases' | 'did-not-converge' | 'boundary' | 'flat-likelihood';

/** A fit with numbers, or the reason there are none. */
export type BgNbdFit =
  | {
      readonly ok: true;
      readonly params: BgNbdParams;
      /** Σ ln L over all customers (natural log). */
      readonly logLikelihood: number;
      readonly converged: true;
      readonly iterations: number;
      readonly evaluations: number;
      readonly customers: number;
      /** Asymptotic standard errors from the observed information (delta method from logs). */
      readonly standardErrors: BgNbdParams;
    }
  | {
      readonly ok: false;
      readonly reason: FitFailure;
      /** The best point the search reached, for diagnostics only: not a result to show. */
      readonly best: { readonly params: BgNbdParams; readonly logLikelihood: number } | null;
      readonly iterations: number;
    };

/** Options for {@link fitBgNbd}. */
export interface BgNbdFitOptions {
  /** Fewer customers than this give 'too-few-customers'. Default 20 (four parameters). */
  readonly minCustomers?: number;
  /** Initial parameters; default r = 1, α = ΣT / Σx, a = 1, b = 1. */
  readonly start?: BgNbdParams;
}

/** Customers with identical (x, tₓ, T) share one likelihood term: weights instead of rows. */
interface Grouped {
  readonly weight: Float64Array;
  /** Index into xs / recencies / ages of each group. */
  readonly xIndex: Int32Array;
  readonly recencyIndex: Int32Array;
  readonly ageIndex: Int32Array;
  readonly xs: Float64Array;
  readonly recencies: Float64Array;
  readonly ages: Float64Array;
  readonly customers: number;
}

function group(data: BgNbdData): Grouped {
  const n = data.frequency.length;
  const uniqueIndex = (values: ArrayLike<number>) => {
    const map = new Map<number, number>();
    const index = new Int32Array(n);
    for (let i = 0; i < n; i += 1) {
      let k = map.get(values[i]);
      if (k === undefined) {
        k = map.size;
        map.set(values[i], k);
      }
      index[i] = k;
    }
    return { index, values: Float64Array.from(map.keys()) };
  };
  const x = uniqueIndex(data.frequency);
  const recency = uniqueIndex(data.recency);
  const age = uniqueIndex(data.age);
  const groups = new Map<string, number>();
  const weights: number[] = [];
  const xi: number[] = [];
  const ri: number[] = [];
  const ai: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const key = `${x.index[i]},${recency.index[i]},${age.index[i]}`;
    const g = groups.get(key);
    if (g !== undefined) {
      weights[g] += 1;
      continue;
    }
    groups.set(key, weights.length);
    weights.push(1);
    xi.push(x.index[i]);
    ri.push(recency.index[i]);
    ai.push(age.index[i]);
  }
  return {
    weight: Float64Array.from(weights),
    xIndex: Int32Array.from(xi),
    recencyIndex: Int32Array.from(ri),
    ageIndex: Int32Array.from(ai),
    xs: x.values,
    recencies: recency.values,
    ages: age.values,
    customers: n,
  };
}

/**
 * The grouped log-likelihood: every ln Γ, ln B and ln(α + ·) is computed once per distinct x, tₓ
 * or T value, so one evaluation costs a few flops per distinct (x, tₓ, T) triple.
 */
function groupedLogLikelihood(g: Grouped, params: BgNbdParams): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return NaN;
  const lnAlpha = Math.log(alpha);
  const lgammaR = lgamma(r);
  const betaAB = logBeta(a, b);
  const lnA = Math.log(a);
  const perX = new Float64Array(g.xs.length);
  const deathX = new Float64Array(g.xs.length);
  for (let k = 0; k < g.xs.length; k += 1) {
    const x = g.xs[k];
    perX[k] = lgamma(r + x) - lgammaR + r * lnAlpha + logBeta(a, b + x) - betaAB;
    deathX[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
  }
  const lnAge = new Float64Array(g.ages.length);
  for (let k = 0; k < g.ages.length; k += 1) lnAge[k] = Math.log(alpha + g.ages[k]);
  const lnRecency = new Float64Array(g.recencies.length);
  for (let k = 0; k < g.recencies.length; k += 1) lnRecency[k] = Math.log(alpha + g.recencies[k]);
  const { weight, xIndex, ageIndex, recencyIndex, xs } = g;
  let total = 0;
  for (let i = 0; i < weight.length; i += 1) {
    const k = xIndex[i];
    const power = r + xs[k];
    const alive = -power * lnAge[ageIndex[i]];
    let term = alive;
    if (xs[k] > 0) {
      // log-sum-exp of the "still alive" and "dropped out after the last purchase" branches.
      const dead = deathX[k] - power * lnRecency[recencyIndex[i]];
      term =
        alive > dead
          ? alive + Math.log1p(Math.exp(dead - alive))
          : dead + Math.log1p(Math.exp(alive - dead));
    }
    total += weight[i] * (perX[k] + term);
  }
  return total;
}

/**
 * BG/NBD log-likelihood of a customer base (natural log, summed over customers).
 *
 * Formula (FHL 2005, eq. 6), per customer, in log space:
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + δ(x>0) · a/(b+x−1) · (α+tₓ)^−(r+x) ],
 * the last bracket by log-sum-exp so that (α+T)^(r+x) never overflows.
 *
 * @example bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, cdnowSummary) ≈ −9582.4
 */
export function bgNbdLogLikelihood(params: BgNbdParams, data: BgNbdData): number {
  return groupedLogLikelihood(group(data), params);
}

const fromValues = ([r, alpha, a, b]: readonly number[]): BgNbdParams => ({ r, alpha, a, b });
const fromLog = (v: readonly number[]): BgNbdParams => fromValues(v.map(Math.exp));

/**
 * Maximum-likelihood BG/NBD fit.
 *
 * Method: Nelder–Mead on (ln r, ln α, ln a, ln b) (so every parameter stays positive) from two
 * starting points, each restarted until a restart no longer improves; then the finite-difference
 * Hessian at the optimum must be positive definite. Edge-case policy: no numbers unless the fit
 * converged to an interior, well-determined optimum; the failure says why.
 *
 * @example fitBgNbd(rfmSummary(cdnow, { calibrationEnd: epochDay(1997, 9, 30), unitDays: 7 }))
 * // → { ok: true, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, logLikelihood: −9582.4 }
 */
export function fitBgNbd(data: BgNbdData, options: BgNbdFitOptions = {}): BgNbdFit {
  const n = data.frequency.length;
  const minCustomers = options.minCustomers ?? 20;
  if (n < Math.max(minCustomers, 1)) {
    return { ok: false, reason: 'too-few-customers', best: null, iterations: 0 };
  }
  let repeats = 0;
  let totalAge = 0;
  for (let i = 0; i < n; i += 1) {
    repeats += data.frequency[i];
    totalAge += data.age[i];
  }
  if (repeats === 0) return { ok: false, reason: 'no-repeat-purchases', best: null, iterations: 0 };
  const grouped = group(data);
  // Minimise −LL per customer: values of order 1 make the relative tolerances mean the same for
  // 100 and for 100,000 customers.
  const objective = (v: readonly number[]) => -groupedLogLikelihood(grouped, fromLog(v)) / n;
  const alpha0 = Math.max(totalAge / repeats, 1e-3);
  const starts: BgNbdParams[] = options.start
    ? [options.start]
    : [
        { r: 1, alpha: alpha0, a: 1, b: 1 },
        { r: 0.3, alpha: alpha0 / 3, a: 0.5, b: 3 },
      ];
  // The second start is insurance: it runs only when the first did not reach a converged,
  // interior optimum (the BG/NBD likelihood is usually unimodal, and each run costs ~500
  // likelihood evaluations).
  const fit = fitPositiveParameters(
    objective,
    starts.map((start) => [start.r, start.alpha, start.a, start.b]),
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
  const { covariance, logLikelihood, iterations } = fit;
  const se = (i: number, value: number) => value * Math.sqrt(Math.max(covariance[i][i], 0));
  return {
    ok: true,
    params,
    logLikelihood,
    converged: true,
    iterations,
    evaluations: fit.evaluations,
    customers: n,
    standardErrors: {
      r: se(0, params.r),
      alpha: se(1, params.alpha),
      a: se(2, params.a),
      b: se(3, params.b),
    },
  };
}

/**
 * Probability that a customer with history (x, tₓ, T) is still alive at T.
 *
 * Formula (FHL 2005, eq. 13): P(alive) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)),
 * computed as a logistic of the log-odds so the power never overflows. A customer without repeat
 * purchases is alive by the model's assumption (dropout happens only right after a purchase): 1.
 *
 * @example probabilityAlive(cdnowParams, 2, 30.43, 38.86) ≈ 0.727
 */
export function probabilityAlive(
  params: BgNbdParams,
  x: number,
  recency: number,
  age: number,
): number {
  if (x <= 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds =
    Math.log(a) -
    Math.log(b + x - 1) +
    (r + x) * (Math.log(alpha + age) - Math.log(alpha + recency));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected number of purchases in the next t units by a customer with history (x, tₓ, T).
 *
 * Formula (FHL 2005, eq. 10):
 * E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)]
 *                      / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)),  z = t/(α+T+t).
 *
 * Numerical care: with c = a+b+x−1 and L = ln(1−z), Euler's transformation gives
 * (1−z)^(r+x) ₂F₁(r+x, b+x; c; z) = e^((a−1)L) ₂F₁(a+b−1−r, a−1; c; z), and because
 * (a−1)ₙ = (a−1)(a)ₙ₋₁ and (c)ₙ = c (c+1)ₙ₋₁ the numerator becomes
 *   c · (−expm1((a−1)L) / (a−1)) − e^((a−1)L) · H,  H = Σₙ≥₁ (a+b−1−r)ₙ (a)ₙ₋₁ / ((c+1)ₙ₋₁ n!) zⁿ.
 * This removes the 0/0 at a = 1 (the first term tends to −c·L), the pole of (c)ₙ when
 * a+b+x−1 ≤ 0, and the cancellation of 1 − (…) for small t; H's terms ~ n^(a−r−x−2) zⁿ converge
 * fast for the horizons used. NaN only if the series does not converge (z within ~1e-5 of 1).
 *
 * @example expectedPurchases(cdnowParams, 39, 2, 30.43, 38.86) ≈ 1.226
 */
export function expectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  recency: number,
  age: number,
): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const c = a + b + x - 1;
  const logOneMinusZ = Math.log(alpha + age) - Math.log(alpha + age + t);
  const z = t / (alpha + age + t);
  const power = Math.exp((a - 1) * logOneMinusZ);
  const first =
    Math.abs(a - 1) < 1e-12 ? -logOneMinusZ : -Math.expm1((a - 1) * logOneMinusZ) / (a - 1);
  const p = a + b - 1 - r;
  const h = seriesFromOne(
    p * z,
    (n) => (((p + n) * (a + n - 1)) / ((c + n) * (n + 1))) * z,
    z,
    Math.max(Math.abs(p), a, Math.abs(c)),
  );
  if (!h.converged) return NaN;
  const numerator = c * first - power * h.value;
  return numerator * probabilityAlive(params, x, recency, age);
}

/**
 * Expected purchases in the first t units of a new customer (right after their first purchase).
 *
 * Formula (FHL 2005, eq. 9): E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))],
 * which is {@link expectedPurchases} with x = tₓ = T = 0 (same numerical care).
 *
 * @example expectedPurchasesNewCustomer(cdnowParams, 39) ≈ 1.195
 */
export function expectedPurchasesNewCustomer(params: BgNbdParams, t: number): number {
  return expectedPurchases(params, t, 0, 0, 0);
}

/** P(alive) and expected purchases in the next `horizon` units for every customer of a summary. */
export interface BgNbdPredictions {
  readonly probabilityAlive: Float64Array;
  readonly expectedPurchases: Float64Array;
}

/**
 * {@link probabilityAlive} and {@link expectedPurchases} for each customer of the data, aligned
 * with its arrays.
 * @example bgNbdPredictions(params, summary, 39).expectedPurchases[0] ≈ 1.226 (CDNOW customer 1)
 */
export function bgNbdPredictions(
  params: BgNbdParams,
  data: BgNbdData,
  horizon: number,
): BgNbdPredictions {
  const n = data.frequency.length;
  const alive = new Float64Array(n);
  const expected = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const [x, tx, T] = [data.frequency[i], data.recency[i], data.age[i]];
    alive[i] = probabilityAlive(params, x, tx, T);
    expected[i] = expectedPurchases(params, horizon, x, tx, T);
  }
  return { probabilityAlive: alive, expectedPurchases: expected };
}
