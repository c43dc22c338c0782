/**
 * What each line of the completion menu shows (src/editor/plugins/completion/options.ts) and which
 * instruments a draft has mentioned (mentions.ts), with the lexicon and references of the real corpus.
 */
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/core/lexicon/lexicon.ts';
import { suggestOpeners } from '../../src/core/lexicon/query.ts';
import { deriveReferences } from '../../src/core/references/derive.ts';
import type { InstrumentId } from '../../src/core/references/instruments.ts';
import { suggestReferences } from '../../src/core/references/lookup.ts';
import { mentionedInstruments } from '../../src/editor/plugins/completion/mentions.ts';
import {
  formatSources,
  openerOptions,
  referenceOptions,
} from '../../src/editor/plugins/completion/options.ts';
import { corpus } from '../helpers/corpus.ts';

const lexicon = buildLexicon(corpus().documents);
const references = deriveReferences(corpus());
const none = new Set<InstrumentId>();

const CONVENTION = 'United Nations Convention against Transnational Organized Crime';
const SMUGGLING = `Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the ${CONVENTION}`;

describe('formatSources', () => {
  const source = (label: string) => ({ document: '6/1', part: 'operative' as const, paragraph: 1, label });

  it('lists up to three uses and cuts the rest with "…"', () => {
    expect(formatSources([source('6/3 OP12')])).toBe('6/3 OP12');
    expect(formatSources(['a', 'b', 'c'].map(source))).toBe('a, b, c');
    expect(formatSources(['a', 'b', 'c', 'd'].map(source))).toBe('a, b, c …');
  });
});

describe('openerOptions', () => {
  it('shows the phrase, its count and where the corpus uses it, tagging the also/further form', () => {
    const options = openerOptions(
      suggestOpeners(lexicon, { part: 'operative', typed: 'Req', previousOpeners: ['Requests'] }),
    );
    expect(options[0]).toEqual({
      key: 'opener:Also requests',
      label: 'Also requests',
      count: '3×',
      detail: '6/1 OP5, 6/2 OP5, 6/2 OP13',
      tag: 'also/further',
      action: { kind: 'opener', phrase: 'Also requests' },
    });
    expect(options[1]).toMatchObject({
      label: 'Requests',
      count: '8×',
      detail: '6/1 OP4, 6/1 OP7, 6/1 OP13 …',
    });
    expect(options[1]?.tag).toBeUndefined();
  });

  it('says "not in the corpus" for a supplementary opener', () => {
    const supplementary = lexicon.entries.find((e) => !e.fromCorpus && e.part === 'operative');
    if (supplementary === undefined) throw new Error('the lexicon has no supplementary operative opener');
    const options = openerOptions(
      suggestOpeners(lexicon, { part: 'operative', typed: supplementary.phrase, previousOpeners: [] }),
    );
    expect(options.find((o) => o.label === supplementary.phrase)).toMatchObject({
      count: '0×',
      detail: 'not in the corpus',
    });
  });
});

describe('referenceOptions', () => {
  it('shows the title that will be written and the footnote it brings at a first mention', () => {
    const [first] = referenceOptions(suggestReferences(references, 'Smuggling', { mentioned: none }));
    expect(first).toMatchObject({
      label: `the ${SMUGGLING}`,
      detail: 'Footnote: United Nations, Treaty Series, vol. 2241, No. 39574.',
      tag: 'first mention',
    });
  });

  it('shows the short title, with the full title as detail, after the first mention', () => {
    const mentioned = new Set<InstrumentId>(['smuggling-protocol']);
    const [later] = referenceOptions(suggestReferences(references, 'Smuggling', { mentioned }));
    expect(later).toMatchObject({
      label: 'the Smuggling of Migrants Protocol',
      detail: SMUGGLING,
      tag: 'short title',
    });
  });

  it('shows an act with its citation and a document with its symbol and description', () => {
    const [act] = referenceOptions(suggestReferences(references, 'resolution 5/1', { mentioned: none }));
    expect(act).toMatchObject({ label: 'its resolution 5/1 of 22 October 2010', tag: 'resolution' });
    const [document] = referenceOptions(
      suggestReferences(references, 'CTOC/COP/2012/2', { mentioned: none }),
    );
    expect(document?.label).toBe('CTOC/COP/2012/2');
    expect(document?.detail).toMatch(/^Report of the Secretariat on the activities/);
  });

  it('gives every option of a list its own key', () => {
    const options = referenceOptions(suggestReferences(references, 'resolution 5', { mentioned: none }));
    expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
  });
});

describe('mentionedInstruments', () => {
  it('finds an instrument by its full title', () => {
    expect([...mentionedInstruments(references, `Recalling the ${CONVENTION},`)]).toEqual([
      'organized-crime-convention',
    ]);
  });

  it("does not count the Convention named inside a Protocol's title", () => {
    expect([...mentionedInstruments(references, `Welcoming the ${SMUGGLING},`)]).toEqual([
      'smuggling-protocol',
    ]);
  });

  it('counts "the Convention and the Protocols thereto" as the Convention\'s mention, and introduces the Protocols (6/1 PP2, PP5)', () => {
    const introduced = new Set<InstrumentId>();
    const found = mentionedInstruments(
      references,
      `the ${CONVENTION} and the Protocols thereto`,
      [],
      introduced,
    );
    expect([...found]).toEqual(['organized-crime-convention']);
    expect([...introduced].sort()).toEqual([
      'firearms-protocol',
      'organized-crime-convention',
      'smuggling-protocol',
      'trafficking-protocol',
    ]);
    expect([...mentionedInstruments(references, '', ['convention-and-protocols'])]).toEqual([
      'organized-crime-convention',
    ]);
  });

  it('finds a title broken across lines, and marked references by id', () => {
    expect(
      mentionedInstruments(references, CONVENTION.replace('against ', 'against\n')).has(
        'organized-crime-convention',
      ),
    ).toBe(true);
    expect([...mentionedInstruments(references, 'the Firearms Protocol', ['firearms-protocol'])]).toEqual([
      'firearms-protocol',
    ]);
  });

  it('does not count a short title as a first mention', () => {
    expect(mentionedInstruments(references, 'the Smuggling of Migrants Protocol').size).toBe(0);
  });
});
