/**
 * The compare view's store (src/ui/stores/compareStore.ts): which bases it offers and opens on, the
 * base as read (at once, from storage, from a file), the comparison and its switches, the change in
 * focus, and "Use as base". Storage is a pair of functions the test answers when it chooses.
 */
import { describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import type { DraftSummary, RevisionSummary } from '../../../src/storage/drafts.ts';
import {
  createCompareStore,
  type CompareCorpus,
  type CompareSources,
  type CompareStore,
} from '../../../src/ui/stores/compareStore.ts';
import { op, pre, res } from '../../helpers/builders.ts';

const opening = pre('Recalling', 'its resolution 5/1 of 22 October 2010,');

/** Resolution 6/3 of the test's corpus. */
const r63 = res({
  number: '6/3',
  title: 'Smuggling of migrants',
  preamble: [opening],
  operative: [
    op('Urges', 'States to ratify the Protocol;'),
    op('Requests', 'the Office to report on its work;'),
    op('Decides', 'to remain seized of the matter.'),
  ],
});

const r64 = res({
  number: '6/4',
  title: 'Trafficking in persons',
  preamble: [opening],
  operative: [op('Decides', 'to remain seized of the matter.')],
});

/**
 * 6/3 edited: a new title, OP1's opener softened, OP2's ";" now "." (punctuation only), OP3 deleted.
 * Four changes in reading order: Title, OP1 changed, OP2 changed, OP3 deleted.
 */
function edited(parts: Partial<ResolutionDocument> = {}): ResolutionDocument {
  return res({
    title: 'Smuggling of migrants by sea',
    preamble: [opening],
    operative: [
      op('Encourages', 'States to ratify the Protocol;'),
      op('Requests', 'the Office to report on its work.'),
    ],
    ...parts,
  });
}

const corpus: CompareCorpus = {
  documents: [r63, r64],
  byRef: (ref) => [r63, r64].find((d) => `${d.kind} ${d.number ?? ''}` === ref),
};

function revision(id: string, name: string, createdAt = '2024-03-01T10:00:00Z'): RevisionSummary {
  return { damaged: false, id, draftId: 'd1', name, createdAt, automatic: false, saveCount: 1 };
}

function draftSummary(id: string, name: string): DraftSummary {
  const at = '2024-03-01T10:00:00Z';
  return { damaged: false, id, name, title: name, createdAt: at, updatedAt: at, saveCount: 1 };
}

const damaged = (store: 'drafts' | 'revisions', id: string) =>
  ({ damaged: true, store, id, error: 'unreadable', raw: null }) as const;

/** A read from storage that the test answers: `resolve` or `reject` the call it asks for. */
function storage() {
  const calls: {
    id: string;
    resolve: (d: ResolutionDocument | undefined) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const load = (id: string) =>
    new Promise<ResolutionDocument | undefined>((resolve, reject) => calls.push({ id, resolve, reject }));
  return { calls, load };
}

/** Lets the store take the answers given so far (they arrive as promise callbacks). */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function sources(parts: Partial<CompareSources> = {}): CompareSources {
  const never = () => new Promise<ResolutionDocument | undefined>(() => undefined);
  return {
    draft: edited(),
    draftId: 'd1',
    revisions: [],
    drafts: [],
    loadRevision: never,
    loadDraft: never,
    ...parts,
  };
}

function labels(store: CompareStore): string[] {
  return store.getState().stops.map((s) => s.label);
}

describe('createCompareStore', () => {
  describe('the base it opens on', () => {
    it('opens on the library document when one is offered, before the draft’s own base', () => {
      const store = createCompareStore(
        sources({
          draft: edited({ metadata: { base: { source: 'corpus', ref: 'resolution 6/3' } } }),
          libraryBase: { ref: 'A/RES/79/136', label: 'A/RES/79/136: Smuggling', document: r63 },
        }),
        corpus,
      );
      const state = store.getState();
      expect(state.value).toBe('library:A/RES/79/136');
      expect(state.loaded).toEqual({ state: 'ready', value: 'library:A/RES/79/136', document: r63 });
      expect(state.groups.map((g) => g.label)).toEqual([
        'This draft’s base',
        'Library',
        'Corpus (CTOC/COP/2012/15)',
      ]);
    });

    it('opens on the draft’s own base from the corpus, offered as “this draft’s base”', () => {
      const store = createCompareStore(
        sources({ draft: edited({ metadata: { base: { source: 'corpus', ref: 'resolution 6/3' } } }) }),
        corpus,
      );
      const { value, choice, loaded, isRecorded } = store.getState();
      expect(value).toBe('own');
      expect(choice?.label).toBe('Resolution 6/3 (this draft’s base)');
      expect(loaded.state === 'ready' && loaded.document).toBe(r63);
      expect(isRecorded).toBe(true);
    });

    it('opens on no base when the draft has none, or one that can no longer be found', () => {
      const none = createCompareStore(sources(), corpus).getState();
      expect(none.value).toBe('');
      expect(none.loaded).toEqual({ state: 'none' });
      expect(none.result).toBeNull();
      const gone = createCompareStore(
        sources({ draft: edited({ metadata: { base: { source: 'revision', ref: 'Rev.9' } } }) }),
        corpus,
      ).getState();
      expect(gone.value).toBe('');
      expect(gone.groups[0]?.label).toBe('Corpus (CTOC/COP/2012/15)');
    });
  });

  describe('the bases on offer', () => {
    it('lists the corpus, the revisions newest first and the other drafts, leaving out damaged ones and this draft', () => {
      const store = createCompareStore(
        sources({
          revisions: [revision('r1', 'Rev.1'), damaged('revisions', 'r2'), revision('r3', 'Rev.2')],
          drafts: [draftSummary('d1', 'This draft'), draftSummary('d2', 'Other'), damaged('drafts', 'd3')],
        }),
        corpus,
      );
      const groups = store.getState().groups;
      expect(groups.map((g) => [g.label, g.choices.map((c) => c.value)])).toEqual([
        ['Corpus (CTOC/COP/2012/15)', ['corpus:resolution 6/3', 'corpus:resolution 6/4']],
        ['Revisions', ['revision:r3', 'revision:r1']],
        ['Other drafts', ['draft:d2']],
      ]);
      expect(groups[0]?.choices[0]).toEqual({
        value: 'corpus:resolution 6/3',
        label: 'Resolution 6/3: Smuggling of migrants',
        asBase: { source: 'corpus', ref: 'resolution 6/3' },
      });
      expect(groups[1]?.choices[0]?.label).toMatch(/^Rev\.2 \(.*2024/);
      expect(groups[1]?.choices[0]?.asBase).toEqual({ source: 'revision', ref: 'Rev.2' });
      expect(groups[2]?.choices[0]).toEqual({ value: 'draft:d2', label: 'Other' });
    });

    it('offers a revision saved while the view is open, keeping the comparison and the change in focus', () => {
      const given = sources();
      const store = createCompareStore(given, corpus);
      store.choose('corpus:resolution 6/3');
      const result = store.getState().result;
      store.next();
      store.setSources({ ...given, revisions: [revision('r1', 'Rev.1')] });
      const state = store.getState();
      expect(state.groups.map((g) => g.label)).toEqual(['Corpus (CTOC/COP/2012/15)', 'Revisions']);
      expect(state.result).toBe(result);
      expect(state.at).toBe(0);
    });
  });

  describe('the comparison', () => {
    it('compares with a corpus document at once, its changes in reading order with the headings first', () => {
      const store = createCompareStore(sources(), corpus);
      store.choose('corpus:resolution 6/3');
      const { loaded, result, stops, at, navigable, baseName } = store.getState();
      expect(loaded.state).toBe('ready');
      expect(result?.summary).toMatchObject({ changed: 2, deleted: 1, unchanged: 1, softening: 1 });
      expect(stops).toEqual([
        { id: 'h-title', label: 'Title' },
        { id: 'c-1', label: 'OP1 changed' },
        { id: 'c-2', label: 'OP2 changed' },
        { id: 'c-3', label: 'OP3 deleted' },
      ]);
      expect(at).toBe(-1);
      expect(navigable).toBe(true);
      expect(baseName).toBe('Resolution 6/3');
    });

    it('takes punctuation out of the comparison when asked, and tells its listeners once', () => {
      const store = createCompareStore(sources(), corpus);
      store.choose('corpus:resolution 6/3');
      let heard = 0;
      store.subscribe(() => heard++);
      store.setOption('ignorePunctuation', true);
      store.setOption('ignorePunctuation', true);
      expect(heard).toBe(1);
      expect(store.getState().options).toEqual({
        ignorePunctuation: true,
        ignoreFootnotes: false,
        showTypography: false,
      });
      expect(labels(store)).toEqual(['Title', 'OP1 changed', 'OP3 deleted']);
    });

    it('says there is nothing to step through when the base reads the same', () => {
      const store = createCompareStore(sources({ draft: r64 }), corpus);
      store.choose('corpus:resolution 6/4');
      const { result, stops, navigable } = store.getState();
      expect(result?.summary.unchanged).toBe(2);
      expect(stops).toEqual([]);
      expect(navigable).toBe(false);
      expect(store.next()).toBeUndefined();
      expect(store.getState().at).toBe(-1);
    });

    it('switches between redline and side by side without comparing again', () => {
      const store = createCompareStore(sources(), corpus);
      store.choose('corpus:resolution 6/3');
      const result = store.getState().result;
      store.setMode('side');
      expect(store.getState().mode).toBe('side');
      expect(store.getState().result).toBe(result);
    });

    it('says a base that is not on offer cannot be found', () => {
      const store = createCompareStore(sources(), corpus);
      store.choose('corpus:resolution 9/9');
      expect(store.getState().loaded).toEqual({
        state: 'failed',
        value: 'corpus:resolution 9/9',
        error: 'That base cannot be found.',
      });
      expect(store.getState().result).toBeNull();
    });
  });

  describe('bases read from storage', () => {
    /** A store offering revision "Rev.1" (r1), read when the test answers. */
    function withRevision() {
      const revisions = storage();
      const store = createCompareStore(
        sources({ revisions: [revision('r1', 'Rev.1')], loadRevision: revisions.load }),
        corpus,
      );
      return { store, revisions };
    }

    it('reads a revision, saying so while it is read, then compares with it', async () => {
      const { store, revisions } = withRevision();
      store.choose('revision:r1');
      expect(store.getState().loaded).toEqual({ state: 'loading', value: 'revision:r1' });
      expect(revisions.calls.map((c) => c.id)).toEqual(['r1']);
      revisions.calls[0]?.resolve(r63);
      await settled();
      const { loaded, stops, canRecord } = store.getState();
      expect(loaded).toEqual({ state: 'ready', value: 'revision:r1', document: r63 });
      expect(stops).toHaveLength(4);
      expect(canRecord).toBe(true);
    });

    it('reads another draft with the drafts’ reader, and says when it is gone or unreadable', async () => {
      const drafts = storage();
      const store = createCompareStore(
        sources({
          drafts: [draftSummary('d2', 'Other'), draftSummary('d3', 'Third')],
          loadDraft: drafts.load,
        }),
        corpus,
      );
      store.choose('draft:d2');
      drafts.calls[0]?.resolve(undefined);
      await settled();
      expect(store.getState().loaded).toEqual({
        state: 'failed',
        value: 'draft:d2',
        error: 'That draft cannot be read (it is damaged or gone).',
      });
      store.choose('draft:d3');
      drafts.calls[1]?.reject(new Error('quota'));
      await settled();
      expect(store.getState().loaded).toEqual({
        state: 'failed',
        value: 'draft:d3',
        error: 'The base could not be read: Error: quota',
      });
      expect(store.getState().canRecord).toBe(false);
    });

    it('takes only the answer for the base still chosen, and reads a base chosen again anew', async () => {
      const { store, revisions } = withRevision();
      store.choose('revision:r1');
      store.choose('corpus:resolution 6/4');
      revisions.calls[0]?.resolve(r63);
      await settled();
      expect(store.getState().loaded).toMatchObject({ state: 'ready', value: 'corpus:resolution 6/4' });
      store.choose('revision:r1');
      expect(store.getState().loaded).toEqual({ state: 'loading', value: 'revision:r1' });
      expect(revisions.calls).toHaveLength(2);
    });

    it('reads the draft’s own base revision, found by name, and fails once that revision is gone', async () => {
      const revisions = storage();
      const rev1 = revision('r1', 'Rev.1');
      const own = sources({
        draft: edited({ metadata: { base: { source: 'revision', ref: 'Rev.1' } } }),
        revisions: [rev1],
        loadRevision: revisions.load,
      });
      const store = createCompareStore(own, corpus);
      expect(store.getState().value).toBe('own');
      expect(revisions.calls.map((c) => c.id)).toEqual(['r1']);
      revisions.calls[0]?.resolve(r63);
      await settled();
      expect(store.getState().loaded.state).toBe('ready');
      store.setSources({ ...own, revisions: [] });
      expect(store.getState().loaded).toEqual({
        state: 'failed',
        value: 'own',
        error: 'The draft’s base revision cannot be found.',
      });
    });
  });

  describe('files', () => {
    const text = [
      'Resolution 6/9',
      '',
      'Smuggling of migrants',
      '',
      'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
      '',
      'Recalling its resolution 5/1 of 22 October 2010,',
      '',
      '1. Urges States to ratify the Protocol;',
      '',
    ].join('\n');

    it('compares with a plain-text file at once, offered under its name', async () => {
      const store = createCompareStore(sources(), corpus);
      await store.addFile(new File([text], 'base.txt', { type: 'text/plain' }));
      const { value, choice, groups, loaded, canRecord } = store.getState();
      expect(value).toBe('file:0:0');
      expect(choice).toEqual({ value: 'file:0:0', label: 'base.txt' });
      expect(groups.at(-1)?.label).toBe('Files');
      expect(loaded.state === 'ready' && loaded.document.number).toBe('6/9');
      expect(canRecord).toBe(false);
    });

    it('says why a file cannot be read, keeps the comparison shown, and forgets the error on another choice', async () => {
      const store = createCompareStore(sources(), corpus);
      await store.addFile(new File([text], 'base.txt'));
      await store.addFile(
        new File(['{"format": "resolution-drafter/resolution", "document": '], 'broken.json'),
      );
      expect(store.getState().fileError).toMatch(/^broken\.json is not a resolution file: /);
      await store.addFile(new File(['Shopping list'], 'notes.txt'));
      expect(store.getState().fileError).toMatch(/^No resolution or decision was recognized in notes\.txt/);
      expect(store.getState().value).toBe('file:0:0');
      expect(store.getState().files).toHaveLength(1);
      store.choose('corpus:resolution 6/3');
      expect(store.getState().fileError).toBeNull();
    });

    it('names each document of a file that holds several by its number', async () => {
      const store = createCompareStore(sources(), corpus);
      const second = text.replace('Resolution 6/9', 'Resolution 6/10');
      await store.addFile(new File([`${text}\n${second}`], 'report.txt'));
      expect(
        store
          .getState()
          .groups.at(-1)
          ?.choices.map((c) => c.label),
      ).toEqual(['report.txt: resolution 6/9', 'report.txt: resolution 6/10']);
      expect(store.getState().baseName).toBe('report.txt');
    });
  });

  describe('the change in focus', () => {
    function compared(): CompareStore {
      const store = createCompareStore(sources(), corpus);
      store.choose('corpus:resolution 6/3');
      return store;
    }

    it('moves to the next change, and stays on the last at the end', () => {
      const store = compared();
      expect(store.next()).toEqual({ id: 'h-title', label: 'Title' });
      expect(store.next()?.id).toBe('c-1');
      expect(store.next()?.id).toBe('c-2');
      expect(store.next()?.id).toBe('c-3');
      expect(store.next()).toEqual({ id: 'c-3', label: 'OP3 deleted' });
      expect(store.getState().at).toBe(3);
    });

    it('moves to the previous change, stays on the first, and goes to the first from before it', () => {
      const store = compared();
      expect(store.previous()?.id).toBe('h-title');
      store.next();
      store.next();
      expect(store.previous()?.id).toBe('c-1');
      expect(store.previous()?.id).toBe('h-title');
      expect(store.previous()?.id).toBe('h-title');
      expect(store.getState().at).toBe(0);
    });

    it('follows the focus to a change reached by Tab or a click, and to none for an id it does not know', () => {
      const store = compared();
      store.focusStop('c-2');
      expect(store.getState().at).toBe(2);
      expect(store.next()?.id).toBe('c-3');
      store.focusStop('c-0');
      expect(store.getState().at).toBe(-1);
    });

    it('starts before the first change of a new result', () => {
      const store = compared();
      store.next();
      store.next();
      store.setOption('showTypography', true);
      expect(store.getState().at).toBe(-1);
      store.setOption('showTypography', false);
      expect(store.getState().at).toBe(-1);
      expect(store.next()?.id).toBe('h-title');
    });
  });

  describe('use as base for tracked changes', () => {
    it('records a corpus document as the draft’s base and returns it for the workspace to keep', () => {
      const store = createCompareStore(sources(), corpus);
      store.choose('corpus:resolution 6/4');
      expect(store.getState()).toMatchObject({ canRecord: true, isRecorded: false });
      expect(store.recordBase()).toEqual({ source: 'corpus', ref: 'resolution 6/4' });
      expect(store.getState().isRecorded).toBe(true);
      expect(store.getState().recordedBase).toEqual({ source: 'corpus', ref: 'resolution 6/4' });
      store.choose('corpus:resolution 6/3');
      expect(store.getState().isRecorded).toBe(false);
    });

    it('records nothing for a base that cannot be one (another draft)', () => {
      const store = createCompareStore(sources({ drafts: [draftSummary('d2', 'Other')] }), corpus);
      store.choose('draft:d2');
      expect(store.recordBase()).toBeUndefined();
      expect(store.getState().recordedBase).toBeUndefined();
    });
  });

  it('tells its listeners of each change, not of what changes nothing, and not after they leave', () => {
    const given = sources();
    const store = createCompareStore(given, corpus);
    const heard: string[] = [];
    const leave = store.subscribe(() => heard.push(`${store.getState().value} ${store.getState().mode}`));
    store.choose('corpus:resolution 6/3');
    store.choose('corpus:resolution 6/3');
    store.setMode('redline');
    store.setMode('side');
    store.setSources({ ...given });
    leave();
    store.setMode('redline');
    expect(heard).toEqual(['corpus:resolution 6/3 redline', 'corpus:resolution 6/3 side']);
  });
});
