/**
 * The saved sessions as the page shows them: the list (without datasets), the storage problem to
 * explain, the last deletion (undoable for a while), the last backup time and the outcome of a
 * restored backup. Every change goes through the session store and is followed by a fresh list,
 * so what is shown is what is stored, whatever another tab did meanwhile.
 */
import type {
  SessionMeta,
  SessionStore,
  StorageCode,
  StoredSession,
  StoreResult,
} from '../io/session-store.ts';

/** How long a deleted session can be brought back. */
export const defaultUndoMs = 10_000;

export interface ImportOutcome {
  readonly imported: number;
  readonly skipped: number;
}

export interface BackupFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/** The backup's file name: behoud-2024-05-01.behoud (local date: the day the user saved it). */
export function backupFileName(ms: number): string {
  // en-CA writes dates as YYYY-MM-DD.
  const date = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);
  return `behoud-${date}.behoud`;
}

export class SessionsState {
  list = $state.raw<readonly SessionMeta[]>([]);
  /** Why the last storage call failed; null while all is well. */
  problem = $state<StorageCode | null>(null);
  /** When the user last saved a backup of everything; null when never. */
  lastBackupAt = $state<number | null>(null);
  /** The session deleted last, kept whole until the undo time runs out. */
  deleted = $state.raw<StoredSession | null>(null);
  /** What the last restored backup added. */
  importOutcome = $state.raw<ImportOutcome | null>(null);
  /** True until the first list has arrived. */
  loading = $state(true);

  readonly #store: SessionStore;
  readonly #undoMs: number;
  #undoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(store: SessionStore, undoMs = defaultUndoMs) {
    this.#store = store;
    this.#undoMs = undoMs;
  }

  /** The value of a result, or null after noting its problem. */
  #take<T>(result: StoreResult<T>): T | null {
    if (result.ok) return result.value;
    this.problem = result.code;
    return null;
  }

  /** Reads the list and the last backup time again. */
  async refresh(): Promise<void> {
    const [list, lastBackupAt] = await Promise.all([
      this.#store.listSessions(),
      this.#store.lastBackupAt(),
    ]);
    this.loading = false;
    const sessions = this.#take(list);
    if (sessions) this.list = sessions;
    // The other tab has been closed: the database is ours again.
    if (sessions && this.problem === 'blocked') this.problem = null;
    if (lastBackupAt.ok) this.lastBackupAt = lastBackupAt.value;
  }

  /** Renames a session; a name of only spaces keeps the old one. */
  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (trimmed === '' || this.list.find((meta) => meta.id === id)?.name === trimmed) return;
    this.#take(await this.#store.renameSession(id, trimmed));
    await this.refresh();
  }

  async duplicate(id: string, newName: string): Promise<void> {
    this.#take(await this.#store.duplicateSession(id, newName));
    await this.refresh();
  }

  /** Deletes a session, keeping it for an undo; a newer deletion makes the older one final. */
  async remove(id: string): Promise<void> {
    const deleted = this.#take(await this.#store.deleteSession(id));
    if (deleted) {
      this.deleted = deleted;
      clearTimeout(this.#undoTimer);
      this.#undoTimer = setTimeout(() => {
        if (this.deleted === deleted) this.deleted = null;
      }, this.#undoMs);
    }
    await this.refresh();
  }

  /** Brings the last deleted session back, as it was. */
  async undo(): Promise<void> {
    const deleted = this.deleted;
    if (!deleted) return;
    clearTimeout(this.#undoTimer);
    this.deleted = null;
    this.#take(await this.#store.restoreSession(deleted));
    await this.refresh();
  }

  /**
   * A backup file of all sessions, or of the given ones, ready to be offered as a download. It is
   * counted as made once asked for: the page cannot see whether the user kept the file.
   */
  async exportBackup(ids?: readonly string[]): Promise<BackupFile | null> {
    const blob = this.#take(await this.#store.exportBackup(ids));
    if (!blob) return null;
    const at = this.#take(await this.#store.recordBackup(ids));
    await this.refresh();
    return { blob, fileName: backupFileName(at ?? Date.now()) };
  }

  /** Reads a backup file back in; its outcome is shown until dismissed. */
  async importBackup(file: Blob): Promise<ImportOutcome | null> {
    this.importOutcome = null;
    const outcome = this.#take(await this.#store.importBackup(file));
    if (outcome) this.importOutcome = outcome;
    await this.refresh();
    return outcome;
  }

  dismissProblem(): void {
    this.problem = null;
  }

  dismissImport(): void {
    this.importOutcome = null;
  }

  /** Stops the undo timer (the screen is going away); the deletion becomes final. */
  dispose(): void {
    clearTimeout(this.#undoTimer);
    this.deleted = null;
  }
}
