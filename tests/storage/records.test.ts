/**
 * Reading stored records and naming storage errors: pure functions, so they run in Node; everything
 * that touches IndexedDB is in the *.browser.test.ts files.
 */
import { describe, expect, it } from 'vitest';
import {
  DB_UPGRADES,
  RECORD_VERSION,
  rawJson,
  rawText,
  draftDeletedAt,
  readDraftRecord,
  readRevisionRecord,
} from '../../src/storage/db.ts';
import { draftFileName } from '../../src/storage/drafts.ts';
import { QUOTA_MESSAGE, describeStorageError, isQuotaError } from '../../src/storage/errors.ts';
import { isTabMessage } from '../../src/storage/tabs.ts';
import { op, res } from '../helpers/builders.ts';

const record = (extra: Record<string, unknown> = {}) => ({
  recordVersion: RECORD_VERSION,
  id: 'd1',
  name: 'Draft',
  createdAt: '2012-10-19T10:00:00.000Z',
  updatedAt: '2012-10-19T11:00:00.000Z',
  saveCount: 2,
  document: res({ title: 'T', operative: [op('Requests', 'the Office;')] }),
  ...extra,
});

describe('draftDeletedAt', () => {
  it('is the deletion readDraftRecord reads, for every kind of record, without reading the document', () => {
    const removed = '2012-10-20T09:00:00.000Z';
    const raws: unknown[] = [
      record(),
      record({ deletedAt: removed }),
      record({ deletedAt: 'yesterday' }),
      record({ deletedAt: removed, document: { not: 'a resolution' } }),
      record({ deletedAt: removed, saveCount: -1 }),
      { setAside: 'damaged', draftId: 'd1', name: 'Old', deletedAt: removed, raw: record() },
      { setAside: 'damaged', draftId: 'd1', name: 'Old', raw: record({ deletedAt: removed }) },
      'not a record',
      null,
    ];
    for (const raw of raws) expect(draftDeletedAt(raw)).toBe(readDraftRecord(raw, 'd1').deletedAt);
    expect(draftDeletedAt(record({ deletedAt: removed }))).toBe(removed);
  });
});

describe('DB_UPGRADES', () => {
  it('is one ordered list of versions 1, 2 ...', () => {
    expect(DB_UPGRADES.map((u) => u.version)).toEqual(DB_UPGRADES.map((_, i) => i + 1));
  });
});

describe('readDraftRecord', () => {
  it('reads a sound record with its validated document', () => {
    expect(readDraftRecord(record(), 'd1')).toEqual({ damaged: false, ...record() });
  });

  it.each([
    ['a string', 'garbage', 'it is not a record'],
    ['no record version', record({ recordVersion: undefined }), 'it has no record version'],
    [
      'a newer record version',
      record({ recordVersion: 2 }),
      'newer version of Resolution Drafter (record version 2)',
    ],
    ['a negative save count', record({ saveCount: -1 }), 'its field "saveCount" is missing or malformed'],
    [
      'an unreadable time',
      record({ updatedAt: 'yesterday' }),
      'its field "updatedAt" is missing or malformed',
    ],
    [
      'no document',
      record({ document: undefined }),
      'opened: this is not a resolution document: expected an object.',
    ],
    [
      'an invalid document',
      record({ document: { ...res(), kind: 'motion' } }),
      'its document is not valid: The kind of document should be "resolution" or "decision", not "motion".',
    ],
  ])('reports a record with %s as damaged, saying why and keeping the raw value', (_what, raw, why) => {
    const entry = readDraftRecord(raw, 'd1');
    expect(entry).toMatchObject({ damaged: true, store: 'drafts', id: 'd1', raw });
    expect(entry.damaged && entry.error).toContain(why);
  });

  it('reads a record set aside by a restore as the damaged record it keeps, raw data and all', () => {
    const original = record({ saveCount: 'x' });
    const setAside = {
      recordVersion: RECORD_VERSION,
      id: 'd2',
      setAside: 'damaged',
      name: 'Draft (damaged)',
      draftId: 'd1',
      replacedBy: 'Rev.1',
      setAsideAt: '2012-10-19T12:00:00.000Z',
      raw: original,
    };
    expect(readDraftRecord(setAside, 'd2')).toEqual({
      damaged: true,
      store: 'drafts',
      id: 'd2',
      name: 'Draft (damaged)',
      error:
        'This stored draft cannot be opened: its field "saveCount" is missing or malformed. ' +
        'It was set aside when “Rev.1” was restored in its place.',
      raw: original,
    });
    expect(readDraftRecord({ ...setAside, deletedAt: '2012-10-19T13:00:00.000Z' }, 'd2')).toMatchObject({
      deletedAt: '2012-10-19T13:00:00.000Z',
    });
  });

  it('keeps the name of a damaged record for the drafts list', () => {
    expect(readDraftRecord(record({ saveCount: 'x' }), 'd1')).toMatchObject({ damaged: true, name: 'Draft' });
  });
});

describe('readRevisionRecord', () => {
  it('needs the revision fields as well as the document', () => {
    const revision = { ...record(), draftId: 'd1', automatic: false };
    expect(readRevisionRecord(revision, 'r1')).toMatchObject({ damaged: false, draftId: 'd1' });
    expect(readRevisionRecord({ ...revision, automatic: 'no' }, 'r1')).toMatchObject({
      damaged: true,
      store: 'revisions',
      error: expect.stringContaining('"automatic"'),
    });
  });
});

describe('rawText', () => {
  it('writes what JSON cannot hold instead of throwing: cycles and BigInt', () => {
    const cyclic: Record<string, unknown> = { id: 'x', big: 10n };
    cyclic.self = cyclic;
    expect(rawJson(cyclic)).toEqual({ id: 'x', big: '10', self: '[repeated]' });
    expect(JSON.parse(rawText(cyclic))).toEqual({ id: 'x', big: '10', self: '[repeated]' });
  });
});

describe('describeStorageError', () => {
  it('names a full storage "quota", whichever form the browser gives it', () => {
    expect(describeStorageError(new DOMException('Quota exceeded.', 'QuotaExceededError'))).toEqual({
      reason: 'quota',
      message: QUOTA_MESSAGE,
    });
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('reports any other failure with its name and message', () => {
    expect(describeStorageError(new DOMException('The connection is closing.', 'InvalidStateError'))).toEqual(
      {
        reason: 'error',
        message: 'The browser could not store the draft (InvalidStateError: The connection is closing.).',
      },
    );
  });
});

describe('draftFileName', () => {
  it('replaces what file systems refuse and adds the extension', () => {
    expect(draftFileName('CTOC/COP/2012/L.4: "Rev.2"')).toBe('CTOC-COP-2012-L.4- -Rev.2-.resolution.json');
    expect(draftFileName('  ')).toBe('draft.resolution.json');
  });
});

describe('isTabMessage', () => {
  it('accepts the two message types and nothing else', () => {
    expect(isTabMessage({ type: 'saved', draftId: 'd', saveCount: 2, tabId: 't' })).toBe(true);
    expect(isTabMessage({ type: 'changed', draftId: 'd', tabId: 't' })).toBe(true);
    expect(isTabMessage({ type: 'saved', draftId: 'd', tabId: 't' })).toBe(false);
    expect(isTabMessage({ type: 'deleted', draftId: 'd', tabId: 't' })).toBe(false);
    expect(isTabMessage(null)).toBe(false);
  });
});
