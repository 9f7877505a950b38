/**
 * Cohorts in the real browser: switch views and breakdowns, export the heatmap as PNG (checked
 * for its pixel size and that it is not blank), as CSV and as XLSX (read back), print the
 * one-page report, and look at the heatmap with 12 and with 60 cohorts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from 'playwright-core';
import { openApp, type Session } from './browser.ts';
import { readShared } from './files.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;

let session: Session | undefined;
afterEach(async () => {
  if (session) {
    expect(session.foreignRequests).toEqual([]);
    expect(session.problems).toEqual([]);
    await session.close();
  }
  session = undefined;
});

async function bytesOf(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await click();
  return bytesOf(await download);
}

async function openCohorts(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.getByRole('button', { name: /Klopt, analyseer|Looks right, analyse/ }).click();
  await page.locator('[data-card="crr"]').waitFor();
  await page.locator('nav.tabs button').nth(1).click();
  await page.locator('table[role="grid"]').waitFor();
}

/** A seeded invented shop with a new cohort every month for five years: 60 cohorts. */
function sixtyMonths(): Buffer {
  let seed = 20260101;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const lines = ['klant,datum,bedrag'];
  let customer = 0;
  for (let month = 0; month < 60; month += 1) {
    const joins = 15 + Math.floor(random() * 40);
    for (let index = 0; index < joins; index += 1) {
      customer += 1;
      for (let later = month; later < 60; later += 1) {
        if (later > month && random() > 0.55 - (later - month) * 0.01) continue;
        const year = 2020 + Math.floor(later / 12);
        const day = 1 + Math.floor(random() * 28);
        lines.push(
          `k${customer},${year}-${String((later % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')},${(10 + random() * 90).toFixed(2)}`,
        );
      }
    }
  }
  return Buffer.from(lines.join('\n'));
}

describe('cohorts', () => {
  it('switches views and breakdowns, and exports PNG, CSV and XLSX', async () => {
    session = await openApp({ locale: 'nl-NL', width: 1280, height: 900 });
    const { page } = session;
    await openCohorts(page, 'online_retail.csv', readShared('online_retail_sample_10pct.csv'));
    const rows = page.locator('table[role="grid"] tbody tr');
    await expect(rows.count()).resolves.toBe(13);
    await page.screenshot({ path: `${screenshots}cohorts-12-nl.png`, fullPage: true });
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    await page.getByLabel('Tellen als').selectOption('rolling');
    await page.getByLabel('Vakken tonen').selectOption('count');
    await expect(rows.first().locator('td').first().textContent()).resolves.toMatch(/^\s*\d+\s*$/);
    await page.getByLabel('Vakken tonen').selectOption('share');
    await page.getByLabel('Tellen als').selectOption('classic');

    await page.getByLabel('Uitsplitsen').selectOption({ label: 'vergelijk per Country' });
    await page.locator('#compare-heading').waitFor();
    await expect(page.locator('section.compare tbody tr').count()).resolves.toBeGreaterThan(3);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByLabel('Uitsplitsen').selectOption({ label: 'alle klanten' });
    await page.locator('#compare-heading').waitFor({ state: 'detached' });

    const png = await downloadFrom(page, () =>
      page.getByRole('button', { name: 'Afbeelding (PNG)' }).first().click(),
    );
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThanOrEqual(1000);
    expect(height).toBeGreaterThanOrEqual(600);
    const inked = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context?.drawImage(bitmap, 0, 0);
      const pixels = context?.getImageData(0, 0, bitmap.width, bitmap.height).data ?? [];
      let dark = 0;
      for (let index = 0; index < pixels.length; index += 4) if (pixels[index] < 200) dark += 1;
      return dark / (bitmap.width * bitmap.height);
    }, png.toString('base64'));
    expect(inked).toBeGreaterThan(0.05);

    const csv = (
      await downloadFrom(page, () =>
        page.getByRole('button', { name: 'CSV', exact: true }).first().click(),
      )
    ).toString('utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].startsWith('Cohort;Klanten;Maand 0;Maand 1')).toBe(true);
    expect(lines).toHaveLength(15);
    expect(lines[1].split(';').slice(0, 3)).toEqual(['2010-12', '93', '100']);

    const xlsx = await downloadFrom(page, () =>
      page.getByRole('button', { name: 'Excel', exact: true }).first().click(),
    );
    const book = XLSX.read(xlsx, { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0]];
    expect(sheet.A2?.v).toBe('2010-12');
    expect(sheet.B2?.t).toBe('n');
    expect(sheet.B2?.v).toBe(93);
    expect(sheet.C2?.v).toBe(100);

    // A cell opens the list of its customers.
    await rows.nth(0).locator('td').nth(1).click();
    await page.locator('#customers-heading').waitFor();
    await expect(page.locator('section.customers tbody tr').count()).resolves.toBeGreaterThan(0);
  });

  it('prints a one-page report with the figures, the heatmap and the worked example', async () => {
    session = await openApp({ locale: 'en-GB' });
    const { page } = session;
    await page.locator('input[type=file]').setInputFiles({
      name: 'online_retail.csv',
      mimeType: 'text/csv',
      buffer: readShared('online_retail_sample_10pct.csv'),
    });
    await page.getByRole('button', { name: 'Looks right, analyse' }).click();
    await page.locator('[data-card="crr"]').waitFor();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await page.emulateMedia({ media: 'print' });
    const report = page.locator('.print-root');
    await expect(report.isVisible()).resolves.toBe(true);
    await expect(page.locator('main').isVisible()).resolves.toBe(false);
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('Customer retention (CRR)');
    expect(text).toMatch(/\(\s*\(\s*[\d,]+\s*−\s*[\d,]+\s*\)\s*÷\s*[\d,]+\s*\)\s*×\s*100/);
    await expect(
      report.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth),
    ).resolves.toBeGreaterThan(500);
    await page.pdf?.({ path: `${screenshots}report.pdf` }).catch(() => undefined);
    await page.screenshot({ path: `${screenshots}print-en.png`, fullPage: true });
  });

  it('keeps 60 cohorts readable', async () => {
    session = await openApp({ locale: 'nl-NL', width: 1280, height: 900 });
    const { page } = session;
    await openCohorts(page, 'zestig-maanden.csv', sixtyMonths());
    await expect(page.locator('table[role="grid"] tbody tr').count()).resolves.toBe(60);
    await page.screenshot({ path: `${screenshots}cohorts-60-nl.png`, fullPage: false });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: `${screenshots}cohorts-60-phone.png`, fullPage: false });
  });
});
