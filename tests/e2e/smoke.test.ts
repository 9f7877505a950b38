import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type Session } from './browser.ts';

let session: Session;
beforeAll(async () => {
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
});

it('serves the built app with a CSP and no foreign requests', async () => {
  await session.page.getByRole('heading', { level: 1 }).waitFor();
  const csp = await session.page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(session.foreignRequests).toEqual([]);
  expect(session.problems).toEqual([]);
});
