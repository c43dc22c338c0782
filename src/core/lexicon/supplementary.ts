/**
 * Openers that United Nations resolutions commonly use but the corpus (CTOC/COP/2012/15) may lack.
 * NOT FROM THE CORPUS: a hand-kept list, written from the usual openers of General Assembly, ECOSOC and
 * Commission resolutions as the UN Editorial Manual and DGACM practice present them. Each becomes a
 * lexicon entry with `fromCorpus: false` and count 0; `buildLexicon` drops any the corpus already has,
 * so the list may overlap the corpus freely (keeping it independent of the corpus reader).
 *
 * Phrases are the italic opener only, as the corpus prints it (DRAFTING-RULES.md section 1): "Takes
 * note" and "Mindful", with "of" left to the roman text; idioms whose preposition is part of the phrase
 * keep it ("Guided by", "Bearing in mind", "Calls upon"). Only plain forms: the also/further forms
 * come from the sequence rule (sequence.ts).
 */
import type { OpenerPart } from './sequence.ts';

export interface SupplementaryOpener {
  readonly phrase: string;
  readonly part: OpenerPart;
}

const PREAMBLE: readonly string[] = [
  'Acknowledging',
  'Affirming',
  'Alarmed',
  'Appreciating',
  'Aware',
  'Bearing in mind',
  'Cognizant',
  'Commending',
  'Concerned',
  'Conscious',
  'Considering',
  'Convinced',
  'Deeply concerned',
  'Deploring',
  'Desiring',
  'Determined',
  'Emphasizing',
  'Encouraged',
  'Expressing its appreciation',
  'Expressing its concern',
  'Expressing deep concern',
  'Gravely concerned',
  'Guided by',
  'Having considered',
  'Having examined',
  'Highlighting',
  'Keeping in mind',
  'Mindful',
  'Noting',
  'Noting with appreciation',
  'Noting with concern',
  'Noting with satisfaction',
  'Reaffirming',
  'Recalling',
  'Recognizing',
  'Reiterating',
  'Stressing',
  'Taking into account',
  'Taking note',
  'Underlining',
  'Welcoming',
];

const OPERATIVE: readonly string[] = [
  'Acknowledges',
  'Adopts',
  'Affirms',
  'Appeals',
  'Approves',
  'Authorizes',
  'Calls upon',
  'Commends',
  'Condemns',
  'Decides',
  'Declares',
  'Emphasizes',
  'Encourages',
  'Endorses',
  'Expresses its appreciation',
  'Expresses its concern',
  'Expresses its gratitude',
  'Invites',
  'Notes',
  'Notes with appreciation',
  'Notes with concern',
  'Reaffirms',
  'Recognizes',
  'Recommends',
  'Reiterates',
  'Requests',
  'Stresses',
  'Supports',
  'Takes note',
  'Takes note with appreciation',
  'Underlines',
  'Urges',
  'Welcomes',
];

export const SUPPLEMENTARY_OPENERS: readonly SupplementaryOpener[] = [
  ...PREAMBLE.map((phrase) => ({ phrase, part: 'preamble' as const })),
  ...OPERATIVE.map((phrase) => ({ phrase, part: 'operative' as const })),
];
