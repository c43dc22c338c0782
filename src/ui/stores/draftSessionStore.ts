/**
 * The open draft's session, outside React (ARCHITECTURE.md, convention 12): the drafts list, the
 * draft on screen and the revision viewed, the autosave and the crash journal, notices, save trouble
 * and conflicts with other tabs, the panels and dialogs, compare, and the negotiation of the draft.
 * The workspace's components read it and call its actions; it is tested without React.
 *
 * The text itself lives in the editor: the component tells the store when it changed and how to read
 * it (`editorChanged`), and the store reads it in a pause of typing (editor/pauseSchedule.ts) for the
 * journal and the autosave.
 */
import type { BaseDocument, Metadata, ResolutionDocument } from '../../core/model/types.ts';
import { serializeDocumentFile } from '../../core/model/file.ts';
import type { Diagnostic } from '../../core/parse/diagnostics.ts';
import type { LibraryMeta } from '../../core/library/types.ts';
import { createPauseSchedule, type PauseSchedule } from '../../editor/pauseSchedule.ts';
import type { AutosaveStatus } from '../../storage/autosave.ts';
import { rawText, type DraftEntry, type StoredDraft } from '../../storage/db.ts';
import {
  draftFileName,
  type DraftStore,
  type DraftSummary,
  type RevisionSummary,
} from '../../storage/drafts.ts';
import { createJournal, recoveryFor, type Journal } from '../../storage/journal.ts';
import { saveTroubleFor, type SaveTrouble, type SaveTroubleAction } from '../../storage/saveTrouble.ts';
import { createDraftSession, type DraftSession } from '../../storage/session.ts';
import type { TabChannel } from '../../storage/tabs.ts';
import { downloadText, readFileText } from '../files.ts';
import type { StatusStore } from '../statusStore.ts';
import { afterTypingPause } from '../typingPause.ts';
import type { NegotiationStore } from './negotiationStore.ts';

export interface Current {
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

export interface Notice {
  readonly text: string;
  readonly tone: 'info' | 'warning' | 'error';
  readonly action?: { readonly label: string; readonly run: () => void };
}

export type PanelName =
  'details' | 'footnotes' | 'checks' | 'precedents' | 'updates' | 'revisions' | 'negotiation';

export type DialogState = null | 'new' | { readonly rename: string } | { readonly remove: string };

/** A library document offered as a base: compared with, not recorded as the draft's base. */
export interface LibraryComparison {
  /** "A/RES/79/136". */
  readonly ref: string;
  readonly label: string;
  readonly document: ResolutionDocument;
}

export interface DraftSessionState {
  readonly drafts: readonly DraftSummary[];
  readonly current: Current | null;
  /** Another tab changed the draft while this one had unsaved text. */
  readonly conflict: DraftEntry | null;
  /** A save that failed: shown until a save succeeds (issue 11: a failed save is loud). */
  readonly trouble: SaveTrouble | null;
  readonly revisions: readonly RevisionSummary[];
  readonly notice: Notice | null;
  readonly panel: PanelName;
  /** The drafts list has been read and the last draft reopened. */
  readonly loaded: boolean;
  /** The draft as compared, while the compare view is open. */
  readonly comparing: ResolutionDocument | null;
  readonly libraryBase: LibraryComparison | null;
  readonly dialog: DialogState;
  /** The Library dialog, once opened, stays mounted (closed), so closing gives the focus back. */
  readonly library: 'unopened' | 'open' | 'closed';
}

/** How the editor's text is read into the model (the component knows the editor; the store does not). */
export type EditorReader = (base: ResolutionDocument) => ResolutionDocument;

export interface DraftSessionStoreOptions {
  readonly store: DraftStore;
  readonly channel: TabChannel;
  readonly status: StatusStore;
  /** The crash journal (the app's, in localStorage, by default). */
  readonly journal?: Journal;
  /** Saves a file for the person (the browser's download, by default). */
  readonly download?: (fileName: string, text: string) => void;
  /** When the editor is read after a change: in a pause of typing, or at least this often. */
  readonly exportPauseMs?: number;
  readonly exportMaxWaitMs?: number;
}

/**
 * When the model is read from the editor for the crash journal and the autosave (editor/pauseSchedule.ts):
 * in a pause of typing, or at least this often while the person types on, so a crash or a closed tab
 * loses at most that much typing (issue 3: at most a second).
 */
const EXPORT_PAUSE_MS = 250;
const EXPORT_MAX_WAIT_MS = 600;

export type DraftSessionStore = ReturnType<typeof createDraftSessionStore>;

export function createDraftSessionStore(options: DraftSessionStoreOptions) {
  const { store, channel, status } = options;
  const download = options.download ?? ((name: string, text: string) => downloadText(name, text));
  const journal = options.journal ?? createJournal();
  const writeJournal = journal.write;
  const readJournal = journal.read;
  const listJournals = journal.list;
  const clearJournal = journal.clear;
  let state: DraftSessionState = {
    drafts: [],
    current: null,
    conflict: null,
    trouble: null,
    revisions: [],
    notice: null,
    panel: 'details',
    loaded: false,
    comparing: null,
    libraryBase: null,
    dialog: null,
    library: 'unopened',
  };
  const listeners = new Set<() => void>();
  const set = (next: Partial<DraftSessionState>): void => {
    // Nothing that changes nothing is told: a save's "no trouble" after every keystroke's save must
    // not redraw the workspace between keys (issue 3, "Speed").
    const keys = Object.keys(next) as (keyof DraftSessionState)[];
    if (keys.every((key) => Object.is(state[key], next[key]))) return;
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  let session: DraftSession | null = null;
  let reader: EditorReader | null = null;
  /** The latest model: the editor's text as last read, with metadata edits and the negotiation. */
  let doc: ResolutionDocument | null = null;
  let exportSchedule: PauseSchedule | null = null;
  let key = 0;
  /** The drafts list shows titles and times: refreshed after saves, at most every few seconds. */
  let lastListRefresh = 0;
  let listRefresh: (() => void) | undefined;
  let disposed = false;

  const notify = (text: string, tone: Notice['tone'], action?: Notice['action']): void =>
    set({ notice: { text, tone, ...(action ? { action } : {}) } });

  const refresh = async (): Promise<void> => set({ drafts: await store.list() });

  /** The model from now on: journalled at once (a killed browser keeps it), then autosaved. */
  const keep = (next: ResolutionDocument): void => {
    doc = next;
    if (!session) return;
    writeJournal({ draftId: session.draftId, basedOn: session.saveCount, at: Date.now(), document: next });
    session.edit(next);
  };

  /** Reads the editor now and hands the model to the autosave (skipping the debounce). */
  const pushNow = (): void => {
    exportSchedule?.cancel();
    const base = doc;
    if (!reader || !base || !session) return;
    const read = reader(base);
    // The editor knows the text; what it does not hold (the negotiation) comes from the model.
    keep(base.negotiation ? { ...read, negotiation: base.negotiation } : read);
  };

  /** The model with the editor's latest text: read only when a change is still waiting to be read. */
  const latest = (): ResolutionDocument | null => {
    if (exportSchedule?.pending) pushNow();
    return doc;
  };

  /** A change of the model made outside the editor (metadata, the negotiation): stored like typing. */
  const changeModel = (next: ResolutionDocument): void => {
    latest();
    keep(next);
    const current = state.current;
    if (current) set({ current: { ...current, document: next } });
  };

  const flush = async (): Promise<void> => {
    pushNow();
    await session?.flush();
  };

  /** A new text for the open draft made outside the editor (a revision issued): the editor reloads it. */
  const replaceText = (next: ResolutionDocument): void => {
    pushNow();
    reader = null;
    keep(next);
    const current = state.current;
    key += 1;
    if (current) set({ current: { draft: current.draft, document: next, key } });
  };

  /** The negotiation's store, loaded with the negotiation code when a draft first needs it. */
  let negotiation: NegotiationStore | undefined;
  const negotiationStore = async (): Promise<NegotiationStore> => {
    const { createNegotiationStore } = await import('./negotiationStore.ts');
    negotiation ??= createNegotiationStore({
      document: () => doc,
      changeModel: (next) => changeModel(next),
      replaceText: (next) => replaceText(next),
      notify: (text, tone) => notify(text, tone),
    });
    return negotiation;
  };

  /**
   * Issues the next revision of a negotiated draft: the base of the round ending is kept as a
   * revision named for it ("Zero draft", "Rev.1"), the clean text becomes the draft and the next
   * round's base, and its base for compare and tracked changes is that revision.
   */
  const issueRevision = async (): Promise<boolean> => {
    const current = state.current;
    const n = doc?.negotiation;
    if (!current || !n) return false;
    await flush();
    const negotiating = await negotiationStore();
    const { roundName } = await import('./negotiationStore.ts');
    const previous = roundName(n.round);
    const kept = await store.createRevision(current.draft.id, previous);
    if (!kept.ok) {
      notify(`The revision was not issued: the ${previous} could not be kept (${kept.message})`, 'error');
      return false;
    }
    const issued = negotiating.issue();
    if (!issued || !doc) return false;
    changeModel({
      ...doc,
      metadata: { ...doc.metadata, base: { source: 'revision', ref: kept.revision.name } },
    });
    await flush();
    set({ revisions: await store.listRevisions(current.draft.id) });
    const carried = issued.document.negotiation?.proposals.length ?? 0;
    notify(
      `Issued ${roundName(n.round + 1)}: the clean text, with tracked changes against the ${previous} (kept as a revision).` +
        (carried ? ` ${carried} open proposal${carried === 1 ? ' is' : 's are'} carried to it.` : '') +
        (issued.dropped.length ? ` Dropped: ${issued.dropped.join('; ')}.` : ''),
      issued.dropped.length ? 'warning' : 'info',
    );
    return true;
  };

  const load = (draft: StoredDraft): void => {
    doc = draft.document;
    key += 1;
    set({ current: { draft, document: draft.document, key } });
  };

  /** Autosave news: the list shows titles and times, and a failed save needs saying at once. */
  const handleStatus = (next: AutosaveStatus): void => {
    status.set(next);
    if (next.state === 'saved') {
      // The list shows each draft's time: redrawn at most every 3 s, and only in a pause of typing
      // (a redraw of the workspace between keystrokes costs the next key its frame; typingPause.ts).
      if (Date.now() - lastListRefresh > 3000 && listRefresh === undefined) {
        listRefresh = afterTypingPause(() => {
          listRefresh = undefined;
          lastListRefresh = Date.now();
          void refresh();
        });
      }
      // Everything typed is stored: the crash journal has nothing left to recover.
      if (session && !session.hasUnsaved && !exportSchedule?.pending) clearJournal(session.draftId);
      set({ trouble: null });
    } else if (next.state === 'failed') set({ trouble: saveTroubleFor(next) });
  };

  const letGo = async (): Promise<void> => {
    await session?.dispose();
    session = null;
    reader = null;
  };

  const open = (id: string): Promise<void> => openEntry(id);

  /** Opens a draft; `read` is its entry when the caller has just read it (see `start`). */
  const openEntry = async (id: string, read?: DraftEntry): Promise<void> => {
    await flush();
    await letGo();
    const entry = read ?? (await store.get(id));
    if (!entry) {
      notify('That draft no longer exists.', 'warning');
      await refresh();
      return;
    }
    if (entry.damaged) {
      notify(
        `That draft is damaged and cannot be opened: ${entry.error.replace(/\.$/, '')}. Its raw data can be downloaded from the list, and its last revision restored in its place.`,
        'error',
      );
      return;
    }
    set({ conflict: null, trouble: null });
    session = createDraftSession({
      store,
      draft: entry,
      channel,
      // The editor is read already debounced (editor/pauseSchedule.ts): store each read at once, in the
      // same idle moment after a keystroke.
      delayMs: 0,
      maxWaitMs: 0,
      onStatus: handleStatus,
      hasPendingEdit: () => exportSchedule?.pending ?? false,
      onFollow: (draft) => {
        clearJournal(draft.id);
        load(draft);
        // A notice that offers something (the copy just kept: "Open it") stays; this one only informs.
        if (!state.notice?.action)
          notify('This draft was changed in another tab; showing that version.', 'info');
      },
      onConflict: (currentEntry) => set({ conflict: currentEntry }),
    });
    status.reset({ state: 'idle' });
    // Text typed just before a crash or a closed tab, which the autosave had not stored yet.
    const recovery = recoveryFor(readJournal(id), entry);
    if (recovery.kind === 'in-place') {
      load({ ...entry, document: recovery.document });
      session.edit(recovery.document);
      notify('Recovered the last changes typed before this page closed.', 'info');
    } else {
      load(entry);
      // A draft of an older schema is stored back in the current format at once (core/model/migrations.ts).
      if (entry.migratedFrom !== undefined) session.edit(entry.document);
      if (recovery.kind === 'copy') {
        const copy = await store.create(recovery.document, `${entry.name} (recovered)`);
        if (copy.ok) {
          clearJournal(id);
          notify(
            `Changes typed before this page closed were kept as “${copy.draft.name}”, because the draft was changed elsewhere since.`,
            'warning',
            { label: 'Open it', run: () => void open(copy.draft.id) },
          );
        }
      }
    }
    await store.setLastOpened(id);
    set({ revisions: await store.listRevisions(id) });
    await refresh();
  };

  const create = async (document: ResolutionDocument, name: string): Promise<void> => {
    set({ dialog: null });
    const result = await store.create(document, name);
    if (!result.ok) {
      notify(`The draft could not be created: ${result.message}`, 'error');
      return;
    }
    await open(result.draft.id);
  };

  /**
   * Text typed in drafts that are no longer stored (deleted in another tab while this one typed), or
   * that the store could not take: the crash journal kept it, and it comes back as a draft of its own,
   * or as a file to download when it is not a document the store would take.
   */
  const recoverOrphans = async (): Promise<void> => {
    for (const record of listJournals()) {
      if (record.kind === 'raw') {
        notify(
          'Text typed before this page last closed could not be read back as a draft. Download it to keep it.',
          'warning',
          {
            label: 'Download it',
            run: () => {
              download(`unsaved-draft-${record.draftId}.json`, record.text);
              clearJournal(record.draftId);
            },
          },
        );
        continue;
      }
      const { entry } = record;
      if ((await store.get(entry.draftId)) !== undefined) continue;
      const name = `${entry.document.title.trim().slice(0, 80) || 'Untitled draft'} (recovered)`;
      const copy = await store.create(entry.document, name);
      if (!copy.ok) continue;
      clearJournal(entry.draftId);
      await refresh();
      notify(
        `Text typed in a draft that was deleted elsewhere was kept as “${copy.draft.name}”.`,
        'warning',
        {
          label: 'Open it',
          run: () => void open(copy.draft.id),
        },
      );
    }
  };

  /**
   * Start: reopen the draft opened last (after a reload or a crash), or else the most recent one. The
   * draft opened last is read (with its id, in one transaction; on a cold load the page's first script
   * has read it already, storage/early.ts) and opened first, then the list of every draft, which reads and checks
   * each of them: the page waited for all of them before showing the one wanted, longer the more
   * drafts a delegate kept.
   */
  const start = async (): Promise<void> => {
    const reopened = await store.getLastOpenedDraft();
    if (disposed) return;
    const wanted = reopened !== undefined && !reopened.damaged;
    if (wanted) await openEntry(reopened.id, reopened);
    const list = await store.list();
    if (disposed) return;
    set({ drafts: list });
    const target = wanted ? undefined : list.find((d) => !d.damaged);
    if (target && !disposed) await open(target.id);
    if (!disposed) await recoverOrphans();
    if (!disposed) set({ loaded: true });
  };

  const downloadAll = async (): Promise<void> => {
    // The text on screen, which a full disk may have kept out of the store, goes into the bundle
    // (read from the editor first when a change is still waiting for it).
    if (exportSchedule?.pending) pushNow();
    const unsaved = session && doc ? { draftId: session.draftId, document: doc } : undefined;
    try {
      const text = await store.exportAll(unsaved ? { unsaved } : {});
      download(`resolution-drafter-drafts-${new Date().toISOString().slice(0, 10)}.json`, text);
    } catch {
      // The store itself failed: at least the open draft leaves the browser.
      if (doc) download(draftFileName(doc.title || 'draft'), serializeDocumentFile(doc));
    }
  };

  /** The text on screen as a `.resolution.json` file, whatever the store can do. */
  const downloadDraft = (): void => {
    if (exportSchedule?.pending) pushNow();
    if (doc) download(draftFileName(doc.title || 'draft'), serializeDocumentFile(doc));
  };

  const saveFile = async (): Promise<void> => {
    const current = state.current;
    if (!current || !doc) return;
    await flush();
    // A save that failed (a full disk) leaves the text on screen newer than the stored one: that goes out.
    const exported = session?.hasUnsaved
      ? undefined
      : await store.exportDraft(current.draft.id).catch(() => undefined);
    // If the store cannot answer, the text in memory still goes out.
    download(
      exported?.fileName ?? draftFileName(current.draft.name),
      exported?.text ?? serializeDocumentFile(doc),
    );
  };

  const openFile = async (file: File): Promise<void> => {
    const read = await readFileText(file);
    if (!read.ok) {
      notify(read.error, 'error');
      return;
    }
    const result = await store.importFile(read.text, { fileName: file.name });
    if (!result.ok) {
      notify(`${file.name} was not opened: ${result.message}`, 'error');
      return;
    }
    const [first] = result.drafts;
    if (result.problems.length)
      notify(`Some of ${file.name} could not be imported: ${result.problems.join('; ')}`, 'warning');
    if (first) await open(first.id);
    else await refresh();
  };

  const createRevision = async (name: string | undefined): Promise<void> => {
    const current = state.current;
    if (!current) return;
    await flush();
    const result = await store.createRevision(current.draft.id, name);
    if (!result.ok) notify(`The revision was not saved: ${result.message}`, 'error');
    else notify(`Saved revision ${result.revision.name}.`, 'info');
    set({ revisions: await store.listRevisions(current.draft.id), panel: 'revisions' });
  };

  const viewRevision = async (id: string): Promise<void> => {
    const current = state.current;
    if (!current) return;
    await flush();
    const entry = await store.getRevision(id);
    if (!entry || entry.damaged) {
      notify('That revision cannot be opened (it is damaged or gone).', 'error');
      return;
    }
    key += 1;
    set({
      current: { ...current, key, view: { revisionId: id, name: entry.name, document: entry.document } },
    });
  };

  const backToDraft = (): void => {
    const current = state.current;
    if (!current || !doc) return;
    key += 1;
    set({ current: { draft: current.draft, document: doc, key } });
  };

  const restoreRevision = async (id: string): Promise<void> => {
    const current = state.current;
    if (!current || !session) return;
    await flush();
    // The editor's text is stored; let go of it so reopening cannot write it over the restored one.
    const expectedSaveCount = session.saveCount;
    await letGo();
    clearJournal(current.draft.id);
    const result = await store.restoreRevision(current.draft.id, id, { expectedSaveCount });
    await open(current.draft.id);
    if (!result.ok) {
      notify(`The revision was not restored: ${result.message}`, 'error');
      return;
    }
    notify(
      'damaged' in result.backup && result.backup.damaged
        ? `Restored. The damaged record it replaced is kept in the drafts list as “${result.backup.name}”.`
        : `Restored. The text it replaced is kept as the revision “${result.backup.name}”.`,
      'info',
    );
  };

  const remove = async (id: string): Promise<void> => {
    set({ dialog: null });
    const name = state.drafts.find((d) => d.id === id)?.name ?? 'the draft';
    if (state.current?.draft.id === id) {
      await flush();
      await letGo();
      doc = null;
      set({ current: null });
    }
    const result = await store.remove(id);
    // Deleted on purpose: its unsaved text is not to come back as a recovered draft.
    if (result.ok) clearJournal(id);
    await refresh();
    if (!result.ok) {
      notify(`Not deleted: ${result.message}`, 'error');
      return;
    }
    notify(`Deleted “${name}”. It can be brought back for ten minutes.`, 'info', {
      label: 'Undo',
      run: () =>
        void (async () => {
          const undone = await store.undoRemove(id);
          if (undone.ok) notify(`“${name}” is back.`, 'info');
          else notify(`It could not be brought back: ${undone.message}`, 'error');
          await refresh();
          if (undone.ok) await open(id);
        })(),
    });
  };

  const rename = async (id: string, name: string): Promise<void> => {
    set({ dialog: null });
    const result = await store.rename(id, name);
    if (!result.ok) notify(`Not renamed: ${result.message}`, 'error');
    const current = state.current;
    if (current?.draft.id === id && result.ok)
      set({ current: { ...current, draft: { ...current.draft, name: result.name } } });
    await refresh();
  };

  const duplicate = async (id: string): Promise<void> => {
    if (state.current?.draft.id === id) await flush();
    const result = await store.duplicate(id);
    if (!result.ok) notify(`Not duplicated: ${result.message}`, 'error');
    await refresh();
  };

  /** A damaged draft gets its last good revision back in its place; the damaged record stays listed. */
  const restoreDamaged = async (id: string): Promise<void> => {
    const revisions = await store.listRevisions(id);
    const last = revisions.filter((r) => !r.damaged).at(-1);
    if (!last || last.damaged) {
      notify('That draft has no revision to restore; its raw data can still be downloaded.', 'warning');
      return;
    }
    const result = await store.restoreRevision(id, last.id);
    if (!result.ok) {
      notify(`The revision was not restored: ${result.message}`, 'error');
      return;
    }
    await open(id);
    notify(
      `Restored “${last.name}” in place of the damaged draft. The damaged record is kept in the list for download.`,
      'info',
    );
  };

  const downloadDamaged = async (id: string): Promise<void> => {
    const entry = await store.get(id);
    if (entry && entry.damaged) download(`damaged-draft-${id}.json`, rawText(entry.raw));
  };

  /** The text on screen as a new draft, when its own record can no longer take it (deleted or damaged). */
  const keepAsNew = async (): Promise<void> => {
    const held = session;
    if (!held) return;
    pushNow();
    const copy = await held.keepMineAsCopy(`${state.current?.draft.name ?? 'Draft'} (kept)`);
    if (!copy.ok) {
      notify(`The new draft could not be stored: ${copy.message}`, 'error');
      return;
    }
    clearJournal(held.draftId);
    await open(copy.draft.id);
    notify(`Your text was kept as the new draft “${copy.draft.name}”.`, 'info');
  };

  const troubleAction = (action: SaveTroubleAction): void => {
    if (action === 'keep-as-new') void keepAsNew();
    else if (action === 'download-draft') downloadDraft();
    else void downloadAll();
  };

  /** Another tab's version in place of this tab's unsaved text. */
  const takeTheirs = async (): Promise<void> => {
    const theirs = await session?.takeTheirs();
    if (theirs) clearJournal(theirs.id);
    set({ conflict: null });
    if (theirs && !theirs.damaged) load(theirs);
  };

  /** This tab's text as a copy, and the other tab's version shown. */
  const keepMineAsCopy = async (): Promise<void> => {
    // The copy is of everything on screen, the last keystrokes included.
    pushNow();
    const held = session;
    const copy = await held?.keepMineAsCopy();
    set({ conflict: null });
    // This tab now follows the other tab's version: show it, or this tab's next save (or the
    // crash journal) would put the text just copied over the other tab's.
    if (held && copy?.ok) {
      exportSchedule?.cancel();
      reader = null;
      clearJournal(held.draftId);
      const theirs = await store.get(held.draftId);
      if (theirs && !theirs.damaged) load(theirs);
    }
    await refresh();
    if (copy?.ok)
      notify(`Your text was kept as the new draft “${copy.draft.name}”.`, 'info', {
        label: 'Open it',
        run: () => void open(copy.draft.id),
      });
  };

  /** The draft's latest text, stored: what compare and the Word export read. */
  const getLatest = async (): Promise<ResolutionDocument | undefined> => {
    await flush();
    return doc ?? undefined;
  };

  const loadRevision = async (id: string): Promise<ResolutionDocument | undefined> => {
    const entry = await store.getRevision(id);
    return entry && !entry.damaged ? entry.document : undefined;
  };

  const loadDraft = async (id: string): Promise<ResolutionDocument | undefined> => {
    const entry = await store.get(id);
    return entry && !entry.damaged ? entry.document : undefined;
  };

  /**
   * The document `metadata.base` names: a corpus document, a revision of this draft (by name or id),
   * or the file the draft was imported from (kept as the revision named after it: importDocuments).
   */
  const resolveBase = async (d: ResolutionDocument): Promise<ResolutionDocument | undefined> => {
    const base = d.metadata.base;
    if (!base) return undefined;
    if (base.source === 'corpus') return (await import('../corpusData.ts')).corpusDocumentByRef(base.ref);
    if (base.source === 'revision' || base.source === 'file') {
      const match = state.revisions.find((r) => !r.damaged && (r.name === base.ref || r.id === base.ref));
      return match ? loadRevision(match.id) : undefined;
    }
    return undefined;
  };

  const setMetadata = (metadata: Metadata): void => {
    const now = latest();
    if (now) changeModel({ ...now, metadata });
  };

  const setBase = (base: BaseDocument): void => {
    if (doc) setMetadata({ ...doc.metadata, base });
  };

  const openCompare = async (): Promise<void> => {
    const latest = await getLatest();
    set({ libraryBase: null });
    if (latest) set({ comparing: latest });
  };

  /** Compares the draft with a library document (last year's resolution, found by the finder). */
  const compareWithLibrary = async (meta: LibraryMeta): Promise<void> => {
    const { libraryClient } = await import('../library/libraryClient.ts');
    const [latest, found] = await Promise.all([getLatest(), libraryClient().document(meta.id)]);
    if (!latest) return;
    if (!found) {
      notify(`${meta.symbol} is no longer in the library.`, 'error');
      return;
    }
    set({
      libraryBase: { ref: meta.symbol, label: `${meta.symbol}: ${meta.title}`, document: found.doc },
      comparing: latest,
    });
  };

  /**
   * A Word document or PDF read into documents: each becomes a new draft, and the first opens. Each
   * names the file as its base (word/importer.ts); the text as read is kept as the draft's first
   * revision, named after the file, which the base resolves to for compare and the Word export.
   */
  const importDocuments = async (
    documents: readonly ResolutionDocument[],
    diagnostics: readonly Diagnostic[],
    fileName: string,
  ): Promise<void> => {
    let first: string | undefined;
    for (const d of documents) {
      const base = fileName.replace(/\.(?:docx|pdf|xml|akn)$/i, '');
      const name = documents.length > 1 ? `${base} (${d.title || 'untitled'})` : base;
      const result = await store.create(d, name);
      const kept = result.ok ? await store.createRevision(result.draft.id, fileName) : result;
      if (!kept.ok || !result.ok) {
        notify(`${fileName} could not be stored: ${kept.ok ? '' : kept.message}`, 'error');
        return;
      }
      first ??= result.draft.id;
    }
    if (first) await open(first);
    const notes = diagnostics.filter((d) => d.severity !== 'info');
    if (notes.length)
      notify(
        `Imported ${fileName}, with ${notes.length === 1 ? 'a note' : `${notes.length} notes`} on its reading: ${notes
          .slice(0, 3)
          .map((d) => d.message)
          .join('; ')}${notes.length > 3 ? '…' : ''}`,
        'warning',
      );
    else notify(`Imported ${fileName}.`, 'info');
  };

  /**
   * Text the user copied (from a PDF, a web page, an e-mail) read into drafts as a file is: the
   * printed reader finds its furniture, headers and footnotes; the text as read is the drafts' base,
   * named by the document's symbol when it has one.
   */
  const importText = async (text: string): Promise<void> => {
    set({ dialog: null });
    // Loaded on use: the reader of printed documents stays off the first screen.
    const { readResolutionText } = await import('../../core/parse/printed.ts');
    const read = readResolutionText(text, { name: 'the pasted text' });
    const documents = read.documents.filter(
      (d) => d.preamble.length > 0 || d.operative.length > 0 || (d.sections?.length ?? 0) > 0,
    );
    if (documents.length === 0) {
      notify(
        'No resolution or decision was recognized in the pasted text: it should hold a title, an enacting formula such as “The General Assembly,” and its paragraphs.',
        'error',
      );
      return;
    }
    const name = documents[0]?.metadata.symbol ?? 'Pasted text';
    const base = { source: 'file', ref: name } as const;
    await importDocuments(
      documents.map((d) => ({ ...d, metadata: { ...d.metadata, base } })),
      read.diagnostics,
      name,
    );
  };

  /** This session's draft from a library resolution, its updates shown to review (library/updateDraft.ts). */
  const startFromLibrary = async (id: string): Promise<void> => {
    set({ dialog: null });
    const { startUpdateDraft } = await import('../library/updateDraft.ts');
    const started = await startUpdateDraft(store, id);
    if (!started.ok) {
      notify(started.message, 'error');
      return;
    }
    await open(started.draftId);
    set({ panel: 'updates' });
    notify(started.message, 'info');
  };

  /** The editor's text changed: read it in the next pause of typing, the way `read` says. */
  const editorChanged = (read: EditorReader): void => {
    reader = read;
    status.edited();
    exportSchedule ??= createPauseSchedule(pushNow, {
      pauseMs: options.exportPauseMs ?? EXPORT_PAUSE_MS,
      maxWaitMs: options.exportMaxWaitMs ?? EXPORT_MAX_WAIT_MS,
      idleTimeoutMs: 100,
    });
    exportSchedule.changed();
  };

  return {
    getState: (): DraftSessionState => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The latest model, as stored or about to be (null with no draft open). */
    document: (): ResolutionDocument | null => doc,
    /** Text on screen not yet stored: typed a moment ago, or a save that failed. */
    hasUnsaved: (): boolean => Boolean(session?.hasUnsaved || exportSchedule?.pending),
    start,
    dispose(): void {
      disposed = true;
      listRefresh?.();
      listRefresh = undefined;
      exportSchedule?.cancel();
      status.dispose();
    },
    pushNow,
    flush,
    changeModel,
    negotiationStore,
    issueRevision,
    editorChanged,
    notify,
    dismissNotice: (): void => set({ notice: null }),
    setPanel: (panel: PanelName): void => set({ panel }),
    setDialog: (dialog: DialogState): void => set({ dialog }),
    setLibrary: (library: 'open' | 'closed'): void => set({ library }),
    closeCompare: (): void => set({ comparing: null }),
    refresh,
    open,
    create,
    downloadAll,
    downloadDraft,
    saveFile,
    openFile,
    createRevision,
    viewRevision,
    backToDraft,
    restoreRevision,
    remove,
    rename,
    duplicate,
    restoreDamaged,
    downloadDamaged,
    troubleAction,
    takeTheirs,
    keepMineAsCopy,
    getLatest,
    loadRevision,
    loadDraft,
    resolveBase,
    setMetadata,
    setBase,
    openCompare,
    compareWithLibrary,
    importDocuments,
    importText,
    startFromLibrary,
  };
}
