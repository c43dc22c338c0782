/**
 * DraftStore in real Chromium IndexedDB (vitest browser mode): nothing here is faked, because drafts
 * that are never lost is a promise about the browser's storage, not about a stand-in for it.
 */
import { describe, expect, it } from 'vitest';
import type { DraftStore } from '../../src/storage/drafts.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { MIGRATIONS } from '../../src/core/model/migrations.ts';
import { parseDocumentFile } from '../../src/core/model/file.ts';
import { RECORD_VERSION, rawText } from '../../src/storage/db.ts';
import { BUNDLE_FORMAT, UNDO_REMOVE_MS } from '../../src/storage/drafts.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { newId } from '../../src/storage/tabs.ts';
import { onCleanup, putRaw, scratchName, scratchStore } from './scratch.ts';

const draftDoc = (
  title = 'Trafficking in persons',
  text = 'the Secretariat to report;',
): ResolutionDocument =>
  res({
    title,
    preamble: [pre('Recalling', 'its resolution 5/1,')],
    operative: [op('Requests', text)],
  });

/** Unwraps an ok result, failing the test with the message otherwise. */
function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

async function created(store: DraftStore, doc = draftDoc(), name?: string) {
  return ok(await store.create(doc, name)).draft;
}

describe('DraftStore: drafts', () => {
  it('gets back the document it saved, with a save count that goes up by one per save', async () => {
    const store = await scratchStore();
    const draft = await created(store, draftDoc(), 'Our draft');
    expect(draft.saveCount).toBe(1);

    const edited = draftDoc('Trafficking in persons', 'the Secretariat to report to the Conference;');
    const saved = ok(await store.save(draft.id, edited, { expectedSaveCount: 1 }));
    expect(saved.saveCount).toBe(2);

    const again = await store.get(draft.id);
    expect(again).toMatchObject({ damaged: false, name: 'Our draft', saveCount: 2, document: edited });
    expect(await store.list()).toEqual([
      expect.objectContaining({
        id: draft.id,
        name: 'Our draft',
        title: 'Trafficking in persons',
        damaged: false,
      }),
    ]);
  });

  it('names a draft after its title when no name is given', async () => {
    const store = await scratchStore();
    expect((await created(store, draftDoc('Smuggling of migrants'))).name).toBe('Smuggling of migrants');
  });

  it('lists the most recently changed draft first', async () => {
    let clock = Date.parse('2012-10-15T09:00:00Z');
    const store = await scratchStore({ now: () => clock });
    const first = await created(store, draftDoc('First'));
    clock += 1000;
    await created(store, draftDoc('Second'));
    clock += 1000;
    ok(await store.save(first.id, draftDoc('First, edited'), { expectedSaveCount: 1 }));
    expect((await store.list()).map((d) => (d.damaged ? '' : d.title))).toEqual(['First, edited', 'Second']);
  });

  it('refuses a save with a stale save count as a conflict carrying the stored version', async () => {
    const store = await scratchStore();
    const draft = await created(store);
    ok(await store.save(draft.id, draftDoc('Saved in the other tab'), { expectedSaveCount: 1 }));

    const result = await store.save(draft.id, draftDoc('Typed in this tab'), { expectedSaveCount: 1 });
    expect(result).toMatchObject({ ok: false, reason: 'conflict', current: { saveCount: 2 } });
    const stored = await store.get(draft.id);
    expect(stored?.damaged === false && stored.document.title).toBe('Saved in the other tab');
  });

  it('refuses to store a document that is not valid, saying why', async () => {
    const store = await scratchStore();
    const draft = await created(store);
    const broken = { ...draftDoc(), title: 42 } as unknown as ResolutionDocument;
    expect(await store.save(draft.id, broken, { expectedSaveCount: 1 })).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'The draft was not saved: The title should be text, not a number.',
    });
  });

  it('renames without changing the save count, so an editing tab does not conflict', async () => {
    const store = await scratchStore();
    const draft = await created(store);
    ok(await store.rename(draft.id, '  Rev. for informals  '));
    expect(ok(await store.save(draft.id, draftDoc(), { expectedSaveCount: 1 })).saveCount).toBe(2);
    expect((await store.get(draft.id))?.name).toBe('Rev. for informals');
    expect(await store.rename(draft.id, '   ')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('duplicates a draft into a new one of its own', async () => {
    const store = await scratchStore();
    const draft = await created(store, draftDoc(), 'Original');
    const copy = ok(await store.duplicate(draft.id)).draft;
    expect(copy.id).not.toBe(draft.id);
    expect(copy.name).toBe('Original (copy)');
    expect(copy.document).toEqual(draft.document);
    expect((await store.list()).length).toBe(2);
  });

  it('remembers the draft opened last', async () => {
    const store = await scratchStore();
    expect(await store.getLastOpened()).toBeUndefined();
    await store.setLastOpened('abc');
    expect(await store.getLastOpened()).toBe('abc');
  });

  it('reads the draft opened last with its id, and nothing once it is deleted or gone', async () => {
    const store = await scratchStore();
    expect(await store.getLastOpenedDraft()).toBeUndefined();
    const draft = await created(store, draftDoc(), 'Opened last');
    await created(store, draftDoc('Another draft'));
    await store.setLastOpened(draft.id);
    expect(await store.getLastOpenedDraft()).toMatchObject({
      id: draft.id,
      damaged: false,
      name: 'Opened last',
      document: draft.document,
    });
    ok(await store.remove(draft.id));
    expect(await store.getLastOpenedDraft()).toBeUndefined();
    await store.setLastOpened('no-such-draft');
    expect(await store.getLastOpenedDraft()).toBeUndefined();
  });
});

describe('DraftStore: delete and undo', () => {
  it('hides a deleted draft and brings it back on undo, unchanged', async () => {
    const store = await scratchStore();
    const draft = await created(store);
    ok(await store.remove(draft.id));
    expect(await store.list()).toEqual([]);
    expect(await store.get(draft.id)).toBeUndefined();
    expect(await store.save(draft.id, draftDoc(), { expectedSaveCount: 1 })).toMatchObject({
      ok: false,
      reason: 'not-found',
    });

    ok(await store.undoRemove(draft.id));
    expect(await store.get(draft.id)).toMatchObject({ saveCount: 1, document: draft.document });
  });

  it('purges a deleted draft and its revisions once the undo window has passed', async () => {
    let clock = Date.parse('2012-10-19T10:00:00Z');
    const store = await scratchStore({ now: () => clock });
    const draft = await created(store);
    const revision = ok(await store.createRevision(draft.id)).revision;
    const { undoUntil } = ok(await store.remove(draft.id));
    expect(Date.parse(undoUntil) - clock).toBe(UNDO_REMOVE_MS);

    clock += UNDO_REMOVE_MS - 1000;
    expect(await store.purgeRemoved()).toBe(0);
    clock += 2000;
    expect(await store.purgeRemoved()).toBe(1);
    expect(await store.undoRemove(draft.id)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(await store.getRevision(revision.id)).toBeUndefined();
  });
});

describe('DraftStore: revisions', () => {
  it('names unnamed revisions Rev.1, Rev.2 ... after the highest number so far', async () => {
    const store = await scratchStore();
    const draft = await created(store);
    expect(ok(await store.createRevision(draft.id)).revision.name).toBe('Rev.1');
    expect(ok(await store.createRevision(draft.id, 'Before informals')).revision.name).toBe(
      'Before informals',
    );
    expect(ok(await store.createRevision(draft.id)).revision.name).toBe('Rev.2');
    expect(ok(await store.createRevision(draft.id, 'Rev.7')).revision.name).toBe('Rev.7');
    expect(ok(await store.createRevision(draft.id)).revision.name).toBe('Rev.8');
  });

  it('snapshots the stored document; later saves do not change the revision', async () => {
    const store = await scratchStore();
    const draft = await created(store, draftDoc('As in Rev.1'));
    const rev1 = ok(await store.createRevision(draft.id)).revision;
    ok(await store.save(draft.id, draftDoc('Edited later'), { expectedSaveCount: 1 }));
    const read = await store.getRevision(rev1.id);
    expect(read).toMatchObject({ damaged: false, name: 'Rev.1', draftId: draft.id, saveCount: 1 });
    expect(read?.damaged === false && read.document.title).toBe('As in Rev.1');
  });

  it('restores a revision after snapshotting the current text as "Before restoring Rev.1"', async () => {
    const store = await scratchStore();
    const draft = await created(store, draftDoc('As in Rev.1'));
    const rev1 = ok(await store.createRevision(draft.id)).revision;
    ok(await store.save(draft.id, draftDoc('Current text'), { expectedSaveCount: 1 }));

    const restored = ok(await store.restoreRevision(draft.id, rev1.id, { expectedSaveCount: 2 }));
    expect(restored.saveCount).toBe(3);
    expect(restored.document.title).toBe('As in Rev.1');
    expect(restored.backup).toMatchObject({ name: 'Before restoring Rev.1', automatic: true });

    const stored = await store.get(draft.id);
    expect(stored?.damaged === false && stored.document.title).toBe('As in Rev.1');
    const backup = await store.getRevision(restored.backup.id);
    expect(backup?.damaged === false && backup.document.title).toBe('Current text');
    // The automatic snapshot does not take a Rev number.
    expect(ok(await store.createRevision(draft.id)).revision.name).toBe('Rev.2');
    expect((await store.listRevisions(draft.id)).map((r) => !r.damaged && r.name)).toEqual([
      'Rev.1',
      'Before restoring Rev.1',
      'Rev.2',
    ]);
  });

  it('refuses a restore from a tab whose save count is stale, writing nothing', async () => {
    const store = await scratchStore();
    const draft = await created(store);
    const rev1 = ok(await store.createRevision(draft.id)).revision;
    ok(await store.save(draft.id, draftDoc('Other tab'), { expectedSaveCount: 1 }));
    expect(await store.restoreRevision(draft.id, rev1.id, { expectedSaveCount: 1 })).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
    expect(await store.listRevisions(draft.id)).toHaveLength(1);
  });

  it('refuses to restore a revision of another draft', async () => {
    const store = await scratchStore();
    const a = await created(store, draftDoc('A'));
    const b = await created(store, draftDoc('B'));
    const revOfB = ok(await store.createRevision(b.id)).revision;
    expect(await store.restoreRevision(a.id, revOfB.id)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('DraftStore: damaged and old records', () => {
  it('lists a damaged draft as damaged while the others open, and keeps its raw data', async () => {
    const dbName = scratchName();
    const store = await scratchStore({ dbName });
    const good = await created(store, draftDoc('Intact'));
    const garbage = {
      recordVersion: RECORD_VERSION,
      id: 'broken',
      name: 'Half-written draft',
      createdAt: '2012-10-19T10:00:00.000Z',
      updatedAt: '2012-10-19T10:00:00.000Z',
      saveCount: 3,
      document: { schemaVersion: 1, title: ['not', 'a', 'string'] },
    };
    await putRaw(dbName, 'drafts', garbage);

    const list = await store.list();
    expect(list.map((d) => d.id)).toEqual([good.id, 'broken']);
    expect(list[1]).toMatchObject({
      damaged: true,
      name: 'Half-written draft',
      error: expect.stringContaining('cannot be opened'),
    });
    expect(await store.get(good.id)).toMatchObject({ damaged: false });
    const damaged = await store.get('broken');
    expect(damaged?.damaged && JSON.parse(rawText(damaged.raw))).toEqual(garbage);
    expect(await store.exportDraft('broken')).toEqual({
      fileName: 'broken.damaged.json',
      text: rawText(garbage),
    });
  });

  it('never writes over a damaged draft: a save is a conflict, and the raw data stays', async () => {
    const dbName = scratchName();
    const store = await scratchStore({ dbName });
    await putRaw(dbName, 'drafts', { id: 'junk', saveCount: 'many' });
    expect(await store.save('junk', draftDoc(), { expectedSaveCount: 1 })).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { damaged: true },
    });
    expect((await store.get('junk'))?.damaged && (await store.get('junk'))).toMatchObject({
      raw: { id: 'junk', saveCount: 'many' },
    });
  });

  describe('restore of a revision over a corrupted record', () => {
    /** A draft with Rev.1 and later text, whose own record is then corrupted straight in IndexedDB. */
    async function corrupted(damage: (record: Record<string, unknown>) => Record<string, unknown>) {
      const dbName = scratchName();
      const store = await scratchStore({ dbName });
      const draft = await created(store, draftDoc('As in Rev.1'), 'Our draft');
      const rev1 = ok(await store.createRevision(draft.id)).revision;
      const saved = ok(await store.save(draft.id, draftDoc('Later text'), { expectedSaveCount: 1 }));
      const record = damage({ ...draftRecordOf(draftDoc('Later text')), id: draft.id, name: 'Our draft' });
      await putRaw(dbName, 'drafts', record);
      expect(await store.get(draft.id)).toMatchObject({ damaged: true });
      return { store, draft, rev1, record, saveCount: saved.saveCount };
    }

    it('makes the revision the draft again and keeps the damaged record in the list, its raw data downloadable', async () => {
      const { store, draft, rev1, record, saveCount } = await corrupted((r) => ({
        ...r,
        saveCount: 5,
        document: { schemaVersion: 1, title: ['not', 'a', 'string'] },
      }));

      const restored = ok(await store.restoreRevision(draft.id, rev1.id, { expectedSaveCount: saveCount }));
      expect(restored.document.title).toBe('As in Rev.1');
      const entry = await store.get(draft.id);
      expect(entry).toMatchObject({ damaged: false, id: draft.id, name: 'Our draft' });
      expect(entry?.damaged === false && entry.document).toEqual(draftDoc('As in Rev.1'));
      // Past the damaged record's count, so a tab still holding an older one meets a conflict.
      expect(entry?.damaged === false && entry.saveCount).toBe(6);
      expect(restored.saveCount).toBe(6);

      // The damaged record is listed on its own, its raw data as it was stored.
      const list = await store.list();
      expect(list.map((d) => d.id)).toEqual([draft.id, restored.backup.id]);
      const kept = list[1];
      expect(kept).toMatchObject({
        damaged: true,
        name: 'Our draft (damaged)',
        error: expect.stringMatching(/cannot be opened.*set aside when “Rev\.1” was restored in its place/),
      });
      expect(restored.backup).toEqual(kept);
      expect(kept?.damaged && JSON.parse(rawText(kept.raw))).toEqual(record);
      expect(await store.exportDraft(restored.backup.id)).toEqual({
        fileName: `${restored.backup.id}.damaged.json`,
        text: rawText(record),
      });
      const bundle = JSON.parse(await store.exportAll()) as { damaged: { id: string; raw: unknown }[] };
      expect(bundle.damaged).toEqual([expect.objectContaining({ id: restored.backup.id, raw: record })]);

      // The draft goes on as before: its revisions stay, it saves, and the set-aside record can be deleted.
      expect((await store.listRevisions(draft.id)).map((r) => !r.damaged && r.name)).toEqual(['Rev.1']);
      ok(await store.save(draft.id, draftDoc('Edited after'), { expectedSaveCount: 6 }));
      ok(await store.remove(restored.backup.id));
      expect((await store.list()).map((d) => d.id)).toEqual([draft.id]);
    });

    it('works whatever is damaged: an envelope that cannot be read at all is kept just the same', async () => {
      const { store, draft, rev1, saveCount } = await corrupted((r) => ({ id: r.id, saveCount: 'many' }));
      const restored = ok(await store.restoreRevision(draft.id, rev1.id));
      expect(restored.document.title).toBe('As in Rev.1');
      // No name to keep: the draft is named after the restored title.
      expect(await store.get(draft.id)).toMatchObject({ damaged: false, name: 'As in Rev.1' });
      // No count to go past: a tab that saved before the damage still meets a conflict, not the restored text.
      expect(
        await store.save(draft.id, draftDoc('Stale tab'), { expectedSaveCount: saveCount }),
      ).toMatchObject({
        ok: false,
        reason: 'conflict',
      });
      expect(
        await store.save(draft.id, draftDoc('Stale tab'), { expectedSaveCount: saveCount + 1 }),
      ).toMatchObject({
        ok: false,
        reason: 'conflict',
      });
      const kept = await store.get(restored.backup.id);
      expect(kept).toMatchObject({ damaged: true, name: 'As in Rev.1 (damaged)' });
      expect(kept?.damaged && kept.raw).toEqual({ id: draft.id, saveCount: 'many' });
    });

    it('still refuses a damaged revision, or one of another draft, writing nothing', async () => {
      const dbName = scratchName();
      const store = await scratchStore({ dbName });
      const draft = await created(store);
      const other = await created(store, draftDoc('Other'));
      const revOfOther = ok(await store.createRevision(other.id)).revision;
      await putRaw(dbName, 'revisions', { id: 'bad-rev', draftId: draft.id, name: 'Rev.9', document: null });
      await putRaw(dbName, 'drafts', { id: draft.id, saveCount: 'many' });
      expect(await store.restoreRevision(draft.id, 'bad-rev')).toMatchObject({
        ok: false,
        reason: 'damaged',
      });
      expect(await store.restoreRevision(draft.id, revOfOther.id)).toMatchObject({
        ok: false,
        reason: 'invalid',
      });
      expect((await store.list()).map((d) => d.id)).toEqual([other.id, draft.id]);
      expect(await store.get(draft.id)).toMatchObject({
        damaged: true,
        raw: { id: draft.id, saveCount: 'many' },
      });
    });
  });

  it('reports a draft written by a newer app version instead of guessing at it', async () => {
    const dbName = scratchName();
    const store = await scratchStore({ dbName });
    await putRaw(dbName, 'drafts', { ...draftRecordOf(draftDoc()), id: 'future', recordVersion: 99 });
    expect(await store.get('future')).toMatchObject({
      damaged: true,
      error: expect.stringContaining('newer version of Resolution Drafter'),
    });
  });

  it('lists a damaged revision among the readable ones, and a damaged draft can still be deleted', async () => {
    const dbName = scratchName();
    const store = await scratchStore({ dbName });
    const draft = await created(store);
    ok(await store.createRevision(draft.id));
    await putRaw(dbName, 'revisions', { id: 'bad-rev', draftId: draft.id, name: 'Rev.9', document: null });
    const revisions = await store.listRevisions(draft.id);
    expect(revisions.map((r) => [r.damaged, r.name])).toEqual([
      [false, 'Rev.1'],
      [true, 'Rev.9'],
    ]);

    await putRaw(dbName, 'drafts', { id: 'junk' });
    ok(await store.remove('junk'));
    expect((await store.list()).map((d) => d.id)).toEqual([draft.id]);
  });

  // One stored draft per schema migration (core/model/migrations.ts), so a new migration without a
  // storage test fails here.
  const OLD_DOCUMENTS: Readonly<Record<number, { document: unknown; check(doc: ResolutionDocument): void }>> =
    {
      0: {
        // The pre-release shape: `version`, openers inside the operative text, no annex.
        document: {
          version: 0,
          kind: 'resolution',
          organ: 'Conference of the Parties',
          formula: 'The Conference of the Parties,',
          title: 'Old prototype draft',
          metadata: {},
          preamble: [],
          operative: [
            { text: '*Requests* the Secretariat to report;', subparagraphs: [{ text: 'on trafficking;' }] },
          ],
          footnotes: [],
        },
        check(doc) {
          expect(doc.operative[0]).toMatchObject({
            opener: 'Requests',
            content: [{ text: 'the Secretariat to report;' }],
          });
          expect(doc.annex).toBeNull();
        },
      },
      1: {
        // The first release: a draft with a provisional "5 bis" label, from before negotiation.
        document: {
          schemaVersion: 1,
          kind: 'resolution',
          organ: 'General Assembly',
          formula: 'The General Assembly,',
          title: 'Stored in the first release',
          metadata: {},
          preamble: [],
          operative: [
            {
              label: '5 bis',
              opener: 'Requests',
              content: [{ type: 'text', text: 'the Office to report;' }],
              subparagraphs: [],
            },
          ],
          annex: null,
          footnotes: [],
        },
        check(doc) {
          expect(doc.schemaVersion).toBe(2);
          expect(doc.operative[0]).toMatchObject({ label: '5 bis', opener: 'Requests' });
          expect(doc.negotiation).toBeUndefined();
        },
      },
    };

  it.each(MIGRATIONS.map((m) => [m.from, m.describe] as const))(
    'opens a stored draft of schema version %i, migrated (%s), and saves it in the current format',
    async (from) => {
      const old = OLD_DOCUMENTS[from];
      if (!old) throw new Error(`no stored-draft fixture for the migration from schema version ${from}`);
      const dbName = scratchName();
      const store = await scratchStore({ dbName });
      await putRaw(dbName, 'drafts', { ...draftRecordOf(draftDoc()), id: 'old', document: old.document });

      const entry = await store.get('old');
      if (!entry || entry.damaged) throw new Error(`expected a readable draft, got ${JSON.stringify(entry)}`);
      expect(entry.migratedFrom).toBe(from);
      old.check(entry.document);
      ok(await store.save('old', entry.document, { expectedSaveCount: entry.saveCount }));
      expect(await store.get('old')).not.toHaveProperty('migratedFrom');
    },
  );
});

function draftRecordOf(document: ResolutionDocument) {
  return {
    recordVersion: RECORD_VERSION,
    id: 'x',
    name: 'Stored by hand',
    createdAt: '2012-10-19T10:00:00.000Z',
    updatedAt: '2012-10-19T10:00:00.000Z',
    saveCount: 4,
    document,
  };
}

describe('DraftStore: files', () => {
  it('exports every draft and revision as a bundle that imports back as new drafts', async () => {
    const dbName = scratchName();
    const store = await scratchStore({ dbName });
    const a = await created(store, draftDoc('A'), 'Draft A');
    ok(await store.createRevision(a.id));
    await created(store, draftDoc('B'), 'Draft B');
    await putRaw(dbName, 'drafts', { id: 'junk', name: 'Broken', note: 'raw bytes' });

    const bundleText = await store.exportAll();
    const bundle = JSON.parse(bundleText) as {
      format: string;
      drafts: { name: string }[];
      damaged: unknown[];
    };
    expect(bundle.format).toBe(BUNDLE_FORMAT);
    expect(bundle.drafts.map((d) => d.name).sort()).toEqual(['Draft A', 'Draft B']);
    expect(bundle.damaged).toEqual([
      expect.objectContaining({
        store: 'drafts',
        id: 'junk',
        raw: { id: 'junk', name: 'Broken', note: 'raw bytes' },
      }),
    ]);

    const other = await scratchStore();
    const imported = ok(await other.importFile(bundleText));
    expect(imported.drafts.map((d) => d.name).sort()).toEqual(['Draft A', 'Draft B']);
    expect(imported.problems).toEqual([expect.stringContaining('1 damaged record')]);
    const importedA = imported.drafts.find((d) => d.name === 'Draft A');
    expect(importedA?.document).toEqual(a.document);
    expect(await other.listRevisions(importedA?.id ?? '')).toEqual([
      expect.objectContaining({ name: 'Rev.1' }),
    ]);
  });

  it('opens a *.resolution.json file as a new draft named after the file', async () => {
    const store = await scratchStore();
    const draft = await created(store, draftDoc('Shared by e-mail'));
    const file = await store.exportDraft(draft.id);
    expect(file?.fileName).toBe('Shared by e-mail.resolution.json');
    expect(parseDocumentFile(file?.text ?? '')).toMatchObject({ ok: true, document: draft.document });

    const imported = ok(
      await store.importFile(file?.text ?? '', { fileName: 'C:\\drafts\\L.4 Rev.2.resolution.json' }),
    );
    expect(imported.drafts[0]).toMatchObject({ name: 'L.4 Rev.2', document: draft.document });
  });

  it('refuses a file that is not a resolution with the reader’s message, storing nothing', async () => {
    const store = await scratchStore();
    expect(await store.importFile('{"format":"something else"}')).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('not a Resolution Drafter file'),
    });
    expect(await store.list()).toEqual([]);
  });
});

describe('DraftStore: a full disk', () => {
  // A Storage Bucket with a quota of 1 MB: the QuotaExceededError below is Chromium's own, raised by a
  // real IndexedDB commit that does not fit.
  it('reports a save beyond the quota as "quota", keeps the stored draft as it was, and still exports everything', async () => {
    const bucketName = `quota-${newId()}`;
    onCleanup(() => storageBuckets().delete(bucketName)); // runs after the store is closed
    const bucket = await storageBuckets().open(bucketName, { quota: 1024 * 1024 });
    const store = await scratchStore({ factory: bucket.indexedDB });
    const draft = await created(store, draftDoc('Before the disk filled'));
    // About 2 MB of text that does not compress (Chromium compresses what it stores): 20 paragraphs
    // just under the validator's per-paragraph limit, of pseudo-random letters.
    const huge = res({
      title: 'Huge',
      operative: Array.from({ length: 20 }, (_, i) => op('Requests', noise(99_000, i + 1))),
    });

    const result = await store.save(draft.id, huge, { expectedSaveCount: 1 });
    expect(result).toMatchObject({
      ok: false,
      reason: 'quota',
      message: expect.stringContaining('Download all drafts'),
    });
    expect(await store.get(draft.id)).toMatchObject({
      saveCount: 1,
      document: { title: 'Before the disk filled' },
    });
    // The one-click download still works on a full disk: it only reads.
    expect(JSON.parse(await store.exportAll())).toMatchObject({
      drafts: [{ name: 'Before the disk filled' }],
    });
  });
});

interface StorageBuckets {
  open(name: string, options: { quota: number }): Promise<{ indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
}

/** Chromium's Storage Buckets API (not yet in TypeScript's DOM types). */
function storageBuckets(): StorageBuckets {
  return (navigator as Navigator & { storageBuckets: StorageBuckets }).storageBuckets;
}

/** Letters from a xorshift generator: text Chromium cannot compress below its length. */
function noise(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out += String.fromCharCode(97 + ((state >>> 0) % 26));
  }
  return out;
}
