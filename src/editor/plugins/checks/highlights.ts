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
  readonly range: Range;
  /** The paragraph's element, for the fallback mark. */
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
 * Draws one painter's underlines. Each painter remembers the paragraphs it marked in the fallback, so
 * it can clear them; with the API it owns the highlight names (one checked editor per page).
 */
export function createPainter(): {
  paint(underlines: readonly Underline[], current: Range | null): void;
  clear(): void;
} {
  let marked: HTMLElement[] = [];
  const clearFallback = (): void => {
    for (const element of marked) element.removeAttribute(FALLBACK_ATTRIBUTE);
    marked = [];
  };
  return {
    paint(underlines, current) {
      if (highlightsSupported()) {
        for (const severity of Object.keys(HIGHLIGHT_NAMES) as RuleSeverity[]) {
          const ranges = underlines.filter((u) => u.severity === severity).map((u) => u.range);
          const name = HIGHLIGHT_NAMES[severity];
          if (ranges.length === 0) CSS.highlights.delete(name);
          else CSS.highlights.set(name, new Highlight(...ranges));
        }
        if (current) CSS.highlights.set(CURRENT_HIGHLIGHT, new Highlight(current));
        else CSS.highlights.delete(CURRENT_HIGHLIGHT);
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
      if (highlightsSupported()) {
        for (const name of [...Object.values(HIGHLIGHT_NAMES), CURRENT_HIGHLIGHT])
          CSS.highlights.delete(name);
      }
      clearFallback();
    },
  };
}
