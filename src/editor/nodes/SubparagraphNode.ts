/**
 * A subparagraph: (a), (b) ... at level 1, (i), (ii) ... at level 2 (UN practice: subparagraphs);
 * levels 3 and 4 exist because the model allows them (core/model/validate.ts LIMITS).
 *
 * Subparagraphs are flat siblings, not children, of the paragraph they belong to: a level-1
 * subparagraph belongs to the operative paragraph (or annex) before it, a level-2 one to the
 * level-1 subparagraph before it (see registry.ts). The label is derived: the structure transform
 * keeps `__label` right after every update and the DOM shows it through `data-label`.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  isHTMLElement,
  nodeSchema,
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
import { LIMITS } from '../../core/model/validate.ts';

export const MAX_SUBPARAGRAPH_LEVEL: number = LIMITS.subparagraphDepth;

export type SerializedSubparagraphNode = Spread<{ level: number; label: string }, SerializedElementNode>;

const subparagraphSchema = nodeSchema<SubparagraphNode>()({
  level: withField(numberValue(1, { min: 1, max: MAX_SUBPARAGRAPH_LEVEL, integer: true, clamp: true }), {
    field: '__level',
  }),
  label: withField(stringValue(), { field: '__label' }),
});

// Lexical's documented way to type the JSON of a node with a serialization schema (see LexicalParseJSON).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SubparagraphNode {
  exportJSON(compact?: false): SerializedSubparagraphNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedSubparagraphNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedSubparagraphNode>): this;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SubparagraphNode extends ElementNode {
  /** @internal 1 for (a), 2 for (i), up to MAX_SUBPARAGRAPH_LEVEL. */
  __level: number;
  /** @internal "(a)", "(ii)"; empty until the transform has run. */
  __label: string;

  override $config() {
    return this.config('res-sub', { extends: ElementNode, json: subparagraphSchema });
  }

  constructor(level = 1, key?: NodeKey) {
    super(key);
    this.__level = clampLevel(level);
    this.__label = '';
  }

  getLevel(): number {
    return this.getLatest().__level;
  }

  setLevel(level: number): this {
    const writable = this.getWritable();
    writable.__level = clampLevel(level);
    return writable;
  }

  getLabel(): string {
    return this.getLatest().__label;
  }

  setLabel(label: string): this {
    const writable = this.getWritable();
    writable.__label = label;
    return writable;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'res-sub';
    dom.setAttribute('data-level', String(this.__level));
    dom.setAttribute('data-label', this.__label);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__level !== this.__level) dom.setAttribute('data-level', String(this.__level));
    if (prevNode.__label !== this.__label) dom.setAttribute('data-label', this.__label);
    return false;
  }

  /** Copied HTML carries the label as text ("(a) "), since other applications do not read data-label. */
  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const output = super.exportDOM(editor);
    const { element } = output;
    const label = this.getLabel();
    if (isHTMLElement(element) && label !== '') {
      const span = $getDocument().createElement('span');
      span.className = 'res-label';
      span.textContent = `${label} `;
      element.prepend(span);
    }
    return output;
  }

  /** Enter continues the list at the same level. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): SubparagraphNode {
    const next = $createSubparagraphNode(this.getLevel());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

function clampLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(Math.max(level, 1), MAX_SUBPARAGRAPH_LEVEL) : 1;
}

export function $createSubparagraphNode(level = 1): SubparagraphNode {
  return $applyNodeReplacement(new SubparagraphNode(level));
}

export function $isSubparagraphNode(node: LexicalNode | null | undefined): node is SubparagraphNode {
  return node instanceof SubparagraphNode;
}
