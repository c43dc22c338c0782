/**
 * The *also* / *further* sequence of repeated openers (UN practice: the also/further rule).
 *
 * When consecutive paragraphs of the same part open with the same verb, the first is plain, the second
 * takes *also*, the third and later take *further*: 6/1 operative paragraphs 4-6 "Requests / Also
 * requests / Further requests", 6/3 paragraphs 8-10 and 12-14 "Urges / Also urges / Further urges",
 * 6/1 preamble "Recognizing / Recognizing also / Recognizing further". A run broken by another opener
 * starts plain again (6/1 paragraph 7 "Requests" after 6 "Further requests").
 *
 * The corpus has one deviation: 6/3 operative paragraph 18 opens with a plain "Encourages" right after
 * 17 "Further encourages" (a new topic, the smuggling of migrants by sea). Other sessions deviate too
 * (resolution 5/7 repeats a bare "Recalling"), so whoever checks this rule should warn, not fail.
 */

export const OPENER_PARTS = ['preamble', 'operative'] as const;
export type OpenerPart = (typeof OPENER_PARTS)[number];

export const OPENER_STEPS = ['plain', 'also', 'further'] as const;
export type OpenerStep = (typeof OPENER_STEPS)[number];

export interface DecomposedOpener {
  /** The opener without its sequence word, first letter capitalized: "Requests", "Noting with appreciation". */
  readonly base: string;
  readonly step: OpenerStep;
}

/** The first "also" or "further" standing as a word of its own, wherever it sits in the opener. */
const SEQUENCE_WORD = /(?:^|\s)(also|further)(?=\s|$)/i;
const SPACES = /\s+/g;

/**
 * Splits an opener into its base and its place in a sequence. The sequence word is recognized at any
 * position, so the operative form ("Also requests"), the preambular form ("Recognizing also", "Noting
 * also with appreciation") and the occasional inverted one ("Further recalling", "Requests also") all
 * decompose to the same base. The empty opener (none recognized, types.ts) stays empty.
 */
export function decomposeOpener(opener: string): DecomposedOpener {
  const text = opener.replace(SPACES, ' ').trim();
  const match = SEQUENCE_WORD.exec(text);
  if (match === null) return { base: capitalizeFirst(text), step: 'plain' };
  const word = match[1] ?? '';
  const start = match.index + (match[0].length - word.length);
  const base = (text.slice(0, start) + text.slice(start + word.length)).replace(SPACES, ' ').trim();
  // An opener made of the sequence word alone is not a sequence form of anything.
  if (base === '') return { base: capitalizeFirst(text), step: 'plain' };
  return { base: capitalizeFirst(base), step: word.toLowerCase() === 'also' ? 'also' : 'further' };
}

/**
 * Heads of preambular openers longer than one word, after which the sequence word goes: the participle
 * with the words that belong to it ("Taking note also of", "Bearing in mind also", "Taking into account
 * also"), not its complement ("with appreciation", "of", "its appreciation").
 */
const PREAMBLE_FIXED_HEADS: readonly string[] = [
  'taking note',
  'taking into account',
  'taking into consideration',
  'bearing in mind',
  'keeping in mind',
];

/** Number of words of a preambular opener that come before the sequence word. */
function preambleHeadLength(words: readonly string[], lower: string): number {
  for (const head of PREAMBLE_FIXED_HEADS) {
    if (lower === head || lower.startsWith(`${head} `)) return head.split(' ').length;
  }
  const first = (words[0] ?? '').toLowerCase();
  if (words.length < 2) return words.length;
  // "Having considered also": the perfect participle is the head.
  if (first === 'having') return 2;
  // An adverb and its adjective or participle: "Deeply concerned also", "Greatly concerned also".
  if (first.endsWith('ly')) return 2;
  return 1;
}

/**
 * Writes a base opener at a step of the sequence. Placement (the also/further sequence, observed in
 * the corpus and in UN practice):
 * - operative: the word comes first and the verb is lower-cased: "Also requests", "Further calls upon",
 *   "Also takes note with appreciation of";
 * - preamble: the word follows the participle (or the adjective), before any complement: "Recognizing
 *   also", "Recalling further", "Noting also with appreciation", "Expressing also its appreciation";
 *   where the participle carries fixed words, after them: "Taking note also with appreciation",
 *   "Bearing in mind also", "Having considered also", "Deeply concerned also".
 * `base` should be a plain opener; any case is accepted ("requests" gives "Requests").
 */
export function composeOpener(base: string, step: OpenerStep, part: OpenerPart): string {
  const text = base.replace(SPACES, ' ').trim();
  if (text === '') return '';
  if (step === 'plain') return capitalizeFirst(text);
  const word = step === 'also' ? 'also' : 'further';
  if (part === 'operative') return `${word === 'also' ? 'Also' : 'Further'} ${lowerFirst(text)}`;
  const words = text.split(' ');
  const head = preambleHeadLength(words, text.toLowerCase());
  const out = [...words.slice(0, head), word, ...words.slice(head)].join(' ');
  return capitalizeFirst(out);
}

/**
 * The opener the next paragraph should carry. `previousOpeners` are the openers of the paragraphs of
 * the same part before the cursor, in order; `intended` is the opener meant, in any form ("requests",
 * "Requests", "Also requests"). The run of immediately preceding paragraphs with the same base
 * (compared case-insensitively) decides: none → plain, one → also, two or more → further.
 */
export function nextOpener(previousOpeners: readonly string[], intended: string, part: OpenerPart): string {
  const { base } = decomposeOpener(intended);
  if (base === '') return '';
  const key = base.toLowerCase();
  let run = 0;
  // Only the run's length up to two matters, so the scan stops there.
  for (let i = previousOpeners.length - 1; i >= 0 && run < 2; i--) {
    if (decomposeOpener(previousOpeners[i] ?? '').base.toLowerCase() !== key) break;
    run++;
  }
  return composeOpener(base, run === 0 ? 'plain' : run === 1 ? 'also' : 'further', part);
}

function capitalizeFirst(text: string): string {
  return text === '' ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter, leaving an acronym ("UNODC") as it is. */
function lowerFirst(text: string): string {
  const second = text.charAt(1);
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
