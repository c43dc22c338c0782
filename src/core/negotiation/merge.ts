/**
 * Merging the Word files delegations send back (issue 14): each file is the circulated text with the
 * delegation's proposals as tracked changes (../import/tracked.ts). Every change becomes a proposal on
 * a paragraph of the base text, attributed to its author's delegation:
 * - the file's paragraphs are aligned with the base's by content (../compare/align.ts), so a copy that
 *   has drifted — paragraphs added, moved or dropped since — still puts each change on its paragraph;
 * - adjacent changes of one author are one proposal: an insertion, a deletion, or (both) a
 *   replacement, with its range in the base paragraph's text;
 * - a paragraph whose break was inserted is a new paragraph after the base paragraph before it; one
 *   whose text was all deleted is a paragraph deleted; a paragraph deleted and inserted elsewhere by one
 *   delegation is a move;
 * - proposals of different delegations on the same words conflict (`conflictsWith`): they are
 *   alternatives for the facilitator to bracket, never one silently over the other;
 * - a change the base cannot place is reported with the reason, never dropped.
 */
import { alignUnits, type Alignable } from '../compare/align.ts';
import { bigrams, dice, words } from '../compare/similarity.ts';
import type { ComparePart } from '../compare/types.ts';
import { documentOutline, type OutlineUnit } from '../compare/units.ts';
import type { TrackedDocument, TrackedEdit, TrackedParagraph } from '../import/tracked.ts';
import type { ResolutionDocument } from '../model/types.ts';
import { INSERTION_SUFFIXES } from '../rules/labels.ts';
import type { ProposalInput } from './operations.ts';
import type { NegotiationPart, ProposalKind } from './types.ts';
import { paragraphKey } from './paragraphs.ts';

export { PROPOSAL_KINDS, type ProposalKind } from './types.ts';

export interface MergedProposal {
  /** "p1", "p2" … in the order of the files, then of the text. */
  readonly id: string;
  readonly delegation: string;
  /** The tracked change's author, as the file names it. */
  readonly author: string;
  /** The file it came from. */
  readonly file: string;
  readonly date?: string;
  readonly kind: ProposalKind;
  readonly part: ComparePart;
  /**
   * The 1-based position of its paragraph in the part of the base (for a subparagraph, of the
   * paragraph it belongs to); for a new paragraph, the position after which it comes (0: first).
   */
  readonly paragraph: number;
  /** The full path of the base unit ([3, 1] is OP3 (a)); for a new paragraph, the unit it follows. */
  readonly path: readonly number[];
  /** The base unit's label: "OP3", "PP2", "OP3 (a)". */
  readonly label: string;
  /** What is proposed: the text inserted, the new paragraph, the text replacing; for a deletion, the text deleted. */
  readonly text: string;
  /** For a replacement, the text it replaces. */
  readonly replaces?: string;
  /** Its range in the base paragraph's text (as `OutlineUnit.text`): start = end for an insertion. */
  readonly range?: { readonly start: number; readonly end: number };
  /** For a move: where the paragraph goes, after this position of the part. */
  readonly to?: number;
  /** Proposals of other delegations on the same words. */
  readonly conflictsWith: readonly string[];
}

export interface UnplacedChange {
  readonly file: string;
  /** 1-based position of the paragraph in the file. */
  readonly paragraph: number;
  readonly text: string;
  readonly reason: string;
}

export interface ReturnedFile {
  readonly name: string;
  readonly tracked: TrackedDocument;
}

export interface MergeOptions {
  /** Author → delegation ("Jane Doe" → "Mexico"); an author not in it is its own delegation. */
  readonly authors?: ReadonlyMap<string, string>;
}

export interface MergeResult {
  readonly proposals: readonly MergedProposal[];
  readonly unplaced: readonly UnplacedChange[];
  /** Files with no tracked change at all. */
  readonly unchanged: readonly string[];
}

/** A printed label at the start of a paragraph: "12.", "5 bis.", "(a)", "(iv)". */
const INSERTED = `(?:\\s+(?:${INSERTION_SUFFIXES.join('|')}))?`;
const LABEL = new RegExp(`^\\s*(?:\\d{1,3}${INSERTED}\\.|\\([a-z]{1,4}\\)${INSERTED})\\s+`, 'i');

/** A text with its whitespace collapsed, and where each of its characters came from. */
interface Normal {
  readonly text: string;
  /** For each raw offset (and the end), the offset in `text`. */
  readonly at: (raw: number) => number;
}

function normal(raw: string): Normal {
  const label = LABEL.exec(raw)?.[0].length ?? 0;
  const map = new Array<number>(raw.length + 1);
  let text = '';
  let space = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (i < label || /\s/.test(c)) {
      map[i] = text.length;
      if (i >= label) space = text.length > 0;
      continue;
    }
    if (space) text += ' ';
    space = false;
    map[i] = text.length;
    text += c;
  }
  map[raw.length] = text.length;
  return { text, at: (r) => map[Math.min(Math.max(r, 0), raw.length)] ?? text.length };
}

function flatten(units: readonly OutlineUnit[]): OutlineUnit[] {
  return units.flatMap((u) => [u, ...flatten(u.children)]);
}

function alignable(text: string): Alignable {
  const shingles = bigrams(words(text));
  return { shingles, treeShingles: shingles };
}

/** A run of one author's adjacent edits in one paragraph: one proposal. */
interface Cluster {
  readonly author: string;
  readonly date?: string;
  readonly start: number;
  readonly end: number;
  readonly inserted: string;
  readonly deleted: string;
}

function clusters(edits: readonly TrackedEdit[]): Cluster[] {
  const out: Cluster[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    const end = e.at + (e.type === 'delete' ? e.text.length : 0);
    if (last && last.author === e.author && last.end === e.at)
      out[out.length - 1] = {
        ...last,
        end,
        inserted: last.inserted + (e.type === 'insert' ? e.text : ''),
        deleted: last.deleted + (e.type === 'delete' ? e.text : ''),
      };
    else
      out.push({
        author: e.author,
        ...(e.date ? { date: e.date } : {}),
        start: e.at,
        end,
        inserted: e.type === 'insert' ? e.text : '',
        deleted: e.type === 'delete' ? e.text : '',
      });
  }
  return out;
}

type Draft = Omit<MergedProposal, 'id' | 'conflictsWith'>;

/**
 * A replacement without the spaces and punctuation its two sides share at either end: Word's diff of "Secretary-General to"
 * into "Secretary-General, within existing resources, to" replaces the space with ", within existing
 * resources, " — an insertion; "appropriate " by "most effective " replaces the word, not the space.
 */
function tightened(
  inserted: string,
  deleted: string,
  start: number,
  end: number,
): { inserted: string; deleted: string; start: number; end: number } {
  if (!inserted || !deleted) return { inserted, deleted, start, end };
  let head = 0;
  // Spaces and punctuation only: a shared letter is part of two different words.
  const shared = (a: string | undefined, b: string | undefined): boolean =>
    a !== undefined && a === b && !/[\p{L}\p{N}]/u.test(a);
  while (head < inserted.length && head < deleted.length && shared(inserted[head], deleted[head])) head++;
  let tail = 0;
  while (
    tail < inserted.length - head &&
    tail < deleted.length - head &&
    shared(inserted[inserted.length - 1 - tail], deleted[deleted.length - 1 - tail])
  )
    tail++;
  return {
    inserted: inserted.slice(head, inserted.length - tail),
    deleted: deleted.slice(head, deleted.length - tail),
    start: start + head,
    end: Math.max(start + head, end - tail),
  };
}

/** The proposals of one file, and the changes it could not place. */
function fileProposals(
  base: readonly OutlineUnit[],
  file: ReturnedFile,
  delegationOf: (author: string) => string,
): { proposals: Draft[]; unplaced: UnplacedChange[] } {
  const paragraphs = file.tracked.paragraphs;
  const proposals: Draft[] = [];
  const unplaced: UnplacedChange[] = [];
  // A paragraph whose break and text were inserted is new: it has no "before" to align.
  const isNew = (p: TrackedParagraph): boolean =>
    p.markChange?.type === 'insert' && normal(p.before).text === '';
  const existing = paragraphs.map((p, k) => ({ p, k })).filter(({ p }) => !isNew(p));
  const ops = alignUnits(
    base.map((u) => alignable(u.text)),
    existing.map(({ p }) => alignable(normal(p.before).text)),
  );
  const unitOf = new Map<number, OutlineUnit>();
  for (const op of ops)
    if (op.kind === 'pair') {
      const at = existing[op.draft]?.k;
      const unit = base[op.base];
      if (at !== undefined && unit) unitOf.set(at, unit);
    }
  const top = (u: OutlineUnit): number => u.path[0] ?? 0;
  const common = (u: OutlineUnit, author: string, date: string | undefined) => ({
    delegation: delegationOf(author),
    author,
    file: file.name,
    ...(date ? { date } : {}),
    part: u.part,
    paragraph: top(u),
    path: u.path,
    label: u.label,
  });

  // Paragraphs deleted whole, by author, for moves.
  const deletedWhole: { draft: Draft; text: string }[] = [];
  paragraphs.forEach((p, k) => {
    const hasChange = p.edits.length > 0 || p.markChange !== undefined;
    if (!hasChange) return;
    const after = normal(p.after).text;
    if (isNew(p)) {
      // After the last paragraph before it that the base has.
      let previous: OutlineUnit | undefined;
      for (let j = k - 1; j >= 0 && !previous; j--) previous = unitOf.get(j);
      const author = p.markChange?.author ?? p.edits[0]?.author ?? '';
      const next = [...unitOf.entries()].find(([j]) => j > k)?.[1];
      const anchor = previous ?? next;
      if (!anchor) {
        unplaced.push({
          file: file.name,
          paragraph: k + 1,
          text: after,
          reason: 'no paragraph around it is in the base text',
        });
        return;
      }
      proposals.push({
        ...common(anchor, author, p.markChange?.date),
        kind: 'new paragraph',
        paragraph: previous ? top(previous) : 0,
        path: previous ? previous.path : [0],
        label: previous ? previous.label : anchor.label,
        text: after,
      });
      return;
    }
    const unit = unitOf.get(k);
    const before = normal(p.before);
    if (!unit) {
      unplaced.push({
        file: file.name,
        paragraph: k + 1,
        text: before.text,
        reason:
          'matches no paragraph of the base text (a title, a heading, or a paragraph the base does not have)',
      });
      return;
    }
    if (before.text !== unit.text) {
      const alike = Math.round(100 * dice(bigrams(words(before.text)), bigrams(words(unit.text))));
      unplaced.push({
        file: file.name,
        paragraph: k + 1,
        text: before.text,
        reason: `its text before the changes is not ${unit.label} of the base text (${alike} % alike): the file may have been made from another version`,
      });
      return;
    }
    if (after === '' && before.text !== '') {
      const author = p.edits[0]?.author ?? p.markChange?.author ?? '';
      const draft: Draft = {
        ...common(unit, author, p.edits[0]?.date),
        kind: 'delete paragraph',
        text: unit.text,
      };
      deletedWhole.push({ draft, text: unit.text });
      proposals.push(draft);
      return;
    }
    for (const c of clusters(p.edits)) {
      const { inserted, deleted, start, end } = tightened(
        c.inserted.replace(/\s+/g, ' '),
        c.deleted.replace(/\s+/g, ' '),
        before.at(c.start),
        before.at(c.end),
      );
      if (!inserted && !deleted) continue;
      proposals.push({
        ...common(unit, c.author, c.date),
        kind: inserted && deleted ? 'replace' : inserted ? 'insert' : 'delete',
        text: (inserted || deleted).trim(),
        ...(inserted && deleted ? { replaces: deleted.trim() } : {}),
        range: { start, end },
      });
    }
  });

  // A paragraph deleted in one place and put in again in another by the same delegation: a move.
  const moved = new Set<Draft>();
  for (const d of deletedWhole) {
    const twin = proposals.find(
      (q) =>
        q.kind === 'new paragraph' &&
        !moved.has(q) &&
        q.delegation === d.draft.delegation &&
        dice(bigrams(words(q.text)), bigrams(words(d.text))) >= 0.9,
    );
    if (!twin) continue;
    moved.add(twin);
    moved.add(d.draft);
    proposals.push({ ...d.draft, kind: 'move', to: twin.paragraph });
  }
  return { proposals: proposals.filter((q) => !moved.has(q)), unplaced };
}

/** Whether two proposals on the same paragraph touch the same words. */
function overlaps(a: Draft, b: Draft): boolean {
  if (a.part !== b.part || a.path.join('.') !== b.path.join('.')) return false;
  const whole = (k: ProposalKind): boolean => k === 'delete paragraph' || k === 'move';
  if (a.kind === 'new paragraph' || b.kind === 'new paragraph') return false;
  if (whole(a.kind) || whole(b.kind)) return true;
  const ra = a.range;
  const rb = b.range;
  if (!ra || !rb) return false;
  // Two insertions at one place, an insertion inside the other's range, or ranges that share words.
  if (ra.start === ra.end && rb.start === rb.end) return ra.start === rb.start;
  if (ra.start === ra.end) return ra.start > rb.start && ra.start < rb.end;
  if (rb.start === rb.end) return rb.start > ra.start && rb.start < ra.end;
  return Math.max(ra.start, rb.start) < Math.min(ra.end, rb.end);
}

/** Every returned file's changes as proposals on the base text, with their conflicts. */
export function mergeReturnedFiles(
  base: ResolutionDocument,
  files: readonly ReturnedFile[],
  options: MergeOptions = {},
): MergeResult {
  const outline = documentOutline(base);
  const units = [...flatten(outline.preamble), ...flatten(outline.operative), ...flatten(outline.annex)];
  const delegationOf = (author: string): string => options.authors?.get(author) ?? (author || 'Unknown');
  const drafts: Draft[] = [];
  const unplaced: UnplacedChange[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    if (file.tracked.authors.length === 0) {
      unchanged.push(file.name);
      continue;
    }
    const r = fileProposals(units, file, delegationOf);
    drafts.push(...r.proposals);
    unplaced.push(...r.unplaced);
  }
  const ids = drafts.map((_, k) => `p${k + 1}`);
  const proposals = drafts.map((d, k) => ({
    ...d,
    id: ids[k] ?? '',
    conflictsWith: drafts.flatMap((o, j) =>
      j !== k && o.delegation !== d.delegation && overlaps(d, o) ? [ids[j] ?? ''] : [],
    ),
  }));
  return { proposals, unplaced, unchanged };
}

/**
 * The merged proposals as the negotiation takes them in (operations.ts `addProposals`), which
 * brackets those of different delegations on the same words.
 */
export function mergedInputs(result: MergeResult): ProposalInput[] {
  return result.proposals.map((p) => ({
    delegation: p.delegation,
    ...(p.date ? { date: p.date } : {}),
    kind: p.kind,
    key: paragraphKey(p.part as NegotiationPart, p.path),
    ...(p.range && (p.kind === 'insert' || p.kind === 'delete' || p.kind === 'replace')
      ? { range: p.range }
      : {}),
    text: p.text,
    ...(p.kind === 'move' && p.to !== undefined
      ? { to: paragraphKey(p.part as NegotiationPart, [p.to]) }
      : {}),
    source: { file: p.file, author: p.author },
  }));
}
