/**
 * The workspace: drafts on the left, the page in the middle, panels on the right. It owns the open
 * draft's session (autosave, other tabs) and every action on drafts; the text itself lives in the
 * editor, and the model is read from it on change (debounced) for the autosave.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { EditorState, LexicalEditor } from 'lexical';
import type { Metadata, ResolutionDocument } from '../core/model/types.ts';
import { serializeDocumentFile } from '../core/model/file.ts';
import { ResolutionComposer, ResolutionSurface, readDocument } from '../editor/ResolutionEditor.tsx';
import type { AutosaveStatus } from '../storage/autosave.ts';
import { rawText, type DraftEntry, type StoredDraft } from '../storage/db.ts';
import {
  draftFileName,
  type DraftStore,
  type DraftSummary,
  type RevisionSummary,
} from '../storage/drafts.ts';
import { clearJournal, listJournals, readJournal, recoveryFor, writeJournal } from '../storage/journal.ts';
import {
  SAVE_TROUBLE_LABELS,
  saveTroubleFor,
  type SaveTrouble,
  type SaveTroubleAction,
} from '../storage/saveTrouble.ts';
import { createDraftSession, type DraftSession } from '../storage/session.ts';
import type { TabChannel } from '../storage/tabs.ts';
import { lexicon } from './data.ts';
import { DetailsPanel } from './DetailsPanel.tsx';
import { Dialog } from './Dialog.tsx';
import { DraftsSidebar } from './DraftsSidebar.tsx';
import { downloadText, readFileText } from './files.ts';
import { createHelpStore } from './helpStore.ts';
import { Masthead } from './Masthead.tsx';
import { RevisionsPanel } from './RevisionsPanel.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { createStatusStore } from './statusStore.ts';
import { afterTypingPause } from './typingPause.ts';
import { createPauseSchedule, type PauseSchedule } from '../editor/pauseSchedule.ts';
import { EditorExtras, PanelExtras } from './extensions.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { WordMenu } from './WordMenu.tsx';
import type { Diagnostic } from '../core/parse/diagnostics.ts';
import type { BaseDocument } from '../core/model/types.ts';
import type { LibraryMeta } from '../core/library/types.ts';
import type { LibraryBase } from './CompareView.tsx';

// The compare engine and the agreed-language finder load when first used, keeping the first screen light.
const CompareView = lazy(() => import('./CompareView.tsx').then((m) => ({ default: m.CompareView })));
const PrecedentsPanel = lazy(() =>
  import('./PrecedentsPanel.tsx').then((m) => ({ default: m.PrecedentsPanel })),
);
// The updates of a draft started from last year's resolution (issue 13, item 3) load when first shown.
const UpdatesPanel = lazy(() =>
  import('./library/UpdatesPanel.tsx').then((m) => ({ default: m.UpdatesPanel })),
);
// The Help, with a page and an example for each editorial check, loads when first opened.
const HelpDialog = lazy(() => import('./help/HelpDialog.tsx').then((m) => ({ default: m.HelpDialog })));
// The templates and the ways a draft starts load with the dialog, off the first screen.
const NewDraftDialog = lazy(() =>
  import('./NewDraftDialog.tsx').then((m) => ({ default: m.NewDraftDialog })),
);
// The user's documents in the library, their store and the file readers load with the dialog.
const LibraryDialog = lazy(() =>
  import('./library/LibraryDialog.tsx').then((m) => ({ default: m.LibraryDialog })),
);

interface Current {
  readonly draft: StoredDraft;
  /** The latest model (metadata edits included); the editor holds the text. */
  readonly document: ResolutionDocument;
  /** Bumped to load a document into a fresh editor. */
  readonly key: number;
  readonly view?: {
    readonly revisionId: string;
    readonly name: string;
    readonly document: ResolutionDocument;
  };
}

interface Notice {
  readonly text: string;
  readonly tone: 'info' | 'warning' | 'error';
  readonly action?: { readonly label: string; readonly run: () => void };
}

type PanelName = 'details' | 'footnotes' | 'checks' | 'precedents' | 'updates' | 'revisions';

const PANELS: readonly { readonly name: PanelName; readonly label: string }[] = [
  { name: 'details', label: 'Details' },
  { name: 'footnotes', label: 'Footnotes' },
  { name: 'checks', label: 'Checks' },
  { name: 'precedents', label: 'Precedents' },
  { name: 'updates', label: 'Updates' },
  { name: 'revisions', label: 'Revisions' },
];

/**
 * When the model is read from the editor for the crash journal and the autosave (editor/pauseSchedule.ts):
 * in a pause of typing, or at least this often while the person types on, so a crash or a closed tab
 * loses at most that much typing (issue 3: at most a second).
 */
const EXPORT_PAUSE_MS = 250;
const EXPORT_MAX_WAIT_MS = 600;

export function Workspace({ store, channel }: { readonly store: DraftStore; readonly channel: TabChannel }) {
  const [drafts, setDrafts] = useState<readonly DraftSummary[]>([]);
  const [current, setCurrent] = useState<Current | null>(null);
  const [statusStore] = useState(() => createStatusStore());
  /** The drafts list shows titles and times: refreshed after saves, at most every few seconds. */
  const lastListRefresh = useRef(0);
  const listRefresh = useRef<(() => void) | undefined>(undefined);
  const [conflict, setConflict] = useState<DraftEntry | null>(null);
  /** A save that failed: shown until a save succeeds (issue 11: a failed save is loud). */
  const [trouble, setTrouble] = useState<SaveTrouble | null>(null);
  const [revisions, setRevisions] = useState<readonly RevisionSummary[]>([]);
  const [dialog, setDialog] = useState<null | 'new' | { rename: string } | { remove: string }>(null);
  const [help] = useState(() => createHelpStore());
  const helpOpen = useSyncExternalStore(help.subscribe, () => help.getState().open);
  /** Once opened, the Help stays mounted (closed), so it opens again at once and where it was left. */
  const [helpLoaded, setHelpLoaded] = useState(false);
  if (helpOpen && !helpLoaded) setHelpLoaded(true);
  /** The Library dialog, once opened, stays mounted (closed), so closing gives the focus back. */
  const [library, setLibrary] = useState<'unopened' | 'open' | 'closed'>('unopened');
  const [renameValue, setRenameValue] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [panel, setPanel] = useState<PanelName>('details');
  const [loaded, setLoaded] = useState(false);
  const [comparing, setComparing] = useState<ResolutionDocument | null>(null);
  /** A library document to compare with, chosen in the Precedents panel ("Compare with it"). */
  const [libraryBase, setLibraryBase] = useState<LibraryBase | null>(null);

  const session = useRef<DraftSession | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const docRef = useRef<ResolutionDocument | null>(null);
  const exportSchedule = useRef<PauseSchedule | null>(null);
  const keyRef = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => setDrafts(await store.list()), [store]);

  /** Reads the editor now and hands the model to the autosave (skipping the debounce). */
  const pushNow = useCallback(() => {
    exportSchedule.current?.cancel();
    const editor = editorRef.current;
    const base = docRef.current;
    if (!editor || !base || !session.current) return;
    const doc = readDocument(editor.getEditorState(), base);
    docRef.current = doc;
    // Synchronous first, so a killed browser keeps it; then the autosave's IndexedDB write.
    writeJournal({
      draftId: session.current.draftId,
      basedOn: session.current.saveCount,
      at: Date.now(),
      document: doc,
    });
    session.current.edit(doc);
  }, []);

  const flush = useCallback(async () => {
    pushNow();
    await session.current?.flush();
  }, [pushNow]);

  const load = useCallback((draft: StoredDraft) => {
    docRef.current = draft.document;
    keyRef.current += 1;
    setCurrent({ draft, document: draft.document, key: keyRef.current });
  }, []);

  const downloadAll = useCallback(async () => {
    // The text on screen, which a full disk may have kept out of the store, goes into the bundle
    // (read from the editor first when a change is still waiting for it).
    if (exportSchedule.current?.pending) pushNow();
    const held = session.current;
    const unsaved = held && docRef.current ? { draftId: held.draftId, document: docRef.current } : undefined;
    try {
      const text = await store.exportAll(unsaved ? { unsaved } : {});
      downloadText(`resolution-drafter-drafts-${new Date().toISOString().slice(0, 10)}.json`, text);
    } catch {
      // The store itself failed: at least the open draft leaves the browser.
      if (docRef.current)
        downloadText(draftFileName(docRef.current.title || 'draft'), serializeDocumentFile(docRef.current));
    }
  }, [store, pushNow]);

  /** The text on screen as a `.resolution.json` file, whatever the store can do. */
  const downloadDraft = useCallback(() => {
    if (exportSchedule.current?.pending) pushNow();
    const doc = docRef.current;
    if (doc) downloadText(draftFileName(doc.title || 'draft'), serializeDocumentFile(doc));
  }, [pushNow]);

  /** Autosave news: the list shows titles and times, and a failed save needs saying at once. */
  const handleStatus = useCallback(
    (next: AutosaveStatus) => {
      statusStore.set(next);
      if (next.state === 'saved') {
        // The list shows each draft's time: redrawn at most every 3 s, and only in a pause of typing
        // (a redraw of the workspace between keystrokes costs the next key its frame; typingPause.ts).
        if (Date.now() - lastListRefresh.current > 3000 && listRefresh.current === undefined) {
          listRefresh.current = afterTypingPause(() => {
            listRefresh.current = undefined;
            lastListRefresh.current = Date.now();
            void refresh();
          });
        }
        // Everything typed is stored: the crash journal has nothing left to recover.
        const open = session.current;
        if (open && !open.hasUnsaved && !exportSchedule.current?.pending) clearJournal(open.draftId);
      }
      if (next.state === 'saved') setTrouble(null);
      else if (next.state === 'failed') setTrouble(saveTroubleFor(next));
    },
    [refresh, statusStore],
  );

  const openRef = useRef<((id: string) => Promise<void>) | null>(null);
  const open = useCallback(
    async (id: string) => {
      await flush();
      await session.current?.dispose();
      session.current = null;
      editorRef.current = null;
      const entry = await store.get(id);
      if (!entry) {
        setNotice({ text: 'That draft no longer exists.', tone: 'warning' });
        await refresh();
        return;
      }
      if (entry.damaged) {
        setNotice({
          text: `That draft is damaged and cannot be opened: ${entry.error.replace(/\.$/, '')}. Its raw data can be downloaded from the list, and its last revision restored in its place.`,
          tone: 'error',
        });
        return;
      }
      setConflict(null);
      setTrouble(null);
      session.current = createDraftSession({
        store,
        draft: entry,
        channel,
        // The editor is read already debounced (editor/pauseSchedule.ts): store each read at once, in the
        // same idle moment after a keystroke.
        delayMs: 0,
        maxWaitMs: 0,
        onStatus: handleStatus,
        hasPendingEdit: () => exportSchedule.current?.pending ?? false,
        onFollow: (draft) => {
          clearJournal(draft.id);
          load(draft);
          // A notice that offers something (the copy just kept: "Open it") stays; this one only informs.
          setNotice((shown) =>
            shown?.action
              ? shown
              : { text: 'This draft was changed in another tab; showing that version.', tone: 'info' },
          );
        },
        onConflict: (currentEntry) => setConflict(currentEntry),
      });
      statusStore.reset({ state: 'idle' });
      // Text typed just before a crash or a closed tab, which the autosave had not stored yet.
      const recovery = recoveryFor(readJournal(id), entry);
      if (recovery.kind === 'in-place') {
        load({ ...entry, document: recovery.document });
        session.current.edit(recovery.document);
        setNotice({ text: 'Recovered the last changes typed before this page closed.', tone: 'info' });
      } else {
        load(entry);
        // A draft of an older schema is stored back in the current format at once (core/model/migrations.ts).
        if (entry.migratedFrom !== undefined) session.current.edit(entry.document);
        if (recovery.kind === 'copy') {
          const copy = await store.create(recovery.document, `${entry.name} (recovered)`);
          if (copy.ok) {
            clearJournal(id);
            setNotice({
              text: `Changes typed before this page closed were kept as “${copy.draft.name}”, because the draft was changed elsewhere since.`,
              tone: 'warning',
              action: { label: 'Open it', run: () => void openRef.current?.(copy.draft.id) },
            });
          }
        }
      }
      await store.setLastOpened(id);
      setRevisions(await store.listRevisions(id));
      await refresh();
    },
    [store, channel, flush, load, refresh, handleStatus, statusStore],
  );

  useEffect(() => {
    openRef.current = open;
  }, [open]);

  const create = useCallback(
    async (document: ResolutionDocument, name: string) => {
      setDialog(null);
      const result = await store.create(document, name);
      if (!result.ok) {
        setNotice({ text: `The draft could not be created: ${result.message}`, tone: 'error' });
        return;
      }
      await open(result.draft.id);
    },
    [store, open],
  );

  /**
   * Text typed in drafts that are no longer stored (deleted in another tab while this one typed), or
   * that the store could not take: the crash journal kept it, and it comes back as a draft of its own,
   * or as a file to download when it is not a document the store would take.
   */
  const recoverOrphans = useCallback(async () => {
    for (const record of listJournals()) {
      if (record.kind === 'raw') {
        setNotice({
          text: 'Text typed before this page last closed could not be read back as a draft. Download it to keep it.',
          tone: 'warning',
          action: {
            label: 'Download it',
            run: () => {
              downloadText(`unsaved-draft-${record.draftId}.json`, record.text);
              clearJournal(record.draftId);
            },
          },
        });
        continue;
      }
      const { entry } = record;
      if ((await store.get(entry.draftId)) !== undefined) continue;
      const name = `${entry.document.title.trim().slice(0, 80) || 'Untitled draft'} (recovered)`;
      const copy = await store.create(entry.document, name);
      if (!copy.ok) continue;
      clearJournal(entry.draftId);
      await refresh();
      setNotice({
        text: `Text typed in a draft that was deleted elsewhere was kept as “${copy.draft.name}”.`,
        tone: 'warning',
        action: { label: 'Open it', run: () => void openRef.current?.(copy.draft.id) },
      });
    }
  }, [store, refresh]);

  // Start: reopen the draft opened last (after a reload or a crash), or the most recent one.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const list = await store.list();
      if (cancelled) return;
      setDrafts(list);
      const last = await store.getLastOpened();
      const target = list.find((d) => d.id === last && !d.damaged) ?? list.find((d) => !d.damaged);
      if (target && !cancelled) await open(target.id);
      if (!cancelled) await recoverOrphans();
      if (!cancelled) setLoaded(true);
    })();
    return () => {
      cancelled = true;
      listRefresh.current?.();
      listRefresh.current = undefined;
      statusStore.dispose();
    };
    // Runs once per store.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  // Leaving the page with text not yet stored (typed a moment ago, or a save that failed): the browser asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!session.current?.hasUnsaved && !exportSchedule.current?.pending) return;
      pushNow();
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [pushNow]);

  // Leaving the page: read the editor at once so the autosave's own pagehide flush has the last keystrokes.
  useEffect(() => {
    const onHide = () => pushNow();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') pushNow();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [pushNow]);

  const onEditorChange = useCallback(
    (_state: EditorState, editor: LexicalEditor) => {
      editorRef.current = editor;
      statusStore.edited();
      exportSchedule.current ??= createPauseSchedule(pushNow, {
        pauseMs: EXPORT_PAUSE_MS,
        maxWaitMs: EXPORT_MAX_WAIT_MS,
        idleTimeoutMs: 100,
      });
      exportSchedule.current.changed();
    },
    [pushNow, statusStore],
  );

  const onLimit = useCallback((text: string) => setNotice({ text, tone: 'warning' }), []);

  const onMetadata = useCallback(
    (metadata: Metadata) => {
      const base = docRef.current;
      if (!base) return;
      const next = { ...base, metadata };
      docRef.current = next;
      setCurrent((c) => (c ? { ...c, document: next } : c));
      pushNow();
    },
    [pushNow],
  );

  const saveFile = useCallback(async () => {
    if (!current || !docRef.current) return;
    await flush();
    // A save that failed (a full disk) leaves the text on screen newer than the stored one: that goes out.
    const exported = session.current?.hasUnsaved
      ? undefined
      : await store.exportDraft(current.draft.id).catch(() => undefined);
    // If the store cannot answer, the text in memory still goes out.
    downloadText(
      exported?.fileName ?? draftFileName(current.draft.name),
      exported?.text ?? serializeDocumentFile(docRef.current),
    );
  }, [current, flush, store]);

  const openFile = useCallback(
    async (file: File) => {
      const read = await readFileText(file);
      if (!read.ok) {
        setNotice({ text: read.error, tone: 'error' });
        return;
      }
      const result = await store.importFile(read.text, { fileName: file.name });
      if (!result.ok) {
        setNotice({ text: `${file.name} was not opened: ${result.message}`, tone: 'error' });
        return;
      }
      const [first] = result.drafts;
      if (result.problems.length)
        setNotice({
          text: `Some of ${file.name} could not be imported: ${result.problems.join('; ')}`,
          tone: 'warning',
        });
      if (first) await open(first.id);
      else await refresh();
    },
    [store, open, refresh],
  );

  const createRevision = useCallback(
    async (name: string | undefined) => {
      if (!current) return;
      await flush();
      const result = await store.createRevision(current.draft.id, name);
      if (!result.ok) setNotice({ text: `The revision was not saved: ${result.message}`, tone: 'error' });
      else setNotice({ text: `Saved revision ${result.revision.name}.`, tone: 'info' });
      setRevisions(await store.listRevisions(current.draft.id));
      setPanel('revisions');
    },
    [current, flush, store],
  );

  const viewRevision = useCallback(
    async (id: string) => {
      if (!current) return;
      await flush();
      const entry = await store.getRevision(id);
      if (!entry || entry.damaged) {
        setNotice({ text: 'That revision cannot be opened (it is damaged or gone).', tone: 'error' });
        return;
      }
      keyRef.current += 1;
      setCurrent({
        ...current,
        key: keyRef.current,
        view: { revisionId: id, name: entry.name, document: entry.document },
      });
    },
    [current, flush, store],
  );

  const backToDraft = useCallback(() => {
    if (!current || !docRef.current) return;
    keyRef.current += 1;
    setCurrent({ draft: current.draft, document: docRef.current, key: keyRef.current });
  }, [current]);

  const restoreRevision = useCallback(
    async (id: string) => {
      if (!current || !session.current) return;
      await flush();
      // The editor's text is stored; let go of it so reopening cannot write it over the restored one.
      const expectedSaveCount = session.current.saveCount;
      await session.current.dispose();
      session.current = null;
      editorRef.current = null;
      clearJournal(current.draft.id);
      const result = await store.restoreRevision(current.draft.id, id, { expectedSaveCount });
      await open(current.draft.id);
      if (!result.ok) {
        setNotice({ text: `The revision was not restored: ${result.message}`, tone: 'error' });
        return;
      }
      setNotice({
        text:
          'damaged' in result.backup && result.backup.damaged
            ? `Restored. The damaged record it replaced is kept in the drafts list as “${result.backup.name}”.`
            : `Restored. The text it replaced is kept as the revision “${result.backup.name}”.`,
        tone: 'info',
      });
    },
    [current, flush, store, open],
  );

  const remove = useCallback(
    async (id: string) => {
      setDialog(null);
      const name = drafts.find((d) => d.id === id)?.name ?? 'the draft';
      if (current?.draft.id === id) {
        await flush();
        await session.current?.dispose();
        session.current = null;
        editorRef.current = null;
        docRef.current = null;
        setCurrent(null);
      }
      const result = await store.remove(id);
      // Deleted on purpose: its unsaved text is not to come back as a recovered draft.
      if (result.ok) clearJournal(id);
      await refresh();
      if (!result.ok) {
        setNotice({ text: `Not deleted: ${result.message}`, tone: 'error' });
        return;
      }
      setNotice({
        text: `Deleted “${name}”. It can be brought back for ten minutes.`,
        tone: 'info',
        action: {
          label: 'Undo',
          run: () =>
            void (async () => {
              const undone = await store.undoRemove(id);
              setNotice(
                undone.ok
                  ? { text: `“${name}” is back.`, tone: 'info' }
                  : { text: `It could not be brought back: ${undone.message}`, tone: 'error' },
              );
              await refresh();
              if (undone.ok) await open(id);
            })(),
        },
      });
    },
    [drafts, current, flush, store, refresh, open],
  );

  const rename = useCallback(
    async (id: string, name: string) => {
      setDialog(null);
      const result = await store.rename(id, name);
      if (!result.ok) setNotice({ text: `Not renamed: ${result.message}`, tone: 'error' });
      if (current?.draft.id === id && result.ok)
        setCurrent({ ...current, draft: { ...current.draft, name: result.name } });
      await refresh();
    },
    [store, current, refresh],
  );

  const duplicate = useCallback(
    async (id: string) => {
      if (current?.draft.id === id) await flush();
      const result = await store.duplicate(id);
      if (!result.ok) setNotice({ text: `Not duplicated: ${result.message}`, tone: 'error' });
      await refresh();
    },
    [current, flush, store, refresh],
  );

  /** A damaged draft gets its last good revision back in its place; the damaged record stays listed. */
  const restoreDamaged = useCallback(
    async (id: string) => {
      const revisions = await store.listRevisions(id);
      const last = revisions.filter((r) => !r.damaged).at(-1);
      if (!last || last.damaged) {
        setNotice({
          text: 'That draft has no revision to restore; its raw data can still be downloaded.',
          tone: 'warning',
        });
        return;
      }
      const result = await store.restoreRevision(id, last.id);
      if (!result.ok) {
        setNotice({ text: `The revision was not restored: ${result.message}`, tone: 'error' });
        return;
      }
      await open(id);
      setNotice({
        text: `Restored “${last.name}” in place of the damaged draft. The damaged record is kept in the list for download.`,
        tone: 'info',
      });
    },
    [store, open],
  );

  const downloadDamaged = useCallback(
    async (id: string) => {
      const entry = await store.get(id);
      if (entry && entry.damaged) downloadText(`damaged-draft-${id}.json`, rawText(entry.raw));
    },
    [store],
  );

  /** The text on screen as a new draft, when its own record can no longer take it (deleted or damaged). */
  const keepAsNew = useCallback(async () => {
    const held = session.current;
    if (!held) return;
    pushNow();
    const copy = await held.keepMineAsCopy(`${current?.draft.name ?? 'Draft'} (kept)`);
    if (!copy.ok) {
      setNotice({ text: `The new draft could not be stored: ${copy.message}`, tone: 'error' });
      return;
    }
    clearJournal(held.draftId);
    await open(copy.draft.id);
    setNotice({ text: `Your text was kept as the new draft “${copy.draft.name}”.`, tone: 'info' });
  }, [pushNow, current, open]);

  const troubleAction = useCallback(
    (action: SaveTroubleAction) => {
      if (action === 'keep-as-new') void keepAsNew();
      else if (action === 'download-draft') downloadDraft();
      else void downloadAll();
    },
    [keepAsNew, downloadDraft, downloadAll],
  );

  /** The draft's latest text, stored: what compare and the Word export read. */
  const getLatest = useCallback(async (): Promise<ResolutionDocument | undefined> => {
    await flush();
    return docRef.current ?? undefined;
  }, [flush]);

  /** The open draft as it reads now, under its name, for "Add this draft" in the Library. */
  const getDraftForLibrary = useCallback(async () => {
    const document = await getLatest();
    return document && current ? { document, name: current.draft.name } : undefined;
  }, [getLatest, current]);

  const loadRevision = useCallback(
    async (id: string) => {
      const entry = await store.getRevision(id);
      return entry && !entry.damaged ? entry.document : undefined;
    },
    [store],
  );

  const loadDraft = useCallback(
    async (id: string) => {
      const entry = await store.get(id);
      return entry && !entry.damaged ? entry.document : undefined;
    },
    [store],
  );

  /**
   * The document `metadata.base` names: a corpus document, a revision of this draft (by name or id),
   * or the file the draft was imported from (kept as the revision named after it: importDocuments).
   */
  const resolveBase = useCallback(
    async (doc: ResolutionDocument): Promise<ResolutionDocument | undefined> => {
      const base = doc.metadata.base;
      if (!base) return undefined;
      if (base.source === 'corpus') return (await import('./corpusData.ts')).corpusDocumentByRef(base.ref);
      if (base.source === 'revision' || base.source === 'file') {
        const match = revisions.find((r) => !r.damaged && (r.name === base.ref || r.id === base.ref));
        return match ? loadRevision(match.id) : undefined;
      }
      return undefined;
    },
    [revisions, loadRevision],
  );

  const setBase = useCallback(
    (base: BaseDocument) => {
      const latest = docRef.current;
      if (latest) onMetadata({ ...latest.metadata, base });
    },
    [onMetadata],
  );

  const openCompare = useCallback(async () => {
    const latest = await getLatest();
    setLibraryBase(null);
    if (latest) setComparing(latest);
  }, [getLatest]);

  /** Compares the draft with a library document (last year's resolution, found by the finder). */
  const compareWithLibrary = useCallback(
    async (meta: LibraryMeta) => {
      const { libraryClient } = await import('./library/libraryClient.ts');
      const [latest, found] = await Promise.all([getLatest(), libraryClient().document(meta.id)]);
      if (!latest) return;
      if (!found) {
        setNotice({ text: `${meta.symbol} is no longer in the library.`, tone: 'error' });
        return;
      }
      setLibraryBase({ ref: meta.symbol, label: `${meta.symbol}: ${meta.title}`, document: found.doc });
      setComparing(latest);
    },
    [getLatest],
  );

  /**
   * A Word document or PDF read into documents: each becomes a new draft, and the first opens. Each
   * names the file as its base (word/importer.ts); the text as read is kept as the draft's first
   * revision, named after the file, which the base resolves to for compare and the Word export.
   */
  const importDocuments = useCallback(
    async (
      documents: readonly ResolutionDocument[],
      diagnostics: readonly Diagnostic[],
      fileName: string,
    ) => {
      let first: string | undefined;
      for (const doc of documents) {
        const base = fileName.replace(/\.(?:docx|pdf)$/i, '');
        const name = documents.length > 1 ? `${base} (${doc.title || 'untitled'})` : base;
        const result = await store.create(doc, name);
        const kept = result.ok ? await store.createRevision(result.draft.id, fileName) : result;
        if (!kept.ok || !result.ok) {
          setNotice({
            text: `${fileName} could not be stored: ${kept.ok ? '' : kept.message}`,
            tone: 'error',
          });
          return;
        }
        first ??= result.draft.id;
      }
      if (first) await open(first);
      const notes = diagnostics.filter((d) => d.severity !== 'info');
      setNotice(
        notes.length
          ? {
              text: `Imported ${fileName}; ${notes.length} thing(s) were not recognized: ${notes
                .slice(0, 3)
                .map((d) => d.message)
                .join('; ')}${notes.length > 3 ? '…' : ''}`,
              tone: 'warning',
            }
          : { text: `Imported ${fileName}.`, tone: 'info' },
      );
    },
    [store, open],
  );

  /**
   * Text the user copied (from a PDF, a web page, an e-mail) read into drafts as a file is: the
   * printed reader finds its furniture, headers and footnotes; the text as read is the drafts' base,
   * named by the document's symbol when it has one.
   */
  const importText = useCallback(
    async (text: string) => {
      setDialog(null);
      // Loaded on use: the reader of printed documents stays off the first screen.
      const { readResolutionText } = await import('../core/parse/printed.ts');
      const read = readResolutionText(text, { name: 'the pasted text' });
      const documents = read.documents.filter(
        (d) => d.preamble.length > 0 || d.operative.length > 0 || (d.sections?.length ?? 0) > 0,
      );
      if (documents.length === 0) {
        setNotice({
          text: 'No resolution or decision was recognized in the pasted text: it should hold a title, an enacting formula such as “The General Assembly,” and its paragraphs.',
          tone: 'error',
        });
        return;
      }
      const name = documents[0]?.metadata.symbol ?? 'Pasted text';
      const base = { source: 'file', ref: name } as const;
      await importDocuments(
        documents.map((d) => ({ ...d, metadata: { ...d.metadata, base } })),
        read.diagnostics,
        name,
      );
    },
    [importDocuments],
  );

  /** This session's draft from a library resolution, its updates shown to review (library/updateDraft.ts). */
  const startFromLibrary = useCallback(
    async (id: string) => {
      setDialog(null);
      const { startUpdateDraft } = await import('./library/updateDraft.ts');
      const started = await startUpdateDraft(store, id);
      if (!started.ok) {
        setNotice({ text: started.message, tone: 'error' });
        return;
      }
      await open(started.draftId);
      setPanel('updates');
      setNotice({ text: started.message, tone: 'info' });
    },
    [store, open],
  );

  // Shortcuts that work anywhere (SHORTCUTS in shortcuts.ts lists them).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      // F1: the Help, where it was left (the Checks list opens the current problem's rule itself).
      if (e.key === 'F1' && !mod && !e.altKey && !e.shiftKey && !e.defaultPrevented) {
        e.preventDefault();
        help.open();
        return;
      }
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (e.altKey && (key === 'n' || e.code === 'KeyN')) {
        e.preventDefault();
        setDialog('new');
      } else if (e.altKey && (key === 'r' || e.code === 'KeyR')) {
        e.preventDefault();
        void createRevision(undefined);
      } else if (e.altKey && (key === 'c' || e.code === 'KeyC')) {
        e.preventDefault();
        void openCompare();
      } else if (e.altKey && (key === 'e' || e.code === 'KeyE')) {
        e.preventDefault();
        void saveFile();
      } else if (!e.altKey && key === 's') {
        e.preventDefault();
        void flush();
      } else if (!e.altKey && (key === '/' || key === '?')) {
        e.preventDefault();
        help.open('shortcuts');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [createRevision, saveFile, flush, openCompare, help]);

  const viewing = current?.view;
  const shown = viewing ? viewing.document : current?.document;
  const readOnly = Boolean(viewing);

  return (
    <div className="shell">
      <header className="topbar">
        <span className="topbar__brand">Resolution Drafter</span>
        <span className="topbar__draft" aria-live="polite">
          {current ? current.draft.name : ''}
          {viewing ? ` — ${viewing.name} (read-only)` : ''}
        </span>
        {current && !viewing ? <SaveStatus store={statusStore} /> : <span />}
        <span className="topbar__actions">
          <button
            type="button"
            className="button"
            onClick={() => void openCompare()}
            disabled={!current}
            title="Compare with a base (Ctrl+Alt+C)"
          >
            Compare
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setLibrary('open')}
            title="Your documents in the library of adopted texts"
          >
            Library
          </button>
          <WordMenu
            getDocument={getLatest}
            resolveBase={resolveBase}
            draftName={current?.draft.name}
            onImported={importDocuments}
            onMessage={(text, tone) => setNotice({ text, tone })}
          />
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            Open file…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void saveFile()}
            disabled={!current}
            title="Save as .resolution.json (Ctrl+Alt+E)"
          >
            Save file
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void downloadAll()}
            title="Every draft and revision in one file"
          >
            Download all
          </button>
          <button
            type="button"
            className="button"
            onClick={() => help.open()}
            title="The editorial checks, with examples, and the keyboard shortcuts (F1)"
          >
            Help
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Open a .resolution.json file"
            data-testid="open-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void openFile(file);
            }}
          />
        </span>
      </header>

      {notice ? (
        <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.action ? (
            <button type="button" className="button button--small" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--quiet"
            aria-label="Dismiss"
            onClick={() => setNotice(null)}
          >
            ×
          </button>
        </div>
      ) : null}
      {trouble ? (
        <div className="notice notice--error save-trouble" role="alert">
          <span>{trouble.text}</span>
          {trouble.actions.map((action, index) => (
            <button
              key={action}
              type="button"
              className={`button button--small${index === 0 ? ' button--primary' : ''}`}
              onClick={() => troubleAction(action)}
            >
              {SAVE_TROUBLE_LABELS[action]}
            </button>
          ))}
        </div>
      ) : null}
      {conflict ? (
        <div className="notice notice--warning" role="alert">
          <span>
            This draft was changed in another tab while you had unsaved changes here. Nothing has been
            overwritten.
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void (async () => {
                const theirs = await session.current?.takeTheirs();
                if (theirs) clearJournal(theirs.id);
                setConflict(null);
                if (theirs && !theirs.damaged) load(theirs);
              })()
            }
          >
            Load the other tab’s version
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void (async () => {
                // The copy is of everything on screen, the last keystrokes included.
                pushNow();
                const held = session.current;
                const copy = await held?.keepMineAsCopy();
                setConflict(null);
                // This tab now follows the other tab's version: show it, or this tab's next save (or the
                // crash journal) would put the text just copied over the other tab's.
                if (held && copy?.ok) {
                  exportSchedule.current?.cancel();
                  editorRef.current = null;
                  clearJournal(held.draftId);
                  const theirs = await store.get(held.draftId);
                  if (theirs && !theirs.damaged) load(theirs);
                }
                await refresh();
                if (copy?.ok)
                  setNotice({
                    text: `Your text was kept as the new draft “${copy.draft.name}”.`,
                    tone: 'info',
                    action: { label: 'Open it', run: () => void open(copy.draft.id) },
                  });
              })()
            }
          >
            Keep mine as a copy
          </button>
        </div>
      ) : null}

      <div className="workspace">
        <DraftsSidebar
          drafts={drafts}
          currentId={current?.draft.id}
          onOpen={(id) => void open(id)}
          onNew={() => setDialog('new')}
          onRename={(id) => {
            setRenameValue(drafts.find((d) => d.id === id && !d.damaged)?.name ?? '');
            setDialog({ rename: id });
          }}
          onDuplicate={(id) => void duplicate(id)}
          onDelete={(id) => setDialog({ remove: id })}
          onDownloadDamaged={(id) => void downloadDamaged(id)}
          onRestoreDamaged={(id) => void restoreDamaged(id)}
        />
        {current && shown ? (
          <ResolutionComposer key={current.key} document={shown} readOnly={readOnly}>
            <main className="desk" aria-label="Draft workspace">
              <article className="page" aria-label="Draft" data-kind={shown.kind}>
                <Masthead document={shown} />
                <ResolutionSurface
                  lexicon={lexicon}
                  readOnly={readOnly}
                  onChange={readOnly ? undefined : onEditorChange}
                  onLimit={onLimit}
                >
                  <EditorExtras
                    onMessage={(text) => setNotice({ text, tone: 'warning' })}
                    draft={{ id: current.draft.id, document: shown }}
                  />
                </ResolutionSurface>
              </article>
            </main>
            <aside className="panel" aria-label="Panels">
              <div className="tabs" role="tablist" aria-label="Panels">
                {PANELS.map(({ name, label }) => (
                  <button
                    key={name}
                    type="button"
                    role="tab"
                    id={`tab-${name}`}
                    aria-selected={panel === name}
                    aria-controls={`panel-${name}`}
                    className="tabs__tab"
                    onClick={() => setPanel(name)}
                  >
                    {label}
                  </button>
                ))}
              </div>
              <div
                role="tabpanel"
                id={`panel-${panel}`}
                aria-labelledby={`tab-${panel}`}
                className="panel__body"
              >
                {panel === 'details' ? (
                  <DetailsPanel document={shown} readOnly={readOnly} onChange={onMetadata} />
                ) : null}
                {panel === 'footnotes' ? <PanelExtras which="footnotes" /> : null}
                {panel === 'checks' ? <ChecksPanel help={help} /> : null}
                {panel === 'precedents' ? (
                  <Suspense fallback={<p className="panel__empty">Loading the finder…</p>}>
                    <PrecedentsPanel
                      getDocument={() => (viewing ? viewing.document : docRef.current)}
                      onCompare={(meta) => void compareWithLibrary(meta)}
                      onOpenLibrary={() => setLibrary('open')}
                    />
                  </Suspense>
                ) : null}
                {panel === 'updates' ? (
                  <Suspense fallback={<p className="panel__empty">Loading the updates…</p>}>
                    <UpdatesPanel draftId={current.draft.id} readOnly={readOnly} />
                  </Suspense>
                ) : null}
                {panel === 'revisions' ? (
                  <RevisionsPanel
                    revisions={revisions}
                    viewing={viewing?.revisionId}
                    onCreate={(name) => void createRevision(name)}
                    onView={(id) => void viewRevision(id)}
                    onRestore={(id) => void restoreRevision(id)}
                    onBackToDraft={backToDraft}
                  />
                ) : null}
              </div>
            </aside>
          </ResolutionComposer>
        ) : (
          <main className="desk desk--empty" aria-label="Draft workspace">
            {loaded ? (
              <div className="welcome">
                <h1>Start a draft</h1>
                <p>
                  Begin from a UN template, or from the text of a resolution or decision of the sixth session
                  (CTOC/COP/2012/15).
                </p>
                <button type="button" className="button button--primary" onClick={() => setDialog('new')}>
                  New draft
                </button>
              </div>
            ) : (
              <p className="welcome" role="status">
                Opening your drafts…
              </p>
            )}
          </main>
        )}
      </div>

      {comparing && current ? (
        <Suspense
          fallback={
            <section className="overlay" aria-label="Compare">
              <p className="welcome" role="status">
                Loading compare…
              </p>
            </section>
          }
        >
          <CompareView
            draft={comparing}
            draftName={current.draft.name}
            draftId={current.draft.id}
            revisions={revisions}
            drafts={drafts}
            loadRevision={loadRevision}
            loadDraft={loadDraft}
            onSetBase={setBase}
            onClose={() => setComparing(null)}
            {...(libraryBase ? { libraryBase } : {})}
          />
        </Suspense>
      ) : null}

      {dialog === 'new' ? (
        <Suspense fallback={null}>
          <NewDraftDialog
            open
            onClose={() => setDialog(null)}
            onCreate={(doc, name) => void create(doc, name)}
            onImportText={(text) => void importText(text)}
            onStartFromLibrary={(id) => void startFromLibrary(id)}
          />
        </Suspense>
      ) : null}
      {helpLoaded ? (
        <Suspense fallback={null}>
          <HelpDialog store={help} />
        </Suspense>
      ) : null}
      {library !== 'unopened' ? (
        <Suspense fallback={null}>
          <LibraryDialog
            open={library === 'open'}
            onClose={() => setLibrary('closed')}
            {...(current && !viewing ? { getDraft: getDraftForLibrary } : {})}
          />
        </Suspense>
      ) : null}
      <Dialog
        title="Rename draft"
        open={typeof dialog === 'object' && dialog !== null && 'rename' in dialog}
        onClose={() => setDialog(null)}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (dialog && typeof dialog === 'object' && 'rename' in dialog && renameValue.trim() !== '')
              void rename(dialog.rename, renameValue.trim());
          }}
        >
          <label htmlFor="rename-input">Name</label>
          <input
            id="rename-input"
            value={renameValue}
            autoFocus
            onChange={(e) => setRenameValue(e.target.value)}
          />
          <div className="dialog__actions">
            <button type="submit" className="button button--primary">
              Rename
            </button>
          </div>
        </form>
      </Dialog>
      <Dialog
        title="Delete draft?"
        open={typeof dialog === 'object' && dialog !== null && 'remove' in dialog}
        onClose={() => setDialog(null)}
      >
        <p>The draft and its revisions go to the bin; you can bring them back for ten minutes.</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setDialog(null)} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              if (dialog && typeof dialog === 'object' && 'remove' in dialog) void remove(dialog.remove);
            }}
          >
            Delete
          </button>
        </div>
      </Dialog>
    </div>
  );
}
