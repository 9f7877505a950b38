/**
 * The messages between the page and the engine worker, typed once for both sides. Every request
 * carries an id; the answer carries the same id, so an answer to a request the page has since
 * replaced can be recognised and dropped (the latest request wins).
 */
import type { Detection, Mapping } from '../core/ingest/detect.ts';
import type {
  ImportSummary,
  MappingIssue,
  RowProblem,
  RowWarning,
  SkipReason,
} from '../core/ingest/ingest.ts';
import type { RawCell } from '../core/ingest/raw-table.ts';
import type { AnalysisSettings, CustomerDetail, Report } from '../core/analyze.ts';
import type { PredictionReport } from '../core/prediction.ts';
import type { Explanation, MetricId } from '../core/explain/index.ts';
import type {
  BreakdownComparison,
  CohortReport,
  CohortSettings,
} from '../core/metrics/cohort-matrix.ts';
import type { ReadFailureCode, ReadProgress } from './read-types.ts';
import type { SessionSettings, StorageCode } from './session-store.ts';
import type { ReadFormat } from './read-file.ts';

export type EngineRequest =
  | {
      readonly type: 'read';
      readonly id: number;
      readonly file: Blob;
      readonly name: string;
      /** Keep the sheets read before and add these (the second file of two customer lists). */
      readonly append: boolean;
    }
  | {
      readonly type: 'ingest';
      readonly id: number;
      /** The sheet's name, as listed in the read answer. */
      readonly sheetName: string;
      readonly mapping: Mapping;
      readonly referenceDay: number;
      /** For two customer lists: the sheet and mapping of the list at the end. */
      readonly endList: { readonly sheetName: string; readonly mapping: Mapping } | null;
      /** Saved as a session when the import succeeds. */
      readonly session: SessionOrigin;
    }
  /** Saves the settings of the open session (period, W, refunds, views). */
  | {
      readonly type: 'save-settings';
      readonly id: number;
      readonly sessionId: string;
      readonly settings: SessionSettings;
    }
  /** Opens a saved session: its dataset becomes the worker's, and its import answer comes back. */
  | { readonly type: 'open-session'; readonly id: number; readonly sessionId: string }
  /** Computes the report of the open dataset; a newer request makes older answers stale. */
  | { readonly type: 'analyze'; readonly id: number; readonly settings: AnalysisSettings }
  /** The worked example of a metric for a period of the last report. */
  | {
      readonly type: 'explain';
      readonly id: number;
      readonly metric: MetricId;
      readonly period: number;
    }
  /** Key, first and last purchase, orders and revenue of the given customers. */
  | { readonly type: 'details'; readonly id: number; readonly customers: readonly number[] }
  /** The cohort matrix, and with `compare` the average curve per value of that category. */
  | {
      readonly type: 'cohorts';
      readonly id: number;
      readonly settings: CohortSettings;
      readonly compare: number | null;
    }
  /** The purchase model, P(alive) and the at-risk list; calibration ends on the given day. */
  | { readonly type: 'predict'; readonly id: number; readonly calibrationEnd: number | null }
  /** The customers of one cohort cell (or of the whole cohort when age is null). */
  | {
      readonly type: 'cohort-customers';
      readonly id: number;
      readonly settings: CohortSettings;
      readonly cohort: number;
      readonly age: number | null;
    };

/** One sheet of a read file, as the mapping screen needs it. */
export interface SheetOverview {
  readonly name: string;
  readonly hidden: boolean;
  readonly rowCount: number;
  readonly detection: Detection;
  /** The rows from the top down to a few dozen data rows, to preview the mapping on. */
  readonly previewRows: readonly (readonly RawCell[])[];
  readonly date1904: boolean;
}

export type ReadAnswer =
  | {
      readonly ok: true;
      readonly format: ReadFormat;
      readonly encoding: string | null;
      readonly sheets: readonly SheetOverview[];
    }
  | { readonly ok: false; readonly code: ReadFailureCode };

export type IngestAnswer =
  | {
      readonly ok: true;
      readonly summary: ImportSummary;
      readonly skippedRows: readonly RowProblem<SkipReason>[];
      readonly warningRows: readonly RowProblem<RowWarning>[];
      /** The categorical columns kept for breakdowns, with their values. */
      readonly categories: readonly CategoryInfo[];
      /** The session this import is being saved as (a 'session-saved' message follows). */
      readonly sessionId: string | null;
    }
  /** 'file-unreadable': the file, read again for a changed mapping, could not be read. */
  | { readonly ok: false; readonly issue: MappingIssue | 'file-unreadable' };

/** What a new session is called and where it came from. */
export interface SessionOrigin {
  readonly name: string;
  readonly fileName: string;
  readonly isSample: boolean;
  readonly settings: SessionSettings;
}

/** A reopened session: its import answer plus what the page needs to show it as it was. */
export type OpenedSession =
  | {
      readonly ok: true;
      readonly answer: Extract<IngestAnswer, { ok: true }>;
      readonly mapping: Mapping;
      readonly fileName: string;
      readonly name: string;
      readonly isSample: boolean;
      readonly settings: SessionSettings;
    }
  | { readonly ok: false; readonly code: StorageCode };

export interface CategoryInfo {
  readonly name: string;
  readonly values: readonly string[];
}

export type EngineResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: ReadProgress }
  | { readonly type: 'read'; readonly id: number; readonly answer: ReadAnswer }
  | { readonly type: 'ingest'; readonly id: number; readonly answer: IngestAnswer }
  | { readonly type: 'analyze'; readonly id: number; readonly report: Report | null }
  | { readonly type: 'explain'; readonly id: number; readonly explanation: Explanation | null }
  | { readonly type: 'details'; readonly id: number; readonly details: readonly CustomerDetail[] }
  | { readonly type: 'predict'; readonly id: number; readonly report: PredictionReport | null }
  | { readonly type: 'saved'; readonly id: number; readonly problem: StorageCode | null }
  /** Before an answer: how long its stages took in the worker, in milliseconds. */
  | {
      readonly type: 'stages';
      readonly id: number;
      readonly stages: Readonly<Record<string, number>>;
    }
  /** After an ingest answer: whether its session was stored (null problem) or why not. */
  | {
      readonly type: 'session-saved';
      readonly id: number;
      readonly sessionId: string;
      readonly problem: StorageCode | null;
      /** How long writing it took in the worker, in milliseconds. */
      readonly durationMs: number;
    }
  | { readonly type: 'open-session'; readonly id: number; readonly opened: OpenedSession }
  | {
      readonly type: 'cohorts';
      readonly id: number;
      readonly report: CohortReport | null;
      readonly comparison: BreakdownComparison | null;
    }
  /** An exception the engine did not expect: a bug, reported instead of hanging the page. */
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** Data rows shown under the header on the mapping screen. */
export const previewDataRows = 12;
