/**
 * Where the caret is, as the completion menu needs it: in the opening words of a preambular or
 * operative paragraph (openers), or after words that may be a reference. Read on every update, so
 * everything here is a walk over the caret's paragraph and a few siblings, never the whole document.
 */
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { OpenerPart } from '../../../core/lexicon/sequence.ts';
import { $isAnnexIntroNode } from '../../nodes/AnnexIntroNode.ts';
import { $isFootnoteNode } from '../../nodes/FootnoteNode.ts';
import { $isOpenerNode } from '../../nodes/OpenerNode.ts';
import { $isOperativeParagraphNode } from '../../nodes/OperativeParagraphNode.ts';
import { $isPreambularParagraphNode } from '../../nodes/PreambularParagraphNode.ts';
import { $isSubparagraphNode } from '../../nodes/SubparagraphNode.ts';

/** The opening words of a paragraph, typed so far. */
export interface OpenerTarget {
  readonly part: OpenerPart;
  readonly paragraphKey: NodeKey;
  /** The paragraph's first node, where the typed opening words start (the menu is placed there). */
  readonly startKey: NodeKey;
  /** The node holding the caret: plain text at the start of the paragraph (after an opener, if any), or the opener. */
  readonly anchorKey: NodeKey;
  /** The caret's offset in the anchor. */
  readonly end: number;
  /** From the start of the paragraph to the caret, the opener included: "Noting with app". */
  readonly leading: string;
  /** Openers of the paragraphs of the same part before this one, in order ('' where none). */
  readonly previousOpeners: readonly string[];
}

/** Plain text before the caret, where a reference may be typed. */
export interface ReferenceTarget {
  readonly anchorKey: NodeKey;
  readonly end: number;
  /** The anchor's text up to the caret. */
  readonly text: string;
  /** The end of the paragraph's text before the anchor (an opener, a previous run). */
  readonly preceding: string;
  /** In a footnote's text: a reference is written, but no footnote is added to a footnote. */
  readonly inFootnote: boolean;
}

export interface CaretTargets {
  readonly opener: OpenerTarget | null;
  readonly reference: ReferenceTarget | null;
}

/** Only the run of two before the caret matters to the also/further rule (sequence.ts); a few more are kept for context. */
const PREVIOUS_OPENERS_KEPT = 8;

/** How much of the text before the anchor is kept, so that "its " or "the " before the typed words is seen. */
const PRECEDING_CHARS = 40;

/** Blocks whose text may cite references (not the title or the formula). */
function isReferenceBlock(node: LexicalNode | null): node is ElementNode {
  return (
    $isPreambularParagraphNode(node) ||
    $isOperativeParagraphNode(node) ||
    $isSubparagraphNode(node) ||
    $isAnnexIntroNode(node) ||
    $isFootnoteNode(node)
  );
}

/** The targets at a collapsed caret in text; null when the caret is anywhere else. */
export function $caretTargets(): CaretTargets | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.type !== 'text')
    return null;
  const anchor = selection.anchor.getNode();
  const end = selection.anchor.offset;
  if (!$isTextNode(anchor)) return null;
  const block = anchor.getParent();
  if (!isReferenceBlock(block)) return null;
  const opener = $openerTarget(block, anchor, end);
  const reference: ReferenceTarget | null = anchor.isSimpleText()
    ? {
        anchorKey: anchor.getKey(),
        end,
        text: anchor.getTextContent().slice(0, end),
        preceding: $preceding(anchor),
        inFootnote: $isFootnoteNode(block),
      }
    : null;
  return opener === null && reference === null ? null : { opener, reference };
}

function $openerTarget(block: ElementNode, anchor: LexicalNode, end: number): OpenerTarget | null {
  const part: OpenerPart | null = $isPreambularParagraphNode(block)
    ? 'preamble'
    : $isOperativeParagraphNode(block)
      ? 'operative'
      : null;
  if (part === null || !$isTextNode(anchor)) return null;
  const previous = anchor.getPreviousSibling();
  let leading: string;
  let startKey = anchor.getKey();
  if ($isOpenerNode(anchor)) {
    leading = anchor.getTextContent().slice(0, end);
  } else if (!anchor.isSimpleText() || anchor.hasFormat('italic')) {
    return null;
  } else if (previous === null) {
    leading = anchor.getTextContent().slice(0, end);
  } else if ($isOpenerNode(previous) && previous.getPreviousSibling() === null) {
    // "Noting" became an opener at the space; "with app" typed after it still completes the phrase.
    leading = previous.getTextContent() + anchor.getTextContent().slice(0, end);
    startKey = previous.getKey();
  } else {
    return null;
  }
  return {
    part,
    paragraphKey: block.getKey(),
    startKey,
    anchorKey: anchor.getKey(),
    end,
    leading,
    previousOpeners: $previousOpeners(block, part),
  };
}

/**
 * Openers of the paragraphs of the part before `paragraph`, in order. Subparagraphs (an operative
 * paragraph's, or a preambular one's list) are passed over: they do not break a run of "Requests /
 * Also requests"; a section heading does, since a section's openers run on their own.
 */
function $previousOpeners(paragraph: ElementNode, part: OpenerPart): string[] {
  const out: string[] = [];
  for (
    let node = paragraph.getPreviousSibling();
    node !== null && out.length < PREVIOUS_OPENERS_KEPT;
    node = node.getPreviousSibling()
  ) {
    const same = (part === 'preamble' ? $isPreambularParagraphNode(node) : $isOperativeParagraphNode(node))
      ? (node as ElementNode)
      : null;
    if (same !== null) {
      const first = same.getFirstChild();
      out.push($isOpenerNode(first) ? first.getTextContent() : '');
    } else if (!$isSubparagraphNode(node)) {
      break;
    }
  }
  return out.reverse();
}

function $preceding(anchor: LexicalNode): string {
  let text = '';
  for (
    let node = anchor.getPreviousSibling();
    node !== null && text.length < PRECEDING_CHARS;
    node = node.getPreviousSibling()
  ) {
    text = node.getTextContent() + text;
  }
  return text.slice(-PRECEDING_CHARS);
}
