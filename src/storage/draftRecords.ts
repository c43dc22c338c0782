/**
 * The records the draft store writes, in the envelope db.ts defines and reads back: new ids, a new
 * draft, a revision, and the store's clock as the ISO timestamps the records carry.
 */
import type { DraftRecord, RevisionRecord, StoredDraft } from './db.ts';
import { RECORD_VERSION } from './db.ts';

export function newDraftId(): string {
  // Sortable by creation, unique across tabs: a time prefix and random bits.
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `${Date.now().toString(36)}-${Array.from(random, (n) => n.toString(36)).join('')}`;
}

/** The store's clock (milliseconds) as a record's timestamp. */
export function timestampOf(now: () => number): string {
  return new Date(now()).toISOString();
}

/** A timestamp a record or a bundle may carry: text that `Date.parse` reads. */
export function isTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/** A draft's first record, under a new id, with its first save counted. */
export function newDraftRecord(
  fields: Pick<DraftRecord, 'name' | 'createdAt' | 'updatedAt' | 'document'>,
): DraftRecord {
  const { name, createdAt, updatedAt, document } = fields;
  return {
    recordVersion: RECORD_VERSION,
    id: newDraftId(),
    name,
    createdAt,
    updatedAt,
    saveCount: 1,
    document,
  };
}

/** A revision record under a new id. */
export function newRevisionRecord(fields: Omit<RevisionRecord, 'recordVersion' | 'id'>): RevisionRecord {
  const { draftId, name, createdAt, automatic, saveCount, document } = fields;
  return {
    recordVersion: RECORD_VERSION,
    id: newDraftId(),
    draftId,
    name,
    createdAt,
    automatic,
    saveCount,
    document,
  };
}

/** A record just written, as reading it back would give it. */
export function storedDraft(record: DraftRecord): StoredDraft {
  return { ...record, damaged: false };
}
