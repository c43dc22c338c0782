/**
 * Whether a printed line starts with an opener, so that, after a line that ends a part, it starts a
 * new paragraph. Stricter than `findOpener` (opener.ts), which takes any capitalized word ending in
 * -s, -ed or -ing at the start of a known paragraph: a wrapped line inside a paragraph often starts
 * with a proper noun ("United Nations", "Member States", "Beijing").
 *
 * NOT FROM THE CORPUS alone: the heads below are those of General Assembly practice (participles,
 * adjectives of state of mind and present-tense verbs), as the openers of its resolutions of
 * 2023-2025 print them; the sixth-session report has only part of them.
 */

/** Participles that are proper nouns or nouns more often than openers at a line's start. */
const NOT_PARTICIPLES = new Set([
  'beijing',
  'nanjing',
  'kunming',
  'sterling',
  'king',
  'spring',
  'ring',
  'wellbeing',
  'pudong',
  'everything',
  'nothing',
  'something',
  'anything',
  'during',
  'according',
  'regarding',
  'concerning',
  'including',
  'notwithstanding',
  'pending',
  'following',
]);

/** Adjectives and past participles that open preambular paragraphs. */
const STATE_OF_MIND = new Set([
  'mindful',
  'aware',
  'cognizant',
  'conscious',
  'convinced',
  'concerned',
  'determined',
  'desirous',
  'alarmed',
  'worried',
  'guided',
  'encouraged',
  'inspired',
  'moved',
  'shocked',
  'appalled',
  'outraged',
  'disturbed',
  'dismayed',
  'saddened',
  'gratified',
  'pleased',
  'heartened',
  'satisfied',
  'reassured',
  'committed',
  'resolved',
  'persuaded',
  'confident',
  'fully',
  'bearing',
  'recognizant',
  'emphasizing',
  'deeply',
  'gravely',
  'seriously',
  'greatly',
  'firmly',
  'strongly',
  'profoundly',
  'keenly',
  'noting',
  'acutely',
  'expressing',
  'having',
  'taking',
  'reaffirming',
  'recalling',
  'further',
  'also',
  'stressing',
  'welcoming',
  'underlining',
  'acknowledging',
  'affirming',
  'recognizing',
]);

/** Present-tense verbs that open operative paragraphs (an unnumbered one, or a lost number). */
const OPERATIVE = new Set([
  'decides',
  'requests',
  'calls',
  'urges',
  'invites',
  'encourages',
  'welcomes',
  'notes',
  'takes',
  'reaffirms',
  'recognizes',
  'emphasizes',
  'stresses',
  'expresses',
  'recommends',
  'approves',
  'adopts',
  'endorses',
  'proclaims',
  'declares',
  'affirms',
  'condemns',
  'acknowledges',
  'appeals',
  'authorizes',
  'commends',
  'supports',
  'underlines',
  'underscores',
  'reiterates',
  'looks',
  'appreciates',
  'designates',
  'elects',
  'appoints',
  'confirms',
  'considers',
  'deplores',
  'regrets',
  'demands',
  'renews',
  'extends',
  'reminds',
  'agrees',
  'observes',
  'highlights',
  'recalls',
  'requires',
  'resolves',
  'pays',
  'exhorts',
  'deems',
  'concludes',
  'draws',
  'solemnly',
  'strongly',
  'further',
  'also',
  'again',
  'once',
  'firmly',
  'emphatically',
  'categorically',
  'unequivocally',
  'reiterating',
  'insists',
  'rejects',
  'notes',
  'applauds',
  'salutes',
  'praises',
  'thanks',
  'congratulates',
  'believes',
  'accepts',
  'establishes',
  'launches',
  'convenes',
  'calls',
  'mandates',
  'instructs',
  'directs',
  'charges',
  'entrusts',
  'transmits',
  'reviews',
  'continues',
  'maintains',
  'holds',
  'shares',
  'joins',
  'opposes',
  'denounces',
  'deprecates',
  'remains',
  'seeks',
  'wishes',
  'hopes',
  'trusts',
  'anticipates',
]);

const FIRST_WORDS = /^[“"]?([A-Z][a-z]+(?:-[a-z]+)?)(?:\s+([A-Za-z][a-z-]*))?(?:\s+([A-Za-z][a-z-]*))?/;

/**
 * `part` narrows the heads: in the operative part paragraphs are numbered, so a line starts one
 * only with a present-tense verb (a number lost in the conversion); a participle there is a word of
 * a title ("the Convention on the Prohibition of the Development, Production, / Stockpiling and
 * Use of Chemical Weapons").
 */
export function startsWithOpener(text: string, part: 'preamble' | 'operative' = 'preamble'): boolean {
  const m = FIRST_WORDS.exec(text.trim());
  if (!m || !m[1]) return false;
  const first = m[1].toLowerCase();
  const second = m[2];
  const third = m[3];
  if (first === 'also' || first === 'further')
    return second !== undefined && /^[a-z]/.test(second) && /(?:s|ing|ed|ly)$/.test(second);
  if (/ly$/.test(first) && first !== 'italy') {
    // "Deeply concerned", "Strongly condemns", "Firmly believing": an adverb and the word it qualifies.
    if (second === undefined || !/^[a-z]/.test(second)) return false;
    return part === 'operative' ? /[^s]s$/.test(second) : /(?:ing|ed|ful|s|ent|ant)$/.test(second);
  }
  if (part === 'operative') return OPERATIVE.has(first);
  if (STATE_OF_MIND.has(first) || OPERATIVE.has(first)) return true;
  if (/ing$/.test(first) && first.length >= 6 && !NOT_PARTICIPLES.has(first)) {
    // A participle of a title runs on in title case: "Stockpiling and Use of", "Financing Facility".
    if (second !== undefined && /^[A-Z]/.test(second)) return false;
    if (
      second !== undefined &&
      /^(?:and|of|for|in)$/.test(second) &&
      third !== undefined &&
      /^[A-Z]/.test(third)
    )
      return false;
    return true;
  }
  return false;
}
