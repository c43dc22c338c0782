import { describe, expect, it } from 'vitest';
import { buildPrecedentIndex, findPrecedents, precedentLabels } from '../../../src/core/compare/finder.ts';
import { renderWords } from '../../../src/core/compare/render.ts';
import { inlineText, joinOpener } from '../../../src/core/model/inline.ts';
import type { Subparagraph } from '../../../src/core/model/types.ts';
import { corpus, corpusDocument } from '../../helpers/corpus.ts';

const index = buildPrecedentIndex(corpus().documents);
const r1 = corpusDocument('resolution', '6/1');
const r3 = corpusDocument('resolution', '6/3');

const printed = (opener: string, text: string): string => joinOpener(opener, text);

describe('buildPrecedentIndex', () => {
  it('indexes every paragraph, subparagraph and annex item of the corpus once', () => {
    const count = (subs: readonly Subparagraph[]): number =>
      subs.reduce((n, s) => n + 1 + count(s.subparagraphs), 0);
    const expected = corpus().documents.reduce(
      (n, d) =>
        n +
        d.preamble.length +
        d.operative.reduce((m, p) => m + 1 + count(p.subparagraphs), 0) +
        count(d.annex?.items ?? []),
      0,
    );
    expect(index.size).toBe(expected);
    expect(new Set(precedentLabels(index)).size).toBe(expected);
  });
});

describe('findPrecedents', () => {
  it('finds a corpus paragraph verbatim with score 1, its provenance and its footnotes resolved', () => {
    const op12 = r1.operative[11];
    if (!op12) throw new Error('6/1 has no OP12');
    const [best] = findPrecedents(index, printed(op12.opener, inlineText(op12.content)));
    expect(best).toMatchObject({
      label: '6/1 OP12',
      part: 'operative',
      position: 12,
      score: 1,
      opener: 'Decides',
    });
    expect(best?.document).toMatchObject({ kind: 'resolution', number: '6/1' });
    // 6/1 OP12 carries footnotes 5 and 6 of the report.
    expect(best?.footnotes.map((f) => f.number)).toEqual([5, 6]);
    expect(best?.content.filter((c) => c.type === 'footnoteRef')).toHaveLength(2);
    expect(best?.words.every((w) => w.op === 'equal')).toBe(true);
  });

  it('labels annex subparagraphs and decisions as delegates cite them', () => {
    const labelOf = (text: string): string | undefined => findPrecedents(index, text, { limit: 1 })[0]?.label;
    expect(
      labelOf('Establishing capacity-building programmes for prosecutors and members of the judiciary'),
    ).toBe('6/4 annex (b)(iii)');
    expect(
      labelOf(
        'Requested that the resources allocated to the Conference should be maintained at the same level',
      ),
    ).toBe('decision 6/2 (b)');
    expect(labelOf('Election of officers;')).toBe('decision 6/1 annex 1 (b)');
    expect(
      labelOf('To consider raising awareness of the penalties for the offence of the smuggling of migrants'),
    ).toBe('6/3 OP9 (a)');
  });

  it('ranks the source of an edited paragraph first and diffs the query against it', () => {
    const op3 = r3.operative[2];
    if (!op3) throw new Error('6/3 has no OP3');
    const query = printed('Encourages', inlineText(op3.content));
    const [best] = findPrecedents(index, query);
    expect(best?.label).toBe('6/3 OP3');
    expect(best?.score).toBeGreaterThan(0.9);
    expect(best?.score).toBeLessThan(1);
    expect(renderWords(best?.words ?? [])).toBe('<del>Encourages</del><ins>Urges</ins>…');
  });

  it('finds the long agreed paragraph behind a half-written draft paragraph', () => {
    const [best] = findPrecedents(
      index,
      'Urges States parties, as appropriate, to strengthen the security of their identity',
    );
    expect(best?.label).toBe('6/3 OP12');
  });

  it('returns at most `limit` precedents, best first', () => {
    const found = findPrecedents(index, 'Requests the United Nations Office on Drugs and Crime to continue', {
      limit: 3,
    });
    expect(found).toHaveLength(3);
    const scores = found.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('returns nothing for text that shares no word with the corpus', () => {
    expect(findPrecedents(index, 'zephyr quillwort marmalade')).toEqual([]);
    expect(findPrecedents(index, '')).toEqual([]);
  });
});
