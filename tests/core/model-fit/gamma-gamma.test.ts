import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationMeanSpend,
} from '../../../src/lib/core/model-fit/gamma-gamma.ts';
import { lgamma } from '../../../src/lib/core/model-fit/special.ts';

const published = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('Gamma-Gamma formulas', () => {
  it('log-likelihood equals the literal density of a mean of x amounts', () => {
    const [x, m] = [3, 27.5];
    const { p, q, gamma } = published;
    const literal =
      lgamma(p * x + q) -
      lgamma(p * x) -
      lgamma(q) +
      q * Math.log(gamma) +
      (p * x - 1) * Math.log(m) +
      p * x * Math.log(x) -
      (p * x + q) * Math.log(gamma + m * x);
    expect(gammaGammaLogLikelihood(published, { frequency: [x], monetary: [m] })).toBeCloseTo(
      literal,
      12,
    );
    // Customers without repeats or with a zero mean carry no term.
    expect(gammaGammaLogLikelihood(published, { frequency: [0, 2], monetary: [0, 0] })).toBe(0);
  });

  it('population mean pγ/(q−1) ≈ 35.22 for the published parameters; none for q ≤ 1', () => {
    expect(populationMeanSpend(published)).toBeCloseTo(35.219, 3);
    expect(populationMeanSpend({ p: 2, q: 1, gamma: 3 })).toBeNull();
  });

  it('conditional spend is a weighted mean of the population mean and the own mean', () => {
    const population = populationMeanSpend(published) ?? NaN;
    const [x, m] = [4, 60];
    const weight = (published.q - 1) / (published.p * x + published.q - 1);
    expect(conditionalExpectedSpend(published, x, m)).toBeCloseTo(
      weight * population + (1 - weight) * m,
      10,
    );
    expect(conditionalExpectedSpend(published, 0, 0)).toBeCloseTo(population, 10);
    expect(conditionalExpectedSpend({ p: 0.1, q: 0.5, gamma: 3 }, 1, 10)).toBeNull();
  });
});

describe('fitGammaGamma edge cases', () => {
  it('needs repeat customers with a positive mean spend', () => {
    expect(fitGammaGamma({ frequency: [0, 0, 0], monetary: [0, 0, 0] })).toMatchObject({
      ok: false,
      reason: 'no-repeat-purchases',
    });
    expect(fitGammaGamma({ frequency: [1, 2, 0], monetary: [5, 0, 0] })).toMatchObject({
      ok: false,
      reason: 'too-few-customers',
    });
  });

  it('skips and counts repeat customers whose mean spend is 0', () => {
    const frequency = Array.from({ length: 40 }, (_, i) => 1 + (i % 4));
    const monetary = Array.from({ length: 40 }, (_, i) => (i === 0 ? 0 : 10 + ((i * 7) % 23)));
    const fit = fitGammaGamma({ frequency, monetary });
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    expect(fit.customers).toBe(39);
    expect(fit.skippedNonPositive).toBe(1);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });
});
