import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import { replayHeldTransfers } from './pasteGate.ts';
import { registerPaste } from './registerPaste.ts';

export interface PastePluginProps {
  /** The openers the editor knows: with it, a lone pasted paragraph becomes a block only when it opens with one. */
  readonly lexicon?: Lexicon;
  /** Shows a message about a paste (a refusal, parts left out); without it, see PASTE_MESSAGE_EVENT. */
  readonly onMessage?: (text: string) => void;
}

/** A resolution's pasted text becomes structure; pasted HTML gives only its text and italics. */
export function PastePlugin({ lexicon, onMessage }: PastePluginProps): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const teardown = registerPaste(editor, {
      ...(lexicon ? { lexicon } : {}),
      ...(onMessage ? { onMessage } : {}),
    });
    // A paste made while this plugin was loading (pasteGate.ts) goes in now, the same way.
    replayHeldTransfers(editor);
    return teardown;
  }, [editor, lexicon, onMessage]);
  return null;
}
