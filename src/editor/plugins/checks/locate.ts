/**
 * From a diagnostic's location to the editor and back (issue 6, checks as you type).
 *
 * A rule's location names a paragraph by its place in the model (part, 1-based position, subparagraph
 * path) and a character range of its printed text, `joinOpener(opener, inlineText(content))`
 * (core/rules/types.ts). Here the same paragraph is found among the editor's nodes, read the way the
 * bridge reads them (bridge/export.ts: orphan subparagraphs, skipped levels, the first title, formula
 * and annex), and the offsets are carried over to text nodes.
 *
 * The only difference between the printed text and the editor's text is the space after the opener:
 * the editor keeps it as ordinary text after the OpenerNode, which the bridge strips (when it is a
 * plain space) and `joinOpener` puts back (unless closing punctuation follows) — bridge/separator.ts.
 * So offsets inside the opener are the same, and offsets in the content are shifted by the difference.
 */
import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type LineBreakNode,
  type PointType,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import { inlineText } from '../../../core/model/inline.ts';
import type { ParagraphAddress, TextRange } from '../../../core/rules/types.ts';
import { contentOffset } from '../../../core/rules/units.ts';
import { $exportInlines } from '../../bridge/export.ts';
import { stripSeparator } from '../../bridge/separator.ts';
import { $isAnnexIntroNode } from '../../nodes/AnnexIntroNode.ts';
import { $isAnnexNode } from '../../nodes/AnnexNode.ts';
import { $isFormulaNode } from '../../nodes/FormulaNode.ts';
import { $isOpenerNode, type OpenerNode } from '../../nodes/OpenerNode.ts';
import { $isOperativeParagraphNode } from '../../nodes/OperativeParagraphNode.ts';
import { $isPreambularParagraphNode } from '../../nodes/PreambularParagraphNode.ts';
import { $isSectionHeadingNode } from '../../nodes/SectionHeadingNode.ts';
import { $isSubparagraphNode, type SubparagraphNode } from '../../nodes/SubparagraphNode.ts';
import { $isTitleNode } from '../../nodes/TitleNode.ts';

/**
 * An address with the section of an omnibus resolution it lies in (1-based; absent before any
 * section), as core/rules/units.ts gives it.
 */
type SectionedAddress = ParagraphAddress & { readonly section?: number };

/** A stable string for an address: "operative::3:2.1", "preamble:2:1:1" (section 2's PP1 (a)). */
export function addressKey(address: ParagraphAddress): string {
  const { section } = address as SectionedAddress;
  return `${address.part}:${section ?? ''}:${address.paragraph ?? ''}:${(address.subparagraph ?? []).join('.')}`;
}

export interface ParagraphEntry {
  readonly address: ParagraphAddress;
  readonly node: ElementNode;
}

/**
 * Every paragraph of the editor with its model address, in reading order. Mirrors `$exportResolution`
 * so that a rule's address names the node the bridge read it from: the top-level parts, then each
 * section's (a section heading starts the next), each paragraph followed by its subparagraphs — a
 * preambular paragraph's too.
 */
export function $paragraphEntries(): ParagraphEntry[] {
  const out: ParagraphEntry[] = [];
  let title = false;
  let formula = false;
  let annex = false;
  let section: number | undefined;
  let preamble = 0;
  let operative = 0;
  // The paragraph the subparagraphs being read belong to, and those read so far.
  let owner: { part: 'preamble' | 'operative'; paragraph: number } | null = null;
  let subs: SubparagraphNode[] = [];
  const at = (): { section?: number } => (section === undefined ? {} : { section });

  const flushSubs = (): void => {
    if (owner !== null)
      for (const { node, path } of nest(subs))
        out.push({
          address: { part: owner.part, ...at(), paragraph: owner.paragraph, subparagraph: path },
          node,
        });
    subs = [];
  };
  const flushAnnex = (): void => {
    for (const { node, path } of nest(subs)) {
      const [item = 0, ...rest] = path;
      out.push({
        address:
          rest.length > 0
            ? { part: 'annex', paragraph: item, subparagraph: rest }
            : { part: 'annex', paragraph: item },
        node,
      });
    }
    subs = [];
  };

  for (const child of $getRoot().getChildren()) {
    if ($isTitleNode(child) && !title) {
      title = true;
      out.push({ address: { part: 'title' }, node: child });
    } else if ($isFormulaNode(child) && !formula) {
      formula = true;
      out.push({ address: { part: 'formula' }, node: child });
    } else if ($isSectionHeadingNode(child)) {
      flushSubs();
      section = (section ?? 0) + 1;
      preamble = 0;
      operative = 0;
      owner = null;
    } else if ($isPreambularParagraphNode(child)) {
      flushSubs();
      preamble++;
      owner = { part: 'preamble', paragraph: preamble };
      out.push({ address: { part: 'preamble', ...at(), paragraph: preamble }, node: child });
    } else if ($isOperativeParagraphNode(child)) {
      flushSubs();
      operative++;
      owner = { part: 'operative', paragraph: operative };
      out.push({ address: { part: 'operative', ...at(), paragraph: operative }, node: child });
    } else if ($isSubparagraphNode(child)) {
      if (owner === null) {
        // An orphan (a) is read as its part's first operative paragraph (bridge/export.ts).
        operative++;
        owner = { part: 'operative', paragraph: operative };
        out.push({ address: { part: 'operative', ...at(), paragraph: operative }, node: child });
      } else subs.push(child);
    } else if ($isAnnexNode(child) && !annex) {
      annex = true;
      flushSubs();
      for (const inner of child.getChildren()) {
        if ($isAnnexIntroNode(inner)) out.push({ address: { part: 'annex', paragraph: 0 }, node: inner });
        else if ($isSubparagraphNode(inner)) subs.push(inner);
      }
      flushAnnex();
    }
  }
  flushSubs();
  return out;
}

/**
 * The 1-based paths of flat subparagraphs, nested by level exactly as the bridge's `$nest` nests them:
 * a level that skips one is read one level below its predecessor.
 */
function nest(flat: readonly SubparagraphNode[]): { node: SubparagraphNode; path: number[] }[] {
  const counts: number[] = [0];
  return flat.map((node) => {
    const depth = Math.min(node.getLevel(), counts.length);
    counts.length = depth;
    counts[depth - 1] = (counts[depth - 1] ?? 0) + 1;
    const path = counts.slice(0, depth);
    counts.push(0);
    return { node, path };
  });
}

/** The editor node of a paragraph address, or null when the draft has no such paragraph (any more). */
export function $findParagraph(address: ParagraphAddress): ElementNode | null {
  const key = addressKey(address);
  return $paragraphEntries().find((e) => addressKey(e.address) === key)?.node ?? null;
}

/** The address of the paragraph holding `node`, or null outside the paragraphs (footnote texts). */
export function $addressOf(node: LexicalNode): ParagraphAddress | null {
  const entries = $paragraphEntries();
  for (let at: LexicalNode | null = node; at !== null; at = at.getParent()) {
    const found = entries.find((e) => e.node.is(at));
    if (found) return found.address;
  }
  return null;
}

/** A character-bearing inline of a paragraph: text (openers and placeholders included) or a line break. */
export interface Leaf {
  readonly node: TextNode | LineBreakNode;
  /** Offsets in the editor's text of the paragraph, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/**
 * The text of one paragraph as the editor holds it, and how its offsets relate to the printed text the
 * rules measure. Footnote references take no room in either (the model's `inlineText` leaves them out).
 */
export interface ParagraphText {
  readonly paragraph: ElementNode;
  readonly opener: OpenerNode | null;
  /** The content's leaves, after the opener, in order (inside inline elements too). */
  readonly leaves: readonly Leaf[];
  /** The printed text, as the rules saw it. */
  readonly printed: string;
  /** Length of the opener (0 without one). */
  readonly openerLength: number;
  /** Where the content starts in the printed text (`ParagraphUnit.contentStart`). */
  readonly contentStart: number;
  /** Where the content starts in the editor's text: after the opener and the space the bridge strips. */
  readonly editorContentStart: number;
}

export function $paragraphText(paragraph: ElementNode): ParagraphText {
  const children = paragraph.getChildren();
  const first = children[0];
  const opener = $isOpenerNode(first) ? first : null;
  const rest = opener ? children.slice(1) : children;
  const openerLength = opener ? opener.getTextContentSize() : 0;
  const leaves: Leaf[] = [];
  let pos = openerLength;
  const visit = (node: LexicalNode): void => {
    if ($isTextNode(node) || $isLineBreakNode(node)) {
      const size = $isTextNode(node) ? node.getTextContentSize() : 1;
      leaves.push({ node, start: pos, end: pos + size });
      pos += size;
    } else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  for (const node of rest) visit(node);

  const exported = $exportInlines(rest);
  const content = opener ? stripSeparator(exported) : exported;
  const contentText = inlineText(content);
  const openerText = opener ? opener.getTextContent() : '';
  const stripped = inlineText(exported).length - contentText.length;
  const contentStart = contentOffset(openerText, contentText);
  return {
    paragraph,
    opener,
    leaves,
    printed: contentStart === openerLength ? openerText + contentText : `${openerText} ${contentText}`,
    openerLength,
    contentStart,
    editorContentStart: openerLength + stripped,
  };
}

/** A printed-text offset as an offset in the editor's text of the paragraph. */
export function toEditorOffset(text: ParagraphText, offset: number): number {
  if (offset <= text.openerLength) return offset;
  return Math.max(text.editorContentStart, offset - text.contentStart + text.editorContentStart);
}

/**
 * An editor-text offset as a printed-text offset (the inverse of `toEditorOffset`). The offset where the
 * opener ends is also where the content starts when no space was typed between them: `inContent` says
 * which is meant (a point in a content leaf rather than in the opener).
 */
export function toPrintedOffset(text: ParagraphText, offset: number, inContent = false): number {
  if (offset < text.openerLength || (offset === text.openerLength && !inContent)) return offset;
  return Math.max(text.contentStart, offset - text.editorContentStart + text.contentStart);
}

/** Where an editor offset falls: the opener, or a content leaf and the offset inside it. */
export interface LeafPoint {
  readonly node: TextNode | LineBreakNode;
  readonly offset: number;
}

/**
 * The leaf holding editor offset `offset`. At the border of two leaves, `side` decides: 'after' takes
 * the leaf the offset starts (where a range begins), 'before' the leaf it ends (where a range ends).
 * Offsets in the opener land in the opener.
 */
export function leafAt(text: ParagraphText, offset: number, side: 'before' | 'after'): LeafPoint | null {
  if (text.opener && (offset < text.openerLength || (offset === text.openerLength && side === 'before'))) {
    return { node: text.opener, offset };
  }
  const { leaves } = text;
  if (side === 'after') {
    const leaf = leaves.find((l) => offset >= l.start && offset < l.end);
    if (leaf) return { node: leaf.node, offset: offset - leaf.start };
  } else {
    const leaf = leaves.find((l) => offset > l.start && offset <= l.end);
    if (leaf) return { node: leaf.node, offset: offset - leaf.start };
  }
  // An empty leaf, or past the text: the nearest leaf's border.
  const last = [...leaves].reverse().find((l) => l.end <= offset) ?? leaves[0];
  if (last)
    return { node: last.node, offset: Math.min(Math.max(offset - last.start, 0), last.end - last.start) };
  return text.opener ? { node: text.opener, offset: text.openerLength } : null;
}

/** Sets a selection point at a leaf point (a line break is addressed through its parent). */
function setPoint(point: PointType, at: LeafPoint): void {
  if ($isTextNode(at.node)) point.set(at.node.getKey(), at.offset, 'text');
  else {
    const parent = at.node.getParentOrThrow();
    point.set(parent.getKey(), at.node.getIndexWithinParent() + at.offset, 'element');
  }
}

/**
 * A selection over `range` of the paragraph's printed text (the whole text without a range; the end
 * of an empty paragraph when there is no text). Call inside `editor.update`.
 */
export function $selectionFor(paragraph: ElementNode, range: TextRange | undefined): RangeSelection {
  const text = $paragraphText(paragraph);
  const selection = $createRangeSelection();
  const whole = { start: 0, end: text.printed.length };
  const { start, end } = range ?? whole;
  const from = leafAt(text, toEditorOffset(text, start), 'after');
  const to = leafAt(text, toEditorOffset(text, end), 'before');
  if (from && to) {
    setPoint(selection.anchor, start === end ? to : from);
    setPoint(selection.focus, to);
  } else {
    selection.anchor.set(paragraph.getKey(), paragraph.getChildrenSize(), 'element');
    selection.focus.set(paragraph.getKey(), paragraph.getChildrenSize(), 'element');
  }
  return selection;
}

/** The printed-text offset of a selection point inside `paragraph`, or null when it lies elsewhere. */
export function $printedOffsetOf(paragraph: ElementNode, point: PointType): number | null {
  const text = $paragraphText(paragraph);
  const node = point.getNode();
  if (text.opener && node.is(text.opener)) return point.offset;
  if ($isTextNode(node)) {
    const leaf = text.leaves.find((l) => l.node.is(node));
    return leaf ? toPrintedOffset(text, leaf.start + point.offset, true) : null;
  }
  if (!$isElementNode(node) || !(node.is(paragraph) || paragraph.isParentOf(node))) return null;
  // An element point sits before its child at `point.offset`, or at the element's end.
  const child = node.getChildAtIndex(point.offset);
  if (child !== null && text.opener && child.is(text.opener)) return 0;
  let offset = child === null ? 0 : text.openerLength;
  for (const leaf of text.leaves) {
    const before =
      child === null ? node.is(paragraph) || node.isParentOf(leaf.node) : leaf.node.isBefore(child);
    if (before) offset = Math.max(offset, leaf.end);
  }
  if (child === null && node.is(paragraph)) offset = Math.max(offset, text.openerLength);
  return toPrintedOffset(text, offset, child !== null);
}
