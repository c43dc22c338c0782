import { describe, expect, it } from 'vitest';
import {
  bigrams,
  containment,
  dice,
  MATCH_THRESHOLD,
  withoutPunctuation,
  words,
} from '../../../src/core/compare/similarity.ts';

const shingles = (text: string): Set<number> => bigrams(words(text));

// 6/3 OP21.
const OP21 =
  'Requests the Secretariat to continue to assist the Working Group in the performance of its functions, and to submit a report to the Conference at its seventh session on the implementation of the present resolution;';

describe('words', () => {
  it('keeps symbols and references whole and drops punctuation and case', () => {
    expect(
      words('Recalling its resolution 5/1, CTOC/COP/2012/15 and "whole-of-government" strategies;'),
    ).toEqual([
      'recalling',
      'its',
      'resolution',
      '5/1',
      'ctoc/cop/2012/15',
      'and',
      'whole-of-government',
      'strategies',
    ]);
  });
});

describe('dice', () => {
  it('is 1 for the same paragraph whatever its punctuation and case', () => {
    expect(dice(shingles(OP21), shingles(OP21.toUpperCase().replace(/[,;]/g, '')))).toBe(1);
  });

  it('stays well above the match threshold when one word of a long paragraph changes', () => {
    const s = dice(shingles(OP21), shingles(OP21.replace('seventh', 'eighth')));
    expect(s).toBeGreaterThan(0.9);
    expect(s).toBeLessThan(1);
  });

  it('stays below the match threshold for two paragraphs that only share vocabulary', () => {
    const other =
      'Requests the United Nations Office on Drugs and Crime to continue providing technical assistance to the Working Group;';
    expect(dice(shingles(OP21), shingles(other))).toBeLessThan(MATCH_THRESHOLD);
  });

  it('takes word order into account (bigrams, not a bag of words)', () => {
    expect(dice(shingles('urges States parties'), shingles('parties urges States'))).toBeLessThan(0.5);
  });

  it('calls two empty paragraphs alike and an empty and a full one not', () => {
    expect(dice(new Set(), new Set())).toBe(1);
    expect(dice(new Set(), shingles(OP21))).toBe(0);
  });
});

describe('containment', () => {
  it('is 1 for a piece cut from the middle of a paragraph but for its edges', () => {
    const piece = shingles('to assist the Working Group in the performance of its functions');
    expect(containment(piece, shingles(OP21))).toBeGreaterThan(0.8);
    expect(containment(shingles(OP21), piece)).toBeLessThan(0.5);
  });
});

describe('withoutPunctuation', () => {
  it('removes punctuation and keeps case', () => {
    expect(withoutPunctuation('Urges States parties, as appropriate;')).toBe(
      'Urges States parties as appropriate',
    );
  });
});
