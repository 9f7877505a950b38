/**
 * The one place a Chart.js chart is born and dies: a Svelte 5 attachment for
 * `<canvas aria-label={summary} {@attach chart(() => config)}></canvas>` (it adds `role="img"`).
 *
 * Content-Security-Policy (the app allows no 'unsafe-inline' style and no eval): checked in the
 * Chart.js 4.6.1 sources. It injects no <style> element (version 2 did, for its resize monitor;
 * 3+ uses ResizeObserver) and has no eval or `new Function`. It sets `canvas.style.display`,
 * `boxSizing`, `width` and `height` as CSSOM properties and restores them on destroy; CSP's
 * style-src governs style elements and parsed style attributes, not CSSOM writes, so a strict
 * policy allows them. The browser test runs the attachment and checks pixels are drawn.
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { Chart, ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js';
import { ownCopy } from './chart-copy.ts';

/** The registered Chart class; the chunk is fetched on first use, then comes from the cache. */
function loadChart(): Promise<typeof Chart> {
  return import('./chart-registry.ts').then((module) => module.Chart);
}

/**
 * Charts are created and redrawn one per task, in the order asked: a tab's four or five charts
 * built in one go hold the page for longer than a frame (a long task), one at a time they do not.
 */
let queue: Promise<void> = Promise.resolve();
function ownTask(): Promise<void> {
  queue = queue.then(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return queue;
}

/** The chart type of a config (Chart.js also allows configs typed per dataset only). */
function typeOf(config: object): unknown {
  return 'type' in config ? config.type : undefined;
}

/**
 * Attachment that draws the config `current()` gives on the canvas. When that config changes the
 * chart is updated in place (new data and options, no animation), which takes a few
 * milliseconds where building a new chart takes tens: a change of period redraws the charts
 * without holding up the new numbers. A config of another chart type makes a new chart. It gives
 * the canvas `role="img"`; the caller gives the `aria-label`, the table beside the chart, and a
 * parent with a height (the chart fills it).
 * @example <canvas aria-label={summary} {@attach chart(() => trendConfig(rows, labels, 'nl'))}></canvas>
 */
export function chart<
  TType extends ChartType = ChartType,
  TData = DefaultDataPoint<TType>,
  TLabel = unknown,
>(current: () => ChartConfiguration<TType, TData, TLabel>): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    // role="img" is how a canvas chart is exposed (one image with a name), but Svelte's a11y check
    // counts <canvas> as interactive and warns about that role in markup (a false positive that
    // eslint-plugin-jsx-a11y and Biome have fixed). Setting it here keeps every caller clean.
    canvas.setAttribute('role', 'img');
    if (import.meta.env.DEV && !canvas.getAttribute('aria-label')) {
      console.warn('chart: give the canvas an aria-label that summarises the chart', canvas);
    }
    let instance: Chart<TType, TData, TLabel> | undefined;
    let ChartClass: typeof Chart | undefined;
    // The config to draw; read in the effect below only, so this attachment runs once.
    let config = untrack(current);
    // Torn down before Chart.js arrived (fast navigation): the late import must then create
    // nothing, or a chart would draw on a detached canvas and leak.
    let tornDown = false;
    const create = () => {
      if (ChartClass === undefined || tornDown) return;
      instance = new ChartClass(canvas, ownCopy(config)) as unknown as Chart<TType, TData, TLabel>;
    };
    // A changed config is drawn in a task of its own, after the frame that shows the new numbers;
    // several changes before that task runs are drawn once.
    let redrawing = false;
    const redraw = () => {
      redrawing = false;
      if (instance === undefined || tornDown) return;
      if (typeOf(instance.config) !== typeOf(config)) {
        instance.destroy();
        create();
        return;
      }
      const copy = ownCopy(config);
      instance.data = copy.data;
      if (copy.options !== undefined) instance.options = copy.options;
      instance.update('none');
    };
    $effect(() => {
      config = current();
      if (instance === undefined || redrawing) return;
      redrawing = true;
      void ownTask().then(redraw);
    });
    // The task is taken once Chart.js is there, so charts waiting for it do not all run at once.
    loadChart()
      .then((loaded) => ownTask().then(() => loaded))
      .then(
        (loaded) => {
          ChartClass = loaded;
          create();
        },
        (error: unknown) => {
          // The caller renders a table beside the chart, so the numbers stay readable without it.
          console.error('chart: Chart.js could not be loaded', error);
        },
      );
    return () => {
      tornDown = true;
      instance?.destroy();
      instance = undefined;
    };
  };
}
