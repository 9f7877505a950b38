/**
 * The published reference numbers on CDNOW_sample.txt (METRICS.md §9): BG/NBD by Fader, Hardie &
 * Lee (2005), Gamma-Gamma by Fader & Hardie (2013), calibration up to 1997-09-30, weeks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  bgNbdPredictions,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdFit,
} from '../../../src/lib/core/model-fit/bg-nbd.ts';
import {
  conditionalExpectedSpend,
  customerLifetimeValue,
  fitGammaGamma,
  type GammaGammaFit,
} from '../../../src/lib/core/model-fit/gamma-gamma.ts';
import { rfmSummary, type RfmSummary } from '../../../src/lib/core/model-fit/rfm.ts';
import { epochDay } from '../../../src/lib/core/model/days.ts';
import { loadCdnowDataset } from './load-cdnow.ts';

const within = (value: number, expected: number, fraction: number) =>
  expect(Math.abs(value / expected - 1)).toBeLessThanOrEqual(fraction);

let summary: RfmSummary;
let bg: BgNbdFit;
let gg: GammaGammaFit;
/** Index of customer "0001" in the summary. */
let first: number;

beforeAll(() => {
  const dataset = loadCdnowDataset();
  summary = rfmSummary(dataset, {
    calibrationEnd: epochDay(1997, 9, 30),
    holdoutEnd: epochDay(1998, 6, 30),
    unitDays: 7,
  });
  first = Array.from(summary.customer).findIndex((c) => dataset.customerKeys[c] === '0001');
  bg = fitBgNbd(summary);
  gg = fitGammaGamma({ frequency: summary.frequency, monetary: summary.monetary ?? [] });
});

describe('CDNOW summary', () => {
  it('has 2,357 customers, 946 of them repeat buyers, and customer 1 as published', () => {
    expect(summary.customer.length).toBe(2357);
    expect(summary.frequency.filter((x) => x > 0).length).toBe(946);
    expect(summary.frequency[first]).toBe(2);
    expect(summary.recency[first]).toBeCloseTo(30.43, 2);
    expect(summary.age[first]).toBeCloseTo(38.86, 2);
    // Customer 1's fourth purchase (1997-12-12) is in the 39-week holdout.
    expect(summary.holdoutFrequency?.[first]).toBe(1);
    expect(summary.holdoutLength).toBe(39);
  });
});

describe('BG/NBD on CDNOW', () => {
  it('reproduces r, α, a, b within 1 % and the log-likelihood within 0.5', () => {
    expect(bg.ok).toBe(true);
    if (!bg.ok) return;
    expect(bg.converged).toBe(true);
    within(bg.params.r, 0.243, 0.01);
    within(bg.params.alpha, 4.414, 0.01);
    within(bg.params.a, 0.793, 0.01);
    within(bg.params.b, 2.426, 0.01);
    expect(Math.abs(bg.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.5);
    // The published parameters are no better than the fitted ones.
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(bgNbdLogLikelihood(published, summary)).toBeLessThanOrEqual(bg.logLikelihood);
  });

  it('predicts 1.226 purchases in 39 weeks and P(alive) 0.727 for customer 1', () => {
    if (!bg.ok) throw new Error(bg.reason);
    const [x, tx, T] = [summary.frequency[first], summary.recency[first], summary.age[first]];
    expect(Math.abs(expectedPurchases(bg.params, 39, x, tx, T) - 1.226)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(probabilityAlive(bg.params, x, tx, T) - 0.727)).toBeLessThanOrEqual(0.005);
  });

  it('has P(alive) = 1 for every customer without repeat purchases, and no NaN anywhere', () => {
    if (!bg.ok) throw new Error(bg.reason);
    const predictions = bgNbdPredictions(bg.params, summary, 39);
    let zeros = 0;
    for (let i = 0; i < summary.frequency.length; i += 1) {
      expect(Number.isFinite(predictions.expectedPurchases[i])).toBe(true);
      if (summary.frequency[i] > 0) continue;
      zeros += 1;
      expect(predictions.probabilityAlive[i]).toBe(1);
    }
    expect(zeros).toBe(2357 - 946);
  });
});

describe('Gamma-Gamma on CDNOW', () => {
  it('reproduces p, q, γ within 1 % on the 946 repeat customers, mean spend ≈ 35.17', () => {
    expect(gg.ok).toBe(true);
    if (!gg.ok) return;
    expect(gg.customers).toBe(946);
    expect(gg.skippedNonPositive).toBe(0);
    within(gg.params.p, 6.25, 0.01);
    within(gg.params.q, 3.74, 0.01);
    within(gg.params.gamma, 15.44, 0.01);
    expect(gg.populationMeanSpend).toBeCloseTo(35.17, 1);
  });

  it('shrinks customer 1’s mean spend towards the population mean, and values them', () => {
    if (!gg.ok || !bg.ok) throw new Error('fits failed');
    const m = summary.monetary?.[first] ?? NaN;
    // Repeat days in calibration: 1997-01-18 ($29.73) and 1997-08-02 ($14.96).
    expect(m).toBeCloseTo((29.73 + 14.96) / 2, 10);
    const spend = conditionalExpectedSpend(gg.params, 2, m) ?? NaN;
    expect(spend).toBeGreaterThan(m);
    expect(spend).toBeLessThan(gg.populationMeanSpend ?? 0);
    const [x, tx, T] = [2, summary.recency[first], summary.age[first]];
    const simple = customerLifetimeValue(bg.params, gg.params, x, tx, T, m, { horizon: 39 });
    expect(simple).toBeCloseTo(spend * expectedPurchases(bg.params, 39, x, tx, T), 10);
    const discounted = customerLifetimeValue(bg.params, gg.params, x, tx, T, m, {
      horizon: 39,
      step: 39 / 9,
      discountRate: 0.01,
    });
    expect(discounted).toBeLessThan(simple ?? 0);
    expect(discounted).toBeGreaterThan((simple ?? 0) / 1.01 ** 9);
  });
});
