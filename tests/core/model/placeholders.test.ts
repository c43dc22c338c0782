import { describe, expect, it } from 'vitest';
import {
  findPlaceholders,
  hasPlaceholders,
  PLACEHOLDER_PATTERN,
  placeholder,
} from '../../../src/core/model/placeholders.ts';
import { annex, fn, op, pre, res, sub } from '../../helpers/builders.ts';
import { corpus } from '../../helpers/corpus.ts';

describe('PLACEHOLDER_PATTERN', () => {
  const matches = (text: string): string[] => [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[0]);

  it('finds each placeholder between single guillemets, guillemets included', () => {
    expect(matches('its resolution ‹number› of ‹date›,')).toEqual(['‹number›', '‹date›']);
  });

  it('does not take empty guillemets, a line break or a nested guillemet as a placeholder', () => {
    expect(matches('‹› and ‹one\ntwo› and ‹outer ‹inner››')).toEqual(['‹inner›']);
  });

  it('does not take double guillemets or quotation marks', () => {
    expect(matches('«Title» and "Title"')).toEqual([]);
  });
});

describe('placeholder', () => {
  it('wraps a label in single guillemets', () => {
    expect(placeholder('title')).toBe('‹title›');
  });
});

describe('findPlaceholders', () => {
  it('lists placeholders in reading order: masthead, title, formula, preamble, operative, annex, footnotes', () => {
    const doc = res({
      title: '‹Title›',
      formula: 'The Conference of the Parties, taking into account ‹rule›:',
      metadata: {
        symbol: 'CTOC/COP/‹year›/L.1',
        session: '‹Ordinal› session',
        sponsors: ['Mexico', '‹Sponsor›'],
      },
      preamble: [pre('Recalling', 'its resolution ‹number› of ‹date›,')],
      operative: [
        op('‹Verb›', 'the Secretariat to ‹act›:', [sub('‹first›;', [sub('‹deeper›;')]), sub('to report.')]),
      ],
      annex: annex('‹Annex title›', [sub('‹item›;', [sub('‹item detail›.')])], '‹intro›'),
      footnotes: [fn('f1', '‹symbol›.')],
    });
    expect(findPlaceholders(doc)).toEqual([
      { part: 'metadata', field: 'symbol', text: '‹year›', offset: 'CTOC/COP/'.length },
      { part: 'metadata', field: 'session', text: '‹Ordinal›', offset: 0 },
      { part: 'metadata', field: 'sponsors[1]', text: '‹Sponsor›', offset: 0 },
      { part: 'title', text: '‹Title›', offset: 0 },
      {
        part: 'formula',
        text: '‹rule›',
        offset: 'The Conference of the Parties, taking into account '.length,
      },
      {
        part: 'preamble',
        paragraph: 0,
        field: 'content',
        text: '‹number›',
        offset: 'its resolution '.length,
      },
      {
        part: 'preamble',
        paragraph: 0,
        field: 'content',
        text: '‹date›',
        offset: 'its resolution ‹number› of '.length,
      },
      { part: 'operative', paragraph: 0, field: 'opener', text: '‹Verb›', offset: 0 },
      {
        part: 'operative',
        paragraph: 0,
        field: 'content',
        text: '‹act›',
        offset: 'the Secretariat to '.length,
      },
      { part: 'operative', paragraph: 0, field: 'subparagraphs[0].content', text: '‹first›', offset: 0 },
      {
        part: 'operative',
        paragraph: 0,
        field: 'subparagraphs[0].subparagraphs[0].content',
        text: '‹deeper›',
        offset: 0,
      },
      { part: 'annex', field: 'title', text: '‹Annex title›', offset: 0 },
      { part: 'annex', field: 'intro', text: '‹intro›', offset: 0 },
      { part: 'annex', field: 'items[0].content', text: '‹item›', offset: 0 },
      { part: 'annex', field: 'items[0].subparagraphs[0].content', text: '‹item detail›', offset: 0 },
      { part: 'footnote', paragraph: 0, field: 'content', text: '‹symbol›', offset: 0 },
    ]);
  });

  it('gives offsets in the plain text of the field, with footnote references left out', () => {
    const doc = res({
      preamble: [pre('Noting', 'the Convention,{fn:f1} and ‹more›,')],
      footnotes: [fn('f1', 'x')],
    });
    const [found] = findPlaceholders(doc);
    expect(found?.offset).toBe('the Convention, and '.length);
  });

  it('finds a placeholder that italics split into two runs', () => {
    const doc = res({ preamble: [pre('Noting', 'the ‹*Treaty* title›,')] });
    expect(findPlaceholders(doc).map((p) => p.text)).toEqual(['‹Treaty title›']);
  });

  it('finds none in the adopted texts of the corpus', () => {
    for (const doc of corpus().documents) expect(findPlaceholders(doc)).toEqual([]);
  });
});

describe('hasPlaceholders', () => {
  it('is true when one placeholder is left, wherever it is', () => {
    expect(hasPlaceholders(res({ footnotes: [fn('f1', '‹symbol›.')] }))).toBe(true);
    expect(hasPlaceholders(res({ metadata: { agendaItemTitle: '‹title›' } }))).toBe(true);
  });

  it('is false when every placeholder has been filled', () => {
    expect(hasPlaceholders(res({ title: 'Implementation of the Convention' }))).toBe(false);
  });
});
