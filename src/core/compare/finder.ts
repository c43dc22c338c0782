/**
 * The agreed-language finder: for a paragraph being drafted, the closest paragraphs of the corpus
 * (preambular and operative paragraphs, subparagraphs, decisions' paragraphs, annex items), each with
 * its provenance ("6/1 OP12", "6/4 annex (b)(iii)", "decision 6/2 (a)"), a score, the precedent's own
 * content and footnotes (so it can be put into the draft with its sources) and a word diff.
 *
 * `buildPrecedentIndex` runs once: it tokenizes every paragraph and keeps an inverted index from each
 * word to the paragraphs using it. `findPrecedents` then touches only paragraphs sharing a word with the
 * query, weighs shared words by rarity (idf: "Smuggling" says more than "the"), keeps the best
 * `CANDIDATES`, and scores those on word bigrams (similarity.ts): half the Dice coefficient (how alike
 * the two paragraphs are as a whole), half the containment of the query in the precedent (how much of
 * what the delegate typed the precedent already says). Dice alone would bury a long agreed paragraph
 * under short ones whenever the draft paragraph is still half-written. Only the returned precedents
 * get a word diff.
 */
import type { DocumentKind, Footnote, Inline, ResolutionDocument } from '../model/types.ts';
import { bigrams, containment, dice, normalizeSpace, words } from './similarity.ts';
import type { ComparePart, WordChange } from './types.ts';
import type { Unit } from './units.ts';
import { documentUnits } from './units.ts';
import { wordDiff } from './words.ts';

export interface PrecedentSource {
  readonly kind: DocumentKind;
  readonly number: string | null;
  readonly title: string;
}

interface IndexEntry {
  readonly unit: Unit;
  readonly label: string;
  readonly document: PrecedentSource;
}

export interface PrecedentIndex {
  readonly entries: readonly IndexEntry[];
  /** Word → indices of the entries using it (each once). */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Word → inverse document frequency, over paragraphs. */
  readonly idf: ReadonlyMap<string, number>;
}

export interface Precedent {
  /** "6/1 OP12", "6/3 OP9 (a)", "6/4 annex (b)(iii)", "decision 6/2 (a)", "decision 6/1 annex 2 (c)". */
  readonly label: string;
  readonly document: PrecedentSource;
  readonly part: ComparePart;
  /** 1-based position in the part of the paragraph (of the one holding it, for a subparagraph). */
  readonly position: number;
  /** Full path: [9, 1] is OP9 (a). */
  readonly path: readonly number[];
  /** 0..1: the mean of Dice similarity and containment of the query, over word bigrams. */
  readonly score: number;
  /** As printed, opener included. */
  readonly text: string;
  /** The opener, and the rest as the model holds it (footnote references in place), ready to insert. */
  readonly opener: string;
  readonly content: readonly Inline[];
  /** The footnotes `content` refers to, resolved from the precedent's document. */
  readonly footnotes: readonly Footnote[];
  /** Query → precedent: `delete` is only in the query, `insert` only in the precedent. */
  readonly words: readonly WordChange[];
}

export interface FindOptions {
  /** Most precedents returned; default 5. */
  readonly limit?: number;
  /** Lowest score returned; default 0.1. */
  readonly minScore?: number;
}

/**
 * Past this many word edits a precedent's diff is shown as a replacement: the diff of two long,
 * different paragraphs costs milliseconds and says nothing a reader can use.
 */
const MAX_DIFF_EDITS = 60;

/** Candidates scored exactly after the idf pre-selection. */
const CANDIDATES = 40;

function documentPrefix(doc: ResolutionDocument): string {
  if (!doc.number) return doc.kind === 'decision' ? 'draft decision' : 'draft';
  return doc.kind === 'decision' ? `decision ${doc.number}` : doc.number;
}

export function buildPrecedentIndex(documents: readonly ResolutionDocument[]): PrecedentIndex {
  const entries: IndexEntry[] = [];
  for (const doc of documents) {
    const units = documentUnits(doc, 'printed');
    const prefix = documentPrefix(doc);
    const source: PrecedentSource = { kind: doc.kind, number: doc.number ?? null, title: doc.title };
    const visit = (u: Unit): void => {
      entries.push({ unit: u, label: `${prefix} ${u.label}`, document: source });
      u.children.forEach(visit);
    };
    [...units.preamble, ...units.operative, ...units.annex].forEach(visit);
  }
  const postings = new Map<string, number[]>();
  entries.forEach((e, k) => {
    for (const w of new Set(e.unit.tokens)) {
      const list = postings.get(w);
      if (list) list.push(k);
      else postings.set(w, [k]);
    }
  });
  const idf = new Map<string, number>();
  for (const [w, list] of postings) idf.set(w, Math.log(1 + entries.length / list.length));
  return { entries, postings, idf };
}

/** The closest precedents of `paragraphText` (the paragraph as printed, opener included), best first. */
export function findPrecedents(
  index: PrecedentIndex,
  paragraphText: string,
  options: FindOptions = {},
): Precedent[] {
  const limit = options.limit ?? 5;
  const minScore = options.minScore ?? 0.1;
  const query = normalizeSpace(paragraphText);
  const tokens = words(query);
  if (tokens.length === 0 || limit <= 0) return [];
  const weight = new Float64Array(index.entries.length);
  const touched: number[] = [];
  for (const w of new Set(tokens)) {
    const list = index.postings.get(w);
    if (!list) continue;
    const idf = index.idf.get(w) ?? 0;
    for (const k of list) {
      if (weight[k] === 0) touched.push(k);
      weight[k] = (weight[k] ?? 0) + idf;
    }
  }
  touched.sort((a, b) => (weight[b] ?? 0) - (weight[a] ?? 0) || a - b);
  const shingles = bigrams(tokens);
  const scored = touched
    .slice(0, CANDIDATES)
    .map((k) => {
      const theirs = index.entries[k]?.unit.shingles ?? new Set<number>();
      return { k, score: (dice(shingles, theirs) + containment(shingles, theirs)) / 2 };
    })
    .filter((s) => s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.k - b.k)
    .slice(0, limit);
  const out: Precedent[] = [];
  for (const { k, score } of scored) {
    const entry = index.entries[k];
    if (!entry) continue;
    const u = entry.unit;
    out.push({
      label: entry.label,
      document: entry.document,
      part: u.part,
      position: u.path[0] ?? 0,
      path: u.path,
      score: Number(score.toFixed(3)),
      text: u.text,
      opener: u.opener,
      content: u.content,
      footnotes: u.footnotes,
      // Typography folded (the default reading): a keyboard's straight quotes against the printed curly
      // ones are no difference to show.
      words: wordDiff(
        { opener: '', text: query },
        { opener: '', text: u.text },
        { maxEdits: MAX_DIFF_EDITS },
      ),
    });
  }
  return out;
}
