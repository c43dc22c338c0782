import { $addUpdateTag, RootNode, SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';

/**
 * A reader's editor (a delegation or an observer in a shared draft) never writes to the shared
 * document: the server refuses a read-only connection's changes and cuts it off, and the draft then
 * stops following the room. Yet a reader's editor can change its own nodes: a plugin registered after
 * the shared text has arrived normalizes it (placeholders made chips, numbers derived). Every such
 * update is kept out of Lexical's Yjs binding (SKIP_COLLAB_TAG); what it changes is derived and shown
 * locally only. The root's transform runs in every update that changes a node, and only in local ones
 * (the binding applies collaborators' changes without transforms).
 */
export function registerReader(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(RootNode, () => $addUpdateTag(SKIP_COLLAB_TAG));
}
