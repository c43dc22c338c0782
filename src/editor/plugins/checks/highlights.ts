/**
 * The underlines of the checks, drawn beside the editor's text, never in it: no Lexical node, no
 * history entry, no DOM of Lexical's — so drawing cannot disturb the caret, typing or undo.
 *
 * - Errors and warnings are short wavy lines in a layer of their own laid over the page
 *   (`.check-underlines`, ui/styles/underlines.css), one group per paragraph, each line placed under the
 *   words from their boxes when the checks draw. Chromium draws a text with a CSS Custom Highlight
 *   again, with every underlined paragraph on screen, in each frame that changes anything in the page
 *   (a keystroke, the completion menu opening): 2 to 5 ms a frame with a screen of underlines,
 *   measured. Lines in a layer are drawn once. When a change moves a paragraph up or down (a line
 *   more above it), its group follows in the next frame; the lines are placed again under their
 *   words when the checks next draw, a pause after typing.
 * - The problem chosen in the panel's list is a CSS Custom Highlight (`CSS.highlights`, styled by
 *   `::highlight(name)`): one range, shown behind the text while it is chosen.
 *
 * Where the browser lacks the API, each paragraph with a problem gets a `data-check` attribute with the
 * gravest severity (a mark in the margin); the list in the panel is the same either way.
 */
import type { RuleSeverity } from '../../../core/rules/types.ts';
import '../../../ui/styles/underlines.css';

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

/** The layer of the underlines' lines (ui/styles/underlines.css), and the prefix of its classes. */
export const UNDERLINE_LAYER = 'check-underlines';

/** A problem to underline: its words, and the paragraph they are in. */
interface Line {
  readonly severity: RuleSeverity;
  readonly element: HTMLElement;
  readonly range: Range;
}

/** One line of an underline, under one line of its words: from its paragraph's group. */
interface Segment {
  readonly severity: RuleSeverity;
  readonly left: number;
  readonly top: number;
  readonly width: number;
}

const RANK: Readonly<Record<RuleSeverity, number>> = { error: 3, warning: 2, info: 1 };

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
  /** The text changed: the paragraphs' lines follow them if they moved. */
  follow(): void;
  clear(): void;
} {
  let marked: HTMLElement[] = [];
  // The last underlines asked for, painted again (for what is then on screen) when the page scrolls.
  let last: { underlines: readonly Underline[]; current: Range | null } | null = null;
  let frame: number | undefined;
  /** Whether the repaint waiting for the next frame must measure every line again (a resize). */
  let remeasure = false;
  /**
   * The page scrolled (or the window changed size): the paragraphs it brings near the screen get their
   * lines. Those already drawn keep theirs on a scroll: the layer scrolls with the page, so their places
   * have not changed, and measuring them again (the boxes of every underlined word a screen around)
   * took several milliseconds a frame of scrolling, most of it laying out paragraphs that skip layout
   * (`content-visibility: auto`) to measure them. A new width breaks the lines elsewhere: all again.
   */
  const onScroll = (event: Event): void => {
    if (event.type === 'resize') remeasure = true;
    if (frame !== undefined || last === null) return;
    frame = requestAnimationFrame(() => {
      frame = undefined;
      const all = remeasure;
      remeasure = false;
      if (last) paintVisible(last.underlines, last.current, all ? null : last.underlines);
    });
  };
  let listening = false;
  const clearFallback = (): void => {
    for (const element of marked) element.removeAttribute(FALLBACK_ATTRIBUTE);
    marked = [];
  };
  /**
   * Only the paragraphs on screen, and a screen's height around them, are underlined: a long draft
   * may have thousands of problems, each placed from its words' boxes (issue 3, "Speed"); scrolling
   * brings the others in.
   */
  const paintVisible = (
    underlines: readonly Underline[],
    current: Range | null,
    /** The underlines of a scroll's repaint: the paragraphs drawn from these keep their lines. */
    scrolledWith: readonly Underline[] | null = null,
  ): void => {
    const margin = typeof window === 'undefined' ? 0 : window.innerHeight;
    const bottom = (typeof window === 'undefined' ? 0 : window.innerHeight) + margin;
    const root = page();
    let near: Set<Element> | null = null;
    const onScreen = (element: HTMLElement): boolean => {
      if (near === null)
        blocksNear(root ?? element.parentElement ?? element, -margin, bottom, (near = new Set()));
      return near.has(element);
    };
    // Notes (info) are listed in the panel, not underlined: the page stays readable.
    const keep = new Set<HTMLElement>();
    // Lines kept only where they are: the same underlines, drawn in the layer still before the page.
    const keeping =
      scrolledWith !== null &&
      scrolledWith === drawnFrom &&
      layer !== null &&
      layer.isConnected &&
      (root === null || layer.nextElementSibling === root);
    const lines: Line[] = [];
    for (const u of underlines) {
      if (u.severity === 'info' || !onScreen(u.element)) continue;
      if (keeping && groups.get(u.element)?.div.hidden === false) {
        keep.add(u.element);
        continue;
      }
      const range = u.range();
      if (range !== null) lines.push({ severity: u.severity, element: u.element, range });
    }
    drawnFrom = underlines;
    drawLines(lines, root, keep);
    draw(CURRENT_HIGHLIGHT, current ? [current] : []);
  };

  /**
   * The layer of lines, just before the editor's page (made when there is a first line to draw): it
   * stands where the page begins, which typing in the page does not move.
   */
  let layer: HTMLElement | null = null;
  /**
   * Each paragraph's group of lines as drawn: where it stands in the layer, and its lines (a key). A
   * redraw keeps a paragraph's group whose lines are the same, and moves it if the paragraph moved.
   */
  let groups = new Map<HTMLElement, { div: HTMLElement; top: number; key: string }>();
  /** The underlines the groups were measured from. */
  let drawnFrom: readonly Underline[] | null = null;
  let following: number | undefined;

  /** Draws `lines`, and keeps as they are the groups of the paragraphs in `keep`; removes the others. */
  const drawLines = (
    lines: readonly Line[],
    page: HTMLElement | null,
    keep: ReadonlySet<HTMLElement> = new Set(),
  ): void => {
    const root = page ?? lines[0]?.element.parentElement ?? null;
    if ((lines.length === 0 && keep.size === 0) || root === null) {
      for (const group of groups.values()) group.div.remove();
      groups = new Map();
      return;
    }
    if (layer === null || !layer.isConnected || layer.nextElementSibling !== root) {
      layer?.remove();
      layer = root.ownerDocument.createElement('div');
      layer.className = UNDERLINE_LAYER;
      layer.setAttribute('aria-hidden', 'true');
      root.before(layer);
      groups = new Map();
    }
    const origin = layer.getBoundingClientRect();
    const byElement = new Map<HTMLElement, { top: number; segments: Segment[] }>();
    for (const { severity, element, range } of lines) {
      let group = byElement.get(element);
      if (group === undefined) {
        group = { top: Math.round(element.getBoundingClientRect().top - origin.top), segments: [] };
        byElement.set(element, group);
      }
      for (const box of range.getClientRects()) {
        if (box.width < 1) continue;
        group.segments.push({
          severity,
          left: Math.round(box.left - origin.left),
          top: Math.round(box.bottom - origin.top - group.top),
          width: Math.round(box.width),
        });
      }
    }
    const document = layer.ownerDocument;
    const next = new Map<HTMLElement, { div: HTMLElement; top: number; key: string }>();
    for (const element of keep) {
      const kept = groups.get(element);
      if (kept !== undefined) next.set(element, kept);
    }
    for (const [element, { top, segments }] of byElement) {
      const key = JSON.stringify(segments);
      const drawn = groups.get(element);
      if (drawn !== undefined && drawn.key === key && !drawn.div.hidden) {
        if (drawn.top !== top) drawn.div.style.top = `${top}px`;
        next.set(element, { ...drawn, top });
        continue;
      }
      const div = document.createElement('div');
      div.className = `${UNDERLINE_LAYER}__group`;
      div.style.top = `${top}px`;
      for (const segment of segments) {
        const line = document.createElement('div');
        line.className = `check-underline check-underline--${segment.severity}`;
        line.style.left = `${segment.left}px`;
        line.style.top = `${segment.top}px`;
        line.style.width = `${segment.width}px`;
        div.append(line);
      }
      if (drawn === undefined) layer.append(div);
      else drawn.div.replaceWith(div);
      next.set(element, { div, top, key });
    }
    for (const [element, group] of groups) if (!next.has(element)) group.div.remove();
    groups = next;
  };

  /** A paragraph moved (the text above it changed its height): its lines follow, in the next frame. */
  const follow = (): void => {
    if (groups.size === 0 || following !== undefined || typeof requestAnimationFrame !== 'function') return;
    following = requestAnimationFrame(() => {
      following = undefined;
      if (layer === null || !layer.isConnected) return;
      const origin = layer.getBoundingClientRect().top;
      for (const [element, group] of groups) {
        if (!element.isConnected) {
          group.div.hidden = true;
          continue;
        }
        const top = Math.round(element.getBoundingClientRect().top - origin);
        if (top === group.top) continue;
        group.top = top;
        group.div.style.top = `${top}px`;
      }
    });
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
    follow,
    paint(underlines, current) {
      if (highlightsSupported()) {
        last = { underlines, current };
        if (!listening && typeof document !== 'undefined') {
          document.addEventListener('scroll', onScroll, { capture: true, passive: true });
          // A window of another width breaks the lines elsewhere: the underlines are placed again.
          window.addEventListener('resize', onScroll, { passive: true });
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
      if (listening) {
        document.removeEventListener('scroll', onScroll, { capture: true });
        window.removeEventListener('resize', onScroll);
      }
      listening = false;
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
      if (following !== undefined) cancelAnimationFrame(following);
      following = undefined;
      layer?.remove();
      layer = null;
      groups = new Map();
      if (highlightsSupported()) CSS.highlights.delete(CURRENT_HIGHLIGHT);
      drawn.clear();
      clearFallback();
    },
  };
}
