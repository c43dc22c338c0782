/**
 * Revisions, inside the draft store's transactions: taking one (named "Rev.1", "Rev.2" ... unless a
 * name is given) and restoring one, which first keeps the text it replaces as an automatic revision,
 * or, when the draft's own record is damaged, sets that record aside with its raw data.
 *
 * The caller (drafts.ts) opens the transaction over both stores, turns storage errors into failure
 * values and tells the other tabs; what happens inside is here.
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import type {
  DamagedRecord,
  DraftEntry,
  DraftRecord,
  SetAsideRecord,
  StoredDraft,
  StoredRevision,
} from './db.ts';
import type { Failed, Result, SaveResult } from './results.ts';
import type { SetAsideDraft, StoredRevisionSummary } from './summaries.ts';
import {
  RECORD_VERSION,
  STORES,
  draftRecord,
  isFields,
  own,
  readAll,
  readDraftRecord,
  readRevisionRecord,
  requestResult,
} from './db.ts';
import { isTime, newDraftId, newRevisionRecord, timestampOf } from './draftRecords.ts';
import { backupRevisionName, defaultName, nextRevisionName, setAsideName } from './naming.ts';
import { damagedFailure, fresh, notFound } from './results.ts';
import { storedRevisionSummary } from './summaries.ts';

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

/** The draft a revision is taken of or restored to: there and not deleted (it may be damaged). */
async function liveDraft(drafts: IDBObjectStore, draftId: string): Promise<DraftEntry | Failed> {
  const raw = await requestResult(drafts.get(draftId));
  if (raw === undefined) return notFound(draftId);
  const draft = readDraftRecord(raw, draftId);
  return draft.deletedAt === undefined ? draft : notFound(draftId);
}

/** A revision of the draft as stored: its document and its save count at that moment. */
function snapshot(draft: StoredDraft, name: string, automatic: boolean, now: () => number) {
  return newRevisionRecord({
    draftId: draft.id,
    name,
    createdAt: timestampOf(now),
    automatic,
    saveCount: draft.saveCount,
    document: draft.document,
  });
}

/** Snapshots the stored draft as a new revision, named `name` or the next "Rev.N". */
export async function addRevision(
  tx: IDBTransaction,
  draftId: string,
  name: string | undefined,
  now: () => number,
): Promise<Result<{ revision: StoredRevisionSummary }>> {
  const draft = await liveDraft(tx.objectStore(STORES.drafts), draftId);
  if ('ok' in draft) return draft;
  if (draft.damaged) return damagedFailure(draft);
  const revisions = tx.objectStore(STORES.revisions);
  const names = await revisionNames(revisions, draftId);
  const record = snapshot(draft, name?.trim() || nextRevisionName(names), false, now);
  await requestResult(revisions.add(record));
  return { ok: true, revision: storedRevisionSummary(record) };
}

/** The names of a draft's revisions, damaged ones included as far as their name can be read. */
async function revisionNames(revisions: IDBObjectStore, draftId: string): Promise<string[]> {
  const rows = await readAll(revisions.index('draftId'), draftId);
  return rows.map(({ value }) =>
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
      ? (value as { name: string }).name
      : '',
  );
}

/**
 * Makes a revision the draft's document again (see `DraftStore.restoreRevision`): the current text is
 * kept first as "Before restoring <name>", so the restore itself can be undone. A damaged draft
 * record is set aside instead (`restoreOverDamaged`).
 */
export async function restoreRevision(
  tx: IDBTransaction,
  draftId: string,
  revisionId: string,
  expectedSaveCount: number | undefined,
  now: () => number,
): Promise<RestoreResult> {
  const drafts = tx.objectStore(STORES.drafts);
  const revisions = tx.objectStore(STORES.revisions);
  const draft = await liveDraft(drafts, draftId);
  if ('ok' in draft) return draft;
  if (draft.damaged) return restoreOverDamaged(tx, draft, revisionId, now);
  const writable = fresh(draft, expectedSaveCount);
  if (!writable.ok) return writable;
  const current = writable.draft;
  const revision = await revisionToRestore(revisions, draftId, revisionId);
  if (!revision.ok) return revision;
  // The current text is kept first, so the restore itself can be undone by restoring this backup.
  const backup = snapshot(current, backupRevisionName(revision.name), true, now);
  await requestResult(revisions.add(backup));
  const saveCount = current.saveCount + 1;
  const updatedAt = timestampOf(now);
  await requestResult(
    drafts.put(draftRecord({ ...current, document: revision.document, saveCount, updatedAt })),
  );
  return {
    ok: true,
    saveCount,
    updatedAt,
    document: revision.document,
    backup: storedRevisionSummary(backup),
  };
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
  if (revision.damaged) return damagedFailure(revision);
  if (revision.draftId !== draftId)
    return { ok: false, reason: 'invalid', message: `Revision "${revision.name}" belongs to another draft.` };
  return { ok: true, ...revision };
}

/**
 * The restore of a revision over a damaged draft record, in the restore's transaction: the two
 * records of `replaceDamagedDraft` are written, the set-aside one first.
 */
async function restoreOverDamaged(
  tx: IDBTransaction,
  damagedDraft: DamagedRecord,
  revisionId: string,
  now: () => number,
): Promise<RestoreResult> {
  const drafts = tx.objectStore(STORES.drafts);
  const revision = await revisionToRestore(tx.objectStore(STORES.revisions), damagedDraft.id, revisionId);
  if (!revision.ok) return revision;
  const { setAside, draft } = replaceDamagedDraft(damagedDraft, revision, now);
  await requestResult(drafts.add(setAside));
  await requestResult(drafts.put(draft));
  return {
    ok: true,
    saveCount: draft.saveCount,
    updatedAt: draft.updatedAt,
    document: draft.document,
    backup: { ...(readDraftRecord(setAside, setAside.id) as DamagedRecord), name: setAside.name },
  };
}

/**
 * What a restore writes over a damaged draft record: the damaged record goes, exactly as stored, into
 * a set-aside record of its own (db.ts), listed as "<name> (damaged)" with its raw data for download;
 * the draft keeps its id, revisions and name (the revision's title when the name cannot be read) and
 * takes the revision's document.
 */
export function replaceDamagedDraft(
  damagedDraft: DamagedRecord,
  revision: StoredRevision,
  now: () => number,
): { readonly setAside: SetAsideRecord; readonly draft: DraftRecord } {
  const old = isFields(damagedDraft.raw) ? damagedDraft.raw : {};
  const readable = <T>(key: string, ok: (value: unknown) => value is T): T | undefined => {
    const value = own(old, key);
    return ok(value) ? value : undefined;
  };
  const name =
    readable('name', (v): v is string => typeof v === 'string' && v.trim() !== '') ??
    defaultName(revision.document);
  const timestamp = timestampOf(now);
  const setAside: SetAsideRecord = {
    recordVersion: RECORD_VERSION,
    id: newDraftId(),
    setAside: 'damaged',
    name: setAsideName(name),
    draftId: damagedDraft.id,
    replacedBy: revision.name,
    setAsideAt: timestamp,
    raw: damagedDraft.raw,
  };
  // Above every count a tab or a crash journal may hold for this draft, so none takes its own text
  // for newer than the restored one: the damaged record's count when it can be read, else the clock.
  const lastCount = readable('saveCount', (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0);
  const saveCount = Math.max((lastCount ?? now()) + 1, revision.saveCount + 1);
  const draft = draftRecord({
    recordVersion: RECORD_VERSION,
    id: damagedDraft.id,
    name,
    createdAt: readable('createdAt', isTime) ?? timestamp,
    updatedAt: timestamp,
    saveCount,
    document: revision.document,
  });
  return { setAside, draft };
}
