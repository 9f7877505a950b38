/**
 * axe-core on every screen, in the real browser: start, mapping, overview with a worked example
 * open, the imported-file summary, and the calculator, at desktop and phone widths.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
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

/** The violations axe finds, as "rule: selector" lines, so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  );
}

describe.each([
  { width: 1280, height: 900 },
  { width: 360, height: 780 },
])('axe at $width px', ({ width, height }) => {
  it('finds no violations on any screen', async () => {
    session = await openApp({ locale: 'nl-NL', width, height });
    const { page } = session;
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Probeer met voorbeelddata' }).click();
    await page.getByRole('button', { name: 'Klopt, analyseer' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Klopt, analyseer' }).click();
    await page.locator('[data-card="crr"]').click();
    await page.locator('section.explain').waitFor();
    await page
      .locator('section.explain')
      .getByRole('button', { name: /Verloren klanten/ })
      .click();
    await page.locator('section.customers').waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ingelezen bestand' }).click();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Rekenhulp' }).click();
    expect(await violations(page)).toEqual([]);
  });
});
