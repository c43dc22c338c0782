/**
 * Pasted blocks go in as whole blocks, before or after the block at the caret, never merged into it.
 *
 * Why (the known issue reported with the nodes): Lexical's own insertion merges the first pasted
 * block into the block at the caret and the rest of that block into the last pasted one. Pasting a
 * preambular paragraph at the start of an operative one made the operative text part of the
 * preambular paragraph, which the structure transform then moved up to the preamble. Here:
 * - the caret at the start of a block puts the paste before it, at the end after it, in an empty
 *   paragraph in its place; in the middle, the block is split first, as Enter splits it;
 * - preambular paragraphs go where the caret is when it is in the preamble, else at the end of the
 *   preamble; operative paragraphs and subparagraphs where the caret is when it is in the operative
 *   part, else at its start (UN practice: the parts of a resolution: the parts keep their order); subparagraphs
 *   that open a paste into the preamble go at the caret, the list of the preambular paragraph there;
 * - "the preamble" and "the operative part" are those of the section the caret is in (or the
 *   top-level ones before any section heading); pasted sections (a section heading and what follows
 *   it) go after the caret's section, whole, so that they never take in paragraphs of the draft;
 * - in the title or the formula the caret counts as at the start of the preamble.
 * Numbers and labels are the transforms' business (transforms/structure.ts).
 */
import type {
  Annex,
  Footnote,
  Inline,
  PreambularParagraph,
  Subparagraph,
} from '../../../core/model/types.ts';
import {
  $createTextNode,
  $getEditor,
  $getRoot,
  $isElementNode,
  $isRootNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type PointType,
  type RangeSelection,
} from 'lexical';
import { $inlineNodes } from '../../bridge/import.ts';
import { needsSeparator } from '../../bridge/separator.ts';
import { $createAnnexIntroNode, $isAnnexIntroNode } from '../../nodes/AnnexIntroNode.ts';
import { $createAnnexNode, $isAnnexNode, type AnnexNode } from '../../nodes/AnnexNode.ts';
import { $createAnnexTitleNode, $isAnnexTitleNode } from '../../nodes/AnnexTitleNode.ts';
import { $createFootnoteNode, $isFootnoteNode } from '../../nodes/FootnoteNode.ts';
import { $isFootnotesNode } from '../../nodes/FootnotesNode.ts';
import { $isFormulaNode } from '../../nodes/FormulaNode.ts';
import { $createSectionHeadingNode, $isSectionHeadingNode } from '../../nodes/SectionHeadingNode.ts';
import { $createOpenerNode } from '../../nodes/OpenerNode.ts';
import {
  $createOperativeParagraphNode,
  $isOperativeParagraphNode,
} from '../../nodes/OperativeParagraphNode.ts';
import {
  $createPreambularParagraphNode,
  $isPreambularParagraphNode,
} from '../../nodes/PreambularParagraphNode.ts';
import { $createSubparagraphNode, $isSubparagraphNode } from '../../nodes/SubparagraphNode.ts';
import { $isTitleNode } from '../../nodes/TitleNode.ts';
import { $ensureFootnotesContainer, $newFootnoteId } from '../footnotes/footnoteTree.ts';
import { footnoteCacheOf } from '../footnotes/repairFootnotes.ts';
import type { BodyBlock, PastePlan } from './pastePlan.ts';

export interface BlockGroups {
  /** Preambular paragraphs, each followed by its subparagraphs. */
  readonly preamble: readonly LexicalNode[];
  /** Operative paragraphs and subparagraphs, in order. */
  readonly body: readonly LexicalNode[];
  /** Blocks whose part their position decides (a plain paragraph): they go at the caret. */
  readonly here?: readonly LexicalNode[];
  /** Whole sections, each a SectionHeadingNode and its paragraphs: after the caret's section. */
  readonly sections?: readonly LexicalNode[];
}

/**
 * Inserts the groups as whole blocks (see the module comment) and puts the caret at the end of the
 * last block inserted at the caret's place. Returns false, changing nothing, when the caret is not
 * in the body of the resolution (in the annex or the footnote texts, whose own rules apply).
 */
export function $insertBlocksAtCaret(selection: RangeSelection, groups: BlockGroups): boolean {
  if ($regionOf(selection.anchor.getNode()) !== 'body') return false;
  if (!selection.isCollapsed()) selection.removeText();
  const position = $insertionIndex(selection);
  if (position === null) return false;
  const root = $getRoot();
  const { firstBody, end } = $partAround(root.getChildren(), position);
  const inPreamble = position <= firstBody;
  const here = groups.here ?? [];
  // Subparagraphs that open the pasted body, pasted in the preamble: the list of the paragraph there.
  let leading = 0;
  while (inPreamble && leading < groups.body.length && $isSubparagraphNode(groups.body[leading])) leading++;
  const preamble = inPreamble
    ? [...groups.preamble, ...here, ...groups.body.slice(0, leading)]
    : [...groups.preamble];
  const body = inPreamble ? groups.body.slice(leading) : [...here, ...groups.body];
  const sections = groups.sections ?? [];
  const preambleAt = inPreamble ? position : firstBody;
  const bodyAt = inPreamble ? firstBody : position;
  // The later place first, so that the earlier index still holds; at one place, preamble first.
  if (sections.length > 0) root.splice(end, 0, [...sections]);
  if (body.length > 0) root.splice(bodyAt, 0, body);
  if (preamble.length > 0) root.splice(preambleAt, 0, preamble);
  const atCaret = inPreamble ? [...preamble, ...body] : body.length > 0 ? body : preamble;
  const last = atCaret[atCaret.length - 1] ?? sections[sections.length - 1];
  if ($isElementNode(last)) last.selectEnd();
  return true;
}

/**
 * Around an insertion index among the root's children: where the operative part of its section
 * starts (its first operative paragraph, or a subparagraph that is not a preambular paragraph's;
 * the section's end when it has none) and where the section ends (the next section heading, the
 * annex, the footnotes, or the end).
 */
function $partAround(children: readonly LexicalNode[], position: number): { firstBody: number; end: number } {
  let start = 0;
  for (let i = Math.min(position, children.length) - 1; i >= 0; i--)
    if ($isSectionHeadingNode(children[i])) {
      start = i + 1;
      break;
    }
  let end = children.length;
  for (let i = position; i < children.length; i++) {
    const child = children[i];
    if ($isSectionHeadingNode(child) || $isAnnexNode(child) || $isFootnotesNode(child)) {
      end = i;
      break;
    }
  }
  let owner: 'preamble' | null = null;
  for (let i = start; i < end; i++) {
    const child = children[i];
    if ($isPreambularParagraphNode(child)) owner = 'preamble';
    else if ($isOperativeParagraphNode(child) || ($isSubparagraphNode(child) && owner !== 'preamble'))
      return { firstBody: i, end };
  }
  return { firstBody: end, end };
}

type Region = 'body' | 'annex' | 'footnotes' | 'none';

function $regionOf(node: LexicalNode): Region {
  for (let at: LexicalNode | null = node; at !== null; at = at.getParent()) {
    if ($isAnnexNode(at)) return 'annex';
    if ($isFootnotesNode(at)) return 'footnotes';
    if ($isRootNode(at)) return 'body';
  }
  return 'none';
}

/** The index among the root's children where the paste goes, after splitting or removing the block at the caret. */
function $insertionIndex(selection: RangeSelection): number | null {
  const { anchor } = selection;
  const node = anchor.getNode();
  const root = $getRoot();
  if ($isRootNode(node)) return anchor.offset;
  let top: LexicalNode = node;
  for (let parent = top.getParent(); parent !== null && !$isRootNode(parent); parent = top.getParent())
    top = parent;
  const index = top.getIndexWithinParent();
  if ($isTitleNode(top) || $isFormulaNode(top)) {
    const formula = root.getChildren().findIndex($isFormulaNode);
    return Math.max(formula, index) + 1;
  }
  if (!$isElementNode(top)) return index + 1;
  if (top.getChildren().every(isEmptyText)) {
    top.remove();
    return index;
  }
  if ($atBlockEdge(top, anchor, 'start')) return index;
  if ($atBlockEdge(top, anchor, 'end')) return index + 1;
  // The middle of a paragraph: split it as Enter does (its nodes' insertNewAfter keeps its kind).
  selection.insertParagraph();
  return index + 1;
}

function isEmptyText(node: LexicalNode): boolean {
  return $isTextNode(node) && node.getTextContentSize() === 0;
}

/** Whether nothing (no text, no footnote marker) lies between `point` and the start or end of `block`. */
function $atBlockEdge(block: ElementNode, point: PointType, edge: 'start' | 'end'): boolean {
  let node: LexicalNode = point.getNode();
  if (point.type === 'text') {
    if (edge === 'start' ? point.offset > 0 : point.offset < node.getTextContentSize()) return false;
  } else if ($isElementNode(node)) {
    const children = node.getChildren();
    const side = edge === 'start' ? children.slice(0, point.offset) : children.slice(point.offset);
    if (!side.every(isEmptyText)) return false;
  }
  while (!node.is(block)) {
    let sibling = edge === 'start' ? node.getPreviousSibling() : node.getNextSibling();
    while (sibling !== null && isEmptyText(sibling))
      sibling = edge === 'start' ? sibling.getPreviousSibling() : sibling.getNextSibling();
    if (sibling !== null) return false;
    const parent: LexicalNode | null = node.getParent();
    if (parent === null) return false;
    node = parent;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Recognized text (pastePlan.ts)

export interface PlanOutcome {
  /** The title and formula of a pasted whole resolution that were not used: the draft has its own. */
  readonly leftOut: readonly ('title' | 'formula')[];
}

/**
 * Inserts a recognized paste: its paragraphs as blocks at the caret, its footnotes as footnotes
 * (with fresh ids: the pasted "fn1" is another document's footnote 1), its annex items into the
 * annex. A whole resolution's title and enacting formula fill the draft's when those are empty.
 * Returns null, changing nothing, when the caret is not in the body (see `$insertBlocksAtCaret`).
 */
export function $insertPastePlan(plan: PastePlan, selection: RangeSelection): PlanOutcome | null {
  if ($regionOf(selection.anchor.getNode()) !== 'body') return null;
  const ids = $footnoteIdsFor(plan.footnotes);
  const inline = (content: readonly Inline[]): LexicalNode[] =>
    $inlineNodes(
      content.map((part) =>
        part.type === 'footnoteRef'
          ? { ...part, footnoteId: ids.get(part.footnoteId) ?? part.footnoteId }
          : part,
      ),
    );
  const preambleNodes = (paragraphs: readonly PreambularParagraph[]): LexicalNode[] =>
    paragraphs.flatMap((p) => [
      $withOpener($createPreambularParagraphNode(), p.opener, p.content, inline),
      ...flattenItems(p.subparagraphs ?? [], 1).map(({ level, content }) =>
        $createSubparagraphNode(level).append(...inline(content)),
      ),
    ]);
  const bodyNodes = (blocks: readonly BodyBlock[]): LexicalNode[] =>
    blocks.map((block) =>
      block.kind === 'operative'
        ? $withOpener($createOperativeParagraphNode(), block.opener, block.content, inline)
        : $createSubparagraphNode(block.level).append(...inline(block.content)),
    );
  const sections = plan.sections.flatMap((section) => [
    $createSectionHeadingNode(section.number, section.restartsNumbering).append(
      ...inline(plainRun(section.heading)),
    ),
    ...preambleNodes(section.preamble),
    ...bodyNodes(section.body),
  ]);
  const groups = { preamble: preambleNodes(plan.preamble), body: bodyNodes(plan.body), sections };
  if (!$insertBlocksAtCaret(selection, groups)) return null;

  if (plan.annex !== null) $pasteAnnex(plan.annex, inline);
  if (plan.footnotes.length > 0) {
    const container = $ensureFootnotesContainer();
    for (const footnote of plan.footnotes)
      container.append(
        $createFootnoteNode(ids.get(footnote.id) ?? footnote.id)
          .setResolved(footnote.resolved ?? null)
          .append(...inline(footnote.content)),
      );
  }
  const leftOut: ('title' | 'formula')[] = [];
  for (const [part, text, is] of [
    ['title', plan.title, $isTitleNode],
    ['formula', plan.formula, $isFormulaNode],
  ] as const) {
    if (text === '') continue;
    const target = $getRoot().getChildren().find(is);
    if (target !== undefined && $isElementNode(target) && target.getTextContentSize() === 0)
      target.clear().append($createTextNode(text));
    else if (target === undefined || target.getTextContent() !== text) leftOut.push(part);
  }
  return { leftOut };
}

/** New ids for the pasted footnotes, clear of the draft's and of any removed one kept for a paste. */
function $footnoteIdsFor(footnotes: readonly Footnote[]): Map<string, string> {
  const reserved = new Set(footnoteCacheOf($getEditor()).keys());
  const ids = new Map<string, string>();
  for (const footnote of footnotes) {
    const fresh = $newFootnoteId(reserved);
    reserved.add(fresh);
    ids.set(footnote.id, fresh);
  }
  return ids;
}

function $withOpener<T extends ElementNode>(
  paragraph: T,
  opener: string,
  content: readonly Inline[],
  inline: (content: readonly Inline[]) => LexicalNode[],
): T {
  if (opener === '') return paragraph.append(...inline(content));
  const rest: Inline[] = needsSeparator(content) ? [{ type: 'text', text: ' ' }, ...content] : [...content];
  return paragraph.append($createOpenerNode(opener), ...inline(rest));
}

function $pasteAnnex(annex: Annex, inline: (content: readonly Inline[]) => LexicalNode[]): void {
  const items = flattenItems(annex.items, 1).map(({ level, content }) =>
    $createSubparagraphNode(level).append(...inline(content)),
  );
  const root = $getRoot();
  const existing = root.getChildren().find($isAnnexNode) as AnnexNode | undefined;
  if (existing === undefined) {
    const created = $createAnnexNode().append(
      $createAnnexTitleNode().append(...inline(plainRun(annex.title))),
    );
    if (annex.intro.length > 0) created.append($createAnnexIntroNode().append(...inline(annex.intro)));
    created.append(...items);
    const footnotes = root.getChildren().find($isFootnotesNode);
    if (footnotes === undefined) root.append(created);
    else footnotes.insertBefore(created);
    return;
  }
  const title = existing.getChildren().find($isAnnexTitleNode);
  if (title !== undefined && title.getTextContentSize() === 0 && annex.title !== '')
    title.append(...inline(plainRun(annex.title)));
  if (annex.intro.length > 0 && !existing.getChildren().some($isAnnexIntroNode)) {
    const intro = $createAnnexIntroNode().append(...inline(annex.intro));
    if (title === undefined) existing.splice(0, 0, [intro]);
    else title.insertAfter(intro);
  }
  existing.append(...items);
}

function plainRun(text: string): Inline[] {
  return text === '' ? [] : [{ type: 'text', text }];
}

function flattenItems(
  items: readonly Subparagraph[],
  level: number,
): { level: number; content: readonly Inline[] }[] {
  return items.flatMap((item) => [
    { level, content: item.content },
    ...flattenItems(item.subparagraphs, level + 1),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Nodes from Lexical's own clipboard (a copy inside the editor)

/**
 * Inserts nodes from Lexical's clipboard as whole blocks when they are blocks; false (Lexical's
 * own insertion applies) when they are inline content, a part of one paragraph.
 */
export function $insertClipboardBlocks(nodes: readonly LexicalNode[], selection: RangeSelection): boolean {
  if (nodes.length === 0 || !nodes.every((node) => $isElementNode(node) && !node.isInline())) return false;
  if ($regionOf(selection.anchor.getNode()) !== 'body') return false;
  const preamble: LexicalNode[] = [];
  const body: LexicalNode[] = [];
  const here: LexicalNode[] = [];
  const sections: LexicalNode[] = [];
  const annexes: AnnexNode[] = [];
  const footnoteTexts: LexicalNode[] = [];
  // Whose a copied subparagraph is: the paragraph copied before it (a preambular one's stays with it).
  let owner: LexicalNode[] = body;
  for (const node of nodes) {
    if ($isAnnexNode(node)) annexes.push(node);
    else if ($isFootnotesNode(node)) footnoteTexts.push(...node.getChildren());
    else if ($isFootnoteNode(node)) footnoteTexts.push(node);
    else if ($isSectionHeadingNode(node) || sections.length > 0) sections.push(node);
    else if ($isPreambularParagraphNode(node)) {
      preamble.push(node);
      owner = preamble;
    } else if ($isOperativeParagraphNode(node)) {
      body.push(node);
      owner = body;
    } else if ($isSubparagraphNode(node)) owner.push(node);
    else here.push(node);
  }
  if (!$insertBlocksAtCaret(selection, { preamble, body, here, sections })) return false;
  const root = $getRoot();
  for (const annex of annexes) {
    const existing = root.getChildren().find($isAnnexNode);
    if (existing === undefined) {
      const footnotes = root.getChildren().find($isFootnotesNode);
      if (footnotes === undefined) root.append(annex);
      else footnotes.insertBefore(annex);
    } else existing.append(...annex.getChildren().filter((child) => !$isAnnexTitleNode(child)));
  }
  if (footnoteTexts.length > 0) $ensureFootnotesContainer().append(...footnoteTexts);
  return true;
}
