/**
 * What the drafts list and the revisions panel show, and in which order (src/storage/summaries.ts).
 * Records are built as db.ts reads them back; no IndexedDB here.
 */
import { describe, expect, it } from 'vitest';
import type { DamagedRecord, StoredDraft, StoredRevision } from '../../src/storage/db.ts';
import { RECORD_VERSION } from '../../src/storage/db.ts';
import { listedDrafts, listedRevisions } from '../../src/storage/summaries.ts';
import { op, res } from '../helpers/builders.ts';

const draft = (
  id: string,
  name: string,
  updatedAt: string,
  extra: Partial<StoredDraft> = {},
): StoredDraft => ({
  damaged: false,
  recordVersion: RECORD_VERSION,
  id,
  name,
  createdAt: '2012-10-15T09:00:00.000Z',
  updatedAt,
  saveCount: 2,
  document: res({ title: `Title of ${name}`, operative: [op('Requests', 'the Office;')] }),
  ...extra,
});

const revision = (id: string, name: string, createdAt: string): StoredRevision => ({
  damaged: false,
  recordVersion: RECORD_VERSION,
  id,
  draftId: 'd1',
  name,
  createdAt,
  automatic: false,
  saveCount: 1,
  document: res({ title: 'T' }),
});

const damaged = (store: DamagedRecord['store'], id: string): DamagedRecord => ({
  damaged: true,
  store,
  id,
  error: `This stored record ${id} cannot be opened: it is not a record.`,
  raw: 'garbage',
});

describe('listedDrafts', () => {
  it('lists the most recently changed draft first, and drafts changed at once by name', () => {
    const listed = listedDrafts([
      draft('a', 'Older', '2012-10-15T10:00:00.000Z'),
      draft('b', 'Zeta', '2012-10-16T10:00:00.000Z'),
      draft('c', 'Alpha', '2012-10-16T10:00:00.000Z'),
    ]);
    expect(listed.map((d) => d.id)).toEqual(['c', 'b', 'a']);
  });

  it('shows the name and the document title, not the document', () => {
    expect(listedDrafts([draft('a', 'Our draft', '2012-10-15T10:00:00.000Z')])).toEqual([
      {
        damaged: false,
        id: 'a',
        name: 'Our draft',
        title: 'Title of Our draft',
        createdAt: '2012-10-15T09:00:00.000Z',
        updatedAt: '2012-10-15T10:00:00.000Z',
        saveCount: 2,
      },
    ]);
  });

  it('lists damaged records after the readable drafts, as they were read, and leaves deleted ones out', () => {
    const broken = damaged('drafts', 'x');
    const listed = listedDrafts([
      broken,
      draft('a', 'Kept', '2012-10-15T10:00:00.000Z'),
      draft('b', 'Deleted', '2012-10-17T10:00:00.000Z', { deletedAt: '2012-10-18T10:00:00.000Z' }),
      { ...damaged('drafts', 'y'), deletedAt: '2012-10-18T10:00:00.000Z' },
    ]);
    expect(listed.map((d) => d.id)).toEqual(['a', 'x']);
    expect(listed[1]).toBe(broken);
  });
});

describe('listedRevisions', () => {
  it('lists revisions oldest first', () => {
    const listed = listedRevisions([
      revision('r2', 'Rev.2', '2012-10-16T10:00:00.000Z'),
      revision('r1', 'Rev.1', '2012-10-15T10:00:00.000Z'),
    ]);
    expect(listed.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('orders two revisions of one millisecond by their Rev number, as numbers', () => {
    const at = '2012-10-15T10:00:00.000Z';
    const listed = listedRevisions([revision('r10', 'Rev.10', at), revision('r2', 'Rev.2', at)]);
    expect(listed.map((r) => r.id)).toEqual(['r2', 'r10']);
  });

  it('lists a damaged revision after the readable ones, and the readable ones without their document', () => {
    const listed = listedRevisions([
      damaged('revisions', 'bad'),
      revision('r1', 'Rev.1', '2012-10-15T10:00:00.000Z'),
    ]);
    expect(listed).toEqual([
      {
        damaged: false,
        id: 'r1',
        draftId: 'd1',
        name: 'Rev.1',
        createdAt: '2012-10-15T10:00:00.000Z',
        automatic: false,
        saveCount: 1,
      },
      damaged('revisions', 'bad'),
    ]);
  });
});
