/**
 * Where the footnotes lie in the editor (nodes/registry.ts): references (`FootnoteRefNode`) in the
 * text, texts (`FootnoteNode`) in the one `FootnotesNode` container at the end of the root. These
 * lookups are shared by the footnote commands, the repair after deletions and the footnote pane.
 */
import { $getRoot, $isElementNode, createState, type LexicalNode } from 'lexical';
import { $isFootnoteNode, type FootnoteNode } from '../../nodes/FootnoteNode.ts';
import { $isFootnoteRefNode, type FootnoteRefNode } from '../../nodes/FootnoteRefNode.ts';
import { $createFootnotesNode, $isFootnotesNode, type FootnotesNode } from '../../nodes/FootnotesNode.ts';

/**
 * Set on a footnote text recreated empty because its reference came back (a paste, an undo
 * elsewhere) and its text was nowhere to be found: the page marks it until the drafter types it.
 */
export const footnoteMissingState = createState('resFootnoteMissing', {
  parse: (value: unknown): boolean => value === true,
});

/** The footnote texts container, or null when the draft has no footnotes. */
export function $getFootnotesContainer(): FootnotesNode | null {
  for (const child of $getRoot().getChildren()) if ($isFootnotesNode(child)) return child;
  return null;
}

/** The footnote texts container, created at the end of the root when missing. */
export function $ensureFootnotesContainer(): FootnotesNode {
  const found = $getFootnotesContainer();
  if (found !== null) return found;
  const created = $createFootnotesNode();
  $getRoot().append(created);
  return created;
}

/** Every footnote text of the draft, in the container's order (the order of first reference). */
export function $getFootnoteTexts(): FootnoteNode[] {
  return $getFootnotesContainer()?.getChildren().filter($isFootnoteNode) ?? [];
}

export function $findFootnoteText(footnoteId: string): FootnoteNode | null {
  return $getFootnoteTexts().find((node) => node.getFootnoteId() === footnoteId) ?? null;
}

/**
 * The references in the text (title to annex), in document order. References inside footnote
 * texts are left out, as in `$footnoteReferenceOrder` (transforms/structure.ts): they do not
 * anchor a footnote in the resolution.
 */
export function $getTextFootnoteRefs(): FootnoteRefNode[] {
  const out: FootnoteRefNode[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isFootnoteRefNode(node)) out.push(node);
    else if ($isElementNode(node) && !$isFootnotesNode(node))
      for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return out;
}

/** Whether `node` lies inside the footnote texts container. */
export function $isInFootnotes(node: LexicalNode): boolean {
  for (let at: LexicalNode | null = node; at !== null; at = at.getParent())
    if ($isFootnotesNode(at)) return true;
  return false;
}

/**
 * A fresh footnote id, "fn1", "fn2" ...: the first that no footnote text, no reference and no
 * `reserved` id uses. `reserved` holds the ids of footnotes removed with their reference and kept
 * for a paste: a new footnote must not take the id a pasted reference will come back with.
 */
export function $newFootnoteId(
  reserved: ReadonlySet<string> | ReadonlyMap<string, unknown> = new Set(),
): string {
  const used = new Set<string>(reserved.keys());
  const visit = (node: LexicalNode): void => {
    if ($isFootnoteNode(node) || $isFootnoteRefNode(node)) used.add(node.getFootnoteId());
    if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  let n = 1;
  while (used.has(`fn${n}`)) n++;
  return `fn${n}`;
}
