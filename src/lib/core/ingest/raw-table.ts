/**
 * A table as a file reader hands it to the core: rows of cells, header row(s) included, nothing
 * interpreted yet. CSV readers give strings; Excel readers give strings, numbers, booleans and
 * date cells as serial numbers (converted to days by the core, so no time zone can shift them).
 */

/** An Excel cell formatted as a date: its serial number, read with the workbook's date system. */
export interface ExcelDate {
  readonly excelSerial: number;
}

export type RawCell = string | number | boolean | ExcelDate | null;

export interface RawTable {
  /** Every row of the sheet or file, in order, the header and any title rows included. */
  readonly rows: readonly (readonly RawCell[])[];
  /** The workbook uses the 1904 date system (Excel for Mac before 2011). */
  readonly date1904: boolean;
}

export interface RawSheet {
  readonly name: string;
  readonly table: RawTable;
}

export function isExcelDate(cell: RawCell): cell is ExcelDate {
  return typeof cell === 'object' && cell !== null && 'excelSerial' in cell;
}

/** The text of a cell as a user would see it typed (trimmed); '' for empty cells. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return String(cell.excelSerial);
}
