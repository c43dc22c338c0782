/**
 * Tracked changes against a base (UN practice: how drafts travel: "a draft that builds on an earlier
 * resolution is submitted with that resolution's text as the base and every change shown as Word
 * tracked changes"): the printed paragraphs of the base and of the draft merged into one list, where
 * every piece is kept, inserted or deleted, so that accepting all changes gives the draft and
 * rejecting all gives the base.
 *
 * What this needs from the compare engine is the `CompareEngine` interface below: paragraph alignment
 * and a token diff. ./compare-engine.ts provides it from src/core/compare; tests may pass their own.
 */
import type { Block, BlockPart, Piece } from './blocks.ts';
import type { StyleKey } from './styles.ts';

/** One printed paragraph as the aligner sees it. */
export interface AlignUnit {
  readonly part: BlockPart;
  /** Its plain text, label and opener included, footnote markers left out. */
  readonly text: string;
  /** The section of an omnibus resolution it is printed in (`Block.section`); absent outside sections. */
  readonly section?: number;
}

/**
 * One row of an alignment, in output order: a base paragraph and the draft paragraph it became, or a
 * paragraph only one side has. Rows follow the draft's order, with each base-only paragraph where it
 * stood in the base. A `moved` pair is written as a deletion where it was and an insertion where it is
 * (the docx library has no w:moveFrom / w:moveTo).
 */
export interface AlignedPair {
  readonly base: number | null;
  readonly draft: number | null;
  readonly moved?: boolean;
}

/** jsdiff's change objects, by count: `diffArrays(base, draft)` fits as it is. */
export interface TokenChange {
  readonly count?: number;
  readonly added?: boolean;
  readonly removed?: boolean;
}

export interface CompareEngine {
  readonly alignParagraphs: (
    base: readonly AlignUnit[],
    draft: readonly AlignUnit[],
  ) => readonly AlignedPair[];
  /** Tokens are compared by key: words with their trailing space, punctuation, tabs, footnote sources. */
  readonly diffTokens: (base: readonly string[], draft: readonly string[]) => readonly TokenChange[];
  /** Whether spaces that differ in kind (a no-break or an ideographic space) are a change too. */
  readonly exactSpaces?: boolean;
}

export const CHANGES = ['inserted', 'deleted'] as const;
export type Change = (typeof CHANGES)[number];

/** A piece of the merged paragraph: from which document it comes (for its footnote) and how it changed. */
export type TrackedPiece = Piece & { readonly origin: 'base' | 'draft'; readonly change?: Change };

export interface TrackedBlock {
  readonly style: StyleKey;
  readonly pieces: readonly TrackedPiece[];
  /** The paragraph itself (its paragraph mark) was inserted or deleted. */
  readonly change?: Change;
}

/** The plain text a paragraph is aligned by: its label left out, so renumbering alone aligns. */
export function unitText(block: Block): string {
  const labelled = block.pieces[1]?.kind === 'tab';
  return (labelled ? block.pieces.slice(2) : block.pieces)
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'tab' ? ' ' : ''))
    .join('')
    .trim();
}

interface Token {
  readonly key: string;
  readonly piece: Piece;
}

/**
 * Words, runs of spaces and single punctuation marks; tabs and footnote references are tokens of their
 * own. A word holds its apostrophes, hyphens of every kind, dashes standing as hyphens and soft hyphens
 * ("Secretary‑General", "2019–2020"), so that a word printed with other typography is still one token
 * the engine can find equal (compare-engine.ts).
 */
const WORD = /[\p{L}\p{N}]+(?:['’‘ʼ\u00ad\u2010-\u2015\u2212-][\p{L}\p{N}]+)*|\s+|[^\s\p{L}\p{N}]/gu;

/**
 * The opener — the italic phrase that opens a paragraph, after its label — is one token: a changed
 * opener is one deletion and one insertion ("Noting with appreciation" → "Noting with satisfaction"),
 * never a word patched inside it, as the compare engine shows it (src/core/compare/words.ts): the
 * opener is the unit delegates negotiate.
 */
function openerAt(block: Block): number {
  const at = block.pieces[1]?.kind === 'tab' ? 2 : 0;
  const piece = block.pieces[at];
  return piece?.kind === 'text' && piece.italic && (block.part === 'preamble' || block.part === 'operative')
    ? at
    : -1;
}

function tokens(block: Block, sourceOf: (index: number) => string): Token[] {
  const out: Token[] = [];
  const opener = openerAt(block);
  for (const [k, piece] of block.pieces.entries()) {
    if (piece.kind === 'tab') out.push({ key: '\t', piece });
    else if (piece.kind === 'note') out.push({ key: `note:${sourceOf(piece.index)}`, piece });
    else if (k === opener) out.push({ key: `opener:${piece.text}`, piece });
    else
      for (const m of piece.text.matchAll(WORD)) {
        const text = m[0];
        out.push({
          // A space is a space whatever its style: "Recalling" + " also" keeps the opener's word.
          key: /^\s+$/.test(text) ? ' ' : `${piece.italic ? 'i' : 't'}:${text}`,
          piece: piece.italic ? { kind: 'text', text, italic: true } : { kind: 'text', text },
        });
      }
  }
  return out;
}

/** Joins neighbouring text pieces of the same origin, change and italics, so runs stay few. */
function coalesce(pieces: readonly TrackedPiece[]): TrackedPiece[] {
  const out: TrackedPiece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (
      last &&
      last.kind === 'text' &&
      p.kind === 'text' &&
      Boolean(last.italic) === Boolean(p.italic) &&
      last.change === p.change &&
      last.origin === p.origin
    ) {
      out[out.length - 1] = { ...last, text: last.text + p.text };
      continue;
    }
    out.push(p);
  }
  return out;
}

function whole(block: Block, origin: 'base' | 'draft', change: Change | undefined): TrackedBlock {
  return {
    style: block.style,
    pieces: block.pieces.map((p) => (change ? { ...p, origin, change } : { ...p, origin })),
    ...(change ? { change } : {}),
  };
}

export interface TrackedInput {
  readonly base: readonly Block[];
  readonly draft: readonly Block[];
  /** The full source of the base's and the draft's note at a reference position. */
  readonly baseSource: (index: number) => string;
  readonly draftSource: (index: number) => string;
}

/** Merges base and draft into tracked paragraphs: the draft's text, with the base's where it differs. */
export function trackChanges(input: TrackedInput, engine: CompareEngine): TrackedBlock[] {
  const units = (blocks: readonly Block[]): AlignUnit[] =>
    blocks.map((b) => ({
      part: b.part,
      text: unitText(b),
      ...(b.section === undefined ? {} : { section: b.section }),
    }));
  const pairs = engine.alignParagraphs(units(input.base), units(input.draft));
  // Each block with where it stands in the draft and in the base (-1: not there).
  const out: Placed[] = [];
  const usedBase = new Set<number>();
  const usedDraft = new Set<number>();
  for (const pair of pairs) {
    const base = pair.base === null ? undefined : input.base[pair.base];
    const draft = pair.draft === null ? undefined : input.draft[pair.draft];
    if (pair.base !== null) usedBase.add(pair.base);
    if (pair.draft !== null) usedDraft.add(pair.draft);
    if (base && draft && !pair.moved) {
      out.push({
        block: mergeParagraph(base, draft, input, engine),
        draft: pair.draft ?? -1,
        base: pair.base ?? -1,
      });
    } else {
      if (base) out.push({ block: whole(base, 'base', 'deleted'), draft: -1, base: pair.base ?? -1 });
      if (draft) out.push({ block: whole(draft, 'draft', 'inserted'), draft: pair.draft ?? -1, base: -1 });
    }
  }
  // An aligner that leaves a paragraph out must not lose it: the draft's text is the document's.
  input.draft.forEach((b, k) => {
    if (!usedDraft.has(k)) out.push({ block: whole(b, 'draft', 'inserted'), draft: k, base: -1 });
  });
  input.base.forEach((b, k) => {
    if (!usedBase.has(k)) out.push({ block: whole(b, 'base', 'deleted'), draft: -1, base: k });
  });
  return inDocumentOrder(out);
}

interface Placed {
  readonly block: TrackedBlock;
  readonly draft: number;
  readonly base: number;
}

/**
 * The blocks in the draft's order, each deletion before the first block that comes after it in the
 * base: accept all then gives the draft's paragraphs in order and reject all the base's, whatever
 * order the aligner gave its pairs in (it aligns part by part: an annex's title and its items are
 * different parts) and wherever it left a paragraph out.
 */
function inDocumentOrder(placed: readonly Placed[]): TrackedBlock[] {
  const ordered = placed.filter((e) => e.draft >= 0).sort((a, b) => a.draft - b.draft);
  for (const deletion of placed.filter((e) => e.draft < 0).sort((a, b) => a.base - b.base)) {
    const i = ordered.findIndex((e) => e.base > deletion.base);
    ordered.splice(i < 0 ? ordered.length : i, 0, deletion);
  }
  return ordered.map((e) => e.block);
}

function mergeParagraph(base: Block, draft: Block, input: TrackedInput, engine: CompareEngine): TrackedBlock {
  const a = tokens(base, input.baseSource);
  const b = tokens(draft, input.draftSource);
  const changes = engine.diffTokens(
    a.map((t) => t.key),
    b.map((t) => t.key),
  );
  type Op = { kind: 'keep' | 'del' | 'ins'; token: Token };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const count = change.count ?? 0;
    for (let n = 0; n < count; n++) {
      const kept = !change.removed && !change.added;
      const source = kept ? a[i] : undefined;
      const t = change.removed ? a[i++] : b[j++];
      if (kept) i++;
      // Spaces match whatever they are made of; where the base's differ (a no-break or an
      // ideographic space), reject all must give the base's back.
      const shown =
        source?.piece.kind === 'text' && t?.piece.kind === 'text'
          ? source.piece.text !== t.piece.text
          : false;
      if (kept && source && t && shown && engine.exactSpaces) {
        ops.push({ kind: 'del', token: source }, { kind: 'ins', token: t });
        continue;
      }
      if (t) ops.push({ kind: change.removed ? 'del' : change.added ? 'ins' : 'keep', token: t });
    }
  }
  // A lone space kept between two changes would cut one replacement into word-by-word confetti:
  // it joins the change on both sides ("<del>the Office</del><ins>all States</ins>").
  const expanded: Op[] = [];
  ops.forEach((op, k) => {
    const before = ops[k - 1];
    const after = ops[k + 1];
    if (
      op.kind === 'keep' &&
      op.token.key === ' ' &&
      before &&
      after &&
      before.kind !== 'keep' &&
      after.kind !== 'keep'
    ) {
      expanded.push({ kind: 'del', token: op.token }, { kind: 'ins', token: op.token });
    } else expanded.push(op);
  });
  // Within a changed stretch, deletions first, then insertions, as Word shows a replacement.
  const ordered: Op[] = [];
  for (let k = 0; k < expanded.length;) {
    const op = expanded[k];
    if (!op || op.kind === 'keep') {
      if (op) ordered.push(op);
      k++;
      continue;
    }
    let end = k;
    while (end < expanded.length && expanded[end]?.kind !== 'keep') end++;
    const stretch = expanded.slice(k, end);
    ordered.push(...stretch.filter((o) => o.kind === 'del'), ...stretch.filter((o) => o.kind === 'ins'));
    k = end;
  }
  const pieces = ordered.map((op): TrackedPiece =>
    op.kind === 'keep'
      ? { ...op.token.piece, origin: 'draft' }
      : op.kind === 'del'
        ? { ...op.token.piece, origin: 'base', change: 'deleted' }
        : { ...op.token.piece, origin: 'draft', change: 'inserted' },
  );
  return { style: draft.style, pieces: coalesce(pieces) };
}
