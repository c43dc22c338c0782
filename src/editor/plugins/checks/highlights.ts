/**
 * The underlines of the checks, drawn with the CSS Custom Highlight API: the problems' DOM ranges are
 * registered as named highlights (`CSS.highlights`) and styled by `::highlight(name)` (ui/styles/
 * checks.css). Nothing in the page changes: no Lexical node, no history entry, no DOM of Lexical's —
 * so drawing cannot disturb the caret, typing or undo.
 *
 * Where the browser lacks the API, each paragraph with a problem gets a `data-check` attribute with the
 * gravest severity (a mark in the margin); the list in the panel is the same either way.
 */
import type { RuleSeverity } from '../../../core/rules/types.ts';

export const HIGHLIGHT_NAMES: Readonly<Record<RuleSeverity, string>> = {
  error: 'res-check-error',
  warning: 'res-check-warning',
  info: 'res-check-info',
};

/** The problem chosen in the panel's list, shown behind the text. */
export const CURRENT_HIGHLIGHT = 'res-check-current';

export const FALLBACK_ATTRIBUTE = 'data-check';

export interface Underline {
  readonly severity: RuleSeverity;
  /**
   * The problem's place in the page, worked out only when the paragraph is drawn: a long draft may
   * have thousands of problems, of which only those near the screen are underlined (null when the
   * text is no longer there).
   */
  readonly range: () => Range | null;
  /** The paragraph's element: whether it is on screen; the fallback mark. */
  readonly element: HTMLElement;
}

export function highlightsSupported(): boolean {
  return (
    typeof CSS !== 'undefined' &&
    'highlights' in CSS &&
    (CSS as { highlights?: unknown }).highlights !== undefined &&
    typeof Highlight === 'function'
  );
}

const RANK: Readonly<Record<RuleSeverity, number>> = { error: 3, warning: 2, info: 1 };

/**
 * A live Range follows every change to the text it covers, and Chromium repaints every highlight that
 * holds live ranges on each keystroke — in a long draft with many notes that repaint alone costs more
 * than the keystroke. A StaticRange stays put until the next check redraws (a fraction of a second).
 */
function frozen(range: Range): AbstractRange {
  if (typeof StaticRange !== 'function') return range;
  return new StaticRange({
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  });
}

/** Whether two lists of ranges cover the same text nodes and offsets, in the same order. */
export function sameRanges(a: readonly AbstractRange[], b: readonly AbstractRange[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((r, i) => {
    const o = b[i];
    return (
      o !== undefined &&
      r.startContainer === o.startContainer &&
      r.startOffset === o.startOffset &&
      r.endContainer === o.endContainer &&
      r.endOffset === o.endOffset
    );
  });
}

/**
 * Draws one painter's underlines. Each painter remembers the paragraphs it marked in the fallback, so
 * it can clear them; with the API it owns the highlight names (one checked editor per page).
 */
/**
 * The blocks of `container` (its children, and theirs for a section: the annex, the footnotes) whose
 * boxes reach between `top` and `bottom` of the viewport, found by bisection: blocks follow each other
 * down the page, so a long draft costs a few boxes read, not one per paragraph.
 */
function blocksNear(container: Element, top: number, bottom: number, out: Set<Element>): void {
  const blocks = container.children;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid];
    if (block !== undefined && block.getBoundingClientRect().bottom < top) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < blocks.length; i++) {
    const block = blocks[i];
    if (block === undefined) break;
    const box = block.getBoundingClientRect();
    if (box.top > bottom) break;
    out.add(block);
    if (block.localName === 'section') blocksNear(block, top, bottom, out);
  }
}

/**
 * `page` gives the editor's page: the painter finds the paragraphs near the screen in it (without it,
 * among the siblings of the first underlined one).
 */
export function createPainter(page: () => HTMLElement | null = () => null): {
  paint(underlines: readonly Underline[], current: Range | null): void;
  clear(): void;
} {
  let marked: HTMLElement[] = [];
  // The last underlines asked for, painted again (for what is then on screen) when the page scrolls.
  let last: { underlines: readonly Underline[]; current: Range | null } | null = null;
  let frame: number | undefined;
  const onScroll = (): void => {
    if (frame !== undefined || last === null) return;
    frame = requestAnimationFrame(() => {
      frame = undefined;
      if (last) paintVisible(last.underlines, last.current);
    });
  };
  let listening = false;
  const clearFallback = (): void => {
    for (const element of marked) element.removeAttribute(FALLBACK_ATTRIBUTE);
    marked = [];
  };
  /**
   * Chromium repaints every highlighted paragraph on every frame, so a long draft full of notes would
   * spend more on underlines than on the keystroke (issue 3, "Speed"): only the paragraphs on screen,
   * and a screen's height around them, are underlined; scrolling brings the others in.
   */
  const paintVisible = (underlines: readonly Underline[], current: Range | null): void => {
    const margin = typeof window === 'undefined' ? 0 : window.innerHeight;
    const bottom = (typeof window === 'undefined' ? 0 : window.innerHeight) + margin;
    const root = page();
    let near: Set<Element> | null = null;
    const onScreen = (element: HTMLElement): boolean => {
      if (near === null)
        blocksNear(root ?? element.parentElement ?? element, -margin, bottom, (near = new Set()));
      return near.has(element);
    };
    for (const severity of Object.keys(HIGHLIGHT_NAMES) as RuleSeverity[]) {
      // Notes (info) are listed in the panel, not underlined: the page stays readable, and every
      // underline costs a repaint of its paragraph on each frame.
      const ranges: AbstractRange[] = [];
      for (const u of underlines) {
        if (u.severity !== severity || severity === 'info' || !onScreen(u.element)) continue;
        const range = u.range();
        if (range !== null) ranges.push(frozen(range));
      }
      draw(HIGHLIGHT_NAMES[severity], ranges);
    }
    draw(CURRENT_HIGHLIGHT, current ? [current] : []);
  };
  /**
   * What each highlight holds now. A highlight set again is repainted, and that repaint is a frame of
   * its own: a check that finds what the last one found (most checks while typing) draws nothing.
   */
  const drawn = new Map<string, readonly AbstractRange[]>();
  const draw = (name: string, ranges: readonly AbstractRange[]): void => {
    if (sameRanges(drawn.get(name) ?? [], ranges)) return;
    if (ranges.length === 0) {
      CSS.highlights.delete(name);
      drawn.delete(name);
    } else {
      CSS.highlights.set(name, new Highlight(...ranges));
      drawn.set(name, ranges);
    }
  };

  return {
    paint(underlines, current) {
      if (highlightsSupported()) {
        last = { underlines, current };
        if (!listening && typeof document !== 'undefined') {
          document.addEventListener('scroll', onScroll, { capture: true, passive: true });
          listening = true;
        }
        paintVisible(underlines, current);
        return;
      }

      clearFallback();
      const worst = new Map<HTMLElement, RuleSeverity>();
      for (const { element, severity } of underlines) {
        const before = worst.get(element);
        if (before === undefined || RANK[severity] > RANK[before]) worst.set(element, severity);
      }
      for (const [element, severity] of worst) {
        element.setAttribute(FALLBACK_ATTRIBUTE, severity);
        marked.push(element);
      }
    },
    clear() {
      last = null;
      if (listening) document.removeEventListener('scroll', onScroll, { capture: true });
      listening = false;
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
      if (highlightsSupported()) {
        for (const name of [...Object.values(HIGHLIGHT_NAMES), CURRENT_HIGHLIGHT])
          CSS.highlights.delete(name);
      }
      drawn.clear();
      clearFallback();
    },
  };
}
