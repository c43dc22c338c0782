/**
 * Two tabs on one draft, the races the quality journeys found (issue 7, "two tabs editing one draft:
 * no silent overwrite"): a save still running when the person resolves a conflict, a change the UI has
 * not handed over yet when another tab saves, and a full disk under the "download all drafts" bundle.
 */
import { describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import type { DraftEntry, StoredDraft } from '../../src/storage/db.ts';
import type { DraftStore, SaveResult } from '../../src/storage/drafts.ts';
import { LAST_STORED_REVISION } from '../../src/storage/drafts.ts';
import { createDraftSession } from '../../src/storage/session.ts';
import { newId } from '../../src/storage/tabs.ts';
import { op, res } from '../helpers/builders.ts';
import { onCleanup, scratchChannel, scratchName, scratchStore } from './scratch.ts';

const doc = (text: string): ResolutionDocument => res({ title: 'T', operative: [op('Requests', text)] });

const textOf = (entry: DraftEntry | undefined): string | undefined =>
  entry?.damaged === false
    ? entry.document.operative[0]?.content.map((r) => (r.type === 'text' ? r.text : '')).join('')
    : undefined;

async function twoTabs() {
  const dbName = scratchName();
  const channelName = `channel-${newId()}`;
  const channelA = scratchChannel(channelName);
  const channelB = scratchChannel(channelName);
  const a = await scratchStore({ dbName, channel: channelA });
  const b = await scratchStore({ dbName, channel: channelB });
  const created = await a.create(doc('the Office to report;'), 'Shared draft');
  if (!created.ok) throw new Error(created.message);
  return { a, b, channelB, draft: created.draft };
}

/** `store` whose saves wait for `release()`: a save in flight, held there by the test. */
function gatedSaves(store: DraftStore) {
  let open: () => void = () => undefined;
  let started: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const saving = new Promise<void>((resolve) => (started = resolve));
  const gated: DraftStore = Object.create(store) as DraftStore;
  gated.save = async (...args: Parameters<DraftStore['save']>): Promise<SaveResult> => {
    started();
    await gate;
    return store.save(...args);
  };
  return { store: gated, saving, release: () => open() };
}

async function until(check: () => boolean): Promise<void> {
  // A bound for a loaded machine, where a message between tabs can take well over a second.
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createDraftSession: conflicts resolved while a save is running', () => {
  it('"keep mine as a copy" during a save: the save is not retried over the other tab’s text', async () => {
    const { a, b, draft } = await twoTabs();
    const { store, saving, release } = gatedSaves(b);
    const conflicts: DraftEntry[] = [];
    const session = createDraftSession({
      store,
      draft,
      delayMs: 0,
      maxWaitMs: 0,
      onConflict: (c) => conflicts.push(c),
    });
    onCleanup(() => session.dispose());
    await a.save(draft.id, doc('saved in tab A;'), { expectedSaveCount: 1 });

    session.edit(doc('typed in tab B;'));
    await saving; // tab B's save is on its way, with the save count it had before tab A saved
    const copy = await session.keepMineAsCopy();
    if (!copy.ok) throw new Error(copy.message);
    release();
    await session.flush();

    expect(conflicts).toEqual([]);
    expect(session.hasUnsaved).toBe(false);
    expect(textOf(await a.get(draft.id))).toBe('saved in tab A;');
    expect(textOf(await a.get(copy.draft.id))).toBe('typed in tab B;');
    // Leaving the page flushes: still nothing to write over tab A's text.
    await session.dispose();
    expect(textOf(await a.get(draft.id))).toBe('saved in tab A;');
  });

  it('"load the other tab’s version" during a save: the discarded text is not saved later', async () => {
    const { a, b, draft } = await twoTabs();
    const { store, saving, release } = gatedSaves(b);
    const session = createDraftSession({ store, draft, delayMs: 0, maxWaitMs: 0 });
    onCleanup(() => session.dispose());
    await a.save(draft.id, doc('saved in tab A;'), { expectedSaveCount: 1 });
    session.edit(doc('typed in tab B;'));
    await saving;
    const theirs = await session.takeTheirs();
    release();
    await session.flush();
    expect(textOf(theirs)).toBe('saved in tab A;');
    expect(session.hasUnsaved).toBe(false);
    await session.dispose();
    expect(textOf(await a.get(draft.id))).toBe('saved in tab A;');
  });
});

describe('createDraftSession: a change the UI still holds', () => {
  it('does not follow another tab while the UI has a change it has not passed to edit()', async () => {
    const { a, b, channelB, draft } = await twoTabs();
    const followed: StoredDraft[] = [];
    const conflicts: DraftEntry[] = [];
    let pending = true;
    const session = createDraftSession({
      store: b,
      draft,
      channel: channelB,
      hasPendingEdit: () => pending,
      onFollow: (d) => followed.push(d),
      onConflict: (c) => conflicts.push(c),
    });
    onCleanup(() => session.dispose());
    await a.save(draft.id, doc('saved in tab A;'), { expectedSaveCount: 1 });
    await until(() => conflicts.length > 0);
    expect(followed).toEqual([]);
    expect(session.saveCount).toBe(1);
    // The held change arrives: its save is refused, tab A's text stays.
    pending = false;
    session.edit(doc('typed in tab B;'));
    await session.flush();
    expect(textOf(await a.get(draft.id))).toBe('saved in tab A;');
  });
});

describe('DraftStore.exportAll with the open draft’s unsaved text', () => {
  it('puts the text on screen in the bundle and keeps the stored one as a revision', async () => {
    const store = await scratchStore();
    const created = await store.create(doc('stored before the disk filled;'), 'Full disk');
    if (!created.ok) throw new Error(created.message);
    const bundle = JSON.parse(
      await store.exportAll({
        unsaved: { draftId: created.draft.id, document: doc('typed after the disk filled;') },
      }),
    ) as {
      drafts: {
        id: string;
        name: string;
        document: unknown;
        revisions: { name: string; document: unknown }[];
      }[];
    };
    expect(bundle.drafts).toHaveLength(1);
    expect(bundle.drafts[0]?.document).toEqual(doc('typed after the disk filled;'));
    expect(bundle.drafts[0]?.revisions).toEqual([
      expect.objectContaining({
        name: LAST_STORED_REVISION,
        document: doc('stored before the disk filled;'),
      }),
    ]);
    // The bundle opens as drafts again, with both texts.
    const other = await scratchStore();
    const imported = await other.importFile(JSON.stringify(bundle));
    if (!imported.ok) throw new Error(imported.message);
    expect(textOf(imported.drafts[0])).toBe('typed after the disk filled;');
    expect((await other.listRevisions(imported.drafts[0]?.id ?? '')).map((r) => r.name)).toEqual([
      LAST_STORED_REVISION,
    ]);
  });

  it('adds the open draft when the store no longer has it, and adds nothing when the text is stored', async () => {
    const store = await scratchStore();
    const created = await store.create(doc('stored;'), 'Stored');
    if (!created.ok) throw new Error(created.message);
    const same = JSON.parse(
      await store.exportAll({ unsaved: { draftId: created.draft.id, document: created.draft.document } }),
    ) as { drafts: { revisions: unknown[] }[] };
    expect(same.drafts).toHaveLength(1);
    expect(same.drafts[0]?.revisions).toEqual([]);
    const gone = JSON.parse(
      await store.exportAll({ unsaved: { draftId: 'deleted-elsewhere', document: doc('only on screen;') } }),
    ) as { drafts: { id: string; name: string }[] };
    expect(gone.drafts.map((d) => [d.id, d.name])).toEqual([
      [created.draft.id, 'Stored'],
      ['deleted-elsewhere', 'T'],
    ]);
  });
});
