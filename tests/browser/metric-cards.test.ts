import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { catalogs } from '../../src/lib/i18n/index.ts';
import type { Card } from '../../src/lib/state/cards.ts';
import MetricCards from '../../src/lib/ui/overview/MetricCards.svelte';

const card = (id: Card['id'], kind: Card['kind'], value: number, previous: number): Card => ({
  id,
  kind,
  value,
  previous,
  change: value - previous,
  metric: null,
  symbol: null,
});

describe('MetricCards', () => {
  it('writes a change that rounds to nothing without a sign, and others with one', async () => {
    const screen = await render(MetricCards, {
      t: catalogs.nl,
      language: 'nl',
      cards: [
        card('repeatRate', 'ratio', 0.1957, 0.196),
        card('crr', 'ratio', 0.979, 0.975),
        card('revenue', 'money', 250_072.08, 246_178.35),
      ],
      previousLabel: '2024-11',
      currency: 'EUR',
      onOpen: () => undefined,
    });
    const text = screen.container.textContent ?? '';
    expect(text).toContain('0,0 procentpunt ten opzichte van 2024-11');
    expect(text).not.toContain('−0,0');
    expect(text).toContain('+0,4 procentpunt');
    expect(text).toContain('+€\u00a03.893,73');
  });
});
