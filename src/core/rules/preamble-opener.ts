/**
 * Preambular paragraphs open with a participle, a participial phrase or an adjective, in italics:
 * "Recalling", "Noting with appreciation", "Mindful", "Greatly concerned" (UN practice:
 * preambular paragraphs; UN Editorial Manual, resolutions). The lexicon holds every opener of the corpus and the common
 * UN openers it lacks (lexicon/supplementary.ts); an opener it does not know may still be right, so that
 * is a warning. An operative verb in the preamble ("Requests") is an error.
 */
import { findEntry } from '../lexicon/lexicon.ts';
import { decomposeOpener } from '../lexicon/sequence.ts';
import { citeRule } from './authority.ts';
import type { ParagraphRule, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

const META = {
  id: 'preamble-opener',
  title: 'Preambular paragraphs open with a participle or an adjective',
  authority: 'editorial-manual',
} as const;
const CITE = citeRule(META);

export const preambleOpenerRule: ParagraphRule = paragraphRule({
  ...META,
  severity: 'warning',
  appliesTo: ['preamble'],
  checkUnit(unit, { lexicon }): RuleDiagnostic[] {
    // A preambular paragraph's subparagraphs (a), (b) continue its sentence: they have no opener.
    if (unit.depth > 0 || unit.text.trim() === '') return [];
    const diagnostic = (severity: RuleDiagnostic['severity'], message: string): RuleDiagnostic[] => [
      {
        rule: 'preamble-opener',
        severity,
        message,
        location: { ...unit.address, range: { start: 0, end: Math.max(unit.opener.length, 1) } },
      },
    ];
    const opener = unit.opener.trim();
    if (opener === '') {
      return diagnostic(
        'warning',
        `No opener recognized: a preambular paragraph opens with a participle, participial phrase or adjective in italics, such as "Recalling" or "Mindful" ${CITE}.`,
      );
    }
    const { base } = decomposeOpener(opener);
    if (findEntry(lexicon, opener, 'preamble') || findEntry(lexicon, base, 'preamble')) return [];
    if (findEntry(lexicon, opener, 'operative') || findEntry(lexicon, base, 'operative')) {
      return diagnostic(
        'error',
        `"${opener}" is an operative verb: a preambular paragraph opens with a participle, participial phrase or adjective ("Recalling", "Noting"); verbs in the present indicative belong to the operative part ${CITE}.`,
      );
    }
    return diagnostic(
      'warning',
      `"${opener}" is not a preambular opener the corpus or the usual UN openers use; check that it is a participle, participial phrase or adjective ${CITE}.`,
    );
  },
});
