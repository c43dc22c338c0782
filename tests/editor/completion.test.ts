/**
 * The completion menu in a headless editor with the real corpus: what opens where, what the keys do
 * and what choosing writes. The menu is read through registerCompletion's state (what
 * CompletionPlugin.tsx draws); the draft through `outline()`. Rendering and ARIA are for the e2e
 * journey in real Chromium.
 */
import {
  $createTextNode,
  $isTextNode,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/core/lexicon/lexicon.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { deriveReferences } from '../../src/core/references/derive.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { $createOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { $createSubparagraphNode } from '../../src/editor/nodes/SubparagraphNode.ts';
import { $caretTargets } from '../../src/editor/plugins/completion/caret.ts';
import {
  CHOOSE_COMPLETION_COMMAND,
  HIGHLIGHT_COMPLETION_COMMAND,
} from '../../src/editor/plugins/completion/commands.ts';
import { $insertOpener, $insertReference } from '../../src/editor/plugins/completion/insert.ts';
import { $mentionedInDraft } from '../../src/editor/plugins/completion/registerCompletion.ts';
import { matchReference } from '../../src/editor/plugins/completion/trigger.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { corpus } from '../helpers/corpus.ts';
import { $block, $insert, completionHarness, newParagraph, type } from './completionHarness.ts';
import type { CompletionHarness } from './completionHarness.ts';
import { createTestEditor, load, outline, update } from './testEditor.ts';

const lexicon = buildLexicon(corpus().documents);
const references = deriveReferences(corpus());

const SMUGGLING_TITLE =
  'Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime';

/** What a key handler receives in the browser; the handlers only cancel it. */
function key(options: { shiftKey?: boolean } = {}): KeyboardEvent {
  return {
    shiftKey: options.shiftKey ?? false,
    preventDefault() {},
    stopImmediatePropagation() {},
  } as unknown as KeyboardEvent;
}

function harness(doc: ResolutionDocument): CompletionHarness {
  return completionHarness(doc, { lexicon, references });
}

/** Types `text` at the end of root child `index`, as one keystroke batch would. */
function typeAtEnd(editor: LexicalEditor, index: number, text: string): void {
  update(editor, () => {
    $block(index).selectEnd();
    $insert(text);
  });
}

function press(
  editor: LexicalEditor,
  command:
    | typeof KEY_ENTER_COMMAND
    | typeof KEY_TAB_COMMAND
    | typeof KEY_ESCAPE_COMMAND
    | typeof KEY_ARROW_DOWN_COMMAND
    | typeof KEY_ARROW_UP_COMMAND,
  event = key(),
): boolean {
  return update(editor, () => editor.dispatchCommand(command as typeof KEY_ARROW_DOWN_COMMAND, event));
}

const REQUESTS = res({
  title: 'T',
  formula: 'F,',
  preamble: [pre('Recalling', 'its resolution 5/1,')],
  operative: [op('Requests', 'the Secretariat to report;')],
});

describe('the opener menu', () => {
  let h: CompletionHarness;
  beforeEach(() => {
    h = harness(REQUESTS);
  });
  afterEach(() => h.dispose());

  it('offers "Also requests" first when "Req" is typed right after a paragraph opening with "Requests"', () => {
    newParagraph(h.editor, 3);
    type(h.editor, 'Req');
    const state = h.state();
    expect(state.open && state.mode).toBe('opener');
    expect(state.open && state.part).toBe('operative');
    expect(h.labels()?.slice(0, 2)).toEqual(['Also requests', 'Requests']);
  });

  it('shows each opener with its count and where the corpus uses it', () => {
    newParagraph(h.editor, 3);
    type(h.editor, 'Req');
    const state = h.state();
    if (!state.open) throw new Error('closed');
    expect(state.options[1]).toMatchObject({
      label: 'Requests',
      count: '8×',
      detail: '6/1 OP4, 6/1 OP7, 6/1 OP13 …',
    });
    expect(state.options[0]).toMatchObject({ tag: 'also/further' });
  });

  it('offers "Further requests" after "Requests" and "Also requests"', () => {
    const at = newParagraph(h.editor, 3);
    type(h.editor, 'Req');
    press(h.editor, KEY_ENTER_COMMAND);
    type(h.editor, 'the Office to assist;');
    newParagraph(h.editor, at);
    type(h.editor, 'Req');
    expect(h.labels()?.[0]).toBe('Further requests');
  });

  it('offers preambular openers in the preamble, "Recalling also" first after "Recalling"', () => {
    newParagraph(h.editor, 2, 'preamble');
    type(h.editor, 'Rec');
    const state = h.state();
    expect(state.open && state.part).toBe('preamble');
    expect(h.labels()?.[0]).toBe('Recalling also');
    expect(h.labels()).not.toContain('Requests');
  });

  it('writes the chosen opener in italics, then a space, with the caret after it (Enter)', () => {
    newParagraph(h.editor, 3);
    type(h.editor, 'Req');
    expect(press(h.editor, KEY_ENTER_COMMAND)).toBe(true);
    type(h.editor, 'the Office to assist;');
    expect(outline(h.editor).split('\n').at(-1)).toBe('OP 2. <Also requests> the Office to assist;');
    expect(h.state().open).toBe(false);
    const model = h.editor.read(() => $exportResolution());
    expect(model.operative[1]).toMatchObject({
      opener: 'Also requests',
      content: [{ type: 'text', text: 'the Office to assist;' }],
    });
  });

  it('moves the highlight with the arrows, wrapping around, and Tab chooses the highlighted opener', () => {
    newParagraph(h.editor, 3);
    type(h.editor, 'Req');
    const labels = h.labels() ?? [];
    press(h.editor, KEY_ARROW_DOWN_COMMAND);
    expect(h.state().open && h.state()).toMatchObject({ selected: 1 });
    press(h.editor, KEY_ARROW_UP_COMMAND);
    press(h.editor, KEY_ARROW_UP_COMMAND);
    expect(h.state()).toMatchObject({ selected: labels.length - 1 });
    press(h.editor, KEY_ARROW_DOWN_COMMAND);
    press(h.editor, KEY_ARROW_DOWN_COMMAND);
    expect(press(h.editor, KEY_TAB_COMMAND)).toBe(true);
    expect(outline(h.editor).split('\n').at(-1)).toBe(`OP 2. <${labels[1]}> `);
  });

  it('chooses the option clicked, after the pointer highlighted it', () => {
    newParagraph(h.editor, 3);
    type(h.editor, 'Req');
    update(h.editor, () => h.editor.dispatchCommand(HIGHLIGHT_COMPLETION_COMMAND, 2));
    expect(h.state()).toMatchObject({ selected: 2 });
    const third = h.labels()?.[2];
    update(h.editor, () => h.editor.dispatchCommand(CHOOSE_COMPLETION_COMMAND, 2));
    expect(outline(h.editor).split('\n').at(-1)).toBe(`OP 2. <${third}> `);
  });

  it('closes on Escape and stays closed while the same word is typed on', () => {
    newParagraph(h.editor, 3);
    type(h.editor, 'Re');
    expect(press(h.editor, KEY_ESCAPE_COMMAND)).toBe(true);
    expect(h.state().open).toBe(false);
    type(h.editor, 'q');
    expect(h.state().open).toBe(false);
    // Enter now reaches the editor: a new paragraph, not an opener.
    expect(press(h.editor, KEY_ENTER_COMMAND)).toBe(false);
  });

  it('leaves the keys alone while closed', () => {
    newParagraph(h.editor, 3);
    expect(press(h.editor, KEY_ARROW_DOWN_COMMAND)).toBe(false);
    expect(press(h.editor, KEY_TAB_COMMAND)).toBe(false);
  });

  it('keeps Shift+Enter a line break while open', () => {
    newParagraph(h.editor, 3);
    type(h.editor, 'Req');
    expect(press(h.editor, KEY_ENTER_COMMAND, key({ shiftKey: true }))).toBe(false);
  });

  it('completes "Noting with app" after "Noting" has already become an opener', () => {
    const at = newParagraph(h.editor, 2, 'preamble');
    type(h.editor, 'Noting ');
    expect(outline(h.editor).split('\n')[at]).toBe('PP <Noting> ');
    type(h.editor, 'with app');
    expect(h.labels()?.[0]).toBe('Noting with appreciation');
    press(h.editor, KEY_ENTER_COMMAND);
    expect(outline(h.editor).split('\n')[at]).toBe('PP <Noting with appreciation> ');
  });

  it('does not open when the caret only moves into opening words', () => {
    update(h.editor, () => $block(3).selectEnd());
    update(h.editor, () => {
      const first = $block(3).getFirstChild();
      first?.selectEnd();
    });
    expect(h.state().open).toBe(false);
  });

  it('does not offer openers in a subparagraph', () => {
    update(h.editor, () => {
      const subparagraph = $createSubparagraphNode(1);
      $block(3).insertAfter(subparagraph);
      subparagraph.select();
    });
    type(h.editor, 'Req');
    expect(h.state().open).toBe(false);
  });
});

describe('the reference menu', () => {
  let h: CompletionHarness;
  beforeEach(() => {
    h = harness(REQUESTS);
  });
  afterEach(() => h.dispose());

  it('writes the full title and its Treaty Series footnote at the first mention, the short title without one after', () => {
    typeAtEnd(h.editor, 2, ' Recalling also the Smuggling');
    const first = h.state();
    expect(first.open && first.mode).toBe('reference');
    expect(h.labels()?.[0]).toBe(`the ${SMUGGLING_TITLE}`);
    expect(first.open && first.options[0]?.detail).toBe(
      'Footnote: United Nations, Treaty Series, vol. 2241, No. 39574.',
    );
    press(h.editor, KEY_ENTER_COMMAND);
    type(h.editor, ', and welcoming ');
    type(h.editor, 'Smuggling');
    expect(h.labels()?.[0]).toBe('the Smuggling of Migrants Protocol');
    press(h.editor, KEY_ENTER_COMMAND);
    type(h.editor, ',');
    expect(outline(h.editor)).toBe(
      [
        'title: T',
        'formula: F,',
        `PP <Recalling> its resolution 5/1, Recalling also the [${SMUGGLING_TITLE}]^1, and welcoming the [Smuggling of Migrants Protocol],`,
        'OP 1. <Requests> the Secretariat to report;',
        'FOOTNOTES',
        '  1 [fn1] United Nations, *Treaty Series*, vol. 2241, No. 39574.',
      ].join('\n'),
    );
  });

  it('gives a Protocol its full title after a group mention, without a second footnote (resolution 6/1 PP2, PP5)', () => {
    typeAtEnd(h.editor, 2, ' Mindful of the Convention and the Protocols');
    expect(h.labels()?.[0]).toBe(
      'the United Nations Convention against Transnational Organized Crime and the Protocols thereto',
    );
    press(h.editor, KEY_ENTER_COMMAND);
    type(h.editor, ', and of the Smuggling');
    // The group named the Convention, not the Protocol: its first own mention takes the full title,
    // and the group's footnote, which gave all four volumes, is its source.
    expect(h.labels()?.[0]).toBe(`the ${SMUGGLING_TITLE}`);
    press(h.editor, KEY_ENTER_COMMAND);
    type(h.editor, ', and the Conv');
    expect(h.labels()?.[0]).toBe('the Convention');
    expect(outline(h.editor).split('\n').slice(2)).toEqual([
      `PP <Recalling> its resolution 5/1, Mindful of the [United Nations Convention against Transnational Organized Crime and the Protocols thereto]^1, and of the [${SMUGGLING_TITLE}], and the Conv`,
      'OP 1. <Requests> the Secretariat to report;',
      'FOOTNOTES',
      '  1 [fn1] United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.',
    ]);
  });

  it('completes "resolution 5/1" to "its resolution 5/1 of 22 October 2010"', () => {
    typeAtEnd(h.editor, 2, ' and resolution 5/1');
    expect(h.labels()?.[0]).toBe('its resolution 5/1 of 22 October 2010');
    press(h.editor, KEY_TAB_COMMAND);
    expect(outline(h.editor).split('\n')[2]).toBe(
      'PP <Recalling> its resolution 5/1, and [its resolution 5/1 of 22 October 2010]',
    );
  });

  it('does not write "its" twice when it is already typed', () => {
    typeAtEnd(h.editor, 2, ' and its resolution 5/');
    expect(h.labels()?.[0]).toBe('its resolution 5/1 of 22 October 2010');
    press(h.editor, KEY_ENTER_COMMAND);
    expect(outline(h.editor).split('\n')[2]).toBe(
      'PP <Recalling> its resolution 5/1, and [its resolution 5/1 of 22 October 2010]',
    );
  });

  it('completes document symbols from their prefix', () => {
    typeAtEnd(h.editor, 3, ' (CTOC/COP/2012/');
    expect(h.labels()?.slice(0, 2)).toEqual(['CTOC/COP/2012/1', 'CTOC/COP/2012/2']);
    press(h.editor, KEY_ARROW_DOWN_COMMAND);
    press(h.editor, KEY_ENTER_COMMAND);
    type(h.editor, ')');
    expect(outline(h.editor).split('\n')[3]).toBe(
      'OP 1. <Requests> the Secretariat to report; (CTOC/COP/2012/2)',
    );
  });

  it('does not open on ordinary words that occur inside a title', () => {
    typeAtEnd(h.editor, 3, ' and');
    expect(h.state().open).toBe(false);
    type(h.editor, ' crime');
    expect(h.state().open).toBe(false);
  });

  it('keeps the rest of the paragraph after the caret', () => {
    update(h.editor, () => {
      // The caret right after the opener, before " the Secretariat to report;".
      $block(3).getLastChild()?.selectStart();
    });
    type(h.editor, ' UNTOC');
    expect(h.labels()?.[0]).toBe('the United Nations Convention against Transnational Organized Crime');
    press(h.editor, KEY_ENTER_COMMAND);
    type(h.editor, ',');
    expect(outline(h.editor).split('\n')[3]).toBe(
      'OP 1. <Requests> the [United Nations Convention against Transnational Organized Crime]^1, the Secretariat to report;',
    );
  });
});

describe('$insertOpener', () => {
  it('turns the typed "Also req" of an operative paragraph into the opener "Also requests"', () => {
    const editor = createTestEditor();
    load(editor, REQUESTS);
    const target = update(editor, () => {
      const paragraph = $createOperativeParagraphNode().append($createTextNode('Also req'));
      $block(3).insertAfter(paragraph);
      paragraph.selectEnd();
      return $caretTargets()?.opener;
    });
    expect(target).toMatchObject({ part: 'operative', leading: 'Also req', previousOpeners: ['Requests'] });
    if (!target) throw new Error('no target');
    expect(update(editor, () => $insertOpener(target, 'Also requests'))).toBe(true);
    expect(outline(editor).split('\n').at(-1)).toBe('OP 2. <Also requests> ');
  });

  it('writes nothing when the words typed have changed since the menu was computed', () => {
    const editor = createTestEditor();
    load(editor, REQUESTS);
    const target = update(editor, () => {
      const paragraph = $createOperativeParagraphNode().append($createTextNode('Req'));
      $block(3).insertAfter(paragraph);
      paragraph.selectEnd();
      return $caretTargets()?.opener;
    });
    if (!target) throw new Error('no target');
    update(editor, () => {
      const typed = $block(4).getFirstChild();
      if ($isTextNode(typed)) typed.setTextContent('Rec');
    });
    expect(update(editor, () => $insertOpener(target, 'Also requests'))).toBe(false);
    expect(outline(editor).split('\n').at(-1)).toBe('OP 2. Rec');
  });
});

describe('$insertReference', () => {
  /** Types `text` at the end of the preamble's paragraph and inserts the first reference suggested. */
  function insertFirst(editor: LexicalEditor, text: string): void {
    update(editor, () => {
      $block(2).selectEnd();
      $insert(text);
      const target = $caretTargets()?.reference;
      if (!target) throw new Error('no target');
      const match = matchReference(references, target.text, {
        mentioned: $mentionedInDraft(references),
        preceding: target.preceding,
      });
      const suggestion = match?.suggestions[0];
      if (!match || !suggestion) throw new Error(`nothing for ${text}`);
      const written = $insertReference(
        {
          anchorKey: target.anchorKey,
          start: match.start,
          end: target.end,
          typed: match.typed,
          inFootnote: false,
        },
        suggestion,
      );
      if (!written) throw new Error('not written');
    });
  }

  it('adds the footnote with the source at the first mention, creating the footnotes', () => {
    const editor = createTestEditor();
    load(editor, REQUESTS);
    insertFirst(editor, ' the Smuggling');
    const model = editor.read(() => $exportResolution());
    expect(model.footnotes).toEqual([
      {
        id: 'fn1',
        content: [
          { type: 'text', text: 'United Nations, ' },
          { type: 'text', text: 'Treaty Series', italic: true },
          { type: 'text', text: ', vol. 2241, No. 39574.' },
        ],
      },
    ]);
    expect(model.preamble[0]?.content.at(-1)).toEqual({ type: 'footnoteRef', footnoteId: 'fn1' });
  });

  it('writes the short title and no footnote at a later mention', () => {
    const editor = createTestEditor();
    load(editor, REQUESTS);
    insertFirst(editor, ' the Smuggling');
    insertFirst(editor, ' and the Smuggling');
    const text = editor.read(() => $exportResolution().preamble[0]?.content);
    expect(text?.filter((i) => i.type === 'footnoteRef')).toHaveLength(1);
    expect(outline(editor)).toContain('and the [Smuggling of Migrants Protocol]');
  });

  it('numbers a footnote added above an existing one first', () => {
    const editor = createTestEditor();
    load(
      editor,
      res({
        title: 'T',
        formula: 'F,',
        preamble: [pre('Recalling', 'its resolution 5/1,'), pre('Noting', 'the report,{fn:a}')],
        footnotes: [{ id: 'a', content: [{ type: 'text', text: 'CTOC/COP/2012/2.' }] }],
      }),
    );
    insertFirst(editor, ' the Firearms Protocol');
    expect(outline(editor).split('\n').slice(-3)).toEqual([
      'FOOTNOTES',
      '  1 [fn1] United Nations, *Treaty Series*, vol. 2326, No. 39574.',
      '  2 [a] CTOC/COP/2012/2.',
    ]);
  });
});
