/**
 * The draft store: list, open, save, rename, duplicate, delete with undo, revisions, and the files that
 * carry drafts out of the browser (one *.resolution.json, or a bundle of everything), over IndexedDB.
 *
 * This module holds the store's interface and its IndexedDB implementation, which composes the rest:
 * db.ts reads and writes the records, draftRecords.ts makes new ones, naming.ts names drafts,
 * revisions and files, summaries.ts orders the lists, revisions.ts takes and restores revisions,
 * files.ts writes and reads the files, results.ts holds the failure values. Those modules never import
 * this one. The names re-exported below are part of this module's interface since before the split;
 * new code may import them from their own modules.
 *
 * Two kinds of failure (ARCHITECTURE.md, convention 6): a full disk, a stale tab, a deleted draft are
 * expected trouble and come back as values (`{ ok: false, reason, message }`); the caller still holds
 * the document and nothing is lost. Reading never throws on a damaged record (see db.ts).
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import type { DraftEntry, DraftRecord, RevisionEntry, StoredDraft } from './db.ts';
import type { UnsavedDraft } from './files.ts';
import type { Failed, Result, SaveResult } from './results.ts';
import type { RestoreResult } from './revisions.ts';
import type { DraftSummary, RevisionSummary, StoredRevisionSummary } from './summaries.ts';
import type { TabChannel, TabMessageBody } from './tabs.ts';
import type { EarlyLastOpened, EarlyRead } from './early.ts';
import { LAST_OPENED_KEY, lastOpenedId } from './schema.ts';
import { formatValidationErrors, validateDocument } from '../core/model/validate.ts';
import {
  DB_NAME,
  STORES,
  draftRecord,
  inTransaction,
  openDatabase,
  readAll,
  watchVersionChange,
  draftDeletedAt,
  readDraftRecord,
  readRevisionRecord,
  requestResult,
} from './db.ts';
import { newDraftRecord, storedDraft, timestampOf } from './draftRecords.ts';
import { describeStorageError } from './errors.ts';
import { draftFile, readImportFile, writeBundle } from './files.ts';
import { copyName, draftName } from './naming.ts';
import { damagedFailure, fresh, invalid, notFound } from './results.ts';
import { addRevision, restoreRevision } from './revisions.ts';
import { listedDrafts, listedRevisions } from './summaries.ts';
import { createTabChannel } from './tabs.ts';

export { BUNDLE_FORMAT, BUNDLE_VERSION, type UnsavedDraft } from './files.ts';
export { LAST_STORED_REVISION, draftFileName } from './naming.ts';
export type { Failed, Failure, Result, SaveResult } from './results.ts';
export type { RestoreResult } from './revisions.ts';
export type { DraftSummary, RevisionSummary, SetAsideDraft, StoredRevisionSummary } from './summaries.ts';

/** How long a deleted draft can be brought back; after that it and its revisions are purged. */
export const UNDO_REMOVE_MS = 10 * 60 * 1000;

export interface ImportResult {
  readonly drafts: readonly StoredDraft[];
  /** What a bundle held that could not be imported, one line each; the rest was imported. */
  readonly problems: readonly string[];
}

export interface DraftStore {
  /** This tab's id on the tab channel. */
  readonly tabId: string;
  /** Drafts not deleted, most recently changed first; damaged records last, still listed. */
  list(): Promise<DraftSummary[]>;
  /** A draft, or undefined when there is none (or it is deleted). */
  get(id: string): Promise<DraftEntry | undefined>;
  create(document: ResolutionDocument, name?: string): Promise<Result<{ draft: StoredDraft }>>;
  /**
   * Writes the document if the stored draft still has `expectedSaveCount` (the count this tab last
   * read or wrote); otherwise another tab wrote in between and the result is a conflict carrying the
   * stored version.
   */
  save(id: string, document: ResolutionDocument, options: { expectedSaveCount: number }): Promise<SaveResult>;
  rename(id: string, name: string): Promise<Result<{ name: string }>>;
  duplicate(id: string, name?: string): Promise<Result<{ draft: StoredDraft }>>;
  /**
   * A soft delete: `undoRemove` brings the draft back until it is purged, by the first `list()` after
   * `undoUntil`. Damaged records can be removed too.
   */
  remove(id: string): Promise<Result<{ undoUntil: string }>>;
  undoRemove(id: string): Promise<Result<object>>;
  /** Deletes for good what was removed more than UNDO_REMOVE_MS ago; returns how many drafts. */
  purgeRemoved(): Promise<number>;
  /** Snapshots the stored draft (flush the autosave first). Unnamed revisions are "Rev.1", "Rev.2" ... */
  createRevision(draftId: string, name?: string): Promise<Result<{ revision: StoredRevisionSummary }>>;
  /** Oldest first. */
  listRevisions(draftId: string): Promise<RevisionSummary[]>;
  getRevision(id: string): Promise<RevisionEntry | undefined>;
  /**
   * Makes a revision the draft's document again, after snapshotting the current document as the
   * automatic revision "Before restoring <name>", so a restore can itself be undone. When the draft's
   * own record is damaged, the restore is how to get the draft back: the damaged record is set aside
   * under a new id, raw data and all, and listed as a damaged draft (the save count is not checked,
   * for none can be trusted).
   */
  restoreRevision(
    draftId: string,
    revisionId: string,
    options?: { expectedSaveCount?: number },
  ): Promise<RestoreResult>;
  /** One draft as a *.resolution.json file. */
  exportDraft(id: string): Promise<{ fileName: string; text: string } | undefined>;
  /**
   * Every draft (not deleted) with its revisions, and the raw data of every damaged record, as JSON.
   * `unsaved` is the open draft's text that could not be stored (a full disk): it goes into the bundle
   * as that draft's document, and the stored text it supersedes as its revision "Last stored version".
   */
  exportAll(options?: { readonly unsaved?: UnsavedDraft }): Promise<string>;
  /** A *.resolution.json file (one new draft) or a bundle from exportAll (new drafts, new ids). */
  importFile(text: string, options?: { fileName?: string }): Promise<Result<ImportResult>>;
  /** The draft opened last, to reopen after a reload or a crash. */
  getLastOpened(): Promise<string | undefined>;
  /**
   * The draft opened last itself (undefined when none, or it was deleted), read with its id in one
   * transaction. A store opened with the page's early read (storage/early.ts) answers the first call
   * from what that read found.
   */
  getLastOpenedDraft(): Promise<DraftEntry | undefined>;
  setLastOpened(id: string): Promise<void>;
  close(): void;
}

export interface DraftStoreOptions {
  /** The database name; tests use their own. */
  readonly dbName?: string;
  /** The IndexedDB to use (see OpenOptions.factory in db.ts); the page's by default. */
  readonly factory?: IDBFactory;
  /** Defaults to the shared BroadcastChannel of the app. */
  readonly channel?: TabChannel;
  /** The clock, in milliseconds; tests move it past the undo window. */
  readonly now?: () => number;
  readonly onVersionChange?: () => void;
  /**
   * The page's early read (storage/early.ts): its connection is the store's, and what it read answers
   * the first `getLastOpenedDraft`. Used when it is of the database asked for (by name).
   */
  readonly early?: EarlyRead | null;
}

/**
 * Opens the drafts database; rejects with a message to show when IndexedDB is unavailable. Drafts
 * removed longer ago than the undo window are purged by the first `list()`, which reads every draft
 * anyway, not here: opening the store is on the way to the draft opened last, which it need not wait for.
 */
export async function openDraftStore(options: DraftStoreOptions = {}): Promise<DraftStore> {
  const early = options.early?.db.name === (options.dbName ?? DB_NAME) ? options.early : undefined;
  // An early read of another database is of no use here: its connection is not left open.
  if (options.early && early === undefined) options.early.db.close();
  if (early) watchVersionChange(early.db, options.onVersionChange);
  const db =
    early?.db ??
    (await openDatabase({
      ...(options.dbName === undefined ? {} : { name: options.dbName }),
      ...(options.factory === undefined ? {} : { factory: options.factory }),
      ...(options.onVersionChange === undefined ? {} : { onVersionChange: options.onVersionChange }),
    }));
  return new IdbDraftStore(
    db,
    options.channel ?? createTabChannel(),
    options.now ?? Date.now,
    early?.lastOpened ?? undefined,
  );
}

/** A stored draft as read (damaged or not), or undefined when there is none or it is deleted. */
function liveEntry(raw: unknown, id: string): DraftEntry | undefined {
  if (raw === undefined) return undefined;
  const entry = readDraftRecord(raw, id);
  return entry.deletedAt === undefined ? entry : undefined;
}

/** A document the validator refuses is not stored; the failure says why. */
function unsavable(document: ResolutionDocument): Failed | undefined {
  const checked = validateDocument(document);
  return checked.ok
    ? undefined
    : invalid(`The draft was not saved: ${formatValidationErrors(checked.errors, 3)}`);
}

class IdbDraftStore implements DraftStore {
  readonly tabId: string;

  constructor(
    private readonly db: IDBDatabase,
    private readonly channel: TabChannel,
    private readonly now: () => number,
    /** What the page's early read found, for the first `getLastOpenedDraft` (then forgotten). */
    private early: EarlyLastOpened | undefined,
  ) {
    this.tabId = channel.tabId;
  }

  private timestamp(): string {
    return timestampOf(this.now);
  }

  private announce(message: TabMessageBody): void {
    this.channel.post({ ...message, tabId: this.tabId });
  }

  /** Runs a write; storage errors (quota, IO, a closed database) become a failure value. */
  private async write<R>(body: () => Promise<R>): Promise<R | Failed> {
    try {
      return await body();
    } catch (error) {
      return { ok: false, ...describeStorageError(error) };
    }
  }

  async list(): Promise<DraftSummary[]> {
    await this.purgeRemoved().catch(() => 0);
    const rows = await inTransaction(this.db, STORES.drafts, 'readonly', (tx) =>
      readAll(tx.objectStore(STORES.drafts)),
    );
    return listedDrafts(rows.map(({ key, value }) => readDraftRecord(value, key)));
  }

  async get(id: string): Promise<DraftEntry | undefined> {
    const raw = await inTransaction(this.db, STORES.drafts, 'readonly', (tx) =>
      requestResult(tx.objectStore(STORES.drafts).get(id)),
    );
    return liveEntry(raw, id);
  }

  create(document: ResolutionDocument, name?: string): Promise<Result<{ draft: StoredDraft }>> {
    return this.write(async () => {
      const refused = unsavable(document);
      if (refused) return refused;
      const now = this.timestamp();
      const record = newDraftRecord({
        name: draftName(name, document),
        createdAt: now,
        updatedAt: now,
        document,
      });
      await inTransaction(this.db, STORES.drafts, 'readwrite', (tx) =>
        requestResult(tx.objectStore(STORES.drafts).add(record)),
      );
      this.announce({ type: 'changed', draftId: record.id });
      return { ok: true, draft: storedDraft(record) };
    });
  }

  async save(
    id: string,
    document: ResolutionDocument,
    options: { expectedSaveCount: number },
  ): Promise<SaveResult> {
    const refused = unsavable(document);
    if (refused) return refused;
    const result = await this.write(() =>
      inTransaction(this.db, STORES.drafts, 'readwrite', async (tx): Promise<SaveResult> => {
        const drafts = tx.objectStore(STORES.drafts);
        const raw = await requestResult(drafts.get(id));
        if (raw === undefined) return notFound(id);
        const current = readDraftRecord(raw, id);
        if (current.deletedAt !== undefined)
          return {
            ok: false,
            reason: 'not-found',
            message: 'This draft was deleted (perhaps in another tab).',
          };
        // Checked and written in one transaction, so no other tab can write in between.
        const writable = fresh(current, options.expectedSaveCount);
        if (!writable.ok) return writable;
        const updatedAt = this.timestamp();
        const saveCount = writable.draft.saveCount + 1;
        await requestResult(drafts.put(draftRecord({ ...writable.draft, document, updatedAt, saveCount })));
        return { ok: true, saveCount, updatedAt };
      }),
    );
    if (result.ok) this.announce({ type: 'saved', draftId: id, saveCount: result.saveCount });
    return result;
  }

  /** Reads, changes and writes one readable draft in one transaction. */
  private update<T extends object>(
    id: string,
    change: (draft: StoredDraft) => { record: DraftRecord; result: T } | Failed,
    options: { includeRemoved?: boolean } = {},
  ): Promise<Result<T>> {
    return this.write(() =>
      inTransaction(this.db, STORES.drafts, 'readwrite', async (tx): Promise<Result<T>> => {
        const drafts = tx.objectStore(STORES.drafts);
        const raw = await requestResult(drafts.get(id));
        if (raw === undefined) return notFound(id);
        const current = readDraftRecord(raw, id);
        if ((current.deletedAt !== undefined) !== Boolean(options.includeRemoved)) return notFound(id);
        if (current.damaged) return damagedFailure(current);
        const changed = change(current);
        if ('ok' in changed) return changed;
        await requestResult(drafts.put(draftRecord(changed.record)));
        return { ok: true, ...changed.result };
      }),
    );
  }

  async rename(id: string, name: string): Promise<Result<{ name: string }>> {
    const trimmed = name.trim();
    if (trimmed === '') return invalid('A draft needs a name.');
    // The save count is left alone: renaming in the list must not turn the editing tab's next save into a conflict.
    const result = await this.update(id, (draft) => ({
      record: { ...draft, name: trimmed },
      result: { name: trimmed },
    }));
    if (result.ok) this.announce({ type: 'changed', draftId: id });
    return result;
  }

  async duplicate(id: string, name?: string): Promise<Result<{ draft: StoredDraft }>> {
    const source = await this.get(id).catch(() => undefined);
    if (!source) return notFound(id);
    if (source.damaged) return damagedFailure(source);
    return this.create(source.document, name?.trim() || copyName(source.name));
  }

  async remove(id: string): Promise<Result<{ undoUntil: string }>> {
    const deletedAt = this.timestamp();
    const undoUntil = new Date(this.now() + UNDO_REMOVE_MS).toISOString();
    const result = await this.write(() =>
      inTransaction(
        this.db,
        STORES.drafts,
        'readwrite',
        async (tx): Promise<Result<{ undoUntil: string }>> => {
          const drafts = tx.objectStore(STORES.drafts);
          const raw: unknown = await requestResult(drafts.get(id));
          if (raw === undefined || readDraftRecord(raw, id).deletedAt !== undefined) return notFound(id);
          // A damaged record is marked the same way, its raw value kept as it is until the purge.
          const marked = typeof raw === 'object' && raw !== null ? { ...raw, deletedAt } : undefined;
          if (marked) await requestResult(drafts.put(marked));
          else await requestResult(drafts.delete(id));
          return { ok: true, undoUntil };
        },
      ),
    );
    if (result.ok) this.announce({ type: 'changed', draftId: id });
    return result;
  }

  async undoRemove(id: string): Promise<Result<object>> {
    const result = await this.write(() =>
      inTransaction(this.db, STORES.drafts, 'readwrite', async (tx): Promise<Result<object>> => {
        const drafts = tx.objectStore(STORES.drafts);
        const raw: unknown = await requestResult(drafts.get(id));
        if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'deletedAt')) return notFound(id);
        const { deletedAt: _deletedAt, ...rest } = raw as Record<string, unknown>;
        await requestResult(drafts.put(rest));
        return { ok: true };
      }),
    );
    if (result.ok) this.announce({ type: 'changed', draftId: id });
    return result;
  }

  async purgeRemoved(): Promise<number> {
    const cutoff = this.now() - UNDO_REMOVE_MS;
    return inTransaction(this.db, [STORES.drafts, STORES.revisions], 'readwrite', async (tx) => {
      const drafts = tx.objectStore(STORES.drafts);
      const revisions = tx.objectStore(STORES.revisions);
      let purged = 0;
      for (const { key, value } of await readAll(drafts)) {
        const deletedAt = draftDeletedAt(value);
        if (deletedAt === undefined || Date.parse(deletedAt) > cutoff) continue;
        await requestResult(drafts.delete(key));
        for (const revisionKey of await requestResult(revisions.index('draftId').getAllKeys(key)))
          await requestResult(revisions.delete(revisionKey));
        purged++;
      }
      return purged;
    });
  }

  async createRevision(draftId: string, name?: string): Promise<Result<{ revision: StoredRevisionSummary }>> {
    const result = await this.write(() =>
      inTransaction(this.db, [STORES.drafts, STORES.revisions], 'readwrite', (tx) =>
        addRevision(tx, draftId, name, this.now),
      ),
    );
    if (result.ok) this.announce({ type: 'changed', draftId });
    return result;
  }

  async listRevisions(draftId: string): Promise<RevisionSummary[]> {
    const rows = await inTransaction(this.db, STORES.revisions, 'readonly', (tx) =>
      readAll(tx.objectStore(STORES.revisions).index('draftId'), draftId),
    );
    return listedRevisions(rows.map(({ key, value }) => readRevisionRecord(value, key)));
  }

  async getRevision(id: string): Promise<RevisionEntry | undefined> {
    const raw = await inTransaction(this.db, STORES.revisions, 'readonly', (tx) =>
      requestResult(tx.objectStore(STORES.revisions).get(id)),
    );
    return raw === undefined ? undefined : readRevisionRecord(raw, id);
  }

  async restoreRevision(
    draftId: string,
    revisionId: string,
    options: { expectedSaveCount?: number } = {},
  ): Promise<RestoreResult> {
    const result = await this.write(() =>
      inTransaction(this.db, [STORES.drafts, STORES.revisions], 'readwrite', (tx) =>
        restoreRevision(tx, draftId, revisionId, options.expectedSaveCount, this.now),
      ),
    );
    if (result.ok) {
      this.announce({ type: 'saved', draftId, saveCount: result.saveCount });
      if (result.backup.damaged) this.announce({ type: 'changed', draftId: result.backup.id });
    }
    return result;
  }

  async exportDraft(id: string): Promise<{ fileName: string; text: string } | undefined> {
    const entry = await this.get(id);
    return entry === undefined ? undefined : draftFile(entry);
  }

  async exportAll(options: { readonly unsaved?: UnsavedDraft } = {}): Promise<string> {
    const [draftRows, revisionRows] = await inTransaction(
      this.db,
      [STORES.drafts, STORES.revisions],
      'readonly',
      async (tx) =>
        [
          await readAll(tx.objectStore(STORES.drafts)),
          await readAll(tx.objectStore(STORES.revisions)),
        ] as const,
    );
    return writeBundle({
      drafts: draftRows.map(({ key, value }) => readDraftRecord(value, key)),
      revisions: revisionRows.map(({ key, value }) => readRevisionRecord(value, key)),
      unsaved: options.unsaved,
      now: this.now,
    });
  }

  async importFile(text: string, options: { fileName?: string } = {}): Promise<Result<ImportResult>> {
    const read = readImportFile(text, options.fileName, this.now);
    if (read.kind === 'invalid') return invalid(read.error);
    if (read.kind === 'document') {
      const created = await this.create(read.document, read.name);
      return created.ok ? { ok: true, drafts: [created.draft], problems: [] } : created;
    }
    const { drafts: records, revisions, problems } = read;
    const result = await this.write(() =>
      inTransaction(
        this.db,
        [STORES.drafts, STORES.revisions],
        'readwrite',
        async (tx): Promise<Result<ImportResult>> => {
          for (const record of records) await requestResult(tx.objectStore(STORES.drafts).add(record));
          for (const record of revisions) await requestResult(tx.objectStore(STORES.revisions).add(record));
          return { ok: true, drafts: records.map(storedDraft), problems };
        },
      ),
    );
    if (result.ok) for (const record of records) this.announce({ type: 'changed', draftId: record.id });
    return result;
  }

  async getLastOpened(): Promise<string | undefined> {
    return lastOpenedId(
      await inTransaction(this.db, STORES.meta, 'readonly', (tx) =>
        requestResult(tx.objectStore(STORES.meta).get(LAST_OPENED_KEY)),
      ),
    );
  }

  async getLastOpenedDraft(): Promise<DraftEntry | undefined> {
    const early = this.early;
    this.early = undefined;
    const { id, raw } =
      early ??
      (await inTransaction(this.db, [STORES.meta, STORES.drafts], 'readonly', async (tx) => {
        const id = lastOpenedId(await requestResult(tx.objectStore(STORES.meta).get(LAST_OPENED_KEY)));
        if (id === undefined) return { id, raw: undefined };
        return { id, raw: await requestResult(tx.objectStore(STORES.drafts).get(id)) };
      }));
    return id === undefined ? undefined : liveEntry(raw, id);
  }

  async setLastOpened(id: string): Promise<void> {
    await inTransaction(this.db, STORES.meta, 'readwrite', (tx) =>
      requestResult(tx.objectStore(STORES.meta).put({ key: LAST_OPENED_KEY, value: id })),
    );
  }

  close(): void {
    this.db.close();
    this.channel.close();
  }
}
