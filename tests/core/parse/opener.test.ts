import { describe, expect, it } from 'vitest';
import { findOpener } from '../../../src/core/parse/opener.ts';

describe('findOpener', () => {
  it.each([
    ['Recalling its resolution 5/1 of 22 October 2010,', 'Recalling'],
    ['Noting with appreciation the establishment by the Secretary-General', 'Noting with appreciation'],
    ['Noting with concern the emergence of new forms', 'Noting with concern'],
    ['Recognizing also that technical assistance is essential', 'Recognizing also'],
    ['Recognizing further the need for accurate information', 'Recognizing further'],
    [
      'Taking note with appreciation of the results of the pilot review programme',
      'Taking note with appreciation',
    ],
    ['Taking note of the outcome document', 'Taking note'],
    ['Greatly concerned by the negative impact of organized crime', 'Greatly concerned'],
    ['Expressing its conviction that there is a need', 'Expressing its conviction'],
    ['Mindful of the importance of promoting universal ratification', 'Mindful'],
    ['Bearing in mind the provisions of the Convention,', 'Bearing in mind'],
  ])('reads the preambular opener of "%s" as "%s"', (text, opener) => {
    expect(findOpener(text)).toBe(opener);
  });

  it.each([
    ['Also requests the United Nations Office on Drugs and Crime', 'Also requests'],
    ['Further urges States parties to respect', 'Further urges'],
    ['Expresses its appreciation for the work of the Working Group', 'Expresses its appreciation'],
    ['Calls upon States parties to continue to review', 'Calls upon'],
    ['Takes note of the information gathered so far', 'Takes note'],
    ['Notes with appreciation that the number of parties', 'Notes with appreciation'],
    ['Decides that the mandates for the Working Group', 'Decides'],
    ['Draws the attention of States parties to article 31', 'Draws'],
  ])('reads the operative opener of "%s" as "%s"', (text, opener) => {
    expect(findOpener(text)).toBe(opener);
  });

  it('finds no opener where a paragraph does not start with a participle, adjective or verb', () => {
    expect(findOpener('the joint discussion of the two working groups')).toBe('');
    expect(findOpener('To consider raising awareness of the penalties')).toBe('');
    expect(findOpener('')).toBe('');
    expect(findOpener('1234')).toBe('');
  });

  it('keeps the possessive only for the nouns that belong to the phrase', () => {
    expect(findOpener('Reaffirming its resolution 5/4 of 22 October 2010,')).toBe('Reaffirming');
    expect(findOpener('Reaffirms its decision 4/3 of 17 October 2008,')).toBe('Reaffirms');
  });
});
