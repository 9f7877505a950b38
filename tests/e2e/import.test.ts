/**
 * Importing in the real browser: drop a CSV, upload a workbook, paste cells, refuse bad files
 * with one sentence naming the file, and keep the analysis already open.
 */
import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './browser.ts';
import { dropFile, dutchWorkbook, readShared, shared } from './files.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(screenshots, { recursive: true });

/** The summary figures as one line of text, whitespace collapsed. */
async function figuresText(page: Page): Promise<string> {
  return ((await page.locator('dl.figures').textContent()) ?? '').replace(/\s+/g, ' ');
}

let session: Session | undefined;
afterEach(async () => {
  if (session) {
    expect(session.foreignRequests).toEqual([]);
    expect(session.problems).toEqual([]);
    await session.close();
  }
  session = undefined;
});

describe('import', () => {
  it('drops the Online Retail CSV, shows the mapping, and reports 442 customers', async () => {
    session = await openApp({ locale: 'nl-NL' });
    const { page } = session;
    await page.screenshot({ path: `${screenshots}start-nl.png`, fullPage: true });
    await dropFile(
      page,
      /Sleep je bestand/,
      'online_retail_sample_10pct.csv',
      readShared('online_retail_sample_10pct.csv'),
    );
    await page
      .getByRole('heading', { name: 'Zo lezen we online_retail_sample_10pct.csv' })
      .waitFor();
    await expect(page.getByLabel('Betekenis van kolom CustomerID').inputValue()).resolves.toBe(
      'customer',
    );
    await expect(page.getByLabel('Betekenis van kolom InvoiceDate').inputValue()).resolves.toBe(
      'date',
    );
    // The preview reads the first row as a customer, a day and quantity × unit price.
    await expect(page.locator('tbody tr').first().locator('td.read').textContent()).resolves.toBe(
      '17850 · 1 dec 2010 · 15,30',
    );
    await page.screenshot({ path: `${screenshots}mapping-nl.png`, fullPage: true });
    await page.getByRole('button', { name: 'Klopt, analyseer' }).click();
    await page.getByRole('heading', { name: /Klantbehoud/ }).waitFor();
    await page.screenshot({ path: `${screenshots}overview-nl.png`, fullPage: true });
    await page.getByRole('button', { name: 'Ingelezen bestand' }).click();
    const figures = await figuresText(page);
    expect(figures).toContain('Rijen gelezen 47.808');
    expect(figures).toContain('Klanten 442');
    expect(figures).toContain('1 dec 2010 t/m 9 dec 2011');
    await expect(page.getByText('11.430 rijen overgeslagen: geen klant').isVisible()).resolves.toBe(
      true,
    );
    await page.screenshot({ path: `${screenshots}summary-nl.png`, fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Overgeslagen rijen als CSV' }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const csv = Buffer.concat(text).toString('utf8');
    expect(csv.startsWith('\uFEFFrij;reden;waarde\r\n')).toBe(true);
    expect(csv.split('\r\n').filter((line) => line.includes(';geen klant;'))).toHaveLength(11430);
  });

  it('uploads a two-sheet workbook in English, skips its title rows and reads Excel dates', async () => {
    session = await openApp({ locale: 'en-GB' });
    const { page } = session;
    await page.locator('input[type=file]').setInputFiles({
      name: 'kassa.xlsx',
      mimeType: 'application/octet-stream',
      buffer: dutchWorkbook(),
    });
    await page.getByRole('heading', { name: 'How we read kassa.xlsx' }).waitFor();
    await expect(page.getByText('Column names on row 3').isVisible()).resolves.toBe(true);
    await expect(page.locator('tbody tr').first().locator('td.read').textContent()).resolves.toBe(
      'K001 · 3 Jan 2024 · 10.00',
    );
    await page.screenshot({ path: `${screenshots}mapping-en.png`, fullPage: true });
    await page.getByRole('button', { name: 'Looks right, analyse' }).click();
    await page.getByRole('button', { name: 'Imported file' }).click();
    const figures = await figuresText(page);
    expect(figures).toContain('Rows read 20');
    expect(figures).toContain('Customers 5');
    expect(figures).toContain('3 Jan 2024 to 7 Jun 2024');
  });

  it('reads cells pasted from a spreadsheet', async () => {
    session = await openApp({ locale: 'nl-NL' });
    const { page } = session;
    await page.locator('summary', { hasText: 'Of plak cellen uit Excel of Google Sheets' }).click();
    await page
      .getByRole('textbox', { name: 'Of plak cellen uit Excel of Google Sheets' })
      .fill(
        'Klant\tDatum\tBedrag\nAnna\t03-01-2024\t12,50\nBram\t04-01-2024\t7,00\nAnna\t05-02-2024\t3,00',
      );
    await page.getByRole('button', { name: 'Gebruik geplakte cellen' }).click();
    await page.getByRole('heading', { name: 'Zo lezen we geplakte cellen' }).waitFor();
    await expect(page.locator('tbody tr').nth(0).locator('td.read').textContent()).resolves.toBe(
      'Anna · 3 jan 2024 · 12,50',
    );
  });

  it('refuses files that are no spreadsheet with one sentence, and keeps the open analysis', async () => {
    session = await openApp({ locale: 'nl-NL' });
    const { page } = session;
    await dropFile(page, /Sleep je bestand/, 'CDNOW_sample.txt', readShared('CDNOW_sample.txt'));
    await page.getByRole('button', { name: 'Klopt, analyseer' }).click();
    await page.getByRole('heading', { name: /Klantbehoud/ }).waitFor();

    await page.getByRole('button', { name: 'Ander bestand' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles(shared('bad-inputs/ods/sheetjs/1904__1904.ods'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      '1904__1904.ods is een OpenDocument-rekenblad. Sla het bestand op als .xlsx of .csv',
    );
    await page.screenshot({ path: `${screenshots}refused-nl.png`, fullPage: true });

    await page
      .locator('input[type=file]')
      .setInputFiles(shared('bad-inputs/xls/sheetjs/password_2002_40_xor.xls'));
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'password_2002_40_xor.xls is met een wachtwoord beveiligd',
    );
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'leeg.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await expect(page.getByRole('alert').textContent()).resolves.toContain('leeg.csv is leeg');

    // The CDNOW analysis is still there.
    await page.getByRole('button', { name: /Terug naar je analyse/ }).click();
    await page.getByRole('button', { name: 'Ingelezen bestand' }).click();
    expect(await figuresText(page)).toContain('Rijen gelezen 6.919');
  });
});
