import { describe, expect, it } from 'vitest';
import { buildLexicon, findEntry } from '../../../src/core/lexicon/lexicon.ts';
import { SUPPLEMENTARY_OPENERS } from '../../../src/core/lexicon/supplementary.ts';
import { decomposeOpener } from '../../../src/core/lexicon/sequence.ts';
import { annex, op, pre, res, sub } from '../../helpers/builders.ts';

/** A resolution shaped like 6/1: a Recognizing run in the preamble, a Requests run in the operative part. */
const sixOne = res({
  number: '6/1',
  preamble: [
    pre('Recalling', 'its resolution 5/1 of 22 October 2010,'),
    pre('Mindful', 'of the importance of promoting universal ratification,'),
    pre('Recognizing', 'that the Convention offers expanded opportunities,'),
    pre('Recognizing also', 'that technical assistance is essential,'),
    pre('Recognizing further', 'the need for accurate information,'),
  ],
  operative: [
    op('Notes with appreciation', 'that the number of parties has reached one hundred and seventy-two;'),
    op('Requests', 'the United Nations Office on Drugs and Crime to strengthen data collection;'),
    op('Also requests', 'the Office to continue raising awareness;'),
    op('Further requests', 'the Office to brief Member States;'),
    op('Requests', 'the Office to continue providing technical assistance;'),
    op('Urges', 'States parties to make adequate voluntary contributions;'),
    op('Also urges', 'States parties to promote a strategic response;'),
    op('Invites', 'Member States and other donors to provide extrabudgetary resources.'),
  ],
});

/** Shaped like 6/3's operative part, with an opener the reader did not recognize (''). */
const sixThree = res({
  number: '6/3',
  preamble: [pre('Recalling', 'article 32 of the Convention,'), pre('Recalling also', 'its resolution 5/3,')],
  operative: [
    op('Urges', 'Member States to consider ratifying the Protocol;'),
    op('Calls upon', 'States parties to continue to review their legislation;'),
    op('', 'an unreadable paragraph;'),
    op('requests', 'the Secretariat to continue to assist the Working Group;'),
    op('Invites', 'Member States and other donors to provide extrabudgetary resources.'),
  ],
});

/** Shaped like 6/4: its annex holds a working group's recommendations, which must not count. */
const sixFour = res({
  number: '6/4',
  preamble: [pre('Noting', 'that technical assistance is a fundamental part of the work,')],
  operative: [op('Endorses', 'the recommendations annexed to the present resolution;')],
  annex: annex('Recommendations', [
    sub('Encourages States to develop strategies;'),
    sub('Requests the Secretariat;'),
  ]),
});

/** A decision in the report's past tense, which must not count either. */
const decision = res({
  kind: 'decision',
  number: '6/2',
  operative: [op('Decided', 'that the seventh session should take place over five working days;')],
});

const corpusOnly = buildLexicon([sixOne, sixThree, sixFour, decision], { supplementary: [] });

describe('buildLexicon', () => {
  it('counts each opener per part over all resolutions, case-insensitively', () => {
    expect(findEntry(corpusOnly, 'Requests', 'operative')?.count).toBe(3);
    expect(findEntry(corpusOnly, 'Urges', 'operative')?.count).toBe(2);
    expect(findEntry(corpusOnly, 'Invites', 'operative')?.count).toBe(2);
    expect(findEntry(corpusOnly, 'Recalling', 'preamble')?.count).toBe(2);
  });

  it('keeps the first printed form of an opener seen in several cases', () => {
    expect(findEntry(corpusOnly, 'REQUESTS', 'operative')?.phrase).toBe('Requests');
  });

  it('records where each use occurs, labelled as delegates cite paragraphs', () => {
    expect(findEntry(corpusOnly, 'Requests', 'operative')?.sources).toEqual([
      { document: '6/1', part: 'operative', paragraph: 2, label: '6/1 OP2' },
      { document: '6/1', part: 'operative', paragraph: 5, label: '6/1 OP5' },
      { document: '6/3', part: 'operative', paragraph: 4, label: '6/3 OP4' },
    ]);
    expect(findEntry(corpusOnly, 'Recognizing further', 'preamble')?.sources.map((s) => s.label)).toEqual([
      '6/1 PP5',
    ]);
  });

  it('keeps the also/further forms as entries of their own, with their base and step', () => {
    expect(findEntry(corpusOnly, 'Also urges', 'operative')).toMatchObject({
      phrase: 'Also urges',
      count: 1,
      base: 'Urges',
      step: 'also',
      fromCorpus: true,
    });
    expect(findEntry(corpusOnly, 'Recognizing further', 'preamble')).toMatchObject({
      base: 'Recognizing',
      step: 'further',
    });
  });

  it('keeps the parts apart: an opener of the preamble is not an operative entry', () => {
    expect(findEntry(corpusOnly, 'Recalling', 'operative')).toBeUndefined();
    expect(findEntry(corpusOnly, 'Requests', 'preamble')).toBeUndefined();
  });

  it('leaves out decisions, annexes and paragraphs without an opener', () => {
    const phrases = corpusOnly.entries.map((e) => e.phrase);
    expect(phrases).not.toContain('Decided');
    expect(phrases).not.toContain('Encourages');
    expect(phrases).not.toContain('');
    const total = corpusOnly.entries.reduce((sum, e) => sum + e.count, 0);
    // 5 + 8 (6/1) + 2 + 4 of 5 (6/3, one without opener) + 1 + 1 (6/4, annex excluded)
    expect(total).toBe(21);
  });

  it('sorts entries by count descending, then by phrase', () => {
    const heads = corpusOnly.entries.slice(0, 5).map((e) => `${e.phrase} ${e.count}`);
    expect(heads).toEqual(['Requests 3', 'Invites 2', 'Recalling 2', 'Urges 2', 'Also requests 1']);
  });

  it('names a document without a number by its position', () => {
    const lexicon = buildLexicon([res({ operative: [op('Decides', 'to continue;')] })], {
      supplementary: [],
    });
    expect(findEntry(lexicon, 'Decides', 'operative')?.sources[0]?.label).toBe('document 1 OP1');
  });
});

describe('buildLexicon with supplementary openers', () => {
  const lexicon = buildLexicon([sixOne, sixThree, sixFour]);

  it('adds UN openers the corpus lacks, marked as not from the corpus, with no count', () => {
    expect(findEntry(lexicon, 'Condemns', 'operative')).toMatchObject({
      phrase: 'Condemns',
      count: 0,
      sources: [],
      fromCorpus: false,
      base: 'Condemns',
      step: 'plain',
    });
    expect(findEntry(lexicon, 'Bearing in mind', 'preamble')?.fromCorpus).toBe(false);
  });

  it('does not duplicate an opener the corpus has, which keeps its count and sources', () => {
    const requests = lexicon.entries.filter(
      (e) => e.part === 'operative' && e.phrase.toLowerCase() === 'requests',
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ count: 3, fromCorpus: true });
  });

  it('treats "Takes note of" in the corpus as the supplementary "Takes note"', () => {
    const withOf = buildLexicon([
      res({ number: '6/2', operative: [op('Takes note of', 'the information;')] }),
    ]);
    const takesNote = withOf.entries.filter(
      (e) => e.part === 'operative' && e.base.startsWith('Takes note') && e.step === 'plain',
    );
    expect(takesNote.map((e) => e.phrase)).toEqual([
      'Takes note of',
      'Takes note with appreciation',
      'Takes note with interest',
    ]);
  });

  it('ranks every corpus entry above every supplementary one', () => {
    const firstSupplementary = lexicon.entries.findIndex((e) => !e.fromCorpus);
    expect(firstSupplementary).toBeGreaterThan(0);
    expect(lexicon.entries.slice(firstSupplementary).every((e) => !e.fromCorpus)).toBe(true);
  });
});

describe('SUPPLEMENTARY_OPENERS', () => {
  it('lists only plain openers, since the sequence forms come from the rule', () => {
    const notPlain = SUPPLEMENTARY_OPENERS.filter((o) => decomposeOpener(o.phrase).step !== 'plain');
    expect(notPlain).toEqual([]);
  });

  it('lists each opener once per part', () => {
    const keys = SUPPLEMENTARY_OPENERS.map((o) => `${o.part}:${o.phrase.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
