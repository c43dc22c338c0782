/**
 * The openers lexicon: every opening phrase of the corpus's resolutions, per part, with its count and
 * where it occurs, plus the supplementary UN openers the corpus lacks (supplementary.ts).
 *
 * Built once (at build time or start-up) so that a lookup in the completion menu is a scan of ~100
 * precomputed rows (query.ts).
 */
import type { ResolutionDocument } from '../model/types.ts';
import { decomposeOpener } from './sequence.ts';
import type { OpenerPart, OpenerStep } from './sequence.ts';
import { SUPPLEMENTARY_OPENERS } from './supplementary.ts';
import type { SupplementaryOpener } from './supplementary.ts';

/** One use of an opener. */
export interface OpenerSource {
  /** The document's number, "6/3". */
  readonly document: string;
  readonly part: OpenerPart;
  /** 1-based position of the paragraph in its part (the printed number in an operative part). */
  readonly paragraph: number;
  /** As delegates cite it (UN practice: how drafts travel): "6/3 OP12", "6/1 PP7". */
  readonly label: string;
}

export interface LexiconEntry {
  /** As printed, e.g. "Also urges", "Recognizing further", "Noting with appreciation". */
  readonly phrase: string;
  readonly part: OpenerPart;
  readonly count: number;
  /** Every use, in corpus order; empty for a supplementary entry. */
  readonly sources: readonly OpenerSource[];
  /** False for the hand-kept supplementary openers (supplementary.ts). */
  readonly fromCorpus: boolean;
  /** The phrase without also/further: "Urges" for "Also urges" (sequence.ts). */
  readonly base: string;
  readonly step: OpenerStep;
}

/** An entry with the lower-case keys a lookup compares against, computed once in `buildLexicon`. */
export interface IndexedEntry {
  readonly entry: LexiconEntry;
  /** `phrase`, lower-cased, single-spaced. */
  readonly phraseKey: string;
  /** `base`, lower-cased, single-spaced. */
  readonly baseKey: string;
}

export interface PartIndex {
  /** The part's entries in lexicon order (count descending, then phrase). */
  readonly rows: readonly IndexedEntry[];
  /** By `phraseKey`. */
  readonly byPhrase: ReadonlyMap<string, IndexedEntry>;
}

export interface Lexicon {
  /** Sorted by count descending, then by phrase. */
  readonly entries: readonly LexiconEntry[];
  readonly index: Readonly<Record<OpenerPart, PartIndex>>;
}

export interface BuildLexiconOptions {
  /** Openers to add with `fromCorpus: false`; defaults to `SUPPLEMENTARY_OPENERS`. */
  readonly supplementary?: readonly SupplementaryOpener[];
}

/** Lower-case, single-spaced: the form keys and comparisons use. */
export function openerKey(phrase: string): string {
  return phrase.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * "Takes note" and "Takes note of" are one opener: the corpus prints "of" in roman, but a reader or a
 * list may include it. Used only to keep supplementary openers from duplicating corpus ones (here and
 * in the library's lexicon, library/completion-data.ts).
 */
export function sameOpenerKey(phrase: string): string {
  return openerKey(phrase).replace(/ of$/, '');
}

interface Tally {
  phrase: string;
  part: OpenerPart;
  sources: OpenerSource[];
}

/**
 * Counts the openers of the resolutions' preambular and operative paragraphs. Left out on purpose:
 * decisions (the report states them in the past tense, "decided that: (a) ...", UN practice:
 * decisions, so their openers are not drafting verbs) and annexes (the annex to 6/4 holds a
 * working group's recommendations, whose "Encourages"/"Requests" belong to that body, not to the
 * Conference). Paragraphs without a recognized opener ('') are skipped. Openers are grouped
 * case-insensitively; the first printed form is kept.
 */
export function buildLexicon(
  documents: readonly ResolutionDocument[],
  options: BuildLexiconOptions = {},
): Lexicon {
  const tallies = new Map<string, Tally>();
  const record = (phrase: string, part: OpenerPart, source: OpenerSource): void => {
    const printed = phrase.replace(/\s+/g, ' ').trim();
    if (printed === '') return;
    const key = `${part}:${printed.toLowerCase()}`;
    const tally = tallies.get(key);
    if (tally) tally.sources.push(source);
    else tallies.set(key, { phrase: printed, part, sources: [source] });
  };

  documents.forEach((document, position) => {
    if (document.kind !== 'resolution') return;
    const name = document.number ?? `document ${position + 1}`;
    document.preamble.forEach((paragraph, i) => {
      record(paragraph.opener, 'preamble', source(name, 'preamble', i + 1));
    });
    document.operative.forEach((paragraph, i) => {
      record(paragraph.opener, 'operative', source(name, 'operative', i + 1));
    });
  });

  const entries: LexiconEntry[] = [];
  const inCorpus = new Set<string>();
  for (const { phrase, part, sources } of tallies.values()) {
    inCorpus.add(`${part}:${sameOpenerKey(phrase)}`);
    entries.push(entry(phrase, part, sources, true));
  }
  for (const { phrase, part } of options.supplementary ?? SUPPLEMENTARY_OPENERS) {
    const key = `${part}:${sameOpenerKey(phrase)}`;
    if (inCorpus.has(key)) continue;
    inCorpus.add(key); // also drops a repeat within the supplementary list
    entries.push(entry(phrase.replace(/\s+/g, ' ').trim(), part, [], false));
  }

  entries.sort(compareEntries);
  return lexiconOf(entries);
}

/**
 * The lexicon of entries already in lexicon order (those of `buildLexicon`, as the app ships them
 * read at build time), with its lookup index.
 */
export function lexiconOf(entries: readonly LexiconEntry[]): Lexicon {
  return {
    entries,
    index: { preamble: indexPart(entries, 'preamble'), operative: indexPart(entries, 'operative') },
  };
}

/** The entry for an opener as printed (case-insensitive), or undefined. */
export function findEntry(lexicon: Lexicon, phrase: string, part: OpenerPart): LexiconEntry | undefined {
  return lexicon.index[part].byPhrase.get(openerKey(phrase))?.entry;
}

function source(document: string, part: OpenerPart, paragraph: number): OpenerSource {
  return { document, part, paragraph, label: `${document} ${part === 'preamble' ? 'PP' : 'OP'}${paragraph}` };
}

function entry(
  phrase: string,
  part: OpenerPart,
  sources: readonly OpenerSource[],
  fromCorpus: boolean,
): LexiconEntry {
  const { base, step } = decomposeOpener(phrase);
  return { phrase, part, count: sources.length, sources, fromCorpus, base, step };
}

/** Lexicon order: count descending, then phrase (case-insensitive), then the preamble's first. */
export function compareEntries(a: LexiconEntry, b: LexiconEntry): number {
  if (a.count !== b.count) return b.count - a.count;
  const ak = a.phrase.toLowerCase();
  const bk = b.phrase.toLowerCase();
  if (ak !== bk) return ak < bk ? -1 : 1;
  return a.part === b.part ? 0 : a.part === 'preamble' ? -1 : 1;
}

/** The part's rows with their keys; `entries` in lexicon order, their phrases distinct within a part. */
export function indexPart(entries: readonly LexiconEntry[], part: OpenerPart): PartIndex {
  const rows: IndexedEntry[] = [];
  const byPhrase = new Map<string, IndexedEntry>();
  for (const e of entries) {
    if (e.part !== part) continue;
    const row = { entry: e, phraseKey: openerKey(e.phrase), baseKey: openerKey(e.base) };
    rows.push(row);
    byPhrase.set(row.phraseKey, row);
  }
  return { rows, byPhrase };
}
