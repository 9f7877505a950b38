/**
 * Special functions for the customer-base models (BG/NBD, Gamma-Gamma): log-gamma, log-beta,
 * log-sum-exp and the Gauss hypergeometric function ₂F₁. Everything works in log space where the
 * plain values would overflow (Γ(171) already does), and reports non-convergence instead of
 * returning a silently wrong number.
 */

const halfLogTwoPi = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural log of the gamma function, ln Γ(x), for real x (ln |Γ(x)| for negative non-integers).
 *
 * Formula: Stirling's series ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + Σ B₂ₖ / (2k(2k−1) x^(2k−1))
 * for x ≥ 15; below that the recurrence ln Γ(x) = ln Γ(x + n) − ln(x (x+1) … (x+n−1)) shifts the
 * argument up first, and x < 0.5 uses the reflection Γ(x) Γ(1−x) = π / sin(πx).
 * Accuracy: about 1e-15 absolute for 0 < x < 15 and 1e-15 relative above.
 * Poles (0, −1, −2, …) give Infinity.
 *
 * @example lgamma(5) ≈ Math.log(24); lgamma(0.5) ≈ 0.5 · Math.log(Math.PI)
 */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) {
    // Reflection; |sin(πx)| is evaluated on the reduced argument so large negative x stays exact.
    const s = Math.sin(Math.PI * (x - 2 * Math.floor(x / 2)));
    return Math.log(Math.PI / Math.abs(s)) - lgamma(1 - x);
  }
  let shift = 0;
  let product = 1;
  let y = x;
  while (y < 15) {
    product *= y;
    y += 1;
    shift += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  // Bernoulli terms B2/(1·2), B4/(3·4), …, B12/(11·12): enough for 1e-16 relative at y ≥ 15.
  const series =
    inv *
    (1 / 12 -
      inv2 *
        (1 / 360 -
          inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360))))));
  const stirling = (y - 0.5) * Math.log(y) - y + halfLogTwoPi + series;
  return shift === 0 ? stirling : stirling - Math.log(product);
}

/**
 * Natural log of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
 * @example logBeta(2, 3) ≈ Math.log(1 / 12)
 */
export function logBeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/**
 * ln(eˣ + eʸ) without overflow or underflow: the larger exponent is factored out.
 * −Infinity stands for a zero term.
 * @example logAddExp(1000, 1000) ≈ 1000 + Math.log(2)
 */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
}

/** The outcome of summing a hypergeometric series. */
export interface SeriesResult {
  readonly value: number;
  /** Number of terms added after the leading 1. */
  readonly terms: number;
  /** False when the term budget ran out before the tail was below the tolerance. */
  readonly converged: boolean;
}

/** Default term budget: z = 0.999 needs a few tens of thousands of terms. */
const defaultMaxTerms = 1_000_000;

/**
 * Sums Σₙ tₙ with t₀ = first and tₙ₊₁ = tₙ · ratio(n), stopping when the tail is provably below
 * 1e-16 relative to the sum. Past `minTerms` (beyond the size of every parameter, where the ratio
 * of Pochhammer terms has become monotone in n) the tail after tₙ is at most |tₙ| ρ / (1 − ρ) with
 * ρ = max(|ratio|, limit). Before that point a term can be small by accident (a + n ≈ 0) while
 * later ratios are large, so no early stop is trusted there.
 */
function sumSeries(
  first: number,
  ratio: (n: number) => number,
  limit: number,
  maxTerms: number,
  minTerms: number,
): SeriesResult {
  const tolerance = 1e-16;
  let term = first;
  let sum = first;
  for (let n = 0; n < maxTerms; n += 1) {
    const rho = ratio(n);
    term *= rho;
    sum += term;
    if (term === 0) return { value: sum, terms: n + 1, converged: true };
    if (n < minTerms) continue;
    const bound = Math.max(Math.abs(rho), limit);
    if (bound < 1 && (Math.abs(term) * bound) / (1 - bound) <= tolerance * Math.abs(sum)) {
      return { value: sum, terms: n + 1, converged: true };
    }
  }
  return { value: sum, terms: maxTerms, converged: false };
}

/**
 * The Gauss hypergeometric series ₂F₁(a, b; c; z) = Σₙ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ for real z < 1,
 * with a convergence report.
 *
 * Numerical care:
 * - z < 0 uses Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)),
 *   which turns an alternating series (divergent for z ≤ −1) into one with 0 ≤ z' < 1.
 * - 0 < z < 1 with c − a − b < 0 uses Euler's transformation
 *   ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z): the singular factor at z → 1 is
 *   then exact and the remaining series has terms ~ n^(c−a−b−1) zⁿ instead of n^(a+b−c−1) zⁿ, so
 *   it converges (even at z = 1) and never builds up huge terms that cancel.
 * - Terminating series (a or b a non-positive integer) are summed directly: they are polynomials.
 * z ≥ 1, c a non-positive integer (a pole), or non-finite input give NaN with converged = false.
 *
 * @example hyp2f1Series(1, 1, 2, 0.5).value ≈ -Math.log(0.5) / 0.5  // = 2 ln 2
 */
export function hyp2f1Series(
  a: number,
  b: number,
  c: number,
  z: number,
  maxTerms = defaultMaxTerms,
): SeriesResult {
  const failed: SeriesResult = { value: NaN, terms: 0, converged: false };
  if (![a, b, c, z].every(Number.isFinite) || z >= 1) return failed;
  const terminating = isNonPositiveInteger(a) || isNonPositiveInteger(b);
  if (isNonPositiveInteger(c) && !terminating) return failed;
  if (z === 0 || a === 0 || b === 0) return { value: 1, terms: 0, converged: true };
  if (terminating) return plainSeries(a, b, c, z, maxTerms);
  if (z < 0) {
    const inner = hyp2f1Series(a, c - b, c, z / (z - 1), maxTerms);
    return { ...inner, value: Math.exp(-a * Math.log1p(-z)) * inner.value };
  }
  if (c - a - b < 0 && !isNonPositiveInteger(c - a) && !isNonPositiveInteger(c - b)) {
    const inner = plainSeries(c - a, c - b, c, z, maxTerms);
    return { ...inner, value: Math.exp((c - a - b) * Math.log1p(-z)) * inner.value };
  }
  return plainSeries(a, b, c, z, maxTerms);
}

/**
 * ₂F₁(a, b; c; z) for real z < 1 (see {@link hyp2f1Series}); NaN when the series cannot be summed.
 * @example hyp2f1(2, 3, 3, 0.5) ≈ 4  // ₂F₁(a, b; b; z) = (1 − z)^(−a)
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const result = hyp2f1Series(a, b, c, z);
  return result.converged ? result.value : NaN;
}

function plainSeries(a: number, b: number, c: number, z: number, maxTerms: number): SeriesResult {
  // The term ratio (a+n)(b+n)/((c+n)(n+1)) z tends to z; near the start it can be larger.
  const minTerms = Math.ceil(Math.max(Math.abs(a), Math.abs(b), Math.abs(c))) + 1;
  return sumSeries(
    1,
    (n) => (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z,
    z,
    maxTerms,
    minTerms,
  );
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/**
 * Sums Σₙ₌₁ hₙ with h₁ = first and hₙ₊₁ = hₙ · ratio(n), tail-checked like ₂F₁ (for the
 * rearranged BG/NBD expectation, whose series starts at n = 1). `scale` bounds the size of the
 * Pochhammer parameters in the ratio (see the early-stop rule of the ₂F₁ series).
 */
export function seriesFromOne(
  first: number,
  ratio: (n: number) => number,
  limit: number,
  scale: number,
  maxTerms = defaultMaxTerms,
): SeriesResult {
  // sumSeries calls ratio(0) for the step t₀ → t₁; shift so the caller's n starts at 1.
  return sumSeries(first, (n) => ratio(n + 1), limit, maxTerms, Math.ceil(scale) + 1);
}
