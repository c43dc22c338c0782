/**
 * Who a rule answers to, and how its messages name it (issue 12: "Messages speak to the user"). A
 * message ends by naming its rule, as the Help shows it, and the United Nations Editorial Manual where
 * the rule is the Manual's: "… form one sentence (rule "Preambular paragraphs end with a comma", UN
 * Editorial Manual)." The rule's page in the Help (help.ts) gives the full reference, what it checks
 * and an example of the fault and its fix. Messages never point to the developers' notes.
 */

/**
 * - `editorial-manual`: the United Nations Editorial Manual states it (resolutions and decisions,
 *   paragraphs and subparagraphs, spelling);
 * - `practice`: the practice of adopted texts (the resolutions of CTOC/COP/2012/15), which the Manual
 *   does not state in so many words;
 * - `drafter`: this application's own (a template's placeholders).
 */
export const RULE_AUTHORITIES = ['editorial-manual', 'practice', 'drafter'] as const;
export type RuleAuthority = (typeof RULE_AUTHORITIES)[number];

/** What a message needs to know of its rule. */
export interface RuleName {
  readonly title: string;
  readonly authority: RuleAuthority;
}

/** `(rule "Preambular paragraphs end with a comma", UN Editorial Manual)`; no authority unless the Manual's. */
export function citeRule(rule: RuleName): string {
  return rule.authority === 'editorial-manual'
    ? `(rule "${rule.title}", UN Editorial Manual)`
    : `(rule "${rule.title}")`;
}
