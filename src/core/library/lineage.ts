/**
 * Lineage (issue 13): a resolution on the same item recurs every year or two, and each version starts
 * from the last. The predecessor of a resolution is the latest earlier one of the same body with its
 * title (most keep it word for word), or with a close title that the new text cites ("Recalling its
 * resolution 79/136 of 6 December 2024"): titles alone are not enough where a family of resolutions
 * shares most of its words ("Cooperation between the United Nations and the African Union", "… and the
 * Economic Cooperation Organization").
 *
 * A paragraph's versions are then found by aligning each version with the one before it, as compare
 * does (compare/compare.ts): a paragraph kept, edited or moved is the same paragraph.
 */
import { compareDocuments } from '../compare/compare.ts';
import { bigrams, dice, words } from '../compare/similarity.ts';
import { documentOutline, type LabelStyle, type OutlineUnit } from '../compare/units.ts';
import type { ComparePart, WordChange } from '../compare/types.ts';
import { inlineText } from '../model/inline.ts';
import type { ResolutionDocument } from '../model/types.ts';
import type { LibraryDocument, LibraryMeta } from './types.ts';

/** Titles this alike are the same resolution's when the new text also cites the older one. */
const CITED_TITLE = 0.5;
/** Titles this alike are the same resolution's on the same agenda item even without a citation. */
const CLOSE_TITLE = 0.85;

function normalTitle(title: string): string {
  return words(title).join(' ');
}

/** Resolution numbers ("79/136") a document cites anywhere in its paragraphs or footnotes. */
export function citedNumbers(doc: ResolutionDocument): Set<string> {
  const out = new Set<string>();
  const scan = (text: string): void => {
    for (const m of text.matchAll(/\b(\d{1,3}\/\d{1,4})\b/g)) if (m[1]) out.add(m[1]);
  };
  const paragraphs = [
    ...doc.preamble,
    ...doc.operative,
    ...(doc.sections ?? []).flatMap((s) => [...s.preamble, ...s.operative]),
  ];
  for (const p of paragraphs) scan(inlineText(p.content));
  for (const f of doc.footnotes) scan(inlineText(f.content));
  return out;
}

function before(a: LibraryMeta, b: LibraryMeta): boolean {
  if (a.session !== null && b.session !== null && a.session !== b.session) return a.session < b.session;
  return (a.date ?? '') < (b.date ?? '');
}

/** What finding predecessors reads once for the whole library: its metadata (no texts). */
export interface PredecessorContext {
  readonly metas: readonly LibraryMeta[];
  readonly byTitle: ReadonlyMap<string, readonly LibraryMeta[]>;
  readonly byNumber: ReadonlyMap<string, LibraryMeta>;
  readonly titleShingles: (m: LibraryMeta) => Set<number>;
}

export function predecessorContext(metas: readonly LibraryMeta[]): PredecessorContext {
  const byTitle = new Map<string, LibraryMeta[]>();
  const shingles = new Map<LibraryMeta, Set<number>>();
  for (const m of metas) {
    const t = normalTitle(m.title);
    const list = byTitle.get(t);
    if (list) list.push(m);
    else byTitle.set(t, [m]);
  }
  const byNumber = new Map<string, LibraryMeta>();
  for (const m of metas) if (m.number && m.body !== 'user') byNumber.set(m.number, m);
  const titleShingles = (m: LibraryMeta): Set<number> => {
    let s = shingles.get(m);
    if (!s) {
      s = bigrams(words(m.title));
      shingles.set(m, s);
    }
    return s;
  };
  return { metas, byTitle, byNumber, titleShingles };
}

/**
 * The predecessor of `d` in the library: the latest earlier document of its body with its title, or
 * with a close title that `d` cites, or (failing both) with a very close title on the same agenda item.
 * A user's document (a draft) is matched against every body, and anything adopted is earlier than it.
 * Only `d`'s own text is read (for what it cites); the candidates' metadata is enough.
 */
export function predecessorOf(context: PredecessorContext, d: LibraryDocument): LibraryMeta | undefined {
  const draft = d.meta.body === 'user';
  const eligible = (c: LibraryMeta): boolean =>
    c !== d.meta &&
    c.id !== d.meta.id &&
    (draft || c.body === d.meta.body) &&
    (draft ? c.body !== 'user' : before(c, d.meta));
  const mine = context.titleShingles(d.meta);
  const candidates: { meta: LibraryMeta; rank: number }[] = [];
  // No title is no evidence: fourteen of the 891 resolutions have none as read (the printed reader
  // drops a title whose last line reads like a masthead's: "… General Assembly", "… seventy-fourth
  // session"), and they chained to one another (the credentials of the seventy-eighth session after
  // social development). Titleless documents still follow one another on the same agenda item, below
  // (two empty titles are alike).
  const title = normalTitle(d.meta.title);
  for (const c of title ? (context.byTitle.get(title) ?? []) : [])
    if (eligible(c)) candidates.push({ meta: c, rank: 2 });
  for (const n of citedNumbers(d.doc)) {
    const c = context.byNumber.get(n);
    if (!c || !eligible(c)) continue;
    const alike = dice(mine, context.titleShingles(c));
    if (alike >= CITED_TITLE) candidates.push({ meta: c, rank: 1 + alike / 2 });
  }
  if (candidates.length === 0 && d.meta.agendaItemTitle)
    for (const c of context.metas) {
      if (!eligible(c) || c.agendaItemTitle !== d.meta.agendaItemTitle) continue;
      const alike = dice(mine, context.titleShingles(c));
      if (alike >= CLOSE_TITLE) candidates.push({ meta: c, rank: alike });
    }
  // The latest earlier version; among those of one session, the likeliest.
  candidates.sort((a, b) => (before(a.meta, b.meta) ? 1 : before(b.meta, a.meta) ? -1 : b.rank - a.rank));
  return candidates[0]?.meta;
}

/** Each document's predecessor (by id), where the library holds one. */
export function findPredecessors(documents: readonly LibraryDocument[]): Map<string, string> {
  const context = predecessorContext(documents.map((d) => d.meta));
  const out = new Map<string, string>();
  for (const d of documents) {
    const p = predecessorOf(context, d);
    if (p) out.set(d.meta.id, p.id);
  }
  return out;
}

export interface ParagraphRef {
  readonly id: string;
  readonly part: ComparePart;
  /** 1-based path in the part: [9, 1] is OP9 (a). */
  readonly path: readonly number[];
}

export interface LineageVersion extends ParagraphRef {
  readonly meta: LibraryMeta;
  /** "OP21", "PP3 (a)", as the comparison labels it where it stands. */
  readonly label: string;
  readonly text: string;
  /** Word diff against the previous version (absent for the oldest). */
  readonly words?: readonly WordChange[];
  /** How alike it is to the previous version (1: unchanged). */
  readonly similarity?: number;
}

const samePath = (a: readonly number[] | null, b: readonly number[]): boolean =>
  a !== null && a.length === b.length && a.every((x, k) => x === b[k]);

interface Step {
  readonly path: readonly number[];
  readonly label: string;
  readonly text: string;
  readonly words: readonly WordChange[];
  readonly similarity: number;
}

/** Where `path` of `from`'s part went in `to` (or came from, with `backwards`). */
function follow(
  older: ResolutionDocument,
  newer: ResolutionDocument,
  part: ComparePart,
  path: readonly number[],
  backwards: boolean,
): { older: Step; newer: Step } | undefined {
  for (const c of compareDocuments(older, newer).changes) {
    if (c.part !== part || c.type === 'inserted' || c.type === 'deleted') continue;
    if (!c.basePath || !c.draftPath) continue;
    if (!samePath(backwards ? c.draftPath : c.basePath, path)) continue;
    const step = (p: readonly number[], label: string | null, text: string | null): Step => ({
      path: p,
      label: label ?? '',
      text: text ?? '',
      words: c.words,
      similarity: c.similarity,
    });
    return {
      older: step(c.basePath, c.baseLabel, c.baseText),
      newer: step(c.draftPath, c.draftLabel, c.draftText),
    };
  }
  return undefined;
}

export interface LineageSource {
  readonly get: (id: string) => LibraryDocument | undefined;
  /**
   * A document's metadata without its text (where texts load on demand, every document's metadata is
   * at hand while `get` knows only the texts loaded). Defaults to `get`'s.
   */
  readonly meta?: (id: string) => LibraryMeta | undefined;
  /** id → predecessor id. */
  readonly predecessors: ReadonlyMap<string, string>;
}

/** The successors of a document: those whose predecessor it is. */
function successorsOf(source: LineageSource, id: string): string[] {
  const out: string[] = [];
  for (const [next, previous] of source.predecessors) if (previous === id) out.push(next);
  return out;
}

/**
 * A document's line: itself, its predecessors back, and every document that follows any of them
 * (ids). What a paragraph's lineage may visit, and the draft's own family in the finder.
 */
export function documentLine(predecessors: ReadonlyMap<string, string>, id: string): Set<string> {
  const line = new Set<string>();
  for (let at: string | undefined = id; at && !line.has(at); at = predecessors.get(at)) line.add(at);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [next, previous] of predecessors)
      if (line.has(previous) && !line.has(next)) {
        line.add(next);
        grew = true;
      }
  }
  return line;
}

/**
 * A paragraph's versions across the library, oldest first, each with its word diff against the one
 * before. Starts from the given paragraph and follows predecessors back and successors forward for as
 * long as the paragraph is found in them.
 */
export function paragraphLineage(source: LineageSource, start: ParagraphRef): LineageVersion[] {
  const first = source.get(start.id);
  if (!first) return [];
  const entry = outlineAt(first.doc, start.part, start.path);
  if (!entry) return [];
  const versions: LineageVersion[] = [
    {
      id: start.id,
      part: start.part,
      path: start.path,
      meta: first.meta,
      label: entry.label,
      text: entry.text,
    },
  ];
  // Back through predecessors.
  let current = first;
  let path = start.path;
  const visited = new Set([start.id]);
  for (;;) {
    const previousId = source.predecessors.get(current.meta.id);
    const previous = previousId && !visited.has(previousId) ? source.get(previousId) : undefined;
    if (!previous) break;
    visited.add(previous.meta.id);
    const step = follow(previous.doc, current.doc, start.part, path, true);
    if (!step) break;
    const newest = versions[0];
    if (newest) versions[0] = { ...newest, words: step.newer.words, similarity: step.newer.similarity };
    versions.unshift({
      id: previous.meta.id,
      part: start.part,
      path: step.older.path,
      meta: previous.meta,
      label: step.older.label,
      text: step.older.text,
    });
    current = previous;
    path = step.older.path;
  }
  // Forward through successors (the latest of them when a resolution was followed twice).
  current = first;
  path = start.path;
  for (;;) {
    const nextDocs = successorsOf(source, current.meta.id)
      .filter((id) => !visited.has(id))
      .map((id) => source.get(id))
      .filter((d): d is LibraryDocument => d !== undefined);
    const next = nextDocs[0];
    if (!next) break;
    visited.add(next.meta.id);
    const step = follow(current.doc, next.doc, start.part, path, false);
    if (!step) break;
    versions.push({
      id: next.meta.id,
      part: start.part,
      path: step.newer.path,
      meta: next.meta,
      label: step.newer.label,
      text: step.newer.text,
      words: step.newer.words,
      similarity: step.newer.similarity,
    });
    current = next;
    path = step.newer.path;
  }
  return versions;
}

/**
 * The unit at `path` of a part, labelled as compare labels it (by position), or with 'printed' as
 * printed ("5 bis", "(a)"), as the command line cites it.
 */
export function outlineAt(
  doc: ResolutionDocument,
  part: ComparePart,
  path: readonly number[],
  style: LabelStyle = 'positional',
): OutlineUnit | undefined {
  let units: readonly OutlineUnit[] = documentOutline(doc, style)[part];
  let found: OutlineUnit | undefined;
  for (const step of path) {
    found = units[step - 1];
    if (!found) return undefined;
    units = found.children;
  }
  return found;
}
