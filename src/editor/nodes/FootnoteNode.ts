/**
 * The text of one footnote (`Footnote` in the model), inside the `FootnotesNode`. `__footnoteId`
 * ties it to its `FootnoteRefNode`s; `__number` is the derived marker shown in the margin (order of
 * first reference); `__printedNumber` and `__resolved` carry the model's `number` (the marker printed
 * in the source) and `resolved` (the "Ibid." expansion) through the editor unchanged.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  $getRoot,
  $isElementNode,
  ElementNode,
  isHTMLElement,
  nodeSchema,
  nullable,
  numberValue,
  stringValue,
  withField,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';
import { $isFootnoteRefNode } from './FootnoteRefNode.ts';

export type SerializedFootnoteNode = Spread<
  { footnoteId: string; number: number; printedNumber: number | null; resolved: string | null },
  SerializedElementNode
>;

const footnoteSchema = nodeSchema<FootnoteNode>()({
  footnoteId: withField(stringValue(), { field: '__footnoteId' }),
  number: withField(numberValue(0, { min: 0, integer: true }), { field: '__number' }),
  printedNumber: withField(nullable(numberValue()), { field: '__printedNumber' }),
  resolved: withField(nullable(stringValue()), { field: '__resolved' }),
});

// Lexical's documented way to type the JSON of a node with a serialization schema (see LexicalParseJSON).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface FootnoteNode {
  exportJSON(compact?: false): SerializedFootnoteNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedFootnoteNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedFootnoteNode>): this;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FootnoteNode extends ElementNode {
  /** @internal */
  __footnoteId: string;
  /** @internal Derived: position in order of first reference, from 1; 0 when nothing refers to it. */
  __number: number;
  /** @internal The model's `Footnote.number`: the marker printed in the source, if known. */
  __printedNumber: number | null;
  /** @internal The model's `Footnote.resolved`. */
  __resolved: string | null;

  override $config() {
    return this.config('res-footnote', { extends: ElementNode, json: footnoteSchema });
  }

  constructor(footnoteId = '', key?: NodeKey) {
    super(key);
    this.__footnoteId = footnoteId;
    this.__number = 0;
    this.__printedNumber = null;
    this.__resolved = null;
  }

  getFootnoteId(): string {
    return this.getLatest().__footnoteId;
  }

  setFootnoteId(footnoteId: string): this {
    const writable = this.getWritable();
    writable.__footnoteId = footnoteId;
    return writable;
  }

  getNumber(): number {
    return this.getLatest().__number;
  }

  setNumber(number: number): this {
    const writable = this.getWritable();
    writable.__number = number;
    return writable;
  }

  getPrintedNumber(): number | null {
    return this.getLatest().__printedNumber;
  }

  setPrintedNumber(printedNumber: number | null): this {
    const writable = this.getWritable();
    writable.__printedNumber = printedNumber;
    return writable;
  }

  getResolved(): string | null {
    return this.getLatest().__resolved;
  }

  setResolved(resolved: string | null): this {
    const writable = this.getWritable();
    writable.__resolved = resolved;
    return writable;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'res-footnote';
    dom.setAttribute('data-footnote-id', this.__footnoteId);
    dom.setAttribute('data-number', String(this.__number));
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__footnoteId !== this.__footnoteId) dom.setAttribute('data-footnote-id', this.__footnoteId);
    if (prevNode.__number !== this.__number) dom.setAttribute('data-number', String(this.__number));
    return false;
  }

  /** Copied HTML carries the marker as text, since other applications do not read data-number. */
  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const output = super.exportDOM(editor);
    const { element } = output;
    if (isHTMLElement(element) && this.getNumber() > 0) {
      const marker = $getDocument().createElement('sup');
      marker.className = 'res-footnote-number';
      marker.textContent = String(this.getNumber());
      element.prepend(marker, ' ');
    }
    return output;
  }

  /** Enter starts another footnote text with a fresh id (it has no reference until one is inserted). */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): FootnoteNode {
    const next = $createFootnoteNode($createUniqueFootnoteId());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createFootnoteNode(footnoteId: string): FootnoteNode {
  return $applyNodeReplacement(new FootnoteNode(footnoteId));
}

export function $isFootnoteNode(node: LexicalNode | null | undefined): node is FootnoteNode {
  return node instanceof FootnoteNode;
}

/** "fn1", "fn2" ...: the first that no footnote and no footnote reference in the document uses. */
export function $createUniqueFootnoteId(): string {
  const used = new Set<string>();
  const visit = (node: LexicalNode): void => {
    if ($isFootnoteNode(node) || $isFootnoteRefNode(node)) used.add(node.getFootnoteId());
    if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  let n = 1;
  while (used.has(`fn${n}`)) n++;
  return `fn${n}`;
}
