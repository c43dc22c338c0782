/**
 * The completion menu in a headless editor, for completion.test.ts (the report's corpus) and
 * completion-library.test.ts (with the library): the openers plugin and registerCompletion over a
 * loaded draft, the menu read through registerCompletion's state (what CompletionPlugin.tsx draws),
 * and the edits those tests make as a person typing would.
 */
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection } from 'lexical';
import type { ElementNode, LexicalEditor } from 'lexical';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { $createOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { $createPreambularParagraphNode } from '../../src/editor/nodes/PreambularParagraphNode.ts';
import {
  registerCompletion,
  type CompletionDependencies,
  type CompletionState,
} from '../../src/editor/plugins/completion/registerCompletion.ts';
import { registerOpeners } from '../../src/editor/plugins/openers/registerOpeners.ts';
import { createTestEditor, load, update } from './testEditor.ts';

export interface CompletionHarness {
  readonly editor: LexicalEditor;
  /** The menu as drawn now. */
  state(): CompletionState;
  /** The labels of the open menu's options, or null when it is closed. */
  labels(): string[] | null;
  dispose(): void;
}

/** `doc` in a headless editor with the openers and the completion menu, mentions scanned at once. */
export function completionHarness(
  doc: ResolutionDocument,
  deps: Omit<CompletionDependencies, 'onChange' | 'mentionsDelayMs'>,
): CompletionHarness {
  const editor = createTestEditor();
  load(editor, doc);
  let state: CompletionState = { open: false };
  const teardown = [
    registerOpeners(editor, deps.lexicon),
    registerCompletion(editor, { ...deps, mentionsDelayMs: 0, onChange: (next) => (state = next) }),
  ];
  return {
    editor,
    state: () => state,
    labels: () => (state.open ? state.options.map((o) => o.label) : null),
    dispose: () => teardown.forEach((t) => t()),
  };
}

/** Root child `index`. */
export function $block(index: number): ElementNode {
  const node = $getRoot().getChildAtIndex(index);
  if (!$isElementNode(node)) throw new Error(`no block at ${index}`);
  return node;
}

/** Inserts `text` at the caret. */
export function $insert(text: string): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) throw new Error('no caret');
  selection.insertText(text);
}

/** Types at the caret where it is, as one keystroke batch would. */
export function type(editor: LexicalEditor, text: string): void {
  update(editor, () => $insert(text));
}

/** Appends an empty operative (or preambular) paragraph after root child `after` and puts the caret in it. */
export function newParagraph(
  editor: LexicalEditor,
  after: number,
  kind: 'operative' | 'preamble' = 'operative',
): number {
  update(editor, () => {
    const paragraph =
      kind === 'operative' ? $createOperativeParagraphNode() : $createPreambularParagraphNode();
    $block(after).insertAfter(paragraph);
    paragraph.select();
  });
  return after + 1;
}
