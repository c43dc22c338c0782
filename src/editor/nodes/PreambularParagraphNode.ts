/**
 * A preambular paragraph (UN practice: preambular paragraphs): not numbered, opens with an italic
 * participle (an `OpenerNode` as first child) and ends with a comma.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';

export type SerializedPreambularParagraphNode = SerializedElementNode;

export class PreambularParagraphNode extends ElementNode {
  override $config() {
    return this.config('res-preambular', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'res-preambular';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): PreambularParagraphNode {
    const next = $createPreambularParagraphNode();
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createPreambularParagraphNode(): PreambularParagraphNode {
  return $applyNodeReplacement(new PreambularParagraphNode());
}

export function $isPreambularParagraphNode(
  node: LexicalNode | null | undefined,
): node is PreambularParagraphNode {
  return node instanceof PreambularParagraphNode;
}
