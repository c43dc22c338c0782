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
import { $createOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { op, pre, res } from '../helpers/builders.ts';

function setup() {
  const editor = createHeadlessEditor({
    nodes: [...ResolutionNodes],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(
    () =>
      $importResolution(
        res({
          title: 'T',
          preamble: [pre('Recalling', 'the report,')],
          operative: [op('Requests', 'the Office;'), op('Decides', 'to act.')],
        }),
      ),
    { discrete: true },
  );
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

  it('hashes the tree again once an element is written', () => {
    const editor = setup();
    let reads = 0;
    const firstChild = ElementNode.prototype.getFirstChild;
    const walk = vi.spyOn(ElementNode.prototype, 'getFirstChild').mockImplementation(function (
      this: ElementNode,
    ) {
      if (new Error().stack?.includes('transforms/structure')) reads += 1;
      return firstChild.call(this);
    });
    editor.update(
      () => {
        const paragraph = $getRoot().getChildren()[3] as ElementNode;
        paragraph.append($createTextNode(' and more'));
      },
      { discrete: true },
    );
    walk.mockRestore();
    expect(reads).toBeGreaterThanOrEqual(5);
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
