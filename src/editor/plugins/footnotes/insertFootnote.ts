/**
 * Inserting a footnote (INSERT_FOOTNOTE_COMMAND, Ctrl+Alt+F as in Word): a reference at the caret,
 * its text in the footnote container, and the caret in that text so the drafter types the source
 * (UN practice: citing instruments: "United Nations, *Treaty Series*, vol. 2225, No. 39574.").
 * The number is not chosen here: the structure transform numbers references and sorts the texts in
 * order of first reference (transforms/structure.ts, repairs 4 and 5).
 */
import { $createTextNode, $getSelection, $isRangeSelection } from 'lexical';
import { $createFootnoteNode, type FootnoteNode } from '../../nodes/FootnoteNode.ts';
import { $createFootnoteRefNode } from '../../nodes/FootnoteRefNode.ts';
import { $ensureFootnotesContainer, $isInFootnotes, $newFootnoteId } from './footnoteTree.ts';

/**
 * Inserts a footnote at the caret with `text` (empty: an empty text to type in) and moves the caret
 * to the end of the new footnote's text. A selection is kept: the reference goes after it, as a
 * marker follows the words it documents. Returns the new footnote text, or null where no footnote
 * can go (no caret in the text, or the caret inside a footnote text: a footnote has no footnotes).
 * `reserved`: ids not to reuse (see `$newFootnoteId`).
 */
export function $insertFootnote(
  text: string,
  reserved?: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): FootnoteNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  if ($isInFootnotes(selection.anchor.getNode()) || $isInFootnotes(selection.focus.getNode())) return null;
  if (!selection.isCollapsed()) {
    const end = selection.isBackward() ? selection.anchor : selection.focus;
    const { key, offset, type } = end;
    selection.anchor.set(key, offset, type);
    selection.focus.set(key, offset, type);
  }
  const footnoteId = $newFootnoteId(reserved);
  selection.insertNodes([$createFootnoteRefNode(footnoteId)]);
  const footnote = $createFootnoteNode(footnoteId);
  if (text !== '') footnote.append($createTextNode(text));
  $ensureFootnotesContainer().append(footnote);
  footnote.selectEnd();
  return footnote;
}
