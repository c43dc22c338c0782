/** What the real report cites, derived from its text and footnotes (issue: the foundation). */
import { describe, expect, it } from 'vitest';
import { deriveReferences } from '../../../src/core/references/derive.ts';
import { citeAct, findAct, suggestReferences } from '../../../src/core/references/lookup.ts';
import { corpus } from '../../helpers/corpus.ts';

const refs = deriveReferences(corpus());
const source = (id: string) => refs.instruments.find((i) => i.id === id)?.source;

describe('the references of CTOC/COP/2012/15', () => {
  it('reads each treaty source from the footnotes: the Convention and the three Protocols', () => {
    expect(source('organized-crime-convention')).toBe('United Nations, Treaty Series, vol. 2225, No. 39574.');
    expect(source('trafficking-protocol')).toBe('United Nations, Treaty Series, vol. 2237, No. 39574.');
    expect(source('smuggling-protocol')).toBe('United Nations, Treaty Series, vol. 2241, No. 39574.');
    expect(source('firearms-protocol')).toBe('United Nations, Treaty Series, vol. 2326, No. 39574.');
  });

  it('reads the other instruments the corpus footnotes', () => {
    expect(source('global-plan-trafficking')).toBe('General Assembly resolution 64/293.');
    expect(source('firearms-model-law')).toBe('United Nations publication, Sales No. E.11.V.9.');
    expect(source('tracing-instrument')).toMatch(/^A\/60\/88 and Corr\.2, annex/);
  });

  it.each([
    ['5/1', 'resolution', '2010-10-22'],
    ['5/3', 'resolution', '2010-10-22'],
    ['5/4', 'resolution', '2010-10-22'],
    ['5/8', 'resolution', '2010-10-22'],
    ['4/3', 'decision', '2008-10-17'],
    ['4/6', 'decision', '2008-10-17'],
    ['6/1', 'resolution', '2012-10-19'],
    ['6/4', 'resolution', '2012-10-19'],
  ] as const)('dates %s (%s) as the corpus does: %s', (number, kind, date) => {
    expect(findAct(refs, number, kind)?.date).toBe(date);
  });

  it('cites a resolution the way the Conference cites its own', () => {
    expect(citeAct(refs, '5/1')).toBe('its resolution 5/1 of 22 October 2010');
  });

  it('offers the Smuggling of Migrants Protocol for "Smuggling", with its footnote at the first mention', () => {
    const [first] = suggestReferences(refs, 'Smuggling', { mentioned: new Set() });
    expect(first?.kind).toBe('instrument');
    if (first?.kind !== 'instrument') return;
    expect(first.id).toBe('smuggling-protocol');
    expect(first.insert).toMatch(/Protocol against the Smuggling of Migrants by Land, Sea and Air/);
    expect(first.footnote?.map((p) => (p.type === 'text' ? p.text : '')).join('')).toBe(
      'United Nations, Treaty Series, vol. 2241, No. 39574.',
    );
  });

  it('lists the documents the report describes', () => {
    expect(refs.documents.find((d) => d.symbol === 'CTOC/COP/2012/11')?.description).toBe(
      'Report of the Secretariat on the development of a digest of organized crime cases',
    );
  });
});
