/** The completion menu's own commands, dispatched by its options (ARCHITECTURE.md convention 3). */
import { createCommand, type LexicalCommand } from 'lexical';

/** Choose the option at this index of the open menu (a click). */
export const CHOOSE_COMPLETION_COMMAND: LexicalCommand<number> = createCommand('CHOOSE_COMPLETION_COMMAND');

/** Highlight the option at this index of the open menu (the pointer over it). */
export const HIGHLIGHT_COMPLETION_COMMAND: LexicalCommand<number> = createCommand(
  'HIGHLIGHT_COMPLETION_COMMAND',
);
