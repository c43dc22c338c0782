/**
 * Footnote markers as the conversion printed them: superscripts ("Crime³", "thereto, ¹"), plain
 * digits ("Organized Crime, 14 and to fully", "Organized Crime, 17") and, once in the corpus, no
 * marker at all (footnote 9 of CTOC/COP/2012/15). Markers become sentinels in the text, then
 * footnote references in inline content.
 */
import type { Inline } from '../model/types.ts';
import { normalizeInlines } from '../model/inline.ts';
import { superscriptToNumber } from './lines.ts';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SENTINEL = /\uE000(\d+)\uE001/g;
const SUPERSCRIPT_RUN = /\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g;

/**
 * A literal asterisk in text whose `*asterisks*` mark italics (a .docx import writes one for each
 * asterisk the document really contains); toInlines turns it back into "*".
 */
export const LITERAL_ASTERISK = '\uE002';

export function sentinel(n: number): string {
  return `${OPEN}${n}${CLOSE}`;
}

export interface MarkerParagraph {
  readonly text: string;
  /** Whether plain-digit markers and missing markers may be looked for here (not in titles or formulas). */
  readonly searchable: boolean;
}

export interface MarkerFootnote {
  readonly number: number;
  /** The source with Ibid. expanded (footnotes citing the same source anchor the same way). */
  readonly resolved: string;
  /** Index of the paragraph after which the footnote's text was printed. */
  readonly afterParagraph: number;
}

export interface MarkerIssue {
  readonly code: 'footnote-marker-plain-digits' | 'footnote-marker-missing';
  readonly number: number;
  readonly paragraph: number;
  readonly message: string;
}

interface Found {
  readonly number: number;
  readonly paragraph: number;
  readonly offset: number;
}

const MONTHS =
  /^\s(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** Compares positions in reading order. */
function before(a: { paragraph: number; offset: number }, b: { paragraph: number; offset: number }): boolean {
  return a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.offset < b.offset);
}

function findSentinels(texts: readonly string[]): Found[] {
  const found: Found[] = [];
  texts.forEach((text, paragraph) => {
    for (const m of text.matchAll(SENTINEL))
      found.push({ number: Number(m[1]), paragraph, offset: m.index ?? 0 });
  });
  return found;
}

/** The window in which footnote `n`'s marker must stand: after marker n-1's position, before n+1's. */
function windowFor(n: number, found: readonly Found[], texts: readonly string[]) {
  let lo = { paragraph: 0, offset: 0 };
  let hi = { paragraph: texts.length - 1, offset: (texts[texts.length - 1] ?? '').length };
  for (const f of found) {
    if (f.number < n && before(lo, f)) lo = { paragraph: f.paragraph, offset: f.offset };
    if (f.number > n && before(f, hi)) hi = { paragraph: f.paragraph, offset: f.offset };
  }
  return { lo, hi };
}

function inWindow(paragraph: number, offset: number, w: ReturnType<typeof windowFor>): boolean {
  const p = { paragraph, offset };
  return !before(p, w.lo) && before(p, w.hi);
}

/** Words that can sit inside a title run ("Convention against Transnational Organized Crime"). */
const TITLE_CONNECTORS = new Set([
  'of',
  'the',
  'against',
  'and',
  'in',
  'on',
  'to',
  'by',
  'for',
  'its',
  'all',
  'a',
]);

/**
 * The phrase a footnote's source is attached to elsewhere in the input: the common ending of the
 * texts before the markers of other footnotes citing the same source, cut to start at a capital
 * ("United Nations Convention against Transnational Organized Crime").
 */
function anchorPhrase(
  resolved: string,
  footnotes: readonly MarkerFootnote[],
  found: readonly Found[],
  texts: readonly string[],
): string | undefined {
  const samples: string[][] = [];
  for (const f of found) {
    const note = footnotes.find((x) => x.number === f.number);
    if (!note || note.resolved !== resolved) continue;
    const before = (texts[f.paragraph] ?? '').slice(0, f.offset).replace(SENTINEL, '');
    const words = before.replace(/[,;:\s]+$/, '').split(/\s+/);
    samples.push(words);
  }
  if (samples.length === 0) return undefined;
  // Longest common suffix of words.
  let suffix = samples[0] ?? [];
  for (const s of samples.slice(1)) {
    let k = 0;
    while (k < suffix.length && k < s.length && suffix[suffix.length - 1 - k] === s[s.length - 1 - k]) k++;
    suffix = suffix.slice(suffix.length - k);
  }
  // Keep the trailing title run: capitalized words and the small words between them.
  let start = suffix.length;
  while (start > 0) {
    const w = suffix[start - 1] ?? '';
    if (/^[A-Z]/.test(w) || TITLE_CONNECTORS.has(w)) start--;
    else break;
  }
  while (start < suffix.length && !/^[A-Z]/.test(suffix[start] ?? '')) start++;
  const phrase = suffix.slice(start);
  return phrase.length >= 3 ? phrase.join(' ') : undefined;
}

function insertAt(text: string, offset: number, n: number): string {
  return text.slice(0, offset) + sentinel(n) + text.slice(offset);
}

/**
 * Turns every footnote marker into a sentinel. Superscripts first; then, for each footnote whose
 * marker is still missing, plain digits inside its window; then the phrase its source is attached to
 * elsewhere; and last the end of the paragraph after which its text was printed.
 */
export function resolveMarkers(
  paragraphs: readonly MarkerParagraph[],
  footnotes: readonly MarkerFootnote[],
  options: { readonly exact?: boolean } = {},
): { texts: string[]; issues: MarkerIssue[] } {
  const issues: MarkerIssue[] = [];
  // Exact: the text already carries every reference as a sentinel (a .docx knows its references), so
  // superscript digits are text ("km²") and no marker is looked for.
  if (options.exact) return { texts: paragraphs.map((p) => p.text), issues };
  const texts = paragraphs.map((p) =>
    p.text.replace(SUPERSCRIPT_RUN, (_m, digits: string) => sentinel(superscriptToNumber(digits))),
  );
  const wanted = [...footnotes].sort((a, b) => a.number - b.number);
  const missing = (): MarkerFootnote[] => {
    const have = new Set(findSentinels(texts).map((f) => f.number));
    return wanted.filter((f) => !have.has(f.number));
  };

  // Plain digits: ", 14 and" or ", 17" at the end, or glued to a word ("thereto4").
  for (const note of missing()) {
    const found = findSentinels(texts);
    const w = windowFor(note.number, found, texts);
    const digits = String(note.number);
    let done = false;
    for (let p = w.lo.paragraph; p <= w.hi.paragraph && !done; p++) {
      if (!paragraphs[p]?.searchable) continue;
      const text = texts[p] ?? '';
      const re = new RegExp(`(?:(?<=[,;:.])\\s?|(?<=[a-z]))(${digits})(?=[\\s,;:.]|$)`, 'g');
      for (const m of text.matchAll(re)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (!inWindow(p, start, w)) continue;
        if (MONTHS.test(text.slice(end)) || /^\//.test(text.slice(end))) continue;
        texts[p] = text.slice(0, start) + sentinel(note.number) + text.slice(end);
        issues.push({
          code: 'footnote-marker-plain-digits',
          number: note.number,
          paragraph: p,
          message: `footnote ${note.number}: its marker was printed as plain digits ("${m[0].trim()}"); read as a footnote reference`,
        });
        done = true;
        break;
      }
    }
  }

  // No marker at all: attach where the same source is attached elsewhere, else where the text was printed.
  for (const note of missing()) {
    const found = findSentinels(texts);
    const w = windowFor(note.number, found, texts);
    const phrase = anchorPhrase(note.resolved, footnotes, found, texts);
    let placed: { paragraph: number; how: string } | undefined;
    if (phrase) {
      for (let p = w.lo.paragraph; p <= w.hi.paragraph && !placed; p++) {
        if (!paragraphs[p]?.searchable) continue;
        const text = texts[p] ?? '';
        let from = 0;
        for (let at = text.indexOf(phrase, from); at >= 0; at = text.indexOf(phrase, from)) {
          from = at + 1;
          let end = at + phrase.length;
          if (!inWindow(p, at, w) || !inWindow(p, end, w)) continue;
          if (text.startsWith(OPEN, end)) continue; // already annotated by another note
          if (text[end] === ',') end++;
          texts[p] = insertAt(text, end, note.number);
          placed = { paragraph: p, how: `after the first mention of "${phrase}" it cites` };
          break;
        }
      }
    }
    if (!placed) {
      let p = Math.min(Math.max(note.afterParagraph, w.lo.paragraph), w.hi.paragraph);
      while (p > w.lo.paragraph && !paragraphs[p]?.searchable) p--;
      const text = texts[p] ?? '';
      const end = p === w.hi.paragraph ? w.hi.offset : text.length;
      texts[p] = insertAt(text, end, note.number);
      placed = { paragraph: p, how: 'at the end of the paragraph where its text was printed' };
    }
    issues.push({
      code: 'footnote-marker-missing',
      number: note.number,
      paragraph: placed.paragraph,
      message: `footnote ${note.number} has no marker in the text; attached ${placed.how}`,
    });
  }
  return { texts, issues };
}

/** The numbers of the markers in a text, in order. */
export function markerNumbers(text: string): number[] {
  return [...text.matchAll(SENTINEL)].map((m) => Number(m[1]));
}

/**
 * Text with sentinels and `*italic*` marks → inline content. Spaces before a marker are dropped
 * ("thereto, ¹" → "thereto," + reference); runs of spaces fold to one.
 */
export function toInlines(text: string, idFor: (n: number) => string): Inline[] {
  const out: Inline[] = [];
  const cleaned = text.replace(/\s+(?=\uE000)/g, '').replace(/\s+/g, ' ');
  const parts = cleaned.split(/(\uE000\d+\uE001)/);
  parts.forEach((part) => {
    const m = /^\uE000(\d+)\uE001$/.exec(part);
    if (m) {
      out.push({ type: 'footnoteRef', footnoteId: idFor(Number(m[1])) });
      return;
    }
    // *italic* spans from the conversion; a lone asterisk stays as printed.
    const pieces = part.split(/\*([^*\n]+)\*/);
    pieces.forEach((piece, i) => {
      if (piece === '') return;
      const text = piece.split(LITERAL_ASTERISK).join('*');
      out.push(i % 2 === 1 ? { type: 'text', text, italic: true } : { type: 'text', text });
    });
  });
  // Trim the whole paragraph's outer spaces.
  const first = out[0];
  if (first && first.type === 'text') out[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last && last.type === 'text') out[lastIndex] = { ...last, text: last.text.replace(/\s+$/, '') };
  return normalizeInlines(out);
}
