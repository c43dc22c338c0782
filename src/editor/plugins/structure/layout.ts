/**
 * Paragraphs far from the screen skip layout and paint (content-visibility: auto, ui/styles/page.css),
 * so a keystroke in a long draft costs the paragraphs on screen, not all of them (issue 3, "Speed").
 * A skipped paragraph takes the size it had when last laid out; one never laid out would take a
 * placeholder's, and scrolling to it (a check, a compare jump, a footnote) would land in the wrong
 * place as the paragraphs around it took their real sizes.
 *
 * - When a draft opens, the paragraphs on screen are laid out in its first frame and the others skip
 *   (a 150-paragraph draft's whole layout was a sixth of its cold load, issue 16); then the others are
 *   laid out a few at a time, one batch a frame (`data-measure`, MEASURED_PER_FRAME), so that each
 *   soon has its real size; the attribute `data-laid-out` says when all have.
 * - Paragraphs that arrive many at once later (a paste, an undo of a deletion) are not laid out: a
 *   big paste would make that frame lay out all its text, seconds for a few hundred kilobytes, and
 *   turning the attribute off and on again would restyle and lay out the whole draft besides. Each
 *   new paragraph is given instead the height its text will take, estimated from its length, the
 *   page's width and its font, until it comes near the screen and is laid out for real (and keeps
 *   that size after).
 *
 * A keystroke lays out again the whole paragraph it is typed in, however long: the browser breaks
 * all its lines again. Justified text whose spaces hang at the ends of the lines (`white-space:
 * pre-wrap`, which Lexical sets on the page) costs two to three times more to lay out than the same
 * text whose spaces take their room (`break-spaces`): in a 90,000-character paragraph, 45-60 ms a key
 * against 16-26 ms in Chromium. So a paragraph far longer than any a resolution has
 * (`LONG_PARAGRAPH_CHARS`) is laid out that way once it is typed in; it then shows, at the right
 * margin, the width of a space the justification leaves.
 */
import {
  $getNodeByKey,
  $getRoot,
  ElementNode,
  mergeRegister,
  RootNode,
  type EditorState,
  type LexicalEditor,
  type MutationListener,
  type NodeKey,
} from 'lexical';
import { $isAnnexNode } from '../../nodes/AnnexNode.ts';
import { $isFootnotesNode } from '../../nodes/FootnotesNode.ts';

export const LAID_OUT_ATTRIBUTE = 'data-laid-out';

/** Set on the blocks being laid out in this frame (ui/styles/page.css lets them not skip). */
export const MEASURE_ATTRIBUTE = 'data-measure';

/**
 * Blocks laid out per frame after a draft opens: a paragraph of the corpus takes about a millisecond
 * to lay out on this 2-core machine, so a batch stays well within a frame beside a keystroke.
 */
const MEASURED_PER_FRAME = 12;

/** Paragraphs arriving in one update that are given estimated sizes instead of being laid out. */
const MANY_NEW_BLOCKS = 2;

/**
 * Beyond this many characters a paragraph is laid out with `white-space: break-spaces` (see above).
 * The corpus's longest paragraph has under 2,000; below 10,000 both ways cost about the same.
 */
export const LONG_PARAGRAPH_CHARS = 20_000;

/** The blocks of the page: the root's children and those of the annex and the footnotes. */
function $blockCount(): number {
  const root = $getRoot();
  let count = root.getChildrenSize();
  for (let part = root.getLastChild(); part !== null; part = part.getPreviousSibling()) {
    if ($isAnnexNode(part) || $isFootnotesNode(part)) count += part.getChildrenSize();
    else break;
  }
  return count;
}

/** What a line of the page measures, read while the page is laid out (see `registerLayoutMark`). */
interface LineMetrics {
  /** The width of the page's text. */
  readonly width: number;
  /** The average advance of a character of running text, in CSS pixels. */
  readonly charWidth: number;
  readonly lineHeight: number;
  /** The margin after a paragraph. */
  readonly gap: number;
  /** The first line's indent. */
  readonly indent: number;
}

/**
 * The average advance of a character of a resolution's running text, in em, in Times New Roman and
 * the fonts metric-compatible with it that the page uses: 0.39 for an operative sentence of the corpus,
 * a little more over whole paragraphs (names, numbers, symbols).
 */
const CHAR_EM = 0.41;

/** The page's line metrics, from its width and a paragraph's style; call only when layout is clean. */
function lineMetrics(root: HTMLElement, width: number): LineMetrics | null {
  const view = root.ownerDocument.defaultView;
  const paragraph = root.querySelector('p');
  if (view === null || paragraph === null || width <= 0) return null;
  const style = view.getComputedStyle(paragraph);
  const fontSize = parseFloat(style.fontSize) || 13.33;
  const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.2;
  const charWidth = fontSize * CHAR_EM;
  return {
    width,
    charWidth,
    lineHeight,
    gap: parseFloat(style.marginBottom) || 0,
    indent: parseFloat(style.textIndent) || 0,
  };
}

/**
 * Gives each new paragraph element the height its text will take (`contain-intrinsic-size: auto
 * <estimate>`, which gives way to its real size once it has been laid out): the lines its characters
 * fill at the page's width, a justified line ending on average half a word short and the first line
 * shortened by its indent and number. Reads each element's text length and nothing of its style or
 * layout: a read of either, after the first write, would lay out all the new paragraphs again, once
 * per paragraph.
 */
function sizeNewBlocks(metrics: LineMetrics, elements: readonly HTMLElement[]): void {
  const { width, charWidth, lineHeight, gap, indent } = metrics;
  const line = Math.max(width - 3 * charWidth, 1);
  for (const element of elements) {
    const chars = element.textContent?.length ?? 0;
    const lines = Math.max(1, Math.ceil((chars * charWidth + indent + 6 * charWidth) / line));
    element.style.containIntrinsicSize = `auto ${Math.round(lines * lineHeight + gap)}px`;
  }
}

/** A block the stylesheet lets skip layout: a child of the page, or of the annex or the footnotes. */
function isSkippableBlock(root: HTMLElement, element: HTMLElement | null): element is HTMLElement {
  if (element === null) return false;
  const parent = element.parentElement;
  return (
    parent === root || (parent !== null && parent.parentElement === root && parent.localName === 'section')
  );
}

export function registerLayoutMark(editor: LexicalEditor): () => void {
  let frame: number | undefined;
  let blocks = 0;
  /** Blocks created in the update being committed, gathered by the mutation listeners below. */
  let created: NodeKey[] = [];
  const cancel = (): void => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    frame = undefined;
  };
  let measuring: HTMLElement[] = [];
  /** The batch laid out in the last frame goes back to skipping (its size is now recorded). */
  const stopMeasuring = (): void => {
    for (const element of measuring) element.removeAttribute(MEASURE_ATTRIBUTE);
    measuring = [];
  };
  /** Lays every block out once, a batch a frame, so that each records its real size (see above). */
  const layOutWhole = (root: HTMLElement | null): void => {
    cancel();
    stopMeasuring();
    if (root === null || typeof requestAnimationFrame !== 'function') return;
    root.removeAttribute(LAID_OUT_ATTRIBUTE);
    const blocks = [...root.children].flatMap((child) =>
      child.localName === 'section' ? [...child.children] : [child],
    );
    let next = 0;
    // Each frame: the last batch goes back to skipping, and the next is laid out in this one.
    const step = (): void => {
      stopMeasuring();
      while (next < blocks.length && measuring.length < MEASURED_PER_FRAME) {
        const element = blocks[next++];
        if (element instanceof HTMLElement && element.isConnected && isSkippableBlock(root, element)) {
          element.setAttribute(MEASURE_ATTRIBUTE, '');
          measuring.push(element);
        }
      }
      if (measuring.length === 0 && next >= blocks.length) {
        frame = undefined;
        root.setAttribute(LAID_OUT_ATTRIBUTE, '');
        return;
      }
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  };
  const count = (): number => editor.getEditorState().read($blockCount);
  // The page's line metrics as last laid out, read when a ResizeObserver reports its size (layout is
  // then clean): read while new paragraphs wait to be laid out, they would lay them all out there
  // and then, the cost the estimates avoid.
  let metrics: LineMetrics | null = null;
  let resize: ResizeObserver | undefined;
  const watch = (root: HTMLElement | null): void => {
    resize?.disconnect();
    resize = undefined;
    metrics = null;
    if (root === null || typeof ResizeObserver !== 'function') return;
    resize = new ResizeObserver((entries) => {
      // The page grows with every line typed: only a new width (or none read yet) is read again.
      for (const { contentRect } of entries)
        if (metrics === null || contentRect.width !== metrics.width)
          metrics = lineMetrics(root, contentRect.width) ?? metrics;
    });
    resize.observe(root);
  };
  const noteCreated: MutationListener = (mutations) => {
    for (const [key, mutation] of mutations) if (mutation === 'created') created.push(key);
  };
  // Every element type (which of their elements are blocks of the page, their place in the DOM says).
  const elementTypes = [...editor._nodes.values()]
    .map(({ klass }) => klass)
    .filter((klass) => klass !== RootNode && klass.prototype instanceof ElementNode);
  return mergeRegister(
    editor.registerRootListener((root) => {
      blocks = count();
      created = [];
      watch(root);
      layOutWhole(root);
    }),
    ...elementTypes.map((klass) =>
      editor.registerMutationListener(klass, noteCreated, { skipInitialization: true }),
    ),
    editor.registerUpdateListener(({ dirtyElements, editorState }) => {
      const fresh = created;
      created = [];
      if (dirtyElements.size === 0) return;
      const root = editor.getRootElement();
      if (root !== null) markLongParagraphs(editor, editorState, root, dirtyElements.keys());
      const now = count();
      if (now >= blocks + MANY_NEW_BLOCKS && root !== null) {
        if (!root.hasAttribute(LAID_OUT_ATTRIBUTE) || metrics === null) layOutWhole(root);
        else
          sizeNewBlocks(
            metrics,
            fresh.map((key) => editor.getElementByKey(key)).filter((e) => isSkippableBlock(root, e)),
          );
      }
      blocks = now;
    }),
    cancel,
    stopMeasuring,
    () => watch(null),
  );
}

/**
 * Sets `white-space: break-spaces` on the changed paragraphs longer than LONG_PARAGRAPH_CHARS and
 * takes it off those that are no longer. Reads the size of the changed ones only (a sum over their
 * children, not their text).
 */
function markLongParagraphs(
  editor: LexicalEditor,
  state: EditorState,
  root: HTMLElement,
  keys: Iterable<NodeKey>,
): void {
  state.read(
    () => {
      for (const key of keys) {
        // Blocks only (the root, inline elements and the annex's and footnotes' sections are not).
        const element = editor.getElementByKey(key);
        if (element === null || element.localName === 'section' || !isSkippableBlock(root, element)) continue;
        const long = ($getNodeByKey(key)?.getTextContentSize() ?? 0) > LONG_PARAGRAPH_CHARS;
        if (long !== (element.style.whiteSpace === 'break-spaces'))
          element.style.whiteSpace = long ? 'break-spaces' : '';
      }
    },
    { editor },
  );
}
