/**
 * Footnotes as first-class parts of the draft (issue 3): inserted with INSERT_FOOTNOTE_COMMAND or
 * Ctrl+Alt+F (Word's shortcut), numbered by the structure transform in order of first reference,
 * deleted with their reference and moved with their text (repairFootnotes.ts).
 *
 * `registerFootnoteCommands` works on any editor; `registerFootnoteRepair` needs an editor with a
 * root element, since Lexical reports node mutations only when it reconciles the DOM (a headless
 * editor refuses mutation listeners).
 */
import {
  $getNodeByKey,
  $getState,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  HISTORY_MERGE_TAG,
  KEY_DOWN_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  mergeRegister,
  type LexicalEditor,
} from 'lexical';
import { INSERT_FOOTNOTE_COMMAND } from '../../commands.ts';
import { $isFootnoteRefNode, FootnoteRefNode } from '../../nodes/FootnoteRefNode.ts';
import { $getFootnoteTexts, footnoteMissingState } from './footnoteTree.ts';
import { $insertFootnote } from './insertFootnote.ts';
import {
  $planFootnoteRepair,
  $renameCopiedFootnoteRefs,
  $repairFootnotes,
  footnoteCacheOf,
  type FootnoteCache,
} from './repairFootnotes.ts';

/** The class of a footnote text recreated empty because its text was lost (see footnoteMissingState). */
export const MISSING_FOOTNOTE_CLASS = 'res-footnote--missing';
const MISSING_FOOTNOTE_WARNING = 'The text of this footnote was lost: type it again.';

/** Ctrl+Alt+F (Cmd+Option+F on a Mac), Word's shortcut for a footnote. */
export function isInsertFootnoteShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    event.altKey &&
    (event.key.toLowerCase() === 'f' || event.code === 'KeyF')
  );
}

/** INSERT_FOOTNOTE_COMMAND, its shortcut, and footnote copies on paste; returns the teardown. */
export function registerFootnoteCommands(editor: LexicalEditor, cache: FootnoteCache): () => void {
  return mergeRegister(
    editor.registerCommand(
      INSERT_FOOTNOTE_COMMAND,
      (text) => $insertFootnote(text, cache) !== null,
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!isInsertFootnoteShortcut(event) || !editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, ''))
          return false;
        event.preventDefault();
        return true;
      },
      // Above Lexical's own key-down handler, which is registered at COMMAND_PRIORITY_EDITOR when the
      // editor is created and reports every key as handled: nothing after it at that priority runs.
      COMMAND_PRIORITY_LOW,
    ),
    // Runs before any handler that inserts the pasted nodes (the paste plugin's, Lexical's own), and
    // lets them insert: it only renames copied references.
    editor.registerCommand(
      SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
      ({ nodes }) => {
        $renameCopiedFootnoteRefs(nodes, cache);
        return false;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}

/**
 * Removes the text of a footnote whose last reference was destroyed and restores the text of a
 * reference that appears without one; marks texts recreated empty. Each batch of mutations is read
 * as a whole, so an id destroyed and created in one update is a move and nothing happens. The
 * repair is merged into the history entry of the change that caused it (HISTORY_MERGE_TAG): one
 * undo brings back the reference and its text together.
 */
export function registerFootnoteRepair(editor: LexicalEditor, cache: FootnoteCache): () => void {
  return mergeRegister(
    editor.registerMutationListener(
      FootnoteRefNode,
      (mutations, { prevEditorState, updateTags }) => {
        // In a shared draft, the delegate whose change it was repairs it, once for everyone: a repair
        // made by every browser that receives the change would restore a footnote's text once each.
        if (updateTags.has(COLLABORATION_TAG)) return;
        const lost = new Set<string>();
        prevEditorState.read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'created') continue;
            const before = $getNodeByKey(key);
            if ($isFootnoteRefNode(before)) lost.add(before.getFootnoteId());
          }
        });
        // Only an update that changes something: an empty update would still carry its merge tag
        // into the next commit and fold the drafter's next edit into this one.
        const plan = editor.getEditorState().read(() => $planFootnoteRepair(lost), { editor });
        if (plan.remove.length === 0 && plan.restore.length === 0) return;
        editor.update(() => void $repairFootnotes(cache, lost), { tag: HISTORY_MERGE_TAG });
      },
      // A draft is not changed by opening it: only references added or removed from now on count.
      { skipInitialization: true },
    ),
    editor.registerUpdateListener(({ editorState, dirtyElements }) => {
      // Typing in a paragraph leaves the footnotes alone: look only when a footnote's text or the list
      // of footnotes changed (they are then among the dirty elements), or a state was put in place whole.
      let touched = dirtyElements.size === 0;
      for (const key of dirtyElements.keys()) {
        const type = editorState._nodeMap.get(key)?.getType();
        if (type === 'res-footnote' || type === 'res-footnotes') {
          touched = true;
          break;
        }
      }
      if (!touched) return;
      editorState.read(
        () => {
          for (const text of $getFootnoteTexts()) {
            const dom = editor.getElementByKey(text.getKey());
            if (dom === null) continue;
            const missing = $getState(text, footnoteMissingState) && text.getTextContentSize() === 0;
            dom.classList.toggle(MISSING_FOOTNOTE_CLASS, missing);
            if (missing) dom.setAttribute('data-warning', MISSING_FOOTNOTE_WARNING);
            else dom.removeAttribute('data-warning');
          }
        },
        { editor },
      );
    }),
  );
}

/** Everything footnotes need in the page; returns the teardown. */
export function registerFootnotes(editor: LexicalEditor): () => void {
  const cache = footnoteCacheOf(editor);
  return mergeRegister(registerFootnoteCommands(editor, cache), registerFootnoteRepair(editor, cache));
}
