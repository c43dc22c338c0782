/**
 * Template placeholders ‹…› (src/core/model/placeholders.ts) shown as chips; Tab selects the next one.
 */
import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { registerLexicalTextEntity } from '@lexical/text';
import { SELECT_PLACEHOLDER_COMMAND } from '../../commands.ts';
import { $createPlaceholderNode, $isPlaceholderNode, PlaceholderNode } from '../../nodes/PlaceholderNode.ts';

const PLACEHOLDER = /‹[^‹›\n]{0,200}›/;

function getMatch(text: string): { start: number; end: number } | null {
  // Called on every keystroke with the whole text of the node typed in (and its neighbour's): most
  // text has no ‹ at all, which a plain search tells far faster than the pattern (issue 3, "Speed").
  if (!text.includes('‹')) return null;
  const m = PLACEHOLDER.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** All placeholders in document order. */
export function $placeholders(): PlaceholderNode[] {
  const out: PlaceholderNode[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isPlaceholderNode(node)) out.push(node);
    else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return out;
}

/** Selects the next placeholder after the caret (or the previous one); false when there is none. */
export function $selectPlaceholder(backwards: boolean): boolean {
  const all = $placeholders();
  if (all.length === 0) return false;
  const selection = $getSelection();
  const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : undefined;
  // The caret inside a placeholder that is not yet selected whole: that placeholder is the one.
  if (
    $isRangeSelection(selection) &&
    $isPlaceholderNode(anchor) &&
    selection.getTextContent() !== anchor.getTextContent()
  ) {
    anchor.select(0, anchor.getTextContentSize());
    return true;
  }
  const target = anchor
    ? backwards
      ? ([...all].reverse().find((p) => !p.is(anchor) && p.isBefore(anchor)) ?? all[all.length - 1])
      : (all.find((p) => !p.is(anchor) && anchor.isBefore(p)) ?? all[0])
    : backwards
      ? all[all.length - 1]
      : all[0];
  if (!target) return false;
  target.select(0, target.getTextContentSize());
  return true;
}

/** The transforms that make ‹…› placeholder chips and take them back to text once edited. */
export function registerPlaceholderChips(editor: LexicalEditor): () => void {
  return mergeRegister(
    ...registerLexicalTextEntity(editor, getMatch, PlaceholderNode, (node: TextNode) =>
      $createPlaceholderNode(node.getTextContent()),
    ),
  );
}

/** Tab and Shift+Tab to the next or previous placeholder. */
export function registerPlaceholderCommands(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    SELECT_PLACEHOLDER_COMMAND,
    (backwards) => $selectPlaceholder(backwards),
    COMMAND_PRIORITY_EDITOR,
  );
}

export function registerPlaceholders(editor: LexicalEditor): () => void {
  return mergeRegister(registerPlaceholderChips(editor), registerPlaceholderCommands(editor));
}
