import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerSharedNumbers } from '../../transforms/structure.ts';

/** A shared draft's numbers, derived again after a collaborator's change (`registerSharedNumbers`). */
export function SharedNumbersPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerSharedNumbers(editor), [editor]);
  return null;
}
