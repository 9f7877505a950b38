/** Files for end-to-end tests: the shared real data, and small workbooks made on the fly. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import { sharedData } from '../shared-data.ts';

export { sharedData };

export function shared(path: string): string {
  return resolve(sharedData, path);
}

/**
 * A two-sheet workbook of a Dutch shop: real Excel dates (serial numbers with a date format) on
 * the sheet "Bestellingen", and a notes sheet that holds no table.
 */
export function dutchWorkbook(): Buffer {
  const rows: (string | number | Date)[][] = [
    ['Bestellingen 2024', '', '', ''],
    [],
    ['Klantnummer', 'Besteldatum', 'Totaal', 'Kanaal'],
  ];
  const customers = ['K001', 'K002', 'K003', 'K004', 'K005'];
  for (let month = 0; month < 6; month += 1) {
    customers.forEach((customer, index) => {
      if ((index + month) % 3 === 2) return;
      rows.push([
        customer,
        new Date(Date.UTC(2024, month, 3 + index)),
        10 + index * 2.5,
        index % 2 ? 'Webshop' : 'Winkel',
      ]);
    });
  }
  const book = XLSX.utils.book_new();
  const orders = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: 'dd-mm-yyyy' });
  XLSX.utils.book_append_sheet(book, orders, 'Bestellingen');
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([['Notities'], ['Geëxporteerd uit de kassa']]),
    'Notities',
  );
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** Drops a file on the drop zone the way a browser does: a drop event carrying a File. */
export async function dropFile(
  page: Page,
  zoneLabel: RegExp,
  name: string,
  bytes: Buffer,
): Promise<void> {
  const zone = page.getByRole('region', { name: zoneLabel });
  const dataTransfer = await page.evaluateHandle(
    ({ fileName, base64 }) => {
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let index = 0; index < binary.length; index += 1) data[index] = binary.charCodeAt(index);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], fileName));
      return transfer;
    },
    { fileName: name, base64: bytes.toString('base64') },
  );
  await zone.dispatchEvent('drop', { dataTransfer });
}

export function readShared(path: string): Buffer {
  return readFileSync(shared(path));
}
