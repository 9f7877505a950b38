import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import type { LifetimeValueSummary, RevenueRow } from '../../src/lib/core/analyze.ts';
import { epochDay } from '../../src/lib/core/model/days.ts';
import { Chart } from '../../src/lib/charts/chart-registry.ts';
import { revenueEn, revenueNl } from '../../src/lib/i18n/revenue-messages.ts';
import RevenuePanel from '../../src/lib/ui/revenue/RevenuePanel.svelte';

/** The no-break space Intl writes in nl-NL money ("€ 200,00"). */
const nbsp = '\u00a0';

/** The command line's example shop: a downgrade and two leavers in February, a return in March. */
const rows: RevenueRow[] = [
  {
    period: '2024-01',
    complete: true,
    startRevenue: 0,
    new: 200,
    expansion: 0,
    contraction: 0,
    churned: 0,
    reactivated: 0,
    endRevenue: 200,
    nrr: null,
    grr: null,
    quickRatio: null,
  },
  {
    period: '2024-02',
    complete: true,
    startRevenue: 200,
    new: 30,
    expansion: 0,
    contraction: 20,
    churned: 90,
    reactivated: 0,
    endRevenue: 120,
    nrr: 0.45,
    grr: 0.45,
    quickRatio: 30 / 110,
  },
  {
    period: '2024-03',
    complete: false,
    startRevenue: 120,
    new: 0,
    expansion: 30,
    contraction: 0,
    churned: 0,
    reactivated: 45,
    endRevenue: 195,
    nrr: 1.25,
    grr: 1,
    quickRatio: null,
  },
];

const lifetimeValue: LifetimeValueSummary = {
  kind: 'subscriptions',
  first: epochDay(2023, 4, 1),
  last: epochDay(2024, 3, 31),
  averageRevenue: 45,
  margin: 0.8,
  purchasesPerYear: null,
  churn: 1 / 6,
  lifetime: 6,
  lifetimeUnit: 'month',
  ltv: 216,
};

async function renderPanel(selected: number, language: 'nl' | 'en' = 'nl') {
  const onExplain = vi.fn();
  const screen = await render(RevenuePanel, {
    props: {
      rows,
      selected,
      lifetimeValue,
      language,
      labels: language === 'nl' ? revenueNl : revenueEn,
      currency: 'EUR',
      onExplain,
    },
  });
  return { screen, onExplain };
}

/** The texts of a card: label, value and the lines under it. */
function cardTexts(container: HTMLElement, id: string): string[] {
  const card = container.querySelector(`[data-card="${id}"]`);
  return Array.from(card?.querySelectorAll('span') ?? [], (span) => span.textContent ?? '');
}

describe('RevenuePanel', () => {
  it('shows NRR, GRR, quick ratio, LTV and lifetime as cards', async () => {
    const { screen } = await renderPanel(1);
    await expect
      .element(screen.getByRole('heading', { level: 2 }))
      .toHaveTextContent('Omzetbehoud en klantwaarde');
    const container = screen.container as HTMLElement;
    expect(cardTexts(container, 'nrr')).toEqual([
      'Netto omzetbehoud (NRR)',
      '45,0%',
      'in 2024-02',
      'Hoe is dit berekend?',
    ]);
    expect(cardTexts(container, 'grr')).toEqual([
      'Bruto omzetbehoud (GRR)',
      '45,0%',
      'in 2024-02',
      'Hoe is dit berekend?',
    ]);
    expect(cardTexts(container, 'quickRatio')).toEqual([
      'Quick ratio',
      '0,27',
      'in 2024-02',
      'Hoe is dit berekend?',
    ]);
    expect(cardTexts(container, 'ltv')).toEqual([
      'Klantwaarde (LTV)',
      `€${nbsp}216,00`,
      'bij een marge van 80%',
      'tot en met 31 mrt 2024',
      'Hoe is dit berekend?',
    ]);
    expect(cardTexts(container, 'lifetime')).toEqual([
      'Gemiddelde klantduur',
      '6,0 maanden',
      'tot en met 31 mrt 2024',
      'Hoe is dit berekend?',
    ]);
  });

  it('says there is no result where a rate has no base', async () => {
    const { screen } = await renderPanel(0, 'en');
    await expect.element(screen.getByRole('heading', { level: 2 })).toBeVisible();
    expect(cardTexts(screen.container as HTMLElement, 'nrr')).toEqual([
      'Net revenue retention (NRR)',
      '—',
      'No result',
      'in 2024-01',
      'How is this calculated?',
    ]);
  });

  it('opens the worked example of the card clicked', async () => {
    const { screen, onExplain } = await renderPanel(1);
    await screen.getByRole('button', { name: /Netto omzetbehoud/ }).click();
    await screen.getByRole('button', { name: /Gemiddelde klantduur/ }).click();
    expect(onExplain.mock.calls).toEqual([['net-revenue-retention'], ['average-lifetime']]);
  });

  it('lists the movements of every period in a table, the selected one marked', async () => {
    const { screen } = await renderPanel(1);
    const table = screen.getByRole('table');
    await expect.element(table).toBeVisible();
    const element = table.element() as HTMLTableElement;
    const header = Array.from(element.tHead?.rows[0].cells ?? [], (cell) => cell.textContent);
    expect(header).toEqual([
      'Periode',
      'Omzet aan het begin',
      'Nieuwe klanten',
      'Uitbreiding',
      'Teruggekeerd',
      'Inkrimping',
      'Verloren omzet',
      'Omzet aan het eind',
      'NRR',
      'GRR',
      'Quick ratio',
    ]);
    // Template whitespace collapsed to one space (not \s: Intl's no-break spaces must stay).
    const body = Array.from(element.tBodies[0].rows, (row) =>
      Array.from(row.cells, (cell) => cell.textContent?.replace(/[ \n\t]+/g, ' ').trim()),
    );
    const euro = (amount: string) => `€${nbsp}${amount}`;
    expect(body).toEqual([
      [
        '2024-01',
        euro('0,00'),
        `+${euro('200,00')}`,
        euro('0,00'),
        euro('0,00'),
        euro('0,00'),
        euro('0,00'),
        euro('200,00'),
        '—',
        '—',
        '—',
      ],
      [
        '2024-02 (gekozen periode)',
        euro('200,00'),
        `+${euro('30,00')}`,
        euro('0,00'),
        euro('0,00'),
        `−${euro('20,00')}`,
        `−${euro('90,00')}`,
        euro('120,00'),
        '45,0%',
        '45,0%',
        '0,27',
      ],
      [
        '2024-03 Periode nog niet compleet',
        euro('120,00'),
        euro('0,00'),
        `+${euro('30,00')}`,
        `+${euro('45,00')}`,
        euro('0,00'),
        euro('0,00'),
        euro('195,00'),
        '125,0%',
        '100,0%',
        '—',
      ],
    ]);
    expect(
      Array.from(element.tBodies[0].rows, (row) => row.className.includes('selected')),
    ).toEqual([false, true, false]);
  });

  it('draws the waterfall of the selected period on a labelled canvas in a sized box', async () => {
    const { screen } = await renderPanel(2);
    const canvas = screen.getByRole('img');
    await expect
      .element(canvas)
      .toHaveAccessibleName(
        `Watervaldiagram van de omzet in 2024-03: van €${nbsp}120,00 aan het begin naar €${nbsp}195,00 aan het eind. De tabel hieronder geeft dezelfde bedragen.`,
      );
    const element = canvas.element() as HTMLCanvasElement;
    await expect.poll(() => Chart.getChart(element)).toBeDefined();
    const instance = Chart.getChart(element) as Chart;
    expect(instance.data.datasets[0].data).toEqual([
      [0, 120],
      [120, 120],
      [120, 150],
      [150, 195],
      [195, 195],
      [195, 195],
      [0, 195],
    ]);
    expect(instance.height).toBeGreaterThan(100);
    await expect.element(screen.getByText('Omzetbewegingen in 2024-03')).toBeVisible();
  });
});
