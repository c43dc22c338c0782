/**
 * The opening phrase of a paragraph in italics: *Recalling also*, *Further requests*
 * (UN practice: preambular paragraphs, operative paragraphs and the also/further rule). It is structure, not formatting (the model keeps it
 * apart as `opener`), so it is its own TextNode subclass: Lexical never merges it into the plain
 * text after it, and the structure transform keeps it italic, first in its paragraph, at most one.
 */
import {
  $applyNodeReplacement,
  IS_ITALIC,
  TextNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type SerializedTextNode,
} from 'lexical';

export type SerializedOpenerNode = SerializedTextNode;

export class OpenerNode extends TextNode {
  override $config() {
    return this.config('res-opener', {
      extends: TextNode,
      // Italic and nothing else, whatever formatting is applied to it (UN practice: the printed page).
      $transform: (node: OpenerNode) => {
        if (node.getFormat() !== IS_ITALIC) node.setFormat(IS_ITALIC);
      },
    });
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const dom = super.createDOM(config, editor);
    dom.classList.add('opener');
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    const recreate = super.updateDOM(prevNode, dom, config);
    if (!recreate) dom.classList.add('opener');
    return recreate;
  }
}

/** An opener is italic and nothing else (section 8: italics only for openers and publication titles). */
export function $createOpenerNode(text: string): OpenerNode {
  return $applyNodeReplacement(new OpenerNode(text)).setFormat(IS_ITALIC);
}

export function $isOpenerNode(node: LexicalNode | null | undefined): node is OpenerNode {
  return node instanceof OpenerNode;
}
