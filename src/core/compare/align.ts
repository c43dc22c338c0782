/**
 * Aligns two lists of paragraphs (one part, or the subparagraphs of one paragraph) by content, not by
 * position, so that renumbering alone is never a change.
 *
 * 1. Match: every base × draft pair at least `MATCH_THRESHOLD` alike (similarity.ts) is a candidate;
 *    the most alike pairs are matched first, one to one (ties go to the pair nearer in position).
 * 2. Order: jsdiff's `diffArrays` with the comparator "these two are matched" finds the longest run of
 *    matches that kept their order (Myers' diff is minimal, so it keeps as many as possible). Matches
 *    outside it are **moves**: a paragraph that changed place relative to the others. A swap of two
 *    paragraphs keeps one of them in order, so it is one move, not a deletion and an insertion.
 * 3. Split and merge: a match whose draft neighbours are unmatched and drawn from the base paragraph
 *    (70% of their bigrams in its own text) took them over: the base paragraph was split. The same the
 *    other way round is a merge. Own text, not subparagraphs: a subparagraph promoted to the next
 *    paragraph is a move (compare.ts), not a split.
 * 4. Rewrite: what is still unmatched between the same two kept paragraphs is paired, in order, when at
 *    least `REWRITE_THRESHOLD` alike: a paragraph rewritten in place, not deleted and replaced.
 * The rest was deleted or inserted.
 */
import { diffArrays } from 'diff';
import { containment, dice, MATCH_THRESHOLD, REWRITE_THRESHOLD, union } from './similarity.ts';
import type { Shingles } from './similarity.ts';

export interface Alignable {
  /** Bigrams of the paragraph's own text: what splits and merges are judged on. */
  readonly shingles: Shingles;
  /** Bigrams of the paragraph with its subparagraphs: what matching is judged on. */
  readonly treeShingles: Shingles;
}

export type AlignOp =
  | {
      readonly kind: 'pair';
      readonly base: number;
      readonly draft: number;
      readonly similarity: number;
      readonly moved: boolean;
      /** Indices of all the draft pieces of a split base paragraph, in order (`draft` among them). */
      readonly splitInto?: readonly number[];
      /** Indices of all the base paragraphs merged into the draft one, in order (`base` among them). */
      readonly mergeFrom?: readonly number[];
    }
  | { readonly kind: 'deleted'; readonly base: number }
  | { readonly kind: 'inserted'; readonly draft: number };

/** Share of a piece's bigrams that must come from the paragraph it was split from (or merged into). */
const PIECE_CONTAINMENT = 0.7;

interface Pair {
  base: number;
  draft: number;
  similarity: number;
  moved: boolean;
  splitInto?: number[];
  mergeFrom?: number[];
}

/** The longest subsequence of `items` (already ordered by base) whose draft indices increase. */
function inOrder<T extends { draft: number }>(items: readonly T[]): T[] {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(items.length).fill(-1);
  items.forEach((item, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((items[tails[mid] ?? 0]?.draft ?? 0) < item.draft) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1] ?? -1;
    tails[lo] = k;
  });
  const out: T[] = [];
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = prev[k] ?? -1) {
    const item = items[k];
    if (item) out.unshift(item);
  }
  return out;
}

export function alignUnits(base: readonly Alignable[], draft: readonly Alignable[]): AlignOp[] {
  const n = base.length;
  const m = draft.length;
  const sim = new Float64Array(n * m);
  const candidates: { base: number; draft: number; similarity: number }[] = [];
  for (let i = 0; i < n; i++) {
    const a = base[i]?.treeShingles ?? new Set<number>();
    for (let j = 0; j < m; j++) {
      const s = dice(a, draft[j]?.treeShingles ?? new Set<number>());
      sim[i * m + j] = s;
      if (s >= MATCH_THRESHOLD) candidates.push({ base: i, draft: j, similarity: s });
    }
  }
  candidates.sort(
    (x, y) =>
      y.similarity - x.similarity ||
      Math.abs(x.base - x.draft) - Math.abs(y.base - y.draft) ||
      x.base - y.base,
  );
  const pairOfBase: (Pair | undefined)[] = new Array<Pair | undefined>(n);
  const pairOfDraft: (Pair | undefined)[] = new Array<Pair | undefined>(m);
  for (const c of candidates) {
    if (pairOfBase[c.base] || pairOfDraft[c.draft]) continue;
    const pair: Pair = { ...c, moved: true };
    pairOfBase[c.base] = pair;
    pairOfDraft[c.draft] = pair;
  }

  // 2. The matches that kept their order; the comparator is a one-to-one relation, so the diff's
  // common subsequence is exactly a longest ordered set of matches.
  const changes = diffArrays(
    Array.from({ length: n }, (_, i) => i),
    Array.from({ length: m }, (_, j) => j),
    { comparator: (i, j) => pairOfBase[i]?.draft === j },
  );
  let oldPos = 0;
  let newPos = 0;
  for (const c of changes) {
    if (c.added) newPos += c.count;
    else if (c.removed) oldPos += c.count;
    else {
      for (let k = 0; k < c.count; k++) {
        const pair = pairOfBase[oldPos + k];
        if (pair) pair.moved = false;
      }
      oldPos += c.count;
      newPos += c.count;
    }
  }

  // 3. Splits and merges, grown from each match into its unmatched neighbours.
  const absorbedDraft = new Set<number>();
  const absorbedBase = new Set<number>();
  const similarityOf = (i: number, j: number): number => sim[i * m + j] ?? 0;
  const own = (list: readonly Alignable[], k: number): Shingles => list[k]?.shingles ?? new Set<number>();
  /** Grows `start` into free neighbours of `other` drawn from `whole`, while the joined text gets closer. */
  const grow = (
    whole: Shingles,
    start: number,
    other: readonly Alignable[],
    isFree: (k: number) => boolean,
  ): { pieces: number[]; similarity: number } => {
    const pieces = [start];
    let best = dice(whole, own(other, start));
    for (const step of [1, -1]) {
      for (let k = start + step; k >= 0 && k < other.length && isFree(k); k += step) {
        if (containment(own(other, k), whole) < PIECE_CONTAINMENT) break;
        const s = dice(whole, union([...pieces, k].map((p) => own(other, p))));
        if (s <= best) break;
        best = s;
        pieces.push(k);
      }
    }
    return { pieces: pieces.sort((x, y) => x - y), similarity: best };
  };
  for (const pair of pairOfBase) {
    if (!pair || pair.similarity === 1) continue;
    const split = grow(
      own(base, pair.base),
      pair.draft,
      draft,
      (k) => !pairOfDraft[k] && !absorbedDraft.has(k),
    );
    if (split.pieces.length > 1) {
      for (const k of split.pieces) if (k !== pair.draft) absorbedDraft.add(k);
      pair.splitInto = split.pieces;
      pair.similarity = split.similarity;
      continue;
    }
    const merge = grow(
      own(draft, pair.draft),
      pair.base,
      base,
      (k) => !pairOfBase[k] && !absorbedBase.has(k),
    );
    if (merge.pieces.length > 1) {
      for (const k of merge.pieces) if (k !== pair.base) absorbedBase.add(k);
      pair.mergeFrom = merge.pieces;
      pair.similarity = merge.similarity;
    }
  }

  // 4. Rewrites: within each stretch between kept matches, the leftovers paired in order.
  const free = (side: 'base' | 'draft', k: number): boolean =>
    side === 'base' ? !pairOfBase[k] && !absorbedBase.has(k) : !pairOfDraft[k] && !absorbedDraft.has(k);
  let gapBase: number[] = [];
  let gapDraft: number[] = [];
  const closeGap = (): void => {
    if (gapBase.length && gapDraft.length) {
      const options: Pair[] = [];
      for (const i of gapBase)
        for (const j of gapDraft) {
          const s = similarityOf(i, j);
          if (s >= REWRITE_THRESHOLD) options.push({ base: i, draft: j, similarity: s, moved: false });
        }
      options.sort((x, y) => y.similarity - x.similarity);
      const chosen: Pair[] = [];
      const usedB = new Set<number>();
      const usedD = new Set<number>();
      for (const o of options) {
        if (usedB.has(o.base) || usedD.has(o.draft)) continue;
        usedB.add(o.base);
        usedD.add(o.draft);
        chosen.push(o);
      }
      for (const pair of inOrder(chosen.sort((x, y) => x.base - y.base))) {
        pairOfBase[pair.base] = pair;
        pairOfDraft[pair.draft] = pair;
      }
    }
    gapBase = [];
    gapDraft = [];
  };
  oldPos = 0;
  newPos = 0;
  for (const c of changes) {
    if (c.removed) {
      for (let k = 0; k < c.count; k++) if (free('base', oldPos + k)) gapBase.push(oldPos + k);
      oldPos += c.count;
    } else if (c.added) {
      for (let k = 0; k < c.count; k++) if (free('draft', newPos + k)) gapDraft.push(newPos + k);
      newPos += c.count;
    } else {
      closeGap();
      oldPos += c.count;
      newPos += c.count;
    }
  }
  closeGap();

  // Reading order: the draft's, with deleted base paragraphs where they stood.
  const ops: AlignOp[] = [];
  const emitPair = (pair: Pair): void => {
    ops.push({
      kind: 'pair',
      base: pair.base,
      draft: pair.draft,
      similarity: pair.similarity,
      moved: pair.moved,
      ...(pair.splitInto ? { splitInto: pair.splitInto } : {}),
      ...(pair.mergeFrom ? { mergeFrom: pair.mergeFrom } : {}),
    });
  };
  oldPos = 0;
  newPos = 0;
  for (const c of changes) {
    if (c.removed) {
      for (let k = 0; k < c.count; k++)
        if (free('base', oldPos + k)) ops.push({ kind: 'deleted', base: oldPos + k });
      oldPos += c.count;
    } else if (c.added) {
      for (let k = 0; k < c.count; k++) {
        const j = newPos + k;
        const pair = pairOfDraft[j];
        if (pair) emitPair(pair);
        else if (!absorbedDraft.has(j)) ops.push({ kind: 'inserted', draft: j });
      }
      newPos += c.count;
    } else {
      for (let k = 0; k < c.count; k++) {
        const pair = pairOfBase[oldPos + k];
        if (pair) emitPair(pair);
      }
      oldPos += c.count;
      newPos += c.count;
    }
  }
  return ops;
}
