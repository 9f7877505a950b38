/**
 * Charts and drawings out as PNG files (and onto the clipboard). A chart is drawn a second time on
 * a detached canvas of a fixed size, not grabbed from the screen: the on-screen canvas has the
 * page's size, a transparent background and no title or footnote, and a picture pasted into a
 * slide deck or e-mail needs all three. Every text is drawn with fillText, so a customer name or a
 * cell that looks like HTML stays literal text: nothing here touches the DOM beyond the canvas.
 */
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { ownCopy } from '../charts/chart-copy.ts';

/** What goes around a chart in its picture. Texts come from the caller, in the user's language. */
export interface ChartPngOptions {
  /** Drawn bold above the chart, wrapped to the width. */
  readonly title: string;
  /** Period and definitions, drawn small below the chart; wrapped, and '\n' starts a new line. */
  readonly footnote: string;
  /** Width in CSS pixels (default 960). */
  readonly width?: number;
  /** Height in CSS pixels, text included (default 480). */
  readonly height?: number;
  /** Device pixels per CSS pixel (default 2, sharp on high-density screens and in print). */
  readonly pixelRatio?: number;
}

/** A drawing's size in CSS pixels; the canvas holds `pixelRatio` times as many device pixels. */
export interface PngSize {
  readonly width: number;
  readonly height: number;
}

/** What copyPng did: copied, not possible in this browser, or refused (permission, focus). */
export type CopyResult = 'copied' | 'unsupported' | 'denied';

/** The app's palette ink (chart-style.ts) on white: the picture must read on any background. */
const ink = '#17232b';
const background = '#ffffff';
const fontFamily =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const titleFont = `bold 18px ${fontFamily}`;
const titleLineHeight = 24;
const footnoteFont = `12px ${fontFamily}`;
const footnoteLineHeight = 16;
/** Space around the whole picture and between the texts and the chart, in CSS pixels. */
const margin = 16;
const gap = 8;

/** The registered Chart class, from the same lazily loaded chunk the on-screen charts use. */
function loadChart(): Promise<typeof Chart> {
  return import('../charts/chart-registry.ts').then((module) => module.Chart);
}

/**
 * Lines of `text` no wider than `maxWidth` in the context's current font. Breaks at spaces; a word
 * wider than the line (a long URL, a customer id) is broken between characters rather than
 * overflowing the picture. '\n' forces a break (a blank line stays blank); a blank text gives no
 * lines. Exported for other drawings' captions (the heatmap's footnote).
 * @example with a font where every character is 10 px wide:
 *   wrapText(context, 'Periode: jan–mrt 2024', 80) → ['Periode:', 'jan–mrt', '2024']
 */
export function wrapText(
  context: Pick<CanvasRenderingContext2D, 'measureText'>,
  text: string,
  maxWidth: number,
): string[] {
  const fits = (line: string) => context.measureText(line).width <= maxWidth;
  const lines: string[] = [];
  if (text.trim() === '') return lines;
  for (const paragraph of text.trim().split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      // Code points, not UTF-16 units, so an emoji or accent is never cut in half.
      for (const character of word) {
        if (line !== '' && !fits(line + character)) {
          lines.push(line);
          line = '';
        }
        line += character;
      }
    }
    // An empty paragraph (two '\n' in a row) keeps its blank line, as the author meant.
    lines.push(line);
  }
  return lines;
}

/**
 * A detached canvas of `size` times `pixelRatio` device pixels (rounded down, as Chart.js does).
 * A zero or negative size is a programming error, not user data: it throws.
 */
function newCanvas(size: PngSize, pixelRatio: number): HTMLCanvasElement {
  if (!(size.width > 0 && size.height > 0 && pixelRatio > 0)) {
    throw new RangeError('export-png: width, height and pixel ratio must be positive');
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(size.width * pixelRatio);
  canvas.height = Math.floor(size.height * pixelRatio);
  return canvas;
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('export-png: no 2d canvas context');
  return context;
}

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob === null) reject(new Error('export-png: the canvas could not be encoded as PNG'));
      else resolve(blob);
    }, 'image/png');
  });
}

function drawLines(
  context: CanvasRenderingContext2D,
  lines: readonly string[],
  font: string,
  top: number,
  lineHeight: number,
): void {
  context.save();
  context.font = font;
  context.fillStyle = ink;
  context.textAlign = 'left';
  context.textBaseline = 'top';
  lines.forEach((line, index) => context.fillText(line, margin, top + index * lineHeight));
  context.restore();
}

/**
 * A custom drawing (the cohort heatmap) as PNG. `draw` gets a context already scaled so that one
 * unit is one CSS pixel, on a white background, and the size in CSS pixels.
 * @example await canvasPng((context, { width }) => context.fillRect(0, 0, width, 10), { width: 600, height: 400 })
 */
export async function canvasPng(
  draw: (context: CanvasRenderingContext2D, size: PngSize) => void | Promise<void>,
  size: PngSize,
  pixelRatio = 2,
): Promise<Blob> {
  const canvas = newCanvas(size, pixelRatio);
  const context = context2d(canvas);
  context.scale(pixelRatio, pixelRatio);
  context.fillStyle = background;
  context.fillRect(0, 0, size.width, size.height);
  context.save();
  await draw(context, { width: size.width, height: size.height });
  context.restore();
  return toPng(canvas);
}

/**
 * The chart as a PNG picture: white background, the title above, the legend, and the footnote
 * (period and definitions) below, each wrapped to the width. Drawn off screen on a detached canvas
 * at a fixed size, not responsive and not animated, so the picture is the same on every screen.
 * The caller's config is copied, never changed.
 * @example await chartPng(trendConfig(periods, labels, 'nl'), { title: 'Klantretentie per maand', footnote: 'Jan–dec 2024. CRR = (E − N) / S.' })
 */
export async function chartPng(
  config: ChartConfiguration,
  options: ChartPngOptions,
): Promise<Blob> {
  const width = options.width ?? 960;
  const height = options.height ?? 480;
  const pixelRatio = options.pixelRatio ?? 2;
  const ChartClass = await loadChart();
  if (!(pixelRatio > 0)) throw new RangeError('export-png: the pixel ratio must be positive');
  // Chart.js reads the canvas's width and height attributes as its CSS size when not responsive,
  // then multiplies them by devicePixelRatio itself: so the canvas starts at ratio 1.
  const canvas = newCanvas({ width, height }, 1);

  // Measured before the chart exists, because the chart's padding must leave room for the texts.
  const measure = context2d(canvas);
  const textWidth = width - 2 * margin;
  measure.font = titleFont;
  const titleLines = wrapText(measure, options.title, textWidth);
  measure.font = footnoteFont;
  const footnoteLines = wrapText(measure, options.footnote, textWidth);
  const titleHeight = titleLines.length * titleLineHeight;
  const footnoteHeight = footnoteLines.length * footnoteLineHeight;

  const frame: Plugin = {
    id: 'behoudPngFrame',
    // Chart.js clears to transparent; a PNG pasted on a dark slide must not lose its axes.
    beforeDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
    afterDraw(chart) {
      drawLines(chart.ctx, titleLines, titleFont, margin, titleLineHeight);
      drawLines(
        chart.ctx,
        footnoteLines,
        footnoteFont,
        chart.height - margin - footnoteHeight,
        footnoteLineHeight,
      );
    },
  };

  const source = config.options ?? {};
  const plugins = source.plugins ?? {};
  const copy = {
    ...ownCopy(config),
    options: {
      ...source,
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: pixelRatio,
      // No listeners on a canvas nobody can point at.
      events: [],
      layout: {
        ...source.layout,
        padding: {
          top: margin + (titleHeight > 0 ? titleHeight + gap : 0),
          bottom: margin + (footnoteHeight > 0 ? footnoteHeight + gap : 0),
          left: margin,
          right: margin,
        },
      },
      plugins: {
        ...plugins,
        // Our own title wraps and matches the footnote; Chart.js's would not wrap.
        title: { ...plugins.title, display: false },
        legend: { ...plugins.legend, display: true },
        tooltip: { ...plugins.tooltip, enabled: false },
      },
    },
    plugins: [...(config.plugins ?? []), frame],
  } as ChartConfiguration;

  // Not responsive and not animated: the constructor draws synchronously, so the picture is
  // complete when it returns.
  const instance = new ChartClass(canvas, copy);
  try {
    return await toPng(canvas);
  } finally {
    instance.destroy();
  }
}

/**
 * Puts a PNG on the clipboard where the browser allows it (Chromium, Safari, Firefox 127+), from a
 * user gesture such as a button click. Never throws: the caller shows a message for each result.
 */
export async function copyPng(blob: Blob): Promise<CopyResult> {
  try {
    if (
      typeof ClipboardItem === 'undefined' ||
      typeof navigator === 'undefined' ||
      typeof navigator.clipboard?.write !== 'function'
    ) {
      return 'unsupported';
    }
    // ClipboardItem.supports is newer than ClipboardItem; without it, trying is the only test.
    if (typeof ClipboardItem.supports === 'function' && !ClipboardItem.supports('image/png')) {
      return 'unsupported';
    }
    const png = blob.type === 'image/png' ? blob : new Blob([blob], { type: 'image/png' });
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return 'copied';
  } catch (error) {
    // NotAllowedError: permission refused, or the page lost focus (a click on devtools, a dialog).
    // Anything else (DataError, a missing codec) means this browser cannot do it.
    return error instanceof DOMException && error.name === 'NotAllowedError'
      ? 'denied'
      : 'unsupported';
  }
}
