/**
 * A resolution or decision has a title, printed in bold above the text (DRAFTING-RULES.md section 1
 * item 1). An empty title is an error.
 */
import type { ResolutionDocument } from '../model/types.ts';
import type { DocumentRule, LintContext, RuleDiagnostic } from './types.ts';

const ID = 'title-present';

export const titlePresentRule: DocumentRule = {
  id: ID,
  scope: 'document',
  severity: 'error',
  title: 'Title present',
  description:
    'Every resolution and decision has a title, e.g. "Implementation of the Protocol against the ' +
    'Smuggling of Migrants by Land, Sea and Air, ..." (DRAFTING-RULES.md section 1 item 1).',
  appliesTo: ['title'],
  check(doc: ResolutionDocument, _context: LintContext): RuleDiagnostic[] {
    if (doc.title.trim() !== '') return [];
    return [
      {
        rule: ID,
        severity: 'error',
        message: `The ${doc.kind} has no title: a title, printed in bold, comes first (DRAFTING-RULES.md section 1 item 1).`,
        location: { part: 'title' },
      },
    ];
  },
};
