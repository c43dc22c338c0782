import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedPack } from '../../../src/cli/library-build.ts';
import { words } from '../../../src/core/compare/similarity.ts';
import type { LibraryPack } from '../../../src/core/library/pack.ts';
import {
  buildLibraryIndex,
  entryMeta,
  entryUnit,
  searchLibrary,
  type LibraryIndex,
} from '../../../src/core/library/search-index.ts';
import type { LibraryBody, LibraryDocument } from '../../../src/core/library/types.ts';
import { op, pre, res, sub } from '../../helpers/builders.ts';

/** A library document built from paragraphs: `doc('A/RES/79/1', 79, '2024-10-01', [op(...)])`. */
function doc(
  id: string,
  session: number,
  date: string,
  operative: ReturnType<typeof op>[],
  options: { body?: LibraryBody; preamble?: ReturnType<typeof pre>[] } = {},
): LibraryDocument {
  return {
    meta: {
      id,
      symbol: id,
      body: options.body ?? 'ga',
      kind: 'resolution',
      number: id.replace(/^A\/RES\//, ''),
      session,
      date,
      title: `Resolution ${id}`,
      agendaItem: null,
      agendaItemTitle: null,
      report: null,
      draftSymbol: null,
    },
    doc: res({ preamble: options.preamble ?? [], operative }),
  };
}

const MIGRANTS =
  'to strengthen international cooperation to prevent and combat the smuggling of migrants by sea;';
const FORESTS = 'to protect the mangrove forests of small island developing States from coastal erosion;';

/** Filler that uses the common words everywhere, so that "States", "the" and "to" are common. */
const filler = (k: number): ReturnType<typeof op> =>
  op('Invites', `the States to consider measure number ${k} and to report to the Assembly on the matter;`);

const small: LibraryDocument[] = [
  doc('A/RES/78/5', 78, '2023-11-01', [op('Calls upon', `States ${MIGRANTS}`), filler(1), filler(2)]),
  doc('A/RES/79/5', 79, '2024-11-01', [filler(3), op('Calls upon', `States ${MIGRANTS}`), filler(4)], {
    preamble: [pre('Recalling', 'its resolution 78/5 of 1 November 2023,')],
  }),
  doc('A/RES/80/5', 80, '2025-11-01', [
    op('Calls upon', `all States ${MIGRANTS}`, [sub(`the Parties ${FORESTS}`), sub('the donors;')]),
    filler(5),
  ]),
  doc('COP resolution 6/9', 6, '2012-10-19', [op('Urges', `States parties ${MIGRANTS}`), filler(6)], {
    body: 'cop',
  }),
  // Enough other paragraphs that the words of the paragraphs above are rare (under a twentieth of the
  // library), as the words of a real paragraph are among 41,000.
  ...Array.from({ length: 40 }, (_, k) =>
    doc(`A/RES/79/${100 + k}`, 79, '2024-12-01', [filler(100 + k), filler(200 + k), filler(300 + k)]),
  ),
];

describe('searchLibrary on a small library', () => {
  const index = buildLibraryIndex(small);
  const at = (k: number): string => {
    return `${entryMeta(index, k)?.id ?? '?'} ${entryUnit(index, k)?.label ?? '?'}`;
  };
  const search = (text: string, options: Parameters<typeof searchLibrary>[2] = {}): string[] =>
    searchLibrary(index, text, options).map((r) => at(r.entry));

  it('indexes every paragraph and subparagraph, with the session of its document', () => {
    expect(index.size).toBe(3 + 4 + 4 + 2 + 120);
    expect([7, 8, 9, 10].map(at)).toEqual([
      'A/RES/80/5 OP1',
      'A/RES/80/5 OP1 (a)',
      'A/RES/80/5 OP1 (b)',
      'A/RES/80/5 OP2',
    ]);
    expect(index.entrySession[7]).toBe(80);
  });

  it('finds the exact paragraph first, with score 1', () => {
    const [first, second] = searchLibrary(index, `Urges States parties ${MIGRANTS}`);
    expect(at(first?.entry ?? -1)).toBe('COP resolution 6/9 OP1');
    expect(first?.score).toBe(1);
    expect(second?.score).toBeLessThan(1);
  });

  it('finds a subparagraph by its own text', () => {
    expect(search(FORESTS, { top: 1 })).toEqual(['A/RES/80/5 OP1 (a)']);
  });

  it('gives a tie to the newer document: the latest adopted version is the one to cite', () => {
    // A/RES/78/5 OP1 and A/RES/79/5 OP2 are the same paragraph.
    const results = searchLibrary(index, `Calls upon States ${MIGRANTS}`, { top: 2 });
    expect(results.map((r) => r.score)).toEqual([1, 1]);
    expect(results.map((r) => at(r.entry))).toEqual(['A/RES/79/5 OP2', 'A/RES/78/5 OP1']);
  });

  it("gives a tie to a preferred document first (the draft's own line), then to the newer", () => {
    const results = searchLibrary(index, `Calls upon States ${MIGRANTS}`, {
      top: 2,
      prefer: new Set(['A/RES/78/5']),
    });
    expect(results.map((r) => r.score)).toEqual([1, 1]);
    expect(results.map((r) => at(r.entry))).toEqual(['A/RES/78/5 OP1', 'A/RES/79/5 OP2']);
    // A better score still wins over a preferred document.
    expect(search(FORESTS, { top: 1, prefer: new Set(['A/RES/78/5']) })).toEqual(['A/RES/80/5 OP1 (a)']);
  });

  it('filters by session, body, documents and excluded documents', () => {
    const q = `Calls upon States ${MIGRANTS}`;
    expect(search(q, { sessions: [78, 80], top: 2 })).toEqual(['A/RES/78/5 OP1', 'A/RES/80/5 OP1']);
    expect(search(q, { bodies: ['cop'] })).toEqual(['COP resolution 6/9 OP1']);
    expect(search(q, { documents: new Set(['A/RES/80/5']), top: 1 })).toEqual(['A/RES/80/5 OP1']);
    expect(search(q, { exclude: new Set(['A/RES/79/5']), top: 1 })).toEqual(['A/RES/78/5 OP1']);
    expect(search(q, { bodies: ['user'] })).toEqual([]);
    expect(search(q, { sessions: [81] })).toEqual([]);
  });

  it('still answers a query made only of common words', () => {
    // "States", "to", "the", "and" are in most paragraphs; no word of the query is rare.
    const results = search('the States to report to the Assembly', { top: 3 });
    expect(results).toHaveLength(3);
    expect(results.every((r) => / OP\d$/.test(r))).toBe(true);
  });

  it('gives nothing for an empty query, a query of punctuation, or top 0', () => {
    expect(searchLibrary(index, '')).toEqual([]);
    expect(searchLibrary(index, '   ')).toEqual([]);
    expect(searchLibrary(index, '… ; —')).toEqual([]);
    expect(searchLibrary(index, MIGRANTS, { top: 0 })).toEqual([]);
  });

  it('gives nothing for words the library never uses, and nothing under the minimum score', () => {
    expect(searchLibrary(index, 'quinoa marmalade')).toEqual([]);
    const all = searchLibrary(index, `Calls upon States ${MIGRANTS}`, { top: 30, minScore: 0 });
    const exact = searchLibrary(index, `Calls upon States ${MIGRANTS}`, { top: 30, minScore: 0.99 });
    expect(all.length).toBeGreaterThan(2);
    expect(exact.map((r) => at(r.entry))).toEqual(['A/RES/79/5 OP2', 'A/RES/78/5 OP1']);
  });

  it('ranks an edited version above unrelated paragraphs, best first', () => {
    const results = searchLibrary(index, `Calls upon all States ${MIGRANTS.replace('by sea', 'by land')}`, {
      top: 10,
    });
    expect(at(results[0]?.entry ?? -1)).toBe('A/RES/80/5 OP1');
    expect(results.slice(0, 4).map((r) => at(r.entry).split(' ')[0])).toEqual(
      expect.arrayContaining(['A/RES/78/5', 'A/RES/79/5', 'COP']),
    );
    for (let k = 1; k < results.length; k++)
      expect(results[k]?.score).toBeLessThanOrEqual(results[k - 1]?.score ?? 1);
  });
});

describe('searchLibrary on the shipped library', () => {
  let pack: LibraryPack;
  let index: LibraryIndex;
  beforeAll(() => {
    pack = loadShippedPack();
    index = buildLibraryIndex(pack.documents);
  }, 120_000);

  it('indexes the 41,000 paragraphs of the 898 documents', () => {
    expect(index.metas).toHaveLength(898);
    expect(index.size).toBeGreaterThan(41_000);
    expect(index.entryDoc).toHaveLength(index.size);
  });

  it('finds every one of 300 paragraphs, taken across the library, first with score 1 (or an identical text of a newer document)', () => {
    const step = Math.floor(index.size / 300);
    let checked = 0;
    for (let k = 0; k < index.size; k += step) {
      const entry = entryUnit(index, k);
      if (!entry || words(entry.text).length < 4) continue;
      const [first] = searchLibrary(index, entry.text, { top: 1 });
      expect(first?.score, entry.text).toBe(1);
      if (first?.entry !== k) {
        // The same words elsewhere, in a document at least as new.
        const other = entryUnit(index, first?.entry ?? 0);
        expect(words(other?.text ?? '')).toEqual(words(entry.text));
        const date = (e: number): string => entryMeta(index, e)?.date ?? '';
        expect(date(first?.entry ?? 0) >= date(k)).toBe(true);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('finds a lead paragraph of common words only (before its list) by its own text, ahead of the thousands sharing them', () => {
    const results = searchLibrary(index, 'Also encourages Member States:', { top: 3 });
    expect(results.slice(0, 2).map((r) => [entryMeta(index, r.entry)?.id, r.score])).toEqual([
      ['A/RES/80/176', 1],
      ['A/RES/78/173', 1],
    ]);
  });

  it('filters the shipped library by session: a paragraph of session 80 found in session 79 as last year adopted it', () => {
    const target = pack.documents.find((d) => d.meta.id === 'A/RES/80/220');
    const text = target ? entryUnit(index, index.entryDoc.indexOf(pack.documents.indexOf(target)))?.text : '';
    const results = searchLibrary(index, text ?? '', { sessions: [79], top: 3 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => index.entrySession[r.entry] === 79)).toBe(true);
    expect(entryMeta(index, results[0]?.entry ?? 0)?.id).toBe('A/RES/79/181');
  });
});
