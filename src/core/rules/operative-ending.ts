/**
 * How operative paragraphs end (UN practice: operative paragraphs and subparagraphs): with a semicolon; the last with
 * a full stop; one that introduces subparagraphs with a colon ("9. Also urges States parties:", 6/3).
 * Decisions follow the same pattern ("(a) ...; (b) ....", decision 6/2). The corpus's slips: 6/3 OP2
 * and 6/1 OP16 end with a colon though no subparagraphs follow. In an omnibus resolution only the last
 * section's last paragraph ends with a full stop: the sections before run on with semicolons
 * (A/RES/78/245; units.ts). A resolution that asks the International Court of Justice a question may
 * end with its question mark (A/RES/79/232), and one whose last paragraph introduces the annexed text
 * with a colon ("Adopts the following Pact for the Future and its annexes:", A/RES/79/1; A/RES/80/173).
 */
import { describeEnding, endingFix, endingOf, endsWithQuestion, MARK_NAMES } from './endings.ts';
import type { EndingMark } from './endings.ts';
import { citeRule } from './authority.ts';
import type { ParagraphRule, ParagraphUnit, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

/** What a paragraph or subparagraph should end with, from its place (section 1 items 4-5). */
export function wantedEnding(unit: ParagraphUnit): EndingMark {
  if (unit.hasSubparagraphs) return ':';
  return unit.final ? '.' : ';';
}

/** Why, in words, for the message; `noun` without its article ("operative paragraph"). */
export function endingReason(unit: ParagraphUnit, noun: string): string {
  const a = /^[aeiou]/.test(noun) ? 'an' : 'a';
  if (unit.hasSubparagraphs) return `${a} ${noun} that introduces subparagraphs ends with a colon`;
  if (unit.final) return `the last ${noun} ends with a full stop`;
  return `${a} ${noun} ends with a semicolon`;
}

const META = {
  id: 'operative-ending',
  title: 'Operative paragraphs end with a semicolon, the last with a full stop',
  authority: 'editorial-manual',
} as const;
const CITE = citeRule(META);

export const operativeEndingRule: ParagraphRule = paragraphRule({
  ...META,
  severity: 'error',
  appliesTo: ['operative'],
  checkUnit(unit): RuleDiagnostic[] {
    if (unit.depth > 0) return [];
    const ending = endingOf(unit.text);
    const wanted = wantedEnding(unit);
    if (!ending || ending.mark === wanted) return [];
    // A request for an advisory opinion ends the resolution with the question put to the Court
    // (A/RES/79/232: "... right to self-determination?").
    if (wanted === '.' && endsWithQuestion(unit.text)) return [];
    // "Adopts the following Pact for the Future and its annexes:" (A/RES/79/1): the last paragraph
    // introduces the annexed text.
    if (wanted === '.' && unit.beforeAnnex && ending.mark === ':') return [];
    const reason =
      ending.mark === ':' && !unit.hasSubparagraphs
        ? `it ends with a colon but no subparagraphs follow; ${endingReason(unit, 'operative paragraph')}`
        : endingReason(unit, 'operative paragraph');
    const fix = endingFix(unit, ending, wanted);
    return [
      {
        rule: 'operative-ending',
        severity: 'error',
        message: `Ends with ${describeEnding(unit.text, ending)} where ${MARK_NAMES[wanted]} belongs: ${reason} ${CITE}.`,
        location: { ...unit.address, range: ending.range },
        ...(fix ? { fix } : {}),
      },
    ];
  },
});
