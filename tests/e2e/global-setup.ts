/**
 * Builds the app once and serves the production build with `vite preview` on 127.0.0.1, the way a
 * user gets it. The address is handed to the tests through `provide`.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
  server = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('vite preview did not report an address');
  project.provide('baseUrl', address.replace(/\/$/, ''));
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
