/**
 * The early read: the page's first script (a file of its own, put before the app's in the page by
 * vite.config.ts) opens the drafts database and reads the draft opened last while the app's code is
 * still being fetched and compiled. The app then takes the open connection and the stored record
 * instead of asking for them after its code has run: on a cold load, those round trips to IndexedDB
 * (open, the id of the draft opened last, the draft) came after some 50 ms of compiling and were a
 * good part of the wait before the draft showed (issue 16, "cold load").
 *
 * Importing this module starts the read (once per page): the app's entry imports it too, so without
 * the early script (the dev server, the tests) the read starts with the app and nothing else changes.
 *
 * It reads and decides nothing: the record goes to the drafts store raw, which reads and checks it as
 * it reads any record (storage/db.ts). A database that would need creating or upgrading is left for
 * the app to open (the upgrade is aborted here, so nothing is created with a half-known schema); a
 * failure of any kind gives nothing, and the app opens the database itself and reports what it finds.
 */
import { DB_NAME, DB_VERSION, LAST_OPENED_KEY, STORES, lastOpenedId } from './schema.ts';

/** The draft opened last as stored: its id and its record, unread (undefined when none). */
export interface EarlyLastOpened {
  readonly id: string | undefined;
  readonly raw: unknown;
}

/** What the early read found. */
export interface EarlyRead {
  /** The drafts database, open at the current version. */
  readonly db: IDBDatabase;
  /** The draft opened last, or null when it could not be read (the store reads it again). */
  readonly lastOpened: EarlyLastOpened | null;
}

let started: Promise<EarlyRead | null> | undefined;

/** Starts the early read of the drafts database, unless it has started (this module does, when first run). */
function startEarlyRead(): void {
  started ??= typeof indexedDB === 'undefined' ? Promise.resolve(null) : readEarly(indexedDB, DB_NAME);
}

/**
 * The early read's result, once: the connection then belongs to the caller (the drafts store), and a
 * later call gets null and opens its own. Null too when no read was started or it found nothing usable.
 */
export function takeEarlyRead(): Promise<EarlyRead | null> {
  const result = started ?? Promise.resolve(null);
  started = Promise.resolve(null);
  return result;
}

/**
 * Opens database `name` at the current version and reads the draft opened last, in one transaction.
 * Null, having created and changed nothing, when the database does not exist, needs an upgrade, or
 * cannot be opened.
 */
export function readEarly(factory: IDBFactory, name: string): Promise<EarlyRead | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch {
      resolve(null);
      return;
    }
    // A new or older database: the app creates or upgrades it (storage/db.ts), not this script.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      // Until the app takes it, let a newer app in another tab upgrade (as the store's handler does).
      db.onversionchange = () => db.close();
      let id: string | undefined;
      let raw: unknown;
      let tx: IDBTransaction;
      try {
        tx = db.transaction([STORES.meta, STORES.drafts], 'readonly');
        const last = tx.objectStore(STORES.meta).get(LAST_OPENED_KEY);
        last.onsuccess = () => {
          id = lastOpenedId(last.result);
          if (id === undefined) return;
          const draft = tx.objectStore(STORES.drafts).get(id);
          draft.onsuccess = () => {
            raw = draft.result;
          };
        };
      } catch {
        resolve({ db, lastOpened: null });
        return;
      }
      tx.oncomplete = () => resolve({ db, lastOpened: { id, raw } });
      tx.onabort = () => resolve({ db, lastOpened: null });
    };
  });
}

startEarlyRead();
