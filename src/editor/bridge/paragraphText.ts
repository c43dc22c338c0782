/**
 * The page's paragraphs as delegates cite them (PP1, OP3) with their printed text, and a paragraph's
 * text replaced whole: what a proposal on a shared draft reads and, accepted, writes.
 */
import { $createTextNode, $getRoot, $isTextNode, type ElementNode } from 'lexical';
import { $createOpenerNode, $isOpenerNode } from '../nodes/OpenerNode.ts';
import { $isOperativeParagraphNode } from '../nodes/OperativeParagraphNode.ts';
import { $isPreambularParagraphNode } from '../nodes/PreambularParagraphNode.ts';

export interface PageParagraph {
  /** "operative:3" */
  readonly key: string;
  /** "OP3" */
  readonly label: string;
  readonly node: ElementNode;
  readonly text: string;
  readonly opener: string;
}

/** The preambular and operative paragraphs before any section heading, in order; call in a read or update. */
export function $pageParagraphs(): PageParagraph[] {
  const out: PageParagraph[] = [];
  let pp = 0;
  let op = 0;
  for (const child of $getRoot().getChildren()) {
    if (child.getType() === 'res-section-heading') break;
    const preamble = $isPreambularParagraphNode(child);
    if (!preamble && !$isOperativeParagraphNode(child)) continue;
    const n = preamble ? ++pp : ++op;
    const first = child.getFirstChild();
    out.push({
      key: `${preamble ? 'preamble' : 'operative'}:${n}`,
      label: `${preamble ? 'PP' : 'OP'}${n}`,
      node: child,
      text: child.getTextContent(),
      opener: $isOpenerNode(first) ? first.getTextContent() : '',
    });
  }
  return out;
}

/**
 * Replaces a paragraph's words with `text`, its opener kept as the opener when the text still begins
 * with it. Null when done, or why not: a paragraph with footnote references or references is left for
 * the facilitator to edit by hand, since plain text cannot carry them.
 */
export function $replaceParagraphText(node: ElementNode, text: string): string | null {
  const children = node.getChildren();
  if (children.some((c) => !$isTextNode(c)))
    return 'This paragraph has footnote references or cited documents: make the change in the text itself.';
  const first = children[0];
  const opener = $isOpenerNode(first) ? first.getTextContent() : '';
  node.clear();
  if (opener !== '' && text.startsWith(opener)) {
    node.append($createOpenerNode(opener));
    if (text.length > opener.length) node.append($createTextNode(text.slice(opener.length)));
  } else node.append($createTextNode(text));
  return null;
}
