/**
 * The user's documents in the library (src/storage/library.ts) in real Chromium IndexedDB, as the
 * drafts are tested (drafts.browser.test.ts): nothing here is faked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import type { UserDocumentStore } from '../../src/storage/library.ts';
import { deleteDatabase } from '../../src/storage/db.ts';
import {
  LIBRARY_DB_NAME,
  USER_RECORD_VERSION,
  openUserDocumentStore,
  userDocumentRecord,
} from '../../src/storage/library.ts';
import { newId } from '../../src/storage/tabs.ts';
import { op, pre, res } from '../helpers/builders.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh database name, deleted after the test. */
function scratchName(): string {
  const name = `library-test-${newId()}`;
  cleanups.push(() => deleteDatabase(name));
  return name;
}

async function scratchStore(
  dbName = scratchName(),
  options: { factory?: IDBFactory; now?: () => number } = {},
): Promise<UserDocumentStore> {
  const store = await openUserDocumentStore({ dbName, ...options });
  cleanups.push(() => store.close());
  return store;
}

const doc = (
  title: string,
  text = 'Member States to prevent violence against children;',
): ResolutionDocument =>
  res({
    title,
    preamble: [pre('Recalling', 'its resolution 69/194 of 18 December 2014,')],
    operative: [op('Urges', text)],
  });

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/** Writes a value straight into the store, bypassing the module: how damage gets there. */
async function putRaw(dbName: string, value: unknown): Promise<void> {
  const store = await openUserDocumentStore({ dbName });
  store.close();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('not opened'));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('documents', 'readwrite');
      tx.objectStore('documents').put(value);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
  } finally {
    db.close();
  }
}

describe('UserDocumentStore', () => {
  it('keeps its own database, apart from the drafts', () => {
    expect(LIBRARY_DB_NAME).toBe('resolution-drafter-library');
  });

  it('adds documents with an id "user:<uuid>", their name, source and date, and lists them back', async () => {
    const store = await scratchStore(undefined, { now: () => Date.parse('2025-05-06T10:00:00Z') });
    const added = ok(
      await store.add([
        { name: 'A_RES_79_188.pdf', source: 'pdf', document: doc('Preventing violence against children') },
      ]),
    ).added;
    expect(added).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^user:[0-9a-f-]{36}$/),
        name: 'A_RES_79_188.pdf',
        source: 'pdf',
        addedAt: '2025-05-06T10:00:00.000Z',
        recordVersion: USER_RECORD_VERSION,
        damaged: false,
      }),
    ]);
    expect(await store.list()).toEqual([
      expect.objectContaining({
        id: added[0]?.id,
        name: 'A_RES_79_188.pdf',
        damaged: false,
        document: doc('Preventing violence against children'),
      }),
    ]);
  });

  it('adds the documents of one file together, each with an id of its own, listed in the order added', async () => {
    let clock = Date.parse('2025-05-06T10:00:00Z');
    const store = await scratchStore(undefined, { now: () => clock });
    ok(await store.add([{ name: 'first.txt', source: 'text', document: doc('First') }]));
    clock += 1000;
    const two = ok(
      await store.add([
        { name: 'report.html (2 of 10)', source: 'html', document: doc('Second') },
        { name: 'report.html (10 of 10)', source: 'html', document: doc('Third') },
      ]),
    ).added;
    expect(new Set(two.map((d) => d.id)).size).toBe(2);
    const listed = await store.list();
    expect(listed.map((d) => (d.damaged ? '' : d.document.title))).toEqual(['First', 'Second', 'Third']);
  });

  it('refuses a document that is not valid, saying why, and stores none of the batch', async () => {
    const store = await scratchStore();
    const broken = { ...doc('Broken'), title: 42 } as unknown as ResolutionDocument;
    expect(
      await store.add([
        { name: 'good.txt', source: 'text', document: doc('Good') },
        { name: 'broken.json', source: 'json', document: broken },
      ]),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'broken.json was not stored: The title should be text, not a number.',
    });
    expect(await store.list()).toEqual([]);
  });

  it('removes a document, and puts it back exactly as it was on undo', async () => {
    const store = await scratchStore();
    const [kept, removed] = ok(
      await store.add([
        { name: 'kept.txt', source: 'text', document: doc('Kept') },
        { name: 'my draft', source: 'draft', document: doc('Removed') },
      ]),
    ).added;
    if (!kept || !removed) throw new Error('two documents were added');
    ok(await store.remove(removed.id));
    expect((await store.list()).map((d) => d.id)).toEqual([kept.id]);
    // Removing again is not an error: another tab may have removed it first.
    ok(await store.remove(removed.id));

    ok(await store.restore(removed));
    const back = (await store.list()).find((d) => d.id === removed.id);
    expect(back).toEqual({ ...userDocumentRecord(removed), damaged: false });
  });

  it('keeps what it stored when the database is opened again (a reload)', async () => {
    const dbName = scratchName();
    const first = await openUserDocumentStore({ dbName });
    const [added] = ok(
      await first.add([{ name: 'A_RES_79_188.pdf', source: 'pdf', document: doc('Kept') }]),
    ).added;
    first.close();
    const again = await scratchStore(dbName);
    expect(await again.list()).toEqual([
      expect.objectContaining({ id: added?.id, name: 'A_RES_79_188.pdf' }),
    ]);
  });

  it('lists a damaged record with why, beside the good ones, and removes it', async () => {
    const dbName = scratchName();
    const store = await scratchStore(dbName);
    ok(await store.add([{ name: 'good.txt', source: 'text', document: doc('Good') }]));
    await putRaw(dbName, { id: 'user:bad-document', recordVersion: 1, name: 'notes.docx', addedAt: 'x' });
    await putRaw(dbName, {
      id: 'user:newer',
      recordVersion: 7,
      name: 'from the future',
      addedAt: '2030-01-01T00:00:00Z',
      source: 'pdf',
      document: {},
    });
    await putRaw(dbName, {
      id: 'user:not-a-document',
      recordVersion: 1,
      name: 'shopping.txt',
      addedAt: '2025-01-01T00:00:00Z',
      source: 'text',
      document: { hello: 'world' },
    });

    const listed = await store.list();
    expect(listed.filter((d) => !d.damaged).map((d) => d.name)).toEqual(['good.txt']);
    expect(listed.filter((d) => d.damaged)).toEqual(
      expect.arrayContaining([
        {
          damaged: true,
          id: 'user:bad-document',
          name: 'notes.docx',
          error: 'This stored document cannot be read: its field "addedAt" is missing or malformed.',
          raw: expect.objectContaining({ name: 'notes.docx' }),
        },
        expect.objectContaining({
          id: 'user:newer',
          error:
            'This stored document cannot be read: it was written by a newer version of Resolution Drafter (record version 7); update the app to read it.',
        }),
        expect.objectContaining({
          id: 'user:not-a-document',
          error: expect.stringMatching(/^This stored document cannot be read: .+\.$/),
        }),
      ]),
    );

    ok(await store.remove('user:bad-document'));
    expect((await store.list()).map((d) => d.id)).not.toContain('user:bad-document');
  });

  it('reads a document stored in the pre-release schema through the migrations', async () => {
    const dbName = scratchName();
    const store = await scratchStore(dbName);
    await putRaw(dbName, {
      id: 'user:old',
      recordVersion: 1,
      name: 'old.json',
      addedAt: '2025-01-01T00:00:00Z',
      source: 'json',
      // Schema version 0 (core/model/migrations.ts): `version`, openers inside the operative text.
      document: {
        version: 0,
        kind: 'resolution',
        organ: 'Conference of the Parties',
        formula: 'The Conference of the Parties,',
        title: 'Old prototype draft',
        metadata: {},
        preamble: [],
        operative: [{ text: '*Requests* the Secretariat to report;', subparagraphs: [] }],
        footnotes: [],
      },
    });
    const [entry] = await store.list();
    expect(entry).toMatchObject({
      damaged: false,
      migratedFrom: 0,
      document: { operative: [{ opener: 'Requests', content: [{ text: 'the Secretariat to report;' }] }] },
    });
  });
});

describe('UserDocumentStore: a full disk', () => {
  // A Storage Bucket with a quota of 1 MB: Chromium's own QuotaExceededError from a real commit.
  it('reports a document beyond the quota with the storage message, and stores nothing', async () => {
    const bucketName = `library-quota-${newId()}`;
    cleanups.push(() => storageBuckets().delete(bucketName));
    const bucket = await storageBuckets().open(bucketName, { quota: 1024 * 1024 });
    const store = await scratchStore(scratchName(), { factory: bucket.indexedDB });
    ok(await store.add([{ name: 'small.txt', source: 'text', document: doc('Small') }]));
    const huge = res({
      title: 'Huge',
      operative: Array.from({ length: 20 }, (_, i) => op('Requests', noise(99_000, i + 1))),
    });
    expect(await store.add([{ name: 'huge.pdf', source: 'pdf', document: huge }])).toEqual({
      ok: false,
      reason: 'quota',
      message: expect.stringContaining("The browser's storage for this site is full"),
    });
    expect((await store.list()).map((d) => d.name)).toEqual(['small.txt']);
  });
});

interface StorageBuckets {
  open(name: string, options: { quota: number }): Promise<{ indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
}

/** Chromium's Storage Buckets API (not yet in TypeScript's DOM types). */
function storageBuckets(): StorageBuckets {
  return (navigator as Navigator & { storageBuckets: StorageBuckets }).storageBuckets;
}

/** Letters from a xorshift generator: text Chromium cannot compress below its length. */
function noise(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out += String.fromCharCode(97 + ((state >>> 0) % 26));
  }
  return out;
}
