import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../../src/core/lexicon/lexicon.ts';
import { convertOpener, isKnownOpener, matchOpenerPrefix } from '../../../src/core/lexicon/match.ts';
import { corpus } from '../../helpers/corpus.ts';

const lexicon = buildLexicon(corpus().documents);

describe('matchOpenerPrefix', () => {
  it('finds the longest known opener once a space follows it', () => {
    expect(matchOpenerPrefix(lexicon, 'Noting w', 'preamble')).toBe('Noting');
    expect(matchOpenerPrefix(lexicon, 'Noting with appreciation t', 'preamble')).toBe(
      'Noting with appreciation',
    );
    expect(matchOpenerPrefix(lexicon, 'Also requests the', 'operative')).toBe('Also requests');
    expect(matchOpenerPrefix(lexicon, 'Recognizing further ', 'preamble')).toBe('Recognizing further');
  });

  it('waits while the word is still being typed, and ignores lower case and unknown words', () => {
    expect(matchOpenerPrefix(lexicon, 'Noting', 'preamble')).toBeUndefined();
    expect(matchOpenerPrefix(lexicon, 'noting the', 'preamble')).toBeUndefined();
    expect(matchOpenerPrefix(lexicon, 'States parties are', 'operative')).toBeUndefined();
  });

  it('knows the also/further forms of every opener, even those the corpus never wrote', () => {
    expect(isKnownOpener(lexicon, 'Further invites', 'operative')).toBe(true);
    expect(isKnownOpener(lexicon, 'Welcoming also', 'preamble')).toBe(true);
    expect(isKnownOpener(lexicon, 'Frobnicates', 'operative')).toBe(false);
  });
});

describe('convertOpener', () => {
  it.each([
    ['Noting with appreciation', 'operative', 'Notes with appreciation'],
    ['Recalling', 'operative', 'Recalls'],
    ['Recognizing also', 'operative', 'Also recognizes'],
    ['Expressing its appreciation', 'operative', 'Expresses its appreciation'],
    ['Urging', 'operative', 'Urges'],
    ['Encouraging', 'operative', 'Encourages'],
    ['Stressing', 'operative', 'Stresses'],
    ['Taking note', 'operative', 'Takes note'],
    ['Requests', 'preamble', 'Requesting'],
    ['Also urges', 'preamble', 'Urging also'],
    ['Decides', 'preamble', 'Deciding'],
    ['Calls upon', 'preamble', 'Calling upon'],
    ['Welcomes', 'preamble', 'Welcoming'],
    ['Notes with appreciation', 'preamble', 'Noting with appreciation'],
  ] as const)('turns "%s" into the %s form "%s"', (from, to, expected) => {
    expect(convertOpener(from, to)).toBe(expected);
  });

  it('keeps an adjective, which has no operative form', () => {
    expect(convertOpener('Mindful', 'operative')).toBe('Mindful');
    expect(convertOpener('', 'operative')).toBe('');
  });
});
