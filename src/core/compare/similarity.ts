/**
 * How alike two paragraphs are: the Dice coefficient over their sets of word bigrams.
 *
 *   dice(A, B) = 2 |A ∩ B| / (|A| + |B|)
 *
 * Words are lower-cased runs of letters and digits ("6/1", "CTOC/COP/2012/15" and "whole-of-government"
 * stay one word); punctuation and case never count. Bigrams rather than single words, because the
 * paragraphs of one resolution share so much vocabulary ("States parties", "the Convention and the
 * Protocols thereto") that word sets make unrelated paragraphs look alike; bigrams keep word order
 * without the cost of an edit distance. A start and an end marker give one-word paragraphs a bigram
 * and weigh the opener. One changed word in a 30-word paragraph costs two bigrams of about 31: 0.94.
 *
 * Sets are built once per paragraph, so comparing two is linear in the smaller. A bigram is a number
 * (two word ids from one shared vocabulary), not a string: hashing numbers is several times faster.
 */

import { foldTypography } from '../model/typography.ts';

const WORD = /[\p{L}\p{N}]+(?:['’./-][\p{L}\p{N}]+)*/gu;

/** Two paragraphs at least this alike are the same paragraph, edited (alignment, moves). */
export const MATCH_THRESHOLD = 0.5;
/** Between two paragraphs still unmatched at the same place, this is enough to call it a rewrite. */
export const REWRITE_THRESHOLD = 0.3;

/**
 * The words of a text, typography folded (model/typography.ts): "Secretary‑General" with a
 * non-breaking hyphen and "Committee’s" with a curly apostrophe are the words a keyboard types.
 */
export function words(text: string): string[] {
  return SLOW_PATH.test(text) ? referenceWords(text) : scanWords(text);
}

/** `words` as its definition reads: fold, lower-case, match. */
export function referenceWords(text: string): string[] {
  return foldTypography(text).toLowerCase().match(WORD) ?? [];
}

/**
 * What the scanner leaves to the definition: invisible characters, ligatures, astral characters, and
 * the capital sigma, whose lower case depends on its neighbours ("‹Σ" folds to "'Σ", which lower-cases
 * to a final "ς" after a letter; unfolded it gives "σ").
 */
const SLOW_PATH = /[\u00ad\u200b-\u200d\u2060\ufeff\ufb00-\ufb06\ud800-\udfff\u03a3]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const wordCharCache = new Map<number, boolean>();

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  // The modifier letter apostrophe "ʼ" is a letter to Unicode, but the fold makes it "'" first.
  if (c === 0x02bc) return false;
  let known = wordCharCache.get(c);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(c));
    wordCharCache.set(c, known);
  }
  return known;
}

/** ' . / - and what folds to them between two letters or digits (curly apostrophes, hyphens, dashes). */
function isJoiner(c: number): boolean {
  return (
    c === 39 ||
    c === 46 ||
    c === 47 ||
    c === 45 ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x2212 ||
    (c >= 0x2018 && c <= 0x201b) ||
    c === 0x02bc ||
    c === 0x2039 ||
    c === 0x203a
  );
}

const FOLDED_JOINERS = /[\u2010-\u2015\u2212\u2018-\u201b\u02bc\u2039\u203a]/g;

function foldJoiner(c: string): string {
  return /[\u2010-\u2015\u2212]/.test(c) ? '-' : "'";
}

/**
 * `referenceWords` by hand, in one pass: the regular expression with its Unicode classes, after the
 * fold, was the library's slowest step (2.4 million words in 0.8 s; this takes a fifth of that). A
 * joiner folds to ' or - exactly where the fold would fold it: between two letters or digits. A test
 * checks that both agree on every paragraph of the library and on random text.
 */
function scanWords(text: string): string[] {
  const t = text.toLowerCase();
  const out: string[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let folded = false;
    for (;;) {
      while (i < n && isWordChar(t.charCodeAt(i))) i++;
      const c = t.charCodeAt(i);
      if (i + 1 < n && isJoiner(c) && isWordChar(t.charCodeAt(i + 1))) {
        if (c > 127) folded = true;
        i++;
        continue;
      }
      break;
    }
    const word = t.slice(start, i);
    out.push(folded ? word.replace(FOLDED_JOINERS, foldJoiner) : word);
  }
  return out;
}

/** Bigrams of a paragraph (see above). */
export type Shingles = ReadonlySet<number>;

/**
 * Word → id, shared by every paragraph so that ids agree between any two. 0 and 1 are the start and
 * end markers. Ids stay below 2^21 for two million distinct words, so `first * 2^21 + second` is an
 * exact integer; past that (no session comes near) ids wrap and bigrams may collide, which only
 * blurs similarity a little.
 */
const VOCABULARY = new Map<string, number>();
const START = 0;
const END = 1;
const ID_SPACE = 2 ** 21;

function wordId(word: string): number {
  let id = VOCABULARY.get(word);
  if (id === undefined) {
    id = (VOCABULARY.size + 2) % ID_SPACE;
    VOCABULARY.set(word, id);
  }
  return id;
}

export function bigrams(tokens: readonly string[]): Set<number> {
  const out = new Set<number>();
  let previous = START;
  for (const t of tokens) {
    const id = wordId(t);
    out.add(previous * ID_SPACE + id);
    previous = id;
  }
  if (tokens.length) out.add(previous * ID_SPACE + END);
  return out;
}

function overlap(a: Shingles, b: Shingles): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/** Dice coefficient; two empty sets are alike (1), an empty and a non-empty one are not (0). */
export function dice(a: Shingles, b: Shingles): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  return (2 * overlap(a, b)) / (a.size + b.size);
}

/** The share of `part` found in `whole`: how much of a piece of a split paragraph comes from the original. */
export function containment(part: Shingles, whole: Shingles): number {
  return part.size === 0 ? 0 : overlap(part, whole) / part.size;
}

export function union(sets: readonly Shingles[]): Set<number> {
  const out = new Set<number>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}

/**
 * Line ends, tabs and runs of spaces collapsed to one space, none at either end: two texts equal under
 * this are the same paragraph as printed. A no-break space or a thin space is printed, and kept
 * (model/typography.ts folds it where texts are matched).
 */
export function normalizeSpace(text: string): string {
  // Most paragraphs are already so: testing first spares rewriting every space (the library's 16
  // million characters took 0.3 s to rewrite, 0.02 s to test).
  return spaceNormal(text) ? text : text.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ').trim();
}

/** No line end, tab or run of spaces, and no space at either end. */
function spaceNormal(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? previous === 32 : (c >= 9 && c <= 13) || c === 0x2028 || c === 0x2029) return false;
    previous = c;
  }
  return true;
}

const PUNCTUATION = /[\p{P}\p{S}]+/gu;

/** Punctuation removed (case kept): the identity of a paragraph under "ignore punctuation". */
export function withoutPunctuation(text: string): string {
  return normalizeSpace(text.replace(PUNCTUATION, ' '));
}

export function isPunctuation(text: string): boolean {
  return /^[\s\p{P}\p{S}]*$/u.test(text);
}
