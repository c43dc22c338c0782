import { describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/core/model/inline.ts';
import { actCitationRule } from '../../../src/core/rules/act-citations.ts';
import { applyFix } from '../../../src/core/rules/fix.ts';
import { pre, res } from '../../helpers/builders.ts';
import { check, render } from './context.ts';

const preamble = (...texts: string[]) => res({ preamble: texts.map((t) => pre('Recalling', t)) });

describe('act-citation', () => {
  it('leaves alone a dated first citation and undated later ones (6/3 PP2 and PP7)', () => {
    const doc = preamble(
      'its resolution 5/3 of 22 October 2010,',
      'that, in its resolution 5/3, the Conference acted,',
    );
    expect(check(actCitationRule, doc)).toEqual([]);
  });

  it('leaves alone shared dates, other organs without dates and quoted titles', () => {
    const doc = preamble(
      'Conference resolutions 5/1 and 5/8 of 22 October 2010,',
      'General Assembly resolution 64/293,',
      'the report entitled "Follow-up to resolution 5/4",',
    );
    expect(check(actCitationRule, doc)).toEqual([]);
  });

  it('calls a date that contradicts the corpus an error and fixes it (5/4 is of 22 October 2010)', () => {
    const doc = preamble('its resolution 5/4 of 22 October 2011,');
    const found = check(actCitationRule, doc);
    expect(render(doc, found)).toEqual(['PP1 error "22 October 2011"']);
    expect(found[0]?.message).toContain('resolution 5/4 of 22 October 2010');
    expect(inlineText(applyFix(doc, found[0]!.fix!).preamble[0]!.content)).toBe(
      'its resolution 5/4 of 22 October 2010,',
    );
  });

  it('warns about an undated first citation of an own act and adds the date the corpus gives', () => {
    const doc = preamble('its decision 4/6,', 'its decision 4/6,');
    const found = check(actCitationRule, doc);
    expect(render(doc, found)).toEqual(['PP1 warning "decision 4/6"']);
    expect(inlineText(applyFix(doc, found[0]!.fix!).preamble[0]!.content)).toBe(
      'its decision 4/6 of 17 October 2008,',
    );
  });

  it('warns without a fix when the corpus does not know the date', () => {
    const doc = preamble('its resolution 3/2,');
    const found = check(actCitationRule, doc);
    expect(render(doc, found)).toEqual(['PP1 warning "resolution 3/2"']);
    expect(found[0]?.fix).toBeUndefined();
  });

  it("checks a printed date of another organ's act against the corpus too", () => {
    const gaDoc = res({
      organ: 'General Assembly',
      formula: 'The General Assembly,',
      preamble: [pre('Recalling', 'Conference resolution 5/1 of 23 October 2010,')],
    });
    expect(render(gaDoc, check(actCitationRule, gaDoc))).toEqual(['PP1 error "23 October 2010"']);
  });
});
