/**
 * Footnotes are deleted with their reference and moved with their text (issue 3): when the last
 * reference to a footnote leaves the text, its text goes too, but is kept here, by footnote id, so
 * that a cut-and-paste or a drag of the words carrying the reference brings it back; a reference
 * that appears without its text gets it from this cache, or an empty text marked as missing.
 *
 * A copied reference pasted while the original is still in the text is a new footnote with the
 * same text (Word does the same; the current Editorial Manual asks for "a new footnote with
 * identical text" where a source must be footnoted again, UN practice: citing instruments).
 */
import type { Inline } from '../../../core/model/types.ts';
import { $getState, $isElementNode, $setState, type LexicalEditor, type LexicalNode } from 'lexical';
import { $exportInlines } from '../../bridge/export.ts';
import { $inlineNodes } from '../../bridge/import.ts';
import { $createFootnoteNode, $isFootnoteNode, type FootnoteNode } from '../../nodes/FootnoteNode.ts';
import { $isFootnoteRefNode } from '../../nodes/FootnoteRefNode.ts';
import {
  $ensureFootnotesContainer,
  $findFootnoteText,
  $getFootnotesContainer,
  $getFootnoteTexts,
  $getTextFootnoteRefs,
  $newFootnoteId,
  footnoteMissingState,
} from './footnoteTree.ts';

/** What a removed footnote text held, to be put back as it was. */
export interface CachedFootnote {
  readonly content: readonly Inline[];
  readonly printedNumber: number | null;
  readonly resolved: string | null;
}

/** Removed footnote texts by footnote id; one per editor, for the editor's lifetime. */
export type FootnoteCache = Map<string, CachedFootnote>;

const caches = new WeakMap<LexicalEditor, FootnoteCache>();

/**
 * The editor's cache, shared by everything that gives out footnote ids (insertion, paste): a new
 * footnote must not take the id of a removed one whose reference may still be pasted back. Kept
 * per editor rather than per registration, so a plugin remounted (React StrictMode) keeps it.
 */
export function footnoteCacheOf(editor: LexicalEditor): FootnoteCache {
  let cache = caches.get(editor);
  if (cache === undefined) {
    cache = new Map();
    caches.set(editor, cache);
  }
  return cache;
}

export interface FootnoteRepair {
  /** Footnote ids whose text is to go: their last reference left the text. */
  readonly remove: readonly string[];
  /** Footnote ids referenced in the text with no footnote text: to restore or recreate. */
  readonly restore: readonly string[];
}

/**
 * What `$repairFootnotes` would change, read-only (the mutation listener asks first, so that a
 * batch needing nothing starts no update). `lost` holds the ids of references destroyed or changed
 * in the batch: only those texts may go, since an unreferenced text can be legitimate (one just
 * started with Enter in the footnote pane, or one imported from a draft).
 */
export function $planFootnoteRepair(lost: Iterable<string> = []): FootnoteRepair {
  const referenced = new Set($getTextFootnoteRefs().map((ref) => ref.getFootnoteId()));
  const texts = new Set($getFootnoteTexts().map((text) => text.getFootnoteId()));
  const remove = [...new Set(lost)].filter((id) => !referenced.has(id) && texts.has(id));
  const restore = [...referenced].filter((id) => !texts.has(id));
  return { remove, restore };
}

/**
 * Removes the texts of footnotes that lost their last reference (keeping them in `cache`) and
 * gives every reference without a text its text back: from `cache`, or empty and marked
 * `footnoteMissingState`. An id both lost and referenced again in one batch (a drag, a move by the
 * structure transform) is neither. Returns what was done.
 */
export function $repairFootnotes(cache: FootnoteCache, lost: Iterable<string> = []): FootnoteRepair {
  const plan = $planFootnoteRepair(lost);
  for (const id of plan.remove) {
    const text = $findFootnoteText(id);
    if (text === null) continue;
    cache.set(id, {
      content: $exportInlines(text.getChildren()),
      printedNumber: text.getPrintedNumber(),
      resolved: text.getResolved(),
    });
    text.remove();
  }
  const container = $getFootnotesContainer();
  if (container !== null && container.isEmpty()) container.remove();
  for (const id of plan.restore) $ensureFootnotesContainer().append($restoredFootnote(id, cache));
  return plan;
}

function $restoredFootnote(id: string, cache: FootnoteCache): FootnoteNode {
  const cached = cache.get(id);
  const text = $createFootnoteNode(id);
  if (cached === undefined) return $setState(text, footnoteMissingState, true);
  return text
    .setPrintedNumber(cached.printedNumber)
    .setResolved(cached.resolved)
    .append(...$inlineNodes(cached.content));
}

/**
 * For nodes about to be pasted: a reference whose footnote is still referenced in the text is a
 * copy, and becomes a new footnote with a copy of the text (a pasted copy of the footnote text,
 * when the clipboard holds one, is taken as that text). A reference whose original left the text
 * (a cut, a drag) keeps its id, and the repair brings its text back. Call before inserting `nodes`.
 */
export function $renameCopiedFootnoteRefs(nodes: readonly LexicalNode[], cache: FootnoteCache): void {
  const inText = new Set($getTextFootnoteRefs().map((ref) => ref.getFootnoteId()));
  const pastedTexts = new Map<string, FootnoteNode>();
  const refs: LexicalNode[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isFootnoteRefNode(node)) refs.push(node);
    else if ($isFootnoteNode(node)) pastedTexts.set(node.getFootnoteId(), node);
    if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  nodes.forEach(visit);
  const renamed = new Map<string, string>();
  for (const ref of refs) {
    if (!$isFootnoteRefNode(ref)) continue;
    const id = ref.getFootnoteId();
    if (!inText.has(id)) continue;
    let fresh = renamed.get(id);
    if (fresh === undefined) {
      fresh = $newFootnoteId(new Set([...cache.keys(), ...renamed.values()]));
      renamed.set(id, fresh);
      const pasted = pastedTexts.get(id);
      if (pasted !== undefined) pasted.setFootnoteId(fresh);
      else $ensureFootnotesContainer().append($copyOfFootnote(id, fresh, cache));
    }
    ref.setFootnoteId(fresh);
  }
}

function $copyOfFootnote(id: string, fresh: string, cache: FootnoteCache): FootnoteNode {
  const original = $findFootnoteText(id);
  const copy = $createFootnoteNode(fresh);
  if (original === null) return $restoredFootnote(id, cache).setFootnoteId(fresh);
  if ($getState(original, footnoteMissingState)) $setState(copy, footnoteMissingState, true);
  return copy
    .setPrintedNumber(null)
    .setResolved(original.getResolved())
    .append(...$inlineNodes($exportInlines(original.getChildren())));
}
