/**
 * A headless editor with the resolution nodes, and `outline()`: a compact, readable oracle of the
 * editor state (one line per block) so tests compare what a drafter would see, not node JSON.
 *
 *   title: T
 *   formula: The Conference,
 *   PP <Recalling> its resolution 5/1,^1
 *   OP 1. <Requests> the Office:
 *     (a) to report;
 *       (i) yearly;
 *   SECTION I (restarts) Activities of the Office
 *   PP <Recalling> …:
 *     (a) …
 *   ANNEX
 *     title: Recommendations
 *     HEADING I Our shared commitment
 *     intro: The Conference recommends:
 *     (a) item
 *   FOOTNOTES
 *     1 [f1] United Nations, *Treaty Series*, vol. 2225, No. 39574.
 *
 * `<...>` is an opener, `*...*` an italic run, `^n` a footnote marker as displayed, `[...]` a reference.
 */
import { createHeadlessEditor } from '@lexical/headless';
import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  createEditor,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import { $isAnnexHeadingNode } from '../../src/editor/nodes/AnnexHeadingNode.ts';
import { $isAnnexIntroNode } from '../../src/editor/nodes/AnnexIntroNode.ts';
import { $isAnnexNode } from '../../src/editor/nodes/AnnexNode.ts';
import { $isAnnexTitleNode } from '../../src/editor/nodes/AnnexTitleNode.ts';
import { $isFootnoteNode } from '../../src/editor/nodes/FootnoteNode.ts';
import { $isFootnoteRefNode } from '../../src/editor/nodes/FootnoteRefNode.ts';
import { $isFootnotesNode } from '../../src/editor/nodes/FootnotesNode.ts';
import { $isFormulaNode } from '../../src/editor/nodes/FormulaNode.ts';
import { $isOpenerNode } from '../../src/editor/nodes/OpenerNode.ts';
import { $isOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { $isPreambularParagraphNode } from '../../src/editor/nodes/PreambularParagraphNode.ts';
import { $isReferenceNode } from '../../src/editor/nodes/ReferenceNode.ts';
import { ResolutionNodes } from '../../src/editor/nodes/registry.ts';
import { $isSectionHeadingNode } from '../../src/editor/nodes/SectionHeadingNode.ts';
import { $isSubparagraphNode } from '../../src/editor/nodes/SubparagraphNode.ts';
import { $isTitleNode } from '../../src/editor/nodes/TitleNode.ts';
import { registerStructureTransforms } from '../../src/editor/transforms/structure.ts';

/**
 * An editor of the resolution's nodes drawn in an element of the page (happy-dom, or Chromium in the
 * browser tests): Lexical reconciles a DOM, as in the app. Its teardown goes into `teardowns`.
 */
export function editorInPage(teardowns: (() => void)[]): { editor: LexicalEditor; root: HTMLElement } {
  const editor = createEditor({
    namespace: 'test',
    nodes: ResolutionNodes,
    onError: (error) => {
      throw error;
    },
  });
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  editor.setRootElement(root);
  teardowns.push(() => editor.setRootElement(null));
  return { editor, root };
}

/** How many nodes of the editor's present state pass `test`. */
export function countNodes(editor: LexicalEditor, test: (node: LexicalNode) => boolean): number {
  return editor.getEditorState().read(() => {
    let n = 0;
    const visit = (node: LexicalNode): void => {
      if (test(node)) n++;
      if ($isElementNode(node)) node.getChildren().forEach(visit);
    };
    visit($getRoot());
    return n;
  });
}

export function createTestEditor(options: { transforms?: boolean } = {}): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'test',
    nodes: ResolutionNodes,
    onError: (error) => {
      throw error;
    },
  });
  if (options.transforms ?? true) registerStructureTransforms(editor);
  return editor;
}

/** Runs `fn` as one discrete update (committed, transforms applied) and returns its result. */
export function update<T>(editor: LexicalEditor, fn: () => T): T {
  let result: T | undefined;
  editor.update(
    () => {
      result = fn();
    },
    { discrete: true },
  );
  return result as T;
}

export function load(editor: LexicalEditor, doc: ResolutionDocument): void {
  update(editor, () => $importResolution(doc));
}

export function outline(editor: LexicalEditor): string {
  return editor.read(() => $outline());
}

function $outline(): string {
  const lines: string[] = [];
  const block = (node: LexicalNode, indent: string): void => {
    if ($isTitleNode(node)) lines.push(`${indent}title: ${$inline(node)}`);
    else if ($isFormulaNode(node)) lines.push(`${indent}formula: ${$inline(node)}`);
    else if ($isPreambularParagraphNode(node)) lines.push(`${indent}PP ${$inline(node)}`);
    else if ($isOperativeParagraphNode(node)) lines.push(`${indent}OP ${node.getNumber()}. ${$inline(node)}`);
    else if ($isSubparagraphNode(node))
      lines.push(`${indent}${'  '.repeat(node.getLevel())}${node.getLabel()} ${$inline(node)}`);
    else if ($isSectionHeadingNode(node))
      lines.push(
        `${indent}SECTION ${node.getNumber()} (${node.getRestartsNumbering() ? 'restarts' : 'runs on'}) ${$inline(node)}`,
      );
    else if ($isAnnexHeadingNode(node)) lines.push(`${indent}HEADING ${node.getNumber()} ${$inline(node)}`);
    else if ($isAnnexNode(node)) {
      lines.push(`${indent}ANNEX`);
      for (const child of node.getChildren()) block(child, `${indent}  `);
    } else if ($isAnnexTitleNode(node)) lines.push(`${indent}title: ${$inline(node)}`);
    else if ($isAnnexIntroNode(node)) lines.push(`${indent}intro: ${$inline(node)}`);
    else if ($isFootnotesNode(node)) {
      lines.push(`${indent}FOOTNOTES`);
      for (const child of node.getChildren()) block(child, `${indent}  `);
    } else if ($isFootnoteNode(node))
      lines.push(`${indent}${node.getNumber()} [${node.getFootnoteId()}] ${$inline(node)}`);
    else lines.push(`${indent}${node.getType()}: ${$inline(node)}`);
  };
  for (const child of $getRoot().getChildren()) block(child, '');
  return lines.join('\n');
}

function $inline(node: LexicalNode): string {
  if ($isOpenerNode(node)) return `<${node.getTextContent()}>`;
  if ($isFootnoteRefNode(node)) return `^${node.getNumber()}`;
  if ($isLineBreakNode(node)) return '\n';
  if ($isTextNode(node))
    return node.hasFormat('italic') ? `*${node.getTextContent()}*` : node.getTextContent();
  if ($isReferenceNode(node)) return `[${node.getChildren().map($inline).join('')}]`;
  if ($isElementNode(node)) return node.getChildren().map($inline).join('');
  return '';
}

/** The first text node holding `needle`; call inside an update or read. */
export function $text(needle: string): TextNode {
  const visit = (node: LexicalNode): TextNode | null => {
    if ($isTextNode(node) && node.getTextContent().includes(needle)) return node;
    if ($isElementNode(node))
      for (const child of node.getChildren()) {
        const found = visit(child);
        if (found) return found;
      }
    return null;
  };
  const found = visit($getRoot());
  if (found === null) throw new Error(`no text "${needle}"`);
  return found;
}

/** Puts the caret before (or after) `needle`; call inside an update. */
export function $caret(needle: string, side: 'before' | 'after' = 'before'): void {
  const node = $text(needle);
  const at = node.getTextContent().indexOf(needle) + (side === 'after' ? needle.length : 0);
  node.select(at, at);
}
