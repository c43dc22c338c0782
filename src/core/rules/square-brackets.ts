/**
 * Square brackets are balanced. In negotiation, text not yet agreed stands in square brackets
 * (UN practice: how drafts travel); a bracket left open or closed twice makes it unclear what is agreed.
 * A bracket may open in one paragraph and close in a later one (a bracketed run of paragraphs), so the
 * check reads the document as one text, in reading order.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { citeRule } from './authority.ts';
import type { DocumentRule, LintContext, ParagraphAddress, RuleDiagnostic } from './types.ts';
import { addressLabel, paragraphUnits } from './units.ts';

const META = {
  id: 'square-brackets',
  title: 'Square brackets come in pairs',
  authority: 'editorial-manual',
} as const;
const ID = META.id;
const CITE = citeRule(META);

export const squareBracketsRule: DocumentRule = {
  ...META,
  scope: 'document',
  severity: 'error',
  appliesTo: ['title', 'formula', 'preamble', 'operative', 'annex'],
  check(doc: ResolutionDocument, _context: LintContext): RuleDiagnostic[] {
    const open: { address: ParagraphAddress; at: number }[] = [];
    const out: RuleDiagnostic[] = [];
    for (const unit of paragraphUnits(doc)) {
      const text = unit.text;
      for (let i = text.indexOf('['), j = text.indexOf(']'); i >= 0 || j >= 0;) {
        if (i >= 0 && (j < 0 || i < j)) {
          open.push({ address: unit.address, at: i });
          i = text.indexOf('[', i + 1);
        } else {
          if (open.pop() === undefined) {
            out.push({
              rule: ID,
              severity: 'error',
              message: `This "]" closes no "[": square brackets mark text not yet agreed and come in pairs ${CITE}.`,
              location: { ...unit.address, range: { start: j, end: j + 1 } },
            });
          }
          j = text.indexOf(']', j + 1);
        }
      }
    }
    for (const { address, at } of open) {
      out.push({
        rule: ID,
        severity: 'error',
        message: `The "[" in ${addressLabel(address)} is never closed: square brackets mark text not yet agreed and come in pairs ${CITE}.`,
        location: { ...address, range: { start: at, end: at + 1 } },
      });
    }
    return out;
  },
};
