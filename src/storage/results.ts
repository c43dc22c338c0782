/**
 * What the draft store's operations give back when they cannot do what was asked.
 *
 * Two kinds of failure (ARCHITECTURE.md, convention 6): a full disk, a stale tab, a deleted draft are
 * expected trouble and come back as values (`{ ok: false, reason, message }`); the caller still holds
 * the document and nothing is lost. The messages are shown as they are.
 */
import type { DamagedRecord, DraftEntry, StoredDraft } from './db.ts';
import type { StorageFailure } from './errors.ts';

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

export type Conflict = Extract<SaveResult, { reason: 'conflict' }>;

export function invalid(message: string): Failed {
  return { ok: false, reason: 'invalid', message };
}

export function notFound(id: string): Failed {
  return {
    ok: false,
    reason: 'not-found',
    message: `There is no draft ${id} (it may have been deleted in another tab).`,
  };
}

/** A record that cannot be read stops the operation; its error says what is wrong with it. */
export function damagedFailure(record: DamagedRecord): Failed {
  return { ok: false, reason: 'damaged', message: record.error };
}

/**
 * The draft a write may replace, or the conflict it must stop at: another tab saved since
 * `expectedSaveCount`, or the stored record is damaged (never written over, or its raw data would be
 * lost). Without an expected count, any readable draft may be replaced.
 */
export function fresh(
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
