/**
 * How subparagraphs end (DRAFTING-RULES.md section 1 item 5): each with a semicolon, the last one of the
 * last paragraph with a full stop, one that introduces (i), (ii) ... with a colon. The items of a
 * resolution's annex follow the same pattern (6/4 annex: "(a) Encourages States ... in order to:",
 * "(i) ...;"). An agenda annexed to a decision ends each item with a full stop (decision 6/1), so
 * decisions' annexes are not checked. "; and" / "; or" before the last item is accepted.
 * The corpus's slip: 6/2 OP12 prints a run-in list, "(a) ..., (b) ..., (c) ... capacity-building and
 * (d) ...;".
 */
import { describeEnding, endingFix, endingOf, MARK_NAMES } from './endings.ts';
import { endingReason, wantedEnding } from './operative-ending.ts';
import { citeRule } from './authority.ts';
import type { ParagraphRule, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

const META = {
  id: 'subparagraph-ending',
  title: 'Subparagraphs end with a semicolon, the last with a full stop',
  authority: 'editorial-manual',
} as const;
const CITE = citeRule(META);

export const subparagraphEndingRule: ParagraphRule = paragraphRule({
  ...META,
  severity: 'error',
  appliesTo: ['operative', 'annex'],
  checkUnit(unit): RuleDiagnostic[] {
    const annexItem = unit.address.part === 'annex';
    if (annexItem && (unit.documentKind !== 'resolution' || unit.address.paragraph === 0)) return [];
    if (!annexItem && unit.depth === 0) return [];
    const ending = endingOf(unit.text);
    const wanted = wantedEnding(unit);
    if (!ending || ending.mark === wanted) return [];
    // "(b) ...; and" — the conjunction after the semicolon is the drafter's choice.
    if (wanted === ';' && /;\s*(?:and|or)$/.test(unit.text.trimEnd())) return [];
    const what = annexItem && unit.depth === 0 ? 'item of the annex' : 'subparagraph';
    const fix = endingFix(unit, ending, wanted);
    return [
      {
        rule: 'subparagraph-ending',
        severity: 'error',
        message: `Ends with ${describeEnding(unit.text, ending)} where ${MARK_NAMES[wanted]} belongs: ${endingReason(unit, what)} ${CITE}.`,
        location: { ...unit.address, range: ending.range },
        ...(fix ? { fix } : {}),
      },
    ];
  },
});
