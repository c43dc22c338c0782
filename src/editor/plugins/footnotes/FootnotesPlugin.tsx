import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerFootnotes } from './registerFootnotes.ts';

/** Footnotes in the page: insertion (Ctrl+Alt+F), deletion with the reference, moves with the text. */
export function FootnotesPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerFootnotes(editor), [editor]);
  return null;
}
