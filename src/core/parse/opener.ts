/**
 * Finds the opening phrase of a paragraph: the participle, participial phrase or adjective that
 * opens a preambular paragraph, or the present-tense verb that opens an operative one
 * (UN practice: preambular paragraphs and operative paragraphs), with also/further (in italics) and its fixed complement:
 * "Noting with appreciation", "Recognizing also", "Also requests", "Expresses its appreciation",
 * "Calls upon", "Takes note", "Taking note with appreciation", "Greatly concerned".
 *
 * This is a small grammar, not a verb list: the lexicon is built from what it finds in the corpus.
 */

/** Adjectives that open preambular paragraphs without a participle ending (Editorial Manual lists). */
const ADJECTIVES = new Set([
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
  'fully',
  'deeply',
  'gravely',
  'seriously',
  'greatly',
  'firmly',
  'keenly',
  'profoundly',
  'bearing',
]);

/** Complements that belong to the opener after a given head word (lower case). */
const NOTE_WITH =
  /^with (?:(?:deep|grave|great|serious|particular) )?(?:appreciation|concern|satisfaction|interest|regret|alarm)\b/;
const POSSESSIVE_NOUN =
  /^(?:(?:its|their) (?:(?:deep|grave|great|profound|serious|sincere|full|strong|firm|unwavering|continued|strongest) )?(?:appreciation|conviction|concern|gratitude|support|satisfaction|hope|regret|condolences|determination|commitment|solidarity|request|invitation|call|appeal|encouragement|condemnation|recognition|readiness|willingness)|(?:deep|grave|great|profound|serious|sincere|strong) (?:appreciation|concern|gratitude|regret|condolences|condemnation|alarm))\b/;

interface Complement {
  readonly heads: RegExp;
  readonly follows: RegExp;
}

const COMPLEMENTS: readonly Complement[] = [
  // "Takes note", "Taking note", "Take note" — then optionally "with appreciation".
  {
    heads: /^(?:takes|taking|take)$/,
    follows: /^note(?: with (?:(?:deep|great) )?(?:appreciation|concern|satisfaction|interest))?\b/,
  },
  {
    heads:
      /^(?:notes|noting|welcomes|welcoming|recalls|recalling|acknowledges|acknowledging|observes|observing|learns|learning)$/,
    follows: NOTE_WITH,
  },
  {
    heads: /^(?:expresses|expressing|reiterates|reiterating|reaffirms|reaffirming|renews|renewing)$/,
    follows: POSSESSIVE_NOUN,
  },
  { heads: /^(?:calls|calling)$/, follows: /^(?:upon|on|for)\b/ },
  { heads: /^(?:takes|taking|take)$/, follows: /^into (?:account|consideration)\b/ },
  {
    heads: /^(?:noting|notes|recalling|recalls|recognizing|recognizes|welcoming|welcomes)$/,
    follows: /^in particular\b/,
  },
  { heads: /^bearing$/, follows: /^in mind\b/ },
  { heads: /^(?:having)$/, follows: /^(?:[a-z]+ed|[a-z]+en|met|held|heard|taken|undertaken|adopted)\b/ },
  { heads: /^(?:pays|paying)$/, follows: /^tribute\b/ },
  { heads: /^(?:guided|encouraged|inspired|moved|deeply)$/, follows: /^by\b/ },
];

const WORD = /^[A-Za-z][A-Za-z-]*/;

function looksLikeHead(word: string): boolean {
  const w = word.toLowerCase();
  if (ADJECTIVES.has(w)) return true;
  if (w.length < 4) return false;
  return /(?:ing|s|ed)$/.test(w);
}

/**
 * The opener at the start of `text` as printed, or '' when none is recognized. `text` is the
 * paragraph's plain text (markers and markup removed).
 */
export function findOpener(text: string): string {
  let rest = text;
  let taken = '';
  const take = (chunk: string): void => {
    taken += chunk;
    rest = rest.slice(chunk.length);
  };
  const nextWord = (): string | undefined => WORD.exec(rest)?.[0];
  const takeSpaceAnd = (re: RegExp): boolean => {
    const m = /^ +/.exec(rest);
    if (!m) return false;
    const after = rest.slice(m[0].length).toLowerCase();
    const c = re.exec(after);
    if (!c || c.index !== 0) return false;
    take(rest.slice(0, m[0].length + c[0].length));
    return true;
  };

  let first = nextWord();
  if (!first || !/^[A-Z]/.test(first)) return '';
  // "Also requests", "Further urges": the operative form puts the word first.
  if (/^(?:Also|Further)$/.test(first)) {
    take(first);
    let m = /^ +([a-z][a-z-]*)/.exec(rest);
    // "Also strongly condemns": an adverb before the verb.
    const adverb = m?.[1] && /^[a-z]{3,}ly$/.test(m[1]) ? /^ +[a-z]{3,}ly +([a-z][a-z-]*)/.exec(rest) : null;
    if (adverb) m = adverb;
    if (!m || !m[1] || !looksLikeHead(m[1])) return '';
    take(m[0]);
    first = m[1];
  } else {
    const adverbThenVerb =
      /^[A-Z][a-z]{3,}ly$/.test(first) &&
      /^ +[a-z][a-z-]*(?:ed|ful|ant|ent|ing|[^s]s)\b/.test(rest.slice(first.length));
    if (!looksLikeHead(first) && !adverbThenVerb) return '';
    take(first);
    // "Greatly concerned", "Deeply alarmed": an adverb and the adjective or participle it qualifies.
    if (/ly$/.test(first.toLowerCase())) {
      const m = /^ +([a-z][a-z-]*)/.exec(rest);
      // ... or the verb it qualifies: "Strongly condemns", "Firmly believing".
      if (m && m[1] && (/(?:ed|ful|ant|ent|ing)$/.test(m[1]) || (/s$/.test(m[1]) && m[1].length > 4))) {
        take(m[0]);
        first = m[1];
      }
    }
    // The preambular form puts also/further (in italics) after the participle: "Recognizing also".
    takeSpaceAnd(/^(?:also|further)\b/);
  }
  const head = first.toLowerCase();
  for (const c of COMPLEMENTS) {
    if (c.heads.test(head) && takeSpaceAnd(c.follows)) {
      // "Taking note also", "Noting with appreciation also" are rare but printed.
      takeSpaceAnd(/^(?:also|further)\b/);
      break;
    }
  }
  // An opener must end at a word boundary followed by a space, punctuation or the end.
  if (rest !== '' && !/^[\s,;:.]/.test(rest)) return '';
  return taken;
}
