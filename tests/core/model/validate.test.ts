import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import type { ValidationError } from '../../../src/core/model/validate.ts';
import { LIMITS, assertDocument, validateDocument } from '../../../src/core/model/validate.ts';
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
    [null, 'null'],
    [[], 'an array'],
    ['resolution', 'string'],
    [42, 'number'],
    [undefined, 'nothing'],
    [() => sample(), 'a function'],
    [Symbol('doc'), 'a symbol'],
  ])('reports %s at the root as what it is (%s)', (value, got) => {
    expect(errorsOf(value)).toEqual([
      { path: '', message: `expected a resolution document object, got ${got}` },
    ]);
  });

  it('reports a wrong field type with its path and what was expected', () => {
    expect(errorsOf(edited((d) => (d.operative[1].opener = 7)))).toEqual([
      { path: 'operative[1].opener', message: 'expected a string, got number' },
    ]);
  });

  it('reports a missing field as got nothing', () => {
    expect(errorsOf(edited((d) => delete d.preamble[0].content))).toEqual([
      { path: 'preamble[0].content', message: 'expected an array, got nothing' },
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
      },
    ]);
  });

  it('reports a schema version other than the current one', () => {
    expect(errorsOf(edited((d) => (d.schemaVersion = 0)))).toEqual([
      { path: 'schemaVersion', message: 'expected schema version 1, got 0' },
    ]);
  });

  it('reports a kind that is neither resolution nor decision, quoting it', () => {
    expect(errorsOf(edited((d) => (d.kind = 'motion')))).toEqual([
      { path: 'kind', message: 'expected "resolution" or "decision", got "motion"' },
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

  describe('unknown keys', () => {
    it('reports an extra top-level key', () => {
      expect(errorsOf(edited((d) => (d.author = 'me')))).toEqual([
        {
          path: 'author',
          message:
            'unknown key "author" (expected one of: schemaVersion, kind, number, organ, formula, title, metadata, preamble, operative, annex, footnotes)',
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
        { path: 'preamble[0].content[0].type', message: 'expected "text" or "footnoteRef", got "bold"' },
      ]);
    });

    it('reports a run that is not an object', () => {
      expect(errorsOf(edited((d) => (d.preamble[0].content[0] = 'text')))).toEqual([
        { path: 'preamble[0].content[0]', message: 'expected an inline run object, got string' },
      ]);
    });

    it('reports italic that is not a boolean', () => {
      expect(errorsOf(edited((d) => (d.operative[1].subparagraphs[0].content[1].italic = 'yes')))).toEqual([
        {
          path: 'operative[1].subparagraphs[0].content[1].italic',
          message: 'expected a boolean, got string',
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
        { path: 'footnotes[1].id', message: 'duplicate footnote id "f1"; ids must be unique' },
      ]);
    });

    it('reports an empty footnote id', () => {
      expect(paths(res({ footnotes: [fn('', 'A.')] }))).toEqual(['footnotes[0].id']);
    });

    it('reports a footnote reference inside a footnote', () => {
      expect(errorsOf(res({ footnotes: [fn('a', 'A.'), fn('b', 'See{fn:a}')] }))).toEqual([
        { path: 'footnotes[1].content[1]', message: 'a footnote cannot contain a footnote reference' },
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
        },
      ]);
    });

    it('applies the same limit to annex items', () => {
      let item = sub('x');
      for (let i = 1; i < 5; i++) item = sub('y', [item]);
      expect(errorsOf(res({ annex: annex('A', [item]) }))[0]?.message).toBe(
        'subparagraphs are nested 5 levels deep; at most 4 are allowed',
      );
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
        { path: 'annex', message: 'expected an annex object or null, got nothing' },
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
      expect(errorsOf(edited((d) => (d.metadata.date = '17/10/2012')))[0]?.message).toBe(
        'expected an ISO date such as "2012-10-19", got "17/10/2012"',
      );
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
        { path: 'operative', message: 'has 2,001 entries; the limit is 2,000' },
      ]);
    });

    it(`rejects a paragraph over ${LIMITS.paragraphChars} characters, even split across runs`, () => {
      const half = 'a'.repeat(LIMITS.paragraphChars / 2);
      const doc = res({ preamble: [pre('Noting', `${half}*${half}*b`)] });
      expect(errorsOf(doc)).toEqual([
        { path: 'preamble[0].content', message: 'the text is 100,001 characters long; the limit is 100,000' },
      ]);
    });

    it('rejects a title too long for one line', () => {
      expect(errorsOf(res({ title: 'x'.repeat(5000) }))).toEqual([
        { path: 'title', message: 'is 5,000 characters long; the limit is 2,000' },
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
      expect(errors.at(-1)).toEqual({ path: '', message: 'too many problems; stopped after 100' });
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
        { path: 'organ', message: 'expected a string, got a symbol' },
        { path: 'formula', message: 'expected a string, got bigint' },
        { path: 'title', message: 'expected a string, got a function' },
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
      expect(errorsOf(doc)).toContainEqual({ path: '', message: 'could not be read: boom' });
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

  it('throws an Error listing the first problems and how many more there are', () => {
    const operative = Array.from({ length: 7 }, () => ({ opener: 1, content: [], subparagraphs: [] }));
    expect(() => assertDocument(res({ operative } as never))).toThrow(
      'Invalid resolution document: operative[0].opener: expected a string, got number; ' +
        'operative[1].opener: expected a string, got number; operative[2].opener: expected a string, got number; ' +
        'operative[3].opener: expected a string, got number; operative[4].opener: expected a string, got number ' +
        '(and 2 more)',
    );
  });

  it('names the whole document when the problem is at the root', () => {
    expect(() => assertDocument(null)).toThrow(
      'Invalid resolution document: document: expected a resolution document object, got null',
    );
  });
});
