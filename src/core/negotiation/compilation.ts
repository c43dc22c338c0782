/**
 * The compilation text as facilitators lay it out: each paragraph of the base with
 * what is accepted applied, every open proposal marked with its delegation (insertions set apart,
 * deletions struck), disputed words in brackets with their alternatives "Alt 1", "Alt 2", new
 * paragraphs numbered "OP5 bis" after the one they follow, and each paragraph's status. The editor's
 * negotiation view and the Word export both draw this.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { INSERTION_SUFFIXES } from '../rules/labels.ts';
import { cleanText } from './clean.ts';
import { isTextKind, statusOf } from './operations.ts';
import { baseParagraphs, readKey, type BaseParagraph } from './paragraphs.ts';
import { applyToText, referencePositions, spacedInsert } from './text.ts';
import type { Bracket, Negotiation, ParagraphKey, ParagraphStatus, Proposal } from './types.ts';

export const COMPILATION_VIEWS = ['compilation', 'clean', 'pending', 'delegation'] as const;
export type CompilationViewKind = (typeof COMPILATION_VIEWS)[number];

export type CompilationView =
  | { readonly kind: 'compilation' | 'clean' | 'pending' }
  | { readonly kind: 'delegation'; readonly delegation: string };

export interface Alternative {
  /** "Alt 1", "Alt 2" … */
  readonly label: string;
  readonly text: string;
  /** Who holds it: the proposing delegation, then its supporters. */
  readonly holders: readonly string[];
  /** Absent for the base's own words. */
  readonly proposal?: string;
  /** What a whole-paragraph alternative does, in words ("delete the paragraph"). */
  readonly action?: string;
}

export type Segment =
  | { readonly kind: 'text'; readonly text: string; readonly italic: boolean }
  | {
      readonly kind: 'insert' | 'delete';
      readonly text: string;
      readonly italic: boolean;
      readonly delegations: readonly string[];
      readonly proposal: string;
      /** Struck words a replacement puts new ones in place of: the delegations follow the new words only. */
      readonly replaced?: true;
    }
  | { readonly kind: 'bracket'; readonly bracket: string; readonly alternatives: readonly Alternative[] }
  /** A footnote reference of the base text, numbered in the compilation's order. */
  | { readonly kind: 'note'; readonly footnoteId: string; readonly number: number };

/** A proposal on the whole paragraph: its deletion or its move. */
export interface WholeMark {
  readonly proposal: string;
  readonly kind: 'delete paragraph' | 'move';
  readonly delegations: readonly string[];
  /** For a move: the label of the paragraph it goes after. */
  readonly to?: string;
}

export interface CompilationParagraph {
  /** The base key, or "new:pN" for a proposed new paragraph. */
  readonly key: ParagraphKey;
  readonly part: 'preamble' | 'operative' | 'annex';
  /** As delegates cite it: "PP3", "OP5", "OP5 bis", "OP3 (a) bis". */
  readonly label: string;
  /** 1 for a paragraph, 2 for a subparagraph … */
  readonly depth: number;
  readonly status: ParagraphStatus;
  readonly note?: string;
  readonly segments: readonly Segment[];
  readonly whole: readonly WholeMark[];
  /** For a proposed new paragraph: its proposal, delegations and state. */
  readonly proposed?: {
    readonly proposal: string;
    readonly delegations: readonly string[];
    readonly accepted: boolean;
  };
  /** Open proposals on it (its own, if new), for the margin and the "pending" view. */
  readonly open: readonly string[];
}

type Part = 'preamble' | 'operative' | 'annex';

export function holdersOf(p: Proposal): string[] {
  return [p.delegation, ...p.supporters];
}

/** "OP5" → "OP5 bis", the n-th paragraph inserted after it (1: bis, 2: ter …). */
export function insertedLabel(after: string, n: number): string {
  return `${after} ${INSERTION_SUFFIXES[n - 1] ?? `(${n})`}`;
}

/** The label a key is cited by: "OP5", "PP2", "OP3 (a)"; "OP0" before the first. */
function keyLabel(paragraphs: ReturnType<typeof baseParagraphs>, key: ParagraphKey): string {
  const known = paragraphs.byKey.get(key);
  if (known) return known.unit.label;
  const read = readKey(key);
  if (!read) return key;
  const parent = paragraphs.byKey.get(`${read.part}:${read.path.slice(0, -1).join('.')}`);
  const prefix = read.part === 'preamble' ? 'PP' : read.part === 'operative' ? 'OP' : 'annex ';
  return parent ? `${parent.unit.label} (0)` : `${prefix}0`;
}

/** The words a proposal puts in place of its range, for an alternative. */
function alternativeText(base: string, b: Bracket, p: Proposal): { text: string; action?: string } {
  if (p.kind === 'delete paragraph') return { text: '', action: 'delete the paragraph' };
  if (p.kind === 'move') return { text: '', action: 'move the paragraph' };
  if (!p.range) return { text: p.text };
  const slice = base.slice(b.range.start, b.range.end);
  return {
    text: applyToText(slice, [
      {
        start: p.range.start - b.range.start,
        end: p.range.end - b.range.start,
        text: p.kind === 'delete' ? '' : p.text,
      },
    ]),
  };
}

interface Interval {
  readonly start: number;
  readonly end: number;
  readonly render: (from: number) => Segment[];
}

/** A paragraph's footnote references, numbered as the compilation goes (`NoteCounter`). */
interface Notes {
  readonly refs: readonly { readonly at: number; readonly footnoteId: string }[];
  /** The references drawn already (one at the edge of two runs of text is drawn once). */
  readonly drawn: Set<number>;
  readonly next: () => number;
}

function notesOf(item: BaseParagraph, next: () => number): Notes {
  return { refs: referencePositions(item.unit.opener, item.unit.content), drawn: new Set(), next };
}

function plainSegments(text: string, from: number, to: number, opener: number): Segment[] {
  const out: Segment[] = [];
  if (from < opener) out.push({ kind: 'text', text: text.slice(from, Math.min(to, opener)), italic: true });
  if (to > opener) out.push({ kind: 'text', text: text.slice(Math.max(from, opener), to), italic: false });
  return out.filter((s) => s.kind !== 'text' || s.text !== '');
}

/** The base's own words from `from` to `to`, with the footnote references among them (one at `to` too, at the paragraph's end). */
function textSegments(text: string, from: number, to: number, opener: number, notes?: Notes): Segment[] {
  const out: Segment[] = [];
  let at = from;
  (notes?.refs ?? []).forEach((ref, k) => {
    if (!notes || ref.at < from || ref.at > to || notes.drawn.has(k)) return;
    notes.drawn.add(k);
    out.push(...plainSegments(text, at, ref.at, opener));
    out.push({ kind: 'note', footnoteId: ref.footnoteId, number: notes.next() });
    at = ref.at;
  });
  out.push(...plainSegments(text, at, to, opener));
  return out;
}

function paragraphSegments(
  item: BaseParagraph,
  notes: Notes,
  n: Negotiation,
  shown: (p: Proposal) => boolean,
  labelOf: (key: ParagraphKey) => string,
): { segments: Segment[]; whole: WholeMark[] } {
  const base = item.unit.text;
  const opener = item.unit.opener.length;
  const paragraphs = n.proposals.filter((p) => p.key === item.key && p.kind !== 'new paragraph');
  const brackets = n.brackets.filter(
    (b) => b.key === item.key && b.resolved === undefined && b.proposals.some((id) => shown(byId(n, id))),
  );
  const inBracket = new Set(brackets.flatMap((b) => b.proposals));
  const intervals: Interval[] = [];
  for (const p of paragraphs) {
    if (!p.range || !isTextKind(p.kind)) continue;
    const { start, end } = p.range;
    const italic = start < opener;
    if (p.state === 'accepted')
      intervals.push({
        start,
        end,
        render: () =>
          p.kind === 'delete' ? [] : spacedMark(base, start, end, { kind: 'text', text: p.text, italic }),
      });
    else if (p.state === 'open' && !inBracket.has(p.id) && shown(p)) {
      const delegations = holdersOf(p);
      intervals.push({
        start,
        end,
        render: (from) => [
          ...struck(base.slice(Math.max(from, start), end), italic, delegations, p.id, p.kind === 'replace'),
          ...(p.kind !== 'delete'
            ? spacedMark(base, start, end, {
                kind: 'insert',
                text: p.text,
                italic,
                delegations,
                proposal: p.id,
              })
            : []),
        ],
      });
    }
  }
  for (const b of brackets) {
    const alternatives: Alternative[] = [
      { label: 'Alt 1', text: base.slice(b.range.start, b.range.end), holders: b.originalHolders },
      ...b.proposals.flatMap((id, k): Alternative[] => {
        const p = byId(n, id);
        if (!p || p.state !== 'open') return [];
        return [
          { label: `Alt ${k + 2}`, ...alternativeText(base, b, p), holders: holdersOf(p), proposal: p.id },
        ];
      }),
    ];
    intervals.push({
      start: b.range.start,
      end: b.range.end,
      render: () => [{ kind: 'bracket', bracket: b.id, alternatives }],
    });
  }
  // In order of the base; at one place, an insertion before the words after it.
  intervals.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const segments: Segment[] = [];
  let cursor = 0;
  for (const iv of intervals) {
    if (iv.start > cursor) segments.push(...textSegments(base, cursor, iv.start, opener, notes));
    segments.push(...iv.render(Math.max(cursor, iv.start)));
    cursor = Math.max(cursor, iv.end);
  }
  if (cursor < base.length || notes.refs.some((r) => r.at === base.length))
    segments.push(...textSegments(base, cursor, base.length, opener, notes));
  const whole: WholeMark[] = [];
  for (const p of paragraphs)
    if (
      (p.kind === 'delete paragraph' || p.kind === 'move') &&
      p.state === 'open' &&
      !inBracket.has(p.id) &&
      shown(p)
    )
      whole.push({
        proposal: p.id,
        kind: p.kind,
        delegations: holdersOf(p),
        ...(p.to ? { to: labelOf(p.to) } : {}),
      });
  return { segments, whole };
}

/**
 * Inserted words with the spaces they need around them as text of their own, so the mark covers the
 * words only: "to report" + "annually" + "to the" reads "to report annually to the"; after struck
 * words, one space parts them from the words replacing them.
 */
function spacedMark(base: string, start: number, end: number, mark: Marked): Segment[] {
  if (end > start && mark.kind === 'insert') {
    // After the struck words: one space, then the words replacing them.
    const closing = /^[,;:.]/.test(mark.text);
    return [
      ...(closing ? [] : [{ kind: 'text' as const, text: ' ', italic: false }]),
      { ...mark, text: mark.text.trim() },
    ];
  }
  const spaced = spacedInsert(start > 0 ? base[start - 1] : undefined, mark.text, base[end]);
  if (mark.kind === 'text') return [{ ...mark, text: spaced }];
  return [
    ...(spaced.startsWith(' ') ? [{ kind: 'text' as const, text: ' ', italic: false }] : []),
    { ...mark, text: spaced.trim() },
    ...(spaced.endsWith(' ') ? [{ kind: 'text' as const, text: ' ', italic: false }] : []),
  ];
}

/** Struck words without the spaces at their edges, which stay plain text around the mark. */
function struck(
  text: string,
  italic: boolean,
  delegations: readonly string[],
  proposal: string,
  replaced = false,
): Segment[] {
  const words = text.trim();
  if (words === '') return [];
  const lead = text.slice(0, text.indexOf(words));
  const trail = text.slice(text.indexOf(words) + words.length);
  return [
    ...(lead ? [{ kind: 'text' as const, text: lead, italic: false }] : []),
    {
      kind: 'delete',
      text: words,
      italic,
      delegations,
      proposal,
      ...(replaced ? { replaced: true as const } : {}),
    },
    ...(trail ? [{ kind: 'text' as const, text: trail, italic: false }] : []),
  ];
}

type Marked = Extract<Segment, { kind: 'text' | 'insert' | 'delete' }>;

function byId(n: Negotiation, id: string): Proposal {
  const p = n.proposals.find((x) => x.id === id);
  if (!p) throw new Error(`no proposal ${id}`);
  return p;
}

/** The paragraphs of the compilation in reading order, for a view. */
export function compilation(
  doc: ResolutionDocument,
  n: Negotiation,
  view: CompilationView = { kind: 'compilation' },
): CompilationParagraph[] {
  if (view.kind === 'clean') return cleanParagraphs(doc, n);
  const shown = (p: Proposal): boolean =>
    view.kind !== 'delegation' || holdersOf(p).includes(view.delegation);
  const paragraphs = baseParagraphs(doc);
  let notes = 0;
  const nextNote = (): number => ++notes;
  const newAfter = new Map<string, Proposal[]>();
  for (const p of n.proposals)
    if (p.kind === 'new paragraph' && (p.state === 'accepted' || (p.state === 'open' && shown(p))))
      newAfter.set(p.key, [...(newAfter.get(p.key) ?? []), p]);
  const out: CompilationParagraph[] = [];
  const emitNew = (after: string, part: Part, depth: number): void => {
    (newAfter.get(after) ?? []).forEach((p, k) => {
      const key = `new:${p.id}`;
      const state = n.paragraphs[key];
      out.push({
        key,
        part,
        label: insertedLabel(keyLabel(paragraphs, after), k + 1),
        depth,
        status: state?.status ?? 'pending',
        ...(state?.note ? { note: state.note } : {}),
        segments: [{ kind: 'text', text: p.text, italic: false }],
        whole: [],
        proposed: { proposal: p.id, delegations: holdersOf(p), accepted: p.state === 'accepted' },
        open: p.state === 'open' ? [p.id] : [],
      });
    });
  };
  const partOf = (key: string): Part => key.split(':')[0] as Part;
  const parentOf = (key: string): string | undefined => {
    const read = readKey(key);
    return read && read.path.length > 1 ? `${read.part}:${read.path.slice(0, -1).join('.')}` : undefined;
  };
  const isLastChild = (key: string): boolean => {
    const parent = parentOf(key);
    const depth = readKey(key)?.path.length ?? 1;
    const siblings = paragraphs.list.filter(
      (x) => x.depth === depth && (parent ? x.key.startsWith(`${parent}.`) : partOf(x.key) === partOf(key)),
    );
    return siblings[siblings.length - 1]?.key === key;
  };
  let lastPart = '';
  paragraphs.list.forEach((item, at) => {
    const part = partOf(item.key);
    if (part !== lastPart) emitNew(`${part}:0`, part, 1);
    lastPart = part;
    const { segments, whole } = paragraphSegments(item, notesOf(item, nextNote), n, shown, (key) =>
      keyLabel(paragraphs, key),
    );
    const state = n.paragraphs[item.key];
    out.push({
      key: item.key,
      part,
      label: item.unit.label,
      depth: item.depth,
      status: statusOf(n, item.key),
      ...(state?.note ? { note: state.note } : {}),
      segments,
      whole,
      open: n.proposals
        .filter((p) => p.key === item.key && p.state === 'open' && p.kind !== 'new paragraph')
        .map((p) => p.id),
    });
    emitNew(`${item.key}.0`, part, item.depth + 1);
    // New paragraphs after a paragraph come after its subparagraphs: once the last of its tree is out.
    const next = paragraphs.list[at + 1];
    if (next && next.key.startsWith(`${item.key}.`)) return;
    let key: string | undefined = item.key;
    while (key) {
      emitNew(key, part, readKey(key)?.path.length ?? 1);
      if (!isLastChild(key)) break;
      key = parentOf(key);
    }
  });
  if (view.kind === 'pending')
    return out.filter((p) => p.open.length > 0 || (p.status !== 'agreed' && p.status !== 'deleted'));
  return out;
}

/** The clean text as compilation paragraphs: no marks, labels as they will be printed. */
function cleanParagraphs(doc: ResolutionDocument, n: Negotiation): CompilationParagraph[] {
  const clean = cleanText(doc, n).document;
  let notes = 0;
  const nextNote = (): number => ++notes;
  return baseParagraphs(clean).list.map((item) => ({
    key: item.key,
    part: item.key.split(':')[0] as 'preamble' | 'operative' | 'annex',
    label: item.unit.label,
    depth: item.depth,
    status: 'pending',
    segments: textSegments(
      item.unit.text,
      0,
      item.unit.text.length,
      item.unit.opener.length,
      notesOf(item, nextNote),
    ),
    whole: [],
    open: [],
  }));
}

/** The printed text of a compilation paragraph, as plain text: "[Alt 1: …]" brackets, "[EU]" after marks. */
export function plainCompilationText(p: CompilationParagraph): string {
  return p.segments
    .map((s) => {
      if (s.kind === 'text') return s.text;
      // Footnote markers are not words: the plain text leaves them out, as OutlineUnit.text does.
      if (s.kind === 'note') return '';
      if (s.kind === 'bracket')
        return `[${s.alternatives.map((a) => a.action ?? (a.text || '…')).join(' / ')}]`;
      if (s.kind === 'insert') return `${s.text} [${s.delegations.join('; ')}]`;
      return s.replaced ? `~~${s.text}~~` : `~~${s.text}~~ [${s.delegations.join('; ')}]`;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
