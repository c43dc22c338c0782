import type { Footnote, Inline, ResolutionDocument } from '../model/types.ts';
import type { Diagnostic } from '../parse/diagnostics.ts';

/** A paragraph of the report outside the adopted texts (chapters II-XI), kept for what it cites. */
export interface NarrativeParagraph {
  /** The chapter heading's numeral, e.g. "IV". */
  readonly chapter: string;
  /** The paragraph number as printed ("40"), when there is one. */
  readonly number?: string;
  readonly content: readonly Inline[];
}

/** The report read into structure: the adopted texts, the rest of its paragraphs, and every footnote. */
export interface Corpus {
  /** The report's symbol, "CTOC/COP/2012/15". */
  readonly symbol: string;
  /** Resolutions 6/1-6/4 then decisions 6/1-6/3, in the report's order. */
  readonly documents: readonly ResolutionDocument[];
  /** Chapters II-XI paragraph by paragraph; footnote references point into `footnotes`. */
  readonly narrative: readonly NarrativeParagraph[];
  /**
   * Every footnote of the report in order (1-30), with `resolved` set (Ibid. expanded). Each document
   * also carries its own footnotes (the same ids), so a document stands alone.
   */
  readonly footnotes: readonly Footnote[];
  readonly diagnostics: readonly Diagnostic[];
}
