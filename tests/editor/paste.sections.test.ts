/**
 * Paste with the structures of General Assembly texts: sections, preambular subparagraphs and
 * annex headings are pasted whole, in their place, whatever the clipboard format (the editor's own,
 * or resolution text as the recognizer reads it).
 */
import { $generateJSONFromSelectedNodes } from '@lexical/clipboard';
import { $getRoot, $getSelection, $isRangeSelection, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/core/model/types.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { normalizeForEditor } from '../../src/editor/bridge/normalize.ts';
import { readLexicalClipboard } from '../../src/editor/plugins/paste/lexicalClipboard.ts';
import { planPaste, type PastePlan } from '../../src/editor/plugins/paste/pastePlan.ts';
import { $insertPastePlan } from '../../src/editor/plugins/paste/placeBlocks.ts';
import { registerPaste } from '../../src/editor/plugins/paste/registerPaste.ts';
import { ResolutionNodes } from '../../src/editor/nodes/registry.ts';
import { inl, op, pre, res, sub } from '../helpers/builders.ts';
import { $caret, createTestEditor, load, outline, update } from './testEditor.ts';

const HEAD = ['title: T', 'formula: The General Assembly,'];
const lines = (...rest: string[]) => [...HEAD, ...rest].join('\n');

function section(
  number: string,
  heading: string,
  parts: Partial<Omit<Section, 'number' | 'heading'>>,
): Section {
  return { number, heading, preamble: [], operative: [], ...parts };
}

const DRAFT = res({
  title: 'T',
  formula: 'The General Assembly,',
  preamble: [pre('Recalling', 'its resolution 77/1,'), pre('Noting', 'that:')],
  operative: [op('Decides', 'to act;'), op('Requests', 'a report.')],
  sections: [
    section('I', 'Oversight', {
      preamble: [pre('Recalling', 'its resolution 48/218 B,')],
      operative: [op('Reaffirms', 'its role;', [], '1')],
    }),
  ],
});

function pasteEditor(doc = DRAFT): LexicalEditor {
  const editor = createTestEditor();
  load(editor, doc);
  registerPaste(editor, {});
  return editor;
}

function paste(editor: LexicalEditor, data: Record<string, string>): boolean {
  const event = {
    clipboardData: { getData: (type: string) => data[type] ?? '' },
    preventDefault: () => undefined,
  } as unknown as ClipboardEvent;
  return editor.dispatchCommand(PASTE_COMMAND, event);
}

/** What a copy inside the editor puts on the clipboard: Lexical's JSON of the selection and its text. */
function $copy(editor: LexicalEditor): Record<string, string> {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) throw new Error('no selection');
  const { namespace, nodes } = $generateJSONFromSelectedNodes(editor, selection);
  return {
    'application/x-lexical-editor': JSON.stringify({ namespace, nodes }),
    'text/plain': selection.getTextContent(),
  };
}

describe("pasting the editor's own blocks", () => {
  it('gives the same draft back after select all, copy and paste, sections and their numbering included', () => {
    const editor = pasteEditor();
    const before = outline(editor);
    const copied = update(editor, () => {
      $getRoot().select(0, $getRoot().getChildrenSize());
      return $copy(editor);
    });
    update(editor, () => {
      $getRoot().select(0, $getRoot().getChildrenSize());
    });
    expect(paste(editor, copied)).toBe(true);
    expect(outline(editor)).toBe(before);
    expect(editor.read(() => $exportResolution(DRAFT))).toStrictEqual(normalizeForEditor(DRAFT));
  });

  it('keeps a copied section heading’s number and restart choice, and a subparagraph’s level', () => {
    const known = new Set(ResolutionNodes.map((klass) => klass.getType()));
    const read = readLexicalClipboard(
      JSON.stringify({
        nodes: [
          {
            type: 'res-section-heading',
            version: 1,
            number: 'II',
            restartsNumbering: true,
            children: [],
            style: 'x',
          },
          { type: 'res-annex-heading', version: 1, number: 'A', children: [] },
          { type: 'res-sub', version: 1, level: 2, children: [] },
        ],
      }),
      known,
    );
    expect(read?.nodes).toEqual([
      { type: 'res-section-heading', version: 1, number: 'II', restartsNumbering: true, children: [] },
      { type: 'res-annex-heading', version: 1, number: 'A', children: [] },
      { type: 'res-sub', version: 1, level: 2, children: [] },
    ]);
  });

  it('pastes a copied section after the section the caret is in, whole, taking in none of the draft’s paragraphs', () => {
    const source = pasteEditor(
      res({
        title: 'Other',
        formula: 'The General Assembly,',
        sections: [
          section('II', 'Audit', {
            preamble: [{ ...pre('Noting', 'that:'), subparagraphs: [sub('one;'), sub('two,')] }],
            operative: [op('Welcomes', 'the work;', [], '1')],
          }),
        ],
      }),
    );
    const copied = update(source, () => {
      $getRoot().select(2, $getRoot().getChildrenSize());
      return $copy(source);
    });
    const editor = pasteEditor();
    update(editor, () => $caret('to act;', 'after'));
    paste(editor, copied);
    expect(outline(editor)).toBe(
      lines(
        'PP <Recalling> its resolution 77/1,',
        'PP <Noting> that:',
        'OP 1. <Decides> to act;',
        'OP 2. <Requests> a report.',
        'SECTION II (restarts) Audit',
        'PP <Noting> that:',
        '  (a) one;',
        '  (b) two,',
        'OP 1. <Welcomes> the work;',
        'SECTION I (restarts) Oversight',
        'PP <Recalling> its resolution 48/218 B,',
        'OP 1. <Reaffirms> its role;',
      ),
    );
  });

  it('puts preambular paragraphs pasted into a section’s operative part at the end of that section’s preamble', () => {
    const source = pasteEditor(
      res({
        title: 'S',
        formula: 'F,',
        preamble: [pre('Mindful', 'of the needs,'), pre('Noting', 'the report,')],
      }),
    );
    const copied = update(source, () => {
      $getRoot().select(2, 4);
      return $copy(source);
    });
    const editor = pasteEditor();
    update(editor, () => $caret('its role;', 'after'));
    paste(editor, copied);
    expect(outline(editor).split('\n').slice(6)).toEqual([
      'SECTION I (restarts) Oversight',
      'PP <Recalling> its resolution 48/218 B,',
      'PP <Mindful> of the needs,',
      'PP <Noting> the report,',
      'OP 1. <Reaffirms> its role;',
    ]);
  });
});

describe('pasting recognized resolution text', () => {
  it('lists pasted lettered paragraphs under the preambular paragraph at the caret', () => {
    const editor = pasteEditor();
    update(editor, () => $caret('that:', 'after'));
    paste(editor, { 'text/plain': '(a) To protect migrants;\n(b) To prosecute smugglers,' });
    expect(outline(editor).split('\n').slice(2, 7)).toEqual([
      'PP <Recalling> its resolution 77/1,',
      'PP <Noting> that:',
      '  (a) To protect migrants;',
      '  (b) To prosecute smugglers,',
      'OP 1. <Decides> to act;',
    ]);
  });

  it('inserts a plan’s sections after the caret’s section and its preambular subparagraphs under their paragraph', () => {
    const plan: PastePlan = {
      title: '',
      formula: '',
      preamble: [
        {
          ...pre('Recalling', 'its resolution 60/1:'),
          subparagraphs: [sub('first;', [sub('sub;')]), sub('second,')],
        },
      ],
      body: [{ kind: 'operative', opener: 'Urges', content: inl('States;') }],
      sections: [
        {
          number: 'III',
          heading: 'Follow-up',
          restartsNumbering: false,
          preamble: [],
          body: [{ kind: 'operative', opener: 'Decides', content: inl('to remain seized.') }],
        },
      ],
      annex: null,
      footnotes: [],
    };
    const editor = pasteEditor();
    update(editor, () => {
      $caret('to act;', 'after');
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) throw new Error('no selection');
      $insertPastePlan(plan, selection);
    });
    expect(outline(editor)).toBe(
      lines(
        'PP <Recalling> its resolution 77/1,',
        'PP <Noting> that:',
        'PP <Recalling> its resolution 60/1:',
        '  (a) first;',
        '    (i) sub;',
        '  (b) second,',
        'OP 1. <Decides> to act;',
        'OP 2. <Urges> States;',
        'OP 3. <Requests> a report.',
        'SECTION III (runs on) Follow-up',
        'OP 4. <Decides> to remain seized.',
        'SECTION I (restarts) Oversight',
        'PP <Recalling> its resolution 48/218 B,',
        'OP 1. <Reaffirms> its role;',
      ),
    );
  });

  it('plans a preambular paragraph’s list as part of the preamble', () => {
    const plan = planPaste('The Assembly,\n\nNoting that:\n\n(a) One;\n\n(b) Two,\n\n1. Decides to act.');
    expect(plan?.preamble.map((p) => p.subparagraphs?.length ?? 0)).toEqual([2]);
    expect(plan?.sections).toEqual([]);
  });
});
