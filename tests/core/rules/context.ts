/** The lint context of the tests: the corpus's lexicon and references, built once per test file. */
import { buildLexicon } from '../../../src/core/lexicon/lexicon.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { deriveReferences } from '../../../src/core/references/derive.ts';
import { createLintContext } from '../../../src/core/rules/lint.ts';
import type { LintContext, LintSettings, Rule, RuleDiagnostic } from '../../../src/core/rules/types.ts';
import { addressLabel, paragraphUnits, sameAddress } from '../../../src/core/rules/units.ts';
import { corpus } from '../../helpers/corpus.ts';

let base: LintContext | undefined;

export function lintContext(settings: Partial<LintSettings> = {}): LintContext {
  base ??= createLintContext(buildLexicon(corpus().documents), deriveReferences(corpus()));
  return { ...base, settings: { ...base.settings, ...settings } };
}

/** One rule over a document. */
export function check(
  rule: Rule,
  doc: ResolutionDocument,
  settings: Partial<LintSettings> = {},
): RuleDiagnostic[] {
  return rule.check(doc, lintContext(settings));
}

/**
 * A compact oracle: where, how grave, and the text the diagnostic points at, e.g.
 * `OP2 error ":"` or `PP1 warning "Recalling"`.
 */
export function render(doc: ResolutionDocument, diagnostics: readonly RuleDiagnostic[]): string[] {
  const units = paragraphUnits(doc);
  return diagnostics.map((d) => {
    const unit = units.find((u) => sameAddress(u.address, d.location));
    const range = d.location.range;
    const text = unit && range ? ` "${unit.text.slice(range.start, range.end)}"` : '';
    return `${addressLabel(d.location)} ${d.severity}${text}`;
  });
}
