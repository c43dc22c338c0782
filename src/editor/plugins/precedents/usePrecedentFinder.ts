/**
 * The finder for a React panel inside the composer: the current answer for the paragraph at the
 * caret, and the two actions on a precedent, which edit the draft and give the page back the focus
 * with the caret after the words put in.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Precedent } from '../../../core/compare/finder.ts';
import { $insertWordingAfter, $replaceWording } from './applyPrecedent.ts';
import { registerPrecedentFinder, type FinderState } from './registerPrecedentFinder.ts';

export type PrecedentAction = 'replace' | 'insert';

export function usePrecedentFinder(
  find: (text: string) => readonly Precedent[] | Promise<readonly Precedent[]>,
): {
  readonly state: FinderState;
  readonly apply: (paragraphKey: string, precedent: Precedent, action: PrecedentAction) => void;
} {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<FinderState>({ status: 'idle' });

  useEffect(() => registerPrecedentFinder(editor, { find, onChange: setState }), [editor, find]);

  const apply = useCallback(
    (paragraphKey: string, precedent: Precedent, action: PrecedentAction) => {
      editor.update(
        () => {
          if (action === 'replace') $replaceWording(paragraphKey, precedent);
          else $insertWordingAfter(paragraphKey, precedent);
        },
        { onUpdate: () => editor.focus() },
      );
    },
    [editor],
  );

  return { state, apply };
}
