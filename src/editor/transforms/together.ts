import { HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';

/**
 * Registers a plugin's node transforms in one update. Each `registerNodeTransform` marks every node of
 * its type dirty and runs the transforms in an update of its own; the dirty nodes pile up until the
 * editor commits, so a dozen registrations in a row over a loaded draft walked the whole draft a dozen
 * times (about a fifth of a 150-paragraph draft's cold load). Inside one update the registrations'
 * own updates are nested, and the transforms run once, over every node marked. Merged into the
 * previous history entry, as Lexical does for its own registrations.
 */
export function registerTogether(editor: LexicalEditor, register: () => () => void): () => void {
  let teardown: (() => void) | undefined;
  let stopped = false;
  editor.update(
    () => {
      if (stopped) return;
      teardown = register();
    },
    { tag: HISTORY_MERGE_TAG },
  );
  return () => {
    stopped = true;
    teardown?.();
  };
}
