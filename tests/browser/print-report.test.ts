// Brings in Playwright's typing of cdp().send (the provider the browser project runs on).
/// <reference types="@vitest/browser-playwright" />
import { afterEach, expect, it, vi } from 'vitest';
import { cdp } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import PrintReport, { printReport } from '../../src/lib/ui/print/PrintReport.svelte';
import { canvasPng } from '../../src/lib/io/export-png.ts';

const labels = { figures: 'Kerncijfers', example: 'Zo is het berekend', definitions: 'Begrippen' };
const figures = [
  { label: 'Klantretentie', value: '91,7%' },
  { label: 'Klantverloop', value: '8,3%' },
  { label: '<b>Klanten</b>', value: '1.234' },
];
const example = {
  formula: 'CRR = (E − N) / S',
  withNumbers: 'CRR = (130 − 20) / 120',
  steps: ['130 − 20 = 110', '110 / 120 = 91,7%'],
  definitions: ['S: klanten aan het begin', 'E: klanten aan het eind', 'N: nieuwe klanten'],
};

/** Switches the page to print media (Chrome DevTools Protocol), as the print dialog would. */
async function emulate(media: 'print' | ''): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { media });
}

const created: Element[] = [];
/** Page content around the report: what printing must leave out. */
function pageAround(): { header: HTMLElement; aside: HTMLElement; button: HTMLElement } {
  const header = document.createElement('header');
  header.textContent = 'Behoud — navigatie';
  const aside = document.createElement('aside');
  aside.textContent = 'Tabel';
  const button = document.createElement('button');
  button.className = 'no-print';
  button.textContent = 'Afdrukken';
  document.body.prepend(header, aside, button);
  created.push(header, aside, button);
  return { header, aside, button };
}

afterEach(async () => {
  await emulate('');
  created.splice(0).forEach((element) => element.remove());
});

const display = (element: Element) => getComputedStyle(element).display;

it('renders the title, period, figures, picture, worked example and footer as text', async () => {
  const blob = await canvasPng(
    (context) => {
      context.fillStyle = '#0072B2';
      context.fillRect(0, 0, 40, 20);
    },
    { width: 80, height: 40 },
  );
  const src = URL.createObjectURL(blob);
  const screen = await render(PrintReport, {
    props: {
      title: 'Klantbehoud <script>alert(1)</script>',
      period: 'Januari – juni 2024',
      figures,
      labels,
      image: { src, alt: 'Klantretentie per maand' },
      example,
      footer: 'Gemaakt met Behoud op 3 maart 2025',
    },
  });
  const root = screen.container.querySelector('.print-root') as HTMLElement;
  expect(root).not.toBeNull();
  expect(root.querySelector('h1')?.textContent).toBe('Klantbehoud <script>alert(1)</script>');
  expect(root.querySelector('script')).toBeNull();
  expect(root.querySelector('.period')?.textContent).toBe('Januari – juni 2024');

  const terms = [...root.querySelectorAll('dt')].map((node) => node.textContent);
  const values = [...root.querySelectorAll('dd')].map((node) => node.textContent);
  expect(terms).toEqual(['Klantretentie', 'Klantverloop', '<b>Klanten</b>']);
  expect(values).toEqual(['91,7%', '8,3%', '1.234']);
  expect(root.querySelector('dt b')).toBeNull();

  const img = root.querySelector('img') as HTMLImageElement;
  expect(img.getAttribute('src')).toBe(src);
  expect(img.alt).toBe('Klantretentie per maand');
  await img.decode();
  expect([img.naturalWidth, img.naturalHeight]).toEqual([160, 80]);

  expect([...root.querySelectorAll('.formula')].map((node) => node.textContent)).toEqual([
    'CRR = (E − N) / S',
    'CRR = (130 − 20) / 120',
  ]);
  expect([...root.querySelectorAll('.steps li')].map((node) => node.textContent)).toEqual(
    example.steps,
  );
  expect([...root.querySelectorAll('.definitions li')].map((node) => node.textContent)).toEqual(
    example.definitions,
  );
  expect(root.querySelector('h3')?.textContent).toBe('Begrippen');
  expect(root.querySelector('.foot')?.textContent).toBe('Gemaakt met Behoud op 3 maart 2025');
  expect(root.querySelector('[style]')).toBeNull();
  URL.revokeObjectURL(src);
});

it('leaves out the picture and the example when not given', async () => {
  const screen = await render(PrintReport, {
    props: { title: 'Rapport', period: '2024', figures, labels },
  });
  const root = screen.container.querySelector('.print-root') as HTMLElement;
  expect(root.querySelector('img')).toBeNull();
  expect(root.querySelector('.example')).toBeNull();
  expect(root.querySelector('.foot')).toBeNull();
  expect(root.querySelectorAll('dd')).toHaveLength(3);
});

it('is hidden on screen unless previewed', async () => {
  const hidden = await render(PrintReport, {
    props: { title: 'Rapport', period: '2024', figures, labels },
  });
  expect(display(hidden.container.querySelector('.print-root') as Element)).toBe('none');
  await hidden.unmount();

  const shown = await render(PrintReport, {
    props: { title: 'Rapport', period: '2024', figures, labels, preview: true },
  });
  expect(display(shown.container.querySelector('.print-root') as Element)).toBe('block');
});

it('prints the report alone, its ancestors without boxes, and hides .no-print', async () => {
  const { header, aside, button } = pageAround();
  const screen = await render(PrintReport, {
    props: { title: 'Rapport', period: '2024', figures, labels, example },
  });
  const root = screen.container.querySelector('.print-root') as HTMLElement;
  expect(display(header)).toBe('block');

  await emulate('print');
  expect(matchMedia('print').matches).toBe(true);
  expect(display(root)).toBe('block');
  expect(display(root.querySelector('.figures') as Element)).toBe('grid');
  expect(display(root.querySelector('.steps li') as Element)).toBe('list-item');
  expect(display(header)).toBe('none');
  expect(display(aside)).toBe('none');
  expect(display(button)).toBe('none');
  // The render container (like #app and main in the app) holds the report: no box of its own.
  expect(display(screen.container)).toBe('contents');
  expect(getComputedStyle(root).color).toBe('rgb(0, 0, 0)');
  expect(getComputedStyle(root).breakInside).toBe('auto');
  expect(getComputedStyle(root.querySelector('.block') as Element).breakInside).toBe('avoid');

  await emulate('');
  expect(display(header)).toBe('block');
  expect(display(root)).toBe('none');
});

it('leaves printing alone when no report is in the page', async () => {
  const { header, aside, button } = pageAround();
  await emulate('print');
  expect(display(header)).toBe('block');
  expect(display(aside)).toBe('block');
  expect(display(button)).toBe('none');
});

it('opens the print dialog once the pictures have loaded, broken ones too', async () => {
  const blob = await canvasPng(() => {}, { width: 300, height: 200 });
  const src = URL.createObjectURL(blob);
  const broken = document.createElement('img');
  broken.src = 'blob:nothing-here';
  const screen = await render(PrintReport, {
    props: { title: 'Rapport', period: '2024', figures, labels, image: { src, alt: 'grafiek' } },
  });
  const root = screen.container.querySelector('.print-root') as HTMLElement;
  root.append(broken);
  created.push(broken);
  const img = root.querySelector('img') as HTMLImageElement;
  let loadedAtPrint: boolean | undefined;
  const print = vi.spyOn(window, 'print').mockImplementation(() => {
    loadedAtPrint = img.complete && img.naturalWidth === 600;
  });
  try {
    await printReport();
    expect(print).toHaveBeenCalledTimes(1);
    expect(loadedAtPrint).toBe(true);
  } finally {
    print.mockRestore();
    URL.revokeObjectURL(src);
  }
});
