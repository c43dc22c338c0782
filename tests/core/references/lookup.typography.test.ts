/**
 * The reference lookup matches names with typography folded (issue 12, item 6): text pasted from a
 * PDF (ligatures, no-break spaces) or typed with other marks finds the instrument it names.
 */
import { describe, expect, it } from 'vitest';
import { deriveReferences } from '../../../src/core/references/derive.ts';
import type { InstrumentId } from '../../../src/core/references/instruments.ts';
import { suggestReferences, type ReferenceSuggestion } from '../../../src/core/references/lookup.ts';
import { reportCorpus } from './corpus-fixture.ts';

const refs = deriveReferences(reportCorpus());
const first = (typed: string): ReferenceSuggestion | undefined =>
  suggestReferences(refs, typed, { mentioned: new Set<InstrumentId>() })[0];

describe('suggestReferences and typography', () => {
  it('finds the Firearms Protocol from "ﬁrearms Protocol" pasted from a PDF with its ligature', () => {
    expect(first('ﬁrearms\u00a0Protocol')).toMatchObject({ kind: 'instrument', id: 'firearms-protocol' });
    expect(first('ﬁrearms\u00a0Protocol')).toEqual(first('Firearms Protocol'));
  });

  it('finds the Convention from its full title typed with a soft hyphen and a thin space', () => {
    expect(first('Transnational\u2009Orga\u00adnized Crime')).toMatchObject({
      kind: 'instrument',
      id: 'organized-crime-convention',
    });
  });
});
