/**
 * What completion knows from the library, built from the library the app ships (`loadShippedPack`:
 * the 891 Assembly resolutions of sessions 78-80 and the report's seven texts), and what it offers a
 * draft of each body.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedPack } from '../../../src/cli/library-build.ts';
import {
  bodyOfOrgan,
  buildCompletionData,
  instrumentKey,
  libraryCompletion,
  libraryOpeners,
  mergeCompletionData,
  titleBefore,
  type LibraryCompletion,
  type LibraryCompletionData,
} from '../../../src/core/library/completion-data.ts';
import { libraryMeta } from '../../../src/core/library/metadata.ts';
import type { LibraryDocument } from '../../../src/core/library/types.ts';
import { suggestOpeners } from '../../../src/core/lexicon/query.ts';
import { deriveReferences } from '../../../src/core/references/derive.ts';
import { COP_ORGAN, fn, op, pre, res } from '../../helpers/builders.ts';
import { corpus } from '../../helpers/corpus.ts';

const ASSEMBLY = 'General Assembly';
const references = deriveReferences(corpus());

let data: LibraryCompletionData;
let library: LibraryCompletion;
let buildMs = 0;

beforeAll(() => {
  const pack = loadShippedPack();
  const start = performance.now();
  data = buildCompletionData(pack.documents);
  buildMs = performance.now() - start;
  library = libraryCompletion(data);
}, 120_000);

function act(organ: string, number: string, kind: 'resolution' | 'decision' = 'resolution') {
  return data.acts.find((g) => g.organ === organ && g.kind === kind)?.acts.find((a) => a.number === number);
}

function opener(body: 'ga' | 'cop' | 'user', phrase: string) {
  return data.openers[body].find((o) => o.phrase === phrase);
}

/** A document of the user's, as the library files one (body 'user'). */
function userDocument(doc: ReturnType<typeof res>, name: string): LibraryDocument {
  return { meta: libraryMeta(doc, { body: 'user', id: `user:${name}`, symbol: name }), doc };
}

describe('buildCompletionData', () => {
  // The build's time is the benchmark's to measure (library figures); a test under a loaded machine
  // timed it at 2.9 s once while it takes a fraction of that alone.
  it('builds the shipped library as compact JSON', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(data)).length;
    console.log(
      `completion data: ${buildMs.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB JSON, ` +
        `${data.openers.ga.length} Assembly and ${data.openers.cop.length} Conference openers, ` +
        `${data.acts.reduce((n, g) => n + g.acts.length, 0)} acts, ${data.instruments.length} instruments`,
    );
    expect(bytes).toBeLessThan(500_000);
  });

  it('files resolution 79/1 under the Assembly with its adoption date and title (corpus/ga/A_RES_79_1.txt)', () => {
    expect(act(ASSEMBLY, '79/1')).toEqual({
      number: '79/1',
      date: '2024-09-22',
      title: 'The Pact for the Future',
      held: true,
    });
  });

  it('dates a resolution older than the library from the texts that cite it: "its resolution 70/1 of 25 September 2015, entitled …"', () => {
    expect(act(ASSEMBLY, '70/1')).toEqual({
      number: '70/1',
      date: '2015-09-25',
      title: 'Transforming our world: the 2030 Agenda for Sustainable Development',
    });
  });

  it('files a resolution another organ adopted under that organ, not under the Assembly ("Human Rights Council resolution 4/4 of 30 March 2007")', () => {
    expect(act('Human Rights Council', '4/4')?.date).toBe('2007-03-30');
    expect(act(ASSEMBLY, '4/4')).toBeUndefined();
  });

  it("keeps the Conference's own acts and those the report's texts cite ('its resolution 5/1 of 22 October 2010')", () => {
    expect(act(COP_ORGAN_SHORT, '6/1')).toMatchObject({ date: '2012-10-19', held: true });
    expect(act(COP_ORGAN_SHORT, '5/1')).toMatchObject({ date: '2010-10-22' });
    expect(act(COP_ORGAN_SHORT, '6/1', 'decision')?.title).toMatch(
      /^Provisional agenda for the seventh session/,
    );
  });

  it('counts an opener by the use of each body: "Requests" 8 times by the Conference, over a thousand by the Assembly', () => {
    expect(opener('cop', 'Requests')).toEqual({
      phrase: 'Requests',
      part: 'operative',
      count: 8,
      sources: ['6/1 OP4', '6/1 OP7', '6/1 OP13'],
    });
    expect(opener('ga', 'Requests')?.count).toBeGreaterThan(1000);
    expect(data.openers.user).toEqual([]);
  });

  it("names an Assembly opener's latest uses first: the eightieth session's", () => {
    const sources = opener('ga', 'Recalling')?.sources ?? [];
    expect(sources).toHaveLength(3);
    for (const s of sources) expect(s).toMatch(/^A\/RES\/80\/\d+ (?:\S+ )*PP\d+$/);
  });

  it("reads an instrument's Treaty Series source from the footnote after its title", () => {
    const crc = data.instruments.find((i) => i.title === 'Convention on the Rights of the Child');
    expect(crc?.source).toBe('United Nations, Treaty Series, vol. 1577, No. 27531.');
    expect(crc?.key).toBe('convention on the rights of the child');
    expect(crc?.count).toBeGreaterThan(20);
    const att = data.instruments.find((i) => i.title === 'Arms Trade Treaty');
    expect(att?.source).toBe('United Nations, Treaty Series, vol. 3013, No. 52373.');
  });

  it('reads titles a footnote lists with their sources ("Agreement Governing the Activities of States on the Moon … (United Nations, Treaty Series, vol. 1363, No. 23002)")', () => {
    const moon = data.instruments.find((i) =>
      i.title.startsWith('Agreement Governing the Activities of States'),
    );
    expect(moon?.source).toBe('United Nations, Treaty Series, vol. 1363, No. 23002.');
  });

  it("gives no instrument a title that is words leading to one (an article's number, a date, another body's name)", () => {
    for (const i of data.instruments) expect(i.title, i.title).toMatch(/^(?:\d{4} )?\p{Lu}/u);
    expect(data.instruments.find((i) => i.title.startsWith('36 of'))).toBeUndefined();
    expect(data.instruments.find((i) => i.title === 'Vienna Convention on Consular Relations')?.source).toBe(
      'United Nations, Treaty Series, vol. 596, No. 8638.',
    );
  });
});

const COP_ORGAN_SHORT = 'Conference of the Parties';

describe('titleBefore', () => {
  it('takes the last title of a list', () => {
    expect(
      titleBefore(
        'the Universal Declaration of Human Rights, the International Covenant on Economic, Social and Cultural Rights, the Convention on the Rights of the Child',
      ),
    ).toBe('Convention on the Rights of the Child');
  });

  it('keeps what an Optional Protocol "thereto" is the Protocol to', () => {
    expect(
      titleBefore(
        'the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment and the Optional Protocol thereto,',
      ),
    ).toBe(
      'Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment and the Optional Protocol thereto',
    );
  });

  it('reads a title whose own words look like a list ("… Astronauts, the Return of Astronauts and the Return of Objects …")', () => {
    expect(
      titleBefore(
        'the Agreement on the Rescue of Astronauts, the Return of Astronauts and the Return of Objects Launched into Outer Space',
      ),
    ).toBe(
      'Agreement on the Rescue of Astronauts, the Return of Astronauts and the Return of Objects Launched into Outer Space',
    );
    expect(
      titleBefore(
        'Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean (Treaty of Tlatelolco)',
      ),
    ).toBe(
      'Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean (Treaty of Tlatelolco)',
    );
  });

  it('leaves out the words that lead to a title, and a short title given after it', () => {
    expect(titleBefore('in accordance with article 36 of the Vienna Convention on Consular Relations')).toBe(
      'Vienna Convention on Consular Relations',
    );
    expect(
      titleBefore(
        'Recalling the relevant provisions of the United Nations Convention on the Law of the Sea (the Convention),',
      ),
    ).toBe('United Nations Convention on the Law of the Sea');
    expect(titleBefore('States Parties to the Arms Trade Treaty')).toBe('Arms Trade Treaty');
  });

  it('finds nothing where no instrument is named or only "the Agreement" is', () => {
    expect(titleBefore('the report of the Secretary-General')).toBeUndefined();
    expect(titleBefore('to fully implement the Agreement')).toBeUndefined();
    expect(titleBefore('the Protocol of 1978 relating thereto')).toBeUndefined();
  });
});

describe('mergeCompletionData', () => {
  const mine = res({
    organ: ASSEMBLY,
    formula: 'The General Assembly,',
    number: '81/7',
    title: 'Oceans and the law of the sea',
    metadata: { date: '2026-12-09' },
    preamble: [
      pre('Recalling', 'its resolution 70/1 of 25 September 2015, entitled "Transforming our world"'),
      pre('Noting with deep appreciation', 'the Minamata Convention on Mercury,{fn:f1}'),
    ],
    operative: [op('Requests', 'the Secretary-General to report;')],
    footnotes: [fn('f1', 'United Nations, Treaty Series, vol. 3202, No. 54669.')],
  });

  it("adds a user's document: its openers under 'user', its own act, the instrument it footnotes", () => {
    const merged = mergeCompletionData(data, buildCompletionData([userDocument(mine, 'oceans.docx')]));
    expect(merged.openers.user.find((o) => o.phrase === 'Requests')).toEqual({
      phrase: 'Requests',
      part: 'operative',
      count: 1,
      sources: ['oceans.docx OP1'],
    });
    expect(merged.openers.ga).toEqual(data.openers.ga);
    const assembly = merged.acts.find((g) => g.organ === ASSEMBLY && g.kind === 'resolution')?.acts ?? [];
    expect(assembly.find((a) => a.number === '81/7')).toEqual({
      number: '81/7',
      date: '2026-12-09',
      title: 'Oceans and the law of the sea',
      held: true,
    });
    // A citation's shorter title does not replace what the library already knows.
    expect(assembly.find((a) => a.number === '70/1')?.title).toBe(
      'Transforming our world: the 2030 Agenda for Sustainable Development',
    );
    const minamata = merged.instruments.find((i) => i.key === 'minamata convention on mercury');
    expect(minamata?.count).toBe((data.instruments.find((i) => i.key === minamata?.key)?.count ?? 0) + 1);
  });

  it('takes an act the library holds over what a citation said of it', () => {
    const citing = res({
      organ: ASSEMBLY,
      preamble: [pre('Recalling', 'its resolution 79/1 of 23 September 2024, entitled "A pact"')],
    });
    const merged = mergeCompletionData(buildCompletionData([userDocument(citing, 'a.txt')]), data);
    const assembly = merged.acts.find((g) => g.organ === ASSEMBLY && g.kind === 'resolution')?.acts ?? [];
    expect(assembly.find((a) => a.number === '79/1')).toEqual({
      number: '79/1',
      date: '2024-09-22',
      title: 'The Pact for the Future',
      held: true,
    });
  });
});

describe('libraryOpeners', () => {
  it("ranks an Assembly draft's operative openers by the Assembly's use and a Conference draft's by the Conference's", () => {
    const first = (body: 'ga' | 'cop') =>
      suggestOpeners(libraryOpeners(data, body).lexicon, {
        part: 'operative',
        typed: '',
        previousOpeners: [],
      })[0]?.phrase;
    expect(first('ga')).toBe('Encourages');
    expect(first('cop')).toBe('Requests');
  });

  it('says how often the body used an opener and where it did last', () => {
    const assembly = libraryOpeners(data, 'ga');
    expect(assembly.detail('Requests', 'operative')).toMatch(
      /^used 1,\d{3} times by the Assembly · A\/RES\/80\/\d+ (?:\S+ )*OP\d+, A\/RES\/80\/\d+ /,
    );
    expect(libraryOpeners(data, 'cop').detail('Requests', 'operative')).toBe(
      'used 8 times by the Conference · 6/1 OP4, 6/1 OP7, 6/1 OP13',
    );
    expect(assembly.detail('Requests also', 'operative')).toBe('not in the library');
  });

  it("counts the user's documents with the draft's body", () => {
    const doc = res({ organ: ASSEMBLY, operative: [op('Requests', 'the Office;'), op('Requests', 'also;')] });
    const merged = mergeCompletionData(data, buildCompletionData([userDocument(doc, 'mine.txt')]));
    const openers = libraryOpeners(merged, 'ga');
    const count = opener('ga', 'Requests')?.count ?? 0;
    expect(openers.lexicon.index.operative.byPhrase.get('requests')?.entry.count).toBe(count + 2);
    expect(openers.detail('Requests', 'operative')).toMatch(
      new RegExp(`^used ${count.toLocaleString('en-US')} times by the Assembly and 2 in your documents · `),
    );
  });

  it("offers the supplementary openers the Conference has not used, as the report's lexicon does", () => {
    const entry = libraryOpeners(data, 'cop').lexicon.index.preamble.byPhrase.get(
      'expressing grave concern',
    )?.entry;
    expect(entry).toMatchObject({ count: 0, fromCorpus: false });
  });
});

describe('bodyOfOrgan', () => {
  it("reads the draft's organ: the Assembly, the Conference (its full name), or another organ (the whole library)", () => {
    expect(bodyOfOrgan('General Assembly')).toBe('ga');
    expect(bodyOfOrgan(COP_ORGAN)).toBe('cop');
    expect(bodyOfOrgan('Economic and Social Council')).toBeNull();
    expect(bodyOfOrgan(undefined)).toBeNull();
  });
});

describe('libraryCompletion', () => {
  const suggest = (organ: string, typed: string, before = '', mentionedTitles = new Set<string>()) =>
    library.suggestReferences(references, typed, { mentioned: new Set(), before, organ, mentionedTitles });

  it('completes "resolution 79/1" in an Assembly draft to "its resolution 79/1 of 22 September 2024", with its title', () => {
    const [plain, titled] = suggest(ASSEMBLY, 'resolution 79/1');
    expect(plain).toMatchObject({
      kind: 'act',
      insert: 'its resolution 79/1 of 22 September 2024',
      detail: 'The Pact for the Future',
    });
    expect(titled?.insert).toBe(
      'its resolution 79/1 of 22 September 2024, entitled "The Pact for the Future"',
    );
  });

  it('writes "resolution 79/1 of …" after an "its" already typed', () => {
    expect(suggest(ASSEMBLY, 'resolution 79/1', 'Recalling its ')[0]?.insert).toBe(
      'resolution 79/1 of 22 September 2024',
    );
  });

  it('names the Assembly in a Conference draft, and keeps the Conference\'s own "its resolution 5/1"', () => {
    expect(suggest(COP_ORGAN, 'resolution 79/1')[0]?.insert).toBe(
      'General Assembly resolution 79/1 of 22 September 2024',
    );
    expect(suggest(COP_ORGAN, 'resolution 5/1')[0]?.insert).toBe('its resolution 5/1 of 22 October 2010');
  });

  it('dates a resolution before the library from its citations: "resolution 70/1"', () => {
    expect(suggest(ASSEMBLY, 'resolution 70/1')[0]?.insert).toBe('its resolution 70/1 of 25 September 2015');
  });

  it('completes an instrument the library cites with its Treaty Series source as the footnote of its first mention', () => {
    const [first] = suggest(ASSEMBLY, 'the Convention on the Rights of the Ch');
    expect(first).toMatchObject({
      kind: 'library-instrument',
      insert: 'the Convention on the Rights of the Child',
      firstMention: true,
      detail: 'United Nations, Treaty Series, vol. 1577, No. 27531.',
      footnote: [
        { type: 'text', text: 'United Nations, ' },
        { type: 'text', text: 'Treaty Series', italic: true },
        { type: 'text', text: ', vol. 1577, No. 27531.' },
      ],
    });
    const again = suggest(
      ASSEMBLY,
      'the Convention on the Rights of the Ch',
      '',
      new Set([instrumentKey('Convention on the Rights of the Child')]),
    )[0];
    expect(again).toMatchObject({ kind: 'library-instrument', firstMention: false });
    expect(again).not.toHaveProperty('footnote');
  });

  it("leaves the report's own instruments to the report (their short titles), without a second entry", () => {
    const found = suggest(COP_ORGAN, 'United Nations Convention against Trans');
    expect(found[0]).toMatchObject({ kind: 'instrument', id: 'organized-crime-convention' });
    expect(found.filter((s) => s.kind === 'library-instrument')).toEqual([]);
  });

  it("finds the library's instruments a text mentions", () => {
    expect(
      library.mentionedIn('Recalling the Convention on the Rights of the Child and the Arms Trade Treaty,'),
    ).toEqual(expect.arrayContaining(['convention on the rights of the child', 'arms trade treaty']));
    expect(library.mentionedIn('Requests the Secretary-General to report')).toEqual([]);
  });
});
