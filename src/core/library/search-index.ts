/**
 * The library's search index: every preambular and operative paragraph, subparagraph and annex item of
 * every document (about 41,000 paragraphs for the Assembly's three sessions), searchable in a few
 * milliseconds.
 *
 * Built once, in flat typed arrays rather than one object per paragraph (a `Set` of bigrams for each of
 * 41,000 paragraphs alone took over 100 MB):
 * - every paragraph's words as ids into one vocabulary, end to end (`tokens`, `tokenStart`);
 * - an inverted index from each word to the paragraphs using it, in one array (`postings`,
 *   `postingStart`), paragraphs in order;
 * - each word's inverse document frequency, and each paragraph's number of distinct bigrams.
 *
 * A query scores paragraphs as the corpus finder always has (compare/finder.ts): shared words weighed
 * by rarity pick the candidates, and the candidates are ranked on word bigrams, half Dice (how alike
 * the two are as a whole) and half containment (how much of what the delegate typed the precedent
 * already says). Words used by more than a tenth of the library ("the", "and", "resolution") pick no
 * candidate on their own, as long as the query has rarer words: their postings are most of the work
 * and say least.
 */
import { documentOutline, forEachUnitText, type OutlineUnit } from '../compare/units.ts';
import { words } from '../compare/similarity.ts';
import type { ComparePart } from '../compare/types.ts';
import type { ResolutionDocument } from '../model/types.ts';
import type { LibraryBody, LibraryDocument, LibraryMeta } from './types.ts';

export const PART_CODES: readonly ComparePart[] = ['preamble', 'operative', 'annex'];

/** What an index is made of before its postings: every paragraph's words as ids. */
export interface LibraryTokens {
  /** Each document's metadata, in index order. */
  readonly metas: readonly LibraryMeta[];
  /**
   * Document d's text, if it is at hand. The app's index is read from a search pack without the texts
   * (./search-pack.ts), which come by shard as results need them; in Node every text is at hand.
   */
  readonly doc: (d: number) => ResolutionDocument | undefined;
  /** Per paragraph: its document (index into `metas`). */
  readonly entryDoc: Uint32Array;
  /** Each document's first paragraph: paragraph k is unit k - docFirstEntry[entryDoc[k]] of `documentEntries`. */
  readonly docFirstEntry: Uint32Array;
  /** Word ids of every paragraph, end to end; paragraph k's are tokens[tokenStart[k] .. tokenStart[k + 1]). */
  readonly tokens: Uint32Array;
  readonly tokenStart: Uint32Array;
  /** Words in id order. */
  readonly vocabulary: readonly string[];
  /** Distinct bigrams of each paragraph, start and end markers included. */
  readonly bigramCount: Uint32Array;
}

export interface LibraryIndex extends Omit<LibraryTokens, 'vocabulary'> {
  /** Paragraphs in the library. */
  readonly size: number;
  /** Word → id. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Paragraphs using word w: postings[postingStart[w] .. postingStart[w + 1]), ascending. */
  readonly postings: Uint32Array;
  readonly postingStart: Uint32Array;
  readonly idf: Float32Array;
  /** Each paragraph's document's session (0 when not known). */
  readonly entrySession: Uint16Array;
}

/** The metadata of paragraph k's document. */
export function entryMeta(index: LibraryIndex, k: number): LibraryMeta | undefined {
  const d = index.entryDoc[k];
  return d === undefined ? undefined : index.metas[d];
}

/** Flattened units of a document in reading order: each paragraph, then its subparagraphs. */
export function documentEntries(doc: LibraryDocument['doc']): OutlineUnit[] {
  const o = documentOutline(doc, 'printed');
  const out: OutlineUnit[] = [];
  const visit = (u: OutlineUnit): void => {
    out.push(u);
    u.children.forEach(visit);
  };
  [...o.preamble, ...o.operative, ...o.annex].forEach(visit);
  return out;
}

/** Growable Uint32Array. */
class U32 {
  data = new Uint32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Counts distinct bigrams of one paragraph at a time: an open-addressing table of numbers, reset by
 * the slots used, several times faster than a `Set` over the library's 2.4 million bigrams.
 */
class DistinctCounter {
  private table = new Float64Array(1024).fill(-1);
  private used: number[] = [];
  count = 0;
  add(x: number): void {
    if (this.used.length * 2 >= this.table.length) this.grow();
    const mask = this.table.length - 1;
    let slot = (Math.imul(x | 0, 0x9e3779b1) ^ Math.imul((x / 4294967296) | 0, 0x85ebca6b)) & mask;
    for (;;) {
      const here = this.table[slot];
      if (here === x) return;
      if (here === -1) break;
      slot = (slot + 1) & mask;
    }
    this.table[slot] = x;
    this.used.push(slot);
    this.count++;
  }
  reset(): void {
    for (const slot of this.used) this.table[slot] = -1;
    this.used.length = 0;
    this.count = 0;
  }
  private grow(): void {
    const values = this.used.map((slot) => this.table[slot] ?? -1);
    this.table = new Float64Array(this.table.length * 2).fill(-1);
    this.used.length = 0;
    this.count = 0;
    for (const v of values) this.add(v);
  }
}

/** Bigram ids: two word ids (below 2^26) in one exact integer. The start marker is word id 2^26 - 1, the end 2^26 - 2. */
const SPACE = 2 ** 26;
const START = SPACE - 1;
const END = SPACE - 2;

/** Every paragraph of the documents as word ids, with each one's count of distinct bigrams. */
export function tokenizeLibrary(documents: readonly LibraryDocument[]): LibraryTokens {
  const vocabulary = new Map<string, number>();
  const entryDoc = new U32();
  const docFirst = new U32();
  const tokens = new U32();
  const starts = new U32();
  const bigramCounts = new U32();
  const distinct = new DistinctCounter();
  documents.forEach((d, docIndex) => {
    docFirst.push(starts.length);
    forEachUnitText(d.doc, (text) => {
      entryDoc.push(docIndex);
      starts.push(tokens.length);
      distinct.reset();
      let previous = START;
      for (const w of words(text)) {
        let id = vocabulary.get(w);
        if (id === undefined) {
          id = vocabulary.size;
          vocabulary.set(w, id);
        }
        tokens.push(id);
        distinct.add(previous * SPACE + id);
        previous = id;
      }
      bigramCounts.push(previous === START ? 0 : distinct.count + 1);
    });
  });
  starts.push(tokens.length);
  return {
    metas: documents.map((d) => d.meta),
    doc: (d) => documents[d]?.doc,
    entryDoc: entryDoc.done(),
    docFirstEntry: docFirst.done(),
    tokens: tokens.done(),
    tokenStart: starts.done(),
    vocabulary: [...vocabulary.keys()],
    bigramCount: bigramCounts.done(),
  };
}

export function buildLibraryIndex(documents: readonly LibraryDocument[]): LibraryIndex {
  return indexTokens(tokenizeLibrary(documents));
}

/** The index of tokenized paragraphs: postings laid out by counting sort, and each word's rarity. */
export function indexTokens(t: LibraryTokens): LibraryIndex {
  const { tokens: allTokens, tokenStart } = t;
  const n = tokenStart.length - 1;
  const v = t.vocabulary.length;
  const vocabulary = new Map<string, number>();
  t.vocabulary.forEach((w, id) => vocabulary.set(w, id));
  // Document frequencies, then postings laid out by counting sort (each paragraph once per word).
  const df = new Uint32Array(v);
  const lastSeen = new Int32Array(v).fill(-1);
  for (let k = 0; k < n; k++)
    for (let i = tokenStart[k] ?? 0; i < (tokenStart[k + 1] ?? 0); i++) {
      const w = allTokens[i] ?? 0;
      if (lastSeen[w] !== k) {
        lastSeen[w] = k;
        df[w] = (df[w] ?? 0) + 1;
      }
    }
  const postingStart = new Uint32Array(v + 1);
  for (let w = 0; w < v; w++) postingStart[w + 1] = (postingStart[w] ?? 0) + (df[w] ?? 0);
  const fill = postingStart.slice(0, v);
  const postings = new Uint32Array(postingStart[v] ?? 0);
  lastSeen.fill(-1);
  for (let k = 0; k < n; k++)
    for (let i = tokenStart[k] ?? 0; i < (tokenStart[k + 1] ?? 0); i++) {
      const w = allTokens[i] ?? 0;
      if (lastSeen[w] !== k) {
        lastSeen[w] = k;
        postings[fill[w] ?? 0] = k;
        fill[w] = (fill[w] ?? 0) + 1;
      }
    }
  const idf = new Float32Array(v);
  for (let w = 0; w < v; w++) idf[w] = Math.log(1 + n / Math.max(1, df[w] ?? 1));
  const entrySession = new Uint16Array(n);
  for (let k = 0; k < n; k++) entrySession[k] = t.metas[t.entryDoc[k] ?? 0]?.session ?? 0;
  return {
    metas: t.metas,
    doc: t.doc,
    size: n,
    entryDoc: t.entryDoc,
    docFirstEntry: t.docFirstEntry,
    tokens: allTokens,
    tokenStart,
    vocabulary,
    postings,
    postingStart,
    idf,
    bigramCount: t.bigramCount,
    entrySession,
  };
}

/** Units of the documents last shown: a search touches a handful of documents at a time. */
const unitCache = new WeakMap<ResolutionDocument, OutlineUnit[]>();

/**
 * Paragraph k of the library as a unit (built for its document on first use, then kept); undefined
 * when its document's text is not at hand.
 */
export function entryUnit(index: LibraryIndex, k: number): OutlineUnit | undefined {
  const d = index.entryDoc[k];
  const document = d === undefined ? undefined : index.doc(d);
  if (d === undefined || !document) return undefined;
  let units = unitCache.get(document);
  if (!units) {
    units = documentEntries(document);
    unitCache.set(document, units);
  }
  return units[k - (index.docFirstEntry[d] ?? 0)];
}

export interface LibraryFilter {
  /** Only these sessions (79, 80 …). */
  readonly sessions?: readonly number[];
  /** Only these bodies. */
  readonly bodies?: readonly LibraryBody[];
  /** Only these documents (ids), e.g. those on the draft's agenda item. */
  readonly documents?: ReadonlySet<string>;
  /** Never these documents (ids): the draft's own text in the quality figures. */
  readonly exclude?: ReadonlySet<string>;
}

export interface SearchOptions extends LibraryFilter {
  /** Most matches returned; default 5. */
  readonly top?: number;
  /** Lowest score returned; default 0.1. */
  readonly minScore?: number;
  /**
   * Documents (ids) that win a tie before the newer one does: the resolution the draft follows and its
   * line. A paragraph the Assembly repeats word for word in many resolutions (the territories', the
   * Addis Ababa paragraph) then shows the draft's own predecessor's copy first.
   */
  readonly prefer?: ReadonlySet<string>;
}

export interface ScoredEntry {
  /** Index into `entries`. */
  readonly entry: number;
  /** 0..1: the mean of bigram Dice and containment of the query. */
  readonly score: number;
}

/** Each index's array of candidate weights, reused by its searches. */
const scratch = new WeakMap<LibraryIndex, Float32Array>();

/** Candidates ranked exactly after the word pre-selection. */
const CANDIDATES = 150;
/** A word in more than this share of paragraphs picks no candidate (unless the query has no other). */
const COMMON_SHARE = 0.05;
/**
 * Candidates come from the query's rarest words, at most this many: a paragraph that is the same
 * text, edited or not, shares them. Measured on the session-80 resolutions against their predecessors
 * (bench/library.ts): all words 14.6 ms at p99; the rarest 10, 2.4 ms, with the same recall at 3.
 */
const PICK = 10;
/** Postings a query of common words only may scan (see `searchLibrary`). */
const COMMON_POSTINGS = 12_000;
/** Per bigram of a paragraph, taken off its candidate weight: a tie-break by length, below any word's weight. */
const LENGTH_TIE = 1e-6;

/** Which documents pass a filter, as a per-document mask (undefined: all pass). */
function documentMask(index: LibraryIndex, filter: LibraryFilter): Uint8Array | undefined {
  const { sessions, bodies, documents, exclude } = filter;
  if (!sessions?.length && !bodies?.length && !documents && !exclude?.size) return undefined;
  const mask = new Uint8Array(index.metas.length);
  index.metas.forEach((m, k) => {
    const pass =
      (!sessions?.length || (m.session !== null && sessions.includes(m.session))) &&
      (!bodies?.length || bodies.includes(m.body)) &&
      (!documents || documents.has(m.id)) &&
      !exclude?.has(m.id);
    mask[k] = pass ? 1 : 0;
  });
  return mask;
}

/**
 * The paragraphs of the library closest to `text`, best first. Ties go to a preferred document, then to
 * the newer: the latest adopted version of a paragraph is the one to cite.
 */
export function searchLibrary(index: LibraryIndex, text: string, options: SearchOptions = {}): ScoredEntry[] {
  const top = options.top ?? 5;
  const minScore = options.minScore ?? 0.1;
  const queryWords = words(text);
  if (queryWords.length === 0 || top <= 0) return [];
  const n = index.size;
  const mask = documentMask(index, options);
  // Query words as ids; words the library never uses get ids past the vocabulary (they match nothing).
  const ids: number[] = [];
  let unknown = index.vocabulary.size;
  for (const w of queryWords) ids.push(index.vocabulary.get(w) ?? unknown++);
  const queryBigrams = new Set<number>();
  let previous = START;
  for (const id of ids) {
    queryBigrams.add(previous * SPACE + id);
    previous = id;
  }
  queryBigrams.add(previous * SPACE + END);

  const distinct = [...new Set(ids)].filter((w) => w < index.vocabulary.size);
  const common = COMMON_SHARE * n;
  const df = (w: number): number => (index.postingStart[w + 1] ?? 0) - (index.postingStart[w] ?? 0);
  distinct.sort((a, b) => df(a) - df(b));
  const rare = distinct.filter((w) => df(w) <= common).slice(0, PICK);
  // A query of common words only ("Requests the Secretary-General:") takes its rarest words up to a
  // budget of postings: "the" alone is in 39,000 paragraphs and would pick them all.
  const pick: number[] = [];
  if (rare.length > 0) pick.push(...rare);
  else {
    let budget = COMMON_POSTINGS;
    for (const w of distinct) {
      if (pick.length > 0 && df(w) > budget) break;
      pick.push(w);
      budget -= df(w);
    }
  }

  // One array of weights per index, zeroed again after each search (allocating 41,000 floats a
  // search fed the collector, whose pauses were the slowest searches).
  let weight = scratch.get(index);
  if (!weight) {
    weight = new Float32Array(n);
    scratch.set(index, weight);
  }
  const touched: number[] = [];
  for (const w of pick) {
    const idf = index.idf[w] ?? 0;
    const end = index.postingStart[w + 1] ?? 0;
    for (let p = index.postingStart[w] ?? 0; p < end; p++) {
      const k = index.postings[p] ?? 0;
      if (mask && mask[index.entryDoc[k] ?? 0] === 0) continue;
      if (weight[k] === 0) touched.push(k);
      weight[k] = (weight[k] ?? 0) + idf;
    }
  }
  // Of paragraphs sharing the same words, the shorter first: a query of common words only ("Also
  // encourages Member States:") shares them with thousands, and the paragraph that says just that
  // (a lead before its list) must not be left out of the candidates by the order of the postings.
  for (const k of touched) weight[k] = (weight[k] ?? 0) - LENGTH_TIE * (index.bigramCount[k] ?? 0);
  const candidates = topBy(touched, weight, CANDIDATES);
  for (const k of touched) weight[k] = 0;

  const matched = new Set<number>();
  const scored: ScoredEntry[] = [];
  for (const k of candidates) {
    matched.clear();
    let prev = START;
    const end = index.tokenStart[k + 1] ?? 0;
    for (let t = index.tokenStart[k] ?? 0; t < end; t++) {
      const id = index.tokens[t] ?? 0;
      const b = prev * SPACE + id;
      if (queryBigrams.has(b)) matched.add(b);
      prev = id;
    }
    if (prev !== START && queryBigrams.has(prev * SPACE + END)) matched.add(prev * SPACE + END);
    const overlap = matched.size;
    const dice = (2 * overlap) / (queryBigrams.size + (index.bigramCount[k] ?? 0));
    const containment = overlap / queryBigrams.size;
    const score = (dice + containment) / 2;
    if (score >= minScore) scored.push({ entry: k, score });
  }
  const date = (k: number): string => entryMeta(index, k)?.date ?? '';
  const preferred = (k: number): number => (options.prefer?.has(entryMeta(index, k)?.id ?? '') ? 1 : 0);
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      preferred(b.entry) - preferred(a.entry) ||
      (date(a.entry) < date(b.entry) ? 1 : date(a.entry) > date(b.entry) ? -1 : 0) ||
      a.entry - b.entry,
  );
  return scored.slice(0, top);
}

/**
 * The `limit` items of `items` with the highest weight (ties: any), in no particular order. A query of
 * common words touches tens of thousands of paragraphs: selecting the limit-th weight in linear time
 * (quickselect) instead of sorting them all keeps it under a millisecond.
 */
function topBy(items: readonly number[], weight: Float32Array, limit: number): readonly number[] {
  if (items.length <= limit) return items;
  const w = new Float32Array(items.length);
  for (let i = 0; i < items.length; i++) w[i] = weight[items[i] ?? 0] ?? 0;
  const threshold = kthLargest(w, limit);
  const above: number[] = [];
  for (const k of items) if ((weight[k] ?? 0) > threshold) above.push(k);
  for (const k of items) {
    if (above.length >= limit) break;
    if ((weight[k] ?? 0) === threshold) above.push(k);
  }
  return above;
}

/** The k-th largest value of `values` (1-based), reordering them (Hoare's selection). */
function kthLargest(values: Float32Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) > pivot) i++;
      while ((values[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const t = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] ?? 0;
}
