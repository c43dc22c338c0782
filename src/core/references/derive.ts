/**
 * The references the corpus cites, read from the corpus itself (UN practice: citing instruments and citing resolutions):
 * - each instrument's source is the footnote the corpus places right after its title;
 * - the resolutions and decisions it cites, with the dates and titles it prints for them;
 * - the documents it cites by symbol, with the description it gives in "Description (SYMBOL)" form.
 * Only the identity of the instruments is hand-kept (`instruments.ts`). The corpus's slips (a title
 * misprinted, a symbol misspelled) become diagnostics, never exceptions (ARCHITECTURE.md convention 6).
 */
import type { Corpus } from '../corpus/types.ts';
import { inlineText, joinOpener } from '../model/inline.ts';
import type { Footnote, Inline, ResolutionDocument, Subparagraph } from '../model/types.ts';
import type { Diagnostic } from '../parse/diagnostics.ts';
import { isoFromPrintedDate, PRINTED_DATE_SOURCE, printedFromIsoDate } from './dates.ts';
import { isIbid, resolveIbidChain } from './ibid.ts';
import { CONVENTION_AND_PROTOCOLS, INSTRUMENTS } from './instruments.ts';
import type { InstrumentGroupId, InstrumentId } from './instruments.ts';
import { COP_ORGAN } from './types.ts';
import type {
  CitedAct,
  CitedDocument,
  DocumentSymbolKind,
  InstrumentGroupReference,
  InstrumentReference,
  References,
} from './types.ts';

/** A stretch of cited text with the place it is cited from ("resolution 6/1 PP2", "para. 40", "footnote 12"). */
interface Passage {
  readonly where: string;
  /** The document it belongs to, for diagnostics: "resolution 6/2". */
  readonly document?: string;
  /** The content with its footnote references (empty for a footnote's own text). */
  readonly content: readonly Inline[];
  /** The plain text as printed, opener included. */
  readonly text: string;
}

export function deriveReferences(corpus: Corpus): References {
  const diagnostics: Diagnostic[] = [];
  const footnotes = footnoteSources(corpus);
  const passages = [...corpus.documents.flatMap(documentPassages), ...corpus.narrative.map(narrativePassage)];
  const footnotePassages: Passage[] = footnotes.ordered.flatMap((f) => {
    const text = footnotes.sourceOf(f) ?? inlineText(f.content).trim();
    return text === '' ? [] : [{ where: footnoteName(f), content: [], text }];
  });

  const { instruments, groups } = attributeFootnotes(passages, footnotes, diagnostics);
  const acts = collectActs(corpus.documents, [...passages, ...footnotePassages], diagnostics);
  const documents = collectDocuments(corpus.documents, [...passages, ...footnotePassages], diagnostics);
  return { instruments, groups, acts, documents, diagnostics };
}

// ---------------------------------------------------------------------------------------------------
// Passages

function documentName(doc: ResolutionDocument): string {
  return `${doc.kind} ${doc.number ?? 'draft'}`;
}

function documentPassages(doc: ResolutionDocument): Passage[] {
  const name = documentName(doc);
  const out: Passage[] = [];
  const push = (where: string, opener: string, content: readonly Inline[]): void => {
    out.push({ where, document: name, content, text: joinOpener(opener, inlineText(content)) });
  };
  const pushSubs = (parent: string, subs: readonly Subparagraph[]): void => {
    subs.forEach((s, i) => {
      const where = `${parent} ${s.label ?? `#${i + 1}`}`;
      push(where, '', s.content);
      pushSubs(where, s.subparagraphs);
    });
  };
  // Paragraphs are named as delegates cite them: PP3, OP5 (UN practice: how drafts travel).
  doc.preamble.forEach((p, i) => push(`${name} PP${i + 1}`, p.opener, p.content));
  doc.operative.forEach((p, i) => {
    const label = p.label ?? String(i + 1);
    const where = /^\d/.test(label) ? `${name} OP${label}` : `${name} ${label}`;
    push(where, p.opener, p.content);
    pushSubs(where, p.subparagraphs);
  });
  if (doc.annex) {
    push(`${name} annex`, '', doc.annex.intro);
    pushSubs(`${name} annex`, doc.annex.items);
  }
  return out;
}

function narrativePassage(p: Corpus['narrative'][number]): Passage {
  return {
    where: p.number === undefined ? `chap. ${p.chapter}` : `para. ${p.number}`,
    content: p.content,
    text: inlineText(p.content),
  };
}

function footnoteName(f: Footnote): string {
  return f.number === undefined ? `footnote ${f.id}` : `footnote ${f.number}`;
}

// ---------------------------------------------------------------------------------------------------
// Footnotes and their sources

interface FootnoteSources {
  /** Every footnote of the report in order. */
  readonly ordered: readonly Footnote[];
  readonly byId: ReadonlyMap<string, Footnote>;
  /** The source a footnote gives, "Ibid." expanded; undefined for an empty note or an Ibid. with nothing before it. */
  sourceOf(f: Footnote): string | undefined;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function footnoteSources(corpus: Corpus): FootnoteSources {
  const byId = new Map<string, Footnote>();
  const docNotes: Footnote[] = [];
  for (const doc of corpus.documents) {
    for (const f of doc.footnotes) {
      if (!byId.has(f.id)) docNotes.push(f);
      byId.set(f.id, f);
    }
  }
  for (const f of corpus.footnotes) byId.set(f.id, f);
  const ordered = corpus.footnotes.length > 0 ? corpus.footnotes : docNotes;
  // The corpus reader sets `resolved`; the chain is worked out again only for a footnote without it.
  const chain = resolveIbidChain(ordered.map((f) => inlineText(f.content)));
  const chained = new Map<string, string>();
  ordered.forEach((f, i) => chained.set(f.id, chain[i] ?? ''));
  return {
    ordered,
    byId,
    sourceOf(f) {
      const text = squash(f.resolved ?? chained.get(f.id) ?? inlineText(f.content));
      return text === '' || isIbid(text) ? undefined : text;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Instruments: which title a footnote annotates

type Target = InstrumentId | InstrumentGroupId;

interface TitleKey {
  readonly target: Target;
  readonly text: string;
  readonly words: readonly string[];
  /** A full title may be matched with one word misprinted; a short title must match exactly. */
  readonly full: boolean;
  readonly name: string;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function withoutArticle(title: string): string {
  return title.replace(/^the\s+/i, '');
}

const TITLE_KEYS: readonly TitleKey[] = [
  ...INSTRUMENTS,
  { ...CONVENTION_AND_PROTOCOLS, id: CONVENTION_AND_PROTOCOLS.id },
].flatMap((i) => {
  const name = i.shortTitles[0] ?? i.title;
  return [
    { target: i.id, text: i.title, words: words(i.title), full: true, name },
    ...i.shortTitles.map((s) => {
      const text = withoutArticle(s);
      return { target: i.id, text, words: words(text), full: false, name };
    }),
  ];
});

/** A full title misprinted in one word is still recognized when it is at least this long. */
const MIN_WORDS_FOR_VARIANT = 6;

interface TitleMatch {
  readonly key: TitleKey;
  /** The words as printed, when they differ from the title. */
  readonly variant?: string;
}

function isWordBoundary(ch: string | undefined): boolean {
  return ch === undefined || !/[\p{L}\p{N}]/u.test(ch);
}

/** The title that ends `before` (longest wins; at equal length an exact match beats a misprint). */
function titleEndingAt(before: string): TitleMatch | undefined {
  const tail = words(before);
  let best: TitleMatch | undefined;
  let bestLength = 0;
  for (const key of TITLE_KEYS) {
    let match: TitleMatch | undefined;
    if (before.endsWith(key.text) && isWordBoundary(before[before.length - key.text.length - 1])) {
      match = { key };
    } else if (key.full && key.words.length >= MIN_WORDS_FOR_VARIANT && tail.length >= key.words.length) {
      const printed = tail.slice(tail.length - key.words.length);
      let mismatches = 0;
      printed.forEach((w, i) => {
        if (w !== key.words[i]) mismatches++;
      });
      // One word off, with the first and the last words in place (footnote 6: "Convention on
      // Transnational Organized Crime" for "Convention against ...").
      if (mismatches === 1 && printed[0] === key.words[0] && printed.at(-1) === key.words.at(-1)) {
        match = { key, variant: printed.join(' ') };
      }
    }
    if (!match) continue;
    const length = key.text.length;
    if (length > bestLength || (length === bestLength && best?.variant !== undefined && !match.variant)) {
      best = match;
      bestLength = length;
    }
  }
  return best;
}

interface Candidate {
  readonly source: string;
  readonly number?: number;
  readonly where: string;
  readonly order: number;
}

function attributeFootnotes(
  passages: readonly Passage[],
  footnotes: FootnoteSources,
  diagnostics: Diagnostic[],
): { instruments: InstrumentReference[]; groups: InstrumentGroupReference[] } {
  const candidates = new Map<Target, Candidate[]>();
  let order = 0;
  for (const passage of passages) {
    let before = '';
    for (const part of passage.content) {
      if (part.type === 'text') {
        before += part.text;
        continue;
      }
      const footnote = footnotes.byId.get(part.footnoteId);
      const source = footnote && footnotes.sourceOf(footnote);
      // The marker follows the title, sometimes after a comma or a semicolon ("...Crime;¹⁸").
      const match = titleEndingAt(before.replace(/[\s,;:.]+$/, ''));
      if (!footnote || source === undefined || !match) continue;
      if (match.variant !== undefined) {
        diagnostics.push({
          code: 'reference-title-variant',
          severity: 'warning',
          message: `${footnoteName(footnote)} (${passage.where}) annotates "${match.variant}", a misprint of the title "${match.key.text}".`,
          ...(passage.document === undefined ? {} : { document: passage.document }),
        });
      }
      const list = candidates.get(match.key.target) ?? [];
      list.push({
        source,
        where: passage.where,
        order: order++,
        ...(footnote.number === undefined ? {} : { number: footnote.number }),
      });
      candidates.set(match.key.target, list);
    }
  }

  const instruments = INSTRUMENTS.map((i): InstrumentReference => {
    const chosen = chooseSource(i.shortTitles[0] ?? i.title, candidates.get(i.id) ?? [], true, diagnostics);
    return {
      id: i.id,
      title: i.title,
      shortTitles: i.shortTitles,
      commonNames: i.commonNames,
      ...chosen,
    };
  });
  const g = CONVENTION_AND_PROTOCOLS;
  const groups: InstrumentGroupReference[] = [
    {
      id: g.id,
      title: g.title,
      shortTitles: g.shortTitles,
      members: g.members,
      ...chooseSource(g.title, candidates.get(g.id) ?? [], false, diagnostics),
    },
  ];
  return { instruments, groups };
}

const MULTI_VOLUME = /\bvols\./;

/**
 * The source a title is footnoted with. For a single instrument a single-volume note wins over a
 * collective one ("vols. 2225, 2237, 2241 and 2326"); then the most frequent, then the first.
 */
function chooseSource(
  name: string,
  list: readonly Candidate[],
  preferSingleVolume: boolean,
  diagnostics: Diagnostic[],
): { source?: string; sourceFootnotes: number[]; footnotedIn: string[] } {
  const footnotedIn = unique(list.map((c) => c.where));
  const tally = new Map<string, { count: number; first: number }>();
  for (const c of list) {
    const t = tally.get(c.source);
    if (t) t.count++;
    else tally.set(c.source, { count: 1, first: c.order });
  }
  const ranked = [...tally.entries()].sort(([a, ta], [b, tb]) => {
    if (preferSingleVolume) {
      const multi = Number(MULTI_VOLUME.test(a)) - Number(MULTI_VOLUME.test(b));
      if (multi !== 0) return multi;
    }
    return tb.count - ta.count || ta.first - tb.first;
  });
  const source = ranked[0]?.[0];
  if (source === undefined) return { sourceFootnotes: [], footnotedIn };
  const rivals = ranked.slice(1).filter(([s]) => !preferSingleVolume || !MULTI_VOLUME.test(s));
  if (rivals.length > 0) {
    diagnostics.push({
      code: 'reference-source-conflict',
      severity: 'info',
      message: `${name}: footnoted as "${source}" and also as ${rivals.map(([s]) => `"${s}"`).join(', ')}.`,
    });
  }
  const sourceFootnotes = unique(
    list.filter((c) => c.source === source && c.number !== undefined).map((c) => c.number as number),
  );
  return { source, sourceFootnotes, footnotedIn };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

// ---------------------------------------------------------------------------------------------------
// Resolutions and decisions

const ACT = new RegExp(
  String.raw`\b([Rr]esolution|[Dd]ecision)s?\s+(\d+\/\d+(?:(?:\s*,\s*|\s+and\s+)\d+\/\d+)*)` +
    String.raw`(?:\s+of\s+(${PRINTED_DATE_SOURCE}))?` +
    String.raw`(?:,?\s+entitled\s+["“]([^"”]+)["”])?`,
  'g',
);

/**
 * Other organs named before "resolution": "General Assembly resolution 64/293", "adopted by the General
 * Assembly in its resolution 64/293". The library's texts name these and more (library/completion-data.ts).
 */
export const OTHER_ORGANS = [
  'General Assembly',
  'Economic and Social Council',
  'Security Council',
  'Human Rights Council',
  'Commission on Crime Prevention and Criminal Justice',
  'Commission on Narcotic Drugs',
] as const;
const ORGAN_BEFORE = new RegExp(`(${OTHER_ORGANS.join('|')}|Conference)(?:,?\\s+in\\s+its)?\\s+$`);

interface ActDraft {
  kind: 'resolution' | 'decision';
  organ: string;
  number: string;
  date?: string;
  dateText?: string;
  title?: string;
  citedIn: string[];
  draftSymbol?: string;
  meeting?: number;
  /** Where the date was first read, for a conflict's message. */
  datedIn?: string;
}

function actKey(organ: string, kind: string, number: string): string {
  return `${organ}|${kind}|${number}`;
}

function collectActs(
  documents: readonly ResolutionDocument[],
  passages: readonly Passage[],
  diagnostics: Diagnostic[],
): CitedAct[] {
  const acts = new Map<string, ActDraft>();
  // The corpus's own resolutions and decisions, dated by the chapters on action taken.
  for (const doc of documents) {
    if (doc.number === undefined) continue;
    const organ = doc.organ.startsWith(COP_ORGAN) ? COP_ORGAN : doc.organ;
    const adoption = doc.metadata.adoption;
    const dateText = adoption && printedFromIsoDate(adoption.date);
    acts.set(actKey(organ, doc.kind, doc.number), {
      kind: doc.kind,
      organ,
      number: doc.number,
      title: doc.title,
      citedIn: [],
      ...(adoption ? { date: adoption.date, datedIn: 'the report' } : {}),
      ...(dateText === undefined ? {} : { dateText }),
      ...(adoption?.draftSymbol === undefined ? {} : { draftSymbol: adoption.draftSymbol }),
      ...(adoption?.meeting === undefined ? {} : { meeting: adoption.meeting }),
    });
  }

  for (const passage of passages) {
    for (const m of passage.text.matchAll(ACT)) {
      const kind = (m[1] ?? '').toLowerCase() === 'decision' ? 'decision' : 'resolution';
      const before = passage.text.slice(Math.max(0, m.index - 80), m.index);
      const organName = ORGAN_BEFORE.exec(before)?.[1];
      const organ = organName === undefined || organName === 'Conference' ? COP_ORGAN : organName;
      const numbers = (m[2] ?? '').split(/\s*,\s*|\s+and\s+/);
      const dateText = m[3]?.replace(/\s+/g, ' ');
      const date = dateText === undefined ? undefined : isoFromPrintedDate(dateText);
      // A title after "entitled" belongs to one act only.
      const title = numbers.length === 1 ? m[4]?.trim() : undefined;
      for (const number of numbers) {
        const key = actKey(organ, kind, number);
        const act = acts.get(key) ?? { kind, organ, number, citedIn: [] };
        acts.set(key, act);
        if (!act.citedIn.includes(passage.where)) act.citedIn.push(passage.where);
        if (title !== undefined && act.title === undefined) act.title = title;
        if (date === undefined || dateText === undefined) continue;
        if (act.date === undefined) {
          act.date = date;
          act.dateText = dateText;
          act.datedIn = passage.where;
        } else if (act.date !== date) {
          diagnostics.push({
            code: 'act-date-conflict',
            severity: 'warning',
            message: `${kind} ${number} is dated ${dateText} in ${passage.where} but ${act.dateText ?? act.date} in ${act.datedIn ?? 'the corpus'}.`,
            ...(passage.document === undefined ? {} : { document: passage.document }),
          });
        }
      }
    }
  }

  return [...acts.values()].sort(compareActs).map(({ datedIn: _datedIn, ...act }) => act);
}

/** The Conference's own acts first, resolutions before decisions, then by session and number. */
function compareActs(a: ActDraft, b: ActDraft): number {
  const own = Number(b.organ === COP_ORGAN) - Number(a.organ === COP_ORGAN);
  if (own !== 0) return own;
  if (a.organ !== b.organ) return a.organ.localeCompare(b.organ);
  if (a.kind !== b.kind) return a.kind === 'resolution' ? -1 : 1;
  return a.number.localeCompare(b.number, 'en', { numeric: true });
}

// ---------------------------------------------------------------------------------------------------
// Documents cited by symbol

/** UN document symbols: series / body / year / number, with L., CRP., Rev., Add., Corr. parts. */
const SYMBOL = /\b(?:CTOC|CTO[A-BD-Z]|A|E|S|ST)(?:\/[A-Za-z0-9.]*[A-Za-z0-9]){2,}/g;
/** The Conference's series misspelled: "CTOP/COP/2012/14" in report para. 29 (b). */
const SERIES_TYPO = /^CTO[A-BD-Z]\/COP\//;

export function symbolKind(symbol: string): DocumentSymbolKind {
  if (/\/L\.\d/.test(symbol)) return 'draft';
  if (/\/CRP\.\d/.test(symbol)) return 'conference-room-paper';
  if (/\/INF\//.test(symbol)) return 'information';
  if (/\/WG\.\d/.test(symbol)) return 'working-group';
  return 'document';
}

interface DocumentDraft {
  symbol: string;
  description?: string;
  printedAs: string[];
  citedIn: string[];
}

function collectDocuments(
  documents: readonly ResolutionDocument[],
  passages: readonly Passage[],
  diagnostics: Diagnostic[],
): CitedDocument[] {
  const found = new Map<string, DocumentDraft>();
  const note = (printed: string, where: string, description?: string, document?: string): void => {
    const symbol = printed.replace(SERIES_TYPO, 'CTOC/COP/');
    const doc = found.get(symbol) ?? { symbol, printedAs: [], citedIn: [] };
    found.set(symbol, doc);
    if (!doc.citedIn.includes(where)) doc.citedIn.push(where);
    if (description !== undefined && doc.description === undefined) doc.description = description;
    if (printed !== symbol && !doc.printedAs.includes(printed)) {
      doc.printedAs.push(printed);
      diagnostics.push({
        code: 'document-symbol-typo',
        severity: 'warning',
        message: `${where} prints the symbol "${printed}"; the series is "CTOC/COP" ("${symbol}").`,
        ...(document === undefined ? {} : { document }),
      });
    }
  };

  for (const passage of passages) {
    for (const m of passage.text.matchAll(SYMBOL)) {
      note(
        m[0],
        passage.where,
        describedBefore(passage.text, m.index, m.index + m[0].length),
        passage.document,
      );
    }
  }
  for (const doc of documents) {
    const draft = doc.metadata.adoption?.draftSymbol;
    if (draft !== undefined) note(draft, `${documentName(doc)} (draft adopted)`);
  }

  return [...found.values()]
    .sort((a, b) => a.symbol.localeCompare(b.symbol, 'en', { numeric: true }))
    .map(({ printedAs, description, ...d }) => ({
      ...d,
      symbolKind: symbolKind(d.symbol),
      ...(description === undefined ? {} : { description }),
      ...(printedAs.length === 0 ? {} : { printedAs }),
    }));
}

/**
 * Where a description may begin: a colon or semicolon (chapter lists), "had before it", "adopted" and an
 * article (para. 40: "adopted a revised draft resolution (CTOC/COP/2012/L.4/Rev.2)"), a new sentence.
 * "adopted by" is no start: "recommendations adopted by the Working Group ... (CTOC/COP/2012/3)".
 */
const DESCRIPTION_START = /(?::\s+|;\s+|\bhad before it,?\s+|\badopted\s+(?=(?:a|an|the)\s)|\.\s+(?=[A-Z]))/g;

/**
 * The description printed before "(SYMBOL)": "(a) Report of the Secretariat on the development of a
 * digest of organized crime cases (CTOC/COP/2012/11);" gives "Report of the Secretariat on ...".
 */
function describedBefore(text: string, start: number, end: number): string | undefined {
  if (text[start - 1] !== '(') return undefined;
  // "(CTOC/COP/2012/L.1 and Add.1-9)"
  if (!/^(?:\s+and\s+(?:Add|Corr|Rev)\.[\d-]+)?\)/.test(text.slice(end))) return undefined;
  const prefix = text.slice(0, start - 1);
  let from = 0;
  for (const m of prefix.matchAll(DESCRIPTION_START)) {
    if (!insideQuotes(prefix, m.index)) from = m.index + m[0].length;
  }
  const description = prefix
    .slice(from)
    .replace(/^(?:-\s+)?\([a-z]{1,5}\)\s+/, '')
    // "had before it, in addition to the documents prepared by the Secretariat, a list of ..." (para. 18)
    .replace(/^,?\s*in addition to [^,]*,\s*/, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[\s,]+$/, '');
  if (description === '') return undefined;
  return description.charAt(0).toUpperCase() + description.slice(1);
}

/** Whether a position falls inside a quotation: "Chapultepec Consensus: establishment of ..." (para. 29 (f)). */
function insideQuotes(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return straight % 2 === 1 || opened > 0;
}
