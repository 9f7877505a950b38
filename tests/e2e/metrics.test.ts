/**
 * The retention numbers in the real browser, in Dutch and in English: load a file, pick a
 * period, open the CRR worked example, follow it to the lost customers and export them; use the
 * calculator presets; compare two customer lists.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './browser.ts';
import { projectRoot } from '../shared-data.ts';
import { readFile } from '../../src/lib/io/read-file.ts';
import { detect } from '../../src/lib/core/ingest/detect.ts';
import { ingest } from '../../src/lib/core/ingest/ingest.ts';
import { analyze } from '../../src/lib/core/analyze.ts';

const screenshots = new URL('./screenshots/', import.meta.url).pathname;
const sampleName = 'voorbeeld-webwinkel-bestellingen.csv';

/** The quarters of the sample as the engine computes them, to check what the page shows. */
function sampleQuarters() {
  const bytes = readFileSync(`${projectRoot}/public/sample/${sampleName}`);
  const read = readFile(new Uint8Array(bytes), sampleName);
  if (!read.ok) throw new Error(read.code);
  const table = read.sheets[0].table;
  const result = ingest(table, detect(table).mapping);
  if (!result.ok) throw new Error(result.issue);
  return analyze(result.dataset, { unit: 'quarter' }).periods;
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const chunks = await (await (await download).createReadStream()).toArray();
  return Buffer.concat(chunks).toString('utf8');
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

const languages = [
  {
    locale: 'nl-NL',
    sample: 'Probeer met voorbeelddata',
    confirm: 'Klopt, analyseer',
    unit: 'Per',
    quarter: 'kwartaal',
    period: 'Periode',
    lostButton: /Verloren klanten: \d+ klanten/,
    percent: (ratio: number) =>
      new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 2 }).format(ratio),
    header: 'Klant;Eerste aankoop;Laatste aankoop;Aankopen;Omzet',
  },
  {
    locale: 'en-GB',
    sample: 'Try with sample data',
    confirm: 'Looks right, analyse',
    unit: 'Per',
    quarter: 'quarter',
    period: 'Period',
    lostButton: /Lost customers: \d+ customers/,
    percent: (ratio: number) =>
      new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 2 }).format(ratio),
    header: 'Customer,First purchase,Last purchase,Purchases,Revenue',
  },
];

describe.each(languages)('worked example in $locale', (language) => {
  it('follows CRR of a chosen quarter to its lost customers and exports them', async () => {
    const quarters = sampleQuarters();
    const index = quarters.findIndex((row) => row.period === '2024-Q2');
    const row = quarters[index];
    session = await openApp({ locale: language.locale });
    const { page } = session;
    await page.getByRole('button', { name: language.sample }).click();
    await page.getByRole('button', { name: language.confirm }).click();
    await page.getByLabel(language.unit, { exact: true }).selectOption('quarter');
    await page.getByLabel(language.period, { exact: true }).selectOption(String(index));
    await page.locator('[data-card="crr"]').click();
    const panel = page.locator('section.explain');
    await panel.waitFor();
    // Tokens are spaced by CSS, so the text has no spaces between them.
    const numbers = (await panel.locator('p.formula').nth(1).textContent())?.replace(/\s+/g, '');
    const n = (value: number) => value.toLocaleString(language.locale);
    expect(numbers).toContain(`((${n(row.E)}−${n(row.N)})÷${n(row.S)})×100`);
    expect(numbers).toContain(language.percent(row.crr ?? 0));
    await page.screenshot({ path: `${screenshots}explain-${language.locale}.png`, fullPage: true });

    await panel.getByRole('button', { name: language.lostButton }).click();
    const csv = await downloadText(page, () =>
      panel.locator('section.customers').getByRole('button', { name: 'CSV', exact: true }).click(),
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(language.header);
    expect(lines).toHaveLength(row.lost + 1);
  });
});

describe('calculator', () => {
  it('reproduces the articles: 95 % and 70,45 %', async () => {
    session = await openApp({ locale: 'nl-NL' });
    const { page } = session;
    await page.getByRole('button', { name: 'Rekenhulp' }).click();
    await page.getByRole('button', { name: /Voorbeeld 1/ }).click();
    const formula = page.locator('section.explain p.formula').nth(1);
    await expect(formula.textContent()).resolves.toMatch(
      /\(\s*\(\s*240\s*−\s*50\s*\)\s*÷\s*200\s*\)\s*×\s*100\s*=\s*95%/,
    );
    await page.getByRole('button', { name: /Voorbeeld 2/ }).click();
    await expect(formula.textContent()).resolves.toMatch(
      /\(\s*\(\s*430\s*−\s*120\s*\)\s*÷\s*440\s*\)\s*×\s*100\s*≈\s*70,45%/,
    );
    await page.getByLabel('Vertrokken klanten').fill('veel');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Vul hele getallen');
    await page.screenshot({ path: `${screenshots}calculator-nl.png`, fullPage: true });
  });
});

describe('two customer lists', () => {
  it('compares a start list and an end list from two files', async () => {
    session = await openApp({ locale: 'en-GB' });
    const { page } = session;
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: 'january.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Email\na@example.nl\nb@example.nl\nc@example.nl\nd@example.nl\n'),
      });
    await page.getByLabel('Kind of file').selectOption('lists');
    await page.getByLabel('Choose the file with the list at the end').setInputFiles({
      name: 'december.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Email\nB@example.nl\nc@example.nl\nd@example.nl\ne@example.nl\n'),
    });
    await expect(page.getByLabel('List at the end', { exact: true }).inputValue()).resolves.toBe(
      'december',
    );
    await page.getByRole('button', { name: 'Looks right, analyse' }).click();
    const cards = page.locator('ul.cards');
    await cards.waitFor();
    const text = (await cards.textContent())?.replace(/\s+/g, ' ');
    expect(text).toContain('Customer retention (CRR) 75.0%');
    expect(text).toContain('Customers at the start (S) 4');
    expect(text).toContain('New customers (N) 1');
    await page.screenshot({ path: `${screenshots}lists-en.png`, fullPage: true });
  });
});

describe('revenue and prediction tabs', () => {
  it('computes revenue retention when its tab opens and explains NRR; fits the purchase model', async () => {
    session = await openApp({ locale: 'nl-NL' });
    const { page } = session;
    await page.getByRole('button', { name: 'Probeer met voorbeelddata' }).click();
    await page.getByRole('button', { name: 'Klopt, analyseer' }).click();
    await page.locator('[data-card="crr"]').waitFor();
    await page.getByRole('button', { name: 'Omzet en klantwaarde' }).click();
    const nrr = page.locator('section.revenue [data-card="nrr"]');
    await nrr.waitFor();
    await expect(nrr.locator('.value').textContent()).resolves.toMatch(/%$/);
    await nrr.click();
    const panel = page.locator('section.explain');
    await panel.waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toContain('omzetbehoud');
    await page.getByRole('button', { name: 'Voorspelling' }).click();
    await page.locator('#at-risk-heading').waitFor({ timeout: 60_000 });
    const rows = page.locator('section.at-risk tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThan(0);
  });
});
