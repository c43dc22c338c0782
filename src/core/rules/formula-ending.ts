/**
 * The enacting formula names the organ and ends with a comma: "The Conference of the Parties to the
 * United Nations Convention against Transnational Organized Crime," (UN practice:
 * the enacting formula). Decisions differ: a formula that introduces lettered paragraphs ends with a
 * colon ("... decided that:", decision 6/3; "... rules of procedure for the Conference:", decision 6/2),
 * and a decision that is one sentence ends with a full stop ("... approved the provisional agenda ...
 * set out below.", decision 6/1).
 *
 * The comma joins the formula to the preamble. A resolution of the General Assembly with no preamble,
 * whose operative part follows the formula directly, prints the formula alone on its line with no
 * punctuation ("The General Assembly / Endorses the political declaration ...", A/RES/78/1; all 17 such
 * texts of sessions 78-80), so there the formula may end with no mark (a comma is not faulted either).
 * An omnibus resolution whose sections follow the formula keeps the comma (A/RES/78/247).
 */
import type { ResolutionDocument } from '../model/types.ts';
import { describeEnding, endingFix, endingOf, MARK_NAMES } from './endings.ts';
import type { EndingMark } from './endings.ts';
import { citeRule } from './authority.ts';
import type { DocumentRule, LintContext, RuleDiagnostic } from './types.ts';
import { paragraphUnits } from './units.ts';

const META = {
  id: 'formula-ending',
  title: 'The enacting formula names the organ and ends with a comma',
  authority: 'editorial-manual',
} as const;
const ID = META.id;
const CITE = citeRule(META);

export const formulaEndingRule: DocumentRule = {
  ...META,
  scope: 'document',
  severity: 'error',
  appliesTo: ['formula'],
  check(doc: ResolutionDocument, _context: LintContext): RuleDiagnostic[] {
    const unit = paragraphUnits(doc).find((u) => u.address.part === 'formula');
    if (!unit) return [];
    const ending = endingOf(unit.text);
    if (!ending) {
      return [
        {
          rule: ID,
          severity: 'error',
          message: `The enacting formula is missing: the text opens with the organ, "The General Assembly," or "The Conference of the Parties to ...," ${CITE}.`,
          location: { part: 'formula' },
        },
      ];
    }
    // No preamble: the Assembly's formula stands alone on its line (see above); a comma is not wrong.
    if (
      doc.kind === 'resolution' &&
      doc.preamble.length === 0 &&
      doc.operative.length > 0 &&
      ending.mark === undefined
    )
      return [];
    const wanted: EndingMark = doc.kind === 'resolution' ? ',' : doc.operative.length > 0 ? ':' : '.';
    if (ending.mark === wanted) return [];
    const why =
      doc.kind === 'resolution'
        ? 'the formula of a resolution ends with a comma before its preamble'
        : wanted === ':'
          ? 'the formula of a decision ends with a colon before its lettered paragraphs'
          : 'a decision made of its formula alone ends with a full stop';
    const fix = endingFix(unit, ending, wanted);
    return [
      {
        rule: ID,
        severity: 'error',
        message: `The enacting formula ends with ${describeEnding(unit.text, ending)} where ${MARK_NAMES[wanted]} belongs: ${why} ${CITE}.`,
        location: { part: 'formula', range: ending.range },
        ...(fix ? { fix } : {}),
      },
    ];
  },
};
