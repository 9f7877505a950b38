import { expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { flushSync, mount, unmount } from 'svelte';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from '../../src/lib/charts/chart-registry.ts';
import { trendConfig } from '../../src/lib/charts/trend-chart.ts';
import { newReturningConfig } from '../../src/lib/charts/new-returning-chart.ts';
import { rows } from '../charts/period-rows.ts';
import ChartHost from './ChartHost.svelte';

const trend = trendConfig(rows, { crr: 'Klantretentie', churn: 'Klantverloop' }, 'nl');
const bars = newReturningConfig(rows, { newCustomers: 'Nieuw', returningCustomers: 'Terug' }, 'nl');

/** Pixels on the canvas that are not fully transparent (Chart.js draws no background). */
function paintedPixels(canvas: HTMLCanvasElement): number {
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2d context');
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
  return painted;
}

/** The chart type; Chart.js also types configs without a top-level one (types per dataset). */
function typeOf(instance: Chart | undefined): string | undefined {
  return instance !== undefined && 'type' in instance.config ? instance.config.type : undefined;
}

async function chartOn(canvas: HTMLCanvasElement): Promise<Chart> {
  await expect.poll(() => Chart.getChart(canvas)).toBeDefined();
  return Chart.getChart(canvas) as Chart;
}

it('draws a chart on the canvas and destroys it on unmount', async () => {
  const screen = await render(ChartHost, {
    props: { config: trend as ChartConfiguration, label: 'Retentie per maand' },
  });
  const canvas = screen.container.querySelector('canvas') as HTMLCanvasElement;
  expect(canvas.getAttribute('role')).toBe('img');
  expect(canvas.getAttribute('aria-label')).toBe('Retentie per maand');

  const instance = await chartOn(canvas);
  expect(typeOf(instance)).toBe('line');
  // The size comes from the 480 × 240 box (times the device pixel ratio).
  expect(instance.width).toBe(480);
  expect(instance.height).toBe(240);
  expect(paintedPixels(canvas)).toBeGreaterThan(1000);

  await screen.unmount();
  expect(Chart.getChart(canvas)).toBeUndefined();
});

it('replaces the chart when the config changes, leaving the caller config untouched', async () => {
  const screen = await render(ChartHost, {
    props: { config: trend as ChartConfiguration, label: 'Retentie' },
  });
  const canvas = screen.container.querySelector('canvas') as HTMLCanvasElement;
  const first = await chartOn(canvas);

  await screen.rerender({ config: bars as ChartConfiguration });
  await expect.poll(() => typeOf(Chart.getChart(canvas))).toBe('bar');
  const second = Chart.getChart(canvas) as Chart;
  expect(second).not.toBe(first);
  expect(first.canvas).toBeNull(); // destroyed
  expect(paintedPixels(canvas)).toBeGreaterThan(1000);
  // Chart.js patches the arrays it draws; ours were copies, so the builders' output stays plain.
  expect(Object.hasOwn(trend.data.datasets[0].data, '_chartjs')).toBe(false);
  expect(Object.hasOwn(bars.data.datasets[0].data, '_chartjs')).toBe(false);

  await screen.unmount();
  expect(Chart.getChart(canvas)).toBeUndefined();
});

it('updates the chart in place when a config of the same type changes', async () => {
  const screen = await render(ChartHost, {
    props: { config: trend as ChartConfiguration, label: 'Retentie' },
  });
  const canvas = screen.container.querySelector('canvas') as HTMLCanvasElement;
  const first = await chartOn(canvas);
  const shorter = trendConfig(
    rows.slice(0, 2),
    { crr: 'Klantretentie', churn: 'Klantverloop' },
    'nl',
  );
  await screen.rerender({ config: shorter as ChartConfiguration });
  await expect.poll(() => Chart.getChart(canvas)?.data.labels?.length).toBe(2);
  expect(Chart.getChart(canvas)).toBe(first);
  expect(Object.hasOwn(shorter.data.datasets[0].data, '_chartjs')).toBe(false);
  await screen.unmount();
  expect(Chart.getChart(canvas)).toBeUndefined();
});

it('creates nothing when unmounted before Chart.js has loaded', async () => {
  const before = Object.keys(Chart.instances).length;
  const target = document.createElement('div');
  document.body.append(target);
  const host = mount(ChartHost, {
    target,
    props: { config: trend as ChartConfiguration, label: 'Retentie' },
  });
  flushSync(); // runs the attachment, which starts the (asynchronous) import
  const canvas = target.querySelector('canvas') as HTMLCanvasElement;
  unmount(host); // synchronously, before the import's promise can resolve

  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(Chart.getChart(canvas)).toBeUndefined();
  expect(Object.keys(Chart.instances)).toHaveLength(before);
  target.remove();
});

// Last in the file: the policy stays on this test file's page once set.
it('draws under a style-src policy without unsafe-inline, violating nothing', async () => {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.effectiveDirective}: ${event.blockedURI}`),
  );
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src 'self'";
  document.head.append(meta);

  // The control: an inline <style> is now reported, so the listener would see Chart.js's too.
  const probe = document.createElement('style');
  probe.textContent = '.probe { color: red; }';
  document.head.append(probe);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  violations.length = 0;
  probe.remove();

  const screen = await render(ChartHost, {
    props: { config: trend as ChartConfiguration, label: 'Retentie' },
  });
  const canvas = screen.container.querySelector('canvas') as HTMLCanvasElement;
  await chartOn(canvas);
  expect(paintedPixels(canvas)).toBeGreaterThan(1000);
  // Chart.js did size the canvas through CSSOM, which the policy allows.
  expect(canvas.style.display).toBe('block');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(violations).toEqual([]);
  await screen.unmount();
});
