import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import { registerTogether } from '../../transforms/together.ts';
import { registeredAtCreation } from '../../transforms/atCreation.ts';
import { registerOpeners } from './registerOpeners.ts';

export function OpenerPlugin({ lexicon }: { readonly lexicon: Lexicon }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      registeredAtCreation(editor, 'openers')
        ? undefined
        : registerTogether(editor, () => registerOpeners(editor, lexicon)),
    [editor, lexicon],
  );
  return null;
}
