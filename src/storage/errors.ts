/**
 * What a failed write means for the person typing. Storage trouble is expected, not misuse
 * (ARCHITECTURE.md, convention 6): the browser may run out of space for the site, or refuse IndexedDB
 * altogether, and the editor must say so and keep the document, never drop it.
 */

export type StorageFailureReason = 'quota' | 'error';

export interface StorageFailure {
  readonly reason: StorageFailureReason;
  readonly message: string;
}

/**
 * The names browsers give a full storage: the standard "QuotaExceededError" (a DOMException, or in
 * newer browsers its own DOMException subclass of the same name) and Firefox's legacy
 * "NS_ERROR_DOM_QUOTA_REACHED". Matched by name, so both forms are recognized.
 */
const QUOTA_NAMES: ReadonlySet<string> = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

export const QUOTA_MESSAGE =
  "The browser's storage for this site is full, so the latest changes are not saved yet. " +
  'Download all drafts now, then make room by deleting drafts or revisions you no longer need.';

export function isQuotaError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    typeof error.name === 'string' &&
    QUOTA_NAMES.has(error.name)
  );
}

/** Maps anything a transaction rejected with to a failure the UI can show. */
export function describeStorageError(error: unknown): StorageFailure {
  if (isQuotaError(error)) return { reason: 'quota', message: QUOTA_MESSAGE };
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  const label = name === '' || name === 'Error' ? '' : `${name}: `;
  return { reason: 'error', message: `The browser could not store the draft (${label}${detail}).` };
}

export interface StorageEstimate {
  /** Bytes used by this site. */
  readonly usage: number;
  /** Bytes the browser lets this site use. */
  readonly quota: number;
}

/** How full the site's storage is, for an early warning; undefined where the browser cannot tell. */
export async function estimateStorage(): Promise<StorageEstimate | undefined> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return undefined;
  try {
    const { usage, quota } = await navigator.storage.estimate();
    return usage === undefined || quota === undefined ? undefined : { usage, quota };
  } catch {
    return undefined;
  }
}

/**
 * Asks the browser not to evict the drafts under storage pressure ("best-effort" storage may be
 * cleared without asking). Returns whether storage is persistent; false where it cannot be asked.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
