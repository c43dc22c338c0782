import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { formulaEndingRule } from '../../../src/core/rules/formula-ending.ts';
import { unfilledPlaceholderRule } from '../../../src/core/rules/placeholders.ts';
import { squareBracketsRule } from '../../../src/core/rules/square-brackets.ts';
import { titlePresentRule } from '../../../src/core/rules/title-present.ts';
import { COP_ORGAN, op, pre, res } from '../../helpers/builders.ts';
import { check, render } from './context.ts';

describe('formula-ending', () => {
  it('wants a comma after the formula of a resolution and fixes a colon', () => {
    expect(check(formulaEndingRule, res())).toEqual([]);
    const doc = res({ formula: `The ${COP_ORGAN}:` });
    const found = check(formulaEndingRule, doc);
    expect(render(doc, found)).toEqual(['formula error ":"']);
    expect(applyFix(doc, found[0]!.fix!).formula).toBe(`The ${COP_ORGAN},`);
  });

  it('wants a colon before the lettered paragraphs of a decision (6/2, 6/3), a full stop when there are none (6/1)', () => {
    const lettered = res({
      kind: 'decision',
      formula: `The ${COP_ORGAN} decided that:`,
      operative: [op('', 'x.')],
    });
    const sentence = res({
      kind: 'decision',
      formula: `The ${COP_ORGAN} approved the agenda set out below.`,
    });
    expect(check(formulaEndingRule, lettered)).toEqual([]);
    expect(check(formulaEndingRule, sentence)).toEqual([]);
    const wrong = res({
      kind: 'decision',
      formula: `The ${COP_ORGAN} decided that,`,
      operative: [op('', 'x.')],
    });
    expect(render(wrong, check(formulaEndingRule, wrong))).toEqual(['formula error ","']);
  });

  it("lets the Assembly's formula stand without a mark when the operative part follows it directly (A/RES/78/1)", () => {
    const bare = res({
      organ: 'General Assembly',
      formula: 'The General Assembly',
      operative: [op('Endorses', 'the political declaration annexed to the present resolution.')],
    });
    expect(check(formulaEndingRule, bare)).toEqual([]);
    expect(check(formulaEndingRule, { ...bare, formula: 'The General Assembly,' })).toEqual([]);
    const withPreamble = { ...bare, preamble: [pre('Recalling', 'its resolution 70/1,')] };
    expect(render(withPreamble, check(formulaEndingRule, withPreamble))).toEqual(['formula error ""']);
  });

  it('calls a missing formula an error', () => {
    expect(check(formulaEndingRule, res({ formula: ' ' })).map((d) => d.message)).toEqual([
      expect.stringMatching(/formula is missing/),
    ]);
  });
});

describe('title-present', () => {
  it('calls an empty title an error and leaves a title alone', () => {
    expect(check(titlePresentRule, res({ title: '  ' })).map((d) => d.location)).toEqual([{ part: 'title' }]);
    expect(check(titlePresentRule, res({ title: 'Implementation of the Convention' }))).toEqual([]);
  });
});

describe('square-brackets', () => {
  it('leaves alone balanced brackets, nested or across paragraphs', () => {
    const doc = res({
      preamble: [pre('Recalling', '[its resolution [5/1],'), pre('Noting', 'the report,]')],
      operative: [op('Requests', 'the Office [to report].')],
    });
    expect(check(squareBracketsRule, doc)).toEqual([]);
  });

  it('points at a "]" that closes nothing and at a "[" never closed', () => {
    const doc = res({
      preamble: [pre('Recalling', 'its resolution 5/1],')],
      operative: [op('Requests', 'the Office [to report.')],
    });
    expect(render(doc, check(squareBracketsRule, doc))).toEqual(['PP1 error "]"', 'OP1 error "["']);
  });
});

describe('unfilled-placeholder', () => {
  it('points at each placeholder left in the text', () => {
    const doc = res({
      title: '‹title of the resolution›',
      operative: [op('Requests', 'the Secretariat to report by ‹date›.')],
    });
    expect(render(doc, check(unfilledPlaceholderRule, doc))).toEqual([
      'title error "‹title of the resolution›"',
      'OP1 error "‹date›"',
    ]);
    expect(check(unfilledPlaceholderRule, res())).toEqual([]);
  });
});
