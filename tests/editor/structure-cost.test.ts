/**
 * The structure repairs walk the whole document; they must run on every structural change and not on
 * plain typing, which would make a keystroke cost a walk of every paragraph (issue 3, "Speed").
 */
import { describe, expect, it, vi } from 'vitest';
import { $createTextNode, $getRoot, ElementNode, type TextNode } from 'lexical';
import { createHeadlessEditor } from '@lexical/headless';
import { ResolutionNodes } from '../../src/editor/nodes/registry.ts';
import * as structure from '../../src/editor/transforms/structure.ts';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import {
  $createOperativeParagraphNode,
  $isOperativeParagraphNode,
} from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { $isSubparagraphNode } from '../../src/editor/nodes/SubparagraphNode.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { op, pre, res, sub } from '../helpers/builders.ts';

const DOC = res({
  title: 'T',
  preamble: [pre('Recalling', 'the report,')],
  operative: [op('Requests', 'the Office;'), op('Decides', 'to act.')],
});

/** A headless editor holding `doc`, with the structure transforms registered. */
function setup(doc: ResolutionDocument = DOC) {
  const editor = createHeadlessEditor({
    nodes: [...ResolutionNodes],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(() => $importResolution(doc), { discrete: true });
  structure.registerStructureTransforms(editor);
  return editor;
}

function numbers(editor: ReturnType<typeof setup>): string[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .flatMap((n) =>
        n.getType() === 'res-operative'
          ? [String((n as unknown as { getNumber(): number }).getNumber())]
          : [],
      ),
  );
}

describe('the structure transform', () => {
  it('does not walk the document when only text inside a paragraph changes', () => {
    const editor = setup();
    const spy = vi.spyOn(structure, '$normalizeResolution');
    editor.update(
      () => {
        const paragraph = $getRoot().getChildren()[3] as ElementNode;
        const text = paragraph.getLastDescendant() as TextNode;
        text.setTextContent(`${text.getTextContent()} more words`);
      },
      { discrete: true },
    );
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('renumbers when a paragraph is inserted, removed or moved', () => {
    const editor = setup();
    expect(numbers(editor)).toEqual(['1', '2']);
    editor.update(
      () => {
        $getRoot()
          .getChildren()[3]
          ?.insertBefore($createOperativeParagraphNode().append($createTextNode('Urges States;')));
      },
      { discrete: true },
    );
    expect(numbers(editor)).toEqual(['1', '2', '3']);
    editor.update(() => $getRoot().getChildren()[4]?.remove(), { discrete: true });
    expect(numbers(editor)).toEqual(['1', '2']);
    editor.update(
      () => {
        const [, , , a, b] = $getRoot().getChildren();
        if (a && b) b.insertBefore(a);
      },
      { discrete: true },
    );
    expect(numbers(editor)).toEqual(['1', '2']);
  });

  it('does not even walk the tree to hash it when only text changes', () => {
    const editor = setup();
    const type = (): void =>
      editor.update(
        () => {
          const text = ($getRoot().getChildren()[3] as ElementNode).getLastDescendant() as TextNode;
          text.setTextContent(`${text.getTextContent()} more`);
        },
        { discrete: true },
      );
    type();
    // Calls made by the structure code itself (Lexical reads the tree for its own reasons too).
    let reads = 0;
    const firstChild = ElementNode.prototype.getFirstChild;
    const walk = vi.spyOn(ElementNode.prototype, 'getFirstChild').mockImplementation(function (
      this: ElementNode,
    ) {
      if (new Error().stack?.includes('transforms/structure')) reads += 1;
      return firstChild.call(this);
    });
    type();
    walk.mockRestore();
    // Only the root's own first child (its shape); a walk reads every block's: five here.
    expect(reads).toBeLessThanOrEqual(1);
  });

  /** Counts the structure code's own reads of a first child while `run` runs. */
  function reads(run: () => void): number {
    let count = 0;
    const firstChild = ElementNode.prototype.getFirstChild;
    const walk = vi.spyOn(ElementNode.prototype, 'getFirstChild').mockImplementation(function (
      this: ElementNode,
    ) {
      if (new Error().stack?.includes('transforms/structure')) count += 1;
      return firstChild.call(this);
    });
    try {
      run();
    } finally {
      walk.mockRestore();
    }
    return count;
  }

  /** The update the transforms' registration leaves pending (it writes every node once) is run. */
  function settled(doc: ResolutionDocument = DOC): ReturnType<typeof setup> {
    const editor = setup(doc);
    editor.update(() => undefined, { discrete: true });
    return editor;
  }

  it('reads only the written block when an element is written and the structure is as it was', () => {
    const editor = settled();
    const spy = vi.spyOn(structure, '$normalizeResolution');
    // A run added to a paragraph, as the first letter typed into a new one adds its text.
    const count = reads(() =>
      editor.update(
        () => {
          const paragraph = $getRoot().getChildren()[3] as ElementNode;
          paragraph.append($createTextNode(' and more'));
        },
        { discrete: true },
      ),
    );
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    // The root's first child (its shape) and the paragraph's; the whole tree is five blocks.
    expect(count).toBeLessThanOrEqual(2);
  });

  it('hashes the whole tree again once a block is inserted', () => {
    const editor = settled();
    const count = reads(() =>
      editor.update(
        () => {
          $getRoot()
            .getChildren()[3]
            ?.insertAfter($createOperativeParagraphNode().append($createTextNode('Urges States;')));
        },
        { discrete: true },
      ),
    );
    expect(count).toBeGreaterThanOrEqual(5);
    expect(numbers(editor)).toEqual(['1', '2', '3']);
  });

  it('renumbers two paragraphs that change places in the middle of the operative part', () => {
    const editor = settled(
      res({
        title: 'T',
        preamble: [pre('Recalling', 'the report,')],
        operative: ['A', 'B', 'C', 'D'].map((text) => op('Requests', `${text};`)),
      }),
    );
    const byText = (): string[] =>
      editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .filter($isOperativeParagraphNode)
          .map((n) => `${n.getNumber()} ${n.getTextContent()}`),
      );
    expect(byText()).toEqual(['1 Requests A;', '2 Requests B;', '3 Requests C;', '4 Requests D;']);
    editor.update(
      () => {
        const [, b, c] = $getRoot().getChildren().filter($isOperativeParagraphNode);
        if (b && c) c.insertAfter(b);
      },
      { discrete: true },
    );
    expect(byText()).toEqual(['1 Requests A;', '2 Requests C;', '3 Requests B;', '4 Requests D;']);
  });

  it('relabels the subparagraphs after one whose level changes', () => {
    const editor = settled(
      res({
        title: 'T',
        operative: [op('Requests', 'the Office:', [sub('to report;'), sub('to act;'), sub('to inform.')])],
      }),
    );
    const labels = (): string[] =>
      editor.getEditorState().read(() =>
        $getRoot()
          .getAllTextNodes()
          .map((n) => n.getParent())
          .filter($isSubparagraphNode)
          .filter((n, i, all) => all.indexOf(n) === i)
          .map((n) => n.getLabel()),
      );
    expect(labels()).toEqual(['(a)', '(b)', '(c)']);
    editor.update(
      () => {
        const middle = $getRoot()
          .getAllTextNodes()
          .map((n) => n.getParent())
          .find((n) => $isSubparagraphNode(n) && n.getTextContent().includes('to act'));
        if ($isSubparagraphNode(middle)) middle.setLevel(2);
      },
      { discrete: true },
    );
    expect(labels()).toEqual(['(a)', '(i)', '(b)']);
  });

  it('still repairs when every block is removed (the root alone was written)', () => {
    const editor = setup();
    editor.update(() => $getRoot().clear(), { discrete: true });
    const types = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((n) => n.getType()),
    );
    expect(types).toEqual(['res-title', 'res-formula']);
  });

  it('still repairs when the text of an opener is emptied (no element was written)', () => {
    const editor = setup();
    editor.update(
      () => {
        const opener = ($getRoot().getChildren()[3] as ElementNode).getFirstChild() as TextNode;
        opener.setTextContent('');
      },
      { discrete: true },
    );
    const first = editor
      .getEditorState()
      .read(() => ($getRoot().getChildren()[3] as ElementNode).getFirstChild()?.getType());
    expect(first).not.toBe('res-opener');
  });
});
