/**
 * What the editor does not keep, said once as a function so round-trip tests compare like with like:
 * `$exportResolution` after `$importResolution(doc)` gives back `normalizeForEditor(doc)`.
 *
 * - Operative and subparagraph `label`s are dropped: in the editor position decides the number
 *   (1., 2. ...) and the label ((a), (i) ...), so a printed "5 bis" or a skipped letter is not kept.
 * - Inline content is normalized as `normalizeInlines` does (adjacent runs of one style merged, empty
 *   runs dropped, `italic: false` omitted): the editor merges adjacent text of one format.
 * - Footnotes are ordered by first reference in the text (preamble, operative part, annex; not the
 *   footnote texts themselves), unreferenced ones last in their original order: the editor numbers
 *   footnotes by order of appearance.
 *
 * Everything else (openers, text, italics, footnote ids, printed numbers, resolved texts, metadata
 * passed as `base`) survives unchanged.
 */
import { normalizeInlines } from '../../core/model/inline.ts';
import type { Footnote, Inline, ResolutionDocument, Subparagraph } from '../../core/model/types.ts';

export function normalizeForEditor(doc: ResolutionDocument): ResolutionDocument {
  const order = footnoteReferenceOrder(doc);
  const rank = new Map(order.map((id, index) => [id, index]));
  const footnotes = doc.footnotes
    .map((footnote, index) => ({ footnote, index, rank: rank.get(footnote.id) ?? order.length }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ footnote }): Footnote => ({ ...footnote, content: normalizeInlines(footnote.content) }));
  return {
    ...doc,
    preamble: doc.preamble.map((p) => ({ opener: p.opener, content: normalizeInlines(p.content) })),
    operative: doc.operative.map((p) => ({
      opener: p.opener,
      content: normalizeInlines(p.content),
      subparagraphs: unlabel(p.subparagraphs),
    })),
    annex:
      doc.annex === null
        ? null
        : {
            title: doc.annex.title,
            intro: normalizeInlines(doc.annex.intro),
            items: unlabel(doc.annex.items),
          },
    footnotes,
  };
}

function unlabel(subparagraphs: readonly Subparagraph[]): Subparagraph[] {
  return subparagraphs.map((s) => ({
    content: normalizeInlines(s.content),
    subparagraphs: unlabel(s.subparagraphs),
  }));
}

/** Footnote ids in order of first reference, the model-side twin of `$footnoteReferenceOrder`. */
function footnoteReferenceOrder(doc: ResolutionDocument): string[] {
  const seen = new Set<string>();
  const scan = (content: readonly Inline[]): void => {
    for (const part of content) if (part.type === 'footnoteRef') seen.add(part.footnoteId);
  };
  const scanSubs = (subs: readonly Subparagraph[]): void => {
    for (const s of subs) {
      scan(s.content);
      scanSubs(s.subparagraphs);
    }
  };
  for (const p of doc.preamble) scan(p.content);
  for (const p of doc.operative) {
    scan(p.content);
    scanSubs(p.subparagraphs);
  }
  if (doc.annex !== null) {
    scan(doc.annex.intro);
    scanSubs(doc.annex.items);
  }
  return [...seen];
}
