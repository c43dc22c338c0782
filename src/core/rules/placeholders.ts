/**
 * Unfilled placeholders: a template's "‹title of the resolution›" still in the text
 * (model/placeholders.ts). A placeholder cannot be printed, so it is an error until written over.
 */
import { PLACEHOLDER_PATTERN } from '../model/placeholders.ts';
import type { ParagraphRule, RuleDiagnostic } from './types.ts';
import { paragraphRule } from './units.ts';

const ID = 'unfilled-placeholder';

export const unfilledPlaceholderRule: ParagraphRule = paragraphRule({
  id: ID,
  severity: 'error',
  title: 'Unfilled placeholder',
  description:
    'Text in single guillemets, "‹date›", is a placeholder of the template still to be written; it ' +
    'cannot be printed (model/placeholders.ts).',
  appliesTo: ['title', 'formula', 'preamble', 'operative', 'annex'],
  checkUnit(unit): RuleDiagnostic[] {
    if (!unit.text.includes('‹')) return [];
    return [...unit.text.matchAll(PLACEHOLDER_PATTERN)].map((m) => ({
      rule: ID,
      severity: 'error' as const,
      message: `The placeholder ${m[0]} is still to be filled in: write the text it stands for.`,
      location: { ...unit.address, range: { start: m.index, end: m.index + m[0].length } },
    }));
  },
});
