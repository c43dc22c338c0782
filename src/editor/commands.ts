/** The editor's commands, as `createCommand` constants (ARCHITECTURE.md convention 3). */
import { createCommand, type LexicalCommand } from 'lexical';

export type ParagraphKind = 'preamble' | 'operative';

/** Turn the paragraph at the caret into a preambular or an operative one (its opener converted). */
export const SET_PARAGRAPH_KIND_COMMAND: LexicalCommand<ParagraphKind> = createCommand(
  'SET_PARAGRAPH_KIND_COMMAND',
);

/** Move the paragraph at the caret one level into (+1) or out of (-1) subparagraphs. */
export const CHANGE_LEVEL_COMMAND: LexicalCommand<1 | -1> = createCommand('CHANGE_LEVEL_COMMAND');

/** Select the next (or, with true, the previous) template placeholder. Returns false when there is none. */
export const SELECT_PLACEHOLDER_COMMAND: LexicalCommand<boolean> = createCommand(
  'SELECT_PLACEHOLDER_COMMAND',
);

/** Insert a footnote at the caret with the given text (empty: an empty note to type in). */
export const INSERT_FOOTNOTE_COMMAND: LexicalCommand<string> = createCommand('INSERT_FOOTNOTE_COMMAND');
