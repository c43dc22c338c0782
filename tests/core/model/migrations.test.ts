import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../src/core/model/migrations.ts';
import { SCHEMA_VERSION } from '../../../src/core/model/types.ts';
import { validateDocument } from '../../../src/core/model/validate.ts';
import { fn, op, pre, res, sub } from '../../helpers/builders.ts';

interface V0Sub {
  label?: string;
  text: string;
  subparagraphs?: V0Sub[];
}

/** A document in the pre-release draft shape (schema version 0, described in migrations.ts). */
function v0(operative: V0Sub[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const {
    schemaVersion: _version,
    annex: _annex,
    operative: _operative,
    ...common
  } = res({
    title: 'Trafficking in persons',
    preamble: [pre('Recalling', 'the Protocol,{fn:f1}')],
    footnotes: [fn('f1', 'Ibid., vol. 2237, No. 39574.')],
  });
  return { version: 0, ...common, operative, ...extra };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('MIGRATIONS', () => {
  it('is an ordered chain of single steps that ends at SCHEMA_VERSION', () => {
    MIGRATIONS.forEach((step, i) => {
      expect(step.from).toBe(i);
      expect(step.to).toBe(step.from + 1);
      expect(step.describe).not.toBe('');
    });
    expect(MIGRATIONS.at(-1)?.to).toBe(SCHEMA_VERSION);
  });
});

describe('migrate', () => {
  it('returns a current document as it is, from the current version', () => {
    const doc = res({ title: 'T' });
    expect(migrate(doc)).toEqual({ ok: true, value: doc, from: SCHEMA_VERSION });
    const result = migrate(doc);
    expect(result.ok && result.value).toBe(doc);
  });

  describe('from the first release (version 1), before negotiation', () => {
    it('brings a version 1 draft to version 2 unchanged otherwise, not under negotiation', () => {
      const current = res({ title: 'T', operative: [op('Requests', 'the Office to report;', [], '5 bis')] });
      const { schemaVersion: _v, ...rest } = current;
      const result = migrate({ ...rest, schemaVersion: 1 });
      expect(result).toEqual({ ok: true, from: 1, value: current });
      expect(result.ok && validateDocument(result.value).ok).toBe(true);
      expect(result.ok && (result.value as { negotiation?: unknown }).negotiation).toBeUndefined();
    });
  });

  describe('from the pre-release draft shape (version 0)', () => {
    it('splits the italic opener out of the operative text, renames version and adds an empty annex', () => {
      const old = v0([
        { text: '*Requests* the Secretariat to report;' },
        {
          label: '2',
          text: '*Also requests*   the Office:',
          subparagraphs: [{ text: 'to assist;', subparagraphs: [{ text: 'States.' }] }],
        },
      ]);
      const result = migrate(old);
      expect(result).toEqual({
        ok: true,
        from: 0,
        value: res({
          title: 'Trafficking in persons',
          preamble: [pre('Recalling', 'the Protocol,{fn:f1}')],
          operative: [
            op('Requests', 'the Secretariat to report;'),
            op('Also requests', 'the Office:', [sub('to assist;', [sub('States.')])], '2'),
          ],
          footnotes: [fn('f1', 'Ibid., vol. 2237, No. 39574.')],
        }),
      });
      expect(result.ok && validateDocument(result.value).ok).toBe(true);
    });

    it('leaves the opener empty when the text does not start with a marked one', () => {
      const result = migrate(v0([{ text: 'Requests the Office;' }]));
      expect(result.ok && result.value).toMatchObject({ operative: [op('', 'Requests the Office;')] });
    });

    it('gives an empty list to paragraphs that had no subparagraphs key', () => {
      const result = migrate(v0([{ text: '*Decides* to continue.' }]));
      expect(result.ok && result.value).toMatchObject({ operative: [{ subparagraphs: [] }] });
    });

    it('also reads a version 0 document that says schemaVersion: 0', () => {
      const { version: _version, ...rest } = v0([{ text: '*Urges* States;' }]);
      const result = migrate({ schemaVersion: 0, ...rest });
      expect(result.ok && validateDocument(result.value).ok).toBe(true);
    });

    it('does not modify the document it is given', () => {
      const old = deepFreeze(v0([{ text: '*Urges* States;', subparagraphs: [{ text: 'to act.' }] }]));
      const copy = structuredClone(old);
      expect(migrate(old).ok).toBe(true);
      expect(old).toEqual(copy);
    });

    it('leaves what it does not recognize for the validator, which reports it with its path', () => {
      const result = migrate(v0([{ text: 7 } as never]));
      expect(result.ok).toBe(true);
      const validation = result.ok ? validateDocument(result.value) : undefined;
      expect(validation?.ok === false && validation.errors.map((e) => e.path)).toEqual([
        'operative[0].text',
        'operative[0].opener',
        'operative[0].content',
        'operative[0].subparagraphs',
      ]);
    });
  });

  describe('refusals', () => {
    it('refuses a document from a newer version of the app', () => {
      expect(migrate({ ...res(), schemaVersion: SCHEMA_VERSION + 1 })).toEqual({
        ok: false,
        error:
          'This document was written by a newer version of Resolution Drafter (schema version 3; ' +
          'this version reads up to 2). Update the app to open it.',
      });
    });

    it.each([
      [null, 'This is not a resolution document: expected an object.'],
      [[res()], 'This is not a resolution document: expected an object.'],
      [{ title: 'T' }, 'This is not a resolution document: it has no schemaVersion.'],
      [{ schemaVersion: '1' }, 'The document\'s schemaVersion must be a whole number, got "1".'],
      [{ schemaVersion: 0.5 }, "The document's schemaVersion must be a whole number, got 0.5."],
      [{ schemaVersion: -1 }, "The document's schemaVersion must be a whole number, got -1."],
      [{ version: null }, "The document's schemaVersion must be a whole number, got null."],
    ])('refuses %j with a message', (raw, error) => {
      expect(migrate(raw)).toEqual({ ok: false, error });
    });
  });
});
