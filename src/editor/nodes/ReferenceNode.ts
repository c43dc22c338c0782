/**
 * A mention of an instrument ("the United Nations Convention against Transnational Organized
 * Crime") or of an act ("its resolution 5/1 of 22 October 2010"), UN practice: citing instruments and citing resolutions,
 * keyed to `core/references` by `refKind` + `refId`.
 *
 * An inline ElementNode, like Lexical's LinkNode, rather than a TextNode subclass: the mention keeps
 * ordinary text children, so a publication title inside it can stay italic and editing inside it
 * behaves like editing any text, while typing at either edge goes outside it.
 *
 * The model has no inline for references yet, so `$exportResolution` writes the mention's text and
 * drops the marking (see bridge/export.ts).
 */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  enumValue,
  nodeSchema,
  stringValue,
  withField,
  type EditorConfig,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedElementNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';

export const REF_KINDS = ['instrument', 'act'] as const;
export type RefKind = (typeof REF_KINDS)[number];

export type SerializedReferenceNode = Spread<{ refKind: RefKind; refId: string }, SerializedElementNode>;

const referenceSchema = nodeSchema<ReferenceNode>()({
  refKind: withField(enumValue(REF_KINDS), { field: '__refKind' }),
  refId: withField(stringValue(), { field: '__refId' }),
});

// Lexical's documented way to type the JSON of a node with a serialization schema (see LexicalParseJSON).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ReferenceNode {
  exportJSON(compact?: false): SerializedReferenceNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedReferenceNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedReferenceNode>): this;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ReferenceNode extends ElementNode {
  /** @internal */
  __refKind: RefKind;
  /** @internal */
  __refId: string;

  override $config() {
    return this.config('res-reference', { extends: ElementNode, json: referenceSchema });
  }

  constructor(refKind: RefKind = 'instrument', refId = '', key?: NodeKey) {
    super(key);
    this.__refKind = refKind;
    this.__refId = refId;
  }

  getRefKind(): RefKind {
    return this.getLatest().__refKind;
  }

  setRefKind(refKind: RefKind): this {
    const writable = this.getWritable();
    writable.__refKind = refKind;
    return writable;
  }

  getRefId(): string {
    return this.getLatest().__refId;
  }

  setRefId(refId: string): this {
    const writable = this.getWritable();
    writable.__refId = refId;
    return writable;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('span');
    dom.className = 'res-ref';
    dom.setAttribute('data-ref-kind', this.__refKind);
    dom.setAttribute('data-ref-id', this.__refId);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    if (prevNode.__refKind !== this.__refKind) dom.setAttribute('data-ref-kind', this.__refKind);
    if (prevNode.__refId !== this.__refId) dom.setAttribute('data-ref-id', this.__refId);
    return false;
  }

  override isInline(): true {
    return true;
  }

  /** Typing at either edge of a mention writes outside it, as with a link. */
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  /** A mention whose text is all deleted is gone. */
  override canBeEmpty(): false {
    return false;
  }
}

export function $createReferenceNode(refKind: RefKind, refId: string): ReferenceNode {
  return $applyNodeReplacement(new ReferenceNode(refKind, refId));
}

export function $isReferenceNode(node: LexicalNode | null | undefined): node is ReferenceNode {
  return node instanceof ReferenceNode;
}
