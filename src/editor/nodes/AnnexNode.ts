/**
 * The annex (UN practice: the annex): a container after the operative part holding, in this
 * order, one `AnnexTitleNode`, at most one `AnnexIntroNode` and the items as `SubparagraphNode`s
 * (level 1 for (a), deeper levels for their own subparagraphs). A shadow root, so that Enter, paste
 * and select-all inside it stay inside it, as in a table cell.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type SerializedElementNode,
} from 'lexical';

export type SerializedAnnexNode = SerializedElementNode;

export class AnnexNode extends ElementNode {
  override $config() {
    return this.config('res-annex', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('section');
    dom.className = 'res-annex';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isShadowRoot(): boolean {
    return true;
  }

  /** An annex with nothing in it is no annex: Lexical removes it rather than keep an empty box. */
  override canBeEmpty(): false {
    return false;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createAnnexNode(): AnnexNode {
  return $applyNodeReplacement(new AnnexNode());
}

export function $isAnnexNode(node: LexicalNode | null | undefined): node is AnnexNode {
  return node instanceof AnnexNode;
}
