/**
 * fast-check arbitraries for the document model: every value they produce is a valid
 * `ResolutionDocument` (validateDocument accepts it), with footnote references that point at
 * existing, unique footnote ids. Used by round-trip properties (file, export → import).
 *
 *   fc.assert(fc.property(arbDocument(), (doc) => expect(roundTrip(doc)).toEqual(doc)));
 */
import fc from 'fast-check';
import type {
  Adoption,
  Annex,
  AnnexHeading,
  Footnote,
  Inline,
  Metadata,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Section,
  Subparagraph,
  TextRun,
} from '../../src/core/model/types.ts';
import { DOCUMENT_KINDS, FOOTNOTE_RULES, SCHEMA_VERSION } from '../../src/core/model/types.ts';

export interface DocumentArbitraryOptions {
  /** Levels of subparagraphs below an operative paragraph: 2 gives (a) and (i). Default 2; the model allows 4. */
  readonly maxDepth?: number;
  /** Longest list of paragraphs, subparagraphs or footnotes. Default 4. */
  readonly maxItems?: number;
  /**
   * 'any' mixes in arbitrary UTF-16 (lone surrogates, control characters) to stress serializers;
   * 'printable' keeps to printable text, for exporters that may legitimately refuse control characters.
   */
  readonly text?: 'any' | 'printable';
  /**
   * Also the structures of General Assembly texts: preambular paragraphs with subparagraphs,
   * sections (numbered "I" or not, labels restarting at 1 or running on, or none) and annex
   * headings. Off by default, so the properties written before they existed keep their inputs.
   */
  readonly structures?: boolean;
}

/** Text as drafters write it, with now and then something unusual. */
export function arbText(kind: 'any' | 'printable' = 'any'): fc.Arbitrary<string> {
  const word = fc.constantFrom(
    'Requests',
    'the',
    'Office',
    'States parties',
    'Convention,',
    '6/1',
    'vol. 2225;',
    '«Ibid.»',
  );
  const words = fc.array(word, { maxLength: 6 }).map((parts) => parts.join(' '));
  if (kind === 'printable')
    return fc.oneof({ arbitrary: words, weight: 3 }, fc.string({ unit: 'grapheme', maxLength: 20 }));
  // Any code point, plus UTF-16 units that are not characters on their own (lone surrogates).
  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
  const unit = fc.oneof({ arbitrary: fc.string({ unit: 'binary', maxLength: 1 }), weight: 9 }, loneSurrogate);
  return fc.oneof({ arbitrary: words, weight: 3 }, fc.string({ unit, maxLength: 20 }));
}

const arbIsoDate = fc
  .date({ min: new Date('1945-10-24T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function arbTextRun(text: fc.Arbitrary<string>): fc.Arbitrary<TextRun> {
  return fc.record(
    { type: fc.constant('text' as const), text, italic: fc.boolean() },
    { requiredKeys: ['type', 'text'], noNullPrototype: true },
  );
}

/** Inline content whose footnote references (if any) point at one of `footnoteIds`. */
export function arbInlines(
  footnoteIds: readonly string[],
  text: fc.Arbitrary<string> = arbText(),
): fc.Arbitrary<Inline[]> {
  const run: fc.Arbitrary<Inline> = arbTextRun(text);
  if (footnoteIds.length === 0) return fc.array(run, { maxLength: 4 });
  const ref: fc.Arbitrary<Inline> = fc
    .constantFrom(...footnoteIds)
    .map((footnoteId) => ({ type: 'footnoteRef' as const, footnoteId }));
  return fc.array(fc.oneof({ arbitrary: run, weight: 4 }, { arbitrary: ref, weight: 1 }), { maxLength: 4 });
}

export function arbDocument(options: DocumentArbitraryOptions = {}): fc.Arbitrary<ResolutionDocument> {
  const { maxDepth = 2, maxItems = 4, text: textKind = 'any', structures = false } = options;
  const text = arbText(textKind);
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

  return fc.uniqueArray(id, { maxLength: maxItems }).chain((ids) => {
    const inlines = arbInlines(ids, text);
    const subparagraphs = (depth: number): fc.Arbitrary<Subparagraph[]> =>
      depth > maxDepth
        ? fc.constant([])
        : fc.array(
            fc.record(
              { label: text, content: inlines, subparagraphs: subparagraphs(depth + 1) },
              { requiredKeys: ['content', 'subparagraphs'], noNullPrototype: true },
            ),
            { maxLength: depth === 1 ? maxItems : 2 },
          );
    const preambular: fc.Arbitrary<PreambularParagraph> = structures
      ? fc.record(
          { opener: text, content: inlines, subparagraphs: subparagraphs(1) },
          { requiredKeys: ['opener', 'content'], noNullPrototype: true },
        )
      : fc.record({ opener: text, content: inlines }, { noNullPrototype: true });
    const operative: fc.Arbitrary<OperativeParagraph> = fc.record(
      { label: text, opener: text, content: inlines, subparagraphs: subparagraphs(1) },
      { requiredKeys: ['opener', 'content', 'subparagraphs'], noNullPrototype: true },
    );
    const annexHeading: fc.Arbitrary<AnnexHeading> = fc.record(
      { before: fc.nat({ max: maxItems + 1 }), number: fc.constantFrom('', 'I', 'II', 'A'), heading: text },
      { noNullPrototype: true },
    );
    const annex: fc.Arbitrary<Annex> = structures
      ? fc.record(
          {
            title: text,
            intro: inlines,
            items: subparagraphs(1),
            headings: fc.array(annexHeading, { maxLength: 3 }),
          },
          { requiredKeys: ['title', 'intro', 'items'], noNullPrototype: true },
        )
      : fc.record({ title: text, intro: inlines, items: subparagraphs(1) }, { noNullPrototype: true });
    // A section's operative paragraphs labelled as printed: from 1, running on from `start`, or not at all.
    const section: fc.Arbitrary<Section> = fc
      .record(
        {
          number: fc.constantFrom('', 'I', 'II', 'XIV', 'A'),
          heading: text,
          preamble: fc.array(preambular, { maxLength: 2 }),
          operative: fc.array(operative, { maxLength: 3 }),
          numbering: fc.constantFrom('restarts' as const, 'runs on' as const, 'as generated' as const),
          start: fc.integer({ min: 1, max: 40 }),
        },
        { noNullPrototype: true },
      )
      .map(({ numbering, start, ...rest }) => ({
        ...rest,
        operative:
          numbering === 'as generated'
            ? rest.operative
            : rest.operative.map((p, k) => ({
                ...p,
                label: String(k + (numbering === 'restarts' ? 1 : start + 1)),
              })),
      }));
    const footnotes: fc.Arbitrary<Footnote[]> = fc.tuple(
      ...ids.map((footnoteId) =>
        fc.record(
          {
            id: fc.constant(footnoteId),
            number: fc.integer({ min: 1, max: 500 }),
            content: arbInlines([], text),
            resolved: text,
          },
          { requiredKeys: ['id', 'content'], noNullPrototype: true },
        ),
      ),
    );
    const adoption: fc.Arbitrary<Adoption> = fc.record(
      {
        date: arbIsoDate,
        meeting: fc.integer({ min: 1, max: 100 }),
        draftSymbol: text,
        sponsors: fc.array(text, { maxLength: 3 }),
        submittedBy: text,
      },
      { requiredKeys: ['date', 'sponsors'], noNullPrototype: true },
    );
    const metadata: fc.Arbitrary<Metadata> = fc.record(
      {
        session: text,
        symbol: text,
        date: arbIsoDate,
        sponsors: fc.array(text, { maxLength: 3 }),
        agendaItem: text,
        agendaItemTitle: text,
        distribution: fc.constantFrom('limited' as const, 'general' as const),
        originalLanguage: text,
        base: fc.record(
          { source: fc.constantFrom('corpus' as const, 'revision' as const, 'file' as const), ref: text },
          { noNullPrototype: true },
        ),
        adoption,
        footnoteRule: fc.constantFrom(...FOOTNOTE_RULES),
      },
      { requiredKeys: [], noNullPrototype: true },
    );
    return fc.record(
      {
        schemaVersion: fc.constant(SCHEMA_VERSION),
        kind: fc.constantFrom(...DOCUMENT_KINDS),
        number: text,
        organ: text,
        formula: text,
        title: text,
        metadata,
        preamble: fc.array(preambular, { maxLength: maxItems }),
        operative: fc.array(operative, { maxLength: maxItems }),
        ...(structures ? { sections: fc.array(section, { maxLength: 3 }) } : {}),
        annex: fc.option(annex, { nil: null }),
        footnotes,
      },
      {
        requiredKeys: [
          'schemaVersion',
          'kind',
          'organ',
          'formula',
          'title',
          'metadata',
          'preamble',
          'operative',
          'annex',
          'footnotes',
        ],
        noNullPrototype: true,
      },
    );
  });
}
