/**
 * What choosing an option of the completion menu writes into the draft. Each function checks that
 * the text it was computed for is still there (the menu may be a keystroke behind) and returns false,
 * writing nothing, when it is not.
 */
import {
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type NodeKey,
  type TextNode,
} from 'lexical';
import type { CompletionReference } from '../../../core/library/completion-data.ts';
import type { Inline } from '../../../core/model/types.ts';
import { COP_ORGAN } from '../../../core/references/types.ts';
import { $inlineNodes } from '../../bridge/import.ts';
import { $createFootnoteNode, $createUniqueFootnoteId } from '../../nodes/FootnoteNode.ts';
import { $createFootnoteRefNode } from '../../nodes/FootnoteRefNode.ts';
import { $createFootnotesNode, $isFootnotesNode, type FootnotesNode } from '../../nodes/FootnotesNode.ts';
import { $createOpenerNode, $isOpenerNode, type OpenerNode } from '../../nodes/OpenerNode.ts';
import { $createReferenceNode } from '../../nodes/ReferenceNode.ts';
import type { OpenerTarget } from './caret.ts';

/**
 * Replaces the opening words typed so far (and an opener already recognized in them) with the
 * italic opener `phrase`, followed by the space that separates it from the rest of the paragraph
 * (bridge/separator.ts), and puts the caret after that space.
 */
export function $insertOpener(target: OpenerTarget, phrase: string): boolean {
  const paragraph = $getNodeByKey(target.paragraphKey);
  const anchor = $getNodeByKey(target.anchorKey);
  if (!$isElementNode(paragraph) || !$isTextNode(anchor) || !paragraph.is(anchor.getParent())) return false;
  const first = paragraph.getFirstChild();
  const recognized = $isOpenerNode(first) && !first.is(anchor) ? first : null;
  const leading = (recognized?.getTextContent() ?? '') + anchor.getTextContent().slice(0, target.end);
  if (leading !== target.leading) return false;

  const opener = $createOpenerNode(phrase);
  if ($isOpenerNode(anchor)) {
    anchor.replace(opener);
  } else {
    recognized?.remove();
    anchor.setTextContent(anchor.getTextContent().slice(target.end));
    anchor.insertBefore(opener);
  }
  $selectAfterOpener(opener);
  return true;
}

function $selectAfterOpener(opener: OpenerNode): void {
  const next = opener.getNextSibling();
  if ($isTextNode(next) && next.isSimpleText() && !next.hasFormat('italic')) {
    const text = next.getTextContent();
    if (/^\s/.test(text)) {
      next.select(1, 1);
    } else if (/^[,;:.]/.test(text)) {
      // No space before closing punctuation (core/model/inline.ts, joinOpener).
      next.select(0, 0);
    } else {
      next.setTextContent(` ${text}`);
      next.select(1, 1);
    }
    return;
  }
  const space = $createTextNode(' ');
  opener.insertAfter(space);
  space.select(1, 1);
}

/** The words typed for a reference: `typed` at `start`..`end` of the text node `anchorKey`. */
export interface ReferencePlace {
  readonly anchorKey: NodeKey;
  readonly start: number;
  readonly end: number;
  readonly typed: string;
  /** In a footnote's own text no footnote is added. */
  readonly inFootnote: boolean;
}

/**
 * Replaces the typed words with the suggestion's text. Instruments and acts are marked as mentions
 * (ReferenceNode; the article "the" stays outside, as ordinary text). At an instrument's first
 * mention whose source the corpus gives, a footnote reference follows the title and the footnote's
 * text is added to the footnotes (the Editorial Manual: a treaty's source is footnoted at its first mention); the structure transform puts it in
 * order of first reference and numbers it.
 */
export function $insertReference(place: ReferencePlace, suggestion: CompletionReference): boolean {
  const anchor = $getNodeByKey(place.anchorKey);
  if (!$isTextNode(anchor) || !anchor.isSimpleText() || !anchor.isAttached()) return false;
  const text = anchor.getTextContent();
  if (text.slice(place.start, place.end) !== place.typed) return false;
  const parent = anchor.getParentOrThrow();

  const { lead, nodes } = $referenceNodes(suggestion, place.inFootnote);
  const before = text.slice(0, place.start) + lead;
  const after = text.slice(place.end);
  let last: LexicalNode = anchor;
  for (const node of nodes) {
    last.insertAfter(node);
    last = node;
  }
  if (after !== '') {
    const rest = $copyFormat($createTextNode(after), anchor);
    last.insertAfter(rest);
  }
  if (before === '') anchor.remove();
  else anchor.setTextContent(before);
  $selectAfter(parent, last);
  return true;
}

function $referenceNodes(
  suggestion: CompletionReference,
  inFootnote: boolean,
): { lead: string; nodes: LexicalNode[] } {
  if (suggestion.kind === 'document') return { lead: '', nodes: [$createTextNode(suggestion.insert)] };
  if (suggestion.kind === 'library-instrument') {
    // A title the library cites: marked by its key, so the next mention is known without its footnote.
    const lead = suggestion.insert.slice(0, suggestion.insert.length - suggestion.title.length);
    return {
      lead,
      nodes: $titleNodes(
        $createReferenceNode('instrument', suggestion.key).append($createTextNode(suggestion.title)),
        suggestion.firstMention && !inFootnote ? suggestion.footnote : undefined,
      ),
    };
  }
  if (suggestion.kind === 'act') {
    const { act } = suggestion;
    // "resolution 5/1" for the Conference's own acts, "General Assembly resolution 64/293" for others.
    const id = `${act.organ === COP_ORGAN ? '' : `${act.organ} `}${act.kind} ${act.number}`;
    return { lead: '', nodes: [$createReferenceNode('act', id).append($createTextNode(suggestion.insert))] };
  }
  // "the " (added or typed) is ordinary text; the mention is the title itself.
  const article = /^the\s+/i.exec(suggestion.insert)?.[0] ?? '';
  const title = suggestion.insert.slice(article.length);
  return {
    lead: article,
    nodes: $titleNodes(
      $createReferenceNode('instrument', suggestion.id).append($createTextNode(title)),
      suggestion.firstMention && !inFootnote ? suggestion.footnote : undefined,
    ),
  };
}

/** A title's mention, with the reference to a new footnote giving its source when there is one to give. */
function $titleNodes(mention: LexicalNode, footnote: readonly Inline[] | undefined): LexicalNode[] {
  if (footnote === undefined) return [mention];
  const footnoteId = $createUniqueFootnoteId();
  $footnotesContainer().append($createFootnoteNode(footnoteId).append(...$inlineNodes(footnote)));
  return [mention, $createFootnoteRefNode(footnoteId)];
}

/** The footnotes container, created at the end of the root when the draft has none yet (nodes/registry.ts). */
function $footnotesContainer(): FootnotesNode {
  const root = $getRoot();
  const existing = root.getChildren().find($isFootnotesNode);
  if (existing !== undefined) return existing;
  const created = $createFootnotesNode();
  root.append(created);
  return created;
}

function $copyFormat(node: TextNode, from: TextNode): TextNode {
  return node.setFormat(from.getFormat()).setStyle(from.getStyle());
}

/** The caret right after `node`: at the start of the text that follows, or between the nodes. */
function $selectAfter(parent: ElementNode, node: LexicalNode): void {
  const next = node.getNextSibling();
  if ($isTextNode(next) && next.isSimpleText()) {
    next.select(0, 0);
    return;
  }
  const index = node.getIndexWithinParent() + 1;
  parent.select(index, index);
}
