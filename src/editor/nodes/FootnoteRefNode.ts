/**
 * Where a footnote is anchored (`FootnoteRef` in the model): an inline superscript number.
 *
 * A DecoratorNode rather than a TextNode: the marker is one atomic caret stop that Backspace removes
 * whole, it adds nothing to the paragraph's text (word counts, search and plain-text copy do not see
 * a stray "1"), and renumbering after a footnote is added above only changes the DOM, never text
 * offsets under the caret. `decorate()` returns null: the number is plain DOM, so it renders the
 * same headless, in the browser and in exported HTML.
 *
 * The number is derived from the order of first reference (see registry.ts); the structure
 * transform keeps `__number` right and `updateDOM` shows it.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  nodeSchema,
  numberValue,
  stringValue,
  withField,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';

export type SerializedFootnoteRefNode = Spread<{ footnoteId: string; number: number }, SerializedLexicalNode>;

const footnoteRefSchema = nodeSchema<FootnoteRefNode>()({
  footnoteId: withField(stringValue(), { field: '__footnoteId' }),
  number: withField(numberValue(0, { min: 0, integer: true }), { field: '__number' }),
});

// Lexical's documented way to type the JSON of a node with a serialization schema (see LexicalParseJSON).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface FootnoteRefNode {
  exportJSON(compact?: false): SerializedFootnoteRefNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedFootnoteRefNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedFootnoteRefNode>): this;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FootnoteRefNode extends DecoratorNode<null> {
  /** @internal The `id` of the footnote this marker points at. */
  __footnoteId: string;
  /** @internal The printed marker, from 1 in order of first reference; 0 when not yet known. */
  __number: number;

  override $config() {
    return this.config('res-footnote-ref', { extends: DecoratorNode, json: footnoteRefSchema });
  }

  constructor(footnoteId = '', key?: NodeKey) {
    super(key);
    this.__footnoteId = footnoteId;
    this.__number = 0;
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

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('sup');
    dom.className = 'res-fnref';
    dom.contentEditable = 'false';
    this.writeDOM(dom);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__footnoteId !== this.__footnoteId || prevNode.__number !== this.__number)
      this.writeDOM(dom);
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const dom = $getDocument().createElement('sup');
    dom.className = 'res-fnref';
    this.writeDOM(dom);
    return { element: dom };
  }

  /** Reads the fields directly: createDOM and updateDOM run on this exact version of the node. */
  private writeDOM(dom: HTMLElement): void {
    dom.setAttribute('data-footnote-id', this.__footnoteId);
    dom.setAttribute('data-number', String(this.__number));
    dom.textContent = this.__number > 0 ? String(this.__number) : '?';
  }

  override decorate(): null {
    return null;
  }

  override isInline(): true {
    return true;
  }

  /** The marker is not text: plain-text copy and word counts leave it out. */
  override getTextContent(): string {
    return '';
  }
}

export function $createFootnoteRefNode(footnoteId: string): FootnoteRefNode {
  return $applyNodeReplacement(new FootnoteRefNode(footnoteId));
}

export function $isFootnoteRefNode(node: LexicalNode | null | undefined): node is FootnoteRefNode {
  return node instanceof FootnoteRefNode;
}
