/**
 * Reads a printed UN document — the lines of a PDF, or text copied from one (what a PDF viewer copies,
 * or what `pdftotext` gives) — into resolutions and decisions, through the one recognizer
 * (recognize.ts, `recognizeParagraphs`).
 *
 * A printed page carries more than the text: the symbol as a running head, the job number, the
 * barcode, the page number, the title repeated as a running title, and the footnotes at its foot after
 * a rule of underscores, their numbers sometimes printed apart from their texts. Paragraphs wrap at
 * line ends with no blank line between them, and footnote markers come out as plain digits
 * ("INTERPOL 1 and", "thereto,1 as") unless the source knows they are raised. This reader takes the
 * furniture off, reads the headers into metadata, puts footnotes and their markers together, and
 * finds where each paragraph starts: a number, a label, an opener after a line that ends a paragraph,
 * an italic start or an indent where the source knows them.
 */
import type { DocumentKind, Metadata, ResolutionDocument } from '../model/types.ts';
import { foldTypography } from '../model/typography.ts';
import { splitSponsors } from '../corpus/report.ts';
import { isoFromPrintedDate } from '../references/dates.ts';
import type { SourceLine } from '../import/source-lines.ts';
import { linesFromText } from '../import/source-lines.ts';
import { DISTRIBUTION, ORIGINAL } from '../import/masthead.ts';
import type { Diagnostic } from './diagnostics.ts';
import { LITERAL_ASTERISK, sentinel } from './markers.ts';
import { breaksAtCompound } from './lines.ts';
import { startsWithOpener } from './opener-start.ts';
import {
  recognize,
  recognizeParagraphs,
  type ParagraphFootnote,
  type RecognizeResult,
  type SectionHeading,
} from './recognize.ts';

// --- Page furniture ---------------------------------------------------------------------------

/** A document symbol standing alone: "A/RES/79/188", "A/C.3/80/L.4", "A/80/L.17/Rev.1", "A/RES/79/188*". */
export const SYMBOL_LINE = /^[A-Z][A-Z0-9.]*(?:\/[A-Za-z0-9.]*[A-Za-z0-9])+\*?$/;
/** The job number: "24-23454 (E)", "24-23454", "25-12345 (E)    101025    111025". */
const JOB_NUMBER = /^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}\s*$/;
/** The date code printed beside the job number on the first page: "271023". */
const JOB_DATE = /^\d{6}$/;
/** The barcode under the job number: "*2423454*". */
const BARCODE = /^\*\d{7,8}\*$/;
/** The page number: "2/5". */
const PAGE_NUMBER = /^\d{1,3}\/\d{1,3}$/;
const RULE = /^\s*_{5,}\s*$/;
/** "Please recycle" and similar marks printed beside the barcode. */
const RECYCLE = /^Please recycle\s*$/i;

function isPatternFurniture(text: string): boolean {
  const t = text.trim();
  return (
    JOB_NUMBER.test(t) ||
    JOB_DATE.test(t) ||
    BARCODE.test(t) ||
    PAGE_NUMBER.test(t) ||
    SYMBOL_LINE.test(t) ||
    RECYCLE.test(t)
  );
}

/** Text as compared for furniture: typography folded as for matching (model/typography.ts), case aside. */
function fold(text: string): string {
  return foldTypography(text).replace(/\s+/g, ' ').trim().toLowerCase();
}

// --- Headers ------------------------------------------------------------------------------------

const SESSION =
  /^(?:[A-Z][a-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th))\s+(?:(?:special|emergency special|resumed)\s+)?session$/i;
const AGENDA = /^Agenda\s+items?\s+(\S.*)$/i;
const ADOPTED =
  /^(Resolution|Decision)s?\s+adopted\s+by\s+the\s+(General Assembly|[A-Z][\w ]+?)(?:\s+on\s+(.*))?$/;
const NUMBER_LINE = /^(\d{1,3}\/\d{1,4}(?:\s?[A-Z])?)\.(?:\s+(\S.*))?$/;
const DRAFT_LINE = /^(?:(.*?):\s*)?((?:revised\s+)?draft\s+(resolution|decision))\s*(\S.*)?$/i;
const ORGAN_LINE = /^(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)$/;
/** The sentence of an Assembly decision: "At its 90th plenary meeting, on 21 May 2024, the General Assembly ...". */
const DECISION_START = /^At its \d+(?:st|nd|rd|th)\b/;
const MEETING = /^(\d+)(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting$/i;

/**
 * The line that closes an adopted text, "53rd plenary meeting", and the date under it: the last such
 * line (an annex may follow it). `lines` is how many lines the two take.
 */
export function closingMeeting(
  texts: readonly string[],
): { at: number; lines: number; meeting: number; date?: string } | undefined {
  for (let at = texts.length - 1; at >= 0; at--) {
    const m = MEETING.exec((texts[at] ?? '').trim());
    if (!m) continue;
    const date = isoFromPrintedDate((texts[at + 1] ?? '').trim());
    return { at, lines: date ? 2 : 1, meeting: Number(m[1]), ...(date ? { date } : {}) };
  }
  return undefined;
}
const FORMULA_LINE =
  /^The\s+(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)$|^The\s+(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Conference of the Parties|Commission|Council|Assembly|[A-Z][\w-]*(?:\s+[\w-]+){0,12}?)(?:,|:|\s+(?:decided|decides|approved|adopted|recommended|took|requested)\b.*)\s*$/;

// --- Paragraph starts -----------------------------------------------------------------------------

const NUMBERED = /^(\d{1,3}(?:\s+(?:bis|ter|quater|quinquies))?)\.(?:\s+(\S.*))?$/;
const LETTERED = /^\(([a-z]{1,5})\)(?:\s+(\S.*))?$/;
const ROMAN_SECTION = /^([IVXL]{1,6})\.?(?:\s+([A-Z].*))?$/;
const ANNEX = /^Annex(?:\s+[IVX]+)?\.?$/i;
const SUPER_MARKER = /\uE000\d+\uE001/g;

/** Whether a line's text ends a paragraph's sentence part (markers and trailing spaces aside). */
function endsPart(text: string): boolean {
  const t = text
    .replace(SUPER_MARKER, '')
    .replace(/\s+\d{1,3}$/, '')
    .trimEnd();
  return /[,;:.!?]$|[,;:.]["”’)]$|[”)]$/.test(t) || /(?:;|,)\s+(?:and|or)$/.test(t) || /;\s*and\/or$/.test(t);
}

const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50 };
function romanValue(s: string): number {
  let total = 0;
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const v = ROMAN_VALUES[lower[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[lower[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
function isRoman(label: string): boolean {
  return /^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3}|xix|xx)$/.test(label);
}

// --- Working types ----------------------------------------------------------------------------------

interface Line {
  /** Index in the input, 0-based. */
  readonly at: number;
  readonly page: number;
  text: string;
  readonly gapBefore: number;
  /** Furniture or a page break was taken out just before this line. */
  afterBreak: boolean;
  /** The italic text the line starts with, when the source says. */
  readonly italicStart?: string;
  readonly indent?: number;
  readonly centred?: boolean;
}

interface FootnoteRead {
  readonly number: number;
  readonly text: string;
  readonly page: number;
  readonly at: number;
}

export interface PrintedOptions {
  /** The file's name, for messages. */
  readonly name?: string;
  /**
   * The text is a stretch of a printed document, not the whole (a few paragraphs copied out of a
   * PDF): its title, which the running title repeats, is not in it, so the running title is known by
   * where it stands instead (see `runningTitleBlocks`).
   */
  readonly fragment?: boolean;
}

/**
 * Spaces a text extraction puts around hyphens where the PDF has none: "Secretary -General",
 * "capacity -building" (a space before a hyphen inside a word), "age - and gender-sensitive" (a
 * suspended hyphen before "and"/"or").
 */
function repairSpacing(text: string): string {
  return text.replace(/([A-Za-z]) -(?=[A-Za-z])/g, '$1-').replace(/([A-Za-z]) - (?=(?:and|or) )/g, '$1- ');
}

/** Text of a source line with raised digits as sentinels and literal asterisks protected. */
function lineText(line: SourceLine): { text: string; italicStart?: string; raised: boolean } {
  if (!line.spans || line.spans.length === 0)
    return { text: repairSpacing(line.text).replace(/\*/g, LITERAL_ASTERISK), raised: false };
  let text = '';
  let raised = false;
  let italicStart: string | undefined;
  let stillItalic = true;
  for (const span of line.spans) {
    const s = span.text.replace(/\*/g, LITERAL_ASTERISK);
    if (span.superscript && /^\s*\d{1,3}\s*$/.test(s)) {
      text += sentinel(Number(s.trim()));
      raised = true;
      stillItalic = false;
      continue;
    }
    // The italic run that opens the line, after a label printed in roman ("10.", "(a)").
    const label = italicStart === undefined && /^\s*(?:\d{1,3}\.|\([a-z]{1,5}\))?\s*$/.test(text + s);
    if (stillItalic && span.italic && s.trim() !== '') italicStart = `${italicStart ?? ''}${s}`;
    else if (stillItalic && s.trim() === '') {
      if (italicStart !== undefined) italicStart += s;
    } else if (!label) stillItalic = false;
    text += s;
  }
  const opening = italicStart?.trim();
  return { text, ...(opening ? { italicStart: opening } : {}), raised };
}

// --- Footnotes at the foot of the page ----------------------------------------------------------------

/** Bound on the work of splitting one footnote area (numbers × lines²): a printed page is far below it. */
const AREA_WORK_LIMIT = 5_000_000;

/**
 * Splits the text lines of one page's footnote area among the footnote numbers printed there. The
 * texts run in order; a number printed just before a line says that footnote starts there. Else a
 * footnote starts after a line that ends a sentence, best after a short one.
 */
function splitFootnoteArea(
  entries: readonly ({ kind: 'number'; n: number } | { kind: 'text'; text: string; at: number })[],
  page: number,
): FootnoteRead[] {
  const numbers = [...new Set(entries.flatMap((e) => (e.kind === 'number' ? [e.n] : [])))].sort(
    (a, b) => a - b,
  );
  const texts: { text: string; at: number; hint?: number }[] = [];
  let pending: number | undefined;
  for (const e of entries) {
    if (e.kind === 'number') pending = e.n;
    else {
      texts.push({ text: e.text, at: e.at, ...(pending === undefined ? {} : { hint: pending }) });
      pending = undefined;
    }
  }
  if (numbers.length === 0 || texts.length === 0) return [];
  const k = numbers.length;
  const n = texts.length;
  if (k > n) {
    // More numbers than lines: one line each, the rest empty (reported by the caller as missing).
    return texts.map((t, i) => ({ number: numbers[i] ?? 0, text: t.text, page, at: t.at }));
  }
  if (k * n * n > AREA_WORK_LIMIT) {
    // No page's notes come near this (a pasted text with no page breaks, or hostile input): each
    // note starts where its number was printed, or else at the next line, in order.
    let from = 0;
    return numbers.map((number, j) => {
      const hinted = texts.findIndex((t, i) => i >= from && t.hint === number);
      const lo = hinted >= 0 ? hinted : Math.min(from, n - 1);
      const next = numbers[j + 1];
      const nextAt = next === undefined ? -1 : texts.findIndex((t, i) => i > lo && t.hint === next);
      const hi = j + 1 === k ? n : nextAt > lo ? nextAt : lo + 1;
      from = hi;
      const text = texts
        .slice(lo, hi)
        .map((t) => t.text.trim())
        .join(' ');
      return { number, text: joinWrapped(text), page, at: texts[lo]?.at ?? 0 };
    });
  }
  const width = Math.max(...texts.map((t) => t.text.length));
  /** Cost of footnote j (index in numbers) starting at line i. */
  const startCost = (j: number, i: number): number => {
    const t = texts[i];
    if (!t) return 1e9;
    let cost = 0;
    if (t.hint !== undefined) cost += t.hint === numbers[j] ? -5 : 20;
    if (i === 0) return cost;
    const prev = texts[i - 1]?.text ?? '';
    const sentenceEnd = /[.;)\]]["”]?$/.test(prev.trim());
    const capital = /^["“(]?[A-Z0-9]/.test(t.text.trim());
    if (!sentenceEnd) cost += 30;
    if (!capital) cost += 10;
    if (prev.length > width * 0.85) cost += 4;
    return cost;
  };
  // dp[j][i]: best cost with footnote j starting at line i.
  const dp: number[][] = Array.from({ length: k }, () => new Array<number>(n).fill(Infinity));
  const from: number[][] = Array.from({ length: k }, () => new Array<number>(n).fill(-1));
  (dp[0] as number[])[0] = startCost(0, 0);
  for (let j = 1; j < k; j++)
    for (let i = j; i <= n - (k - j); i++) {
      const c = startCost(j, i);
      for (let p = j - 1; p < i; p++) {
        const v = (dp[j - 1]?.[p] ?? Infinity) + c;
        if (v < (dp[j]?.[i] ?? Infinity)) {
          (dp[j] as number[])[i] = v;
          (from[j] as number[])[i] = p;
        }
      }
    }
  const starts: number[] = new Array<number>(k).fill(0);
  let best = Infinity;
  let at = k - 1;
  for (let i = k - 1; i < n; i++)
    if ((dp[k - 1]?.[i] ?? Infinity) < best) {
      best = dp[k - 1]?.[i] ?? Infinity;
      at = i;
    }
  for (let j = k - 1; j >= 0; j--) {
    starts[j] = at;
    at = from[j]?.[at] ?? 0;
  }
  return numbers.map((number, j) => {
    const lo = starts[j] ?? 0;
    const hi = j + 1 < k ? (starts[j + 1] ?? n) : n;
    const text = texts
      .slice(lo, hi)
      .map((t) => t.text.trim())
      .join(' ');
    return { number, text: joinWrapped(text), page, at: texts[lo]?.at ?? 0 };
  });
}

/** Joins words a line end split at a hyphen that is part of the word ("capacity- building" → "capacity-building"). */
function joinWrapped(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// --- Markers as plain digits ---------------------------------------------------------------------------

/** Words after which a number is the text's, not a footnote marker. */
const NUMBER_TAKERS =
  /(?:\b(?:resolutions?|decisions?|paragraphs?|paras?\.|Goals?|targets?|articles?|arts?\.|vol\.|No\.|Nos\.|chap\.|chaps\.|sect\.|annex|annexes|rules?|principles?|recommendations?|items?|page|pages|p\.|pp\.|Rev\.|Add\.|Corr\.|Protocol|Convention|Article|Part|Chapter|Section|Principle|Rule|Recommendation|Goal|Target|Indicator|Decision|Resolution|Agenda|and|to|or|of|from|between|than|over|under|least|about|some|by|in|on|at|the|a|its|their|for|with|per|No|Supplement|session|sessions|level|levels|Council|Committee|Assembly|Summit|Day|Year|Decade|COP|CMP|CMA)|[–—-]|\d[.,]|\/|\$|€|£|§)\s*$/;
/** What may follow a footnote marker: a space, punctuation, the end. */
const AFTER_MARKER = /^(?:$|[\s,;:.)\]])/;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Words after a number that make it a date, a quantity or an ordinal, not a footnote's marker. */
const NUMBER_UNITS = new RegExp(
  `^\\s*(?:${MONTHS}|per\\b|%|million|billion|trillion|years?|months?|weeks?|days?|hours?|countries|States|Member|members|times|(?:st|nd|rd|th)\\b)`,
);

/** A month before a number: a date's day. */
const AFTER_MONTH = new RegExp(`(?:${MONTHS})\\s*$`);

interface Position {
  line: number;
  offset: number;
}

/**
 * Finds the plain-digit marker of footnote `n` on its page, after `after`. A marker follows
 * punctuation or a word and is followed by a space, punctuation or the line's end; a number that a
 * word such as "resolution", "paragraph" or "Goal" takes, a date or a quantity is not one.
 */
function findPlainMarker(
  lines: readonly Line[],
  n: number,
  pageLines: readonly number[],
  after: Position,
): Position | undefined {
  const digits = String(n);
  const re = new RegExp(`(?<![\\d/\\-–])(?<!\\d[.,])${digits}(?![\\d/]|[.,]\\d)`, 'g');
  let fallback: Position | undefined;
  for (const li of pageLines) {
    if (li < after.line) continue;
    const line = lines[li];
    if (!line) continue;
    const text = line.text;
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (li === after.line && start < after.offset) continue;
      const end = start + digits.length;
      const before = text.slice(0, start);
      const rest = text.slice(end);
      if (!AFTER_MARKER.test(rest)) continue;
      if (NUMBER_UNITS.test(rest)) continue;
      // At the start of a line: only after a line ending with punctuation (the marker wrapped).
      if (before.trim() === '') {
        if (rest.trim() === '') continue; // a number alone on its line is a paragraph's, not a marker
        const prev = lines[li - 1]?.text ?? '';
        if (li > 0 && /[,;:.”)]$/.test(prev.trimEnd()) && /^\s*$|^\s+[a-z]/.test(rest))
          return { line: li, offset: start };
        continue;
      }
      if (inNumberList(before, `${rest} ${lines[li + 1]?.text ?? ''}`)) continue;
      const glued = !/\s$/.test(before);
      const afterPunct = /[,;:.”")\]]\s?$/.test(before);
      if (NUMBER_TAKERS.test(before) && !afterPunct) continue;
      // "1 000": a space separates thousands.
      if (digits.length === 3 && /(?:^|\s)\d{1,3}\s$/.test(before)) continue;
      if (afterPunct) return { line: li, offset: start };
      if (glued && /[A-Za-z]$/.test(before)) return { line: li, offset: start };
      // "Child 4 and all other": a word, the number, then a lower-case word or the end.
      if (/^\s+[a-z]|^\s*$|^[,;:.]/.test(rest)) {
        if (!fallback) fallback = { line: li, offset: start };
        return fallback;
      }
    }
  }
  return fallback;
}

/**
 * Whether a number, with `before` and `rest` the text either side of it (and the next line's), is one
 * of a list of numbers ("articles 6, 14 and 15", "12, 13 and 14"): a number before it and another
 * after. "Agenda 21, 2 the Programme" and "resolutions 70/1 3 and 71/243" have a marker there.
 */
function inNumberList(before: string, rest: string): boolean {
  return /(?<![\d/.])\d{1,3}[,;]?\s*$/.test(before) && /^\s*(?:,|and|or|to)\s*\d/.test(rest);
}

/** Words that cite what follows them by its number ("Goal 6:", "article 5", "paragraph 3 of"). */
const CITES_NUMBER =
  /\b(?:Goals?|targets?|Targets?|indicators?|Indicators?|articles?|Articles?|paragraphs?|paras?\.|chapters?|Chapters?|chaps?\.|sections?|Sections?|sect\.|annex|annexes|principles?|Principles?|rules?|Rules?|recommendations?|Recommendations?|items?|No\.|Nos\.|vol\.|pages?|pp?\.|Part|Phase|phase|levels?|Decade|Year|Day|COP|CMP|CMA|Supplement|Rev\.|Add\.|Corr\.)\s*$/;

/**
 * The marker of footnote `n` where `findPlainMarker` found none, because a word that usually takes a
 * number stands before it ("the relevant review resolutions 3 and", "the New Urban Agenda 12 and")
 * or a bracket follows it ("in Africa 24 (the Rio conventions)"). Markers run in the order of their
 * notes, so the marker lies between the markers of the notes before and after it (`after`,
 * `before`) on its page. The digits standing alone there are taken only when they are the one such
 * number in that stretch and not a date, a quantity, one of a list of numbers or a number a word
 * cites ("Goal 6:", "article 5"): a number of the text is never taken for a marker on a guess.
 */
function findBracketedMarker(
  lines: readonly Line[],
  n: number,
  pageLines: readonly number[],
  after: Position,
  before: Position | undefined,
): Position | undefined {
  const digits = String(n);
  const re = new RegExp(`(?<![\\d/\\-–.,])${digits}(?![\\d/]|[.,]\\d)`, 'g');
  let only: Position | undefined;
  for (const li of pageLines) {
    if (li < after.line) continue;
    if (before !== undefined && li > before.line) break;
    const text = lines[li]?.text ?? '';
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (li === after.line && start < after.offset) continue;
      if (before !== undefined && li === before.line && start >= before.offset) break;
      // Markers already placed are not text: "12,<13> and 14" is still a list.
      const prefix = text.slice(0, start).replace(/\uE000\d+\uE001/g, '');
      const rest = text.slice(start + digits.length);
      // After a space or punctuation, before a space, a bracket, punctuation or the line's end.
      if (prefix !== '' && !/[\s,;:.”")\]]$/.test(prefix)) continue;
      if (!/^(?:$|[\s,;:.)(\]])/.test(rest)) continue;
      // At a line's start only before the sentence goes on: "3." alone is a paragraph's number.
      if (prefix.trim() === '' && !/^\s+[a-z(]/.test(rest)) continue;
      if (NUMBER_UNITS.test(rest) || CITES_NUMBER.test(prefix)) continue;
      // One of a list or range of numbers: "articles 12, 13 and 14", "items 1 to 4", "18 to 19 May".
      if (/\d[,;]?\s*(?:(?:and|or|to)\s+)?$/.test(prefix)) continue;
      if (/^\s*(?:,|and|or|to|[–-])\s*\d/.test(`${rest} ${lines[li + 1]?.text ?? ''}`)) continue;
      if (AFTER_MONTH.test(prefix)) continue;
      if (only !== undefined) return undefined;
      only = { line: li, offset: start };
    }
  }
  return only;
}

function insertMarker(line: Line, offset: number, n: number): void {
  const digits = String(n);
  const before = line.text.slice(0, offset).replace(/\s+$/, '');
  const after = line.text.slice(offset + digits.length);
  line.text = `${before}${sentinel(n)}${after}`;
}

// --- The reader ------------------------------------------------------------------------------------------

interface Header {
  metadata: { -readonly [K in keyof Metadata]: Metadata[K] };
  number?: string;
  title: string;
  kind?: DocumentKind;
}

/** Reads a printed document's lines. */
export function readPrinted(source: readonly SourceLine[], options: PrintedOptions = {}): RecognizeResult {
  const diagnostics: Diagnostic[] = [];
  const name = options.name ?? 'the document';

  // 1. Lines, furniture taken off by its pattern, footnote areas set apart by page.
  const pages = new Map<number, number[]>();
  source.forEach((l, at) => {
    const list = pages.get(l.page) ?? [];
    list.push(at);
    pages.set(l.page, list);
  });
  const body: Line[] = [];
  type AreaEntry =
    | { kind: 'number'; n: number }
    | { kind: 'text'; text: string; at: number }
    | { kind: 'lead'; n: number; text: string; whole: string; at: number };
  const footnoteEntries = new Map<number, AreaEntry[]>();
  const raisedPages = new Set<number>();
  let lastPage = 0;
  const firstPage = Math.min(...pages.keys());
  const pageCount = Math.max(...pages.keys());
  let symbol: string | undefined;
  /** Where in `body` each symbol printed as a running head stood, and on which page. */
  const symbolsAt: { at: number; page: number }[] = [];
  const mastheadNotes: string[] = [];
  let removed = true;
  // The body's type size: the size most lines are set in (PDF only).
  const sizes = new Map<number, number>();
  for (const l of source)
    if (l.fontSize !== undefined)
      sizes.set(Math.round(l.fontSize * 2) / 2, (sizes.get(Math.round(l.fontSize * 2) / 2) ?? 0) + 1);
  const bodySize = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const [page, indices] of [...pages].sort((a, b) => a[0] - b[0])) {
    let inNotes = false;
    for (const [position, at] of indices.entries()) {
      const src = source[at];
      if (!src) continue;
      const trimmed = src.text.trim();
      if (trimmed === '') continue;
      // The page's own number alone ("7", "- 7 -") among its first or last lines.
      const edge = position < 3 || position >= indices.length - 3;
      if (edge && !inNotes && new RegExp(`^(?:-\\s*)?${page}(?:\\s*-)?$`).test(trimmed)) {
        removed = true;
        continue;
      }
      if (isPatternFurniture(trimmed)) {
        // The symbol at the top of the first page is the document's.
        if (page === firstPage && symbol === undefined && SYMBOL_LINE.test(trimmed)) symbol = trimmed;
        if (SYMBOL_LINE.test(trimmed)) symbolsAt.push({ at: body.length, page });
        removed = true;
        continue;
      }
      if (RULE.test(trimmed)) {
        inNotes = true;
        continue;
      }
      // Where the rule is drawn, not typed (a PDF from Word or LibreOffice): the notes start at the
      // first line that opens with a raised number in a smaller type than the body's.
      const lead = src.spans?.[0];
      if (
        !inNotes &&
        lead?.superscript &&
        /^\s*\d{1,3}\s*$/.test(lead.text) &&
        src.fontSize !== undefined &&
        bodySize !== undefined &&
        src.fontSize < bodySize - 0.5
      )
        inNotes = true;
      const line = lineText(src);
      // The page number run onto the page's last line of text ("... and capacity 8/9").
      const pageMark = / (\d{1,3})\/(\d{1,3})$/.exec(line.text);
      if (pageMark && Number(pageMark[1]) === page && Number(pageMark[2]) === pageCount)
        line.text = line.text.slice(0, pageMark.index);
      // The rule run onto the page's last line of text ("cross__________________").
      const ruleAtEnd = !inNotes && /\S_{5,}\s*$/.test(line.text);
      const { italicStart, raised } = line;
      const text = ruleAtEnd ? line.text.replace(/_{5,}\s*$/, '') : line.text;
      if (raised) raisedPages.add(page);
      if (inNotes && /^\*+\s*\S/.test(trimmed)) {
        // An asterisk note at the foot of the first page: "* Reissued for technical reasons ...".
        mastheadNotes.push(trimmed.replace(/^\*+\s*/, ''));
        continue;
      }
      if (inNotes) {
        const entries = footnoteEntries.get(page) ?? [];
        const alone = /^(\d{1,3})$/.exec(trimmed);
        const lead = /^(\d{1,3})\s+(\S.*)$/.exec(text.trim());
        const raisedLead = /^\uE000(\d+)\uE001\s*(\S.*)$/.exec(text.trim());
        if (alone) entries.push({ kind: 'number', n: Number(alone[1]) });
        else if (raisedLead) {
          entries.push({ kind: 'number', n: Number(raisedLead[1]) });
          entries.push({ kind: 'text', text: raisedLead[2] ?? '', at });
        } else if (
          lead &&
          !/^\d{1,3}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(
            text.trim(),
          )
        ) {
          // "28 and 29 June 2012, ..." may be a note's number and text, or the text going on.
          entries.push({ kind: 'lead', n: Number(lead[1]), text: lead[2] ?? '', whole: text.trim(), at });
        } else entries.push({ kind: 'text', text: text.trim(), at });
        footnoteEntries.set(page, entries);
        continue;
      }
      body.push({
        at,
        page,
        text: text.trim(),
        gapBefore: src.gapBefore,
        afterBreak: removed || page !== lastPage,
        ...(italicStart ? { italicStart } : {}),
        ...(src.indent === undefined ? {} : { indent: src.indent }),
        ...(src.centred ? { centred: true } : {}),
      });
      removed = false;
      lastPage = page;
      if (ruleAtEnd) inNotes = true;
    }
  }

  if (options.fragment) {
    // The line after a running title goes on from the page before, as after any furniture.
    const running = runningTitleBlocks(body, symbolsAt);
    const kept = body.filter((l, k) => {
      if (running.has(k - 1) && !running.has(k)) l.afterBreak = true;
      return !running.has(k);
    });
    body.splice(0, body.length, ...kept);
  }

  // 2. The header, up to the enacting formula.
  const formulaAt = body.findIndex((l) => FORMULA_LINE.test(l.text));
  const header = readHeader(body, formulaAt, diagnostics, name);
  if (symbol !== undefined) header.metadata.symbol ??= symbol.replace(/\*+$/, '');
  if (mastheadNotes.length) header.metadata.notes = [...(header.metadata.notes ?? []), ...mastheadNotes];

  // 3. Running titles: the title (or its start) repeated at the top of later pages.
  const titleFolded = fold(header.title);
  const bodyStart = formulaAt >= 0 ? formulaAt + 1 : header.consumed;
  const kept: Line[] = [];
  let dropped = false;
  for (let i = bodyStart; i < body.length; i++) {
    const l = body[i];
    if (!l) continue;
    const top = l.page > 1 && titleFolded.length > 0 && isPageTop(body, i);
    const f = top ? fold(l.text.replace(/\uE000\d+\uE001/g, '')) : '';
    if (top && f.length >= 3 && titleFolded.includes(f)) {
      dropped = true;
      continue;
    }
    if (dropped) l.afterBreak = true;
    dropped = false;
    kept.push(l);
  }

  // 4. Footnotes: each page's area split among its numbers.
  const footnotes: FootnoteRead[] = [];
  let highest = 0;
  for (const [page, entries] of [...footnoteEntries].sort((a, b) => a[0] - b[0])) {
    // Footnotes run on from page to page: a lone number no higher than an earlier page's last note
    // is the page's number printed under the notes ("3" at the foot of page 3), not a note's.
    // A number leading a line is a note's only where the page's notes run: above the last page's,
    // and next to the numbers printed alone, or in sequence when there are none.
    const strong = entries.flatMap((e) => (e.kind === 'number' && e.n > highest ? [e.n] : []));
    const leads = entries.filter((e) => e.kind === 'lead').length;
    const lo = strong.length ? Math.min(...strong) - leads : highest + 1;
    const hi = strong.length ? Math.max(...strong) + leads : highest + leads;
    const kept = entries.flatMap(
      (e): ({ kind: 'number'; n: number } | { kind: 'text'; text: string; at: number })[] => {
        if (e.kind === 'number') return e.n > highest ? [e] : [];
        if (e.kind === 'text') return [e];
        return e.n > highest && e.n >= lo && e.n <= hi
          ? [
              { kind: 'number', n: e.n },
              { kind: 'text', text: e.text, at: e.at },
            ]
          : [{ kind: 'text', text: e.whole, at: e.at }];
      },
    );
    const read = splitFootnoteArea(kept, page);
    footnotes.push(...read);
    for (const f of read) highest = Math.max(highest, f.number);
  }
  footnotes.sort((a, b) => a.number - b.number);

  // 5. Markers: raised digits are already sentinels; plain digits are looked for on the note's page.
  const present = new Set<number>();
  for (const l of kept) for (const m of l.text.matchAll(/\uE000(\d+)\uE001/g)) present.add(Number(m[1]));
  let cursor: Position = { line: 0, offset: 0 };
  const linesOfPage = new Map<number, number[]>();
  kept.forEach((l, k) => {
    const list = linesOfPage.get(l.page) ?? [];
    list.push(k);
    linesOfPage.set(l.page, list);
  });
  /** Where a raised marker (already a sentinel in the text) stands. */
  const raisedAt = (n: number): Position | undefined => {
    const line = kept.findIndex((l) => l.text.includes(sentinel(n)));
    return line < 0 ? undefined : { line, offset: kept[line]?.text.indexOf(sentinel(n)) ?? 0 };
  };
  /** Where the first later note's marker is: a raised one, or a plain one found the usual way. */
  const nextMarker = (n: number, from: Position): Position | undefined => {
    for (const later of footnotes) {
      if (later.number <= n) continue;
      const at = present.has(later.number)
        ? raisedAt(later.number)
        : findPlainMarker(kept, later.number, linesOfPage.get(later.page) ?? [], from);
      if (at) return at;
    }
    return undefined;
  };
  /** Notes left out of a fragment: their markers are not in it. */
  const leftOut = new Set<number>();
  for (const note of footnotes) {
    if (present.has(note.number)) {
      const at = raisedAt(note.number);
      if (at) cursor = { line: at.line, offset: at.offset + 1 };
      continue;
    }
    const pageLines = linesOfPage.get(note.page) ?? [];
    const found =
      findPlainMarker(kept, note.number, pageLines, cursor) ??
      findBracketedMarker(kept, note.number, pageLines, cursor, nextMarker(note.number, cursor));
    if (found) {
      const line = kept[found.line];
      if (line) insertMarker(line, found.offset, note.number);
      cursor = { line: found.line, offset: found.offset + 1 };
    } else if (options.fragment) {
      // A stretch of a document carries the notes of the page's paragraphs before it too, whose
      // markers are in text that was not copied: such a note belongs to none of these paragraphs.
      leftOut.add(note.number);
      diagnostics.push({
        code: 'footnote-left-out',
        severity: 'warning',
        message: `footnote ${note.number} has no marker in the text; it is left out`,
        document: name,
      });
    } else {
      // No marker on the page: attach at the end of the last line of its page that ends a part.
      const attachable = (k: number): boolean =>
        endsPart(kept[k]?.text ?? '') && !/^\(?[a-z0-9]{1,5}[.)]$/.test(kept[k]?.text ?? '');
      const last = [...pageLines].reverse().find(attachable) ?? pageLines[pageLines.length - 1];
      const line = last === undefined ? undefined : kept[last];
      if (line) {
        line.text = `${line.text}${sentinel(note.number)}`;
        diagnostics.push({
          code: 'footnote-marker-missing',
          severity: 'warning',
          message: `footnote ${note.number} has no marker that could be found on page ${note.page}; it is attached at the end of a paragraph on that page`,
          line: line.at + 1,
          document: name,
        });
      }
    }
  }

  // 6. The closing meeting line and date.
  const closing = closingMeeting(kept.map((l) => l.text));
  if (closing) {
    const adoption = header.metadata.adoption;
    const date = adoption?.date || closing.date;
    if (date)
      header.metadata.adoption = { ...(adoption ?? { sponsors: [] }), date, meeting: closing.meeting };
    kept.splice(closing.at, closing.lines);
  }

  // 7. Parts: "A" and "B" resolutions printed in one document, each with its title and formula.
  unswapLabelledLines(kept);
  const parts = splitParts(kept, header.title, formulaAt >= 0 ? (body[formulaAt]?.text ?? '') : '');
  const notes = footnotes
    .filter((f) => !leftOut.has(f.number))
    .map((f): ParagraphFootnote => ({
      number: f.number,
      text: f.text.replace(/\*/g, LITERAL_ASTERISK),
    }));
  const documents: ResolutionDocument[] = [];
  for (const part of parts) {
    const { paragraphs, lines: paragraphLines } = paragraphsOf(part.lines);
    // A decision of the Assembly is one sentence ("At its 50th plenary meeting, ..., the General
    // Assembly ... decided ..."): it stands where a resolution's formula does.
    let formula = part.formula;
    if (!formula && header.kind === 'decision' && typeof paragraphs[0] === 'string') {
      formula = paragraphs.shift() as string;
      paragraphLines.shift();
    }
    const recognized = recognizeParagraphs(
      [part.title, ...(formula ? [formula] : []), ...paragraphs],
      notes,
      {
        exactMarkers: true,
        ...(header.kind ? { kind: header.kind } : {}),
      },
    );
    const offset = formula ? 2 : 1;
    const docName = part.letter ? `${name}, part ${part.letter}` : name;
    for (const d of recognized.diagnostics) {
      const k = d.line === undefined ? undefined : d.line - 1 - offset;
      const at = k === undefined ? undefined : paragraphLines[k];
      const { line: _line, ...rest } = d;
      const named = { ...rest, document: docName };
      diagnostics.push(at === undefined ? named : { ...named, line: at + 1 });
    }
    for (const doc of recognized.documents)
      documents.push({
        ...doc,
        ...(header.number ? { number: part.letter ? `${header.number} ${part.letter}` : header.number } : {}),
        ...(header.kind ? { kind: header.kind } : {}),
        metadata: { ...doc.metadata, ...header.metadata },
      });
  }
  return { documents, diagnostics: dedupe(diagnostics) };
}

interface Part {
  readonly letter?: string;
  readonly title: string;
  readonly formula: string;
  readonly lines: Line[];
}

/**
 * Splits the body at "B", "C" ... lines that head a resolution of their own: the letter alone, its
 * title, then an enacting formula. The first part's letter and title were read with the header.
 */
function splitParts(lines: readonly Line[], title: string, formula: string): Part[] {
  const starts: { at: number; letter: string; title: string; formulaAt: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const letter = /^([B-H])$/.exec(lines[i]?.text ?? '');
    if (!letter?.[1] || !endsPart(lines[i - 1]?.text ?? '.')) continue;
    const f = lines.findIndex((l, k) => k > i && k <= i + 5 && FORMULA_LINE.test(l.text));
    if (f < 0) continue;
    starts.push({
      at: i,
      letter: letter[1],
      title: lines
        .slice(i + 1, f)
        .map((l) => l.text)
        .join(' '),
      formulaAt: f,
    });
  }
  const first = /^(.*?)\s+A\s+(\S.*)$/.exec(title);
  if (starts.length === 0 || !first) return [{ title, formula, lines: [...lines] }];
  const parts: Part[] = [
    { letter: 'A', title: first[2] ?? title, formula, lines: lines.slice(0, starts[0]?.at ?? lines.length) },
  ];
  starts.forEach((s, k) =>
    parts.push({
      letter: s.letter,
      title: s.title,
      formula: lines[s.formulaAt]?.text ?? '',
      lines: lines.slice(s.formulaAt + 1, starts[k + 1]?.at ?? lines.length),
    }),
  );
  return parts;
}

function dedupe(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.line ?? ''}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A two-line subparagraph whose label stands in its own column comes out of `pdftotext` as the label,
 * the second line, then the first: "(a)" / "people;" / "An assessment of the assistance ... Palestinian".
 * Puts the lines back in reading order.
 */
function unswapLabelledLines(lines: Line[]): void {
  for (let i = 0; i + 2 < lines.length; i++) {
    const label = lines[i];
    const second = lines[i + 1];
    const first = lines[i + 2];
    if (!label || !second || !first) continue;
    if (!/^\([a-z]{1,5}\)$|^\d{1,3}\.$/.test(label.text)) continue;
    if (!/^[a-z]/.test(second.text) || !endsPart(second.text)) continue;
    if (!/^[A-Z“"]/.test(first.text) || first.gapBefore === 0 || endsPart(first.text)) continue;
    lines[i + 1] = first;
    lines[i + 2] = second;
  }
}

/**
 * The running title in a stretch of a printed document, where the document's title is not there to
 * recognize it by: the lines beside the symbol printed as a running head at a page's top
 * ("Follow-up to the Fourteenth United Nations Congress on / ... / Criminal Justice" above or below
 * "A/RES/80/225"). A block of at most four lines on the symbol's page: above it, the page's first
 * lines; below it, the lines up to a blank line. Its lines start with a capital and end without
 * punctuation, as a title's do; a paragraph's lines run on without a blank line, and it ends with a
 * comma, semicolon or full stop.
 */
function runningTitleBlocks(
  body: readonly Line[],
  symbolsAt: readonly { at: number; page: number }[],
): Set<number> {
  const out = new Set<number>();
  const titleLike = (from: number, to: number, page: number): boolean => {
    if (to < from || to - from >= 4 || !/^[A-Z“"]/.test(body[from]?.text ?? '')) return false;
    for (let k = from; k <= to; k++)
      if (body[k]?.page !== page || /[.,;:]$/.test(body[k]?.text ?? '')) return false;
    return true;
  };
  for (const { at: s, page } of symbolsAt) {
    // Above the symbol: the page's first lines, from the top.
    let start = s - 1;
    while (start > s - 4 && start > 0 && body[start - 1]?.page === page) start--;
    if (body[start - 1]?.page !== page && titleLike(start, s - 1, page))
      for (let k = start; k < s; k++) out.add(k);
    // Below it: up to the blank line before the text (or the end of what was copied).
    let end = s;
    while (end < s + 3 && end + 1 < body.length && (body[end + 1]?.gapBefore ?? 0) === 0) end++;
    const text = body[end + 1];
    if ((text === undefined || text.gapBefore > 0) && titleLike(s, end, page))
      for (let k = s; k <= end; k++) out.add(k);
  }
  return out;
}

/** Whether body line `i` is among the first lines of its page (furniture before it, or a page break). */
function isPageTop(lines: readonly Line[], i: number): boolean {
  for (let k = i; k >= 0; k--) {
    const l = lines[k];
    if (!l) return false;
    if (l.page !== lines[i]?.page) return true;
    if (i - k > 4) return false;
    if (k === 0 || lines[k - 1]?.page !== l.page) return true;
  }
  return true;
}

/** Reads the lines before the enacting formula: the masthead, the adoption lines, the number and title. */
function readHeader(
  lines: readonly Line[],
  formulaAt: number,
  diagnostics: Diagnostic[],
  name: string,
): Header & { consumed: number; titleFrom: number } {
  const end = formulaAt >= 0 ? formulaAt : firstOpenerLine(lines);
  const head = lines
    .slice(0, Math.max(0, end))
    .map((l) => l.text.replace(new RegExp(LITERAL_ASTERISK, 'g'), '*'));
  const meta: Header['metadata'] = {};
  let number: string | undefined;
  let kind: DocumentKind | undefined;
  let titleFrom = 0;
  const notes: string[] = [];
  let pendingBasis: { basis: string; draftSymbol?: string } | undefined;
  for (let k = 0; k < head.length; k++) {
    const t = head[k] ?? '';
    const next = head[k + 1] ?? '';
    let m: RegExpExecArray | null;
    if (SYMBOL_LINE.test(t)) {
      meta.symbol ??= t.replace(/\*$/, '');
      titleFrom = k + 1;
    } else if (t === 'United Nations' || ORGAN_LINE.test(t)) titleFrom = k + 1;
    else if ((m = DISTRIBUTION.exec(t))) {
      meta.distribution = /limited/i.test(m[1] ?? '') ? 'limited' : 'general';
      titleFrom = k + 1;
    } else if ((m = ORIGINAL.exec(t))) {
      meta.originalLanguage = (m[1] ?? '').trim();
      titleFrom = k + 1;
    } else if (isoFromPrintedDate(t) && !meta.date && k < 12) {
      meta.date = isoFromPrintedDate(t);
      titleFrom = k + 1;
    } else if (SESSION.test(t)) {
      meta.session = t;
      titleFrom = k + 1;
    } else if ((m = AGENDA.exec(t))) {
      meta.agendaItem = (m[1] ?? '').trim();
      // Its title: the lines up to the adoption line, the number line, a draft line or a gap.
      const title: string[] = [];
      let j = k + 1;
      for (; j < head.length; j++) {
        const line = lines[j];
        const text = head[j] ?? '';
        if (ADOPTED.test(text) || NUMBER_LINE.test(text) || DRAFT_LINE.test(text) || SYMBOL_LINE.test(text))
          break;
        if (line && line.gapBefore > 0 && title.length > 0) break;
        title.push(text);
      }
      if (title.length) meta.agendaItemTitle = title.join(' ');
      k = j - 1;
      titleFrom = j;
    } else if ((m = ADOPTED.exec(t))) {
      kind = m[1]?.toLowerCase() === 'decision' ? 'decision' : 'resolution';
      let when = m[3] ?? '';
      if (!when && /^on\s/.test(next)) {
        when = next.replace(/^on\s+/, '');
        k++;
      } else if (!when && isoFromPrintedDate(next)) {
        when = next;
        k++;
      }
      const iso = isoFromPrintedDate(when);
      if (iso) meta.adoption = { ...(meta.adoption ?? { sponsors: [] }), date: iso };
      titleFrom = k + 1;
    } else if (/^\[/.test(t)) {
      // "[on the report of the Third Committee (A/79/459, para. 37)]", possibly over two lines.
      let text = t;
      while (!/\]\s*$/.test(text) && k + 1 < head.length) text = `${text} ${head[++k] ?? ''}`;
      const draft = /\(([A-Z][^,()]*\/L\.\d+[^,()]*)\)/.exec(text);
      pendingBasis = { basis: text.replace(/\s+/g, ' '), ...(draft?.[1] ? { draftSymbol: draft[1] } : {}) };
      titleFrom = k + 1;
    } else if ((m = /^(Resolution|Decision) (\d{1,3}\/\d{1,4})$/.exec(t))) {
      // The heading a Word export prints: "Resolution 79/139".
      kind = m[1] === 'Decision' ? 'decision' : 'resolution';
      number = m[2];
      titleFrom = k + 1;
    } else if ((m = NUMBER_LINE.exec(t))) {
      number = m[1];
      titleFrom = m[2] ? k : k + 1;
      if (m[2]) head[k] = m[2];
    } else if (/draft\s+(?:resolution|decision)\b/i.test(t) && !/^The\s/.test(t)) {
      // The sponsors line may wrap: "Albania, Andorra, ...,\nUkraine: draft resolution".
      let j = k;
      while (j > titleFrom && !/[.:]$/.test(head[j - 1] ?? '') && /,$|\band$/.test(head[j - 1] ?? '')) j--;
      const whole = head.slice(j, k + 1).join(' ');
      const dm = DRAFT_LINE.exec(whole);
      if (dm) {
        kind = /decision/i.test(dm[3] ?? '') ? 'decision' : 'resolution';
        const sponsors = dm[1] ? splitSponsors(dm[1].replace(/\*/g, '')) : [];
        if (sponsors.length) meta.sponsors = sponsors;
        if (dm[4]) head[k] = dm[4];
        titleFrom = dm[4] ? k : k + 1;
      }
    } else if (/^\*\s*\S/.test(t) && k >= titleFrom) {
      notes.push(t.replace(/^\*\s*/, ''));
      titleFrom = k + 1;
    }
  }
  const title = head
    .slice(titleFrom)
    .filter((t) => !/^\*\s/.test(t))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (notes.length) meta.notes = notes;
  if (pendingBasis && meta.adoption) meta.adoption = { ...meta.adoption, ...pendingBasis };
  if (!title)
    diagnostics.push({
      code: 'title-missing',
      severity: 'warning',
      message: 'no title was found before the enacting formula',
      document: name,
    });
  return {
    metadata: meta,
    ...(number ? { number } : {}),
    title,
    ...(kind ? { kind } : {}),
    consumed: Math.max(0, end),
    titleFrom,
  };
}

/** What the header of a document whose paragraphs are known (a .docx) says. */
export interface ParagraphHeader {
  readonly metadata: Metadata;
  readonly number?: string;
  readonly kind?: DocumentKind;
  /** The title as printed, number taken off. */
  readonly title: string;
  /** Index of the title's first paragraph: the header's paragraphs come before it. */
  readonly titleAt: number;
  /** Index of the enacting formula (or of the first paragraph after the title when there is none). */
  readonly bodyAt: number;
}

/**
 * Reads the header of a document given as whole paragraphs (a .docx as the UN issues it): the
 * masthead, "Resolution adopted by the General Assembly on ...", "[on the report of ...]", the
 * numbered title. Undefined when the paragraphs have no such header (a delegation's own draft).
 */
export function readParagraphHeader(paragraphs: readonly string[]): ParagraphHeader | undefined {
  const lines: Line[] = paragraphs.slice(0, 60).map((text, at) => ({
    at,
    page: 1,
    text: text.replace(/\s+/g, ' ').trim(),
    gapBefore: 1,
    afterBreak: false,
  }));
  const formulaAt = lines.findIndex((l) => FORMULA_LINE.test(l.text));
  const head = lines.slice(0, formulaAt >= 0 ? formulaAt : lines.length).map((l) => l.text);
  if (!head.some((t) => ADOPTED.test(t) || NUMBER_LINE.test(t))) return undefined;
  const read = readHeader(lines, formulaAt, [], '');
  return {
    metadata: read.metadata,
    ...(read.number ? { number: read.number } : {}),
    ...(read.kind ? { kind: read.kind } : {}),
    title: read.title,
    titleAt: read.titleFrom,
    bodyAt: read.consumed,
  };
}

/** Where the preamble starts when the formula is missing: the first line that opens with an opener. */
function firstOpenerLine(lines: readonly Line[]): number {
  // The title comes first: after the number line ("78/996."), or after the masthead's last line.
  let from = 0;
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const t = lines[i]?.text ?? '';
    if (
      NUMBER_LINE.test(t) ||
      ADOPTED.test(t) ||
      /^\[.*\]$/.test(t) ||
      /^on\s+\d/.test(t) ||
      AGENDA.test(t) ||
      DRAFT_LINE.test(t)
    )
      from = i + 1;
  }
  const numbered = NUMBER_LINE.exec(lines[from - 1]?.text ?? '');
  // The title's first line (unless printed on the number line) is never the preamble's.
  const first = numbered?.[2] ? from : from + 1;
  for (let i = first; i < lines.length; i++) {
    const l = lines[i];
    if (!l) continue;
    if (DECISION_START.test(l.text)) return i;
    if ((l.italicStart || startsWithOpener(l.text)) && !SYMBOL_LINE.test(l.text)) return i;
    if (NUMBERED.test(l.text)) return i;
  }
  return Math.min(first, lines.length);
}

/**
 * Joins lines into paragraphs. A paragraph starts at a number ("1." alone or "10. Requests"), a label
 * ("(a)"), a section number ("I", "II") with its heading, "Annex", or — after a line that ends a
 * part — at an opener, an italic start, an indent, or a blank line. A line that ends no sentence
 * between operative paragraphs is an unnumbered heading ("Budget estimates for the period ...").
 */
function paragraphsOf(lines: readonly Line[]): { paragraphs: (string | SectionHeading)[]; lines: number[] } {
  const paragraphs: (string | SectionHeading)[] = [];
  const starts: number[] = [];
  let current: string[] = [];
  let section: { number: string; heading: string[] } | undefined;
  let afterHeading = false;
  let lastNumber = 0;
  let lastLetter: string | undefined;
  let lastRoman = 0;
  let lastSection = 0;
  /** Whether a numbered paragraph came since the last section heading. */
  let inOperative = false;
  let pendingLabel: string | undefined;
  // The body's left margin: the indent most lines have (continuation lines outnumber first lines;
  // a running head or a masthead column may stand further left).
  const counts = new Map<number, number>();
  for (const l of lines)
    if (l.indent !== undefined) counts.set(Math.round(l.indent), (counts.get(Math.round(l.indent)) ?? 0) + 1);
  const margin = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];

  const flush = (): void => {
    if (section) paragraphs.push({ section: section.number, heading: joinLines(section.heading) });
    else if (current.length) paragraphs.push(joinLines(current));
    afterHeading = section !== undefined;
    section = undefined;
    current = [];
  };
  const start = (text: string, at: number): void => {
    flush();
    current = [text];
    starts.push(at);
    afterHeading = false;
  };
  /** The text with its opening italics marked, as the recognizer takes an opener's extent from them. */
  const marked = (l: Line, text: string): string => {
    const italic = l.italicStart;
    if (!italic || !text.startsWith(italic)) return text;
    return `*${italic}*${text.slice(italic.length)}`;
  };

  for (const [index, l] of lines.entries()) {
    const text = l.text;
    if (section) {
      // A section's heading runs until a paragraph starts.
      const starting =
        Boolean(l.italicStart) || startsWithOpener(text) || NUMBERED.test(text) || LETTERED.test(text);
      if (!starting && section.heading.length < 4) {
        section.heading.push(text);
        continue;
      }
      flush();
    }
    const prev = current.length ? (current[current.length - 1] ?? '') : undefined;
    const complete = prev === undefined || endsPart(prev);
    // "6" alone where 6 is due and a verb follows: the number printed without its full stop.
    const bare = /^(\d{1,3})$/.exec(text);
    const bareDue =
      bare !== null &&
      parseInt(bare[1] ?? '', 10) === lastNumber + 1 &&
      lastNumber > 0 &&
      complete &&
      startsWithOpener(lines[index + 1]?.text ?? '', 'operative');
    const numbered = bareDue ? NUMBERED.exec(`${text}.`) : NUMBERED.exec(text);
    if (numbered && numbered[1]) {
      const n = parseInt(numbered[1], 10);
      // The number is due and the text around says a paragraph starts, even where the line before
      // came out garbled ("of nuclear" / "1." / "Underlines ...").
      const due = n === lastNumber + 1;
      const nextText = numbered[2] ?? lines[index + 1]?.text ?? '';
      const evident = due && (l.gapBefore > 0 || startsWithOpener(nextText) || /^We[\s,]/.test(nextText));
      if ((complete || evident) && (due || n === 1 || (lastNumber === 0 && n < 5))) {
        lastNumber = n;
        inOperative = true;
        lastLetter = undefined;
        lastRoman = 0;
        if (numbered[2]) start(`${numbered[1]}. ${marked(l, numbered[2])}`, l.at);
        else {
          start(`${numbered[1]}.`, l.at);
          pendingLabel = numbered[1];
        }
        continue;
      }
    }
    const lettered = LETTERED.exec(text);
    if (lettered && lettered[1] && (complete || pendingLabel !== undefined)) {
      const label = lettered[1];
      const expectedLetter =
        lastLetter === undefined ? 'a' : String.fromCharCode(lastLetter.charCodeAt(0) + 1);
      const roman = isRoman(label) && (label !== expectedLetter || (label === 'i' && lastLetter !== 'h'));
      const ok =
        label === expectedLetter ||
        label === 'a' ||
        (roman && (romanValue(label) === lastRoman + 1 || label === 'i'));
      if (
        ok &&
        (prev === undefined || /[:;,.]$|\band$|\bor$/.test(prev.replace(SUPER_MARKER, '').trimEnd()))
      ) {
        if (roman && label !== expectedLetter) lastRoman = romanValue(label);
        else {
          lastLetter = label;
          lastRoman = 0;
        }
        start(lettered[2] ? `(${label}) ${marked(l, lettered[2])}` : `(${label})`, l.at);
        if (!lettered[2]) pendingLabel = label;
        continue;
      }
    }
    if (pendingLabel !== undefined) {
      // "1." alone on its line: the text follows on the next.
      pendingLabel = undefined;
      current.push(marked(l, text));
      continue;
    }
    if (ANNEX.test(text) && complete) {
      start(text, l.at);
      flush();
      lastNumber = 0;
      lastLetter = undefined;
      lastSection = 0;
      // An annex may open with a preamble of its own (a convention's, a declaration's).
      inOperative = false;
      continue;
    }
    const roman = ROMAN_SECTION.exec(text);
    const romanAlone = roman !== null && roman[1] !== undefined && !roman[2];
    // "II. Our changed world – Progress and remaining gaps": the number and its heading on one line.
    const romanHeaded =
      roman !== null &&
      roman[2] !== undefined &&
      /^[IVXL]{1,6}\.\s/.test(text) &&
      complete &&
      !endsPart(text);
    if (
      (romanAlone || romanHeaded) &&
      romanValue(roman?.[1] ?? '') === lastSection + 1 &&
      (complete || /\.$/.test(text) || l.gapBefore > 0)
    ) {
      // A section of an omnibus resolution: "I", then its heading on the lines that follow.
      flush();
      starts.push(l.at);
      section = { number: roman?.[1] ?? '', heading: romanHeaded ? [roman?.[2] ?? ''] : [] };
      // A section may open with a preamble of its own.
      inOperative = false;
      lastSection = romanValue(roman?.[1] ?? '');
      lastLetter = undefined;
      continue;
    }
    const opener = Boolean(l.italicStart) || startsWithOpener(text, inOperative ? 'operative' : 'preamble');
    // Up to four heading lines ("Part VIII" / "Common support services" / "Section 29A" / ...).
    const headingLine = (t: string): boolean => /^[A-Z]/.test(t) && !endsPart(t) && t.length < 100;
    let end = index;
    while (end < index + 4 && headingLine(lines[end]?.text ?? '')) end++;
    if (
      (lastNumber > 0 || afterTitleOrAnnex(paragraphs)) &&
      complete &&
      end > index &&
      parseInt(NUMBERED.exec(lines[end]?.text ?? '')?.[1] ?? '', 10) === lastNumber + 1
    ) {
      flush();
      starts.push(l.at);
      section = { number: '', heading: [text] };
      // The heading's further lines are taken by the section branch at the top of the loop.
      continue;
    }
    const indented = margin !== undefined && l.indent !== undefined && l.indent - margin > 12;
    const blank = l.gapBefore > 0 && !l.afterBreak && /^[A-Z“"(]/.test(text);
    // After a colon only a label starts a paragraph: "... Conference on Palestine:" / "Reconstructing Gaza".
    // Except after "Adopts the following outcome document ...:", where the adopted text's title follows.
    const colon = prev !== undefined && /:$/.test(prev.replace(SUPER_MARKER, '').trimEnd());
    const adopted =
      colon &&
      paragraphs.length === 0 &&
      /^(?:Adopts|Approves|Endorses|Proclaims)\b/.test(current[0] ?? '') &&
      /^[A-Z]/.test(text);
    // "We, the Heads of State and Government ..." opens a declaration after its title.
    const declaration = /^We,\s/.test(text) && prev !== undefined && !/,$/.test(prev);
    if (adopted || declaration) {
      start(text, l.at);
      continue;
    }
    if (prev === undefined || (complete && !colon && (opener || indented || blank)) || afterHeading) {
      start(marked(l, text), l.at);
      lastLetter = undefined;
      continue;
    }
    current.push(text);
  }
  flush();
  return { paragraphs, lines: starts };
}

/** Whether headings may stand here before paragraph 1: inside an annex or an adopted text. */
function afterTitleOrAnnex(paragraphs: readonly (string | SectionHeading)[]): boolean {
  return paragraphs.some((p) => typeof p === 'string' && ANNEX.test(p)) || paragraphs.length > 1;
}

/** Joins a paragraph's lines: a space between, none after a hyphen that breaks a word ("capacity-\nbuilding"). */
function joinLines(lines: readonly string[]): string {
  const parts: string[] = [];
  let previous = '';
  for (const line of lines) {
    // A line broken at a compound's hyphen ("Secretary-" / "General"); not a suspended hyphen
    // ("age-" / "and gender-sensitive"). Only the previous line is looked at: a paragraph of
    // thousands of lines is joined in linear time.
    if (parts.length > 0 && !breaksAtCompound(previous, line)) parts.push(' ');
    parts.push(line);
    previous = line;
  }
  return parts.join('');
}

/** Reads text copied from a printed document (or `pdftotext` output). */
export function readPrintedText(text: string, options: PrintedOptions = {}): RecognizeResult {
  return readPrinted(linesFromText(text), options);
}

/**
 * Whether text came from a printed UN document (a PDF's text layer, `pdftotext`, a copy from a PDF
 * viewer) rather than typed or exported one paragraph to a line: page breaks, page furniture, a
 * masthead, the numbered title of an adopted text, a footnote rule, or paragraphs wrapped at line ends.
 */
export function looksPrinted(text: string): boolean {
  if (text.includes('\f')) return true;
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const head = lines.slice(0, 40);
  if (head.some((l) => DISTRIBUTION.test(l) || ADOPTED.test(l) || NUMBER_LINE.test(l))) return true;
  if (lines.some((l) => JOB_NUMBER.test(l) || BARCODE.test(l))) return true;
  // Wrapped paragraphs: many lines end mid-sentence and the next goes on in lower case.
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length; i++)
    if (
      (lines[i]?.length ?? 0) > 50 &&
      !/[,;:.!?”")]$/.test(lines[i] ?? '') &&
      /^[a-z]/.test(lines[i + 1] ?? '')
    )
      wrapped++;
  return lines.length >= 6 && wrapped / lines.length > 0.2;
}

/**
 * Reads a resolution in plain text, whatever its layout: a printed document through `readPrinted`,
 * text with a paragraph to a line (a draft typed or exported as text, the report's chapters) through
 * the recognizer's own line reader.
 */
export function readResolutionText(text: string, options: PrintedOptions = {}): RecognizeResult {
  return looksPrinted(text) ? readPrintedText(text, options) : recognize(text);
}
