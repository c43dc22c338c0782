/**
 * The ways a draft starts: from a template, from a past resolution or decision of the corpus (its
 * text copied in, the original remembered as the base for compare and tracked changes), or as a
 * follow-up on the same subject that opens by recalling it (UN practice: citing resolutions and how drafts travel).
 *
 * Misuse throws (ARCHITECTURE.md convention 6): these take documents the app already holds, so a
 * document without a number handed to the corpus functions is a bug, not a user's mistake.
 */
import { inlineText, normalizeInlines, plain } from '../model/inline.ts';
import { placeholder } from '../model/placeholders.ts';
import type { Footnote, Inline, Metadata, ResolutionDocument } from '../model/types.ts';
import { printedFromIsoDate } from '../references/dates.ts';
import { isIbid } from '../references/ibid.ts';
import { citeAct, footnoteContent } from '../references/lookup.ts';
import type { References } from '../references/types.ts';
import { COP_ORGAN } from '../references/types.ts';
import { withPositionalNumbering } from './numbering.ts';
import type { Template } from './template.ts';

/** The local calendar day as an ISO date: a draft is dated the day its author starts it. */
function isoDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A new draft from a template; a masthead date left open in the template becomes `now`'s day. */
export function draftFromTemplate(template: Template, now: Date = new Date()): ResolutionDocument {
  if (Number.isNaN(now.getTime())) throw new Error('draftFromTemplate: `now` is not a valid date');
  const doc = structuredClone(template.document);
  return template.datedOnStart ? { ...doc, metadata: { ...doc.metadata, date: isoDay(now) } } : doc;
}

/** "resolution 6/3": how `metadata.base.ref` names an act of the corpus. */
function corpusRef(doc: ResolutionDocument, caller: string): string {
  if (doc.number === undefined || doc.number === '')
    throw new Error(
      `${caller}: expected a numbered resolution or decision of the corpus, got a document without a number`,
    );
  return `${doc.kind} ${doc.number}`;
}

/** *Treaty Series* in italics, as the title of a publication (the UN Editorial Manual's style for publication titles). */
function italicizeTreatySeries(content: readonly Inline[]): Inline[] {
  return normalizeInlines(
    content.flatMap((run) => (run.type === 'text' && !run.italic ? footnoteContent(run.text) : [run])),
  );
}

/**
 * A footnote that no longer leans on the report around it. "Ibid." points at the previous note of
 * the report, which may belong to another resolution (footnote 16, the first of resolution 6/3, means
 * footnote 15 of resolution 6/2) and which the drafter may move or delete; the draft gets the
 * source itself (the Editorial Manual: a treaty's source is a footnote at its first mention).
 */
function standalone(footnote: Footnote): Footnote {
  const { resolved, ...rest } = footnote;
  if (isIbid(inlineText(footnote.content))) {
    // An "Ibid." with nothing before it cannot be expanded: kept as printed, for the author to see.
    if (resolved === undefined) return footnote;
    return { ...rest, content: footnoteContent(resolved) };
  }
  return { ...rest, content: italicizeTreatySeries(footnote.content) };
}

/**
 * A draft that starts as a copy of a past resolution or decision: same text and structure, the
 * original as its base (a draft building on an earlier resolution is submitted with that text as the
 * base). What belonged to the adopted text goes: its number, its
 * adoption, its session; labels and footnote numbers give way to position, footnotes stand alone.
 */
export function draftFromCorpus(doc: ResolutionDocument): ResolutionDocument {
  const ref = corpusRef(doc, 'draftFromCorpus');
  const { number: _number, ...rest } = doc;
  const metadata: Metadata = {
    ...(doc.metadata.footnoteRule === undefined ? {} : { footnoteRule: doc.metadata.footnoteRule }),
    base: { source: 'corpus', ref },
  };
  return withPositionalNumbering(
    structuredClone({ ...rest, metadata, footnotes: doc.footnotes.map(standalone) }),
  );
}

/** The enacting formula of a resolution of the same organ: a decision's ("... decided that:") cannot open a preamble. */
function resolutionFormula(doc: ResolutionDocument): string {
  return doc.kind === 'resolution' && doc.formula.endsWith(',') ? doc.formula : `The ${doc.organ},`;
}

/**
 * "its resolution 6/3 of 19 October 2012, entitled "..."", "its decision 6/2 of 19 October 2012"
 * (the title of a cited act is optional; the corpus cites decisions without it,
 * "reaffirming its decision 4/6 of 17 October 2008", resolution 6/2, PP1). The references know the
 * corpus's own acts with their dates; an act they do not know is cited from the document itself.
 */
function citation(doc: ResolutionDocument, refs: References, number: string): string {
  const withTitle = doc.kind === 'resolution';
  if (doc.organ.startsWith(COP_ORGAN)) {
    const cited = citeAct(refs, number, doc.kind, { withTitle });
    if (cited !== undefined) return cited;
  }
  const adopted = doc.metadata.adoption?.date;
  const date = adopted === undefined ? undefined : printedFromIsoDate(adopted);
  const title = withTitle && doc.title !== '' ? `, entitled "${doc.title}"` : '';
  return `its ${doc.kind} ${number}${date === undefined ? '' : ` of ${date}`}${title}`;
}

/**
 * A new resolution on the same subject as `doc`: the same organ and formula, the title offered as a
 * placeholder holding the old title, a first preambular paragraph recalling `doc`, and one operative
 * paragraph to write. A lone operative paragraph ends with a full stop, as the Assembly prints one.
 */
export function followUpDraft(doc: ResolutionDocument, refs: References): ResolutionDocument {
  const ref = corpusRef(doc, 'followUpDraft');
  const number = doc.number ?? '';
  return {
    schemaVersion: doc.schemaVersion,
    kind: 'resolution',
    organ: doc.organ,
    formula: resolutionFormula(doc),
    // A title holding guillemets would end the placeholder early; UN titles never do (placeholders.ts).
    title: placeholder(doc.title.replace(/[‹›\n]/g, '') || 'title of the resolution'),
    metadata: { base: { source: 'corpus', ref } },
    preamble: [{ opener: 'Recalling', content: plain(`${citation(doc, refs, number)},`) }],
    operative: [{ opener: '', content: plain(`${placeholder('operative paragraph')}.`), subparagraphs: [] }],
    annex: null,
    footnotes: [],
  };
}
