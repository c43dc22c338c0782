/**
 * An operative paragraph (UN practice: operative paragraphs): numbered 1., 2. ..., opens with an italic
 * verb (an `OpenerNode` as first child). Its subparagraphs are the `SubparagraphNode` siblings that
 * follow it (see registry.ts for the flat layout).
 *
 * The number is derived, never typed: `registerStructureTransforms` keeps `__number` at the
 * paragraph's position (1..n in document order) after every update, and the DOM shows it through
 * `data-number` so the stylesheet can print it in the margin.
 */
import { alphabeticLabel } from '../../core/export/labels.ts';
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  isHTMLElement,
  nodeSchema,
  numberValue,
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

export type SerializedOperativeParagraphNode = Spread<{ number: number }, SerializedElementNode>;

const operativeParagraphSchema = nodeSchema<OperativeParagraphNode>()({
  number: withField(numberValue(0, { min: 0, integer: true }), { field: '__number' }),
});

// Lexical's documented way to type the JSON of a node with a serialization schema (see LexicalParseJSON).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OperativeParagraphNode {
  exportJSON(compact?: false): SerializedOperativeParagraphNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedOperativeParagraphNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedOperativeParagraphNode>): this;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OperativeParagraphNode extends ElementNode {
  /** @internal Position among the operative paragraphs, from 1; 0 until the transform has run. */
  __number: number;

  override $config() {
    return this.config('res-operative', { extends: ElementNode, json: operativeParagraphSchema });
  }

  constructor(number = 0, key?: NodeKey) {
    super(key);
    this.__number = number;
  }

  getNumber(): number {
    return this.getLatest().__number;
  }

  setNumber(number: number): this {
    const writable = this.getWritable();
    writable.__number = number;
    return writable;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'res-operative';
    setNumberAttributes(dom, this.__number);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__number !== this.__number) setNumberAttributes(dom, this.__number);
    return false;
  }

  /** Copied HTML carries the number as text ("3. "), since other applications do not read data-number. */
  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const output = super.exportDOM(editor);
    const { element } = output;
    if (isHTMLElement(element) && this.getNumber() > 0) {
      const number = $getDocument().createElement('span');
      number.className = 'res-number';
      number.textContent = `${this.getNumber()}. `;
      element.prepend(number);
    }
    return output;
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): OperativeParagraphNode {
    const next = $createOperativeParagraphNode();
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createOperativeParagraphNode(): OperativeParagraphNode {
  return $applyNodeReplacement(new OperativeParagraphNode());
}

export function $isOperativeParagraphNode(
  node: LexicalNode | null | undefined,
): node is OperativeParagraphNode {
  return node instanceof OperativeParagraphNode;
}

/**
 * The number, and the same position as a letter: a decision's paragraphs are printed (a), (b)
 * (as the Assembly and the Conference print a decision), which the stylesheet shows when the page is a decision's.
 */
function setNumberAttributes(dom: HTMLElement, number: number): void {
  dom.setAttribute('data-number', String(number));
  if (number > 0) dom.setAttribute('data-letter', alphabeticLabel(number));
  else dom.removeAttribute('data-letter');
}
