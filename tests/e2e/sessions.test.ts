/**
 * Sessions that are never lost: restored after a reload, saved from two tabs at once, kept when
 * the browser refuses to store more, and brought back from a backup after storage is cleared.
 */
import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './browser.ts';
import { readShared } from './files.ts';

let session: Session | undefined;
afterEach(async () => {
  if (session) {
    expect(session.foreignRequests).toEqual([]);
    expect(session.problems).toEqual([]);
    await session.close();
  }
  session = undefined;
});

async function analyseSample(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Probeer met voorbeelddata' }).click();
  await page.getByRole('button', { name: 'Klopt, analyseer' }).click();
  const card = page.locator('[data-card="crr"] .value');
  await card.waitFor();
  return (await card.textContent()) ?? '';
}

async function sessionNames(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Eerdere analyses' }).click();
  await page.getByRole('heading', { name: 'Eerdere analyses', level: 1 }).waitFor();
  await page.waitForTimeout(300);
  // A sample session carries a "Voorbeeld" badge beside its name.
  return (await page.locator('h2.name').allTextContents()).map((name) =>
    name.replace(/\s*Voorbeeld\s*$/, '').trim(),
  );
}

it('restores the last analysis after a reload, with its settings', async () => {
  session = await openApp({ locale: 'nl-NL' });
  const { page } = session;
  await analyseSample(page);
  await page.getByLabel('Per', { exact: true }).selectOption('quarter');
  await page.locator('#overview-heading .period').filter({ hasText: 'Q' }).waitFor();
  const crr = await page.locator('[data-card="crr"] .value').textContent();
  await page.reload();
  await page.locator('[data-card="crr"] .value').waitFor();
  await expect(page.getByLabel('Per', { exact: true }).inputValue()).resolves.toBe('quarter');
  await expect(page.locator('[data-card="crr"] .value').textContent()).resolves.toBe(crr);

  // The screen's choices come back too: the open tab and how the cohorts are shown.
  await page.getByRole('button', { name: 'Cohorten' }).click();
  await page.getByLabel('Vakken tonen').selectOption('count');
  await page.waitForTimeout(300);
  await page.reload();
  await page.locator('table[role="grid"]').waitFor();
  await expect(page.getByLabel('Vakken tonen').inputValue()).resolves.toBe('count');
  expect(await sessionNames(page)).toEqual(['voorbeeld-webwinkel-bestellingen.csv']);
});

it('changes the columns of a fresh import (its file read again) and says how for a reopened one', async () => {
  session = await openApp({ locale: 'nl-NL' });
  const { page } = session;
  const crr = await analyseSample(page);
  // The worker let go of the file's text after the import: confirming the columns reads it again.
  await page.getByRole('button', { name: 'Ingelezen bestand' }).click();
  await page.getByRole('button', { name: 'Kolommen aanpassen' }).click();
  await page.getByRole('button', { name: 'Klopt, analyseer' }).click();
  await expect(page.locator('[data-card="crr"] .value').textContent()).resolves.toBe(crr);
  // A session reopened from the browser holds the rows, not the file.
  await page.reload();
  await page.locator('[data-card="crr"] .value').waitFor();
  await page.getByRole('button', { name: 'Ingelezen bestand' }).click();
  await page.getByText('Lees het bestand dan opnieuw in').waitFor();
  expect(await page.getByRole('button', { name: 'Kolommen aanpassen' }).count()).toBe(0);
});

it('keeps the sessions of two tabs that save at the same time', async () => {
  session = await openApp({ locale: 'nl-NL' });
  const second = await session.context.newPage();
  await second.goto(`${session.baseUrl}/`);
  await Promise.all([
    analyseSample(session.page),
    (async () => {
      await second.locator('input[type=file]').setInputFiles({
        name: 'cdnow.txt',
        mimeType: 'text/plain',
        buffer: readShared('CDNOW_sample.txt'),
      });
      await second.getByRole('button', { name: 'Klopt, analyseer' }).click();
      await second.locator('[data-card="crr"]').waitFor();
    })(),
  ]);
  const names = await sessionNames(session.page);
  expect(names.sort()).toEqual(['cdnow.txt', 'voorbeeld-webwinkel-bestellingen.csv']);
  await second.close();
});

it('tells the user when the browser refuses to store, and keeps working in memory', async () => {
  session = await openApp({ locale: 'nl-NL' });
  const { page, context, baseUrl } = session;
  const cdp = await context.newCDPSession(page);
  // Chromium applies an overridden quota when the origin's database is first created; later
  // writes to an open database are not re-checked, so the refusal is forced before any save.
  // That nothing saved is damaged by a failed write is tested on the store itself.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseUrl, quotaSize: 1 });
  const crr = await analyseSample(page);
  expect(crr).toMatch(/%$/);
  await expect(
    page
      .getByText(/Je browser heeft geen ruimte meer om analyses te bewaren/)
      .first()
      .isVisible(),
  ).resolves.toBe(true);
  await page.getByLabel('Per', { exact: true }).selectOption('quarter');
  await page.locator('#overview-heading .period').filter({ hasText: 'Q' }).waitFor();
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: baseUrl });
});

it('restores everything from a backup after storage was cleared', async () => {
  session = await openApp({ locale: 'nl-NL' });
  const { page, context, baseUrl } = session;
  await analyseSample(page);
  await sessionNames(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Reservekopie maken' }).first().click();
  const backup = await download;
  const chunks = await (await backup.createReadStream()).toArray();
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('BEHOUDBK');

  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl, storageTypes: 'indexeddb' });
  await page.reload();
  expect(await sessionNames(page)).toEqual([]);
  await page.locator('input[type=file]').last().setInputFiles({
    name: backup.suggestedFilename(),
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  await page.locator('h2.name').first().waitFor();
  expect(await sessionNames(page)).toEqual(['voorbeeld-webwinkel-bestellingen.csv']);
  await page
    .getByRole('button', { name: /Openen/ })
    .first()
    .click();
  await page.locator('[data-card="crr"]').waitFor();
});
