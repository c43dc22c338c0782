/**
 * The structures of General Assembly texts in the editor: preambular paragraphs with subparagraphs,
 * sections of omnibus resolutions and headings in the annex. None of them may be lost on the way
 * through the editor: model → $importResolution → $exportResolution gives back the document, with a
 * section's labels as printed.
 */
import fc from 'fast-check';
import { $createTextNode, $getRoot, $isElementNode, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { ResolutionDocument, Section } from '../../src/core/model/types.ts';
import { validateDocument } from '../../src/core/model/validate.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { normalizeForEditor } from '../../src/editor/bridge/normalize.ts';
import { labelNumber } from '../../src/core/export/labels.ts';
import { $createAnnexHeadingNode } from '../../src/editor/nodes/AnnexHeadingNode.ts';
import { $isAnnexNode } from '../../src/editor/nodes/AnnexNode.ts';
import { $createPreambularParagraphNode } from '../../src/editor/nodes/PreambularParagraphNode.ts';
import {
  $createSectionHeadingNode,
  $isSectionHeadingNode,
} from '../../src/editor/nodes/SectionHeadingNode.ts';
import { $createSubparagraphNode } from '../../src/editor/nodes/SubparagraphNode.ts';
import { $changeLevel } from '../../src/editor/plugins/keys/registerParagraphKeys.ts';
import { arbDocument } from '../helpers/arbitraries.ts';
import { annex, fn, op, pre, res, sub } from '../helpers/builders.ts';
import { gaDocument } from '../helpers/ga.ts';
import { $caret, createTestEditor, load, outline, update } from './testEditor.ts';

const HEAD = ['title: T', 'formula: The General Assembly,'];
const doc = (parts: Parameters<typeof res>[0]) =>
  res({ title: 'T', formula: 'The General Assembly,', ...parts });
const lines = (...rest: string[]) => [...HEAD, ...rest].join('\n');

function section(
  number: string,
  heading: string,
  parts: Partial<Omit<Section, 'number' | 'heading'>>,
): Section {
  return { number, heading, preamble: [], operative: [], ...parts };
}

function roundTrip(input: ResolutionDocument, options: { transforms?: boolean } = {}): ResolutionDocument {
  const editor = createTestEditor(options);
  load(editor, input);
  return editor.read(() => $exportResolution(input));
}

/** Root child at `index` (title is 0, formula 1). */
function $block(index: number): ElementNode {
  const node = $getRoot().getChildAtIndex(index);
  if (!$isElementNode(node)) throw new Error(`no block at ${index}`);
  return node;
}

/** In the manner of A/RES/78/247: two sections, each with its preamble, each numbered from 1. */
const omnibus = doc({
  preamble: [
    {
      ...pre('Recalling', 'its resolution 77/1, in which it decided:{fn:f1}'),
      subparagraphs: [sub('To strengthen oversight;', [], '(a)'), sub('To report annually,', [], '(b)')],
    },
  ],
  sections: [
    section('I', 'Activities of the Office of Internal Oversight Services', {
      preamble: [pre('Recalling', 'its resolutions 48/218 B,'), pre('Having considered', 'the report,')],
      operative: [
        op('Reaffirms', 'its primary role;', [], '1'),
        op(
          'Requests',
          'the Secretary-General:',
          [sub('to act;', [], '(a)'), sub('to report;', [], '(b)')],
          '2',
        ),
      ],
    }),
    section('II', 'Activities of the Independent Audit Advisory Committee', {
      preamble: [pre('Recalling', 'its resolution 61/275,')],
      operative: [op('Notes with appreciation', 'the work of the Committee;{fn:f2}', [], '1')],
    }),
  ],
  annex: {
    ...annex('Terms of reference', [sub('One;'), sub('Two;', [sub('two and a half;')]), sub('Three.')]),
    headings: [
      { before: 0, number: 'I', heading: 'Purpose' },
      { before: 2, number: '', heading: 'Membership' },
    ],
  },
  footnotes: [fn('f1', 'Resolution 77/1.'), fn('f2', 'A/78/5.')],
});

describe('sections, preambular subparagraphs and annex headings in the editor', () => {
  it('lays them out as registry.ts describes, numbered as printed', () => {
    const editor = createTestEditor();
    load(editor, omnibus);
    expect(outline(editor)).toBe(
      lines(
        'PP <Recalling> its resolution 77/1, in which it decided:^1',
        '  (a) To strengthen oversight;',
        '  (b) To report annually,',
        'SECTION I (restarts) Activities of the Office of Internal Oversight Services',
        'PP <Recalling> its resolutions 48/218 B,',
        'PP <Having considered> the report,',
        'OP 1. <Reaffirms> its primary role;',
        'OP 2. <Requests> the Secretary-General:',
        '  (a) to act;',
        '  (b) to report;',
        'SECTION II (restarts) Activities of the Independent Audit Advisory Committee',
        'PP <Recalling> its resolution 61/275,',
        'OP 1. <Notes with appreciation> the work of the Committee;^2',
        'ANNEX',
        '  title: Terms of reference',
        '  HEADING I Purpose',
        '    (a) One;',
        '    (b) Two;',
        '      (i) two and a half;',
        '  HEADING  Membership',
        '    (c) Three.',
        'FOOTNOTES',
        '  1 [f1] Resolution 77/1.',
        '  2 [f2] A/78/5.',
      ),
    );
  });

  it('gives back the same document, a section’s labels included', () => {
    const exported = roundTrip(omnibus);
    expect(exported).toStrictEqual(normalizeForEditor(omnibus));
    expect(exported.sections?.map((s) => s.operative.map((p) => p.label))).toEqual([['1', '2'], ['1']]);
    expect(exported.preamble[0]?.subparagraphs?.map((s) => s.content)).toEqual([
      [{ type: 'text', text: 'To strengthen oversight;' }],
      [{ type: 'text', text: 'To report annually,' }],
    ]);
    expect(exported.annex?.headings).toEqual(omnibus.annex?.headings);
    expect(validateDocument(exported).ok).toBe(true);
  });

  it('runs a section’s numbering on from the paragraphs before it when the source did', () => {
    // A/RES/78/245: one operative paragraph, then section I from 2.
    const input = doc({
      operative: [op('Decides', 'to consider the item;', [], '1')],
      sections: [
        section('I', 'Calendar of conferences', { operative: [op('Approves', 'the calendar;', [], '2')] }),
        section('II', 'Utilization', {
          operative: [op('Notes', 'the rate;', [], '3'), op('Urges', 'all.', [], '4')],
        }),
      ],
    });
    const editor = createTestEditor();
    load(editor, input);
    expect(outline(editor)).toBe(
      lines(
        'OP 1. <Decides> to consider the item;',
        'SECTION I (runs on) Calendar of conferences',
        'OP 2. <Approves> the calendar;',
        'SECTION II (runs on) Utilization',
        'OP 3. <Notes> the rate;',
        'OP 4. <Urges> all.',
      ),
    );
    const exported = editor.read(() => $exportResolution(input));
    expect(exported.sections?.flatMap((s) => s.operative.map((p) => p.label))).toEqual(['2', '3', '4']);
    expect(exported).toStrictEqual(normalizeForEditor(input));
  });

  it('renumbers a section when its heading is set to restart or to run on', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({
        operative: [op('Decides', 'a;')],
        sections: [
          section('I', 'H', { operative: [op('Notes', 'b;', [], '2'), op('Urges', 'c.', [], '3')] }),
        ],
      }),
    );
    update(editor, () => {
      const heading = $getRoot().getChildren().find($isSectionHeadingNode);
      heading?.setRestartsNumbering(true).setNumber('IV');
    });
    expect(outline(editor)).toBe(
      lines('OP 1. <Decides> a;', 'SECTION IV (restarts) H', 'OP 1. <Notes> b;', 'OP 2. <Urges> c.'),
    );
    expect(editor.read(() => $exportResolution()).sections).toEqual([
      {
        number: 'IV',
        heading: 'H',
        preamble: [],
        operative: [
          { label: '1', opener: 'Notes', content: [{ type: 'text', text: 'b;' }], subparagraphs: [] },
          { label: '2', opener: 'Urges', content: [{ type: 'text', text: 'c.' }], subparagraphs: [] },
        ],
      },
    ]);
  });

  it('letters a decision’s section paragraphs', () => {
    const input = res({
      kind: 'decision',
      sections: [
        section('', 'Organization of work', {
          operative: [op('', 'decides;', [], '(a)'), op('', 'notes.', [], '(b)')],
        }),
      ],
    });
    const exported = roundTrip(input);
    expect(exported.sections?.[0]?.operative.map((p) => p.label)).toEqual(['(a)', '(b)']);
    expect(exported).toStrictEqual(normalizeForEditor(input));
  });
});

describe('the structure transforms with sections and preambular subparagraphs', () => {
  it('moves a preambular paragraph up within its own section, not into the top-level preamble', () => {
    const editor = createTestEditor();
    load(editor, omnibus);
    // After section II's operative paragraph 1, with a subparagraph of its own.
    update(editor, () => {
      const last = $block(14);
      last.insertAfter($createPreambularParagraphNode().append($createTextNode('Noting also the report:')));
      $block(15).insertAfter($createSubparagraphNode(1).append($createTextNode('its annex,')));
    });
    expect(outline(editor).split('\n').slice(12, 18)).toEqual([
      'SECTION II (restarts) Activities of the Independent Audit Advisory Committee',
      'PP <Recalling> its resolution 61/275,',
      'PP Noting also the report:',
      '  (a) its annex,',
      'OP 1. <Notes with appreciation> the work of the Committee;^2',
      'ANNEX',
    ]);
  });

  it('never turns a preambular paragraph’s subparagraphs into operative paragraphs', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({ preamble: [pre('Recalling', 'a,'), pre('Noting', 'that:')], operative: [op('Decides', 'x.')] }),
    );
    update(editor, () => {
      $block(3).insertAfter($createSubparagraphNode(2).append($createTextNode('one;')));
      $block(4).insertAfter($createSubparagraphNode(1).append($createTextNode('two,')));
    });
    expect(outline(editor)).toBe(
      lines('PP <Recalling> a,', 'PP <Noting> that:', '  (a) one;', '  (b) two,', 'OP 1. <Decides> x.'),
    );
    expect(editor.read(() => $exportResolution()).preamble[1]?.subparagraphs).toHaveLength(2);
  });

  it('makes a subparagraph right after a section heading its section’s first operative paragraph', () => {
    const editor = createTestEditor();
    load(editor, doc({ sections: [section('I', 'H', {})] }));
    update(editor, () =>
      $block(2).insertAfter($createSubparagraphNode(1).append($createTextNode('orphan;'))),
    );
    expect(outline(editor)).toBe(lines('SECTION I (runs on) H', 'OP 1. orphan;'));
  });

  it('turns a section heading pasted into the annex into an annex heading, and the reverse', () => {
    const editor = createTestEditor();
    load(editor, omnibus);
    update(editor, () => {
      const annexNode = $getRoot().getChildren().find($isAnnexNode);
      annexNode
        ?.getLastChild()
        ?.insertAfter($createSectionHeadingNode('III').append($createTextNode('Review')));
      $block(3).insertBefore($createAnnexHeadingNode('X').append($createTextNode('Stray')));
    });
    const text = outline(editor);
    expect(text).toContain('  HEADING III Review');
    expect(text).toContain('SECTION X (runs on) Stray');
  });

  it('moves a paragraph into and out of a preambular paragraph’s list with Tab and Shift+Tab', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({
        preamble: [pre('Recalling', 'a:'), pre('', 'its resolution 1;')],
        operative: [op('Decides', 'x.')],
      }),
    );
    expect(
      update(editor, () => {
        $caret('its resolution');
        return $changeLevel(1);
      }),
    ).toBe(true);
    expect(outline(editor)).toBe(lines('PP <Recalling> a:', '  (a) its resolution 1;', 'OP 1. <Decides> x.'));
    // The operative paragraph does not become the preambular paragraph's (b).
    expect(
      update(editor, () => {
        $caret('x.');
        return $changeLevel(1);
      }),
    ).toBe(false);
    update(editor, () => {
      $caret('its resolution');
      $changeLevel(-1);
    });
    expect(outline(editor)).toBe(lines('PP <Recalling> a:', 'PP its resolution 1;', 'OP 1. <Decides> x.'));
  });

  it('starts a section’s first paragraph on Enter after its heading, of the kind that opens it', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({
        sections: [
          section('I', 'Empty', {}),
          section('II', 'Full', { operative: [op('Decides', 'x.', [], '1')] }),
        ],
      }),
    );
    for (const index of [2, 3]) {
      update(editor, () => {
        const heading = $getRoot().getChildren().filter($isSectionHeadingNode)[index - 2];
        const selection = heading?.selectEnd();
        selection?.insertParagraph();
        selection?.insertText(`new ${index}`);
      });
    }
    expect(outline(editor)).toBe(
      lines(
        'SECTION I (runs on) Empty',
        'PP new 2',
        'SECTION II (restarts) Full',
        'OP 1. new 3',
        'OP 2. <Decides> x.',
      ),
    );
  });
});

describe('real resolutions of the General Assembly (corpus/ga)', () => {
  it.each([
    ['A_RES_78_247', 'sections I and II, each with a preamble, each from 1'],
    ['A_RES_78_245', 'sections running on from the top-level paragraph'],
    ['A_RES_78_29', 'a preambular paragraph listing (a) to (e)'],
    ['A_RES_78_253', 'twenty-six sections, preambular subparagraphs, unnumbered headings'],
    ['A_RES_78_1', 'an annex with headings'],
  ])('%s (%s) comes back out of the editor as read, labels as printed', (name) => {
    const input = gaDocument(name);
    const exported = roundTrip(input);
    expect(exported).toStrictEqual(normalizeForEditor(input));
    const count = (d: ResolutionDocument): number =>
      d.preamble.length +
      d.operative.length +
      (d.sections ?? []).reduce((n, s) => n + 1 + s.preamble.length + s.operative.length, 0) +
      d.preamble.reduce((n, p) => n + (p.subparagraphs?.length ?? 0), 0) +
      (d.annex?.headings?.length ?? 0);
    expect(count(exported)).toBe(count(input));
  });

  it('keeps the printed numbers of A/RES/78/247 and of every numbered paragraph of A/RES/78/245', () => {
    for (const name of ['A_RES_78_247', 'A_RES_78_245']) {
      const input = gaDocument(name);
      const exported = roundTrip(input);
      const printed = (input.sections ?? []).flatMap((s) => s.operative.map((p) => labelNumber(p.label)));
      const shown = (exported.sections ?? []).flatMap((s) => s.operative.map((p) => labelNumber(p.label)));
      expect(shown).toEqual(printed);
    }
  });
});

describe('round trip with the structures of Assembly texts (property)', () => {
  it('import → export gives back normalizeForEditor(doc)', () => {
    fc.assert(
      fc.property(arbDocument({ structures: true }), (input) => {
        expect(roundTrip(input)).toStrictEqual(normalizeForEditor(input));
      }),
      { numRuns: 150 },
    );
  });

  it('holds without the transforms, and after the editor state went through its JSON', () => {
    fc.assert(
      fc.property(arbDocument({ structures: true, maxDepth: 3 }), (input) => {
        expect(roundTrip(input, { transforms: false })).toStrictEqual(normalizeForEditor(input));
        const editor = createTestEditor();
        load(editor, input);
        const restored = createTestEditor();
        restored.setEditorState(restored.parseEditorState(editor.getEditorState().toJSON()));
        expect(restored.read(() => $exportResolution(input))).toStrictEqual(normalizeForEditor(input));
      }),
      { numRuns: 80 },
    );
  });

  it('normalizeForEditor changes nothing in a document it has already normalized', () => {
    fc.assert(
      fc.property(arbDocument({ structures: true }), (input) => {
        const once = normalizeForEditor(input);
        expect(normalizeForEditor(once)).toStrictEqual(once);
      }),
      { numRuns: 100 },
    );
  });
});
