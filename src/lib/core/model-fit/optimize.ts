/**
 * A small derivative-free minimiser for the model fits: Nelder–Mead on a box, restarted from its
 * own best point until a restart no longer improves (a collapsed simplex is the classic way
 * Nelder–Mead stops early), plus a finite-difference Hessian to judge whether the optimum is
 * well determined. The model fits optimise log-parameters, so the box is a range of log-values.
 */

/** Options for {@link minimize}. */
export interface MinimizeOptions {
  /** Box for every coordinate (the fits use log-parameters, so ±ln 10⁶ and so on). */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** Initial simplex edge length per coordinate. Default 0.5 (a factor e^0.5 ≈ 1.65). */
  readonly step?: number;
  /** Stop when the simplex values differ less than this (relative to |f| + 1). Default 1e-11. */
  readonly fTolerance?: number;
  /** …and the simplex is smaller than this in every coordinate. Default 1e-7. */
  readonly xTolerance?: number;
  /** Function evaluations over all restarts. Default 20,000. */
  readonly maxEvaluations?: number;
  /** Restarts after the first run. Default 6. */
  readonly maxRestarts?: number;
}

/** The best point found and how the search ended. */
export interface MinimizeResult {
  readonly x: number[];
  readonly value: number;
  /** Nelder–Mead iterations over all restarts. */
  readonly iterations: number;
  readonly evaluations: number;
  /** The last run met both tolerances and a fresh restart did not improve the value. */
  readonly converged: boolean;
}

/**
 * Minimises f over a box with Nelder–Mead (reflection 1, expansion 2, contraction ½, shrink ½;
 * points are clamped to the box) and restarts.
 *
 * Non-finite values of f are treated as +Infinity, so the objective may return NaN where the model
 * is undefined and the simplex simply moves away.
 *
 * @example minimize(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0], box) → x ≈ [1, -2]
 */
export function minimize(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions,
): MinimizeResult {
  const maxEvaluations = options.maxEvaluations ?? 20_000;
  const maxRestarts = options.maxRestarts ?? 6;
  const fTolerance = options.fTolerance ?? 1e-11;
  let evaluations = 0;
  const objective = (x: readonly number[]) => {
    evaluations += 1;
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  let best = clampToBox(start, options);
  let bestValue = objective(best);
  let iterations = 0;
  let converged = false;
  for (let run = 0; run <= maxRestarts; run += 1) {
    const budget = maxEvaluations - evaluations;
    if (budget <= 0) break;
    const result = nelderMead(objective, best, bestValue, options, budget);
    iterations += result.iterations;
    const improvement = bestValue - result.value;
    const improved = result.value < bestValue;
    if (improved) {
      best = result.x;
      bestValue = result.value;
    }
    // A restart that ends where it began (within the tolerance) confirms the optimum.
    if (run > 0 && result.converged && improvement <= fTolerance * (Math.abs(bestValue) + 1)) {
      converged = true;
      break;
    }
  }
  return { x: best, value: bestValue, iterations, evaluations, converged };
}

function clampToBox(x: readonly number[], box: MinimizeOptions): number[] {
  return x.map((v, i) => Math.min(box.upper[i], Math.max(box.lower[i], v)));
}

interface RunResult {
  readonly x: number[];
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  startValue: number,
  options: MinimizeOptions,
  budget: number,
): RunResult {
  const n = start.length;
  const step = options.step ?? 0.5;
  const fTolerance = options.fTolerance ?? 1e-11;
  const xTolerance = options.xTolerance ?? 1e-7;
  const points: number[][] = [start.slice()];
  const values: number[] = [startValue];
  let used = 0;
  const evaluate = (x: number[]) => {
    used += 1;
    return f(x);
  };
  for (let i = 0; i < n; i += 1) {
    const p = start.slice();
    // Step inwards when the start sits on the upper edge of the box.
    p[i] = p[i] + step <= options.upper[i] ? p[i] + step : p[i] - step;
    const q = clampToBox(p, options);
    points.push(q);
    values.push(evaluate(q));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  let iterations = 0;
  while (used < budget) {
    order.sort((i, j) => values[i] - values[j]);
    const bestIndex = order[0];
    const worstIndex = order[n];
    const secondWorst = values[order[n - 1]];
    if (converged(points, values, order, fTolerance, xTolerance)) {
      return { x: points[bestIndex], value: values[bestIndex], iterations, converged: true };
    }
    iterations += 1;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k += 1) {
      const p = points[order[k]];
      for (let i = 0; i < n; i += 1) centroid[i] += p[i] / n;
    }
    const worst = points[worstIndex];
    const along = (t: number) =>
      clampToBox(
        centroid.map((c, i) => c + t * (c - worst[i])),
        options,
      );
    const reflected = along(1);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[bestIndex]) {
      const expanded = along(2);
      const expandedValue = evaluate(expanded);
      const useExpanded = expandedValue < reflectedValue;
      points[worstIndex] = useExpanded ? expanded : reflected;
      values[worstIndex] = useExpanded ? expandedValue : reflectedValue;
      continue;
    }
    if (reflectedValue < secondWorst) {
      points[worstIndex] = reflected;
      values[worstIndex] = reflectedValue;
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = reflectedValue < values[worstIndex];
    const contracted = along(outside ? 0.5 : -0.5);
    const contractedValue = evaluate(contracted);
    if (contractedValue < (outside ? reflectedValue : values[worstIndex])) {
      points[worstIndex] = contracted;
      values[worstIndex] = contractedValue;
      continue;
    }
    const bestPoint = points[bestIndex];
    for (let k = 1; k <= n; k += 1) {
      const index = order[k];
      points[index] = points[index].map((v, i) => bestPoint[i] + 0.5 * (v - bestPoint[i]));
      values[index] = evaluate(points[index]);
    }
  }
  order.sort((i, j) => values[i] - values[j]);
  return { x: points[order[0]], value: values[order[0]], iterations, converged: false };
}

function converged(
  points: readonly number[][],
  values: readonly number[],
  order: readonly number[],
  fTolerance: number,
  xTolerance: number,
): boolean {
  const best = values[order[0]];
  const worst = values[order[order.length - 1]];
  if (!Number.isFinite(worst)) return false;
  if (worst - best > fTolerance * (Math.abs(best) + 1)) return false;
  const bestPoint = points[order[0]];
  for (const p of points) {
    for (let i = 0; i < p.length; i += 1) {
      if (Math.abs(p[i] - bestPoint[i]) > xTolerance) return false;
    }
  }
  return true;
}

/**
 * Finite-difference Hessian of f at x (central differences with step h in every coordinate).
 * Formula: H_ii = (f(x+h eᵢ) − 2f(x) + f(x−h eᵢ)) / h²,
 * H_ij = (f(x+h eᵢ+h eⱼ) − f(x+h eᵢ−h eⱼ) − f(x−h eᵢ+h eⱼ) + f(x−h eᵢ−h eⱼ)) / (4h²).
 * @example numericHessian(([x, y]) => x * x + 3 * x * y, [1, 1]) ≈ [[2, 3], [3, 0]]
 */
export function numericHessian(
  f: (x: readonly number[]) => number,
  x: readonly number[],
  h = 1e-4,
): number[][] {
  const n = x.length;
  const at = (di: number, i: number, dj: number, j: number) => {
    const p = x.slice();
    p[i] += di * h;
    p[j] += dj * h;
    return f(p);
  };
  const center = f(x);
  const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    hessian[i][i] = (at(1, i, 0, i) - 2 * center + at(-1, i, 0, i)) / (h * h);
    for (let j = 0; j < i; j += 1) {
      const value =
        (at(1, i, 1, j) - at(1, i, -1, j) - at(-1, i, 1, j) + at(-1, i, -1, j)) / (4 * h * h);
      hessian[i][j] = value;
      hessian[j][i] = value;
    }
  }
  return hessian;
}

/**
 * Inverse of a symmetric matrix through its Cholesky factor, or null when the matrix is not
 * clearly positive definite: a pivot below `relativeFloor` × the largest diagonal entry means the
 * function is flat (or curved the wrong way) in some direction, so the optimum is not determined.
 * @example inverseIfPositiveDefinite([[4, 0], [0, 1]]) → [[0.25, 0], [0, 1]]
 */
export function inverseIfPositiveDefinite(
  matrix: readonly (readonly number[])[],
  relativeFloor = 1e-9,
): number[][] | null {
  const n = matrix.length;
  let largest = 0;
  for (let i = 0; i < n; i += 1) largest = Math.max(largest, Math.abs(matrix[i][i]));
  if (!(largest > 0) || !Number.isFinite(largest)) return null;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j += 1) {
    let d = matrix[j][j];
    for (let k = 0; k < j; k += 1) d -= l[j][k] * l[j][k];
    if (!(d > relativeFloor * largest)) return null;
    l[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i += 1) {
      let s = matrix[i][j];
      for (let k = 0; k < j; k += 1) s -= l[i][k] * l[j][k];
      l[i][j] = s / l[j][j];
    }
  }
  // Solve L Lᵀ X = I column by column.
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c += 1) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i += 1) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k += 1) s -= l[i][k] * y[k];
      y[i] = s / l[i][i];
    }
    for (let i = n - 1; i >= 0; i -= 1) {
      let s = y[i];
      for (let k = i + 1; k < n; k += 1) s -= l[k][i] * inverse[k][c];
      inverse[i][c] = s / l[i][i];
    }
  }
  return inverse;
}

/** Positive parameters are searched in log space inside [1e-8, 1e8]. */
const logLowest = Math.log(1e-8);
const logHighest = Math.log(1e8);
/** A fitted parameter outside [1e-5, 1e6] is reported as a boundary solution. */
const boundaryLow = 1e-5;
const boundaryHigh = 1e6;

/** Why a maximum-likelihood fit gives no numbers. */
export type MaximumLikelihoodFailure = 'did-not-converge' | 'boundary' | 'flat-likelihood';

export type MaximumLikelihoodFit =
  | {
      readonly ok: true;
      /** The parameters (not their logarithms), in the order of the starts. */
      readonly values: number[];
      /** Σ ln L over all customers. */
      readonly logLikelihood: number;
      readonly iterations: number;
      readonly evaluations: number;
      /** Covariance of the parameters' logarithms (inverse observed information). */
      readonly covariance: number[][];
    }
  | {
      readonly ok: false;
      readonly reason: MaximumLikelihoodFailure;
      /** The best point reached, for diagnostics only; null when none was finite. */
      readonly best: { readonly values: number[]; readonly logLikelihood: number } | null;
      readonly iterations: number;
    };

function isInterior(values: readonly number[]): boolean {
  return values.every((value) => value >= boundaryLow && value <= boundaryHigh);
}

/**
 * Maximum likelihood over positive parameters, the way both purchase models are fitted:
 * Nelder–Mead on the parameters' logarithms (so they stay positive) from each start in turn — a
 * later start runs only when the earlier ones did not reach a converged, interior optimum — then
 * the verdict: numbers only for a converged, interior optimum whose Hessian is positive definite.
 * `negLogLikelihood` takes the logarithms and returns −ln L per customer (values of order 1 make
 * the tolerances mean the same for 100 and for 100,000 customers); `customers` scales it back.
 * @example fitPositiveParameters((v) => -logLikelihood(v.map(Math.exp)) / n, [[1, 2, 1]], n)
 */
export function fitPositiveParameters(
  negLogLikelihood: (logs: readonly number[]) => number,
  starts: readonly (readonly number[])[],
  customers: number,
): MaximumLikelihoodFit {
  const dimension = starts[0]?.length ?? 0;
  const box = {
    lower: new Array<number>(dimension).fill(logLowest),
    upper: new Array<number>(dimension).fill(logHighest),
  };
  let best: MinimizeResult | null = null;
  let iterations = 0;
  for (const start of starts) {
    const result = minimize(negLogLikelihood, start.map(Math.log), box);
    iterations += result.iterations;
    if (best === null || result.value < best.value) best = result;
    if (best.converged && isInterior(best.x.map(Math.exp))) break;
  }
  if (best === null || !Number.isFinite(best.value)) {
    return { ok: false, reason: 'did-not-converge', best: null, iterations };
  }
  const values = best.x.map(Math.exp);
  const logLikelihood = -best.value * customers;
  const bestSeen = { values, logLikelihood };
  if (!isInterior(values)) return { ok: false, reason: 'boundary', best: bestSeen, iterations };
  if (!best.converged) return { ok: false, reason: 'did-not-converge', best: bestSeen, iterations };
  // Hessian of the total −LL in log-parameters; its inverse is the covariance of the logs.
  const hessian = numericHessian((logs) => negLogLikelihood(logs) * customers, best.x);
  const covariance = inverseIfPositiveDefinite(hessian);
  if (covariance === null) {
    return { ok: false, reason: 'flat-likelihood', best: bestSeen, iterations };
  }
  return { ok: true, values, logLikelihood, iterations, evaluations: best.evaluations, covariance };
}
