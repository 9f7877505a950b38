/**
 * One file on its way in: reading (with progress and cancel), the mapping the user confirms, and
 * the import summary. The analysis already open is kept elsewhere and only replaced when this
 * import succeeds, so a bad file never costs the user what they had.
 */
import type { Mapping } from '../core/ingest/detect.ts';
import { ingest, type IngestResult } from '../core/ingest/ingest.ts';
import { rowsTable } from '../core/ingest/raw-table.ts';
import type { ColumnRole } from '../core/ingest/roles.ts';
import { singleRoles } from '../core/ingest/roles.ts';
import { EngineClient } from '../io/engine-client.ts';
import type {
  IngestAnswer,
  OpenedSession,
  ReadAnswer,
  SheetOverview,
} from '../io/engine-protocol.ts';
import type { SessionSettings, StorageCode } from '../io/session-store.ts';
import { previewRows, today, type PreviewRow } from './preview.ts';
import type { ReadFailureCode, ReadProgress } from '../io/read-types.ts';

export type ImportStage = 'reading' | 'mapping' | 'ingesting' | 'done';

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
  /** Two customer lists: the sheet holding the list at the end, and how to read it. */
  endSheetName = $state<string | null>(null);
  endMapping = $state.raw<Mapping | null>(null);
  /** Why a second file for the end list could not be read. */
  endReadFailure = $state<ReadFailureCode | null>(null);
  endFileName = $state<string | null>(null);
  /** Why the confirmed mapping could not be used. */
  mappingIssue = $state<Extract<IngestAnswer, { ok: false }>['issue'] | 'no-end-list' | null>(null);

  constructor(fileName: string, isSample = false, client: EngineClient = EngineClient.take()) {
    this.fileName = fileName;
    this.isSample = isSample;
    this.client = client;
    client.onSessionSaved = (id, problem) => {
      if (problem) this.sessionId = null;
      this.onSaved?.(id, problem);
    };
  }

  /** Called when the worker has stored (or failed to store) this import's session. */
  onSaved: ((sessionId: string, problem: StorageCode | null) => void) | null = null;

  get sheet(): SheetOverview | undefined {
    return this.sheets.find((sheet) => sheet.name === this.sheetName) ?? this.sheets[0];
  }

  /** The preview rows read with the current mapping, by the same code that reads the whole file. */
  readonly preview: IngestResult | null = $derived.by(() => {
    const sheet = this.sheet;
    if (!sheet || !this.mapping) return null;
    return ingest(rowsTable(sheet.previewRows, sheet.date1904), this.mapping, {
      referenceDay: today(),
    });
  });

  /** The first data rows, each with how it is read under the current mapping. */
  readonly previewTable: readonly PreviewRow[] = $derived(
    this.sheet && this.mapping && this.preview
      ? previewRows(this.sheet, this.mapping, this.preview)
      : [],
  );

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

  update(change: Partial<Pick<Mapping, 'kind' | 'dateOrder' | 'decimal' | 'currency'>>): void {
    if (!this.mapping) return;
    this.mapping = { ...this.mapping, ...change };
    this.mappingIssue = null;
    if (change.kind === 'lists' && !this.endSheetName && this.endCandidates[0]) {
      this.chooseEndSheet(this.endCandidates[0].name);
    }
  }

  /** The sheets that can hold the end list: every sheet but the start list's. */
  get endCandidates(): readonly SheetOverview[] {
    return this.sheets.filter((sheet) => sheet.name !== this.sheetName);
  }

  chooseEndSheet(name: string): void {
    const sheet = this.sheets.find((candidate) => candidate.name === name);
    if (!sheet) return;
    this.endSheetName = name;
    this.endMapping = { ...sheet.detection.mapping, kind: 'lists' };
    this.mappingIssue = null;
  }

  /** Which column of the end list holds the customer. */
  setEndCustomer(column: number): void {
    if (!this.endMapping) return;
    const roles = this.endMapping.roles.map((role, index) =>
      index === column ? 'customer' : role === 'customer' ? 'ignore' : role,
    );
    this.endMapping = { ...this.endMapping, roles };
  }

  /** Reads a second file whose sheets can hold the end list. */
  async addFile(file: Blob, name: string): Promise<void> {
    this.endReadFailure = null;
    this.endFileName = name;
    const answer = await this.client.read(file, name, undefined, true);
    if (!answer.ok) {
      this.endReadFailure = answer.code;
      return;
    }
    const before = this.sheets.map((sheet) => sheet.name);
    this.sheets = answer.sheets;
    const added = answer.sheets.find((sheet) => !before.includes(sheet.name));
    if (added) this.chooseEndSheet(added.name);
  }

  /** The saved session of this import, once confirmed (null when the browser would not store). */
  sessionId = $state<string | null>(null);

  /** A flow for a session reopened from storage: already done, its worker holds the dataset. */
  static reopened(opened: Extract<OpenedSession, { ok: true }>, client: EngineClient): ImportFlow {
    const flow = new ImportFlow(opened.fileName, opened.isSample, client);
    flow.mapping = opened.mapping;
    flow.result = opened.answer;
    flow.sessionId = opened.answer.sessionId;
    flow.stage = 'done';
    return flow;
  }

  async confirm(settings: SessionSettings): Promise<boolean> {
    if (!this.mapping) return false;
    this.stage = 'ingesting';
    const endList =
      this.mapping.kind === 'lists' && this.endSheetName && this.endMapping
        ? { sheetName: this.endSheetName, mapping: this.endMapping }
        : null;
    if (this.mapping.kind === 'lists' && !endList) {
      this.mappingIssue = 'no-end-list';
      return false;
    }
    const answer = await this.client.ingest(this.sheetName, this.mapping, today(), endList, {
      name: this.fileName,
      fileName: this.fileName,
      isSample: this.isSample,
      settings,
    });
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
    this.sessionId = answer.sessionId;
    this.stage = 'done';
    return true;
  }

  cancel(): void {
    this.client.cancel();
  }
}
