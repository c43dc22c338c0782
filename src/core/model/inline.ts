import type { Inline, TextRun } from './types.ts';

/** The plain text of inline content: footnote references dropped, runs joined as printed. */
export function inlineText(content: readonly Inline[]): string {
  let out = '';
  for (const part of content) if (part.type === 'text') out += part.text;
  return out;
}

/** Joins an opener and the rest of a paragraph as printed: one space, none before closing punctuation. */
export function joinOpener(opener: string, rest: string): string {
  if (opener === '') return rest;
  if (rest === '') return opener;
  return /^[,;:.]/.test(rest) ? opener + rest : `${opener} ${rest}`;
}

/** Plain-text content as one run (or none for the empty string). */
export function plain(text: string): readonly TextRun[] {
  return text === '' ? [] : [{ type: 'text', text }];
}

/** Merges adjacent text runs of the same style and drops empty runs. */
export function normalizeInlines(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const part of content) {
    if (part.type === 'text') {
      if (part.text === '') continue;
      const last = out[out.length - 1];
      if (last && last.type === 'text' && Boolean(last.italic) === Boolean(part.italic)) {
        out[out.length - 1] = { ...last, text: last.text + part.text };
        continue;
      }
      out.push(
        part.italic ? { type: 'text', text: part.text, italic: true } : { type: 'text', text: part.text },
      );
    } else out.push(part);
  }
  return out;
}
