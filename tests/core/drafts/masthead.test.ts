import { describe, expect, it } from 'vitest';
import { joinSponsors, revisionOf, sponsorsLine } from '../../../src/core/drafts/masthead.ts';
import { res } from '../../helpers/builders.ts';

describe('revisionOf', () => {
  it('reads the revision from the end of a symbol', () => {
    expect(revisionOf('CTOC/COP/2012/L.4/Rev.2')).toBe('2');
    expect(revisionOf('CTOC/COP/‹year›/L.‹document number›/Rev.‹n›')).toBe('‹n›');
  });

  it('finds none in a first issue or without a symbol', () => {
    expect(revisionOf('CTOC/COP/2012/L.9')).toBeUndefined();
    expect(revisionOf(undefined)).toBeUndefined();
  });
});

describe('joinSponsors', () => {
  it('joins the last two with "and" and the others with commas, without a serial comma', () => {
    expect(joinSponsors([])).toBe('');
    expect(joinSponsors(['Mexico'])).toBe('Mexico');
    expect(joinSponsors(['Mexico', 'Peru'])).toBe('Mexico and Peru');
    expect(joinSponsors(['Costa Rica', 'Croatia', 'Ecuador'])).toBe('Costa Rica, Croatia and Ecuador');
  });
});

describe('sponsorsLine', () => {
  it('prints "Mexico and Peru: draft resolution" for a first issue (DRAFTING-RULES.md section 8)', () => {
    const doc = res({ metadata: { symbol: 'CTOC/COP/2014/L.3', sponsors: ['Mexico', 'Peru'] } });
    expect(sponsorsLine(doc)).toBe('Mexico and Peru: draft resolution');
  });

  it('says "revised draft resolution" when the symbol carries a revision (DRAFTING-RULES.md section 6)', () => {
    const doc = res({
      metadata: {
        symbol: 'CTOC/COP/2012/L.6/Rev.2',
        sponsors: ['Australia', 'Canada', 'United States of America'],
      },
    });
    expect(sponsorsLine(doc)).toBe(
      'Australia, Canada and United States of America: revised draft resolution',
    );
  });

  it('names a draft decision as such', () => {
    expect(sponsorsLine(res({ kind: 'decision', metadata: { sponsors: ['Mexico'] } }))).toBe(
      'Mexico: draft decision',
    );
  });

  it('gives no line for a draft without sponsors', () => {
    expect(sponsorsLine(res({ metadata: { symbol: 'CTOC/COP/2012/L.9' } }))).toBeUndefined();
    expect(sponsorsLine(res({ metadata: { sponsors: [] } }))).toBeUndefined();
  });
});
