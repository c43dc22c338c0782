import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../../src/core/corpus/types.ts';
import { deriveReferences, symbolKind } from '../../../src/core/references/derive.ts';
import type { InstrumentId } from '../../../src/core/references/instruments.ts';
import { COP_ORGAN } from '../../../src/core/references/types.ts';
import type { References } from '../../../src/core/references/types.ts';
import { fn, op, pre, res } from '../../helpers/builders.ts';
import { reportCorpus } from './corpus-fixture.ts';

function corpusOf(parts: Partial<Corpus>): Corpus {
  return {
    symbol: 'CTOC/COP/2012/15',
    documents: [],
    narrative: [],
    footnotes: [],
    diagnostics: [],
    ...parts,
  };
}

function instrument(refs: References, id: InstrumentId) {
  const found = refs.instruments.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function act(refs: References, kind: 'resolution' | 'decision', number: string, organ = COP_ORGAN) {
  return refs.acts.find((a) => a.kind === kind && a.number === number && a.organ === organ);
}

describe('deriveReferences', () => {
  const refs = deriveReferences(reportCorpus());

  describe('instrument sources, read from the footnotes after their titles', () => {
    it.each([
      ['organized-crime-convention', 'United Nations, Treaty Series, vol. 2225, No. 39574.'],
      ['trafficking-protocol', 'United Nations, Treaty Series, vol. 2237, No. 39574.'],
      ['smuggling-protocol', 'United Nations, Treaty Series, vol. 2241, No. 39574.'],
      ['firearms-protocol', 'United Nations, Treaty Series, vol. 2326, No. 39574.'],
      ['global-plan-trafficking', 'General Assembly resolution 64/293.'],
      ['tracing-instrument', 'A/60/88 and Corr.2, annex; see also General Assembly decision 60/519.'],
      ['firearms-model-law', 'United Nations publication, Sales No. E.11.V.9.'],
    ] as const)('gives %s the source "%s"', (id, source) => {
      expect(instrument(refs, id).source).toBe(source);
    });

    it('reads the Programme of Action source from footnote 11, locator included', () => {
      expect(instrument(refs, 'small-arms-programme').source).toBe(
        'Report of the United Nations Conference on the Illicit Trade in Small Arms and Light Weapons in All Its Aspects, New York, 9-20 July 2001 (A/CONF.192/15), chap. IV, para. 24.',
      );
    });

    it('credits a Protocol, not the Convention its title ends with, for the footnote after the Protocol title', () => {
      // 6/2 PP3 "...supplementing the United Nations Convention against Transnational Organized Crime,¹⁰"
      expect(instrument(refs, 'firearms-protocol').sourceFootnotes).toEqual([10, 14]);
      expect(instrument(refs, 'organized-crime-convention').sourceFootnotes).not.toContain(10);
    });

    it('follows Ibid. chains: footnote 16 "Ibid." after "Ibid., vol. 2225" counts for the Convention', () => {
      expect(instrument(refs, 'organized-crime-convention').sourceFootnotes).toEqual([3, 9, 15, 16, 19]);
      expect(instrument(refs, 'smuggling-protocol').sourceFootnotes).toEqual([17, 18]);
    });

    it('keeps where each title is footnoted as provenance', () => {
      expect(instrument(refs, 'smuggling-protocol').footnotedIn).toEqual([
        'resolution 6/3 PP1',
        'resolution 6/3 OP1',
      ]);
      expect(instrument(refs, 'firearms-model-law').footnotedIn).toEqual(['para. 78']);
    });

    it('recognizes the Trafficking Protocol title misprinted "Convention on Transnational" and records the misprint', () => {
      expect(instrument(refs, 'trafficking-protocol').sourceFootnotes).toEqual([6, 20]);
      const variant = refs.diagnostics.find((d) => d.code === 'reference-title-variant');
      expect(variant?.document).toBe('resolution 6/1');
      expect(variant?.message).toContain('Convention on Transnational Organized Crime');
    });

    it('gives the collective "Convention and the Protocols thereto" the four-volume source', () => {
      const group = refs.groups[0];
      expect(group?.source).toBe(
        'United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.',
      );
      expect(group?.sourceFootnotes).toEqual([1, 22, 23]);
    });

    it('prefers a single-volume source over a collective one footnoting the same title', () => {
      const corpus = corpusOf({
        documents: [
          res({
            number: '6/9',
            preamble: [
              pre('Recalling', 'the United Nations Convention against Transnational Organized Crime,{fn:a}'),
              pre(
                'Recalling also',
                'the United Nations Convention against Transnational Organized Crime,{fn:b}',
              ),
            ],
          }),
        ],
        footnotes: [
          fn('a', 'United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.', undefined, 1),
          fn('b', 'United Nations, Treaty Series, vol. 2225, No. 39574.', undefined, 2),
        ],
      });
      const convention = instrument(deriveReferences(corpus), 'organized-crime-convention');
      expect(convention.source).toBe('United Nations, Treaty Series, vol. 2225, No. 39574.');
      expect(convention.sourceFootnotes).toEqual([2]);
    });

    it('works out the Ibid. chain itself when the footnotes carry no resolved text', () => {
      const unresolved = deriveReferences(reportCorpus({ withResolved: false }));
      expect(instrument(unresolved, 'smuggling-protocol').source).toBe(
        'United Nations, Treaty Series, vol. 2241, No. 39574.',
      );
      expect(instrument(unresolved, 'organized-crime-convention').sourceFootnotes).toEqual([
        3, 9, 15, 16, 19,
      ]);
    });

    it('leaves the source empty for an instrument no footnote annotates', () => {
      const corpus = corpusOf({ documents: [res({ preamble: [pre('Noting', 'the Firearms Protocol,')] })] });
      const firearms = instrument(deriveReferences(corpus), 'firearms-protocol');
      expect(firearms.source).toBeUndefined();
      expect(firearms.sourceFootnotes).toEqual([]);
    });

    it('ignores a reference to a footnote the corpus does not have', () => {
      const corpus = corpusOf({
        documents: [
          res({
            preamble: [
              pre(
                'Noting',
                'the United Nations Convention against Transnational Organized Crime,{fn:missing}',
              ),
            ],
          }),
        ],
      });
      expect(instrument(deriveReferences(corpus), 'organized-crime-convention').source).toBeUndefined();
    });

    it('matches a footnote after a short title', () => {
      const corpus = corpusOf({
        documents: [
          res({
            number: '7/1',
            operative: [op('Urges', 'States to ratify the Firearms Protocol;{fn:x}', [], '1')],
          }),
        ],
        footnotes: [fn('x', 'United Nations, Treaty Series, vol. 2326, No. 39574.', undefined, 1)],
      });
      expect(instrument(deriveReferences(corpus), 'firearms-protocol').footnotedIn).toEqual([
        'resolution 7/1 OP1',
      ]);
    });
  });

  describe('resolutions and decisions cited', () => {
    it.each([
      ['resolution', '5/1', '2010-10-22', '22 October 2010'],
      ['resolution', '5/3', '2010-10-22', '22 October 2010'],
      ['resolution', '5/4', '2010-10-22', '22 October 2010'],
      ['resolution', '5/8', '2010-10-22', '22 October 2010'],
      ['decision', '4/3', '2008-10-17', '17 October 2008'],
      ['decision', '4/6', '2008-10-17', '17 October 2008'],
    ] as const)('dates %s %s as the corpus cites it', (kind, number, date, dateText) => {
      expect(act(refs, kind, number)).toMatchObject({ organ: COP_ORGAN, date, dateText });
    });

    it('dates both numbers of "Conference resolutions 5/1 and 5/8 of 22 October 2010"', () => {
      expect(act(refs, 'resolution', '5/8')?.citedIn).toEqual(['resolution 6/1 PP4']);
      expect(act(refs, 'resolution', '5/1')?.citedIn).toContain('resolution 6/1 PP4');
    });

    it('keeps the title printed after "entitled"', () => {
      expect(act(refs, 'resolution', '5/1')?.title).toBe(
        'Ensuring effective implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto',
      );
    });

    it('collects every place an act is cited, dated or not ("in its resolution 5/3,")', () => {
      expect(act(refs, 'resolution', '5/3')?.citedIn).toEqual([
        'resolution 6/3 PP2',
        'resolution 6/3 PP3',
        'resolution 6/3 OP19',
      ]);
    });

    it('records an undated citation without a date (decision 4/7, report para. 13)', () => {
      const d = act(refs, 'decision', '4/7');
      expect(d?.citedIn).toEqual(['para. 13']);
      expect(d?.date).toBeUndefined();
    });

    it('attributes "General Assembly resolution" and "the General Assembly in its resolution" to the Assembly', () => {
      expect(act(refs, 'resolution', '64/293', 'General Assembly')?.citedIn).toEqual([
        'para. 48',
        'footnote 2',
      ]);
      expect(act(refs, 'resolution', '64/293', COP_ORGAN)).toBeUndefined();
      expect(act(refs, 'decision', '60/519', 'General Assembly')?.citedIn).toEqual(['footnote 12']);
    });

    it("adds the corpus's own acts with their adoption date, draft and meeting", () => {
      expect(act(refs, 'resolution', '6/1')).toMatchObject({
        date: '2012-10-19',
        dateText: '19 October 2012',
        draftSymbol: 'CTOC/COP/2012/L.4/Rev.2',
        meeting: 10,
        citedIn: ['para. 40'],
      });
      expect(act(refs, 'decision', '6/1')?.title).toBe(
        'Provisional agenda for the seventh session of the Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
      );
    });

    it("lists the Conference's acts first, resolutions before decisions, by number", () => {
      const own = refs.acts.filter((a) => a.organ === COP_ORGAN).map((a) => `${a.kind} ${a.number}`);
      expect(own).toEqual([
        'resolution 5/1',
        'resolution 5/3',
        'resolution 5/4',
        'resolution 5/8',
        'resolution 6/1',
        'resolution 6/2',
        'resolution 6/3',
        'resolution 6/4',
        'decision 4/3',
        'decision 4/6',
        'decision 4/7',
        'decision 6/1',
      ]);
      expect(refs.acts.at(-1)?.organ).toBe('General Assembly');
    });

    it('reports two different dates for one act and keeps the first', () => {
      const corpus = corpusOf({
        documents: [
          res({
            number: '7/1',
            preamble: [
              pre('Recalling', 'its resolution 5/4 of 22 October 2010,'),
              pre('Recalling also', 'its resolution 5/4 of 22 October 2011,'),
            ],
          }),
        ],
      });
      const derived = deriveReferences(corpus);
      expect(act(derived, 'resolution', '5/4')?.dateText).toBe('22 October 2010');
      const conflict = derived.diagnostics.find((d) => d.code === 'act-date-conflict');
      expect(conflict?.message).toBe(
        'resolution 5/4 is dated 22 October 2011 in resolution 7/1 PP2 but 22 October 2010 in resolution 7/1 PP1.',
      );
    });
  });

  describe('documents cited by symbol', () => {
    function doc(symbol: string) {
      return refs.documents.find((d) => d.symbol === symbol);
    }

    it('describes a document from a chapter list item "(a) Description (SYMBOL);"', () => {
      expect(doc('CTOC/COP/2012/11')?.description).toBe(
        'Report of the Secretariat on the development of a digest of organized crime cases',
      );
    });

    it('splits a paragraph that runs the list items together', () => {
      expect(doc('CTOC/COP/2012/3')?.description).toBe(
        'Note by the Secretariat transmitting the recommendations adopted by the Working Group on Trafficking in Persons at its meeting held in Vienna from 10 to 12 October 2011',
      );
      expect(doc('CTOC/COP/2012/2')?.description).toMatch(/^Report of the Secretariat on the activities/);
    });

    it('does not cut a description at a colon inside quotation marks', () => {
      expect(doc('CTOC/COP/2012/CRP.5')?.description).toBe(
        'Non-paper by Mexico entitled "Chapultepec Consensus: establishment of the hemispheric approach for cooperation against transnational organized crime"',
      );
    });

    it('describes documents named after "had before it" and "adopted"', () => {
      expect(doc('CTOC/COP/2012/13')?.description).toBe(
        'Note by the Secretariat on financial and budgetary matters',
      );
      expect(doc('CTOC/COP/2012/L.4/Rev.2')?.description).toBe('Revised draft resolution');
      expect(doc('CTOC/COP/2012/L.1')?.description).toBe('Report on its sixth session');
      expect(doc('CTOC/COP/2012/CRP.7')?.description).toBe(
        'List of documents containing proposals submitted by the Secretariat and a proposal submitted by a Government',
      );
    });

    it('reads symbols from footnotes, the Ibid. ones included (footnotes 29 and 30 cite CRP.6)', () => {
      expect(doc('CTOC/COP/2012/CRP.6')?.citedIn).toEqual([
        'footnote 24',
        'footnote 26',
        'footnote 28',
        'footnote 29',
        'footnote 30',
      ]);
      expect(doc('CTOC/COP/WG.4/2011/8')?.citedIn).toEqual(['footnote 5']);
      expect(doc('A/CONF.192/15')?.description).toBe(
        'Report of the United Nations Conference on the Illicit Trade in Small Arms and Light Weapons in All Its Aspects, New York, 9-20 July 2001',
      );
    });

    it('reads both symbols of a joint document "CTOC/COP/WG.2/2012/5-CTOC/COP/WG.3/2012/6"', () => {
      expect(doc('CTOC/COP/WG.2/2012/5')?.citedIn).toEqual(['footnote 7']);
      expect(doc('CTOC/COP/WG.3/2012/6')?.citedIn).toEqual(['footnote 7']);
    });

    it('repairs "CTOP/COP/2012/14" to the CTOC series and records the misprint', () => {
      expect(doc('CTOP/COP/2012/14')).toBeUndefined();
      expect(doc('CTOC/COP/2012/14')?.printedAs).toEqual(['CTOP/COP/2012/14']);
      expect(refs.diagnostics.some((d) => d.code === 'document-symbol-typo')).toBe(true);
    });

    it('adds each adopted draft from the adoption metadata', () => {
      expect(doc('CTOC/COP/2012/L.9')?.citedIn).toEqual(['resolution 6/4 (draft adopted)']);
    });

    it('sorts symbols in natural order', () => {
      const cop2012 = refs.documents.map((d) => d.symbol).filter((s) => /^CTOC\/COP\/2012\/\d+$/.test(s));
      expect(cop2012).toEqual([
        'CTOC/COP/2012/2',
        'CTOC/COP/2012/3',
        'CTOC/COP/2012/6',
        'CTOC/COP/2012/7',
        'CTOC/COP/2012/11',
        'CTOC/COP/2012/13',
        'CTOC/COP/2012/14',
      ]);
    });
  });

  it('returns empty lists, not an error, for an empty corpus', () => {
    const empty = deriveReferences(corpusOf({}));
    expect(empty.acts).toEqual([]);
    expect(empty.documents).toEqual([]);
    expect(empty.instruments.every((i) => i.source === undefined)).toBe(true);
  });
});

describe('symbolKind', () => {
  it.each([
    ['CTOC/COP/2012/L.4/Rev.2', 'draft'],
    ['CTOC/COP/2012/CRP.1', 'conference-room-paper'],
    ['CTOC/COP/2012/INF/2/Rev.2', 'information'],
    ['CTOC/COP/WG.4/2011/8', 'working-group'],
    ['CTOC/COP/2012/7', 'document'],
  ] as const)('classifies %s as %s (DRAFTING-RULES.md section 4)', (symbol, kind) => {
    expect(symbolKind(symbol)).toBe(kind);
  });
});
