/**
 * The workspace: drafts on the left, the page in the middle, panels on the right. The open draft's
 * session and every action on drafts are the draft-session store's (stores/draftSessionStore.ts);
 * this component lays them out and tells the store when the editor's text changed.
 */
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from './useStore.ts';
import type { EditorState, LexicalEditor } from 'lexical';
import { ResolutionComposer, ResolutionSurface, readDocument } from '../editor/ResolutionEditor.tsx';
import type { DraftStore } from '../storage/drafts.ts';
import { SAVE_TROUBLE_LABELS } from '../storage/saveTrouble.ts';
import type { TabChannel } from '../storage/tabs.ts';
import { lexicon } from './data.ts';
import { DetailsPanel } from './DetailsPanel.tsx';
import { Dialog } from './Dialog.tsx';
import { DraftsSidebar } from './DraftsSidebar.tsx';
import { createHelpStore } from './helpStore.ts';
import { Masthead } from './Masthead.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { createStatusStore } from './statusStore.ts';
import { DeferredEditorExtras } from './deferredExtras.tsx';
import { FootnotesPlugin } from '../editor/plugins/footnotes/FootnotesPlugin.tsx';
import { WordMenu } from './WordMenu.tsx';
import { createDraftSessionStore, type DraftSessionState } from './stores/draftSessionStore.ts';
import type { NegotiationStore } from './stores/negotiationStore.ts';

const noSubscription = (): (() => void) => () => undefined;

/** "Zero draft", "Rev.1": the base of a round (negotiationStore.ts names it the same way). */
const roundLabel = (round: number): string => (round === 0 ? 'zero draft' : `Rev.${round}`);

// The panels other than the details load when first shown (the checks' with the rules' catalogue).
const ChecksPanel = lazy(() => import('./ChecksPanel.tsx').then((m) => ({ default: m.ChecksPanel })));
const RevisionsPanel = lazy(() =>
  import('./RevisionsPanel.tsx').then((m) => ({ default: m.RevisionsPanel })),
);
const PanelExtras = lazy(() => import('./extensions.tsx').then((m) => ({ default: m.PanelExtras })));
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
// The compilation text of a draft under negotiation (issue 14) loads when first shown.
const NegotiationView = lazy(() =>
  import('./negotiation/NegotiationView.tsx').then((m) => ({ default: m.NegotiationView })),
);
// Sharing for co-drafting (Yjs, the provider) loads with its dialog.
const ShareDialog = lazy(() => import('./shared/ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));
// The user's documents in the library, their store and the file readers load with the dialog.
const LibraryDialog = lazy(() =>
  import('./library/LibraryDialog.tsx').then((m) => ({ default: m.LibraryDialog })),
);

type PanelName = DraftSessionState['panel'];

const PANELS: readonly { readonly name: PanelName; readonly label: string }[] = [
  { name: 'details', label: 'Details' },
  { name: 'footnotes', label: 'Footnotes' },
  { name: 'checks', label: 'Checks' },
  { name: 'precedents', label: 'Precedents' },
  { name: 'updates', label: 'Updates' },
  { name: 'revisions', label: 'Revisions' },
];

export function Workspace({ store, channel }: { readonly store: DraftStore; readonly channel: TabChannel }) {
  const [statusStore] = useState(() => createStatusStore());
  const [session] = useState(() => createDraftSessionStore({ store, channel, status: statusStore }));
  const state = useStore(session.subscribe, session.getState);
  const {
    drafts,
    current,
    conflict,
    trouble,
    revisions,
    notice,
    panel,
    loaded,
    comparing,
    libraryBase,
    dialog,
    library,
  } = state;
  const [help] = useState(() => createHelpStore());
  const helpOpen = useStore(help.subscribe, () => help.getState().open);
  /** Once opened, the Help stays mounted (closed), so it opens again at once and where it was left. */
  const [helpLoaded, setHelpLoaded] = useState(false);
  if (helpOpen && !helpLoaded) setHelpLoaded(true);
  const [renameValue, setRenameValue] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  // Start: reopen the draft opened last (after a reload or a crash), or the most recent one. A layout
  // effect: the draft starts loading before the workspace's first frame is drawn, not after it.
  useLayoutEffect(() => {
    void session.start();
    return () => session.dispose();
  }, [session]);

  // Leaving the page with text not yet stored (typed a moment ago, or a save that failed): the browser asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!session.hasUnsaved()) return;
      session.pushNow();
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [session]);

  // Leaving the page: read the editor at once so the autosave's own pagehide flush has the last keystrokes.
  useEffect(() => {
    const onHide = () => session.pushNow();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') session.pushNow();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [session]);

  const onEditorChange = useCallback(
    (_state: EditorState, editor: LexicalEditor) =>
      session.editorChanged((base) => readDocument(editor.getEditorState(), base)),
    [session],
  );

  // One function for the draft's life: the paste plugin registers again when it is given a new one.
  const warn = useCallback((text: string) => session.notify(text, 'warning'), [session]);

  /** The open draft as it reads now, under its name, for "Add this draft" in the Library. */
  const getDraftForLibrary = useCallback(async () => {
    const document = await session.getLatest();
    const open = session.getState().current;
    return document && open ? { document, name: open.draft.name } : undefined;
  }, [session]);

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
        session.setDialog('new');
      } else if (e.altKey && (key === 'r' || e.code === 'KeyR')) {
        e.preventDefault();
        void session.createRevision(undefined);
      } else if (e.altKey && (key === 'c' || e.code === 'KeyC')) {
        e.preventDefault();
        void session.openCompare();
      } else if (e.altKey && (key === 'e' || e.code === 'KeyE')) {
        e.preventDefault();
        void session.saveFile();
      } else if (!e.altKey && key === 's') {
        e.preventDefault();
        void session.flush();
      } else if (!e.altKey && (key === '/' || key === '?')) {
        e.preventDefault();
        help.open('shortcuts');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, help]);

  const viewing = current?.view;
  const shown = viewing ? viewing.document : current?.document;
  const underNegotiation = !viewing ? current?.document.negotiation : undefined;
  // A draft under negotiation is the base its proposals point into: it changes through them only.
  const readOnly = Boolean(viewing) || Boolean(underNegotiation);
  const [negotiation, setNegotiation] = useState<NegotiationStore | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);
  useEffect(() => {
    if (underNegotiation && !negotiation) void session.negotiationStore().then(setNegotiation);
  }, [underNegotiation, negotiation, session]);
  const surface = useStore(negotiation?.subscribe ?? noSubscription, () =>
    negotiation ? negotiation.getState().surface : 'compilation',
  );
  const showCompilation = Boolean(underNegotiation && negotiation && surface === 'compilation');
  const negotiate = useCallback(() => {
    const open = session.getState().current;
    if (!open || open.view) return;
    if (open.document.negotiation && negotiation)
      negotiation.setSurface(negotiation.getState().surface === 'compilation' ? 'text' : 'compilation');
    else if (!open.document.negotiation) setStarting(open.document.metadata.sponsors?.[0] ?? '');
  }, [session, negotiation]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.altKey && (e.key.toLowerCase() === 'g' || e.code === 'KeyG')) {
        e.preventDefault();
        negotiate();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [negotiate]);

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
            onClick={() => void session.openCompare()}
            disabled={!current}
            title="Compare with a base (Ctrl+Alt+C)"
          >
            Compare
          </button>
          <button
            type="button"
            className="button"
            onClick={negotiate}
            disabled={!current || Boolean(viewing)}
            aria-pressed={underNegotiation ? showCompilation : undefined}
            title="The compilation text: proposals by delegation, brackets, paragraph status (Ctrl+Alt+G)"
          >
            {underNegotiation ? 'Compilation' : 'Negotiate'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setSharing(true)}
            disabled={!current || Boolean(viewing)}
            title="Co-draft live: send the draft to a co-drafting server and give each delegation its link"
          >
            Share…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => session.setLibrary('open')}
            title="Your documents in the library of adopted texts"
          >
            Library
          </button>
          <WordMenu
            getDocument={session.getLatest}
            resolveBase={session.resolveBase}
            draftName={current?.draft.name}
            onImported={session.importDocuments}
            onMessage={(text, tone) => session.notify(text, tone)}
          />
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            Open file…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void session.saveFile()}
            disabled={!current}
            title="Save as .resolution.json (Ctrl+Alt+E)"
          >
            Save file
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void session.downloadAll()}
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
              if (file) void session.openFile(file);
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
            onClick={session.dismissNotice}
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
              onClick={() => session.troubleAction(action)}
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
          <button type="button" className="button button--small" onClick={() => void session.takeTheirs()}>
            Load the other tab’s version
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void session.keepMineAsCopy()}
          >
            Keep mine as a copy
          </button>
        </div>
      ) : null}

      <div className="workspace">
        <DraftsSidebar
          drafts={drafts}
          listed={loaded}
          currentId={current?.draft.id}
          onOpen={(id) => void session.open(id)}
          onNew={() => session.setDialog('new')}
          onRename={(id) => {
            setRenameValue(drafts.find((d) => d.id === id && !d.damaged)?.name ?? '');
            session.setDialog({ rename: id });
          }}
          onDuplicate={(id) => void session.duplicate(id)}
          onDelete={(id) => session.setDialog({ remove: id })}
          onDownloadDamaged={(id) => void session.downloadDamaged(id)}
          onRestoreDamaged={(id) => void session.restoreDamaged(id)}
        />
        {current && shown ? (
          <ResolutionComposer
            key={`${current.key}${underNegotiation ? '-negotiating' : ''}`}
            document={shown}
            readOnly={readOnly}
            lexicon={lexicon}
          >
            {showCompilation && underNegotiation && negotiation ? (
              <main className="desk" aria-label="Draft workspace">
                <Suspense fallback={<p className="welcome">Loading the compilation…</p>}>
                  <NegotiationView
                    document={current.document}
                    negotiation={underNegotiation}
                    store={negotiation}
                    draftName={current.draft.name}
                    onIssue={session.issueRevision}
                    resolveBase={session.resolveBase}
                    onMessage={session.notify}
                  />
                </Suspense>
              </main>
            ) : null}
            <main className="desk" aria-label="Draft workspace" hidden={showCompilation}>
              {underNegotiation ? (
                <p className="notice notice--info negotiation-banner" role="status">
                  Under negotiation: this is the {roundLabel(underNegotiation.round)} as circulated. Changes
                  are proposed in the compilation text (Ctrl+Alt+G).
                </p>
              ) : null}
              <article className="page" aria-label="Draft" data-kind={shown.kind}>
                <Masthead document={shown} />
                <ResolutionSurface
                  lexicon={lexicon}
                  readOnly={readOnly}
                  onChange={readOnly ? undefined : onEditorChange}
                  onLimit={warn}
                >
                  <FootnotesPlugin />
                  <DeferredEditorExtras onMessage={warn} draft={{ id: current.draft.id, document: shown }} />
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
                    onClick={() => session.setPanel(name)}
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
                  <DetailsPanel document={shown} readOnly={readOnly} onChange={session.setMetadata} />
                ) : null}
                {panel === 'footnotes' ? (
                  <Suspense fallback={<p className="panel__empty">Loading the footnotes…</p>}>
                    <PanelExtras which="footnotes" />
                  </Suspense>
                ) : null}
                {panel === 'checks' ? (
                  <Suspense fallback={<p className="panel__empty">Loading the checks…</p>}>
                    <ChecksPanel help={help} />
                  </Suspense>
                ) : null}
                {panel === 'precedents' ? (
                  <Suspense fallback={<p className="panel__empty">Loading the finder…</p>}>
                    <PrecedentsPanel
                      getDocument={() => (viewing ? viewing.document : session.document())}
                      onCompare={(meta) => void session.compareWithLibrary(meta)}
                      onOpenLibrary={() => session.setLibrary('open')}
                    />
                  </Suspense>
                ) : null}
                {panel === 'updates' ? (
                  <Suspense fallback={<p className="panel__empty">Loading the updates…</p>}>
                    <UpdatesPanel draftId={current.draft.id} readOnly={readOnly} />
                  </Suspense>
                ) : null}
                {panel === 'revisions' ? (
                  <Suspense fallback={<p className="panel__empty">Loading the revisions…</p>}>
                    <RevisionsPanel
                      revisions={revisions}
                      viewing={viewing?.revisionId}
                      onCreate={(name) => void session.createRevision(name)}
                      onView={(id) => void session.viewRevision(id)}
                      onRestore={(id) => void session.restoreRevision(id)}
                      onBackToDraft={session.backToDraft}
                    />
                  </Suspense>
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
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => session.setDialog('new')}
                >
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
            loadRevision={session.loadRevision}
            loadDraft={session.loadDraft}
            onSetBase={session.setBase}
            onClose={session.closeCompare}
            {...(libraryBase ? { libraryBase } : {})}
          />
        </Suspense>
      ) : null}

      {dialog === 'new' ? (
        <Suspense fallback={null}>
          <NewDraftDialog
            open
            onClose={() => session.setDialog(null)}
            onCreate={(doc, name) => void session.create(doc, name)}
            onImportText={(text) => void session.importText(text)}
            onStartFromLibrary={(id) => void session.startFromLibrary(id)}
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
            onClose={() => session.setLibrary('closed')}
            {...(current && !viewing ? { getDraft: getDraftForLibrary } : {})}
          />
        </Suspense>
      ) : null}
      {sharing ? (
        <Suspense fallback={null}>
          <ShareDialog open onClose={() => setSharing(false)} getDocument={session.getLatest} />
        </Suspense>
      ) : null}
      <Dialog title="Negotiate this draft" open={starting !== null} onClose={() => setStarting(null)}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const name = (starting ?? '').trim();
            if (name === '') return;
            setStarting(null);
            void session.negotiationStore().then((store) => {
              setNegotiation(store);
              store.start(name);
            });
          }}
        >
          <p>
            The draft as it stands becomes the zero draft: delegations’ proposals are marked on it, disputed
            words go in brackets, each paragraph gets a status, and the facilitator issues Rev.1 when ready.
            The text itself is then changed only through proposals.
          </p>
          <label htmlFor="facilitator-input">The facilitator’s delegation</label>
          <input
            id="facilitator-input"
            value={starting ?? ''}
            autoFocus
            placeholder="e.g. Mexico"
            onChange={(e) => setStarting(e.target.value)}
          />
          <div className="dialog__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={(starting ?? '').trim() === ''}
            >
              Start negotiating
            </button>
          </div>
        </form>
      </Dialog>
      <Dialog
        title="Rename draft"
        open={typeof dialog === 'object' && dialog !== null && 'rename' in dialog}
        onClose={() => session.setDialog(null)}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (dialog && typeof dialog === 'object' && 'rename' in dialog && renameValue.trim() !== '')
              void session.rename(dialog.rename, renameValue.trim());
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
        onClose={() => session.setDialog(null)}
      >
        <p>The draft and its revisions go to the bin; you can bring them back for ten minutes.</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => session.setDialog(null)} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              if (dialog && typeof dialog === 'object' && 'remove' in dialog)
                void session.remove(dialog.remove);
            }}
          >
            Delete
          </button>
        </div>
      </Dialog>
    </div>
  );
}
