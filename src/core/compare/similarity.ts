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
  return foldTypography(text).toLowerCase().match(WORD) ?? [];
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
  return text.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ').trim();
}

const PUNCTUATION = /[\p{P}\p{S}]+/gu;

/** Punctuation removed (case kept): the identity of a paragraph under "ignore punctuation". */
export function withoutPunctuation(text: string): string {
  return normalizeSpace(text.replace(PUNCTUATION, ' '));
}

export function isPunctuation(text: string): boolean {
  return /^[\s\p{P}\p{S}]*$/u.test(text);
}
