import { describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/core/model/inline.ts';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { IZE_STEMS, SPELLING_VARIANTS } from '../../../src/core/rules/spelling-words.ts';
import { unSpelling, unSpellingRule } from '../../../src/core/rules/un-spelling.ts';
import { op, pre, res } from '../../helpers/builders.ts';
import { check, render } from './context.ts';

describe('unSpelling (the word list)', () => {
  it.each([
    ['organisation', 'organization'],
    ['Organisations', 'Organizations'],
    ['recognise', 'recognize'],
    ['recognised', 'recognized'],
    ['criminalising', 'criminalizing'],
    ['harmonisation', 'harmonization'],
    ['reorganise', 'reorganize'],
    ['program', 'programme'],
    ['programs', 'programmes'],
    ['labor', 'labour'],
    ['center', 'centre'],
    ['Centers', 'Centres'],
    ['defense', 'defence'],
    ['neighboring', 'neighbouring'],
    ['fulfillment', 'fulfilment'],
    ['endeavor', 'endeavour'],
    ['offenses', 'offences'],
    ['analyze', 'analyse'],
    ['percent', 'per cent'],
    ['LABOR', 'LABOUR'],
  ])('spells "%s" as "%s"', (word, wanted) => {
    expect(unSpelling(word)).toBe(wanted);
  });

  it.each([
    'organization',
    'recognize',
    'programme',
    'advise',
    'exercise',
    'expertise',
    'revised',
    'comprise',
    'raise',
    'seized',
    'supervise',
    'emphasis',
    'analyses',
    'specialist',
    'authorities',
  ])('leaves "%s" alone', (word) => {
    expect(unSpelling(word)).toBeUndefined();
  });

  it('keeps "program" after "computer" or "software"', () => {
    expect(unSpelling('program', 'a computer ')).toBeUndefined();
    expect(unSpelling('programs', 'new software ')).toBeUndefined();
    expect(unSpelling('program', 'a national ')).toBe('programme');
  });

  it('maps every listed word to a different spelling and every stem to an -ize word', () => {
    for (const [us, un] of Object.entries(SPELLING_VARIANTS)) expect(unSpelling(us)).toBe(un);
    for (const stem of IZE_STEMS) expect(unSpelling(`${stem}ise`)).toBe(`${stem}ize`);
  });
});

describe('un-spelling', () => {
  it('flags words in openers and text, with a fix that keeps the capital', () => {
    const doc = res({
      preamble: [pre('Recognising', 'the role of the International Labor Organization,')],
      operative: [op('Requests', 'the Office to strengthen its program of assistance.')],
    });
    const found = check(unSpellingRule, doc);
    expect(render(doc, found)).toEqual([
      'PP1 warning "Recognising"',
      'PP1 warning "Labor"',
      'OP1 warning "program"',
    ]);
    let fixed = doc;
    for (const d of [...found].reverse()) fixed = applyFix(fixed, d.fix!);
    expect(fixed.preamble[0]?.opener).toBe('Recognizing');
    expect(inlineText(fixed.preamble[0]!.content)).toBe('the role of the International Labour Organization,');
    expect(inlineText(fixed.operative[0]!.content)).toBe(
      'the Office to strengthen its programme of assistance.',
    );
  });

  it('leaves alone quoted titles, document symbols and a computer program', () => {
    const doc = res({
      preamble: [pre('Noting', 'the study entitled "Center for Organisational Defense" (A/CONF.192/15),')],
      operative: [op('Welcomes', 'the computer program developed by the Office.')],
    });
    expect(check(unSpellingRule, doc)).toEqual([]);
  });

  it('checks the title too', () => {
    const doc = res({ title: 'Strengthening the programs of the Organisation' });
    expect(render(doc, check(unSpellingRule, doc))).toEqual([
      'title warning "programs"',
      'title warning "Organisation"',
    ]);
  });
});
