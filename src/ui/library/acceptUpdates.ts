/**
 * Accepting updates in the editor (issue 13, item 3): each accepted proposal is an ordinary edit of the
 * editor's nodes, made in the caller's `editor.update`, so it is one undo step, the transforms number
 * and order as after typing, and the autosave, compare and collaboration see a change like any other.
 *
 * Where a proposal now stands is read again inside the update (`updateStates` on the editor's own
 * model): whatever was typed since the panel last looked, the range replaced is the one the text has.
 * A paragraph's edit is the checks' quick-fix edit (`$applyEditorFix`); a footnote's text and a new
 * preambular paragraph are edited here.
 */
import { $createTextNode, $getRoot, $isElementNode, type ElementNode, type LexicalEditor } from 'lexical';
import { planUpdates, type UpdateProposal, type UpdateState } from '../../core/library/update.ts';
import type { TextRange } from '../../core/rules/types.ts';
import { $exportResolution } from '../../editor/bridge/export.ts';
import { $createOpenerNode } from '../../editor/nodes/OpenerNode.ts';
import {
  $createPreambularParagraphNode,
  $isPreambularParagraphNode,
} from '../../editor/nodes/PreambularParagraphNode.ts';
import { $isFormulaNode } from '../../editor/nodes/FormulaNode.ts';
import { $isSectionHeadingNode } from '../../editor/nodes/SectionHeadingNode.ts';
import { $domRangeFor } from '../../editor/plugins/checks/domRange.ts';
import { $applyEditorFix } from '../../editor/plugins/checks/editorFix.ts';
import { $findParagraph } from '../../editor/plugins/checks/locate.ts';
import { $findFootnoteText } from '../../editor/plugins/footnotes/footnoteTree.ts';

/** Replaces [start, end) of an element's text (its text nodes in order) with `insert`. */
function $spliceText(element: ElementNode, range: TextRange, insert: string): void {
  let position = 0;
  let inserted = false;
  for (const node of element.getAllTextNodes()) {
    const from = position;
    const to = position + node.getTextContentSize();
    position = to;
    if (range.start === range.end) {
      if (!inserted && range.start >= from && range.start <= to) {
        node.spliceText(range.start - from, 0, insert);
        inserted = true;
      }
      continue;
    }
    if (to <= range.start || from >= range.end) continue;
    const a = Math.max(range.start, from) - from;
    const b = Math.min(range.end, to) - from;
    const kept = node.spliceText(a, b - a, inserted ? '' : insert);
    inserted = true;
    if (kept.getTextContentSize() === 0) kept.remove();
  }
  if (!inserted) element.append($createTextNode(insert));
}

/** A new preambular paragraph before the first of the top level (after the formula when there is none). */
function $insertPreambular(opener: string, content: string): void {
  const paragraph = $createPreambularParagraphNode().append(
    $createOpenerNode(opener),
    $createTextNode(` ${content}`),
  );
  let formula: ElementNode | null = null;
  for (const child of $getRoot().getChildren()) {
    if ($isSectionHeadingNode(child)) break;
    if ($isPreambularParagraphNode(child)) {
      child.insertBefore(paragraph);
      return;
    }
    if ($isFormulaNode(child)) formula = child;
    else if (formula !== null && $isElementNode(child)) {
      child.insertBefore(paragraph);
      return;
    }
  }
  if (formula) formula.insertAfter(paragraph);
  else $getRoot().append(paragraph);
}

/**
 * Makes those of `proposals` still pending in the editor's text; call inside `editor.update`. Returns
 * the proposals made (a rejected or overtaken one, or one already made, is left as it is).
 */
export function $acceptUpdates(proposals: readonly UpdateProposal[]): UpdateProposal[] {
  const plan = planUpdates($exportResolution(), proposals);
  if (plan.edits.length > 0) $applyEditorFix({ description: 'Accept updates', edits: [...plan.edits] });
  // Each footnote's edits from its end backwards (the plan's order), so each range is still where it was found.
  for (const f of plan.footnotes) {
    const node = $findFootnoteText(f.id);
    if (node) $spliceText(node, f.range, f.text);
  }
  for (const i of plan.inserts) $insertPreambular(i.opener, i.content);
  return [...plan.made];
}

/** The page's ranges of the pending proposals in paragraphs, for the highlight; call inside `editor.read`. */
export function $pendingRanges(
  editor: LexicalEditor,
  items: readonly { readonly state: UpdateState; readonly pending: boolean }[],
): Range[] {
  const out: Range[] = [];
  for (const { state, pending } of items) {
    const place = state.place;
    if (!pending || place?.type !== 'paragraph') continue;
    const node = $findParagraph(place.address);
    const range = node ? $domRangeFor(editor, node, place.range) : null;
    if (range) out.push(range);
  }
  return out;
}
