import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerPlaceholders } from './registerPlaceholders.ts';

export function PlaceholderPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPlaceholders(editor), [editor]);
  return null;
}
