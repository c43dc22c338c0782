/**
 * A rule's quick fix applied to the editor's nodes (issue 6): the same edits `applyFix` applies to the
 * model (core/rules/fix.ts), translated into Lexical operations so that the fix is one ordinary editor
 * update — one undo step, the caret kept, the transforms (numbering, footnote order) run as after typing.
 *
 * - `replaceText`: spliced into the text nodes the range covers. The inserted text takes the style of
 *   the first replaced character (of the one before, for an insertion), footnote references inside the
 *   range stay after it, as `spliceInlines` does. One deviation: an insertion at the very end of an
 *   opener goes after the opener as plain text (the model would append it to the opener, and "Requests;"
 *   is no opener — the opener transform would turn it back into plain text anyway).
 * - `setOpener`: the OpenerNode's text, or a new OpenerNode (and the space after it) where there is none.
 * - `insertFootnote`: a FootnoteRefNode at the offset (after any reference already there, outside the
 *   reference node a mention may be wrapped in) and its text in the footnotes container; the structure
 *   transform numbers it and sorts the texts (transforms/structure.ts).
 * - `setLabel`: nothing to do. The editor numbers and letters by position (nodes/registry.ts) and the
 *   bridge writes no labels, so the rules that propose it (numbering, subparagraph labels) never fire on
 *   a draft read from the editor; a label fix can only concern a model read from elsewhere.
 */
import {
  $createTextNode,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import type { Fix, FixEdit, ParagraphAddress, TextRange } from '../../../core/rules/types.ts';
import { $exportInlines } from '../../bridge/export.ts';
import { $inlineNodes } from '../../bridge/import.ts';
import { needsSeparator } from '../../bridge/separator.ts';
import { $createFootnoteNode } from '../../nodes/FootnoteNode.ts';
import { $createFootnoteRefNode, $isFootnoteRefNode } from '../../nodes/FootnoteRefNode.ts';
import { $createOpenerNode } from '../../nodes/OpenerNode.ts';
import { $ensureFootnotesContainer, $newFootnoteId } from '../footnotes/footnoteTree.ts';
import {
  $paragraphEntries,
  $paragraphText,
  addressKey,
  leafAt,
  toEditorOffset,
  type ParagraphText,
} from './locate.ts';

/** Why a fix could not be applied: its paragraph or range is not in the editor as the rule saw it. */
export class StaleFixError extends Error {}

/**
 * Applies every edit of `fix` to the editor; call inside one `editor.update`. Throws `StaleFixError`
 * when an edit names a paragraph the draft no longer has or a range outside its text (the draft
 * changed since the check); nothing is applied then, since the checks happen before any edit.
 * Returns where the caret belongs afterwards: the paragraph and printed offset after the first edit.
 */
export function $applyEditorFix(fix: Fix): { paragraph: ElementNode; offset: number } | null {
  const entries = new Map($paragraphEntries().map((e) => [addressKey(e.address), e.node]));
  const groups = new Map<string, { address: ParagraphAddress; edits: FixEdit[] }>();
  for (const edit of fix.edits) {
    const key = addressKey(edit.target);
    const group = groups.get(key);
    if (group) group.edits.push(edit);
    else groups.set(key, { address: edit.target, edits: [edit] });
  }
  // Check everything first, so that a stale fix changes nothing.
  const plans: { node: ElementNode; edits: FixEdit[] }[] = [];
  for (const [key, { address, edits }] of groups) {
    const node = entries.get(key);
    if (!node) throw new StaleFixError(`no paragraph at ${key}`);
    const text = $paragraphText(node);
    for (const edit of edits) checkEdit(text, edit, address);
    plans.push({ node, edits });
  }
  let caret: { paragraph: ElementNode; offset: number } | null = null;
  for (const { node, edits } of plans) {
    const position = (e: FixEdit): number =>
      e.kind === 'replaceText' ? e.range.start : e.kind === 'insertFootnote' ? e.at : -1;
    // From the end of the paragraph backwards: each edit's offsets are still those the rule measured.
    const ordered = [...edits].sort((a, b) => position(b) - position(a));
    for (const edit of ordered) $applyEdit(node, edit);
    if (caret === null) {
      const first = edits[0];
      const text = $paragraphText(node);
      const offset =
        first?.kind === 'replaceText'
          ? first.range.start + first.text.length
          : first?.kind === 'insertFootnote'
            ? first.at
            : text.openerLength;
      caret = { paragraph: node, offset };
    }
  }
  return caret;
}

function checkEdit(text: ParagraphText, edit: FixEdit, address: ParagraphAddress): void {
  const where = addressKey(address);
  const length = text.printed.length;
  if (edit.kind === 'replaceText') {
    const { start, end } = edit.range;
    if (start < 0 || end < start || end > length)
      throw new StaleFixError(`range ${start}-${end} is outside ${where} (length ${length})`);
    if (text.opener && start < text.openerLength && end > text.openerLength)
      throw new StaleFixError(`range ${start}-${end} of ${where} spans its opener and its text`);
  } else if (edit.kind === 'insertFootnote') {
    if (edit.at < text.contentStart && !(edit.at === text.openerLength && text.opener))
      throw new StaleFixError(`a footnote cannot go inside the opener of ${where}`);
    if (edit.at > length) throw new StaleFixError(`offset ${edit.at} is outside ${where}`);
  }
}

function $applyEdit(paragraph: ElementNode, edit: FixEdit): void {
  switch (edit.kind) {
    case 'replaceText':
      $replaceText(paragraph, edit.range, edit.text);
      return;
    case 'setOpener':
      $setOpener(paragraph, edit.opener);
      return;
    case 'insertFootnote':
      $insertFootnoteAt(paragraph, edit.at, edit.content);
      return;
    case 'setLabel':
      // Labels follow position in the editor (see the comment at the top).
      return;
  }
}

function $replaceText(paragraph: ElementNode, range: TextRange, insert: string): void {
  const text = $paragraphText(paragraph);
  const { start, end } = range;
  if (text.opener && end <= text.openerLength && !(start === end && start === text.openerLength)) {
    text.opener.spliceText(start, end - start, insert);
    return;
  }
  // A range that begins at the opener's end begins, in the editor, after the space that follows it.
  const e0 = toEditorOffset(text, Math.max(start, text.contentStart));
  const e1 = toEditorOffset(text, Math.max(end, text.contentStart));
  if (e0 === e1) {
    $insertAt(paragraph, text, e0, insert);
    return;
  }
  let inserted = false;
  for (const leaf of text.leaves) {
    if (leaf.end <= e0 || leaf.start >= e1) continue;
    const from = Math.max(e0, leaf.start) - leaf.start;
    const to = Math.min(e1, leaf.end) - leaf.start;
    if ($isTextNode(leaf.node)) {
      const node = leaf.node.spliceText(from, to - from, inserted ? '' : insert);
      inserted = true;
      if (node.getTextContentSize() === 0) node.remove();
    } else if (!inserted) {
      leaf.node.replace($createTextNode(insert));
      inserted = true;
    } else leaf.node.remove();
  }
}

/** Inserts plain text at an editor offset of the content, in the text before it where there is one. */
function $insertAt(paragraph: ElementNode, text: ParagraphText, offset: number, insert: string): void {
  const point = offset > text.editorContentStart || !text.opener ? leafAt(text, offset, 'before') : null;
  if (point && $isTextNode(point.node) && !point.node.is(text.opener)) {
    point.node.spliceText(point.offset, 0, insert);
    return;
  }
  const node = $createTextNode(insert);
  if (point && $isLineBreakNode(point.node)) point.node.insertAfter(node);
  else if (text.opener) {
    // Right after the opener (and the space that follows it, if any).
    const next = text.leaves[0];
    if (next && next.start < text.editorContentStart && $isTextNode(next.node))
      next.node.spliceText(next.end - next.start, 0, insert);
    else text.opener.insertAfter(node);
  } else if (text.leaves[0]) {
    const first = text.leaves[0].node;
    if ($isTextNode(first)) first.spliceText(0, 0, insert);
    else first.insertBefore(node);
  } else paragraph.append(node);
}

function $setOpener(paragraph: ElementNode, opener: string): void {
  const text = $paragraphText(paragraph);
  if (text.opener) {
    if (opener === '') text.opener.replace($createTextNode(''));
    else text.opener.setTextContent(opener);
    return;
  }
  if (opener === '') return;
  const node = $createOpenerNode(opener);
  const first = paragraph.getFirstChild();
  if (first === null) {
    paragraph.append(node);
    return;
  }
  first.insertBefore(node);
  if (needsSeparator($exportInlines(paragraph.getChildren().slice(1)))) {
    const after = node.getNextSibling();
    if ($isTextNode(after) && !after.hasFormat('italic') && after.getType() === 'text')
      after.spliceText(0, 0, ' ');
    else node.insertAfter($createTextNode(' '));
  }
}

function $insertFootnoteAt(
  paragraph: ElementNode,
  at: number,
  content: Parameters<typeof $inlineNodes>[0],
): void {
  const text = $paragraphText(paragraph);
  const offset = toEditorOffset(text, at);
  const id = $newFootnoteId();
  const ref = $createFootnoteRefNode(id);
  let anchor: LexicalNode | null = null;
  const point = offset > text.editorContentStart ? leafAt(text, offset, 'before') : null;
  if (point && !point.node.is(text.opener)) {
    anchor = point.node;
    if ($isTextNode(point.node) && point.offset < point.node.getTextContentSize()) {
      const [left] = point.node.splitText(point.offset);
      anchor = left ?? point.node;
    }
  } else if (text.opener) {
    const space = text.leaves[0];
    anchor = space && space.start < text.editorContentStart ? space.node : text.opener;
  }
  if (anchor === null) paragraph.splice(0, 0, [ref]);
  else {
    // Out of an inline element (a reference) whose end it is: a marker follows the mention.
    for (
      let parent = anchor.getParent();
      parent !== null && !parent.is(paragraph) && $isElementNode(parent) && anchor.getNextSibling() === null;
      parent = anchor.getParent()
    )
      anchor = parent;
    for (let next = anchor.getNextSibling(); $isFootnoteRefNode(next); next = anchor.getNextSibling())
      anchor = next;
    anchor.insertAfter(ref);
  }
  $ensureFootnotesContainer().append($createFootnoteNode(id).append(...$inlineNodes(content)));
}
