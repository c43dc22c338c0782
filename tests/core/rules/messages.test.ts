/**
 * Issue 12: messages speak to the user. Every rule is run over documents that break it in each way it
 * knows, under both footnote practices, and every message it gives is read as the user reads it: it
 * names its rule as the Help does ("… (rule "Preambular paragraphs end with a comma", UN Editorial
 * Manual).") and never points to the developers' notes.
 */
import { describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { citeRule } from '../../../src/core/rules/authority.ts';
import { exampleDocument, RULE_HELP } from '../../../src/core/rules/help.ts';
import { lintDocument } from '../../../src/core/rules/lint.ts';
import { RULES } from '../../../src/core/rules/registry.ts';
import type { RuleDiagnostic } from '../../../src/core/rules/types.ts';
import { annex, fn, op, pre, res, sub } from '../../helpers/builders.ts';
import { lintContext } from './context.ts';

const CONVENTION = 'United Nations Convention against Transnational Organized Crime';
const TREATY = (id: string) => fn(id, 'United Nations, Treaty Series, vol. 2225, No. 39574.');

/** Documents at fault in every way the rules report, one or more faults each. */
const FAULTY: readonly (readonly [string, ResolutionDocument])[] = [
  [
    'openers and endings',
    res({
      title: '',
      formula:
        'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime.',
      preamble: [
        pre('', 'the report of the Secretariat,'),
        pre('Requests', 'the Secretariat to report.'),
        pre('Frobnicating', 'the organisation of a meeting,'),
      ],
      operative: [
        op('', 'the Secretariat to report;'),
        op('Noting', 'the report;'),
        op('Frobnicated', 'the report;'),
        op('Request', 'the Secretariat to report.'),
        op('Zorbles', 'the report:'),
        op('Urges', 'States parties:', [sub('To act.', [], '(a)'), sub('To report;', [], '(c)')]),
      ],
      annex: annex('Recommendations', [sub('Assistance.', [], '(a)'), sub('Training;', [], '(b)')]),
    }),
  ],
  ['a missing formula', res({ formula: '' })],
  [
    'a decision',
    res({ kind: 'decision', formula: 'The Conference decided,', operative: [op('', 'to meet;', [], '1')] }),
  ],
  ['a lone numbered operative paragraph', res({ operative: [op('Decides', 'to meet.', [], '1')] })],
  [
    'numbers',
    res({
      operative: [
        op('Welcomes', 'the report;', [], '1'),
        op('Notes', 'the report;', [], 'x'),
        op('Decides', 'to meet;', [], '3'),
        op('Invites', 'States;', [], '3'),
        op('Urges', 'States;', [], '2'),
        op('Encourages', 'States;', [], '3 ter'),
        op('Calls upon', 'States.', [], '5'),
      ],
    }),
  ],
  [
    'also and further',
    res({
      preamble: [
        pre('Recalling', 'its work,'),
        pre('Recalling', 'its mandate,'),
        pre('Recalling further', 'X,'),
      ],
      operative: [
        op('Requests', 'the Office;'),
        op('Further requests', 'the Office;'),
        op('Urges', 'States;'),
        op('Also urges', 'States;'),
        op('Also urges', 'States;'),
        op('Also invites', 'States.'),
      ],
    }),
  ],
  [
    'instruments',
    res({
      preamble: [
        pre('Recalling', 'the Firearms Protocol,'),
        pre('Recalling also', `the ${CONVENTION},`),
        pre('Noting', `the ${CONVENTION},{fn:f2}`),
        pre('Mindful', 'of the United Nations Convention on Transnational Organized Crime,'),
        pre('Noting also', `the ${CONVENTION},`),
      ],
      operative: [
        op('Urges', `States to apply the ${CONVENTION};{fn:f3}`),
        op('Invites', `States to apply the Convention.{fn:f4}`),
      ],
      footnotes: [TREATY('f2'), TREATY('f3'), TREATY('f4')],
    }),
  ],
  [
    'citations of acts',
    res({
      preamble: [
        pre('Recalling', 'its resolution 5/1,'),
        pre('Recalling also', 'its resolution 5/4 of 22 October 2011,'),
      ],
    }),
  ],
  [
    'brackets and placeholders',
    res({
      title: '‹title of the resolution›',
      preamble: [pre('Recalling', 'its work],'), pre('Noting', 'the [report,')],
      operative: [op('Decides', 'to meet in ‹place›.')],
    }),
  ],
  ...RULE_HELP.map((page) => [`the Help's fault for ${page.id}`, exampleDocument(page.fault)] as const),
];

function allMessages(): RuleDiagnostic[] {
  return FAULTY.flatMap(([, doc]) =>
    (['current', '2012'] as const).flatMap((footnoteRule) =>
      lintDocument(doc, lintContext({ footnoteRule })),
    ),
  );
}

describe('the messages of the checks', () => {
  const found = allMessages();

  it('come from every rule, in several forms', () => {
    expect(new Set(found.map((d) => d.rule))).toEqual(new Set(RULES.map((r) => r.id)));
    expect(new Set(found.map((d) => d.message)).size).toBeGreaterThan(40);
  });

  it("never point to the developers' notes or to their numbered sections", () => {
    const leaks = found.filter((d) => /DRAFTING-RULES|\.md\b|\bsections? \d/i.test(d.message));
    expect(leaks.map((d) => d.message)).toEqual([]);
  });

  it('end by naming their rule, and the UN Editorial Manual where the rule is its', () => {
    for (const d of found) {
      const rule = RULES.find((r) => r.id === d.rule);
      expect(rule, d.rule).toBeDefined();
      if (!rule) continue;
      expect(d.message.endsWith(` ${citeRule(rule)}.`), d.message).toBe(true);
      if (rule.authority === 'editorial-manual') expect(d.message).toContain(', UN Editorial Manual).');
    }
  });

  it('name a rule the way its Help page is titled', () => {
    expect(citeRule({ title: 'Preambular paragraphs end with a comma', authority: 'editorial-manual' })).toBe(
      '(rule "Preambular paragraphs end with a comma", UN Editorial Manual)',
    );
    expect(citeRule({ title: 'Also and further mark repeated openers', authority: 'practice' })).toBe(
      '(rule "Also and further mark repeated openers")',
    );
    for (const rule of RULES) expect(rule.title, rule.id).not.toMatch(/"/);
  });
});
