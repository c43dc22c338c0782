/**
 * Core model → editor state: replaces the root's content with the document, laid out as described
 * in nodes/registry.ts, then numbers it (so the state is right even before any transform runs).
 * Labels in the model are not read: numbers and labels follow position (see normalizeForEditor),
 * except that a section's labels say whether its numbering restarts at 1 (bridge/sections.ts).
 */
import { normalizeInlines } from '../../core/model/inline.ts';
import type {
  Annex,
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../../core/model/types.ts';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $setSelection,
  IS_ITALIC,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { $createAnnexHeadingNode } from '../nodes/AnnexHeadingNode.ts';
import { $createAnnexIntroNode } from '../nodes/AnnexIntroNode.ts';
import { $createAnnexNode } from '../nodes/AnnexNode.ts';
import { $createAnnexTitleNode } from '../nodes/AnnexTitleNode.ts';
import { $createFootnoteNode } from '../nodes/FootnoteNode.ts';
import { $createFootnoteRefNode } from '../nodes/FootnoteRefNode.ts';
import { $createFootnotesNode } from '../nodes/FootnotesNode.ts';
import { $createFormulaNode } from '../nodes/FormulaNode.ts';
import { $createOpenerNode } from '../nodes/OpenerNode.ts';
import { $createOperativeParagraphNode } from '../nodes/OperativeParagraphNode.ts';
import { $createPreambularParagraphNode } from '../nodes/PreambularParagraphNode.ts';
import { $createSectionHeadingNode } from '../nodes/SectionHeadingNode.ts';
import { $createSubparagraphNode } from '../nodes/SubparagraphNode.ts';
import { $createTitleNode } from '../nodes/TitleNode.ts';
import { $normalizeResolution } from '../transforms/structure.ts';
import { sectionRestarts } from './sections.ts';
import { needsSeparator } from './separator.ts';

/**
 * Replaces the editor's content with `doc`; call inside `editor.update`. `repair: false` leaves the
 * structure's repairs (numbering, order, footnotes) to the structure transform, for an editor that has
 * it registered: it runs them at the end of the same update, and running them here too would do the
 * work twice on opening a draft.
 */
export function $importResolution(
  doc: ResolutionDocument,
  { repair = true }: { readonly repair?: boolean } = {},
): void {
  const root = $getRoot();
  root.clear();
  root.append(
    $createTitleNode().append(...$textNodes(doc.title)),
    $createFormulaNode().append(...$textNodes(doc.formula)),
    ...$partNodes(doc.preamble, doc.operative),
  );
  for (const section of doc.sections ?? [])
    root.append(
      $createSectionHeadingNode(section.number, sectionRestarts(section)).append(
        ...$textNodes(section.heading),
      ),
      ...$partNodes(section.preamble, section.operative),
    );
  if (doc.annex !== null) root.append($annexNode(doc.annex));
  if (doc.footnotes.length > 0) {
    root.append(
      $createFootnotesNode().append(
        ...doc.footnotes.map((footnote) =>
          $createFootnoteNode(footnote.id)
            .setPrintedNumber(footnote.number ?? null)
            .setResolved(footnote.resolved ?? null)
            .append(...$inlineNodes(footnote.content)),
        ),
      ),
    );
  }
  // The old selection pointed into the nodes just removed; where the caret goes is the caller's choice.
  if ($getSelection() !== null) $setSelection(null);
  if (repair) $normalizeResolution();
}

/** Inline content → text nodes (italic kept) and footnote references. */
export function $inlineNodes(content: readonly Inline[]): LexicalNode[] {
  return normalizeInlines(content).map((part) =>
    part.type === 'footnoteRef'
      ? $createFootnoteRefNode(part.footnoteId)
      : $createTextNode(part.text).setFormat(part.italic ? IS_ITALIC : 0),
  );
}

function $textNodes(text: string): LexicalNode[] {
  return text === '' ? [] : [$createTextNode(text)];
}

function $withOpener<T extends ElementNode>(paragraph: T, opener: string, content: readonly Inline[]): T {
  const normalized = normalizeInlines(content);
  if (opener === '') return paragraph.append(...$inlineNodes(normalized));
  const rest: Inline[] = needsSeparator(normalized)
    ? [{ type: 'text', text: ' ' }, ...normalized]
    : normalized;
  return paragraph.append($createOpenerNode(opener), ...$inlineNodes(rest));
}

/** A preamble and an operative part as flat blocks: each paragraph followed by its subparagraphs. */
function $partNodes(
  preamble: readonly PreambularParagraph[],
  operative: readonly OperativeParagraph[],
): LexicalNode[] {
  return [
    ...preamble.flatMap((p) => [
      $withOpener($createPreambularParagraphNode(), p.opener, p.content),
      ...$flattenSubparagraphs(p.subparagraphs ?? [], 1),
    ]),
    ...operative.flatMap((p) => [
      $withOpener($createOperativeParagraphNode(), p.opener, p.content),
      ...$flattenSubparagraphs(p.subparagraphs, 1),
    ]),
  ];
}

/** The annex: title, introduction, then the items with each heading before the item it precedes. */
function $annexNode({ title, intro, items, headings = [] }: Annex): LexicalNode {
  const annex = $createAnnexNode().append($createAnnexTitleNode().append(...$textNodes(title)));
  const introNodes = $inlineNodes(intro);
  if (introNodes.length > 0) annex.append($createAnnexIntroNode().append(...introNodes));
  // Headings in the order of their places (a place past the last item puts one at the end).
  const placed = headings
    .map((heading, index) => ({ heading, index, at: Math.min(heading.before, items.length) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  let next = 0;
  const $headingsBefore = (item: number): LexicalNode[] => {
    const out: LexicalNode[] = [];
    for (let h = placed[next]; h !== undefined && h.at <= item; h = placed[++next])
      out.push($createAnnexHeadingNode(h.heading.number).append(...$textNodes(h.heading.heading)));
    return out;
  };
  items.forEach((item, k) => {
    annex.append(...$headingsBefore(k), ...$flattenSubparagraphs([item], 1));
  });
  return annex.append(...$headingsBefore(items.length));
}

function $flattenSubparagraphs(subparagraphs: readonly Subparagraph[], level: number): LexicalNode[] {
  return subparagraphs.flatMap((sub) => [
    $createSubparagraphNode(level).append(...$inlineNodes(sub.content)),
    ...$flattenSubparagraphs(sub.subparagraphs, level + 1),
  ]);
}
