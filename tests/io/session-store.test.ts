import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/core/model/dataset.ts';
import { NO_DAY } from '../../src/lib/core/model/days.ts';
import {
  decodeBackup,
  encodeBackup,
  SCHEMA_VERSION,
  SessionStore,
  storageCode,
  type LockManagerLike,
  type SessionStoreOptions,
  type StoredSession,
} from '../../src/lib/io/session-store.ts';
import { SessionsState } from '../../src/lib/state/sessions.svelte.ts';

/** A Web Locks stand-in (Node 20 has no navigator.locks): one queue per name, counted. */
class FakeLocks implements LockManagerLike {
  requests = 0;
  held = 0;
  mostHeld = 0;
  #tail: Promise<unknown> = Promise.resolve();

  request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
    this.requests += 1;
    const run = this.#tail.then(async () => {
      this.held += 1;
      this.mostHeld = Math.max(this.mostHeld, this.held);
      try {
        return await callback();
      } finally {
        this.held -= 1;
      }
    });
    this.#tail = run.catch(() => undefined);
    return run;
  }
}

const stores: SessionStore[] = [];
let clock = 1_000;

/** A store on the test's own database (a "tab"), with a clock that ticks once per reading. */
function tab(options: SessionStoreOptions = {}): SessionStore {
  const store = new SessionStore({ locks: null, now: () => clock++, ...options });
  stores.push(store);
  return store;
}

beforeEach(() => {
  // A fresh, empty IndexedDB per test.
  globalThis.indexedDB = new IDBFactory();
  clock = 1_000;
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

function dataset(rows = 4): Dataset {
  return {
    kind: 'orders',
    rowCount: rows,
    customerKeys: ['anna@example.nl', 'bert', 'chris'],
    customer: Int32Array.from({ length: rows }, (_, index) => index % 3),
    day: Int32Array.from({ length: rows }, (_, index) => 19_723 + index * 31),
    endDay: null,
    amount: Float64Array.from({ length: rows }, (_, index) =>
      index === 2 ? -12.5 : 10.25 + index,
    ),
    order: Int32Array.from({ length: rows }, (_, index) => index),
    refund: Uint8Array.from({ length: rows }, (_, index) => (index === 2 ? 1 : 0)),
    list: null,
    sourceRow: Int32Array.from({ length: rows }, (_, index) => index + 2),
    categories: [
      {
        name: 'Kanaal',
        values: ['web', 'winkel'],
        codes: Int32Array.from({ length: rows }, (_, index) => index % 2),
      },
    ],
  };
}

function session(id: string, name = `Analyse ${id}`, rows = 4): StoredSession {
  return {
    id,
    name,
    createdAt: 500,
    lastOpenedAt: 600,
    savedAt: 0,
    fileName: `${id}.csv`,
    isSample: false,
    dataset: dataset(rows),
    mapping: {
      kind: 'orders',
      headerRow: 0,
      roles: ['customer', 'date', 'amount', 'order', 'category'],
      dateOrder: 'dmy',
      decimal: ',',
      serialDates: false,
    },
    summary: {
      kind: 'orders',
      rowsRead: rows + 1,
      rowsUsed: rows,
      customers: 3,
      dateRange: { from: 19_723, to: 19_723 + (rows - 1) * 31 },
      skipped: {
        'missing-customer': 1,
        'missing-date': 0,
        'unreadable-date': 0,
        'unreadable-end-date': 0,
        'end-before-start': 0,
        'unreadable-tenure': 0,
      },
      refundRows: 1,
      warnings: { 'unreadable-amount': 1 },
    },
    skippedRows: [{ row: 7, code: 'missing-customer', value: '' }],
    warningRows: [{ row: 4, code: 'unreadable-amount', value: 'tien' }],
    settings: { unit: 'month', range: null, windowDays: 365, refunds: 'include', language: 'nl' },
    revision: 0,
  };
}

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; code: string }>) {
  const settled = await result;
  if (!settled.ok) throw new Error(`expected ok, got ${settled.code}`);
  return settled.value;
}

async function code(result: Promise<{ ok: boolean; code?: string }>): Promise<string | undefined> {
  return (await result).code;
}

describe('saving and loading', () => {
  it('keeps the typed arrays and every field through a save and a load', async () => {
    const store = tab();
    const saved = await value(store.saveSession(session('a')));
    expect(saved).toEqual({
      id: 'a',
      name: 'Analyse a',
      kind: 'orders',
      rows: 4,
      customers: 3,
      dateRange: { from: 19_723, to: 19_816 },
      createdAt: 500,
      lastOpenedAt: 600,
      savedAt: 1_000,
      fileName: 'a.csv',
      isSample: false,
      revision: 1,
    });
    const loaded = await value(store.loadSession('a'));
    expect(loaded).toEqual({ ...session('a'), savedAt: 1_000, revision: 1 });
    expect(loaded.dataset.customer).toBeInstanceOf(Int32Array);
    expect(loaded.dataset.amount).toBeInstanceOf(Float64Array);
    expect(loaded.dataset.refund).toBeInstanceOf(Uint8Array);
    expect(Array.from(loaded.dataset.amount ?? [])).toEqual([10.25, 11.25, -12.5, 13.25]);
    expect(Array.from(loaded.dataset.categories[0].codes)).toEqual([0, 1, 0, 1]);
  });

  it('lists sessions without their data, most recently opened first', async () => {
    const store = tab();
    await value(store.saveSession(session('a')));
    await value(store.saveSession({ ...session('b'), lastOpenedAt: 900 }));
    const listed = await value(store.listSessions());
    expect(listed.map((meta) => meta.id)).toEqual(['b', 'a']);
    expect(Object.keys(listed[0]).sort()).toEqual([
      'createdAt',
      'customers',
      'dateRange',
      'fileName',
      'id',
      'isSample',
      'kind',
      'lastOpenedAt',
      'name',
      'revision',
      'rows',
      'savedAt',
    ]);
  });

  it('renames, touches, duplicates, deletes and restores', async () => {
    const store = tab();
    await value(store.saveSession(session('a')));
    expect((await value(store.renameSession('a', 'Webwinkel 2024'))).name).toBe('Webwinkel 2024');
    expect(await value(store.touchSession('a'))).toMatchObject({
      lastOpenedAt: 1_001,
      revision: 3,
    });

    const copy = await value(store.duplicateSession('a', 'Webwinkel 2024 (kopie)'));
    expect(copy).toMatchObject({ name: 'Webwinkel 2024 (kopie)', createdAt: 1_002, revision: 1 });
    expect(copy.id).not.toBe('a');
    const copied = await value(store.loadSession(copy.id));
    expect(Array.from(copied.dataset.day)).toEqual([19_723, 19_754, 19_785, 19_816]);

    const deleted = await value(store.deleteSession('a'));
    expect(deleted.name).toBe('Webwinkel 2024');
    expect(await code(store.loadSession('a'))).toBe('not-found');
    expect((await value(store.listSessions())).map((meta) => meta.id)).toEqual([copy.id]);

    const restored = await value(store.restoreSession(deleted));
    expect(restored).toMatchObject({ id: 'a', name: 'Webwinkel 2024', lastOpenedAt: 1_001 });
    expect((await value(store.loadSession('a'))).dataset).toEqual(dataset());
  });

  it('answers not-found for a session that does not exist', async () => {
    const store = tab();
    expect(await code(store.renameSession('x', 'y'))).toBe('not-found');
    expect(await code(store.deleteSession('x'))).toBe('not-found');
    expect(await code(store.duplicateSession('x', 'y'))).toBe('not-found');
    expect(await code(store.exportBackup(['x']))).toBe('not-found');
  });

  it('remembers the last opened session while it exists', async () => {
    const store = tab();
    expect(await value(store.lastOpened())).toBe(null);
    await value(store.saveSession(session('a')));
    await value(store.setLastOpened('a'));
    expect(await value(store.lastOpened())).toBe('a');
    await value(store.deleteSession('a'));
    expect(await value(store.lastOpened())).toBe(null);
  });

  it('saves settings alone and records backups', async () => {
    const store = tab();
    await value(store.saveSession(session('a')));
    await value(store.saveSession(session('b')));
    const week = { unit: 'week', range: null, windowDays: 90, refunds: 'ignore' } as const;
    await value(store.saveSettings('a', week));
    expect((await value(store.loadSession('a'))).settings).toEqual(week);

    expect(await value(store.lastBackupAt())).toBe(null);
    await value(store.recordBackup(['b']));
    expect(await value(store.lastBackupAt())).toBe(null);
    const at = await value(store.recordBackup());
    expect(at).toBe(1_003);
    expect(await value(store.lastBackupAt())).toBe(1_003);
    const listed = await value(store.listSessions());
    expect(listed.map((meta) => meta.backedUpAt)).toEqual([1_003, 1_003]);
  });
});

describe('migrations and versions', () => {
  it('moves version 1 sessions into the meta and data stores', async () => {
    const old = session('v1-session', 'Oude analyse');
    const v1 = await openDB('behoud', 1, {
      upgrade(database) {
        database.createObjectStore('sessions', { keyPath: 'id' });
      },
    });
    // Version 1 had no lastOpenedAt, revision or schemaVersion.
    await v1.put('sessions', {
      id: old.id,
      name: old.name,
      createdAt: 100,
      savedAt: 200,
      fileName: old.fileName,
      isSample: true,
      dataset: old.dataset,
      mapping: old.mapping,
      summary: old.summary,
      skippedRows: old.skippedRows,
      warningRows: old.warningRows,
      settings: old.settings,
    });
    v1.close();

    const store = tab();
    expect(await value(store.listSessions())).toEqual([
      {
        id: 'v1-session',
        name: 'Oude analyse',
        kind: 'orders',
        rows: 4,
        customers: 3,
        dateRange: { from: 19_723, to: 19_816 },
        createdAt: 100,
        lastOpenedAt: 200,
        savedAt: 200,
        fileName: 'v1-session.csv',
        isSample: true,
        revision: 1,
      },
    ]);
    const loaded = await value(store.loadSession('v1-session'));
    expect(loaded.dataset).toEqual(old.dataset);
    expect(loaded.dataset.sourceRow).toBeInstanceOf(Int32Array);
    await store.close();

    const raw = await openDB('behoud');
    expect(raw.version).toBe(SCHEMA_VERSION);
    expect(Array.from(raw.objectStoreNames)).toEqual(['data', 'meta', 'settings']);
    raw.close();
  });

  it('never overwrites a record written by a newer schema', async () => {
    const store = tab();
    await value(store.saveSession(session('a')));
    await store.close();
    const raw = await openDB('behoud', SCHEMA_VERSION);
    const meta = await raw.get('meta', 'a');
    await raw.put('meta', { ...meta, schemaVersion: SCHEMA_VERSION + 1, name: 'Van later' });
    raw.close();

    expect(await code(store.loadSession('a'))).toBe('newer-schema');
    expect(await code(store.renameSession('a', 'Weg ermee'))).toBe('newer-schema');
    expect(await code(store.saveSession(session('a')))).toBe('newer-schema');
    expect(await code(store.deleteSession('a'))).toBe('newer-schema');
    expect(await value(store.listSessions())).toEqual([]);
    await store.close();

    const after = await openDB('behoud', SCHEMA_VERSION);
    expect(await after.get('meta', 'a')).toMatchObject({ name: 'Van later', revision: 1 });
    after.close();
  });

  it('reports newer-schema when a newer Behoud upgraded the database', async () => {
    const newer = await openDB('behoud', SCHEMA_VERSION + 1);
    newer.close();
    expect(await code(tab().listSessions())).toBe('newer-schema');
  });

  it('reports blocked when an old tab holds the database, and opens once it is gone', async () => {
    const oldTab = await openDB('behoud', 1, {
      upgrade(database) {
        database.createObjectStore('sessions', { keyPath: 'id' });
      },
    });
    // The old tab ignores the request to close (no versionchange handler).
    const store = tab();
    expect(await code(store.listSessions())).toBe('blocked');
    oldTab.close();
    expect(await value(store.listSessions())).toEqual([]);
  });

  it('steps aside for a newer version in another tab and says so', async () => {
    let blocking = 0;
    const store = tab({ onBlocking: () => (blocking += 1) });
    await value(store.saveSession(session('a')));
    const newer = await openDB('behoud', SCHEMA_VERSION + 1, {
      blocked: () => {
        throw new Error('the newer tab must not be blocked');
      },
    });
    expect(blocking).toBe(1);
    expect(Array.from(newer.objectStoreNames)).toEqual(['data', 'meta', 'settings']);
    newer.close();
    expect(await code(store.listSessions())).toBe('newer-schema');
  });

  it('reports unavailable without IndexedDB, or when opening never answers', async () => {
    const real = globalThis.indexedDB;
    try {
      Reflect.deleteProperty(globalThis, 'indexedDB');
      expect(await code(tab().listSessions())).toBe('unavailable');
      // A private window that leaves the open request pending forever.
      globalThis.indexedDB = {
        open: () => Object.assign(Object.create(IDBOpenDBRequest.prototype), { listeners: [] }),
      } as unknown as IDBFactory;
      const started = Date.now();
      expect(await code(tab({ openTimeoutMs: 50 }).listSessions())).toBe('unavailable');
      expect(Date.now() - started).toBeLessThan(2_000);
      globalThis.indexedDB = {
        open: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      } as unknown as IDBFactory;
      expect(await code(tab().saveSession(session('a')))).toBe('unavailable');
    } finally {
      globalThis.indexedDB = real;
    }
  });
});

describe('two tabs at once', () => {
  for (const withLocks of [true, false]) {
    it(`keeps a rename in one tab and a settings save in the other (${withLocks ? 'Web Locks' : 'transactions alone'})`, async () => {
      const locks = withLocks ? new FakeLocks() : null;
      const tabA = tab({ locks });
      const tabB = tab({ locks });
      await value(tabA.saveSession(session('a', 'Eerste naam')));
      const inB = await value(tabB.loadSession('a'));

      const week = { ...inB.settings, unit: 'week' } as const;
      const results = await Promise.all([
        tabA.renameSession('a', 'Nieuwe naam'),
        // Tab B writes its whole copy back, read before the rename: the rename must survive.
        tabB.saveSession({ ...inB, settings: week }),
        tabB.saveSettings('a', { ...week, windowDays: 30 }),
        tabA.touchSession('a'),
      ]);
      expect(results.every((result) => result.ok)).toBe(true);

      const final = await value(tabA.loadSession('a'));
      expect(final.name).toBe('Nieuwe naam');
      expect(final.settings).toMatchObject({ unit: 'week', windowDays: 30 });
      expect(final.revision).toBe(5);
      if (locks) {
        expect(locks.requests).toBe(5);
        expect(locks.mostHeld).toBe(1);
      }
    });
  }

  it('counts every one of many concurrent updates from two tabs', async () => {
    const locks = new FakeLocks();
    const tabA = tab({ locks });
    const tabB = tab({ locks });
    await value(tabA.saveSession(session('a')));
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? tabA : tabB).renameSession('a', `Naam ${index}`),
      ),
    );
    expect((await value(tabB.loadSession('a'))).revision).toBe(21);
  });
});

describe('a full disk', () => {
  it('keeps earlier sessions intact when a put fails for lack of space', async () => {
    const store = tab();
    await value(store.saveSession(session('a')));
    const put = IDBObjectStore.prototype.put;
    let failing = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      if (this.name === 'meta') {
        failing += 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
    try {
      // A new session (its data put went through, its meta put fails) and an overwrite of 'a'.
      expect(await code(store.saveSession(session('b')))).toBe('quota-exceeded');
      const changed = { ...session('a', 'Nooit bewaard', 6), revision: 1 };
      expect(await code(store.saveSession(changed))).toBe('quota-exceeded');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(failing).toBe(2);
    expect((await value(store.listSessions())).map((meta) => meta.id)).toEqual(['a']);
    const kept = await value(store.loadSession('a'));
    expect(kept).toMatchObject({ name: 'Analyse a', revision: 1 });
    expect(kept.dataset).toEqual(dataset());
    await store.close();
    // No half-written data record was left behind.
    const raw = await openDB('behoud', SCHEMA_VERSION);
    expect(await raw.getAllKeys('data')).toEqual(['a']);
    raw.close();
  });

  it('finds a quota error however it is wrapped', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(storageCode(quota)).toBe('quota-exceeded');
    expect(storageCode(new DOMException('AbortError', 'AbortError'), quota)).toBe('quota-exceeded');
    expect(storageCode({ name: 'AbortError', target: { error: quota } })).toBe('quota-exceeded');
    expect(storageCode(new Error('aborted', { cause: quota }))).toBe('quota-exceeded');
    expect(storageCode({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('quota-exceeded');
    expect(storageCode(new DOMException('x', 'InvalidStateError'))).toBe('unavailable');
    expect(storageCode(new DOMException('x', 'VersionError'))).toBe('newer-schema');
  });
});

describe('backups', () => {
  it('restores every session into a fresh database', async () => {
    const store = tab();
    await value(store.saveSession(session('a')));
    await value(store.saveSession({ ...session('b', 'Leden', 9), isSample: true }));
    const blob = await value(store.exportBackup());
    expect(new TextDecoder().decode(new Uint8Array(await blob.arrayBuffer()).slice(0, 8))).toBe(
      'BEHOUDBK',
    );
    const originals = [await value(store.loadSession('a')), await value(store.loadSession('b'))];
    await store.close();

    globalThis.indexedDB = new IDBFactory();
    const fresh = tab();
    expect(await value(fresh.importBackup(blob))).toEqual({ imported: 2, skipped: 0 });
    for (const original of originals) {
      const restored = await value(fresh.loadSession(original.id));
      expect(restored).toEqual(original);
      expect(restored.dataset.order).toBeInstanceOf(Int32Array);
    }
    // The same file again adds nothing.
    expect(await value(fresh.importBackup(blob))).toEqual({ imported: 0, skipped: 2 });
  });

  it('gives a new id to a session whose id is taken by something else', async () => {
    const store = tab();
    await value(store.saveSession(session('a')));
    const blob = await value(store.exportBackup(['a']));
    await value(store.saveSession({ ...session('a', 'Veranderd'), revision: 1 }));
    expect(await value(store.importBackup(blob))).toEqual({ imported: 1, skipped: 0 });
    const listed = await value(store.listSessions());
    expect(listed.map((meta) => meta.name).sort()).toEqual(['Analyse a', 'Veranderd']);
    expect(new Set(listed.map((meta) => meta.id)).size).toBe(2);
  });

  it('round-trips a dataset with every optional column and none', async () => {
    const full: StoredSession = {
      ...session('s'),
      dataset: {
        ...dataset(3),
        kind: 'subscriptions',
        endDay: Int32Array.from([NO_DAY, 19_800, NO_DAY]),
        list: Uint8Array.from([0, 1, 1]),
      },
      mapping: { ...session('s').mapping, kind: 'subscriptions' },
      summary: { ...session('s', 's', 3).summary, kind: 'subscriptions' },
    };
    const bare: StoredSession = {
      ...session('b', 'b', 2),
      dataset: { ...dataset(2), amount: null, order: null, categories: [] },
    };
    const decoded = await decodeBackup(encodeBackup([full, bare], 5));
    if (!decoded.ok) throw new Error(decoded.code);
    expect(decoded.value).toEqual([
      { ...full, revision: undefined },
      { ...bare, revision: undefined },
    ]);
  });

  it('refuses damaged, foreign and hand-edited files with a code', async () => {
    const good = new Uint8Array(await encodeBackup([session('a')], 5).arrayBuffer());
    const headerLength = new DataView(good.buffer).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(good.subarray(12, 12 + headerLength)));
    const section = good.subarray(12 + headerLength + ((8 - ((12 + headerLength) % 8)) % 8));
    /** The file with its header replaced, columns kept. */
    const edited = (change: (header: Record<string, never>) => unknown): Blob => {
      const copy = structuredClone(header);
      const bytes = new TextEncoder().encode(JSON.stringify(change(copy) ?? copy));
      const prefix = new Uint8Array(12);
      prefix.set(new TextEncoder().encode('BEHOUDBK'));
      new DataView(prefix.buffer).setUint32(8, bytes.length, true);
      const padding = new Uint8Array((8 - ((12 + bytes.length) % 8)) % 8);
      return new Blob([prefix, bytes, padding, section]);
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Header = any;
    const cases: [string, Blob][] = [
      ['empty', new Blob([])],
      ['foreign', new Blob(['customer,date\nanna,2024-01-03\n'])],
      ['truncated', new Blob([good.slice(0, good.length - 9)])],
      ['flipped magic', new Blob([Uint8Array.from([0x58, ...good.subarray(1)])])],
      ['header length past the end', new Blob([good.slice(0, 12)])],
      ['not JSON', edited(() => '{"format":')],
      ['wrong format', edited((h: Header) => ({ ...h, format: 'other' }))],
      ['no sessions', edited((h: Header) => ({ ...h, sessions: 'none' }))],
      [
        'customer code out of range',
        edited((h: Header) => {
          h.sessions[0].dataset.customerKeys = ['only one'];
        }),
      ],
      [
        'column too long',
        edited((h: Header) => {
          h.sessions[0].dataset.rowCount = 5;
        }),
      ],
      [
        'column past the end',
        edited((h: Header) => {
          h.sessions[0].dataset.columns.day.offset = 4096;
        }),
      ],
      [
        'wrong column type',
        edited((h: Header) => {
          h.sessions[0].dataset.columns.amount.type = 'int32';
        }),
      ],
      [
        'unknown role',
        edited((h: Header) => {
          h.sessions[0].mapping.roles = ['klant'];
        }),
      ],
      [
        'missing name',
        edited((h: Header) => {
          delete h.sessions[0].name;
        }),
      ],
      [
        'unknown unit',
        edited((h: Header) => {
          h.sessions[0].settings.unit = 'fortnight';
        }),
      ],
      [
        'duplicate ids',
        edited((h: Header) => {
          h.sessions.push(h.sessions[0]);
        }),
      ],
    ];
    for (const [label, blob] of cases) {
      const result = await decodeBackup(blob);
      expect({ label, code: result.ok ? 'ok' : result.code }).toEqual({
        label,
        code: 'invalid-backup',
      });
    }
    const newer = await decodeBackup(edited((h: Header) => ({ ...h, formatVersion: 2 })));
    expect(newer).toEqual({ ok: false, code: 'newer-schema' });
    // The unedited header still reads, so the cases above failed for their own reason.
    expect((await decodeBackup(edited(() => undefined))).ok).toBe(true);

    const store = tab();
    await value(store.saveSession(session('kept')));
    expect(await code(store.importBackup(cases[3][1]))).toBe('invalid-backup');
    expect((await value(store.listSessions())).map((meta) => meta.id)).toEqual(['kept']);
  });
});

describe('persistent storage', () => {
  it('asks the browser once and remembers the answer', async () => {
    let asked = 0;
    const store = tab({ storage: { persist: async () => (asked += 1) === 1 } });
    expect(await value(store.requestPersistence())).toBe(true);
    expect(await value(store.requestPersistence())).toBe(true);
    expect(asked).toBe(1);
  });

  it('does not remember a worker, which cannot ask', async () => {
    expect(await value(tab({ storage: {} }).requestPersistence())).toBe(false);
    let asked = 0;
    const page = tab({ storage: { persist: async () => (asked += 1) > 0 } });
    expect(await value(page.requestPersistence())).toBe(true);
    expect(asked).toBe(1);
  });
});

describe('the sessions state of the page', () => {
  it('deletes with an undo that runs out, and restores within it', async () => {
    const store = tab();
    await value(store.saveSession(session('a')));
    await value(store.saveSession(session('b')));
    const state = new SessionsState(store, 50);
    await state.refresh();
    expect(state.list.map((meta) => meta.id).sort()).toEqual(['a', 'b']);

    await state.remove('a');
    expect(state.list.map((meta) => meta.id)).toEqual(['b']);
    expect(state.deleted?.name).toBe('Analyse a');
    await state.undo();
    expect(state.deleted).toBe(null);
    expect(state.list.map((meta) => meta.id).sort()).toEqual(['a', 'b']);

    await state.remove('b');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(state.deleted).toBe(null);
    await state.undo();
    expect(state.list.map((meta) => meta.id)).toEqual(['a']);

    await state.rename('a', '  Nieuwe naam  ');
    expect(state.list[0].name).toBe('Nieuwe naam');
    await state.rename('gone', 'x');
    expect(state.problem).toBe('not-found');
    state.dismissProblem();

    const backup = await state.exportBackup();
    expect(backup?.fileName).toMatch(/^behoud-\d{4}-\d{2}-\d{2}\.behoud$/);
    expect(state.lastBackupAt).not.toBe(null);
    expect(await state.importBackup(new Blob(['not a backup']))).toBe(null);
    expect(state.problem).toBe('invalid-backup');
    state.dispose();
  });
});
