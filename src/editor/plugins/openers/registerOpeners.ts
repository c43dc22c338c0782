/**
 * Typed openers become structure: once the opening words of a preambular or operative paragraph form
 * a phrase the lexicon knows and a space follows, they turn into the italic opener ("Noting " →
 * *Noting*, then "with appreciation " extends it to *Noting with appreciation*). An opener edited
 * into something unknown goes back to plain text.
 */
import {
  $createTextNode,
  $isTextNode,
  TextNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import { isKnownOpener, matchOpenerPrefix } from '../../../core/lexicon/match.ts';
import { findOpener } from '../../../core/parse/opener.ts';
import { $createOpenerNode, $isOpenerNode, OpenerNode } from '../../nodes/OpenerNode.ts';
import { OperativeParagraphNode } from '../../nodes/OperativeParagraphNode.ts';
import { PreambularParagraphNode } from '../../nodes/PreambularParagraphNode.ts';
import { $isPlaceholderNode } from '../../nodes/PlaceholderNode.ts';

/**
 * How much of a paragraph's opening text is matched against the lexicon: far more than its longest
 * opener and the character after it, so the match is the same as on the whole text, but a bounded read
 * on each keystroke however long the paragraph (issue 3, "Speed").
 */
const OPENING_CHARS = 200;

/** Answers kept of whether an opener is known (see `registerOpeners`), per part. */
const KNOWN_OPENERS_KEPT = 1000;

function $detect(paragraph: ElementNode, lexicon: Lexicon, part: 'preamble' | 'operative'): void {
  const first = paragraph.getFirstChild();
  if ($isOpenerNode(first)) {
    // Extend: "Noting" + " with appreciation the" → "Noting with appreciation".
    const next = first.getNextSibling();
    if (!$isTextNode(next) || $isOpenerNode(next) || $isPlaceholderNode(next) || next.hasFormat('italic'))
      return;
    const combined = first.getTextContent() + next.getTextContent().slice(0, OPENING_CHARS);
    const match = matchOpenerPrefix(lexicon, combined, part);
    if (!match || match.length <= first.getTextContent().length) return;
    const take = match.length - first.getTextContent().length;
    if (take >= next.getTextContentSize()) return;
    const [head] = next.splitText(take);
    first.setTextContent(match);
    head?.remove();
    return;
  }
  if (!$isTextNode(first) || $isPlaceholderNode(first)) return;
  const match = matchOpenerPrefix(lexicon, first.getTextContent().slice(0, OPENING_CHARS), part);
  if (!match) return;
  const [head] = first.splitText(match.length);
  head?.replace($createOpenerNode(match));
}

function $detectAround(node: LexicalNode, lexicon: Lexicon): void {
  const parent = node.getParent();
  // Only the first words of a paragraph can be its opener: the first child, or the one after the opener.
  const previous = node.getPreviousSibling();
  if (previous !== null && !$isOpenerNode(previous)) return;
  if (parent instanceof PreambularParagraphNode) $detect(parent, lexicon, 'preamble');
  else if (parent instanceof OperativeParagraphNode) $detect(parent, lexicon, 'operative');
}

export function registerOpeners(editor: LexicalEditor, lexicon: Lexicon): () => void {
  // Whether an opener is known, by part and text: a paste of a thousand paragraphs asks it a thousand
  // times for a few dozen openers, and each answer compares the text with every form of the lexicon.
  const known = { preamble: new Map<string, boolean>(), operative: new Map<string, boolean>() };
  const isKnown = (text: string, part: 'preamble' | 'operative'): boolean => {
    const answers = known[part];
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = isKnownOpener(lexicon, text, part);
      if (answers.size >= KNOWN_OPENERS_KEPT) answers.clear();
      answers.set(text, answer);
    }
    return answer;
  };
  return mergeRegister(
    // Typing changes a text node; its paragraph is not marked dirty on purpose, so element transforms
    // would miss it. The text node's transform looks at its paragraph.
    editor.registerNodeTransform(TextNode, (node) => $detectAround(node, lexicon)),
    editor.registerNodeTransform(PreambularParagraphNode, (node) => $detect(node, lexicon, 'preamble')),
    editor.registerNodeTransform(OperativeParagraphNode, (node) => $detect(node, lexicon, 'operative')),
    editor.registerNodeTransform(OpenerNode, (node) => {
      const parent = node.getParent();
      const part = parent instanceof OperativeParagraphNode ? 'operative' : 'preamble';
      const text = node.getTextContent();
      if (text === '' || isKnown(text, part) || findOpener(`${text} `) === text) return;
      node.replace($createTextNode(text));
    }),
  );
}
