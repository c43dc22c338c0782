import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COLLABORATION_TAG, HISTORIC_TAG, HISTORY_MERGE_TAG, SKIP_COLLAB_TAG } from 'lexical';
import { $renumberResolution } from '../../transforms/structure.ts';

/**
 * In a shared draft, a collaborator's change (and Yjs' undo) is applied without node transforms, and
 * the derived numbers are not in the shared document (collab/excluded.ts): after each, the numbers are
 * written again from the merged tree, here only, so every peer shows the same numbering whatever order
 * the updates came in.
 */
export function SharedNumbersPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ tags, dirtyElements }) => {
        if (!tags.has(COLLABORATION_TAG) && !tags.has(HISTORIC_TAG)) return;
        // Text typed into a paragraph changes no number, and while others type such changes come many
        // times a second: only an element changed itself (blocks added, removed or moved, a level, a
        // footnote reference), not as the ancestor of a changed text, can change one.
        let structural = false;
        for (const itself of dirtyElements.values())
          if (itself) {
            structural = true;
            break;
          }
        if (!structural) return;
        editor.update($renumberResolution, {
          skipTransforms: true,
          tag: [SKIP_COLLAB_TAG, HISTORY_MERGE_TAG],
        });
      }),
    [editor],
  );
  return null;
}
