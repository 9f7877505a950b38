/**
 * The purchase-model report (METRICS.md §9–§10): CDNOW through the real importer reproduces the
 * published fit, and the report's own numbers agree with the model-fit functions it is built on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bgNbdPredictions,
  customerLifetimeValue,
  rfmSummary,
} from '../../src/lib/core/model-fit/index.ts';
import { epochDay } from '../../src/lib/core/model/days.ts';
import type { Dataset } from '../../src/lib/core/model/dataset.ts';
import {
  atRiskCustomers,
  defaultCalibrationEnd,
  predict,
  type OrdersPrediction,
  type PredictionReport,
} from '../../src/lib/core/prediction.ts';
import { loadCdnowDataset } from './model-fit/load-cdnow.ts';
import {
  day,
  listsDataset,
  ordersDataset,
  subscriptionsDataset,
  type OrderRow,
} from './metrics/make-dataset.ts';

const within = (value: number, expected: number, fraction: number) =>
  expect(Math.abs(value / expected - 1)).toBeLessThanOrEqual(fraction);

function orders(report: PredictionReport): OrdersPrediction {
  if (!report.ok || report.kind !== 'orders')
    throw new Error(`no model: ${JSON.stringify(report)}`);
  return report;
}

const calibrationEnd = epochDay(1997, 9, 30);
const dataEnd = epochDay(1998, 6, 30);
let cdnow: Dataset;
let report: OrdersPrediction;

beforeAll(() => {
  cdnow = loadCdnowDataset();
  report = orders(predict(cdnow, { calibrationEnd }));
});

/**
 * One customer's numbers scored on the calibration period only (asOf = calibration end), with a
 * single horizon: how the published per-customer figures are defined.
 */
function atCalibrationEnd(key: string, horizon: number) {
  const scored = orders(
    predict(cdnow, { calibrationEnd, asOf: calibrationEnd, horizons: [horizon], top: Infinity }),
  );
  const row = scored.topCustomers.find((c) => c.key === key);
  if (row === undefined) throw new Error(`no customer ${key}`);
  return row;
}

describe('predict on CDNOW, calibration to 1997-09-30 (weeks)', () => {
  it('reproduces the published BG/NBD fit', () => {
    expect(report.calibrationEnd).toBe('1997-09-30');
    expect(report.calibrationEndDay).toBe(calibrationEnd);
    expect(report.range).toEqual({ firstDay: epochDay(1997, 1, 1), lastDay: dataEnd });
    expect(report.converged).toBe(true);
    expect(report.customers).toBe(2357);
    expect(report.repeatCustomers).toBe(946);
    within(report.params.r, 0.243, 0.01);
    within(report.params.alpha, 4.414, 0.01);
    within(report.params.a, 0.793, 0.01);
    within(report.params.b, 2.426, 0.01);
    expect(Math.abs(report.logLikelihood - -9582.4)).toBeLessThanOrEqual(0.5);
  });

  it('reproduces the published Gamma-Gamma fit on the 946 repeat customers', () => {
    expect(report.gammaGammaIssue).toBeNull();
    const spend = report.gammaGamma;
    if (spend === null) throw new Error('no spend model');
    within(spend.p, 6.25, 0.01);
    within(spend.q, 3.74, 0.01);
    within(spend.gamma, 15.44, 0.01);
    within(spend.populationMeanSpend, 35.17, 0.01);
    expect(spend.customers).toBe(946);
  });

  it('gives customer 0001 P(alive) 0.727 and 1.226 purchases in 39 weeks', () => {
    const first = atCalibrationEnd('0001', 39);
    expect(Math.abs(first.probabilityAlive - 0.727)).toBeLessThanOrEqual(0.005);
    expect(first.expectedPurchases).toHaveLength(1);
    expect(Math.abs(first.expectedPurchases[0] - 1.226)).toBeLessThanOrEqual(0.01);
    // Three purchase days up to the calibration end (1997-01-01, 01-18, 08-02).
    expect(first.purchases).toBe(3);
    expect(first.lastDay).toBe(epochDay(1997, 8, 2));
  });

  it('tracks the 39-week holdout week by week, ending at the totals of the model functions', () => {
    const holdout = report.holdout;
    if (holdout === null) throw new Error('no holdout');
    expect(holdout).toHaveLength(39);
    expect(holdout[0]).toMatchObject({ week: 1, endDay: epochDay(1997, 10, 7) });
    expect(holdout[38]).toMatchObject({ week: 39, endDay: dataEnd, actual: 1882 });
    const summary = rfmSummary(cdnow, { calibrationEnd, holdoutEnd: dataEnd, unitDays: 7 });
    const actual = summary.holdoutFrequency?.reduce((s, x) => s + x, 0);
    expect(actual).toBe(1882);
    const predicted = bgNbdPredictions(report.params, summary, 39).expectedPurchases.reduce(
      (s, e) => s + e,
      0,
    );
    within(holdout[38].predicted, predicted, 1e-9);
    for (let k = 1; k < holdout.length; k += 1) {
      expect(holdout[k].predicted).toBeGreaterThan(holdout[k - 1].predicted);
      expect(holdout[k].actual).toBeGreaterThanOrEqual(holdout[k - 1].actual);
    }
  });

  it('scores customers as of the data end with the calibration parameters', () => {
    expect(report.asOfDay).toBe(dataEnd);
    expect(report.horizons).toEqual([13, 26, 52]);
    expect(report.lifetimeHorizon).toBe(52);
    expect(report.totals.customers).toBe(2357);
    expect(report.topCustomers).toHaveLength(100);
    const revenues = report.topCustomers.map((c) => c.pastRevenue ?? 0);
    expect(revenues).toEqual([...revenues].sort((p, q) => q - p));
    const current = rfmSummary(cdnow, { calibrationEnd: dataEnd, unitDays: 7 });
    const spend = report.gammaGamma;
    if (spend === null) throw new Error('no spend model');
    for (const row of report.topCustomers.slice(0, 10)) {
      const i = current.customer.indexOf(row.customer);
      const [x, tx, T] = [current.frequency[i], current.recency[i], current.age[i]];
      const m = current.monetary?.[i] ?? 0;
      const ltv = customerLifetimeValue(report.params, spend, x, tx, T, m, { horizon: 52 });
      within(row.lifetimeValue ?? NaN, ltv ?? NaN, 1e-9);
      const [three, six, twelve] = row.expectedPurchases;
      expect(three).toBeLessThan(six);
      expect(six).toBeLessThan(twelve);
    }
  });

  it('lists at-risk customers as atRiskCustomers does, each reason backed by its numbers', () => {
    const current = rfmSummary(cdnow, { calibrationEnd: dataEnd, unitDays: 7 });
    expect(report.atRisk).toEqual(atRiskCustomers(cdnow, report.params, current, 0.5));
    expect(report.atRisk.length).toBeGreaterThan(0);
    for (const entry of report.atRisk) {
      expect(entry.reasons.length).toBeGreaterThan(0);
      for (const reason of entry.reasons) {
        if (reason.code === 'low-probability-alive') {
          expect(reason.probabilityAlive).toBeLessThan(0.5);
          expect(entry.probabilityAlive).toBe(reason.probabilityAlive);
        } else if (reason.code === 'overdue') {
          expect(reason.daysSinceLast).toBeGreaterThan(2 * reason.medianGapDays);
          expect(entry.purchases).toBeGreaterThanOrEqual(3);
        } else throw new Error(`unexpected reason ${reason.code}`);
      }
    }
    const revenues = report.atRisk.map((c) => c.pastRevenue ?? 0);
    expect(revenues).toEqual([...revenues].sort((p, q) => q - p));
  });

  it('is plain JSON: survives a round trip unchanged (no NaN, no typed arrays)', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('calibration end', () => {
  it('defaults to the last day minus a third of the span, rounded to a day', () => {
    // CDNOW spans 545 days: 1998-06-30 − round(181.67) = 1997-12-30.
    expect(defaultCalibrationEnd({ firstDay: epochDay(1997, 1, 1), lastDay: dataEnd })).toBe(
      epochDay(1997, 12, 30),
    );
    expect(defaultCalibrationEnd({ firstDay: 0, lastDay: 10 })).toBe(7);
  });

  it('is clamped to the data; on the last day there is no holdout', () => {
    const late = orders(predict(cdnow, { calibrationEnd: epochDay(2001, 1, 1) }));
    expect(late.calibrationEnd).toBe('1998-06-30');
    expect(late.holdout).toBeNull();
    expect(late.customers).toBe(2357);
  });
});

describe('no model numbers when the model cannot be fitted', () => {
  const onePurchaseEach: OrderRow[] = Array.from({ length: 30 }, (_, i) => ({
    customer: `c${i}`,
    day: `2024-01-${String(i + 1).padStart(2, '0')}`,
    amount: 10,
  }));

  it('returns only the reason, the range and the split when nobody buys twice', () => {
    const result = predict(ordersDataset(onePurchaseEach));
    expect(result).toEqual({
      ok: false,
      kind: 'orders',
      reason: 'no-repeat-purchases',
      range: { firstDay: day('2024-01-01'), lastDay: day('2024-01-30') },
      // 2024-01-30 − round(29 / 3) = 2024-01-20.
      calibrationEnd: '2024-01-20',
      calibrationEndDay: day('2024-01-20'),
    });
  });

  it('says too-few-customers for a tiny or empty dataset and not-orders for two lists', () => {
    const tiny = predict(ordersDataset(onePurchaseEach.slice(0, 5)));
    expect(tiny).toMatchObject({ ok: false, reason: 'too-few-customers' });
    expect(predict(ordersDataset([]))).toEqual({
      ok: false,
      kind: 'orders',
      reason: 'too-few-customers',
      range: null,
      calibrationEnd: null,
      calibrationEndDay: null,
    });
    expect(predict(listsDataset(['a'], ['a']))).toMatchObject({ ok: false, reason: 'not-orders' });
  });
});

describe('atRiskCustomers on a hand-made dataset (published CDNOW parameters)', () => {
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  // gone: three weekly purchases in January; big: two in the first days of January, for 180;
  // regular: the 5th of every month January–October (median gap 31 days, silent 87);
  // fresh: three purchases two days apart in December (median gap 2, silent 26);
  // once: one big purchase (a one-time buyer is never at risk); now: the data's last day.
  const rows: OrderRow[] = [
    { customer: 'gone', day: '2024-01-01', amount: 10 },
    { customer: 'gone', day: '2024-01-08', amount: 10 },
    { customer: 'gone', day: '2024-01-15', amount: 10 },
    { customer: 'big', day: '2024-01-01', amount: 90 },
    { customer: 'big', day: '2024-01-03', amount: 90 },
    ...Array.from({ length: 10 }, (_, m) => ({
      customer: 'regular',
      day: `2024-${String(m + 1).padStart(2, '0')}-05`,
      amount: 20,
    })),
    { customer: 'fresh', day: '2024-12-01', amount: 50 },
    { customer: 'fresh', day: '2024-12-03', amount: 50 },
    { customer: 'fresh', day: '2024-12-05', amount: 50 },
    { customer: 'once', day: '2024-03-01', amount: 1000 },
    { customer: 'now', day: '2024-12-31', amount: 5 },
  ];
  const dataset = ordersDataset(rows);
  const summary = rfmSummary(dataset, { calibrationEnd: day('2024-12-31'), unitDays: 7 });

  it('sorts by past revenue and gives every reason with its numbers', () => {
    const list = atRiskCustomers(dataset, params, summary);
    expect(list.map((c) => [c.key, c.purchases, c.pastRevenue, c.lastDay])).toEqual([
      ['regular', 10, 200, day('2024-10-05')],
      ['big', 2, 180, day('2024-01-03')],
      ['fresh', 3, 150, day('2024-12-05')],
      ['gone', 3, 30, day('2024-01-15')],
    ]);
    expect(list.map((c) => c.reasons.map((r) => r.code))).toEqual([
      ['overdue'],
      ['low-probability-alive'],
      ['overdue'],
      ['low-probability-alive', 'overdue'],
    ]);
    expect(list[0].reasons[0]).toEqual({ code: 'overdue', daysSinceLast: 87, medianGapDays: 31 });
    expect(list[2].reasons[0]).toEqual({ code: 'overdue', daysSinceLast: 26, medianGapDays: 2 });
    expect(list[3].reasons[1]).toEqual({ code: 'overdue', daysSinceLast: 351, medianGapDays: 7 });
    // big: x = 1, tₓ = 2/7, T = 365/7 weeks → log-odds ln(0.793/2.426) + 1.243 ln(56.56/4.70).
    expect(list[1].probabilityAlive).toBeCloseTo(0.122, 3);
    expect(list[1].reasons[0]).toEqual({
      code: 'low-probability-alive',
      probabilityAlive: list[1].probabilityAlive,
      threshold: 0.5,
    });
    expect(list[3].probabilityAlive).toBeCloseTo(0.0317, 4);
    // Overdue customers carry P(alive) too: regular 0.564, fresh 0.553 (above the threshold).
    expect(list[0].probabilityAlive).toBeCloseTo(0.564, 3);
    expect(list[2].probabilityAlive).toBeCloseTo(0.553, 3);
  });

  it('adds the low-probability reason for everyone below a higher threshold', () => {
    const list = atRiskCustomers(dataset, params, summary, 0.6);
    expect(list.map((c) => c.reasons.map((r) => r.code))).toEqual([
      ['low-probability-alive', 'overdue'],
      ['low-probability-alive'],
      ['low-probability-alive', 'overdue'],
      ['low-probability-alive', 'overdue'],
    ]);
  });

  it('has no revenue without amounts, and then sorts by purchases, then customer code', () => {
    const plain = ordersDataset(rows.map(({ customer, day: d }) => ({ customer, day: d })));
    const plainSummary = rfmSummary(plain, { calibrationEnd: day('2024-12-31'), unitDays: 7 });
    const list = atRiskCustomers(plain, params, plainSummary);
    expect(list.map((c) => [c.key, c.pastRevenue])).toEqual([
      ['regular', null],
      ['gone', null],
      ['fresh', null],
      ['big', null],
    ]);
  });
});

describe('subscriptions: announced cancellations', () => {
  it('lists customers whose last subscription ends after the last start day', () => {
    // The data's "today" is its last start day, 2024-05-01.
    const dataset = subscriptionsDataset([
      { customer: 'leaving', start: '2024-01-01', end: '2024-06-30' },
      { customer: 'staying', start: '2024-02-01' },
      { customer: 'left', start: '2024-01-01', end: '2024-03-01' },
      { customer: 'renewed', start: '2024-01-01', end: '2024-05-31' },
      { customer: 'renewed', start: '2024-04-01' },
      { customer: 'twice', start: '2024-01-01', end: '2024-02-01' },
      { customer: 'twice', start: '2024-05-01', end: '2024-07-15' },
    ]);
    const result = predict(dataset);
    if (!result.ok || result.kind !== 'subscriptions') throw new Error('expected subscriptions');
    expect(result.asOfDay).toBe(day('2024-05-01'));
    expect(result.atRisk).toEqual([
      {
        customer: 4,
        key: 'twice',
        lastDay: day('2024-05-01'),
        purchases: 2,
        pastRevenue: null,
        probabilityAlive: null,
        reasons: [{ code: 'announced-cancellation', endDay: day('2024-07-15'), daysUntilEnd: 75 }],
      },
      {
        customer: 0,
        key: 'leaving',
        lastDay: day('2024-01-01'),
        purchases: 1,
        pastRevenue: null,
        probabilityAlive: null,
        reasons: [{ code: 'announced-cancellation', endDay: day('2024-06-30'), daysUntilEnd: 60 }],
      },
    ]);
  });
});
