/**
 * Offline use: after the first visit the service worker has the whole app, so it opens, reloads
 * and analyses a file with the network off.
 */
import { afterEach, expect, it } from 'vitest';
import { openApp, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  if (session) {
    expect(session.foreignRequests).toEqual([]);
    expect(session.problems).toEqual([]);
    await session.close();
  }
  session = undefined;
});

it('opens, reloads and analyses the sample with the network off', async () => {
  session = await openApp({ locale: 'nl-NL' });
  const { page, context } = session;
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first visit installs the worker; from the next load on it controls the page.
  await page.reload();
  await expect(page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(
    true,
  );

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Probeer met voorbeelddata' }).click();
  await page.getByRole('button', { name: 'Klopt, analyseer' }).click();
  await page.locator('[data-card="crr"]').waitFor();
  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
  expect(manifest.short_name).toBe('Behoud');
  expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual([
    '192x192',
    '512x512',
    '512x512',
  ]);
  await context.setOffline(false);
});
