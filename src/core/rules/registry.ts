/**
 * Every editorial check, in the order the issue lists them (issue 6): the list the linter, the
 * command line and the editor's settings read. Not a barrel: each rule lives in its own file.
 */
import { actCitationRule } from './act-citations.ts';
import { alsoFurtherRule } from './also-further.ts';
import { formulaEndingRule } from './formula-ending.ts';
import { instrumentCitationRule } from './instrument-citations.ts';
import { numberingRule } from './numbering.ts';
import { operativeEndingRule } from './operative-ending.ts';
import { operativeOpenerRule } from './operative-opener.ts';
import { unfilledPlaceholderRule } from './placeholders.ts';
import { preambleEndingRule } from './preamble-ending.ts';
import { preambleOpenerRule } from './preamble-opener.ts';
import { squareBracketsRule } from './square-brackets.ts';
import { subparagraphEndingRule } from './subparagraph-ending.ts';
import { subparagraphLabelsRule } from './subparagraph-labels.ts';
import { titlePresentRule } from './title-present.ts';
import type { Rule } from './types.ts';
import { unSpellingRule } from './un-spelling.ts';

export const RULES: readonly Rule[] = [
  preambleOpenerRule,
  preambleEndingRule,
  operativeOpenerRule,
  operativeEndingRule,
  subparagraphEndingRule,
  subparagraphLabelsRule,
  numberingRule,
  alsoFurtherRule,
  instrumentCitationRule,
  actCitationRule,
  unSpellingRule,
  formulaEndingRule,
  titlePresentRule,
  squareBracketsRule,
  unfilledPlaceholderRule,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
