import { expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import App from '../../src/lib/ui/App.svelte';

it('renders the app in Chromium', async () => {
  const screen = await render(App);
  await expect.element(screen.getByRole('heading', { level: 1 })).toBeVisible();
});
