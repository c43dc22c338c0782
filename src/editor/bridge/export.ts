/**
 * Editor state → core model (ARCHITECTURE.md convention 2: the model is the truth; saved drafts,
 * compare, lint and export read it, not the editor's JSON).
 *
 * What the editor does not know comes from `base`: kind, number, organ and metadata. Positional
 * values are not written: operative and subparagraph `label`s are omitted (position decides) and a
 * footnote's displayed marker is not its `number` (that field keeps the marker printed in a source).
 * References (ReferenceNode) are written as their text: the model has no inline for them yet.
 *
 * The exception is a section's operative paragraphs: they are labelled with the numbers they show,
 * which say whether the section restarts at 1 (bridge/sections.ts).
 *
 * The reader assumes the layout of nodes/registry.ts but does not require the transforms to have
 * run: a subparagraph belongs to the preambular or operative paragraph before it, one with no
 * paragraph before it in its part is read as an operative paragraph, and a level that skips one is
 * read one level down from its predecessor, as the transforms would repair them; operative
 * paragraphs and subparagraphs between preambular ones are read in order.
 */
import { normalizeInlines } from '../../core/model/inline.ts';
import type {
  Annex,
  AnnexHeading,
  Footnote,
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Section,
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
import { $isAnnexHeadingNode, type AnnexHeadingNode } from '../nodes/AnnexHeadingNode.ts';
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
import { $isSectionHeadingNode } from '../nodes/SectionHeadingNode.ts';
import { $isSubparagraphNode, type SubparagraphNode } from '../nodes/SubparagraphNode.ts';
import { $isTitleNode } from '../nodes/TitleNode.ts';
import { $footnoteReferenceOrder } from '../transforms/structure.ts';
import { operativeLabel } from '../../core/export/labels.ts';
import { stripSeparator } from './separator.ts';

/** One run of paragraphs: the top-level preamble and operative part, or a section's. */
interface DraftPart {
  readonly preamble: { paragraph: { opener: string; content: Inline[] }; subs: SubparagraphNode[] }[];
  readonly operative: { paragraph: { opener: string; content: Inline[] }; subs: SubparagraphNode[] }[];
  /** Whose the next subparagraph is: the last preambular or operative paragraph read. */
  owner: 'preamble' | 'operative' | null;
}

interface DraftSection {
  readonly number: string;
  readonly heading: string;
  readonly restarts: boolean;
  readonly part: DraftPart;
}

/** Reads the current editor state into a `ResolutionDocument`; call inside `editor.read`/`update`. */
export function $exportResolution(base: Partial<ResolutionDocument> = {}): ResolutionDocument {
  let title: string | null = null;
  let formula: string | null = null;
  const top: DraftPart = { preamble: [], operative: [], owner: null };
  const sections: DraftSection[] = [];
  let part = top;
  let annex: Annex | null = null;
  const footnoteNodes: FootnoteNode[] = [];

  for (const child of $getRoot().getChildren()) {
    if ($isTitleNode(child) && title === null) title = child.getTextContent();
    else if ($isFormulaNode(child) && formula === null) formula = child.getTextContent();
    else if ($isSectionHeadingNode(child)) {
      part = { preamble: [], operative: [], owner: null };
      sections.push({
        number: child.getNumber(),
        heading: $headingText(child),
        restarts: child.getRestartsNumbering(),
        part,
      });
    } else if ($isPreambularParagraphNode(child)) {
      part.preamble.push({ paragraph: $exportOpenerAndContent(child), subs: [] });
      part.owner = 'preamble';
    } else if ($isOperativeParagraphNode(child)) {
      part.operative.push({ paragraph: $exportOpenerAndContent(child), subs: [] });
      part.owner = 'operative';
    } else if ($isSubparagraphNode(child)) {
      const owner = part.owner === 'preamble' ? part.preamble.at(-1) : part.operative.at(-1);
      if (owner === undefined) {
        // An orphan (a): the transform makes it an operative paragraph, so read it as one.
        part.operative.push({
          paragraph: { opener: '', content: $exportInlines(child.getChildren()) },
          subs: [],
        });
        part.owner = 'operative';
      } else owner.subs.push(child);
    } else if ($isAnnexNode(child) && annex === null) annex = $exportAnnex(child);
    else if ($isFootnotesNode(child)) footnoteNodes.push(...child.getChildren().filter($isFootnoteNode));
  }

  const kind = base.kind ?? 'resolution';
  const preamble = (p: DraftPart): PreambularParagraph[] =>
    p.preamble.map(({ paragraph, subs }) =>
      subs.length === 0 ? paragraph : { ...paragraph, subparagraphs: $nest(subs) },
    );
  const operative = (p: DraftPart): OperativeParagraph[] =>
    p.operative.map(({ paragraph, subs }) => ({ ...paragraph, subparagraphs: $nest(subs) }));
  // A section's paragraphs carry the numbers they show: position alone could not tell a section
  // that restarts at 1 from one that runs on (bridge/sections.ts).
  let count = top.operative.length;
  const exportedSections: Section[] = sections.map((section) => {
    if (section.restarts) count = 0;
    return {
      number: section.number,
      heading: section.heading,
      preamble: preamble(section.part),
      operative: operative(section.part).map((p) => ({ label: operativeLabel(kind, ++count), ...p })),
    };
  });

  return {
    schemaVersion: SCHEMA_VERSION,
    kind,
    ...(base.number === undefined ? {} : { number: base.number }),
    organ: base.organ ?? '',
    formula: formula ?? '',
    title: title ?? '',
    metadata: base.metadata ?? {},
    preamble: preamble(top),
    operative: operative(top),
    ...(exportedSections.length > 0 ? { sections: exportedSections } : {}),
    annex,
    footnotes: $exportFootnotes(footnoteNodes),
  };
}

/**
 * A heading's text as the model keeps it, a plain string: its text (italics dropped), line breaks
 * as "\n"; a footnote reference in a heading has no place in the model and is left out.
 */
export function $headingText(heading: ElementNode): string {
  return $exportInlines(heading.getChildren())
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('');
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
  const items: (SubparagraphNode | AnnexHeadingNode)[] = [];
  for (const child of annex.getChildren()) {
    if ($isAnnexTitleNode(child) && title === null) title = child.getTextContent();
    else if ($isAnnexIntroNode(child) && intro === null) intro = $exportInlines(child.getChildren());
    else if ($isSubparagraphNode(child) || $isAnnexHeadingNode(child)) items.push(child);
  }
  const headings: AnnexHeading[] = [];
  const nested = $nest(items, (heading, before) =>
    headings.push({ before, number: heading.getNumber(), heading: $headingText(heading) }),
  );
  return {
    title: title ?? '',
    intro: intro ?? [],
    items: nested,
    ...(headings.length > 0 ? { headings } : {}),
  };
}

interface DraftSubparagraph {
  content: Inline[];
  subparagraphs: DraftSubparagraph[];
}

/**
 * Rebuilds the nesting of flat subparagraphs from their levels (see nodes/registry.ts). An annex
 * heading among them is handed to `onHeading` with the number of items before it; the item after a
 * heading is a top-level one whatever its level, as the transform makes it.
 */
function $nest(
  flat: readonly (SubparagraphNode | AnnexHeadingNode)[],
  onHeading?: (heading: AnnexHeadingNode, before: number) => void,
): Subparagraph[] {
  const top: DraftSubparagraph[] = [];
  // lists[i] receives the subparagraphs of level i + 1 at this point of the walk.
  const lists: DraftSubparagraph[][] = [top];
  for (const node of flat) {
    if ($isAnnexHeadingNode(node)) {
      onHeading?.(node, top.length);
      lists.length = 1;
      continue;
    }
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
