/**
 * The title of the resolution (bold in print). Always the first
 * child of the root; its plain text is `ResolutionDocument.title`.
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
import { $createPreambularParagraphNode, type PreambularParagraphNode } from './PreambularParagraphNode.ts';

export type SerializedTitleNode = SerializedElementNode;

export class TitleNode extends ElementNode {
  override $config() {
    return this.config('res-title', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('h1');
    dom.className = 'res-title';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  /**
   * Enter in the title starts a preambular paragraph; the structure transform moves it below the
   * enacting formula, since nothing else may stand between the two (section 1).
   */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): PreambularParagraphNode {
    const next = $createPreambularParagraphNode();
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createTitleNode(): TitleNode {
  return $applyNodeReplacement(new TitleNode());
}

export function $isTitleNode(node: LexicalNode | null | undefined): node is TitleNode {
  return node instanceof TitleNode;
}
