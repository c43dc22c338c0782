import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import {
  FILE_FORMAT,
  MAX_FILE_CHARS,
  MAX_JSON_DEPTH,
  parseDocumentFile,
  serializeDocumentFile,
} from '../../../src/core/model/file.ts';
import { validateDocument } from '../../../src/core/model/validate.ts';
import { annex, fn, op, pre, res, sub } from '../../helpers/builders.ts';
import { arbDocument } from '../../helpers/arbitraries.ts';

const SAVED_AT = '2012-10-19T10:00:00.000Z';

function sample(): ResolutionDocument {
  return res({
    number: '6/4',
    title: 'Implementation of the Firearms Protocol',
    metadata: { adoption: { date: '2012-10-19', meeting: 10, sponsors: [] }, footnoteRule: 'current' },
    preamble: [pre('Recalling', 'the Firearms Protocol,{fn:f1}')],
    operative: [op('Urges', 'States parties:', [sub('to mark firearms;'), sub('to keep records.')])],
    annex: annex('Recommendations', [sub('Share *good practices*.')]),
    footnotes: [fn('f1', 'United Nations, *Treaty Series*, vol. 2326, No. 39574.')],
  });
}

/** The error of a file that must be refused. */
function refusal(text: string): string {
  const result = parseDocumentFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

const envelope = (document: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ format: FILE_FORMAT, schemaVersion: 1, savedAt: SAVED_AT, document, ...extra });

afterEach(() => {
  vi.useRealTimers();
});

describe('serializeDocumentFile', () => {
  it('writes the envelope as pretty JSON with a final newline', () => {
    const text = serializeDocumentFile(res({ title: 'T' }), { savedAt: SAVED_AT });
    expect(text.startsWith('{\n  "format": "resolution-drafter/resolution",\n  "schemaVersion": 2,\n')).toBe(
      true,
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      format: FILE_FORMAT,
      schemaVersion: 2,
      savedAt: SAVED_AT,
      document: res({ title: 'T' }),
    });
  });

  it('records the app that saved the file when given', () => {
    expect(
      JSON.parse(serializeDocumentFile(res(), { savedAt: SAVED_AT, app: 'Resolution Drafter 0.1.0' })),
    ).toMatchObject({
      app: 'Resolution Drafter 0.1.0',
    });
  });

  it('stamps the current time when no savedAt is given', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(SAVED_AT));
    expect(JSON.parse(serializeDocumentFile(res())).savedAt).toBe(SAVED_AT);
  });
});

describe('parseDocumentFile', () => {
  it('reads back what serializeDocumentFile wrote', () => {
    const doc = sample();
    expect(parseDocumentFile(serializeDocumentFile(doc))).toEqual({ ok: true, document: doc });
  });

  it('round-trips any valid document unchanged', () => {
    fc.assert(
      fc.property(arbDocument({ maxDepth: 4 }), (doc) => {
        const result = parseDocumentFile(serializeDocumentFile(doc, { savedAt: SAVED_AT }));
        expect(result).toEqual({ ok: true, document: doc });
        expect(result.ok && validateDocument(result.document).ok).toBe(true);
      }),
    );
  });

  it('accepts a bare document without the envelope', () => {
    expect(parseDocumentFile(JSON.stringify(sample()))).toEqual({ ok: true, document: sample() });
  });

  it('accepts a file that starts with a byte-order mark', () => {
    expect(parseDocumentFile(`\uFEFF${serializeDocumentFile(sample())}`).ok).toBe(true);
  });

  it('migrates a pre-release draft and says where it came from', () => {
    const { schemaVersion: _s, annex: _a, operative: _o, ...common } = res({ title: 'Old draft' });
    const old = { version: 0, ...common, operative: [{ text: '*Requests* the Office.' }] };
    const expected = res({ title: 'Old draft', operative: [op('Requests', 'the Office.')] });
    expect(parseDocumentFile(JSON.stringify(old))).toEqual({ ok: true, document: expected, migratedFrom: 0 });
    expect(parseDocumentFile(envelope(old, { schemaVersion: 0 }))).toEqual({
      ok: true,
      document: expected,
      migratedFrom: 0,
    });
  });

  describe('refuses with a human message, never a throw', () => {
    it.each(['', '   \n\t', '\uFEFF'])('an empty file (%j)', (text) => {
      expect(refusal(text)).toBe('The file is empty.');
    });

    it('text that is not JSON, saying where when the engine tells', () => {
      expect(refusal('{\n  "format": "resolution-drafter/resolution",\n  "schemaVersion" 1\n}')).toMatch(
        /^The file is not valid JSON at line 3, column 19 \(unexpected number\)\.$/,
      );
    });

    it('text that is not JSON without quoting the text back', () => {
      const error = refusal('Draft resolution: Trafficking in persons');
      expect(error).toMatch(/^The file is not valid JSON/);
      expect(error).not.toContain('Trafficking');
    });

    it('a file cut off in the middle', () => {
      expect(refusal(serializeDocumentFile(sample()).slice(0, 200))).toBe(
        'The file is not valid JSON: it ends too early (was it cut off?).',
      );
    });

    it.each([
      ['[]', 'The file does not hold a resolution: expected a JSON object, got an array.'],
      ['"resolution"', 'The file does not hold a resolution: expected a JSON object, got string.'],
      ['null', 'The file does not hold a resolution: expected a JSON object, got null.'],
    ])('JSON that is not an object (%s)', (text, error) => {
      expect(refusal(text)).toBe(error);
    });

    it('another format', () => {
      expect(refusal(envelope(sample(), { format: 'tldraw' }))).toBe(
        'This is not a Resolution Drafter file: its format is "tldraw", expected "resolution-drafter/resolution".',
      );
    });

    it('an envelope without a format', () => {
      expect(refusal(JSON.stringify({ document: sample() }))).toBe(
        'This is not a Resolution Drafter file: its format is missing, expected "resolution-drafter/resolution".',
      );
    });

    it('an envelope without a document', () => {
      expect(refusal(JSON.stringify({ format: FILE_FORMAT, schemaVersion: 1 }))).toBe(
        'The file has no "document" in it.',
      );
    });

    it('a file written by a newer version of the app', () => {
      expect(refusal(envelope({ schemaVersion: 7 }, { schemaVersion: 7 }))).toBe(
        'This file was written by a newer version of Resolution Drafter (schema version 7; this version reads up to 2). ' +
          'Update the app to open it.',
      );
    });

    it('a bare document from a newer version of the app', () => {
      expect(refusal(JSON.stringify({ ...sample(), schemaVersion: 3 }))).toMatch(
        /written by a newer version/,
      );
    });

    it('an invalid document, with every problem and its path in the details', () => {
      const result = parseDocumentFile(envelope({ ...sample(), kind: 'motion', title: 3 }));
      expect(result).toEqual({
        ok: false,
        error:
          "The file's document is not valid (2 problems): " +
          'The kind of document should be "resolution" or "decision", not "motion". ' +
          'The title should be text, not a number.',
        details: [
          {
            path: 'kind',
            message: 'expected "resolution" or "decision", got "motion"',
            description: 'The kind of document should be "resolution" or "decision", not "motion".',
          },
          {
            path: 'title',
            message: 'expected a string, got number',
            description: 'The title should be text, not a number.',
          },
        ],
      });
    });

    it('a file over 20 MB, before reading it', () => {
      expect(refusal(' '.repeat(MAX_FILE_CHARS + 1))).toBe(
        'The file is too large (20.0 MB); a resolution file can be at most 20 MB.',
      );
    });

    it('absurdly deep nesting', () => {
      const depth = 100_000;
      expect(refusal('['.repeat(depth) + ']'.repeat(depth))).toBe(
        `The file nests lists or objects more than ${MAX_JSON_DEPTH} levels deep; it is not a resolution file.`,
      );
    });

    it('but not brackets inside strings, escaped quotes included', () => {
      const title = `\\"${'['.repeat(1000)}`;
      expect(parseDocumentFile(envelope(res({ title: title.slice(0, 1000) }))).ok).toBe(true);
      expect(parseDocumentFile(envelope(res({ title: '"'.repeat(10) + '{'.repeat(500) }))).ok).toBe(true);
    });

    it('a huge string where a title belongs', () => {
      const result = parseDocumentFile(envelope(res({ title: 'x'.repeat(3_000_000) })));
      expect(!result.ok && result.details).toEqual([
        {
          path: 'title',
          message: 'is 3,000,000 characters long; the limit is 2,000',
          description: 'The title is 3,000,000 characters long; the limit is 2,000.',
        },
      ]);
    });
  });

  describe('__proto__ keys', () => {
    const PROTO = '"__proto__":{"polluted":true},';
    const hostile = [
      ['at the top of a bare document', () => `{${PROTO}${JSON.stringify(sample()).slice(1)}`],
      [
        'at the top of an enveloped document',
        () => envelope(sample()).replace('"document":{', `"document":{${PROTO}`),
      ],
      ['in the metadata', () => envelope(sample()).replace('"metadata":{', `"metadata":{${PROTO}`)],
      ['in a run', () => envelope(sample()).replace('{"type":"text",', `{${PROTO}"type":"text",`)],
    ] as const;

    it.each(hostile)('cannot pollute Object.prototype from a key %s, and is refused', (_where, file) => {
      const text = file();
      expect(text).toContain('__proto__');
      const result = parseDocumentFile(text);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(result.ok ? 'accepted' : result.error).toMatch(/has a field "__proto__" it cannot have/);
    });

    it('ignores a __proto__ key in the envelope, which is not read', () => {
      const text = `{"__proto__":{"format":"x"},${envelope(sample()).slice(1)}`;
      expect(parseDocumentFile(text)).toEqual({ ok: true, document: sample() });
    });
  });

  describe('hostile input', () => {
    const wellFormed = (result: ReturnType<typeof parseDocumentFile>): boolean =>
      result.ok
        ? validateDocument(result.document).ok
        : typeof result.error === 'string' && result.error.length > 0;

    it('answers random text with a refusal', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) =>
          wellFormed(parseDocumentFile(text)),
        ),
      );
    });

    it('answers random bytes decoded as UTF-8 with a refusal', () => {
      const decoder = new TextDecoder();
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 300 }),
          (bytes) => !parseDocumentFile(decoder.decode(bytes)).ok,
        ),
      );
    });

    it('answers arbitrary JSON with a refusal', () => {
      fc.assert(fc.property(fc.json({ depthSize: 'medium' }), (text) => wellFormed(parseDocumentFile(text))));
    });

    it('answers a valid file with one value replaced by arbitrary JSON without throwing', () => {
      const base = JSON.parse(envelope(sample())) as Record<string, unknown>;
      const keys = ['format', 'schemaVersion', 'document'];
      fc.assert(
        fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) =>
          wellFormed(parseDocumentFile(JSON.stringify({ ...base, [key]: value }))),
        ),
      );
    });
  });
});
