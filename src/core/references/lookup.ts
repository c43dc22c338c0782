/**
 * Completion over the references the corpus cites (ARCHITECTURE.md convention 5: the editor's typeahead
 * asks here; no lists in plugins). UN practice: citing instruments: an instrument's first mention is its full
 * title with a footnote giving the source, later mentions its short title. Section 4: the organ's own
 * acts are cited "its resolution 5/1 of 22 October 2010"; others "General Assembly resolution 64/293".
 *
 * Every suggestion's `insert` replaces the whole `typed` string. The article "the" (instruments) and
 * "its" (acts) are added unless `typed` already starts with them or `context.before` ends with them.
 */
import type { Inline } from '../model/types.ts';
import { foldTypography } from '../model/typography.ts';
import { CONVENTION_AND_PROTOCOLS } from './instruments.ts';
import type { InstrumentGroupId, InstrumentId } from './instruments.ts';
import { COP_ORGAN } from './types.ts';
import type {
  CitedAct,
  CitedDocument,
  InstrumentGroupReference,
  InstrumentReference,
  References,
} from './types.ts';

export interface SuggestionContext {
  /**
   * Instruments whose full title the draft has given: their next mention takes the short title. A
   * group mention ("the United Nations Convention against Transnational Organized Crime and the
   * Protocols thereto") gives the Convention's full title only.
   */
  readonly mentioned: ReadonlySet<InstrumentId>;
  /**
   * Instruments whose source a footnote has already given, through a group mention footnoted with all
   * four volumes (6/1 PP2): their first own mention still takes the full title, but no second footnote
   * (6/1 PP5). Absent: none.
   */
  readonly introduced?: ReadonlySet<InstrumentId>;
  /** The text just before `typed`, so that "the " or "its " already written is not doubled. */
  readonly before?: string;
  /** At most this many suggestions (default 10). */
  readonly limit?: number;
}

interface SuggestionBase {
  /** What the list shows. */
  readonly label: string;
  /** A second line: the source, the date, the description. */
  readonly detail?: string;
  /** The text that replaces `typed`. */
  readonly insert: string;
}

export interface InstrumentSuggestion extends SuggestionBase {
  readonly kind: 'instrument';
  readonly id: InstrumentId | InstrumentGroupId;
  /** The instruments the inserted text mentions (the four, for "the Convention and the Protocols thereto"). */
  readonly mentions: readonly InstrumentId[];
  /**
   * The instruments whose full title the inserted text gives: the Convention alone for the group's
   * full title (its Protocols are named, not titled), none for a short title.
   */
  readonly titles: readonly InstrumentId[];
  readonly firstMention: boolean;
  /** The footnote to add after the inserted title, at a first mention whose source the corpus gives. */
  readonly footnote?: readonly Inline[];
}

export interface ActSuggestion extends SuggestionBase {
  readonly kind: 'act';
  readonly act: CitedAct;
  readonly withTitle: boolean;
}

export interface DocumentSuggestion extends SuggestionBase {
  readonly kind: 'document';
  readonly document: CitedDocument;
}

export type ReferenceSuggestion = InstrumentSuggestion | ActSuggestion | DocumentSuggestion;

// ---------------------------------------------------------------------------------------------------
// The index, built once per References value

interface InstrumentEntry {
  readonly ref: InstrumentReference | InstrumentGroupReference;
  readonly members: readonly InstrumentId[];
  /** Whose full title the entry's full title prints: the group's prints the Convention's only. */
  readonly titled: readonly InstrumentId[];
  /** Lowercased titles, short titles without "the", common names. */
  readonly keys: readonly string[];
}

interface Index {
  readonly instruments: readonly InstrumentEntry[];
  readonly acts: readonly CitedAct[];
  readonly documents: readonly { readonly doc: CitedDocument; readonly key: string }[];
}

const INDEXES = new WeakMap<References, Index>();

/**
 * A name as it is matched: lower case, typography folded (model/typography.ts), so that "Secretary-
 * General" typed finds a title printed "Secretary‑General", and a straight apostrophe a curly one.
 */
function normalize(text: string): string {
  return foldTypography(text).toLowerCase();
}

function stripArticle(text: string): string {
  return text.replace(/^the\s+/i, '');
}

function indexOf(refs: References): Index {
  const cached = INDEXES.get(refs);
  if (cached) return cached;
  const instrumentKeys = (
    r: InstrumentReference | InstrumentGroupReference,
    common: readonly string[],
  ): string[] => [...new Set([r.title, ...r.shortTitles.map(stripArticle), ...common].map(normalize))];
  const index: Index = {
    instruments: [
      ...refs.instruments.map((r) => ({
        ref: r,
        members: [r.id],
        titled: [r.id],
        keys: instrumentKeys(r, r.commonNames),
      })),
      ...refs.groups.map((g) => ({
        ref: g,
        members: g.members,
        titled: titledInstruments(refs, g.id),

        keys: instrumentKeys(g, ['Protocols thereto']),
      })),
    ],
    acts: refs.acts,
    documents: refs.documents.map((doc) => ({ doc, key: doc.symbol.toLowerCase() })),
  };
  INDEXES.set(refs, index);
  return index;
}

// ---------------------------------------------------------------------------------------------------
// Scoring

/**
 * How well a typed fragment matches a name by its words: whole name, its start, a word's start, every
 * word's start; 0 otherwise. The library's instruments are ranked by it too (library/completion-data.ts).
 */
export function nameScore(query: string, key: string): number {
  if (key === query) return 100;
  if (key.startsWith(query)) return 80;
  if (key.includes(` ${query}`)) return 60;
  const qWords = query.split(' ');
  if (qWords.length > 1) {
    const kWords = key.split(/[\s,]+/);
    if (qWords.every((q) => kWords.some((k) => k.startsWith(q)))) return 40;
  }
  return 0;
}

/** `nameScore`, or a fragment inside the name (from three letters). */
function score(query: string, key: string): number {
  return nameScore(query, key) || (query.length >= 3 && key.includes(query) ? 20 : 0);
}

interface Scored {
  readonly suggestion: ReferenceSuggestion;
  readonly score: number;
  readonly order: number;
}

const ARTICLE = /^(the)\s+/i;

/** The article a title is inserted with: "the" as typed, none after a "the" already written, or "the ". */
export function instrumentArticle(typed: string, before: string | undefined): string {
  const typedArticle = ARTICLE.exec(typed.trimStart())?.[1];
  if (typedArticle !== undefined) return `${typedArticle} `;
  return before !== undefined && /\bthe\s*$/i.test(before) ? '' : 'the ';
}

export function suggestReferences(
  refs: References,
  typed: string,
  context: SuggestionContext,
): ReferenceSuggestion[] {
  const index = indexOf(refs);
  const query = normalize(typed);
  if (query.length < 2) return [];
  const scored: Scored[] = [
    ...suggestInstruments(index, typed, query, context),
    ...suggestActs(index, typed, context),
    ...suggestDocuments(index, query),
  ];
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, context.limit ?? 10)
    .map((s) => s.suggestion);
}

function suggestInstruments(
  index: Index,
  typed: string,
  query: string,
  context: SuggestionContext,
): Scored[] {
  const bare = stripArticle(query);
  if (bare.length < 2) return [];
  const article = instrumentArticle(typed, context.before);
  const out: Scored[] = [];
  index.instruments.forEach((entry, i) => {
    const best = Math.max(...entry.keys.map((k) => score(bare, k)));
    if (best === 0) return;
    // A group mention is the Convention's first mention, not each Protocol's (6/1 PP2 and PP5).
    const firstMention = entry.titled.some((m) => !context.mentioned.has(m));
    if (firstMention) {
      // Its source is footnoted unless a group mention's footnote gave it already.
      const sourced = entry.members.every((m) => context.introduced?.has(m) || context.mentioned.has(m));
      const footnote =
        entry.ref.source === undefined || sourced ? undefined : footnoteContent(entry.ref.source);
      out.push({
        score: best,
        order: i * 10,
        suggestion: {
          kind: 'instrument',
          id: entry.ref.id,
          mentions: entry.members,
          titles: entry.titled,
          firstMention,
          label: entry.ref.title,
          ...(entry.ref.source === undefined ? {} : { detail: entry.ref.source }),
          insert: article + entry.ref.title,
          ...(footnote === undefined ? {} : { footnote }),
        },
      });
      return;
    }
    entry.ref.shortTitles.forEach((short, j) => {
      out.push({
        score: best,
        order: i * 10 + j,
        suggestion: {
          kind: 'instrument',
          id: entry.ref.id,
          mentions: entry.members,
          titles: [],
          firstMention,
          label: short,
          detail: entry.ref.title,
          insert: article + stripArticle(short),
        },
      });
    });
  });
  return out;
}

/** "resolution 5/1", "its resolution 5/1", "Conference resolution 5/3", "decision 4/6", "5/1", "resolution 5". */
const ACT_QUERY =
  /^(?:(its|conference|general assembly)\s+)?(?:(resolution|decision|res\.?|dec\.?)s?\s*)?(\d+(?:\/\d*)?)$/i;

/** What typed words ask of the acts: whose (lower case, as typed), which kind, which number or its start. */
export interface ActQuery {
  readonly prefix: 'its' | 'conference' | 'general assembly' | undefined;
  readonly kind: CitedAct['kind'] | undefined;
  readonly number: string;
}

/** "its resolution 5/1" → its, resolution, "5/1"; undefined for words that do not ask for an act. */
export function parseActQuery(typed: string): ActQuery | undefined {
  const m = ACT_QUERY.exec(typed.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const kindWord = m[2]?.toLowerCase();
  return {
    // ACT_QUERY takes these three words only.
    prefix: m[1]?.toLowerCase() as ActQuery['prefix'],
    kind: kindWord === undefined ? undefined : kindWord.startsWith('d') ? 'decision' : 'resolution',
    number: m[3] ?? '',
  };
}

/** How well an act's number matches the one typed: the same, its start ("5/" of "5/1"), its session ("5"). */
export function actNumberScore(actNumber: string, number: string): number {
  if (actNumber === number) return 100;
  if (number.includes('/')) return actNumber.startsWith(number) ? 80 : 0;
  return actNumber.split('/')[0] === number ? 70 : 0;
}

function suggestActs(index: Index, typed: string, context: SuggestionContext): Scored[] {
  const query = parseActQuery(typed);
  if (!query) return [];
  const { prefix, kind, number } = query;
  const form: CiteForm =
    prefix === 'conference'
      ? 'Conference'
      : prefix !== 'its' && context.before !== undefined && /\bits\s*$/i.test(context.before)
        ? 'bare'
        : 'its';
  const out: Scored[] = [];
  index.acts.forEach((act, i) => {
    if (kind !== undefined && act.kind !== kind) return;
    if (prefix === 'general assembly' && act.organ !== 'General Assembly') return;
    if ((prefix === 'its' || prefix === 'conference') && act.organ !== COP_ORGAN) return;
    const s = actNumberScore(act.number, number);
    if (s === 0) return;
    const detail = [act.title, act.organ === COP_ORGAN ? undefined : act.organ].filter(Boolean).join(' — ');
    const cite = (withTitle: boolean): ActSuggestion => {
      const text = citation(act, withTitle, form);
      return { kind: 'act', act, withTitle, label: text, insert: text, ...(detail === '' ? {} : { detail }) };
    };
    out.push({ score: s, order: 1000 + i * 2, suggestion: cite(false) });
    if (act.title !== undefined) out.push({ score: s - 1, order: 1000 + i * 2 + 1, suggestion: cite(true) });
  });
  return out;
}

function suggestDocuments(index: Index, query: string): Scored[] {
  const out: Scored[] = [];
  index.documents.forEach(({ doc, key }, i) => {
    // By prefix ("CTOC/COP/2012/L"), or from a part of the symbol ("CRP.6").
    const s = key.startsWith(query) ? 80 : query.length >= 3 && key.includes(`/${query}`) ? 50 : 0;
    if (s === 0) return;
    out.push({
      score: s,
      order: 2000 + i,
      suggestion: {
        kind: 'document',
        document: doc,
        label: doc.symbol,
        insert: doc.symbol,
        ...(doc.description === undefined ? {} : { detail: doc.description }),
      },
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Citing

/** "its resolution 5/1 ..." (6/1 PP1), "Conference resolution 5/3 ..." (6/3 OP19), or bare "resolution 5/1 ...". */
export type CiteForm = 'its' | 'Conference' | 'bare';

function citation(act: CitedAct, withTitle: boolean, form: CiteForm): string {
  const own = act.organ === COP_ORGAN;
  const lead = !own ? `${act.organ} ` : form === 'its' ? 'its ' : form === 'Conference' ? 'Conference ' : '';
  return citeAfter(lead, act, withTitle);
}

/**
 * An act cited after the words that name its organ ("its ", "General Assembly ", none after an "its"
 * already written): "its resolution 5/1 of 22 October 2010", with `withTitle` ', entitled "…"'.
 */
export function citeAfter(lead: string, act: CitedAct, withTitle: boolean): string {
  const date = act.dateText === undefined ? '' : ` of ${act.dateText}`;
  const title = withTitle && act.title !== undefined ? `, entitled "${act.title}"` : '';
  return `${lead}${act.kind} ${act.number}${date}${title}`;
}

/**
 * The instruments whose full title an instrument's or a group's full title prints: the instrument
 * itself; for "the United Nations Convention against Transnational Organized Crime and the Protocols
 * thereto", the Convention alone. A group mention introduces its Protocols without their titles, so it
 * is not their first mention (6/1 PP2, then PP5).
 */
export function titledInstruments(refs: References, id: string): readonly InstrumentId[] {
  const group = refs.groups.find((g) => g.id === id);
  if (group === undefined) return refs.instruments.filter((r) => r.id === id).map((r) => r.id);
  return refs.instruments
    .filter((r) => group.members.includes(r.id) && group.title.includes(r.title))
    .map((r) => r.id);
}

export function findAct(
  refs: References,
  number: string,
  kind: CitedAct['kind'] = 'resolution',
  organ: string = COP_ORGAN,
): CitedAct | undefined {
  return indexOf(refs).acts.find((a) => a.number === number && a.kind === kind && a.organ === organ);
}

/**
 * The citation of a resolution or decision the corpus knows: citeAct(refs, '5/1') →
 * "its resolution 5/1 of 22 October 2010". Undefined for an act the corpus does not cite.
 */
export function citeAct(
  refs: References,
  number: string,
  kind: CitedAct['kind'] = 'resolution',
  options: { readonly withTitle?: boolean; readonly form?: CiteForm; readonly organ?: string } = {},
): string | undefined {
  const act = findAct(refs, number, kind, options.organ);
  return act && citation(act, options.withTitle ?? false, options.form ?? 'its');
}

/** The source as footnote content, with *Treaty Series* in italics (the UN Editorial Manual's style for publication titles). */
export function footnoteContent(source: string): Inline[] {
  return source
    .split(/(Treaty Series)/)
    .filter((part) => part !== '')
    .map((part): Inline =>
      part === 'Treaty Series' ? { type: 'text', text: part, italic: true } : { type: 'text', text: part },
    );
}

/** The footnote for an instrument's first mention; undefined when the corpus gives it no source. */
export function footnoteForInstrument(
  refs: References,
  id: InstrumentId | InstrumentGroupId,
): Inline[] | undefined {
  const ref =
    id === CONVENTION_AND_PROTOCOLS.id
      ? refs.groups.find((g) => g.id === id)
      : refs.instruments.find((r) => r.id === id);
  return ref?.source === undefined ? undefined : footnoteContent(ref.source);
}
