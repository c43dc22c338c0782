/**
 * Typography folded for matching (issue 12, item 6): the marks a printed UN document uses and the ones a
 * keyboard types are equal when texts are matched, and kept as printed everywhere else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldTypography,
  foldTypographyMapped,
  sameButTypography,
  unfolded,
} from '../../../src/core/model/typography.ts';

describe('foldTypography', () => {
  it('reads a non-breaking hyphen, a hyphen, a figure dash and a minus sign as "-"', () => {
    expect(foldTypography('Secretary\u2011General, co\u2010sponsor, 1\u20122, \u22125')).toBe(
      'Secretary-General, co-sponsor, 1-2, -5',
    );
  });

  it('reads no-break, narrow and thin spaces, tabs and runs of spaces as one space, none at the ends', () => {
    expect(foldTypography('\u00a027\u00a0December  2019,\u202f10\u2009000\tpersons\n ')).toBe(
      '27 December 2019, 10 000 persons',
    );
  });

  it('drops soft hyphens, zero-width spaces and word joiners', () => {
    expect(foldTypography('regu\u00adlation\u200b of\u2060 the\ufeff Office')).toBe(
      'regulation of the Office',
    );
  });

  it('reads curly, low and angle quotes and the modifier apostrophe as straight quotes', () => {
    expect(
      foldTypography('the “Palermo Convention”, the Committee’s ‘report’, „x‟ «y» ‹z› Côte dʼIvoire'),
    ).toBe(`the "Palermo Convention", the Committee's 'report', "x" "y" 'z' Côte d'Ivoire`);
  });

  it('reads an en or em dash between letters or digits as a hyphen, and any dash between spaces as one dash', () => {
    expect(foldTypography('Secretary–General, 2019–2020, North—South')).toBe(
      'Secretary-General, 2019-2020, North-South',
    );
    expect(foldTypography('the Office - and States — and – all')).toBe('the Office – and States – and – all');
  });

  it('spells out the ligatures of a PDF’s fonts and the ellipsis', () => {
    expect(foldTypography('ﬁnancing, eﬀective, ﬂows, eﬃcient, baﬄe, …')).toBe(
      'financing, effective, flows, efficient, baffle, ...',
    );
  });

  it('leaves plain text as it is, and changes no letter, digit or other punctuation', () => {
    const plain = 'Requests the United Nations Office on Drugs and Crime (UNODC) to report; 6/1 of 2012.';
    expect(foldTypography(plain)).toBe(plain);
    expect(foldTypography('Cooperation: States, “a”; (b) [c] 5 %')).toBe(
      'Cooperation: States, "a"; (b) [c] 5 %',
    );
  });

  it('folds the same with and without the map back to the printed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab -‑–—’“”\u00a0\u00adﬁ….'.split('')) }), (text) => {
        expect(foldTypographyMapped(text).text).toBe(foldTypography(text));
      }),
    );
  });

  it('maps every folded character back to the printed character it comes from', () => {
    const printed = '\u00a0The ﬁnal “Secretary\u2011General”  report\u00ad ';
    const { text, from } = foldTypographyMapped(printed);
    expect(text).toBe('The final "Secretary-General" report');
    expect(from).toHaveLength(text.length + 1);
    expect(from[text.length]).toBe(printed.length);
    expect([...text].map((_, k) => printed.charAt(from[k] ?? -1)).join('')).toBe(
      'The ﬁﬁnal “Secretary‑General” report',
    );
  });
});

describe('sameButTypography', () => {
  it('tells a typographic difference from no difference and from a real one', () => {
    expect(sameButTypography('the Secretary\u2011General’s report', "the Secretary-General's report")).toBe(
      true,
    );
    expect(sameButTypography('the report', 'the report')).toBe(false);
    expect(sameButTypography('the report', 'the reports')).toBe(false);
  });
});

describe('unfolded', () => {
  it('keeps the text as it is, each character mapped to itself', () => {
    expect(unfolded('a“b')).toEqual({ text: 'a“b', from: [0, 1, 2, 3] });
  });
});
