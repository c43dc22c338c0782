/**
 * Editor state → core model (ARCHITECTURE.md convention 2: the model is the truth; saved drafts,
 * compare, lint and export read it, not the editor's JSON).
 *
 * What the editor does not know comes from `base`: kind, number, organ and metadata. Positional
 * values are not written: operative and subparagraph `label`s are omitted (position decides) and a
 * footnote's displayed marker is not its `number` (that field keeps the marker printed in a source).
 * References (ReferenceNode) are written as their text: the model has no inline for them yet.
 *
 * The reader assumes the layout of nodes/registry.ts but does not require the transforms to have
 * run: a subparagraph with no operative paragraph before it is read as an operative paragraph and
 * a level that skips one is read one level down from its predecessor, as the transforms would
 * repair them; operative paragraphs and subparagraphs between preambular ones are read in order.
 */
import { normalizeInlines } from '../../core/model/inline.ts';
import type {
  Annex,
  Footnote,
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../../core/model/types.ts';
import { SCHEMA_VERSION } from '../../core/model/types.ts';
import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { $isAnnexIntroNode } from '../nodes/AnnexIntroNode.ts';
import { $isAnnexNode, type AnnexNode } from '../nodes/AnnexNode.ts';
import { $isAnnexTitleNode } from '../nodes/AnnexTitleNode.ts';
import { $isFootnoteNode, type FootnoteNode } from '../nodes/FootnoteNode.ts';
import { $isFootnoteRefNode } from '../nodes/FootnoteRefNode.ts';
import { $isFootnotesNode } from '../nodes/FootnotesNode.ts';
import { $isFormulaNode } from '../nodes/FormulaNode.ts';
import { $isOpenerNode } from '../nodes/OpenerNode.ts';
import { $isOperativeParagraphNode } from '../nodes/OperativeParagraphNode.ts';
import { $isPreambularParagraphNode } from '../nodes/PreambularParagraphNode.ts';
import { $isSubparagraphNode, type SubparagraphNode } from '../nodes/SubparagraphNode.ts';
import { $isTitleNode } from '../nodes/TitleNode.ts';
import { $footnoteReferenceOrder } from '../transforms/structure.ts';
import { stripSeparator } from './separator.ts';

/** Reads the current editor state into a `ResolutionDocument`; call inside `editor.read`/`update`. */
export function $exportResolution(base: Partial<ResolutionDocument> = {}): ResolutionDocument {
  let title: string | null = null;
  let formula: string | null = null;
  const preamble: PreambularParagraph[] = [];
  const body: SubparagraphNode[][] = [];
  const operative: OperativeParagraph[] = [];
  let annex: Annex | null = null;
  const footnoteNodes: FootnoteNode[] = [];

  for (const child of $getRoot().getChildren()) {
    if ($isTitleNode(child) && title === null) title = child.getTextContent();
    else if ($isFormulaNode(child) && formula === null) formula = child.getTextContent();
    else if ($isPreambularParagraphNode(child)) preamble.push($exportOpenerAndContent(child));
    else if ($isOperativeParagraphNode(child)) {
      operative.push({ ...$exportOpenerAndContent(child), subparagraphs: [] });
      body.push([]);
    } else if ($isSubparagraphNode(child)) {
      const subs = body[body.length - 1];
      if (subs === undefined) {
        // An orphan (a): the transform makes it operative paragraph 1, so read it as one.
        operative.push({ opener: '', content: $exportInlines(child.getChildren()), subparagraphs: [] });
        body.push([]);
      } else subs.push(child);
    } else if ($isAnnexNode(child) && annex === null) annex = $exportAnnex(child);
    else if ($isFootnotesNode(child)) footnoteNodes.push(...child.getChildren().filter($isFootnoteNode));
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    kind: base.kind ?? 'resolution',
    ...(base.number === undefined ? {} : { number: base.number }),
    organ: base.organ ?? '',
    formula: formula ?? '',
    title: title ?? '',
    metadata: base.metadata ?? {},
    preamble,
    operative: operative.map((paragraph, i) => ({ ...paragraph, subparagraphs: $nest(body[i] ?? []) })),
    annex,
    footnotes: $exportFootnotes(footnoteNodes),
  };
}

/** Inline content as the model has it: italic runs, footnote references; adjacent runs merged. */
export function $exportInlines(nodes: readonly LexicalNode[]): Inline[] {
  const out: Inline[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isFootnoteRefNode(node)) out.push({ type: 'footnoteRef', footnoteId: node.getFootnoteId() });
    else if ($isLineBreakNode(node)) out.push({ type: 'text', text: '\n' });
    else if ($isTextNode(node)) {
      const text = node.getTextContent();
      out.push(node.hasFormat('italic') ? { type: 'text', text, italic: true } : { type: 'text', text });
    } else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  for (const node of nodes) visit(node);
  return normalizeInlines(out);
}

function $exportOpenerAndContent(paragraph: ElementNode): { opener: string; content: Inline[] } {
  const [first, ...rest] = paragraph.getChildren();
  if ($isOpenerNode(first)) {
    return { opener: first.getTextContent(), content: stripSeparator($exportInlines(rest)) };
  }
  return { opener: '', content: $exportInlines(paragraph.getChildren()) };
}

function $exportAnnex(annex: AnnexNode): Annex {
  let title: string | null = null;
  let intro: Inline[] | null = null;
  const items: SubparagraphNode[] = [];
  for (const child of annex.getChildren()) {
    if ($isAnnexTitleNode(child) && title === null) title = child.getTextContent();
    else if ($isAnnexIntroNode(child) && intro === null) intro = $exportInlines(child.getChildren());
    else if ($isSubparagraphNode(child)) items.push(child);
  }
  return { title: title ?? '', intro: intro ?? [], items: $nest(items) };
}

interface DraftSubparagraph {
  content: Inline[];
  subparagraphs: DraftSubparagraph[];
}

/** Rebuilds the nesting of flat subparagraphs from their levels (see nodes/registry.ts). */
function $nest(flat: readonly SubparagraphNode[]): Subparagraph[] {
  const top: DraftSubparagraph[] = [];
  // lists[i] receives the subparagraphs of level i + 1 at this point of the walk.
  const lists: DraftSubparagraph[][] = [top];
  for (const node of flat) {
    const depth = Math.min(node.getLevel(), lists.length);
    lists.length = depth;
    const draft: DraftSubparagraph = { content: $exportInlines(node.getChildren()), subparagraphs: [] };
    lists[depth - 1]?.push(draft);
    lists.push(draft.subparagraphs);
  }
  return top;
}

function $exportFootnotes(entries: readonly FootnoteNode[]): Footnote[] {
  const order = $footnoteReferenceOrder();
  const rank = new Map(order.map((id, index) => [id, index]));
  return entries
    .map((entry, index) => ({ entry, index, rank: rank.get(entry.getFootnoteId()) ?? order.length }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ entry }) => {
      const printed = entry.getPrintedNumber();
      const resolved = entry.getResolved();
      return {
        id: entry.getFootnoteId(),
        ...(printed === null ? {} : { number: printed }),
        content: $exportInlines(entry.getChildren()),
        ...(resolved === null ? {} : { resolved }),
      };
    });
}
