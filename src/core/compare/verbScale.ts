/**
 * The scale of operative verbs on which a change of opener is classified as softening or
 * strengthening.
 *
 * No UN rule ranks the verbs: the Editorial Manual lists them without an order. The ranking below is
 * the negotiators' convention, the one delegations argue over in informal consultations and delegate
 * handbooks teach ("Decides" acts; "Urges" / "Calls upon" press; "Requests" asks formally, usually the
 * Secretariat; "Encourages" / "Invites" suggest; "Takes note" only acknowledges). The corpus shows the
 * levels at work: resolution 6/3 *urges* States parties to criminalize (OP8-10) but only *encourages*
 * them to share information (OP16-18); resolution 6/1 *decides* (OP12, OP15) on the Conference's own
 * work and *requests* the Secretariat (OP4-7); decision 6/2 records what the Conference *decided* and
 * *requested*.
 *
 * Levels, strongest last:
 *   0 acknowledgement  Takes note, Notes, Acknowledges, Recognizes
 *   1 approbation      Welcomes, Commends, Expresses its appreciation, Notes with appreciation, Supports
 *   2 encouragement    Encourages, Invites, Recommends, Suggests, Expresses its hope
 *   3 request          Requests, Asks, Appeals to, Endorses, Approves (the organ makes a text its own)
 *   4 exhortation      Urges, Calls upon, Calls on, Calls for, Insists
 *   5 decision         Decides, Demands, Resolves, Determines, Directs, Authorizes, Establishes
 * "Strongly" or "Firmly" before a verb adds half a level ("Strongly encourages" 2.5). Declaratory verbs
 * (Reaffirms, Stresses, Emphasizes, Underlines, Condemns, Deplores) state a position rather than ask for
 * action and stay off the scale. Past tenses (decisions record what the Conference "Decided",
 * "Requested") sit with their present.
 */
import { decomposeOpener } from '../lexicon/sequence.ts';
import type { OpenerChange } from './types.ts';

export const VERB_LEVEL_NAMES = [
  'acknowledgement',
  'approbation',
  'encouragement',
  'request',
  'exhortation',
  'decision',
] as const;
export type VerbLevelName = (typeof VERB_LEVEL_NAMES)[number];

/** Phrases by level, lower case. The longest phrase that starts an opener decides ("notes with appreciation" over "notes"). */
const SCALE: readonly (readonly string[])[] = [
  ['takes note', 'took note', 'notes', 'noted', 'acknowledges', 'acknowledged', 'recognizes', 'recognized'],
  [
    'welcomes',
    'welcomed',
    'commends',
    'commended',
    'appreciates',
    'expresses its appreciation',
    'expressed its appreciation',
    'expresses its gratitude',
    'notes with appreciation',
    'notes with satisfaction',
    'takes note with appreciation',
    'took note with appreciation',
    'supports',
    'supported',
    'congratulates',
  ],
  [
    'encourages',
    'encouraged',
    'invites',
    'invited',
    'recommends',
    'recommended',
    'suggests',
    'expresses its hope',
    'hopes',
  ],
  [
    'requests',
    'requested',
    'asks',
    'asked',
    'appeals to',
    'appealed to',
    'endorses',
    'endorsed',
    'approves',
    'approved',
  ],
  [
    'urges',
    'urged',
    'calls upon',
    'called upon',
    'calls on',
    'called on',
    'calls for',
    'called for',
    'insists',
  ],
  [
    'decides',
    'decided',
    'demands',
    'demanded',
    'resolves',
    'resolved',
    'determines',
    'determined',
    'directs',
    'directed',
    'authorizes',
    'authorized',
    'establishes',
    'established',
  ],
];

const PHRASES: readonly (readonly [string, number])[] = SCALE.flatMap((phrases, level) =>
  phrases.map((p) => [p, level] as const),
).sort((a, b) => b[0].length - a[0].length);

const INTENSIFIER = /^(?:strongly|firmly)\s+/;

/**
 * The level of an opener on the scale, or null when its verb is not on it. *Also* and *further* are
 * set aside first (decomposeOpener), so "Further urges" is an exhortation like "Urges".
 */
export function verbLevel(opener: string): number | null {
  let text = decomposeOpener(opener).base.toLowerCase();
  let bonus = 0;
  if (INTENSIFIER.test(text)) {
    text = text.replace(INTENSIFIER, '');
    bonus = 0.5;
  }
  for (const [phrase, level] of PHRASES) {
    if (text === phrase || text.startsWith(`${phrase} `)) return level + bonus;
  }
  return null;
}

export function levelName(level: number): VerbLevelName | undefined {
  return VERB_LEVEL_NAMES[Math.floor(level)];
}

/** Classifies a change of opener (see `OpenerShift` in types.ts). */
export function classifyOpenerChange(base: string, draft: string): OpenerChange {
  const baseLevel = verbLevel(base);
  const draftLevel = verbLevel(draft);
  const sameVerb =
    base !== '' &&
    draft !== '' &&
    decomposeOpener(base).base.toLowerCase() === decomposeOpener(draft).base.toLowerCase();
  const shift = sameVerb
    ? 'sequence'
    : baseLevel === null || draftLevel === null
      ? 'unranked'
      : draftLevel > baseLevel
        ? 'strengthening'
        : draftLevel < baseLevel
          ? 'softening'
          : 'equivalent';
  return { base, draft, baseLevel, draftLevel, shift };
}
