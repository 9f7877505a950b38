/**
 * Types shared by the file readers (sniff, decode, CSV, Excel, readFile). Kept apart so that the
 * readers can share them without importing each other.
 */
import type { ReadIssueCode } from '../core/ingest/read-issues.ts';
import type { RawSheet } from '../core/ingest/raw-table.ts';

/** Why a read failed: a user-facing issue code, or 'cancelled' when the caller asked to stop. */
export type ReadFailureCode = ReadIssueCode | 'cancelled';

/** How far a read has come; `done` and `total` count characters (text) or bytes (workbooks). */
export interface ReadProgress {
  readonly done: number;
  readonly total: number;
  /** Rows read so far. */
  readonly rows: number;
}

/** Anything with an `aborted` flag, such as an AbortSignal; checked between chunks. */
export interface CancelFlag {
  readonly aborted: boolean;
}

/** A sheet as the readers return it: a raw sheet plus whether Excel hides it from the user. */
export interface ReadSheet extends RawSheet {
  readonly hidden: boolean;
}
