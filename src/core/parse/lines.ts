/**
 * From text lines to logical paragraphs, as printed documents come out of a PDF or a paste:
 * footnote texts sit at page bottoms in the middle of a paragraph, and the paragraph goes on after
 * them ("... the high-level briefing for" / footnotes / "Member States on challenges ...",
 * resolution 6/1, preambular paragraph 7). Footnote lines are taken out of the flow; a broken
 * paragraph is joined back.
 */

export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

export function superscriptToNumber(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + SUPERSCRIPT_DIGITS.indexOf(ch);
  return n;
}

/** A footnote's text as found in the input. */
export interface RawFootnote {
  readonly number: number;
  readonly text: string;
  /** 1-based line of the input. */
  readonly line: number;
  /** Index of the logical paragraph the footnote interrupted or followed (-1 before any). */
  readonly afterParagraph: number;
}

export const PARAGRAPH_KINDS = ['text', 'numbered', 'lettered', 'heading', 'annex', 'section'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

/** A logical paragraph: one printed paragraph, joined across page breaks, list marks removed. */
export interface LogicalParagraph {
  readonly kind: ParagraphKind;
  /** For numbered paragraphs "12" or "5 bis"; for lettered ones "a", "iv"; for sections "II" (or "" unnumbered). */
  readonly label?: string;
  /** For headings: "resolution" | "decision" and the number, e.g. "6/1". */
  readonly heading?: {
    readonly kind: 'resolution' | 'decision';
    readonly number?: string;
    readonly draft: boolean;
  };
  /** The text, footnote markers still in it (superscripts, or plain digits as printed). */
  readonly text: string;
  /** 1-based first line. */
  readonly line: number;
}

export interface AssembledText {
  readonly paragraphs: readonly LogicalParagraph[];
  readonly footnotes: readonly RawFootnote[];
}

const HEADING = /^(Draft\s+)?(Resolution|Decision)(?:\s+(\d+\/\d+|[A-Z]?\d+(?:\/\d+)?))?\.?$/i;
// "Annex" or "ANNEX" as a heading; "annex." alone ends a line run on ("..., resolution 1, / annex.").
const ANNEX = /^(?:Annex|ANNEX)(?:\s+[IVX]+)?\.?$/;
// "- 1. Notes", " - 9. Also urges", "12. Requests", "5 bis. Decides": list marks from the conversion are dropped.
const NUMBERED = /^\s*(?:[-•]\s+)?(\d{1,3}(?:\s+(?:bis|ter|quater|quinquies))?)\.\s+(\S.*)$/;
const LETTERED = /^\s*(?:[-•]\s+)?\(([a-z]{1,5})\)\s+(\S.*)$/;
const FOOTNOTE_SUPER = /^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/;
const FOOTNOTE_PLAIN = /^\s*(\d{1,3})\s+(\S.*)$/;

/**
 * Whether a paragraph's text ends a sentence part: a comma, semicolon, colon or full stop, possibly
 * followed by a footnote marker (superscript, or plain digits as the conversion sometimes prints:
 * "Organized Crime, 17").
 */
export function endsComplete(text: string): boolean {
  const t = text.replace(SUPERSCRIPT_RUN, '').replace(/\*+$/, '').trimEnd();
  if (/[,;:.!?)"”]$/.test(t)) return true;
  return /[,;:.]\s?\d{1,3}$/.test(t);
}

/**
 * Whether a line ending in a hyphen broke a compound word that the next line finishes ("Secretary-" /
 * "General", "eighty-" / "first"): the two are joined without a space. Not a suspended hyphen
 * ("age-" / "and gender-sensitive"), nor a dash after a space.
 */
export function breaksAtCompound(previous: string, next: string): boolean {
  // The end looked at by position, not a pattern: `previous` may be a paragraph's lines so far.
  return (
    previous.endsWith('-') &&
    /[A-Za-z]/.test(previous.charAt(previous.length - 2)) &&
    /^[A-Za-z]/.test(next) &&
    !/^(?:and|or)\b/.test(next)
  );
}

function startsLowercase(text: string): boolean {
  return /^[a-z]/.test(text.trimStart());
}

interface Builder {
  kind: ParagraphKind;
  label?: string;
  heading?: LogicalParagraph['heading'];
  text: string;
  line: number;
  /** The first text after a heading, an "Annex" line or the start: a title, joined only with lower-case lines. */
  titleLike?: boolean;
}

/**
 * Splits text into logical paragraphs and footnotes. `expectedFootnote` is the number the next
 * plain-digit footnote line must carry to be taken as one (footnotes run in sequence; a plain "28 "
 * line is a footnote only where footnote 28 is due).
 */
export function assembleParagraphs(text: string, options: { firstFootnote?: number } = {}): AssembledText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: LogicalParagraph[] = [];
  const footnotes: RawFootnote[] = [];
  let current: Builder | undefined;
  let lastFootnote = (options.firstFootnote ?? 1) - 1;
  let sawSuperscriptFootnote = options.firstFootnote !== undefined;
  let lastFootnoteEntry: { index: number } | undefined;

  const flush = (): void => {
    if (!current) return;
    const out: LogicalParagraph = {
      kind: current.kind,
      text: current.text.trim(),
      line: current.line,
      ...(current.label === undefined ? {} : { label: current.label }),
      ...(current.heading === undefined ? {} : { heading: current.heading }),
    };
    paragraphs.push(out);
    current = undefined;
  };
  /** Index the next paragraph will get (the one being built, if any, counts). */
  const currentIndex = (): number => paragraphs.length + (current ? 1 : 0) - 1;

  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '')
      .replace(/\u00a0/g, ' ')
      .replace(/\t+/g, ' ')
      .replace(/\s+$/, '');
    const lineNo = i + 1;
    if (raw.trim() === '') {
      lastFootnoteEntry = undefined;
      continue;
    }
    const sup = FOOTNOTE_SUPER.exec(raw);
    if (sup && sup[1] && sup[2]) {
      const number = superscriptToNumber(sup[1]);
      footnotes.push({ number, text: sup[2].trim(), line: lineNo, afterParagraph: currentIndex() });
      lastFootnote = number;
      sawSuperscriptFootnote = true;
      lastFootnoteEntry = { index: footnotes.length - 1 };
      continue;
    }
    const plain = FOOTNOTE_PLAIN.exec(raw);
    if (plain && plain[1] && plain[2] && sawSuperscriptFootnote && Number(plain[1]) === lastFootnote + 1) {
      const number = Number(plain[1]);
      footnotes.push({ number, text: plain[2].trim(), line: lineNo, afterParagraph: currentIndex() });
      lastFootnote = number;
      lastFootnoteEntry = { index: footnotes.length - 1 };
      continue;
    }
    // A footnote running over two lines: the line right after it (no blank between) that is not a paragraph start.
    if (lastFootnoteEntry && !NUMBERED.test(raw) && !LETTERED.test(raw) && startsLowercase(raw)) {
      const prev = footnotes[lastFootnoteEntry.index];
      if (prev) footnotes[lastFootnoteEntry.index] = { ...prev, text: `${prev.text} ${raw.trim()}` };
      continue;
    }
    lastFootnoteEntry = undefined;

    const trimmed = raw.trim();
    const heading = HEADING.exec(trimmed);
    if (heading) {
      flush();
      const kind = (heading[2] ?? '').toLowerCase() === 'decision' ? 'decision' : 'resolution';
      current = {
        kind: 'heading',
        heading: { kind, draft: Boolean(heading[1]), ...(heading[3] ? { number: heading[3] } : {}) },
        text: trimmed,
        line: lineNo,
      };
      flush();
      continue;
    }
    if (ANNEX.test(trimmed)) {
      flush();
      current = { kind: 'annex', text: trimmed, line: lineNo };
      flush();
      continue;
    }
    const numbered = NUMBERED.exec(raw);
    if (numbered && numbered[1] && numbered[2]) {
      flush();
      current = {
        kind: 'numbered',
        label: numbered[1].replace(/\s+/g, ' '),
        text: numbered[2],
        line: lineNo,
      };
      continue;
    }
    const lettered = LETTERED.exec(raw);
    if (lettered && lettered[1] && lettered[2]) {
      flush();
      current = { kind: 'lettered', label: lettered[1], text: lettered[2], line: lineNo };
      continue;
    }
    // A text line: the rest of a broken paragraph, or a new one.
    if (current && current.kind !== 'heading' && current.kind !== 'annex') {
      // The first paragraph of a paste may be a title: an enacting formula never continues it.
      const formulaAfterTitle = paragraphs.length === 0 && /^The [A-Z].*[,:]$/.test(trimmed);
      const continues = current.titleLike
        ? startsLowercase(trimmed)
        : (!endsComplete(current.text) && !formulaAfterTitle) || startsLowercase(trimmed);
      if (continues) {
        const before = current.text.trimEnd();
        current.text = breaksAtCompound(before, trimmed) ? before + trimmed : `${before} ${trimmed}`;
        continue;
      }
    }
    const previous = current ?? paragraphs[paragraphs.length - 1];
    const titleLike = previous !== undefined && (previous.kind === 'heading' || previous.kind === 'annex');
    flush();
    current = { kind: 'text', text: trimmed, line: lineNo, titleLike };
  }
  flush();
  return { paragraphs, footnotes };
}
