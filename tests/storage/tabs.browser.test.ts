/**
 * Two tabs on one draft, in the real browser: two DraftStores on one database, each with its own
 * IndexedDB connection and its own BroadcastChannel, are two tabs as far as storage can tell.
 */
import { describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import type { DraftEntry, StoredDraft } from '../../src/storage/db.ts';
import type { DraftStore } from '../../src/storage/drafts.ts';
import type { TabChannel, TabMessage } from '../../src/storage/tabs.ts';
import { createDraftSession } from '../../src/storage/session.ts';
import { isTabMessage, newId } from '../../src/storage/tabs.ts';
import { op, res } from '../helpers/builders.ts';
import { onCleanup, scratchChannel, scratchName, scratchStore } from './scratch.ts';

const doc = (text: string): ResolutionDocument => res({ title: 'T', operative: [op('Requests', text)] });

const textOf = (entry: DraftEntry | undefined): string | undefined =>
  entry?.damaged === false
    ? entry.document.operative[0]?.content.map((r) => (r.type === 'text' ? r.text : '')).join('')
    : undefined;

/** Two tabs: two stores on one database, on one channel name. */
async function twoTabs(): Promise<{
  a: DraftStore;
  b: DraftStore;
  channelA: TabChannel;
  channelB: TabChannel;
  draft: StoredDraft;
}> {
  const dbName = scratchName();
  const channelName = `channel-${newId()}`;
  const channelA = scratchChannel(channelName);
  const channelB = scratchChannel(channelName);
  const a = await scratchStore({ dbName, channel: channelA });
  const b = await scratchStore({ dbName, channel: channelB });
  const created = await a.create(doc('the Office to report;'), 'Shared draft');
  if (!created.ok) throw new Error(created.message);
  return { a, b, channelA, channelB, draft: created.draft };
}

/** Resolves with the first message `channel` hears that `accept` takes; fails after 10 s (a loaded machine's bound). */
function nextMessage(
  channel: TabChannel,
  accept: (m: TabMessage) => boolean = () => true,
): Promise<TabMessage> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('no message within 10 s')), 10_000);
    const stop = channel.subscribe((message) => {
      if (!accept(message)) return;
      clearTimeout(timeout);
      stop();
      resolve(message);
    });
  });
}

/** Waits until `check` holds, polling; fails after 10 s (a loaded machine's bound). */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the tab channel', () => {
  it('tells the other tab which draft was saved, with its new save count, and not the tab that saved', async () => {
    const { a, b, channelA, channelB, draft } = await twoTabs();
    const heardByA: TabMessage[] = [];
    channelA.subscribe((m) => heardByA.push(m));
    const heard = nextMessage(channelB, (m) => m.type === 'saved');
    await a.save(draft.id, doc('the Office to report annually;'), { expectedSaveCount: 1 });
    expect(await heard).toEqual({ type: 'saved', draftId: draft.id, saveCount: 2, tabId: a.tabId });
    expect(b.tabId).not.toBe(a.tabId);
    expect(heardByA).toEqual([]);
  });

  it('ignores messages that are not the app’s (another version, another app on the origin)', async () => {
    const name = `channel-${newId()}`;
    const channel = scratchChannel(name);
    const heard: TabMessage[] = [];
    channel.subscribe((m) => heard.push(m));
    const stranger = new BroadcastChannel(name);
    onCleanup(() => stranger.close());
    stranger.postMessage({ type: 'saved', draftId: 'x', tabId: 'y', saveCount: 'two' });
    stranger.postMessage('hello');
    stranger.postMessage({ type: 'changed', draftId: 'x', tabId: 'y' });
    await until(() => heard.length > 0);
    expect(heard).toEqual([{ type: 'changed', draftId: 'x', tabId: 'y' }]);
    expect(isTabMessage({ type: 'saved', draftId: 'x', tabId: 'y', saveCount: 3 })).toBe(true);
  });
});

describe('createDraftSession', () => {
  it('follows the other tab when this one has nothing unsaved, then saves on top of its version', async () => {
    const { a, b, channelB, draft } = await twoTabs();
    const followed: StoredDraft[] = [];
    const session = createDraftSession({
      store: b,
      draft,
      channel: channelB,
      onFollow: (d) => followed.push(d),
    });
    onCleanup(() => session.dispose());

    await a.save(draft.id, doc('saved in tab A;'), { expectedSaveCount: 1 });
    await until(() => followed.length > 0);
    expect(textOf(followed[0])).toBe('saved in tab A;');
    expect(session.saveCount).toBe(2);

    session.edit(doc('saved in tab A, then edited in tab B;'));
    await session.flush();
    expect(textOf(await a.get(draft.id))).toBe('saved in tab A, then edited in tab B;');
    expect(session.saveCount).toBe(3);
  });

  it('does not follow the other tab when typing starts while its version is being read', async () => {
    const { a, b, channelB, draft } = await twoTabs();
    const followed: StoredDraft[] = [];
    const conflicts: DraftEntry[] = [];
    // Nothing waits when the other tab's news arrives; a keystroke lands during the read that follows.
    let asked = 0;
    const session = createDraftSession({
      store: b,
      draft,
      channel: channelB,
      hasPendingEdit: () => ++asked > 1,
      onFollow: (d) => followed.push(d),
      onConflict: (c) => conflicts.push(c),
    });
    onCleanup(() => session.dispose());

    await a.save(draft.id, doc('saved in tab A;'), { expectedSaveCount: 1 });
    await until(() => conflicts.length > 0);
    expect(followed).toEqual([]);
    expect(textOf(conflicts[0])).toBe('saved in tab A;');
  });

  it('warns instead of overwriting when both tabs have changes; "keep mine as a copy" keeps both', async () => {
    const { a, b, channelB, draft } = await twoTabs();
    const conflicts: DraftEntry[] = [];
    const session = createDraftSession({
      store: b,
      draft,
      channel: channelB,
      delayMs: 5_000,
      maxWaitMs: 5_000,
      onConflict: (c) => conflicts.push(c),
    });
    onCleanup(() => session.dispose());
    session.edit(doc('typed in tab B;')); // unsaved: the delay is long

    await a.save(draft.id, doc('saved in tab A;'), { expectedSaveCount: 1 });
    await until(() => conflicts.length > 0);
    expect(textOf(conflicts[0])).toBe('saved in tab A;');

    const copy = await session.keepMineAsCopy();
    if (!copy.ok) throw new Error(copy.message);
    expect(copy.draft.name).toBe('Shared draft (my copy)');
    expect(textOf(await b.get(copy.draft.id))).toBe('typed in tab B;');
    expect(textOf(await b.get(draft.id))).toBe('saved in tab A;');
    expect(session.saveCount).toBe(2);
  });

  it('"load the other tab’s version" drops this tab’s unsaved text', async () => {
    const { a, b, channelB, draft } = await twoTabs();
    const session = createDraftSession({
      store: b,
      draft,
      channel: channelB,
      delayMs: 5_000,
      maxWaitMs: 5_000,
    });
    onCleanup(() => session.dispose());
    session.edit(doc('typed in tab B;'));
    await a.save(draft.id, doc('saved in tab A;'), { expectedSaveCount: 1 });
    expect(textOf(await session.takeTheirs())).toBe('saved in tab A;');
    await session.flush();
    expect(textOf(await a.get(draft.id))).toBe('saved in tab A;');
    expect(session.saveCount).toBe(2);
  });

  it('without a channel, the save itself finds the conflict and writes nothing', async () => {
    const { a, b, draft } = await twoTabs();
    const conflicts: DraftEntry[] = [];
    const session = createDraftSession({ store: b, draft, onConflict: (c) => conflicts.push(c) });
    onCleanup(() => session.dispose());
    await a.save(draft.id, doc('saved in tab A;'), { expectedSaveCount: 1 });

    session.edit(doc('typed in tab B;'));
    await session.flush();
    expect(conflicts.map(textOf)).toEqual(['saved in tab A;']);
    expect(textOf(await a.get(draft.id))).toBe('saved in tab A;');
  });
});
