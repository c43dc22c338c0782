/**
 * The paragraph the agreed-language finder looks up (issue 4): the preambular or operative paragraph,
 * subparagraph or annex item holding the caret, read as printed (opener included, footnote markers
 * left out), which is how `findPrecedents` (core/compare/finder.ts) takes its query.
 */
import { $getNodeByKey, $getSelection, $isRangeSelection, type LexicalNode } from 'lexical';
import { inlineText, joinOpener } from '../../../core/model/inline.ts';
import { $exportInlines } from '../../bridge/export.ts';
import { stripSeparator } from '../../bridge/separator.ts';
import { $isAnnexNode } from '../../nodes/AnnexNode.ts';
import { $isOpenerNode } from '../../nodes/OpenerNode.ts';
import {
  $isOperativeParagraphNode,
  type OperativeParagraphNode,
} from '../../nodes/OperativeParagraphNode.ts';
import {
  $isPreambularParagraphNode,
  type PreambularParagraphNode,
} from '../../nodes/PreambularParagraphNode.ts';
import { $isSectionHeadingNode } from '../../nodes/SectionHeadingNode.ts';
import { $isSubparagraphNode, type SubparagraphNode } from '../../nodes/SubparagraphNode.ts';

/** Where the paragraph stands: its kind decides what a precedent's wording becomes when put in. */
export type ParagraphKind = 'preamble' | 'operative' | 'subparagraph' | 'annex';

export type DraftParagraphNode = PreambularParagraphNode | OperativeParagraphNode | SubparagraphNode;

export interface CaretParagraph {
  readonly key: string;
  readonly kind: ParagraphKind;
  /** 0 for a paragraph, the subparagraph's level (1 for (a), 2 for (i)) otherwise. */
  readonly level: number;
  /** As a delegate cites it: "PP3", "OP2", "OP2 (a)", "annex (b)". */
  readonly label: string;
  /** The italic opener; empty for subparagraphs and annex items. */
  readonly opener: string;
  /** The paragraph as printed, opener included, footnote markers left out. */
  readonly text: string;
}

export function $isDraftParagraph(node: LexicalNode | null | undefined): node is DraftParagraphNode {
  return $isPreambularParagraphNode(node) || $isOperativeParagraphNode(node) || $isSubparagraphNode(node);
}

/** The paragraph holding `node` (the node itself when it is one), or null (title, formula, footnotes). */
export function $draftParagraphOf(node: LexicalNode | null): DraftParagraphNode | null {
  for (let at: LexicalNode | null = node; at !== null; at = at.getParent())
    if ($isDraftParagraph(at)) return at;
  return null;
}

/** The paragraph a level-1 subparagraph belongs to: the nearest preambular or operative one before it. */
function $ownerLabel(sub: SubparagraphNode): string {
  const path: string[] = [sub.getLabel()];
  let level = sub.getLevel();
  for (let at = sub.getPreviousSibling(); at !== null; at = at.getPreviousSibling()) {
    if ($isSubparagraphNode(at) && at.getLevel() < level) {
      path.unshift(at.getLabel());
      level = at.getLevel();
    } else if ($isOperativeParagraphNode(at)) return `OP${at.getNumber()} ${path.join('')}`;
    else if ($isPreambularParagraphNode(at)) return `${$label(at, 'preamble')} ${path.join('')}`;
    else if ($isSectionHeadingNode(at)) break;
  }
  return path.join('');
}

function $label(node: DraftParagraphNode, kind: ParagraphKind): string {
  if ($isOperativeParagraphNode(node)) return `OP${node.getNumber()}`;
  if ($isPreambularParagraphNode(node)) {
    // Counted within its section, as the paragraphs of an omnibus resolution are cited.
    let n = 1;
    for (
      let at = node.getPreviousSibling();
      at !== null && !$isSectionHeadingNode(at);
      at = at.getPreviousSibling()
    )
      if ($isPreambularParagraphNode(at)) n++;
    return `PP${n}`;
  }
  if (kind === 'annex') {
    // Items and their subparagraphs: "annex (b)(iii)".
    const path: string[] = [node.getLabel()];
    let level = node.getLevel();
    for (let at = node.getPreviousSibling(); at !== null && level > 1; at = at.getPreviousSibling())
      if ($isSubparagraphNode(at) && at.getLevel() < level) {
        path.unshift(at.getLabel());
        level = at.getLevel();
      }
    return `annex ${path.join('')}`;
  }
  return $ownerLabel(node);
}

/** Reads one paragraph as the finder sees it. */
export function $readParagraph(node: DraftParagraphNode): CaretParagraph {
  const kind: ParagraphKind = $isPreambularParagraphNode(node)
    ? 'preamble'
    : $isOperativeParagraphNode(node)
      ? 'operative'
      : $isAnnexNode(node.getParent())
        ? 'annex'
        : 'subparagraph';
  const [first, ...rest] = node.getChildren();
  const opener = $isOpenerNode(first) ? first.getTextContent() : '';
  const content = opener === '' ? $exportInlines(node.getChildren()) : stripSeparator($exportInlines(rest));
  return {
    key: node.getKey(),
    kind,
    level: $isSubparagraphNode(node) ? node.getLevel() : 0,
    label: $label(node, kind),
    opener,
    text: joinOpener(opener, inlineText(content)).replace(/\s+/g, ' ').trim(),
  };
}

/**
 * The paragraph at the caret (the focus end of a selection): `null` when there is no selection in
 * the editor (it lost focus: the caller keeps what it showed), `'outside'` when the caret is in the
 * title, the formula, a heading of the annex or a footnote text.
 */
export function $caretParagraph(): CaretParagraph | 'outside' | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return selection === null ? null : 'outside';
  const paragraph = $draftParagraphOf(selection.focus.getNode());
  return paragraph === null ? 'outside' : $readParagraph(paragraph);
}

/** The paragraph with this key, if it is still in the draft. */
export function $draftParagraphByKey(key: string): DraftParagraphNode | null {
  const node = $getNodeByKey(key);
  return $isDraftParagraph(node) && node.isAttached() ? node : null;
}
