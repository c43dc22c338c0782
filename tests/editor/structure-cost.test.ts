/**
 * The structure repairs walk the whole document; they must run on every structural change and not on
 * plain typing, which would make a keystroke cost a walk of every paragraph (issue 3, "Speed").
 */
import { describe, expect, it, vi } from 'vitest';
import { $createTextNode, $getRoot, type ElementNode, type TextNode } from 'lexical';
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
});
