/**
 * The editor never holds what the store would refuse (issue 11). The store validates every save
 * against `LIMITS` (core/model/validate.ts); text over a limit that got into the editor would make
 * every later save fail, edits to other paragraphs included. So every update is checked where it
 * lands, whatever made it (typing, paste in any clipboard format, drag and drop, undo, a precedent,
 * completion), and an update that takes a block over a limit is undone at once, with a message.
 *
 * The check is proportional to what the update touched, never to the document or to a paragraph's
 * length: each touched block's size is a sum over its children (a text node knows its length), and
 * the paragraph counts are looked at only when the root itself changed and holds more children than
 * a part may hold paragraphs.
 *
 * The same limits, stricter where the editor cannot tell a part apart: a block's whole text (opener
 * and marker digits included) is held to the limit the store puts on its content alone, and its
 * children to the limit on runs. A document the store accepted can therefore always be edited back
 * under the limits, and never pushed over them.
 *
 * Paste refuses what is over a limit before anything is inserted (paste/registerPaste.ts), so that a
 * huge clipboard is never drawn just to be taken back; this guard is what holds for every other way in.
 */
import { HISTORIC_TAG, type EditorState, type LexicalEditor, type LexicalNode } from 'lexical';
import type { HistoryState } from '@lexical/history';
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  type ElementNode,
} from 'lexical';
import { LIMITS } from '../../../core/model/validate.ts';
import { $isAnnexHeadingNode } from '../../nodes/AnnexHeadingNode.ts';
import { $isAnnexIntroNode } from '../../nodes/AnnexIntroNode.ts';
import { $isAnnexNode } from '../../nodes/AnnexNode.ts';
import { $isAnnexTitleNode } from '../../nodes/AnnexTitleNode.ts';
import { $isFootnoteNode } from '../../nodes/FootnoteNode.ts';
import { $isFootnotesNode } from '../../nodes/FootnotesNode.ts';
import { $isFormulaNode } from '../../nodes/FormulaNode.ts';
import { $isOpenerNode } from '../../nodes/OpenerNode.ts';
import { $isOperativeParagraphNode } from '../../nodes/OperativeParagraphNode.ts';
import { $isPreambularParagraphNode } from '../../nodes/PreambularParagraphNode.ts';
import { $isSectionHeadingNode } from '../../nodes/SectionHeadingNode.ts';
import { $isSubparagraphNode } from '../../nodes/SubparagraphNode.ts';
import { $isTitleNode } from '../../nodes/TitleNode.ts';

export interface LimitsOptions {
  /** Told what was refused and why. */
  readonly onMessage?: (text: string) => void;
  /** The undo history, so that the change taken back is not left in it to be redone. */
  readonly history?: HistoryState;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** What a block is called in a message, and the most characters it may hold. */
function $describeBlock(block: ElementNode): { readonly name: string; readonly maxChars: number } {
  if ($isTitleNode(block)) return { name: 'The title', maxChars: LIMITS.fieldChars };
  if ($isFormulaNode(block)) return { name: 'The enacting formula', maxChars: LIMITS.fieldChars };
  if ($isAnnexTitleNode(block)) return { name: 'The annex title', maxChars: LIMITS.fieldChars };
  if ($isSectionHeadingNode(block)) return { name: 'A section heading', maxChars: LIMITS.fieldChars };
  if ($isAnnexHeadingNode(block)) return { name: 'A heading of the annex', maxChars: LIMITS.fieldChars };
  if ($isAnnexIntroNode(block))
    return { name: 'The introduction of the annex', maxChars: LIMITS.paragraphChars };
  if ($isFootnoteNode(block)) return { name: 'A footnote', maxChars: LIMITS.paragraphChars };
  if ($isPreambularParagraphNode(block))
    return { name: 'A preambular paragraph', maxChars: LIMITS.paragraphChars };
  if ($isOperativeParagraphNode(block))
    return { name: 'An operative paragraph', maxChars: LIMITS.paragraphChars };
  if ($isSubparagraphNode(block)) return { name: 'A subparagraph', maxChars: LIMITS.paragraphChars };
  return { name: 'A paragraph', maxChars: LIMITS.paragraphChars };
}

/** The block a node belongs to: the child of the root, the annex or the footnotes that holds it. */
function $blockOf(node: LexicalNode): ElementNode | null {
  let at: LexicalNode = node;
  for (let parent = at.getParent(); parent !== null; parent = at.getParent()) {
    if ($isRootNode(parent) || $isAnnexNode(parent) || $isFootnotesNode(parent))
      return $isElementNode(at) && !$isAnnexNode(at) && !$isFootnotesNode(at) ? at : null;
    at = parent;
  }
  return null;
}

/** Why one block is over a limit, or null. */
function $blockProblem(block: ElementNode): string | null {
  const { name, maxChars } = $describeBlock(block);
  const chars = block.getTextContentSize();
  if (chars > maxChars)
    return `${name} would be ${count(chars)} characters long; it may hold at most ${count(maxChars)}.`;
  const runs = block.getChildrenSize();
  if (runs > LIMITS.runs)
    return `${name} would hold ${count(runs)} separately formatted pieces of text; it may hold at most ${count(LIMITS.runs)}.`;
  const first = block.getFirstChild();
  if ($isOpenerNode(first) && first.getTextContentSize() > LIMITS.fieldChars)
    return `An opening phrase would be ${count(first.getTextContentSize())} characters long; it may be at most ${count(LIMITS.fieldChars)}.`;
  return null;
}

/** Whether a list of blocks holds more paragraphs of one kind than a part may (only walked when it could). */
function $countProblem(container: ElementNode): string | null {
  if (container.getChildrenSize() <= LIMITS.paragraphs) return null;
  let preamble = 0;
  let operative = 0;
  let items = 0;
  let under = 0;
  let headings = 0;
  for (const child of container.getChildren()) {
    if ($isPreambularParagraphNode(child)) {
      preamble += 1;
      under = 0;
    } else if ($isSectionHeadingNode(child) || $isAnnexHeadingNode(child)) headings += 1;
    else if ($isOperativeParagraphNode(child)) {
      operative += 1;
      under = 0;
    } else if ($isSubparagraphNode(child)) {
      if (child.getLevel() === 1) items += 1;
      under += 1;
      if (under > LIMITS.paragraphs)
        return `A paragraph would hold more than ${count(LIMITS.paragraphs)} subparagraphs, the most it may hold.`;
    } else if ($isFootnoteNode(child)) items += 1;
  }
  const limit = count(LIMITS.paragraphs);
  if (preamble > LIMITS.paragraphs)
    return `The preamble would hold ${count(preamble)} paragraphs; it may hold at most ${limit}.`;
  if (operative > LIMITS.paragraphs)
    return `The operative part would hold ${count(operative)} paragraphs; it may hold at most ${limit}.`;
  if (headings > LIMITS.paragraphs)
    return $isAnnexNode(container)
      ? `The annex would hold ${count(headings)} headings; it may hold at most ${limit}.`
      : `The draft would hold ${count(headings)} sections; it may hold at most ${limit}.`;
  if (items > LIMITS.paragraphs)
    return $isFootnotesNode(container)
      ? `The draft would hold ${count(items)} footnotes; it may hold at most ${count(LIMITS.footnotes)}.`
      : `The annex would hold ${count(items)} items; it may hold at most ${limit}.`;
  return null;
}

/**
 * The first limit that the touched nodes break, as a message for the drafter, or null. Call inside a
 * read of the new state; `dirtyElements` and `dirtyLeaves` are an update's.
 */
export function $limitProblem(
  dirtyElements: ReadonlyMap<string, boolean>,
  dirtyLeaves: ReadonlySet<string>,
): string | null {
  const blocks = new Set<ElementNode>();
  const containers = new Set<ElementNode>();
  const visit = (key: string): void => {
    const node = $getNodeByKey(key);
    if (node === null) return;
    if ($isRootNode(node) || $isAnnexNode(node) || $isFootnotesNode(node)) {
      containers.add(node);
      return;
    }
    const block = $blockOf(node);
    if (block !== null) blocks.add(block);
  };
  for (const key of dirtyLeaves) visit(key);
  for (const key of dirtyElements.keys()) visit(key);
  for (const block of blocks) {
    const problem = $blockProblem(block);
    if (problem !== null) return problem;
  }
  for (const container of containers) {
    const problem = $countProblem(container);
    if (problem !== null) return problem;
  }
  return null;
}

/** Every block and part of the document checked: for a state that did not come from an update (a load). */
export function $documentLimitProblem(): string | null {
  const root = $getRoot();
  const containers: ElementNode[] = [root];
  for (const child of root.getChildren()) {
    if ($isAnnexNode(child) || $isFootnotesNode(child)) {
      containers.push(child);
      for (const inner of child.getChildren()) {
        if (!$isElementNode(inner)) continue;
        const problem = $blockProblem(inner);
        if (problem !== null) return problem;
      }
    } else if ($isElementNode(child)) {
      const problem = $blockProblem(child);
      if (problem !== null) return problem;
    }
  }
  for (const container of containers) {
    const problem = $countProblem(container);
    if (problem !== null) return problem;
  }
  return null;
}

/**
 * Why inserting `inserted` characters at the selection would take its block over a limit, or null.
 * Call inside a read of the current state.
 */
export function $insertionProblem(inserted: number): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const block = $blockOf(selection.anchor.getNode());
  if (block === null || !$blockOf(selection.focus.getNode())?.is(block)) return null;
  const { name, maxChars } = $describeBlock(block);
  const chars = block.getTextContentSize() - selection.getTextContent().length + inserted;
  return chars > maxChars
    ? `${name} would be ${count(chars)} characters long; it may hold at most ${count(maxChars)}.`
    : null;
}

/**
 * Typed text is refused before the browser puts it on the page: text the browser inserted itself
 * and Lexical then read could not be taken back from the page by going back to the previous state.
 * (Paste has its own gate, paste/registerPaste.ts.) Needs a page: not for a headless editor.
 */
export function registerTypingLimits(editor: LexicalEditor, options: LimitsOptions = {}): () => void {
  const onBeforeInput = (event: InputEvent): void => {
    if (!event.inputType.startsWith('insert') || event.inputType === 'insertFromPaste') return;
    const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    if (text === '') return;
    const problem = editor.getEditorState().read(() => $insertionProblem(text.length));
    if (problem === null) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    options.onMessage?.(`That text was not added. ${problem}`);
  };
  return editor.registerRootListener((root, previous) => {
    previous?.removeEventListener('beforeinput', onBeforeInput, { capture: true });
    root?.addEventListener('beforeinput', onBeforeInput, { capture: true });
  });
}

/** Every update that takes a block or a part over a limit is taken back, with a message. */
export function registerLimits(editor: LexicalEditor, options: LimitsOptions = {}): () => void {
  let rollingBack = false;
  return editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves }) => {
    if (rollingBack || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
    const problem = editorState.read(() => $limitProblem(dirtyElements, dirtyLeaves));
    if (problem === null) return;
    rollingBack = true;
    try {
      rollBack(editor, prevEditorState, options.history);
    } finally {
      rollingBack = false;
    }
    options.onMessage?.(`That change was not made. ${problem}`);
  });
}

function rollBack(editor: LexicalEditor, previous: EditorState, history: HistoryState | undefined): void {
  // HISTORIC_TAG: the undo history does not record the way back as a change of its own ...
  editor.setEditorState(previous, { tag: HISTORIC_TAG });
  // ... and the change taken back, which it did record, gives way to the state shown again: pushed
  // as an entry of its own, the entry before it (the state shown again) leaves the undo stack too.
  if (!history) return;
  if (history.undoStack.at(-1)?.editorState === previous) history.undoStack.pop();
  // (The way back may still be pending when called from a listener: `previous` is what it shows.)
  history.current = { editor, editorState: previous };
}
