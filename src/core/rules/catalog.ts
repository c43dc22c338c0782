/**
 * The checks by id and title, in the registry's order, without their code: what the Checks panel and
 * the rule switches list on the first screen, while the rules themselves load with the first check
 * (editor/plugins/checks/registerChecks.ts). A test keeps it equal to the registry (registry.ts).
 */
export interface RuleEntry {
  readonly id: string;
  readonly title: string;
}

export const RULE_CATALOG: readonly RuleEntry[] = [
  { id: 'preamble-opener', title: 'Preambular paragraphs open with a participle or an adjective' },
  { id: 'preamble-ending', title: 'Preambular paragraphs end with a comma' },
  { id: 'operative-opener', title: 'Operative paragraphs open with a verb in the present tense' },
  { id: 'operative-ending', title: 'Operative paragraphs end with a semicolon, the last with a full stop' },
  { id: 'subparagraph-ending', title: 'Subparagraphs end with a semicolon, the last with a full stop' },
  { id: 'subparagraph-labels', title: 'Subparagraphs are lettered (a), (b), then numbered (i), (ii)' },
  { id: 'operative-numbering', title: 'Operative paragraphs are numbered in sequence' },
  { id: 'also-further', title: 'Also and further mark repeated openers' },
  { id: 'instrument-citation', title: 'Instruments: full title and footnote first, short title after' },
  { id: 'act-citation', title: 'Resolutions and decisions cited with their date' },
  { id: 'un-spelling', title: 'UN spelling follows the Oxford dictionary' },
  { id: 'formula-ending', title: 'The enacting formula names the organ and ends with a comma' },
  { id: 'title-present', title: 'Every resolution and decision has a title' },
  { id: 'square-brackets', title: 'Square brackets come in pairs' },
  { id: 'unfilled-placeholder', title: 'Template placeholders are filled in' },
];
