/**
 * The resolution's node transforms, registered when the editor is created, before its first state.
 *
 * A transform registered on an editor that already holds a draft marks every node of its type as
 * changed and runs in an update of its own, which Lexical then draws again: the structure's, the
 * openers' and the placeholders' registrations walked and redrew a 150-paragraph draft three times,
 * about a quarter of a second before the page answered its first key. Registered inside the update
 * that builds the first state, they mark nothing, and run once over the new nodes with the rest of
 * that update. The plugins (StructurePlugin, OpenerPlugin, PlaceholderPlugin) then leave them be.
 * A shared draft, whose text arrives later from the server, keeps registering them in its plugins.
 */
import type { LexicalEditor } from 'lexical';
import type { Lexicon } from '../../core/lexicon/lexicon.ts';
import { registerOpeners } from '../plugins/openers/registerOpeners.ts';
import { registerPlaceholderChips } from '../plugins/placeholders/registerPlaceholders.ts';
import { registerStructureTransforms } from './structure.ts';

export type CreationTransforms = 'structure' | 'openers' | 'placeholders';

const registered = new WeakMap<LexicalEditor, Set<CreationTransforms>>();

/**
 * Registers the structure's and the placeholders' transforms, and the openers' given a lexicon; call inside the update that builds the editor's first
 * state, before it adds a node. The editor keeps them for its life (it is dropped with its composer).
 */
export function $registerAtCreation(editor: LexicalEditor, which: { readonly lexicon?: Lexicon }): void {
  const done = new Set<CreationTransforms>(['structure', 'placeholders']);
  registerStructureTransforms(editor);
  registerPlaceholderChips(editor);
  if (which.lexicon !== undefined) {
    registerOpeners(editor, which.lexicon);
    done.add('openers');
  }
  registered.set(editor, done);
}

/** Whether the editor's transforms of this kind were registered at its creation. */
export function registeredAtCreation(editor: LexicalEditor, which: CreationTransforms): boolean {
  return registered.get(editor)?.has(which) ?? false;
}
