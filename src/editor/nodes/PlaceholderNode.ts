/**
 * A placeholder of a template, "‹Title of the resolution›" (src/core/model/placeholders.ts): shown
 * as a chip so it cannot be missed, selected whole by Tab (plugins/placeholders). In the model it is
 * plain text, so a placeholder left in a draft is still visible to lint and export.
 */
import {
  $applyNodeReplacement,
  TextNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

export class PlaceholderNode extends TextNode {
  override $config() {
    return this.config('res-placeholder', { extends: TextNode });
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const dom = super.createDOM(config, editor);
    dom.classList.add('placeholder');
    dom.setAttribute('data-placeholder', 'true');
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    const recreate = super.updateDOM(prevNode, dom, config);
    if (!recreate) dom.classList.add('placeholder');
    return recreate;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createPlaceholderNode(text: string): PlaceholderNode {
  return $applyNodeReplacement(new PlaceholderNode(text));
}

export function $isPlaceholderNode(node: LexicalNode | null | undefined): node is PlaceholderNode {
  return node instanceof PlaceholderNode;
}
