import type { Diagnostic } from '../parse/diagnostics.ts';
import type { InstrumentGroupId, InstrumentId } from './instruments.ts';

/** An instrument with the source its first mention is footnoted with (UN practice: citing instruments). */
export interface InstrumentReference {
  readonly id: InstrumentId;
  /** The full title as printed, without an article. */
  readonly title: string;
  readonly shortTitles: readonly string[];
  readonly commonNames: readonly string[];
  /**
   * The source as the corpus's footnotes give it, "Ibid." expanded:
   * "United Nations, Treaty Series, vol. 2241, No. 39574." Absent when no footnote annotates the title.
   */
  readonly source?: string;
  /** Provenance: the numbers of the footnotes that annotate the title with that source, in order. */
  readonly sourceFootnotes: readonly number[];
  /** Where the title is footnoted: "resolution 6/3 PP1", "para. 78". */
  readonly footnotedIn: readonly string[];
}

/** "The United Nations Convention against Transnational Organized Crime and the Protocols thereto". */
export interface InstrumentGroupReference {
  readonly id: InstrumentGroupId;
  readonly title: string;
  readonly shortTitles: readonly string[];
  readonly members: readonly InstrumentId[];
  readonly source?: string;
  readonly sourceFootnotes: readonly number[];
  readonly footnotedIn: readonly string[];
}

/** The organ of a report's own "its resolution 5/1": the Conference of the Parties. */
export const COP_ORGAN = 'Conference of the Parties';

/** A resolution or decision the corpus cites or adopts (UN practice: citing resolutions). */
export interface CitedAct {
  readonly kind: 'resolution' | 'decision';
  /** `COP_ORGAN`, "General Assembly", "Economic and Social Council" ... */
  readonly organ: string;
  /** "5/1", "64/293". */
  readonly number: string;
  /** ISO date of adoption, "2010-10-22". */
  readonly date?: string;
  /** The date as printed, "22 October 2010". */
  readonly dateText?: string;
  /** The title, from an `entitled "..."` citation or from the corpus's own adopted text. */
  readonly title?: string;
  /** Where it is cited: "resolution 6/1 PP1", "para. 48", "footnote 12". */
  readonly citedIn: readonly string[];
  /** For the corpus's own acts: the draft adopted ("CTOC/COP/2012/L.4/Rev.2") and the meeting. */
  readonly draftSymbol?: string;
  readonly meeting?: number;
}

/** What a symbol's parts say the document is (UN practice: citing resolutions). */
export type DocumentSymbolKind =
  | 'draft' // L = limited
  | 'conference-room-paper'
  | 'information'
  | 'working-group'
  | 'document';

export interface CitedDocument {
  /** The symbol, with an obvious series typo repaired ("CTOP/COP/2012/14" → "CTOC/COP/2012/14"). */
  readonly symbol: string;
  readonly symbolKind: DocumentSymbolKind;
  /** Where the corpus says what it is: "Report of the Secretariat on the development of a digest ...". */
  readonly description?: string;
  /** Spellings printed that differ from `symbol`. */
  readonly printedAs?: readonly string[];
  readonly citedIn: readonly string[];
}

export interface References {
  readonly instruments: readonly InstrumentReference[];
  readonly groups: readonly InstrumentGroupReference[];
  readonly acts: readonly CitedAct[];
  readonly documents: readonly CitedDocument[];
  /** The corpus's slips, recorded rather than thrown (ARCHITECTURE.md convention 6). */
  readonly diagnostics: readonly Diagnostic[];
}
