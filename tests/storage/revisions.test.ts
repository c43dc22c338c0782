/**
 * What a restore writes over a damaged draft record (src/storage/revisions.ts, `replaceDamagedDraft`):
 * the damaged record is kept, raw data and all, and the draft comes back with the revision's text.
 * The transactions around it are tested in drafts.browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { DamagedRecord, StoredRevision } from '../../src/storage/db.ts';
import { RECORD_VERSION, readDraftRecord } from '../../src/storage/db.ts';
import { replaceDamagedDraft } from '../../src/storage/revisions.ts';
import { op, res } from '../helpers/builders.ts';

const CLOCK = Date.parse('2012-10-19T12:00:00.000Z');
const now = () => CLOCK;

const revision: StoredRevision = {
  damaged: false,
  recordVersion: RECORD_VERSION,
  id: 'r1',
  draftId: 'd1',
  name: 'Rev.1',
  createdAt: '2012-10-16T10:00:00.000Z',
  automatic: false,
  saveCount: 3,
  document: res({ title: 'Title of Rev.1', operative: [op('Requests', 'the Office;')] }),
};

/** The draft record d1 as db.ts reads it when it is damaged. */
function damagedDraft(raw: unknown): DamagedRecord {
  const entry = readDraftRecord(raw, 'd1');
  if (!entry.damaged) throw new Error('expected a damaged record');
  return entry;
}

const corrupted = {
  recordVersion: RECORD_VERSION,
  id: 'd1',
  name: 'Our draft',
  createdAt: '2012-10-15T09:00:00.000Z',
  updatedAt: '2012-10-17T09:00:00.000Z',
  saveCount: 7,
  document: { kind: 'motion' },
};

describe('replaceDamagedDraft', () => {
  it('sets the damaged record aside exactly as stored, listed as "<name> (damaged)"', () => {
    const { setAside } = replaceDamagedDraft(damagedDraft(corrupted), revision, now);
    expect(setAside).toMatchObject({
      setAside: 'damaged',
      name: 'Our draft (damaged)',
      draftId: 'd1',
      replacedBy: 'Rev.1',
      setAsideAt: '2012-10-19T12:00:00.000Z',
    });
    expect(setAside.raw).toBe(corrupted);
    expect(setAside.id).not.toBe('d1');
    expect(readDraftRecord(setAside, setAside.id)).toMatchObject({
      damaged: true,
      name: 'Our draft (damaged)',
      raw: corrupted,
      error: expect.stringContaining('It was set aside when “Rev.1” was restored in its place.'),
    });
  });

  it('gives the draft back its id, name and creation time, with the revision’s text', () => {
    const { draft } = replaceDamagedDraft(damagedDraft(corrupted), revision, now);
    expect(draft).toEqual({
      recordVersion: RECORD_VERSION,
      id: 'd1',
      name: 'Our draft',
      createdAt: '2012-10-15T09:00:00.000Z',
      updatedAt: '2012-10-19T12:00:00.000Z',
      saveCount: 8,
      document: revision.document,
    });
    expect(readDraftRecord(draft, 'd1')).toMatchObject({ damaged: false, document: revision.document });
  });

  it('counts above the revision’s save count when that is the higher one', () => {
    const { draft } = replaceDamagedDraft(damagedDraft({ ...corrupted, saveCount: 1 }), revision, now);
    expect(draft.saveCount).toBe(4);
  });

  it('names the draft after the revision’s title and counts from the clock when nothing of the record can be read', () => {
    const { setAside, draft } = replaceDamagedDraft(damagedDraft('garbage'), revision, now);
    expect(setAside.name).toBe('Title of Rev.1 (damaged)');
    expect(draft).toMatchObject({
      name: 'Title of Rev.1',
      createdAt: '2012-10-19T12:00:00.000Z',
      saveCount: CLOCK + 1,
    });
  });

  it('does not take a blank name or an unreadable time from the damaged record', () => {
    const { draft } = replaceDamagedDraft(
      damagedDraft({ ...corrupted, name: '  ', createdAt: 'yesterday', saveCount: -2 }),
      revision,
      now,
    );
    expect(draft).toMatchObject({
      name: 'Title of Rev.1',
      createdAt: '2012-10-19T12:00:00.000Z',
      saveCount: CLOCK + 1,
    });
  });
});
