/**
 * Recognizes resolutions and decisions in plain text as UN documents print them (UN practice:
 * the parts of a resolution): an optional "Resolution 6/3" line, the title, the enacting formula ending with a comma,
 * preambular paragraphs, "1." operative paragraphs, "(a)"/"(i)" subparagraphs, an optional annex,
 * and footnote lines. Shared by the corpus, by paste and by .docx import.
 *
 * Never throws on odd input: what it cannot place it reports as a diagnostic and keeps as text.
 */
import type {
  Annex,
  DocumentKind,
  Footnote,
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Section,
  Subparagraph,
} from '../model/types.ts';
import { SCHEMA_VERSION } from '../model/types.ts';
import { inlineText } from '../model/inline.ts';
import { resolveIbidChain } from '../references/ibid.ts';
import type { Diagnostic } from './diagnostics.ts';
import { assembleParagraphs, type AssembledText, type LogicalParagraph, type RawFootnote } from './lines.ts';
import { markerNumbers, resolveMarkers, toInlines } from './markers.ts';
import { findOpener } from './opener.ts';

export interface RecognizeOptions {
  /**
   * Footnote texts known from around the input (the corpus collects them over the whole report,
   * where a note may be printed on a page after its marker's document ends). The input's own
   * footnote lines win.
   */
  readonly footnotes?: readonly RawFootnote[];
  /** Resolved sources (Ibid. expanded) by footnote number, when the caller knows the whole chain. */
  readonly resolved?: ReadonlyMap<number, string>;
  /** Kind to assume when the text does not say. */
  readonly kind?: DocumentKind;
  /**
   * The text carries every footnote reference as a sentinel (markers.ts `sentinel`), as a .docx
   * import knows them: superscript digits are then literal text ("km²") and no marker is guessed.
   */
  readonly exactMarkers?: boolean;
}

export interface RecognizeResult {
  readonly documents: ResolutionDocument[];
  readonly diagnostics: Diagnostic[];
}

/** Hostile-input guard: beyond this the recognizer reads only the beginning and says so. */
export const MAX_INPUT_CHARS = 5_000_000;

/** "The Conference of the Parties ...," "The General Assembly," "The Commission on ...," */
const FORMULA =
  /^The\s+(?:[A-Z][\w-]*)(?:\s+[\w-]+)*?(?:,|:|\.|\s+(?:decided|decides|approved|adopted|recommended|took|requested)\b)/;
const ORGAN_END = /(?:,|:|\.|\s+(?:decided|decides|approved|adopted|recommended|took|requested)\b)/;

const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,3}|xiv|xv|xvi{1,3}|xix|xx)$/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The organ alone on its line: "The General Assembly" before a single or numbered operative part. */
const BARE_FORMULA =
  /^The\s+(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)$/;

/** A decision of the Assembly as printed: "At its 50th plenary meeting, on ..., the General Assembly ... decided". */
const DECISION_SENTENCE =
  /^At its [^,]*meeting\b.*\bthe (?:General Assembly|Council|Conference|Commission)\b.*\b(?:decided|elected|appointed|took note)\b/;

function isFormula(text: string): boolean {
  return FORMULA.test(text) || BARE_FORMULA.test(text.trim()) || DECISION_SENTENCE.test(text);
}

function organOf(formula: string): string {
  const decision = /\bthe (General Assembly|Council|Conference|Commission)\b/.exec(formula);
  if (decision?.[1] && DECISION_SENTENCE.test(formula)) return decision[1];
  const body = formula.replace(/^The\s+/, '');
  const m = ORGAN_END.exec(body);
  return (m ? body.slice(0, m.index) : body).trim();
}

/** Whether a lettered label is a roman numeral one level down, given the last letter label at its parent. */
function isRomanLabel(label: string, lastLetter: string | undefined): boolean {
  if (!ROMAN.test(label)) return false;
  if (label.length === 1 && lastLetter !== undefined) {
    const expected = LETTERS[LETTERS.indexOf(lastLetter) + 1];
    if (expected === label) return false; // (h) then (i): a letter
  }
  // (i) with no letter before it at this level is still roman when a letter level exists above.
  return true;
}

function nextLetter(label: string): string | undefined {
  if (label.length !== 1) return undefined;
  return LETTERS[LETTERS.indexOf(label) + 1];
}

type Role =
  | 'section'
  | 'annexHeading'
  | 'preSub1'
  | 'preSub2'
  | 'title'
  | 'formula'
  | 'preamble'
  | 'operative'
  | 'sub1'
  | 'sub2'
  | 'annexTitle'
  | 'annexIntro'
  | 'annexItem'
  | 'annexSub';

interface Placed {
  readonly role: Role;
  readonly paragraph: LogicalParagraph;
}

interface Segment {
  readonly heading?: LogicalParagraph;
  readonly paragraphs: LogicalParagraph[];
}

/** How a note names the paragraph it is about. */
type Where = (p: { readonly line: number; readonly text: string }) => string;

/** In a text read line by line: its line. */
const onLine: Where = (p) => `on line ${p.line}`;

/**
 * Where the input's units are paragraphs (a .docx, a printed document's paragraphs), whose count is no
 * line of anything the user has: its first words, about 40 characters, cut at a space.
 */
const quoted: Where = (p) => {
  // As the paragraph will read: no italics marks, no footnote markers.
  const flat = inlineText(toInlines(p.text, footnoteId)).replace(/\s+/g, ' ').trim();
  if (flat.length <= 48) return `(“${flat}”)`;
  const cut = flat.lastIndexOf(' ', 40);
  return `(“${flat.slice(0, cut > 20 ? cut : 40)}…”)`;
};

/**
 * "Requests the Secretariat to inform the Working Group about: (a) the activities ..." — a list
 * that starts inside the paragraph (resolution 6/2, operative paragraph 12); and a subparagraph that
 * runs into a truncated copy of the next one ("... and (d) awareness-raising ... of" before the full
 * "(d)" line).
 */
function splitInlineLabels(
  paragraphs: readonly LogicalParagraph[],
  diagnostics: Diagnostic[],
  document: string,
  where: Where,
): LogicalParagraph[] {
  const out: LogicalParagraph[] = [];
  for (const p of paragraphs) {
    const m = /^(.*?:)\s+\((a|i)\)\s+(\S.*)$/.exec(p.text);
    if (m && m[1] && m[2] && m[3] && (p.kind === 'numbered' || p.kind === 'lettered' || p.kind === 'text')) {
      out.push({ ...p, text: m[1] });
      out.push({ kind: 'lettered', label: m[2], text: m[3], line: p.line });
      diagnostics.push({
        code: 'subparagraph-inline',
        severity: 'info',
        message: `subparagraph (${m[2]}) starts inside the paragraph ${where(p)}; split into its own subparagraph`,
        line: p.line,
        document,
      });
    } else out.push(p);
  }
  for (let i = 0; i < out.length; i++) {
    const p = out[i];
    const next = out[i + 1];
    if (!p || p.kind !== 'lettered' || !p.label) continue;
    const want = nextLetter(p.label);
    if (!want) continue;
    const at = p.text.indexOf(` (${want}) `);
    if (at < 0) continue;
    const tail = p.text.slice(at + want.length + 4);
    if (
      next &&
      next.kind === 'lettered' &&
      next.label === want &&
      tail.length >= 12 &&
      next.text.startsWith(tail)
    ) {
      out[i] = { ...p, text: p.text.slice(0, at).trimEnd() };
      diagnostics.push({
        code: 'duplicated-text',
        severity: 'warning',
        message: `subparagraph (${p.label}) repeats the start of (${want}) ("${tail.slice(0, 40)}..."); the copy was dropped`,
        line: p.line,
        document,
      });
    } else if (!next || next.kind !== 'lettered' || next.label !== want) {
      out[i] = { ...p, text: p.text.slice(0, at).trimEnd() };
      out.splice(i + 1, 0, { kind: 'lettered', label: want, text: tail, line: p.line });
      diagnostics.push({
        code: 'subparagraph-inline',
        severity: 'info',
        message: `subparagraph (${want}) starts inside (${p.label}) ${where(p)}; split into its own subparagraph`,
        line: p.line,
        document,
      });
    }
  }
  return out;
}

function documentName(segment: Segment, index: number): string {
  const h = segment.heading?.heading;
  if (h?.number) return `${h.kind} ${h.number}`;
  return `document ${index + 1}`;
}

/** Assigns each paragraph of a document its part. */
function placeParagraphs(
  segment: Segment,
  kindHint: DocumentKind | undefined,
  diagnostics: Diagnostic[],
  name: string,
  where: Where,
): { kind: DocumentKind; placed: Placed[] } {
  const placed: Placed[] = [];
  const paragraphs = segment.paragraphs;
  let kind: DocumentKind = segment.heading?.heading?.kind ?? kindHint ?? 'resolution';
  let i = 0;
  const firstText = paragraphs[0];
  // A title may read like a formula ("The Antigua and Barbuda Agenda ...: A Renewed Declaration"):
  // when a formula follows it, it is the title.
  const second = paragraphs[1];
  const titleBeforeFormula = second !== undefined && second.kind === 'text' && isFormula(second.text);
  if (firstText && firstText.kind === 'text' && (!isFormula(firstText.text) || titleBeforeFormula)) {
    placed.push({ role: 'title', paragraph: firstText });
    i = 1;
  }
  const maybeFormula = paragraphs[i];
  let formulaText = '';
  if (maybeFormula && maybeFormula.kind === 'text' && isFormula(maybeFormula.text)) {
    placed.push({ role: 'formula', paragraph: maybeFormula });
    formulaText = maybeFormula.text;
    i++;
    if (!segment.heading && /\b(?:decided|approved)\b/.test(formulaText) && !kindHint) kind = 'decision';
  } else {
    diagnostics.push({
      code: 'formula-missing',
      severity: 'warning',
      message: 'no enacting formula ("The Conference of the Parties ...,") was found after the title',
      ...(maybeFormula ? { line: maybeFormula.line } : {}),
      document: name,
    });
  }
  // A decision whose formula is a whole sentence sets out what follows as an attachment (decision 6/1).
  const decisionAttachment = kind === 'decision' && /\.$/.test(formulaText);

  let part: 'preamble' | 'operative' | 'annex' = 'preamble';
  let annexStage: 'title' | 'intro' | 'items' | 'nextTitle' = 'title';
  // "Adopts the following outcome document ...:" and the text it adopts, printed without an "Annex"
  // line: the one operative paragraph, then the adopted text as the annex.
  const lead = paragraphs[i];
  const after = paragraphs[i + 1];
  if (
    kind === 'resolution' &&
    lead?.kind === 'text' &&
    /^\*?(?:Adopts|Approves|Endorses|Decides to adopt|Proclaims)\b/.test(lead.text) &&
    /:$/.test(lead.text.trim()) &&
    after?.kind === 'text'
  ) {
    placed.push({ role: 'operative', paragraph: lead });
    part = 'annex';
    i++;
  }
  let lastLetter: string | undefined;
  let topRole: 'operative' | 'annexItem' | undefined;
  let annexTopNumbered = false;
  for (; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (!p) continue;
    if (p.kind === 'heading') continue;
    if (p.kind === 'section' && part !== 'annex') {
      // A section of an omnibus resolution: its own preamble may follow, then its operative part.
      placed.push({ role: 'section', paragraph: p });
      part = 'preamble';
      topRole = undefined;
      lastLetter = undefined;
      continue;
    }
    if (p.kind === 'annex') {
      // The annex part may have begun without an "Annex" line: an adopted text ("Adopts the following
      // Pact …:") or a decision's attachment.
      const first = part !== 'annex';
      part = 'annex';
      topRole = undefined;
      if (first) {
        annexStage = 'title';
        continue;
      }
      // A second annex ("Annex II", or "Annex I" after an adopted text): a draft has one annex, so the
      // second goes on in it after a heading of its name, its title a heading too, rather than taking
      // the first one's place.
      placed.push({ role: 'annexHeading', paragraph: p });
      annexStage = 'nextTitle';
      diagnostics.push({
        code: 'annex-more',
        severity: 'warning',
        message: `${p.text.trim()} is kept at the end of the annex, after a heading of its name (a draft has one annex)`,
        line: p.line,
        document: name,
      });
      continue;
    }
    if (part === 'annex' && annexStage === 'nextTitle' && p.kind === 'text') {
      placed.push({ role: 'annexHeading', paragraph: p });
      annexStage = 'items';
      continue;
    }
    if (
      part !== 'annex' &&
      decisionAttachment &&
      p.kind === 'text' &&
      placed.every((x) => x.role !== 'operative')
    ) {
      part = 'annex';
      annexStage = 'title';
    }
    if (part === 'annex') {
      if (p.kind === 'section') {
        placed.push({ role: 'annexHeading', paragraph: p });
        if (annexStage === 'title') annexStage = 'items';
        topRole = undefined;
        continue;
      }
      if (p.kind === 'text' && annexStage === 'title') {
        placed.push({ role: 'annexTitle', paragraph: p });
        annexStage = 'intro';
        continue;
      }
      if (p.kind === 'text' && annexStage === 'intro') {
        placed.push({ role: 'annexIntro', paragraph: p });
        continue;
      }
      annexStage = 'items';
      // Items are lettered (a), (b) with (i), (ii) below them, or numbered 1., 2. with (a), (b) below
      // them (the provisional agenda of decision 6/1).
      const underNumber = annexTopNumbered && p.kind === 'lettered';
      if (
        p.kind === 'numbered' ||
        (p.kind === 'lettered' &&
          !underNumber &&
          (topRole === undefined || !isRomanLabel(p.label ?? '', lastLetter)))
      ) {
        placed.push({ role: 'annexItem', paragraph: p });
        topRole = 'annexItem';
        annexTopNumbered = p.kind === 'numbered';
        lastLetter = p.kind === 'lettered' ? p.label : undefined;
      } else if (p.kind === 'lettered') {
        placed.push({ role: 'annexSub', paragraph: p });
      } else {
        diagnostics.push({
          code: 'annex-text',
          severity: 'warning',
          message: `unlabelled text in the annex ${where(p)}; kept as an item`,
          line: p.line,
          document: name,
        });
        placed.push({ role: 'annexItem', paragraph: p });
      }
      continue;
    }
    if (p.kind === 'numbered') {
      part = 'operative';
      placed.push({ role: 'operative', paragraph: p });
      topRole = 'operative';
      lastLetter = undefined;
      continue;
    }
    if (p.kind === 'lettered' && part === 'preamble' && topRole === undefined) {
      // A preambular paragraph that lists (a), (b) ...: the list stays in the preamble.
      const last = placed[placed.length - 1];
      if (last && (last.role === 'preamble' || last.role === 'preSub1' || last.role === 'preSub2')) {
        const label = p.label ?? '';
        if (last.role !== 'preamble' && lastLetter !== undefined && isRomanLabel(label, lastLetter))
          placed.push({ role: 'preSub2', paragraph: p });
        else {
          placed.push({ role: 'preSub1', paragraph: p });
          lastLetter = label;
        }
        continue;
      }
    }
    if (p.kind === 'lettered') {
      const label = p.label ?? '';
      if (topRole === undefined) {
        if (kind === 'resolution')
          diagnostics.push({
            code: 'subparagraph-orphan',
            severity: 'warning',
            message: `subparagraph (${label}) ${where(p)} has no operative paragraph to belong to; kept as an operative paragraph`,
            line: p.line,
            document: name,
          });
        part = 'operative';
        placed.push({ role: 'operative', paragraph: p });
        topRole = 'operative';
        lastLetter = undefined;
        continue;
      }
      // In a decision lettered at the top, (a), (b) are the operative paragraphs themselves.
      const topIsLettered = placed.some((x) => x.role === 'operative' && x.paragraph.kind === 'lettered');
      if (topIsLettered && !isRomanLabel(label, lastLetter)) {
        placed.push({ role: 'operative', paragraph: p });
        lastLetter = label;
        continue;
      }
      if (topIsLettered || (lastLetter !== undefined && isRomanLabel(label, lastLetter))) {
        placed.push({ role: 'sub2', paragraph: p });
      } else {
        placed.push({ role: 'sub1', paragraph: p });
        lastLetter = label;
      }
      continue;
    }
    // A text paragraph.
    if (p.kind === 'section') {
      placed.push({ role: 'annexItem', paragraph: { ...p, kind: 'text' } });
      continue;
    }
    if (part === 'preamble') {
      lastLetter = undefined;
      placed.push({ role: 'preamble', paragraph: p });
    } else {
      diagnostics.push({
        code: 'operative-unnumbered',
        severity: 'warning',
        message: `unnumbered paragraph ${where(p)} in the operative part; kept as an operative paragraph`,
        line: p.line,
        document: name,
      });
      placed.push({ role: 'operative', paragraph: p });
      lastLetter = undefined;
    }
  }
  // A lone operative paragraph is not numbered (UN practice): a resolution
  // (or a section of an omnibus one) with no numbered paragraph whose last paragraph ends with a
  // full stop.
  if (kind === 'resolution') {
    const bounds = [
      0,
      ...placed.flatMap((x, k) => (x.role === 'section' || x.role === 'annexTitle' ? [k] : [])),
      placed.length,
    ];
    for (let b = 0; b + 1 < bounds.length; b++) {
      const from = bounds[b] ?? 0;
      const to = bounds[b + 1] ?? placed.length;
      const part = placed.slice(from, to);
      if (part.some((x) => x.role === 'operative' || x.role.startsWith('annex'))) continue;
      const lastPre = [...part].reverse().find((x) => x.role === 'preamble');
      // With one paragraph only, its verb decides: "Decides ..." (present indicative), not "Noting ...".
      const verbFirst = /^\*?[A-Z][a-z]+s\b/.test(lastPre?.paragraph.text.trim() ?? '');
      // A section's lone paragraph ends with a semicolon when sections follow it.
      const ending = b > 0 ? /[.;]$/ : /\.$/;
      if (
        lastPre &&
        ending.test(lastPre.paragraph.text.trim()) &&
        (part.filter((x) => x.role === 'preamble').length > 1 || verbFirst)
      ) {
        const idx = placed.lastIndexOf(lastPre);
        placed[idx] = { role: 'operative', paragraph: lastPre.paragraph };
      }
    }
  }
  return { kind, placed };
}

interface Split {
  readonly opener: string;
  readonly content: Inline[];
}

/**
 * Takes the opener off the front of a paragraph's content. Italics from the conversion, where they
 * mark the start ("*Invites* States"), are the printed opener; otherwise the grammar finds it.
 */
function splitOpener(content: readonly Inline[]): Split {
  const first = content[0];
  let opener = '';
  if (first && first.type === 'text' && first.italic && first.text.length <= 60) {
    opener = first.text.trim();
  } else {
    opener = findOpener(inlineText(content.slice(0, 3)));
  }
  if (opener === '') return { opener, content: [...content] };
  let skip = opener.length;
  let trimNext = false;
  const rest: Inline[] = [];
  for (const part of content) {
    if ((skip > 0 || trimNext) && part.type === 'text') {
      const text = part.text.replace(/^\s+/, '');
      if (text.length <= skip) {
        skip -= text.length;
        trimNext = true;
        continue;
      }
      const remaining = text.slice(skip).replace(/^\s+/, '');
      skip = 0;
      trimNext = false;
      if (remaining !== '')
        rest.push(
          part.italic ? { type: 'text', text: remaining, italic: true } : { type: 'text', text: remaining },
        );
      continue;
    }
    skip = 0;
    trimNext = false;
    rest.push(part);
  }
  return { opener, content: rest };
}

function preambularOf(p: {
  opener: string;
  content: Inline[];
  subs: { level: 1 | 2; label: string; content: Inline[] }[];
}): PreambularParagraph {
  return {
    opener: p.opener,
    content: p.content,
    ...(p.subs.length ? { subparagraphs: buildSubs(p.subs) } : {}),
  };
}

function operativeOf(o: {
  label?: string;
  opener: string;
  content: Inline[];
  subs: { level: 1 | 2; label: string; content: Inline[] }[];
}): OperativeParagraph {
  return {
    ...(o.label === undefined ? {} : { label: o.label }),
    opener: o.opener,
    content: o.content,
    subparagraphs: buildSubs(o.subs),
  };
}

function footnoteId(n: number): string {
  return `fn${n}`;
}

/** Builds the nested subparagraphs of one top-level paragraph. */
function buildSubs(items: readonly { level: 1 | 2; label: string; content: Inline[] }[]): Subparagraph[] {
  const out: { label: string; content: Inline[]; subparagraphs: Subparagraph[]; level: 1 | 2 }[] = [];
  for (const it of items) {
    // (i) nests under the (a) before it; with no (a) at all (a decision's lettered paragraph), it is
    // the first level itself.
    const parent = it.level === 2 ? [...out].reverse().find((o) => o.level === 1) : undefined;
    const entry = { label: `(${it.label})`, content: it.content, subparagraphs: [] };
    if (parent) parent.subparagraphs.push(entry);
    else out.push({ ...entry, level: it.level });
  }
  return out.map(({ level: _level, ...s }) => s);
}

function segmentsOf(
  paragraphs: readonly LogicalParagraph[],
  diagnostics: Diagnostic[],
  where: Where,
): Segment[] {
  const hasHeading = paragraphs.some((p) => p.kind === 'heading');
  if (!hasHeading) return paragraphs.length ? [{ paragraphs: [...paragraphs] }] : [];
  const segments: Segment[] = [];
  let current: Segment | undefined;
  for (const p of paragraphs) {
    if (p.kind === 'heading') {
      current = { heading: p, paragraphs: [] };
      segments.push(current);
    } else if (current) current.paragraphs.push(p);
    else
      diagnostics.push({
        code: 'text-outside-document',
        severity: 'info',
        message: `the text ${where(p)} comes before the first "Resolution"/"Decision" heading and was skipped`,
        line: p.line,
      });
  }
  return segments;
}

export function recognize(input: string, options: RecognizeOptions = {}): RecognizeResult {
  const diagnostics: Diagnostic[] = [];
  let text = typeof input === 'string' ? input : '';
  if (text.length > MAX_INPUT_CHARS) {
    diagnostics.push({
      code: 'input-too-large',
      severity: 'error',
      message: `the text has ${text.length.toLocaleString('en')} characters; only the first ${MAX_INPUT_CHARS.toLocaleString('en')} were read`,
    });
    text = text.slice(0, MAX_INPUT_CHARS);
  }
  text = text.replace(/^\uFEFF/, '');
  const firstKnown = options.footnotes?.reduce((m, f) => Math.min(m, f.number), Infinity);
  const assembled = assembleParagraphs(
    text,
    Number.isFinite(firstKnown) ? { firstFootnote: firstKnown } : {},
  );
  return recognizeAssembled(assembled, text, options, diagnostics, onLine);
}

/** A footnote handed over with paragraphs whose markers are superscript digits: "¹" for number 1. */
export interface ParagraphFootnote {
  readonly number: number;
  /** With `*italic*` marks, as paragraph text. */
  readonly text: string;
}

/**
 * For sources whose paragraph boundaries are known — a .docx (src/core/import) — rather than found
 * from line breaks: each string is one paragraph, classified as a line would be ("1. Requests",
 * "(a) ...", "Annex", "Resolution 6/1") but never joined to its neighbours; the footnotes come apart,
 * their markers superscript digits in the paragraphs. A diagnostic's `line` counts paragraphs (1-based);
 * its message quotes the paragraph's first words.
 */
/** A section heading handed over with paragraphs: "II" and its heading, or an unnumbered heading. */
export interface SectionHeading {
  readonly section: string;
  readonly heading: string;
}

export function recognizeParagraphs(
  paragraphs: readonly (string | SectionHeading)[],
  footnotes: readonly ParagraphFootnote[],
  options: RecognizeOptions = {},
): RecognizeResult {
  const diagnostics: Diagnostic[] = [];
  const logical: LogicalParagraph[] = [];
  let total = 0;
  for (const [k, raw] of paragraphs.entries()) {
    if (typeof raw !== 'string') {
      logical.push({
        kind: 'section',
        label: raw.section,
        text: raw.heading.replace(/\s+/g, ' ').trim(),
        line: k + 1,
      });
      continue;
    }
    const text = raw.replace(/\s+/g, ' ').trim();
    total += text.length;
    if (total > MAX_INPUT_CHARS) {
      diagnostics.push({
        code: 'input-too-large',
        severity: 'error',
        message: `the text has more than ${MAX_INPUT_CHARS.toLocaleString('en')} characters; only the first ${k.toLocaleString('en')} paragraphs were read`,
      });
      break;
    }
    if (text === '') continue;
    // One paragraph through the line reader: it says what kind of paragraph it is. No plain-digit
    // footnote can be due (firstFootnote out of reach), and a line it takes for a footnote stays text.
    const [one] = assembleParagraphs(text, { firstFootnote: Number.MAX_SAFE_INTEGER }).paragraphs;
    logical.push(one ? { ...one, line: k + 1 } : { kind: 'text', text, line: k + 1 });
  }
  const raw: RawFootnote[] = footnotes.map((f, k) => ({
    number: f.number,
    text: f.text.replace(/\s+/g, ' ').trim(),
    line: paragraphs.length + k + 1,
    afterParagraph: logical.length - 1,
  }));
  const text = [...logical.map((p) => p.text), ...raw.map((f) => f.text)].join('\n');
  return recognizeAssembled({ paragraphs: logical, footnotes: raw }, text, options, diagnostics, quoted);
}

function recognizeAssembled(
  assembled: AssembledText,
  text: string,
  options: RecognizeOptions,
  diagnostics: Diagnostic[],
  where: Where,
): RecognizeResult {
  // The footnote pool: the caller's, overridden by the input's own lines.
  const pool = new Map<number, RawFootnote>();
  for (const f of options.footnotes ?? []) pool.set(f.number, f);
  for (const f of assembled.footnotes) {
    if (pool.has(f.number) && !options.footnotes?.some((o) => o.line === f.line && o.number === f.number))
      diagnostics.push({
        code: 'footnote-duplicate',
        severity: 'warning',
        message: `footnote ${f.number} is printed twice; the text ${where(f)} is used`,
        line: f.line,
      });
    pool.set(f.number, f);
  }
  const ordered = [...pool.values()].sort((a, b) => a.number - b.number);
  const chain = resolveIbidChain(ordered.map((f) => f.text.replace(/\*/g, '')));
  const resolvedOf = new Map<number, string>();
  ordered.forEach((f, k) => resolvedOf.set(f.number, options.resolved?.get(f.number) ?? chain[k] ?? f.text));

  const segments = segmentsOf(assembled.paragraphs, diagnostics, where);
  const names = segments.map((s, k) => documentName(s, k));
  const split = segments.map((s, k) => ({
    ...s,
    paragraphs: splitInlineLabels(s.paragraphs, diagnostics, names[k] ?? '', where),
  }));
  const placements = split.map((s, k) =>
    placeParagraphs(s, options.kind, diagnostics, names[k] ?? '', where),
  );

  // Markers are resolved over the whole input at once: footnote numbers run across documents.
  const flat: { doc: number; placed: Placed }[] = [];
  placements.forEach((pl, doc) => pl.placed.forEach((placed) => flat.push({ doc, placed })));
  const lineToFlat = (line: number): number => {
    let idx = -1;
    flat.forEach((f, k) => {
      if (f.placed.paragraph.line <= line) idx = k;
    });
    return idx;
  };
  // Footnotes whose text appears in this input or that the caller handed over and a marker in it refers to.
  const relevant = ordered.filter(
    (f) =>
      assembled.footnotes.some((a) => a.number === f.number) ||
      options.footnotes?.some((o) => o.number === f.number),
  );
  const markerResult = resolveMarkers(
    flat.map((f) => ({
      text: f.placed.paragraph.text,
      searchable: f.placed.role !== 'title' && f.placed.role !== 'formula' && f.placed.role !== 'annexTitle',
    })),
    relevant
      .filter((f) => assembled.footnotes.some((a) => a.number === f.number))
      .map((f) => ({
        number: f.number,
        resolved: resolvedOf.get(f.number) ?? f.text,
        afterParagraph: lineToFlat(f.line),
      })),
    { exact: options.exactMarkers === true },
  );
  for (const issue of markerResult.issues) {
    const at = flat[issue.paragraph];
    diagnostics.push({
      code: issue.code,
      severity: issue.code === 'footnote-marker-missing' ? 'warning' : 'info',
      message: issue.message,
      ...(at ? { line: at.placed.paragraph.line, document: names[at.doc] ?? '' } : {}),
    });
  }

  const documents: ResolutionDocument[] = [];
  placements.forEach((pl, doc) => {
    const name = names[doc] ?? '';
    const texts: { role: Role; text: string; label?: string }[] = [];
    flat.forEach((f, k) => {
      if (f.doc === doc)
        texts.push({
          role: f.placed.role,
          text: markerResult.texts[k] ?? '',
          ...(f.placed.paragraph.label ? { label: f.placed.paragraph.label } : {}),
        });
    });
    const inl = (t: string): Inline[] => toInlines(t, footnoteId);
    const plainOf = (t: string): string => inlineText(inl(t));

    const title = texts.find((t) => t.role === 'title');
    const formula = texts.find((t) => t.role === 'formula');
    interface DraftOperative {
      label?: string;
      opener: string;
      content: Inline[];
      subs: { level: 1 | 2; label: string; content: Inline[] }[];
    }
    interface DraftPreambular {
      opener: string;
      content: Inline[];
      subs: { level: 1 | 2; label: string; content: Inline[] }[];
    }
    interface DraftPart {
      number: string;
      heading: string;
      preamble: DraftPreambular[];
      operative: DraftOperative[];
    }
    const top: DraftPart = { number: '', heading: '', preamble: [], operative: [] };
    const sections: DraftPart[] = [];
    let into = top;
    const preamble = top.preamble;
    const operative = top.operative;
    let annex: {
      title: string;
      intro: Inline[];
      headings: { before: number; number: string; heading: string }[];
      items: {
        label: string;
        content: Inline[];
        subs: { level: 1 | 2; label: string; content: Inline[] }[];
      }[];
    } | null = null;
    for (const t of texts) {
      switch (t.role) {
        case 'section':
          into = { number: t.label ?? '', heading: plainOf(t.text), preamble: [], operative: [] };
          sections.push(into);
          break;
        case 'preamble': {
          const s = splitOpener(inl(t.text));
          into.preamble.push({ opener: s.opener, content: s.content, subs: [] });
          break;
        }
        case 'preSub1':
        case 'preSub2': {
          const parent = into.preamble[into.preamble.length - 1];
          parent?.subs.push({
            level: t.role === 'preSub1' ? 1 : 2,
            label: t.label ?? '',
            content: inl(t.text),
          });
          break;
        }
        case 'operative': {
          const s = splitOpener(inl(t.text));
          const label =
            t.label === undefined ? undefined : /^[a-z]+$/.test(t.label) ? `(${t.label})` : t.label;
          into.operative.push({
            ...(label === undefined ? {} : { label }),
            opener: s.opener,
            content: s.content,
            subs: [],
          });
          break;
        }
        case 'sub1':
        case 'sub2': {
          const parent = into.operative[into.operative.length - 1];
          parent?.subs.push({ level: t.role === 'sub1' ? 1 : 2, label: t.label ?? '', content: inl(t.text) });
          break;
        }
        case 'annexTitle':
          // Never in place of an annex read already: its text would be lost.
          if (annex === null) annex = { title: plainOf(t.text), intro: [], headings: [], items: [] };
          else annex.headings.push({ before: annex.items.length, number: '', heading: plainOf(t.text) });
          break;
        case 'annexIntro':
          if (annex)
            annex.intro = annex.intro.length
              ? [...annex.intro, { type: 'text', text: ' ' }, ...inl(t.text)]
              : inl(t.text);
          break;
        case 'annexHeading':
          annex ??= { title: '', intro: [], headings: [], items: [] };
          annex.headings.push({
            before: annex.items.length,
            number: t.label ?? '',
            heading: plainOf(t.text),
          });
          break;
        case 'annexItem': {
          annex ??= { title: '', intro: [], headings: [], items: [] };
          const label = t.label === undefined ? '' : t.label;
          annex.items.push({ label, content: inl(t.text), subs: [] });
          break;
        }
        case 'annexSub': {
          const parent = annex?.items[annex.items.length - 1];
          parent?.subs.push({ level: 1, label: t.label ?? '', content: inl(t.text) });
          break;
        }
        default:
          break;
      }
    }

    // The document's footnotes: those its markers refer to, in order of first reference.
    const referenced: number[] = [];
    for (const t of texts)
      for (const n of markerNumbers(t.text)) if (!referenced.includes(n)) referenced.push(n);
    const footnotes: Footnote[] = referenced.map((n) => {
      const raw = pool.get(n);
      if (!raw)
        diagnostics.push({
          code: 'footnote-text-missing',
          severity: 'warning',
          message: `footnote ${n} is referred to but its text is not in the input`,
          document: name,
        });
      const content = raw ? toInlines(raw.text, footnoteId) : [];
      const resolved = resolvedOf.get(n);
      const printed = inlineText(content);
      return {
        id: footnoteId(n),
        number: n,
        content,
        ...(resolved !== undefined && resolved !== printed ? { resolved } : {}),
      };
    });

    const heading = split[doc]?.heading?.heading;
    const formulaText = formula ? plainOf(formula.text) : '';
    const document: ResolutionDocument = {
      schemaVersion: SCHEMA_VERSION,
      kind: pl.kind,
      ...(heading?.number && !heading.draft ? { number: heading.number } : {}),
      organ: organOf(formulaText),
      formula: formulaText,
      title: title ? plainOf(title.text) : '',
      metadata: {},
      preamble: preamble.map(preambularOf),
      operative: operative.map(operativeOf),
      ...(sections.length
        ? {
            sections: sections.map((x): Section => ({
              number: x.number,
              heading: x.heading,
              preamble: x.preamble.map(preambularOf),
              operative: x.operative.map(operativeOf),
            })),
          }
        : {}),
      annex: annex
        ? ({
            title: annex.title,
            intro: annex.intro,
            ...(annex.headings.length ? { headings: annex.headings } : {}),
            items: annex.items.map((it): Subparagraph => ({
              ...(it.label ? { label: /^[a-z]+$/.test(it.label) ? `(${it.label})` : it.label } : {}),
              content: it.content,
              subparagraphs: buildSubs(it.subs).map((s) => ({ ...s })),
            })),
          } satisfies Annex)
        : null,
      footnotes,
    };
    if (!document.title)
      diagnostics.push({
        code: 'title-missing',
        severity: 'warning',
        message: 'no title was found',
        document: name,
      });
    documents.push(document);
  });
  if (documents.length === 0 && text.trim() !== '')
    diagnostics.push({
      code: 'no-document',
      severity: 'warning',
      message: 'no resolution or decision was recognized in the text',
    });
  return { documents, diagnostics };
}
