/**
 * When the completion menu opens, from the text before the caret (src/editor/plugins/completion/trigger.ts),
 * with the references of the real corpus.
 */
import { describe, expect, it } from 'vitest';
import { deriveReferences } from '../../src/core/references/derive.ts';
import type { InstrumentId } from '../../src/core/references/instruments.ts';
import { suggestReferences } from '../../src/core/references/lookup.ts';
import {
  candidateStrength,
  couldBeReference,
  MAX_OPENER_QUERY,
  matchReference,
  openerQuery,
} from '../../src/editor/plugins/completion/trigger.ts';
import { corpus, REPORT_TEXT } from '../helpers/corpus.ts';

const references = deriveReferences(corpus());
const none = new Set<InstrumentId>();

/** The typed words `matchReference` picks in `text`, or null. */
function typed(text: string, mentioned: ReadonlySet<InstrumentId> = none, preceding = ''): string | null {
  return matchReference(references, text, { mentioned, preceding })?.typed ?? null;
}

describe('openerQuery', () => {
  it('takes the opening words typed so far', () => {
    expect(openerQuery('Req')).toBe('Req');
    expect(openerQuery('Noting with app')).toBe('Noting with app');
  });

  it('refuses what cannot start an opener: nothing, a digit or a bracket first, a line break, prose', () => {
    expect(openerQuery('')).toBeNull();
    expect(openerQuery('5/1')).toBeNull();
    expect(openerQuery('(a)')).toBeNull();
    expect(openerQuery('Req\nx')).toBeNull();
    expect(openerQuery('R'.repeat(MAX_OPENER_QUERY + 1))).toBeNull();
  });
});

describe('matchReference', () => {
  it('opens on the start of a short title, a common name or a title', () => {
    expect(typed('and Smuggling')).toBe('Smuggling');
    expect(typed('recalling the Firearms Protocol')).toBe('the Firearms Protocol');
    expect(typed('Recalling the Palermo Convention')).toBe('the Palermo Convention');
  });

  it('replaces as many of the last words as name the instrument, "the" included', () => {
    expect(typed('recalling the United Nations Convention against Trans')).toBe(
      'the United Nations Convention against Trans',
    );
  });

  it('offers the full title with its source at a first mention, the short title after', () => {
    const first = matchReference(references, 'the Smuggling', { mentioned: none })?.suggestions[0];
    expect(first).toMatchObject({ kind: 'instrument', firstMention: true, id: 'smuggling-protocol' });
    const later = matchReference(references, 'the Smuggling', { mentioned: new Set(['smuggling-protocol']) })
      ?.suggestions[0];
    expect(later).toMatchObject({ firstMention: false, insert: 'the Smuggling of Migrants Protocol' });
  });

  it('cites an act from its number, taking "its" when the Conference cites its own', () => {
    const match = matchReference(references, 'Recalling resolution 5/1', { mentioned: none });
    expect(match?.typed).toBe('resolution 5/1');
    expect(match?.start).toBe('Recalling '.length);
    expect(match?.suggestions[0]?.insert).toBe('its resolution 5/1 of 22 October 2010');
    expect(typed('Recalling its resolution 5/1')).toBe('its resolution 5/1');
  });

  it('does not double an "its" written before the typed words, even in a preceding node', () => {
    const match = matchReference(references, ' resolution 5/1', {
      mentioned: none,
      preceding: 'Recalling its',
    });
    expect(match?.suggestions[0]?.insert).toBe('resolution 5/1 of 22 October 2010');
    const after = matchReference(references, 'its resolution 5/1', { mentioned: none });
    expect(after?.typed).toBe('its resolution 5/1');
  });

  it('completes a document symbol, without the bracket before it', () => {
    const match = matchReference(references, 'the report (CTOC/COP/2012/', { mentioned: none });
    expect(match?.typed).toBe('CTOC/COP/2012/');
    expect(
      match?.suggestions.every((s) => s.kind === 'document' && s.insert.startsWith('CTOC/COP/2012/')),
    ).toBe(true);
  });

  it('stays closed on prose words found inside titles ("and", "crime") and on too little', () => {
    expect(typed('by sea and')).toBeNull();
    expect(typed('organized crime')).toBeNull();
    expect(typed('to combat smuggling')).toBeNull();
    expect(typed('the Sm')).toBeNull();
  });

  it('stays closed once the word is finished by a space or punctuation', () => {
    expect(typed('the Smuggling ')).toBeNull();
    expect(typed('the Smuggling,')).toBeNull();
    expect(typed('resolution 5/1.')).toBeNull();
  });

  it('does not reach back past a name into the words before it', () => {
    // "Crime and the Pro" would match the Convention-and-Protocols title from inside; "the Pro" starts a name.
    expect(typed('Organized Crime and the Pro')).toBe('the Pro');
  });
});

describe('candidateStrength', () => {
  const strength = (text: string) =>
    candidateStrength(references, text, suggestReferences(references, text, { mentioned: none }));

  it('is strongest for the start of a name, an act number or a symbol', () => {
    expect(strength('Smuggling')).toBe(2);
    expect(strength('resolution 5/1')).toBe(2);
    expect(strength('CTOC/COP/2012/')).toBe(2);
  });

  it('is weak for one capitalized word inside a name and nothing for prose', () => {
    expect(strength('Migrants')).toBe(1);
    expect(strength('migrants')).toBe(0);
    expect(strength('Crime and the Pro')).toBe(0);
  });
});

describe('couldBeReference', () => {
  it('lets through what could be a reference: a number, a slash, a capital', () => {
    expect(couldBeReference('resolution 5/1')).toBe(true);
    expect(couldBeReference('CTOC/COP')).toBe(true);
    expect(couldBeReference('the Smuggling')).toBe(true);
    expect(couldBeReference('Migrants')).toBe(true);
    expect(couldBeReference('technical assistance to')).toBe(false);
  });

  it('never turns away words that would have opened the menu (every run of 1-6 words of the report)', () => {
    const words = REPORT_TEXT.split(/\s+/).filter(Boolean).slice(0, 12_000);
    let skipped = 0;
    for (let i = 0; i < words.length; i += 1) {
      for (let n = 1; n <= 6 && i + n <= words.length; n++) {
        const typed = words.slice(i, i + n).join(' ');
        if (couldBeReference(typed)) continue;
        skipped++;
        const suggestions = suggestReferences(references, typed, { mentioned: none });
        expect(candidateStrength(references, typed, suggestions), typed).toBe(0);
      }
    }
    // Most runs of prose are turned away before any lookup.
    expect(skipped).toBeGreaterThan(10_000);
  });
});
