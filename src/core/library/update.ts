/**
 * Updating last year's resolution (issue 13, item 3). Most drafts start from the last version of a
 * resolution on the same item, and every new version makes the same few changes. Each is proposed
 * here as a change the delegate accepts or rejects, never made silently:
 *
 * - `recalling`: the resolution being updated joins the line that recalls the series ("Recalling its
 *   resolutions …, 77/42 of 7 December 2022 and 78/21 of 4 December 2023" gains "79/20 of 2 December
 *   2024", the "and" moving on); where the line names only the latest version ("Recalling its
 *   resolution 78/54 of 4 December 2023", "the most recent of which is resolution 78/19 …"), the new one
 *   takes its place, as the Assembly did in most of its 79 → 80 updates;
 * - `citation`: the report "submitted pursuant to resolution 78/23" is now the one requested by the
 *   resolution being updated;
 * - `session`: the Assembly's own session moves on by the resolution's cadence ("at its eightieth
 *   session" → "eighty-first"); earlier sessions are history and stay, and so does a session beyond the
 *   next version's (a deadline set two years ahead still stands);
 * - `year`: a year that goes with the session ("for 2025", "its 2024 session", "the session of 2025");
 *   a year inside a date never moves, nor does a period ("2025–2029": 1 of 58 moved);
 * - `report`: the report requested "at its eightieth session" is for the new session, and the report
 *   considered (a footnote "A/79/123.") is the new session's, whose symbol is not known yet:
 *   "A/80/‹number›", a placeholder (model/placeholders.ts).
 *
 * What moves and what stays was measured on the library's pairs of a session-79 resolution and its
 * session-80 successor (tests/core/library/update.test.ts holds the figures): an Assembly session
 * ordinal of the base's session or the next moved 94 % of the time; other bodies' sessions ("the
 * sixty-eighth regular session of the General Conference") moved 20 % of the time, so they are not
 * proposed; a year after "for" moved 98-100 %, after "in" or "during" about half the time (not
 * proposed); a bare report symbol of the session became the next session's 91 % of the time.
 *
 * Where a proposal stands is given in the current draft's text, not stored as a flag: `updateStates`
 * finds each proposal's old text (pending) or new text (done) by its context, so undo, reload and
 * collaboration keep the status right; neither found means the delegate rewrote that place (overtaken).
 */
import type { ComparePart } from '../compare/types.ts';
import { inlineText, normalizeInlines, plain } from '../model/inline.ts';
import { placeholder } from '../model/placeholders.ts';
import type { Footnote, Metadata, PreambularParagraph, ResolutionDocument } from '../model/types.ts';
import { PRINTED_DATE_SOURCE, printedFromIsoDate } from '../references/dates.ts';
import { applyFix, spliceInlines } from '../rules/fix.ts';
import type { Fix, ParagraphAddress, ReplaceTextEdit, TextRange } from '../rules/types.ts';
import { addressLabel, paragraphUnits } from '../rules/units.ts';
import type { LineageSource } from './lineage.ts';
import { ORDINAL_SOURCE, ordinalValue, ordinalWords } from './ordinals.ts';
import type { LibraryDocument } from './types.ts';

export const UPDATE_KINDS = ['recalling', 'citation', 'session', 'year', 'report'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/**
 * Where a proposal applies, in the base it was made from:
 * - `paragraph`: a range of a paragraph's printed text, `joinOpener(opener, inlineText(content))` — the
 *   offsets of the checks' fixes (rules/types.ts `Location.range`), which `applyFix` and the editor's
 *   `$applyEditorFix` read; `part` and `path` name the paragraph as compare and lineage do
 *   (compare/units.ts `documentOutline`: 1-based, sections' paragraphs after the top level's);
 * - `footnote`: a range of a footnote's text (`inlineText(content)`), the footnote referenced from the
 *   paragraph at `address` (`part`, `path`);
 * - `insert`: a new preambular paragraph that takes the place `address` names.
 */
export type UpdatePlace =
  | {
      readonly type: 'paragraph';
      readonly address: ParagraphAddress;
      /** The title has no place in the outline: its path is empty. */
      readonly part: ComparePart | 'title';
      readonly path: readonly number[];
      readonly range: TextRange;
    }
  | {
      readonly type: 'footnote';
      readonly footnoteId: string;
      readonly address: ParagraphAddress;
      readonly part: ComparePart;
      readonly path: readonly number[];
      readonly range: TextRange;
    }
  | {
      readonly type: 'insert';
      readonly address: ParagraphAddress;
      readonly opener: string;
      readonly content: string;
    };

export interface UpdateProposal {
  /** Stable for a base and a target session: rejections are kept by it. */
  readonly id: string;
  readonly kind: UpdateKind;
  readonly place: UpdatePlace;
  /** Where a delegate finds it: "PP3", "OP12", "footnote to PP5", "new PP1". */
  readonly label: string;
  readonly oldText: string;
  readonly newText: string;
  /** Why, as a delegate reads it: "Session moves on: eightieth → eighty-first". */
  readonly reason: string;
  /**
   * The base's text just before and after the range (never reaching into another proposal's), by which
   * the place is found again once the draft has changed around it.
   */
  readonly before: string;
  readonly after: string;
}

export interface UpdateOptions {
  /** The session of the new version; by default the next in the resolution's cadence. */
  readonly session?: number;
  /**
   * The library: the base's own predecessor tells its cadence (a predecessor two sessions back makes a
   * biennial resolution) and which citation the base itself updated.
   */
  readonly library?: LineageSource;
}

/** What an update knows about the base and the version to come. */
export interface UpdateTarget {
  /** The base's session and the new version's. */
  readonly session: number;
  readonly target: number;
  /** Years between them: a session of the Assembly is a year; the Conference of the Parties meets every two. */
  readonly years: number;
  /** The resolution being updated, as cited: "79/136", and its date as printed ("6 December 2024"). */
  readonly number: string | null;
  readonly date: string | null;
  /** The version the base itself updated (its predecessor), when known. */
  readonly previous: { readonly number: string; readonly first: boolean } | null;
}

const DATE = PRINTED_DATE_SOURCE.replaceAll(' ', '\\s+');
/** A resolution or decision number as cited: "78/21", "56/24 V", "36/87 A and B". */
const NUMBER = String.raw`\d{1,3}\/\d{1,4}`;
const SUFFIX = String.raw`(?:\s[A-Z]{1,2}(?=[\s,;.)]|$))?`;
/** One cited resolution: number, optional letter, optional date. */
const ITEM = new RegExp(`^${NUMBER}${SUFFIX}(\\s+of\\s+${DATE})?`);
const ORDINAL_SESSION = new RegExp(`\\b(${ORDINAL_SOURCE})(\\s+)(session)\\b`, 'gi');
const OPENS_RECALL = /^(?:Recalling|Reaffirming|Recalls|Reaffirms|Bearing in mind|Reiterating)\b/i;
/** A generic recall of the series: the base recalls its predecessors without numbering them. */
const GENERIC_RECALL =
  /\b(?:all\s+)?(?:its\s+)?(?:previous|relevant|earlier|annual|subsequent|other\s+relevant|prior)\s+(?:\w+\s+)?resolutions\b/i;
/** Contexts in which the single latest resolution is named, and the new one takes its place. */
const LATEST =
  /(?:most\s+recent\s+of\s+which\s+(?:is|was|being)|most\s+recently(?:\s+in)?|in\s+particular|including(?:\s+in\s+particular)?|notably)\s+(?:(?:its|General\s+Assembly|Assembly)\s+)?resolution\s+$/i;
/** Contexts in which a report follows the resolution that asked for it. */
const REPORTED =
  /(?:pursuant\s+to|in\s+pursuance\s+of|on\s+the\s+implementation\s+of|(?:requested|mandated)\s+(?:by\s+the\s+General\s+Assembly\s+)?in|as\s+called\s+for\s+in|in\s+response\s+to)\s+(?:paragraph\s+\d+\s+of\s+)?(?:(?:its|General\s+Assembly|Assembly|the)\s+)?resolution\s+$/i;
/** Bodies whose sessions a resolution also names; the nearest before an ordinal says whose it is. */
const BODY =
  /\b(?:General\s+Assembly|Assembly|Conference\s+of\s+the\s+Parties|Conference|Committee|Commission|Council|Organization|Agency|Board|Subcommittee|Forum|Group|Court|Tribunal|Authority|Meeting|Summit|Panel|Mechanism|Office|Secretariat|Programme|Fund|Union)\b/g;
const YEAR = String.raw`(?:19|20)\d\d`;
/** "for 2025" (a budget, a report's year), not a period ("for 2025–2026", "for 2023/24"). */
const YEAR_FOR = new RegExp(`\\bfor\\s+(${YEAR})\\b(?!\\s*[-–\\u2010\\u2011/]\\s*\\d)`, 'g');
const YEAR_SESSION = new RegExp(
  `\\b(?:its|the)\\s+(${YEAR})\\s+(?:regular\\s+|substantive\\s+|annual\\s+)?session\\b|\\bsession\\s+(?:of|in)\\s+(${YEAR})\\b(?!\\s*[-–\\u2010\\u2011]\\s*\\d)`,
  'g',
);
/** "Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 16 (A/79/16)". */
const OFFICIAL_RECORDS = new RegExp(
  `(${ORDINAL_SOURCE})(\\s+Session,\\s+Supplement\\s+No\\.\\s*\\d+[A-Z]?\\s*\\(A\\/)(\\d+)(\\/)`,
  'gi',
);
/** A footnote that only cites documents: "A/79/123.", "See A/79/373 and A/79/555." */
const SYMBOLS_ONLY =
  /^\s*(?:See\s+)?A\/\d+\/[\w./]+(?:\s*\([^)]*\))?(?:(?:,\s*|\s+and\s+)A\/\d+\/[\w./]+(?:\s*\([^)]*\))?)*\.?\s*$/;

// ---------------------------------------------------------------------------------------------------
// The base and the target

function printedDate(iso: string | null): string | null {
  return iso ? (printedFromIsoDate(iso) ?? null) : null;
}

function sessionOfNumber(number: string): number {
  return Number(number.split('/')[0]);
}

/** The numbers each paragraph opening with "Recalling", "Reaffirming" … cites, in order. */
function recalledNumbers(doc: ResolutionDocument): string[][] {
  const out: string[][] = [];
  for (const p of doc.preamble) {
    if (!OPENS_RECALL.test(p.opener)) continue;
    const cited: string[] = [];
    for (const m of inlineText(p.content).matchAll(new RegExp(`(?<![\\d/])(${NUMBER})(?![\\d/])`, 'g')))
      if (m[1]) cited.push(m[1]);
    out.push(cited);
  }
  return out;
}

/**
 * The version a resolution updated, read from its own recalling lines when the library does not
 * hold it: one of its resolutions of the three sessions before, preferably the last of a list of
 * versions ("… 76/23 of 6 December 2021, 77/42 of 7 December 2022 and 78/21 of 4 December 2023"),
 * then the latest, then the first recalled (a lone "Recalling further its resolution 77/55, in which
 * it recognized …" later in the preamble is as often another resolution as the last version).
 */
function citedPredecessor(doc: ResolutionDocument, session: number): string | null {
  let best: { number: string; score: number } | null = null;
  recalledNumbers(doc).forEach((cited, k) => {
    cited.forEach((n, i) => {
      const s = sessionOfNumber(n);
      if (s < session - 3 || s >= session) return;
      const series = cited.slice(0, i).some((m) => {
        const earlier = sessionOfNumber(m);
        return earlier < s && earlier >= s - 3;
      });
      const score = (series ? 4 : 0) + (k === 0 ? 2 : 0) + (s - (session - 3)) / 4;
      if (best === null || score > best.score) best = { number: n, score };
    });
  });
  return (best as { number: string } | null)?.number ?? null;
}

/**
 * Whether a resolution is the first of its series: it recalls no earlier version and no generic
 * "previous resolutions on the subject". The next version then recalls it beside the new one
 * ("Recalling its resolutions 78/241 of 22 December 2023 and 79/62 of 2 December 2024") instead of
 * in its place.
 */
function firstOfSeries(doc: ResolutionDocument, session: number | null): boolean {
  if (session === null) return false;
  if (citedPredecessor(doc, session) !== null) return false;
  return !doc.preamble.some((p) => OPENS_RECALL.test(p.opener) && GENERIC_RECALL.test(inlineText(p.content)));
}

const AGENDA = new RegExp(`provisional\\s+agenda\\s+of\\s+its\\s+(${ORDINAL_SOURCE})\\s+session`, 'i');

/** The session whose provisional agenda the resolution puts its item on, if it says. */
function agendaSession(doc: ResolutionDocument): number | null {
  const paragraphs = [...doc.operative, ...(doc.sections ?? []).flatMap((s) => s.operative)];
  for (let k = paragraphs.length - 1; k >= 0; k--) {
    const p = paragraphs[k];
    const m = p ? AGENDA.exec(inlineText(p.content)) : null;
    if (m?.[1]) return ordinalValue(m[1]) ?? null;
  }
  return null;
}

function organYears(base: LibraryDocument): number {
  const conference = base.meta.body === 'cop' || /Conference of the Parties/i.test(base.doc.organ);
  return conference ? 2 : 1;
}

/** The base's session, the new version's, and what the base itself updated. */
export function updateTarget(base: LibraryDocument, options: UpdateOptions = {}): UpdateTarget {
  const session = base.meta.session ?? (base.meta.number ? sessionOfNumber(base.meta.number) : Number.NaN);
  if (!Number.isInteger(session))
    throw new Error(`updateTarget: ${base.meta.symbol} has no session to move on from`);
  const library = options.library;
  const previousId = library?.predecessors.get(base.meta.id);
  const previous = previousId ? library?.get(previousId) : undefined;
  let cadence = 1;
  let previousNumber: string | null = null;
  let first = false;
  if (previous?.meta.number && previous.meta.session !== null) {
    const gap = session - previous.meta.session;
    if (gap >= 1 && gap <= 3) cadence = gap;
    previousNumber = previous.meta.number;
    // The predecessor is the first of the series when it has none itself and recalls none, and the
    // library would know of one (it holds the session before).
    first =
      !library?.predecessors.has(previous.meta.id) &&
      firstOfSeries(previous.doc, previous.meta.session) &&
      library !== undefined &&
      previous.meta.session > earliestLinked(library);
  } else {
    previousNumber = citedPredecessor(base.doc, session);
    // The item's next appearance says when the next version comes ("Decides to include in the
    // provisional agenda of its eightieth session" in a resolution of the seventy-eighth); failing
    // that, the version it recalls.
    const agenda = agendaSession(base.doc);
    if (agenda !== null && agenda > session && agenda - session <= 3) cadence = agenda - session;
    else if (previousNumber) cadence = session - sessionOfNumber(previousNumber);
  }
  const target = options.session ?? session + cadence;
  if (!Number.isInteger(target) || target <= session)
    throw new Error(`updateTarget: session ${target} does not come after ${session}`);
  return {
    session,
    target,
    years: (target - session) * organYears(base),
    number: base.meta.number,
    date: printedDate(base.meta.date),
    previous: previousNumber ? { number: previousNumber, first } : null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** An ordinal in the style of the one it replaces: capital, and the same hyphen. */
function styledOrdinal(n: number, like: string): string {
  let words = ordinalWords(n) ?? String(n);
  const hyphen = /[-\u2010\u2011]/.exec(like)?.[0];
  if (hyphen && hyphen !== '-') words = words.replaceAll('-', hyphen);
  return /^[A-Z]/.test(like) ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

function addressKey(address: ParagraphAddress): string {
  return `${address.part}:${address.section ?? ''}:${address.paragraph ?? ''}:${(address.subparagraph ?? []).join('.')}`;
}

/** The paragraph's place as compare and lineage give it (compare/units.ts `documentOutline`). */
function outlinePath(doc: ResolutionDocument, address: ParagraphAddress): readonly number[] {
  if (address.part === 'title' || address.part === 'formula') return [];
  const sub = address.subparagraph ?? [];
  const paragraph = address.paragraph ?? 0;
  if (address.part === 'annex') return [paragraph, ...sub];
  const part = address.part === 'preamble' ? 'preamble' : 'operative';
  let at = paragraph;
  if (address.section !== undefined) {
    at += doc[part].length;
    for (const s of (doc.sections ?? []).slice(0, address.section - 1)) at += s[part].length;
  }
  return [at, ...sub];
}

interface Draft {
  readonly kind: UpdateKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly reason: string;
}

/** The proposals of one paragraph, in order, overlaps dropped (the first found wins). */
function ordered(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of [...drafts].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out[out.length - 1];
    if (last && d.start < last.end) continue;
    out.push(d);
  }
  return out;
}

/** Context around each range, up to `CONTEXT` characters, never into a neighbour's range. */
const CONTEXT = 40;

function withContext(
  text: string,
  drafts: readonly Draft[],
): { draft: Draft; before: string; after: string }[] {
  return drafts.map((d, k) => {
    const previousEnd = drafts[k - 1]?.end ?? 0;
    const nextStart = drafts[k + 1]?.start ?? text.length;
    return {
      draft: d,
      before: text.slice(Math.max(previousEnd, d.start - CONTEXT), d.start),
      after: text.slice(d.end, Math.min(nextStart, d.end + CONTEXT)),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Finding what moves in a paragraph

/** A new clause with a verb of its own: "…, and decides to", "…; requests". */
const CLAUSE_VERB =
  /[;:]|,\s+(?:and\s+)?(?:also\s+|further\s+|in\s+this\s+regard\s+)?(?:decides|requests|invites|encourages|calls\s+upon|urges|notes|welcomes|takes\s+note|recognizes|stresses|emphasizes|reaffirms|recalls|looks\s+forward|agrees|endorses|expresses|approves|authorizes)\b/gi;

/** The clause that ends at `at`: from the last semicolon, colon or clause with a verb of its own. */
function clauseBefore(text: string, at: number): string {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(CLAUSE_VERB)) start = m.index + (m[0].length > 1 ? 2 : 1);
  return text.slice(start, at);
}

/** Whether the session named at [start, end) of `text` is the organ's own (the Assembly's, the Conference's). */
function ownSession(text: string, start: number, end: number, conference: boolean): boolean {
  const own = (name: string): boolean =>
    conference ? /^Conference(?:\s+of\s+the\s+Parties)?$/.test(name) : /^(?:General\s+)?Assembly$/.test(name);
  const after = /^\s+of\s+the\s+([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|the|on|and|for))*)/.exec(
    text.slice(end, end + 120),
  );
  if (after?.[1]) {
    const named = [...after[1].matchAll(BODY)].map((m) => m[0]);
    const head = named[named.length - 1];
    if (head !== undefined) return own(head.replace(/\s+/g, ' ')) && !/Health|Environment/.test(after[1]);
  }
  const clause = clauseBefore(text, start).replace(/“[^”]*”|"[^"]*"/g, '');
  // The Assembly's own agenda, whatever was named before ("…, and decides to include in the
  // provisional agenda of its eightieth session").
  if (/\bagenda\s+of\s+its\s+$/i.test(clause)) return true;
  const bodies = [...clause.matchAll(BODY)];
  const last = bodies[bodies.length - 1];
  if (!last) return true;
  if (!own(last[0].replace(/\s+/g, ' '))) return false;
  // "World Health Assembly", "United Nations Environment Assembly" are not the General Assembly.
  const word = /([A-Z][\w-]*)\s+$/.exec(clause.slice(0, last.index))?.[1];
  return !(last[0] === 'Assembly' && word !== undefined && word !== 'General');
}

function sessionDrafts(text: string, from: number, t: UpdateTarget, conference: boolean): Draft[] {
  const out: Draft[] = [];
  const gap = t.target - t.session;
  for (const m of text.matchAll(ORDINAL_SESSION)) {
    const word = m[1] ?? '';
    const start = m.index;
    if (start < from) continue;
    const value = ordinalValue(word);
    if (value === undefined) continue;
    // The base's own session and the next (the new version's own, for a biennial one) move on; a
    // session further ahead is a deadline that stands (1 of 5 moved), an earlier one history.
    if (value < t.session || value > t.session + gap) continue;
    if (!ownSession(text, start, start + m[0].length, conference)) continue;
    const next = styledOrdinal(value + gap, word);
    const clause = clauseBefore(text, start);
    const agenda = /\bagenda\s+of\s+(?:its|the)\s+$/i.test(clause);
    const report =
      !agenda &&
      (/\breport/i.test(clause) ||
        /^\s+session,?\s+(?:a|an|the)\s+(?:\w+\s+)?report/i.test(text.slice(start + word.length)));
    const move = `${word.toLowerCase()} → ${next.toLowerCase()}`;
    out.push({
      kind: report ? 'report' : 'session',
      start,
      end: start + word.length,
      text: next,
      reason: agenda
        ? `The item goes on the agenda of the new session: ${move}`
        : report
          ? `The report requested is for the new session: ${move}`
          : `Session moves on: ${move}`,
    });
  }
  return out;
}

function yearDrafts(text: string, from: number, t: UpdateTarget, baseYear: number | null): Draft[] {
  if (baseYear === null) return [];
  const out: Draft[] = [];
  const push = (year: string, start: number, reason: string): void => {
    if (start < from) return;
    const moved = String(Number(year) + t.years);
    out.push({ kind: 'year', start, end: start + 4, text: moved, reason: `${reason}: ${year} → ${moved}` });
  };
  // "for 2025": the year a budget, programme or report is for; last year's report ("for 2023" in a
  // resolution of 2024) moves on too (for-years one before the base's to one after moved 98-100 %).
  for (const m of text.matchAll(YEAR_FOR)) {
    const year = m[1] ?? '';
    const rel = Number(year) - baseYear;
    if (rel >= -1 && rel <= 1) push(year, m.index + m[0].length - 4, 'The year it is for moves on');
  }
  // "its 2024 session", "the substantive session of 2025": another body's session named by its year.
  for (const m of text.matchAll(YEAR_SESSION)) {
    const year = m[1] ?? m[2] ?? '';
    const rel = Number(year) - baseYear;
    if (rel < 0 || rel > t.years) continue;
    const at = m.index + m[0].indexOf(year, m[1] ? 0 : m[0].length - 4);
    push(year, at, 'The session of the year moves on');
  }
  return out;
}

/** One cited resolution at `at` of `text`: its end, and whether it carries its date. */
function itemAt(text: string, at: number): { end: number; dated: boolean } | null {
  const m = ITEM.exec(text.slice(at));
  return m ? { end: at + m[0].length, dated: m[1] !== undefined } : null;
}

function recallingDrafts(text: string, from: number, opener: string, t: UpdateTarget): Draft[] {
  const previous = t.previous;
  if (!previous || !t.number) return [];
  const out: Draft[] = [];
  const cited = `${t.number}${t.date ? ` of ${t.date}` : ''}`;
  const item = (dated: boolean): string => (dated && t.date ? cited : (t.number ?? ''));
  const pattern = new RegExp(`(?<![\\d/])${previous.number.replace('/', '\\/')}(?![\\d/])`, 'g');
  const recall = OPENS_RECALL.test(opener);
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    if (start < from) continue;
    const found = itemAt(text, start);
    if (!found) continue;
    const before = text.slice(0, start);
    const rest = text.slice(found.end);
    // A list that goes on after it is not the series' list (or not in order): leave it.
    if (new RegExp(`^(?:,\\s*|\\s+and\\s+)${NUMBER}`).test(rest)) continue;
    const listTail = new RegExp(`\\d(?:${SUFFIX})?(?:\\s+of\\s+${DATE})?(\\s*,)?\\s+and\\s+$`).exec(before);
    const listOpen = new RegExp(`\\d(?:${SUFFIX})?(?:\\s+of\\s+${DATE})?,\\s+$`).exec(before);
    const label = item(found.dated);
    const reason = `Recalls the resolution being updated, ${cited}`;
    if (listTail) {
      // "…, 77/42 of 7 December 2022 and 78/21 of 4 December 2023" → "…, 78/21 of … and 79/20 of …".
      const andAt = before.lastIndexOf('and');
      const cut = before.slice(0, andAt).replace(/\s*,?\s*$/, '').length;
      const comma = listTail[1] !== undefined;
      out.push({
        kind: 'recalling',
        start: cut,
        end: found.end,
        text: `, ${text.slice(start, found.end)}${comma ? ',' : ''} and ${label}`,
        reason,
      });
    } else if (listOpen) {
      // "…, 78/164 of 19 December 2023 and all other relevant resolutions": the new one after it.
      out.push({
        kind: 'recalling',
        start,
        end: found.end,
        text: `${text.slice(start, found.end)}, ${label}`,
        reason,
      });
    } else if (LATEST.test(before)) {
      out.push({
        kind: 'recalling',
        start,
        end: found.end,
        text: label,
        reason: `The most recent resolution is now the one being updated, ${cited}`,
      });
    } else if (/\bresolution\s+$/.test(before) && recall && found.dated) {
      const head = /\bresolution\s+$/.exec(before);
      if (previous.first && head) {
        // The first of the series stays beside the new one.
        out.push({
          kind: 'recalling',
          start: head.index,
          end: found.end,
          text: `resolutions ${text.slice(start, found.end)} and ${label}`,
          reason,
        });
      } else
        out.push({
          kind: 'recalling',
          start,
          end: found.end,
          text: label,
          reason: `Recalls the resolution being updated, ${cited}, in place of the one it updated (${previous.number})`,
        });
    } else if (REPORTED.test(before)) {
      const report = /\b(?:report|information)\b/i.test(clauseBefore(text, start));
      out.push({
        kind: 'citation',
        start,
        end: found.end,
        text: label,
        reason: report
          ? `The report now follows the resolution being updated, ${t.number}`
          : `Cites the resolution being updated, ${t.number}, in place of the one it updated (${previous.number})`,
      });
    }
  }
  return out;
}

/** Report symbols of the base's session in a footnote: the next session's report is not yet numbered. */
function footnoteDrafts(text: string, t: UpdateTarget): Draft[] {
  const out: Draft[] = [];
  for (const m of text.matchAll(OFFICIAL_RECORDS)) {
    const word = m[1] ?? '';
    if (ordinalValue(word) !== t.session || Number(m[3]) !== t.session) continue;
    const next = styledOrdinal(t.target, word);
    out.push({
      kind: 'report',
      start: m.index,
      end: m.index + m[0].length,
      text: `${next}${m[2] ?? ''}${t.target}${m[4] ?? ''}`,
      reason: `The Official Records cited are the new session's: ${word} → ${next}`,
    });
  }
  if (out.length > 0 || !SYMBOLS_ONLY.test(text)) return out;
  for (const m of text.matchAll(/A\/(\d+)\/(\d+)(?!\d)/g)) {
    if (Number(m[1]) !== t.session) continue;
    out.push({
      kind: 'report',
      start: m.index,
      end: m.index + m[0].length,
      text: `A/${t.target}/${placeholder('number')}`,
      reason: `The report considered is the new session's; its symbol is not known yet`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Proposing

/** The earliest session of a resolution the library links to a successor: before it, it knows no series. */
function earliestLinked(library: LineageSource): number {
  let earliest = Infinity;
  for (const id of library.predecessors.values()) {
    const session = (library.meta ? library.meta(id) : library.get(id)?.meta)?.session;
    if (session !== null && session !== undefined && session < earliest) earliest = session;
  }
  return earliest;
}

/**
 * The changes that update `base` for its next version (or the version of `options.session`), in reading
 * order: paragraphs first, then footnotes. Pure: the same base and options give the same proposals, ids
 * included.
 */
export function proposeUpdates(base: LibraryDocument, options: UpdateOptions = {}): UpdateProposal[] {
  const t = updateTarget(base, options);
  const doc = base.doc;
  const conference = organYears(base) === 2;
  const baseYear = base.meta.date ? Number(base.meta.date.slice(0, 4)) : null;
  const out: UpdateProposal[] = [];
  const footnotes = new Map(doc.footnotes.map((f) => [f.id, f]));
  const footnoteOwner = new Map<string, ParagraphAddress>();
  let recalled = false;

  for (const unit of paragraphUnits(doc)) {
    const { address, text, contentStart } = unit;
    // The title moves with the session ("Provisional agenda for the seventh session …", COP decision 6/1).
    if (address.part === 'formula') continue;
    for (const part of unit.content)
      if (part.type === 'footnoteRef' && !footnoteOwner.has(part.footnoteId))
        footnoteOwner.set(part.footnoteId, address);
    const recalling = address.part === 'title' ? [] : recallingDrafts(text, contentStart, unit.opener, t);
    if (recalling.length > 0) recalled = true;
    const drafts = ordered([
      ...recalling,
      ...sessionDrafts(text, contentStart, t, conference),
      ...yearDrafts(text, contentStart, t, baseYear),
    ]);
    if (drafts.length === 0) continue;
    const key = addressKey(address);
    const label = addressLabel(address);
    const path = address.part === 'title' ? [] : outlinePath(doc, address);
    const part = address.part as ComparePart | 'title';
    for (const { draft, before, after } of withContext(text, drafts))
      out.push({
        id: `${draft.kind}:${key}:${draft.start}`,
        kind: draft.kind,
        place: { type: 'paragraph', address, part, path, range: { start: draft.start, end: draft.end } },
        label,
        oldText: text.slice(draft.start, draft.end),
        newText: draft.text,
        reason: draft.reason,
        before,
        after,
      });
  }

  // The first of its series: its next version opens by recalling it (A/RES/80/58, A/RES/80/123).
  // A resolution of the library's earliest session may have predecessors the library does not hold.
  if (
    !recalled &&
    t.number &&
    t.previous === null &&
    firstOfSeries(doc, t.session) &&
    !(options.library && t.session <= earliestLinked(options.library))
  ) {
    const content = `its resolution ${t.number}${t.date ? ` of ${t.date}` : ''},`;
    out.unshift({
      id: 'recalling:new:preamble:1',
      kind: 'recalling',
      place: { type: 'insert', address: { part: 'preamble', paragraph: 1 }, opener: 'Recalling', content },
      label: 'new PP1',
      oldText: '',
      newText: `Recalling ${content}`,
      reason: `Recalls the resolution being updated, ${t.number}${t.date ? ` of ${t.date}` : ''}, which no line recalls yet`,
      before: '',
      after: '',
    });
  }

  for (const [id, address] of footnoteOwner) {
    const note = footnotes.get(id);
    if (!note) continue;
    const text = inlineText(note.content);
    const drafts = ordered(footnoteDrafts(text, t));
    for (const { draft, before, after } of withContext(text, drafts))
      out.push({
        id: `${draft.kind}:footnote:${id}:${draft.start}`,
        kind: draft.kind,
        place: {
          type: 'footnote',
          footnoteId: id,
          address,
          part: address.part as ComparePart,
          path: outlinePath(doc, address),
          range: { start: draft.start, end: draft.end },
        },
        label: `footnote to ${addressLabel(address)}`,
        oldText: text.slice(draft.start, draft.end),
        newText: draft.text,
        reason: draft.reason,
        before,
        after,
      });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Where each proposal stands in a draft

export const UPDATE_STATUSES = ['pending', 'done', 'overtaken'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export interface UpdateState {
  readonly status: UpdateStatus;
  /**
   * Where the old text (pending) or the new text (done) now stands in the draft; for a paragraph to
   * insert, where it goes (pending) or stands (done). Absent when overtaken.
   */
  readonly place?: UpdatePlace;
}

interface Hit {
  readonly status: 'pending' | 'done';
  readonly at: number;
  readonly length: number;
}

/** Every place `needle` starts in `text`. */
function indexesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/**
 * The old or new text of a proposal in `text`, by its context: both sides first, then either side
 * alone (the neighbouring proposal may have changed the other), the hit nearest the place it had in
 * the base winning.
 */
function findIn(text: string, p: UpdateProposal, expected: number): Hit | null {
  const tries: [string, string][] = [
    [p.before, p.after],
    [p.before, ''],
    ['', p.after],
  ];
  for (const [before, after] of tries) {
    if (before === '' && after === '' && p.before + p.after !== '') break;
    const hits: Hit[] = [];
    for (const [status, middle] of [
      ['pending', p.oldText],
      ['done', p.newText],
    ] as const)
      for (const at of indexesOf(text, before + middle + after))
        hits.push({ status, at: at + before.length, length: middle.length });
    if (hits.length === 0) continue;
    hits.sort((a, b) => Math.abs(a.at - expected) - Math.abs(b.at - expected));
    return hits[0] ?? null;
  }
  return null;
}

function normalSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Where each proposal stands in `doc`, read from its text: pending while the old text is still there,
 * done once the new text is, overtaken when neither is (the delegate wrote something else).
 */
export function updateStates(
  doc: ResolutionDocument,
  proposals: readonly UpdateProposal[],
): Map<string, UpdateState> {
  const units = paragraphUnits(doc);
  const byKey = new Map(units.map((u) => [addressKey(u.address), u]));
  const footnotes = new Map(doc.footnotes.map((f) => [f.id, f]));
  const out = new Map<string, UpdateState>();
  for (const p of proposals) {
    const place = p.place;
    if (place.type === 'insert') {
      const wanted = normalSpace(p.newText);
      const preamble = units.filter((u) => u.address.part === 'preamble');
      const done = preamble.find((u) => normalSpace(u.text) === wanted);
      const cited = new RegExp(NUMBER).exec(place.content)?.[0];
      if (done) out.set(p.id, { status: 'done', place: { ...place, address: done.address } });
      else if (
        cited &&
        preamble.some((u) => new RegExp(`(?<![\\d/])${cited.replace('/', '\\/')}(?![\\d/])`).test(u.text))
      )
        out.set(p.id, { status: 'overtaken' });
      else out.set(p.id, { status: 'pending', place });
      continue;
    }
    if (place.type === 'footnote') {
      const own = footnotes.get(place.footnoteId);
      const candidates = own ? [own, ...doc.footnotes.filter((f) => f !== own)] : doc.footnotes;
      let state: UpdateState = { status: 'overtaken' };
      for (const f of candidates) {
        const hit = findIn(inlineText(f.content), p, place.range.start);
        if (!hit || (f !== own && p.before === '' && p.after === '')) continue;
        state = {
          status: hit.status,
          place: { ...place, footnoteId: f.id, range: { start: hit.at, end: hit.at + hit.length } },
        };
        break;
      }
      out.set(p.id, state);
      continue;
    }
    // The paragraph at its address first, then (the draft gained or lost a paragraph before it) any
    // paragraph of the same part where the old or new text stands with both its contexts.
    const home = byKey.get(addressKey(place.address));
    let state: UpdateState = { status: 'overtaken' };
    const hit = home ? findIn(home.text, p, place.range.start) : null;
    if (home && hit) {
      state = {
        status: hit.status,
        place: { ...place, range: { start: hit.at, end: hit.at + hit.length } },
      };
    } else {
      for (const u of units) {
        if (u === home || u.address.part !== place.address.part) continue;
        const pending = indexesOf(u.text, p.before + p.oldText + p.after)[0];
        const done = indexesOf(u.text, p.before + p.newText + p.after)[0];
        const at = pending ?? done;
        if (at === undefined || p.before + p.after === '') continue;
        const length = pending !== undefined ? p.oldText.length : p.newText.length;
        state = {
          status: pending !== undefined ? 'pending' : 'done',
          place: {
            ...place,
            address: u.address,
            path: outlinePath(doc, u.address),
            range: { start: at + p.before.length, end: at + p.before.length + length },
          },
        };
        break;
      }
    }
    out.set(p.id, state);
  }
  return out;
}

/** The edit that makes a pending paragraph proposal, where `updateStates` found it: for `$applyEditorFix`. */
export function updateFix(p: UpdateProposal, state: UpdateState): Fix | null {
  if (state.status !== 'pending' || state.place?.type !== 'paragraph') return null;
  const edit: ReplaceTextEdit = {
    kind: 'replaceText',
    target: state.place.address,
    range: state.place.range,
    text: p.newText,
  };
  return { description: `${p.label}: ${p.reason}`, edits: [edit] };
}

function replaceInFootnote(f: Footnote, range: TextRange, text: string): Footnote {
  return { ...f, content: normalizeInlines(spliceInlines(f.content, range.start, range.end, plain(text))) };
}

function insertPreamble(
  doc: ResolutionDocument,
  at: number,
  paragraph: PreambularParagraph,
): ResolutionDocument {
  const index = Math.max(0, Math.min(doc.preamble.length, at - 1));
  return { ...doc, preamble: [...doc.preamble.slice(0, index), paragraph, ...doc.preamble.slice(index)] };
}

/** The edits that make the pending ones of some proposals, wherever they are made (model or editor). */
export interface UpdatePlan {
  /** The paragraphs' edits, as a check's quick fix makes them. */
  readonly edits: readonly ReplaceTextEdit[];
  /** Edits of footnotes, each footnote's from its end backwards, so each range is still where it was found. */
  readonly footnotes: readonly { readonly id: string; readonly range: TextRange; readonly text: string }[];
  /** New preambular paragraphs. */
  readonly inserts: readonly Extract<UpdatePlace, { type: 'insert' }>[];
  /** The proposals the plan makes (a rejected, overtaken or already made one is left out). */
  readonly made: readonly UpdateProposal[];
}

/**
 * What making the pending ones of `proposals` in `doc` takes. Two proposals found at one place (a
 * context too short to tell them apart): the first is made.
 */
export function planUpdates(doc: ResolutionDocument, proposals: readonly UpdateProposal[]): UpdatePlan {
  const states = updateStates(doc, proposals);
  const edits: ReplaceTextEdit[] = [];
  const footnotes: { id: string; range: TextRange; text: string }[] = [];
  const inserts: Extract<UpdatePlace, { type: 'insert' }>[] = [];
  const made: UpdateProposal[] = [];
  const taken = new Map<string, TextRange[]>();
  const free = (key: string, range: TextRange): boolean => {
    const list = taken.get(key) ?? [];
    if (list.some((r) => range.start < r.end && r.start < range.end)) return false;
    taken.set(key, [...list, range]);
    return true;
  };
  for (const p of proposals) {
    const state = states.get(p.id);
    const place = state?.place;
    if (state?.status !== 'pending' || !place) continue;
    if (place.type === 'paragraph') {
      if (!free(addressKey(place.address), place.range)) continue;
      edits.push({ kind: 'replaceText', target: place.address, range: place.range, text: p.newText });
    } else if (place.type === 'footnote') {
      if (!free(`footnote:${place.footnoteId}`, place.range)) continue;
      footnotes.push({ id: place.footnoteId, range: place.range, text: p.newText });
    } else inserts.push(place);
    made.push(p);
  }
  footnotes.sort((a, b) => b.range.start - a.range.start);
  return { edits, footnotes, inserts, made };
}

/** Makes the pending ones of `proposals` in the model (the editor makes them with `$acceptUpdates`). */
export function applyUpdates(
  doc: ResolutionDocument,
  proposals: readonly UpdateProposal[],
): ResolutionDocument {
  const plan = planUpdates(doc, proposals);
  let out = plan.edits.length > 0 ? applyFix(doc, { description: 'Update', edits: [...plan.edits] }) : doc;
  if (plan.footnotes.length > 0)
    out = {
      ...out,
      footnotes: out.footnotes.map((f) =>
        plan.footnotes
          .filter((e) => e.id === f.id)
          .reduce((note, e) => replaceInFootnote(note, e.range, e.text), f),
      ),
    };
  for (const place of plan.inserts)
    out = insertPreamble(out, place.address.paragraph ?? 1, {
      opener: place.opener,
      content: plain(place.content),
    });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The new version's draft

/** The local calendar day as an ISO date: a draft is dated the day its author starts it. */
function isoDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const COMMITTEES = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'] as const;

/**
 * The new version's symbol, its number left to fill in, from the draft the base was adopted from
 * ("A/C.1/79/L.12/Rev.1" → "A/C.1/80/L.‹number›", "CTOC/COP/2012/L.4/Rev.2" → "CTOC/COP/2014/L.‹number›")
 * or, for the Assembly, from the committee whose report it was adopted on ("[on the report of the
 * First Committee (A/79/406)]" → "A/C.1/80/L.‹number›"; a plenary resolution: "A/80/L.‹number›").
 */
function nextDraftSymbol(base: LibraryDocument, t: UpdateTarget): string | undefined {
  const draftSymbol = base.meta.draftSymbol;
  const number = placeholder('number');
  const assembly = draftSymbol ? /^(A\/(?:C\.\d\/)?)\d+\/L\./.exec(draftSymbol) : null;
  if (assembly) return `${assembly[1] ?? ''}${t.target}/L.${number}`;
  const dated = draftSymbol ? /^(.*\/)(\d{4})\/L\./.exec(draftSymbol) : null;
  if (dated) return `${dated[1] ?? ''}${Number(dated[2]) + t.years}/L.${number}`;
  if (base.meta.body !== 'ga') return undefined;
  const basis = base.doc.metadata.adoption?.basis ?? '';
  const committee = COMMITTEES.findIndex((c) => new RegExp(`\\b${c}\\s+Committee\\b`).test(basis));
  return committee >= 0 ? `A/C.${committee + 1}/${t.target}/L.${number}` : `A/${t.target}/L.${number}`;
}

/**
 * This session's draft started from a library resolution: its text as adopted (each update is
 * proposed, not made), the base remembered by its symbol for compare and tracked changes, and a
 * draft's masthead: the new session, the symbol of the committee it went through with its number to
 * fill in (A/C.1/80/L.‹number›), today's date, the agenda item's number to fill in (items are renumbered every session).
 * What belonged to the adopted text goes: its number, its adoption.
 */
export function draftFromLibrary(
  base: LibraryDocument,
  t: UpdateTarget,
  now: Date = new Date(),
): ResolutionDocument {
  if (Number.isNaN(now.getTime())) throw new Error('draftFromLibrary: `now` is not a valid date');
  const { number: _number, ...rest } = base.doc;
  const m = base.doc.metadata;
  const ordinal = ordinalWords(t.target) ?? String(t.target);
  const symbol = nextDraftSymbol(base, t);
  const metadata: Metadata = {
    ...(symbol ? { symbol, distribution: 'limited' as const, originalLanguage: 'English' } : {}),
    session: `${ordinal.charAt(0).toUpperCase()}${ordinal.slice(1)} session`,
    date: isoDay(now),
    ...(m.agendaItem ? { agendaItem: placeholder('item') } : {}),
    ...(m.agendaItemTitle ? { agendaItemTitle: m.agendaItemTitle } : {}),
    ...(m.footnoteRule ? { footnoteRule: m.footnoteRule } : {}),
    base: { source: 'file', ref: base.meta.symbol },
  };
  return structuredClone({ ...rest, metadata });
}
