/**
 * Run by excel-time-zones.test.ts in child processes with different TZ settings: prints every
 * cell of the date test workbooks, with date cells as the calendar day the core will compute.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from '../../src/lib/io/read-file.ts';
import { isExcelDate } from '../../src/lib/core/ingest/raw-table.ts';
import { excelSerialDay, isoDate } from '../../src/lib/core/model/days.ts';
import { sharedData } from '../shared-data.ts';
import { allRows } from '../../src/lib/core/ingest/raw-table.ts';

const dir = `${sharedData}/bad-inputs`;
const files = [
  'xlsx/sheetjs/1904__1900.xlsx',
  'xlsx/sheetjs/1904__1904.xlsx',
  'xls/sheetjs/1904__1904.xls',
  'xlsx/sheetjs/xlsx-stream-d-date-cell.xlsx',
  'xlsx/sheetjs/DataTypesFormats.xlsx',
  'xlsx/csvkit/sheets.xlsx',
  'xlsx/sheetjs/ErrorTypes.xlsx',
];
const out: Record<string, unknown> = { tz: Intl.DateTimeFormat().resolvedOptions().timeZone };
for (const file of files) {
  const result = readFile(new Uint8Array(readFileSync(join(dir, file))), file);
  out[file] = result.ok
    ? result.sheets.map((sheet) =>
        allRows(sheet.table).map((row) =>
          row.map((cell) =>
            isExcelDate(cell)
              ? `${isoDate(excelSerialDay(cell.excelSerial, sheet.table.date1904))} (${cell.excelSerial})`
              : cell,
          ),
        ),
      )
    : result.code;
}
// XML Spreadsheet 2003 stores DateTime as text that SheetJS converts itself.
const xml =
  '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" ' +
  'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles><Style ss:ID="d">' +
  '<NumberFormat ss:Format="Short Date"/></Style></Styles><Worksheet ss:Name="S"><Table><Row>' +
  '<Cell ss:StyleID="d"><Data ss:Type="DateTime">2024-03-31T23:30:00.000</Data></Cell>' +
  '</Row></Table></Worksheet></Workbook>';
const spreadsheetMl = readFile(new TextEncoder().encode(xml), 'x.xml');
out.spreadsheetMl = spreadsheetMl.ok ? allRows(spreadsheetMl.sheets[0].table) : spreadsheetMl.code;
process.stdout.write(JSON.stringify(out));
