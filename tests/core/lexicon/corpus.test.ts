/** The lexicon over the real corpus: the counts read by hand (issue: the foundation). */
import { describe, expect, it } from 'vitest';
import { buildLexicon, findEntry } from '../../../src/core/lexicon/lexicon.ts';
import { suggestOpeners } from '../../../src/core/lexicon/query.ts';
import { nextOpener } from '../../../src/core/lexicon/sequence.ts';
import { corpus, corpusDocument } from '../../helpers/corpus.ts';

const lexicon = buildLexicon(corpus().documents);

describe('the lexicon of CTOC/COP/2012/15', () => {
  it('counts the operative openers of 6/1-6/4 as counted by hand (annex excluded)', () => {
    const count = (phrase: string) => findEntry(lexicon, phrase, 'operative')?.count;
    expect({
      Requests: count('Requests'),
      Urges: count('Urges'),
      'Also urges': count('Also urges'),
      'Further urges': count('Further urges'),
      Invites: count('Invites'),
    }).toEqual({
      Requests: 8,
      Urges: 6,
      'Also urges': 3,
      'Further urges': 2,
      Invites: 6,
    });
  });

  it('says where each opener is used, as delegates cite paragraphs', () => {
    expect(findEntry(lexicon, 'Urges', 'operative')?.sources.map((s) => s.label)).toContain('6/3 OP12');
    expect(findEntry(lexicon, 'Recognizing further', 'preamble')?.sources.map((s) => s.label)).toEqual([
      '6/1 PP14',
    ]);
    expect(findEntry(lexicon, 'Encourages', 'preamble')).toBeUndefined();
  });

  it('leaves out the annex and the decisions (recommendations and the report past tense)', () => {
    expect(findEntry(lexicon, 'Decided', 'operative')).toBeUndefined();
    const invites = findEntry(lexicon, 'Invites', 'operative')!;
    expect(invites.sources.every((s) => !s.label.startsWith('decision'))).toBe(true);
  });

  it('follows the also/further sequence the corpus shows in every run it has', () => {
    const ops = corpusDocument('resolution', '6/1').operative.map((p) => p.opener);
    expect(nextOpener(ops.slice(0, 4), 'Requests', 'operative')).toBe('Also requests');
    expect(nextOpener(ops.slice(0, 5), 'requests', 'operative')).toBe('Further requests');
    expect(nextOpener(ops.slice(0, 6), 'Requests', 'operative')).toBe('Further requests');
    const pre = corpusDocument('resolution', '6/1').preamble.map((p) => p.opener);
    expect(nextOpener(pre.slice(0, 12), 'Recognizing', 'preamble')).toBe('Recognizing also');
  });

  it('offers "Also requests" first when "Req" is typed right after a paragraph opening with "Requests"', () => {
    const [first] = suggestOpeners(lexicon, {
      part: 'operative',
      typed: 'Req',
      previousOpeners: ['Urges', 'Requests'],
    });
    expect(first?.phrase).toBe('Also requests');
    const second = suggestOpeners(lexicon, {
      part: 'operative',
      typed: 'Req',
      previousOpeners: ['Requests', 'Also requests'],
    });
    expect(second[0]?.phrase).toBe('Further requests');
  });
});
