import { describe, expect, it } from 'vitest';
import { cohortMatrix } from '../../src/lib/core/metrics/cohort-matrix.ts';
import { cohortCurvesConfig, cohortRevenueConfig } from '../../src/lib/charts/curves-chart.ts';
import { newReturningConfig } from '../../src/lib/charts/new-returning-chart.ts';
import { analyze } from '../../src/lib/core/analyze.ts';
import { ordersDataset } from '../core/metrics/make-dataset.ts';

// Two January customers (one comes back in February), one February customer.
const dataset = ordersDataset([
  { customer: 'a', day: '2024-01-05', amount: 10 },
  { customer: 'b', day: '2024-01-06', amount: 20 },
  { customer: 'a', day: '2024-02-07', amount: 5 },
  { customer: 'c', day: '2024-02-08', amount: 40 },
  { customer: 'c', day: '2024-03-31', amount: 1 },
]);
const report = cohortMatrix(dataset, { unit: 'month' });

describe('cohort curves', () => {
  it('draws one faint line per cohort and the average bold, with only the average in the legend', () => {
    const config = cohortCurvesConfig(report, ['M0', 'M1', 'M2'], 'Gemiddelde', 'nl');
    // March has no new customers, so no cohort line of its own.
    expect(config.data.datasets.map((set) => set.label)).toEqual([
      '2024-01',
      '2024-02',
      'Gemiddelde',
    ]);
    expect(config.data.datasets[0].data).toEqual([1, 0.5, 0]);
    expect(config.data.datasets[1].data).toEqual([1, 1, null]);
    expect(config.data.datasets.at(-1)?.borderWidth).toBe(3);
    expect(config.data.datasets[0].borderWidth).toBe(1);
  });

  it('adds up each cohort’s revenue', () => {
    const config = cohortRevenueConfig(report, 'Omzet', 'nl', 'EUR');
    expect(config.data.labels).toEqual(['2024-01', '2024-02']);
    expect(config.data.datasets[0].data).toEqual([35, 41]);
  });
});

describe('new versus returning revenue', () => {
  it('stacks the revenue of new and returning customers per period', () => {
    const periods = analyze(dataset, { unit: 'month' }).periods;
    const config = newReturningConfig(
      periods,
      { newCustomers: 'Nieuw', returningCustomers: 'Terugkerend' },
      'nl',
      { kind: 'revenue', currency: 'EUR' },
    );
    expect(config.data.datasets.map((set) => set.data)).toEqual([
      [0, 5, 1],
      [30, 40, 0],
    ]);
  });
});
