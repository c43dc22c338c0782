/**
 * A resolution or decision has a title, printed in bold above the text (UN practice:
 * the title). An empty title is an error.
 */
import type { ResolutionDocument } from '../model/types.ts';
import { citeRule } from './authority.ts';
import type { DocumentRule, LintContext, RuleDiagnostic } from './types.ts';

const META = {
  id: 'title-present',
  title: 'Every resolution and decision has a title',
  authority: 'editorial-manual',
} as const;
const ID = META.id;
const CITE = citeRule(META);

export const titlePresentRule: DocumentRule = {
  ...META,
  scope: 'document',
  severity: 'error',
  appliesTo: ['title'],
  check(doc: ResolutionDocument, _context: LintContext): RuleDiagnostic[] {
    if (doc.title.trim() !== '') return [];
    return [
      {
        rule: ID,
        severity: 'error',
        message: `The ${doc.kind} has no title: a title, printed in bold, comes first ${CITE}.`,
        location: { part: 'title' },
      },
    ];
  },
};
