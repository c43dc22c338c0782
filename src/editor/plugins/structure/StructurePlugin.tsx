import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerStructureTransforms } from '../../transforms/structure.ts';

/** Numbering, labels and the order of the parts, kept by node transforms (ARCHITECTURE.md convention 4). */
export function StructurePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerStructureTransforms(editor), [editor]);
  return null;
}
