/**
 * How subparagraphs end (UN practice: subparagraphs): each with a semicolon, the last one of the
 * last paragraph with a full stop, one that introduces (i), (ii) ... with a colon. The items of a
 * resolution's annex that continue its introductory sentence follow the same pattern (6/4 annex: "(a)
 * Encourages States ... in order to:", "(i) ...;"). An agenda annexed to a decision ends each item with
 * a full stop (decision 6/1), so decisions' annexes are not checked. "; and" / "; or" before the last
 * item is accepted. The corpus's slip: 6/2 OP12 prints a run-in list, "(a) ..., (b) ..., (c) ...
 * capacity-building and (d) ...;".
 *
 * An annex of numbered paragraphs is a text of its own (`annexedText`: a declaration, rules of
 * procedure, a programme of action), and the Assembly's adopted texts end its paragraphs three ways: as
 * sentences with a full stop (A/RES/78/1, the Political Declaration), as a declaration's commitments
 * with a semicolon (A/RES/78/3, "1. Reaffirm ...;"), or with a colon before the numbered paragraphs
 * that complete them (A/RES/79/233, "We commit to taking the following actions:"); each is accepted.
 * Their subparagraphs end with semicolons (the last with a full stop, or with a semicolon where the
 * paragraph is one of the declaration's clauses), or each with a full stop where each is a sentence
 * (A/RES/78/1, annex, paragraph 25). Only an ending that is none of these (a comma, a word) is
 * reported there. Preambular subparagraphs are the preamble's (preamble-ending.ts).
 */
import { describeEnding, endingFix, endingOf, MARK_NAMES } from './endings.ts';
import { endingReason, wantedEnding } from './operative-ending.ts';
import { citeRule } from './authority.ts';
import type { EndingMark } from './endings.ts';
import type { ParagraphRule, ParagraphUnit, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

const META = {
  id: 'subparagraph-ending',
  title: 'Subparagraphs end with a semicolon, the last with a full stop',
  authority: 'editorial-manual',
} as const;
const CITE = citeRule(META);

/** The endings a unit of an annexed text may take (see above), the first the usual one. */
function annexedEndings(unit: ParagraphUnit): readonly EndingMark[] {
  if (unit.depth === 0) return unit.hasSubparagraphs ? [':'] : ['.', ';', ':'];
  if (unit.hasSubparagraphs) return [':'];
  // A list of sentences ends each with a full stop (A/RES/78/1, annex, paragraph 25 (a)-(gg)).
  return [';', '.'];
}

export const subparagraphEndingRule: ParagraphRule = paragraphRule({
  ...META,
  severity: 'error',
  appliesTo: ['operative', 'annex'],
  checkUnit(unit): RuleDiagnostic[] {
    const annexItem = unit.address.part === 'annex';
    if (annexItem && (unit.documentKind !== 'resolution' || unit.address.paragraph === 0)) return [];
    if (!annexItem && unit.depth === 0) return [];
    const ending = endingOf(unit.text);
    const accepted = unit.annexedText ? annexedEndings(unit) : [wantedEnding(unit)];
    const wanted = accepted[0] ?? ';';
    if (!ending || (ending.mark !== undefined && accepted.includes(ending.mark))) return [];
    // "(b) ...; and" — the conjunction after the semicolon is the drafter's choice.
    if (accepted.includes(';') && /;\s*(?:and|or)$/.test(unit.text.trimEnd())) return [];
    const what = annexItem && unit.depth === 0 ? 'item of the annex' : 'subparagraph';
    const reason = unit.annexedText ? annexedReason(unit, what) : endingReason(unit, what);
    const fix = endingFix(unit, ending, wanted);
    return [
      {
        rule: 'subparagraph-ending',
        severity: 'error',
        message: `Ends with ${describeEnding(unit.text, ending)} where ${MARK_NAMES[wanted]} belongs: ${reason} ${CITE}.`,
        location: { ...unit.address, range: ending.range },
        ...(fix ? { fix } : {}),
      },
    ];
  },
});

function annexedReason(unit: ParagraphUnit, what: string): string {
  if (unit.hasSubparagraphs) return endingReason(unit, what);
  if (unit.depth === 0)
    return 'a numbered paragraph of an annexed text ends with a full stop, a semicolon or, before the paragraphs that complete it, a colon';
  return 'a subparagraph of an annexed text ends with a semicolon, or with a full stop where it is a sentence or ends its paragraph';
}
