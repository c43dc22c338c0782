/**
 * The draft-session store (issue 14: the workspace's state and actions out of the component), on the
 * real drafts store in Chromium's IndexedDB, without React: the editor is a function that gives the
 * text as typed.
 */
import { describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { createJournal } from '../../../src/storage/journal.ts';
import { createStatusStore } from '../../../src/ui/statusStore.ts';
import { createDraftSessionStore, type DraftSessionStore } from '../../../src/ui/stores/draftSessionStore.ts';
import { op, pre, res } from '../../helpers/builders.ts';
import { onCleanup, scratchChannel, scratchName, scratchStore } from '../../storage/scratch.ts';

const doc = (title: string, text = 'the Office to report;'): ResolutionDocument =>
  res({ title, preamble: [pre('Recalling', 'its resolution 5/1,')], operative: [op('Requests', text)] });

async function session(existing: { title: string }[] = []) {
  const dbName = scratchName();
  const store = await scratchStore({ dbName });
  for (const { title } of existing) await store.create(doc(title), title);
  const downloads: { name: string; text: string }[] = [];
  const s = createDraftSessionStore({
    store,
    channel: scratchChannel(`${dbName}-ui`),
    status: createStatusStore({ afterPause: (run) => (run(), () => undefined) }),
    download: (name, text) => downloads.push({ name, text }),
    // A journal of its own: other test files write theirs in the same origin at the same time.
    journal: createJournal(`test-journal:${dbName}:`),
    exportPauseMs: 1,
    exportMaxWaitMs: 5,
  });
  onCleanup(() => s.dispose());
  return { s, store, downloads };
}

/** The editor, as the store sees it: the text typed, read on the base's metadata. */
function type(s: DraftSessionStore, text: string): void {
  s.editorChanged((base) => ({ ...base, operative: [op('Requests', text)] }));
}

describe('the draft-session store', () => {
  it('reopens the most recent draft at start and lists every draft', async () => {
    const { s } = await session([{ title: 'First' }, { title: 'Second' }]);
    expect(s.getState().loaded).toBe(false);
    await s.start();
    const state = s.getState();
    expect(state.loaded).toBe(true);
    expect(state.drafts.map((d) => d.name).sort()).toEqual(['First', 'Second']);
    expect(state.current?.draft.name).toBe(state.drafts[0]?.name);
  });

  it('opens the draft opened last before reading the list of every draft', async () => {
    const { s, store } = await session([{ title: 'Older' }, { title: 'Newer' }]);
    const older = (await store.list()).find((d) => d.name === 'Older');
    if (older === undefined || older.damaged) throw new Error('no draft "Older"');
    await store.setLastOpened(older.id);
    // What the page had when the draft first showed.
    let listedWhenShown: number | null = null;
    const stop = s.subscribe(() => {
      const { current, drafts } = s.getState();
      if (current !== null && listedWhenShown === null) listedWhenShown = drafts.length;
    });
    await s.start();
    stop();
    expect(s.getState().current?.draft.name).toBe('Older');
    expect(listedWhenShown).toBe(0);
    expect(
      s
        .getState()
        .drafts.map((d) => d.name)
        .sort(),
    ).toEqual(['Newer', 'Older']);
  });

  it('opens the most recent draft when the one opened last is gone', async () => {
    const { s, store } = await session([{ title: 'Kept' }, { title: 'Gone' }]);
    const gone = (await store.list()).find((d) => d.name === 'Gone');
    if (gone === undefined || gone.damaged) throw new Error('no draft "Gone"');
    await store.setLastOpened(gone.id);
    await store.remove(gone.id);
    await s.start();
    expect(s.getState().current?.draft.name).toBe('Kept');
  });

  it('stores what the editor holds when asked to flush, and gives it to compare and export', async () => {
    const { s, store } = await session([{ title: 'Typed' }]);
    await s.start();
    type(s, 'the Office to report annually;');
    await s.flush();
    const id = s.getState().current?.draft.id ?? '';
    const stored = await store.get(id);
    expect(stored && !stored.damaged && stored.document.operative[0]?.content).toEqual([
      { type: 'text', text: 'the Office to report annually;' },
    ]);
    expect((await s.getLatest())?.operative[0]?.content).toEqual([
      { type: 'text', text: 'the Office to report annually;' },
    ]);
  });

  it('keeps metadata edits with the text typed before them', async () => {
    const { s, store } = await session([{ title: 'Meta' }]);
    await s.start();
    type(s, 'the Office to act;');
    s.setMetadata({ symbol: 'A/C.3/80/L.4' });
    await s.flush();
    const stored = await store.get(s.getState().current?.draft.id ?? '');
    expect(
      stored && !stored.damaged && [stored.document.metadata.symbol, stored.document.operative[0]?.content],
    ).toEqual(['A/C.3/80/L.4', [{ type: 'text', text: 'the Office to act;' }]]);
    expect(s.getState().current?.document.metadata.symbol).toBe('A/C.3/80/L.4');
  });

  it('saves a revision, says so and shows the revisions', async () => {
    const { s } = await session([{ title: 'Rev' }]);
    await s.start();
    await s.createRevision('Rev.1');
    const state = s.getState();
    expect(state.notice?.text).toBe('Saved revision Rev.1.');
    expect(state.panel).toBe('revisions');
    expect(state.revisions.map((r) => r.name)).toEqual(['Rev.1']);
  });

  it('deletes a draft with an undo that brings it back and opens it', async () => {
    const { s } = await session([{ title: 'Gone' }]);
    await s.start();
    const id = s.getState().current?.draft.id ?? '';
    await s.remove(id);
    expect(s.getState().current).toBeNull();
    expect(s.getState().notice?.text).toBe('Deleted “Gone”. It can be brought back for ten minutes.');
    s.getState().notice?.action?.run();
    await expect.poll(() => s.getState().current?.draft.id).toBe(id);
    expect(s.getState().notice?.text).toBe('“Gone” is back.');
  });

  it('downloads the text on screen when asked, even before the autosave has it', async () => {
    const { s, downloads } = await session([{ title: 'Out' }]);
    await s.start();
    type(s, 'the Office to leave;');
    s.downloadDraft();
    expect(downloads.map((d) => d.name)).toEqual(['Out.resolution.json']);
    expect(downloads[0]?.text).toContain('the Office to leave;');
  });

  it('says so when the draft to open is gone', async () => {
    const { s } = await session([]);
    await s.start();
    await s.open('no-such-draft');
    expect(s.getState().notice).toMatchObject({ text: 'That draft no longer exists.', tone: 'warning' });
  });

  it('issues Rev.1 of a negotiated draft: the zero draft kept as a revision and named as the base, the clean text stored', async () => {
    const { s, store } = await session([{ title: 'Negotiated' }]);
    await s.start();
    const negotiation = await s.negotiationStore();
    expect(negotiation.start('Egypt')).toBe(true);
    negotiation.setProposeAs('EU');
    negotiation.beginEdit('operative:1', 'Requests the Office to report annually;');
    expect(negotiation.submitEdit()).toBe(true);
    expect(negotiation.accept('p1')).toBe(true);
    expect(await s.issueRevision()).toBe(true);
    const id = s.getState().current?.draft.id ?? '';
    const stored = await store.get(id);
    if (!stored || stored.damaged) throw new Error('the draft is not stored');
    expect(stored.document.operative[0]?.content).toEqual([
      { type: 'text', text: 'the Office to report annually;' },
    ]);
    expect(stored.document.negotiation?.round).toBe(1);
    expect(stored.document.metadata.base).toEqual({ source: 'revision', ref: 'Zero draft' });
    expect(s.getState().revisions.map((r) => r.name)).toEqual(['Zero draft']);
    const zero = await s.resolveBase(stored.document);
    expect(zero?.operative[0]?.content).toEqual([{ type: 'text', text: 'the Office to report;' }]);
    expect(s.getState().notice?.text).toBe(
      'Issued Rev.1: the clean text, with tracked changes against the Zero draft (kept as a revision).',
    );
  });
});
