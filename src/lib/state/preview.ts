/**
 * The mapping screen's preview: each of the first data rows beside what it will be read as,
 * computed by the same ingest code that later reads the whole file.
 */
import { firstDataRow, type Mapping } from '../core/ingest/detect.ts';
import type { IngestResult, SkipReason } from '../core/ingest/ingest.ts';
import { cellText, isExcelDate, rowsTable, type RawCell } from '../core/ingest/raw-table.ts';
import { NO_DAY } from '../core/model/dataset.ts';
import { epochDay, excelSerialDay, isoDate } from '../core/model/days.ts';
import { previewDataRows, type SheetOverview } from '../io/engine-protocol.ts';

/** Today as an epoch day in the user's calendar: the reference day of snapshot exports. */
export function today(): number {
  const now = new Date();
  return epochDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** One row of the mapping preview: the raw text beside what it will be read as. */
export interface PreviewRow {
  readonly rowNumber: number;
  readonly cells: readonly string[];
  readonly read:
    | {
        readonly customer: string;
        readonly day: number | null;
        readonly endDay: number | null;
        readonly amount: number | null;
        readonly refund: boolean;
      }
    | { readonly skipped: SkipReason }
    /** The mapping cannot be used at all (no customer column, …): nothing to show per row. */
    | null;
}

/** A cell as the user saw it in the sheet: Excel dates as dates, not as serial numbers. */
function displayCell(cell: RawCell | undefined, date1904: boolean): string {
  if (cell !== undefined && isExcelDate(cell)) {
    return isoDate(excelSerialDay(cell.excelSerial, date1904));
  }
  return cellText(cell);
}

export function previewRows(
  sheet: SheetOverview,
  mapping: Mapping,
  result: IngestResult,
): PreviewRow[] {
  const rows: PreviewRow[] = [];
  const usedAt = new Map<number, number>();
  const skippedAt = new Map<number, SkipReason>();
  if (result.ok) {
    result.dataset.sourceRow.forEach((rowNumber, index) => usedAt.set(rowNumber, index));
    for (const problem of result.skippedRows) skippedAt.set(problem.row, problem.code);
  }
  const columns = sheet.detection.columnCount;
  for (
    let index = firstDataRow(rowsTable(sheet.previewRows), mapping.headerRow);
    index < sheet.previewRows.length && rows.length < previewDataRows;
    index += 1
  ) {
    const raw = sheet.previewRows[index];
    const cells = Array.from({ length: columns }, (_, column) =>
      displayCell(raw[column], sheet.date1904),
    );
    if (cells.every((cell) => cell === '')) continue;
    const rowNumber = index + 1;
    const used = usedAt.get(rowNumber);
    const skipped = skippedAt.get(rowNumber);
    if (result.ok && used !== undefined) {
      const { dataset } = result;
      const end = dataset.endDay?.[used] ?? NO_DAY;
      rows.push({
        rowNumber,
        cells,
        read: {
          customer: dataset.customerKeys[dataset.customer[used]],
          day: dataset.day[used] === NO_DAY ? null : dataset.day[used],
          endDay: end === NO_DAY ? null : end,
          amount: dataset.amount ? dataset.amount[used] : null,
          refund: dataset.refund[used] === 1,
        },
      });
    } else {
      rows.push({ rowNumber, cells, read: skipped ? { skipped } : null });
    }
  }
  return rows;
}
