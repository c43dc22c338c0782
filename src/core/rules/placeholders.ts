/**
 * Unfilled placeholders: a template's "‹title of the resolution›" still in the text
 * (model/placeholders.ts). A placeholder cannot be printed, so it is an error until written over.
 */
import { PLACEHOLDER_PATTERN } from '../model/placeholders.ts';
import { citeRule } from './authority.ts';
import type { ParagraphRule, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

const META = {
  id: 'unfilled-placeholder',
  title: 'Template placeholders are filled in',
  authority: 'drafter',
} as const;
const ID = META.id;
const CITE = citeRule(META);

export const unfilledPlaceholderRule: ParagraphRule = paragraphRule({
  ...META,
  severity: 'error',
  appliesTo: ['title', 'formula', 'preamble', 'operative', 'annex'],
  checkUnit(unit): RuleDiagnostic[] {
    if (!unit.text.includes('‹')) return [];
    return [...unit.text.matchAll(PLACEHOLDER_PATTERN)].map((m) => ({
      rule: ID,
      severity: 'error' as const,
      message: `The placeholder ${m[0]} is still to be filled in: write the text it stands for ${CITE}.`,
      location: { ...unit.address, range: { start: m.index, end: m.index + m[0].length } },
    }));
  },
});
