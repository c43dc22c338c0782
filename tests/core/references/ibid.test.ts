import { describe, expect, it } from 'vitest';
import { citedWork, isIbid, resolveIbidChain } from '../../../src/core/references/ibid.ts';
import { PRINTED_FOOTNOTES } from './corpus-fixture.ts';

describe('resolveIbidChain', () => {
  it('resolves footnote 16 "Ibid." to vol. 2225 through 15 "Ibid., vol. 2225" after 14 "vol. 2326"', () => {
    const out = resolveIbidChain([
      'United Nations, Treaty Series, vol. 2326, No. 39574.',
      'Ibid., vol. 2225, No. 39574.',
      'Ibid.',
    ]);
    expect(out).toEqual([
      'United Nations, Treaty Series, vol. 2326, No. 39574.',
      'United Nations, Treaty Series, vol. 2225, No. 39574.',
      'United Nations, Treaty Series, vol. 2225, No. 39574.',
    ]);
  });

  it('resolves "Ibid., annex IV." after "CTOC/COP/2012/CRP.6, annex II." to another annex of CRP.6', () => {
    expect(
      resolveIbidChain(['CTOC/COP/2012/CRP.6, annex II.', 'Ibid., annex IV.', 'Ibid., annex V.']),
    ).toEqual([
      'CTOC/COP/2012/CRP.6, annex II.',
      'CTOC/COP/2012/CRP.6, annex IV.',
      'CTOC/COP/2012/CRP.6, annex V.',
    ]);
  });

  it('resolves "Ibid., vols. 2237, 2241 and 2326" after a single volume (footnote 4 after 3)', () => {
    expect(
      resolveIbidChain([
        'United Nations, Treaty Series, vol. 2225, No. 39574.',
        'Ibid., vols. 2237, 2241 and 2326, No. 39574.',
      ])[1],
    ).toBe('United Nations, Treaty Series, vols. 2237, 2241 and 2326, No. 39574.');
  });

  it('leaves an Ibid. with nothing before it as printed', () => {
    expect(resolveIbidChain(['Ibid.'])).toEqual(['Ibid.']);
  });

  it("resolves the report's footnotes 1-30 with no Ibid. left", () => {
    const out = resolveIbidChain(PRINTED_FOOTNOTES.map((t) => t.replace(/\*/g, '')));
    expect(out.filter(isIbid)).toEqual([]);
    expect(out[17]).toBe('United Nations, Treaty Series, vol. 2241, No. 39574.'); // footnote 18
    expect(out[22]).toBe('United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.'); // footnote 23
  });
});

describe('citedWork', () => {
  it('drops the locator: volume, annex, chapter', () => {
    expect(citedWork('United Nations, Treaty Series, vol. 2326, No. 39574.')).toBe(
      'United Nations, Treaty Series',
    );
    expect(citedWork('CTOC/COP/2012/CRP.6, annex II.')).toBe('CTOC/COP/2012/CRP.6');
  });
});

describe('isIbid', () => {
  it('tells "Ibid." and "Ibid., vol. 2241, No. 39574." from a full citation', () => {
    expect(isIbid('Ibid.')).toBe(true);
    expect(isIbid(' Ibid., vol. 2241, No. 39574. ')).toBe(true);
    expect(isIbid('United Nations, Treaty Series, vol. 2225, No. 39574.')).toBe(false);
  });
});
