import { describe, expect, it } from 'vitest';
import type { Tick, TooltipItem } from 'chart.js';
import { newReturningConfig } from '../../src/lib/charts/new-returning-chart.ts';
import { rows } from './period-rows.ts';

const labels = {
  newCustomers: 'Nieuw',
  returningCustomers: 'Terugkerend',
  total: 'Totaal',
  incomplete: 'Nog niet compleet',
};

type Callback = (...args: unknown[]) => unknown;

function callbacks(language: 'nl' | 'en') {
  const config = newReturningConfig(rows, labels, language);
  const y = config.options?.scales?.y as { ticks: { callback: Callback } };
  const tooltip = config.options?.plugins?.tooltip?.callbacks as {
    label: Callback;
    footer: Callback;
  };
  return { tick: y.ticks.callback, ...tooltip };
}

function item(label: string, y: number, dataIndex: number): TooltipItem<'bar'> {
  return { dataset: { label }, parsed: { x: dataIndex, y }, dataIndex } as TooltipItem<'bar'>;
}

describe('newReturningConfig', () => {
  const config = newReturningConfig(rows, labels, 'nl');
  const [returning, fresh] = config.data.datasets;

  it('is a bar chart with one label per period, in order', () => {
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
  });

  it('stacks returning customers under new customers, as counts', () => {
    expect(returning.label).toBe('Terugkerend');
    expect(returning.data).toEqual([190, 0, 310, 1234]);
    expect(fresh.label).toBe('Nieuw');
    expect(fresh.data).toEqual([50, 12, 120, 7]);
    expect(returning.stack).toBe(fresh.stack);
    expect(config.options?.scales?.x).toMatchObject({ stacked: true });
    expect(config.options?.scales?.y).toMatchObject({ stacked: true, beginAtZero: true });
  });

  it('is responsive, fills its container and does not animate', () => {
    expect(config.options).toMatchObject({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
    });
  });

  it('draws bars of an incomplete period hollow: faint fill, full outline', () => {
    const fill = returning.backgroundColor as Callback;
    const edge = returning.borderColor as Callback;
    const width = returning.borderWidth as Callback;
    expect(fill({ dataIndex: 0 })).toBe('#0072B2');
    expect(fill({ dataIndex: 3 })).toBe('rgba(0, 114, 178, 0.25)');
    expect(edge({ dataIndex: 0 })).toBe('#ffffff');
    expect(edge({ dataIndex: 3 })).toBe('#0072B2');
    expect(width({ dataIndex: 0 })).toBe(1);
    expect(width({ dataIndex: 3 })).toBe(2);
    expect((fresh.backgroundColor as Callback)({ dataIndex: 3 })).toBe('rgba(230, 159, 0, 0.25)');
  });

  it('formats counts on the axis and in tooltips in the user language', () => {
    const ticks: Tick[] = [{ value: 0 }, { value: 500 }];
    expect(callbacks('nl').tick(1500, 0, ticks)).toBe('1.500');
    expect(callbacks('en').tick(1500, 0, ticks)).toBe('1,500');
    expect(callbacks('nl').label(item('Terugkerend', 1234, 3))).toBe('Terugkerend: 1.234');
    expect(callbacks('en').label(item('Returning', 1234, 3))).toBe('Returning: 1,234');
  });

  it('asks for whole-number ticks', () => {
    expect(config.options?.scales?.y?.ticks).toMatchObject({ precision: 0 });
  });

  it('puts the total and, for an incomplete period, a marker in the tooltip footer', () => {
    const { footer } = callbacks('nl');
    expect(footer([item('Terugkerend', 190, 0)])).toEqual(['Totaal: 240']);
    expect(footer([item('Terugkerend', 1234, 3)])).toEqual(['Totaal: 1.241', 'Nog niet compleet']);
    expect(footer([])).toBeUndefined();
  });

  it('leaves the footer out when the caller gives no footer texts', () => {
    const bare = newReturningConfig(
      rows,
      { newCustomers: 'New', returningCustomers: 'Returning' },
      'en',
    );
    const footer = bare.options?.plugins?.tooltip?.callbacks?.footer as Callback;
    expect(footer([item('Returning', 1234, 3)])).toBeUndefined();
  });
});
