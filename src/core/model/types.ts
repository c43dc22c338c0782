/**
 * The resolution document model: the truth that saved drafts, compare, lint and export read.
 * The editor is one view of it (ARCHITECTURE.md, convention 2).
 *
 * Parts follow UN practice: title, enacting formula, preambular paragraphs,
 * numbered operative paragraphs with subparagraphs (a) then (i), an optional annex, footnotes.
 */
import type { Negotiation } from '../negotiation/types.ts';

/** Bumped whenever the stored shape changes; `migrations.ts` carries older files forward. */
export const SCHEMA_VERSION = 2 as const;

export const DOCUMENT_KINDS = ['resolution', 'decision'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The footnote rule for citing instruments: 2012 practice (the corpus) or the current Editorial Manual. */
export const FOOTNOTE_RULES = ['2012', 'current'] as const;
export type FootnoteRule = (typeof FOOTNOTE_RULES)[number];

/** A run of text. Italics are kept (titles of publications such as the *Treaty Series*). */
export interface TextRun {
  readonly type: 'text';
  readonly text: string;
  readonly italic?: boolean;
}

/** Where a footnote is anchored: the reference sits between the runs around it. */
export interface FootnoteRef {
  readonly type: 'footnoteRef';
  /** The `id` of an entry in `ResolutionDocument.footnotes`. */
  readonly footnoteId: string;
}

export type Inline = TextRun | FootnoteRef;

/**
 * A preambular paragraph. `opener` is the italic opening phrase as printed, with *also* or *further*
 * and its complement ("Noting with appreciation", "Recalling also"); `content` is the rest of the
 * paragraph after the opener and one space. The opener is structure, not formatting: it is never
 * repeated in `content`. An empty opener means none was recognized.
 */
export interface PreambularParagraph {
  readonly opener: string;
  readonly content: readonly Inline[];
  /**
   * A preambular paragraph that ends with a colon and lists (a), (b) ... keeps its list in the
   * preamble (Assembly practice); absent when it has none.
   */
  readonly subparagraphs?: readonly Subparagraph[];
}

/** A subparagraph: (a), (b) ... under an operative paragraph or annex item; (i), (ii) ... one level down. */
export interface Subparagraph {
  /** The label as printed, "(a)" or "(iv)"; omitted in a fresh draft, where position decides. */
  readonly label?: string;
  readonly content: readonly Inline[];
  readonly subparagraphs: readonly Subparagraph[];
}

/** An operative paragraph; numbered 1., 2. ... in a resolution, lettered (a), (b) in a decision. */
export interface OperativeParagraph {
  /** The number or label as printed ("5", "5 bis", "(a)"); omitted where position decides. */
  readonly label?: string;
  readonly opener: string;
  readonly content: readonly Inline[];
  readonly subparagraphs: readonly Subparagraph[];
}

/** An annex: its own title, an optional introductory sentence and items (a), (b) ... */
export interface Annex {
  readonly title: string;
  readonly intro: readonly Inline[];
  readonly items: readonly Subparagraph[];
  /** Headings printed between items ("I. Our shared commitment"); absent when there are none. */
  readonly headings?: readonly AnnexHeading[];
}

/** A heading in an annex, printed before item `before` (0-based; `items.length` puts it after the last). */
export interface AnnexHeading {
  readonly before: number;
  /** As printed: "I", "A", or "" for an unnumbered heading. */
  readonly number: string;
  readonly heading: string;
}

export interface Footnote {
  readonly id: string;
  /** The marker printed in the source (the report numbers footnotes across the whole document). */
  readonly number?: number;
  /** The footnote as printed, e.g. "Ibid., vol. 2225, No. 39574." */
  readonly content: readonly Inline[];
  /** The source with "Ibid." expanded, as plain text; absent when `content` already says it all. */
  readonly resolved?: string;
}

/** How and when the document was adopted (read from the report's chapters on action taken). */
export interface Adoption {
  /** ISO date, e.g. "2012-10-19". */
  readonly date: string;
  readonly meeting?: number;
  /** The L document adopted, e.g. "CTOC/COP/2012/L.4/Rev.2". */
  readonly draftSymbol?: string;
  readonly sponsors: readonly string[];
  /** For drafts submitted by an officer rather than sponsored by States ("the Chair of the Working Group ..."). */
  readonly submittedBy?: string;
  /** What the organ acted on, as printed: "[on the report of the Third Committee (A/79/459, para. 37)]". */
  readonly basis?: string;
}

/** Where a draft comes from, for compare and tracked changes. */
export interface BaseDocument {
  /** "corpus" for a resolution or decision of the shipped report; "revision" for a saved revision. */
  readonly source: 'corpus' | 'revision' | 'file';
  /** e.g. "resolution 6/3", or a revision's name. */
  readonly ref: string;
}

export interface Metadata {
  /** "Sixth session, Vienna, 15-19 October 2012". */
  readonly session?: string;
  /** The document symbol, e.g. "CTOC/COP/2014/L.3" or "CTOC/COP/2012/L.4/Rev.2". */
  readonly symbol?: string;
  /** ISO date of the document. */
  readonly date?: string;
  readonly sponsors?: readonly string[];
  /** "2 (c)", with its title when known. */
  readonly agendaItem?: string;
  readonly agendaItemTitle?: string;
  /** "Distr.: Limited" for an L document, "Distr.: General" otherwise. */
  readonly distribution?: 'limited' | 'general';
  readonly originalLanguage?: string;
  readonly base?: BaseDocument;
  readonly adoption?: Adoption;
  readonly footnoteRule?: FootnoteRule;
  /** Notes printed under the masthead, each without its asterisk ("Reissued for technical reasons ..."). */
  readonly notes?: readonly string[];
}

/**
 * A section of an omnibus resolution: "I", "II" ... with its heading, its own preambular and
 * operative paragraphs, numbered as printed (restarting at 1 or running on).
 */
export interface Section {
  /** As printed: "I", "II", "A". */
  readonly number: string;
  readonly heading: string;
  readonly preamble: readonly PreambularParagraph[];
  readonly operative: readonly OperativeParagraph[];
}

export interface ResolutionDocument {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly kind: DocumentKind;
  /** "6/1"; absent for a draft. */
  readonly number?: string;
  /** The organ, e.g. "Conference of the Parties to the United Nations Convention against Transnational Organized Crime". */
  readonly organ: string;
  /** The enacting formula as printed, ending with a comma for a resolution ("The Conference of the Parties ...,"). */
  readonly formula: string;
  readonly title: string;
  readonly metadata: Metadata;
  readonly preamble: readonly PreambularParagraph[];
  readonly operative: readonly OperativeParagraph[];
  /** Sections after the paragraphs above, in an omnibus resolution; absent otherwise. */
  readonly sections?: readonly Section[];
  readonly annex: Annex | null;
  readonly footnotes: readonly Footnote[];
  /**
   * The negotiation of the draft, when one is under way (src/core/negotiation): the document is the
   * base of its round and is not edited directly while it lasts. Absent otherwise. Since version 2.
   */
  readonly negotiation?: Negotiation;
}
