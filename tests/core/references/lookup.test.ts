import { describe, expect, it } from 'vitest';
import { deriveReferences } from '../../../src/core/references/derive.ts';
import type { InstrumentId } from '../../../src/core/references/instruments.ts';
import {
  citeAct,
  findAct,
  footnoteContent,
  footnoteForInstrument,
  suggestReferences,
} from '../../../src/core/references/lookup.ts';
import type {
  ActSuggestion,
  DocumentSuggestion,
  InstrumentSuggestion,
  ReferenceSuggestion,
  SuggestionContext,
} from '../../../src/core/references/lookup.ts';
import { reportCorpus } from './corpus-fixture.ts';

const refs = deriveReferences(reportCorpus());
const fresh: SuggestionContext = { mentioned: new Set<InstrumentId>() };

function instruments(list: readonly ReferenceSuggestion[]): InstrumentSuggestion[] {
  return list.filter((s): s is InstrumentSuggestion => s.kind === 'instrument');
}
function acts(list: readonly ReferenceSuggestion[]): ActSuggestion[] {
  return list.filter((s): s is ActSuggestion => s.kind === 'act');
}
function documents(list: readonly ReferenceSuggestion[]): DocumentSuggestion[] {
  return list.filter((s): s is DocumentSuggestion => s.kind === 'document');
}

describe('suggestReferences', () => {
  describe('instruments', () => {
    it('offers the Smuggling of Migrants Protocol for "Smuggling", full title and footnote at a first mention', () => {
      const [first] = instruments(suggestReferences(refs, 'Smuggling', fresh));
      expect(first?.id).toBe('smuggling-protocol');
      expect(first?.firstMention).toBe(true);
      expect(first?.insert).toBe(
        'the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime',
      );
      expect(first?.footnote).toEqual([
        { type: 'text', text: 'United Nations, ' },
        { type: 'text', text: 'Treaty Series', italic: true },
        { type: 'text', text: ', vol. 2241, No. 39574.' },
      ]);
    });

    it('offers the short title, without a footnote, once the instrument has been mentioned', () => {
      const [first] = instruments(
        suggestReferences(refs, 'Smuggling', { mentioned: new Set<InstrumentId>(['smuggling-protocol']) }),
      );
      expect(first?.label).toBe('the Smuggling of Migrants Protocol');
      expect(first?.insert).toBe('the Smuggling of Migrants Protocol');
      expect(first?.firstMention).toBe(false);
      expect(first?.footnote).toBeUndefined();
    });

    it('puts the Firearms Protocol first for "Firearms Protocol", ahead of the Model Law', () => {
      const ids = instruments(suggestReferences(refs, 'Firearms Protocol', fresh)).map((s) => s.id);
      expect(ids[0]).toBe('firearms-protocol');
      expect(ids).not.toContain('firearms-model-law');
    });

    it('offers both the Protocol and the Model Law for "Firearms"', () => {
      const ids = instruments(suggestReferences(refs, 'Firearms', fresh)).map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining(['firearms-protocol', 'firearms-model-law']));
    });

    it('knows the Convention by its common names "Palermo Convention" and "UNTOC"', () => {
      for (const typed of ['Palermo Convention', 'untoc']) {
        const [first] = instruments(suggestReferences(refs, typed, fresh));
        expect(first?.id).toBe('organized-crime-convention');
        expect(first?.insert).toBe('the United Nations Convention against Transnational Organized Crime');
      }
    });

    it('offers every short title of the Convention after its first mention', () => {
      const mentioned = { mentioned: new Set<InstrumentId>(['organized-crime-convention']) };
      const labels = instruments(suggestReferences(refs, 'Convention', mentioned))
        .filter((s) => s.id === 'organized-crime-convention')
        .map((s) => s.label);
      expect(labels).toEqual(['the Convention', 'the Organized Crime Convention']);
    });

    it('offers the collective phrase with the four-volume footnote until the Convention is named', () => {
      const group = instruments(suggestReferences(refs, 'Protocols thereto', fresh)).find(
        (s) => s.id === 'convention-and-protocols',
      );
      expect(group?.insert).toBe(
        'the United Nations Convention against Transnational Organized Crime and the Protocols thereto',
      );
      expect(group?.mentions).toHaveLength(4);
      expect(group?.titles).toEqual(['organized-crime-convention']);
      expect(group?.detail).toBe(
        'United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.',
      );
    });

    it('does not take a group mention for the first mention of each Protocol (resolution 6/1 PP2, PP5)', () => {
      // After PP2's "the United Nations Convention ... and the Protocols thereto", footnoted with all
      // four volumes: the Convention takes its short title, a Protocol its full title and no footnote.
      const afterGroup = {
        mentioned: new Set<InstrumentId>(['organized-crime-convention']),
        introduced: new Set<InstrumentId>([
          'organized-crime-convention',
          'trafficking-protocol',
          'smuggling-protocol',
          'firearms-protocol',
        ]),
      };
      const [trafficking] = instruments(
        suggestReferences(refs, 'Trafficking in Persons Protocol', afterGroup),
      );
      expect(trafficking?.id).toBe('trafficking-protocol');
      expect(trafficking?.firstMention).toBe(true);
      expect(trafficking?.insert).toBe(
        'the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime',
      );
      expect(trafficking?.footnote).toBeUndefined();
      const [convention] = instruments(suggestReferences(refs, 'Convention', afterGroup));
      expect(convention?.label).toBe('the Convention');
      const group = instruments(suggestReferences(refs, 'Protocols thereto', afterGroup)).find(
        (s) => s.id === 'convention-and-protocols',
      );
      expect(group?.insert).toBe('the Convention and the Protocols thereto');
    });

    it('does not double the article typed before the query or typed in it', () => {
      const afterThe = instruments(
        suggestReferences(refs, 'Firearms Protocol', { ...fresh, before: 'acceding to the ' }),
      );
      expect(afterThe[0]?.insert).toMatch(/^Protocol against the Illicit/);
      const typedThe = instruments(suggestReferences(refs, 'The Firearms Protocol', fresh));
      expect(typedThe[0]?.insert).toMatch(/^The Protocol against the Illicit/);
    });

    it('offers no footnote for an instrument whose source the corpus does not give', () => {
      const bare = { ...refs, instruments: refs.instruments.map((i) => ({ ...i, source: undefined })) };
      const [first] = instruments(suggestReferences(bare, 'Model Law', fresh));
      expect(first?.id).toBe('firearms-model-law');
      expect(first?.footnote).toBeUndefined();
    });

    it('offers nothing for a single letter or an unknown name', () => {
      expect(suggestReferences(refs, 'F', fresh)).toEqual([]);
      expect(suggestReferences(refs, 'Kyoto Protocol', fresh)).toEqual([]);
    });
  });

  describe('resolutions and decisions', () => {
    it('completes "resolution 5/1" to "its resolution 5/1 of 22 October 2010", then the form with its title', () => {
      const list = acts(suggestReferences(refs, 'resolution 5/1', fresh));
      expect(list.map((s) => s.insert)).toEqual([
        'its resolution 5/1 of 22 October 2010',
        'its resolution 5/1 of 22 October 2010, entitled "Ensuring effective implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto"',
      ]);
    });

    it('completes a bare number "5/1" and a session prefix "resolution 5"', () => {
      expect(acts(suggestReferences(refs, '5/1', fresh))[0]?.insert).toBe(
        'its resolution 5/1 of 22 October 2010',
      );
      const session5 = acts(suggestReferences(refs, 'resolution 5', fresh)).filter((s) => !s.withTitle);
      expect(session5.map((s) => s.act.number)).toEqual(['5/1', '5/3', '5/4', '5/8']);
    });

    it('completes decisions: "decision 4/6" → "its decision 4/6 of 17 October 2008"', () => {
      expect(acts(suggestReferences(refs, 'decision 4/6', fresh)).map((s) => s.insert)).toEqual([
        'its decision 4/6 of 17 October 2008',
      ]);
    });

    it('keeps "Conference resolution" when typed (6/3 OP19) and drops "its" already written', () => {
      expect(acts(suggestReferences(refs, 'Conference resolution 5/3', fresh))[0]?.insert).toBe(
        'Conference resolution 5/3 of 22 October 2010',
      );
      expect(
        acts(suggestReferences(refs, 'resolution 5/3', { ...fresh, before: 'Recalling also its ' }))[0]
          ?.insert,
      ).toBe('resolution 5/3 of 22 October 2010');
    });

    it("cites another organ's resolution by its name", () => {
      expect(acts(suggestReferences(refs, '64/293', fresh))[0]?.insert).toBe(
        'General Assembly resolution 64/293',
      );
    });
  });

  describe('document symbols', () => {
    it('completes symbols by prefix, in natural order, with their description', () => {
      const list = documents(suggestReferences(refs, 'CTOC/COP/2012/1', { ...fresh, limit: 20 }));
      expect(list.map((s) => s.insert)).toEqual(['CTOC/COP/2012/11', 'CTOC/COP/2012/13', 'CTOC/COP/2012/14']);
      expect(list[0]?.detail).toBe(
        'Report of the Secretariat on the development of a digest of organized crime cases',
      );
    });

    it('finds a symbol from one of its parts ("CRP.6") and case-insensitively', () => {
      expect(documents(suggestReferences(refs, 'crp.6', fresh)).map((s) => s.insert)).toEqual([
        'CTOC/COP/2012/CRP.6',
      ]);
    });
  });

  it('returns at most `limit` suggestions', () => {
    expect(suggestReferences(refs, 'CTOC/COP', { ...fresh, limit: 3 })).toHaveLength(3);
  });

  it('answers from a precomputed index: repeated calls do not read the references again', () => {
    // The point is to catch rebuilding the index per keystroke: counted, not timed (a timed bound
    // fails by chance on a busy machine).
    let reads = 0;
    const counted = new Proxy(refs, {
      get(target, key, receiver) {
        reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(suggestReferences(counted, 'Smuggling', fresh).length).toBeGreaterThan(0);
    const building = reads;
    expect(building).toBeGreaterThan(0);
    for (let i = 0; i < 2000; i++) suggestReferences(counted, i % 2 ? 'Smuggling' : 'resolution 5/1', fresh);
    expect(reads).toBe(building);
  });
});

describe('citeAct', () => {
  it('cites an act the corpus knows with its date', () => {
    expect(citeAct(refs, '5/1')).toBe('its resolution 5/1 of 22 October 2010');
    expect(citeAct(refs, '4/3', 'decision')).toBe('its decision 4/3 of 17 October 2008');
    expect(citeAct(refs, '6/2')).toBe('its resolution 6/2 of 19 October 2012');
  });

  it('adds the title after "entitled" on request, and the other forms', () => {
    expect(citeAct(refs, '5/1', 'resolution', { withTitle: true })).toMatch(
      /^its resolution 5\/1 of 22 October 2010, entitled "Ensuring /,
    );
    expect(citeAct(refs, '5/3', 'resolution', { form: 'Conference' })).toBe(
      'Conference resolution 5/3 of 22 October 2010',
    );
    expect(citeAct(refs, '64/293', 'resolution', { organ: 'General Assembly' })).toBe(
      'General Assembly resolution 64/293',
    );
  });

  it('returns undefined for an act the corpus does not cite, or of the other kind', () => {
    expect(citeAct(refs, '5/2')).toBeUndefined();
    expect(citeAct(refs, '5/1', 'decision')).toBeUndefined();
  });
});

describe('findAct', () => {
  it('gives the date a lint rule compares against ("5/4 of 22 October 2011" is wrong)', () => {
    expect(findAct(refs, '5/4')?.dateText).toBe('22 October 2010');
  });
});

describe('footnoteForInstrument', () => {
  it('italicizes Treaty Series in the source read from the corpus', () => {
    expect(footnoteForInstrument(refs, 'firearms-protocol')).toEqual([
      { type: 'text', text: 'United Nations, ' },
      { type: 'text', text: 'Treaty Series', italic: true },
      { type: 'text', text: ', vol. 2326, No. 39574.' },
    ]);
  });

  it('gives other sources as one plain run', () => {
    expect(footnoteForInstrument(refs, 'firearms-model-law')).toEqual([
      { type: 'text', text: 'United Nations publication, Sales No. E.11.V.9.' },
    ]);
  });

  it('gives the collective footnote for the Convention and the Protocols thereto', () => {
    const content = footnoteForInstrument(refs, 'convention-and-protocols');
    expect(content?.at(-1)).toEqual({ type: 'text', text: ', vols. 2225, 2237, 2241 and 2326, No. 39574.' });
  });

  it('returns undefined when the corpus gives no source', () => {
    const bare = { ...refs, instruments: refs.instruments.map((i) => ({ ...i, source: undefined })) };
    expect(footnoteForInstrument(bare, 'organized-crime-convention')).toBeUndefined();
  });
});

describe('footnoteContent', () => {
  it('returns no empty runs around a source that starts with Treaty Series', () => {
    expect(footnoteContent('Treaty Series, vol. 1.')).toEqual([
      { type: 'text', text: 'Treaty Series', italic: true },
      { type: 'text', text: ', vol. 1.' },
    ]);
  });
});
