import { withDOM } from '@lexical/headless/dom';
import { $generateHtmlFromNodes } from '@lexical/html';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  IS_BOLD,
  IS_ITALIC,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createFootnoteNode, $isFootnoteNode } from '../../src/editor/nodes/FootnoteNode.ts';
import { $createFootnoteRefNode, $isFootnoteRefNode } from '../../src/editor/nodes/FootnoteRefNode.ts';
import { $createOpenerNode, $isOpenerNode } from '../../src/editor/nodes/OpenerNode.ts';
import {
  $createOperativeParagraphNode,
  $isOperativeParagraphNode,
} from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { $createPreambularParagraphNode } from '../../src/editor/nodes/PreambularParagraphNode.ts';
import { $createReferenceNode, $isReferenceNode } from '../../src/editor/nodes/ReferenceNode.ts';
import { ResolutionNodes } from '../../src/editor/nodes/registry.ts';
import { $createSubparagraphNode, $isSubparagraphNode } from '../../src/editor/nodes/SubparagraphNode.ts';
import { annex, fn, op, pre, res, sub } from '../helpers/builders.ts';
import { createTestEditor, load, outline, update } from './testEditor.ts';

const config: EditorConfig = { namespace: 'test', theme: {} };

/** A document that uses every node. */
const everything = res({
  title: 'Implementation of the Convention',
  preamble: [pre('Recalling', 'the *United Nations* Convention,{fn:f1}')],
  operative: [
    op('Requests', 'the Office:', [sub('to report;', [sub('yearly;')]), sub('to assist.')]),
    op('Decides', 'to remain seized of the matter.{fn:f2}'),
  ],
  annex: annex('Recommendations', [sub('States should act.')], 'The Conference recommends:'),
  footnotes: [
    fn('f1', 'United Nations, *Treaty Series*, vol. 2225, No. 39574.', undefined, 12),
    fn('f2', 'Ibid.', 'vol. 2225'),
  ],
});

function html(editor: LexicalEditor): HTMLElement {
  return withDOM((window) => {
    const container = window.document.createElement('div');
    container.innerHTML = editor.read(() => $generateHtmlFromNodes(editor, null));
    return container as unknown as HTMLElement;
  });
}

describe('ResolutionNodes', () => {
  it('registers every resolution node under its own res-* type', () => {
    const types = ResolutionNodes.map((klass) => klass.getType());
    expect(new Set(types).size).toBe(types.length);
    expect(types.every((type) => type.startsWith('res-'))).toBe(true);
    expect(types).toEqual(
      expect.arrayContaining([
        'res-title',
        'res-formula',
        'res-preambular',
        'res-operative',
        'res-sub',
        'res-opener',
      ]),
    );
  });

  it('serializes every node to JSON and back without losing a property', () => {
    const editor = createTestEditor();
    load(editor, everything);
    const json = editor.getEditorState().toJSON();
    const restored = createTestEditor({ transforms: false });
    restored.setEditorState(restored.parseEditorState(json));
    expect(restored.getEditorState().toJSON()).toEqual(json);
    expect(outline(restored)).toBe(outline(editor));
  });

  it('writes the derived and identifying fields into the JSON', () => {
    const editor = createTestEditor();
    load(editor, everything);
    const text = JSON.stringify(editor.getEditorState().toJSON());
    expect(text).toContain('"type":"res-operative"');
    expect(text).toMatch(/"number":2[,}]/);
    expect(text).toContain('"label":"(i)"');
    expect(text).toContain('"footnoteId":"f2"');
    expect(text).toContain('"printedNumber":12');
    expect(text).toContain('"resolved":"vol. 2225"');
  });

  it('keeps its fields when Lexical clones a node to write to it', () => {
    const editor = createTestEditor({ transforms: false });
    update(editor, () => {
      $getRoot().append(
        $createSubparagraphNode(2).setLabel('(iv)'),
        $createOperativeParagraphNode().setNumber(7),
      );
    });
    update(editor, () => {
      const [subparagraph, paragraph] = $getRoot().getChildren();
      if (!$isSubparagraphNode(subparagraph) || !$isOperativeParagraphNode(paragraph))
        throw new Error('setup');
      subparagraph.append($createTextNode('x')); // clones the node through getWritable()
      paragraph.append($createTextNode('y'));
    });
    editor.read(() => {
      const [subparagraph, paragraph] = $getRoot().getChildren();
      expect($isSubparagraphNode(subparagraph) && [subparagraph.getLevel(), subparagraph.getLabel()]).toEqual(
        [2, '(iv)'],
      );
      expect($isOperativeParagraphNode(paragraph) && paragraph.getNumber()).toBe(7);
    });
  });
});

describe('createDOM and updateDOM', () => {
  it('renders an operative paragraph with its number as a data attribute, and updates it in place', () => {
    const editor = createTestEditor({ transforms: false });
    update(editor, () => $getRoot().append($createOperativeParagraphNode().setNumber(3)));
    withDOM(() =>
      update(editor, () => {
        const before = $getRoot().getFirstChildOrThrow();
        if (!$isOperativeParagraphNode(before)) throw new Error('setup');
        const dom = before.createDOM(config);
        expect([dom.tagName, dom.className, dom.getAttribute('data-number')]).toEqual([
          'P',
          'res-operative',
          '3',
        ]);
        const after = before.setNumber(4);
        expect(after.updateDOM(before, dom)).toBe(false);
        expect(dom.getAttribute('data-number')).toBe('4');
      }),
    );
  });

  it('renders a subparagraph with its level and label', () => {
    const editor = createTestEditor({ transforms: false });
    update(editor, () => $getRoot().append($createSubparagraphNode(2).setLabel('(ii)')));
    withDOM(() =>
      update(editor, () => {
        const before = $getRoot().getFirstChildOrThrow();
        if (!$isSubparagraphNode(before)) throw new Error('setup');
        const dom = before.createDOM(config);
        expect([dom.className, dom.getAttribute('data-level'), dom.getAttribute('data-label')]).toEqual([
          'res-sub',
          '2',
          '(ii)',
        ]);
        const after = before.setLabel('(iii)');
        expect(after.updateDOM(before, dom)).toBe(false);
        expect(dom.getAttribute('data-label')).toBe('(iii)');
      }),
    );
  });

  it('renders a footnote reference as a non-editable superscript number', () => {
    const editor = createTestEditor({ transforms: false });
    update(editor, () =>
      $getRoot().append($createPreambularParagraphNode().append($createFootnoteRefNode('f1').setNumber(2))),
    );
    withDOM(() =>
      update(editor, () => {
        const before = $getRoot().getFirstDescendant();
        if (!$isFootnoteRefNode(before)) throw new Error('setup');
        const dom = before.createDOM(config);
        expect([
          dom.tagName,
          dom.textContent,
          dom.getAttribute('data-footnote-id'),
          dom.contentEditable,
        ]).toEqual(['SUP', '2', 'f1', 'false']);
        before.setNumber(5).updateDOM(before, dom);
        expect(dom.textContent).toBe('5');
      }),
    );
  });

  it('renders an opener as italic text with the class "opener"', () => {
    const editor = createTestEditor({ transforms: false });
    update(editor, () =>
      $getRoot().append($createPreambularParagraphNode().append($createOpenerNode('Recalling'))),
    );
    withDOM(() =>
      editor.read(() => {
        const opener = $getRoot().getFirstDescendant();
        if (!$isOpenerNode(opener)) throw new Error('setup');
        const dom = opener.createDOM(config);
        expect(dom.classList.contains('opener')).toBe(true);
        expect(dom.tagName).toBe('EM');
        expect(dom.textContent).toBe('Recalling');
      }),
    );
  });
});

describe('exportDOM (copied HTML)', () => {
  it('carries semantic classes, and numbers and labels as text for other applications', () => {
    const editor = createTestEditor();
    load(editor, everything);
    const dom = html(editor);
    const first = dom.querySelector('p.res-operative');
    expect(first?.getAttribute('data-number')).toBe('1');
    expect(first?.querySelector('.res-number')?.textContent).toBe('1. ');
    expect(dom.querySelector('p.res-sub[data-label="(i)"] .res-label')?.textContent).toBe('(i) ');
    expect(dom.querySelector('p.res-preambular .opener')?.textContent).toBe('Recalling');
    expect(dom.querySelector('sup.res-fnref[data-footnote-id="f2"]')?.textContent).toBe('2');
    expect(dom.querySelector('section.res-annex h2.res-annex-title')?.textContent).toBe('Recommendations');
    expect(
      dom.querySelector('section.res-footnotes p.res-footnote[data-footnote-id="f1"] sup')?.textContent,
    ).toBe('1');
  });
});

describe('OpenerNode', () => {
  it('stays italic and nothing else, whatever formatting is applied to it', () => {
    const editor = createTestEditor({ transforms: false });
    update(editor, () =>
      $getRoot().append($createPreambularParagraphNode().append($createOpenerNode('Noting'))),
    );
    update(editor, () => {
      const opener = $getRoot().getFirstDescendant();
      if ($isOpenerNode(opener)) opener.setFormat(IS_BOLD);
    });
    editor.read(() => {
      const opener = $getRoot().getFirstDescendant();
      expect($isOpenerNode(opener) && opener.getFormat()).toBe(IS_ITALIC);
    });
  });

  it('is never merged into the plain text that follows it', () => {
    const editor = createTestEditor();
    update(editor, () =>
      $getRoot().append(
        $createPreambularParagraphNode().append(
          $createOpenerNode('Recalling'),
          $createTextNode(' its resolution 5/1,'),
        ),
      ),
    );
    expect(outline(editor)).toContain('PP <Recalling> its resolution 5/1,');
  });
});

describe('FootnoteRefNode', () => {
  it('adds nothing to the text of its paragraph', () => {
    const editor = createTestEditor();
    load(
      editor,
      res({ preamble: [pre('Recalling', 'the Convention,{fn:f1}')], footnotes: [fn('f1', 'Source.')] }),
    );
    editor.read(() => {
      const paragraph = $getRoot().getChildAtIndex(2);
      expect(paragraph?.getTextContent()).toBe('Recalling the Convention,');
    });
  });
});

describe('ReferenceNode', () => {
  it('wraps the text of a mention inline, and typing at its edges writes outside it', () => {
    const editor = createTestEditor();
    update(editor, () => {
      const mention = $createReferenceNode('instrument', 'untoc').append($createTextNode('the Convention'));
      $getRoot().append($createPreambularParagraphNode().append($createTextNode('Recalling '), mention));
      mention.selectEnd();
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertText(',');
    });
    expect(outline(editor)).toContain('PP Recalling [the Convention],');
    editor.read(() => {
      const paragraph = $getRoot().getChildAtIndex(2);
      const mention = $isElementNode(paragraph) ? paragraph.getChildren().find($isReferenceNode) : undefined;
      expect(mention && [mention.getRefKind(), mention.getRefId()]).toEqual(['instrument', 'untoc']);
    });
  });
});

describe('Enter (insertNewAfter)', () => {
  /** Puts the caret at the end of the block `pick` returns and presses Enter. */
  function pressEnterAtEndOf(
    editor: LexicalEditor,
    pick: (blocks: LexicalNode[]) => LexicalNode | undefined,
  ): void {
    update(editor, () => {
      const block = pick($getRoot().getChildren());
      if (!$isElementNode(block)) throw new Error('no such block');
      block.selectEnd();
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertParagraph();
    });
  }

  it('continues an operative paragraph with the next operative paragraph', () => {
    const editor = createTestEditor();
    load(
      editor,
      res({
        title: 'T',
        formula: 'F,',
        operative: [op('Requests', 'the Office;'), op('Decides', 'to continue.')],
      }),
    );
    pressEnterAtEndOf(editor, (blocks) => blocks[2]);
    expect(outline(editor)).toBe(
      [
        'title: T',
        'formula: F,',
        'OP 1. <Requests> the Office;',
        'OP 2. ',
        'OP 3. <Decides> to continue.',
      ].join('\n'),
    );
  });

  it('continues a subparagraph at the same level', () => {
    const editor = createTestEditor();
    load(editor, res({ operative: [op('Requests', 'the Office:', [sub('to act;', [sub('now;')])])] }));
    pressEnterAtEndOf(editor, (blocks) => blocks[4]);
    expect(outline(editor)).toContain('    (i) now;\n    (ii) ');
  });

  it('starts a preambular paragraph from the title, placed below the formula', () => {
    const editor = createTestEditor();
    load(editor, res({ title: 'T', formula: 'F,', preamble: [pre('Recalling', 'x,')] }));
    pressEnterAtEndOf(editor, (blocks) => blocks[0]);
    expect(outline(editor)).toBe(['title: T', 'formula: F,', 'PP ', 'PP <Recalling> x,'].join('\n'));
  });

  it('starts the preamble after the enacting formula', () => {
    const editor = createTestEditor();
    load(editor, res({ title: 'T', formula: 'F,', preamble: [pre('Recalling', 'x,')] }));
    pressEnterAtEndOf(editor, (blocks) => blocks[1]);
    expect(outline(editor)).toBe(['title: T', 'formula: F,', 'PP ', 'PP <Recalling> x,'].join('\n'));
  });

  it('starts a new footnote text with a fresh id', () => {
    const editor = createTestEditor();
    load(editor, res({ preamble: [pre('Recalling', 'x,{fn:fn1}')], footnotes: [fn('fn1', 'Source.')] }));
    update(editor, () => {
      const footnotes = $getRoot().getLastChild();
      const entry = $isElementNode(footnotes) ? footnotes.getFirstChild() : null;
      if (!$isElementNode(entry)) throw new Error('setup');
      entry.selectEnd();
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertParagraph();
    });
    expect(outline(editor)).toMatch(/FOOTNOTES\n {2}1 \[fn1\] Source\.\n {2}0 \[fn2\] $/);
  });
});

describe('$createFootnoteNode', () => {
  it('creates a footnote text that remembers its printed number and resolved source', () => {
    const editor = createTestEditor({ transforms: false });
    update(editor, () =>
      $getRoot().append($createFootnoteNode('f9').setPrintedNumber(16).setResolved('vol. 2225')),
    );
    editor.read(() => {
      const entry = $getRoot().getFirstChild();
      expect(
        $isFootnoteNode(entry) && [entry.getFootnoteId(), entry.getPrintedNumber(), entry.getResolved()],
      ).toEqual(['f9', 16, 'vol. 2225']);
    });
  });
});

describe('$isOperativeParagraphNode', () => {
  it('accepts an operative paragraph and nothing else', () => {
    const editor = createTestEditor({ transforms: false });
    update(editor, () => {
      expect($isOperativeParagraphNode($createOperativeParagraphNode())).toBe(true);
      expect($isOperativeParagraphNode($createPreambularParagraphNode())).toBe(false);
      expect($isOperativeParagraphNode($createSubparagraphNode(1))).toBe(false);
      expect($isOperativeParagraphNode(null)).toBe(false);
    });
  });
});
