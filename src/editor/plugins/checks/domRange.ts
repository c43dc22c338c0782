/**
 * A diagnostic's place in the page as a DOM Range, for the underlines (highlights.ts): the paragraph's
 * leaves (locate.ts) give the text nodes Lexical rendered, `getElementByKey` their elements.
 */
import { $isTextNode, type ElementNode, type LexicalEditor } from 'lexical';
import type { TextRange } from '../../../core/rules/types.ts';
import { $paragraphText, leafAt, toEditorOffset, type LeafPoint, type ParagraphText } from './locate.ts';

/** The DOM text node inside a text node's element (Lexical may nest tags for formats: <em><strong>). */
function textIn(element: Node): Text | null {
  if (element.nodeType === Node.TEXT_NODE) return element as Text;
  for (let child = element.firstChild; child !== null; child = child.nextSibling) {
    const found = textIn(child);
    if (found) return found;
  }
  return null;
}

function setBoundary(editor: LexicalEditor, range: Range, at: LeafPoint, end: boolean): boolean {
  const element = editor.getElementByKey(at.node.getKey());
  if (element === null) return false;
  if ($isTextNode(at.node)) {
    const text = textIn(element);
    if (text === null) return false;
    const offset = Math.min(at.offset, text.length);
    if (end) range.setEnd(text, offset);
    else range.setStart(text, offset);
    return true;
  }
  // A line break: before or after its <br>.
  if (at.offset === 0) {
    if (end) range.setEndBefore(element);
    else range.setStartBefore(element);
  } else if (end) range.setEndAfter(element);
  else range.setStartAfter(element);
  return true;
}

/**
 * The DOM range of `range` of the paragraph's printed text (the whole text without one). An empty range
 * (where a missing mark belongs) is widened to the character before it, or after it, so it shows.
 * Null when the paragraph has no text or is not rendered. Call inside `editor.read`.
 */
export function $domRangeFor(
  editor: LexicalEditor,
  paragraph: ElementNode | ParagraphText,
  range: TextRange | undefined,
): Range | null {
  const text = 'printed' in paragraph ? paragraph : $paragraphText(paragraph);
  const length = text.printed.length;
  if (length === 0) return null;
  let { start, end } = range ?? { start: 0, end: length };
  start = Math.min(Math.max(start, 0), length);
  end = Math.min(Math.max(end, start), length);
  if (start === end) {
    if (start > 0) start -= 1;
    else end += 1;
  }
  const from = leafAt(text, toEditorOffset(text, start), 'after');
  const to = leafAt(text, toEditorOffset(text, end), 'before');
  if (!from || !to) return null;
  const dom = (editor.getRootElement()?.ownerDocument ?? document).createRange();
  if (!setBoundary(editor, dom, from, false) || !setBoundary(editor, dom, to, true)) return null;
  return dom;
}
