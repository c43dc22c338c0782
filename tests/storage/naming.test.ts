/**
 * The names the draft store gives drafts, revisions and files (src/storage/naming.ts). The people
 * drafting see each of them, and the journeys look for them by text.
 */
import { describe, expect, it } from 'vitest';
import {
  LAST_STORED_REVISION,
  backupRevisionName,
  copyName,
  damagedFileName,
  defaultName,
  draftFileName,
  draftName,
  nameFromFile,
  nextRevisionName,
  revisionNumber,
  safeFileName,
  setAsideName,
} from '../../src/storage/naming.ts';
import { res } from '../helpers/builders.ts';

describe('nextRevisionName', () => {
  it('names the first unnamed revision "Rev.1"', () => {
    expect(nextRevisionName([])).toBe('Rev.1');
  });

  it('numbers after the highest "Rev.N" so far, not after the count of revisions', () => {
    expect(nextRevisionName(['Rev.1', 'Before restoring Rev.1', 'Rev.4', 'For the informals'])).toBe('Rev.5');
  });

  it('compares the numbers as numbers: after "Rev.10" comes "Rev.11", not "Rev.3"', () => {
    expect(nextRevisionName(['Rev.2', 'Rev.10'])).toBe('Rev.11');
  });

  it('does not count names that only look like "Rev.N"', () => {
    expect(nextRevisionName(['Rev.2 (informals)', 'rev.7', 'Rev. 9', 'Before restoring Rev.8'])).toBe(
      'Rev.1',
    );
  });
});

describe('revisionNumber', () => {
  it('reads 3 from "Rev.3" and 0 from any other name', () => {
    expect(revisionNumber('Rev.3')).toBe(3);
    expect(revisionNumber('Last stored version')).toBe(0);
  });
});

describe('draftName', () => {
  const doc = res({ title: 'Smuggling of migrants' });

  it('names a draft after its title when no name is given', () => {
    expect(draftName(undefined, doc)).toBe('Smuggling of migrants');
    expect(draftName('   ', doc)).toBe('Smuggling of migrants');
  });

  it('keeps a given name, trimmed', () => {
    expect(draftName('  L.4 Rev.2  ', doc)).toBe('L.4 Rev.2');
  });

  it('takes the title instead of a name that is not text (a bundle written by hand)', () => {
    expect(draftName(42, doc)).toBe('Smuggling of migrants');
  });
});

describe('defaultName', () => {
  it('calls a draft whose title is blank "Untitled draft"', () => {
    expect(defaultName(res({ title: '  ' }))).toBe('Untitled draft');
  });
});

describe('the names of copies, backups and set-aside records', () => {
  it('names a copy "<name> (copy)"', () => {
    expect(copyName('Draft A')).toBe('Draft A (copy)');
  });

  it('names the revision a restore keeps "Before restoring <revision>"', () => {
    expect(backupRevisionName('Rev.1')).toBe('Before restoring Rev.1');
  });

  it('lists a damaged record set aside by a restore as "<name> (damaged)"', () => {
    expect(setAsideName('Draft A')).toBe('Draft A (damaged)');
  });

  it('names the stored text a bundle keeps beside the unsaved text "Last stored version"', () => {
    expect(LAST_STORED_REVISION).toBe('Last stored version');
  });
});

describe('draftFileName', () => {
  it('replaces control characters as well as the characters Windows refuses', () => {
    expect(draftFileName('Line\nbreak\ttab')).toBe('Line-break-tab.resolution.json');
  });

  it('keeps at most 120 characters of the name before the extension', () => {
    expect(draftFileName('x'.repeat(200))).toBe(`${'x'.repeat(120)}.resolution.json`);
  });
});

describe('safeFileName', () => {
  it('names a file of any extension the way draft files are named', () => {
    expect(safeFileName('CTOC/COP/2012/L.4', '.docx')).toBe('CTOC-COP-2012-L.4.docx');
    expect(safeFileName('', '.docx')).toBe('draft.docx');
  });
});

describe('damagedFileName', () => {
  it('names the raw data of a damaged record after its id', () => {
    expect(damagedFileName('lx3-abc')).toBe('lx3-abc.damaged.json');
  });
});

describe('nameFromFile', () => {
  it('takes the folders and ".resolution.json" off a file name, from Windows or elsewhere', () => {
    expect(nameFromFile('C:\\drafts\\L.4 Rev.2.resolution.json')).toBe('L.4 Rev.2');
    expect(nameFromFile('/home/me/L.4.resolution.json')).toBe('L.4');
  });

  it('recognizes the extension whatever its case, and keeps the case of the name', () => {
    expect(nameFromFile('Draft A.RESOLUTION.JSON')).toBe('Draft A');
  });

  it('takes a plain ".json" off too, and leaves any other extension', () => {
    expect(nameFromFile('exported.json')).toBe('exported');
    expect(nameFromFile('notes.txt')).toBe('notes.txt');
  });
});
