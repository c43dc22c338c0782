import { describe, expect, it } from 'vitest';
import {
  ORDINAL_SOURCE,
  ordinalValue,
  ordinalWords,
  sessionNumber,
} from '../../../src/core/library/ordinals.ts';

describe('ordinalWords', () => {
  it.each([
    [1, 'first'],
    [6, 'sixth'],
    [12, 'twelfth'],
    [20, 'twentieth'],
    [21, 'twenty-first'],
    [78, 'seventy-eighth'],
    [80, 'eightieth'],
    [81, 'eighty-first'],
    [82, 'eighty-second'],
    [99, 'ninety-ninth'],
    [100, 'one hundredth'],
    [101, 'one hundred and first'],
    [120, 'one hundred and twentieth'],
    [199, 'one hundred and ninety-ninth'],
  ])('writes %i as "%s"', (n, words) => {
    expect(ordinalWords(n)).toBe(words);
  });

  it('gives nothing outside 1..199 or for a fraction', () => {
    expect(ordinalWords(0)).toBeUndefined();
    expect(ordinalWords(200)).toBeUndefined();
    expect(ordinalWords(-3)).toBeUndefined();
    expect(ordinalWords(2.5)).toBeUndefined();
  });
});

describe('ordinalValue', () => {
  it('reads back every ordinal it writes', () => {
    for (let n = 1; n <= 199; n++) expect(ordinalValue(ordinalWords(n) ?? '')).toBe(n);
  });

  it('reads capitals, non-breaking and other hyphens and extra spaces', () => {
    expect(ordinalValue('Seventy-ninth')).toBe(79);
    expect(ordinalValue('eighty\u2011first')).toBe(81);
    expect(ordinalValue('EIGHTY\u2010SECOND')).toBe(82);
    expect(ordinalValue('  one  hundred and   first ')).toBe(101);
  });

  it('gives nothing for what is not an ordinal', () => {
    expect(ordinalValue('eighty')).toBeUndefined();
    expect(ordinalValue('seventy ninth')).toBeUndefined();
    expect(ordinalValue('session')).toBeUndefined();
  });
});

describe('ORDINAL_SOURCE', () => {
  it('matches the longest ordinal first: "one hundred and first", not "one hundred"', () => {
    const m = new RegExp(`(${ORDINAL_SOURCE})`, 'i').exec('at its one hundred and first session');
    expect(m?.[1]).toBe('one hundred and first');
    const n = new RegExp(`(${ORDINAL_SOURCE})`, 'i').exec('at its seventy-ninth session');
    expect(n?.[1]).toBe('seventy-ninth');
  });

  it('matches "eighty-first" printed with a non-breaking hyphen', () => {
    expect(new RegExp(`^(?:${ORDINAL_SOURCE})$`, 'i').test('eighty\u2011first')).toBe(true);
  });
});

describe('sessionNumber', () => {
  it.each([
    ['Seventy-ninth session', 79],
    ['Eightieth session', 80],
    ['Seventy\u2011eighth session', 78],
    ['Sixth session, Vienna, 15-19 October 2012', 6],
    ['Tenth special session', 10],
  ])('reads "%s" as %i', (text, n) => {
    expect(sessionNumber(text)).toBe(n);
  });

  it('reads nothing from a line that does not open with a session', () => {
    expect(sessionNumber(undefined)).toBeUndefined();
    expect(sessionNumber('')).toBeUndefined();
    expect(sessionNumber('Agenda item 79')).toBeUndefined();
    expect(sessionNumber('Report on the work of its seventy-fourth session')).toBeUndefined();
  });
});
