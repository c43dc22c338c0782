import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ensurePackFile, libraryStamp } from '../../../src/cli/library-build.ts';
import { serializeDocumentFile } from '../../../src/core/model/file.ts';
import { makePack, PACK_FORMAT, PACK_VERSION, readPack } from '../../../src/core/library/pack.ts';
import type { LibraryDocument } from '../../../src/core/library/types.ts';
import { op, res } from '../../helpers/builders.ts';

const document: LibraryDocument = {
  meta: {
    id: 'A/RES/79/1',
    symbol: 'A/RES/79/1',
    body: 'ga',
    kind: 'resolution',
    number: '79/1',
    session: 79,
    date: '2024-09-22',
    title: 'The Pact for the Future',
    agendaItem: '123',
    agendaItemTitle: 'Strengthening of the United Nations system',
    report: null,
    draftSymbol: 'A/79/L.2',
  },
  doc: res({ title: 'The Pact for the Future', operative: [op('Adopts', 'the Pact for the Future;')] }),
};

const valid = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(makePack('abc', [document], new Map([['A/RES/80/1', 'A/RES/79/1']])))) as Record<
    string,
    unknown
  >;

describe('readPack', () => {
  it('reads back what makePack wrote: documents, metadata and predecessors', () => {
    const pack = readPack(
      JSON.stringify(makePack('abc', [document], new Map([['A/RES/80/1', 'A/RES/79/1']]))),
    );
    expect(pack.format).toBe(PACK_FORMAT);
    expect(pack.version).toBe(PACK_VERSION);
    expect(pack.stamp).toBe('abc');
    expect(pack.documents).toEqual([document]);
    expect(pack.predecessors).toEqual([['A/RES/80/1', 'A/RES/79/1']]);
  });

  it('refuses a damaged file: not JSON, or cut short', () => {
    expect(() => readPack('')).toThrow('The library file is damaged (not JSON).');
    const text = JSON.stringify(valid());
    expect(() => readPack(text.slice(0, text.length / 2))).toThrow('The library file is damaged (not JSON).');
  });

  it("refuses a file of another kind, a saved draft of the app's included", () => {
    const message = 'This is not a library file of Resolution Drafter.';
    expect(() => readPack('null')).toThrow(message);
    expect(() => readPack('[]')).toThrow(message);
    expect(() => readPack('{"format":"something-else","version":1}')).toThrow(message);
    expect(() => readPack(serializeDocumentFile(document.doc))).toThrow(message);
  });

  it('refuses a newer (or older) version with both versions named', () => {
    expect(() => readPack(JSON.stringify({ ...valid(), version: 2 }))).toThrow(
      `The library file has version 2; this app reads version ${PACK_VERSION}.`,
    );
    expect(() => readPack(JSON.stringify({ ...valid(), version: 0 }))).toThrow(
      `The library file has version 0; this app reads version ${PACK_VERSION}.`,
    );
  });

  it('refuses a file without its documents or predecessors', () => {
    const { documents: _d, ...noDocuments } = valid();
    const { predecessors: _p, ...noPredecessors } = valid();
    expect(() => readPack(JSON.stringify(noDocuments))).toThrow(
      'The library file is damaged (documents missing).',
    );
    expect(() => readPack(JSON.stringify(noPredecessors))).toThrow(
      'The library file is damaged (documents missing).',
    );
  });

  it('refuses a document without its metadata or its text', () => {
    const message = 'The library file is damaged (a document without its metadata or text).';
    const broken = (d: unknown): string => JSON.stringify({ ...valid(), documents: [document, d] });
    expect(() => readPack(broken({ doc: document.doc }))).toThrow(message);
    expect(() => readPack(broken({ meta: document.meta }))).toThrow(message);
    expect(() => readPack(broken({ meta: { ...document.meta, body: 'senate' }, doc: document.doc }))).toThrow(
      message,
    );
    expect(() => readPack(broken({ meta: document.meta, doc: { title: 'no paragraphs' } }))).toThrow(message);
    expect(() => readPack(broken(null))).toThrow(message);
  });
});

describe('the shipped pack file', () => {
  it('is the gzipped pack of the current texts, stamped with their digest', () => {
    const file = ensurePackFile();
    expect(file.stamp).toBe(libraryStamp());
    expect(file.path).toContain(file.stamp);
    const pack = readPack(gunzipSync(readFileSync(file.path)).toString('utf8'));
    expect(pack.stamp).toBe(file.stamp);
    expect(pack.documents).toHaveLength(898);
    // Every predecessor names two documents of the pack.
    const ids = new Set(pack.documents.map((d) => d.meta.id));
    expect(pack.predecessors.every(([a, b]) => ids.has(a) && ids.has(b) && a !== b)).toBe(true);
  }, 120_000);
});
