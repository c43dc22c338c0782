/**
 * Citing treaties and other instruments (UN practice: citing instruments):
 * - the first mention uses the full title and carries a footnote with the source ("United Nations,
 *   Treaty Series, vol. 2225, No. 39574."); the fix adds the footnote the corpus gives;
 * - later mentions use the short title ("the Convention", "the Firearms Protocol"): a repeated full
 *   title is an info with a fix;
 * - a group mention ("the United Nations Convention against Transnational Organized Crime and the
 *   Protocols thereto", footnoted with all four volumes) is the first mention of the Convention, whose
 *   full title it prints, but not of each Protocol: 6/1 still gives the Trafficking in Persons
 *   Protocol its full title at its first own mention (PP5, after the group in PP2), without a second
 *   footnote, since the group's footnote gave its source;
 * - a short title before any full title is a warning;
 * - a full title misprinted in one word is an error (6/1 OP12: "supplementing the United Nations
 *   Convention on Transnational Organized Crime" for "against");
 * - footnotes again: the 2012 practice (the corpus) footnotes a source again at its first mention in the
 *   operative part (6/1 OP1 re-cites the Convention; 6/2 OP4; 6/3 OP1-2) and, by the same token, in an
 *   annex; the current Editorial Manual footnotes a source once. Which applies is the draft's
 *   `metadata.footnoteRule`, else the setting.
 * Who the instruments are comes from references/instruments.ts, their sources from the corpus's
 * footnotes (references/derive.ts). Quoted titles are left alone (6/1 PP1 quotes resolution 5/1's title),
 * and so is the organ's own name ("the Conference of the Parties to the United Nations Convention ...").
 */
import type { FootnoteRule, ResolutionDocument } from '../model/types.ts';
import { CONVENTION_AND_PROTOCOLS } from '../references/instruments.ts';
import type { InstrumentGroupId, InstrumentId } from '../references/instruments.ts';
import { footnoteContent } from '../references/lookup.ts';
import type { References } from '../references/types.ts';
import { citeRule } from './authority.ts';
import { overlapsAny, protectedSpans } from './spans.ts';
import type { DocumentRule, Fix, LintContext, ParagraphUnit, RuleDiagnostic, TextRange } from './types.ts';
import { paragraphUnits } from './units.ts';

const META = {
  id: 'instrument-citation',
  title: 'Instruments: full title and footnote first, short title after',
  authority: 'editorial-manual',
} as const;
const ID = META.id;
const CITE = citeRule(META);
const CONVENTION_ID: InstrumentId = 'organized-crime-convention';

type Target = InstrumentId | InstrumentGroupId;
type MentionKind = 'full' | 'short' | 'misprint';

interface Mention {
  readonly target: Target;
  /** The instruments it mentions: the four for "the Convention and the Protocols thereto". */
  readonly members: readonly InstrumentId[];
  readonly kind: MentionKind;
  readonly range: TextRange;
  /** Instruments whose full title is printed inside this one (the Convention inside a Protocol's). */
  readonly nested: readonly InstrumentId[];
}

interface Titled {
  readonly id: Target;
  readonly title: string;
  readonly shortTitles: readonly string[];
  readonly members: readonly InstrumentId[];
  readonly source?: string;
}

interface FullKey {
  readonly titled: Titled;
  readonly words: readonly string[];
  readonly nested: readonly InstrumentId[];
  /** A Protocol's title without ", supplementing ...": matched exactly, never as a misprint. */
  readonly core: boolean;
}

interface Index {
  readonly titled: readonly Titled[];
  /** Full titles by their first word: one pass over a paragraph's words finds them all. */
  readonly fullByFirstWord: ReadonlyMap<string, readonly FullKey[]>;
  /** Short titles without their article ("Convention", "Firearms Protocol"). */
  readonly shortByText: ReadonlyMap<string, Titled>;
  /** Every short title at once, longest first, after "the" or "its" (case-sensitive: "the convention" is no title). */
  readonly shortPattern: RegExp | undefined;
}

/** A full title misprinted in one word is recognized only when it is at least this long (as in derive.ts). */
const MIN_WORDS_FOR_MISPRINT = 6;
const SUPPLEMENTING = ', supplementing ';
/** "…Women and Children, supplementing that Convention" (6/1 PP5): the core title and its tail. */
const SUPPLEMENTING_TAIL = /^,?\s+supplementing (?:that|the) Convention\b/;
/** "the Convention on the Rights of the Child" is another convention, not a short title. */
const OTHER_INSTRUMENT_AFTER = /^\s+(?:against|on|for|of|relating|concerning)\b/;
/** The organ's name holds the Convention's title: not a citation of the treaty. */
const ORGAN_NAME_BEFORE = /Conference of the Parties to the\s*$/;

function normalizeWord(word: string): string {
  return word.replace(/[,;:.)"”]+$/, '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const INDEXES = new WeakMap<References, Index>();

function indexOf(refs: References): Index {
  const cached = INDEXES.get(refs);
  if (cached) return cached;
  const titled: Titled[] = [
    ...refs.instruments.map((i) => ({ ...i, members: [i.id] })),
    ...refs.groups.map((g) => ({ ...g, members: g.members })),
  ];
  const convention = refs.instruments.find((i) => i.id === 'organized-crime-convention');
  const fullByFirstWord = new Map<string, FullKey[]>();
  const addFull = (key: FullKey): void => {
    const first = key.words[0] ?? '';
    fullByFirstWord.set(first, [...(fullByFirstWord.get(first) ?? []), key]);
  };
  const shortByText = new Map<string, Titled>();
  for (const t of titled) {
    const nested =
      convention && t.id !== convention.id && t.title.includes(convention.title) ? [convention.id] : [];
    addFull({ titled: t, words: t.title.split(' ').map(normalizeWord), nested, core: false });
    const cut = t.title.indexOf(SUPPLEMENTING);
    if (cut > 0) {
      addFull({
        titled: t,
        words: t.title.slice(0, cut).split(' ').map(normalizeWord),
        nested: [],
        core: true,
      });
    }
    for (const short of t.shortTitles) shortByText.set(short.replace(/^the\s+/i, ''), t);
  }
  const alternatives = [...shortByText.keys()].sort((a, b) => b.length - a.length).map(escape);
  const shortPattern =
    alternatives.length === 0
      ? undefined
      : new RegExp(`(?<=\\b(?:the|its)\\s+)(?:${alternatives.join('|')})\\b`, 'g');
  const index = { titled, fullByFirstWord, shortByText, shortPattern };
  INDEXES.set(refs, index);
  return index;
}

interface Token {
  readonly word: string;
  readonly start: number;
  /** End of the word without its trailing punctuation. */
  readonly end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => {
    const word = normalizeWord(m[0]);
    return { word, start: m.index, end: m.index + word.length };
  });
}

/** Every mention of an instrument in a text, longest first where they overlap, in text order. */
/**
 * The mentions of one paragraph's text depend on the text alone: remembered per text, so a keystroke
 * in a long draft re-reads one paragraph instead of all of them (the editor lints as you type).
 */
const mentionCache = new WeakMap<References, Map<string, readonly Mention[]>>();
const MENTION_CACHE_LIMIT = 4000;

export function findMentions(text: string, refs: References): readonly Mention[] {
  let cache = mentionCache.get(refs);
  if (!cache) {
    cache = new Map();
    mentionCache.set(refs, cache);
  }
  const known = cache.get(text);
  if (known) return known;
  const found = scanMentions(text, refs);
  if (cache.size >= MENTION_CACHE_LIMIT) cache.clear();
  cache.set(text, found);
  return found;
}

function scanMentions(text: string, refs: References): Mention[] {
  const index = indexOf(refs);
  const candidates: Mention[] = [];
  const words = tokens(text);
  for (let i = 0; i < words.length; i++) {
    const keys = index.fullByFirstWord.get(words[i]?.word ?? '');
    if (keys === undefined) continue;
    for (const key of keys) {
      const n = key.words.length;
      if (i + n > words.length || words[i + n - 1]?.word !== key.words[n - 1]) continue;
      let mismatches = 0;
      for (let k = 1; k < n - 1 && mismatches < 2; k++) if (words[i + k]?.word !== key.words[k]) mismatches++;
      if (mismatches > 1 || (mismatches === 1 && (key.core || n < MIN_WORDS_FOR_MISPRINT))) continue;
      const start = words[i]?.start ?? 0;
      let end = words[i + n - 1]?.end ?? start;
      if (key.core) end += SUPPLEMENTING_TAIL.exec(text.slice(end, end + 40))?.[0].length ?? 0;
      candidates.push({
        target: key.titled.id,
        members: key.titled.members,
        kind: mismatches === 0 ? 'full' : 'misprint',
        range: { start, end },
        nested: key.nested,
      });
    }
  }
  for (const m of index.shortPattern ? text.matchAll(index.shortPattern) : []) {
    const titled = index.shortByText.get(m[0]);
    const end = m.index + m[0].length;
    if (!titled || OTHER_INSTRUMENT_AFTER.test(text.slice(end, end + 16))) continue;
    candidates.push({
      target: titled.id,
      members: titled.members,
      kind: 'short',
      range: { start: m.index, end },
      nested: [],
    });
  }
  const spans = protectedSpans(text);
  candidates.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const out: Mention[] = [];
  let reached = -1;
  for (const c of candidates) {
    if (c.range.start < reached) continue;
    const before = text.slice(Math.max(0, c.range.start - 40), c.range.start);
    if (overlapsAny(c.range, spans) || ORGAN_NAME_BEFORE.test(before)) {
      reached = c.range.end;
      continue;
    }
    out.push(c);
    reached = c.range.end;
  }
  return out;
}

/** Offsets of the footnote references in a unit's text. */
function footnoteOffsets(unit: ParagraphUnit): number[] {
  const out: number[] = [];
  let pos = unit.contentStart;
  for (const part of unit.content) {
    if (part.type === 'text') pos += part.text.length;
    else out.push(pos);
  }
  return out;
}

/** Whether a footnote reference follows the mention, with at most punctuation between ("Crime,⁹"). */
function footnotedAt(unit: ParagraphUnit, range: TextRange, offsets: readonly number[]): boolean {
  return offsets.some((at) => at >= range.end && /^[\s,;:.)]*$/.test(unit.text.slice(range.end, at)));
}

/** The instruments whose full title a mention prints: of the group, only the Convention's. */
function printedInFull(m: Mention): readonly InstrumentId[] {
  return m.target === CONVENTION_AND_PROTOCOLS.id ? [CONVENTION_ID] : m.members;
}

type Section = 'preamble' | 'operative' | 'annex';

interface State {
  named: boolean;
  footnoted: boolean;
  mentionedIn: Set<Section>;
  fullIn: Set<Section>;
}

function withArticle(unit: ParagraphUnit, range: TextRange, shortTitle: string): string {
  return /\b(?:the|its)\s+$/i.test(unit.text.slice(0, range.start))
    ? shortTitle.replace(/^the\s+/i, '')
    : shortTitle;
}

export const instrumentCitationRule: DocumentRule = {
  ...META,
  scope: 'document',
  severity: 'warning',
  appliesTo: ['preamble', 'operative', 'annex'],
  check(doc: ResolutionDocument, context: LintContext): RuleDiagnostic[] {
    const refs = context.references;
    const index = indexOf(refs);
    const byId = new Map(index.titled.map((t) => [t.id, t]));
    const policy: FootnoteRule = doc.metadata.footnoteRule ?? context.settings.footnoteRule;
    const states = new Map<Target, State>();
    const state = (id: Target): State => {
      let s = states.get(id);
      if (!s) {
        s = { named: false, footnoted: false, mentionedIn: new Set(), fullIn: new Set() };
        states.set(id, s);
      }
      return s;
    };
    const out: RuleDiagnostic[] = [];

    for (const unit of paragraphUnits(doc)) {
      const section = unit.address.part;
      if (section === 'title' || section === 'formula') continue;
      // An agenda annexed to a decision lists titles as agenda items, not citations (decision 6/1).
      if (section === 'annex' && doc.kind !== 'resolution') continue;
      const offsets = footnoteOffsets(unit);
      for (const m of findMentions(unit.text, refs)) {
        const titled = byId.get(m.target);
        if (!titled) continue;
        const location = { ...unit.address, range: m.range };
        const printed = unit.text.slice(m.range.start, m.range.end);
        const footnoted = footnotedAt(unit, m.range, offsets);
        const members = m.members.map(state);
        const source = titled.source;
        const footnoteEdit = (): Fix['edits'] =>
          source === undefined || footnoted || members.every((s) => s.footnoted)
            ? []
            : [
                {
                  kind: 'insertFootnote',
                  target: unit.address,
                  at: m.range.end,
                  content: footnoteContent(source),
                },
              ];

        if (m.kind === 'misprint') {
          out.push({
            rule: ID,
            severity: 'error',
            message: `"${printed}" misprints the title of an instrument: it is the "${titled.title}" ${CITE}.`,
            location,
            fix: {
              description: 'Correct the title',
              edits: [{ kind: 'replaceText', target: unit.address, range: m.range, text: titled.title }],
            },
          });
        }

        const first = m.kind !== 'short' && printedInFull(m).some((id) => !state(id).named);
        if (m.kind === 'short') {
          // "the Convention and the Protocols thereto" needs only the Convention named before it.
          const needed = m.target === CONVENTION_AND_PROTOCOLS.id ? [state(CONVENTION_ID)] : members;
          if (needed.some((s) => !s.named)) {
            out.push({
              rule: ID,
              severity: 'warning',
              message: `"${printed}" is a short title used before the full title: the first mention is "${titled.title}", with a footnote giving the source ${CITE}.`,
              location,
              fix: {
                description: 'Write the full title',
                edits: [
                  { kind: 'replaceText', target: unit.address, range: m.range, text: titled.title },
                  ...footnoteEdit(),
                ],
              },
            });
            for (const s of needed) s.named = true;
          }
        } else if (first && !footnoted && !members.every((s) => s.footnoted)) {
          const edits = footnoteEdit();
          out.push({
            rule: ID,
            severity: 'warning',
            message: `The first mention of the ${titled.title} carries no footnote${source === undefined ? '' : ` giving its source (${source})`} ${CITE}.`,
            location,
            ...(edits.length > 0 ? { fix: { description: 'Add the footnote with the source', edits } } : {}),
          });
        }

        // A footnote on a mention of instruments that are all footnoted already.
        const repeated = footnoted && !first && members.every((s) => s.footnoted);
        const allowed2012 =
          policy === '2012' &&
          section !== 'preamble' &&
          members.some((s) => !s.mentionedIn.has(section) || (m.kind !== 'short' && !s.fullIn.has(section)));
        if (repeated && !allowed2012) {
          out.push({
            rule: ID,
            severity: 'warning',
            message:
              policy === '2012'
                ? `The source of the ${titled.title} is footnoted again: the 2012 practice repeats the footnote only at the first mention in the operative part ${CITE}.`
                : `The source of the ${titled.title} is footnoted again: under the current Editorial Manual a source is footnoted once, at its first mention ${CITE}.`,
            location,
          });
        } else if (m.kind !== 'short' && !first && !(footnoted && allowed2012)) {
          const shortTitle = titled.shortTitles[0];
          if (shortTitle !== undefined) {
            const text = withArticle(unit, m.range, shortTitle);
            out.push({
              rule: ID,
              severity: 'info',
              message: `The full title of the ${titled.title} was given before; later mentions use the short title, "${shortTitle}" ${CITE}.`,
              location,
              fix: {
                description: `Use the short title, "${shortTitle}"`,
                edits: [{ kind: 'replaceText', target: unit.address, range: m.range, text }],
              },
            });
          }
        }

        for (const s of members) {
          if (footnoted) s.footnoted = true;
          s.mentionedIn.add(section);
        }
        // The collective title prints the Convention's full title, not each Protocol's: a group mention
        // does not stand as a Protocol's first mention, which still gives its full title (6/1 PP5 after
        // PP2), though not its source again, which the group's footnote gave with all four volumes.
        if (m.kind !== 'short') {
          for (const id of printedInFull(m)) {
            state(id).named = true;
            state(id).fullIn.add(section);
          }
        }
        for (const id of m.nested) state(id).named = true;
      }
    }
    return out;
  },
};
