/**
 * The completion menu with the library (issue 13, item 4), in a headless editor: the library's data
 * (built from the shipped library, as the worker builds it) comes through the store the app uses
 * (libraryStore.ts), asked for the first time the menu opens. The menu is read through
 * registerCompletion's state; the draft through `outline()`.
 */
import { KEY_ENTER_COMMAND } from 'lexical';
import type { LexicalEditor } from 'lexical';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedPack } from '../../src/cli/library-build.ts';
import {
  buildCompletionData,
  mergeCompletionData,
  type LibraryCompletionData,
} from '../../src/core/library/completion-data.ts';
import { libraryMeta } from '../../src/core/library/metadata.ts';
import { buildLexicon } from '../../src/core/lexicon/lexicon.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { deriveReferences } from '../../src/core/references/derive.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { $isReferenceNode } from '../../src/editor/nodes/ReferenceNode.ts';
import {
  createLibraryCompletionStore,
  type CompletionDataSource,
  type LibraryCompletionStore,
} from '../../src/editor/plugins/completion/libraryStore.ts';
import { COP_ORGAN, op, pre, res } from '../helpers/builders.ts';
import { corpus } from '../helpers/corpus.ts';
import { $block, completionHarness, newParagraph, type } from './completionHarness.ts';
import type { CompletionHarness } from './completionHarness.ts';
import { outline, update } from './testEditor.ts';

const lexicon = buildLexicon(corpus().documents);
const references = deriveReferences(corpus());
const ASSEMBLY = 'General Assembly';

let shipped: LibraryCompletionData;

beforeAll(() => {
  shipped = buildCompletionData(loadShippedPack().documents);
}, 120_000);

/**
 * The library as the page's client shows it to the store: its data, and a state whose `stats` change
 * when the user's documents do.
 */
function memoryLibrary(initial: LibraryCompletionData) {
  let data = initial;
  let status: { state: string; stats?: unknown } = { state: 'ready', stats: {} };
  let asked = 0;
  const listeners = new Set<() => void>();
  const source: CompletionDataSource = {
    completionData: () => {
      asked++;
      return Promise.resolve(data);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: () => status,
  };
  return {
    store: createLibraryCompletionStore(() => Promise.resolve(source)),
    asked: () => asked,
    /** The user added documents: the library's data and state change. */
    change(next: LibraryCompletionData) {
      data = next;
      status = { state: 'ready', stats: {} };
      for (const l of listeners) l();
    },
  };
}

/** Resolves when the store has (new) data. */
function arrival(store: LibraryCompletionStore): Promise<void> {
  return new Promise((resolve) => {
    const stop = store.subscribe(() => {
      stop();
      resolve();
    });
  });
}

function harness(doc: ResolutionDocument, store: LibraryCompletionStore): CompletionHarness {
  return completionHarness(doc, { lexicon, references, library: store, organ: doc.organ });
}

function assemblyDraft(parts: Partial<ResolutionDocument> = {}): ResolutionDocument {
  return res({
    organ: ASSEMBLY,
    formula: 'The General Assembly,',
    title: 'T',
    preamble: [pre('Recalling', 'its resolution 78/1,')],
    operative: [op('Requests', 'the Secretary-General to report;')],
    ...parts,
  });
}

function conferenceDraft(): ResolutionDocument {
  return res({
    organ: COP_ORGAN,
    formula: `The ${COP_ORGAN},`,
    title: 'T',
    preamble: [pre('Recalling', 'its resolution 5/1,')],
    operative: [op('Requests', 'the Secretariat to report;')],
  });
}

function enter(editor: LexicalEditor): void {
  update(editor, () => editor.dispatchCommand(KEY_ENTER_COMMAND, null));
}

function option(h: CompletionHarness, index: number) {
  const state = h.state();
  if (!state.open) throw new Error('the menu is closed');
  return state.options[index];
}

/** A library whose data is there before the draft opens. */
async function loaded(data: LibraryCompletionData = shipped) {
  const library = memoryLibrary(data);
  const arrived = arrival(library.store);
  library.store.request();
  await arrived;
  return library;
}

/** A document the user added, as the library files it. */
function userData(doc: ResolutionDocument, name: string): LibraryCompletionData {
  return buildCompletionData([
    { meta: libraryMeta(doc, { body: 'user', id: `user:${name}`, symbol: name }), doc },
  ]);
}

describe('completion with the library', () => {
  let h: CompletionHarness | undefined;
  afterEach(() => h?.dispose());

  it('asks for the library the first time the menu opens, and fills the open menu again when it arrives', async () => {
    const library = memoryLibrary(shipped);
    h = harness(assemblyDraft(), library.store);
    expect(library.asked()).toBe(0);
    newParagraph(h.editor, 3, 'operative');
    const arrived = arrival(library.store);
    type(h.editor, 'Req');
    // The report's, at once: nothing waits for the library.
    expect(option(h, 1)).toMatchObject({
      label: 'Requests',
      count: '8×',
      detail: '6/1 OP4, 6/1 OP7, 6/1 OP13 …',
    });
    await arrived;
    expect(library.asked()).toBe(1);
    expect(h.labels()?.slice(0, 2)).toEqual(['Also requests', 'Requests']);
    const requests = option(h, 1);
    expect(Number(requests?.count?.replace('×', ''))).toBeGreaterThan(1000);
    expect(requests?.detail).toMatch(
      /^used 1,\d{3} times by the Assembly · A\/RES\/80\/\d+ (?:\S+ )*OP\d+, /,
    );
    expect(h.state()).toMatchObject({ open: true, selected: 0 });
    // Later menus do not ask again.
    type(h.editor, 'u');
    expect(library.asked()).toBe(1);
  });

  it('opens the menu for words typed while the library loaded, when it arrives: "resolution 79/1"', async () => {
    const library = memoryLibrary(shipped);
    h = harness(assemblyDraft(), library.store);
    newParagraph(h.editor, 2, 'preamble');
    const arrived = arrival(library.store);
    // The opener menu opens on "Recalling" and asks for the library; the report knows no 79/1.
    type(h.editor, 'Recalling');
    expect(h.state()).toMatchObject({ open: true, mode: 'opener' });
    type(h.editor, ' resolution 79/1');
    expect(h.state().open).toBe(false);
    await arrived;
    expect(option(h, 0)?.label).toBe('its resolution 79/1 of 22 September 2024');
  });

  it('leaves the menu closed when the library arrives after the caret moved (only typing opens it)', async () => {
    const library = memoryLibrary(shipped);
    h = harness(assemblyDraft(), library.store);
    newParagraph(h.editor, 2, 'preamble');
    const arrived = arrival(library.store);
    type(h.editor, 'Recalling');
    type(h.editor, ' resolution 79/1');
    // Arrows away and back: the caret is where it was, but the last thing done was moving it.
    update(h.editor, () => $block(3).selectStart());
    update(h.editor, () => $block(3).selectEnd());
    await arrived;
    expect(h.state().open).toBe(false);
  });

  it("ranks a Conference draft's openers by the Conference's use", async () => {
    const library = await loaded();
    h = harness(conferenceDraft(), library.store);
    newParagraph(h.editor, 3, 'operative');
    type(h.editor, 'Req');
    expect(option(h, 1)).toMatchObject({
      label: 'Requests',
      count: '8×',
      detail: 'used 8 times by the Conference · 6/1 OP4, 6/1 OP7, 6/1 OP13',
    });
  });

  it('offers an Assembly draft the Assembly\'s most used openers: "Enc" → "Encourages", used over 2,000 times', async () => {
    const library = await loaded();
    h = harness(assemblyDraft(), library.store);
    newParagraph(h.editor, 3, 'operative');
    type(h.editor, 'Enc');
    expect(option(h, 0)?.label).toBe('Encourages');
    expect(option(h, 0)?.detail).toMatch(/^used 2,\d{3} times by the Assembly · /);
  });

  it('completes "resolution 79/1" in an Assembly draft to "its resolution 79/1 of 22 September 2024" and writes it', async () => {
    const library = await loaded();
    h = harness(assemblyDraft(), library.store);
    newParagraph(h.editor, 2, 'preamble');
    type(h.editor, 'Recalling resolution 79/1');
    expect(option(h, 0)).toMatchObject({
      label: 'its resolution 79/1 of 22 September 2024',
      detail: 'The Pact for the Future',
      tag: 'resolution',
    });
    expect(option(h, 1)?.label).toBe(
      'its resolution 79/1 of 22 September 2024, entitled "The Pact for the Future"',
    );
    enter(h.editor);
    type(h.editor, ',');
    expect(outline(h.editor).split('\n')[3]).toBe(
      'PP <Recalling> [its resolution 79/1 of 22 September 2024],',
    );
    const marked = h.editor.read(() =>
      $block(3)
        .getChildren()
        .filter($isReferenceNode)
        .map((n) => [n.getRefKind(), n.getRefId()]),
    );
    expect(marked).toEqual([['act', 'General Assembly resolution 79/1']]);
  });

  it('writes an instrument the library cites with its Treaty Series footnote at the first mention, and none after', async () => {
    const library = await loaded();
    h = harness(assemblyDraft(), library.store);
    newParagraph(h.editor, 2, 'preamble');
    type(h.editor, 'Recalling the Convention on the Rig');
    expect(option(h, 0)).toMatchObject({
      label: 'the Convention on the Rights of the Child',
      detail: 'Footnote: United Nations, Treaty Series, vol. 1577, No. 27531.',
      tag: 'first mention',
    });
    enter(h.editor);
    type(h.editor, ', and the Convention on the Rig');
    expect(option(h, 0)).toMatchObject({
      label: 'the Convention on the Rights of the Child',
      tag: 'instrument',
    });
    enter(h.editor);
    type(h.editor, ',');
    expect(outline(h.editor)).toBe(
      [
        'title: T',
        'formula: The General Assembly,',
        'PP <Recalling> its resolution 78/1,',
        'PP <Recalling> the [Convention on the Rights of the Child]^1, and the [Convention on the Rights of the Child],',
        'OP 1. <Requests> the Secretary-General to report;',
        'FOOTNOTES',
        '  1 [fn1] United Nations, *Treaty Series*, vol. 1577, No. 27531.',
      ].join('\n'),
    );
    expect(h.editor.read(() => $exportResolution()).footnotes).toHaveLength(1);
  });

  it('knows a title the draft already gives in its text: no second footnote is offered', async () => {
    const library = await loaded();
    h = harness(
      assemblyDraft({ preamble: [pre('Welcoming', 'the entry into force of the Arms Trade Treaty,')] }),
      library.store,
    );
    newParagraph(h.editor, 2, 'preamble');
    type(h.editor, 'Recalling the Arms Trade Tr');
    expect(option(h, 0)).toMatchObject({ label: 'the Arms Trade Treaty', tag: 'instrument' });
  });

  it('takes in a document the user adds: its uses count at the next keystroke', async () => {
    const library = await loaded();
    h = harness(assemblyDraft(), library.store);
    const mine = assemblyDraft({
      operative: [
        op('Requests', 'the Office;'),
        op('Requests', 'also the Office;'),
        op('Requests', 'again;'),
      ],
    });
    const arrived = arrival(library.store);
    library.change(mergeCompletionData(shipped, userData(mine, 'mine.docx')));
    await arrived;
    expect(library.asked()).toBe(2);
    newParagraph(h.editor, 3, 'operative');
    type(h.editor, 'Requ');
    expect(option(h, 1)?.detail).toMatch(/^used 1,\d{3} times by the Assembly and 3 in your documents · /);
  });
});
