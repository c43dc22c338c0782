/**
 * The IndexedDB database of drafts and revisions: its upgrades, the stored records and small promise
 * wrappers over raw IndexedDB (no runtime dependency).
 *
 * What is stored is the document model of src/core/model, never the editor's JSON (ARCHITECTURE.md,
 * convention 2), inside a versioned envelope. Reading a record never throws: a record that cannot be
 * read (damaged on disk, written by hand, from a newer app) comes back as a `DamagedRecord` that still
 * carries its raw value, so the drafts list shows it and its data can be downloaded.
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import { SCHEMA_VERSION } from '../core/model/types.ts';
import { migrate } from '../core/model/migrations.ts';
import { formatValidationErrors, validateDocument } from '../core/model/validate.ts';
import { DB_NAME, DB_UPGRADES, DB_VERSION, type StoreName } from './schema.ts';

// The database's name, stores and upgrades live in schema.ts, which imports nothing: the page's first
// script (storage/early.ts) opens the database with them before the app's code has loaded.
export { DB_NAME, DB_UPGRADES, DB_VERSION, STORES, type DbUpgrade, type StoreName } from './schema.ts';

/** The version of the record envelope below; a record from a newer app is reported, not guessed at. */
export const RECORD_VERSION = 1 as const;

/** A draft as stored. `saveCount` goes up by one with every write of the document (see `save`). */
export interface DraftRecord {
  readonly recordVersion: typeof RECORD_VERSION;
  readonly id: string;
  readonly name: string;
  /** ISO timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly saveCount: number;
  /** Set by a soft delete; the record is purged once the undo window has passed. */
  readonly deletedAt?: string;
  readonly document: ResolutionDocument;
}

/** A named snapshot of a draft: "Rev.1", or an automatic one such as "Before restoring Rev.1". */
export interface RevisionRecord {
  readonly recordVersion: typeof RECORD_VERSION;
  readonly id: string;
  readonly draftId: string;
  readonly name: string;
  readonly createdAt: string;
  /** True for the snapshots the app takes by itself (before a restore). */
  readonly automatic: boolean;
  /** The draft's `saveCount` when the snapshot was taken. */
  readonly saveCount: number;
  readonly document: ResolutionDocument;
}

/** A record that could be read, with its document migrated to the current schema and validated. */
export type StoredDraft = DraftRecord & {
  readonly damaged: false;
  /** The schema version the stored document had, when it was older and has been migrated. */
  readonly migratedFrom?: number;
};
export type StoredRevision = RevisionRecord & { readonly damaged: false; readonly migratedFrom?: number };

/** A record that could not be read. `raw` is the value as stored, for "download the raw data". */
export interface DamagedRecord {
  readonly damaged: true;
  readonly store: 'drafts' | 'revisions';
  readonly id: string;
  /** The name, when the damaged record still has a readable one. */
  readonly name?: string;
  readonly draftId?: string;
  readonly deletedAt?: string;
  /** What is wrong, for the person reading the drafts list. */
  readonly error: string;
  readonly raw: unknown;
}

export type DraftEntry = StoredDraft | DamagedRecord;

/**
 * A damaged draft record set aside when a revision was restored over it (drafts.ts, `restoreRevision`):
 * the record exactly as it was stored, under a key of its own, so that the drafts list still shows it
 * as damaged and offers its raw data for download, as for any damaged draft. It reads back as a
 * `DamagedRecord` whose `raw` is that record, not this envelope.
 */
export interface SetAsideRecord {
  readonly recordVersion: typeof RECORD_VERSION;
  readonly id: string;
  readonly setAside: 'damaged';
  /** The name the list shows: "<draft name> (damaged)". */
  readonly name: string;
  /** The draft whose record this was, and the name of the revision restored in its place. */
  readonly draftId: string;
  readonly replacedBy: string;
  readonly setAsideAt: string;
  readonly deletedAt?: string;
  /** The damaged record as it was stored. */
  readonly raw: unknown;
}
export type RevisionEntry = StoredRevision | DamagedRecord;

export type Fields = Readonly<Record<string, unknown>>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function own(record: Fields, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** Checks the envelope's fields; returns the first problem, or undefined. */
function envelopeProblem(
  record: Fields,
  fields: Readonly<Record<string, 'string' | 'time' | 'count' | 'boolean'>>,
) {
  const version = own(record, 'recordVersion');
  if (typeof version !== 'number') return 'it has no record version';
  if (version > RECORD_VERSION)
    return `it was written by a newer version of Resolution Drafter (record version ${version}); update the app to open it`;
  if (version !== RECORD_VERSION) return `unknown record version ${version}`;
  for (const [key, kind] of Object.entries(fields)) {
    const value = own(record, key);
    const ok =
      kind === 'string'
        ? typeof value === 'string'
        : kind === 'time'
          ? isTimestamp(value)
          : kind === 'boolean'
            ? typeof value === 'boolean'
            : Number.isSafeInteger(value) && (value as number) >= 0;
    if (!ok) return `its field "${key}" is missing or malformed`;
  }
  const deletedAt = own(record, 'deletedAt');
  if (deletedAt !== undefined && !isTimestamp(deletedAt)) return 'its field "deletedAt" is malformed';
  return undefined;
}

export type DocumentRead =
  | { readonly ok: true; readonly document: ResolutionDocument; readonly migratedFrom?: number }
  | { readonly ok: false; readonly error: string };

/** The stored document through the schema migrations (core/model/migrations.ts) and the validator. */
export function readDocument(value: unknown): DocumentRead {
  const migrated = migrate(value);
  if (!migrated.ok) return { ok: false, error: migrated.error };
  const checked = validateDocument(migrated.value);
  if (!checked.ok)
    return { ok: false, error: `its document is not valid: ${formatValidationErrors(checked.errors, 3)}` };
  return migrated.from < SCHEMA_VERSION
    ? { ok: true, document: checked.document, migratedFrom: migrated.from }
    : { ok: true, document: checked.document };
}

function damaged(
  store: DamagedRecord['store'],
  key: IDBValidKey,
  raw: unknown,
  problem: string,
): DamagedRecord {
  const record = isFields(raw) ? raw : {};
  const name = own(record, 'name');
  const draftId = own(record, 'draftId');
  const deletedAt = own(record, 'deletedAt');
  const what = store === 'drafts' ? 'draft' : 'revision';
  return {
    damaged: true,
    store,
    id: String(key),
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof draftId === 'string' ? { draftId } : {}),
    ...(isTimestamp(deletedAt) ? { deletedAt } : {}),
    // Problems come from here and from core/model ("This is not a resolution document: ..."): one sentence.
    error: `This stored ${what} cannot be opened: ${problem.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()).replace(/\.$/, '')}.`,
    raw,
  };
}

/**
 * When a value of the drafts store was removed (soft delete), or undefined: what `readDraftRecord`
 * gives as `deletedAt`, read without reading the document (the purge at start-up looks at every
 * record, and validating each document there cost as much as opening the draft).
 */
export function draftDeletedAt(raw: unknown): string | undefined {
  if (!isFields(raw)) return undefined;
  const deletedAt = own(raw, 'deletedAt');
  return isTimestamp(deletedAt) ? deletedAt : undefined;
}

/** Reads a value of the drafts store. Never throws. */
export function readDraftRecord(raw: unknown, key: IDBValidKey): DraftEntry {
  if (isFields(raw) && own(raw, 'setAside') === 'damaged') return readSetAside(raw, key);
  return readDraftValue(raw, key);
}

/**
 * A set-aside record (see `SetAsideRecord`) as the damaged record it keeps: why that record could not
 * be read, then where it came from. Its own name and deletion mark are the ones the list uses.
 */
function readSetAside(record: Fields, key: IDBValidKey): DamagedRecord {
  const raw = own(record, 'raw');
  const draftId = own(record, 'draftId');
  const original = readDraftValue(raw, typeof draftId === 'string' ? draftId : key);
  const problem = original.damaged ? original.error : 'This stored draft was set aside.';
  const replacedBy = own(record, 'replacedBy');
  const name = own(record, 'name');
  const deletedAt = own(record, 'deletedAt');
  const restored = typeof replacedBy === 'string' ? `“${replacedBy}”` : 'a revision';
  return {
    damaged: true,
    store: 'drafts',
    id: String(key),
    ...(typeof name === 'string' ? { name } : {}),
    ...(isTimestamp(deletedAt) ? { deletedAt } : {}),
    error: `${problem} It was set aside when ${restored} was restored in its place.`,
    raw,
  };
}

function readDraftValue(raw: unknown, key: IDBValidKey): DraftEntry {
  if (!isFields(raw)) return damaged('drafts', key, raw, 'it is not a record');
  const problem = envelopeProblem(raw, {
    id: 'string',
    name: 'string',
    createdAt: 'time',
    updatedAt: 'time',
    saveCount: 'count',
  });
  if (problem) return damaged('drafts', key, raw, problem);
  const read = readDocument(own(raw, 'document'));
  if (!read.ok) return damaged('drafts', key, raw, read.error);
  const deletedAt = own(raw, 'deletedAt') as string | undefined;
  return {
    damaged: false,
    recordVersion: RECORD_VERSION,
    id: raw.id as string,
    name: raw.name as string,
    createdAt: raw.createdAt as string,
    updatedAt: raw.updatedAt as string,
    saveCount: raw.saveCount as number,
    ...(deletedAt === undefined ? {} : { deletedAt }),
    document: read.document,
    ...(read.migratedFrom === undefined ? {} : { migratedFrom: read.migratedFrom }),
  };
}

/** Reads a value of the revisions store. Never throws. */
export function readRevisionRecord(raw: unknown, key: IDBValidKey): RevisionEntry {
  if (!isFields(raw)) return damaged('revisions', key, raw, 'it is not a record');
  const problem = envelopeProblem(raw, {
    id: 'string',
    draftId: 'string',
    name: 'string',
    createdAt: 'time',
    automatic: 'boolean',
    saveCount: 'count',
  });
  if (problem) return damaged('revisions', key, raw, problem);
  const read = readDocument(own(raw, 'document'));
  if (!read.ok) return damaged('revisions', key, raw, read.error);
  return {
    damaged: false,
    recordVersion: RECORD_VERSION,
    id: raw.id as string,
    draftId: raw.draftId as string,
    name: raw.name as string,
    createdAt: raw.createdAt as string,
    automatic: raw.automatic as boolean,
    saveCount: raw.saveCount as number,
    document: read.document,
    ...(read.migratedFrom === undefined ? {} : { migratedFrom: read.migratedFrom }),
  };
}

/** The envelope as written: the read-only extras (`damaged`, `migratedFrom`) are not stored. */
export function draftRecord(entry: DraftRecord): DraftRecord {
  const { recordVersion, id, name, createdAt, updatedAt, saveCount, deletedAt, document } = entry;
  return {
    recordVersion,
    id,
    name,
    createdAt,
    updatedAt,
    saveCount,
    ...(deletedAt === undefined ? {} : { deletedAt }),
    document,
  };
}

export function revisionRecord(entry: RevisionRecord): RevisionRecord {
  const { recordVersion, id, draftId, name, createdAt, automatic, saveCount, document } = entry;
  return { recordVersion, id, draftId, name, createdAt, automatic, saveCount, document };
}

/**
 * The raw value of a damaged record as JSON-compatible data, for download and for the bundle.
 * Structured clone stores what JSON cannot (cycles, BigInt, Dates, Maps); those are written as best
 * they can be ("[repeated]" for a value met twice, BigInt as a string), never thrown on.
 */
export function rawJson(raw: unknown): unknown {
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(raw, (_key, value: unknown) => {
      if (typeof value === 'bigint') return String(value);
      if (typeof value === 'object' && value !== null) {
        if (seen.has(value)) return '[repeated]';
        seen.add(value);
      }
      return value;
    });
    return text === undefined ? String(raw) : (JSON.parse(text) as unknown);
  } catch (error) {
    return { unreadable: String(raw), reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The raw value of a damaged record as text, for "download the raw data". */
export function rawText(raw: unknown): string {
  return `${JSON.stringify(rawJson(raw), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Opening the database

export interface OpenOptions {
  readonly name?: string;
  /**
   * Where the database lives: the page's `indexedDB` by default, or a Storage Bucket's
   * (`(await navigator.storageBuckets.open(name, { quota })).indexedDB`), which has its own quota.
   */
  readonly factory?: IDBFactory;
  /** Another tab holds the database at an older version and has not let go yet. */
  readonly onBlocked?: () => void;
  /** A newer version of the app (another tab) wants to upgrade: this connection has been closed. */
  readonly onVersionChange?: () => void;
}

/**
 * Opens (and creates or upgrades) the database. Rejects with an Error whose message can be shown when
 * IndexedDB is unavailable or the stored database is newer than this app.
 */
export function openDatabase(options: OpenOptions = {}): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const factory = options.factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
    if (!factory) {
      reject(new Error('This browser does not offer IndexedDB, so drafts cannot be kept.'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(options.name ?? DB_NAME, DB_VERSION);
    } catch (error) {
      reject(new Error(`The drafts database could not be opened: ${messageOf(error)}`));
      return;
    }
    request.onupgradeneeded = (event) => {
      const db = request.result;
      const tx = request.transaction;
      if (!tx) return;
      for (const step of DB_UPGRADES) if (step.version > event.oldVersion) step.upgrade(db, tx);
    };
    request.onblocked = () => options.onBlocked?.();
    request.onsuccess = () => {
      const db = request.result;
      watchVersionChange(db, options.onVersionChange);
      resolve(db);
    };
    request.onerror = () => {
      const error = request.error;
      reject(
        new Error(
          error?.name === 'VersionError'
            ? 'The drafts were opened by a newer version of Resolution Drafter (in another tab?); reload this page.'
            : `The drafts database could not be opened: ${messageOf(error)}`,
        ),
      );
    };
  });
}

/** Lets a newer app in another tab upgrade the database instead of blocking it forever: closes it. */
export function watchVersionChange(db: IDBDatabase, onVersionChange: (() => void) | undefined): void {
  db.onversionchange = () => {
    db.close();
    onVersionChange?.();
  };
}

/** Deletes a whole database (tests, and a future "erase everything"). */
export function deleteDatabase(name: string, factory: IDBFactory = indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete the database ${name}.`));
  });
}

/** An error as one line: "QuotaExceededError: …". */
export function messageOf(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}

// ---------------------------------------------------------------------------------------------------
// Promise wrappers

/** The result of one request. Await only these inside a transaction, or it commits early. */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new DOMException('The request failed.', 'UnknownError'));
  });
}

/**
 * Runs `body` in one transaction and resolves with its result once the transaction has committed.
 * A write is only durable then: a quota failure typically surfaces at commit, as an abort, after every
 * request has succeeded. If `body` throws, the transaction is aborted and nothing is written.
 */
export async function inTransaction<T, S extends string = StoreName>(
  db: IDBDatabase,
  stores: S | readonly S[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(typeof stores === 'string' ? stores : [...stores], mode);
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });
  let result: T;
  try {
    result = await body(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: the error below is the one to report.
    }
    done.catch(() => undefined);
    throw isAbortOf(error, tx) ? (tx.error ?? error) : error;
  }
  await done;
  return result;
}

/** A request that failed because its transaction aborted carries an AbortError; the cause is tx.error. */
function isAbortOf(error: unknown, tx: IDBTransaction): boolean {
  return error instanceof DOMException && error.name === 'AbortError' && tx.error !== null;
}

/** Every value of a store (or an index range) with its primary key, through a cursor. */
export function readAll(
  source: IDBObjectStore | IDBIndex,
  query?: IDBValidKey | IDBKeyRange,
): Promise<{ key: IDBValidKey; value: unknown }[]> {
  return new Promise((resolve, reject) => {
    const out: { key: IDBValidKey; value: unknown }[] = [];
    const request = source.openCursor(query);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        resolve(out);
        return;
      }
      out.push({ key: cursor.primaryKey, value: cursor.value as unknown });
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new DOMException('The cursor failed.', 'UnknownError'));
  });
}
