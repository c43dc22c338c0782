import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import fc from 'fast-check';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $insertNodes,
  $isElementNode,
  $isTextNode,
  HISTORY_PUSH_TAG,
  IS_ITALIC,
  REDO_COMMAND,
  UNDO_COMMAND,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createAnnexHeadingNode, $isAnnexHeadingNode } from '../../src/editor/nodes/AnnexHeadingNode.ts';
import { $createAnnexIntroNode } from '../../src/editor/nodes/AnnexIntroNode.ts';
import { $isAnnexNode } from '../../src/editor/nodes/AnnexNode.ts';
import { $createAnnexTitleNode } from '../../src/editor/nodes/AnnexTitleNode.ts';
import { $createFootnoteNode, $isFootnoteNode } from '../../src/editor/nodes/FootnoteNode.ts';
import { $createFootnoteRefNode, $isFootnoteRefNode } from '../../src/editor/nodes/FootnoteRefNode.ts';
import { $isFootnotesNode } from '../../src/editor/nodes/FootnotesNode.ts';
import { $createFormulaNode, $isFormulaNode } from '../../src/editor/nodes/FormulaNode.ts';
import { $createOpenerNode, $isOpenerNode } from '../../src/editor/nodes/OpenerNode.ts';
import {
  $createOperativeParagraphNode,
  $isOperativeParagraphNode,
} from '../../src/editor/nodes/OperativeParagraphNode.ts';
import {
  $createPreambularParagraphNode,
  $isPreambularParagraphNode,
} from '../../src/editor/nodes/PreambularParagraphNode.ts';
import { $createReferenceNode } from '../../src/editor/nodes/ReferenceNode.ts';
import {
  $createSectionHeadingNode,
  $isSectionHeadingNode,
} from '../../src/editor/nodes/SectionHeadingNode.ts';
import { $createSubparagraphNode, $isSubparagraphNode } from '../../src/editor/nodes/SubparagraphNode.ts';
import { $createTitleNode, $isTitleNode } from '../../src/editor/nodes/TitleNode.ts';
import {
  alphabeticLabel,
  romanLabel,
  subparagraphLabel as coreSubparagraphLabel,
} from '../../src/core/export/labels.ts';
import { subparagraphLabel } from '../../src/editor/transforms/labels.ts';
import { registerStructureTransforms } from '../../src/editor/transforms/structure.ts';
import { annex, fn, op, pre, res, sub } from '../helpers/builders.ts';
import { createTestEditor, load, outline, update } from './testEditor.ts';

const HEAD = ['title: T', 'formula: F,'];
const doc = (parts: Parameters<typeof res>[0]) => res({ title: 'T', formula: 'F,', ...parts });
const lines = (...rest: string[]) => [...HEAD, ...rest].join('\n');

/** Root child at `index` (title is 0, formula 1). */
function $block(index: number): ElementNode {
  const node = $getRoot().getChildAtIndex(index);
  if (!$isElementNode(node)) throw new Error(`no block at ${index}`);
  return node;
}

function $text(value: string) {
  return $createTextNode(value);
}

describe('subparagraph labels', () => {
  it('letters level 1 and doubles the letter after z', () => {
    expect([1, 2, 26, 27, 28, 52, 53].map(alphabeticLabel)).toEqual(['a', 'b', 'z', 'aa', 'bb', 'zz', 'aaa']);
  });

  it('writes level 2 in lower-case roman numerals', () => {
    expect([1, 3, 4, 5, 9, 14, 40, 49, 90, 400, 1994].map(romanLabel)).toEqual([
      'i',
      'iii',
      'iv',
      'v',
      'ix',
      'xiv',
      'xl',
      'xlix',
      'xc',
      'cd',
      'mcmxciv',
    ]);
  });

  it('brackets each level as the exports print it: (a), (i), then (a) and (i) again', () => {
    expect([1, 2, 3, 4].map((level) => subparagraphLabel(level, 2))).toEqual(['(b)', '(ii)', '(b)', '(ii)']);
    for (const level of [1, 2, 3, 4])
      for (const n of [1, 5, 27]) expect(subparagraphLabel(level, n)).toBe(coreSubparagraphLabel(level, n));
  });

  it('throws on a position or level that has no label', () => {
    expect(() => alphabeticLabel(0)).toThrow('alphabeticLabel: expected a positive integer, got 0');
    expect(() => romanLabel(1.5)).toThrow('romanLabel: expected a positive integer, got 1.5');
    expect(() => subparagraphLabel(5, 1)).toThrow('subparagraphLabel: level must be 1 to 4, got 5');
  });
});

describe('registerStructureTransforms: numbering', () => {
  it('numbers operative paragraphs 1..n after one is inserted in the middle', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Requests', 'a;'), op('Urges', 'b;'), op('Decides', 'c.')] }));
    update(editor, () => $block(2).insertAfter($createOperativeParagraphNode().append($text('new;'))));
    expect(outline(editor)).toBe(
      lines('OP 1. <Requests> a;', 'OP 2. new;', 'OP 3. <Urges> b;', 'OP 4. <Decides> c.'),
    );
  });

  it('renumbers after a paragraph is removed or moved', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Requests', 'a;'), op('Urges', 'b;'), op('Decides', 'c.')] }));
    update(editor, () => $block(2).remove());
    expect(outline(editor)).toBe(lines('OP 1. <Urges> b;', 'OP 2. <Decides> c.'));
    update(editor, () => $block(2).insertBefore($block(3)));
    expect(outline(editor)).toBe(lines('OP 1. <Decides> c.', 'OP 2. <Urges> b;'));
  });

  it('letters subparagraphs per paragraph and numbers (i) one level down', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({
        operative: [
          op('Requests', 'the Office:', [sub('x;', [sub('y;'), sub('z;')]), sub('w;')]),
          op('Invites', 'States:', [sub('v.')]),
        ],
      }),
    );
    expect(outline(editor)).toBe(
      lines(
        'OP 1. <Requests> the Office:',
        '  (a) x;',
        '    (i) y;',
        '    (ii) z;',
        '  (b) w;',
        'OP 2. <Invites> States:',
        '  (a) v.',
      ),
    );
  });

  it('relabels when a subparagraph is inserted, removed or changes level', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Requests', 'the Office:', [sub('x;'), sub('y;'), sub('z.')])] }));
    update(editor, () => $block(3).insertAfter($createSubparagraphNode(1).append($text('new;'))));
    expect(outline(editor)).toBe(
      lines('OP 1. <Requests> the Office:', '  (a) x;', '  (b) new;', '  (c) y;', '  (d) z.'),
    );
    update(editor, () => {
      const node = $block(6);
      if ($isSubparagraphNode(node)) node.setLevel(2);
      $block(4).remove();
    });
    expect(outline(editor)).toBe(lines('OP 1. <Requests> the Office:', '  (a) x;', '  (b) y;', '    (i) z.'));
  });

  it('raises a subparagraph that skips a level: (i) right under a paragraph becomes (a)', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Requests', 'the Office:')] }));
    update(editor, () => $block(2).insertAfter($createSubparagraphNode(3).append($text('x.'))));
    expect(outline(editor)).toBe(lines('OP 1. <Requests> the Office:', '  (a) x.'));
  });

  it('letters annex items from (a) again, apart from the operative part', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({
        operative: [op('Adopts', 'the annex:', [sub('x.')])],
        annex: annex('Rules', [sub('one;', [sub('i;')]), sub('two.')]),
      }),
    );
    expect(outline(editor)).toBe(
      lines(
        'OP 1. <Adopts> the annex:',
        '  (a) x.',
        'ANNEX',
        '  title: Rules',
        '    (a) one;',
        '      (i) i;',
        '    (b) two.',
      ),
    );
  });
});

describe('registerStructureTransforms: order of the parts', () => {
  it('gives an empty editor its title and enacting formula', () => {
    const editor = createTestEditor();
    expect(outline(editor)).toBe(['title: ', 'formula: '].join('\n'));
  });

  it('moves a preambular paragraph found among operative paragraphs up to the end of the preamble', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({ preamble: [pre('Recalling', 'a,')], operative: [op('Requests', 'b;'), op('Decides', 'c.')] }),
    );
    update(editor, () =>
      $block(3).insertAfter(
        $createPreambularParagraphNode().append($createOpenerNode('Noting'), $text(' d,')),
      ),
    );
    expect(outline(editor)).toBe(
      lines('PP <Recalling> a,', 'PP <Noting> d,', 'OP 1. <Requests> b;', 'OP 2. <Decides> c.'),
    );
  });

  it('keeps every paragraph its kind when an operative paragraph is dragged into the preamble', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({ preamble: [pre('Recalling', 'a,'), pre('Noting', 'b,')], operative: [op('Requests', 'c.')] }),
    );
    update(editor, () => $block(2).insertAfter($block(4)));
    expect(outline(editor)).toBe(lines('PP <Recalling> a,', 'PP <Noting> b,', 'OP 1. <Requests> c.'));
  });

  it('moves a preambular paragraph pasted into the operative part up to the preamble', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({ preamble: [pre('Recalling', 'a,')], operative: [op('Requests', 'b;'), op('Decides', 'c.')] }),
    );
    update(editor, () => {
      // Enter after paragraph 1, then paste a preambular paragraph into the new empty one.
      const empty = $createOperativeParagraphNode();
      $block(3).insertAfter(empty);
      empty.select();
      $insertNodes([$createPreambularParagraphNode().append($createOpenerNode('Noting'), $text(' d,'))]);
    });
    expect(outline(editor)).toBe(
      lines('PP <Recalling> a,', 'PP <Noting> d,', 'OP 1. <Requests> b;', 'OP 2. <Decides> c.'),
    );
  });

  it('keeps text pasted into a paragraph in place, demoting its opener to an italic run', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Requests', 'b;')] }));
    update(editor, () => {
      // Lexical merges the first pasted block into the paragraph at the caret.
      $block(2).selectEnd();
      $insertNodes([$createPreambularParagraphNode().append($createOpenerNode('Noting'), $text(' d,'))]);
    });
    expect(outline(editor)).toBe(lines('OP 1. <Requests> b;*Noting* d,'));
  });

  it('puts the title and formula back on top and recreates a deleted one', () => {
    const editor = createTestEditor();
    load(editor, doc({ preamble: [pre('Recalling', 'a,')] }));
    update(editor, () => {
      $block(0).remove();
      $block(1).insertAfter($createFormulaNode().append($text('G,')));
    });
    expect(outline(editor)).toBe(['title: ', 'formula: F,', 'PP <Recalling> a,', 'PP G,'].join('\n'));
  });

  it('turns a second title into a paragraph of the part it stands in', () => {
    const editor = createTestEditor();
    load(editor, doc({ preamble: [pre('Recalling', 'a,')], operative: [op('Requests', 'b.')] }));
    update(editor, () => $block(3).insertAfter($createTitleNode().append($text('Another title'))));
    expect(outline(editor)).toBe(lines('PP <Recalling> a,', 'OP 1. <Requests> b.', 'OP 2. Another title'));
  });

  it('turns a plain paragraph into a preambular or operative one according to where it stands', () => {
    const editor = createTestEditor();
    load(editor, doc({ preamble: [pre('Recalling', 'a,')], operative: [op('Requests', 'b.')] }));
    update(editor, () => {
      $block(2).insertAfter($createParagraphNode().append($text('in the preamble,')));
      $getRoot().append($createParagraphNode().append($text('in the operative part.')));
    });
    expect(outline(editor)).toBe(
      lines(
        'PP <Recalling> a,',
        'PP in the preamble,',
        'OP 1. <Requests> b.',
        'OP 2. in the operative part.',
      ),
    );
  });

  it('makes an orphan subparagraph the first operative paragraph', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Requests', 'the Office:', [sub('x;'), sub('y.')])] }));
    update(editor, () => $block(2).remove());
    expect(outline(editor)).toBe(lines('OP 1. x;', '  (a) y.'));
  });

  it('gives the subparagraphs of a deleted first operative paragraph to the preambular paragraph above them', () => {
    // Position decides whose a subparagraph is (registry.ts): they stay where they stood, lettered
    // as they were, now the list of the paragraph above them (A/RES/78/247 prints such lists).
    const editor = createTestEditor();
    load(
      editor,
      doc({
        preamble: [pre('Recalling', 'a,')],
        operative: [op('Requests', 'the Office:', [sub('x;'), sub('y.')])],
      }),
    );
    update(editor, () => $block(3).remove());
    expect(outline(editor)).toBe(lines('PP <Recalling> a,', '  (a) x;', '  (b) y.'));
  });

  it('keeps the annex after the operative part and the footnotes last', () => {
    const editor = createTestEditor();
    load(
      editor,
      doc({
        preamble: [pre('Recalling', 'a,{fn:f1}')],
        operative: [op('Adopts', 'the annex.')],
        annex: annex('Rules', [sub('one.')]),
        footnotes: [fn('f1', 'Source.')],
      }),
    );
    update(editor, () => {
      const root = $getRoot();
      const footnotes = root.getLastChildOrThrow();
      const annexNode = footnotes.getPreviousSibling();
      if (annexNode === null) throw new Error('setup');
      $block(2).insertBefore(footnotes);
      $block(0).insertBefore(annexNode);
    });
    expect(outline(editor)).toBe(
      lines(
        'PP <Recalling> a,^1',
        'OP 1. <Adopts> the annex.',
        'ANNEX',
        '  title: Rules',
        '    (a) one.',
        'FOOTNOTES',
        '  1 [f1] Source.',
      ),
    );
  });

  it('gathers stray annex parts into the annex, title first', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Adopts', 'the annex.')] }));
    update(editor, () => {
      $getRoot().append(
        $createAnnexIntroNode().append($text('Intro:')),
        $createAnnexTitleNode().append($text('Rules')),
        $createAnnexTitleNode().append($text('Second title')),
      );
    });
    expect(outline(editor)).toBe(
      lines(
        'OP 1. <Adopts> the annex.',
        'ANNEX',
        '  title: Rules',
        '  intro: Intro:',
        '    (a) Second title',
      ),
    );
  });

  it('removes an annex whose content was all deleted', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Adopts', 'the annex.')], annex: annex('Rules', [sub('one.')]) }));
    update(editor, () => {
      const annexNode = $getRoot().getLastChild();
      if ($isAnnexNode(annexNode)) for (const child of annexNode.getChildren()) child.remove();
    });
    expect(outline(editor)).toBe(lines('OP 1. <Adopts> the annex.'));
  });

  it('stops repairing once the teardown is called', () => {
    const editor = createTestEditor({ transforms: false });
    const teardown = registerStructureTransforms(editor);
    load(editor, doc({ operative: [op('Requests', 'a;'), op('Decides', 'b.')] }));
    teardown();
    update(editor, () => $block(2).insertBefore($createOperativeParagraphNode().append($text('new;'))));
    expect(outline(editor)).toBe(lines('OP 0. new;', 'OP 1. <Requests> a;', 'OP 2. <Decides> b.'));
  });
});

describe('registerStructureTransforms: openers', () => {
  it('turns an opener that is not first in its paragraph into an italic run', () => {
    const editor = createTestEditor();
    load(editor, doc({ preamble: [pre('', 'Bearing in mind that')] }));
    update(editor, () => $block(2).append($createOpenerNode('also')));
    expect(outline(editor)).toBe(lines('PP Bearing in mind that*also*'));
  });

  it('turns an opener in a subparagraph, title or footnote into an italic run', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Requests', 'the Office:', [sub('x.')])] }));
    update(editor, () => {
      $block(3).getFirstChildOrThrow().insertBefore($createOpenerNode('To'));
      $block(0).append($createOpenerNode('Opener'));
    });
    expect(outline(editor)).toBe(
      ['title: T*Opener*', 'formula: F,', 'OP 1. <Requests> the Office:', '  (a) *To*x.'].join('\n'),
    );
  });

  it('removes an opener whose text was deleted', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Requests', 'the Office.')] }));
    update(editor, () => {
      const opener = $block(2).getFirstChild();
      if ($isOpenerNode(opener)) opener.setTextContent('');
    });
    editor.read(() => expect($block(2).getChildren().some($isOpenerNode)).toBe(false));
    expect(outline(editor)).toBe(lines('OP 1.  the Office.'));
  });

  it('keeps one opener of two at the start of a paragraph', () => {
    const editor = createTestEditor();
    load(editor, doc({ operative: [op('Requests', 'the Office.')] }));
    update(editor, () => $block(2).getFirstChildOrThrow().insertAfter($createOpenerNode(' also')));
    expect(outline(editor)).toBe(lines('OP 1. <Requests>* also* the Office.'));
    editor.read(() => {
      const demoted = $block(2).getChildAtIndex(1);
      expect($isTextNode(demoted) && !$isOpenerNode(demoted) && demoted.getFormat()).toBe(IS_ITALIC);
    });
  });
});

describe('registerStructureTransforms: footnotes', () => {
  const withFootnotes = doc({
    preamble: [pre('Recalling', 'the Convention,{fn:f1}'), pre('Noting', 'the Protocol,{fn:f2}')],
    operative: [op('Urges', 'States to ratify the Convention;{fn:f1}')],
    footnotes: [fn('f1', 'Convention source.'), fn('f2', 'Protocol source.'), fn('f3', 'Unreferenced.')],
  });

  it('numbers markers by first reference, a repeated reference reusing its number', () => {
    const editor = createTestEditor();
    load(editor, withFootnotes);
    expect(outline(editor)).toBe(
      lines(
        'PP <Recalling> the Convention,^1',
        'PP <Noting> the Protocol,^2',
        'OP 1. <Urges> States to ratify the Convention;^1',
        'FOOTNOTES',
        '  1 [f1] Convention source.',
        '  2 [f2] Protocol source.',
        '  0 [f3] Unreferenced.',
      ),
    );
  });

  it('renumbers markers and reorders the footnote texts when paragraphs move', () => {
    const editor = createTestEditor();
    load(editor, withFootnotes);
    update(editor, () => $block(2).insertBefore($block(3)));
    expect(outline(editor)).toContain('PP <Noting> the Protocol,^1\nPP <Recalling> the Convention,^2');
    expect(outline(editor)).toContain(
      'FOOTNOTES\n  1 [f2] Protocol source.\n  2 [f1] Convention source.\n  0 [f3]',
    );
  });

  it('numbers a newly inserted reference and puts its text in place', () => {
    const editor = createTestEditor();
    load(editor, withFootnotes);
    update(editor, () => $block(2).getFirstChildOrThrow().insertAfter($createFootnoteRefNode('f3')));
    expect(outline(editor)).toContain('PP <Recalling>^1 the Convention,^2');
    expect(outline(editor)).toContain(
      'FOOTNOTES\n  1 [f3] Unreferenced.\n  2 [f1] Convention source.\n  3 [f2]',
    );
  });

  it('keeps the text of a footnote whose reference was cut, unnumbered and last', () => {
    const editor = createTestEditor();
    load(editor, withFootnotes);
    update(editor, () => {
      for (const node of $block(3).getChildren()) if ($isFootnoteRefNode(node)) node.remove();
    });
    expect(outline(editor)).toContain(
      'FOOTNOTES\n  1 [f1] Convention source.\n  0 [f2] Protocol source.\n  0 [f3]',
    );
  });

  it('gives a copied footnote text a fresh id', () => {
    const editor = createTestEditor();
    load(editor, withFootnotes);
    update(editor, () => {
      const footnotes = $getRoot().getLastChildOrThrow();
      if ($isElementNode(footnotes)) footnotes.append($createFootnoteNode('f1').append($text('Copy.')));
    });
    expect(outline(editor)).toMatch(/ {2}0 \[f3\] Unreferenced\.\n {2}0 \[fn1\] Copy\.$/);
  });

  it('moves a footnote text found outside the footnotes into them', () => {
    const editor = createTestEditor();
    load(editor, doc({ preamble: [pre('Recalling', 'x,{fn:a}')] }));
    update(editor, () => $block(2).insertAfter($createFootnoteNode('a').append($text('Source.'))));
    expect(outline(editor)).toBe(lines('PP <Recalling> x,^1', 'FOOTNOTES', '  1 [a] Source.'));
  });

  it('removes a reference whose mention text was deleted', () => {
    const editor = createTestEditor();
    load(editor, doc({ preamble: [pre('Recalling', 'x,')] }));
    update(editor, () =>
      $block(2).append($createReferenceNode('instrument', 'untoc').append($text('the Convention'))),
    );
    expect(outline(editor)).toBe(lines('PP <Recalling> x,[the Convention]'));
    update(editor, () => {
      const mention = $block(2).getLastChild();
      if ($isElementNode(mention)) mention.getFirstChildOrThrow().remove();
    });
    expect(outline(editor)).toBe(lines('PP <Recalling> x,'));
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever sequence of edits, undos and redos, the invariants hold after every update.

type Edit =
  | {
      readonly kind: 'insert';
      readonly block: 'PP' | 'OP' | 'SUB' | 'P' | 'TITLE' | 'SECTION' | 'ANNEX-HEADING';
      readonly level: number;
      readonly at: number;
    }
  | { readonly kind: 'insertInAnnex'; readonly level: number; readonly at: number; readonly heading: boolean }
  | { readonly kind: 'remove'; readonly at: number }
  | { readonly kind: 'move'; readonly from: number; readonly to: number }
  | { readonly kind: 'level'; readonly at: number; readonly level: number }
  | { readonly kind: 'reference'; readonly at: number; readonly id: string }
  | { readonly kind: 'opener'; readonly at: number }
  | { readonly kind: 'paste'; readonly at: number }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' };

const index = fc.nat({ max: 40 });
const level = fc.integer({ min: 1, max: 4 });
const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    block: fc.constantFrom('PP', 'OP', 'SUB', 'P', 'TITLE', 'SECTION', 'ANNEX-HEADING' as const),
    level,
    at: index,
  }),
  fc.record({ kind: fc.constant('insertInAnnex' as const), level, at: index, heading: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), at: index }),
  fc.record({ kind: fc.constant('move' as const), from: index, to: index }),
  fc.record({ kind: fc.constant('level' as const), at: index, level }),
  fc.record({
    kind: fc.constant('reference' as const),
    at: index,
    id: fc.constantFrom('f1', 'f2', 'f3', 'f4'),
  }),
  fc.record({ kind: fc.constant('opener' as const), at: index }),
  fc.record({ kind: fc.constant('paste' as const), at: index }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

function $pick(at: number): LexicalNode | null {
  const children = $getRoot().getChildren();
  return children.length === 0 ? null : (children[at % children.length] ?? null);
}

function $newBlock(edit: Extract<Edit, { kind: 'insert' }>): ElementNode {
  const content = $text(`${edit.block.toLowerCase()}${edit.at}`);
  switch (edit.block) {
    case 'PP':
      return $createPreambularParagraphNode().append($createOpenerNode('Recalling'), content);
    case 'OP':
      return $createOperativeParagraphNode().append($createOpenerNode('Requests'), content);
    case 'SUB':
      return $createSubparagraphNode(edit.level).append(content);
    case 'P':
      return $createParagraphNode().append(content);
    case 'TITLE':
      return $createTitleNode().append(content);
    case 'SECTION':
      return $createSectionHeadingNode('II', edit.at % 2 === 0).append(content);
    case 'ANNEX-HEADING':
      return $createAnnexHeadingNode('B').append(content);
  }
}

function apply(editor: LexicalEditor, edit: Edit): void {
  if (edit.kind === 'undo') {
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    return;
  }
  if (edit.kind === 'redo') {
    editor.dispatchCommand(REDO_COMMAND, undefined);
    return;
  }
  editor.update(
    () => {
      const target = $pick(edit.kind === 'move' ? edit.from : edit.at);
      switch (edit.kind) {
        case 'insert':
          if (target === null) $getRoot().append($newBlock(edit));
          else target.insertAfter($newBlock(edit));
          break;
        case 'insertInAnnex': {
          const annexNode = $getRoot().getChildren().find($isAnnexNode);
          if (annexNode === undefined) {
            // A stray annex title: the transform builds the annex around it.
            $getRoot().append($createAnnexTitleNode());
          } else {
            const items = annexNode.getChildren();
            items[edit.at % items.length]?.insertAfter(
              edit.heading
                ? $createAnnexHeadingNode('I').append($text(`heading${edit.at}`))
                : $createSubparagraphNode(edit.level).append($text(`item${edit.at}`)),
            );
          }
          break;
        }
        case 'remove':
          target?.remove();
          break;
        case 'move': {
          const destination = $pick(edit.to);
          if (target !== null && destination !== null && !target.is(destination))
            destination.insertAfter(target);
          break;
        }
        case 'level':
          if ($isSubparagraphNode(target)) target.setLevel(edit.level);
          break;
        case 'reference':
          if ($isElementNode(target) && !$isAnnexNode(target) && !$isFootnotesNode(target)) {
            target.append($createFootnoteRefNode(edit.id));
            const footnotes = $getRoot().getChildren().find($isFootnotesNode);
            const known = footnotes
              ?.getChildren()
              .some((n) => $isFootnoteNode(n) && n.getFootnoteId() === edit.id);
            if (!known) $getRoot().append($createFootnoteNode(edit.id).append($text(`source ${edit.id}`)));
          }
          break;
        case 'opener':
          if ($isElementNode(target) && !$isAnnexNode(target) && !$isFootnotesNode(target)) {
            const first = target.getFirstChild();
            if (first === null) target.append($createOpenerNode('Also'));
            else first.insertBefore($createOpenerNode('Also'));
          }
          break;
        case 'paste':
          if ($isElementNode(target) && !$isAnnexNode(target) && !$isFootnotesNode(target)) {
            target.selectEnd();
            $insertNodes([
              $createPreambularParagraphNode().append($createOpenerNode('Noting'), $text(' pasted,')),
              $createOperativeParagraphNode().append($text('pasted;')),
            ]);
          }
          break;
      }
    },
    { discrete: true, tag: HISTORY_PUSH_TAG },
  );
}

/** The invariants, read straight from the state rather than from the transform's code. */
function $checkInvariants(): void {
  const root = $getRoot();
  const code = (node: LexicalNode): string =>
    $isTitleNode(node)
      ? 'T'
      : $isFormulaNode(node)
        ? 'F'
        : $isPreambularParagraphNode(node)
          ? 'P'
          : $isOperativeParagraphNode(node)
            ? 'O'
            : $isSubparagraphNode(node)
              ? 'S'
              : $isAnnexNode(node)
                ? 'A'
                : $isFootnotesNode(node)
                  ? 'N'
                  : $isSectionHeadingNode(node)
                    ? 'H'
                    : '?';
  expect(root.getChildren().map(code).join('')).toMatch(/^TF(PS*)*(OS*)*(H(PS*)*(OS*)*)*A?N?$/);

  // Numbered in order, from 1 again after a heading that restarts the numbering.
  let expected = 0;
  for (const node of root.getChildren()) {
    if ($isSectionHeadingNode(node) && node.getRestartsNumbering()) expected = 0;
    if ($isOperativeParagraphNode(node)) expect(node.getNumber()).toBe(++expected);
  }

  const checkLabels = (children: readonly LexicalNode[]): void => {
    let previous = 0;
    let counters: number[] = [];
    for (const node of children) {
      if (
        $isOperativeParagraphNode(node) ||
        $isPreambularParagraphNode(node) ||
        $isSectionHeadingNode(node)
      ) {
        previous = 0;
        counters = [];
      } else if ($isAnnexHeadingNode(node)) {
        previous = 0;
        counters = counters.slice(0, 1);
      } else if ($isSubparagraphNode(node)) {
        expect(node.getLevel()).toBeLessThanOrEqual(previous + 1);
        counters = counters.slice(0, node.getLevel());
        counters[node.getLevel() - 1] = (counters[node.getLevel() - 1] ?? 0) + 1;
        expect(node.getLabel()).toBe(subparagraphLabel(node.getLevel(), counters[node.getLevel() - 1] ?? 0));
        previous = node.getLevel();
      }
    }
  };
  checkLabels(root.getChildren());
  const annexNode = root.getChildren().find($isAnnexNode);
  if (annexNode !== undefined) {
    const kinds = annexNode.getChildren().map((n) => n.getType());
    expect(kinds[0]).toBe('res-annex-title');
    expect(
      kinds.slice(1).filter((k) => k === 'res-annex-title' || k === 'res-annex-intro').length,
    ).toBeLessThanOrEqual(kinds[1] === 'res-annex-intro' ? 1 : 0);
    checkLabels(annexNode.getChildren());
  }

  // Footnote markers: order of first reference outside the footnote texts.
  const order: string[] = [];
  const refs: { id: string; number: number }[] = [];
  const walk = (node: LexicalNode): void => {
    if ($isFootnoteRefNode(node)) {
      if (!order.includes(node.getFootnoteId())) order.push(node.getFootnoteId());
      refs.push({ id: node.getFootnoteId(), number: node.getNumber() });
    } else if ($isElementNode(node) && !$isFootnotesNode(node)) node.getChildren().forEach(walk);
  };
  walk(root);
  for (const ref of refs) expect(ref.number).toBe(order.indexOf(ref.id) + 1);
  const footnotes = root.getChildren().find($isFootnotesNode);
  if (footnotes !== undefined) {
    // Each text shows the number of its first reference (0 when unreferenced), in that order, unreferenced last.
    const entries = footnotes.getChildren().filter($isFootnoteNode);
    expect(entries.length).toBe(footnotes.getChildrenSize());
    for (const entry of entries) expect(entry.getNumber()).toBe(order.indexOf(entry.getFootnoteId()) + 1);
    const numbers = entries.map((entry) => entry.getNumber() || Infinity);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  }

  // Openers only open preambular and operative paragraphs.
  const checkOpeners = (node: LexicalNode): void => {
    if ($isOpenerNode(node)) {
      const parent = node.getParent();
      expect($isPreambularParagraphNode(parent) || $isOperativeParagraphNode(parent)).toBe(true);
      expect(node.getPreviousSibling()).toBeNull();
    } else if ($isElementNode(node)) node.getChildren().forEach(checkOpeners);
  };
  checkOpeners(root);
}

describe('registerStructureTransforms: any sequence of edits', () => {
  it('leaves numbers, labels, markers and the order of parts right after every update, undo and redo', () => {
    fc.assert(
      fc.property(fc.array(arbEdit, { minLength: 1, maxLength: 25 }), (edits) => {
        const editor = createTestEditor();
        const teardownHistory = registerHistory(editor, createEmptyHistoryState(), 0);
        load(
          editor,
          doc({
            preamble: [{ ...pre('Recalling', 'a:{fn:f1}'), subparagraphs: [sub('b;'), sub('c,')] }],
            operative: [op('Requests', 'the Office:', [sub('x;', [sub('y;')])]), op('Decides', 'z.{fn:f2}')],
            sections: [
              {
                number: 'I',
                heading: 'Oversight',
                preamble: [pre('Noting', 'the report,')],
                operative: [op('Welcomes', 'it;', [], '1'), op('Requests', 'more.', [], '2')],
              },
            ],
            annex: {
              ...annex('Rules', [sub('one.'), sub('two.')]),
              headings: [{ before: 1, number: 'A', heading: 'H' }],
            },
            footnotes: [fn('f1', 'One.'), fn('f2', 'Two.')],
          }),
        );
        for (const edit of edits) {
          apply(editor, edit);
          editor.read($checkInvariants);
        }
        teardownHistory();
      }),
      { numRuns: 200 },
    );
  });
});
