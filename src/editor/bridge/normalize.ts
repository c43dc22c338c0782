/**
 * What the editor does not keep, said once as a function so round-trip tests compare like with like:
 * `$exportResolution` after `$importResolution(doc)` gives back `normalizeForEditor(doc)`.
 *
 * - Operative and subparagraph `label`s are dropped: in the editor position decides the number
 *   (1., 2. ...) and the label ((a), (i) ...), so a printed "5 bis" or a skipped letter is not kept.
 * - A section's operative paragraphs are labelled by position too, but from 1 again when the
 *   section restarts its numbering (its first numbered paragraph is 1) and running on from the
 *   paragraphs before it otherwise (bridge/sections.ts); `sections: []` is no sections.
 * - Empty lists of preambular subparagraphs and of annex headings are left out, and the annex's
 *   headings are in the order of their places, a place past the last item being the end.
 * - Inline content is normalized as `normalizeInlines` does (adjacent runs of one style merged, empty
 *   runs dropped, `italic: false` omitted): the editor merges adjacent text of one format.
 * - Footnotes are ordered by first reference in the text (preamble, operative part, sections, annex; not the
 *   footnote texts themselves), unreferenced ones last in their original order: the editor numbers
 *   footnotes by order of appearance.
 *
 * Everything else (openers, text, italics, footnote ids, printed numbers, resolved texts, metadata
 * passed as `base`) survives unchanged.
 */
import { normalizeInlines } from '../../core/model/inline.ts';
import type {
  Annex,
  Footnote,
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Section,
  Subparagraph,
} from '../../core/model/types.ts';
import { operativeLabel } from '../../core/export/labels.ts';
import { sectionRestarts } from './sections.ts';

export function normalizeForEditor(doc: ResolutionDocument): ResolutionDocument {
  const order = footnoteReferenceOrder(doc);
  const rank = new Map(order.map((id, index) => [id, index]));
  const footnotes = doc.footnotes
    .map((footnote, index) => ({ footnote, index, rank: rank.get(footnote.id) ?? order.length }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ footnote }): Footnote => ({ ...footnote, content: normalizeInlines(footnote.content) }));
  const { sections: _sections, ...rest } = doc;
  let count = doc.operative.length;
  const sections = (doc.sections ?? []).map((section): Section => {
    if (sectionRestarts(section)) count = 0;
    return {
      number: section.number,
      heading: section.heading,
      preamble: section.preamble.map(preambular),
      operative: section.operative.map((p) => ({
        label: operativeLabel(doc.kind, ++count),
        ...operative(p),
      })),
    };
  });
  return {
    ...rest,
    preamble: doc.preamble.map(preambular),
    operative: doc.operative.map(operative),
    ...(sections.length > 0 ? { sections } : {}),
    annex: doc.annex === null ? null : annexOf(doc.annex),
    footnotes,
  };
}

function preambular(p: PreambularParagraph): PreambularParagraph {
  const subs = p.subparagraphs ?? [];
  return {
    opener: p.opener,
    content: normalizeInlines(p.content),
    ...(subs.length > 0 ? { subparagraphs: unlabel(subs) } : {}),
  };
}

function operative(p: OperativeParagraph): OperativeParagraph {
  return { opener: p.opener, content: normalizeInlines(p.content), subparagraphs: unlabel(p.subparagraphs) };
}

function annexOf(annex: Annex): Annex {
  const headings = (annex.headings ?? [])
    .map((h, index) => ({ h, index, at: Math.min(h.before, annex.items.length) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ h, at }) => ({ before: at, number: h.number, heading: h.heading }));
  return {
    title: annex.title,
    intro: normalizeInlines(annex.intro),
    items: unlabel(annex.items),
    ...(headings.length > 0 ? { headings } : {}),
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
  const scanPart = (
    preamble: readonly PreambularParagraph[],
    operative: readonly OperativeParagraph[],
  ): void => {
    for (const p of preamble) {
      scan(p.content);
      scanSubs(p.subparagraphs ?? []);
    }
    for (const p of operative) {
      scan(p.content);
      scanSubs(p.subparagraphs);
    }
  };
  scanPart(doc.preamble, doc.operative);
  for (const section of doc.sections ?? []) scanPart(section.preamble, section.operative);
  if (doc.annex !== null) {
    scan(doc.annex.intro);
    scanSubs(doc.annex.items);
  }
  return [...seen];
}
