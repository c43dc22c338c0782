/**
 * The negotiation of a draft (issue 14): the facilitator's compilation text as data.
 *
 * A round of negotiation works on one fixed text, its base: the document itself (Rev.0 is the zero
 * draft, Rev.1 the first revision …). Everything delegations propose is anchored to the base — its
 * paragraph (`key`) and a range of that paragraph's printed text — so proposals never move under
 * one another while others are accepted or rejected: the clean text is the base with the accepted
 * proposals applied, whatever order they were accepted in (clean.ts). Issuing the revision makes
 * the clean text the next round's base.
 */
/** What a proposal does, as the compile command's JSON names it. */
export const PROPOSAL_KINDS = [
  'insert',
  'delete',
  'replace',
  'new paragraph',
  'move',
  'delete paragraph',
] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_STATES = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** As delegates say it: "agreed ad ref" is agreed for now, subject to the whole text. */
export const PARAGRAPH_STATUSES = ['pending', 'agreed ad ref', 'agreed', 'deleted'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

/**
 * A paragraph of the base: its part and its path in `documentOutline`'s positions, "operative:3"
 * for OP3, "operative:3.1" for OP3 (a), "preamble:2", "annex:4". A new paragraph proposed after OP5
 * is the proposal's own: "new:p7".
 */
export type ParagraphKey = string;

/** A range of a base paragraph's printed text (opener included, spaces collapsed); start = end to insert. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Proposal {
  /** "p1", "p2" …, unique in the negotiation. */
  readonly id: string;
  /** The delegation or group proposing: "EU", "G77 and China", "Mexico". */
  readonly delegation: string;
  /** ISO date or date-time. */
  readonly date?: string;
  readonly kind: ProposalKind;
  /**
   * The base paragraph it changes; for a new paragraph, the one it follows ("operative:0" puts it
   * first in the operative part).
   */
  readonly key: ParagraphKey;
  /** For insert, delete and replace: the words of the base paragraph it changes. */
  readonly range?: TextRange;
  /**
   * The text inserted, the replacing text, or the new paragraph as printed; for a deletion, the
   * words deleted; for a move or a paragraph's deletion, the paragraph's text.
   */
  readonly text: string;
  /** For a move: the base paragraph after which it goes ("operative:0": first). */
  readonly to?: ParagraphKey;
  readonly supporters: readonly string[];
  readonly opposers: readonly string[];
  readonly state: ProposalState;
  /** Where it came from, when it came in a returned Word file: the file and the change's author. */
  readonly source?: { readonly file: string; readonly author: string };
}

/**
 * Disputed words in square brackets. Its alternatives are the base's own words (held by
 * `originalHolders`) and then each proposal of `proposals`, in order: "Alt 1", "Alt 2" … Two
 * delegations' proposals on the same words always sit in one bracket, never one over the other.
 */
export interface Bracket {
  readonly id: string;
  readonly key: ParagraphKey;
  readonly range: TextRange;
  /** Who holds the base text of the range. */
  readonly originalHolders: readonly string[];
  /** The proposals that are its other alternatives. */
  readonly proposals: readonly string[];
  /** The alternative it was resolved to: "original" or a proposal's id; absent while disputed. */
  readonly resolved?: string;
}

export interface ParagraphState {
  readonly status: ParagraphStatus;
  /** The facilitator's note on the paragraph. */
  readonly note?: string;
}

export interface Delegation {
  readonly name: string;
  /** Its colour in the margin and in its marks: one of `DELEGATION_COLOURS`. */
  readonly colour: string;
}

export interface Negotiation {
  /** The revision the base is: 0 for the zero draft, 1 for Rev.1 … */
  readonly round: number;
  /** The delegation the facilitator speaks for; revisions' tracked changes are attributed to it. */
  readonly facilitator: string;
  readonly delegations: readonly Delegation[];
  readonly proposals: readonly Proposal[];
  readonly brackets: readonly Bracket[];
  /** By paragraph key; a paragraph not here is pending with no note. */
  readonly paragraphs: Readonly<Record<ParagraphKey, ParagraphState>>;
  /** The next free number for "p…" and "b…" ids. */
  readonly nextId: number;
}

/**
 * Delegation colours, distinct from each other and from the editor's own marks, each at least 4.5:1
 * against the white page for text.
 */
export const DELEGATION_COLOURS = [
  '#1f5fa8',
  '#a3311a',
  '#2e7d32',
  '#7b3fa0',
  '#8a5a00',
  '#00727a',
  '#b0246a',
  '#4a5a12',
  '#5b4636',
  '#3949ab',
] as const;

/** Parts of a document proposals can reach, as `documentOutline` names them. */
export type NegotiationPart = 'preamble' | 'operative' | 'annex';
