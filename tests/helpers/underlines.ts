/**
 * The words each of the checks' underlines of a severity stands under, read from the page as a reader
 * sees it: for each line of the underline layer (src/editor/plugins/checks/highlights.ts), the text
 * between the caret places at its two ends, just above it. Self-contained (no imports, no closure):
 * Playwright sends it to the page as source (`page.evaluate(underlinedWords, 'warning')`).
 */
export function underlinedWords(severity: string): string[] {
  const lines = [...document.querySelectorAll<HTMLElement>(`.check-underline--${severity}`)];
  const words: string[] = [];
  for (const line of lines) {
    if (line.closest('[hidden]') !== null) continue;
    const box = line.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) line.scrollIntoView({ block: 'center' });
    const at = line.getBoundingClientRect();
    // Inside the words' box, which ends a little below the wave's top.
    const y = at.top - 3;
    const start = document.caretRangeFromPoint(at.left + 0.5, y);
    const end = document.caretRangeFromPoint(at.right - 0.5, y);
    if (start === null || end === null) {
      words.push('');
      continue;
    }
    const range = document.createRange();
    range.setStart(start.startContainer, start.startOffset);
    range.setEnd(end.startContainer, end.startOffset);
    words.push(range.toString());
  }
  return words;
}
