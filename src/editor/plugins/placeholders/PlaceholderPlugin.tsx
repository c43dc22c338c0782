import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registeredAtCreation } from '../../transforms/atCreation.ts';
import { registerPlaceholderCommands, registerPlaceholders } from './registerPlaceholders.ts';

export function PlaceholderPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      registeredAtCreation(editor, 'placeholders')
        ? registerPlaceholderCommands(editor)
        : registerPlaceholders(editor),
    [editor],
  );
  return null;
}
