import { describe, expect, it } from 'vitest';
import { citationRuns, exportFootnotes, footnoteText } from '../../../../src/core/export/docx/footnotes.ts';
import { inlineText } from '../../../../src/core/model/inline.ts';
import { corpusDocument } from '../../../helpers/corpus.ts';
import { fn, pre, res } from '../../../helpers/builders.ts';

const TS_2225 = 'United Nations, Treaty Series, vol. 2225, No. 39574.';
const TS_2326 = 'United Nations, Treaty Series, vol. 2326, No. 39574.';

describe('footnoteText', () => {
  it('writes the full source for the first note', () => {
    expect(footnoteText(TS_2225, undefined, '2012')).toBe(TS_2225);
  });

  it('writes "Ibid." when a note repeats the source of the note before it (2012 practice)', () => {
    expect(footnoteText(TS_2225, TS_2225, '2012')).toBe('Ibid.');
  });

  it('writes the identical full text for a repetition under the current Editorial Manual', () => {
    expect(footnoteText(TS_2225, TS_2225, 'current')).toBe(TS_2225);
  });

  it('writes "Ibid., vol. 2326, No. 39574." for the same work at another place, under either rule', () => {
    expect(footnoteText(TS_2326, TS_2225, '2012')).toBe('Ibid., vol. 2326, No. 39574.');
    expect(footnoteText(TS_2326, TS_2225, 'current')).toBe('Ibid., vol. 2326, No. 39574.');
  });

  it('writes the full source when the work differs', () => {
    expect(footnoteText('General Assembly resolution 64/293.', TS_2225, '2012')).toBe(
      'General Assembly resolution 64/293.',
    );
  });
});

describe('citationRuns', () => {
  it('puts the Treaty Series in italics and nothing else (DRAFTING-RULES.md section 8)', () => {
    expect(citationRuns(TS_2225)).toEqual([
      { type: 'text', text: 'United Nations, ' },
      { type: 'text', text: 'Treaty Series', italic: true },
      { type: 'text', text: ', vol. 2225, No. 39574.' },
    ]);
  });
});

describe('exportFootnotes', () => {
  it('numbers the notes of an exported document from 1, whatever the report numbered them', () => {
    const notes = exportFootnotes(corpusDocument('resolution', '6/3'));
    expect(notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('writes the first note of resolution 6/3 in full although the report prints "Ibid." (chained from 6/2)', () => {
    const [first, second, third] = exportFootnotes(corpusDocument('resolution', '6/3'));
    expect(inlineText(first?.content ?? [])).toBe(TS_2225);
    expect(inlineText(second?.content ?? [])).toBe('Ibid., vol. 2241, No. 39574.');
    expect(inlineText(third?.content ?? [])).toBe('Ibid.');
  });

  it('keeps the corpus text of 6/1 where it already stands alone ("Ibid., vols. 2237, 2241 and 2326, No. 39574.")', () => {
    const notes = exportFootnotes(corpusDocument('resolution', '6/1'));
    expect(notes.map((n) => inlineText(n.content))).toEqual([
      'United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.',
      'General Assembly resolution 64/293.',
      TS_2225,
      'Ibid., vols. 2237, 2241 and 2326, No. 39574.',
      'CTOC/COP/WG.4/2011/8, paras. 46-51.',
      'United Nations, Treaty Series, vol. 2237, No. 39574.',
      'To be issued as CTOC/COP/WG.2/2012/5-CTOC/COP/WG.3/2012/6.',
      'CTOC/COP/2012/7.',
    ]);
  });

  it('orders notes by reference, not by their order in the footnote list', () => {
    const doc = res({
      preamble: [pre('Recalling', 'the Convention,{fn:b}'), pre('Noting', 'the Protocol,{fn:a}')],
      footnotes: [fn('a', TS_2326), fn('b', TS_2225)],
    });
    expect(exportFootnotes(doc).map((n) => [n.footnoteId, inlineText(n.content)])).toEqual([
      ['b', TS_2225],
      ['a', 'Ibid., vol. 2326, No. 39574.'],
    ]);
  });

  it('gives a footnote referred to twice a note for each reference, the second "Ibid." under 2012 practice', () => {
    const doc = res({
      metadata: { footnoteRule: '2012' },
      preamble: [pre('Recalling', 'the Convention,{fn:a}'), pre('Noting', 'the Convention,{fn:a}')],
      footnotes: [fn('a', TS_2225)],
    });
    expect(exportFootnotes(doc).map((n) => inlineText(n.content))).toEqual([TS_2225, 'Ibid.']);
    expect(exportFootnotes(doc, 'current').map((n) => inlineText(n.content))).toEqual([TS_2225, TS_2225]);
  });

  it('expands a draft\'s "Ibid." from its resolved source before deciding afresh', () => {
    const doc = res({
      preamble: [pre('Recalling', 'the Protocol,{fn:a}')],
      footnotes: [fn('a', 'Ibid., vol. 2326, No. 39574.', TS_2326)],
    });
    expect(exportFootnotes(doc).map((n) => inlineText(n.content))).toEqual([TS_2326]);
  });
});
