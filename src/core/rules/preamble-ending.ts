/**
 * Every preambular paragraph ends with a comma, the last one included: the preamble and the operative
 * part are one sentence (DRAFTING-RULES.md section 1 item 3). The corpus has two slips: 6/2 PP2 and PP3
 * end with a full stop.
 */
import { describeEnding, endingFix, endingOf } from './endings.ts';
import { citeRule } from './authority.ts';
import type { ParagraphRule, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

const META = {
  id: 'preamble-ending',
  title: 'Preambular paragraphs end with a comma',
  authority: 'editorial-manual',
} as const;
const CITE = citeRule(META);

export const preambleEndingRule: ParagraphRule = paragraphRule({
  ...META,
  severity: 'error',
  appliesTo: ['preamble'],
  checkUnit(unit): RuleDiagnostic[] {
    const ending = endingOf(unit.text);
    if (!ending || ending.mark === ',') return [];
    const fix = endingFix(unit, ending, ',');
    return [
      {
        rule: 'preamble-ending',
        severity: 'error',
        message: `A preambular paragraph ends with a comma, not ${describeEnding(unit.text, ending)}: the preamble and the operative part form one sentence ${CITE}.`,
        location: { ...unit.address, range: ending.range },
        ...(fix ? { fix } : {}),
      },
    ];
  },
});
