/**
 * Tables out as CSV that the user's spreadsheet opens right: in Dutch with ';' between fields and
 * a decimal comma (what Dutch Excel expects), in English with ',' and a decimal point. Text that
 * a spreadsheet would run as a formula is escaped (OWASP "CSV injection").
 */

export type CsvValue = string | number | null;

export interface CsvStyle {
  readonly delimiter: ',' | ';';
  readonly decimal: ',' | '.';
}

export function csvStyle(language: 'nl' | 'en'): CsvStyle {
  return language === 'nl' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };
}

/** Leading characters that make Excel, LibreOffice or Sheets read a cell as a formula. */
const formulaStart = /^[=+\-@\t\r\n]/;

function field(value: CsvValue, style: CsvStyle): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return style.decimal === ',' ? text.replace('.', ',') : text;
  }
  let text = value;
  if (formulaStart.test(text)) text = `'${text}`;
  if (text.includes(style.delimiter) || /["\r\n]/.test(text) || text !== text.trim()) {
    text = `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/**
 * The rows as CSV text with CRLF line ends and a UTF-8 byte-order mark, so that Excel reads
 * accents right.
 * @example toCsv([['klant', 'omzet'], ['=1+1', 12.5]], csvStyle('nl')) === "\uFEFFklant;omzet\r\n'=1+1;12,5\r\n"
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], style: CsvStyle): string {
  return `\uFEFF${rows.map((row) => row.map((value) => field(value, style)).join(style.delimiter)).join('\r\n')}\r\n`;
}

/** Offers a file to the user as a download (no network involved: a blob: URL of our own). */
export function download(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(
  rows: readonly (readonly CsvValue[])[],
  style: CsvStyle,
  fileName: string,
): void {
  download(new Blob([toCsv(rows, style)], { type: 'text/csv;charset=utf-8' }), fileName);
}
