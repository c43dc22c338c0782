import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { numberingRule } from '../../../src/core/rules/numbering.ts';
import { subparagraphLabelsRule } from '../../../src/core/rules/subparagraph-labels.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { annex, op, res, sub } from '../../helpers/builders.ts';
import { check, render } from './context.ts';

const numbered = (...labels: (string | undefined)[]): ResolutionDocument =>
  res({ operative: labels.map((l) => op('Requests', 'the Office;', [], l)) });

describe('operative-numbering', () => {
  it('leaves alone 1, 2, 3, an inserted "2 bis", and paragraphs without printed labels', () => {
    expect(check(numberingRule, numbered('1', '2', '2 bis', '2 ter', '3'))).toEqual([]);
    expect(check(numberingRule, numbered(undefined, undefined, undefined))).toEqual([]);
    expect(check(numberingRule, numbered('1', undefined, '3'))).toEqual([]);
  });

  it('flags a gap once and renumbers the rest', () => {
    const doc = numbered('1', '2', '4', '5');
    const found = check(numberingRule, doc);
    expect(render(doc, found)).toEqual(['OP3 error']);
    expect(found[0]?.message).toMatch(/jump from "2" to "4"/);
    expect(applyFix(doc, found[0]!.fix!).operative.map((p) => p.label)).toEqual(['1', '2', '3', '4']);
  });

  it('flags a repeat, a wrong start and "ter" without "bis"', () => {
    expect(render(numbered('1', '1'), check(numberingRule, numbered('1', '1')))).toEqual(['OP2 error']);
    expect(check(numberingRule, numbered('2', '3'))[0]?.message).toMatch(/first paragraph is numbered "2"/);
    expect(check(numberingRule, numbered('1', '1 ter'))[0]?.message).toMatch(/"bis"/);
  });

  it('wants letters in a decision and flags a number that is not a label', () => {
    const decision = res({
      kind: 'decision',
      operative: [op('Decided', 'that;', [], '(a)'), op('Requested', 'that.', [], '(c)')],
    });
    expect(render(decision, check(numberingRule, decision))).toEqual(['OP2 error']);
    expect(check(numberingRule, numbered('1', 'x'))[0]?.message).toMatch(/not a paragraph number/);
  });

  it('says a lone operative paragraph is not numbered, with a fix that removes the number', () => {
    const doc = numbered('1');
    const found = check(numberingRule, doc);
    expect(render(doc, found)).toEqual(['OP1 info']);
    expect(applyFix(doc, found[0]!.fix!).operative[0]).not.toHaveProperty('label');
  });
});

describe('subparagraph-labels', () => {
  it('leaves alone (a), (b) with (i), (ii) below, and unlabelled subparagraphs', () => {
    const doc = res({
      operative: [
        op('Urges', 'States:', [
          sub('To act:', [sub('Now;', [], '(i)'), sub('Later;', [], '(ii)')], '(a)'),
          sub('To report;', [], '(b)'),
        ]),
        op('Requests', 'the Office:', [sub('To help;'), sub('To report.')]),
      ],
    });
    expect(check(subparagraphLabelsRule, doc)).toEqual([]);
  });

  it('flags the first label out of sequence in a list and reletters the rest', () => {
    const doc = res({
      operative: [op('Urges', 'States:', [sub('A;', [], '(a)'), sub('B;', [], '(c)'), sub('C.', [], '(d)')])],
    });
    const found = check(subparagraphLabelsRule, doc);
    expect(render(doc, found)).toEqual(['OP1 (b) error']);
    const fixed = applyFix(doc, found[0]!.fix!);
    expect(fixed.operative[0]?.subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)', '(c)']);
  });

  it("wants roman numerals one level down and under a decision's lettered paragraphs", () => {
    const doc = res({
      operative: [op('Urges', 'States:', [sub('To act:', [sub('Now;', [], '(a)')], '(a)')])],
    });
    expect(render(doc, check(subparagraphLabelsRule, doc))).toEqual(['OP1 (a) (i) error']);
    const decision = res({
      kind: 'decision',
      operative: [op('Decided', 'that:', [sub('first;', [], '(i)'), sub('second.', [], '(ii)')], '(a)')],
    });
    expect(check(subparagraphLabelsRule, decision)).toEqual([]);
  });

  it('accepts an agenda numbered 1, 2 with (a), (b) below (decision 6/1) and lettered annex items (6/4)', () => {
    const agenda = res({
      kind: 'decision',
      annex: annex('Provisional agenda', [
        sub('Organizational matters:', [sub('Opening;', [], '(a)'), sub('Election.', [], '(b)')], '1'),
        sub('Technical assistance.', [], '2'),
      ]),
    });
    expect(check(subparagraphLabelsRule, agenda)).toEqual([]);
    const recommendations = res({
      annex: annex('Recommendations', [
        sub('Encourages:', [sub('x;', [], '(i)')], '(a)'),
        sub('Invites.', [], '(c)'),
      ]),
    });
    expect(render(recommendations, check(subparagraphLabelsRule, recommendations))).toEqual([
      'annex item 2 error',
    ]);
  });

  it('lets an annexed text number its paragraphs from 1 again after a heading (A/RES/78/128, rules of procedure)', () => {
    const rules = res({
      annex: {
        ...annex('Provisional rules of procedure', [
          sub('The Conference shall elect a President.', [], '1'),
          sub('The President shall preside.', [], '2'),
          sub('The Secretary-General shall act in that capacity.', [], '1'),
          sub('The Secretary-General shall direct the staff.', [], '2'),
          sub('A stray number.', [], '1'),
        ]),
        headings: [{ before: 2, number: 'IV', heading: 'Secretariat of the Conference' }],
      },
    });
    expect(render(rules, check(subparagraphLabelsRule, rules))).toEqual(['annex item 5 error']);
  });
});
