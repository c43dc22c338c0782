/**
 * `words()` is a hand-written scanner (similarity.ts: the regular expression after the typography fold
 * was the library's slowest step); `referenceWords()` is its definition (fold, lower-case, match). The
 * two must agree on every text, or the index and the comparison would read one paragraph two ways:
 * random text made of the marks printed documents carry, and every paragraph of the shipped library.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedPack } from '../../../src/cli/library-build.ts';
import { referenceWords, words } from '../../../src/core/compare/similarity.ts';
import { inlineText } from '../../../src/core/model/inline.ts';
import { documentEntries } from '../../../src/core/library/search-index.ts';

/** What a printed resolution puts between and inside its words. */
const MARKS = {
  letters: [
    'a',
    'b',
    'e',
    'r',
    's',
    'T',
    'Z',
    'é',
    'ü',
    'ñ',
    'ç',
    'Å',
    'ø',
    'ß',
    'ẞ',
    'İ',
    'ı',
    'Σ',
    'ς',
    'ж',
    'ك',
    '中',
  ],
  digits: ['0', '1', '6', '9', '٣', '²', '½'],
  joiners: ["'", '.', '/', '-', ',', ';', ':', '(', ')', '"'],
  quotes: [
    '\u2018',
    '\u2019',
    '\u201a',
    '\u201b',
    '\u02bc',
    '\u2039',
    '\u203a',
    '\u201c',
    '\u201d',
    '\u201e',
    '\u00ab',
    '\u00bb',
  ],
  hyphens: ['\u2010', '\u2011', '\u2012', '\u2212', '\u2013', '\u2014', '\u2015'],
  ligatures: ['\ufb00', '\ufb01', '\ufb02', '\ufb03', '\ufb04', '\ufb05', '\ufb06'],
  invisible: ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'],
  spaces: [' ', ' ', '\u00a0', '\u202f', '\u2009', '\t', '\n', '\u2003'],
  other: ['\u2026', '*', '§', '€', '\u0301', '😀', '𝐀', '\ud835'],
} as const;

const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...MARKS.letters), weight: 12 },
  { arbitrary: fc.constantFrom(...MARKS.digits), weight: 3 },
  { arbitrary: fc.constantFrom(...MARKS.joiners), weight: 4 },
  { arbitrary: fc.constantFrom(...MARKS.quotes), weight: 3 },
  { arbitrary: fc.constantFrom(...MARKS.hyphens), weight: 3 },
  { arbitrary: fc.constantFrom(...MARKS.ligatures), weight: 2 },
  { arbitrary: fc.constantFrom(...MARKS.invisible), weight: 1 },
  { arbitrary: fc.constantFrom(...MARKS.spaces), weight: 5 },
  { arbitrary: fc.constantFrom(...MARKS.other), weight: 1 },
  {
    arbitrary: fc.constantFrom('Secretary', 'General', 'States', 'CTOC/COP/2012/15', '6/1', 'A/RES/79/1'),
    weight: 3,
  },
);

/** Texts made of those marks, and the same with none of the characters that send words() to the definition. */
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const fastPathText = text.map((t) =>
  t.replace(/[\u00ad\u200b-\u200d\u2060\ufeff\ufb00-\ufb06\ud800-\udfff\u03a3]/g, ''),
);

describe('words', () => {
  it('reads random text with curly quotes, hyphens and dashes of every kind, accents, ligatures and soft hyphens as referenceWords does', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(words(t)).toEqual(referenceWords(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with referenceWords on text its own scanner reads (no invisible characters, ligatures or astral characters)', () => {
    fc.assert(
      fc.property(fastPathText, (t) => {
        expect(words(t)).toEqual(referenceWords(t));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['Secretary\u2011General', ['secretary-general']],
    ['Committee\u2019s', ["committee's"]],
    ['2019\u20132020', ['2019-2020']],
    ['States \u2013 parties', ['states', 'parties']],
    ['\ufb01nancing', ['financing']],
    ['imple\u00admentation', ['implementation']],
    ['‘quoted’ words', ['quoted', 'words']],
    ['A/RES/79/1, para. 3', ['a/res/79/1', 'para', '3']],
  ])('reads %j as %j', (input, expected) => {
    expect(words(input)).toEqual(expected);
    expect(referenceWords(input)).toEqual(expected);
  });

  it('agrees with referenceWords on every paragraph, title and footnote of the shipped library', () => {
    const pack = loadShippedPack();
    let texts = 0;
    const disagreements: string[] = [];
    const check = (t: string): void => {
      texts++;
      const a = words(t);
      const b = referenceWords(t);
      if (a.length !== b.length || a.some((w, k) => w !== b[k])) disagreements.push(t);
    };
    for (const { doc } of pack.documents) {
      check(doc.title);
      for (const unit of documentEntries(doc)) check(unit.text);
      for (const f of doc.footnotes) check(inlineText(f.content));
    }
    expect(texts).toBeGreaterThan(45_000);
    expect(disagreements).toEqual([]);
  }, 120_000);
});
