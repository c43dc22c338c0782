/**
 * Paragraphs far from the screen skip layout and paint (content-visibility: auto, ui/styles/page.css),
 * so a keystroke in a long draft costs the paragraphs on screen, not all of them (issue 3, "Speed").
 * A skipped paragraph takes the size it had when last laid out; one never laid out would take a
 * placeholder's, and scrolling to it (a check, a compare jump, a footnote) would land in the wrong
 * place as the paragraphs around it took their real sizes. So the page is laid out whole once (with
 * the attribute off) whenever it gets many new paragraphs at once (a draft opened, a paste, an undo of
 * one), and the attribute that lets paragraphs skip is set in the frame after.
 */
import { $getRoot, mergeRegister, type LexicalEditor } from 'lexical';
import { $isAnnexNode } from '../../nodes/AnnexNode.ts';
import { $isFootnotesNode } from '../../nodes/FootnotesNode.ts';

export const LAID_OUT_ATTRIBUTE = 'data-laid-out';

/** Paragraphs arriving in one update that make the page lay itself out whole again. */
const MANY_NEW_BLOCKS = 2;

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

export function registerLayoutMark(editor: LexicalEditor): () => void {
  let frame: number | undefined;
  let blocks = 0;
  const cancel = (): void => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    frame = undefined;
  };
  const layOutWhole = (root: HTMLElement | null): void => {
    cancel();
    if (root === null || typeof requestAnimationFrame !== 'function') return;
    root.removeAttribute(LAID_OUT_ATTRIBUTE);
    // The next frame lays every paragraph out and records its size; the one after lets them skip.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        frame = undefined;
        root.setAttribute(LAID_OUT_ATTRIBUTE, '');
      });
    });
  };
  const count = (): number => editor.getEditorState().read($blockCount);
  return mergeRegister(
    editor.registerRootListener((root) => {
      blocks = count();
      layOutWhole(root);
    }),
    editor.registerUpdateListener(({ dirtyElements }) => {
      if (dirtyElements.size === 0) return;
      const now = count();
      if (now >= blocks + MANY_NEW_BLOCKS) layOutWhole(editor.getRootElement());
      blocks = now;
    }),
    cancel,
  );
}
