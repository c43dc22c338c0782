import { describe, expect, it } from 'vitest';
import { SAVE_TROUBLE_LABELS, saveTroubleFor } from '../../src/storage/saveTrouble.ts';

const failed = (reason: string, message = '') => ({ state: 'failed', reason, message }) as const;

describe('saveTroubleFor', () => {
  it('says nothing while saves succeed, and leaves a conflict with another tab to its own choice', () => {
    expect(saveTroubleFor({ state: 'saved', at: 0 })).toBeNull();
    expect(saveTroubleFor({ state: 'saving' })).toBeNull();
    expect(saveTroubleFor(failed('conflict', 'changed elsewhere'))).toBeNull();
  });

  it('offers a draft deleted in another tab back as a new draft first, then as a file', () => {
    const trouble = saveTroubleFor(failed('not-found', 'This draft was deleted (perhaps in another tab).'));
    expect(trouble?.text).toMatch(
      /^This draft was deleted in another tab, so what you type here is no longer stored\./,
    );
    expect(trouble?.actions.map((a) => SAVE_TROUBLE_LABELS[a])).toEqual([
      'Keep mine as a new draft',
      'Download this draft',
    ]);
  });

  it('says what the store refused, in its words, and offers the draft for download', () => {
    const trouble = saveTroubleFor(
      failed('invalid', 'The draft was not saved: The title is 2,151 characters long; the limit is 2,000.'),
    );
    expect(trouble?.text).toBe(
      'The latest changes could not be stored: The title is 2,151 characters long; the limit is 2,000. ' +
        'Everything you typed is still on this page, and the browser keeps a copy for the next time it opens: download this draft now.',
    );
    expect(trouble?.actions[0]).toBe('download-draft');
  });

  it('asks for every draft to be downloaded first when the storage is full', () => {
    const trouble = saveTroubleFor(failed('quota', 'full'));
    expect(trouble?.text).toMatch(/storage for this site is full/);
    expect(trouble?.actions).toEqual(['download-all', 'download-draft']);
  });

  it('offers a draft whose stored record is damaged back as a new draft', () => {
    expect(saveTroubleFor(failed('damaged', 'unreadable'))?.actions[0]).toBe('keep-as-new');
  });

  it('ends a browser error without a full stop with one, and says so when the browser gave no reason', () => {
    expect(
      saveTroubleFor(failed('error', 'The browser could not store the draft (UnknownError: x)'))?.text,
    ).toMatch(
      /^The latest changes could not be stored: The browser could not store the draft \(UnknownError: x\)\. /,
    );
    expect(saveTroubleFor(failed('error', ''))?.text).toMatch(/the browser gave no reason\./);
  });
});
