/**
 * A scratch drafts database per test, in the real browser's IndexedDB: each test gets its own name and
 * the database is deleted afterwards, so tests neither see nor slow each other.
 */
import { afterEach } from 'vitest';
import type { DraftStore, DraftStoreOptions } from '../../src/storage/drafts.ts';
import type { TabChannel } from '../../src/storage/tabs.ts';
import { deleteDatabase, openDatabase } from '../../src/storage/db.ts';
import { openDraftStore } from '../../src/storage/drafts.ts';
import { createTabChannel, newId } from '../../src/storage/tabs.ts';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs `cleanup` after the test, before the cleanups registered earlier. */
export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

/** A fresh database name, deleted after the test. */
export function scratchName(): string {
  const name = `test-${newId()}`;
  cleanups.push(() => deleteDatabase(name));
  return name;
}

/** A store on `dbName` (a fresh one by default) with its own tab channel, closed after the test. */
export async function scratchStore(
  options: DraftStoreOptions & { dbName?: string; channelName?: string } = {},
): Promise<DraftStore> {
  const dbName = options.dbName ?? scratchName();
  const channel = options.channel ?? scratchChannel(options.channelName ?? dbName);
  const store = await openDraftStore({ ...options, dbName, channel });
  cleanups.push(() => store.close());
  return store;
}

/** A tab channel of its own name, so parallel test files do not hear each other. */
export function scratchChannel(name: string): TabChannel {
  const channel = createTabChannel(name);
  cleanups.push(() => channel.close());
  return channel;
}

/** Writes a value straight into a store, bypassing DraftStore: how damage and old formats get there. */
export async function putRaw(
  dbName: string,
  store: 'drafts' | 'revisions' | 'meta',
  value: unknown,
): Promise<void> {
  const db = await openDatabase({ name: dbName });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      tx.objectStore(store).put(value);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
  } finally {
    db.close();
  }
}
