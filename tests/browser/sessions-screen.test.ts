import { expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import type { SessionMeta } from '../../src/lib/io/session-store.ts';
import { sessionEn, sessionNl } from '../../src/lib/i18n/session-messages.ts';
import SessionsScreen from '../../src/lib/ui/sessions/SessionsScreen.svelte';

const sessions: SessionMeta[] = [
  {
    id: 'shop',
    name: 'Webwinkel 2024',
    kind: 'orders',
    rows: 12_345,
    customers: 1_234,
    dateRange: { from: 19_723, to: 20_088 },
    createdAt: Date.UTC(2025, 0, 2, 9),
    lastOpenedAt: Date.UTC(2025, 0, 3, 9),
    savedAt: Date.UTC(2025, 0, 3, 9),
    fileName: 'bestellingen.csv',
    isSample: false,
    revision: 3,
  },
  {
    id: 'gym',
    name: 'Sportschool',
    kind: 'lists',
    rows: 80,
    customers: 75,
    dateRange: null,
    createdAt: Date.UTC(2024, 11, 1, 9),
    lastOpenedAt: Date.UTC(2024, 11, 1, 9),
    savedAt: Date.UTC(2024, 11, 1, 9),
    fileName: 'leden.xlsx',
    isSample: true,
    revision: 1,
  },
];

function callbacks() {
  return {
    onOpen: vi.fn(),
    onRename: vi.fn(),
    onDuplicate: vi.fn(),
    onDelete: vi.fn(),
    onUndo: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    onDismissProblem: vi.fn(),
    onDismissImport: vi.fn(),
  };
}

it('lists the sessions with their figures and opens one', async () => {
  const on = callbacks();
  const screen = await render(SessionsScreen, {
    props: { labels: sessionNl, language: 'nl', sessions, lastBackupAt: null, ...on },
  });
  await expect.element(screen.getByRole('heading', { name: 'Eerdere analyses' })).toBeVisible();
  const items = screen.getByRole('listitem');
  expect(items.elements()).toHaveLength(2);
  await expect.element(items.nth(0)).toHaveTextContent('12.345');
  await expect.element(items.nth(0)).toHaveTextContent('1 jan 2024 t/m 31 dec 2024');
  await expect.element(items.nth(1)).toHaveTextContent('geen datums');
  await expect.element(items.nth(1)).toHaveTextContent('Voorbeeld');
  await expect.element(screen.getByText('Je hebt nog geen reservekopie gemaakt.')).toBeVisible();

  await screen.getByRole('button', { name: 'Openen: Sportschool' }).click();
  expect(on.onOpen).toHaveBeenCalledWith('gym');
  await screen.getByRole('button', { name: 'Kopie maken: Webwinkel 2024' }).click();
  expect(on.onDuplicate).toHaveBeenCalledWith('shop', 'Webwinkel 2024 (kopie)');
  await screen.getByRole('button', { name: 'Reservekopie: Webwinkel 2024' }).click();
  expect(on.onExport).toHaveBeenLastCalledWith(['shop']);
  await screen.getByRole('button', { name: 'Reservekopie maken' }).click();
  expect(on.onExport).toHaveBeenLastCalledWith();
});

it('renames with the keyboard only: Enter saves, Escape cancels', async () => {
  const on = callbacks();
  const screen = await render(SessionsScreen, {
    props: { labels: sessionNl, language: 'nl', sessions, ...on },
  });
  const renameButton = screen.getByRole('button', { name: 'Naam wijzigen: Webwinkel 2024' });
  await renameButton.click();
  const field = screen.getByRole('textbox', { name: 'Nieuwe naam' });
  await expect.element(field).toHaveFocus();
  await expect.element(field).toHaveValue('Webwinkel 2024');
  // The text is selected, so typing replaces it.
  await userEvent.keyboard('Webwinkel Q1{Enter}');
  expect(on.onRename).toHaveBeenCalledWith('shop', 'Webwinkel Q1');
  await expect.element(field).not.toBeInTheDocument();
  await expect.element(renameButton).toHaveFocus();

  await userEvent.keyboard('{Enter}');
  await expect.element(field).toHaveFocus();
  await userEvent.keyboard('Weg ermee{Escape}');
  await expect.element(field).not.toBeInTheDocument();
  await expect.element(renameButton).toHaveFocus();
  expect(on.onRename).toHaveBeenCalledTimes(1);

  // A blank name keeps the old one.
  await userEvent.keyboard('{Enter}');
  await userEvent.keyboard('   {Enter}');
  expect(on.onRename).toHaveBeenCalledTimes(1);
});

it('deletes, then offers an undo', async () => {
  const on = callbacks();
  const screen = await render(SessionsScreen, {
    props: { labels: sessionEn, language: 'en', sessions, ...on },
  });
  await screen.getByRole('button', { name: 'Delete: Sportschool' }).click();
  expect(on.onDelete).toHaveBeenCalledWith('gym');

  await screen.rerender({ sessions: sessions.slice(0, 1), deletedName: 'Sportschool' });
  await expect.element(screen.getByRole('status')).toHaveTextContent('“Sportschool” was deleted.');
  await screen.getByRole('button', { name: 'Undo' }).click();
  expect(on.onUndo).toHaveBeenCalledTimes(1);
});

it('explains a storage problem and hands over a chosen backup file', async () => {
  const on = callbacks();
  const screen = await render(SessionsScreen, {
    props: {
      labels: sessionNl,
      language: 'nl',
      sessions: [],
      problem: 'quota-exceeded',
      importOutcome: { imported: 2, skipped: 1 },
      lastBackupAt: Date.UTC(2025, 4, 1, 12),
      ...on,
    },
  });
  await expect
    .element(screen.getByText(/Je browser heeft geen ruimte meer om analyses te bewaren\./))
    .toBeVisible();
  await expect
    .element(screen.getByText(/2 analyses teruggezet\. 1 analyse stond er al/))
    .toBeVisible();
  await expect.element(screen.getByText(/^Laatste reservekopie: 1 mei 2025/)).toBeVisible();
  await expect.element(screen.getByRole('button', { name: 'Reservekopie maken' })).toBeDisabled();

  const file = new File([new Uint8Array([1, 2, 3])], 'behoud-2025-05-01.behoud');
  await screen.getByLabelText('Reservekopie terugzetten').upload(file);
  expect(on.onImport).toHaveBeenCalledTimes(1);
  expect((on.onImport.mock.calls[0][0] as File).name).toBe('behoud-2025-05-01.behoud');
});
