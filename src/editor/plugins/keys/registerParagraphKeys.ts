/**
 * The keyboard of a resolution (UN practice: the parts of a resolution): Enter continues with a paragraph of the
 * same kind (the nodes' insertNewAfter); Tab and Shift+Tab move a paragraph into and out of
 * subparagraphs — or, while a template still has placeholders, jump between them; Ctrl+Alt+P and
 * Ctrl+Alt+O turn the paragraph at the caret into a preambular or an operative one.
 *
 * Subparagraphs are a preambular paragraph's as well as an operative one's (a preambular paragraph
 * ending with a colon lists (a), (b) ... in Assembly practice): Tab makes a preambular paragraph the
 * next subparagraph of the preambular paragraph above it, Shift+Tab gives it back its kind. A
 * paragraph never becomes a subparagraph of the other part's paragraph.
 */
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { convertOpener } from '../../../core/lexicon/match.ts';
import {
  CHANGE_LEVEL_COMMAND,
  SELECT_PLACEHOLDER_COMMAND,
  SET_PARAGRAPH_KIND_COMMAND,
  type ParagraphKind,
} from '../../commands.ts';
import { $isAnnexNode } from '../../nodes/AnnexNode.ts';
import { $isOpenerNode } from '../../nodes/OpenerNode.ts';
import {
  $createOperativeParagraphNode,
  $isOperativeParagraphNode,
} from '../../nodes/OperativeParagraphNode.ts';
import {
  $createPreambularParagraphNode,
  $isPreambularParagraphNode,
} from '../../nodes/PreambularParagraphNode.ts';
import {
  $createSubparagraphNode,
  $isSubparagraphNode,
  MAX_SUBPARAGRAPH_LEVEL,
} from '../../nodes/SubparagraphNode.ts';

type Block = ElementNode;

function isBlock(node: LexicalNode): boolean {
  return $isPreambularParagraphNode(node) || $isOperativeParagraphNode(node) || $isSubparagraphNode(node);
}

/** The paragraph the caret is in, when it is one whose kind or level can change. */
export function $blockAtCaret(): Block | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const found = $findMatchingParent(selection.anchor.getNode(), isBlock);
  return found as Block | null;
}

/** Whether the caret is collapsed at the very start of its paragraph (an empty paragraph counts). */
function $caretAtBlockStart(): boolean {
  const selection = $getSelection();
  const block = $blockAtCaret();
  if (!$isRangeSelection(selection) || !selection.isCollapsed() || !block) return false;
  if (block.getTextContentSize() === 0) return true;
  const first = block.getFirstDescendant();
  const anchor = selection.anchor;
  return (
    anchor.offset === 0 && (anchor.getNode().is(block) || (first !== null && anchor.getNode().is(first)))
  );
}

/** An opener stays structure only in preambular and operative paragraphs; elsewhere it is plain text. */
function $dropOpener(block: Block): void {
  const first = block.getFirstChild();
  if ($isOpenerNode(first)) first.replace($createTextNode(first.getTextContent()));
}

function $setOpenerFor(block: Block, part: ParagraphKind): void {
  const first = block.getFirstChild();
  if ($isOpenerNode(first)) {
    const converted = convertOpener(first.getTextContent(), part);
    if (converted !== first.getTextContent()) first.setTextContent(converted);
  } else if (first && first.getType() === 'text') {
    // A plain first word may now be an opener of the new part: the opener transform looks again.
    first.markDirty();
  }
}

/**
 * The paragraph a block (or the subparagraph list it ends) belongs to: itself unless it is a
 * subparagraph, else the nearest preambular or operative paragraph before it (registry.ts).
 */
function $paragraphOf(node: LexicalNode | null): LexicalNode | null {
  let at = node;
  while ($isSubparagraphNode(at)) at = at.getPreviousSibling();
  return at;
}

export function $changeLevel(delta: 1 | -1): boolean {
  const block = $blockAtCaret();
  if (!block) return false;
  if (delta === 1) {
    if ($isOperativeParagraphNode(block) || $isPreambularParagraphNode(block)) {
      // The next subparagraph of the paragraph above, of the same part.
      const above = $paragraphOf(block.getPreviousSibling());
      const samePart = $isOperativeParagraphNode(block)
        ? $isOperativeParagraphNode(above)
        : $isPreambularParagraphNode(above);
      if (!samePart) return false;
      $dropOpener(block);
      block.replace($createSubparagraphNode(1), true);
      return true;
    }
    if ($isSubparagraphNode(block)) {
      const previous = block.getPreviousSibling();
      const level = block.getLevel();
      if (!$isSubparagraphNode(previous) || previous.getLevel() < level || level >= MAX_SUBPARAGRAPH_LEVEL)
        return false;
      block.setLevel(level + 1);
      return true;
    }
    return false;
  }
  if ($isSubparagraphNode(block)) {
    const level = block.getLevel();
    if (level > 1) {
      block.setLevel(level - 1);
      return true;
    }
    if ($isAnnexNode(block.getParent())) return false; // annex items stay items
    // A preambular paragraph's (a) becomes a preambular paragraph, an operative one's an operative one.
    block.replace(
      $isPreambularParagraphNode($paragraphOf(block))
        ? $createPreambularParagraphNode()
        : $createOperativeParagraphNode(),
      true,
    );
    return true;
  }
  return false;
}

export function $setParagraphKind(kind: ParagraphKind): boolean {
  const block = $blockAtCaret();
  if (!block || $isAnnexNode(block.getParent())) return false;
  if (kind === 'operative') {
    if ($isOperativeParagraphNode(block)) return false;
    const next = $createOperativeParagraphNode();
    block.replace(next, true);
    $setOpenerFor(next, 'operative');
    return true;
  }
  if ($isPreambularParagraphNode(block)) return false;
  const next = $createPreambularParagraphNode();
  block.replace(next, true);
  $setOpenerFor(next, 'preamble');
  return true;
}

export function registerParagraphKeys(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(CHANGE_LEVEL_COMMAND, (delta) => $changeLevel(delta), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(
      SET_PARAGRAPH_KIND_COMMAND,
      (kind) => $setParagraphKind(kind),
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      KEY_TAB_COMMAND,
      (event) => {
        // At the start of a paragraph, Tab changes its level, as in a word processor's lists.
        if ($caretAtBlockStart() && $changeLevel(event.shiftKey ? -1 : 1)) {
          event.preventDefault();
          return true;
        }
        // Elsewhere, while a template has placeholders left, Tab goes from one to the next.
        if (editor.dispatchCommand(SELECT_PLACEHOLDER_COMMAND, event.shiftKey)) {
          event.preventDefault();
          return true;
        }
        if ($changeLevel(event.shiftKey ? -1 : 1)) {
          event.preventDefault();
          return true;
        }
        // Nothing to do here: let Tab leave the editor, as keyboard users expect.
        return false;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!(event.ctrlKey || event.metaKey) || !event.altKey) return false;
        const key = event.key.toLowerCase();
        const code = event.code;
        if (key === 'p' || code === 'KeyP') {
          event.preventDefault();
          return $setParagraphKind('preamble');
        }
        if (key === 'o' || code === 'KeyO') {
          event.preventDefault();
          return $setParagraphKind('operative');
        }
        return false;
      },
      // Lexical's own KEY_DOWN_COMMAND handler runs at EDITOR priority and always claims the event.
      COMMAND_PRIORITY_LOW,
    ),
  );
}
