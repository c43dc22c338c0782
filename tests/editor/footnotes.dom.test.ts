/**
 * @vitest-environment happy-dom
 *
 * Footnotes deleted with their reference and moved with their text: the repair runs from a
 * mutation listener, and Lexical reports mutations only when it reconciles a DOM, so these tests
 * give the editor a root element (happy-dom, which @lexical/headless already brings).
 */
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isTextNode,
  UNDO_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import { $createFootnoteRefNode, $isFootnoteRefNode } from '../../src/editor/nodes/FootnoteRefNode.ts';
import { $findFootnoteText } from '../../src/editor/plugins/footnotes/footnoteTree.ts';
import {
  MISSING_FOOTNOTE_CLASS,
  registerFootnotes,
} from '../../src/editor/plugins/footnotes/registerFootnotes.ts';
import { registerStructureTransforms } from '../../src/editor/transforms/structure.ts';
import { fn, op, pre, res } from '../helpers/builders.ts';
import { editorInPage, outline } from './testEditor.ts';

const SOURCE = 'United Nations, *Treaty Series*, vol. 2225, No. 39574.';
const teardowns: (() => void)[] = [];

afterEach(() => {
  teardowns.splice(0).forEach((teardown) => teardown());
  document.body.innerHTML = '';
});

/** An editor in a page, with history, transforms and the footnotes plugin, holding a small draft. */
function pageEditor(): { editor: LexicalEditor; root: HTMLElement } {
  const { editor, root } = editorInPage(teardowns);
  teardowns.push(
    registerHistory(editor, createEmptyHistoryState(), 0),
    registerStructureTransforms(editor),
    registerFootnotes(editor),
  );
  editor.update(
    () =>
      $importResolution(
        res({
          title: 'T',
          formula: 'The Conference,',
          preamble: [pre('Recalling', 'the Convention,{fn:fn1}'), pre('Noting', 'the report,')],
          operative: [op('Requests', 'the Office to report.')],
          footnotes: [fn('fn1', SOURCE)],
        }),
      ),
    { discrete: true },
  );
  return { editor, root };
}

/** Lets the repair, scheduled by the mutation listener, commit. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function change(editor: LexicalEditor, fn: () => void): Promise<void> {
  editor.update(fn, { discrete: true });
  return settle();
}

function $textNode(needle: string): TextNode {
  const visit = (node: LexicalNode): TextNode | null => {
    if ($isTextNode(node) && node.getTextContent().includes(needle)) return node;
    if ($isElementNode(node))
      for (const child of node.getChildren()) {
        const found = visit(child);
        if (found) return found;
      }
    return null;
  };
  const found = visit($getRoot());
  if (found === null) throw new Error(`no text "${needle}"`);
  return found;
}

function $caretAfter(needle: string): void {
  const node = $textNode(needle);
  const at = node.getTextContent().indexOf(needle) + needle.length;
  node.select(at, at);
}

function $removeRef(id: string): void {
  const visit = (node: LexicalNode): void => {
    if ($isFootnoteRefNode(node) && node.getFootnoteId() === id) node.remove();
    else if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
}

describe('footnotes deleted with their reference', () => {
  it('removes the text when the paragraph holding the only reference is deleted', async () => {
    const { editor } = pageEditor();
    await change(editor, () => $textNode('the Convention').getParentOrThrow().remove());
    expect(outline(editor)).not.toContain('FOOTNOTES');
  });

  it('brings back the reference and its text together with one undo', async () => {
    const { editor } = pageEditor();
    const before = outline(editor);
    await change(editor, () => $textNode('the Convention').getParentOrThrow().remove());
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await settle();
    expect(outline(editor)).toBe(before);
  });

  it('keeps the text while another reference to the footnote remains', async () => {
    const { editor } = pageEditor();
    await change(editor, () => {
      $caretAfter('the report');
      $getSelection()?.insertNodes([$createFootnoteRefNode('fn1')]);
    });
    await change(editor, () => $textNode('the Convention').getParentOrThrow().remove());
    expect(outline(editor)).toContain('PP <Noting> the report^1,');
    expect(outline(editor)).toContain('  1 [fn1] United Nations, *Treaty Series*, vol. 2225, No. 39574.');
  });
});

describe('footnotes moved with their text', () => {
  it('restores the text when a cut reference is pasted back elsewhere', async () => {
    const { editor } = pageEditor();
    await change(editor, () => $removeRef('fn1'));
    expect(outline(editor)).not.toContain('FOOTNOTES');
    await change(editor, () => {
      $caretAfter('the Office');
      $getSelection()?.insertNodes([$createFootnoteRefNode('fn1')]);
    });
    expect(outline(editor)).toContain('OP 1. <Requests> the Office^1 to report.');
    expect(outline(editor)).toContain('  1 [fn1] United Nations, *Treaty Series*, vol. 2225, No. 39574.');
  });

  it('leaves the text in place when the reference leaves and comes back in one update (a drag)', async () => {
    const { editor } = pageEditor();
    const key = editor.read(() => $findFootnoteText('fn1')?.getKey());
    await change(editor, () => {
      $removeRef('fn1');
      $caretAfter('the Office');
      $getSelection()?.insertNodes([$createFootnoteRefNode('fn1')]);
    });
    expect(editor.read(() => $findFootnoteText('fn1')?.getKey())).toBe(key);
    expect(outline(editor)).toContain('OP 1. <Requests> the Office^1 to report.');
  });

  it('gives a reference with no text anywhere an empty text the page marks, until it is typed', async () => {
    const { editor, root } = pageEditor();
    await change(editor, () => {
      $caretAfter('the report');
      $getSelection()?.insertNodes([$createFootnoteRefNode('fn7')]);
    });
    const marked = (): Element | null => root.querySelector(`[data-footnote-id="fn7"].res-footnote`);
    expect(marked()?.classList.contains(MISSING_FOOTNOTE_CLASS)).toBe(true);
    expect(marked()?.getAttribute('data-warning')).toMatch(/lost/);
    await change(editor, () => {
      $findFootnoteText('fn7')?.selectEnd();
      $getSelection()?.insertText('A/CONF.1/2.');
    });
    expect(marked()?.classList.contains(MISSING_FOOTNOTE_CLASS)).toBe(false);
    expect(marked()?.hasAttribute('data-warning')).toBe(false);
  });
});

describe('Ctrl+Alt+F in the page', () => {
  it('inserts a footnote at the caret and one undo takes away reference and text', async () => {
    const { editor, root } = pageEditor();
    const before = outline(editor);
    await change(editor, () => $caretAfter('the report'));
    const event = new KeyboardEvent('keydown', {
      key: 'f',
      code: 'KeyF',
      ctrlKey: true,
      altKey: true,
      bubbles: true,
      cancelable: true,
    });
    root.dispatchEvent(event);
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(outline(editor)).toContain('PP <Noting> the report^2,');
    expect(root.querySelector('sup.res-fnref[data-footnote-id="fn2"]')?.textContent).toBe('2');
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await settle();
    expect(outline(editor)).toBe(before);
  });
});
