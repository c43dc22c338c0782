import { describe, expect, it } from 'vitest';
import { composeOpener, decomposeOpener, nextOpener } from '../../../src/core/lexicon/sequence.ts';

describe('decomposeOpener', () => {
  it.each([
    ['Requests', 'Requests', 'plain'],
    ['Also requests', 'Requests', 'also'],
    ['Further urges', 'Urges', 'further'],
    ['Further calls upon', 'Calls upon', 'further'],
    ['Recognizing also', 'Recognizing', 'also'],
    ['Recognizing further', 'Recognizing', 'further'],
    ['Noting also with appreciation', 'Noting with appreciation', 'also'],
    ['Taking note also with appreciation', 'Taking note with appreciation', 'also'],
    ['Taking note also of', 'Taking note of', 'also'],
    ['Bearing in mind also', 'Bearing in mind', 'also'],
    ['Also takes note with appreciation of', 'Takes note with appreciation of', 'also'],
  ] as const)('reads %j as base %j, step %s', (opener, base, step) => {
    expect(decomposeOpener(opener)).toEqual({ base, step });
  });

  it('reads inverted forms such as "Further recalling" and "Requests also" to the same base', () => {
    expect(decomposeOpener('Further recalling')).toEqual({ base: 'Recalling', step: 'further' });
    expect(decomposeOpener('Requests also')).toEqual({ base: 'Requests', step: 'also' });
  });

  it('is case-insensitive about the sequence word and capitalizes the base', () => {
    expect(decomposeOpener('ALSO requests')).toEqual({ base: 'Requests', step: 'also' });
    expect(decomposeOpener('further requests')).toEqual({ base: 'Requests', step: 'further' });
  });

  it('does not take "also" or "further" inside another word for the sequence word', () => {
    expect(decomposeOpener('Furthering')).toEqual({ base: 'Furthering', step: 'plain' });
    expect(decomposeOpener('Alsoing')).toEqual({ base: 'Alsoing', step: 'plain' });
  });

  it('normalizes blanks and keeps the empty opener empty', () => {
    expect(decomposeOpener('  Also   requests ')).toEqual({ base: 'Requests', step: 'also' });
    expect(decomposeOpener('')).toEqual({ base: '', step: 'plain' });
  });

  it('treats the sequence word on its own as a plain opener, not a sequence form of nothing', () => {
    expect(decomposeOpener('Further')).toEqual({ base: 'Further', step: 'plain' });
  });
});

describe('composeOpener', () => {
  it('puts the word first and lower-cases the verb in the operative part', () => {
    expect(composeOpener('Requests', 'also', 'operative')).toBe('Also requests');
    expect(composeOpener('Calls upon', 'further', 'operative')).toBe('Further calls upon');
    expect(composeOpener('Takes note with appreciation of', 'also', 'operative')).toBe(
      'Also takes note with appreciation of',
    );
  });

  it('keeps an acronym at the start of an operative base as it is', () => {
    expect(composeOpener('UNODC requests', 'also', 'operative')).toBe('Also UNODC requests');
  });

  it.each([
    ['Recognizing', 'also', 'Recognizing also'],
    ['Recalling', 'further', 'Recalling further'],
    ['Noting with appreciation', 'also', 'Noting also with appreciation'],
    ['Taking note with appreciation', 'also', 'Taking note also with appreciation'],
    ['Taking note of', 'further', 'Taking note further of'],
    ['Taking into account', 'also', 'Taking into account also'],
    ['Bearing in mind', 'also', 'Bearing in mind also'],
    ['Having considered', 'also', 'Having considered also'],
    ['Deeply concerned', 'further', 'Deeply concerned further'],
    ['Greatly concerned', 'also', 'Greatly concerned also'],
    ['Expressing its appreciation', 'also', 'Expressing also its appreciation'],
    ['Mindful', 'also', 'Mindful also'],
  ] as const)('writes preambular %j at step %s as %j', (base, step, expected) => {
    expect(composeOpener(base, step, 'preamble')).toBe(expected);
  });

  it('writes the plain step as the base with a capital, in either part', () => {
    expect(composeOpener('requests', 'plain', 'operative')).toBe('Requests');
    expect(composeOpener('noting with concern', 'plain', 'preamble')).toBe('Noting with concern');
  });

  it('returns the empty opener for an empty base', () => {
    expect(composeOpener('', 'also', 'operative')).toBe('');
  });

  it('round-trips with decomposeOpener for every printed form of the corpus', () => {
    const printed = [
      ['Also requests', 'operative'],
      ['Further requests', 'operative'],
      ['Also urges', 'operative'],
      ['Further encourages', 'operative'],
      ['Also welcomes', 'operative'],
      ['Also decides', 'operative'],
      ['Recognizing also', 'preamble'],
      ['Recognizing further', 'preamble'],
      ['Recalling also', 'preamble'],
    ] as const;
    for (const [opener, part] of printed) {
      const { base, step } = decomposeOpener(opener);
      expect(composeOpener(base, step, part)).toBe(opener);
    }
  });
});

describe('nextOpener', () => {
  // 6/1 operative paragraphs 4-7: Requests / Also requests / Further requests, then Requests after a break.
  it('gives plain, then also, then further for a run of the same verb (6/1 OP4-6)', () => {
    expect(nextOpener(['Notes with appreciation', 'Encourages', 'Underlines'], 'Requests', 'operative')).toBe(
      'Requests',
    );
    expect(nextOpener(['Underlines', 'Requests'], 'Requests', 'operative')).toBe('Also requests');
    expect(nextOpener(['Requests', 'Also requests'], 'Requests', 'operative')).toBe('Further requests');
  });

  it('keeps "further" for the fourth and later paragraphs of a run', () => {
    expect(nextOpener(['Urges', 'Also urges', 'Further urges'], 'Urges', 'operative')).toBe('Further urges');
  });

  it('starts plain again once another opener breaks the run (6/1 OP7 after OP6)', () => {
    expect(
      nextOpener(['Requests', 'Also requests', 'Further requests', 'Encourages'], 'requests', 'operative'),
    ).toBe('Requests');
  });

  it('accepts the intended opener in any form and case', () => {
    const previous = ['Requests'];
    expect(nextOpener(previous, 'requests', 'operative')).toBe('Also requests');
    expect(nextOpener(previous, 'Further requests', 'operative')).toBe('Also requests');
    expect(nextOpener(previous, 'also Requests', 'operative')).toBe('Also requests');
  });

  it('compares the previous openers case-insensitively', () => {
    expect(nextOpener(['requests'], 'Requests', 'operative')).toBe('Also requests');
  });

  it('places the word after the participle in the preamble (6/1 Recognizing, 6/3 Recalling)', () => {
    expect(nextOpener(['Greatly concerned', 'Recognizing'], 'Recognizing', 'preamble')).toBe(
      'Recognizing also',
    );
    expect(nextOpener(['Recognizing', 'Recognizing also'], 'Recognizing', 'preamble')).toBe(
      'Recognizing further',
    );
    expect(nextOpener(['Recalling'], 'Recalling', 'preamble')).toBe('Recalling also');
    expect(nextOpener(['Noting with appreciation'], 'Noting with appreciation', 'preamble')).toBe(
      'Noting also with appreciation',
    );
  });

  it('does not chain openers whose complements differ ("Noting" after "Noting with appreciation")', () => {
    expect(nextOpener(['Noting with appreciation'], 'Noting', 'preamble')).toBe('Noting');
  });

  it('counts a repeated bare opener as a run too (the 5/7 practice the rule corrects)', () => {
    expect(nextOpener(['Recalling', 'Recalling'], 'Recalling', 'preamble')).toBe('Recalling further');
  });

  it('lets a paragraph without an opener break the run', () => {
    expect(nextOpener(['Requests', ''], 'Requests', 'operative')).toBe('Requests');
  });

  it('returns the empty opener when nothing is intended', () => {
    expect(nextOpener(['', ''], '', 'operative')).toBe('');
  });
});
