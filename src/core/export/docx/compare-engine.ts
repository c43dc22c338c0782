/**
 * The compare engine (src/core/compare) behind the `CompareEngine` interface of ./tracked.ts:
 * paragraphs aligned by `alignUnits` (content, not position: renumbering is no change; moves, splits,
 * merges and rewrites found), tokens by jsdiff's `diffArrays`, with typography folded
 * (model/typography.ts) unless `exactCompareEngine` is used.
 *
 * The engine aligns one list at a time; a document's printed paragraphs are aligned part by part
 * (heading, title, formula, preamble, operative paragraphs with their subparagraphs, the sections of
 * an omnibus resolution, annex), parts coming in the same order in both documents. Sections are
 * paired first, by their numbers and headings (a section inserted or dropped is one change, and the
 * sections after it still meet their own), then each pair is aligned part by part as the top level;
 * a section only one side has is inserted or deleted whole. A moved paragraph has no Word markup the docx library
 * writes (w:moveFrom / w:moveTo), so it becomes a deletion where it stood in the base and an insertion
 * where it stands in the draft; accept all and reject all still give the draft and the base.
 */
import { diffArrays } from 'diff';
import { alignUnits, type AlignOp } from '../../compare/align.ts';
import { foldTypography } from '../../model/typography.ts';
import { bigrams, words } from '../../compare/similarity.ts';
import type { BlockPart } from './blocks.ts';
import type { AlignedPair, AlignUnit, CompareEngine } from './tracked.ts';

/**
 * Operative paragraphs and their subparagraphs are aligned as one list: a subparagraph may become a
 * paragraph; a preambular paragraph's subparagraphs are aligned with the preamble.
 */
function family(part: BlockPart): BlockPart {
  if (part === 'subparagraph') return 'operative';
  if (part === 'preambleSubparagraph') return 'preamble';
  return part === 'sectionNumber' ? 'section' : part;
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

/**
 * The families of a scope, in printed order: a section's number and heading first, then (at the top
 * level) the document's heading, title and formula, then the preamble and the operative part.
 */
const FAMILIES: readonly BlockPart[] = [
  'section',
  'heading',
  'title',
  'formula',
  'preamble',
  'operative',
  'annex',
];

/** Aligns the units at `b` (base indices) and `d` (draft indices) family by family, in printed order. */
function alignScope(
  base: readonly AlignUnit[],
  draft: readonly AlignUnit[],
  b: readonly number[],
  d: readonly number[],
): AlignedPair[] {
  const rows: AlignedPair[] = [];
  for (const part of FAMILIES) {
    const bs = b.filter((k) => family(base[k]?.part ?? part) === part);
    const ds = d.filter((k) => family(draft[k]?.part ?? part) === part);
    if (bs.length === 0 && ds.length === 0) continue;
    if (part === 'section') {
      // Two sections paired: number with number ("II" → "III" is a change of the number), heading with heading.
      for (const role of ['sectionNumber', 'section'] as const) {
        const x = bs.find((k) => base[k]?.part === role) ?? null;
        const y = ds.find((k) => draft[k]?.part === role) ?? null;
        if (x !== null || y !== null) rows.push({ base: x, draft: y });
      }
      continue;
    }
    const ops = alignUnits(
      bs.map((k) => alignable(base[k] ?? { part, text: '' })),
      ds.map((k) => alignable(draft[k] ?? { part, text: '' })),
    );
    rows.push(...alignPart(bs, ds, ops));
  }
  return rows;
}

type Scope = 'top' | 'annex' | number;

function scopeOf(unit: AlignUnit): Scope {
  return unit.part === 'annex' ? 'annex' : (unit.section ?? 'top');
}

/** The indices of the units of each scope: top level, each section in order, annex. */
function scopes(units: readonly AlignUnit[]): { top: number[]; sections: number[][]; annex: number[] } {
  const out = { top: [] as number[], sections: [] as number[][], annex: [] as number[] };
  units.forEach((unit, k) => {
    const scope = scopeOf(unit);
    if (scope === 'top') out.top.push(k);
    else if (scope === 'annex') out.annex.push(k);
    else (out.sections[scope] ??= []).push(k);
  });
  return { ...out, sections: out.sections.filter((s) => s !== undefined) };
}

/**
 * A section as the pairing sees it: its heading, not its number (a section inserted before it
 * renumbers it); its number when it has no heading, its first paragraph when it has neither.
 */
function sectionUnit(units: readonly AlignUnit[], indices: readonly number[]): AlignUnit {
  const heading = indices.filter((k) => units[k]?.part === 'section');
  const number = indices.filter((k) => units[k]?.part === 'sectionNumber');
  const named = heading.length > 0 ? heading : number.length > 0 ? number : indices.slice(0, 1);
  return { part: 'section', text: named.map((k) => units[k]?.text ?? '').join(' ') };
}

/**
 * Rows whose base paragraphs are out of the base's order (two pairs that cross) keep only the
 * longest run in order; each other pair becomes an insertion where the draft paragraph stands and a
 * deletion where the base paragraph stood, since reject all must give the base in its order.
 */
function inBaseOrder(rows: readonly AlignedPair[]): AlignedPair[] {
  const based = rows.flatMap((r, i) => (r.base === null ? [] : [{ i, base: r.base }]));
  // Longest increasing run of base indices (patience sorting).
  const tails: number[] = [];
  const prev = new Array<number>(based.length).fill(-1);
  based.forEach((item, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((based[tails[mid] ?? 0]?.base ?? 0) < item.base) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1] ?? -1;
    tails[lo] = k;
  });
  const keep = new Set<number>();
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = prev[k] ?? -1) keep.add(based[k]?.i ?? -1);
  if (keep.size === based.length) return [...rows];
  const out: AlignedPair[] = [];
  const displaced: number[] = [];
  rows.forEach((r, i) => {
    if (r.base === null || keep.has(i)) out.push(r);
    else {
      displaced.push(r.base);
      if (r.draft !== null) out.push({ base: null, draft: r.draft });
    }
  });
  for (const index of displaced.sort((a, b) => a - b)) {
    const at = out.findIndex((r) => r.base !== null && r.base > index);
    out.splice(at < 0 ? out.length : at, 0, { base: index, draft: null });
  }
  return out;
}

export function alignParagraphs(base: readonly AlignUnit[], draft: readonly AlignUnit[]): AlignedPair[] {
  const b = scopes(base);
  const d = scopes(draft);
  const rows = alignScope(base, draft, b.top, d.top);
  const whole = (indices: readonly number[], side: 'base' | 'draft'): AlignedPair[] =>
    indices.map((k) => (side === 'base' ? { base: k, draft: null } : { base: null, draft: k }));
  const ops = alignUnits(
    b.sections.map((s) => alignable(sectionUnit(base, s))),
    d.sections.map((s) => alignable(sectionUnit(draft, s))),
  );
  for (const op of ops) {
    if (op.kind === 'deleted') rows.push(...whole(b.sections[op.base] ?? [], 'base'));
    else if (op.kind === 'inserted') rows.push(...whole(d.sections[op.draft] ?? [], 'draft'));
    else if (op.moved) {
      rows.push(...whole(b.sections[op.base] ?? [], 'base'), ...whole(d.sections[op.draft] ?? [], 'draft'));
    } else {
      rows.push(...alignScope(base, draft, b.sections[op.base] ?? [], d.sections[op.draft] ?? []));
      // A section split in two, or two merged: the other pieces are whole sections of their side.
      for (const k of op.splitInto ?? [])
        if (k !== op.draft) rows.push(...whole(d.sections[k] ?? [], 'draft'));
      for (const k of op.mergeFrom ?? []) if (k !== op.base) rows.push(...whole(b.sections[k] ?? [], 'base'));
    }
  }
  rows.push(...alignScope(base, draft, b.annex, d.annex));
  return inBaseOrder(rows);
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
  exactSpaces: true,
};
