import { useEffect } from 'react';
import type { HistoryState } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from 'lexical';
import { registerLimits, registerTypingLimits } from './registerLimits.ts';

export interface LimitsPluginProps {
  /** The history the HistoryPlugin keeps, so that a change taken back is not left in it. */
  readonly history: HistoryState;
  readonly onMessage?: (text: string) => void;
}

/** No change may take the draft over the store's limits (registerLimits.ts). */
export function LimitsPlugin({ history, onMessage }: LimitsPluginProps): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const options = { history, ...(onMessage ? { onMessage } : {}) };
    return mergeRegister(registerLimits(editor, options), registerTypingLimits(editor, options));
  }, [editor, history, onMessage]);
  return null;
}

/**
 * A shared draft's guard: typed text over a limit is refused before it is drawn (paste has its own gate).
 * Not the taking back of any other update: putting a previous state in place would not reach the shared
 * document, which would then hold what the page no longer shows.
 */
export function TypingLimitsPlugin({ onMessage }: { readonly onMessage?: (text: string) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerTypingLimits(editor, onMessage ? { onMessage } : {}), [editor, onMessage]);
  return null;
}
