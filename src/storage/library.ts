/**
 * The user's own documents in the library (issue 13: "the documents the user adds (.pdf, .docx, .txt,
 * or a draft of theirs), kept in IndexedDB and removable").
 *
 * A database of its own, not a store of the drafts database: adding it there would mean a new upgrade
 * step of the drafts (db.ts, DB_UPGRADES), and a tab of an older app would then block, or be blocked
 * by, every tab that opens the library. Here the drafts database and its steps are untouched.
 *
 * What is stored is the document model (ARCHITECTURE.md, convention 2) in a versioned envelope, read
 * back through the schema migrations and the validator as drafts are (db.ts, `readDocument`). Reading
 * never throws: a record that cannot be read is listed as damaged, with why, and can be removed.
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import { formatValidationErrors, validateDocument } from '../core/model/validate.ts';
import {
  inTransaction,
  isFields,
  messageOf,
  own,
  readAll,
  readDocument,
  requestResult,
  type Fields,
} from './db.ts';
import { isQuotaError, QUOTA_MESSAGE } from './errors.ts';

export const LIBRARY_DB_NAME = 'resolution-drafter-library';

/** The database's one object store, keyed by the record's id. */
const DOCUMENTS = 'documents';
type LibraryStoreName = typeof DOCUMENTS;

/**
 * The database's steps, one per version, as db.ts keeps those of the drafts: a step runs once, when a
 * browser whose database is older opens it; never edit a released step, add a new one.
 */
const UPGRADES: readonly { readonly version: number; upgrade(db: IDBDatabase): void }[] = [
  { version: 1, upgrade: (db) => void db.createObjectStore(DOCUMENTS, { keyPath: 'id' }) },
];
const VERSION = UPGRADES[UPGRADES.length - 1]?.version ?? 1;

/** The version of the envelope below; a record from a newer app is reported, not guessed at. */
export const USER_RECORD_VERSION = 1 as const;

/** Where a document came from: the kind of file, or a draft of the user's. */
export const USER_DOCUMENT_SOURCES = ['pdf', 'docx', 'text', 'html', 'draft', 'json'] as const;
export type UserDocumentSource = (typeof USER_DOCUMENT_SOURCES)[number];

export interface UserDocumentRecord {
  readonly recordVersion: typeof USER_RECORD_VERSION;
  /** "user:<uuid>": the library's id of the document (LibraryMeta.id). */
  readonly id: string;
  /** The file's name, or the draft's. */
  readonly name: string;
  /** ISO timestamp. */
  readonly addedAt: string;
  readonly source: UserDocumentSource;
  readonly document: ResolutionDocument;
}

export type StoredUserDocument = UserDocumentRecord & {
  readonly damaged: false;
  /** The schema version the stored document had, when it was older and has been migrated. */
  readonly migratedFrom?: number;
};

export interface DamagedUserDocument {
  readonly damaged: true;
  readonly id: string;
  /** The name, when the damaged record still has a readable one. */
  readonly name?: string;
  /** One sentence, for the person reading the list. */
  readonly error: string;
  /** The value as stored. */
  readonly raw: unknown;
}

export type UserDocumentEntry = StoredUserDocument | DamagedUserDocument;

/** A document to add: the store gives it its id and date. */
export interface NewUserDocument {
  readonly name: string;
  readonly source: UserDocumentSource;
  readonly document: ResolutionDocument;
}

/** Expected trouble as a value (ARCHITECTURE.md, convention 6): a full disk, a document not valid. */
export type LibraryWrite<T extends object> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly reason: 'quota' | 'invalid' | 'error'; readonly message: string };

export interface UserDocumentStore {
  /** Every record, readable or damaged, in the order added. */
  list(): Promise<UserDocumentEntry[]>;
  /** Adds the documents together, in one transaction: all of them or none. */
  add(documents: readonly NewUserDocument[]): Promise<LibraryWrite<{ readonly added: StoredUserDocument[] }>>;
  /** Puts a removed record back as it was (undo). */
  restore(record: UserDocumentRecord): Promise<LibraryWrite<object>>;
  /** Deletes a record, readable or damaged; removing one that is not there is not an error. */
  remove(id: string): Promise<LibraryWrite<object>>;
  close(): void;
}

export interface UserDocumentStoreOptions {
  /** The database name; tests use their own. */
  readonly dbName?: string;
  /** The IndexedDB to use (a Storage Bucket's in the quota test); the page's by default. */
  readonly factory?: IDBFactory;
  /** The clock, in milliseconds. */
  readonly now?: () => number;
}

/** Opens the library's database; rejects with a sentence to show when IndexedDB is unavailable. */
export async function openUserDocumentStore(
  options: UserDocumentStoreOptions = {},
): Promise<UserDocumentStore> {
  const db = await openLibraryDatabase(options.dbName ?? LIBRARY_DB_NAME, options.factory);
  return new IdbUserDocumentStore(db, options.now ?? Date.now);
}

function openLibraryDatabase(name: string, given?: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const factory = given ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
    if (!factory) {
      reject(new Error('This browser does not offer IndexedDB, so your documents cannot be kept.'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, VERSION);
    } catch (error) {
      reject(new Error(`Your documents could not be opened: ${messageOf(error)}`));
      return;
    }
    request.onupgradeneeded = (event) => {
      for (const step of UPGRADES) if (step.version > event.oldVersion) step.upgrade(request.result);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer app in another tab may need to upgrade: let it, rather than block it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () =>
      reject(
        new Error(
          request.error?.name === 'VersionError'
            ? 'Your documents were opened by a newer version of Resolution Drafter (in another tab?); reload this page.'
            : `Your documents could not be opened: ${messageOf(request.error)}`,
        ),
      );
  });
}

function damaged(key: IDBValidKey, raw: unknown, problem: string): DamagedUserDocument {
  const name = isFields(raw) ? own(raw, 'name') : undefined;
  return {
    damaged: true,
    id: String(key),
    ...(typeof name === 'string' ? { name } : {}),
    // Problems come from here and from core/model ("This is not a resolution document: ..."): one sentence.
    error: `This stored document cannot be read: ${problem.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()).replace(/\.$/, '')}.`,
    raw,
  };
}

/** What is wrong with the envelope, or undefined. */
function envelopeProblem(record: Fields): string | undefined {
  const version = own(record, 'recordVersion');
  if (typeof version !== 'number') return 'it has no record version';
  if (version > USER_RECORD_VERSION)
    return `it was written by a newer version of Resolution Drafter (record version ${version}); update the app to read it`;
  if (version !== USER_RECORD_VERSION) return `unknown record version ${version}`;
  for (const key of ['id', 'name'])
    if (typeof own(record, key) !== 'string') return `its field "${key}" is missing or malformed`;
  const addedAt = own(record, 'addedAt');
  if (typeof addedAt !== 'string' || Number.isNaN(Date.parse(addedAt)))
    return 'its field "addedAt" is missing or malformed';
  const source = own(record, 'source');
  if (!USER_DOCUMENT_SOURCES.includes(source as UserDocumentSource))
    return 'its field "source" is missing or malformed';
  return undefined;
}

/** Reads a value of the store. Never throws. */
export function readUserDocumentRecord(raw: unknown, key: IDBValidKey): UserDocumentEntry {
  if (!isFields(raw)) return damaged(key, raw, 'it is not a record');
  const problem = envelopeProblem(raw);
  if (problem) return damaged(key, raw, problem);
  const read = readDocument(own(raw, 'document'));
  if (!read.ok) return damaged(key, raw, read.error);
  return {
    damaged: false,
    recordVersion: USER_RECORD_VERSION,
    id: raw.id as string,
    name: raw.name as string,
    addedAt: raw.addedAt as string,
    source: raw.source as UserDocumentSource,
    document: read.document,
    ...(read.migratedFrom === undefined ? {} : { migratedFrom: read.migratedFrom }),
  };
}

/** The envelope as written: the read-only extras (`damaged`, `migratedFrom`) are not stored. */
export function userDocumentRecord(entry: UserDocumentRecord): UserDocumentRecord {
  const { recordVersion, id, name, addedAt, source, document } = entry;
  return { recordVersion, id, name, addedAt, source, document };
}

function failure(error: unknown): LibraryWrite<never> {
  if (isQuotaError(error)) return { ok: false, reason: 'quota', message: QUOTA_MESSAGE };
  return {
    ok: false,
    reason: 'error',
    message: `The browser could not store the document (${error instanceof Error || error instanceof DOMException ? error.message : String(error)}).`,
  };
}

class IdbUserDocumentStore implements UserDocumentStore {
  constructor(
    private readonly db: IDBDatabase,
    private readonly now: () => number,
  ) {}

  private transaction<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => Promise<T>): Promise<T> {
    return inTransaction<T, LibraryStoreName>(this.db, DOCUMENTS, mode, (tx) =>
      body(tx.objectStore(DOCUMENTS)),
    );
  }

  /** Runs a write; storage errors (quota, IO, a closed database) become a failure value. */
  private async write<T extends object>(body: () => Promise<LibraryWrite<T>>): Promise<LibraryWrite<T>> {
    try {
      return await body();
    } catch (error) {
      return failure(error);
    }
  }

  async list(): Promise<UserDocumentEntry[]> {
    const rows = await this.transaction('readonly', (store) => readAll(store));
    const entries = rows.map(({ key, value }) => readUserDocumentRecord(value, key));
    const addedAt = (e: UserDocumentEntry) => (e.damaged ? '' : e.addedAt);
    // Damaged records have no date to trust: they come first, where they are seen. The documents of
    // one file share their date (and their ids are random): "report.html (2 of 10)" before "(10 of 10)".
    return entries.sort(
      (a, b) =>
        addedAt(a).localeCompare(addedAt(b)) ||
        (a.name ?? '').localeCompare(b.name ?? '', 'en', { numeric: true }),
    );
  }

  add(
    documents: readonly NewUserDocument[],
  ): Promise<LibraryWrite<{ readonly added: StoredUserDocument[] }>> {
    for (const d of documents) {
      const checked = validateDocument(d.document);
      if (!checked.ok)
        return Promise.resolve({
          ok: false,
          reason: 'invalid',
          message: `${d.name} was not stored: ${formatValidationErrors(checked.errors, 3)}`,
        });
    }
    const addedAt = new Date(this.now()).toISOString();
    const records: UserDocumentRecord[] = documents.map((d) => ({
      recordVersion: USER_RECORD_VERSION,
      id: `user:${crypto.randomUUID()}`,
      name: d.name.trim() || d.document.title.trim() || 'Untitled document',
      addedAt,
      source: d.source,
      document: d.document,
    }));
    return this.write(async () => {
      await this.transaction('readwrite', async (store) => {
        for (const record of records) await requestResult(store.add(record));
      });
      return { ok: true, added: records.map((r) => ({ ...r, damaged: false as const })) };
    });
  }

  restore(record: UserDocumentRecord): Promise<LibraryWrite<object>> {
    return this.write(async () => {
      await this.transaction('readwrite', (store) => requestResult(store.put(userDocumentRecord(record))));
      return { ok: true };
    });
  }

  remove(id: string): Promise<LibraryWrite<object>> {
    return this.write(async () => {
      await this.transaction('readwrite', (store) => requestResult(store.delete(id)));
      return { ok: true };
    });
  }

  close(): void {
    this.db.close();
  }
}
