import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import type { ValidationError } from '../../../src/core/model/validate.ts';
import {
  LIMITS,
  assertDocument,
  describePath,
  formatValidationErrors,
  validateDocument,
} from '../../../src/core/model/validate.ts';
import { annex, fn, op, pre, res, sub } from '../../helpers/builders.ts';
import { arbDocument } from '../../helpers/arbitraries.ts';

/** A document shaped like resolution 6/1 of the corpus: footnoted preamble, subparagraphs, adoption data. */
function sample(): ResolutionDocument {
  return res({
    number: '6/1',
    title: 'Ensuring effective implementation of the Convention',
    metadata: {
      symbol: 'CTOC/COP/2012/L.4/Rev.2',
      date: '2012-10-17',
      distribution: 'limited',
      footnoteRule: '2012',
      base: { source: 'corpus', ref: 'resolution 5/1' },
      adoption: {
        date: '2012-10-19',
        meeting: 10,
        draftSymbol: 'CTOC/COP/2012/L.4/Rev.2',
        sponsors: ['Mexico', 'Peru'],
      },
    },
    preamble: [
      pre('Recalling', 'the United Nations Convention against Transnational Organized Crime,{fn:f1}'),
    ],
    operative: [
      op('Requests', 'the Secretariat to report;'),
      op('Urges', 'States parties:', [
        sub('to ratify the *Protocol*;', [sub('in full;')]),
        sub('to report.'),
      ]),
    ],
    annex: annex('Recommendations', [sub('Share information;')], 'The working group recommends:'),
    footnotes: [fn('f1', 'United Nations, *Treaty Series*, vol. 2225, No. 39574.', undefined, 1)],
  });
}

/** The errors of a value that must be invalid, as "path: message" lines for compact assertions. */
function errorsOf(value: unknown): ValidationError[] {
  const result = validateDocument(value);
  if (result.ok) throw new Error('expected the document to be invalid');
  return [...result.errors];
}

function paths(value: unknown): string[] {
  return errorsOf(value).map((e) => e.path);
}

/** The edits below deliberately break the types, so the copy they change is untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

/** A deep copy of the sample with one change, for documents the builders refuse to type. */
function edited(change: (doc: Untyped) => void): unknown {
  const doc: Untyped = structuredClone(sample());
  change(doc);
  return doc;
}

describe('validateDocument', () => {
  it('accepts a document built with the builders and returns it unchanged', () => {
    const doc = sample();
    const result = validateDocument(doc);
    expect(result).toEqual({ ok: true, document: doc });
    expect(result.ok && result.document).toBe(doc);
  });

  it('accepts an empty draft', () => {
    expect(validateDocument(res()).ok).toBe(true);
  });

  it('accepts every document the arbitrary produces', () => {
    fc.assert(fc.property(arbDocument({ maxDepth: 4 }), (doc) => validateDocument(doc).ok));
  });

  it.each([
    [null, 'null', 'The document should be a resolution document, not null.'],
    [[], 'an array', 'The document should be a resolution document, not a list.'],
    ['resolution', 'string', 'The document should be a resolution document, not text.'],
    [42, 'number', 'The document should be a resolution document, not a number.'],
    [undefined, 'nothing', 'The document is missing.'],
    [() => sample(), 'a function', 'The document should be a resolution document, not a function.'],
    [Symbol('doc'), 'a symbol', 'The document should be a resolution document, not a symbol.'],
  ])('reports %s at the root as what it is (%s)', (value, got, description) => {
    expect(errorsOf(value)).toEqual([
      { path: '', message: `expected a resolution document object, got ${got}`, description },
    ]);
  });

  it('reports a wrong field type with its path and what was expected', () => {
    expect(errorsOf(edited((d) => (d.operative[1].opener = 7)))).toEqual([
      {
        path: 'operative[1].opener',
        message: 'expected a string, got number',
        description: 'The opener of operative paragraph 2 should be text, not a number.',
      },
    ]);
  });

  it('reports a missing field as got nothing, and as missing to the person drafting', () => {
    expect(errorsOf(edited((d) => delete d.preamble[0].content))).toEqual([
      {
        path: 'preamble[0].content',
        message: 'expected an array, got nothing',
        description: 'The text of preambular paragraph 1 is missing.',
      },
    ]);
  });

  it('gives the full path of a problem deep inside a subparagraph', () => {
    const doc = edited((d) => {
      d.operative = [op('A', 'a;'), op('B', 'b;'), op('C', 'c;'), op('D', 'd:', [sub('one {fn:f1} two')])];
      d.operative[3].subparagraphs[0].content.push({ type: 'footnoteRef', footnoteId: 5 });
    });
    expect(errorsOf(doc)).toEqual([
      {
        path: 'operative[3].subparagraphs[0].content[3].footnoteId',
        message: 'expected a string, got number',
        description:
          'The footnote id of part 4 of the text of subparagraph 1 of operative paragraph 4 should be text, not a number.',
      },
    ]);
  });

  it('reports a schema version other than the current one', () => {
    expect(errorsOf(edited((d) => (d.schemaVersion = 0)))).toEqual([
      {
        path: 'schemaVersion',
        message: 'expected schema version 2, got 0',
        description: 'The schema version should be 2, not 0.',
      },
    ]);
  });

  it('reports a kind that is neither resolution nor decision, quoting it', () => {
    expect(errorsOf(edited((d) => (d.kind = 'motion')))).toEqual([
      {
        path: 'kind',
        message: 'expected "resolution" or "decision", got "motion"',
        description: 'The kind of document should be "resolution" or "decision", not "motion".',
      },
    ]);
  });

  it('reports enumerated metadata values outside their lists', () => {
    const doc = edited((d) => {
      d.metadata.distribution = 'public';
      d.metadata.footnoteRule = 2012;
      d.metadata.base.source = 'web';
    });
    expect(paths(doc)).toEqual(['metadata.distribution', 'metadata.footnoteRule', 'metadata.base.source']);
  });

  describe('the structures of Assembly texts', () => {
    it('accepts sections, a preambular paragraph’s subparagraphs and annex headings', () => {
      const doc = edited((d) => {
        d.preamble[0].subparagraphs = [
          { label: '(a)', content: [{ type: 'text', text: 'Land;' }], subparagraphs: [] },
        ];
        d.sections = [{ number: 'II', heading: 'Audit', preamble: [], operative: [d.operative[0]] }];
        d.annex = {
          title: 'Declaration',
          intro: [],
          items: [],
          headings: [{ before: 0, number: 'I', heading: 'Commitment' }],
        };
      });
      expect(validateDocument(doc).ok).toBe(true);
    });

    it('reports a section without its heading and an annex heading with no place', () => {
      const doc = edited((d) => {
        d.sections = [{ number: 'I', preamble: [], operative: [] }];
        d.annex = { title: 'A', intro: [], items: [], headings: [{ before: -1, number: '', heading: 'x' }] };
      });
      expect(paths(doc)).toEqual(['sections[0].heading', 'annex.headings[0].before']);
    });
  });

  describe('unknown keys', () => {
    it('reports an extra top-level key', () => {
      expect(errorsOf(edited((d) => (d.author = 'me')))).toEqual([
        {
          path: 'author',
          message:
            'unknown key "author" (expected one of: schemaVersion, kind, number, organ, formula, title, metadata, preamble, operative, sections, annex, footnotes, negotiation)',
          description:
            'The document has a field "author" it cannot have; its fields are schemaVersion, kind, number, organ, formula, title, metadata, preamble, operative, sections, annex, footnotes, negotiation.',
        },
      ]);
    });

    it('reports an extra key inside a run, so a typo is not silently dropped', () => {
      expect(paths(edited((d) => (d.preamble[0].content[0].italics = true)))).toEqual([
        'preamble[0].content[0].italics',
      ]);
    });

    it('reports an own __proto__ key as unknown, quoting odd key names in the path', () => {
      const doc = JSON.parse(
        JSON.stringify(sample()).replace('"metadata":{', '"metadata":{"__proto__":{"x":1},"a b":1,'),
      );
      expect(paths(doc)).toEqual(['metadata.__proto__', 'metadata["a b"]']);
    });

    it('does not take a missing field from a polluted Object.prototype', () => {
      const proto = Object.prototype as Record<string, unknown>;
      proto.kind = 'resolution';
      try {
        expect(paths(edited((d) => delete d.kind))).toEqual(['kind']);
      } finally {
        delete proto.kind;
      }
    });
  });

  describe('inline runs', () => {
    it('reports a run of unknown type', () => {
      expect(errorsOf(edited((d) => (d.preamble[0].content[0] = { type: 'bold', text: 'x' })))).toEqual([
        {
          path: 'preamble[0].content[0].type',
          message: 'expected "text" or "footnoteRef", got "bold"',
          description:
            'The type of part 1 of the text of preambular paragraph 1 should be "text" or "footnoteRef", not "bold".',
        },
      ]);
    });

    it('reports a run that is not an object', () => {
      expect(errorsOf(edited((d) => (d.preamble[0].content[0] = 'text')))).toEqual([
        {
          path: 'preamble[0].content[0]',
          message: 'expected an inline run object, got string',
          description:
            'Part 1 of the text of preambular paragraph 1 should be a run of text or a footnote reference, not text.',
        },
      ]);
    });

    it('reports italic that is not a boolean', () => {
      expect(errorsOf(edited((d) => (d.operative[1].subparagraphs[0].content[1].italic = 'yes')))).toEqual([
        {
          path: 'operative[1].subparagraphs[0].content[1].italic',
          message: 'expected a boolean, got string',
          description:
            'The italic setting of part 2 of the text of subparagraph 1 of operative paragraph 2 should be true or false, not text.',
        },
      ]);
    });
  });

  describe('footnotes', () => {
    it('reports a reference to a footnote that does not exist', () => {
      expect(errorsOf(res({ preamble: [pre('Recalling', 'the Convention,{fn:nope}')] }))).toEqual([
        {
          path: 'preamble[0].content[1].footnoteId',
          message: 'refers to footnote "nope", which does not exist',
          description:
            'A footnote reference in preambular paragraph 1 refers to footnote "nope", which does not exist.',
        },
      ]);
    });

    it('accepts a reference to a footnote listed later', () => {
      expect(
        validateDocument(
          res({ operative: [op('Notes', 'x{fn:b}')], footnotes: [fn('a', 'A.'), fn('b', 'B.')] }),
        ).ok,
      ).toBe(true);
    });

    it('reports duplicate footnote ids', () => {
      expect(errorsOf(res({ footnotes: [fn('f1', 'A.'), fn('f1', 'B.')] }))).toEqual([
        {
          path: 'footnotes[1].id',
          message: 'duplicate footnote id "f1"; ids must be unique',
          description: 'Footnote 2 has the id "f1" of an earlier footnote; ids must be unique.',
        },
      ]);
    });

    it('reports an empty footnote id', () => {
      expect(paths(res({ footnotes: [fn('', 'A.')] }))).toEqual(['footnotes[0].id']);
    });

    it('reports a footnote reference inside a footnote', () => {
      expect(errorsOf(res({ footnotes: [fn('a', 'A.'), fn('b', 'See{fn:a}')] }))).toEqual([
        {
          path: 'footnotes[1].content[1]',
          message: 'a footnote cannot contain a footnote reference',
          description: 'Footnote 2 contains a footnote reference; a footnote cannot contain one.',
        },
      ]);
    });

    it.each([0, 1.5, -3, Number.NaN])('reports footnote number %s', (number) => {
      expect(paths(res({ footnotes: [fn('a', 'A.', undefined, number)] }))).toEqual(['footnotes[0].number']);
    });
  });

  describe('subparagraph depth', () => {
    const nested = (levels: number) => {
      let item = sub('deepest;');
      for (let i = 1; i < levels; i++) item = sub('level:', [item]);
      return res({ operative: [op('Decides', 'that:', [item])] });
    };

    it('accepts four levels of subparagraphs', () => {
      expect(validateDocument(nested(4)).ok).toBe(true);
    });

    it('rejects a fifth level with a clear message', () => {
      expect(errorsOf(nested(5))).toEqual([
        {
          path: 'operative[0].subparagraphs[0].subparagraphs[0].subparagraphs[0].subparagraphs[0].subparagraphs',
          message: 'subparagraphs are nested 5 levels deep; at most 4 are allowed',
          description:
            'Operative paragraph 1 has subparagraphs nested 5 levels deep; at most 4 levels are allowed.',
        },
      ]);
    });

    it('applies the same limit to annex items', () => {
      let item = sub('x');
      for (let i = 1; i < 5; i++) item = sub('y', [item]);
      expect(errorsOf(res({ annex: annex('A', [item]) }))[0]).toMatchObject({
        message: 'subparagraphs are nested 5 levels deep; at most 4 are allowed',
        description: 'Annex item 1 has subparagraphs nested 5 levels deep; at most 4 levels are allowed.',
      });
    });

    it('terminates on a cyclic subparagraph built in code', () => {
      const loop = { content: [], subparagraphs: [] as unknown[] };
      loop.subparagraphs.push(loop);
      expect(
        paths(res({ operative: [{ opener: 'A', content: [], subparagraphs: [loop] } as never] })),
      ).toHaveLength(1);
    });
  });

  describe('annex', () => {
    it('accepts null', () => {
      expect(validateDocument(res({ annex: null })).ok).toBe(true);
    });

    it('reports a missing annex key', () => {
      expect(errorsOf(edited((d) => delete d.annex))).toEqual([
        {
          path: 'annex',
          message: 'expected an annex object or null, got nothing',
          description: 'The annex is missing.',
        },
      ]);
    });

    it('reports wrong annex fields with their paths', () => {
      expect(paths(edited((d) => ((d.annex.title = null), (d.annex.items[0].label = 1))))).toEqual([
        'annex.title',
        'annex.items[0].label',
      ]);
    });
  });

  describe('dates', () => {
    it.each(['19 October 2012', '2012-10-19T10:00:00Z', '2012-13-01', '2012-02-30', '2011-02-29', ''])(
      'rejects adoption date %j',
      (date) => {
        expect(errorsOf(edited((d) => (d.metadata.adoption.date = date)))[0]?.path).toBe(
          'metadata.adoption.date',
        );
      },
    );

    it('accepts 29 February in a leap year', () => {
      expect(validateDocument(edited((d) => (d.metadata.adoption.date = '2012-02-29'))).ok).toBe(true);
    });

    it('says which format is expected', () => {
      expect(errorsOf(edited((d) => (d.metadata.date = '17/10/2012')))[0]).toMatchObject({
        message: 'expected an ISO date such as "2012-10-19", got "17/10/2012"',
        description: 'The date should be written as 2012-10-19 (year, month, day), not "17/10/2012".',
      });
    });

    it.each([0, 2.5, '10'])('rejects meeting number %j', (meeting) => {
      expect(paths(edited((d) => (d.metadata.adoption.meeting = meeting)))).toEqual([
        'metadata.adoption.meeting',
      ]);
    });
  });

  describe('size limits against hostile input', () => {
    it(`rejects more than ${LIMITS.paragraphs} operative paragraphs`, () => {
      const operative = Array.from({ length: LIMITS.paragraphs + 1 }, () => op('Requests', 'x;'));
      expect(errorsOf(res({ operative }))).toEqual([
        {
          path: 'operative',
          message: 'has 2,001 entries; the limit is 2,000',
          description: 'The document has 2,001 operative paragraphs; the limit is 2,000.',
        },
      ]);
    });

    it(`rejects a paragraph over ${LIMITS.paragraphChars} characters, even split across runs`, () => {
      const half = 'a'.repeat(LIMITS.paragraphChars / 2);
      const doc = res({ preamble: [pre('Noting', `${half}*${half}*b`)] });
      expect(errorsOf(doc)).toEqual([
        {
          path: 'preamble[0].content',
          message: 'the text is 100,001 characters long; the limit is 100,000',
          description: 'Preambular paragraph 1 is 100,001 characters long; the limit is 100,000.',
        },
      ]);
    });

    it('rejects a title too long for one line', () => {
      expect(errorsOf(res({ title: 'x'.repeat(5000) }))).toEqual([
        {
          path: 'title',
          message: 'is 5,000 characters long; the limit is 2,000',
          description: 'The title is 5,000 characters long; the limit is 2,000.',
        },
      ]);
    });

    it(`rejects more than ${LIMITS.footnotes} footnotes`, () => {
      const footnotes = Array.from({ length: LIMITS.footnotes + 1 }, (_, i) => fn(`f${i}`, 'Ibid.'));
      expect(paths(res({ footnotes }))).toEqual(['footnotes']);
    });

    it(`stops after ${LIMITS.errors} problems and says so`, () => {
      const operative = Array.from({ length: 500 }, () => ({ opener: 1, content: [], subparagraphs: [] }));
      const errors = errorsOf(res({ operative } as never));
      expect(errors).toHaveLength(LIMITS.errors + 1);
      expect(errors.at(-1)).toEqual({
        path: '',
        message: 'too many problems; stopped after 100',
        description: 'There are more than 100 problems; the check stopped there.',
      });
    });
  });

  describe('never throws', () => {
    it('reports functions, symbols and bigints where strings belong', () => {
      const doc = edited((d) => {
        d.title = () => 'x';
        d.organ = Symbol('organ');
        d.formula = 10n;
      });
      expect(errorsOf(doc)).toEqual([
        {
          path: 'organ',
          message: 'expected a string, got a symbol',
          description: 'The organ should be text, not a symbol.',
        },
        {
          path: 'formula',
          message: 'expected a string, got bigint',
          description: 'The formula should be text, not a number.',
        },
        {
          path: 'title',
          message: 'expected a string, got a function',
          description: 'The title should be text, not a function.',
        },
      ]);
    });

    it('turns a throwing getter into an error', () => {
      const doc = { ...sample() };
      Object.defineProperty(doc, 'title', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      });
      expect(errorsOf(doc)).toContainEqual({
        path: '',
        message: 'could not be read: boom',
        description: 'The document could not be read: boom.',
      });
    });

    it('returns errors, never throws, for arbitrary values', () => {
      fc.assert(
        fc.property(fc.anything({ withBigInt: true, withMap: true, withNullPrototype: true }), (value) => {
          const result = validateDocument(value);
          return !result.ok && result.errors.length > 0;
        }),
      );
    });
  });
});

describe('assertDocument', () => {
  it('returns a valid document', () => {
    const doc = sample();
    expect(assertDocument(doc)).toBe(doc);
  });

  it('throws an Error listing the first problems as sentences and how many more there are', () => {
    const operative = Array.from({ length: 7 }, () => ({ opener: 1, content: [], subparagraphs: [] }));
    expect(() => assertDocument(res({ operative } as never))).toThrow(
      'Invalid resolution document: The opener of operative paragraph 1 should be text, not a number. ' +
        'The opener of operative paragraph 2 should be text, not a number. ' +
        'The opener of operative paragraph 3 should be text, not a number. ' +
        'The opener of operative paragraph 4 should be text, not a number. ' +
        'The opener of operative paragraph 5 should be text, not a number. ' +
        'There are 2 more problems.',
    );
  });

  it('names the whole document when the problem is at the root', () => {
    expect(() => assertDocument(null)).toThrow(
      'Invalid resolution document: The document should be a resolution document, not null.',
    );
  });
});

describe('formatValidationErrors', () => {
  const format = (value: unknown, max?: number): string => formatValidationErrors(errorsOf(value), max);

  it('says a title over the limit in a sentence, without the model path', () => {
    expect(format(res({ title: 'x'.repeat(2_151) }))).toBe(
      'The title is 2,151 characters long; the limit is 2,000.',
    );
  });

  it('names an operative paragraph over the limit by its number, counted from 1, its path unchanged', () => {
    const long = 'y'.repeat(100_120);
    const operative = [op('Requests', 'a;'), op('Urges', 'b;'), op('Decides', long)];
    expect(format(res({ operative }))).toBe(
      'Operative paragraph 3 is 100,120 characters long; the limit is 100,000.',
    );
    expect(paths(res({ operative }))).toEqual(['operative[2].content']);
  });

  it('names subparagraphs, footnotes, annex items and sponsors as the person drafting knows them', () => {
    const doc = edited((d) => {
      d.operative[1].subparagraphs[1].content = [{ type: 'text', text: 'z'.repeat(100_001) }];
      d.footnotes[0].content = [{ type: 'text', text: 'f'.repeat(100_001) }];
      d.annex.items[0].opener = 'Share';
      d.metadata.adoption.sponsors[1] = null;
    });
    expect(format(doc)).toBe(
      [
        'Sponsor 2 at adoption should be text, not null.',
        'Subparagraph 2 of operative paragraph 2 is 100,001 characters long; the limit is 100,000.',
        'Annex item 1 has a field "opener" it cannot have; its fields are label, content, subparagraphs.',
        'Footnote 1 is 100,001 characters long; the limit is 100,000.',
      ].join(' '),
    );
  });

  it('shows at most `max` problems and counts the rest', () => {
    const doc = res({ title: 'x'.repeat(2_001), organ: 'o'.repeat(2_001), formula: 'f'.repeat(2_001) });
    expect(format(doc, 1)).toBe(
      'The organ is 2,001 characters long; the limit is 2,000. There are 2 more problems.',
    );
    expect(format(doc, 2)).toMatch(/ There is 1 more problem\.$/);
  });
});

describe('describePath', () => {
  it.each([
    ['', 'the document'],
    ['title', 'the title'],
    ['operative[2].content', 'the text of operative paragraph 3'],
    ['operative[2]', 'operative paragraph 3'],
    ['preamble[0].subparagraphs[1]', 'subparagraph 2 of preambular paragraph 1'],
    [
      'operative[0].subparagraphs[1].subparagraphs[0].label',
      'the label of subparagraph 1 of subparagraph 2 of operative paragraph 1',
    ],
    ['footnotes[4].content', 'the text of footnote 5'],
    ['footnotes[4].content[1]', 'part 2 of the text of footnote 5'],
    ['annex.items[0]', 'annex item 1'],
    ['annex.intro', 'the introduction of the annex'],
    ['metadata.sponsors', 'the list of sponsors'],
    ['metadata.sponsors[2]', 'sponsor 3'],
    ['metadata.adoption.date', 'the date of adoption'],
    ['metadata["a b"]', 'the field "a b" of the details section'],
    ['constructor', 'the field "constructor" of the document'],
    ['operative[1].italics', 'the field "italics" of operative paragraph 2'],
  ])('names %j as "%s"', (path, name) => {
    expect(describePath(path)).toBe(name);
  });
});
