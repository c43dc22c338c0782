/**
 * How the Checks panel names things: counts by severity ("2 errors, 3 warnings, 1 note") and the place
 * of a problem as delegates cite it ("OP3", "PP2", "Title"; UN practice: how drafts travel).
 */
import type { ParagraphAddress, RuleDiagnostic, RuleSeverity } from '../../../core/rules/types.ts';
import { addressLabel } from '../../../core/rules/units.ts';

const NOUNS: Readonly<Record<RuleSeverity, readonly [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};

/** "Error", "Warning", "Note". */
export function severityLabel(severity: RuleSeverity): string {
  const noun = NOUNS[severity][0];
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

export function countBySeverity(list: readonly RuleDiagnostic[]): Record<RuleSeverity, number> {
  const counts: Record<RuleSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}

/** "2 errors, 3 warnings, 1 note"; "No problems found" for none. */
export function severitySummary(list: readonly RuleDiagnostic[]): string {
  const counts = countBySeverity(list);
  const parts = (Object.keys(NOUNS) as RuleSeverity[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${NOUNS[s][counts[s] === 1 ? 0 : 1]}`);
  return parts.length === 0 ? 'No problems found' : parts.join(', ');
}

/** "OP3 (b)", "PP2", "Title", "Formula", "Annex item 2". */
export function locationLabel(address: ParagraphAddress): string {
  const label = addressLabel(address);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
