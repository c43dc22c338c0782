import { describe, expect, it } from 'vitest';
import { isoFromPrintedDate, printedFromIsoDate } from '../../../src/core/references/dates.ts';

describe('isoFromPrintedDate', () => {
  it('reads "22 October 2010" and "7 February 2012" as ISO dates', () => {
    expect(isoFromPrintedDate('22 October 2010')).toBe('2010-10-22');
    expect(isoFromPrintedDate('7 February 2012')).toBe('2012-02-07');
  });

  it('rejects a comma or an abbreviated month (DRAFTING-RULES.md section 4: no commas)', () => {
    expect(isoFromPrintedDate('October 22, 2010')).toBeUndefined();
    expect(isoFromPrintedDate('22 Oct 2010')).toBeUndefined();
  });
});

describe('printedFromIsoDate', () => {
  it('prints "2012-10-19" as "19 October 2012" without a leading zero', () => {
    expect(printedFromIsoDate('2012-10-19')).toBe('19 October 2012');
    expect(printedFromIsoDate('2008-10-07')).toBe('7 October 2008');
  });

  it('returns undefined for a malformed date or month 13', () => {
    expect(printedFromIsoDate('19 October 2012')).toBeUndefined();
    expect(printedFromIsoDate('2012-13-01')).toBeUndefined();
  });
});
