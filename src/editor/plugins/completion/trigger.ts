/**
 * When the completion menu opens, decided from plain strings (no Lexical here, so it is tested in
 * Node and stays cheap enough to run on every keystroke).
 *
 * - Openers: the words typed at the start of a preambular or operative paragraph (UN practice:
 *   preambular paragraphs and operative paragraphs). What to offer is the lexicon's business (core/lexicon/query.ts).
 * - References: the last words before the caret, when they start the name of an instrument, cite a
 *   resolution or decision, or start a document symbol (sections 3-4). What to offer is
 *   core/references/lookup.ts's business; this file only picks which of the last words are "typed".
 *
 * Why references need a gate of their own: `suggestReferences` also matches a fragment inside a
 * name, so "and" already finds four instruments ("… by Land, Sea and Air"). Opening on that would put
 * a menu under most words of a paragraph, and Enter would replace an ordinary word with a treaty
 * title. Names are capitalized, prose is not: the menu opens for an instrument only when the typed
 * words are capitalized and start one of its names, or are a single capitalized word of one.
 */
import type { CompletionReference } from '../../../core/library/completion-data.ts';
import type { References } from '../../../core/references/types.ts';
import { suggestReferences, type SuggestionContext } from '../../../core/references/lookup.ts';
import type { InstrumentGroupId, InstrumentId } from '../../../core/references/instruments.ts';

/** Longer than any opener of the lexicon ("Taking note with appreciation of the efforts"): past it, the paragraph is prose. */
export const MAX_OPENER_QUERY = 60;

/** The typed words of a reference span at most this many words ("the United Nations Convention against Trans"). */
export const MAX_REFERENCE_WORDS = 6;

/** How far back from the caret a reference is looked for, in characters. */
const REFERENCE_WINDOW = 160;

/**
 * How much of the text before the typed words the lookup is shown ("its ", "the "): it reads only
 * their end. Whatever the paragraph's length, a keystroke reads a bounded part of it (issue 3, "Speed").
 */
const BEFORE_CHARS = 40;

/**
 * The text at the start of a paragraph, as the opener query, or null when it cannot be the start of
 * an opener: it must begin with a letter, hold no line break and be short.
 */
export function openerQuery(leading: string): string | null {
  if (leading.length === 0 || leading.length > MAX_OPENER_QUERY) return null;
  if (!/^\p{L}/u.test(leading) || /[\n\r]/.test(leading)) return null;
  return leading;
}

export interface ReferenceMatch {
  /** The words to replace: `text.slice(start)`. */
  readonly typed: string;
  /** Where `typed` starts in the text given to `matchReference`. */
  readonly start: number;
  /** Never empty. */
  readonly suggestions: readonly CompletionReference[];
}

/** Who answers for the typed words: the report's references (lookup.ts), or the library with them. */
export type ReferenceLookup = (typed: string, context: SuggestionContext) => readonly CompletionReference[];

export interface ReferenceQuery {
  /** Instruments whose full title the draft has given (their next mention takes the short title). */
  readonly mentioned: ReadonlySet<InstrumentId>;
  /** Instruments a group mention has introduced, with their source (core/references/lookup.ts). */
  readonly introduced?: ReadonlySet<InstrumentId>;
  /** Text before `text` in the paragraph (an opener, a preceding run), so "its " or "the " is seen. */
  readonly preceding?: string;
  readonly limit?: number;
  /** Defaults to the report's references alone (`suggestReferences`). */
  readonly lookup?: ReferenceLookup;
}

/**
 * The reference being typed at the end of `text` (the paragraph's text up to the caret), or null.
 * Candidates are the last one to `MAX_REFERENCE_WORDS` words; the best gated one wins (see
 * `candidateStrength`), and of equally strong ones the longest, so that "the United Nations Convention
 * against Trans" is replaced whole and "Recalling its resolution 5/1" keeps "Recalling".
 */
export function matchReference(refs: References, text: string, query: ReferenceQuery): ReferenceMatch | null {
  // The caret must end a word: after a space, a comma or a full stop the reference is finished.
  // (Only the last characters are tested: a pattern anchored at the end still scans the whole text.)
  if (!/[\p{L}\p{N}/]$/u.test(text.slice(-2))) return null;
  const offset = Math.max(0, text.length - REFERENCE_WINDOW);
  const starts = wordStarts(text, offset);
  const lookup = query.lookup ?? ((typed, context) => suggestReferences(refs, typed, context));
  let best: ReferenceMatch | null = null;
  let bestStrength = 0;
  for (const start of starts.slice(-MAX_REFERENCE_WORDS).reverse()) {
    const typed = text.slice(start);
    if (!hasEnoughToGoOn(typed) || !couldBeReference(typed)) continue;
    const before =
      start > BEFORE_CHARS
        ? text.slice(start - BEFORE_CHARS, start)
        : (query.preceding ?? '').slice(-BEFORE_CHARS) + text.slice(0, start);
    const suggestions = lookup(typed, {
      mentioned: query.mentioned,
      ...(query.introduced === undefined ? {} : { introduced: query.introduced }),
      before,
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    });
    if (suggestions.length === 0) continue;
    const strength = candidateStrength(refs, typed, suggestions);
    // Scanned shortest first, so a strictly stronger candidate is needed to replace the one held:
    // equal strength → the longer one, which comes later.
    if (strength > 0 && strength >= bestStrength) {
      best = { typed, start, suggestions };
      bestStrength = strength;
    }
  }
  return best;
}

/**
 * Offsets where words start, from `from` on (a word cut by the window is skipped). A word starts
 * after white space; an opening bracket or quotation mark in front of it is not part of it:
 * "(CTOC/COP/2012/" → "CTOC/COP/2012/".
 */
function wordStarts(text: string, from: number): number[] {
  const out: number[] = [];
  const re = /(?:^|\s)[("“‘'[]*(?=\S)/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++; // the empty match at the very start
  }
  return out;
}

/**
 * Whether `candidateStrength` could find anything in `typed`, before any lookup: it needs a number
 * (an act), a slash or capitals (a document symbol) or a capitalized word (an instrument). Ordinary
 * prose has none of these, so most keystrokes look nothing up (issue 3, "Speed").
 */
export function couldBeReference(typed: string): boolean {
  return (
    /\d/.test(typed) ||
    typed.includes('/') ||
    /^\p{Lu}/u.test(typed) ||
    /^\p{Lu}/u.test(typed.replace(/^the\s+/i, ''))
  );
}

/**
 * Three letters besides an article ("the Sm" is not enough), or a number or symbol with a slash
 * ("5/1", "A/60"): less says too little.
 */
function hasEnoughToGoOn(typed: string): boolean {
  const bare = typed.replace(/^(?:the|its)\s+/i, '');
  return bare.includes('/') || (bare.match(/\p{L}/gu)?.length ?? 0) >= 3;
}

/**
 * 2: the typed words cite an act, start a document symbol, or start a name of a suggested instrument;
 * 1: a single capitalized word inside an instrument's name ("Migrants"); 0: not a reference being typed.
 */
export function candidateStrength(
  refs: References,
  typed: string,
  suggestions: readonly CompletionReference[],
): number {
  const bare = typed.replace(/^the\s+/i, '');
  const capitalized = /^\p{Lu}/u.test(bare);
  const lower = bare.toLowerCase().replace(/\s+/g, ' ');
  let strength = 0;
  for (const s of suggestions) {
    if (s.kind === 'act') {
      if (/\d/.test(typed)) return 2;
    } else if (s.kind === 'document') {
      // "CTOC/COP/2012/", "A/CONF": a symbol has a slash or starts with capitals.
      if (typed.includes('/') || /^\p{Lu}{2}/u.test(typed)) return 2;
    } else if (capitalized) {
      const names = s.kind === 'library-instrument' ? [s.key] : instrumentNames(refs, s.id);
      if (names.some((name) => name.startsWith(lower))) return 2;
      if (!/\s/.test(bare)) strength = 1;
    }
  }
  return strength;
}

const NAMES = new WeakMap<References, Map<string, readonly string[]>>();

/** Lower-cased: the full title, the short titles without "the", the common names. */
function instrumentNames(refs: References, id: InstrumentId | InstrumentGroupId): readonly string[] {
  let byId = NAMES.get(refs);
  if (byId === undefined) {
    byId = new Map();
    const names = (title: string, shortTitles: readonly string[], common: readonly string[]): string[] =>
      [title, ...shortTitles.map((t) => t.replace(/^the\s+/i, '')), ...common].map((n) =>
        n.toLowerCase().replace(/\s+/g, ' '),
      );
    for (const r of refs.instruments) byId.set(r.id, names(r.title, r.shortTitles, r.commonNames));
    for (const g of refs.groups) byId.set(g.id, names(g.title, g.shortTitles, []));
    NAMES.set(refs, byId);
  }
  return byId.get(id) ?? [];
}
