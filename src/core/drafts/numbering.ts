/**
 * A fresh draft is numbered by position: operative paragraphs 1, 2, 3 (lettered (a), (b) in a
 * decision), subparagraphs (a) then (i), footnotes 1, 2, 3 in order (UN practice:
 * operative paragraphs and subparagraphs; types.ts: a label is "omitted in a fresh draft, where position decides"). Printed
 * labels copied from a report or a template would stay "3" after a paragraph is inserted above.
 */
import type { Annex, OperativeParagraph, ResolutionDocument, Subparagraph } from '../model/types.ts';
import { subparagraphLabel } from '../export/labels.ts';

/** `label` stays only where position would print something else ("5 bis", the numbered agenda items of decision 6/1). */
function keepUnlessPositional<T extends { readonly label?: string }>(item: T, positional: string): T {
  if (item.label !== positional) return item;
  const { label: _dropped, ...rest } = item;
  return rest as T;
}

function subs(list: readonly Subparagraph[], depth: number): Subparagraph[] {
  return list.map((s, k) => ({
    ...keepUnlessPositional(s, subparagraphLabel(depth, k + 1)),
    subparagraphs: subs(s.subparagraphs, depth + 1),
  }));
}

function annexOf(annex: Annex): Annex {
  return {
    ...annex,
    items: annex.items.map((item, k) => {
      // Items under a number ("1. Organizational matters:") carry (a), (b); lettered items carry (i), (ii)
      // (the same depths as src/core/export/text.ts prints).
      const numbered = item.label !== undefined && !item.label.startsWith('(');
      return {
        ...keepUnlessPositional(item, subparagraphLabel(1, k + 1)),
        subparagraphs: subs(item.subparagraphs, numbered ? 1 : 2),
      };
    }),
  };
}

export function withPositionalNumbering(doc: ResolutionDocument): ResolutionDocument {
  const lettered = doc.kind === 'decision';
  return {
    ...doc,
    operative: doc.operative.map((p, k): OperativeParagraph => ({
      ...keepUnlessPositional(p, lettered ? subparagraphLabel(1, k + 1) : String(k + 1)),
      subparagraphs: subs(p.subparagraphs, 1),
    })),
    annex: doc.annex ? annexOf(doc.annex) : null,
    footnotes: doc.footnotes.map((f) => {
      const { number: _printed, ...rest } = f;
      return rest;
    }),
  };
}
