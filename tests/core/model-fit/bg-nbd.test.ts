import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParams,
} from '../../../src/lib/core/model-fit/bg-nbd.ts';
import { hyp2f1, lgamma, logBeta } from '../../../src/lib/core/model-fit/special.ts';

const cdnow: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** FHL 2005 eq. 10 written out literally, with the plain ₂F₁: the reference for the rewrite. */
function directExpectation(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const bracket =
    1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const odds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0;
  return (((a + b + x - 1) / (a - 1)) * bracket) / (1 + odds);
}

/** FHL 2005 eq. 6 for one customer, written with plain powers (fine for small inputs). */
function directLikelihood(p: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const a1 = Math.exp(lgamma(r + x) - lgamma(r) + r * Math.log(alpha));
  const a2 = Math.exp(logBeta(a, b + x) - logBeta(a, b));
  const a3 = Math.pow(alpha + T, -(r + x));
  const a4 = x > 0 ? (a / (b + x - 1)) * Math.pow(alpha + tx, -(r + x)) : 0;
  return a1 * a2 * (a3 + a4);
}

describe('BG/NBD log-likelihood', () => {
  it('equals the literal formula, customer by customer', () => {
    const rows: [number, number, number][] = [
      [0, 0, 38.86],
      [2, 30.43, 38.86],
      [7, 29.1, 32.5],
      [1, 0.14, 12],
    ];
    for (const [x, tx, T] of rows) {
      const ll = bgNbdLogLikelihood(cdnow, { frequency: [x], recency: [tx], age: [T] });
      expect(ll).toBeCloseTo(Math.log(directLikelihood(cdnow, x, tx, T)), 11);
    }
  });

  it('stays finite where the plain powers overflow (x = 400, T = 5,000)', () => {
    const ll = bgNbdLogLikelihood(cdnow, { frequency: [400], recency: [4990], age: [5000] });
    expect(Math.pow(5000 + cdnow.alpha, 400 + cdnow.r)).toBe(Infinity);
    expect(Number.isFinite(ll)).toBe(true);
  });

  it('sums identical customers as weights', () => {
    const one = bgNbdLogLikelihood(cdnow, { frequency: [3], recency: [20], age: [30] });
    const three = bgNbdLogLikelihood(cdnow, {
      frequency: [3, 3, 3],
      recency: [20, 20, 20],
      age: [30, 30, 30],
    });
    expect(three).toBeCloseTo(3 * one, 10);
  });
});

describe('BG/NBD predictions', () => {
  it('matches the literal conditional expectation (eq. 10) across x, t and parameters', () => {
    const sets: BgNbdParams[] = [cdnow, { r: 2.1, alpha: 9, a: 3.5, b: 1.2 }];
    for (const p of sets) {
      for (const [t, x, tx, T] of [
        [39, 2, 30.43, 38.86],
        [1, 0, 0, 20],
        [52, 5, 10, 40],
        [260, 12, 70, 71],
        [500, 1, 3, 4],
      ]) {
        const value = expectedPurchases(p, t, x, tx, T);
        const direct = directExpectation(p, t, x, tx, T);
        expect(Math.abs(value / direct - 1)).toBeLessThan(1e-10);
      }
    }
  });

  it('is continuous through a = 1, where the literal formula is 0/0', () => {
    const at = (a: number) => expectedPurchases({ ...cdnow, a }, 39, 2, 30.43, 38.86);
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(1)).toBeCloseTo((at(1 - 1e-6) + at(1 + 1e-6)) / 2, 8);
    expect(at(1 + 1e-6)).toBeCloseTo(
      directExpectation({ ...cdnow, a: 1 + 1e-6 }, 39, 2, 30.43, 38.86),
      4,
    );
  });

  it('handles a + b − 1 ≤ 0 for a new customer (a pole in the literal ₂F₁)', () => {
    const p = { r: 0.5, alpha: 3, a: 0.4, b: 0.6 };
    const values = [1, 10, 100].map((t) => expectedPurchasesNewCustomer(p, t));
    expect(values.every(Number.isFinite)).toBe(true);
    expect(values[0]).toBeLessThan(values[1]);
    expect(values[1]).toBeLessThan(values[2]);
  });

  it('is 0 for t = 0 and grows with t; a new customer is eq. 9', () => {
    expect(expectedPurchases(cdnow, 0, 2, 30.43, 38.86)).toBe(0);
    expect(expectedPurchasesNewCustomer(cdnow, 39)).toBeCloseTo(
      directExpectation(cdnow, 39, 0, 0, 0),
      12,
    );
    // For small t a new customer buys at the mean rate r/α.
    expect(expectedPurchasesNewCustomer(cdnow, 1e-6) / 1e-6).toBeCloseTo(cdnow.r / cdnow.alpha, 5);
  });

  it('gives P(alive) = 1 without repeats, and less the longer a buyer has been silent', () => {
    expect(probabilityAlive(cdnow, 0, 0, 50)).toBe(1);
    const recent = probabilityAlive(cdnow, 4, 49, 50);
    const silent = probabilityAlive(cdnow, 4, 10, 50);
    expect(silent).toBeLessThan(recent);
    // Far beyond overflow of ((α+T)/(α+tₓ))^(r+x): a tiny probability, not NaN.
    const gone = probabilityAlive(cdnow, 300, 1, 5000);
    expect(gone).toBeGreaterThanOrEqual(0);
    expect(gone).toBeLessThan(1e-100);
  });
});

describe('fitBgNbd edge cases', () => {
  it('refuses too few customers and data without repeat purchases, never NaN', () => {
    expect(fitBgNbd({ frequency: [1, 0, 2], recency: [3, 0, 5], age: [10, 10, 10] })).toMatchObject(
      {
        ok: false,
        reason: 'too-few-customers',
      },
    );
    const n = 500;
    const nobody = fitBgNbd({
      frequency: new Array<number>(n).fill(0),
      recency: new Array<number>(n).fill(0),
      age: Array.from({ length: n }, (_, i) => 1 + (i % 52)),
    });
    expect(nobody).toEqual({ ok: false, reason: 'no-repeat-purchases', best: null, iterations: 0 });
  });

  it('reports a boundary when every customer buys at the same steady rate and never leaves', () => {
    // No heterogeneity and no dropout: r, α → ∞ and a → 0; the model cannot be pinned down.
    const n = 3000;
    const fit = fitBgNbd({
      frequency: Array.from({ length: n }, (_, i) => 10 + (i % 3)),
      recency: new Array<number>(n).fill(50),
      age: new Array<number>(n).fill(52),
    });
    expect(fit.ok).toBe(false);
    if (fit.ok) return;
    expect(['boundary', 'flat-likelihood']).toContain(fit.reason);
  });
});
