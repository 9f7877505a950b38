import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { Chart } from '../../src/lib/charts/chart-registry.ts';
import { epochDay } from '../../src/lib/core/model/days.ts';
import type {
  OrdersPrediction,
  PredictionUnavailable,
  SubscriptionsPrediction,
} from '../../src/lib/core/prediction.ts';
import { predictionEn, predictionNl } from '../../src/lib/i18n/prediction-messages.ts';
import PredictionPanel from '../../src/lib/ui/prediction/PredictionPanel.svelte';

const d = (year: number, month: number, day: number) => epochDay(year, month, day);

/** The text of each cell of a table row, with Intl's no-break spaces as plain spaces. */
const cells = (row: Element) =>
  Array.from(row.children, (cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());

/** A small fitted report, written out by hand: two holdout weeks, two customers at risk. */
const fitted: OrdersPrediction = {
  ok: true,
  kind: 'orders',
  range: { firstDay: d(2024, 1, 1), lastDay: d(2024, 12, 31) },
  calibrationEnd: '2024-12-17',
  calibrationEndDay: d(2024, 12, 17),
  asOfDay: d(2024, 12, 31),
  unitDays: 7,
  horizons: [13, 26, 52],
  lifetimeHorizon: 52,
  threshold: 0.5,
  margin: 1,
  params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  logLikelihood: -9582.43,
  converged: true,
  customers: 2357,
  repeatCustomers: 946,
  gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44, populationMeanSpend: 35.17, customers: 946 },
  gammaGammaIssue: null,
  holdout: [
    { week: 1, endDay: d(2024, 12, 24), predicted: 41.26, actual: 38 },
    { week: 2, endDay: d(2024, 12, 31), predicted: 80.5, actual: 84 },
  ],
  totals: {
    customers: 2357,
    expectedActive: 1785.3,
    expectedPurchases: [500.4, 958, 1774.7],
    lifetimeValue: 64895.76,
    pastRevenue: 244091.94,
  },
  topCustomers: [],
  atRisk: [
    {
      customer: 7,
      key: 'K-007',
      lastDay: d(2024, 8, 13),
      purchases: 6,
      pastRevenue: 1250.5,
      probabilityAlive: 0.23,
      reasons: [
        { code: 'low-probability-alive', probabilityAlive: 0.23, threshold: 0.5 },
        { code: 'overdue', daysSinceLast: 140, medianGapDays: 30 },
      ],
    },
    {
      customer: 3,
      key: 'K-003',
      lastDay: d(2024, 11, 1),
      purchases: 4,
      pastRevenue: 99,
      probabilityAlive: 0.81,
      reasons: [{ code: 'overdue', daysSinceLast: 60, medianGapDays: 12.5 }],
    },
  ],
};

const failed: PredictionUnavailable = {
  ok: false,
  kind: 'orders',
  reason: 'no-repeat-purchases',
  range: { firstDay: d(2024, 1, 1), lastDay: d(2024, 1, 30) },
  calibrationEnd: '2024-01-20',
  calibrationEndDay: d(2024, 1, 20),
};

function props(report: OrdersPrediction | PredictionUnavailable | SubscriptionsPrediction) {
  const calls = { exported: 0, calibration: [] as number[] };
  return {
    calls,
    props: {
      report,
      language: 'nl' as const,
      labels: predictionNl,
      currency: 'EUR',
      onExportAtRisk: () => (calls.exported += 1),
      onCalibrationEnd: (day: number) => calls.calibration.push(day),
    },
  };
}

describe('PredictionPanel with a fitted model', () => {
  it('explains each at-risk customer in words, in the report’s order', async () => {
    const { props: p, calls } = props(fitted);
    const screen = await render(PredictionPanel, { props: p });
    await expect
      .element(screen.getByRole('heading', { name: 'Klanten die dreigen te vertrekken' }))
      .toBeVisible();
    const rows = screen.container.querySelectorAll('.at-risk tbody tr');
    expect(Array.from(rows, (row) => row.querySelector('th')?.textContent)).toEqual([
      'K-007',
      'K-003',
    ]);
    const reasons = (row: Element) =>
      Array.from(row.querySelectorAll('li'), (li) => li.textContent);
    expect(reasons(rows[0])).toEqual([
      'kans dat deze klant nog actief is: 23%',
      'al 140 dagen niets gekocht, normaal elke 30 dagen',
    ]);
    expect(reasons(rows[1])).toEqual(['al 60 dagen niets gekocht, normaal elke 12,5 dagen']);
    expect(cells(rows[0]).slice(0, 5)).toEqual(['K-007', '13 aug 2024', '6', '€ 1.250,50', '23%']);
    expect(cells(rows[1]).slice(0, 5)).toEqual(['K-003', '1 nov 2024', '4', '€ 99,00', '81%']);
    await screen.getByRole('button', { name: 'Exporteer deze klanten' }).click();
    expect(calls.exported).toBe(1);
  });

  it('shows the parameters in a details block, the outlook and the holdout table', async () => {
    const screen = await render(PredictionPanel, { props: props(fitted).props });
    const details = screen.container.querySelector('details.parameters');
    expect(details?.textContent).toContain('r = 0,243, α = 4,414');
    expect(details?.textContent).toContain('a = 0,793, b = 2,426');
    expect(details?.textContent).toContain('p = 6,250, q = 3,740, γ = 15,440');
    expect(details?.textContent).toContain('-9.582,4');
    expect(details?.textContent).toContain(
      'Geleerd van 2.357 klanten met aankopen tot en met 17 dec 2024',
    );
    const outlook = screen.container.querySelector('dl.outlook')?.textContent ?? '';
    expect(outlook).toContain('Verwachte aankopen komende 3 maanden');
    expect(outlook).toContain('1.775');
    expect(outlook).toContain('Verwachte omzet komende 12 maanden');
    const holdoutRows = screen.container.querySelectorAll('details:not(.parameters) tbody tr');
    expect(Array.from(holdoutRows, cells)).toEqual([
      ['24 dec 2024', '41,3', '38'],
      ['31 dec 2024', '80,5', '84'],
    ]);
    const canvas = screen.container.querySelector('canvas') as HTMLCanvasElement;
    expect(canvas.getAttribute('aria-label')).toBe(
      'Herhaalaankopen opgeteld tot 31 dec 2024: 81 voorspeld, 84 werkelijk',
    );
    await expect.poll(() => Chart.getChart(canvas)).toBeDefined();
  });

  it('offers the split as a date input limited to the data and reports the chosen day', async () => {
    const { props: p, calls } = props(fitted);
    const screen = await render(PredictionPanel, { props: p });
    const input = screen.getByLabelText('Model leren tot en met');
    await expect.element(input).toHaveValue('2024-12-17');
    await expect.element(input).toHaveAttribute('min', '2024-01-01');
    await expect.element(input).toHaveAttribute('max', '2024-12-31');
    await input.fill('2024-09-30');
    await expect.poll(() => calls.calibration).toEqual([d(2024, 9, 30)]);
  });

  it('speaks English with the English labels', async () => {
    const screen = await render(PredictionPanel, {
      props: { ...props(fitted).props, language: 'en', labels: predictionEn },
    });
    await expect
      .element(screen.getByText('chance this customer is still active: 23%'))
      .toBeVisible();
    await expect
      .element(screen.getByText('nothing bought for 140 days, usually every 30 days'))
      .toBeVisible();
  });
});

describe('PredictionPanel without a model', () => {
  it('says why in one sentence and shows no model numbers at all', async () => {
    const screen = await render(PredictionPanel, { props: props(failed).props });
    await expect
      .element(screen.getByText(predictionNl.failure['no-repeat-purchases']))
      .toBeVisible();
    const text = screen.container.textContent ?? '';
    expect(text).not.toContain('r =');
    expect(text).not.toContain(predictionNl.parametersSummary);
    expect(text).not.toContain(predictionNl.atRiskHeading);
    expect(screen.container.querySelector('canvas')).toBeNull();
    expect(screen.container.querySelector('table')).toBeNull();
    // The split can still be moved, to try another calibration period.
    await expect.element(screen.getByLabelText('Model leren tot en met')).toHaveValue('2024-01-20');
  });

  it('lists announced cancellations for subscriptions, without model columns', async () => {
    const subscriptions: SubscriptionsPrediction = {
      ok: true,
      kind: 'subscriptions',
      range: { firstDay: d(2024, 1, 1), lastDay: d(2024, 5, 1) },
      asOfDay: d(2024, 5, 1),
      atRisk: [
        {
          customer: 0,
          key: 'leaving',
          lastDay: d(2024, 1, 1),
          purchases: 1,
          pastRevenue: null,
          probabilityAlive: null,
          reasons: [{ code: 'announced-cancellation', endDay: d(2024, 6, 30), daysUntilEnd: 60 }],
        },
      ],
    };
    const screen = await render(PredictionPanel, { props: props(subscriptions).props });
    await expect.element(screen.getByText('heeft opgezegd per 30 jun 2024')).toBeVisible();
    const headers = Array.from(screen.container.querySelectorAll('thead th'), (th) =>
      th.textContent?.trim(),
    );
    expect(headers).toEqual(['Klant', 'Laatste start', 'Abonnementen', 'Omzet tot nu', 'Waarom']);
    expect(screen.container.querySelector('input[type="date"]')).toBeNull();
    expect(screen.container.querySelector('canvas')).toBeNull();
  });
});
