/**
 * The optional introductory sentence of an annex (`Annex.intro`), right after the annex title.
 * Absent when the annex has none: an empty intro is exported as `[]` either way.
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
import { $createSubparagraphNode, type SubparagraphNode } from './SubparagraphNode.ts';

export type SerializedAnnexIntroNode = SerializedElementNode;

export class AnnexIntroNode extends ElementNode {
  override $config() {
    return this.config('res-annex-intro', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'res-annex-intro';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Enter after the introduction starts the first item, (a). */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): SubparagraphNode {
    const next = $createSubparagraphNode(1);
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createAnnexIntroNode(): AnnexIntroNode {
  return $applyNodeReplacement(new AnnexIntroNode());
}

export function $isAnnexIntroNode(node: LexicalNode | null | undefined): node is AnnexIntroNode {
  return node instanceof AnnexIntroNode;
}
