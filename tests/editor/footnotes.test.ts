/**
 * Footnotes in the editor (issue 3), headless: insertion at the caret, the repair that deletes a
 * footnote with its last reference and brings it back with a pasted reference, copies of references,
 * and what the footnote pane reads. The mutation listener that runs the repair needs a page:
 * footnotes.dom.test.ts covers it.
 */
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $getState,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { INSERT_FOOTNOTE_COMMAND } from '../../src/editor/commands.ts';
import { $isFootnoteNode } from '../../src/editor/nodes/FootnoteNode.ts';
import { $createFootnoteRefNode, $isFootnoteRefNode } from '../../src/editor/nodes/FootnoteRefNode.ts';
import { $createPreambularParagraphNode } from '../../src/editor/nodes/PreambularParagraphNode.ts';
import {
  $readFootnoteList,
  $selectFootnoteReference,
  $selectFootnoteText,
} from '../../src/editor/plugins/footnotes/footnoteList.ts';
import { $findFootnoteText, footnoteMissingState } from '../../src/editor/plugins/footnotes/footnoteTree.ts';
import { registerFootnoteCommands } from '../../src/editor/plugins/footnotes/registerFootnotes.ts';
import {
  $renameCopiedFootnoteRefs,
  $repairFootnotes,
  footnoteCacheOf,
} from '../../src/editor/plugins/footnotes/repairFootnotes.ts';
import { fn, op, pre, res } from '../helpers/builders.ts';
import { createTestEditor, load, outline, update } from './testEditor.ts';

const SOURCE = 'United Nations, *Treaty Series*, vol. 2225, No. 39574.';

function draft() {
  return res({
    title: 'T',
    formula: 'The Conference,',
    preamble: [pre('Recalling', 'the Convention,{fn:fn1}'), pre('Noting', 'the report,')],
    operative: [op('Requests', 'the Office to report.')],
    footnotes: [fn('fn1', SOURCE)],
  });
}

function editorWith(doc = draft()): LexicalEditor {
  const editor = createTestEditor();
  load(editor, doc);
  registerFootnoteCommands(editor, footnoteCacheOf(editor));
  return editor;
}

/** The first text node containing `needle`, with the caret put right after (or before) it. */
function $caretAt(needle: string, side: 'after' | 'before' = 'after'): TextNode {
  const visit = (node: LexicalNode): TextNode | null => {
    if ($isTextNode(node) && node.getTextContent().includes(needle)) return node;
    if ($isElementNode(node))
      for (const child of node.getChildren()) {
        const found = visit(child);
        if (found) return found;
      }
    return null;
  };
  const node = visit($getRoot());
  if (node === null) throw new Error(`no text "${needle}"`);
  const at = node.getTextContent().indexOf(needle) + (side === 'after' ? needle.length : 0);
  node.select(at, at);
  return node;
}

function caretIn(editor: LexicalEditor): string {
  return editor.read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return 'none';
    let node: LexicalNode | null = selection.anchor.getNode();
    while (node !== null && !$isFootnoteNode(node) && node.getParent() !== $getRoot())
      node = node.getParent();
    if ($isFootnoteNode(node)) return `footnote ${node.getFootnoteId()}`;
    return node === null ? 'none' : `${node.getType()}: ${node.getTextContent()}`;
  });
}

function keyDown(init: Partial<KeyboardEvent>): KeyboardEvent {
  let prevented = false;
  return {
    key: '',
    code: '',
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    shiftKey: false,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
    ...init,
  } as unknown as KeyboardEvent;
}

describe('INSERT_FOOTNOTE_COMMAND', () => {
  it('inserts a reference at the caret, an empty footnote text, and puts the caret in that text', () => {
    const editor = editorWith();
    update(editor, () => $caretAt('the report'));
    expect(editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, '')).toBe(true);
    expect(caretIn(editor)).toBe('footnote fn2');
    update(editor, () => $getSelection()?.insertText('A/CONF.1/2.'));
    expect(outline(editor)).toContain('PP <Noting> the report^2,');
    expect(outline(editor)).toContain('  2 [fn2] A/CONF.1/2.');
  });

  it('numbers the new footnote by order of appearance, renumbering the ones after it', () => {
    const editor = editorWith(
      res({
        title: 'T',
        formula: 'The Conference,',
        preamble: [pre('Recalling', 'the Convention,')],
        operative: [op('Requests', 'the Office{fn:fn1} to report.')],
        footnotes: [fn('fn1', SOURCE)],
      }),
    );
    update(editor, () => $caretAt('the Convention'));
    editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, 'Resolution 55/25, annex I.');
    expect(outline(editor)).toContain('PP <Recalling> the Convention^1,');
    expect(outline(editor)).toContain('OP 1. <Requests> the Office^2 to report.');
    expect(outline(editor).split('FOOTNOTES\n')[1]).toBe(
      [
        '  1 [fn2] Resolution 55/25, annex I.',
        '  2 [fn1] United Nations, *Treaty Series*, vol. 2225, No. 39574.',
      ].join('\n'),
    );
  });

  it('creates the footnote container in a draft that has none', () => {
    const editor = editorWith(res({ title: 'T', formula: 'F,', preamble: [pre('Noting', 'the report,')] }));
    update(editor, () => $caretAt('report'));
    editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, 'A/1.');
    expect(outline(editor)).toBe(
      ['title: T', 'formula: F,', 'PP <Noting> the report^1,', 'FOOTNOTES', '  1 [fn1] A/1.'].join('\n'),
    );
  });

  it('puts the reference after a selection, keeping the selected words', () => {
    const editor = editorWith();
    update(editor, () => {
      const node = $caretAt('the report', 'before');
      const start = node.getTextContent().indexOf('the report');
      node.select(start + 'the report'.length, start); // selected backwards
    });
    editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, 'A/1.');
    expect(outline(editor)).toContain('PP <Noting> the report^2,');
  });

  it('refuses inside a footnote text, which cannot carry a footnote', () => {
    const editor = editorWith();
    update(editor, () => $findFootnoteText('fn1')?.selectEnd());
    const before = outline(editor);
    expect(editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, 'x')).toBe(false);
    expect(outline(editor)).toBe(before);
  });

  it('does not give a new footnote the id of a removed one whose reference may be pasted back', () => {
    const editor = editorWith();
    footnoteCacheOf(editor).set('fn2', { content: [], printedNumber: null, resolved: null });
    update(editor, () => $caretAt('the report'));
    editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, 'A/1.');
    expect(outline(editor)).toContain('[fn3] A/1.');
  });

  it('is dispatched by Ctrl+Alt+F, and not by Ctrl+F', () => {
    const editor = editorWith();
    update(editor, () => $caretAt('the report'));
    const find = keyDown({ key: 'f', code: 'KeyF', ctrlKey: true });
    editor.dispatchCommand(KEY_DOWN_COMMAND, find);
    expect(find.defaultPrevented).toBe(false);
    expect(outline(editor)).not.toContain('[fn2]');
    const footnote = keyDown({ key: 'ƒ', code: 'KeyF', ctrlKey: true, altKey: true });
    editor.dispatchCommand(KEY_DOWN_COMMAND, footnote);
    expect(footnote.defaultPrevented).toBe(true);
    expect(caretIn(editor)).toBe('footnote fn2');
  });
});

describe('$repairFootnotes', () => {
  it('removes the text of a footnote whose last reference left, keeping it in the cache', () => {
    const editor = editorWith();
    const cache = footnoteCacheOf(editor);
    update(editor, () => {
      const ref = $collect($isFootnoteRefNode)[0];
      ref?.remove();
      $repairFootnotes(cache, ['fn1']);
    });
    expect(outline(editor)).not.toContain('FOOTNOTES');
    expect(cache.get('fn1')?.content).toEqual([
      { type: 'text', text: 'United Nations, ' },
      { type: 'text', text: 'Treaty Series', italic: true },
      { type: 'text', text: ', vol. 2225, No. 39574.' },
    ]);
  });

  it('keeps the text while another reference to it remains', () => {
    const editor = editorWith(
      res({
        title: 'T',
        formula: 'F,',
        preamble: [pre('Recalling', 'the Convention,{fn:fn1}')],
        operative: [op('Urges', 'parties to the Convention{fn:fn1} to act.')],
        footnotes: [fn('fn1', SOURCE)],
      }),
    );
    update(editor, () => {
      $collect($isFootnoteRefNode)[0]?.remove();
      expect($repairFootnotes(footnoteCacheOf(editor), ['fn1'])).toEqual({ remove: [], restore: [] });
    });
    expect(outline(editor)).toContain('  1 [fn1] United Nations');
  });

  it('gives a reference that comes back its cached text, italics and resolved source included', () => {
    const editor = editorWith(
      res({
        title: 'T',
        formula: 'F,',
        preamble: [pre('Recalling', 'the Convention,{fn:fn1}'), pre('Noting', 'the report,')],
        footnotes: [fn('fn1', 'Ibid.', 'United Nations, Treaty Series, vol. 2225, No. 39574.')],
      }),
    );
    const cache = footnoteCacheOf(editor);
    update(editor, () => {
      $collect($isFootnoteRefNode)[0]?.remove();
      $repairFootnotes(cache, ['fn1']);
    });
    update(editor, () => {
      $caretAt('the report');
      $getSelection()?.insertNodes([$createFootnoteRefNode('fn1')]);
      expect($repairFootnotes(cache)).toEqual({ remove: [], restore: ['fn1'] });
    });
    expect(outline(editor)).toContain('PP <Noting> the report^1,');
    expect(outline(editor)).toContain('  1 [fn1] Ibid.');
    editor.read(() => {
      expect($findFootnoteText('fn1')?.getResolved()).toBe(
        'United Nations, Treaty Series, vol. 2225, No. 39574.',
      );
    });
  });

  it('creates an empty text marked missing for a reference whose text is nowhere', () => {
    const editor = editorWith();
    update(editor, () => {
      $caretAt('the report');
      $getSelection()?.insertNodes([$createFootnoteRefNode('fn9')]);
      $repairFootnotes(footnoteCacheOf(editor));
    });
    expect(outline(editor)).toContain('  2 [fn9] ');
    editor.read(() => {
      const text = $findFootnoteText('fn9');
      expect(text !== null && $getState(text, footnoteMissingState)).toBe(true);
      expect($getState($findFootnoteText('fn1')!, footnoteMissingState)).toBe(false);
    });
  });

  it('leaves alone an unreferenced text that no lost reference pointed at', () => {
    const editor = editorWith(
      res({
        title: 'T',
        formula: 'F,',
        preamble: [pre('Noting', 'the report,')],
        footnotes: [fn('fn1', SOURCE)],
      }),
    );
    update(editor, () =>
      expect($repairFootnotes(footnoteCacheOf(editor), [])).toEqual({ remove: [], restore: [] }),
    );
    expect(outline(editor)).toContain('  0 [fn1] United Nations');
  });
});

describe('$renameCopiedFootnoteRefs', () => {
  it('makes a pasted copy of a reference still in the text a new footnote with the same text', () => {
    const editor = editorWith();
    update(editor, () => {
      const copy = $createFootnoteRefNode('fn1');
      $renameCopiedFootnoteRefs(
        [$createPreambularParagraphNode().append($createTextNode('x'), copy)],
        footnoteCacheOf(editor),
      );
      expect(copy.getFootnoteId()).toBe('fn2');
      $caretAt('the report');
      $getSelection()?.insertNodes([copy]);
    });
    expect(outline(editor)).toContain('PP <Noting> the report^2,');
    expect(outline(editor)).toContain('  2 [fn2] United Nations, *Treaty Series*, vol. 2225, No. 39574.');
  });

  it('leaves the id of a reference whose original left the text (a cut), for the repair to restore', () => {
    const editor = editorWith();
    update(editor, () => {
      $collect($isFootnoteRefNode)[0]?.remove();
      const moved = $createFootnoteRefNode('fn1');
      $renameCopiedFootnoteRefs([moved], footnoteCacheOf(editor));
      expect(moved.getFootnoteId()).toBe('fn1');
    });
  });
});

describe('the footnote pane', () => {
  it('reads the footnotes in order with their numbers and texts', () => {
    const editor = editorWith(
      res({
        title: 'T',
        formula: 'F,',
        preamble: [pre('Recalling', 'the Convention,{fn:b}')],
        operative: [op('Requests', 'the Office{fn:a} to report.')],
        footnotes: [fn('a', 'A/1.'), fn('b', SOURCE)],
      }),
    );
    expect(editor.read($readFootnoteList)).toEqual([
      { id: 'b', number: 1, text: 'United Nations, Treaty Series, vol. 2225, No. 39574.', missing: false },
      { id: 'a', number: 2, text: 'A/1.', missing: false },
    ]);
  });

  it('puts the caret at the end of a footnote text, and right after its reference', () => {
    const editor = editorWith();
    update(editor, () => $selectFootnoteText('fn1'));
    expect(caretIn(editor)).toBe('footnote fn1');
    update(editor, () => $selectFootnoteReference('fn1'));
    editor.read(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || !selection.isCollapsed()) throw new Error('no caret');
      const { anchor } = selection;
      const node = anchor.getNode();
      // The reference ends its paragraph: the caret is the paragraph's end, just after it.
      const before = $isElementNode(node) ? node.getChildAtIndex(anchor.offset - 1) : null;
      expect($isFootnoteRefNode(before) && before.getFootnoteId()).toBe('fn1');
    });
  });
});

function $collect<T extends LexicalNode>(is: (node: LexicalNode) => node is T): T[] {
  const out: T[] = [];
  const visit = (node: LexicalNode): void => {
    if (is(node)) out.push(node);
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return out;
}
