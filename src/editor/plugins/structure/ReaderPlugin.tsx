import { useLayoutEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerReader } from './registerReader.ts';

/**
 * A reader's shared draft: nothing this editor does is sent (registerReader.ts). A layout effect, so
 * that it is in place before the other plugins register in their (passive) effects.
 */
export function ReaderPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => registerReader(editor), [editor]);
  return null;
}
