/**
 * Cell contents that look like HTML or script stay text everywhere: in the mapping preview, the
 * customer lists, and the exports. Nothing runs, and the CSP reports no violation.
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

const payloads = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload=window.__pwned=3>',
  'javascript:window.__pwned=4',
  '=HYPERLINK("http://example.com","klik")',
];

it('shows HTML and script payloads as text and runs none of them', async () => {
  session = await openApp({ locale: 'nl-NL' });
  const { page } = session;
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const rows = payloads.flatMap((payload, index) => [
    `"${payload.replace(/"/g, '""')}";0${index + 1}-01-2024;10,00;"${payload.replace(/"/g, '""')}"`,
    `"${payload.replace(/"/g, '""')}";0${index + 1}-03-2024;5,00;"${payload.replace(/"/g, '""')}"`,
  ]);
  const csv = ['Klant;Datum;Bedrag;Kanaal', ...rows].join('\n');
  await page.locator('input[type=file]').setInputFiles({
    name: '<b>bestand</b>.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('heading', { name: 'Zo lezen we <b>bestand</b>.csv' }).waitFor();
  await expect(page.getByText(payloads[0], { exact: true }).first().isVisible()).resolves.toBe(
    true,
  );
  await page.getByRole('button', { name: 'Klopt, analyseer' }).click();
  await page.getByLabel('Per', { exact: true }).selectOption('quarter');
  await page.locator('[data-card="start"]').click();
  await page.locator('section.explain').waitFor();
  await page.locator('[data-card="end"]').click();
  await page.locator('section.customers').waitFor();
  const keys = await page.locator('section.customers tbody th').allTextContents();
  expect(keys.sort()).toEqual([...payloads].sort());
  await expect(
    page.evaluate(() => (window as { __pwned?: number }).__pwned),
  ).resolves.toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload]').count()).resolves.toBe(0);
  expect(dialogs).toEqual([]);

  const download = page.waitForEvent('download');
  await page.locator('section.customers').getByRole('button', { name: 'CSV', exact: true }).click();
  const chunks = await (await (await download).createReadStream()).toArray();
  const exported = Buffer.concat(chunks).toString('utf8');
  // The formula is escaped with a leading apostrophe and quoted because it holds quotes.
  expect(exported).toContain(`"'=HYPERLINK(""http://example.com"",""klik"")"`);
  expect(exported).not.toMatch(/\r\n=HYPERLINK/);
});
