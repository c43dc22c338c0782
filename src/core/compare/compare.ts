/**
 * Compares two documents part by part (preamble, operative paragraphs with their subparagraphs, annex
 * items): `compareDocuments(base, draft)` → one `ParagraphChange` per paragraph (types.ts). A pure
 * function over the model: no DOM, no files; the command line, the compare view and the tests share it.
 *
 * Reading the result:
 * - positions, not labels, are compared, and only content aligns paragraphs (align.ts), so a paragraph
 *   renumbered because another was inserted before it is `unchanged`;
 * - `changed` covers words, the opener and footnotes; `opener` says whether a new verb softens or
 *   strengthens (verbScale.ts) and `footnotes` lists reference changes apart from the words;
 * - typography is no change (issue 12, item 6): non-breaking hyphens, no-break spaces, curly quotes,
 *   dashes and ligatures are read folded (model/typography.ts); a paragraph that differs only in them
 *   is `unchanged` with `typography: true` and counted in `summary.typography`, and the word diff of a
 *   changed paragraph shows only its real changes, in the draft's printed marks. `showTypography`
 *   reads texts as they are: those paragraphs are then `changed`, still marked `typography`;
 * - `moved` is a paragraph that changed place relative to the others, with its word diff if it was
 *   also edited;
 * - a split is reported once, on the base paragraph: type `changed` (or `moved`), `split.into` the
 *   draft positions it now spans, `words` against their joined text; a merge likewise with `merge.from`;
 * - subparagraphs are aligned inside their aligned paragraphs; one that went to another paragraph (or
 *   became a paragraph) is `moved` across levels.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { inlineText } from '../model/inline.ts';
import { alignUnits } from './align.ts';
import { compareFootnotes } from './footnotes.ts';
import { foldTypography, foldTypographyMapped, unfolded, type FoldedText } from '../model/typography.ts';
import { dice, MATCH_THRESHOLD, normalizeSpace, withoutPunctuation } from './similarity.ts';
import type {
  ChangeType,
  CompareOptions,
  CompareResult,
  CompareSummary,
  HeadingChange,
  ParagraphChange,
} from './types.ts';
import { COMPARE_PARTS } from './types.ts';
import type { Unit } from './units.ts';
import { documentUnits } from './units.ts';
import { classifyOpenerChange } from './verbScale.ts';
import { hasWordChanges, wholeText, wordDiff } from './words.ts';

/**
 * How the switches read text, decided once (jsdiff's `equals` / `comparator` hooks rather than flags
 * tested at each step): what makes two texts the same paragraph, how the word diff reads them, and the
 * same with typography folded, which tells a typography-only difference apart whatever is shown.
 */
interface Reading {
  /** Two texts with the same key are the same text: no word change. */
  readonly key: (text: string) => string;
  /** The key with typography folded: equal here but not under `key` is a typography-only difference. */
  readonly blindKey: (text: string) => string;
  /** How the word diff reads a text (model/typography.ts). */
  readonly fold: (text: string) => FoldedText;
  /** How footnote texts are read. */
  readonly footnoteFold: (text: string) => string;
  readonly ignorePunctuation: boolean;
  readonly ignoreFootnotes: boolean;
}

const asIs = (text: string): string => text;

function readingOf(options: CompareOptions): Reading {
  const show = options.showTypography === true;
  const ignorePunctuation = options.ignorePunctuation === true;
  const typography = show ? asIs : foldTypography;
  const punctuation = ignorePunctuation ? withoutPunctuation : asIs;
  return {
    key: (text) => punctuation(typography(text)),
    blindKey: (text) => punctuation(foldTypography(text)),
    fold: show ? unfolded : foldTypographyMapped,
    footnoteFold: typography,
    ignorePunctuation,
    ignoreFootnotes: options.ignoreFootnotes === true,
  };
}

/** A change under construction: the units behind it are kept for the cross-level move pass. */
interface Entry {
  change: ParagraphChange;
  baseUnit: Unit | null;
  draftUnit: Unit | null;
}

function baseSide(u: Unit): Pick<ParagraphChange, 'base' | 'basePath' | 'baseLabel' | 'baseText'> {
  return { base: u.path[0] ?? null, basePath: u.path, baseLabel: u.label, baseText: u.text };
}

function draftSide(u: Unit): Pick<ParagraphChange, 'draft' | 'draftPath' | 'draftLabel' | 'draftText'> {
  return { draft: u.path[0] ?? null, draftPath: u.path, draftLabel: u.label, draftText: u.text };
}

const NO_BASE = { base: null, basePath: null, baseLabel: null, baseText: null } as const;
const NO_DRAFT = { draft: null, draftPath: null, draftLabel: null, draftText: null } as const;

function lone(type: 'inserted' | 'deleted', u: Unit): Entry {
  const change: ParagraphChange =
    type === 'deleted'
      ? {
          type,
          part: u.part,
          level: u.path.length - 1,
          ...baseSide(u),
          ...NO_DRAFT,
          similarity: 0,
          words: wholeText('delete', u.text),
        }
      : {
          type,
          part: u.part,
          level: u.path.length - 1,
          ...NO_BASE,
          ...draftSide(u),
          similarity: 0,
          words: wholeText('insert', u.text),
        };
  return type === 'deleted'
    ? { change, baseUnit: u, draftUnit: null }
    : { change, baseUnit: null, draftUnit: u };
}

/** A unit and all its subparagraphs, inserted or deleted together. */
function loneTree(type: 'inserted' | 'deleted', u: Unit, out: Entry[]): void {
  out.push(lone(type, u));
  for (const c of u.children) loneTree(type, c, out);
}

/** Several units read as one (the pieces of a split, the sources of a merge). */
function joined(units: readonly Unit[]): { opener: string; text: string } {
  return { opener: units[0]?.opener ?? '', text: units.map((u) => u.text).join(' ') };
}

function pairEntry(
  b: Unit,
  d: Unit,
  similarity: number,
  moved: boolean,
  reading: Reading,
  splitInto: readonly Unit[] = [],
  mergeFrom: readonly Unit[] = [],
): Entry {
  const baseRead = mergeFrom.length > 1 ? joined(mergeFrom) : b;
  const draftRead = splitInto.length > 1 ? joined(splitInto) : d;
  const textEqual = reading.key(baseRead.text) === reading.key(draftRead.text);
  const words = textEqual
    ? wholeText('equal', draftRead.text)
    : wordDiff(baseRead, draftRead, { ignorePunctuation: reading.ignorePunctuation, fold: reading.fold });
  const baseNotes = mergeFrom.length > 1 ? mergeFrom.flatMap((u) => u.footnotes) : b.footnotes;
  const draftNotes = splitInto.length > 1 ? splitInto.flatMap((u) => u.footnotes) : d.footnotes;
  const footnotes = reading.ignoreFootnotes
    ? []
    : compareFootnotes(baseNotes, draftNotes, reading.footnoteFold);
  const openerChanged = !textEqual && baseRead.opener !== draftRead.opener;
  const reshaped = splitInto.length > 1 || mergeFrom.length > 1;
  const wordsChanged = hasWordChanges(words);
  // Typography alone: nothing differs with typography folded, something does to the letter.
  const typography =
    !reshaped &&
    reading.blindKey(baseRead.text) === reading.blindKey(draftRead.text) &&
    (reading.ignoreFootnotes || compareFootnotes(baseNotes, draftNotes).length === 0) &&
    (baseRead.text !== draftRead.text ||
      (!reading.ignoreFootnotes && compareFootnotes(baseNotes, draftNotes, asIs).length > 0));
  const type: ChangeType = moved
    ? 'moved'
    : wordsChanged || footnotes.length > 0 || reshaped
      ? 'changed'
      : 'unchanged';
  const change: ParagraphChange = {
    type,
    part: b.part,
    level: d.path.length - 1,
    ...baseSide(b),
    ...draftSide(d),
    similarity: Number((textEqual && !reshaped ? 1 : similarity).toFixed(3)),
    words,
    ...(openerChanged && reading.key(baseRead.opener) !== reading.key(draftRead.opener)
      ? { opener: classifyOpenerChange(baseRead.opener, draftRead.opener) }
      : {}),
    ...(footnotes.length ? { footnotes } : {}),
    ...(splitInto.length > 1
      ? {
          split: {
            into: splitInto.map((u) => u.path[u.path.length - 1] ?? 0),
            labels: splitInto.map((u) => u.label),
          },
        }
      : {}),
    ...(mergeFrom.length > 1
      ? {
          merge: {
            from: mergeFrom.map((u) => u.path[u.path.length - 1] ?? 0),
            labels: mergeFrom.map((u) => u.label),
          },
        }
      : {}),
    ...(typography ? { typography: true as const } : {}),
  };
  return { change, baseUnit: b, draftUnit: d };
}

/** Aligns two sibling lists and their subparagraphs, appending entries in reading order. */
function alignLevel(base: readonly Unit[], draft: readonly Unit[], reading: Reading, out: Entry[]): void {
  for (const op of alignUnits(base, draft)) {
    if (op.kind === 'deleted') {
      const u = base[op.base];
      if (u) loneTree('deleted', u, out);
      continue;
    }
    if (op.kind === 'inserted') {
      const u = draft[op.draft];
      if (u) loneTree('inserted', u, out);
      continue;
    }
    const b = base[op.base];
    const d = draft[op.draft];
    if (!b || !d) continue;
    const pieces = (op.splitInto ?? []).flatMap((k) => draft[k] ?? []);
    const sources = (op.mergeFrom ?? []).flatMap((k) => base[k] ?? []);
    out.push(pairEntry(b, d, op.similarity, op.moved, reading, pieces, sources));
    // The subparagraphs of every piece of a split (or source of a merge) align as one list.
    const baseChildren = sources.length > 1 ? sources.flatMap((u) => u.children) : b.children;
    const draftChildren = pieces.length > 1 ? pieces.flatMap((u) => u.children) : d.children;
    alignLevel(baseChildren, draftChildren, reading, out);
  }
}

/**
 * Deleted and inserted units left over anywhere in the part that match (a subparagraph taken to another
 * paragraph, or promoted to a paragraph): one `moved` entry at the draft's place.
 */
function crossLevelMoves(entries: Entry[], reading: Reading): Entry[] {
  const deleted = entries.filter((e) => e.change.type === 'deleted' && e.baseUnit);
  const inserted = entries.filter((e) => e.change.type === 'inserted' && e.draftUnit);
  if (!deleted.length || !inserted.length) return entries;
  const options_: { del: Entry; ins: Entry; s: number }[] = [];
  for (const del of deleted)
    for (const ins of inserted) {
      const s = dice(del.baseUnit?.shingles ?? new Set(), ins.draftUnit?.shingles ?? new Set());
      if (s >= MATCH_THRESHOLD) options_.push({ del, ins, s });
    }
  options_.sort((x, y) => y.s - x.s);
  const gone = new Set<Entry>();
  const replaced = new Map<Entry, Entry>();
  for (const o of options_) {
    if (gone.has(o.del) || replaced.has(o.ins) || !o.del.baseUnit || !o.ins.draftUnit) continue;
    gone.add(o.del);
    replaced.set(o.ins, pairEntry(o.del.baseUnit, o.ins.draftUnit, o.s, true, reading));
  }
  return entries.filter((e) => !gone.has(e)).map((e) => replaced.get(e) ?? e);
}

/** A heading that differs (undefined when equal), and whether it differs only in typography. */
function heading(
  base: string,
  draft: string,
  reading: Reading,
): { readonly change?: HeadingChange; readonly typography: boolean } {
  const b = normalizeSpace(base);
  const d = normalizeSpace(draft);
  const typography = b !== d && reading.blindKey(b) === reading.blindKey(d);
  if (reading.key(b) === reading.key(d)) return { typography };
  const words = wordDiff({ opener: '', text: b }, { opener: '', text: d }, reading);
  return {
    change: { base: b, draft: d, words, ...(typography ? { typography: true as const } : {}) },
    typography,
  };
}

function summarize(changes: readonly ParagraphChange[], typographyHeadings: number): CompareSummary {
  const count = (type: ChangeType): number => changes.filter((c) => c.type === type).length;
  return {
    unchanged: count('unchanged'),
    changed: count('changed'),
    inserted: count('inserted'),
    deleted: count('deleted'),
    moved: count('moved'),
    strengthening: changes.filter((c) => c.opener?.shift === 'strengthening').length,
    softening: changes.filter((c) => c.opener?.shift === 'softening').length,
    footnotes: changes.filter((c) => c.footnotes?.length).length,
    typography: changes.filter((c) => c.typography).length + typographyHeadings,
  };
}

export function compareDocuments(
  base: ResolutionDocument,
  draft: ResolutionDocument,
  options: CompareOptions = {},
): CompareResult {
  const reading = readingOf(options);
  const b = documentUnits(base);
  const d = documentUnits(draft);
  const changes: ParagraphChange[] = [];
  for (const part of COMPARE_PARTS) {
    const entries: Entry[] = [];
    alignLevel(b[part], d[part], reading, entries);
    for (const e of crossLevelMoves(entries, reading)) changes.push(e.change);
  }
  const title = heading(base.title, draft.title, reading);
  const annexTitle = heading(base.annex?.title ?? '', draft.annex?.title ?? '', reading);
  const annexIntro = heading(
    inlineText(base.annex?.intro ?? []),
    inlineText(draft.annex?.intro ?? []),
    reading,
  );
  const headings = [title, annexTitle, annexIntro];
  return {
    changes,
    summary: summarize(changes, headings.filter((h) => h.typography).length),
    ...(title.change ? { title: title.change } : {}),
    ...(annexTitle.change ? { annexTitle: annexTitle.change } : {}),
    ...(annexIntro.change ? { annexIntro: annexIntro.change } : {}),
  };
}
