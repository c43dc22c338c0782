/**
 * What the drafts list and the revisions panel show of the stored records, in the order they show it.
 * Damaged records are listed too, after the readable ones, so that their raw data can still be
 * downloaded and the records deleted.
 */
import type {
  DamagedRecord,
  DraftEntry,
  DraftRecord,
  RevisionEntry,
  RevisionRecord,
  StoredDraft,
  StoredRevision,
} from './db.ts';
import { revisionNumber } from './naming.ts';

/** A damaged draft record set aside by a restore (see db.ts, `SetAsideRecord`), as the list shows it. */
export type SetAsideDraft = DamagedRecord & { readonly name: string };

/** A draft as the list shows it: the record's fields without the document, whose title it shows. */
export type DraftSummary =
  | ({
      readonly damaged: false;
      /** The document's title, which may differ from the name the list shows. */
      readonly title: string;
    } & Pick<DraftRecord, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'saveCount'>)
  | DamagedRecord;

/** A revision as the revisions panel shows it: the record's fields without the document. */
export type RevisionSummary =
  | ({ readonly damaged: false } & Pick<
      RevisionRecord,
      'id' | 'draftId' | 'name' | 'createdAt' | 'automatic' | 'saveCount'
    >)
  | DamagedRecord;

export type StoredRevisionSummary = Extract<RevisionSummary, { damaged: false }>;

export function draftSummary(entry: DraftEntry): DraftSummary {
  if (entry.damaged) return entry;
  const { id, name, createdAt, updatedAt, saveCount, document } = entry;
  return { damaged: false, id, name, title: document.title, createdAt, updatedAt, saveCount };
}

/** A readable revision (or one just written) as the revisions panel shows it. */
export function storedRevisionSummary(revision: RevisionRecord): StoredRevisionSummary {
  const { id, draftId, name, createdAt, automatic, saveCount } = revision;
  return { damaged: false, id, draftId, name, createdAt, automatic, saveCount };
}

export function revisionSummary(entry: RevisionEntry): RevisionSummary {
  return entry.damaged ? entry : storedRevisionSummary(entry);
}

/**
 * The drafts list: drafts not deleted, most recently changed first (then by name); damaged records
 * last, in the order they were read.
 */
export function listedDrafts(entries: readonly DraftEntry[]): DraftSummary[] {
  const shown = entries.filter((e) => e.deletedAt === undefined);
  const good = shown.filter((e): e is StoredDraft => !e.damaged);
  good.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.name.localeCompare(b.name));
  const bad = shown.filter((e): e is DamagedRecord => e.damaged);
  return [...good.map(draftSummary), ...bad];
}

/** A draft's revisions, oldest first; damaged ones last, in the order they were read. */
export function listedRevisions(entries: readonly RevisionEntry[]): RevisionSummary[] {
  const good = entries.filter((e): e is StoredRevision => !e.damaged);
  // Two revisions in one millisecond: the Rev number breaks the tie.
  good.sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || revisionNumber(a.name) - revisionNumber(b.name),
  );
  return [...good, ...entries.filter((e) => e.damaged)].map(revisionSummary);
}
