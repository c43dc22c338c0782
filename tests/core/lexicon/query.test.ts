import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../../src/core/lexicon/lexicon.ts';
import { suggestOpeners } from '../../../src/core/lexicon/query.ts';
import type { OpenerSuggestion } from '../../../src/core/lexicon/query.ts';
import { op, pre, res } from '../../helpers/builders.ts';

/**
 * Counts chosen so plain forms outrank their sequence forms, as in the corpus (Requests 8, Also
 * requests 3, Further requests 2): the sequence rule must beat the count.
 */
const lexicon = buildLexicon(
  [
    res({
      number: '6/1',
      preamble: [
        pre('Recalling', 'its resolution 5/1,'),
        pre('Recognizing', 'that the Convention offers opportunities,'),
        pre('Recognizing also', 'that technical assistance is essential,'),
        pre('Recognizing further', 'the need for accurate information,'),
        pre('Noting with appreciation', 'the establishment of the task force,'),
      ],
      operative: [
        op('Requests', 'the Office to strengthen data collection;'),
        op('Also requests', 'the Office to raise awareness;'),
        op('Further requests', 'the Office to brief Member States;'),
        op('Requests', 'the Office to provide technical assistance;'),
        op('Recommends', 'that States parties consider the guidelines;'),
        op('Urges', 'States parties to make contributions;'),
        op('Invites', 'Member States to provide resources.'),
      ],
    }),
    res({
      number: '6/3',
      preamble: [
        pre('Recalling', 'article 32 of the Convention,'),
        pre('Recalling also', 'its resolution 5/3,'),
      ],
      operative: [
        op('Urges', 'Member States to consider ratifying the Protocol;'),
        op('Requests', 'the Secretariat to assist the Working Group;'),
        op('Invites', 'Member States and other donors to provide resources.'),
      ],
    }),
  ],
  {
    supplementary: [
      { phrase: 'Reaffirms', part: 'operative' },
      { phrase: 'Condemns', part: 'operative' },
      { phrase: 'Reaffirming', part: 'preamble' },
    ],
  },
);

const phrases = (suggestions: readonly OpenerSuggestion[]): string[] => suggestions.map((s) => s.phrase);

describe('suggestOpeners', () => {
  it('matches the typed prefix against the phrase or its base, ranked by corpus count', () => {
    const got = suggestOpeners(lexicon, { part: 'operative', typed: 'Req', previousOpeners: [] });
    expect(phrases(got)).toEqual(['Requests', 'Also requests', 'Further requests']);
    expect(got[0]).toMatchObject({ count: 3, fromCorpus: true, reason: 'corpus' });
    expect(got[0]?.sources.map((s) => s.label)).toEqual(['6/1 OP1', '6/1 OP4', '6/3 OP2']);
  });

  it('matches case-insensitively', () => {
    expect(
      phrases(suggestOpeners(lexicon, { part: 'operative', typed: 'rEQ', previousOpeners: [] })),
    ).toEqual(['Requests', 'Also requests', 'Further requests']);
  });

  it('offers "Also requests" first right after a paragraph opening with "Requests"', () => {
    const got = suggestOpeners(lexicon, {
      part: 'operative',
      typed: 'Req',
      previousOpeners: ['Urges', 'Requests'],
    });
    expect(phrases(got)).toEqual(['Also requests', 'Requests', 'Further requests']);
    expect(got[0]).toMatchObject({ count: 1, fromCorpus: true, reason: 'sequence' });
    expect(got[0]?.sources.map((s) => s.label)).toEqual(['6/1 OP2']);
  });

  it('offers "Further requests" first after "Also requests"', () => {
    const got = suggestOpeners(lexicon, {
      part: 'operative',
      typed: 'Req',
      previousOpeners: ['Requests', 'Also requests'],
    });
    expect(phrases(got)).toEqual(['Further requests', 'Requests', 'Also requests']);
    expect(got[0]?.reason).toBe('sequence');
  });

  it('offers the sequence form when the typed text starts the sequence word ("Also", "Fur")', () => {
    const afterRequests = suggestOpeners(lexicon, {
      part: 'operative',
      typed: 'Also',
      previousOpeners: ['Requests'],
    });
    expect(afterRequests[0]).toMatchObject({ phrase: 'Also requests', reason: 'sequence' });
    const afterAlso = suggestOpeners(lexicon, {
      part: 'operative',
      typed: 'fur',
      previousOpeners: ['Requests', 'Also requests'],
    });
    expect(phrases(afterAlso)).toEqual(['Further requests']);
  });

  it('offers "Recalling also" first in the preamble after a "Recalling" paragraph', () => {
    const got = suggestOpeners(lexicon, { part: 'preamble', typed: 'Rec', previousOpeners: ['Recalling'] });
    expect(got[0]).toMatchObject({ phrase: 'Recalling also', reason: 'sequence' });
    expect(phrases(got).slice(1)).toEqual([
      'Recalling',
      'Recognizing',
      'Recognizing also',
      'Recognizing further',
    ]);
  });

  it('composes a sequence form the corpus never used, with no count and no sources', () => {
    const got = suggestOpeners(lexicon, { part: 'operative', typed: 'Inv', previousOpeners: ['Invites'] });
    expect(got[0]).toEqual({
      phrase: 'Also invites',
      count: 0,
      sources: [],
      fromCorpus: false,
      reason: 'sequence',
    });
    expect(phrases(got)).toEqual(['Also invites', 'Invites']);
  });

  it('gives no sequence suggestion when the typed text does not match the previous opener', () => {
    const got = suggestOpeners(lexicon, { part: 'operative', typed: 'Ur', previousOpeners: ['Requests'] });
    expect(got.map((s) => [s.phrase, s.reason])).toEqual([['Urges', 'corpus']]);
  });

  it('breaks the run when another opener comes between (plain "Requests" ranks first again)', () => {
    const got = suggestOpeners(lexicon, {
      part: 'operative',
      typed: 'Req',
      previousOpeners: ['Requests', 'Also requests', 'Further requests', 'Urges'],
    });
    expect(got.map((s) => s.reason)).not.toContain('sequence');
    expect(got[0]?.phrase).toBe('Requests');
  });

  it('lists the most used openers of the part for an empty typed string, without a sequence suggestion', () => {
    const got = suggestOpeners(lexicon, {
      part: 'operative',
      typed: '',
      previousOpeners: ['Requests'],
      limit: 3,
    });
    expect(phrases(got)).toEqual(['Requests', 'Invites', 'Urges']);
    expect(got.every((s) => s.reason === 'corpus')).toBe(true);
  });

  it('offers only the openers of the requested part', () => {
    expect(phrases(suggestOpeners(lexicon, { part: 'preamble', typed: 'Req', previousOpeners: [] }))).toEqual(
      [],
    );
    expect(
      phrases(suggestOpeners(lexicon, { part: 'operative', typed: 'Reca', previousOpeners: [] })),
    ).toEqual([]);
  });

  it('lists supplementary openers after the corpus ones, marked as such', () => {
    const got = suggestOpeners(lexicon, { part: 'operative', typed: 'Re', previousOpeners: [] });
    expect(got.map((s) => [s.phrase, s.reason])).toEqual([
      ['Requests', 'corpus'],
      ['Also requests', 'corpus'],
      ['Further requests', 'corpus'],
      ['Recommends', 'corpus'],
      ['Reaffirms', 'supplementary'],
    ]);
  });

  it('treats a trailing blank as the end of a word', () => {
    expect(
      phrases(suggestOpeners(lexicon, { part: 'operative', typed: 'Req ', previousOpeners: [] })),
    ).toEqual([]);
    expect(
      phrases(suggestOpeners(lexicon, { part: 'operative', typed: 'Also ', previousOpeners: [] })),
    ).toEqual(['Also requests']);
  });

  it('returns at most `limit` suggestions, the sequence one included', () => {
    const got = suggestOpeners(lexicon, {
      part: 'operative',
      typed: 'Req',
      previousOpeners: ['Requests'],
      limit: 2,
    });
    expect(phrases(got)).toEqual(['Also requests', 'Requests']);
    expect(
      suggestOpeners(lexicon, { part: 'operative', typed: 'Req', previousOpeners: [], limit: 0 }),
    ).toEqual([]);
  });

  it('throws on a limit that is not a non-negative integer', () => {
    expect(() =>
      suggestOpeners(lexicon, { part: 'operative', typed: '', previousOpeners: [], limit: -1 }),
    ).toThrow('suggestOpeners: limit must be a non-negative integer, got -1');
  });
});
