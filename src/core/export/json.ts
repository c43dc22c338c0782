/**
 * The public JSON shape of a document, printed by `corpus --json` and `parse --json` (a stable
 * interface, documented in the README). Paragraph `text` is as printed: opener included, footnote
 * markers and markup left out.
 */
import type {
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../model/types.ts';
import { inlineText, joinOpener } from '../model/inline.ts';
import { subparagraphLabel } from './labels.ts';
import { footnoteNumbering } from './text.ts';

export interface PublicSubparagraph {
  readonly label: string;
  readonly text: string;
  readonly subparagraphs: readonly PublicSubparagraph[];
}

export interface PublicPreambular {
  readonly opener: string;
  readonly text: string;
  readonly footnotes: readonly number[];
  /** (a), (b) ... of a preambular paragraph that ends with a colon; empty otherwise. */
  readonly subparagraphs: readonly PublicSubparagraph[];
}

export interface PublicOperative {
  readonly number: number;
  readonly label: string;
  readonly opener: string;
  readonly text: string;
  readonly footnotes: readonly number[];
  readonly subparagraphs: readonly PublicSubparagraph[];
}

export interface PublicDocument {
  readonly kind: ResolutionDocument['kind'];
  readonly number: string | null;
  readonly title: string;
  readonly organ: string;
  readonly formula: string;
  readonly preamble: readonly PublicPreambular[];
  readonly operative: readonly PublicOperative[];
  /** Sections of an omnibus resolution, after the paragraphs above; empty otherwise. */
  readonly sections: readonly {
    readonly number: string;
    readonly heading: string;
    readonly preamble: readonly PublicPreambular[];
    readonly operative: readonly PublicOperative[];
  }[];
  readonly annex: {
    readonly title: string;
    readonly intro: string;
    readonly items: readonly PublicSubparagraph[];
    readonly headings: readonly {
      readonly before: number;
      readonly number: string;
      readonly heading: string;
    }[];
  } | null;
  readonly footnotes: readonly {
    readonly number: number;
    readonly text: string;
    readonly resolved: string;
  }[];
  readonly adoption: {
    readonly date: string;
    readonly meeting: number | null;
    readonly draftSymbol: string | null;
    readonly sponsors: readonly string[];
    readonly submittedBy: string | null;
    readonly basis: string | null;
  } | null;
  readonly metadata: ResolutionDocument['metadata'];
}

export function toPublicJson(doc: ResolutionDocument): PublicDocument {
  const numbers = footnoteNumbering(doc);
  const refs = (content: readonly Inline[]): number[] =>
    content.flatMap((p) => (p.type === 'footnoteRef' ? [numbers.get(p.footnoteId) ?? 0] : []));
  const subs = (list: readonly Subparagraph[], depth: number): PublicSubparagraph[] =>
    list.map((s, k) => ({
      label: s.label ?? subparagraphLabel(depth, k + 1),
      text: inlineText(s.content),
      subparagraphs: subs(s.subparagraphs, depth + 1),
    }));
  const preambular = (p: PreambularParagraph): PublicPreambular => ({
    opener: p.opener,
    text: joinOpener(p.opener, inlineText(p.content)),
    footnotes: refs(p.content),
    subparagraphs: subs(p.subparagraphs ?? [], 1),
  });
  const operative = (p: OperativeParagraph, k: number): PublicOperative => ({
    number: k + 1,
    label: p.label ?? (doc.kind === 'decision' ? subparagraphLabel(1, k + 1) : String(k + 1)),
    opener: p.opener,
    text: joinOpener(p.opener, inlineText(p.content)),
    footnotes: refs(p.content),
    subparagraphs: subs(p.subparagraphs, doc.kind === 'decision' ? 2 : 1),
  });
  const adoption = doc.metadata.adoption;
  const { adoption: _omit, ...metadata } = doc.metadata;
  return {
    kind: doc.kind,
    number: doc.number ?? null,
    title: doc.title,
    organ: doc.organ,
    formula: doc.formula,
    preamble: doc.preamble.map(preambular),
    operative: doc.operative.map(operative),
    sections: (doc.sections ?? []).map((s) => ({
      number: s.number,
      heading: s.heading,
      preamble: s.preamble.map(preambular),
      operative: s.operative.map(operative),
    })),
    annex: doc.annex
      ? {
          title: doc.annex.title,
          intro: inlineText(doc.annex.intro),
          items: doc.annex.items.map((it, k) => ({
            label: it.label ?? subparagraphLabel(1, k + 1),
            text: inlineText(it.content),
            subparagraphs: subs(it.subparagraphs, it.label && !/^\(/.test(it.label) ? 1 : 2),
          })),
          headings: doc.annex.headings ?? [],
        }
      : null,
    footnotes: doc.footnotes.map((f) => {
      const text = inlineText(f.content);
      return { number: numbers.get(f.id) ?? 0, text, resolved: f.resolved ?? text };
    }),
    adoption: adoption
      ? {
          date: adoption.date,
          meeting: adoption.meeting ?? null,
          draftSymbol: adoption.draftSymbol ?? null,
          sponsors: adoption.sponsors,
          submittedBy: adoption.submittedBy ?? null,
          basis: adoption.basis ?? null,
        }
      : null,
    metadata,
  };
}
