/**
 * Saved analyses in IndexedDB, so that closing the tab never loses work. Stores inputs, not
 * outputs: a session holds the normalized dataset, the confirmed mapping, the import summary and
 * the user's settings; the report is recomputed when it is opened, so a fixed metric fixes old
 * sessions too. Runs on the main thread and inside the engine worker (no DOM here).
 *
 * Layout (database 'behoud', version SCHEMA_VERSION):
 * - 'meta': one small record per session (name, counts, dates, settings, revision), so the list
 *   of sessions never loads a dataset;
 * - 'data': the big part (dataset with its typed arrays as they are, mapping, summary, rows);
 * - 'settings': key → value (last opened session, last backup time, persistence answer).
 *
 * Every method returns a StoreResult and never throws. Every write is one readwrite transaction
 * (all or nothing: a quota error aborts it and leaves what was saved before untouched), run
 * inside the Web Lock 'behoud-sessions' when the browser has Web Locks, so that tabs and the
 * engine worker take turns. Writes read the stored record inside their transaction and bump its
 * `revision`, so two tabs never undo each other's changes (see saveSession for the merge rule).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { currencies, type Currency } from '../core/ingest/currency.ts';
import type { Mapping } from '../core/ingest/detect.ts';
import type { ImportSummary, RowProblem, RowWarning, SkipReason } from '../core/ingest/ingest.ts';
import { skipReasons } from '../core/ingest/ingest.ts';
import { columnRoles } from '../core/ingest/roles.ts';
import { inputKinds, type CategoryColumn, type Dataset } from '../core/model/dataset.ts';
import { periodUnits, type DayRange, type PeriodUnit } from '../core/model/periods.ts';
import type { RefundsRule } from '../core/explain/explanation.ts';

/** The database's version; also written into every record as `schemaVersion`. */
export const SCHEMA_VERSION = 2;
/** Version of the backup file layout (see exportBackup), independent of the database's. */
export const BACKUP_FORMAT_VERSION = 1;
export const DATABASE_NAME = 'behoud';
/** The Web Lock every write of every tab and worker takes. */
export const LOCK_NAME = 'behoud-sessions';
/** An open that neither succeeds nor reports anything gives up after this long. */
export const DEFAULT_OPEN_TIMEOUT_MS = 4000;

/** Why a storage call failed; the UI turns each into one sentence. */
export type StorageCode =
  /** The browser has no room left; the failed write changed nothing. */
  | 'quota-exceeded'
  /** No IndexedDB (private mode, policies, a broken profile): work goes on without saving. */
  | 'unavailable'
  /** An older Behoud tab keeps the database from upgrading: close the other tab. */
  | 'blocked'
  /** Written by a newer Behoud (database, record or backup file): this code will not touch it. */
  | 'newer-schema'
  | 'not-found'
  /** The file is no Behoud backup, or was damaged or edited. */
  | 'invalid-backup';

export const storageCodes: readonly StorageCode[] = [
  'quota-exceeded',
  'unavailable',
  'blocked',
  'newer-schema',
  'not-found',
  'invalid-backup',
];

export type StoreResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: StorageCode };

/** The settings of an analysis that are saved with it. */
export interface SessionSettings {
  readonly unit: PeriodUnit | 'custom';
  readonly range: DayRange | null;
  readonly windowDays: number;
  readonly refunds: RefundsRule;
  readonly language?: 'nl' | 'en';
  /** Screen state worth keeping (open tab, chosen breakdown, …); plain JSON-able values only. */
  readonly views?: Readonly<Record<string, unknown>>;
}

/** A whole saved analysis: what `loadSession` gives and `saveSession` takes. */
export interface StoredSession {
  readonly id: string;
  readonly name: string;
  /** Epoch milliseconds, like every time stamp here. */
  readonly createdAt: number;
  readonly lastOpenedAt: number;
  /** Set by the store on every write of the session's contents. */
  readonly savedAt: number;
  readonly fileName: string;
  readonly isSample: boolean;
  /** Typed arrays are stored as they are: IndexedDB clones them without conversion. */
  readonly dataset: Dataset;
  readonly mapping: Mapping;
  readonly summary: ImportSummary;
  readonly skippedRows: readonly RowProblem<SkipReason>[];
  readonly warningRows: readonly RowProblem<RowWarning>[];
  readonly settings: SessionSettings;
  /**
   * The stored revision this copy was read at; 0 for a session never saved. Every write adds one,
   * which is how a save notices that another tab changed the session in the meantime.
   */
  readonly revision: number;
}

/** What the list of sessions shows: everything but the big data. */
export interface SessionMeta {
  readonly id: string;
  readonly name: string;
  readonly kind: Dataset['kind'];
  /** Rows in the dataset. */
  readonly rows: number;
  readonly customers: number;
  readonly dateRange: DayRange | null;
  readonly createdAt: number;
  readonly lastOpenedAt: number;
  readonly savedAt: number;
  readonly fileName: string;
  readonly isSample: boolean;
  /** When the session was last part of a backup the user made. */
  readonly backedUpAt?: number;
  readonly revision: number;
}

/** The part of navigator.locks used here (a fake one in Node tests). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The part of navigator.storage used here. */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
}

export interface SessionStoreOptions {
  readonly databaseName?: string;
  /** Web Locks; defaults to navigator.locks when present. Null: IDB transactions alone. */
  readonly locks?: LockManagerLike | null;
  /** Defaults to navigator.storage when present. */
  readonly storage?: StorageManagerLike | null;
  readonly openTimeoutMs?: number;
  /** Clock for time stamps (tests pass a fixed one). */
  readonly now?: () => number;
  /**
   * A newer Behoud in another tab wants to upgrade the database: this connection has been closed
   * to let it, and the next call reports 'newer-schema'. The UI asks to reload this tab.
   */
  readonly onBlocking?: () => void;
}

interface MetaRecord {
  readonly schemaVersion: number;
  readonly id: string;
  readonly name: string;
  readonly kind: Dataset['kind'];
  readonly rows: number;
  readonly customers: number;
  readonly dateRange: DayRange | null;
  readonly createdAt: number;
  readonly lastOpenedAt: number;
  readonly savedAt: number;
  readonly fileName: string;
  readonly isSample: boolean;
  readonly backedUpAt?: number;
  /** Kept with the meta, so a settings change rewrites a few hundred bytes, not the dataset. */
  readonly settings: SessionSettings;
  readonly revision: number;
}

interface DataRecord {
  readonly schemaVersion: number;
  readonly id: string;
  readonly dataset: Dataset;
  readonly mapping: Mapping;
  readonly summary: ImportSummary;
  readonly skippedRows: readonly RowProblem<SkipReason>[];
  readonly warningRows: readonly RowProblem<RowWarning>[];
}

type SettingKey = 'lastOpened' | 'lastBackupAt' | 'persisted';

interface BehoudSchema extends DBSchema {
  meta: { key: string; value: MetaRecord };
  data: { key: string; value: DataRecord };
  settings: { key: SettingKey; value: string | number | boolean };
}

type Database = IDBPDatabase<BehoudSchema>;
type StoreName = 'meta' | 'data' | 'settings';
type WriteTransaction = IDBPTransaction<BehoudSchema, StoreName[], 'readwrite'>;

/**
 * The version 1 record: everything of a session in one 'sessions' store, without lastOpenedAt
 * and revision. Only read by the migration to version 2.
 */
interface SessionRecordV1 {
  readonly id: string;
  readonly name?: string;
  readonly createdAt?: number;
  readonly savedAt?: number;
  readonly fileName?: string;
  readonly isSample?: boolean;
  readonly dataset: Dataset;
  readonly mapping: Mapping;
  readonly summary: ImportSummary;
  readonly skippedRows?: readonly RowProblem<SkipReason>[];
  readonly warningRows?: readonly RowProblem<RowWarning>[];
  readonly settings?: SessionSettings;
}

const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });
const fail = <T>(code: StorageCode): StoreResult<T> => ({ ok: false, code });

/** Thrown inside a write to abort its transaction with a code (caught in #write). */
class Refusal extends Error {
  constructor(readonly code: StorageCode) {
    super(code);
  }
}

/**
 * The code of a failure from IndexedDB. Quota errors arrive as QuotaExceededError, but also as
 * the `error` of a transaction that ended in an AbortError (and Firefox once had its own name),
 * so the error, its cause and the transaction's error are all looked at.
 * @example storageCode(new DOMException('full', 'QuotaExceededError')) === 'quota-exceeded'
 */
export function storageCode(...errors: unknown[]): StorageCode {
  const names: string[] = [];
  const collect = (error: unknown, depth: number): void => {
    if (depth > 4 || typeof error !== 'object' || error === null) return;
    const record = error as Record<string, unknown>;
    if (typeof record.name === 'string') names.push(record.name);
    if (record.code === 22) names.push('QuotaExceededError');
    collect(record.cause, depth + 1);
    collect(record.error, depth + 1);
    collect((record.target as Record<string, unknown> | undefined)?.error, depth + 1);
  };
  for (const error of errors) collect(error, 0);
  if (names.some((name) => name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'))
    return 'quota-exceeded';
  if (names.includes('VersionError')) return 'newer-schema';
  // SecurityError, InvalidStateError (Firefox private mode), UnknownError (a broken profile) and
  // anything unforeseen: saving does not work right now, and the user can keep working.
  return 'unavailable';
}

function newId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function metaOf(record: MetaRecord): SessionMeta {
  // Rebuilt field by field so that settings and the schema version stay out of the list.
  const meta: SessionMeta = {
    id: record.id,
    name: record.name,
    kind: record.kind,
    rows: record.rows,
    customers: record.customers,
    dateRange: record.dateRange,
    createdAt: record.createdAt,
    lastOpenedAt: record.lastOpenedAt,
    savedAt: record.savedAt,
    fileName: record.fileName,
    isSample: record.isSample,
    revision: record.revision,
  };
  return record.backedUpAt === undefined ? meta : { ...meta, backedUpAt: record.backedUpAt };
}

function recordsOf(
  session: Omit<StoredSession, 'revision'>,
  revision: number,
  backedUpAt?: number,
): { meta: MetaRecord; data: DataRecord } {
  const meta: MetaRecord = {
    schemaVersion: SCHEMA_VERSION,
    id: session.id,
    name: session.name,
    kind: session.dataset.kind,
    rows: session.dataset.rowCount,
    customers: session.summary.customers,
    dateRange: session.summary.dateRange,
    createdAt: session.createdAt,
    lastOpenedAt: session.lastOpenedAt,
    savedAt: session.savedAt,
    fileName: session.fileName,
    isSample: session.isSample,
    settings: session.settings,
    revision,
  };
  return {
    meta: backedUpAt === undefined ? meta : { ...meta, backedUpAt },
    data: {
      schemaVersion: SCHEMA_VERSION,
      id: session.id,
      dataset: session.dataset,
      mapping: session.mapping,
      summary: session.summary,
      skippedRows: session.skippedRows,
      warningRows: session.warningRows,
    },
  };
}

function sessionOf(meta: MetaRecord, data: DataRecord): StoredSession {
  return {
    id: meta.id,
    name: meta.name,
    createdAt: meta.createdAt,
    lastOpenedAt: meta.lastOpenedAt,
    savedAt: meta.savedAt,
    fileName: meta.fileName,
    isSample: meta.isSample,
    dataset: data.dataset,
    mapping: data.mapping,
    summary: data.summary,
    skippedRows: data.skippedRows,
    warningRows: data.warningRows,
    settings: meta.settings,
    revision: meta.revision,
  };
}

/**
 * All migrations, one step per version, in order: a database at version n runs every step above
 * n, so a fresh one walks the same path as an old one. Only IDB requests are awaited here, since
 * any other await would let the upgrade transaction commit half-way.
 */
function upgrade(
  database: Database,
  oldVersion: number,
  transaction: IDBPTransaction<BehoudSchema, StoreName[], 'versionchange'>,
): void {
  // idb types the database by the current schema; the old stores are reached untyped.
  const untyped = database as unknown as IDBPDatabase;
  const untypedTransaction = transaction as unknown as IDBPTransaction<
    unknown,
    string[],
    'versionchange'
  >;
  if (oldVersion < 1) {
    // Version 1 kept each session whole in one store.
    untyped.createObjectStore('sessions', { keyPath: 'id' });
  }
  if (oldVersion < 2) {
    // Version 2 splits the small meta from the big data, so the list loads no datasets, and adds
    // a key-value store for the last opened session and the last backup.
    database.createObjectStore('meta', { keyPath: 'id' });
    database.createObjectStore('data', { keyPath: 'id' });
    database.createObjectStore('settings');
    const migrate = async (): Promise<void> => {
      const old = untypedTransaction.objectStore('sessions');
      const records = (await old.getAll()) as SessionRecordV1[];
      for (const record of records) {
        const savedAt = record.savedAt ?? 0;
        const { meta, data } = recordsOf(
          {
            id: record.id,
            name: record.name ?? record.fileName ?? '',
            createdAt: record.createdAt ?? savedAt,
            lastOpenedAt: savedAt,
            savedAt,
            fileName: record.fileName ?? '',
            isSample: record.isSample ?? false,
            dataset: record.dataset,
            mapping: record.mapping,
            summary: record.summary,
            skippedRows: record.skippedRows ?? [],
            warningRows: record.warningRows ?? [],
            settings: record.settings ?? {
              unit: 'month',
              range: null,
              windowDays: 365,
              refunds: 'include',
            },
          },
          1,
        );
        await transaction.objectStore('data').put(data);
        await transaction.objectStore('meta').put(meta);
      }
      untyped.deleteObjectStore('sessions');
    };
    migrate().catch(() => {
      // A migration that fails must leave version 1 as it was: abort the whole upgrade.
      try {
        transaction.abort();
      } catch {
        // Already finished or aborted.
      }
    });
  }
}

/** A promise that may reject while nobody waits for it (aborted transactions' `done`). */
function quietly(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}

/** The saved sessions of this browser. One instance per thread (page or worker). */
export class SessionStore {
  readonly #name: string;
  readonly #locks: LockManagerLike | null;
  readonly #storage: StorageManagerLike | null;
  readonly #openTimeoutMs: number;
  readonly #now: () => number;
  readonly #onBlocking: (() => void) | undefined;
  #connection: Promise<StoreResult<Database>> | null = null;

  constructor(options: SessionStoreOptions = {}) {
    const navigator = (
      globalThis as { navigator?: { locks?: LockManagerLike; storage?: StorageManagerLike } }
    ).navigator;
    this.#name = options.databaseName ?? DATABASE_NAME;
    this.#locks = options.locks === undefined ? (navigator?.locks ?? null) : options.locks;
    this.#storage = options.storage === undefined ? (navigator?.storage ?? null) : options.storage;
    this.#openTimeoutMs = options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
    this.#now = options.now ?? Date.now;
    this.#onBlocking = options.onBlocking;
  }

  /** Closes the connection (tests, and a page that is going away). */
  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = null;
    const result = await connection;
    if (result?.ok) result.value.close();
  }

  #open(): Promise<StoreResult<Database>> {
    if (!this.#connection) {
      const attempt = this.#openOnce();
      this.#connection = attempt;
      // A failed open is not cached: the next call tries again (the other tab may be closed).
      void attempt.then((result) => {
        if (!result.ok && this.#connection === attempt) this.#connection = null;
      });
    }
    return this.#connection;
  }

  #openOnce(): Promise<StoreResult<Database>> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: StoreResult<Database>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      // Some browsers leave an open pending forever (private windows, a stuck profile).
      const timer = setTimeout(() => finish(fail('unavailable')), this.#openTimeoutMs);
      if (typeof indexedDB === 'undefined') {
        finish(fail('unavailable'));
        return;
      }
      let opening: Promise<Database>;
      try {
        opening = openDB<BehoudSchema>(this.#name, SCHEMA_VERSION, {
          upgrade: (database, oldVersion, _newVersion, transaction) =>
            upgrade(database, oldVersion, transaction),
          // An older tab holds the database open and did not close on request. The open stays
          // queued in the browser; if it completes later, that connection is closed below.
          blocked: () => finish(fail('blocked')),
          blocking: (_current, _blocked, event) => {
            // A newer version waits for us: step aside at once (synchronously, before the
            // browser decides the other tab is blocked) instead of freezing that tab.
            (event.target as IDBDatabase | null)?.close();
            this.#connection = null;
            this.#onBlocking?.();
          },
          terminated: () => {
            this.#connection = null;
          },
        });
      } catch (error) {
        finish(fail(storageCode(error)));
        return;
      }
      opening.then(
        (database) => {
          if (settled) database.close();
          else finish(ok(database));
        },
        (error: unknown) => finish(fail(storageCode(error))),
      );
    });
  }

  /** Runs `work` holding the Web Lock when there is one; IDB transactions alone otherwise. */
  async #locked<T>(work: () => Promise<StoreResult<T>>): Promise<StoreResult<T>> {
    if (!this.#locks) return work();
    let started = false;
    try {
      return await this.#locks.request(LOCK_NAME, () => {
        started = true;
        return work();
      });
    } catch (error) {
      // A lock manager that refuses (an opaque origin) must not stop saving.
      return started ? fail(storageCode(error)) : work();
    }
  }

  /**
   * One readwrite transaction over `stores`: `work` reads and writes through it (awaiting only
   * its requests) and may throw a Refusal. Any failure aborts the transaction, so nothing of a
   * failed write is kept.
   */
  #write<T>(
    stores: StoreName[],
    work: (transaction: WriteTransaction) => Promise<T>,
  ): Promise<StoreResult<T>> {
    return this.#locked(async () => {
      const database = await this.#open();
      if (!database.ok) return fail(database.code);
      let transaction: WriteTransaction | null = null;
      try {
        transaction = database.value.transaction(stores, 'readwrite');
        quietly(transaction.done);
        const value = await work(transaction);
        await transaction.done;
        return ok(value);
      } catch (error) {
        try {
          transaction?.abort();
        } catch {
          // The transaction had already ended (and was rolled back by the browser).
        }
        if (error instanceof Refusal) return fail(error.code);
        return fail(storageCode(error, transaction?.error));
      }
    });
  }

  async #read<T>(
    stores: StoreName[],
    work: (transaction: IDBPTransaction<BehoudSchema, StoreName[], 'readonly'>) => Promise<T>,
  ): Promise<StoreResult<T>> {
    const database = await this.#open();
    if (!database.ok) return fail(database.code);
    try {
      const transaction = database.value.transaction(stores, 'readonly');
      quietly(transaction.done);
      return ok(await work(transaction));
    } catch (error) {
      if (error instanceof Refusal) return fail(error.code);
      return fail(storageCode(error));
    }
  }

  /** Reads a session's meta for a change, refusing missing and newer ones. */
  static async #currentMeta(transaction: WriteTransaction, id: string): Promise<MetaRecord> {
    const meta = await transaction.objectStore('meta').get(id);
    if (!meta) throw new Refusal('not-found');
    if (meta.schemaVersion > SCHEMA_VERSION) throw new Refusal('newer-schema');
    return meta;
  }

  /** Changes a session's meta in place: read, change, write with the next revision. */
  #patch(id: string, change: (meta: MetaRecord) => MetaRecord): Promise<StoreResult<SessionMeta>> {
    return this.#write(['meta'], async (transaction) => {
      const meta = await SessionStore.#currentMeta(transaction, id);
      const next = { ...change(meta), revision: meta.revision + 1 };
      await transaction.objectStore('meta').put(next);
      return metaOf(next);
    });
  }

  /**
   * Writes a session whole (a new import, or a changed mapping). When the stored revision is not
   * the one `session` was read at, another tab or screen changed it meanwhile: its name,
   * createdAt and backup mark are kept, lastOpenedAt is the later of the two, and the contents
   * and settings are this save's. So a rename elsewhere survives; for settings the last writer
   * wins. Returns the saved meta with the new revision.
   */
  saveSession(session: StoredSession): Promise<StoreResult<SessionMeta>> {
    return this.#write(['meta', 'data'], async (transaction) => {
      const stored = await transaction.objectStore('meta').get(session.id);
      // Meta and data are always written together, so the meta's version stands for both.
      if (stored && stored.schemaVersion > SCHEMA_VERSION) throw new Refusal('newer-schema');
      const stale = stored !== undefined && stored.revision !== session.revision;
      const merged: Omit<StoredSession, 'revision'> = {
        ...session,
        name: stale ? stored.name : session.name,
        createdAt: stale ? stored.createdAt : session.createdAt,
        lastOpenedAt: stale
          ? Math.max(stored.lastOpenedAt, session.lastOpenedAt)
          : session.lastOpenedAt,
        savedAt: this.#now(),
      };
      const { meta, data } = recordsOf(merged, (stored?.revision ?? 0) + 1, stored?.backedUpAt);
      // The data first: it is the write most likely to hit the quota, and then nothing is queued.
      await transaction.objectStore('data').put(data);
      await transaction.objectStore('meta').put(meta);
      return metaOf(meta);
    });
  }

  /** Saves only the settings of a session (a few hundred bytes), keeping everything else. */
  saveSettings(id: string, settings: SessionSettings): Promise<StoreResult<SessionMeta>> {
    return this.#patch(id, (meta) => ({ ...meta, settings }));
  }

  /** The whole session; 'not-found' when it was deleted, 'newer-schema' when it is not ours. */
  loadSession(id: string): Promise<StoreResult<StoredSession>> {
    return this.#read(['meta', 'data'], async (transaction) => {
      const meta = await transaction.objectStore('meta').get(id);
      const data = await transaction.objectStore('data').get(id);
      if (!meta || !data) throw new Refusal('not-found');
      if (meta.schemaVersion > SCHEMA_VERSION || data.schemaVersion > SCHEMA_VERSION)
        throw new Refusal('newer-schema');
      return sessionOf(meta, data);
    });
  }

  /**
   * The sessions this code can open, most recently opened first, without their datasets.
   * Sessions written by a newer Behoud are left out (and left alone).
   */
  listSessions(): Promise<StoreResult<SessionMeta[]>> {
    return this.#read(['meta'], async (transaction) => {
      const records = await transaction.objectStore('meta').getAll();
      return records
        .filter((record) => record.schemaVersion <= SCHEMA_VERSION)
        .map(metaOf)
        .sort((a, b) => b.lastOpenedAt - a.lastOpenedAt || a.name.localeCompare(b.name));
    });
  }

  renameSession(id: string, name: string): Promise<StoreResult<SessionMeta>> {
    return this.#patch(id, (meta) => ({ ...meta, name }));
  }

  /** Marks a session as opened now (the list is sorted by it). */
  touchSession(id: string): Promise<StoreResult<SessionMeta>> {
    return this.#patch(id, (meta) => ({ ...meta, lastOpenedAt: this.#now() }));
  }

  /** A copy under a new id and name, created and opened now, never backed up. */
  duplicateSession(id: string, newName: string): Promise<StoreResult<SessionMeta>> {
    return this.#write(['meta', 'data'], async (transaction) => {
      const meta = await SessionStore.#currentMeta(transaction, id);
      const data = await transaction.objectStore('data').get(id);
      if (!data) throw new Refusal('not-found');
      const now = this.#now();
      const copyId = newId();
      const copy = recordsOf(
        {
          ...sessionOf(meta, data),
          id: copyId,
          name: newName,
          createdAt: now,
          lastOpenedAt: now,
          savedAt: now,
        },
        1,
      );
      await transaction.objectStore('data').put(copy.data);
      await transaction.objectStore('meta').put(copy.meta);
      return metaOf(copy.meta);
    });
  }

  /** Deletes a session and hands it back whole, for an undo through restoreSession. */
  deleteSession(id: string): Promise<StoreResult<StoredSession>> {
    return this.#write(['meta', 'data'], async (transaction) => {
      const meta = await SessionStore.#currentMeta(transaction, id);
      const data = await transaction.objectStore('data').get(id);
      if (!data) throw new Refusal('not-found');
      await transaction.objectStore('data').delete(id);
      await transaction.objectStore('meta').delete(id);
      return sessionOf(meta, data);
    });
  }

  /**
   * Puts a deleted session back as it was (its id, name and dates). Should the id have been
   * taken meanwhile, the session comes back under a new id rather than overwrite anything.
   */
  restoreSession(session: StoredSession): Promise<StoreResult<SessionMeta>> {
    return this.#write(['meta', 'data'], async (transaction) => {
      const taken = await transaction.objectStore('meta').getKey(session.id);
      const id = taken === undefined ? session.id : newId();
      const { meta, data } = recordsOf({ ...session, id }, session.revision + 1);
      await transaction.objectStore('data').put(data);
      await transaction.objectStore('meta').put(meta);
      return metaOf(meta);
    });
  }

  setLastOpened(id: string | null): Promise<StoreResult<void>> {
    return this.#write(['settings'], async (transaction) => {
      if (id === null) await transaction.objectStore('settings').delete('lastOpened');
      else await transaction.objectStore('settings').put(id, 'lastOpened');
    });
  }

  /** The session opened last, if it still exists. */
  lastOpened(): Promise<StoreResult<string | null>> {
    return this.#read(['settings', 'meta'], async (transaction) => {
      const id = await transaction.objectStore('settings').get('lastOpened');
      if (typeof id !== 'string') return null;
      const meta = await transaction.objectStore('meta').get(id);
      return meta && meta.schemaVersion <= SCHEMA_VERSION ? id : null;
    });
  }

  /**
   * Remembers that the user saved a backup (called once the download was offered): marks the
   * sessions in it, and for a backup of all sessions the time shown as "last backup".
   */
  recordBackup(ids?: readonly string[]): Promise<StoreResult<number>> {
    return this.#write(['meta', 'settings'], async (transaction) => {
      const now = this.#now();
      const store = transaction.objectStore('meta');
      const records = ids
        ? (await Promise.all(ids.map((id) => store.get(id)))).filter((record) => !!record)
        : await store.getAll();
      for (const record of records) {
        if (record.schemaVersion > SCHEMA_VERSION) continue;
        await store.put({ ...record, backedUpAt: now, revision: record.revision + 1 });
      }
      if (!ids) await transaction.objectStore('settings').put(now, 'lastBackupAt');
      return now;
    });
  }

  /** When the user last saved a backup of all sessions; null when never. */
  lastBackupAt(): Promise<StoreResult<number | null>> {
    return this.#read(['settings'], async (transaction) => {
      const value = await transaction.objectStore('settings').get('lastBackupAt');
      return typeof value === 'number' ? value : null;
    });
  }

  /**
   * Asks the browser once to keep our storage when space runs low (navigator.storage.persist);
   * the answer is remembered and returned from then on. Workers cannot ask (persist is a page
   * API): they get false without remembering, so the page can still ask.
   */
  requestPersistence(): Promise<StoreResult<boolean>> {
    return this.#locked(async () => {
      const remembered = await this.#read(['settings'], (transaction) =>
        transaction.objectStore('settings').get('persisted'),
      );
      if (!remembered.ok) return fail(remembered.code);
      if (typeof remembered.value === 'boolean') return ok(remembered.value);
      const persist = this.#storage?.persist;
      if (typeof persist !== 'function') return ok(false);
      let granted = false;
      try {
        granted = await persist.call(this.#storage);
      } catch {
        // A refusal by policy is an answer too.
      }
      // Written outside the lock helper: we already hold the lock.
      const database = await this.#open();
      if (!database.ok) return ok(granted);
      try {
        await database.value.put('settings', granted, 'persisted');
      } catch {
        // Not remembering means asking again next time: harmless.
      }
      return ok(granted);
    });
  }

  /**
   * One file holding the given sessions (all when `ids` is omitted). See the format notes above
   * encodeBackup. 'not-found' when one of the ids does not exist.
   */
  async exportBackup(ids?: readonly string[]): Promise<StoreResult<Blob>> {
    const sessions = await this.#read(['meta', 'data'], async (transaction) => {
      const metas = ids
        ? await Promise.all(ids.map((id) => transaction.objectStore('meta').get(id)))
        : await transaction.objectStore('meta').getAll();
      const result: StoredSession[] = [];
      for (const meta of metas) {
        if (!meta) throw new Refusal('not-found');
        if (meta.schemaVersion > SCHEMA_VERSION) {
          if (ids) throw new Refusal('newer-schema');
          continue;
        }
        const data = await transaction.objectStore('data').get(meta.id);
        if (!data) throw new Refusal('not-found');
        result.push(sessionOf(meta, data));
      }
      return result;
    });
    if (!sessions.ok) return fail(sessions.code);
    return ok(encodeBackup(sessions.value, this.#now()));
  }

  /**
   * Adds the sessions of a backup file, all or nothing. A session already here unchanged (same
   * id and savedAt) is skipped; one whose id is taken by something else gets a new id, so an
   * import never overwrites. Any damage to the file gives 'invalid-backup'; a file from a newer
   * Behoud gives 'newer-schema'.
   */
  async importBackup(blob: Blob): Promise<StoreResult<{ imported: number; skipped: number }>> {
    const decoded = await decodeBackup(blob);
    if (!decoded.ok) return fail(decoded.code);
    return this.#write(['meta', 'data'], async (transaction) => {
      let imported = 0;
      let skipped = 0;
      for (const session of decoded.value) {
        const existing = await transaction.objectStore('meta').get(session.id);
        if (existing && existing.savedAt === session.savedAt) {
          skipped += 1;
          continue;
        }
        const id = existing ? newId() : session.id;
        const { meta, data } = recordsOf({ ...session, id }, 1);
        await transaction.objectStore('data').put(data);
        await transaction.objectStore('meta').put(meta);
        imported += 1;
      }
      return { imported, skipped };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Backup file format, version 1 (little-endian throughout):
//
//   bytes 0–7     the ASCII magic "BEHOUDBK"
//   bytes 8–11    H: the byte length of the header (uint32)
//   bytes 12…     the header: UTF-8 JSON, H bytes
//   …             zero bytes up to the next multiple of 8: the column section starts there
//   column section: the typed arrays' raw bytes, each at an offset (from the section's start)
//                  that is a multiple of 8, in the order the header lists them
//
// Header: { format: 'behoud-backup', formatVersion: 1, schemaVersion: 2, createdAt (ms),
//   sessions: [{ id, name, createdAt, lastOpenedAt, savedAt, fileName, isSample, settings,
//   mapping, summary, skippedRows, warningRows, dataset: { kind, rowCount, customerKeys,
//   columns: { customer, day, endDay, amount, order, refund, list, sourceRow },
//   categories: [{ name, values, codes }] } }] }
// where each column is null (absent) or { type: 'int32' | 'float64' | 'uint8', offset, length }.
// Binary rather than base64 in JSON: a million rows are ~30 MB of columns, which base64 would
// grow by a third and JSON.parse would have to hold as one huge string.
// ---------------------------------------------------------------------------------------------

const magic = 'BEHOUDBK';
const rowWarnings: readonly RowWarning[] = ['unreadable-amount'];
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type ColumnType = 'int32' | 'float64' | 'uint8';
type ColumnArray = Int32Array | Float64Array | Uint8Array;

interface ColumnEntry {
  readonly type: ColumnType;
  readonly offset: number;
  readonly length: number;
}

const columnTypes: Record<ColumnType, { size: number; create: (length: number) => ColumnArray }> = {
  int32: { size: 4, create: (length) => new Int32Array(length) },
  float64: { size: 8, create: (length) => new Float64Array(length) },
  uint8: { size: 1, create: (length) => new Uint8Array(length) },
};

/** The dataset's columns, by name, type and whether they may be absent. */
const datasetColumns = [
  { name: 'customer', type: 'int32', optional: false },
  { name: 'day', type: 'int32', optional: false },
  { name: 'endDay', type: 'int32', optional: true },
  { name: 'amount', type: 'float64', optional: true },
  { name: 'order', type: 'int32', optional: true },
  { name: 'refund', type: 'uint8', optional: false },
  { name: 'list', type: 'uint8', optional: true },
  { name: 'sourceRow', type: 'int32', optional: false },
] as const satisfies readonly { name: keyof Dataset; type: ColumnType; optional: boolean }[];

function typeOf(array: ColumnArray): ColumnType {
  if (array instanceof Float64Array) return 'float64';
  return array instanceof Int32Array ? 'int32' : 'uint8';
}

/** The array's bytes in little-endian order (a copy only on a big-endian machine). */
function littleEndianBytes(array: ColumnArray): Uint8Array {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const size = array.BYTES_PER_ELEMENT;
  if (littleEndian || size === 1) return bytes;
  const swapped = new Uint8Array(bytes.length);
  for (let start = 0; start < bytes.length; start += size)
    for (let k = 0; k < size; k += 1) swapped[start + k] = bytes[start + size - 1 - k];
  return swapped;
}

/**
 * Encodes sessions as a backup file (format above).
 * @example encodeBackup([session], Date.now()) → Blob starting with "BEHOUDBK"
 */
export function encodeBackup(sessions: readonly StoredSession[], createdAt: number): Blob {
  const blocks: Uint8Array[] = [];
  let offset = 0;
  const place = (array: ColumnArray): ColumnEntry => {
    const entry = { type: typeOf(array), offset, length: array.length };
    const bytes = littleEndianBytes(array);
    blocks.push(bytes);
    const padding = (8 - (bytes.length % 8)) % 8;
    if (padding > 0) blocks.push(new Uint8Array(padding));
    offset += bytes.length + padding;
    return entry;
  };
  const header = {
    format: 'behoud-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    createdAt,
    sessions: sessions.map((session) => {
      const dataset = session.dataset;
      const columns: Record<string, ColumnEntry | null> = {};
      for (const column of datasetColumns) {
        const array = dataset[column.name];
        columns[column.name] = array ? place(array) : null;
      }
      return {
        id: session.id,
        name: session.name,
        createdAt: session.createdAt,
        lastOpenedAt: session.lastOpenedAt,
        savedAt: session.savedAt,
        fileName: session.fileName,
        isSample: session.isSample,
        settings: session.settings,
        mapping: session.mapping,
        summary: session.summary,
        skippedRows: session.skippedRows,
        warningRows: session.warningRows,
        dataset: {
          kind: dataset.kind,
          rowCount: dataset.rowCount,
          customerKeys: dataset.customerKeys,
          columns,
          categories: dataset.categories.map((category) => ({
            name: category.name,
            values: category.values,
            codes: place(category.codes),
          })),
        },
      };
    }),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new Uint8Array(12);
  prefix.set(new TextEncoder().encode(magic));
  new DataView(prefix.buffer).setUint32(8, headerBytes.length, true);
  const headerPadding = new Uint8Array((8 - ((12 + headerBytes.length) % 8)) % 8);
  return new Blob([prefix, headerBytes, headerPadding, ...blocks] as BlobPart[], {
    type: 'application/octet-stream',
  });
}

/** Thrown while reading a backup; decodeBackup turns it into a code. */
class BadBackup extends Error {
  constructor(readonly code: 'invalid-backup' | 'newer-schema' = 'invalid-backup') {
    super(code);
  }
}

function check(condition: boolean): asserts condition {
  if (!condition) throw new BadBackup();
}

function record(value: unknown): Record<string, unknown> {
  check(typeof value === 'object' && value !== null && !Array.isArray(value));
  return value as Record<string, unknown>;
}

function text(value: unknown): string {
  check(typeof value === 'string');
  return value;
}

function finite(value: unknown): number {
  check(typeof value === 'number' && Number.isFinite(value));
  return value;
}

function integer(value: unknown, min = -(2 ** 31), max = 2 ** 31 - 1): number {
  check(Number.isInteger(value) && (value as number) >= min && (value as number) <= max);
  return value as number;
}

function flag(value: unknown): boolean {
  check(typeof value === 'boolean');
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T {
  check(typeof value === 'string' && (allowed as readonly string[]).includes(value));
  return value as T;
}

function list(value: unknown): unknown[] {
  check(Array.isArray(value));
  return value;
}

function dayRange(value: unknown): DayRange | null {
  if (value === null) return null;
  const range = record(value);
  return { from: integer(range.from), to: integer(range.to) };
}

function counts<K extends string>(value: unknown, keys: readonly K[]): Record<K, number> {
  const source = record(value);
  const result = {} as Record<K, number>;
  for (const key of keys) result[key] = integer(source[key], 0);
  return result;
}

function problems<Code extends string>(value: unknown, codes: readonly Code[]): RowProblem<Code>[] {
  return list(value).map((item) => {
    const problem = record(item);
    return {
      row: integer(problem.row, 0),
      code: oneOf(problem.code, codes),
      value: text(problem.value),
    };
  });
}

function readSettings(value: unknown): SessionSettings {
  const source = record(value);
  const settings: SessionSettings = {
    unit: oneOf(source.unit, [...periodUnits, 'custom'] as const),
    range: dayRange(source.range ?? null),
    windowDays: finite(source.windowDays),
    refunds: oneOf(source.refunds, ['include', 'ignore'] as const),
  };
  const language = source.language === undefined ? undefined : oneOf(source.language, ['nl', 'en']);
  const views = source.views === undefined ? undefined : record(source.views);
  return {
    ...settings,
    ...(language === undefined ? {} : { language }),
    ...(views === undefined ? {} : { views }),
  };
}

function readMapping(value: unknown): Mapping {
  const source = record(value);
  return {
    kind: oneOf(source.kind, inputKinds),
    headerRow: integer(source.headerRow, -1),
    roles: list(source.roles).map((role) => oneOf(role, columnRoles)),
    dateOrder: oneOf(source.dateOrder, ['dmy', 'mdy', 'ymd'] as const),
    decimal: oneOf(source.decimal, [',', '.'] as const),
    serialDates: flag(source.serialDates),
    ...(typeof source.currency === 'string' &&
    (currencies as readonly string[]).includes(source.currency)
      ? { currency: source.currency as Currency }
      : {}),
  };
}

function readSummary(value: unknown): ImportSummary {
  const source = record(value);
  return {
    kind: oneOf(source.kind, inputKinds),
    rowsRead: integer(source.rowsRead, 0),
    rowsUsed: integer(source.rowsUsed, 0),
    customers: integer(source.customers, 0),
    dateRange: dayRange(source.dateRange),
    skipped: counts(source.skipped, skipReasons),
    refundRows: integer(source.refundRows, 0),
    warnings: counts(source.warnings, rowWarnings),
  };
}

/** Copies a column out of the file, checking its place, type and length. */
function readColumn(
  value: unknown,
  type: ColumnType,
  rowCount: number,
  section: Uint8Array,
): ColumnArray {
  const entry = record(value);
  check(entry.type === type);
  const { size, create } = columnTypes[type];
  const length = integer(entry.length, 0);
  const offset = integer(entry.offset, 0, 2 ** 53);
  check(length === rowCount && offset % 8 === 0 && offset + length * size <= section.length);
  const array = create(length);
  const bytes = new Uint8Array(array.buffer);
  // A copy, so each column owns a buffer of its own size (IndexedDB stores whole buffers).
  bytes.set(section.subarray(offset, offset + length * size));
  if (!littleEndian && size > 1) bytes.set(littleEndianBytes(array));
  return array;
}

function allBelow(codes: Int32Array, limit: number): boolean {
  for (let index = 0; index < codes.length; index += 1)
    if (codes[index] < 0 || codes[index] >= limit) return false;
  return true;
}

function readDataset(value: unknown, section: Uint8Array): Dataset {
  const source = record(value);
  const rowCount = integer(source.rowCount, 0);
  const customerKeys = list(source.customerKeys).map(text);
  const columns = record(source.columns);
  const read: Record<string, ColumnArray | null> = {};
  for (const column of datasetColumns) {
    const entry = columns[column.name];
    check(column.optional || (entry !== null && entry !== undefined));
    read[column.name] =
      entry === null || entry === undefined
        ? null
        : readColumn(entry, column.type, rowCount, section);
  }
  const categories: CategoryColumn[] = list(source.categories).map((item) => {
    const category = record(item);
    const values = list(category.values).map(text);
    const codes = readColumn(category.codes, 'int32', rowCount, section) as Int32Array;
    // Metrics index the values with these codes: one out of range would break an analysis.
    check(allBelow(codes, values.length));
    return { name: text(category.name), values, codes };
  });
  const customer = read.customer as Int32Array;
  check(allBelow(customer, customerKeys.length));
  return {
    kind: oneOf(source.kind, inputKinds),
    rowCount,
    customerKeys,
    customer,
    day: read.day as Int32Array,
    endDay: read.endDay as Int32Array | null,
    amount: read.amount as Float64Array | null,
    order: read.order as Int32Array | null,
    refund: read.refund as Uint8Array,
    list: read.list as Uint8Array | null,
    sourceRow: read.sourceRow as Int32Array,
    categories,
  };
}

function readSession(value: unknown, section: Uint8Array): Omit<StoredSession, 'revision'> {
  const source = record(value);
  const dataset = readDataset(source.dataset, section);
  const summary = readSummary(source.summary);
  const mapping = readMapping(source.mapping);
  check(summary.kind === dataset.kind && mapping.kind === dataset.kind);
  return {
    id: text(source.id),
    name: text(source.name),
    createdAt: finite(source.createdAt),
    lastOpenedAt: finite(source.lastOpenedAt),
    savedAt: finite(source.savedAt),
    fileName: text(source.fileName),
    isSample: flag(source.isSample),
    settings: readSettings(source.settings),
    mapping,
    summary,
    skippedRows: problems(source.skippedRows, skipReasons),
    warningRows: problems(source.warningRows, rowWarnings),
    dataset,
  };
}

/**
 * Reads a backup file, checking everything: a foreign, truncated or hand-edited file gives
 * 'invalid-backup' (never an exception), one from a newer format gives 'newer-schema'.
 */
export async function decodeBackup(
  blob: Blob,
): Promise<StoreResult<Omit<StoredSession, 'revision'>[]>> {
  try {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    check(bytes.length >= 12);
    check(new TextDecoder().decode(bytes.subarray(0, 8)) === magic);
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    check(12 + headerLength <= bytes.length);
    const headerText = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(12, 12 + headerLength),
    );
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerText);
    } catch {
      throw new BadBackup();
    }
    const header = record(parsed);
    check(header.format === 'behoud-backup');
    const formatVersion = integer(header.formatVersion, 1);
    if (formatVersion > BACKUP_FORMAT_VERSION) throw new BadBackup('newer-schema');
    if (integer(header.schemaVersion, 1) > SCHEMA_VERSION) throw new BadBackup('newer-schema');
    const sectionStart = 12 + headerLength + ((8 - ((12 + headerLength) % 8)) % 8);
    check(sectionStart <= bytes.length);
    const section = bytes.subarray(sectionStart);
    const sessions = list(header.sessions).map((session) => readSession(session, section));
    check(new Set(sessions.map((session) => session.id)).size === sessions.length);
    return ok(sessions);
  } catch (error) {
    // Anything thrown while reading is damage in the file: TextDecoder, DataView, our checks.
    return fail(error instanceof BadBackup ? error.code : 'invalid-backup');
  }
}
