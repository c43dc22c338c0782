/**
 * The files that carry drafts out of the browser and back (src/storage/files.ts): one draft's
 * *.resolution.json, and the bundle of everything. Writing and reading are pure, so they run in Node
 * with records built as db.ts reads them; the round trip through IndexedDB is in drafts.browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { DamagedRecord, StoredDraft, StoredRevision } from '../../src/storage/db.ts';
import type { ImportRead } from '../../src/storage/files.ts';
import { parseDocumentFile, serializeDocumentFile } from '../../src/core/model/file.ts';
import { RECORD_VERSION, readDraftRecord, readRevisionRecord } from '../../src/storage/db.ts';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  draftFile,
  parseBundle,
  readImportFile,
  writeBundle,
} from '../../src/storage/files.ts';
import { op, pre, res } from '../helpers/builders.ts';

const CLOCK = Date.parse('2012-10-19T12:00:00.000Z');
const now = () => CLOCK;

const doc = (title: string, text = 'the Secretariat to report;') =>
  res({ title, preamble: [pre('Recalling', 'its resolution 5/1,')], operative: [op('Requests', text)] });

const draft = (id: string, name: string, extra: Partial<StoredDraft> = {}): StoredDraft => ({
  damaged: false,
  recordVersion: RECORD_VERSION,
  id,
  name,
  createdAt: '2012-10-15T09:00:00.000Z',
  updatedAt: '2012-10-15T10:00:00.000Z',
  saveCount: 4,
  document: doc(`Title of ${name}`),
  ...extra,
});

const revision = (id: string, draftId: string, name: string): StoredRevision => ({
  damaged: false,
  recordVersion: RECORD_VERSION,
  id,
  draftId,
  name,
  createdAt: '2012-10-15T09:30:00.000Z',
  automatic: false,
  saveCount: 2,
  document: doc('As it was', 'the Secretariat to consider;'),
});

const damaged = (store: DamagedRecord['store'], id: string, raw: unknown): DamagedRecord => ({
  damaged: true,
  store,
  id,
  error: 'This stored draft cannot be opened: it is not a record.',
  raw,
});

interface BundleJson {
  format: string;
  bundleVersion: number;
  exportedAt: string;
  drafts: { id: string; name: string; updatedAt: string; document: unknown; revisions: { name: string }[] }[];
  damaged: { store: string; id: string; raw: unknown }[];
}

function bundleOf(content: Parameters<typeof writeBundle>[0]): BundleJson {
  return JSON.parse(writeBundle(content)) as BundleJson;
}

function bundleRead(read: ImportRead): Extract<ImportRead, { kind: 'bundle' }> {
  if (read.kind !== 'bundle') throw new Error(`expected a bundle, got ${JSON.stringify(read)}`);
  return read;
}

describe('draftFile', () => {
  it('writes a draft as its *.resolution.json file, named after the draft', () => {
    const file = draftFile(draft('d1', 'L.4: Rev.2'));
    expect(file.fileName).toBe('L.4- Rev.2.resolution.json');
    expect(parseDocumentFile(file.text)).toMatchObject({ ok: true, document: doc('Title of L.4: Rev.2') });
  });

  it('writes a damaged record as its raw data, named after its id', () => {
    const file = draftFile(damaged('drafts', 'junk', { name: 'Broken', saveCount: 'x' }));
    expect(file).toEqual({
      fileName: 'junk.damaged.json',
      text: `${JSON.stringify({ name: 'Broken', saveCount: 'x' }, null, 2)}\n`,
    });
  });
});

describe('writeBundle', () => {
  it('holds every draft not deleted with its revisions, stamped with the store’s clock', () => {
    const bundle = bundleOf({
      drafts: [
        draft('a', 'Draft A'),
        draft('gone', 'Deleted', { deletedAt: '2012-10-18T10:00:00.000Z' }),
        draft('b', 'Draft B'),
      ],
      revisions: [revision('r1', 'a', 'Rev.1'), revision('r2', 'gone', 'Rev.1')],
      now,
    });
    expect(bundle).toMatchObject({
      format: BUNDLE_FORMAT,
      bundleVersion: BUNDLE_VERSION,
      exportedAt: '2012-10-19T12:00:00.000Z',
    });
    expect(bundle.drafts.map((d) => [d.name, d.revisions.map((r) => r.name)])).toEqual([
      ['Draft A', ['Rev.1']],
      ['Draft B', []],
    ]);
  });

  it('carries every damaged record with its raw data, revisions first, as JSON can hold it', () => {
    const bundle = bundleOf({
      drafts: [damaged('drafts', 'd-bad', { note: 'raw bytes', big: 10n })],
      revisions: [damaged('revisions', 'r-bad', 'garbage')],
      now,
    });
    expect(bundle.drafts).toEqual([]);
    expect(bundle.damaged).toEqual([
      expect.objectContaining({ store: 'revisions', id: 'r-bad', raw: 'garbage' }),
      expect.objectContaining({ store: 'drafts', id: 'd-bad', raw: { note: 'raw bytes', big: '10' } }),
    ]);
  });

  it('puts the unsaved text in place of the stored one and keeps the stored text as "Last stored version"', () => {
    const stored = draft('a', 'Draft A');
    const onScreen = doc('Title of Draft A', 'the Secretariat to report to the Conference;');
    const bundle = bundleOf({
      drafts: [stored],
      revisions: [],
      unsaved: { draftId: 'a', document: onScreen },
      now,
    });
    expect(bundle.drafts).toEqual([
      expect.objectContaining({
        id: 'a',
        updatedAt: '2012-10-19T12:00:00.000Z',
        document: onScreen,
        revisions: [
          {
            id: 'a-stored',
            name: 'Last stored version',
            createdAt: stored.updatedAt,
            automatic: true,
            document: stored.document,
          },
        ],
      }),
    ]);
  });

  it('adds no revision when the unsaved text is the stored text', () => {
    const stored = draft('a', 'Draft A');
    const bundle = bundleOf({
      drafts: [stored],
      revisions: [],
      unsaved: { draftId: 'a', document: stored.document },
      now,
    });
    expect(bundle.drafts[0]?.revisions).toEqual([]);
  });

  it('still carries the open draft’s text when the store no longer has it, named after its title', () => {
    const onScreen = doc('Only on screen');
    const bundle = bundleOf({
      drafts: [],
      revisions: [],
      unsaved: { draftId: 'lost', document: onScreen },
      now,
    });
    expect(bundle.drafts).toEqual([
      {
        id: 'lost',
        name: 'Only on screen',
        createdAt: '2012-10-19T12:00:00.000Z',
        updatedAt: '2012-10-19T12:00:00.000Z',
        document: onScreen,
        revisions: [],
      },
    ]);
  });
});

describe('parseBundle', () => {
  it('takes text that does not name the bundle format for a document file', () => {
    expect(parseBundle(serializeDocumentFile(doc('T')))).toBeUndefined();
  });

  it('leaves JSON it cannot parse to the document file reader, which says what is wrong', () => {
    expect(parseBundle(`{"format": "${BUNDLE_FORMAT}",`)).toBeUndefined();
  });

  it('reads a bundle that starts with a byte order mark', () => {
    const text = `\uFEFF${writeBundle({ drafts: [draft('a', 'Draft A')], revisions: [], now })}`;
    expect(parseBundle(text)).toMatchObject({ drafts: [{ name: 'Draft A' }], damagedCount: 0 });
  });

  it('refuses a bundle from a newer version of the app, saying to update it', () => {
    const text = JSON.stringify({ format: BUNDLE_FORMAT, bundleVersion: BUNDLE_VERSION + 1, drafts: [] });
    expect(parseBundle(text)).toEqual({
      error: 'This bundle was written by a newer version of Resolution Drafter; update the app to open it.',
    });
  });

  it('refuses a bundle without a list of drafts', () => {
    expect(parseBundle(JSON.stringify({ format: BUNDLE_FORMAT, bundleVersion: 1 }))).toEqual({
      error: 'The bundle has no list of drafts.',
    });
  });
});

describe('readImportFile', () => {
  it('reads a *.resolution.json file as one draft named after the file', () => {
    const text = serializeDocumentFile(doc('Shared by e-mail'));
    expect(readImportFile(text, 'C:\\drafts\\L.4 Rev.2.resolution.json', now)).toEqual({
      kind: 'document',
      document: doc('Shared by e-mail'),
      name: 'L.4 Rev.2',
    });
    expect(readImportFile(text, undefined, now)).toEqual({
      kind: 'document',
      document: doc('Shared by e-mail'),
    });
  });

  it('refuses a file that is not a resolution with the reader’s message', () => {
    expect(readImportFile('{"format":"something else"}', 'x.json', now)).toEqual({
      kind: 'invalid',
      error: expect.stringContaining('not a Resolution Drafter file'),
    });
  });

  it('reads a bundle back as new records under new ids, each revision tied to its new draft', () => {
    const text = writeBundle({
      drafts: [draft('a', 'Draft A'), draft('b', 'Draft B')],
      revisions: [revision('r1', 'a', 'Rev.1')],
      now,
    });
    const read = bundleRead(readImportFile(text, 'all.json', now));
    expect(read.problems).toEqual([]);
    expect(read.drafts.map((d) => d.name)).toEqual(['Draft A', 'Draft B']);
    expect(read.drafts.map((d) => d.id)).not.toContain('a');
    const [a] = read.drafts;
    expect(a).toMatchObject({
      createdAt: '2012-10-15T09:00:00.000Z',
      updatedAt: '2012-10-15T10:00:00.000Z',
      saveCount: 1,
      document: doc('Title of Draft A'),
    });
    expect(read.revisions).toEqual([
      expect.objectContaining({
        draftId: a?.id,
        name: 'Rev.1',
        saveCount: 1,
        document: doc('As it was', 'the Secretariat to consider;'),
      }),
    ]);
    // What it writes reads back as sound records.
    expect(readDraftRecord(a, a?.id ?? '')).toMatchObject({ damaged: false });
    expect(readRevisionRecord(read.revisions[0], 'r')).toMatchObject({ damaged: false });
  });

  it('imports the readable drafts of a bundle and says, one line each, what was not imported and why', () => {
    const text = JSON.stringify({
      format: BUNDLE_FORMAT,
      bundleVersion: 1,
      drafts: [
        { name: 'Good', document: doc('Good'), revisions: [{ name: 'Rev.1', document: 'garbage' }] },
        { name: 'Broken', document: { ...doc('Broken'), kind: 'motion' } },
      ],
      damaged: [{}, {}],
    });
    const read = bundleRead(readImportFile(text, undefined, now));
    expect(read.drafts.map((d) => d.name)).toEqual(['Good']);
    expect(read.revisions).toEqual([]);
    expect(read.problems).toEqual([
      'Draft 1 ("Good"), revision 1, was not imported: This is not a resolution document: expected an object.',
      'Draft 2 ("Broken") was not imported: its document is not valid: The kind of document should be "resolution" or "decision", not "motion".',
      '2 damaged records in the bundle were not imported (their raw data stays in the file).',
    ]);
  });

  it('fills in what a bundle written by hand leaves out: names, times, revision names', () => {
    const text = JSON.stringify({
      format: BUNDLE_FORMAT,
      bundleVersion: 1,
      drafts: [
        {
          name: '   ',
          createdAt: 'yesterday',
          document: doc('Named after the title'),
          revisions: [{ document: doc('First') }, { name: '', document: doc('Second'), automatic: 'yes' }],
        },
      ],
    });
    const read = bundleRead(readImportFile(text, undefined, now));
    expect(read.drafts).toEqual([
      expect.objectContaining({
        name: 'Named after the title',
        createdAt: '2012-10-19T12:00:00.000Z',
        updatedAt: '2012-10-19T12:00:00.000Z',
      }),
    ]);
    expect(read.revisions.map((r) => [r.name, r.automatic, r.createdAt])).toEqual([
      ['Rev.1', false, '2012-10-19T12:00:00.000Z'],
      ['Rev.2', false, '2012-10-19T12:00:00.000Z'],
    ]);
  });

  it('says "1 damaged record ... was" for a single one', () => {
    const text = JSON.stringify({ format: BUNDLE_FORMAT, bundleVersion: 1, drafts: [], damaged: [{}] });
    expect(bundleRead(readImportFile(text, undefined, now)).problems).toEqual([
      '1 damaged record in the bundle was not imported (their raw data stays in the file).',
    ]);
  });
});
