/**
 * The compare engine (src/core/compare) behind the `CompareEngine` interface of ./tracked.ts:
 * paragraphs aligned by `alignUnits` (content, not position: renumbering is no change; moves, splits,
 * merges and rewrites found), tokens by jsdiff's `diffArrays`, with typography folded
 * (model/typography.ts) unless `exactCompareEngine` is used.
 *
 * The engine aligns one list at a time; a document's printed paragraphs are aligned part by part
 * (heading, title, formula, preamble, operative paragraphs with their subparagraphs, annex), parts
 * coming in the same order in both documents. A moved paragraph has no Word markup the docx library
 * writes (w:moveFrom / w:moveTo), so it becomes a deletion where it stood in the base and an insertion
 * where it stands in the draft; accept all and reject all still give the draft and the base.
 */
import { diffArrays } from 'diff';
import { alignUnits, type AlignOp } from '../../compare/align.ts';
import { foldTypography } from '../../model/typography.ts';
import { bigrams, words } from '../../compare/similarity.ts';
import { BLOCK_PARTS, type BlockPart } from './blocks.ts';
import type { AlignedPair, AlignUnit, CompareEngine } from './tracked.ts';

/** Operative paragraphs and their subparagraphs are aligned as one list: a subparagraph may become a paragraph. */
function family(part: BlockPart): BlockPart {
  return part === 'subparagraph' ? 'operative' : part;
}

function alignable(unit: AlignUnit) {
  const shingles = bigrams(words(unit.text));
  return { shingles, treeShingles: shingles };
}

/** One part's alignment, as rows in the draft's order with deleted paragraphs where they stood. */
function alignPart(
  base: readonly number[],
  draft: readonly number[],
  ops: readonly AlignOp[],
): AlignedPair[] {
  const rows: AlignedPair[] = [];
  const moved: number[] = [];
  for (const op of ops) {
    if (op.kind === 'deleted') rows.push({ base: base[op.base] ?? null, draft: null });
    else if (op.kind === 'inserted') rows.push({ base: null, draft: draft[op.draft] ?? null });
    else if (op.moved) {
      rows.push({ base: null, draft: draft[op.draft] ?? null });
      moved.push(op.base);
    } else {
      rows.push({ base: base[op.base] ?? null, draft: draft[op.draft] ?? null });
      // A split's other pieces are new text after the first; a merge's other paragraphs are deleted.
      for (const k of op.splitInto ?? [])
        if (k !== op.draft) rows.push({ base: null, draft: draft[k] ?? null });
      for (const k of op.mergeFrom ?? [])
        if (k !== op.base) rows.push({ base: base[k] ?? null, draft: null });
    }
  }
  // A moved paragraph's deletion goes where it stood: before the first row with a later base paragraph.
  for (const k of moved.sort((x, y) => y - x)) {
    const index = base[k] ?? null;
    if (index === null) continue;
    const at = rows.findIndex((r) => r.base !== null && r.draft !== null && r.base > index);
    rows.splice(at < 0 ? rows.length : at, 0, { base: index, draft: null });
  }
  return rows;
}

export function alignParagraphs(base: readonly AlignUnit[], draft: readonly AlignUnit[]): AlignedPair[] {
  const rows: AlignedPair[] = [];
  const families = BLOCK_PARTS.filter((p) => p !== 'subparagraph');
  for (const part of families) {
    const b = base.flatMap((u, k) => (family(u.part) === part ? [k] : []));
    const d = draft.flatMap((u, k) => (family(u.part) === part ? [k] : []));
    if (b.length === 0 && d.length === 0) continue;
    const ops = alignUnits(
      b.map((k) => alignable(base[k] ?? { part, text: '' })),
      d.map((k) => alignable(draft[k] ?? { part, text: '' })),
    );
    rows.push(...alignPart(b, d, ops));
  }
  return rows;
}

/**
 * The default engine: typography is no change (issue 12, item 6), as in compare. Tokens that differ
 * only in non-breaking hyphens, no-break spaces, curly quotes, dashes or ligatures are kept, in the
 * draft's marks: accept all gives the draft to the letter; reject all gives the base's words, with
 * the draft's typography where only typography differed.
 */
export const compareEngine: CompareEngine = {
  alignParagraphs,
  diffTokens: (base, draft) =>
    diffArrays([...base], [...draft], {
      comparator: (a, b) => a === b || foldTypography(a) === foldTypography(b),
    }),
};

/** Every mark that differs is a tracked change, typography included (`export --show-typography`). */
export const exactCompareEngine: CompareEngine = {
  alignParagraphs,
  diffTokens: (base, draft) => diffArrays([...base], [...draft]),
};
