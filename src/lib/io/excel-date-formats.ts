/**
 * Which number formats of a workbook are calendar dates, shared by the two readers of worksheet
 * cells (SheetJS' in read-excel.ts and the scanner in xlsx-scanner.ts).
 */
import * as XLSX from 'xlsx';

/**
 * Which number formats are calendar dates. SheetJS' SSF.is_date also says yes to time-only and
 * duration formats (`h:mm AM/PM`, `[h]:mm:ss`); those hold times of day or durations, not days,
 * so they stay numbers. A format is a date when, outside quoted text, brackets and escapes, it
 * has a day, year or era code, or a month name (`mmm`). Cached: a sheet has few formats, and
 * the cells of a column mostly share one format string, so the last answer is kept at hand.
 */
export class DateFormatCache {
  private readonly known = new Map<string, boolean>();
  private lastFormat: unknown = undefined;
  private lastAnswer = false;

  isDate(format: unknown): boolean {
    if (format === this.lastFormat) return this.lastAnswer;
    const text = String(format);
    let answer = this.known.get(text);
    if (answer === undefined) {
      answer = isCalendarFormat(text);
      this.known.set(text, answer);
    }
    this.lastFormat = format;
    this.lastAnswer = answer;
    return answer;
  }
}

function isCalendarFormat(format: string): boolean {
  if (!XLSX.SSF.is_date(format)) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/AM\/PM|A\/P/gi, '');
  return /[dyeg]|mmm/i.test(bare);
}
