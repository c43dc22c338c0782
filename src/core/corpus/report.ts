/**
 * Reads the report of the sixth session of the Conference of the Parties (CTOC/COP/2012/15), as
 * text converted from the printed document and shipped unedited, into resolutions 6/1-6/4,
 * decisions 6/1-6/3, the rest of its paragraphs and every footnote.
 *
 * What is specific to a session report lives here (where chapter I starts and ends, the section
 * headings between the adopted texts, the paragraphs saying who sponsored which draft); reading the
 * texts themselves is the shared recognizer's job (src/core/parse).
 */
import type { Adoption, Footnote, ResolutionDocument } from '../model/types.ts';
import type { Diagnostic } from '../parse/diagnostics.ts';
import { assembleParagraphs, type LogicalParagraph, type RawFootnote } from '../parse/lines.ts';
import { recognize } from '../parse/recognize.ts';
import { resolveMarkers, toInlines } from '../parse/markers.ts';
import { resolveIbidChain } from '../references/ibid.ts';
import { isoFromPrintedDate } from '../references/dates.ts';
import type { Corpus, NarrativeParagraph } from './types.ts';

const CHAPTER = /^([IVX]+|ΧI)\.?\s+(\S.*)$/;
/**
 * Splits a sponsors list as the report prints it: "Costa Rica, Croatia, ..., Peru and the United
 * States"; "El Salvador (on behalf of the Group of Latin American and Caribbean States) and the
 * United States". Commas and the last "and" inside parentheses do not split.
 */
export function splitSponsors(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const cuts: { at: number; len: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && ch === ',') cuts.push({ at: i, len: 1 });
    else if (depth === 0 && text.startsWith(' and ', i)) cuts.push({ at: i, len: 5 });
  }
  // Only the last " and " separates names ("Bosnia and Herzegovina" stays whole when commas are used).
  const lastAnd = [...cuts].reverse().find((c) => c.len === 5);
  for (const c of cuts) {
    if (c.len === 5 && c !== lastAnd) continue;
    parts.push(text.slice(start, c.at));
    start = c.at + c.len;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim().replace(/^and\s+/, '').replace(/^the\s+/, '')).filter((p) => p !== '');
}

interface Chapter {
  readonly numeral: string;
  readonly startLine: number;
  readonly endLine: number;
}

/** Chapter headings of the body (after the table of contents): "I. Resolutions and decisions adopted by the Conference". */
function findChapters(lines: readonly string[]): Chapter[] {
  const starts: { numeral: string; line: number }[] = [];
  // The table of contents lists the chapters with tab-separated page numbers; the body headings stand alone.
  const bodyStart = lines.findIndex((l, i) => i > 0 && /^I\.\s+Resolutions and decisions adopted/.test(l) && !/\t/.test(l));
  for (let i = Math.max(bodyStart, 0); i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/\t/.test(line)) continue;
    const m = CHAPTER.exec(line.trim());
    if (!m || !m[1] || !m[2] || /^\d/.test(m[2])) continue;
    const numeral = m[1].replace('Χ', 'X');
    const expected = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI'][starts.length];
    if (numeral === expected) starts.push({ numeral, line: i });
  }
  return starts.map((s, k) => ({ numeral: s.numeral, startLine: s.line, endLine: (starts[k + 1]?.line ?? lines.length) - 1 }));
}

/** Keeps line numbers: lines outside [from, to] become blank. */
function slice(lines: readonly string[], from: number, to: number, blankIf?: (line: string) => boolean): string {
  return lines.map((l, i) => (i < from || i > to || (blankIf && blankIf(l)) ? '' : l)).join('\n');
}

/** The report's own section headings and intro paragraphs between the adopted texts. */
function isReportFrame(line: string): boolean {
  const t = line.trim();
  return (
    /^[IVX]+\.\s+Resolutions and decisions adopted/.test(t) ||
    /^[AB]\.\s+(?:Resolutions|Decisions)$/.test(t) ||
    /^(?:-\s+)?\d+\.\s+At its sixth session, held in .* adopted the following (?:resolutions|decisions):$/.test(t)
  );
}

interface ActionTaken {
  readonly key: string;
  readonly adoption: Adoption;
}

/**
 * "At its 10th meeting, on 19 October 2012, the Conference adopted a revised draft resolution
 * (CTOC/COP/2012/L.4/Rev.2) sponsored by Costa Rica, ... (For the text, see chapter I, section A,
 * resolution 6/1.)" — from chapters IV, VII, IX and X.
 */
function readActions(narrative: readonly { text: string }[], diagnostics: Diagnostic[]): ActionTaken[] {
  const actions: ActionTaken[] = [];
  let lastMeeting: { meeting: number; date: string } | undefined;
  for (const { text } of narrative) {
    const meeting = /\b(\d+)(?:st|nd|rd|th) meeting, on (\d{1,2} [A-Z][a-z]+ \d{4})/.exec(text);
    if (meeting && meeting[1] && meeting[2]) {
      const date = isoFromPrintedDate(meeting[2]);
      if (date) lastMeeting = { meeting: Number(meeting[1]), date };
    }
    const see = /\(For the text, see chapter I, section [AB], (resolution|decision) (\d+\/\d+)\.\)/.exec(text);
    if (!see) continue;
    const key = `${see[1]} ${see[2]}`;
    const also = /\b(?:Also )?at its (\d+)(?:st|nd|rd|th) meeting\b/i.exec(text);
    if (!lastMeeting || (also && Number(also[1]) !== lastMeeting.meeting)) {
      diagnostics.push({ code: 'adoption-date-missing', severity: 'warning', message: `no meeting date found for ${key}`, document: key });
      continue;
    }
    const draft = /\((CTOC\/COP\/\d{4}\/L\.\d+(?:\/Rev\.\d+)?)\)/.exec(text);
    const sponsored = /\) sponsored by (.+?)\.\s+\(For the text/.exec(text);
    const submitted = /\) submitted by (?:the )?(.+?)\.\s+\(For the text/.exec(text);
    actions.push({
      key,
      adoption: {
        date: lastMeeting.date,
        meeting: lastMeeting.meeting,
        ...(draft?.[1] ? { draftSymbol: draft[1] } : {}),
        sponsors: sponsored?.[1] ? splitSponsors(sponsored[1]) : [],
        ...(submitted?.[1] ? { submittedBy: submitted[1] } : {}),
      },
    });
  }
  return actions;
}

/** Reads the report. Never throws: trouble in the text is returned as diagnostics. */
export function readReport(text: string): Corpus {
  const diagnostics: Diagnostic[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const chapters = findChapters(lines);
  const first = chapters[0];
  if (!first || first.numeral !== 'I') {
    diagnostics.push({ code: 'report-structure', severity: 'error', message: 'chapter I ("Resolutions and decisions adopted by the Conference") was not found' });
    return { symbol: 'CTOC/COP/2012/15', documents: [], narrative: [], footnotes: [], diagnostics };
  }

  // Every footnote of the report, in order, with Ibid. chains resolved across chapters.
  const whole = assembleParagraphs(slice(lines, first.startLine, lines.length - 1));
  const rawFootnotes: RawFootnote[] = [...whole.footnotes].sort((a, b) => a.number - b.number);
  rawFootnotes.forEach((f, k) => {
    if (k > 0 && f.number !== (rawFootnotes[k - 1]?.number ?? 0) + 1)
      diagnostics.push({ code: 'footnote-sequence', severity: 'warning', message: `footnote ${f.number} follows footnote ${rawFootnotes[k - 1]?.number}`, line: f.line });
  });
  const chain = resolveIbidChain(rawFootnotes.map((f) => f.text.replace(/\*/g, '')));
  const resolved = new Map<number, string>();
  rawFootnotes.forEach((f, k) => resolved.set(f.number, chain[k] ?? f.text));
  const footnotes: Footnote[] = rawFootnotes.map((f) => ({
    id: `fn${f.number}`,
    number: f.number,
    content: toInlines(f.text, (n) => `fn${n}`),
    resolved: resolved.get(f.number) ?? f.text,
  }));

  // Chapter I: the adopted texts.
  const chapterI = slice(lines, first.startLine, first.endLine, isReportFrame);
  const recognized = recognize(chapterI, { footnotes: rawFootnotes, resolved });
  diagnostics.push(...recognized.diagnostics);

  // Chapters II-XI: narrative paragraphs, for what they cite and for who sponsored what.
  const narrative: NarrativeParagraph[] = [];
  const narrativeTexts: { text: string }[] = [];
  for (const chapter of chapters.slice(1)) {
    // Footnotes run across the report: the first one due in this chapter follows the last one before it.
    const before = whole.footnotes.filter((f) => f.line <= chapter.startLine).reduce((m, f) => Math.max(m, f.number), 0);
    const assembled = assembleParagraphs(slice(lines, chapter.startLine + 1, chapter.endLine), { firstFootnote: before + 1 });
    const paragraphs = assembled.paragraphs.filter((p: LogicalParagraph) => p.kind === 'numbered' || p.kind === 'text' || p.kind === 'lettered');
    // Narrative markers are all superscripts in this report: nothing is searched for here.
    const { texts } = resolveMarkers(
      paragraphs.map((p) => ({ text: p.text, searchable: false })),
      [],
    );
    paragraphs.forEach((p, k) => {
      const content = toInlines(texts[k] ?? p.text, (n) => `fn${n}`);
      narrative.push({ chapter: chapter.numeral, ...(p.kind === 'numbered' && p.label ? { number: p.label } : {}), content });
      narrativeTexts.push({ text: p.text });
    });
  }

  const actions = readActions(narrativeTexts, diagnostics);
  const documents: ResolutionDocument[] = recognized.documents.map((doc) => {
    const key = `${doc.kind} ${doc.number ?? ''}`;
    const action = actions.find((a) => a.key === key);
    if (!action) diagnostics.push({ code: 'adoption-missing', severity: 'warning', message: `the report does not say how ${key} was adopted`, document: key });
    return {
      ...doc,
      metadata: {
        ...doc.metadata,
        session: 'Sixth session, Vienna, 15-19 October 2012',
        footnoteRule: '2012',
        ...(action ? { adoption: action.adoption } : {}),
      },
    };
  });
  return { symbol: 'CTOC/COP/2012/15', documents, narrative, footnotes, diagnostics };
}
