/**
 * The check every write of a draft makes before it replaces the stored one (src/storage/results.ts,
 * `fresh`): the save counts are what keeps two tabs from overwriting each other.
 */
import { describe, expect, it } from 'vitest';
import type { DamagedRecord, StoredDraft } from '../../src/storage/db.ts';
import { RECORD_VERSION } from '../../src/storage/db.ts';
import { fresh, notFound } from '../../src/storage/results.ts';
import { res } from '../helpers/builders.ts';

const stored: StoredDraft = {
  damaged: false,
  recordVersion: RECORD_VERSION,
  id: 'd1',
  name: 'Draft',
  createdAt: '2012-10-15T09:00:00.000Z',
  updatedAt: '2012-10-15T10:00:00.000Z',
  saveCount: 3,
  document: res({ title: 'T' }),
};

describe('fresh', () => {
  it('lets a write replace the draft when its save count is the one the tab expects', () => {
    expect(fresh(stored, 3)).toEqual({ ok: true, draft: stored });
  });

  it('stops a write from a tab whose save count is stale, carrying the stored version', () => {
    expect(fresh(stored, 2)).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This draft was saved in another tab since this tab last opened or saved it.',
      current: stored,
    });
  });

  it('lets a write replace any readable draft when no save count is expected', () => {
    expect(fresh(stored, undefined)).toMatchObject({ ok: true });
  });

  it('never lets a write replace a damaged record, whatever the count, saying what is wrong with it', () => {
    const broken: DamagedRecord = {
      damaged: true,
      store: 'drafts',
      id: 'd1',
      error: 'This stored draft cannot be opened: it has no record version.',
      raw: {},
    };
    expect(fresh(broken, undefined)).toEqual({
      ok: false,
      reason: 'conflict',
      message: broken.error,
      current: broken,
    });
  });
});

describe('notFound', () => {
  it('says the draft may have been deleted in another tab', () => {
    expect(notFound('d9')).toEqual({
      ok: false,
      reason: 'not-found',
      message: 'There is no draft d9 (it may have been deleted in another tab).',
    });
  });
});
