/** Every keyboard shortcut, listed in the help dialog; the handlers live where the action does. */
export interface Shortcut {
  readonly keys: string;
  readonly action: string;
  readonly where: 'anywhere' | 'in the text' | 'in the compilation';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+Alt+N', action: 'New draft (template or past resolution)', where: 'anywhere' },
  { keys: 'Ctrl+S', action: 'Save now (drafts also save themselves within a second)', where: 'anywhere' },
  { keys: 'Ctrl+Alt+R', action: 'Save a named revision (Rev.1, Rev.2 ...)', where: 'anywhere' },
  {
    keys: 'Ctrl+Alt+C',
    action: 'Compare the draft with a past resolution, a revision or another draft',
    where: 'anywhere',
  },
  { keys: 'Ctrl+Alt+E', action: 'Save the draft as a .resolution.json file', where: 'anywhere' },
  {
    keys: 'Ctrl+Alt+G',
    action: 'Negotiate: the compilation text, or back to the base text (start a negotiation the first time)',
    where: 'anywhere',
  },
  { keys: 'Ctrl+/', action: 'This list of shortcuts', where: 'anywhere' },
  {
    keys: 'F1',
    action: "Help: each editorial check with an example; in the Checks list, the chosen problem's rule",
    where: 'anywhere',
  },
  { keys: 'Enter', action: 'New paragraph of the same kind', where: 'in the text' },
  {
    keys: 'Tab / Shift+Tab',
    action: 'Next / previous placeholder while a template has some; otherwise into / out of subparagraphs',
    where: 'in the text',
  },
  {
    keys: 'Ctrl+Alt+P',
    action: 'Make the paragraph preambular (its opener becomes a participle)',
    where: 'in the text',
  },
  {
    keys: 'Ctrl+Alt+O',
    action: 'Make the paragraph operative (its opener becomes a verb)',
    where: 'in the text',
  },
  { keys: 'Ctrl+Alt+F', action: 'Insert a footnote', where: 'in the text' },
  { keys: 'F8 / Shift+F8', action: 'Next / previous problem found by the checks', where: 'in the text' },
  { keys: 'Ctrl+.', action: 'Fix the problem at the caret, where a quick fix exists', where: 'in the text' },
  {
    keys: 'Up / Down, Enter or Tab, Escape',
    action: 'Move in the completion menu, choose, close it',
    where: 'in the text',
  },
  { keys: 'Ctrl+Z / Ctrl+Y', action: 'Undo / redo', where: 'in the text' },
  { keys: '↑ ↓ or J K', action: 'Previous / next paragraph', where: 'in the compilation' },
  {
    keys: 'Enter',
    action: 'Rewrite the paragraph as the delegation proposing (“Propose as”)',
    where: 'in the compilation',
  },
  {
    keys: 'N',
    action: 'Propose a new paragraph after this one (numbered “bis”, “ter”)',
    where: 'in the compilation',
  },
  { keys: 'M', action: 'The facilitator’s note on the paragraph', where: 'in the compilation' },
  { keys: '1 2 3 4', action: 'Status: pending, agreed ad ref, agreed, deleted', where: 'in the compilation' },
  {
    keys: 'A R W S O',
    action: 'On a proposal: accept, reject, withdraw, support, oppose',
    where: 'in the compilation',
  },
  {
    keys: 'Shift+A / Shift+R',
    action: 'Accept / reject the paragraph’s proposals',
    where: 'in the compilation',
  },
  { keys: 'Ctrl+Enter', action: 'Submit the proposal being written', where: 'in the compilation' },
  { keys: 'Ctrl+[', action: 'Put the selected words in brackets', where: 'in the compilation' },
];
