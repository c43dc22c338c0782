/**
 * Every preambular paragraph ends with a comma, the last one included: the preamble and the operative
 * part are one sentence (UN practice: preambular paragraphs). The corpus has two slips: 6/2 PP2 and PP3
 * end with a full stop.
 *
 * Assembly practice adds lists in the preamble: a preambular paragraph that introduces (a), (b) ...
 * ends with a colon, and its subparagraphs go on with commas, the last one included, since the
 * sentence goes on after them (A/RES/78/29 PP12, "a major contribution to: (a) International peace
 * and security, ..."); a list of clauses takes semicolons between its items (A/RES/80/151 PP, "five
 * priority areas, as follows: (a) ...; (b) ...;"), so either is accepted before the last. A paragraph
 * that recalls a question put to the International Court of Justice ends with it (A/RES/80/116 PP10).
 */
import { describeEnding, endingFix, endingOf, endsWithQuestion, MARK_NAMES } from './endings.ts';
import type { EndingMark } from './endings.ts';
import { citeRule } from './authority.ts';
import type { ParagraphRule, ParagraphUnit, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

const META = {
  id: 'preamble-ending',
  title: 'Preambular paragraphs end with a comma',
  authority: 'editorial-manual',
} as const;
const CITE = citeRule(META);

/** The endings a preambular paragraph or one of its subparagraphs may take, the first the usual one. */
function accepted(unit: ParagraphUnit): readonly EndingMark[] {
  if (unit.hasSubparagraphs) return [':'];
  if (unit.depth > 0 && !unit.final) return [',', ';'];
  return [','];
}

function reason(unit: ParagraphUnit): string {
  if (unit.hasSubparagraphs)
    return unit.depth > 0
      ? 'a subparagraph that introduces subparagraphs ends with a colon'
      : 'a preambular paragraph that introduces subparagraphs ends with a colon';
  if (unit.depth > 0)
    return 'the subparagraphs of a preambular paragraph end with a comma (or a semicolon between items), the last with a comma: the sentence goes on';
  return 'the preamble and the operative part form one sentence';
}

export const preambleEndingRule: ParagraphRule = paragraphRule({
  ...META,
  severity: 'error',
  appliesTo: ['preamble'],
  checkUnit(unit): RuleDiagnostic[] {
    const ending = endingOf(unit.text);
    const marks = accepted(unit);
    const wanted = marks[0] ?? ',';
    if (!ending || (ending.mark !== undefined && marks.includes(ending.mark))) return [];
    // A paragraph that recalls a question ends with it (A/RES/80/116 PP10).
    if (unit.depth === 0 && !unit.hasSubparagraphs && endsWithQuestion(unit.text)) return [];
    const fix = endingFix(unit, ending, wanted);
    const message =
      unit.depth === 0 && !unit.hasSubparagraphs
        ? `A preambular paragraph ends with a comma, not ${describeEnding(unit.text, ending)}: ${reason(unit)} ${CITE}.`
        : `Ends with ${describeEnding(unit.text, ending)} where ${MARK_NAMES[wanted]} belongs: ${reason(unit)} ${CITE}.`;
    return [
      {
        rule: 'preamble-ending',
        severity: 'error',
        message,
        location: { ...unit.address, range: ending.range },
        ...(fix ? { fix } : {}),
      },
    ];
  },
});
