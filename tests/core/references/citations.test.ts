import { describe, expect, it } from 'vitest';
import { readActCitations } from '../../../src/core/references/citations.ts';

/** A compact oracle: organ, "its", and each number with its date ("@shared" for a date a list shares). */
function read(text: string, from = 0): string[] {
  return readActCitations(text, from).map((c) =>
    [
      c.organName ?? (c.possessive ? 'its' : 'bare'),
      c.kind,
      ...c.items.map((i) => `${i.number}${i.date ? `@${i.date.iso}` : i.sharesDate ? '@shared' : ''}`),
    ].join(' | '),
  );
}

describe('readActCitations', () => {
  it('reads a list with a date for each number (A/RES/78/102 PP3)', () => {
    expect(
      read(
        'Recalling its resolutions 62/63 of 6 December 2007, 63/119 of 11 December 2008 and 77/98 of 7 December 2022,',
        9,
      ),
    ).toEqual(['its | resolution | 62/63@2007-12-06 | 63/119@2008-12-11 | 77/98@2022-12-07']);
  });

  it('reads a date that a list shares, also after a comma', () => {
    expect(read('Conference resolutions 5/1 and 5/8 of 22 October 2010,')).toEqual([
      'Conference | resolution | 5/1@shared | 5/8@2010-10-22',
    ]);
    expect(read('Economic and Social Council resolutions 2016/7 and 2016/8, of 2 June 2016,')).toEqual([
      'Economic and Social Council | resolution | 2016/7@shared | 2016/8@2016-06-02',
    ]);
  });

  it('reads every number form: 2482 (2019), 1514 (XV), 1874 (S-IV), ES-10/15, 53/243 A and B', () => {
    expect(
      read(
        'Security Council resolution 2482 (2019), its resolutions 1514 (XV) of 14 December 1960, 1874 (S-IV), ES-10/15 and 53/243 A and B,',
      ),
    ).toEqual([
      'Security Council | resolution | 2482 (2019)',
      'its | resolution | 1514 (XV)@1960-12-14 | 1874 (S-IV) | ES-10/15 | 53/243 A and B',
    ]);
  });

  it('finds the organ named before, through "in its", or after the numbers', () => {
    expect(read('adopted by the General Assembly in its resolution 64/293,')).toEqual([
      'General Assembly | resolution | 64/293',
    ]);
    expect(
      read(
        'endorsed by the Economic Commission for Latin America and the Caribbean of its resolution 574 (XXVII)',
      ),
    ).toEqual(['Economic Commission for Latin America and the Caribbean | resolution | 574 (XXVII)']);
    expect(
      read(
        'recalling resolution 9/2 of 17 December 2021 of the Conference of the States Parties to the Convention,',
      ),
    ).toEqual(['Conference of the States Parties to the Convention | resolution | 9/2@2021-12-17']);
    expect(read('the Charter of the United Nations and resolution 1514 (XV),')).toEqual([
      'bare | resolution | 1514 (XV)',
    ]);
  });

  it('does not take an opener for an organ, nor a footnote marker for a number', () => {
    expect(read('Recalling resolution 5/14,', 'Recalling '.length)).toEqual(['bare | resolution | 5/14']);
    expect(
      read(
        'Human Rights Council resolutions 18/6 of 29 September 2011, 33/3 of 29 September 2016,2 36/4 of 28 September 2017,',
      ),
    ).toEqual(['Human Rights Council | resolution | 18/6@2011-09-29 | 33/3@2016-09-29 | 36/4@2017-09-28']);
    expect(read('the relevant review resolutions 3 and the debates')).toEqual([]);
  });
});
