/**
 * Operative paragraphs of a resolution open with a verb in the present indicative, in italics:
 * "Requests", "Urges", "Calls upon", "Takes note" (UN practice: operative paragraphs). A participle
 * belongs to the preamble ("Noting" in the operative part is an error); a bare verb ("Request") is the
 * wrong form, and when the lexicon knows the indicative the fix writes it. Decisions are reported in the
 * past tense ("decided that: (a) ..."; decision 6/2 "Decided", "Requested"), so the
 * rule leaves them alone. A paragraph may open with a phrase set off by a comma before its verb
 * ("Pending the total elimination of nuclear weapons, urges ...", A/RES/80/23 OP2): the verb after the
 * comma is then its opener.
 */
import { findEntry } from '../lexicon/lexicon.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { composeOpener, decomposeOpener } from '../lexicon/sequence.ts';
import { citeRule } from './authority.ts';
import type { ParagraphRule, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

/** Words that may come before the verb: "Strongly urges", "Once again requests". */
const LEADING_ADVERB = /^(?:[a-z]+ly|once|again|hereby)$/i;

const META = {
  id: 'operative-opener',
  title: 'Operative paragraphs open with a verb in the present tense',
  authority: 'editorial-manual',
} as const;
const CITE = citeRule(META);

/**
 * Whether the paragraph opens with a phrase set off by a comma before its operative verb: "Pending
 * the total elimination of nuclear weapons, urges ..." (A/RES/80/23 OP2), "Alarmed by the sharp
 * reductions in funding ..., calls upon ..." (A/RES/80/187 OP2). The verb is the paragraph's, the
 * phrase before it is not an opener.
 */
function verbAfterLeadPhrase(text: string, lexicon: Lexicon): boolean {
  for (const m of text.slice(0, 600).matchAll(/,\s+((?:[a-z]+\s+){0,3}[a-z]+)/g)) {
    const words = (m[1] ?? '').split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const phrase = words.slice(0, n).join(' ');
      const candidate = phrase.charAt(0).toUpperCase() + phrase.slice(1);
      if (!/s$/.test(words[0] === 'also' || words[0] === 'further' ? (words[1] ?? '') : (words[0] ?? '')))
        break;
      if (
        findEntry(lexicon, candidate, 'operative') ||
        findEntry(lexicon, decomposeOpener(candidate).base, 'operative')
      )
        return true;
    }
  }
  return false;
}

export const operativeOpenerRule: ParagraphRule = paragraphRule({
  ...META,
  severity: 'warning',
  appliesTo: ['operative'],
  checkUnit(unit, { lexicon }): RuleDiagnostic[] {
    if (unit.documentKind !== 'resolution' || unit.depth > 0 || unit.text.trim() === '') return [];
    const range = { start: 0, end: Math.max(unit.opener.length, 1) };
    const diagnostic = (
      severity: RuleDiagnostic['severity'],
      message: string,
      opener?: string,
    ): RuleDiagnostic[] => [
      {
        rule: 'operative-opener',
        severity,
        message,
        location: { ...unit.address, range },
        ...(opener === undefined
          ? {}
          : {
              fix: {
                description: `Write "${opener}"`,
                edits: [{ kind: 'setOpener', target: unit.address, opener }],
              },
            }),
      },
    ];
    const opener = unit.opener.trim();
    if (opener === '') {
      return diagnostic(
        'warning',
        `No operative verb recognized: an operative paragraph opens with a verb in the present indicative in italics, such as "Requests" or "Calls upon" ${CITE}.`,
      );
    }
    const { base, step } = decomposeOpener(opener);
    if (findEntry(lexicon, opener, 'operative') || findEntry(lexicon, base, 'operative')) return [];
    if (verbAfterLeadPhrase(unit.text, lexicon)) return [];
    if (findEntry(lexicon, opener, 'preamble') || findEntry(lexicon, base, 'preamble')) {
      return diagnostic(
        'error',
        `"${opener}" opens preambular paragraphs: an operative paragraph opens with a verb in the present indicative ("Notes", "Recalls", "Welcomes") ${CITE}.`,
      );
    }
    const words = base.split(' ');
    const at = words.findIndex((w) => !LEADING_ADVERB.test(w));
    const verb = words[at] ?? '';
    if (/(?:ing|ed)$/i.test(verb)) {
      return diagnostic(
        'error',
        `"${opener}" is a participle, not a verb in the present indicative: an operative paragraph opens with a form such as "Requests" or "Decides" ${CITE}.`,
      );
    }
    if (!/s$/i.test(verb)) {
      // "Request" for "Requests", "Urge" for "Urges": the third person the lexicon knows, if it does.
      for (const ending of ['s', 'es']) {
        const indicative = [...words.slice(0, at), `${verb}${ending}`, ...words.slice(at + 1)].join(' ');
        const known = findEntry(lexicon, indicative, 'operative');
        if (known) {
          const fixed = composeOpener(known.phrase, step, 'operative');
          return diagnostic(
            'error',
            `"${opener}" is not in the present indicative: the operative verb takes the third person, "${fixed}" ${CITE}.`,
            fixed,
          );
        }
      }
    }
    return diagnostic(
      'warning',
      `"${opener}" is not an operative verb the corpus or the usual UN openers use; check that it is a verb in the present indicative ${CITE}.`,
    );
  },
});
