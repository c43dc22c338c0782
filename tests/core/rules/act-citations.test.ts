import { describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/core/model/inline.ts';
import { actCitationRule } from '../../../src/core/rules/act-citations.ts';
import { applyFix } from '../../../src/core/rules/fix.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
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

  it("checks a printed date of the Conference's act against the corpus in another organ's text that names it", () => {
    const gaDoc = assembly(
      'the work of the Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
      'Conference resolution 5/1 of 23 October 2010,',
    );
    expect(render(gaDoc, check(actCitationRule, gaDoc))).toEqual(['PP2 error "23 October 2010"']);
  });

  it('does not take another Conference for the Conference of the Parties (A/RES/79/190, on corruption)', () => {
    const gaDoc = assembly(
      'the Conference of the States Parties to the United Nations Convention against Corruption,',
      'Conference resolution 6/1 of 6 November 2015,',
      'resolution 9/2 of 17 December 2021 of the Conference of the States Parties to the Convention,',
    );
    expect(check(actCitationRule, gaDoc)).toEqual([]);
  });
});

/** A text of the General Assembly, adopted on 22 December 2023. */
function assembly(...texts: string[]): ResolutionDocument {
  return res({
    organ: 'General Assembly',
    formula: 'The General Assembly,',
    metadata: { adoption: { date: '2023-12-22', sponsors: [] } },
    preamble: texts.map((t) => pre('Recalling', t)),
  });
}

describe('act-citation, by the organ a citation names', () => {
  describe('the General Assembly citing its own acts', () => {
    it('wants the date at the first "its resolution", not later (A/RES/78/10)', () => {
      expect(
        check(actCitationRule, assembly('its resolution 70/1 of 25 September 2015,', 'its resolution 70/1,')),
      ).toEqual([]);
      const doc = assembly('its resolution 70/1,');
      const found = check(actCitationRule, doc);
      expect(render(doc, found)).toEqual(['PP1 warning "resolution 70/1"']);
      expect(found[0]?.message).toContain('"its resolution 70/1 of 25 September 2015"');
    });

    it('reads each number of a list with its own date (A/RES/78/102 PP3)', () => {
      const doc = assembly(
        'its resolutions 62/63 of 6 December 2007, 63/119 of 11 December 2008 and 77/98 of 7 December 2022,',
        'its decision that, bearing in mind its resolutions 62/63 and 63/119 as well as its resolution 77/98, the matter is continued,',
      );
      expect(check(actCitationRule, doc)).toEqual([]);
    });

    it('asks no date of a bare or named citation, which the Assembly often leaves undated', () => {
      expect(
        check(actCitationRule, assembly('General Assembly resolution 46/182,', 'resolution 60/288,')),
      ).toEqual([]);
    });

    it('calls a date after the text\'s own adoption an error (A/RES/78/248: "72/256 of 24 December 2107")', () => {
      const doc = assembly('its resolutions 71/266 of 23 December 2016 and 72/256 of 24 December 2107,');
      const found = check(actCitationRule, doc);
      expect(render(doc, found)).toEqual(['PP1 error "24 December 2107"']);
      expect(found[0]?.message).toContain('adopted on 22 December 2023');
    });

    it('calls two dates for one act an error and offers the first', () => {
      const doc = assembly(
        'its resolution 77/98 of 7 December 2022,',
        'its resolution 77/98 of 8 December 2022,',
      );
      const found = check(actCitationRule, doc);
      expect(render(doc, found)).toEqual(['PP2 error "8 December 2022"']);
      expect(found[0]?.message).toContain('PP1');
      expect(inlineText(applyFix(doc, found[0]!.fix!).preamble[1]!.content)).toBe(
        'its resolution 77/98 of 7 December 2022,',
      );
    });

    it("holds a named Assembly resolution's date against its session (77/98: 2022 or 2023)", () => {
      const doc = assembly('General Assembly resolution 77/98 of 7 December 2021,');
      expect(render(doc, check(actCitationRule, doc))).toEqual(['PP1 error "7 December 2021"']);
    });

    it('does not hold "its" against the number: it may stand for another organ (A/RES/78/203 OP7)', () => {
      const doc = assembly(
        'that through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted its report,',
      );
      expect(check(actCitationRule, doc)).toEqual([]);
    });
  });

  describe('the General Assembly cited by another organ', () => {
    it('needs no date: "General Assembly resolution 79/1" (the Conference cites 64/293 so)', () => {
      expect(
        check(
          actCitationRule,
          preamble('General Assembly resolution 79/1,', 'General Assembly resolution 64/293,'),
        ),
      ).toEqual([]);
    });
  });

  describe('the Security Council', () => {
    it('cites "resolution 2482 (2019)" with or without its date', () => {
      expect(
        check(
          actCitationRule,
          assembly(
            'Security Council resolution 2482 (2019),',
            'Security Council resolutions 1373 (2001) of 28 September 2001 and 2178 (2014),',
          ),
        ),
      ).toEqual([]);
    });

    it('knows the Council by the number alone, and holds a date against its year', () => {
      const doc = assembly(
        'its resolution 2482 (2019) of 5 March 2018,',
        'resolution 1373 (2001) of 28 September 2002,',
      );
      expect(render(doc, check(actCitationRule, doc))).toEqual([
        'PP1 error "5 March 2018"',
        'PP2 error "28 September 2002"',
      ]);
    });

    it('warns about a number cited without its year', () => {
      const doc = assembly('Security Council resolution 2482,');
      const found = check(actCitationRule, doc);
      expect(render(doc, found)).toEqual(['PP1 warning "2482"']);
      expect(found[0]?.message).toContain('"Security Council resolution 2482 (2019)"');
    });
  });

  describe('the Economic and Social Council', () => {
    it('cites "resolution 2008/23 of 24 July 2008" with its date at the first citation', () => {
      expect(
        check(
          actCitationRule,
          assembly(
            'Economic and Social Council resolution 2008/23 of 24 July 2008,',
            'Economic and Social Council resolution 2008/23,',
          ),
        ),
      ).toEqual([]);
      const doc = assembly('Economic and Social Council resolutions 2016/7 and 2016/8,');
      const found = check(actCitationRule, doc);
      expect(render(doc, found)).toEqual(['PP1 warning "resolutions 2016/7 and 2016/8"']);
      expect(found[0]?.message).toContain('"Economic and Social Council resolution 2008/23 of 24 July 2008"');
    });

    it('reads a date shared by a list, after a comma (A/RES/78/172 PP15)', () => {
      expect(
        check(
          actCitationRule,
          assembly('Economic and Social Council resolutions 2016/7 and 2016/8, of 2 June 2016,'),
        ),
      ).toEqual([]);
    });

    it('holds the date against the session the number names, which opens the July before', () => {
      expect(
        check(actCitationRule, assembly('Economic and Social Council decision 2017/206 of 5 October 2016,')),
      ).toEqual([]);
      const doc = assembly('Economic and Social Council resolution 2008/23 of 24 July 2010,');
      expect(render(doc, check(actCitationRule, doc))).toEqual(['PP1 error "24 July 2010"']);
    });
  });

  describe('the Human Rights Council', () => {
    it('cites "resolution 53/28 of 14 July 2023", the date at the first citation as 94 % of first citations do', () => {
      expect(
        check(
          actCitationRule,
          assembly(
            'Human Rights Council resolution 53/28 of 14 July 2023,',
            'Human Rights Council resolution 53/28,',
          ),
        ),
      ).toEqual([]);
      const doc = assembly('the Human Rights Council, in its resolution 53/1,');
      expect(render(doc, check(actCitationRule, doc))).toEqual(['PP1 warning "resolution 53/1"']);
    });

    it('takes the organ named after the number (A/RES/80/179: "resolution 58/13 by the Human Rights Council")', () => {
      const doc = assembly('the adoption of the resolution 58/13 by the Human Rights Council,');
      expect(check(actCitationRule, doc).map((d) => d.message)).toEqual([
        expect.stringContaining("the Human Rights Council's acts are cited with their date"),
      ]);
    });
  });

  describe('organs the rule does not know', () => {
    it('leaves their numbers and dates alone (United Nations Environment Assembly resolution 5/14)', () => {
      expect(
        check(
          actCitationRule,
          assembly(
            'United Nations Environment Assembly resolution 5/14 adopted on 2 March 2022,',
            'decision 15/4 of the Conference of the Parties to the Convention on Biological Diversity,',
            'the Economic Commission for Latin America and the Caribbean and its resolution 574 (XXVII) of 16 May 1998,',
          ),
        ),
      ).toEqual([]);
    });
  });
});
