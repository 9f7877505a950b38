/**
 * Starts Debian's Chromium through playwright-core for end-to-end tests and watches what a privacy
 * promise must rule out: requests to any other origin, and Content-Security-Policy violations.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../chromium.ts';

export interface Session {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly baseUrl: string;
  /** URLs requested from an origin other than the app's own. */
  readonly foreignRequests: string[];
  /** CSP violations and uncaught page errors, as text. */
  readonly problems: string[];
  close(): Promise<void>;
}

export async function openApp(
  options: { locale?: string; width?: number; height?: number } = {},
): Promise<Session> {
  const baseUrl = inject('baseUrl');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true,
  });
  const context = await browser.newContext({
    locale: options.locale ?? 'nl-NL',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`csp: ${message.text()}`);
    }
  });
  await page.goto(`${baseUrl}/`);
  return {
    browser,
    context,
    page,
    baseUrl,
    foreignRequests,
    problems,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}
