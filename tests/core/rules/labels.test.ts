import { describe, expect, it } from 'vitest';
import { follows, formatLabel, readLabel, relabel } from '../../../src/core/rules/labels.ts';

describe('readLabel', () => {
  it('reads numbers, insertions, letters and roman numerals', () => {
    expect(readLabel('5')).toEqual({ style: 'number', position: 5, insertion: 0 });
    expect(readLabel('5 bis')).toEqual({ style: 'number', position: 5, insertion: 1 });
    expect(readLabel('12 ter.')).toEqual({ style: 'number', position: 12, insertion: 2 });
    expect(readLabel('(c)')).toEqual({ style: 'letter', position: 3, insertion: 0 });
    expect(readLabel('(iv)')).toEqual({ style: 'roman', position: 4, insertion: 0 });
  });

  it('reads "(i)" as a letter in a lettered list and as one in a roman list', () => {
    expect(readLabel('(i)', 'letter')?.style).toBe('letter');
    expect(readLabel('(i)', 'roman')).toEqual({ style: 'roman', position: 1, insertion: 0 });
  });

  it('refuses what is not a label', () => {
    expect(readLabel('five')).toBeUndefined();
    expect(readLabel('(iiii)', 'roman')?.style).not.toBe('roman');
  });
});

describe('follows', () => {
  it('accepts 1 first, n + 1 after n, "bis" after n and "ter" after "bis"', () => {
    expect(follows(undefined, readLabel('1')!)).toBe(true);
    expect(follows(readLabel('4'), readLabel('5')!)).toBe(true);
    expect(follows(readLabel('5'), readLabel('5 bis')!)).toBe(true);
    expect(follows(readLabel('5 bis'), readLabel('5 ter')!)).toBe(true);
    expect(follows(readLabel('5 bis'), readLabel('6')!)).toBe(true);
  });

  it('refuses gaps, repeats and "ter" without "bis"', () => {
    expect(follows(undefined, readLabel('2')!)).toBe(false);
    expect(follows(readLabel('4'), readLabel('6')!)).toBe(false);
    expect(follows(readLabel('4'), readLabel('4')!)).toBe(false);
    expect(follows(readLabel('5'), readLabel('5 ter')!)).toBe(false);
  });
});

describe('relabel', () => {
  it('renumbers from a point, keeping insertions as insertions', () => {
    expect(relabel(['1', '2', '4', '4 bis', '5'], 'number', 2, readLabel('2'))).toEqual([
      { index: 2, label: '3' },
      { index: 3, label: '3 bis' },
      { index: 4, label: '4' },
    ]);
  });

  it('counts unlabelled items in their place', () => {
    expect(relabel(['(a)', undefined, '(d)'], 'letter', 0, undefined)).toEqual([{ index: 2, label: '(c)' }]);
  });

  it('formats each style', () => {
    expect([formatLabel('number', 5, 1), formatLabel('letter', 27), formatLabel('roman', 9)]).toEqual([
      '5 bis',
      '(aa)',
      '(ix)',
    ]);
  });
});
