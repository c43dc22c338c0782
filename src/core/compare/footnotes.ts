/**
 * Footnote changes of a pair of paragraphs, reported apart from the words: footnote markers are not
 * words, and what matters to a delegation is the source a reference cites (UN practice: citing instruments).
 */
import { inlineText } from '../model/inline.ts';
import type { Footnote } from '../model/types.ts';
import { foldTypography } from '../model/typography.ts';
import { normalizeSpace } from './similarity.ts';
import type { FootnoteChange, FootnoteSide } from './types.ts';

export function footnoteSide(f: Footnote): FootnoteSide {
  const text = normalizeSpace(inlineText(f.content));
  return { number: f.number ?? null, text, source: normalizeSpace(f.resolved ?? text) };
}

/**
 * The same citation: the same text, or the same source. "Ibid." and the full reference it stands for
 * are the same source (a move changes which one the Editorial Manual asks for, not what is cited);
 * "Ibid." read on its own (a resolution taken out of the report) cannot be resolved but reads the same.
 */
function sameCitation(a: FootnoteSide, b: FootnoteSide, fold: (text: string) => string): boolean {
  return fold(a.text) === fold(b.text) || fold(a.source) === fold(b.source);
}

/**
 * References matched in order; an unmatched base reference and an unmatched draft reference at the
 * same rank are one reference whose source `changed`; the rest were `added` or `removed`. Texts are
 * compared as `fold` reads them: typography folded by default (model/typography.ts), so a source
 * printed with curly quotes and typed with straight ones is the same citation.
 */
export function compareFootnotes(
  base: readonly Footnote[],
  draft: readonly Footnote[],
  fold: (text: string) => string = foldTypography,
): FootnoteChange[] {
  const b = base.map(footnoteSide);
  const d = draft.map(footnoteSide);
  const usedDraft = new Set<number>();
  const unmatchedBase: FootnoteSide[] = [];
  let from = 0;
  for (const side of b) {
    let found = -1;
    for (let j = from; j < d.length; j++) {
      const candidate = d[j];
      if (candidate && !usedDraft.has(j) && sameCitation(side, candidate, fold)) {
        found = j;
        break;
      }
    }
    if (found < 0) unmatchedBase.push(side);
    else {
      usedDraft.add(found);
      from = found + 1;
    }
  }
  const unmatchedDraft = d.filter((_, j) => !usedDraft.has(j));
  const out: FootnoteChange[] = [];
  const paired = Math.min(unmatchedBase.length, unmatchedDraft.length);
  for (let k = 0; k < paired; k++)
    out.push({ change: 'changed', base: unmatchedBase[k] ?? null, draft: unmatchedDraft[k] ?? null });
  for (const side of unmatchedBase.slice(paired)) out.push({ change: 'removed', base: side, draft: null });
  for (const side of unmatchedDraft.slice(paired)) out.push({ change: 'added', base: null, draft: side });
  return out;
}
