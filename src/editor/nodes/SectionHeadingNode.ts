/**
 * The heading that starts a section of an omnibus resolution (core/model/types.ts `Section`): its
 * number as printed ("I", "II"; "" for an unnumbered heading) and its heading text, which are the
 * node's children. The section's preambular and operative paragraphs are the blocks that follow it,
 * up to the next section heading or the annex (the flat layout of registry.ts).
 *
 * A section's operative paragraphs either restart at 1 (A/RES/78/247: sections I and II each from
 * 1) or run on from the paragraphs before it (A/RES/78/245: section I from 2).
 * `__restartsNumbering` keeps which, for the numbering transform (transforms/structure.ts) and for
 * the labels the bridge writes, so that a document comes back out of the editor numbered as printed.
 *
 * The number and the restart choice are edited in the fields the heading's DOM shows above its text
 * (headingFields.ts); the text is edited as any paragraph's.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  booleanValue,
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
import {
  $createOperativeParagraphNode,
  $isOperativeParagraphNode,
  type OperativeParagraphNode,
} from './OperativeParagraphNode.ts';
import { $createPreambularParagraphNode, type PreambularParagraphNode } from './PreambularParagraphNode.ts';

export type SerializedSectionHeadingNode = Spread<
  { number: string; restartsNumbering: boolean },
  SerializedElementNode
>;

const sectionHeadingSchema = nodeSchema<SectionHeadingNode>()({
  number: withField(stringValue(), { field: '__number' }),
  restartsNumbering: withField(booleanValue(false), { field: '__restartsNumbering' }),
});

// Lexical's documented way to type the JSON of a node with a serialization schema (see LexicalParseJSON).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SectionHeadingNode {
  exportJSON(compact?: false): SerializedSectionHeadingNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedSectionHeadingNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedSectionHeadingNode>): this;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SectionHeadingNode extends ElementNode {
  /** @internal As printed: "I", "II", "A"; "" for an unnumbered heading. */
  __number: string;
  /** @internal Whether the section's operative paragraphs are numbered from 1 again. */
  __restartsNumbering: boolean;

  override $config() {
    return this.config('res-section-heading', { extends: ElementNode, json: sectionHeadingSchema });
  }

  constructor(number = '', restartsNumbering = false, key?: NodeKey) {
    super(key);
    this.__number = number;
    this.__restartsNumbering = restartsNumbering;
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

  getRestartsNumbering(): boolean {
    return this.getLatest().__restartsNumbering;
  }

  setRestartsNumbering(restarts: boolean): this {
    if (this.getRestartsNumbering() === restarts) return this;
    const writable = this.getWritable();
    writable.__restartsNumbering = restarts;
    return writable;
  }

  override createDOM(_config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    return createHeadingDOM($getDocument(), {
      className: 'res-section-heading',
      numberLabel: 'Section number',
      number: this.__number,
      restarts: this.__restartsNumbering,
      key: this.__key,
      editor,
      setNumber: (node, number) => {
        if ($isSectionHeadingNode(node)) node.setNumber(number);
      },
      setRestarts: (node, restarts) => {
        if ($isSectionHeadingNode(node)) node.setRestartsNumbering(restarts);
      },
    });
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(headingTextElement(element));
  }

  override updateDOM(_prevNode: this, dom: HTMLElement): boolean {
    updateHeadingDOM(dom, this.__number, this.__restartsNumbering);
    return false;
  }

  override exportDOM(_editor: LexicalEditor): DOMExportOutput {
    return { element: exportHeadingElement($getDocument(), 'res-section-heading', this.getNumber()) };
  }

  /**
   * Enter after the heading starts the section's first paragraph: operative when the section opens
   * with an operative paragraph, else preambular.
   */
  override insertNewAfter(
    _selection: RangeSelection,
    restoreSelection = true,
  ): PreambularParagraphNode | OperativeParagraphNode {
    const next = $isOperativeParagraphNode(this.getNextSibling())
      ? $createOperativeParagraphNode()
      : $createPreambularParagraphNode();
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createSectionHeadingNode(number = '', restartsNumbering = false): SectionHeadingNode {
  return $applyNodeReplacement(new SectionHeadingNode(number, restartsNumbering));
}

export function $isSectionHeadingNode(node: LexicalNode | null | undefined): node is SectionHeadingNode {
  return node instanceof SectionHeadingNode;
}
