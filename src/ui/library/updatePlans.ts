/**
 * The updates of a draft started from a library resolution, kept in IndexedDB: what was proposed
 * (core/library/update.ts) and what the delegate rejected. Whether a proposal is made is never kept:
 * it is read from the draft's text (`updateStates`), so undo, a revision restored or another tab's
 * edit keep it right. Rejections are the one thing the text cannot say.
 *
 * A database of its own, as the user's library documents have (storage/library.ts): a new store in
 * the drafts database would be an upgrade step there, and a tab of an older app would block it. A plan
 * is a few kilobytes; one per draft, keyed by the draft's id.
 */
import type { UpdateProposal, UpdateTarget } from '../../core/library/update.ts';
import { requestResult } from '../../storage/db.ts';

export const UPDATES_DB_NAME = 'resolution-drafter-updates';
const PLANS = 'plans';
/** Steps of the database, one per version: never edit a released one, add one. */
const UPGRADES: readonly { readonly version: number; upgrade(db: IDBDatabase): void }[] = [
  { version: 1, upgrade: (db) => void db.createObjectStore(PLANS, { keyPath: 'draftId' }) },
];
const VERSION = UPGRADES[UPGRADES.length - 1]?.version ?? 1;

export const PLAN_VERSION = 1 as const;

export interface UpdatePlan {
  readonly planVersion: typeof PLAN_VERSION;
  readonly draftId: string;
  /** The library resolution the draft started from: its id, symbol and title. */
  readonly baseId: string;
  readonly symbol: string;
  readonly title: string;
  readonly target: UpdateTarget;
  readonly proposals: readonly UpdateProposal[];
  /** Ids of the proposals the delegate rejected. */
  readonly rejected: readonly string[];
}

/** A stored plan, or undefined when the record is not one this app wrote (from a newer app, damaged). */
function readPlan(value: unknown): UpdatePlan | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Partial<Record<keyof UpdatePlan, unknown>>;
  if (r.planVersion !== PLAN_VERSION || typeof r.draftId !== 'string' || typeof r.symbol !== 'string')
    return undefined;
  if (!Array.isArray(r.proposals) || !Array.isArray(r.rejected)) return undefined;
  return value as UpdatePlan;
}

let opened: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('This browser does not offer IndexedDB, so the updates cannot be kept.'));
      return;
    }
    const request = indexedDB.open(UPDATES_DB_NAME, VERSION);
    request.onupgradeneeded = (event) => {
      for (const step of UPGRADES) if (step.version > event.oldVersion) step.upgrade(request.result);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer app in another tab may need to upgrade: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        opened = undefined;
      };
      resolve(db);
    };
    request.onerror = () => {
      opened = undefined;
      reject(new Error(`The updates could not be opened: ${request.error?.message ?? 'unknown error'}`));
    };
  });
  return opened;
}

export async function loadPlan(draftId: string): Promise<UpdatePlan | undefined> {
  const db = await database();
  const value: unknown = await requestResult(db.transaction(PLANS).objectStore(PLANS).get(draftId));
  return readPlan(value);
}

export async function savePlan(plan: UpdatePlan): Promise<void> {
  const db = await database();
  const tx = db.transaction(PLANS, 'readwrite');
  tx.objectStore(PLANS).put(plan);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('The updates could not be saved.'));
    tx.onabort = () => reject(tx.error ?? new Error('The updates could not be saved.'));
  });
}
