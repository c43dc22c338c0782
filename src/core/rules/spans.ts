/**
 * Stretches of a paragraph that the text rules leave alone: quoted titles (`entitled "..."`, 6/1 PP1;
 * a conference's title, 6/3 PP6) are cited as printed, and document symbols (CTOC/COP/WG.4/2011/8,
 * A/CONF.192/15) are codes, not words (UN practice: citing resolutions; UN spelling and style).
 */
import type { TextRange } from './types.ts';

/** UN document symbols: series / body / year / number, with L., CRP., Rev., Add., Corr. parts. */
const SYMBOL = /\b[A-Z][A-Za-z0-9.]*(?:\/[A-Za-z0-9.-]*[A-Za-z0-9])+/g;

/**
 * Quoted stretches, quotation marks included: straight quotes pair up in order, curly ones nest. An
 * unclosed quotation runs to the end of the paragraph (the draft is being typed).
 */
export function quotedSpans(text: string): TextRange[] {
  const out: TextRange[] = [];
  let straight = -1;
  let curly = -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        out.push({ start: straight, end: i + 1 });
        straight = -1;
      }
    } else if (ch === '“') {
      if (depth++ === 0) curly = i;
    } else if (ch === '”' && depth > 0) {
      if (--depth === 0) out.push({ start: curly, end: i + 1 });
    }
  }
  if (straight >= 0) out.push({ start: straight, end: text.length });
  if (depth > 0) out.push({ start: curly, end: text.length });
  return out.sort((a, b) => a.start - b.start);
}

export function symbolSpans(text: string): TextRange[] {
  return [...text.matchAll(SYMBOL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The quoted titles and the symbols of a text: where text rules do not look. */
export function protectedSpans(text: string): TextRange[] {
  return [...quotedSpans(text), ...symbolSpans(text)];
}

/** Whether `range` overlaps any of `spans`. */
export function overlapsAny(range: TextRange, spans: readonly TextRange[]): boolean {
  return spans.some((s) => range.start < s.end && s.start < range.end);
}
