/**
 * The enacting formula: the organ's name ending with a comma, "The Conference of the Parties ...,"
 * (UN practice: the enacting formula). Always the second child of the root; its plain text is
 * `ResolutionDocument.formula`.
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

export type SerializedFormulaNode = SerializedElementNode;

export class FormulaNode extends ElementNode {
  override $config() {
    return this.config('res-formula', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'res-formula';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** The preamble follows the formula, so Enter starts the first preambular paragraph. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): PreambularParagraphNode {
    const next = $createPreambularParagraphNode();
    this.insertAfter(next, restoreSelection);
    return next;
  }

  override canIndent(): false {
    return false;
  }
}

export function $createFormulaNode(): FormulaNode {
  return $applyNodeReplacement(new FormulaNode());
}

export function $isFormulaNode(node: LexicalNode | null | undefined): node is FormulaNode {
  return node instanceof FormulaNode;
}
