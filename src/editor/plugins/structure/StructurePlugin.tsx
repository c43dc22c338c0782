import { useEffect } from 'react';
import { $getRoot } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isOperativeParagraphNode, OperativeParagraphNode } from '../../nodes/OperativeParagraphNode.ts';
import { registerStructureTransforms } from '../../transforms/structure.ts';
import { registerTogether } from '../../transforms/together.ts';
import { registeredAtCreation } from '../../transforms/atCreation.ts';
import { registerLayoutMark } from './layout.ts';

/**
 * Numbering, labels and the order of the parts, kept by node transforms (ARCHITECTURE.md convention 4);
 * and the page told when it holds a lone operative paragraph, which is printed without a number
 * (UN practice: operative paragraphs). Counted only when an operative paragraph is created or removed.
 * Also lets paragraphs far from the screen skip layout once the page has been laid out (layout.ts).
 */
export function StructurePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const markLone = (): void => {
      const root = editor.getRootElement();
      if (!root) return;
      const count = editor
        .getEditorState()
        .read(() => $getRoot().getChildren().filter($isOperativeParagraphNode).length);
      root.toggleAttribute('data-lone-operative', count === 1);
    };
    return mergeRegister(
      registeredAtCreation(editor, 'structure')
        ? () => undefined
        : registerTogether(editor, () => registerStructureTransforms(editor)),
      registerLayoutMark(editor),
      editor.registerMutationListener(OperativeParagraphNode, markLone),
      editor.registerRootListener(() => markLone()),
    );
  }, [editor]);
  return null;
}
