/** The title of the annex, always its first child; its plain text is `Annex.title`. */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';
import { $createSubparagraphNode, type SubparagraphNode } from './SubparagraphNode.ts';

export type SerializedAnnexTitleNode = SerializedElementNode;

export class AnnexTitleNode extends ElementNode {
  override $config() {
    return this.config('res-annex-title', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('h2');
    dom.className = 'res-annex-title';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Enter after the title starts the first item, (a). */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): SubparagraphNode {
    const next = $createSubparagraphNode(1);
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createAnnexTitleNode(): AnnexTitleNode {
  return $applyNodeReplacement(new AnnexTitleNode());
}

export function $isAnnexTitleNode(node: LexicalNode | null | undefined): node is AnnexTitleNode {
  return node instanceof AnnexTitleNode;
}
