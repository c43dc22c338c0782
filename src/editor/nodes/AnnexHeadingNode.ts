/**
 * A heading between the items of the annex (core/model/types.ts `AnnexHeading`): "I" over "Our
 * shared commitment" (A/RES/78/1), or an unnumbered one. Its children are the heading's text; the
 * number is a property edited in the field the DOM shows above it (headingFields.ts). It lies among
 * the annex's items, before the item it is printed before; the items' letters run on across it.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  nodeSchema,
  stringValue,
  withField,
  type DOMExportOutput,
  type EditorConfig,
  type ElementDOMSlot,
  type LexicalEditor,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';
import {
  createHeadingDOM,
  exportHeadingElement,
  headingTextElement,
  updateHeadingDOM,
} from './headingFields.ts';
import { $createSubparagraphNode, type SubparagraphNode } from './SubparagraphNode.ts';

export type SerializedAnnexHeadingNode = Spread<{ number: string }, SerializedElementNode>;

const annexHeadingSchema = nodeSchema<AnnexHeadingNode>()({
  number: withField(stringValue(), { field: '__number' }),
});

// Lexical's documented way to type the JSON of a node with a serialization schema (see LexicalParseJSON).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface AnnexHeadingNode {
  exportJSON(compact?: false): SerializedAnnexHeadingNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedAnnexHeadingNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedAnnexHeadingNode>): this;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AnnexHeadingNode extends ElementNode {
  /** @internal As printed: "I", "A"; "" for an unnumbered heading. */
  __number: string;

  override $config() {
    return this.config('res-annex-heading', { extends: ElementNode, json: annexHeadingSchema });
  }

  constructor(number = '', key?: NodeKey) {
    super(key);
    this.__number = number;
  }

  getNumber(): string {
    return this.getLatest().__number;
  }

  setNumber(number: string): this {
    if (this.getNumber() === number) return this;
    const writable = this.getWritable();
    writable.__number = number;
    return writable;
  }

  override createDOM(_config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    return createHeadingDOM($getDocument(), {
      className: 'res-annex-heading',
      numberLabel: 'Heading number',
      number: this.__number,
      key: this.__key,
      editor,
      setNumber: (node, number) => {
        if ($isAnnexHeadingNode(node)) node.setNumber(number);
      },
    });
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(headingTextElement(element));
  }

  override updateDOM(_prevNode: this, dom: HTMLElement): boolean {
    updateHeadingDOM(dom, this.__number);
    return false;
  }

  override exportDOM(_editor: LexicalEditor): DOMExportOutput {
    return { element: exportHeadingElement($getDocument(), 'res-annex-heading', this.getNumber()) };
  }

  /** Enter after the heading starts the item under it. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): SubparagraphNode {
    const next = $createSubparagraphNode(1);
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createAnnexHeadingNode(number = ''): AnnexHeadingNode {
  return $applyNodeReplacement(new AnnexHeadingNode(number));
}

export function $isAnnexHeadingNode(node: LexicalNode | null | undefined): node is AnnexHeadingNode {
  return node instanceof AnnexHeadingNode;
}
