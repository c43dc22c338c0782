/**
 * Core model → editor state: replaces the root's content with the document, laid out as described
 * in nodes/registry.ts, then numbers it (so the state is right even before any transform runs).
 * Labels in the model are not read: numbers and labels follow position (see normalizeForEditor).
 */
import { normalizeInlines } from '../../core/model/inline.ts';
import type { Inline, ResolutionDocument, Subparagraph } from '../../core/model/types.ts';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $setSelection,
  IS_ITALIC,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
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
import { $createSubparagraphNode } from '../nodes/SubparagraphNode.ts';
import { $createTitleNode } from '../nodes/TitleNode.ts';
import { $normalizeResolution } from '../transforms/structure.ts';
import { needsSeparator } from './separator.ts';

/** Replaces the editor's content with `doc`; call inside `editor.update`. */
export function $importResolution(doc: ResolutionDocument): void {
  const root = $getRoot();
  root.clear();
  root.append(
    $createTitleNode().append(...$textNodes(doc.title)),
    $createFormulaNode().append(...$textNodes(doc.formula)),
    ...doc.preamble.map((p) => $withOpener($createPreambularParagraphNode(), p.opener, p.content)),
    ...doc.operative.flatMap((p) => [
      $withOpener($createOperativeParagraphNode(), p.opener, p.content),
      ...$flattenSubparagraphs(p.subparagraphs, 1),
    ]),
  );
  if (doc.annex !== null) {
    const { title, intro, items } = doc.annex;
    const annex = $createAnnexNode().append($createAnnexTitleNode().append(...$textNodes(title)));
    const introNodes = $inlineNodes(intro);
    if (introNodes.length > 0) annex.append($createAnnexIntroNode().append(...introNodes));
    root.append(annex.append(...$flattenSubparagraphs(items, 1)));
  }
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
  $normalizeResolution();
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

function $flattenSubparagraphs(subparagraphs: readonly Subparagraph[], level: number): LexicalNode[] {
  return subparagraphs.flatMap((sub) => [
    $createSubparagraphNode(level).append(...$inlineNodes(sub.content)),
    ...$flattenSubparagraphs(sub.subparagraphs, level + 1),
  ]);
}
