import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedPack } from '../../../src/cli/library-build.ts';
import {
  citedNumbers,
  documentLine,
  findPredecessors,
  outlineAt,
  paragraphLineage,
  type LineageSource,
} from '../../../src/core/library/lineage.ts';
import type { LibraryPack } from '../../../src/core/library/pack.ts';
import type { LibraryDocument } from '../../../src/core/library/types.ts';
import type { OperativeParagraph, PreambularParagraph } from '../../../src/core/model/types.ts';
import { fn, op, pre, res, sub } from '../../helpers/builders.ts';

/** A library document built from its parts: `doc('A/RES/79/5', 79, 'Title', { operative: [...] })`. */
function doc(
  id: string,
  session: number,
  title: string,
  parts: {
    preamble?: PreambularParagraph[];
    operative?: OperativeParagraph[];
    agendaItemTitle?: string;
  } = {},
): LibraryDocument {
  return {
    meta: {
      id,
      symbol: id,
      body: 'ga',
      kind: 'resolution',
      number: id.replace(/^A\/RES\//, ''),
      session,
      date: `${1945 + session}-12-01`,
      title,
      agendaItem: null,
      agendaItemTitle: parts.agendaItemTitle ?? null,
      report: null,
      draftSymbol: null,
    },
    doc: res({ title, preamble: parts.preamble ?? [], operative: parts.operative ?? [] }),
  };
}

const source = (
  documents: readonly LibraryDocument[],
  predecessors: ReadonlyMap<string, string>,
): LineageSource => {
  const byId = new Map(documents.map((d) => [d.meta.id, d]));
  return { get: (id) => byId.get(id), predecessors };
};

describe('findPredecessors on built documents', () => {
  it('takes the latest earlier document with the same title, whatever its typography', () => {
    const documents = [
      doc('A/RES/78/5', 78, 'Oceans and the law of the sea'),
      doc('A/RES/79/5', 79, 'Oceans and the law of the sea'),
      doc('A/RES/80/5', 80, 'Oceans  and the Law of the Sea'),
    ];
    expect(findPredecessors(documents)).toEqual(
      new Map([
        ['A/RES/79/5', 'A/RES/78/5'],
        ['A/RES/80/5', 'A/RES/79/5'],
      ]),
    );
  });

  it('does not link a family of resolutions that shares most of its title', () => {
    const documents = [
      doc('A/RES/79/10', 79, 'Cooperation between the United Nations and the African Union'),
      doc('A/RES/79/11', 79, 'Cooperation between the United Nations and the League of Arab States'),
      doc('A/RES/80/12', 80, 'Cooperation between the United Nations and the Council of Europe'),
    ];
    expect(findPredecessors(documents).size).toBe(0);
  });

  it('links a renamed resolution that cites the one it follows', () => {
    const documents = [
      doc('A/RES/79/20', 79, 'Strengthening of the coordination of emergency humanitarian assistance'),
      doc(
        'A/RES/80/21',
        80,
        'Strengthening the coordination of emergency humanitarian assistance of the United Nations',
        {
          preamble: [pre('Recalling', 'its resolution 79/20 of 1 December 2024,')],
        },
      ),
    ];
    expect(findPredecessors(documents).get('A/RES/80/21')).toBe('A/RES/79/20');
  });

  it('does not take a cited resolution with another title for a predecessor', () => {
    const documents = [
      doc('A/RES/79/30', 79, 'Oceans and the law of the sea'),
      doc('A/RES/80/31', 80, 'Sustainable fisheries', {
        preamble: [pre('Recalling', 'its resolution 79/30 of 1 December 2024,')],
      }),
    ];
    expect(findPredecessors(documents).size).toBe(0);
  });

  it('never takes a later document, nor links documents whose titles were not read', () => {
    const documents = [
      doc('A/RES/80/40', 80, 'Oceans and the law of the sea'),
      doc('A/RES/79/41', 79, 'Oceans and the law of the sea'),
      doc('A/RES/79/42', 79, '', { agendaItemTitle: 'Credentials' }),
      doc('A/RES/80/43', 80, '', { agendaItemTitle: 'Social development' }),
    ];
    expect(findPredecessors(documents)).toEqual(new Map([['A/RES/80/40', 'A/RES/79/41']]));
  });
});

describe('citedNumbers', () => {
  it('collects the resolution numbers cited in paragraphs and footnotes', () => {
    const d = res({
      preamble: [pre('Recalling', 'its resolutions 78/5 of 1 December 2023 and 79/5,{fn:f1}')],
      operative: [op('Requests', 'the report requested in resolution 77/12 A;')],
      footnotes: [fn('f1', 'See also resolution 76/1 and A/79/459, para. 3.')],
    });
    expect([...citedNumbers(d)].sort()).toEqual(['76/1', '77/12', '78/5', '79/459', '79/5']);
  });
});

describe('paragraphLineage on built documents', () => {
  const v1 = doc('A/RES/78/5', 78, 'Fisheries', {
    operative: [op('Welcomes', 'the report;'), op('Urges', 'States to protect fish stocks;')],
  });
  const v2 = doc('A/RES/79/5', 79, 'Fisheries', {
    operative: [
      op('Welcomes', 'the report;'),
      op('Decides', 'to convene a meeting;'),
      op('Urges', 'all States to protect fish stocks;'),
    ],
  });
  const v3 = doc('A/RES/80/5', 80, 'Fisheries', {
    operative: [
      op('Welcomes', 'the report;'),
      op('Decides', 'to convene a meeting;'),
      op('Urges', 'all States:', [sub('to protect fish stocks;'), sub('to end overfishing;')]),
    ],
  });
  const documents = [v1, v2, v3];
  const lineage = source(documents, findPredecessors(documents));

  it('gives the versions of a paragraph oldest first, following it as it is renumbered', () => {
    const versions = paragraphLineage(lineage, { id: 'A/RES/79/5', part: 'operative', path: [3] });
    expect(versions.map((v) => `${v.id} ${v.label}`)).toEqual([
      'A/RES/78/5 OP2',
      'A/RES/79/5 OP3',
      'A/RES/80/5 OP3',
    ]);
    expect(versions[0]?.words).toBeUndefined();
    expect(versions[1]?.words).toEqual([
      { op: 'equal', text: 'Urges ' },
      { op: 'insert', text: 'all' },
      { op: 'equal', text: ' States to protect fish stocks;' },
    ]);
    expect(versions[1]?.similarity).toBeLessThan(1);
  });

  it('is the same lineage from whichever version it starts', () => {
    const fromOldest = paragraphLineage(lineage, { id: 'A/RES/78/5', part: 'operative', path: [1] });
    const fromNewest = paragraphLineage(lineage, { id: 'A/RES/80/5', part: 'operative', path: [1] });
    expect(fromOldest.map((v) => v.id)).toEqual(['A/RES/78/5', 'A/RES/79/5', 'A/RES/80/5']);
    expect(fromNewest).toEqual(fromOldest);
    expect(fromNewest.slice(1).every((v) => v.similarity === 1)).toBe(true);
  });

  it('starts a paragraph where it was first adopted', () => {
    const versions = paragraphLineage(lineage, { id: 'A/RES/80/5', part: 'operative', path: [2] });
    expect(versions.map((v) => v.id)).toEqual(['A/RES/79/5', 'A/RES/80/5']);
  });

  it('gives nothing for a paragraph or a document that does not exist', () => {
    expect(paragraphLineage(lineage, { id: 'A/RES/80/5', part: 'operative', path: [9] })).toEqual([]);
    expect(paragraphLineage(lineage, { id: 'A/RES/99/1', part: 'operative', path: [1] })).toEqual([]);
  });
});

describe('outlineAt', () => {
  it('finds a subparagraph by its path, labelled by position', () => {
    const d = res({
      operative: [op('Decides', 'that:'), op('Urges', 'States:', [sub('to act;'), sub('to report;')])],
    });
    expect(outlineAt(d, 'operative', [2, 2])?.label).toBe('OP2 (b)');
    expect(outlineAt(d, 'operative', [2, 2])?.text).toBe('to report;');
    expect(outlineAt(d, 'operative', [2, 3])).toBeUndefined();
    expect(outlineAt(d, 'preamble', [1])).toBeUndefined();
  });
});

describe('lineage in the shipped library', () => {
  let pack: LibraryPack;
  let predecessors: Map<string, string>;
  let lineage: LineageSource;
  beforeAll(() => {
    pack = loadShippedPack();
    predecessors = new Map(pack.predecessors);
    lineage = source(pack.documents, predecessors);
  }, 120_000);

  const chain = (id: string): string[] => {
    const out = [id];
    for (let p = predecessors.get(id); p !== undefined && out.length < 10; p = predecessors.get(p))
      out.push(p);
    return out;
  };

  it("gives a document's line: its predecessors and what follows them, from any of its versions", () => {
    const line = ['A/RES/78/17', 'A/RES/79/16', 'A/RES/80/17'];
    for (const id of line) expect([...documentLine(predecessors, id)].sort()).toEqual(line);
    expect([...documentLine(predecessors, 'no such document')]).toEqual(['no such document']);
  });

  it.each([
    // Same title every year.
    [['A/RES/80/220', 'A/RES/79/181', 'A/RES/78/218']],
    [['A/RES/80/187', 'A/RES/79/156', 'A/RES/78/184']],
    // Scale of assessments: requests under Article 19 of the Charter, adopted in the first weeks of each session.
    [['A/RES/80/2', 'A/RES/79/3', 'A/RES/78/2']],
    // Titleless as read (the title wraps onto "…twenty-fourth special session"), same agenda item.
    [['A/RES/80/178', 'A/RES/79/146', 'A/RES/78/174']],
  ])('follows the family %j back year by year', (family) => {
    expect(chain(family[0] ?? '')).toEqual(family);
  });

  it('links none of the "Cooperation between the United Nations and …" resolutions to another', () => {
    const cooperation = pack.documents.filter((d) =>
      d.meta.title.startsWith('Cooperation between the United Nations and'),
    );
    expect(cooperation.length).toBeGreaterThan(10);
    const ids = new Set(cooperation.map((d) => d.meta.id));
    for (const [next, previous] of predecessors) expect(ids.has(next) && ids.has(previous)).toBe(false);
  });

  it('gives every document an earlier predecessor of its own body', () => {
    const byId = new Map(pack.documents.map((d) => [d.meta.id, d.meta]));
    expect(predecessors.size).toBeGreaterThan(350);
    for (const [next, previous] of predecessors) {
      const a = byId.get(next);
      const b = byId.get(previous);
      expect(a?.body).toBe(b?.body);
      expect((b?.date ?? '') < (a?.date ?? ''), `${previous} before ${next}`).toBe(true);
    }
  });

  it("gives A/RES/80/220 OP5's three versions oldest first, each with its word diff", () => {
    const versions = paragraphLineage(lineage, { id: 'A/RES/80/220', part: 'operative', path: [5] });
    expect(versions.map((v) => `${v.meta.symbol} ${v.label} ${v.meta.date ?? ''}`)).toEqual([
      'A/RES/78/218 OP5 2023-12-19',
      'A/RES/79/181 OP5 2024-12-17',
      'A/RES/80/220 OP5 2025-12-18',
    ]);
    expect(versions[0]?.words).toBeUndefined();
    expect(versions[1]?.words).toContainEqual({ op: 'delete', text: 'including political prisoners' });
    expect(versions[2]?.words?.some((w) => w.op === 'insert' && /severe/.test(w.text))).toBe(true);
  });

  it('follows a paragraph that became a subparagraph: A/RES/78/29 OP5 → A/RES/79/56 OP6 → A/RES/80/34 OP11 (b)', () => {
    const versions = paragraphLineage(lineage, { id: 'A/RES/80/34', part: 'operative', path: [11, 2] });
    expect(versions.map((v) => `${v.meta.symbol} ${v.label}`)).toEqual([
      'A/RES/78/29 OP5',
      'A/RES/79/56 OP6',
      'A/RES/80/34 OP11 (b)',
    ]);
  });
});
