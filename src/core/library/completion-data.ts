/**
 * What the editor's completion knows from the library (issue 13, item 4):
 * - the openers each body uses, with their counts and where they were used last;
 * - every resolution and decision the library holds, with its adoption date and title, and those it
 *   cites with the date it prints for them ("its resolution 70/1 of 25 September 2015, entitled …"),
 *   which reach back before the library's sessions;
 * - the instruments it cites with the *Treaty Series* source its footnotes give.
 *
 * `buildCompletionData` runs where the library is loaded (the worker, in the app) and gives a
 * plain-JSON value that crosses to the page: counts and a few labels, never the texts. The user's
 * documents go through the same function (their body is 'user') and are merged in with
 * `mergeCompletionData`. On the page, `libraryCompletion` turns the value into what the menu asks:
 * a lexicon ranked by the draft's body, act and instrument suggestions.
 */
import { sectionParts } from '../compare/units.ts';
import type { Lexicon, LexiconEntry, OpenerSource } from '../lexicon/lexicon.ts';
import { compareEntries, lexiconOf, openerKey, sameOpenerKey } from '../lexicon/lexicon.ts';
import { decomposeOpener, type OpenerPart } from '../lexicon/sequence.ts';
import { SUPPLEMENTARY_OPENERS } from '../lexicon/supplementary.ts';
import { inlineText, joinOpener } from '../model/inline.ts';
import type { Inline, ResolutionDocument, Subparagraph } from '../model/types.ts';
import { foldTypography } from '../model/typography.ts';
import { isoFromPrintedDate, PRINTED_DATE_SOURCE, printedFromIsoDate } from '../references/dates.ts';
import { OTHER_ORGANS } from '../references/derive.ts';
import { isIbid, resolveIbidChain } from '../references/ibid.ts';
import {
  actNumberScore,
  citeAfter,
  footnoteContent,
  instrumentArticle,
  nameScore,
  parseActQuery,
  suggestReferences,
  type ActSuggestion,
  type ReferenceSuggestion,
  type SuggestionContext,
} from '../references/lookup.ts';
import { COP_ORGAN, type CitedAct, type References } from '../references/types.ts';
import { LIBRARY_BODIES, type LibraryBody, type LibraryDocument } from './types.ts';

export const COMPLETION_DATA_VERSION = 1;

/** Uses kept per opener: the menu shows three, the latest first. */
export const OPENER_SOURCES_KEPT = 3;
/** Places kept per instrument. */
const INSTRUMENT_PLACES_KEPT = 3;

/** One opener of one body. */
export interface LibraryOpener {
  /** As printed ("Also requests", "Noting with appreciation"). */
  readonly phrase: string;
  readonly part: OpenerPart;
  readonly count: number;
  /** The latest uses as delegates cite them, the newest session first: "A/RES/80/12 OP3", "6/1 OP4". */
  readonly sources: readonly string[];
}

/** A resolution or decision the library holds or cites. */
export interface LibraryAct {
  /** "79/1", "79/258 A", "2023/15". */
  readonly number: string;
  /** ISO date of adoption: the library's own metadata, or the date its texts print most often. */
  readonly date?: string;
  readonly title?: string;
  /** The library holds the act itself (its date and title are its own, not a citation's). */
  readonly held?: true;
}

/** The acts of one organ and kind, in number order (grouped: the organ is not repeated 3,000 times). */
export interface LibraryActGroup {
  /** "General Assembly", "Conference of the Parties" (`COP_ORGAN`), "Human Rights Council" … */
  readonly organ: string;
  readonly kind: CitedAct['kind'];
  readonly acts: readonly LibraryAct[];
}

/** An instrument the library cites with its *Treaty Series* source. */
export interface LibraryInstrument {
  /** The title as matched: typography folded, lower case, single-spaced (`instrumentKey`). */
  readonly key: string;
  /** As printed, without an article: "Convention on the Rights of the Child". */
  readonly title: string;
  /** As its footnotes print it: "United Nations, Treaty Series, vol. 1577, No. 27531." */
  readonly source: string;
  /** Footnotes that give it this source. */
  readonly count: number;
  /** The first places it is footnoted: "A/RES/78/187 PP3". */
  readonly citedIn: readonly string[];
}

export interface LibraryCompletionData {
  readonly version: typeof COMPLETION_DATA_VERSION;
  /** Per body, both parts, most used first. */
  readonly openers: Readonly<Record<LibraryBody, readonly LibraryOpener[]>>;
  readonly acts: readonly LibraryActGroup[];
  readonly instruments: readonly LibraryInstrument[];
}

// ---------------------------------------------------------------------------------------------------
// Building

/** A document's own organ, as the citations of other texts name it; null when it says none. */
function organOf(d: LibraryDocument): string | null {
  if (d.meta.body === 'ga') return 'General Assembly';
  if (d.meta.body === 'cop') return COP_ORGAN;
  return organOfText(d.doc.organ);
}

/** "Conference of the Parties to the United Nations Convention …" → `COP_ORGAN`; other names as printed. */
function organOfText(organ: string): string | null {
  const name = organ.replace(/\s+/g, ' ').trim();
  if (name === '') return null;
  if (name.startsWith('General Assembly')) return 'General Assembly';
  if (name.startsWith(COP_ORGAN)) return COP_ORGAN;
  return name;
}

/**
 * Which body's practice a draft follows: its organ (the enacting formula's, `document.organ`). An
 * organ the library holds no texts of (the Economic and Social Council, a commission) gets null: the
 * whole library's use.
 */
export function bodyOfOrgan(organ: string | undefined): LibraryBody | null {
  const name = organOfText(organ ?? '');
  if (name === 'General Assembly') return 'ga';
  if (name === COP_ORGAN) return 'cop';
  return null;
}

/** How a document is named in a provenance label: the report's own acts as the report's lexicon does ("6/1 OP4"). */
function citedName(d: LibraryDocument): string {
  return d.meta.body === 'cop' && d.meta.number !== null ? d.meta.number : d.meta.symbol;
}

interface Paragraph {
  /** "PP3", "OP12", "II OP3": as delegates cite it (UN practice: how drafts travel). */
  readonly label: string;
  readonly part: OpenerPart;
  readonly opener: string;
  readonly content: readonly Inline[];
  readonly subparagraphs: readonly Subparagraph[];
}

/** The preambular and operative paragraphs of a document, sections included, in reading order. */
function paragraphsOf(doc: ResolutionDocument): Paragraph[] {
  const out: Paragraph[] = [];
  for (const { prefix, preamble, operative } of sectionParts(doc)) {
    preamble.forEach((p, k) =>
      out.push({
        label: `${prefix}PP${k + 1}`,
        part: 'preamble',
        opener: p.opener,
        content: p.content,
        subparagraphs: p.subparagraphs ?? [],
      }),
    );
    operative.forEach((p, k) => {
      const printed = p.label ?? String(k + 1);
      out.push({
        label: `${prefix}${/^\(/.test(printed) ? printed : `OP${printed}`}`,
        part: 'operative',
        opener: p.opener,
        content: p.content,
        subparagraphs: p.subparagraphs,
      });
    });
  }
  return out;
}

function subparagraphTexts(subs: readonly Subparagraph[], out: string[]): void {
  for (const s of subs) {
    out.push(inlineText(s.content));
    subparagraphTexts(s.subparagraphs, out);
  }
}

/** Count per value, first seen first. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(value: string, by = 1): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + by);
  }
  /** The most frequent value; of equals, the first seen. */
  best(): string | undefined {
    let best: string | undefined;
    let most = 0;
    for (const [value, count] of this.counts)
      if (count > most) {
        best = value;
        most = count;
      }
    return best;
  }
  total(): number {
    let n = 0;
    for (const count of this.counts.values()) n += count;
    return n;
  }
}

// --- Openers

interface OpenerDraft {
  phrase: string;
  part: OpenerPart;
  count: number;
  /** Uses kept while counting: the `OPENER_SOURCES_KEPT` latest by rank. */
  uses: { label: string; rank: number }[];
}

/**
 * Ranks documents for provenance: the newest session first, then the library's order (by number),
 * so "A/RES/80/…" labels come before "A/RES/78/…", and the report's "6/1 OP4" before "6/4 OP2".
 */
function documentRanks(documents: readonly LibraryDocument[]): number[] {
  const order = documents.map((d, i) => ({ i, session: d.meta.session ?? -1 }));
  order.sort((a, b) => b.session - a.session || a.i - b.i);
  const ranks = new Array<number>(documents.length);
  order.forEach(({ i }, rank) => (ranks[i] = rank));
  return ranks;
}

/**
 * Counts the openers of each body's resolutions, as the report's lexicon does (lexicon.ts): decisions
 * (past tense in a report) and annexes (another body's words) are left out; so are paragraphs whose
 * opener the reader did not recognize.
 */
function collectOpeners(documents: readonly LibraryDocument[]): Record<LibraryBody, LibraryOpener[]> {
  const ranks = documentRanks(documents);
  const byBody = new Map<LibraryBody, Map<string, OpenerDraft>>();
  documents.forEach((d, i) => {
    if (d.doc.kind !== 'resolution') return;
    let tallies = byBody.get(d.meta.body);
    if (tallies === undefined) byBody.set(d.meta.body, (tallies = new Map()));
    const name = citedName(d);
    // Paragraph order within a document breaks ties of rank.
    paragraphsOf(d.doc).forEach((p, k) => {
      const phrase = p.opener.replace(/\s+/g, ' ').trim();
      if (phrase === '') return;
      const key = `${p.part}:${phrase.toLowerCase()}`;
      let tally = tallies.get(key);
      if (tally === undefined) tallies.set(key, (tally = { phrase, part: p.part, count: 0, uses: [] }));
      tally.count++;
      keepLatest(tally.uses, { label: `${name} ${p.label}`, rank: (ranks[i] ?? 0) * 100_000 + k });
    });
  });
  const out = emptyOpeners();
  for (const [body, tallies] of byBody)
    out[body] = [...tallies.values()]
      .map(({ phrase, part, count, uses }) => ({ phrase, part, count, sources: uses.map((u) => u.label) }))
      .sort(compareOpeners);
  return out;
}

/** Keeps the `OPENER_SOURCES_KEPT` uses of lowest rank, in rank order. */
function keepLatest(uses: { label: string; rank: number }[], use: { label: string; rank: number }): void {
  if (uses.length === OPENER_SOURCES_KEPT && (uses.at(-1)?.rank ?? 0) <= use.rank) return;
  let at = uses.length;
  while (at > 0 && (uses[at - 1]?.rank ?? 0) > use.rank) at--;
  uses.splice(at, 0, use);
  if (uses.length > OPENER_SOURCES_KEPT) uses.pop();
}

function emptyOpeners(): Record<LibraryBody, LibraryOpener[]> {
  return { ga: [], cop: [], user: [] };
}

function compareOpeners(a: LibraryOpener, b: LibraryOpener): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.part !== b.part) return a.part === 'preamble' ? -1 : 1;
  return a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0;
}

// --- Acts

/** "79/1", "79/258 A", "2023/15" (a session or year, a number, a part letter). */
const NUMBER = String.raw`\d{1,4}\/\d{1,4}(?: [A-H](?![\p{L}\p{N}]))?`;
const DATED = String.raw`(?:\s+of\s+${PRINTED_DATE_SOURCE})?`;
const ENTITLED = String.raw`(?:,?\s+entitled\s+["“][^"”]{1,400}["”])?`;
const SEPARATOR = String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+)`;
/** "resolutions 53/199 of 15 December 1998 and 61/185 of 20 December 2006": the keyword and its list. */
const CITATION = new RegExp(
  String.raw`\b([Rr]esolution|[Dd]ecision)s?\s+(${NUMBER}${DATED}${ENTITLED}(?:${SEPARATOR}${NUMBER}${DATED}${ENTITLED})*)`,
  'gu',
);
/** One act of the list. */
const ITEM = new RegExp(
  String.raw`(${NUMBER})(?:\s+of\s+(${PRINTED_DATE_SOURCE}))?(?:,?\s+entitled\s+["“]([^"”]{1,400})["”])?`,
  'gu',
);

/** Organs the library's texts name before "resolution": the report's (derive.ts) and more. */
const NAMED_ORGANS = [
  ...OTHER_ORGANS,
  'Commission on the Status of Women',
  'Commission for Social Development',
  'Commission on Population and Development',
  'Commission on Sustainable Development',
] as const;
/** "Human Rights Council resolution", "adopted by the General Assembly in its resolution". */
const ORGAN_BEFORE = new RegExp(String.raw`(${NAMED_ORGANS.join('|')})(?:,?\s+(?:in|by)\s+its)?\s+$`);
/** "its resolution", "the Assembly, in its resolution". */
const ITS_BEFORE = /\bits\s+$/;
/** "the Council, in its resolution": another body's "its", not named; left out. */
const OTHER_BODY_ITS =
  /\b(?:Council|Commission|Committee|Board|Conference|Forum|Organization|Agency|Court|Secretary-General|Programme|Fund)\b[^.;]{0,20}\b(?:in|by)\s+its\s+$/;
/** The report's own "Conference resolution 5/3" (6/3 OP19). */
const CONFERENCE_BEFORE = /\bConference(?:,?\s+in\s+its)?\s+$/;

interface ActDraft {
  organ: string;
  kind: CitedAct['kind'];
  number: string;
  date?: string;
  title?: string;
  held: boolean;
  dates: Tally;
  titles: Tally;
}

function actKey(organ: string, kind: string, number: string): string {
  return `${organ}|${kind}|${number}`;
}

/** Whose act a citation names: a named organ, "its" (the citing text's own organ), or null when it cannot tell. */
function citedOrgan(before: string, own: string | null): string | null {
  const named = ORGAN_BEFORE.exec(before)?.[1];
  if (named !== undefined) return named;
  if (own === COP_ORGAN && CONFERENCE_BEFORE.test(before)) return COP_ORGAN;
  if (ITS_BEFORE.test(before)) {
    if (OTHER_BODY_ITS.test(before) && !/\bAssembly\b[^.;]{0,20}\bin\s+its\s+$/.test(before)) return null;
    return own;
  }
  // A bare "resolution 5/1": the report's texts cite the Conference's own that way (derive.ts); an
  // Assembly text's bare number may be another organ's, so it is not taken.
  return own === COP_ORGAN ? COP_ORGAN : null;
}

function collectActs(documents: readonly LibraryDocument[]): LibraryActGroup[] {
  const acts = new Map<string, ActDraft>();
  const draft = (organ: string, kind: CitedAct['kind'], number: string): ActDraft => {
    const key = actKey(organ, kind, number);
    let act = acts.get(key);
    if (act === undefined)
      acts.set(key, (act = { organ, kind, number, held: false, dates: new Tally(), titles: new Tally() }));
    return act;
  };
  // The library's own, dated by their adoption.
  for (const d of documents) {
    const organ = organOf(d);
    if (organ === null || d.meta.number === null) continue;
    const act = draft(organ, d.meta.kind, d.meta.number);
    act.held = true;
    if (d.meta.date !== null) act.date ??= d.meta.date;
    if (d.meta.title !== '') act.title ??= d.meta.title;
  }
  // Those their texts cite, with the dates and titles printed.
  for (const d of documents) {
    const own = organOf(d);
    for (const text of citingTexts(d.doc)) {
      for (const m of text.matchAll(CITATION)) {
        const organ = citedOrgan(text.slice(Math.max(0, m.index - 100), m.index), own);
        if (organ === null) continue;
        const kind = (m[1] ?? '').toLowerCase() === 'decision' ? 'decision' : 'resolution';
        for (const item of (m[2] ?? '').matchAll(ITEM)) {
          const date = item[2] === undefined ? undefined : isoFromPrintedDate(item[2]);
          const title = item[3]?.replace(/\s+/g, ' ').trim();
          if (date === undefined && !title) continue;
          const act = draft(organ, kind, item[1] ?? '');
          if (date !== undefined) act.dates.add(date);
          if (title) act.titles.add(title);
        }
      }
    }
  }
  const groups: ActGroupDraft[] = [];
  const byGroup = new Map<string, ActGroupDraft>();
  for (const a of acts.values()) {
    const date = a.date ?? a.dates.best();
    const title = a.title ?? a.titles.best();
    // A number alone completes nothing.
    if (!a.held && date === undefined) continue;
    const key = `${a.organ}|${a.kind}`;
    let group = byGroup.get(key);
    if (group === undefined) {
      byGroup.set(key, (group = { organ: a.organ, kind: a.kind, acts: [] }));
      groups.push(group);
    }
    group.acts.push(libraryAct(a.number, date, title, a.held));
  }
  return sortGroups(groups);
}

interface ActGroupDraft {
  readonly organ: string;
  readonly kind: CitedAct['kind'];
  readonly acts: LibraryAct[];
}

function libraryAct(
  number: string,
  date: string | undefined,
  title: string | undefined,
  held: boolean,
): LibraryAct {
  return {
    number,
    ...(date === undefined ? {} : { date }),
    ...(title === undefined ? {} : { title }),
    ...(held ? { held: true as const } : {}),
  };
}

/** Organs by name, resolutions before decisions, acts by number ("79/9" before "79/10"). */
function sortGroups(groups: ActGroupDraft[]): LibraryActGroup[] {
  for (const g of groups) g.acts.sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
  return groups.sort((a, b) =>
    a.organ !== b.organ
      ? a.organ < b.organ
        ? -1
        : 1
      : a.kind === b.kind
        ? 0
        : a.kind === 'resolution'
          ? -1
          : 1,
  );
}

/** Every text of a document that may cite an act: paragraphs with their openers, subparagraphs, annex, footnotes. */
function citingTexts(doc: ResolutionDocument): string[] {
  const out: string[] = [];
  for (const p of paragraphsOf(doc)) {
    out.push(joinOpener(p.opener, inlineText(p.content)));
    subparagraphTexts(p.subparagraphs, out);
  }
  if (doc.annex) {
    out.push(inlineText(doc.annex.intro));
    subparagraphTexts(doc.annex.items, out);
  }
  for (const f of doc.footnotes) out.push(inlineText(f.content));
  return out;
}

// --- Instruments

/** A footnote that is one *Treaty Series* source and nothing else. */
const TREATY_SOURCE = /^United Nations, Treaty Series, vols?\. [\d,\s]+(?:and \d+)?, No\. \d+\.?$/;
/** "Treaty on Principles … Bodies (United Nations, Treaty Series, vol. 610, No. 8843)": titles a footnote lists. */
const LISTED_SOURCE =
  /([A-Z][^;()]*?)\s*\((United Nations, Treaty Series, vols?\. [\d,\s]+(?:and \d+)?, No\. \d+)\)/g;

/** Words an instrument's title is named by: one of them must be in it. */
const INSTRUMENT_WORD =
  /\b(?:Convention|Covenant|Protocols?|Treaty|Agreement|Charter|Statute|Constitution)\b/;
/** Lower-case words a title holds between its capitalized ones. */
const TITLE_GLUE = new Set([
  'of',
  'on',
  'the',
  'and',
  'against',
  'for',
  'to',
  'in',
  'by',
  'with',
  'from',
  'relating',
  'concerning',
  'at',
  'or',
  'its',
  'their',
  'between',
  'under',
  'into',
  'thereto',
  'a',
  'an',
  'beyond',
  'within',
  'upon',
  'over',
  'regarding',
  'among',
]);
/** Where one title of a list ends and the next starts: ", the", " and the". */
const TITLE_LIST_SEPARATOR = /,\s+(?:and\s+)?the\s+|\s+and\s+the\s+/g;

/** The form titles are matched and keyed in: typography folded, lower case, single-spaced. */
export function instrumentKey(title: string): string {
  return foldTypography(title).toLowerCase().replace(/\s+/g, ' ').trim();
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function withFullStop(source: string): string {
  return source.endsWith('.') ? source : `${source}.`;
}

/**
 * The instrument's title that ends the text before a footnote marker, or undefined: "… the International
 * Covenant on Economic, Social and Cultural Rights, the Convention on the Rights of the Child" → "Convention
 * on the Rights of the Child". Read backwards over capitalized words and the small words titles hold;
 * of a list of titles the last is taken; "… and the Optional Protocol thereto" keeps what it is the
 * Protocol to; words before the title that only lead to it ("article 36 of the", "…, on the") are cut.
 * Undefined when no instrument word is in it: "the Agreement" alone says nothing.
 */
export function titleBefore(text: string): string | undefined {
  const tail = text
    .slice(-400)
    .replace(/[\s,;:.]+$/, '')
    // "(the Convention)": a short title given after the full one.
    .replace(/\s*\(the [^()]*\)$/, '');
  const words = tail.split(/\s+/);
  let start = words.length;
  while (start > 0) {
    const word = words[start - 1] ?? '';
    const bare = word.replace(/^[(“"‘]+|[)”"’,]+$/g, '');
    if (/[;:.]$/.test(word)) break;
    if (!/^[\p{Lu}\d]/u.test(bare) && !TITLE_GLUE.has(bare)) break;
    start--;
  }
  const run = words.slice(start).join(' ');
  // The items of a list of titles; an instrument word in brackets ("(Treaty of Tlatelolco)") does not
  // make an item a title of its own.
  const items: string[] = [];
  let from = 0;
  for (const m of run.matchAll(TITLE_LIST_SEPARATOR)) {
    items.push(run.slice(from, m.index));
    from = m.index + m[0].length;
  }
  items.push(run.slice(from));
  const names = (k: number): boolean => INSTRUMENT_WORD.test(withoutBrackets(items[k] ?? ''));
  let last = items.length - 1;
  while (last >= 0 && !names(last)) last--;
  if (last < 0) return undefined;
  let first = last;
  // "… and the Optional Protocol thereto": the Protocol is named by what it supplements.
  if (/\bthereto$/.test(items[last] ?? '')) {
    first = -1;
    for (let j = last - 1; j >= 0 && first < 0; j--) if (names(j)) first = j;
    // "Protocol of 1978 relating thereto" with nothing before it names nothing.
    if (first < 0) return undefined;
  }
  const offset = items.slice(0, first).reduce((n, item) => n + item.length, 0);
  let title = run.slice(run.indexOf(items[first] ?? '', offset)).replace(/[\s,]+$/, '');
  title = cutLead(title);
  if (!/^[\p{Lu}\d]/u.test(title)) return undefined;
  const count = title.split(' ').length;
  // One word ("Convention") or a sentence's worth is not a title; "Convention and the Protocols
  // thereto" names its Convention by one word.
  if (count < 2 || count > 40 || /^\S+ and the Protocols? thereto$/.test(title)) return undefined;
  // "Paris Agreement in Belém, Brazil, from 10 to 21 November 2025": a meeting, not a title.
  if (/\bfrom \d/.test(title)) return undefined;
  return title;
}

function withoutBrackets(text: string): string {
  return text.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
}

/** Words that lead to a title without being part of it: "36 of the", "Vienna on 5 September 1997, of the". */
const LEAD = /(?:^|,\s+|\s)(?:of|to|in|on)\s+(?:the\s+)?/g;

/**
 * Cuts what comes before a title's first words: the title starts at its instrument word or the
 * capitalized words just before it ("United Nations Framework Convention", "Rome Statute"), so "of the"
 * or ", on the" before those ends what leads to it.
 */
function cutLead(title: string): string {
  const bare = title.replace(/^(?:(?:the|its|and|of|to|in|on|by)\s+)+/i, '');
  const head = INSTRUMENT_WORD.exec(withoutBrackets(bare));
  if (head === null) return bare;
  let cut = 0;
  for (const m of bare.slice(0, head.index).matchAll(LEAD)) cut = m.index + m[0].length;
  return bare.slice(cut);
}

interface InstrumentUse {
  readonly title: string;
  readonly source: string;
  readonly where: string;
}

/** The instruments a document footnotes with a *Treaty Series* source, "Ibid." expanded. */
function instrumentUses(d: LibraryDocument): InstrumentUse[] {
  const { doc } = d;
  if (doc.footnotes.length === 0) return [];
  const chain = resolveIbidChain(doc.footnotes.map((f) => inlineText(f.content)));
  const sources = new Map<string, string>();
  doc.footnotes.forEach((f, i) => {
    const text = squash(f.resolved ?? chain[i] ?? '');
    if (text !== '' && !isIbid(text)) sources.set(f.id, text);
  });
  const name = citedName(d);
  const out: InstrumentUse[] = [];
  // The opener is never part of a title ("Recalling the Arms Trade Treaty"): the content alone is read.
  const walk = (label: string, content: readonly Inline[]): void => {
    let before = '';
    for (const part of content) {
      if (part.type === 'text') {
        before += part.text;
        continue;
      }
      const source = sources.get(part.footnoteId);
      if (source === undefined || !TREATY_SOURCE.test(source)) continue;
      const title = titleBefore(before);
      if (title !== undefined) out.push({ title, source: withFullStop(source), where: `${name} ${label}` });
    }
  };
  const walkSubs = (label: string, subs: readonly Subparagraph[]): void => {
    subs.forEach((s, k) => {
      const sub = `${label} ${s.label ?? `#${k + 1}`}`;
      walk(sub, s.content);
      walkSubs(sub, s.subparagraphs);
    });
  };
  for (const p of paragraphsOf(doc)) {
    walk(p.label, p.content);
    walkSubs(p.label, p.subparagraphs);
  }
  for (const [id, text] of sources) {
    for (const m of text.matchAll(LISTED_SOURCE)) {
      const title = squash((m[1] ?? '').replace(/^(?:and|the|see)\s+/i, ''));
      if (INSTRUMENT_WORD.test(title) && title.split(' ').length >= 2)
        out.push({ title, source: withFullStop(m[2] ?? ''), where: `${name} footnote ${id}` });
    }
  }
  return out;
}

/**
 * Each instrument once, with the source its footnotes give it. A source's title is the one printed
 * before it most often (a title misread once, "States Parties to the Treaty", loses to the title
 * itself); then a title's source is the one most footnotes give.
 */
function collectInstruments(documents: readonly LibraryDocument[]): LibraryInstrument[] {
  const bySource = new Map<string, { titles: Tally; uses: InstrumentUse[] }>();
  for (const d of documents) {
    for (const use of instrumentUses(d)) {
      let entry = bySource.get(use.source);
      if (entry === undefined) bySource.set(use.source, (entry = { titles: new Tally(), uses: [] }));
      entry.titles.add(use.title);
      entry.uses.push(use);
    }
  }
  const byKey = new Map<string, { title: string; sources: Tally; citedIn: string[] }>();
  for (const [source, { titles, uses }] of bySource) {
    const title = titles.best();
    if (title === undefined) continue;
    const key = instrumentKey(title);
    let entry = byKey.get(key);
    if (entry === undefined) byKey.set(key, (entry = { title, sources: new Tally(), citedIn: [] }));
    entry.sources.add(source, uses.length);
    for (const use of uses)
      if (entry.citedIn.length < INSTRUMENT_PLACES_KEPT && !entry.citedIn.includes(use.where))
        entry.citedIn.push(use.where);
  }
  const out: LibraryInstrument[] = [];
  for (const [key, { title, sources, citedIn }] of byKey) {
    const source = sources.best();
    if (source !== undefined) out.push({ key, title, source, count: sources.total(), citedIn });
  }
  return out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/**
 * What completion knows from these documents. The shipped library (891 Assembly resolutions and the
 * report's seven texts) takes about half a second in Node; the user's documents take a few milliseconds each.
 */
export function buildCompletionData(documents: readonly LibraryDocument[]): LibraryCompletionData {
  return {
    version: COMPLETION_DATA_VERSION,
    openers: collectOpeners(documents),
    acts: collectActs(documents),
    instruments: collectInstruments(documents),
  };
}

// ---------------------------------------------------------------------------------------------------
// Merging

/**
 * The data of two sets of documents as one (the shipped library's and the user's): counts add up, an
 * act the library holds keeps its own date and title, an instrument keeps the source most footnotes give.
 */
export function mergeCompletionData(
  a: LibraryCompletionData,
  b: LibraryCompletionData,
): LibraryCompletionData {
  const openers = emptyOpeners();
  for (const body of LIBRARY_BODIES) openers[body] = mergeOpeners(a.openers[body], b.openers[body]);
  return {
    version: COMPLETION_DATA_VERSION,
    openers,
    acts: mergeActs(a.acts, b.acts),
    instruments: mergeInstruments(a.instruments, b.instruments),
  };
}

function mergeOpeners(a: readonly LibraryOpener[], b: readonly LibraryOpener[]): LibraryOpener[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const byKey = new Map<string, LibraryOpener>();
  for (const o of [...a, ...b]) {
    const key = `${o.part}:${o.phrase.toLowerCase()}`;
    const held = byKey.get(key);
    byKey.set(
      key,
      held === undefined
        ? o
        : {
            ...held,
            count: held.count + o.count,
            sources: [...held.sources, ...o.sources].slice(0, OPENER_SOURCES_KEPT),
          },
    );
  }
  return [...byKey.values()].sort(compareOpeners);
}

function mergeActs(a: readonly LibraryActGroup[], b: readonly LibraryActGroup[]): LibraryActGroup[] {
  const groups = new Map<
    string,
    { organ: string; kind: CitedAct['kind']; byNumber: Map<string, LibraryAct> }
  >();
  for (const g of [...a, ...b]) {
    const key = `${g.organ}|${g.kind}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { organ: g.organ, kind: g.kind, byNumber: new Map() }));
    for (const act of g.acts) {
      const held = group.byNumber.get(act.number);
      if (held === undefined) {
        group.byNumber.set(act.number, act);
        continue;
      }
      // The document itself says best; otherwise what was known first.
      const [first, second] = !held.held && act.held ? [act, held] : [held, act];
      group.byNumber.set(
        act.number,
        libraryAct(
          act.number,
          first.date ?? second.date,
          first.title ?? second.title,
          first.held === true || second.held === true,
        ),
      );
    }
  }
  return sortGroups(
    [...groups.values()].map(({ organ, kind, byNumber }) => ({ organ, kind, acts: [...byNumber.values()] })),
  );
}

function mergeInstruments(
  a: readonly LibraryInstrument[],
  b: readonly LibraryInstrument[],
): LibraryInstrument[] {
  const byKey = new Map<string, LibraryInstrument>();
  for (const i of [...a, ...b]) {
    const held = byKey.get(i.key);
    if (held === undefined) {
      byKey.set(i.key, i);
      continue;
    }
    const main = i.count > held.count ? i : held;
    byKey.set(i.key, {
      ...main,
      count: held.count + i.count,
      citedIn: [...held.citedIn, ...i.citedIn].slice(0, INSTRUMENT_PLACES_KEPT),
    });
  }
  return [...byKey.values()].sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------------
// On the page: openers ranked by the draft's body

export interface LibraryOpeners {
  /** The openers of the draft's body and the user's documents, with the supplementary ones (lexicon.ts). */
  readonly lexicon: Lexicon;
  /** "used 412 times by the Assembly · A/RES/80/12 OP3, A/RES/80/9 OP5, A/RES/79/136 OP21"; "not in the library". */
  detail(phrase: string, part: OpenerPart): string;
}

const BODY_USE: Readonly<Record<LibraryBody, string>> = {
  ga: 'by the Assembly',
  cop: 'by the Conference',
  user: 'in your documents',
};

/** "1,599": thousands grouped, as `toLocaleString('en-US')` gives, without a locale look-up per option. */
function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${grouped(count)} times`;
}

/** "A/RES/79/136 OP21" → the source the lexicon's types want (paragraph 21 of the operative part). */
function openerSource(label: string, part: OpenerPart): OpenerSource {
  const m = /^(.*?) (?:\S+ )?(?:PP|OP)(\d+)/.exec(label);
  return { document: m?.[1] ?? label, part, paragraph: Number(m?.[2] ?? 0), label };
}

/**
 * The lexicon a draft's openers are offered from: for an Assembly draft the Assembly's openers ranked
 * by its use, for a Conference draft the Conference's; the user's documents count with either; a draft
 * of another organ (null) gets the whole library's. The supplementary openers of Assembly and
 * Conference practice follow with count 0 where the body has not used them, as in the report's lexicon.
 */
export function libraryOpeners(data: LibraryCompletionData, body: LibraryBody | null): LibraryOpeners {
  const bodies: readonly LibraryBody[] =
    body === null ? LIBRARY_BODIES : body === 'user' ? ['user'] : [body, 'user'];
  const uses = new Map<
    string,
    { phrase: string; part: OpenerPart; counts: Map<LibraryBody, number>; sources: string[] }
  >();
  for (const b of bodies) {
    for (const o of data.openers[b]) {
      const key = `${o.part}:${openerKey(o.phrase)}`;
      let use = uses.get(key);
      if (use === undefined)
        uses.set(key, (use = { phrase: o.phrase, part: o.part, counts: new Map(), sources: [] }));
      use.counts.set(b, (use.counts.get(b) ?? 0) + o.count);
      for (const s of o.sources) if (use.sources.length < OPENER_SOURCES_KEPT) use.sources.push(s);
    }
  }
  const entries: LexiconEntry[] = [];
  for (const { phrase, part, counts, sources } of uses.values()) {
    let count = 0;
    for (const n of counts.values()) count += n;
    entries.push(
      lexiconEntry(
        phrase,
        part,
        count,
        sources.map((s) => openerSource(s, part)),
        true,
      ),
    );
  }
  const known = new Set(entries.map((e) => `${e.part}:${sameOpenerKey(e.phrase)}`));
  for (const { phrase, part } of SUPPLEMENTARY_OPENERS) {
    const key = `${part}:${sameOpenerKey(phrase)}`;
    if (known.has(key)) continue;
    known.add(key);
    entries.push(lexiconEntry(squash(phrase), part, 0, [], false));
  }
  // As the report's lexicon orders and indexes its entries (lexicon.ts); their phrases are distinct.
  entries.sort(compareEntries);
  const lexicon: Lexicon = lexiconOf(entries);
  return {
    lexicon,
    detail(phrase, part) {
      const use = uses.get(`${part}:${openerKey(phrase)}`);
      if (use === undefined) return 'not in the library';
      const said = bodies
        .map((b) => [b, use.counts.get(b) ?? 0] as const)
        .filter(([, n]) => n > 0)
        .map(([b, n], k) => `${k === 0 ? times(n) : grouped(n)} ${BODY_USE[b]}`);
      const counted =
        said.length <= 1 ? (said[0] ?? '') : `${said.slice(0, -1).join(', ')} and ${said.at(-1) ?? ''}`;
      const places = use.sources.join(', ');
      return `used ${counted}${places === '' ? '' : ` · ${places}`}`;
    },
  };
}

function lexiconEntry(
  phrase: string,
  part: OpenerPart,
  count: number,
  sources: readonly OpenerSource[],
  fromCorpus: boolean,
): LexiconEntry {
  const { base, step } = decomposeOpener(phrase);
  return { phrase, part, count, sources, fromCorpus, base, step };
}

// ---------------------------------------------------------------------------------------------------
// On the page: acts and instruments

/** An instrument of the library's, offered with its title and, at its first mention, its source. */
export interface LibraryInstrumentSuggestion {
  readonly kind: 'library-instrument';
  /** `LibraryInstrument.key`: what a mention in the draft is recognized by. */
  readonly key: string;
  readonly label: string;
  readonly detail?: string;
  /** The text that replaces what was typed: the title with its article. */
  readonly insert: string;
  /** The title the mention marks (`insert` without its article). */
  readonly title: string;
  readonly firstMention: boolean;
  /** The source footnote to add after the title at its first mention. */
  readonly footnote?: readonly Inline[];
}

/** What the menu offers for a reference: the report's suggestions (lookup.ts) and the library's instruments. */
export type CompletionReference = ReferenceSuggestion | LibraryInstrumentSuggestion;

export interface LibraryReferenceContext extends SuggestionContext {
  /** The draft's organ (`document.organ`): its own acts are "its resolution 79/1 …". */
  readonly organ?: string;
  /** Keys of the library's instruments the draft already mentions: no second source footnote. */
  readonly mentionedTitles?: ReadonlySet<string>;
}

export interface LibraryCompletion {
  readonly data: LibraryCompletionData;
  /** The openers a draft of this organ is offered, ranked by its body's use (memoized per body). */
  openers(organ: string | undefined): LibraryOpeners;
  /**
   * References for the typed words: the report's instruments and documents as before (`refs`), the
   * library's acts instead of the report's (which it holds too), the library's instruments after the
   * report's, all ranked together by how well the typed words match.
   */
  suggestReferences(refs: References, typed: string, context: LibraryReferenceContext): CompletionReference[];
  /** Keys of the library's instruments whose title `text` gives. */
  mentionedIn(text: string): string[];
}

interface IndexedAct {
  readonly act: CitedAct;
  /** Sorts acts of equal score: by number as printed, "79/9" before "79/10". */
  readonly order: number;
}

interface IndexedInstrument {
  readonly instrument: LibraryInstrument;
  /** Its title's words as typed names match them (`instrumentKey`). */
  readonly key: string;
}

/** The words of a report suggestion a typed fragment is matched against, to rank it with the library's. */
function reportNames(s: ReferenceSuggestion): string[] {
  if (s.kind === 'document') return [s.document.symbol.toLowerCase()];
  if (s.kind === 'act') return [s.act.number];
  return [s.label, s.insert, s.detail ?? ''].map((n) => instrumentKey(n.replace(/^the\s+/i, '')));
}

export function libraryCompletion(data: LibraryCompletionData): LibraryCompletion {
  const byBody = new Map<LibraryBody | null, LibraryOpeners>();
  const acts: IndexedAct[] = [];
  let order = 0;
  for (const group of data.acts)
    for (const a of group.acts) {
      const dateText = a.date === undefined ? undefined : printedFromIsoDate(a.date);
      acts.push({
        order: order++,
        act: {
          kind: group.kind,
          organ: group.organ,
          number: a.number,
          ...(a.date === undefined ? {} : { date: a.date }),
          ...(dateText === undefined ? {} : { dateText }),
          ...(a.title === undefined ? {} : { title: a.title }),
          citedIn: [],
        },
      });
    }
  const instruments: IndexedInstrument[] = data.instruments.map((instrument) => ({
    instrument,
    key: instrument.key,
  }));
  // The report's own instruments keep their short titles and sources (lookup.ts): not offered twice.
  const reportTitles = new WeakMap<References, Set<string>>();
  const reportTitlesOf = (refs: References): Set<string> => {
    let titles = reportTitles.get(refs);
    if (titles === undefined) {
      titles = new Set([...refs.instruments, ...refs.groups].map((r) => instrumentKey(r.title)));
      reportTitles.set(refs, titles);
    }
    return titles;
  };
  const reportActs = new WeakMap<References, IndexedAct[]>();
  /** The library's acts, and those only the report's narrative cites (it holds the report's texts, not its chapters). */
  const actsWith = (refs: References): IndexedAct[] => {
    let all = reportActs.get(refs);
    if (all === undefined) {
      const known = new Set(acts.map(({ act }) => actKey(act.organ, act.kind, act.number)));
      all = [
        ...acts,
        ...refs.acts
          .filter((act) => act.date !== undefined && !known.has(actKey(act.organ, act.kind, act.number)))
          .map((act, i) => ({ act, order: order + i })),
      ];
      reportActs.set(refs, all);
    }
    return all;
  };

  return {
    data,
    openers(organ) {
      const body = bodyOfOrgan(organ);
      let openers = byBody.get(body);
      if (openers === undefined) byBody.set(body, (openers = libraryOpeners(data, body)));
      return openers;
    },
    suggestReferences(refs, typed, context) {
      const limit = context.limit ?? 10;
      const query = instrumentKey(typed);
      if (query.length < 2) return [];
      const scored: { suggestion: CompletionReference; score: number; order: number }[] = [];
      // The report's, its acts left to the library's (which are dated by the library's own texts).
      suggestReferences(refs, typed, { ...context, limit: 50 }).forEach((s, i) => {
        if (s.kind === 'act') return;
        const bare = query.replace(/^the\s+/, '');
        scored.push({
          suggestion: s,
          score: Math.max(...reportNames(s).map((n) => nameScore(bare, n))),
          order: i,
        });
      });
      for (const s of suggestActs(actsWith(refs), typed, context)) scored.push(s);
      const reportKeys = reportTitlesOf(refs);
      for (const s of suggestInstruments(instruments, typed, query, context))
        if (!reportKeys.has(s.suggestion.key)) scored.push(s);
      return scored
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .slice(0, limit)
        .map((s) => s.suggestion);
    },
    mentionedIn(text) {
      // Most paragraphs name no instrument: one test spares the titles' scan.
      if (!INSTRUMENT_WORD.test(text)) return [];
      const folded = instrumentKey(text);
      return instruments.filter(({ key }) => folded.includes(key)).map(({ key }) => key);
    },
  };
}

function suggestActs(
  acts: readonly IndexedAct[],
  typed: string,
  context: LibraryReferenceContext,
): { suggestion: ActSuggestion; score: number; order: number }[] {
  // "resolution 79/1", "its resolution 79/1", "General Assembly resolution 79/1", "decision 78/5",
  // "79/1", "resolution 79".
  const query = parseActQuery(typed);
  if (!query) return [];
  const { prefix, kind, number } = query;
  const own = organOfText(context.organ ?? '');
  const itsBefore = prefix !== 'its' && context.before !== undefined && /\bits\s*$/i.test(context.before);
  const out: { suggestion: ActSuggestion; score: number; order: number }[] = [];
  for (const { act, order } of acts) {
    if (kind !== undefined && act.kind !== kind) continue;
    const isOwn = act.organ === own;
    if (prefix === 'its' && !isOwn) continue;
    if (prefix === 'general assembly' && act.organ !== 'General Assembly') continue;
    if (prefix === 'conference' && act.organ !== COP_ORGAN) continue;
    const score = actNumberScore(act.number, number);
    if (score === 0) continue;
    // The organ's own acts: "its resolution" (6/1 PP1), "Conference resolution" as typed (6/3 OP19),
    // bare after an "its" already written; another organ's are named: "General Assembly resolution 64/293".
    const lead =
      prefix === 'general assembly'
        ? 'General Assembly '
        : prefix === 'conference' && isOwn
          ? 'Conference '
          : !isOwn
            ? `${act.organ} `
            : itsBefore
              ? ''
              : 'its ';
    const detail = [act.title, isOwn ? undefined : act.organ].filter(Boolean).join(' — ');
    const cite = (withTitle: boolean): ActSuggestion => {
      const text = citeAfter(lead, act, withTitle);
      return { kind: 'act', act, withTitle, label: text, insert: text, ...(detail === '' ? {} : { detail }) };
    };
    // The draft's own organ first among equals, then by number.
    const rank = 1000 + (isOwn ? 0 : 100_000) + order * 2;
    out.push({ suggestion: cite(false), score, order: rank });
    if (act.title !== undefined) out.push({ suggestion: cite(true), score: score - 1, order: rank + 1 });
  }
  return out;
}

function suggestInstruments(
  instruments: readonly IndexedInstrument[],
  typed: string,
  query: string,
  context: LibraryReferenceContext,
): { suggestion: LibraryInstrumentSuggestion; score: number; order: number }[] {
  const bare = query.replace(/^the\s+/, '');
  if (bare.length < 3 || /^\d/.test(bare)) return [];
  const article = instrumentArticle(typed, context.before);
  const out: { suggestion: LibraryInstrumentSuggestion; score: number; order: number }[] = [];
  instruments.forEach(({ instrument, key }, i) => {
    const score = nameScore(bare, key);
    if (score === 0) return;
    const firstMention = !(context.mentionedTitles?.has(key) ?? false);
    out.push({
      score,
      // After the report's instruments of equal score, the most cited first.
      order: 3000 + i,
      suggestion: {
        kind: 'library-instrument',
        key,
        label: instrument.title,
        // The source, as the footnote added with the title gives it (the Editorial Manual: a treaty's source in a footnote at its first mention).
        detail: instrument.source,
        insert: article + instrument.title,
        title: instrument.title,
        firstMention,
        ...(firstMention ? { footnote: footnoteContent(instrument.source) } : {}),
      },
    });
  });
  return out;
}
