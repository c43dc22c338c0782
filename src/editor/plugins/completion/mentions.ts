/**
 * Which instruments a draft has already mentioned, so that the next mention takes the short title
 * and no second source footnote (UN practice: citing instruments: "First mention: the full title, with a
 * footnote giving the source"; later, "the Smuggling of Migrants Protocol").
 *
 * A mention is the full title in the text, or a reference the editor marked (ReferenceNode). Titles
 * are matched longest first and each match is blanked out before shorter titles are looked for: every
 * Protocol's title ends "supplementing the United Nations Convention against Transnational Organized
 * Crime", which names the Protocol, not a mention of the Convention. "The United Nations Convention
 * against Transnational Organized Crime and the Protocols thereto" gives the Convention's full title
 * and introduces the Protocols without theirs: 6/1 PP2 footnotes all four together, and PP5 still gives
 * the Trafficking in Persons Protocol its full title at its first own mention, with no second footnote.
 * So a group mention counts as a mention of the Convention, and of the Protocols only as introduced.
 */
import type { InstrumentGroupId, InstrumentId } from '../../../core/references/instruments.ts';
import { titledInstruments } from '../../../core/references/lookup.ts';
import type { References } from '../../../core/references/types.ts';

interface Titled {
  readonly title: string;
  /** Whose full title it prints: the group's prints the Convention's only. */
  readonly titled: readonly InstrumentId[];
  readonly members: readonly InstrumentId[];
}

const TITLES = new WeakMap<References, readonly Titled[]>();

function titlesOf(refs: References): readonly Titled[] {
  let titles = TITLES.get(refs);
  if (titles === undefined) {
    titles = [
      ...refs.instruments.map((r) => ({ title: r.title, titled: [r.id], members: [r.id] })),
      ...refs.groups.map((g) => ({
        title: g.title,
        titled: titledInstruments(refs, g.id),
        members: g.members,
      })),
    ].sort((a, b) => b.title.length - a.title.length);
    TITLES.set(refs, titles);
  }
  return titles;
}

/** The members of an instrument or of the group ("convention-and-protocols" → the four). */
export function membersOf(refs: References, id: string): readonly InstrumentId[] {
  const group = refs.groups.find((g) => g.id === id);
  if (group !== undefined) return group.members;
  const instrument = refs.instruments.find((r) => r.id === id);
  return instrument === undefined ? [] : [instrument.id];
}

/**
 * The instruments whose full title `text` gives (the draft's body, footnotes excluded) or one of the
 * `referenced` ids does (instrument or group ids of the draft's ReferenceNodes). `introduced`, when
 * given, receives every instrument a mention names, its members included: those a group mention
 * introduces without their full title (and whose source its footnote gave).
 */
export function mentionedInstruments(
  refs: References,
  text: string,
  referenced: Iterable<InstrumentId | InstrumentGroupId | string> = [],
  introduced?: Set<InstrumentId>,
): Set<InstrumentId> {
  const out = new Set<InstrumentId>();
  for (const id of referenced) {
    for (const member of titledInstruments(refs, id)) out.add(member);
    for (const member of membersOf(refs, id)) introduced?.add(member);
  }
  let rest = text.replace(/\s+/g, ' ');
  for (const { title, titled, members } of titlesOf(refs)) {
    if (!rest.includes(title)) continue;
    for (const member of titled) out.add(member);
    for (const member of members) introduced?.add(member);
    rest = rest.split(title).join('\u0000');
  }
  return out;
}
