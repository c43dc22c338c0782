/**
 * The drafts: list, open, save, rename, duplicate, delete with undo, revisions, and the files that
 * carry drafts out of the browser (one *.resolution.json, or a bundle of everything).
 *
 * Two kinds of failure (ARCHITECTURE.md, convention 6): a full disk, a stale tab, a deleted draft are
 * expected trouble and come back as values (`{ ok: false, reason, message }`); the caller still holds
 * the document and nothing is lost. Reading never throws on a damaged record (see db.ts).
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import type {
  DamagedRecord,
  DraftEntry,
  DraftRecord,
  RevisionEntry,
  RevisionRecord,
  SetAsideRecord,
  StoredDraft,
  StoredRevision,
} from './db.ts';
import type { StorageFailure } from './errors.ts';
import type { TabChannel, TabMessageBody } from './tabs.ts';
import { FILE_EXTENSION, parseDocumentFile, serializeDocumentFile } from '../core/model/file.ts';
import { migrate } from '../core/model/migrations.ts';
import { formatValidationErrors, validateDocument } from '../core/model/validate.ts';
import {
  RECORD_VERSION,
  STORES,
  draftRecord,
  inTransaction,
  openDatabase,
  rawJson,
  rawText,
  readAll,
  readDraftRecord,
  readRevisionRecord,
  requestResult,
  revisionRecord,
} from './db.ts';
import { describeStorageError } from './errors.ts';
import { createTabChannel } from './tabs.ts';

/** How long a deleted draft can be brought back; after that it and its revisions are purged. */
export const UNDO_REMOVE_MS = 10 * 60 * 1000;

export const BUNDLE_FORMAT = 'resolution-drafter/bundle';
export const BUNDLE_VERSION = 1;

export type Failure =
  StorageFailure | { readonly reason: 'not-found' | 'invalid' | 'damaged'; readonly message: string };
export type Failed = { readonly ok: false } & Failure;
export type Result<T> = ({ readonly ok: true } & T) | Failed;

export type SaveResult =
  | { readonly ok: true; readonly saveCount: number; readonly updatedAt: string }
  | {
      readonly ok: false;
      readonly reason: 'conflict';
      readonly message: string;
      readonly current: DraftEntry;
    }
  | Failed;

export type RestoreResult =
  | {
      readonly ok: true;
      readonly saveCount: number;
      readonly updatedAt: string;
      /** The restored document, for the editor to load. */
      readonly document: ResolutionDocument;
      /**
       * Where the text that was replaced is kept: the automatic revision "Before restoring <name>";
       * or, when the draft's record was damaged, that record itself, set aside in the drafts list as
       * "<name> (damaged)" with its raw data for download.
       */
      readonly backup: StoredRevisionSummary | SetAsideDraft;
    }
  | Exclude<SaveResult, { ok: true }>;

/** A damaged draft record set aside by a restore (see db.ts, `SetAsideRecord`), as the list shows it. */
export type SetAsideDraft = DamagedRecord & { readonly name: string };

export type DraftSummary =
  | {
      readonly damaged: false;
      readonly id: string;
      readonly name: string;
      /** The document's title, which may differ from the name the list shows. */
      readonly title: string;
      readonly createdAt: string;
      readonly updatedAt: string;
      readonly saveCount: number;
    }
  | DamagedRecord;

export type RevisionSummary =
  | {
      readonly damaged: false;
      readonly id: string;
      readonly draftId: string;
      readonly name: string;
      readonly createdAt: string;
      readonly automatic: boolean;
      readonly saveCount: number;
    }
  | DamagedRecord;

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
   * A soft delete: `undoRemove` brings the draft back until it is purged, the first `list()` or
   * `openDraftStore` after `undoUntil`. Damaged records can be removed too.
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
  setLastOpened(id: string): Promise<void>;
  close(): void;
}

export type StoredRevisionSummary = Extract<RevisionSummary, { damaged: false }>;

/** The open draft's latest text, held by the editor, which the store may not have (see exportAll). */
export interface UnsavedDraft {
  readonly draftId: string;
  readonly document: ResolutionDocument;
  /** Its name, for when the store no longer has it; the document's title otherwise. */
  readonly name?: string;
}

/** The name of the revision a bundle gives the stored text that the unsaved text supersedes. */
export const LAST_STORED_REVISION = 'Last stored version';

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
}

/** Opens the drafts database; rejects with a message to show when IndexedDB is unavailable. */
export async function openDraftStore(options: DraftStoreOptions = {}): Promise<DraftStore> {
  const db = await openDatabase({
    ...(options.dbName === undefined ? {} : { name: options.dbName }),
    ...(options.factory === undefined ? {} : { factory: options.factory }),
    ...(options.onVersionChange === undefined ? {} : { onVersionChange: options.onVersionChange }),
  });
  const store = new IdbDraftStore(db, options.channel ?? createTabChannel(), options.now ?? Date.now);
  await store.purgeRemoved().catch(() => 0);
  return store;
}

/** "Rev.3" → 3. */
const REV_NAME = /^Rev\.(\d+)$/;

function nextRevisionName(names: readonly string[]): string {
  let max = 0;
  for (const name of names) {
    const m = REV_NAME.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `Rev.${max + 1}`;
}

/** A file name from a draft name: characters that file systems refuse are replaced. */
export function draftFileName(name: string): string {
  const base =
    name
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
      .trim()
      .slice(0, 120) || 'draft';
  return base + FILE_EXTENSION;
}

function nameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const lower = base.toLowerCase();
  if (lower.endsWith(FILE_EXTENSION)) return base.slice(0, -FILE_EXTENSION.length);
  return lower.endsWith('.json') ? base.slice(0, -'.json'.length) : base;
}

function defaultName(document: ResolutionDocument): string {
  return document.title.trim() || 'Untitled draft';
}

function invalid(message: string): Failed {
  return { ok: false, reason: 'invalid', message };
}

function notFound(id: string): Failed {
  return {
    ok: false,
    reason: 'not-found',
    message: `There is no draft ${id} (it may have been deleted in another tab).`,
  };
}

function isDamaged(entry: DraftEntry): entry is DamagedRecord {
  return entry.damaged;
}

type Conflict = Extract<SaveResult, { reason: 'conflict' }>;

/**
 * The draft a write may replace, or the conflict it must stop at: another tab saved since
 * `expectedSaveCount`, or the stored record is damaged (never written over, or its raw data would be
 * lost).
 */
function fresh(
  current: DraftEntry,
  expectedSaveCount: number | undefined,
): { ok: true; draft: StoredDraft } | Conflict {
  if (current.damaged) return { ok: false, reason: 'conflict', message: current.error, current };
  if (expectedSaveCount === undefined || current.saveCount === expectedSaveCount)
    return { ok: true, draft: current };
  return {
    ok: false,
    reason: 'conflict',
    message: 'This draft was saved in another tab since this tab last opened or saved it.',
    current,
  };
}

function summary(entry: DraftEntry): DraftSummary {
  if (isDamaged(entry)) return entry;
  const { id, name, createdAt, updatedAt, saveCount, document } = entry;
  return { damaged: false, id, name, title: document.title, createdAt, updatedAt, saveCount };
}

function revisionSummary(entry: RevisionEntry): RevisionSummary {
  if (entry.damaged) return entry;
  const { id, draftId, name, createdAt, automatic, saveCount } = entry;
  return { damaged: false, id, draftId, name, createdAt, automatic, saveCount };
}

function stored(record: DraftRecord): StoredDraft {
  return { ...record, damaged: false };
}

class IdbDraftStore implements DraftStore {
  readonly tabId: string;

  constructor(
    private readonly db: IDBDatabase,
    private readonly channel: TabChannel,
    private readonly now: () => number,
  ) {
    this.tabId = channel.tabId;
  }

  private timestamp(): string {
    return new Date(this.now()).toISOString();
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
    const entries = rows
      .map(({ key, value }) => readDraftRecord(value, key))
      .filter((e) => e.deletedAt === undefined);
    const good = entries.filter((e): e is StoredDraft => !e.damaged);
    good.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name));
    const bad = entries.filter(isDamaged);
    return [...good.map(summary), ...bad];
  }

  async get(id: string): Promise<DraftEntry | undefined> {
    const raw = await inTransaction(this.db, STORES.drafts, 'readonly', (tx) =>
      requestResult(tx.objectStore(STORES.drafts).get(id)),
    );
    if (raw === undefined) return undefined;
    const entry = readDraftRecord(raw, id);
    return entry.deletedAt === undefined ? entry : undefined;
  }

  create(document: ResolutionDocument, name?: string): Promise<Result<{ draft: StoredDraft }>> {
    return this.write(async () => {
      const checked = validateDocument(document);
      if (!checked.ok)
        return invalid(`The draft was not saved: ${formatValidationErrors(checked.errors, 3)}`);
      const now = this.timestamp();
      const record: DraftRecord = {
        recordVersion: RECORD_VERSION,
        id: newDraftId(),
        name: name?.trim() || defaultName(document),
        createdAt: now,
        updatedAt: now,
        saveCount: 1,
        document,
      };
      await inTransaction(this.db, STORES.drafts, 'readwrite', (tx) =>
        requestResult(tx.objectStore(STORES.drafts).add(record)),
      );
      this.announce({ type: 'changed', draftId: record.id });
      return { ok: true, draft: stored(record) };
    });
  }

  async save(
    id: string,
    document: ResolutionDocument,
    options: { expectedSaveCount: number },
  ): Promise<SaveResult> {
    const checked = validateDocument(document);
    if (!checked.ok) return invalid(`The draft was not saved: ${formatValidationErrors(checked.errors, 3)}`);
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
        if (current.damaged) return { ok: false, reason: 'damaged', message: current.error };
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
    if (source.damaged) return { ok: false, reason: 'damaged', message: source.error };
    return this.create(source.document, name?.trim() || `${source.name} (copy)`);
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
        const { deletedAt } = readDraftRecord(value, key);
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
      inTransaction(
        this.db,
        [STORES.drafts, STORES.revisions],
        'readwrite',
        async (tx): Promise<Result<{ revision: StoredRevisionSummary }>> => {
          const raw = await requestResult(tx.objectStore(STORES.drafts).get(draftId));
          if (raw === undefined) return notFound(draftId);
          const draft = readDraftRecord(raw, draftId);
          if (draft.deletedAt !== undefined) return notFound(draftId);
          if (draft.damaged) return { ok: false, reason: 'damaged', message: draft.error };
          const revisions = tx.objectStore(STORES.revisions);
          const names = await this.revisionNames(revisions, draftId);
          const record = this.revision(draft, name?.trim() || nextRevisionName(names), false);
          await requestResult(revisions.add(record));
          return {
            ok: true,
            revision: revisionSummary({ ...record, damaged: false }) as StoredRevisionSummary,
          };
        },
      ),
    );
    if (result.ok) this.announce({ type: 'changed', draftId });
    return result;
  }

  private async revisionNames(revisions: IDBObjectStore, draftId: string): Promise<string[]> {
    const rows = await readAll(revisions.index('draftId'), draftId);
    return rows.map(({ value }) =>
      typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
        ? (value as { name: string }).name
        : '',
    );
  }

  private revision(draft: StoredDraft, name: string, automatic: boolean): RevisionRecord {
    return revisionRecord({
      recordVersion: RECORD_VERSION,
      id: newDraftId(),
      draftId: draft.id,
      name,
      createdAt: this.timestamp(),
      automatic,
      saveCount: draft.saveCount,
      document: draft.document,
    });
  }

  async listRevisions(draftId: string): Promise<RevisionSummary[]> {
    const rows = await inTransaction(this.db, STORES.revisions, 'readonly', (tx) =>
      readAll(tx.objectStore(STORES.revisions).index('draftId'), draftId),
    );
    const entries = rows.map(({ key, value }) => readRevisionRecord(value, key));
    const good = entries.filter((e): e is StoredRevision => !e.damaged);
    // Two revisions in one millisecond: the Rev number breaks the tie. Damaged ones come last.
    good.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || revNumber(a) - revNumber(b));
    return [...good, ...entries.filter((e) => e.damaged)].map(revisionSummary);
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
      inTransaction(
        this.db,
        [STORES.drafts, STORES.revisions],
        'readwrite',
        async (tx): Promise<RestoreResult> => {
          const drafts = tx.objectStore(STORES.drafts);
          const revisions = tx.objectStore(STORES.revisions);
          const rawDraft = await requestResult(drafts.get(draftId));
          if (rawDraft === undefined) return notFound(draftId);
          const draft = readDraftRecord(rawDraft, draftId);
          if (draft.deletedAt !== undefined) return notFound(draftId);
          if (draft.damaged) return this.restoreOverDamaged(tx, draft, revisionId);
          const writable = fresh(draft, options.expectedSaveCount);
          if (!writable.ok) return writable;
          const current = writable.draft;
          const revision = await revisionToRestore(revisions, draftId, revisionId);
          if (!revision.ok) return revision;
          // The current text is kept first, so the restore itself can be undone by restoring this backup.
          const backup = this.revision(current, `Before restoring ${revision.name}`, true);
          await requestResult(revisions.add(backup));
          const saveCount = current.saveCount + 1;
          const updatedAt = this.timestamp();
          await requestResult(
            drafts.put(draftRecord({ ...current, document: revision.document, saveCount, updatedAt })),
          );
          return {
            ok: true,
            saveCount,
            updatedAt,
            document: revision.document,
            backup: revisionSummary({ ...backup, damaged: false }) as StoredRevisionSummary,
          };
        },
      ),
    );
    if (result.ok) {
      this.announce({ type: 'saved', draftId, saveCount: result.saveCount });
      if (result.backup.damaged) this.announce({ type: 'changed', draftId: result.backup.id });
    }
    return result;
  }

  /**
   * The restore of a revision over a damaged draft record, in the restore's transaction: the damaged
   * record goes, exactly as stored, into a set-aside record of its own (db.ts), listed as "<name>
   * (damaged)" with its raw data for download; the draft keeps its id, revisions and name (the
   * revision's title when the name cannot be read) and takes the revision's document.
   */
  private async restoreOverDamaged(
    tx: IDBTransaction,
    damagedDraft: DamagedRecord,
    revisionId: string,
  ): Promise<RestoreResult> {
    const drafts = tx.objectStore(STORES.drafts);
    const revisions = tx.objectStore(STORES.revisions);
    const draftId = damagedDraft.id;
    const revision = await revisionToRestore(revisions, draftId, revisionId);
    if (!revision.ok) return revision;
    const old = isObject(damagedDraft.raw) ? damagedDraft.raw : {};
    const readable = <T>(key: string, ok: (value: unknown) => value is T): T | undefined => {
      const value = Object.hasOwn(old, key) ? old[key] : undefined;
      return ok(value) ? value : undefined;
    };
    const name =
      readable('name', (v): v is string => typeof v === 'string' && v.trim() !== '') ??
      defaultName(revision.document);
    const now = this.timestamp();
    const setAside: SetAsideRecord = {
      recordVersion: RECORD_VERSION,
      id: newDraftId(),
      setAside: 'damaged',
      name: `${name} (damaged)`,
      draftId,
      replacedBy: revision.name,
      setAsideAt: now,
      raw: damagedDraft.raw,
    };
    await requestResult(drafts.add(setAside));
    // Above every count a tab or a crash journal may hold for this draft, so none takes its own text
    // for newer than the restored one: the damaged record's count when it can be read, else the clock.
    const lastCount = readable(
      'saveCount',
      (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0,
    );
    const saveCount = Math.max((lastCount ?? this.now()) + 1, revision.saveCount + 1);
    const createdAt = readable(
      'createdAt',
      (v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
    );
    await requestResult(
      drafts.put(
        draftRecord({
          recordVersion: RECORD_VERSION,
          id: draftId,
          name,
          createdAt: createdAt ?? now,
          updatedAt: now,
          saveCount,
          document: revision.document,
        }),
      ),
    );
    return {
      ok: true,
      saveCount,
      updatedAt: now,
      document: revision.document,
      backup: { ...(readDraftRecord(setAside, setAside.id) as DamagedRecord), name: setAside.name },
    };
  }

  async exportDraft(id: string): Promise<{ fileName: string; text: string } | undefined> {
    const entry = await this.get(id);
    if (!entry) return undefined;
    if (entry.damaged) return { fileName: `${entry.id}.damaged.json`, text: rawText(entry.raw) };
    return { fileName: draftFileName(entry.name), text: serializeDocumentFile(entry.document) };
  }

  async exportAll(options: { readonly unsaved?: UnsavedDraft } = {}): Promise<string> {
    const { unsaved } = options;
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
    const damagedRecords: { store: string; id: string; error: string; raw: unknown }[] = [];
    // Nothing is left out: a damaged record travels with its raw data, for whoever can repair it.
    const keep = (e: DamagedRecord): void => {
      damagedRecords.push({ store: e.store, id: e.id, error: e.error, raw: rawJson(e.raw) });
    };
    const revisionsByDraft = new Map<string, RevisionRecord[]>();
    for (const { key, value } of revisionRows) {
      const entry = readRevisionRecord(value, key);
      if (entry.damaged) {
        keep(entry);
        continue;
      }
      const list = revisionsByDraft.get(entry.draftId) ?? [];
      list.push(entry);
      revisionsByDraft.set(entry.draftId, list);
    }
    const drafts = [];
    for (const { key, value } of draftRows) {
      const entry = readDraftRecord(value, key);
      if (entry.deletedAt !== undefined) continue;
      if (entry.damaged) {
        keep(entry);
        continue;
      }
      const revisions = (revisionsByDraft.get(entry.id) ?? []).map(
        ({ id, name, createdAt, automatic, document }) => ({ id, name, createdAt, automatic, document }),
      );
      const newer = unsaved?.draftId === entry.id ? unsaved.document : undefined;
      // The text on screen wins; the stored text it was typed over stays, as a revision.
      if (newer && JSON.stringify(newer) !== JSON.stringify(entry.document))
        revisions.push({
          id: `${entry.id}-stored`,
          name: LAST_STORED_REVISION,
          createdAt: entry.updatedAt,
          automatic: true,
          document: entry.document,
        });
      drafts.push({
        id: entry.id,
        name: entry.name,
        createdAt: entry.createdAt,
        updatedAt: newer ? this.timestamp() : entry.updatedAt,
        document: newer ?? entry.document,
        revisions,
      });
    }
    // The open draft is no longer stored (deleted in another tab, or damaged since): its text still goes.
    if (unsaved && !drafts.some((d) => d.id === unsaved.draftId)) {
      const now = this.timestamp();
      drafts.push({
        id: unsaved.draftId,
        name: unsaved.name ?? defaultName(unsaved.document),
        createdAt: now,
        updatedAt: now,
        document: unsaved.document,
        revisions: [],
      });
    }
    const bundle = {
      format: BUNDLE_FORMAT,
      bundleVersion: BUNDLE_VERSION,
      exportedAt: this.timestamp(),
      drafts,
      damaged: damagedRecords,
    };
    return `${JSON.stringify(bundle, null, 2)}\n`;
  }

  async importFile(text: string, options: { fileName?: string } = {}): Promise<Result<ImportResult>> {
    const bundle = parseBundle(text);
    if (!bundle) {
      const parsed = parseDocumentFile(text);
      if (!parsed.ok) return invalid(parsed.error);
      const name = options.fileName === undefined ? undefined : nameFromFile(options.fileName);
      const created = await this.create(parsed.document, name);
      return created.ok ? { ok: true, drafts: [created.draft], problems: [] } : created;
    }
    if ('error' in bundle) return invalid(bundle.error);
    const problems: string[] = [];
    const records: DraftRecord[] = [];
    const revisions: RevisionRecord[] = [];
    const now = this.timestamp();
    bundle.drafts.forEach((item, i) => {
      const label = `Draft ${i + 1}${typeof item.name === 'string' ? ` ("${item.name}")` : ''}`;
      const document = bundleDocument(item.document);
      if (typeof document === 'string') {
        problems.push(`${label} was not imported: ${document}`);
        return;
      }
      const record: DraftRecord = {
        recordVersion: RECORD_VERSION,
        id: newDraftId(),
        name:
          typeof item.name === 'string' && item.name.trim() !== '' ? item.name.trim() : defaultName(document),
        createdAt: isTime(item.createdAt) ? item.createdAt : now,
        updatedAt: isTime(item.updatedAt) ? item.updatedAt : now,
        saveCount: 1,
        document,
      };
      records.push(record);
      const items = Array.isArray(item.revisions) ? (item.revisions as unknown[]) : [];
      items.forEach((rev, j) => {
        const fields = isObject(rev) ? rev : {};
        const revDocument = bundleDocument(fields.document);
        if (typeof revDocument === 'string') {
          problems.push(`${label}, revision ${j + 1}, was not imported: ${revDocument}`);
          return;
        }
        revisions.push({
          recordVersion: RECORD_VERSION,
          id: newDraftId(),
          draftId: record.id,
          name: typeof fields.name === 'string' && fields.name !== '' ? fields.name : `Rev.${j + 1}`,
          createdAt: isTime(fields.createdAt) ? fields.createdAt : now,
          automatic: fields.automatic === true,
          saveCount: 1,
          document: revDocument,
        });
      });
    });
    if (bundle.damagedCount > 0)
      problems.push(
        `${bundle.damagedCount} damaged record${bundle.damagedCount === 1 ? '' : 's'} in the bundle ${bundle.damagedCount === 1 ? 'was' : 'were'} not imported (their raw data stays in the file).`,
      );
    const result = await this.write(() =>
      inTransaction(
        this.db,
        [STORES.drafts, STORES.revisions],
        'readwrite',
        async (tx): Promise<Result<ImportResult>> => {
          for (const record of records) await requestResult(tx.objectStore(STORES.drafts).add(record));
          for (const record of revisions) await requestResult(tx.objectStore(STORES.revisions).add(record));
          return { ok: true, drafts: records.map(stored), problems };
        },
      ),
    );
    if (result.ok) for (const record of records) this.announce({ type: 'changed', draftId: record.id });
    return result;
  }

  async getLastOpened(): Promise<string | undefined> {
    const raw: unknown = await inTransaction(this.db, STORES.meta, 'readonly', (tx) =>
      requestResult(tx.objectStore(STORES.meta).get('lastOpened')),
    );
    const value = isObject(raw) ? raw.value : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  async setLastOpened(id: string): Promise<void> {
    await inTransaction(this.db, STORES.meta, 'readwrite', (tx) =>
      requestResult(tx.objectStore(STORES.meta).put({ key: 'lastOpened', value: id })),
    );
  }

  close(): void {
    this.db.close();
    this.channel.close();
  }
}

function revNumber(entry: RevisionEntry): number {
  const m = entry.damaged ? null : REV_NAME.exec(entry.name);
  return m ? Number(m[1]) : 0;
}

function newDraftId(): string {
  // Sortable by creation, unique across tabs: a time prefix and random bits.
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `${Date.now().toString(36)}-${Array.from(random, (n) => n.toString(36)).join('')}`;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

type BundleRead =
  | { readonly drafts: readonly Readonly<Record<string, unknown>>[]; readonly damagedCount: number }
  | { readonly error: string };

/** Recognizes a bundle written by exportAll; undefined when the text is something else (a document file). */
function parseBundle(text: string): BundleRead | undefined {
  if (!text.includes(BUNDLE_FORMAT)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return undefined; // parseDocumentFile explains what is wrong with the JSON
  }
  if (!isObject(parsed) || parsed.format !== BUNDLE_FORMAT) return undefined;
  if (typeof parsed.bundleVersion !== 'number' || parsed.bundleVersion > BUNDLE_VERSION)
    return {
      error: 'This bundle was written by a newer version of Resolution Drafter; update the app to open it.',
    };
  if (!Array.isArray(parsed.drafts)) return { error: 'The bundle has no list of drafts.' };
  return {
    drafts: (parsed.drafts as unknown[]).map((d) => (isObject(d) ? d : {})),
    damagedCount: Array.isArray(parsed.damaged) ? parsed.damaged.length : 0,
  };
}

/** A document of a bundle through migrations and validation; a string says what is wrong. */
function bundleDocument(value: unknown): ResolutionDocument | string {
  const migrated = migrate(value);
  if (!migrated.ok) return migrated.error;
  const checked = validateDocument(migrated.value);
  return checked.ok
    ? checked.document
    : `its document is not valid: ${formatValidationErrors(checked.errors, 3)}`;
}

/** The revision a restore puts back: there, readable, and one of this draft's. */
async function revisionToRestore(
  revisions: IDBObjectStore,
  draftId: string,
  revisionId: string,
): Promise<({ readonly ok: true } & StoredRevision) | Failed> {
  const raw = await requestResult(revisions.get(revisionId));
  if (raw === undefined)
    return { ok: false, reason: 'not-found', message: `There is no revision ${revisionId}.` };
  const revision = readRevisionRecord(raw, revisionId);
  if (revision.damaged) return { ok: false, reason: 'damaged', message: revision.error };
  if (revision.draftId !== draftId)
    return { ok: false, reason: 'invalid', message: `Revision "${revision.name}" belongs to another draft.` };
  return { ok: true, ...revision };
}
