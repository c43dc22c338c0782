import { describe, expect, it } from 'vitest';
import {
  adoptionYears,
  canBeOrgans,
  numberForm,
  organById,
  organByName,
} from '../../../src/core/references/organs.ts';

const GA = organById('general-assembly');

describe('numberForm', () => {
  it('tells the forms of acts apart', () => {
    expect(
      [
        '70/1',
        '2008/23',
        '2482 (2019)',
        '1514 (XV)',
        '217 A (III)',
        'ES-10/15',
        '53/243 A and B',
        '2482',
      ].map(numberForm),
    ).toEqual(['session', 'year', 'council', 'roman', 'roman', 'special', 'session', 'other']);
  });
});

describe('the organs and their numbers', () => {
  it('knows "the Council" by the number cited with it', () => {
    expect(organByName('Council', '2482 (2019)')?.id).toBe('security-council');
    expect(organByName('Council', '2008/23')?.id).toBe('economic-and-social-council');
    expect(organByName('Council', '53/1')?.id).toBe('human-rights-council');
    expect(organByName('Assembly', '70/1')?.id).toBe('general-assembly');
  });

  it('numbers the Assembly session/number from its thirty-first session', () => {
    expect(canBeOrgans(GA, '77/98')).toBe(true);
    expect(canBeOrgans(GA, '5/14')).toBe(false);
    expect(canBeOrgans(GA, '2482 (2019)')).toBe(false);
  });

  it('gives the years an act can be of', () => {
    expect(adoptionYears(GA, '77/98')).toEqual([2022, 2023]);
    expect(adoptionYears(GA, '1514 (XV)')).toEqual([1960, 1961]);
    expect(adoptionYears(organById('security-council'), '2482 (2019)')).toEqual([2019]);
    expect(adoptionYears(organById('economic-and-social-council'), '2017/206')).toEqual([2016, 2017]);
    expect(adoptionYears(organById('human-rights-council'), '53/1')).toBeUndefined();
  });
});
