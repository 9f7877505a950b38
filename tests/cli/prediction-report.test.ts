/**
 * The CLI's `prediction` object on CDNOW (calibration to 1997-09-30): the published parameters,
 * ISO dates, and `{ ok: false, reason }` without numbers when there is no model.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { predictionJson, type CliPrediction } from '../../src/cli/prediction-report.ts';
import { epochDay } from '../../src/lib/core/model/days.ts';
import { ordersDataset, subscriptionsDataset } from '../core/metrics/make-dataset.ts';
import { loadCdnowDataset } from '../core/model-fit/load-cdnow.ts';

const within = (value: number, expected: number, fraction: number) =>
  expect(Math.abs(value / expected - 1)).toBeLessThanOrEqual(fraction);

describe('predictionJson on CDNOW, calibration to 1997-09-30', () => {
  let prediction: Extract<CliPrediction, { kind: 'orders' }>;
  beforeAll(() => {
    const result = predictionJson(loadCdnowDataset(), epochDay(1997, 9, 30));
    if (!result.ok || result.kind !== 'orders') throw new Error('expected a fitted model');
    prediction = result;
  });

  it('prints the published weekly BG/NBD and Gamma-Gamma parameters', () => {
    expect(prediction.calibrationEnd).toBe('1997-09-30');
    expect(prediction.converged).toBe(true);
    expect(prediction.customers).toBe(2357);
    expect(Object.keys(prediction.params)).toEqual(['r', 'alpha', 'a', 'b']);
    within(prediction.params.r, 0.243, 0.01);
    within(prediction.params.alpha, 4.414, 0.01);
    within(prediction.params.a, 0.793, 0.01);
    within(prediction.params.b, 2.426, 0.01);
    expect(Math.abs(prediction.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.5);
    expect(prediction.gammaGammaIssue).toBeNull();
    within(prediction.gammaGamma?.p ?? NaN, 6.25, 0.01);
    within(prediction.gammaGamma?.q ?? NaN, 3.74, 0.01);
    within(prediction.gammaGamma?.gamma ?? NaN, 15.44, 0.01);
  });

  it('lists at-risk customers with keys, ISO dates and coded reasons, most revenue first', () => {
    const { atRisk } = prediction;
    expect(atRisk.length).toBeGreaterThan(0);
    for (const entry of atRisk) {
      expect(Object.keys(entry)).toEqual([
        'customer',
        'lastPurchase',
        'purchases',
        'pastRevenue',
        'probabilityAlive',
        'reasons',
      ]);
      expect(entry.customer).toMatch(/^\d{4}$/);
      expect(entry.lastPurchase).toMatch(/^199[78]-\d\d-\d\d$/);
      expect(entry.reasons.length).toBeGreaterThan(0);
      for (const reason of entry.reasons) {
        expect(['low-probability-alive', 'overdue']).toContain(reason.code);
      }
    }
    const revenues = atRisk.map((c) => c.pastRevenue ?? 0);
    expect(revenues).toEqual([...revenues].sort((p, q) => q - p));
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(prediction))).toEqual(prediction);
  });
});

describe('predictionJson without a model', () => {
  it('gives only the reason when nobody buys twice', () => {
    // 25 one-time buyers, 1–25 January; the calibration end is clamped to the last day.
    const dataset = ordersDataset(
      Array.from({ length: 25 }, (_, i) => ({
        customer: `c${i}`,
        day: `2024-01-${String(i + 1).padStart(2, '0')}`,
      })),
    );
    expect(predictionJson(dataset, epochDay(2024, 12, 31))).toEqual({
      ok: false,
      reason: 'no-repeat-purchases',
    });
    expect(predictionJson(dataset, null)).toEqual({ ok: false, reason: 'too-few-customers' });
  });

  it('gives announced cancellations for subscriptions', () => {
    const dataset = subscriptionsDataset([
      { customer: 'a', start: '2024-01-01', end: '2024-06-30' },
      { customer: 'b', start: '2024-05-01' },
    ]);
    expect(predictionJson(dataset, null)).toEqual({
      ok: true,
      kind: 'subscriptions',
      asOf: '2024-05-01',
      atRisk: [
        {
          customer: 'a',
          lastPurchase: '2024-01-01',
          purchases: 1,
          pastRevenue: null,
          probabilityAlive: null,
          reasons: [{ code: 'announced-cancellation', end: '2024-06-30', daysUntilEnd: 60 }],
        },
      ],
    });
  });
});
