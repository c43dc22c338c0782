/**
 * The footnote texts, outside the paragraph flow: one container, always the last child of the root
 * when there are footnotes, holding a `FootnoteNode` per footnote in order of first reference.
 * A shadow root, so that Enter, paste and select-all inside it stay inside it.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type SerializedElementNode,
} from 'lexical';

export type SerializedFootnotesNode = SerializedElementNode;

export class FootnotesNode extends ElementNode {
  override $config() {
    return this.config('res-footnotes', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('section');
    dom.className = 'res-footnotes';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isShadowRoot(): boolean {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createFootnotesNode(): FootnotesNode {
  return $applyNodeReplacement(new FootnotesNode());
}

export function $isFootnotesNode(node: LexicalNode | null | undefined): node is FootnotesNode {
  return node instanceof FootnotesNode;
}
