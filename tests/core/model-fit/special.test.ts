import { describe, expect, it } from 'vitest';
import {
  hyp2f1,
  hyp2f1Series,
  lgamma,
  logAddExp,
  logBeta,
} from '../../../src/lib/core/model-fit/special.ts';

/** Relative difference, for assertions on values of any size. */
const relative = (value: number, expected: number) => Math.abs(value / expected - 1);

/**
 * ₂F₁(a, b; c; z) for rational a, b, c, z (given as numerator / 1000) summed slowly in 60-digit
 * fixed point with BigInt: an independent reference for the float series and its transformations.
 */
function slowHyp2f1(a: number, b: number, c: number, z: number): number {
  const scale = 10n ** 60n;
  const [A, B, C, Z] = [a, b, c, z].map((v) => BigInt(Math.round(v * 1000)));
  let term = scale;
  let sum = scale;
  for (let n = 0n; n < 100_000n; n += 1n) {
    // t(n+1) = t(n) (a+n)(b+n) z / ((c+n)(n+1)), all parameters in thousandths.
    term =
      (term * (A + 1000n * n) * (B + 1000n * n) * Z) / ((C + 1000n * n) * (n + 1n) * 1000n * 1000n);
    sum += term;
    if (term < 10n ** 20n && term > -(10n ** 20n) && n > 50n) break;
  }
  return Number((sum * 10n ** 15n) / scale) / 1e15;
}

describe('lgamma', () => {
  it('matches factorials and known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(2)).toBeCloseTo(0, 14);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lgamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 14);
    expect(relative(lgamma(100), 359.1342053695754)).toBeLessThan(1e-14);
    expect(relative(lgamma(1e-8), 18.420680738180209)).toBeLessThan(1e-14);
    // ln Γ(1000) = Σ ln k for k < 1000, and far beyond where Γ itself overflows.
    let logFactorial = 0;
    for (let k = 2; k < 1000; k += 1) logFactorial += Math.log(k);
    expect(relative(lgamma(1000), logFactorial)).toBeLessThan(1e-13);
  });

  it('satisfies ln Γ(x+1) − ln Γ(x) = ln x across the switch to Stirling', () => {
    for (const x of [0.013, 0.37, 0.999, 1.5, 7.25, 13.9, 14.5, 15.01, 42.42, 321.5]) {
      expect(lgamma(x + 1) - lgamma(x)).toBeCloseTo(Math.log(x), 12);
    }
  });

  it('is Infinity at the poles and NaN for NaN', () => {
    expect(lgamma(0)).toBe(Infinity);
    expect(lgamma(-3)).toBe(Infinity);
    expect(lgamma(NaN)).toBeNaN();
  });
});

describe('logBeta and logAddExp', () => {
  it('logBeta(2, 3) = ln(1/12) and is symmetric', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBeta(0.793, 4.426)).toBeCloseTo(logBeta(4.426, 0.793), 14);
  });

  it('logAddExp neither overflows nor underflows', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(3, -Infinity)).toBe(3);
  });
});

describe('hyp2f1', () => {
  it('₂F₁(a, b; b; z) = (1 − z)^(−a), including z near 1 and z < 0', () => {
    for (const [a, b, z] of [
      [2, 3, 0.5],
      [2.243, 4.426, 0.95],
      [0.5, 7.5, 0.999],
      [1.7, 0.3, -3],
      [3.1, 2.2, -0.4],
    ]) {
      expect(relative(hyp2f1(a, b, b, z), Math.pow(1 - z, -a))).toBeLessThan(1e-12);
    }
  });

  it('₂F₁(1, 1; 2; z) = −ln(1 − z)/z and ₂F₁(½, ½; 3/2; z²) = arcsin(z)/z', () => {
    for (const z of [0.001, 0.3, 0.9, 0.99, -0.7, -20]) {
      expect(relative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-12);
    }
    for (const z of [0.2, 0.7, 0.95]) {
      expect(relative(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z)).toBeLessThan(1e-12);
    }
  });

  it('sums terminating series exactly: ₂F₁(−2, b; c; z) is a quadratic', () => {
    const [b, c, z] = [1.5, 2.5, 0.8];
    const expected = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(expected, 14);
  });

  it('matches a slow 60-digit series, plain and through the Euler and Pfaff branches', () => {
    // c − a − b > 0: plain series.
    expect(
      relative(hyp2f1(0.243, 1.426, 2.219, 0.474), slowHyp2f1(0.243, 1.426, 2.219, 0.474)),
    ).toBeLessThan(1e-13);
    // c − a − b < 0 (the BG/NBD shape ₂F₁(r+x, b+x; a+b+x−1; z)): Euler branch.
    for (const z of [0.474, 0.8, 0.95]) {
      expect(
        relative(hyp2f1(2.243, 4.426, 5.219, z), slowHyp2f1(2.243, 4.426, 5.219, z)),
      ).toBeLessThan(1e-12);
    }
    // z < 0: Pfaff branch against the (convergent, alternating) direct series.
    expect(relative(hyp2f1(1.5, 2.25, 3.1, -0.6), slowHyp2f1(1.5, 2.25, 3.1, -0.6))).toBeLessThan(
      1e-13,
    );
  });

  it('reports what it cannot sum instead of returning a wrong number', () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1Series(2.5, 1.5, 1.2, 0.999999, 100).converged).toBe(false);
    expect(hyp2f1Series(2.5, 1.5, 1.2, 0.5).converged).toBe(true);
  });
});
