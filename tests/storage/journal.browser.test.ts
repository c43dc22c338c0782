import { afterEach, describe, expect, it } from 'vitest';
import { clearJournal, listJournals, readJournal, writeJournal } from '../../src/storage/journal.ts';
import { op, res } from '../helpers/builders.ts';

afterEach(() => localStorage.clear());

describe('the crash journal', () => {
  it('lists every draft that has unsaved text, with its document', () => {
    const doc = res({ title: 'Kept', operative: [op('Decides', 'so.')] });
    writeJournal({ draftId: 'a', basedOn: 1, at: 10, document: doc });
    writeJournal({ draftId: 'b', basedOn: 2, at: 20, document: doc });
    const records = listJournals();
    expect(records.map((r) => (r.kind === 'document' ? r.entry.draftId : r.draftId)).sort()).toEqual([
      'a',
      'b',
    ]);
    expect(records.every((r) => r.kind === 'document' && r.entry.document.title === 'Kept')).toBe(true);
  });

  it('keeps a journal it cannot read back as a document, for download, instead of dropping it', () => {
    const raw = JSON.stringify({
      v: 1,
      draftId: 'c',
      basedOn: 1,
      at: 5,
      document: { title: 'x'.repeat(3_000) },
    });
    localStorage.setItem('resolution-drafter:journal:c', raw);
    expect(readJournal('c')).toBeUndefined();
    expect(listJournals()).toEqual([{ kind: 'raw', draftId: 'c', text: raw }]);
    // Still there after being read.
    expect(localStorage.getItem('resolution-drafter:journal:c')).toBe(raw);
    clearJournal('c');
    expect(listJournals()).toEqual([]);
  });

  it('ignores what other parts of the site keep in localStorage', () => {
    localStorage.setItem('resolution-drafter:rules:x', '{}');
    localStorage.setItem('other', 'value');
    expect(listJournals()).toEqual([]);
  });
});
