/**
 * The early read (storage/early.ts) in real Chromium IndexedDB: the page's first script opens the
 * drafts database and reads the draft opened last; the store takes both over.
 */
import { describe, expect, it } from 'vitest';
import { res, op, pre } from '../helpers/builders.ts';
import { DB_VERSION } from '../../src/storage/db.ts';
import { readEarly } from '../../src/storage/early.ts';
import { onCleanup, putRaw, scratchName, scratchStore } from './scratch.ts';

const doc = res({
  title: 'Trafficking in persons',
  preamble: [pre('Recalling', 'its resolution 5/1,')],
  operative: [op('Requests', 'the Secretariat to report;')],
});

/** The names of the databases this origin has. */
async function databaseNames(): Promise<(string | undefined)[]> {
  return (await indexedDB.databases()).map((d) => d.name);
}

describe('readEarly', () => {
  it('creates nothing and gives nothing when the database does not exist yet', async () => {
    const name = scratchName();
    expect(await readEarly(indexedDB, name)).toBeNull();
    expect(await databaseNames()).not.toContain(name);
    // The app then creates it as it always did.
    const store = await scratchStore({ dbName: name });
    expect(await store.list()).toEqual([]);
  });

  it('reads the draft opened last, which the store then answers with, once', async () => {
    const name = scratchName();
    const writer = await scratchStore({ dbName: name });
    const created = await writer.create(doc, 'Opened last');
    if (!created.ok) throw new Error(created.message);
    await writer.setLastOpened(created.draft.id);

    const early = await readEarly(indexedDB, name);
    expect(early?.db.version).toBe(DB_VERSION);
    expect(early?.lastOpened?.id).toBe(created.draft.id);
    expect(early?.lastOpened?.raw).toMatchObject({
      id: created.draft.id,
      name: 'Opened last',
      document: doc,
    });

    // Deleted after the early read: the store's first answer is what the early read found (the page
    // asked before the delete); the next asks the database again.
    const removed = await writer.remove(created.draft.id);
    expect(removed.ok).toBe(true);
    const store = await scratchStore({ dbName: name, early });
    expect(await store.getLastOpenedDraft()).toMatchObject({ id: created.draft.id, document: doc });
    expect(await store.getLastOpenedDraft()).toBeUndefined();
    // The store works on the early read's connection.
    const again = await store.create(doc, 'Second');
    expect(again.ok).toBe(true);
    expect((await store.list()).map((d) => d.name)).toEqual(['Second']);
  });

  it('gives the connection with nothing to open when no draft was opened yet, or a damaged record as it is', async () => {
    const name = scratchName();
    await scratchStore({ dbName: name });
    const none = await readEarly(indexedDB, name);
    onCleanup(() => none?.db.close());
    expect(none?.lastOpened).toEqual({ id: undefined, raw: undefined });

    await putRaw(name, 'drafts', {
      id: 'broken',
      recordVersion: 1,
      name: 'Broken',
      document: { nonsense: true },
    });
    await putRaw(name, 'meta', { key: 'lastOpened', value: 'broken' });
    const early = await readEarly(indexedDB, name);
    const store = await scratchStore({ dbName: name, early });
    expect(await store.getLastOpenedDraft()).toMatchObject({ id: 'broken', damaged: true });
  });

  it('lets a newer version of the app upgrade the database instead of blocking it', async () => {
    const name = scratchName();
    await scratchStore({ dbName: name });
    const early = await readEarly(indexedDB, name);
    expect(early).not.toBeNull();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onblocked = () => reject(new Error('the early read’s connection blocked the upgrade'));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();
    expect(newer.version).toBe(DB_VERSION + 1);
  });

  it('is not used by a store of another database, whose own connection it closes', async () => {
    const other = scratchName();
    await scratchStore({ dbName: other });
    const early = await readEarly(indexedDB, other);
    const store = await scratchStore({ early });
    expect(await store.list()).toEqual([]);
    // The early connection was closed: a transaction on it fails.
    expect(() => early?.db.transaction('drafts')).toThrow();
  });
});
