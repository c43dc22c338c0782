/**
 * The drafts database's name, object stores and upgrades. It imports nothing, so that the page's first
 * script (early.ts), which opens the database while the app's code is still loading, carries nothing
 * else; db.ts re-exports it.
 */
export const DB_NAME = 'resolution-drafter';

export const STORES = { drafts: 'drafts', revisions: 'revisions', meta: 'meta' } as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

export interface DbUpgrade {
  readonly version: number;
  readonly describe: string;
  upgrade(db: IDBDatabase, tx: IDBTransaction): void;
}

/**
 * The database's object stores, one step per version, in order. A step runs once, when a browser
 * whose database is older opens it; never edit a released step, add a new one.
 */
export const DB_UPGRADES: readonly DbUpgrade[] = [
  {
    version: 1,
    describe: 'drafts (key id), revisions (key id, index draftId), meta (key key)',
    upgrade(db) {
      db.createObjectStore(STORES.drafts, { keyPath: 'id' });
      const revisions = db.createObjectStore(STORES.revisions, { keyPath: 'id' });
      revisions.createIndex('draftId', 'draftId');
      db.createObjectStore(STORES.meta, { keyPath: 'key' });
    },
  },
];

export const DB_VERSION = DB_UPGRADES[DB_UPGRADES.length - 1]?.version ?? 1;

/** The key of the meta record that names the draft opened last: `{ key, value: <draft id> }`. */
export const LAST_OPENED_KEY = 'lastOpened';

/** The id of the draft opened last, from its meta record as stored (undefined when none or not an id). */
export function lastOpenedId(record: unknown): string | undefined {
  const value =
    typeof record === 'object' && record !== null ? (record as { value?: unknown }).value : undefined;
  return typeof value === 'string' ? value : undefined;
}
