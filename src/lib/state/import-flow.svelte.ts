/**
 * One file on its way in: reading (with progress and cancel), the mapping the user confirms, and
 * the import summary. The analysis already open is kept elsewhere and only replaced when this
 * import succeeds, so a bad file never costs the user what they had.
 */
import { detect, firstDataRow, type Mapping } from '../core/ingest/detect.ts';
import { ingest, type IngestResult, type SkipReason } from '../core/ingest/ingest.ts';
import { cellText } from '../core/ingest/raw-table.ts';
import { NO_DAY } from '../core/model/dataset.ts';
import type { ColumnRole } from '../core/ingest/roles.ts';
import { singleRoles } from '../core/ingest/roles.ts';
import { epochDay } from '../core/model/days.ts';
import { EngineClient } from '../io/engine-client.ts';
import {
  previewDataRows,
  type IngestAnswer,
  type ReadAnswer,
  type SheetOverview,
} from '../io/engine-protocol.ts';
import type { ReadFailureCode, ReadProgress } from '../io/read-types.ts';

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

export type ImportStage = 'reading' | 'mapping' | 'ingesting' | 'done';

/** Today as an epoch day in the user's calendar: the reference day of snapshot exports. */
export function today(): number {
  const now = new Date();
  return epochDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export class ImportFlow {
  readonly fileName: string;
  readonly isSample: boolean;
  readonly client: EngineClient;
  stage = $state<ImportStage>('reading');
  progress = $state<ReadProgress | null>(null);
  /** Why reading failed; null while all is well. */
  readFailure = $state<ReadFailureCode | null>(null);
  sheets = $state.raw<readonly SheetOverview[]>([]);
  sheetName = $state('');
  mapping = $state.raw<Mapping | null>(null);
  result = $state.raw<Extract<IngestAnswer, { ok: true }> | null>(null);
  /** Why the confirmed mapping could not be used. */
  mappingIssue = $state<Extract<IngestAnswer, { ok: false }>['issue'] | null>(null);

  constructor(fileName: string, isSample = false) {
    this.fileName = fileName;
    this.isSample = isSample;
    this.client = new EngineClient();
  }

  get sheet(): SheetOverview | undefined {
    return this.sheets.find((sheet) => sheet.name === this.sheetName) ?? this.sheets[0];
  }

  /** The preview rows read with the current mapping, by the same code that reads the whole file. */
  readonly preview: IngestResult | null = $derived.by(() => {
    const sheet = this.sheet;
    if (!sheet || !this.mapping) return null;
    return ingest({ rows: sheet.previewRows, date1904: sheet.date1904 }, this.mapping, {
      referenceDay: today(),
    });
  });

  /** The first data rows, each with how it is read under the current mapping. */
  readonly previewTable: readonly PreviewRow[] = $derived.by(() => {
    const sheet = this.sheet;
    const mapping = this.mapping;
    const result = this.preview;
    if (!sheet || !mapping || !result) return [];
    const rows: PreviewRow[] = [];
    const usedAt = new Map<number, number>();
    const skippedAt = new Map<number, SkipReason>();
    if (result.ok) {
      result.dataset.sourceRow.forEach((rowNumber, index) => usedAt.set(rowNumber, index));
      for (const problem of result.skippedRows) skippedAt.set(problem.row, problem.code);
    }
    const columns = sheet.detection.columnCount;
    for (
      let index = firstDataRow(sheet.previewRows, mapping.headerRow);
      index < sheet.previewRows.length && rows.length < previewDataRows;
      index += 1
    ) {
      const raw = sheet.previewRows[index];
      const cells = Array.from({ length: columns }, (_, column) => cellText(raw[column]));
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
      } else if (skipped) {
        rows.push({ rowNumber, cells, read: { skipped } });
      } else {
        rows.push({ rowNumber, cells, read: null });
      }
    }
    return rows;
  });

  async read(file: Blob): Promise<ReadAnswer> {
    const answer = await this.client.read(file, this.fileName, (progress) => {
      this.progress = progress;
    });
    if (!answer.ok) {
      this.readFailure = answer.code;
      this.client.dispose();
      return answer;
    }
    this.sheets = answer.sheets;
    this.chooseSheet(answer.sheets[0].name);
    this.stage = 'mapping';
    return answer;
  }

  chooseSheet(name: string): void {
    const sheet = this.sheets.find((candidate) => candidate.name === name);
    if (!sheet) return;
    this.sheetName = name;
    this.mapping = sheet.detection.mapping;
    this.mappingIssue = null;
  }

  /** Gives a column a role; a role only one column can have moves away from its old column. */
  setRole(column: number, role: ColumnRole): void {
    if (!this.mapping) return;
    const roles = this.mapping.roles.map((current, index) => {
      if (index === column) return role;
      return singleRoles.has(role) && current === role ? 'ignore' : current;
    });
    this.mapping = { ...this.mapping, roles };
    this.mappingIssue = null;
  }

  update(change: Partial<Pick<Mapping, 'kind' | 'dateOrder' | 'decimal'>>): void {
    if (!this.mapping) return;
    this.mapping = { ...this.mapping, ...change };
    this.mappingIssue = null;
  }

  /** Re-detects the current sheet from scratch (after a wrong manual change). */
  resetMapping(): void {
    const sheet = this.sheet;
    if (sheet) this.mapping = detect({ rows: sheet.previewRows, date1904: sheet.date1904 }).mapping;
  }

  async confirm(): Promise<boolean> {
    if (!this.mapping) return false;
    this.stage = 'ingesting';
    const answer = await this.client.ingest(this.sheetName, this.mapping, today());
    if (!answer) {
      this.readFailure = 'timeout';
      this.stage = 'mapping';
      return false;
    }
    if (!answer.ok) {
      this.mappingIssue = answer.issue;
      this.stage = 'mapping';
      return false;
    }
    this.result = answer;
    this.stage = 'done';
    return true;
  }

  cancel(): void {
    this.client.cancel();
  }
}
