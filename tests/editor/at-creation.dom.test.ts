/**
 * @vitest-environment happy-dom
 *
 * The resolution's transforms registered in the update that builds the editor's first state
 * (transforms/atCreation.ts): they run once over the draft as it is read in (placeholders become
 * chips, the structure is numbered), and a draft opened this way needs no further pass. Registered
 * after the draft, as plugins do, each registration is an update of its own over the whole draft.
 */
import type { LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { lexiconOf } from '../../src/core/lexicon/lexicon.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import { $isPlaceholderNode } from '../../src/editor/nodes/PlaceholderNode.ts';
import { registerOpeners } from '../../src/editor/plugins/openers/registerOpeners.ts';
import { registerPlaceholderChips } from '../../src/editor/plugins/placeholders/registerPlaceholders.ts';
import { $registerAtCreation, registeredAtCreation } from '../../src/editor/transforms/atCreation.ts';
import { registerStructureTransforms } from '../../src/editor/transforms/structure.ts';
import { fn, op, pre, res, sub } from '../helpers/builders.ts';
import { countNodes, editorInPage } from './testEditor.ts';

const lexicon = lexiconOf([]);
const DRAFT = res({
  title: '‹Title of the resolution›',
  preamble: [pre('Recalling', 'its resolution ‹number› of ‹date›,')],
  operative: [op('Requests', 'the Office to ‹what the Office should do›;'), op('Invites', 'States to act.')],
});

const teardowns: (() => void)[] = [];
afterEach(() => {
  teardowns.splice(0).forEach((teardown) => teardown());
  document.body.innerHTML = '';
});

/** An editor drawn in a page; counts the updates that walk the draft (many nodes marked). */
function page(): { editor: LexicalEditor; updates: () => number } {
  const { editor } = editorInPage(teardowns);
  let updates = 0;
  teardowns.push(
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      // An update over the draft: it changed (or marked) more than a block's few nodes.
      if (dirtyElements.size + dirtyLeaves.size >= 5) updates++;
    }),
  );
  return { editor, updates: () => updates };
}

const chips = (editor: LexicalEditor): number => countNodes(editor, $isPlaceholderNode);

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the transforms registered when the editor is created', () => {
  it('run once over the draft as it is read in: one update, placeholders already chips', async () => {
    const { editor, updates } = page();
    editor.update(
      () => {
        $registerAtCreation(editor, { lexicon });
        $importResolution(DRAFT);
      },
      { discrete: true },
    );
    await tick();
    expect(chips(editor)).toBe(4);
    expect(updates()).toBe(1);
    expect(registeredAtCreation(editor, 'structure')).toBe(true);
    expect(registeredAtCreation(editor, 'openers')).toBe(true);
    expect(registeredAtCreation(editor, 'placeholders')).toBe(true);
  });

  it('registered after the draft, as plugins do, each needs an update of its own (what they spare)', async () => {
    const { editor, updates } = page();
    editor.update(() => $importResolution(DRAFT), { discrete: true });
    await tick();
    expect(chips(editor)).toBe(0);
    teardowns.push(registerStructureTransforms(editor));
    await tick();
    teardowns.push(registerOpeners(editor, lexicon));
    await tick();
    teardowns.push(registerPlaceholderChips(editor));
    await tick();
    expect(chips(editor)).toBe(4);
    expect(updates()).toBeGreaterThanOrEqual(3);
    expect(registeredAtCreation(editor, 'structure')).toBe(false);
  });

  it('repair a draft read in unrepaired exactly as the import would repair it', async () => {
    // Repairs to make: footnotes listed against the order they are cited in, one cited nowhere,
    // subparagraph labels missing or wrong.
    const unrepaired = res({
      title: 'Unrepaired',
      preamble: [pre('Recalling', 'its resolution 5/1,{fn:b}')],
      operative: [
        op('Requests', 'the Office:{fn:a}', [sub('to act;', [], 'x'), sub('to report;')]),
        op('Invites', 'States to act.{fn:b}'),
      ],
      footnotes: [fn('a', 'First cited second.'), fn('c', 'Cited nowhere.'), fn('b', 'Cited first.')],
    });
    const repaired = page().editor;
    repaired.update(() => $importResolution(unrepaired), { discrete: true });
    const atCreation = page().editor;
    atCreation.update(
      () => {
        $registerAtCreation(atCreation, { lexicon });
        $importResolution(unrepaired, { repair: false });
      },
      { discrete: true },
    );
    await tick();
    // The nodes themselves (an export would order and label on its own): footnotes in citation order,
    // the labels given, the numbers set.
    const nodes = (editor: LexicalEditor): unknown => editor.getEditorState().toJSON();
    expect(JSON.stringify(nodes(atCreation))).toBe(JSON.stringify(nodes(repaired)));
    const unrepairedNodes = page().editor;
    unrepairedNodes.update(() => $importResolution(unrepaired, { repair: false }), { discrete: true });
    expect(JSON.stringify(nodes(unrepairedNodes))).not.toBe(JSON.stringify(nodes(repaired)));
    expect(
      repaired
        .getEditorState()
        .read(() => $exportResolution())
        .footnotes.map((f) => f.id),
    ).toEqual(['b', 'a', 'c']);
  });
});
