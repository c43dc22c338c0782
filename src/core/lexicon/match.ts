/**
 * Recognizing an opener as it is typed: the editor turns the opening words of a paragraph into an
 * italic opener once they form a phrase the lexicon knows (UN practice: preambular paragraphs and operative paragraphs),
 * and converts an opener when a paragraph moves between the preamble and the operative part.
 */
import type { Lexicon } from './lexicon.ts';
import { openerKey } from './lexicon.ts';
import { composeOpener, decomposeOpener, type OpenerPart } from './sequence.ts';

/**
 * What the look-ups below need of a part's forms (the phrases and their also/further forms): by first
 * letter, each list longest first, so that a paragraph's opening is compared only with the forms that
 * can start it; and their keys, for whether a phrase is one. Built once per lexicon: every paragraph of
 * a draft opened asks both.
 */
interface Forms {
  readonly byInitial: ReadonlyMap<string, readonly string[]>;
  readonly keys: ReadonlySet<string>;
}

const formsCache = new WeakMap<Lexicon, Record<OpenerPart, Forms>>();

function formsOf(lexicon: Lexicon, part: OpenerPart): Forms {
  let cached = formsCache.get(lexicon);
  if (!cached) {
    const build = (p: OpenerPart): Forms => {
      const all = new Set<string>();
      for (const row of lexicon.index[p].rows) {
        const { base } = row.entry;
        all.add(row.entry.phrase);
        all.add(composeOpener(base, 'plain', p));
        all.add(composeOpener(base, 'also', p));
        all.add(composeOpener(base, 'further', p));
      }
      const byInitial = new Map<string, string[]>();
      for (const form of [...all].sort((a, b) => b.length - a.length)) {
        const list = byInitial.get(form.charAt(0));
        if (list) list.push(form);
        else byInitial.set(form.charAt(0), [form]);
      }
      return { byInitial, keys: new Set([...all].map(openerKey)) };
    };
    cached = { preamble: build('preamble'), operative: build('operative') };
    formsCache.set(lexicon, cached);
  }
  return cached[part];
}

/**
 * The longest opener the lexicon knows at the start of `text`, followed by a space or punctuation
 * (so "Noting w" gives "Noting", and "Noting with appreciation " gives the whole phrase). The first
 * letter must be upper case, as printed; undefined when none.
 */
export function matchOpenerPrefix(lexicon: Lexicon, text: string, part: OpenerPart): string | undefined {
  if (!/^[A-Z]/.test(text)) return undefined;
  for (const form of formsOf(lexicon, part).byInitial.get(text.charAt(0)) ?? []) {
    if (text.length > form.length && text.startsWith(form) && /[\s,;:]/.test(text.charAt(form.length)))
      return form;
  }
  return undefined;
}

/** Whether `opener` is a form the lexicon knows for the part (case-insensitive). */
export function isKnownOpener(lexicon: Lexicon, opener: string, part: OpenerPart): boolean {
  return formsOf(lexicon, part).keys.has(openerKey(opener));
}

/**
 * Irregular participles and verbs; the regular ones follow the spelling rules below
 * ("Noting" ↔ "Notes", "Urging" ↔ "Urges", "Recognizing" ↔ "Recognizes", "Stressing" ↔ "Stresses").
 */
const IRREGULAR: readonly (readonly [participle: string, verb: string])[] = [
  ['Having', 'Has'],
  ['Being', 'Is'],
];

function participleToVerb(word: string): string | undefined {
  for (const [p, v] of IRREGULAR) if (word === p) return v;
  const m = /^(.*?)ing$/.exec(word);
  if (!m || !m[1]) return undefined;
  const stem = m[1];
  // Stems that lost a final e: "Noting" ← note, "Urging" ← urge, "Recognizing" ← recognize, "Encouraging".
  const restoredE =
    /(?:[^aeiou][aeiou][tgvcszk]|iz|ur?g|dg|nc|rc|at|ut|ot|iv|uc|ud)$/i.test(stem) &&
    !/(?:ss|sh|ch|x)$/.test(stem);
  const base = restoredE ? `${stem}e` : stem;
  if (/(?:s|sh|ch|x|z)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

function verbToParticiple(word: string): string | undefined {
  for (const [p, v] of IRREGULAR) if (word === v) return p;
  let base: string;
  if (/(?:ss|sh|ch|x|z)es$/.test(word)) base = word.slice(0, -2);
  else if (/ies$/.test(word)) base = `${word.slice(0, -3)}y`;
  else if (/s$/.test(word)) base = word.slice(0, -1);
  else return undefined;
  if (/[^aeiou]e$/.test(base) && !/ee$/.test(base)) return `${base.slice(0, -1)}ing`;
  return `${base}ing`;
}

/**
 * The opener a paragraph takes when it moves to the other part: "Noting with appreciation" ↔ "Notes
 * with appreciation", "Recalling also" ↔ "Also recalls", "Expressing its appreciation" ↔ "Expresses
 * its appreciation". An adjective ("Mindful", "Deeply concerned") has no operative form and is kept.
 */
export function convertOpener(opener: string, to: OpenerPart): string {
  if (opener.trim() === '') return opener;
  const { base, step } = decomposeOpener(opener);
  const [head, ...rest] = base.split(' ');
  if (!head) return opener;
  const converted = to === 'operative' ? participleToVerb(head) : verbToParticiple(head);
  if (!converted) return opener;
  return composeOpener([converted, ...rest].join(' '), step, to);
}
