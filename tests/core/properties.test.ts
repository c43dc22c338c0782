/**
 * Round-trip properties over random resolutions (issue 7, "Hostile input"):
 *
 * - export → import: a resolution written as .docx (core/export/docx) and read back (core/import/docx)
 *   has the same structure and text, up to what the printed page does not carry (`asPrinted` below);
 * - the model's JSON file (core/model/file.ts): serialize → parse gives the document back exactly, and
 *   serializing again gives the same bytes. The property over every valid document, deep subparagraphs
 *   and arbitrary UTF-16 included, is tests/core/model/file.test.ts ("round-trips any valid document
 *   unchanged"); this one adds the byte-for-byte fixed point;
 * - random edit scripts through compare: tests/core/compare/compare.property.test.ts.
 *
 * Why a resolution arbitrary here, and not arbDocument (tests/helpers/arbitraries.ts) as it is: the
 * .docx import recognizes a resolution in printed text, so it needs what every resolution has (a title,
 * an enacting formula that names the organ, openers in italics); arbDocument's empty formulas and
 * blank titles would test the generator, not the code. The texts inside are arbDocument's own
 * (`arbText('printable')`): drafting words mixed with arbitrary graphemes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx/docx.ts';
import { toPublicJson } from '../../src/core/export/json.ts';
import { importDocx } from '../../src/core/import/docx.ts';
import { parseDocumentFile, serializeDocumentFile } from '../../src/core/model/file.ts';
import type {
  Annex,
  Inline,
  Metadata,
  ResolutionDocument,
  Subparagraph,
  TextRun,
} from '../../src/core/model/types.ts';
import { SCHEMA_VERSION } from '../../src/core/model/types.ts';
import { arbDocument, arbText } from '../helpers/arbitraries.ts';
import { fn, op, pre, res, sub } from '../helpers/builders.ts';

/** The docx path is slow (zip, XML, the recognizer): few runs per test run; 1 200 passed when written. */
const DOCX_RUNS = 15;

/**
 * Characters the .docx import cannot yet tell from its own in-band marks, kept out of the texts (see
 * the known gaps at the end): a literal "*" (the import writes italics as *asterisks* for the
 * recognizer) and superscript digits (it writes footnote references as ¹²³).
 */
const IN_BAND = /[*⁰¹²³⁴⁵⁶⁷⁸⁹]/;

const printable = arbText('printable').filter((t) => !IN_BAND.test(t));
const nonBlank = printable.filter((t) => t.trim() !== '');

const ORGANS = [
  ['General Assembly', 'The General Assembly,'],
  ['Economic and Social Council', 'The Economic and Social Council,'],
  [
    'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
    'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
  ],
] as const;
const PREAMBLE_OPENERS = [
  'Recalling',
  'Recalling also',
  'Noting with appreciation',
  'Welcoming',
  'Bearing in mind',
];
const OPERATIVE_OPENERS = ['Requests', 'Also requests', 'Urges', 'Decides', 'Invites', 'Encourages'];

/** Metadata an L document prints in its masthead (DRAFTING-RULES.md section 8). */
const arbMasthead: fc.Arbitrary<Metadata> = fc.record({
  symbol: fc
    .tuple(fc.integer({ min: 2010, max: 2030 }), fc.integer({ min: 1, max: 9 }), fc.boolean())
    .map(([year, n, rev]) => `CTOC/COP/${year}/L.${n}${rev ? '/Rev.1' : ''}`),
  distribution: fc.constant('limited' as const),
  date: fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  originalLanguage: fc.constantFrom('English', 'French', 'Spanish'),
  session: fc.constantFrom('Seventh session, Vienna, 6-10 October 2014', 'Eighth session'),
  agendaItem: fc.constantFrom('2', '2 (c)', '4'),
  agendaItemTitle: fc.constantFrom('Protocol against the Smuggling of Migrants by Land, Sea and Air'),
  sponsors: fc.uniqueArray(fc.constantFrom('Mexico', 'Peru', 'Italy', 'Nigeria', 'Philippines'), {
    minLength: 1,
    maxLength: 3,
  }),
});

/**
 * A resolution or decision as drafters write one: a title, the enacting formula of its organ, openers
 * from the lexicon, at least two operative paragraphs, subparagraphs to (i), footnotes, perhaps an
 * annex; either adopted (a number) or an L draft with its masthead.
 */
function arbResolution(): fc.Arbitrary<ResolutionDocument> {
  return fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { maxLength: 3 }).chain((ids) => {
    const run: fc.Arbitrary<TextRun> = fc.record(
      { type: fc.constant('text' as const), text: nonBlank, italic: fc.boolean() },
      { requiredKeys: ['type', 'text'] },
    );
    const piece: fc.Arbitrary<Inline[]> =
      ids.length === 0
        ? run.map((r) => [r])
        : fc
            .tuple(run, fc.option(fc.constantFrom(...ids), { nil: undefined, freq: 2 }))
            .map(([r, id]) => (id ? [r, { type: 'footnoteRef' as const, footnoteId: id }] : [r]));
    // The opener's italics end where the content begins: its first run is upright.
    const inlines = (end: string): fc.Arbitrary<Inline[]> =>
      fc
        .tuple(nonBlank, fc.array(piece, { maxLength: 3 }))
        .map(([first, rest]) => [{ type: 'text', text: first }, ...rest.flat(), { type: 'text', text: end }]);
    const subparagraphs = (depth: number): fc.Arbitrary<Subparagraph[]> =>
      depth > 2
        ? fc.constant([])
        : fc.array(fc.record({ content: inlines(';'), subparagraphs: subparagraphs(depth + 1) }), {
            maxLength: depth === 1 ? 3 : 2,
          });
    const annex: fc.Arbitrary<Annex> = fc.record({
      title: nonBlank,
      intro: inlines(':'),
      items: subparagraphs(1).filter((items) => items.length > 0),
    });
    const adopted = fc.record({
      number: fc
        .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 12 }))
        .map(([s, n]) => `${s}/${n}`),
      metadata: fc.constant<Metadata>({}),
    });
    const draft = fc.record({ metadata: arbMasthead });
    return fc
      .record({
        kind: fc.constant('resolution' as const),
        organ: fc.constantFrom(...ORGANS),
        title: nonBlank,
        status: fc.oneof(adopted, draft),
        preamble: fc.array(
          fc.record({ opener: fc.constantFrom(...PREAMBLE_OPENERS), content: inlines(',') }),
          { maxLength: 3 },
        ),
        operative: fc.array(
          fc.record({
            opener: fc.constantFrom(...OPERATIVE_OPENERS),
            content: inlines(';'),
            subparagraphs: subparagraphs(1),
          }),
          { minLength: 2, maxLength: 3 },
        ),
        annex: fc.option(annex, { nil: null }),
        notes: fc.tuple(...ids.map(() => nonBlank)),
      })
      .map(({ organ, status, notes, ...rest }): ResolutionDocument => ({
        schemaVersion: SCHEMA_VERSION,
        ...rest,
        ...status,
        organ: organ[0],
        formula: organ[1],
        footnotes: ids.map((id, k) => ({ id, content: [{ type: 'text', text: notes[k] ?? '' }] })),
      }));
  });
}

/**
 * What a printed resolution carries, in the public JSON shape of `parse --json`:
 * - footnotes by the source each reference points to, in reading order, not by id or number: the
 *   export numbers notes from 1 by first reference and gives a repeated reference its own note
 *   ("Ibid.", Editorial Manual; the import's `resolved` expands it); a note nobody refers to is not
 *   printed at all;
 * - whitespace collapsed and trimmed, and none before a footnote marker: Word text has no meaningful
 *   double or trailing spaces, and a marker is printed against the word it follows;
 * - the metadata the masthead prints (everything but the footnote rule, which is not on the page).
 */
function asPrinted(doc: ResolutionDocument) {
  const j = toPublicJson(doc);
  const source = new Map(j.footnotes.map((f) => [f.number, f.resolved || f.text]));
  const notes = (numbers: readonly number[]) => numbers.map((n) => source.get(n));
  const { footnoteRule: _rule, ...metadata } = j.metadata;
  return collapse({
    kind: j.kind,
    number: j.number,
    title: j.title,
    organ: j.organ,
    formula: j.formula,
    metadata,
    preamble: j.preamble.map((p) => ({ opener: p.opener, text: p.text, notes: notes(p.footnotes) })),
    operative: j.operative.map((p) => ({
      label: p.label,
      opener: p.opener,
      text: p.text,
      notes: notes(p.footnotes),
      subparagraphs: p.subparagraphs,
    })),
    annex: j.annex,
  });
}

function collapse(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (Array.isArray(value)) return value.map(collapse);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, collapse(v)]));
  return value;
}

/** The document with the space before each footnote marker dropped, as the page prints it. */
function markersAgainstWords(doc: ResolutionDocument): ResolutionDocument {
  const tight = (content: readonly Inline[]): Inline[] =>
    content.map((inline, k) => {
      const next = content[k + 1];
      return inline.type === 'text' && next?.type === 'footnoteRef'
        ? { ...inline, text: inline.text.trimEnd() }
        : inline;
    });
  const subs = (list: readonly Subparagraph[]): Subparagraph[] =>
    list.map((s) => ({ ...s, content: tight(s.content), subparagraphs: subs(s.subparagraphs) }));
  return {
    ...doc,
    preamble: doc.preamble.map((p) => ({ ...p, content: tight(p.content) })),
    operative: doc.operative.map((p) => ({
      ...p,
      content: tight(p.content),
      subparagraphs: subs(p.subparagraphs),
    })),
    annex: doc.annex && { ...doc.annex, intro: tight(doc.annex.intro), items: subs(doc.annex.items) },
  };
}

describe('random resolutions through .docx export and import', () => {
  it('come back with the same structure and text, as printed', async () => {
    await fc.assert(
      fc.asyncProperty(arbResolution(), async (doc) => {
        const read = await importDocx(await exportDocx(doc));
        if (!read.ok) throw new Error(read.error);
        expect(read.documents).toHaveLength(1);
        expect(asPrinted(read.documents[0]!)).toEqual(asPrinted(markersAgainstWords(doc)));
      }),
      { numRuns: DOCX_RUNS },
    );
  });
});

describe('random resolutions through the model’s JSON file', () => {
  it('come back exactly, and serialize again to the same bytes', () => {
    fc.assert(
      fc.property(arbDocument({ maxItems: 6 }), (doc) => {
        const text = serializeDocumentFile(doc, { savedAt: '2014-10-09T10:00:00.000Z' });
        const parsed = parseDocumentFile(text);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.document).toStrictEqual(doc);
        expect(serializeDocumentFile(parsed.document, { savedAt: '2014-10-09T10:00:00.000Z' })).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * What the property above found, each the smallest case it shrank to, now fixed: each must come back
 * exactly as printed.
 */
describe('the .docx round trip of cases the property found', () => {
  async function roundTrip(doc: ResolutionDocument) {
    const read = await importDocx(await exportDocx(doc));
    if (!read.ok) throw new Error(read.error);
    expect(read.documents).toHaveLength(1);
    expect(asPrinted(read.documents[0]!)).toEqual(asPrinted(doc));
  }
  const two = [
    op('Requests', 'the Secretariat to report;'),
    op('Decides', 'to remain seized of the matter.'),
  ];

  it('brings back a sole operative paragraph (printed unnumbered) as operative', () =>
    roundTrip(res({ title: 'T', operative: [op('Decides', 'to remain seized of the matter.')] })));

  it('brings back two footnote references in a row as two references, not one to note 12', () =>
    roundTrip(
      res({
        title: 'T',
        preamble: [pre('Recalling', 'the Convention{fn:a}{fn:b} and its Protocols,')],
        operative: two,
        footnotes: [fn('a', 'A/RES/55/25.'), fn('b', 'A/RES/55/255.')],
      }),
    ));

  it('keeps a literal asterisk after the opener as text, and the opener', () =>
    roundTrip(res({ title: 'T', operative: [op('Notes', '* the revised estimates;'), ...two] })));

  it('keeps a literal superscript digit (km²) as text, not a footnote marker', () =>
    roundTrip(res({ title: 'T', operative: [op('Notes', 'the 40 000 km² of coastline;'), ...two] })));

  it('prints and reads a decision’s subparagraphs as (i), (ii) under its lettered paragraphs', () =>
    roundTrip(
      res({
        kind: 'decision',
        title: 'T',
        organ: 'Conference of the Parties',
        formula: 'The Conference of the Parties decided:',
        operative: [
          op('To request', 'the Secretariat:', [sub('to report;'), sub('to consult;')]),
          op('To decide', 'to remain seized of the matter.'),
        ],
      }),
    ));
});
