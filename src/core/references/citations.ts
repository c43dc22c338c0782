/**
 * Citations of resolutions and decisions in running text, read with what they say of the organ
 * (references/organs.ts): "its resolutions 62/63 of 6 December 2007, 63/119 of 11 December 2008 and
 * 77/98 of 7 December 2022" is one citation of three acts, each with its date; "Security Council
 * resolution 2482 (2019)" names the Council before; "resolution 9/2 of 17 December 2021 of the
 * Conference of the States Parties to the United Nations Convention against Corruption" names it after
 * (A/RES/79/190). Plain TypeScript, for the checks and the corpus reader alike.
 */
import { isoFromPrintedDate, PRINTED_DATE_SOURCE } from './dates.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface CitedNumber {
  /** As printed, blanks folded: "70/1", "2482 (2019)", "1514 (XV)". */
  readonly number: string;
  readonly range: Span;
  /** "of 25 September 2015" or "adopted on 2 March 2022" right after the number. */
  readonly date?: { readonly text: string; readonly iso: string; readonly range: Span };
  /**
   * Undated, but a later number of the same list is dated and every number between is undated: the
   * date is shared ("resolutions 5/1 and 5/8 of 22 October 2010", 6/3 PP2).
   */
  readonly sharesDate: boolean;
}

export interface ActCitation {
  readonly kind: 'resolution' | 'decision';
  /** From "resolution(s)" to the end of the last number or date. */
  readonly range: Span;
  /** "its resolution", "the Assembly, in its resolution". */
  readonly possessive: boolean;
  /**
   * The organ the text names, as printed: before ("Security Council", "United Nations Environment
   * Assembly", "Council", "Conference") or after the numbers ("of the Conference of the States
   * Parties to ..."); absent when none is named.
   */
  readonly organName?: string;
  readonly items: readonly CitedNumber[];
}

/** Names of organs the texts cite, longest first where one ends another. */
const KNOWN_ORGANS = [
  'Economic and Social Council',
  'Human Rights Council',
  'Security Council',
  'General Assembly',
  'Commission on Crime Prevention and Criminal Justice',
  'Commission on Narcotic Drugs',
  'Commission on Human Rights',
  'Commission on the Status of Women',
  'Commission on Population and Development',
  'United Nations Environment Assembly',
  'World Health Assembly',
] as const;

/** The last word of an organ's name. */
const ORGAN_NOUN =
  /^(?:Assembly|Council|Commission|Conference|Board|Committee|Forum|Parties|Congress|Organization|Union|Summit|Meeting|Body|Bodies)$/;
const CONNECTOR = /^(?:of|on|and|for|the|to|against|in)$/;
const CAPITALIZED = /^[A-Z][\p{L}’'.-]*$/u;

/**
 * A number: "ES-10/15", "70/1", "47/120 B", "53/243 A and B", "75/254 A to C" (parts of one
 * resolution), "1514 (XV)", "217 A (III)", "1874 (S-IV)", "2482 (2019)". A plain
 * number of three or four digits ("Security Council resolution 2482", its year left out) is read only
 * first in a list: after a comma a small number is a footnote marker printed as a plain digit
 * ("33/3 of 29 September 2016,2").
 */
const LISTED_NUMBER_SOURCE = String.raw`(?:(?:ES|S)-\d+\/\d+|\d+\/\d+(?: [A-Z]{1,2}(?:(?:, | and | to )[A-Z]{1,2}\b)*\b)?|\d+(?: ?[A-Z])? ?\((?:(?:ES-|S-)?[IVXLC]+|(?:19|20)\d\d)\))`;
const NUMBER_SOURCE = String.raw`(?:${LISTED_NUMBER_SOURCE}|\d{3,4}\b(?![\/.,]\d))`;
const NUMBER_AT = new RegExp(NUMBER_SOURCE, 'y');
const DATE_AT = new RegExp(`,?\\s+(?:of|adopted on)\\s+(${PRINTED_DATE_SOURCE.replace(/ /g, '\\s+')})`, 'y');
// A footnote marker printed as plain digits may follow the comma ("of 29 September 2016,2 36/4 of ...").
const SEPARATOR_AT = new RegExp(
  `(?:\\s*,(?:\\d{1,3}\\s+|\\s*)(?:and\\s+)?|\\s+and\\s+)(?=${LISTED_NUMBER_SOURCE})`,
  'y',
);
const KIND = /\b([Rr]esolution|[Dd]ecision)s?\s+/g;
const ORGAN_AFTER =
  /\s*,?\s*(?:adopted\s+)?(?:of|by)\s+the\s+((?:[A-Z][\p{L}’'-]*)(?:\s+(?:[A-Z][\p{L}’'-]*|of|on|and|for|the|to|against)){0,30})/uy;

/** A sticky pattern's match at `at`, or null. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** The organ a phrase of capitalized words names, or undefined ("Charter of the United Nations"). */
function organEnding(phrase: string): string | undefined {
  const known = KNOWN_ORGANS.find((o) => phrase === o || phrase.endsWith(` ${o}`));
  if (known) return known;
  // "United Nations Environment Assembly", "Economic Commission for Latin America and the Caribbean",
  // "Conference of the States Parties to the United Nations Convention against Corruption".
  const words = phrase.split(' ');
  if (!words.some((w) => ORGAN_NOUN.test(w))) return undefined;
  const first = words.findIndex((w) => CAPITALIZED.test(w));
  return first < 0 ? undefined : words.slice(first).join(' ');
}

/** The capitalized phrase right before `end` ("... United Nations Environment Assembly "), from `from` on. */
function phraseBefore(text: string, end: number, from: number): string | undefined {
  const before = text.slice(Math.max(from, end - 160), end);
  const words = before.trimEnd().split(/\s+/);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = (words[i] ?? '').replace(/^[(“"]/, '');
    if (w === '') break;
    if (CAPITALIZED.test(w) || (out.length > 0 && CONNECTOR.test(w))) out.unshift(w);
    else break;
    if (/[,;:]$/.test(words[i - 1] ?? '')) break;
  }
  while (out.length > 0 && CONNECTOR.test(out[0] ?? '')) out.shift();
  return out.length === 0 ? undefined : out.join(' ');
}

/** The organ named in "<Organ>, in its resolution" or "<Organ> resolution", if any. */
function organBefore(text: string, at: number, from: number): { possessive: boolean; organ?: string } {
  const before = text.slice(Math.max(from, at - 200), at);
  const its = /\bits\s+$/.exec(before);
  if (its) {
    const lead = /(?:,\s*|\s+)(?:in|by|through|under|of)\s+its\s+$/.exec(before);
    if (!lead) return { possessive: true };
    const phrase = phraseBefore(text, at - before.length + lead.index, from);
    const organ = phrase === undefined ? undefined : organEnding(phrase);
    return organ === undefined ? { possessive: true } : { possessive: true, organ };
  }
  const phrase = phraseBefore(text, at, from);
  const organ = phrase === undefined ? undefined : organEnding(phrase);
  return organ === undefined ? { possessive: false } : { possessive: false, organ };
}

function organAfter(text: string, at: number): string | undefined {
  const m = matchAt(ORGAN_AFTER, text, at);
  if (!m) return undefined;
  const words = (m[1] ?? '').split(/\s+/);
  const known = KNOWN_ORGANS.find((o) => (m[1] ?? '').startsWith(o));
  if (known) return known;
  // "the Conference of the States Parties to ...", "the United Nations Environment Assembly".
  const noun = words.findIndex((w) => ORGAN_NOUN.test(w));
  return noun < 0 || noun > 5 ? undefined : words.join(' ');
}

/**
 * Every citation of a resolution or decision in `text`, in order. `from` is where the paragraph's
 * own words start (after its opener): an opener ("Recalling") is not an organ's name.
 */
export function readActCitations(text: string, from = 0): ActCitation[] {
  const out: ActCitation[] = [];
  for (const m of text.matchAll(KIND)) {
    const kind = (m[1] ?? '').toLowerCase() === 'decision' ? 'decision' : 'resolution';
    let at = m.index + m[0].length;
    const items: { number: string; range: Span; date?: CitedNumber['date'] }[] = [];
    for (;;) {
      const n = matchAt(NUMBER_AT, text, at);
      if (!n) break;
      const range = { start: at, end: at + n[0].length };
      at = range.end;
      const d = matchAt(DATE_AT, text, at);
      let date: CitedNumber['date'];
      if (d) {
        const dateText = (d[1] ?? '').replace(/\s+/g, ' ');
        const iso = isoFromPrintedDate(dateText);
        const start = at + d[0].length - (d[1] ?? '').length;
        if (iso !== undefined) date = { text: dateText, iso, range: { start, end: at + d[0].length } };
        at += d[0].length;
      }
      items.push({ number: n[0].replace(/\s+/g, ' '), range, ...(date ? { date } : {}) });
      const sep = matchAt(SEPARATOR_AT, text, at);
      if (!sep) break;
      at += sep[0].length;
    }
    if (items.length === 0) continue;
    const last = items.at(-1);
    const end = last?.date?.range.end ?? last?.range.end ?? at;
    const before = organBefore(text, m.index, from);
    const organName = before.organ ?? (before.possessive ? undefined : organAfter(text, end));
    out.push({
      kind,
      range: { start: m.index, end },
      possessive: before.possessive,
      ...(organName === undefined ? {} : { organName }),
      items: items.map((item, i) => ({
        ...item,
        sharesDate: item.date === undefined && items.slice(i + 1).some((later) => later.date !== undefined),
      })),
    });
  }
  return out;
}
