/**
 * The agreed-language finder over a set of documents (the sixth-session corpus, in the tests and the
 * benchmark): for a paragraph being drafted, the closest paragraphs (preambular and operative
 * paragraphs, subparagraphs, decisions' paragraphs, annex items), each with its provenance ("6/1 OP12",
 * "6/4 annex (b)(iii)", "decision 6/2 (a)"), a score, the precedent's own content and footnotes (so it
 * can be put into the draft with its sources) and a word diff.
 *
 * The search is the library's (library/search-index.ts: rare words pick the candidates, word bigrams
 * rank them, half Dice and half containment of the query); this file names the results as delegates
 * cite the corpus. The app's finder searches the whole library (library/matches.ts).
 */
import type { DocumentKind, Footnote, Inline, ResolutionDocument } from '../model/types.ts';
import {
  buildLibraryIndex,
  entryMeta,
  entryUnit,
  searchLibrary,
  type LibraryIndex,
} from '../library/search-index.ts';
import { libraryMeta } from '../library/metadata.ts';
import { normalizeSpace } from './similarity.ts';
import type { ComparePart, WordChange } from './types.ts';
import { wordDiff } from './words.ts';

export interface PrecedentSource {
  readonly kind: DocumentKind;
  readonly number: string | null;
  readonly title: string;
}

export interface PrecedentIndex {
  readonly library: LibraryIndex;
  /** Paragraphs indexed. */
  readonly size: number;
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

function documentPrefix(kind: DocumentKind, number: string | null): string {
  if (!number) return kind === 'decision' ? 'draft decision' : 'draft';
  return kind === 'decision' ? `decision ${number}` : number;
}

export function buildPrecedentIndex(documents: readonly ResolutionDocument[]): PrecedentIndex {
  const library = buildLibraryIndex(
    documents.map((doc, k) => ({ meta: libraryMeta(doc, { body: 'cop', id: `corpus:${k}` }), doc })),
  );
  return { library, size: library.size };
}

/** Every paragraph's label, as `findPrecedents` names it ("6/1 OP12"), in index order. */
export function precedentLabels(index: PrecedentIndex): string[] {
  const out: string[] = [];
  for (let k = 0; k < index.size; k++) {
    const meta = entryMeta(index.library, k);
    const unit = entryUnit(index.library, k);
    if (meta && unit) out.push(`${documentPrefix(meta.kind, meta.number)} ${unit.label}`);
  }
  return out;
}

/** The closest precedents of `paragraphText` (the paragraph as printed, opener included), best first. */
export function findPrecedents(
  index: PrecedentIndex,
  paragraphText: string,
  options: FindOptions = {},
): Precedent[] {
  const query = normalizeSpace(paragraphText);
  const found = searchLibrary(index.library, query, {
    top: options.limit ?? 5,
    minScore: options.minScore ?? 0.1,
  });
  return found.flatMap(({ entry, score }) => {
    const meta = entryMeta(index.library, entry);
    const p =
      meta &&
      precedentAt(
        index.library,
        entry,
        score,
        query,
        (label) => `${documentPrefix(meta.kind, meta.number)} ${label}`,
      );
    return p ? [p] : [];
  });
}

/**
 * Paragraph `entry` of a library index as a precedent for `query`: its content and footnotes, ready to
 * put in, and the word diff from the query to it. `name` turns the paragraph's label ("OP12") into the
 * precedent's ("6/1 OP12", "A/RES/79/136 OP21").
 */
export function precedentAt(
  library: LibraryIndex,
  entry: number,
  score: number,
  query: string,
  name: (label: string) => string,
): Precedent | undefined {
  const u = entryUnit(library, entry);
  const meta = entryMeta(library, entry);
  if (!u || !meta) return undefined;
  return {
    label: name(u.label),
    document: { kind: meta.kind, number: meta.number, title: meta.title },
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
    words: wordDiff({ opener: '', text: query }, { opener: '', text: u.text }, { maxEdits: MAX_DIFF_EDITS }),
  };
}
