/**
 * Recovery tests: data simulated from known parameters with a seeded generator must give those
 * parameters back (loosely: 5,000 customers pin them down to roughly ±10–20 %).
 */
import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  fitBgNbd,
} from '../../../src/lib/core/model-fit/bg-nbd.ts';
import {
  fitGammaGamma,
  gammaGammaLogLikelihood,
} from '../../../src/lib/core/model-fit/gamma-gamma.ts';
import { gammaVariate, mulberry32, simulateBgNbd } from './simulate.ts';

describe('BG/NBD recovers simulated parameters', () => {
  const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
  const ageRandom = mulberry32(100);
  const ages = Array.from({ length: 5000 }, () => 26 + Math.floor(ageRandom() * 53));
  const customers = simulateBgNbd(truth, ages, 52, 1);
  const data = {
    frequency: customers.map((c) => c.x),
    recency: customers.map((c) => c.recency),
    age: customers.map((c) => c.age),
  };
  const fit = fitBgNbd(data);

  it('finds r, α, a, b within 25 % and a likelihood at least as good as the truth', () => {
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[key] / truth[key] - 1)).toBeLessThan(0.25);
    }
    const gain = fit.logLikelihood - bgNbdLogLikelihood(truth, data);
    // Twice the gain is about χ²(4) when the model is true: rarely above 20.
    expect(gain).toBeGreaterThanOrEqual(0);
    expect(gain).toBeLessThan(10);
  });

  it('forecasts the simulated next 52 weeks within 10 % in total (true parameters)', () => {
    let expected = 0;
    let actual = 0;
    for (const c of customers) {
      expected += expectedPurchases(truth, 52, c.x, c.recency, c.age);
      actual += c.holdout;
    }
    expect(Math.abs(expected / actual - 1)).toBeLessThan(0.1);
  });
});

describe('Gamma-Gamma recovers simulated parameters', () => {
  const truth = { p: 6, q: 4, gamma: 15 };
  const random = mulberry32(7);
  const frequency: number[] = [];
  const monetary: number[] = [];
  for (let i = 0; i < 5000; i += 1) {
    // ν ~ Gamma(q, rate γ); each amount ~ Gamma(p, rate ν); m = mean of x amounts.
    const nu = gammaVariate(random, truth.q) / truth.gamma;
    const x = 1 + Math.floor(random() * 6);
    let total = 0;
    for (let k = 0; k < x; k += 1) total += gammaVariate(random, truth.p) / nu;
    frequency.push(x);
    monetary.push(total / x);
  }

  it('finds p, q, γ within 25 % and the mean spend pγ/(q−1) within 10 %', () => {
    const fit = fitGammaGamma({ frequency, monetary });
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    for (const key of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(fit.params[key] / truth[key] - 1)).toBeLessThan(0.25);
    }
    expect(Math.abs((fit.populationMeanSpend ?? 0) / 30 - 1)).toBeLessThan(0.1);
    const gain = fit.logLikelihood - gammaGammaLogLikelihood(truth, { frequency, monetary });
    expect(gain).toBeGreaterThanOrEqual(0);
    expect(gain).toBeLessThan(10);
  });
});
