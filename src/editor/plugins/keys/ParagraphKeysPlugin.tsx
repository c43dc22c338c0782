import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerParagraphKeys } from './registerParagraphKeys.ts';

export function ParagraphKeysPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerParagraphKeys(editor), [editor]);
  return null;
}
