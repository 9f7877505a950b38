import { describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import { canvasPng, chartPng, copyPng, wrapText } from '../../src/lib/io/export-png.ts';
import { Chart } from '../../src/lib/charts/chart-registry.ts';
import { trendConfig } from '../../src/lib/charts/trend-chart.ts';
import { rows } from '../charts/period-rows.ts';

interface Decoded {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** The PNG decoded by the browser itself, as RGBA pixels. */
async function decode(blob: Blob): Promise<Decoded> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data };
}

function pixel(image: Decoded, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(at, at + 4));
}

/** Counts of opaque white pixels and of everything else (ink, colour, anti-aliasing). */
function census(image: Decoded): { white: number; other: number } {
  let white = 0;
  let other = 0;
  for (let at = 0; at < image.data.length; at += 4) {
    const [red, green, blue, alpha] = image.data.subarray(at, at + 4);
    if (red === 255 && green === 255 && blue === 255 && alpha === 255) white++;
    else other++;
  }
  return { white, other };
}

/** Non-white pixels inside a band of rows (device pixels). */
function inkInRows(image: Decoded, from: number, to: number): number {
  let count = 0;
  for (let y = from; y < to; y++) {
    for (let x = 0; x < image.width; x++) {
      const [red, green, blue] = pixel(image, x, y);
      if (red < 200 || green < 200 || blue < 200) count++;
    }
  }
  return count;
}

const line = trendConfig(rows, { crr: 'Klantretentie', churn: 'Klantverloop' }, 'nl');

describe('chartPng', () => {
  it('renders a PNG of exactly width × ratio by height × ratio, white with ink', async () => {
    const blob = await chartPng(line as ChartConfiguration, {
      title: 'Klantretentie per maand',
      footnote: 'Periode: januari–juni 2024. CRR = (E − N) / S.',
      width: 400,
      height: 300,
      pixelRatio: 2,
    });
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe('image/png');

    const image = await decode(blob);
    expect(image.width).toBe(800);
    expect(image.height).toBe(600);
    expect(pixel(image, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(image, image.width - 1, image.height - 1)).toEqual([255, 255, 255, 255]);
    const { white, other } = census(image);
    expect(white).toBeGreaterThan(image.width * image.height * 0.5);
    expect(other).toBeGreaterThan(2000);
    // The title sits in the top band and the footnote in the bottom band (margin 16 px, ×2).
    expect(inkInRows(image, 32, 80)).toBeGreaterThan(100);
    expect(inkInRows(image, image.height - 64, image.height - 32)).toBeGreaterThan(100);
  });

  it('uses the defaults 960 × 480 at ratio 2', async () => {
    const image = await decode(
      await chartPng(line as ChartConfiguration, { title: 'T', footnote: '' }),
    );
    expect([image.width, image.height]).toEqual([1920, 960]);
  });

  it('leaves the caller config untouched and leaves no chart behind', async () => {
    const before = JSON.stringify(line, (_key, value: unknown) =>
      typeof value === 'function' ? 'fn' : value,
    );
    const instances = Object.keys(Chart.instances).length;
    await chartPng(line as ChartConfiguration, { title: 'a', footnote: 'b', pixelRatio: 1 });
    const after = JSON.stringify(line, (_key, value: unknown) =>
      typeof value === 'function' ? 'fn' : value,
    );
    expect(after).toBe(before);
    expect(line.options?.responsive).toBe(true);
    expect(line.options?.plugins?.title?.display).toBe(false);
    expect(Object.hasOwn(line.data.datasets[0].data, '_chartjs')).toBe(false);
    expect(Object.keys(Chart.instances)).toHaveLength(instances);
  });

  it('draws text that looks like HTML as text, adding nothing to the page', async () => {
    const nodes = document.body.querySelectorAll('*').length;
    const blob = await chartPng(line as ChartConfiguration, {
      title: '<img src=x onerror=alert(1)>',
      footnote: '<b>vet</b> & <script>alert(1)</script>',
      pixelRatio: 1,
    });
    expect(blob.type).toBe('image/png');
    expect(document.body.querySelectorAll('*')).toHaveLength(nodes);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});

describe('canvasPng', () => {
  it('hands the drawing a CSS-pixel context on white and encodes it at the ratio', async () => {
    let seen: { width: number; height: number } | undefined;
    const blob = await canvasPng(
      (context, size) => {
        seen = size;
        context.fillStyle = '#0072B2';
        context.fillRect(10, 10, 50, 20);
      },
      { width: 120, height: 80 },
      3,
    );
    expect(seen).toEqual({ width: 120, height: 80 });
    expect(blob.type).toBe('image/png');
    const image = await decode(blob);
    expect([image.width, image.height]).toEqual([360, 240]);
    expect(pixel(image, 0, 0)).toEqual([255, 255, 255, 255]);
    // (10, 10)–(60, 30) in CSS pixels is (30, 30)–(180, 90) on the device: blue inside, white out.
    expect(pixel(image, 100, 60)).toEqual([0x00, 0x72, 0xb2, 255]);
    expect(pixel(image, 200, 60)).toEqual([255, 255, 255, 255]);
    const { white, other } = census(image);
    expect(other).toBe(150 * 60);
    expect(white).toBe(360 * 240 - 150 * 60);
  });

  it('defaults to ratio 2 and waits for an asynchronous drawing', async () => {
    const blob = await canvasPng(
      async (context) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        context.fillStyle = '#000000';
        context.fillRect(0, 0, 5, 5);
      },
      { width: 50, height: 40 },
    );
    const image = await decode(blob);
    expect([image.width, image.height]).toEqual([100, 80]);
    expect(pixel(image, 9, 9)).toEqual([0, 0, 0, 255]);
    expect(pixel(image, 10, 10)).toEqual([255, 255, 255, 255]);
  });

  it('refuses a size of zero', async () => {
    await expect(canvasPng(() => {}, { width: 0, height: 10 })).rejects.toThrow(RangeError);
  });
});

describe('wrapText', () => {
  /** A font where every character is 10 px wide, so the expectations can be written out. */
  const monospace = { measureText: (text: string) => ({ width: [...text].length * 10 }) };
  const measure = monospace as unknown as Pick<CanvasRenderingContext2D, 'measureText'>;

  it('breaks at spaces within the width', () => {
    expect(wrapText(measure, 'Periode: jan–mrt 2024', 80)).toEqual(['Periode:', 'jan–mrt', '2024']);
    expect(wrapText(measure, 'S = 120  E = 130', 100)).toEqual(['S = 120 E', '= 130']);
  });

  it('breaks a word wider than the line between characters, never inside an emoji', () => {
    expect(wrapText(measure, 'abcdefghij', 40)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText(measure, 'ab😀cd', 30)).toEqual(['ab😀', 'cd']);
  });

  it('keeps forced line breaks and gives no lines for a blank text', () => {
    expect(wrapText(measure, 'een\n\ntwee\r\ndrie', 100)).toEqual(['een', '', 'twee', 'drie']);
    expect(wrapText(measure, '  \n ', 100)).toEqual([]);
  });
});

describe('copyPng', () => {
  it('answers copied, unsupported or denied, and never throws', async () => {
    const blob = await canvasPng(() => {}, { width: 10, height: 10 }, 1);
    const result = await copyPng(blob);
    expect(['copied', 'unsupported', 'denied']).toContain(result);
  });

  it('answers unsupported where the Clipboard API has no write', async () => {
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      expect(await copyPng(new Blob([], { type: 'image/png' }))).toBe('unsupported');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
    expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')).toEqual(original);
    expect(navigator.clipboard).toBeDefined();
  });

  it('answers denied when the browser refuses permission', async () => {
    const refuse = () =>
      Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', {
      value: { write: refuse },
      configurable: true,
    });
    try {
      expect(await copyPng(new Blob([], { type: 'image/png' }))).toBe('denied');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });
});
