/**
 * What a comparison of two documents says: one `ParagraphChange` per paragraph, subparagraph or annex
 * item, in the draft's reading order (deleted paragraphs where they stood in the base). The shape is
 * plain data: `compare --json` prints it as it is, and the compare view renders it.
 */

export const CHANGE_TYPES = ['unchanged', 'changed', 'inserted', 'deleted', 'moved'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const COMPARE_PARTS = ['preamble', 'operative', 'annex'] as const;
export type ComparePart = (typeof COMPARE_PARTS)[number];

/** One run of the word diff: read `equal` + `delete` for the base, `equal` + `insert` for the draft. */
export interface WordChange {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

/**
 * How a change of opener moves the paragraph on the scale of verbs in `verbScale.ts`:
 * - `strengthening` / `softening`: both verbs are on the scale at different levels ("Invites" →
 *   "Decides"; "Urges" → "Encourages");
 * - `equivalent`: other verb, same level ("Urges" → "Calls upon");
 * - `sequence`: the same verb, only *also* / *further* differs ("Requests" → "Also requests"), the
 *   consequence of a paragraph inserted or deleted before it (UN practice: the also/further rule);
 * - `unranked`: a verb off the scale on either side (preambular participles, "Reaffirms", "Condemns").
 */
export const OPENER_SHIFTS = ['strengthening', 'softening', 'equivalent', 'sequence', 'unranked'] as const;
export type OpenerShift = (typeof OPENER_SHIFTS)[number];

export interface OpenerChange {
  readonly base: string;
  readonly draft: string;
  /** Level on the scale (0 takes note … 5 decides; "Strongly" adds half a level), null when off the scale. */
  readonly baseLevel: number | null;
  readonly draftLevel: number | null;
  readonly shift: OpenerShift;
}

/** A footnote as the comparison sees it: its number as printed (when known), its text and its source. */
export interface FootnoteSide {
  readonly number: number | null;
  readonly text: string;
  /** The source with "Ibid." expanded (`Footnote.resolved`), or the text when nothing was resolved. */
  readonly source: string;
}

/**
 * A footnote change, reported apart from the words (footnote markers are not words):
 * `added` / `removed` a reference, or `changed` the source a reference points at. A footnote that
 * reads differently but cites the same source ("Ibid." after a move) is no change.
 */
export interface FootnoteChange {
  readonly change: 'added' | 'removed' | 'changed';
  readonly base: FootnoteSide | null;
  readonly draft: FootnoteSide | null;
}

export interface ParagraphChange {
  readonly type: ChangeType;
  readonly part: ComparePart;
  /** 0 for a paragraph or annex item, 1 for its subparagraphs (a), 2 for (i) … */
  readonly level: number;
  /**
   * 1-based position in the part of the paragraph in each document (null where absent). For a
   * subparagraph it is the position of the paragraph that holds it; `basePath` / `draftPath` give
   * the full path ([9, 1] is OP9 (a)).
   */
  readonly base: number | null;
  readonly draft: number | null;
  readonly basePath: readonly number[] | null;
  readonly draftPath: readonly number[] | null;
  /** As a delegate cites it: "PP3", "OP9 (a)", "annex (b)(iii)"; decisions' operative paragraphs "(a)". */
  readonly baseLabel: string | null;
  readonly draftLabel: string | null;
  /** The paragraph as printed (opener included, footnote markers left out). */
  readonly baseText: string | null;
  readonly draftText: string | null;
  /** Dice similarity of the two paragraphs (similarity.ts), 1 for identical; 0 for inserted / deleted. */
  readonly similarity: number;
  /**
   * The word diff, base → draft. The opener is one unit: a changed opener is one deletion and one
   * insertion, never a word-by-word patch. Inserted paragraphs are one `insert`, deleted ones one `delete`.
   */
  readonly words: readonly WordChange[];
  /** Present when the opener changed. */
  readonly opener?: OpenerChange;
  /** Present when a footnote reference was added or removed or its source changed. */
  readonly footnotes?: readonly FootnoteChange[];
  /**
   * The base paragraph was split: it reads on in the draft's paragraphs at these positions among its
   * siblings (`draft` is the first of them). `words` compares it with their texts joined. Those draft
   * paragraphs get no entries of their own.
   */
  readonly split?: { readonly into: readonly number[]; readonly labels: readonly string[] };
  /** The draft paragraph merges the base paragraphs at these positions (`base` is the first). */
  readonly merge?: { readonly from: readonly number[]; readonly labels: readonly string[] };
  /**
   * The paragraph differs from its base only in typography (model/typography.ts: non-breaking
   * hyphens, no-break spaces, curly quotes, dashes, ligatures), in its text or its footnotes. Unless
   * `showTypography` is set it is then `unchanged` (or `moved`) and its `words` are the draft's text;
   * with it, it is `changed` and `words` shows the marks that differ.
   */
  readonly typography?: true;
}

/** A heading (title, annex title or introduction) that differs; absent when equal. */
export interface HeadingChange {
  readonly base: string;
  readonly draft: string;
  readonly words: readonly WordChange[];
  /** It differs only in typography (present only with `showTypography`: otherwise it is no change). */
  readonly typography?: true;
}

export interface CompareSummary {
  readonly unchanged: number;
  readonly changed: number;
  readonly inserted: number;
  readonly deleted: number;
  readonly moved: number;
  readonly strengthening: number;
  readonly softening: number;
  /** Paragraphs whose footnote references changed. */
  readonly footnotes: number;
  /**
   * Paragraphs (and headings: title, annex title, annex introduction) that differ from the base only in
   * typography: counted apart, and not `changed` unless `showTypography` is set.
   */
  readonly typography: number;
}

export interface CompareResult {
  readonly changes: readonly ParagraphChange[];
  readonly summary: CompareSummary;
  readonly title?: HeadingChange;
  readonly annexTitle?: HeadingChange;
  readonly annexIntro?: HeadingChange;
}

export interface CompareOptions {
  /** Punctuation differences are no change ("," vs ";"); words still are. */
  readonly ignorePunctuation?: boolean;
  /** Footnote references and sources are left out of the comparison. */
  readonly ignoreFootnotes?: boolean;
  /**
   * Typography-only differences are shown as changes. By default non-breaking hyphens, no-break spaces,
   * curly quotes, dashes and ligatures are equal (model/typography.ts) and a paragraph that differs
   * only in them is counted apart (`summary.typography`), not `changed`.
   */
  readonly showTypography?: boolean;
}
