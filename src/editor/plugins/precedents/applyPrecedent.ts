/**
 * Putting a precedent's wording into the draft (issue 4: "One click puts the precedent's wording in
 * (footnotes carried along) or inserts it as a new paragraph"), as one editor update, so one undo
 * takes it back.
 *
 * Footnotes come along as new footnotes of the draft: each reference gets a fresh id and its text is
 * appended to the footnote texts; the structure transform numbers and orders them by first
 * reference. A footnote that only says "Ibid." in the corpus leans on the note printed before it in
 * the report, which the draft does not have, so it gets the source itself (UN practice:
 * citing instruments; the same rule as a draft started from a corpus resolution, core/drafts/start.ts). The
 * footnotes of the wording replaced leave with their references (footnotes/repairFootnotes.ts).
 */
import { $getEditor, $getSelection, $setSelection, type LexicalNode } from 'lexical';
import { inlineText, normalizeInlines } from '../../../core/model/inline.ts';
import type { Footnote, Inline } from '../../../core/model/types.ts';
import { isIbid } from '../../../core/references/ibid.ts';
import { footnoteContent } from '../../../core/references/lookup.ts';
import { $inlineNodes } from '../../bridge/import.ts';
import { needsSeparator } from '../../bridge/separator.ts';
import { $createFootnoteNode } from '../../nodes/FootnoteNode.ts';
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
import { $ensureFootnotesContainer, $newFootnoteId } from '../footnotes/footnoteTree.ts';
import { footnoteCacheOf } from '../footnotes/repairFootnotes.ts';
import { $draftParagraphByKey, type DraftParagraphNode } from './caretParagraph.ts';

/** What is put in: a precedent's opener, its content with footnote references, and their footnotes. */
export interface Wording {
  readonly opener: string;
  readonly content: readonly Inline[];
  readonly footnotes: readonly Footnote[];
}

/** A footnote of the corpus as a draft's own: "Ibid." expanded, *Treaty Series* in italics. */
export function standaloneFootnoteContent(footnote: Footnote): Inline[] {
  if (isIbid(inlineText(footnote.content)) && footnote.resolved !== undefined)
    return footnoteContent(footnote.resolved);
  return normalizeInlines(
    footnote.content.flatMap((run) =>
      run.type === 'text' && !run.italic ? footnoteContent(run.text) : [run],
    ),
  );
}

/**
 * The wording's content with each footnote reference renamed to a fresh id of this draft, its
 * footnote text appended to the footnotes; a reference whose footnote the precedent lacks is dropped.
 */
function $carryFootnotes(wording: Wording): Inline[] {
  const byId = new Map(wording.footnotes.map((f) => [f.id, f]));
  const reserved = new Set<string>(footnoteCacheOf($getEditor()).keys());
  const renamed = new Map<string, string>();
  const out: Inline[] = [];
  for (const part of wording.content) {
    if (part.type !== 'footnoteRef') {
      out.push(part);
      continue;
    }
    const footnote = byId.get(part.footnoteId);
    if (footnote === undefined) continue;
    let fresh = renamed.get(part.footnoteId);
    if (fresh === undefined) {
      fresh = $newFootnoteId(reserved);
      reserved.add(fresh);
      renamed.set(part.footnoteId, fresh);
      $ensureFootnotesContainer().append(
        $createFootnoteNode(fresh).append(...$inlineNodes(standaloneFootnoteContent(footnote))),
      );
    }
    out.push({ type: 'footnoteRef', footnoteId: fresh });
  }
  return normalizeInlines(out);
}

/**
 * The nodes of the wording for `target`: a preambular or operative paragraph takes the opener as its
 * opener; a subparagraph or annex item has none, so the opener is read as its first words.
 */
function $wordingNodes(target: DraftParagraphNode, wording: Wording): LexicalNode[] {
  const content = $carryFootnotes(wording);
  const opener = wording.opener.trim();
  if (opener === '') return $inlineNodes(content);
  const separated: Inline[] = needsSeparator(content) ? [{ type: 'text', text: ' ' }, ...content] : content;
  if ($isSubparagraphNode(target)) return $inlineNodes([{ type: 'text', text: opener }, ...separated]);
  return [$createOpenerNode(opener), ...$inlineNodes(separated)];
}

/**
 * Replaces the words of the paragraph with key `key` by the wording and puts the caret at its end.
 * False when that paragraph is gone.
 */
export function $replaceWording(key: string, wording: Wording): boolean {
  const paragraph = $draftParagraphByKey(key);
  if (paragraph === null) return false;
  const nodes = $wordingNodes(paragraph, wording);
  paragraph.clear();
  paragraph.append(...nodes);
  if ($getSelection() !== null) $setSelection(null);
  paragraph.selectEnd();
  return true;
}

/**
 * The node after which a new sibling of `paragraph` goes: after its own subparagraphs, so that they
 * stay with it (they belong to the paragraph before them, nodes/registry.ts).
 */
function $lastOfTree(paragraph: DraftParagraphNode): LexicalNode {
  if ($isPreambularParagraphNode(paragraph)) return paragraph;
  const level = $isOperativeParagraphNode(paragraph) ? 0 : paragraph.getLevel();
  let last: LexicalNode = paragraph;
  for (let next = paragraph.getNextSibling(); $isSubparagraphNode(next) && next.getLevel() > level;) {
    last = next;
    next = next.getNextSibling();
  }
  return last;
}

function $sameKind(paragraph: DraftParagraphNode): DraftParagraphNode {
  if ($isPreambularParagraphNode(paragraph)) return $createPreambularParagraphNode();
  if ($isOperativeParagraphNode(paragraph)) return $createOperativeParagraphNode();
  return $createSubparagraphNode(paragraph.getLevel());
}

/**
 * Inserts the wording as a new paragraph of the same kind after the paragraph with key `key` (and its
 * subparagraphs) and puts the caret at its end. Returns the new paragraph's key, or null when that
 * paragraph is gone.
 */
export function $insertWordingAfter(key: string, wording: Wording): string | null {
  const paragraph = $draftParagraphByKey(key);
  if (paragraph === null) return null;
  const fresh = $sameKind(paragraph);
  fresh.append(...$wordingNodes(fresh, wording));
  $lastOfTree(paragraph).insertAfter(fresh);
  if ($getSelection() !== null) $setSelection(null);
  fresh.selectEnd();
  return fresh.getKey();
}
