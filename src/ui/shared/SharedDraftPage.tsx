/**
 * A shared draft, live: the page as every peer sees it, who is here, and the connection. The text is
 * Lexical's, bound to the shared document by the CollaborationPlugin (remote cursors and selections
 * with each delegation's name and colour; undo takes back this user's changes only). The store
 * (../stores/sharedDraftStore.ts) holds the session; this lays it out.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../useStore.ts';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { syncCursorPositions, type SyncCursorPositionsFn } from '@lexical/yjs';
import type { SharedAddress } from '../../collab/address.ts';
import type { ConnectionState } from '../../collab/browser.ts';
import { derivedProperties } from '../../collab/excluded.ts';
import { oncePerFrame } from '../../collab/frames.ts';
import type { SharedHeader } from '../../collab/headless.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import { ResolutionComposer, ResolutionSurface, readDocument } from '../../editor/ResolutionEditor.tsx';
import { lexicon } from '../data.ts';
import { EditorExtras } from '../extensions.tsx';
import { FootnotesPlugin } from '../../editor/plugins/footnotes/FootnotesPlugin.tsx';
import { downloadBlob } from '../files.ts';
import { Masthead } from '../Masthead.tsx';
import { createSharedDraftStore, type SharedDraftStore } from '../stores/sharedDraftStore.ts';
import { ProposalsPanel } from './ProposalsPanel.tsx';
import { docxFileName, writeDocx } from '../word/writer.ts';
import '../styles/shared.css';

/** The numbers kept out of the shared document; one map for the binding's life. */
const DERIVED = derivedProperties();

/**
 * The others' carets, drawn again after collaborators' changes once per frame, not after each (each
 * drawing measures the page: collab/frames.ts).
 */
function caretDrawer() {
  return oncePerFrame<Parameters<SyncCursorPositionsFn>>(syncCursorPositions, 'before');
}

const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting… your changes are kept on this computer',
  offline: 'Offline: your changes are kept on this computer and sent when the network returns',
  refused: 'Not connected',
};

const ROLE_LABELS = {
  facilitator: 'Facilitator: you edit the text',
  delegation: 'proposes; the facilitator edits the text',
  observer: 'Observer: read-only',
} as const;

/** The header with the page's text, as the model the exports read. */
function documentOf(header: SharedHeader, base: ResolutionDocument | null): ResolutionDocument | null {
  return base
    ? {
        ...base,
        kind: header.kind,
        organ: header.organ,
        metadata: header.metadata,
        ...(header.number ? { number: header.number } : {}),
      }
    : null;
}

/** Reads the editor for the exports: the page's text with the draft's header. */
function ExportButton({ header }: { readonly header: SharedHeader }) {
  const [editor] = useLexicalComposerContext();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onExport = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const base = {
        schemaVersion: header.schemaVersion,
        kind: header.kind,
        organ: header.organ,
        metadata: header.metadata,
      } as ResolutionDocument;
      const doc = documentOf(header, readDocument(editor.getEditorState(), base));
      if (!doc) return;
      const bytes = await writeDocx(doc, { author: '' });
      downloadBlob(
        docxFileName(doc.title),
        new Blob([bytes as BlobPart], {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      );
    } catch (e) {
      setProblem(`The Word file could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void onExport()}>
        Word (.docx)
      </button>
      {problem ? (
        <span role="alert" className="shared-bar__problem">
          {problem}
        </span>
      ) : null}
    </>
  );
}

export interface SharedDraftPageProps {
  readonly address: SharedAddress;
  readonly token: string;
}

export function SharedDraftPage({ address, token }: SharedDraftPageProps) {
  const [store] = useState<SharedDraftStore | null>(() => createSharedDraftStore(address, token));
  useEffect(() => () => store?.destroy(), [store]);
  if (store === null)
    return (
      <main className="desk desk--empty">
        <p className="notice notice--error" role="alert">
          This link does not carry a token of Resolution Drafter: ask whoever shared the draft for its link
          again.
        </p>
      </main>
    );
  return <SharedDraft store={store} />;
}

/** The connection and who is here: drawn again as they change, without the page. */
function SharedStatus({ store }: { readonly store: SharedDraftStore }) {
  const connection = useStore(store.subscribe, () => store.getState().connection);
  const unsynced = useStore(store.subscribe, () => store.getState().unsynced);
  const peers = useStore(store.subscribe, () => store.getState().peers);
  return (
    <>
      <span
        className={`shared-bar__connection shared-bar__connection--${connection}`}
        role="status"
        aria-live="polite"
      >
        {CONNECTION_LABELS[connection]}
        {connection === 'connected' && unsynced ? ' · sending…' : ''}
      </span>
      <ul className="shared-bar__peers" aria-label="Who is here">
        {peers.map((peer) => (
          <li key={peer.id} style={{ ['--peer' as string]: peer.colour }}>
            {peer.name}
            {peer.self ? ' (you)' : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function SharedDraft({ store }: { readonly store: SharedDraftStore }) {
  // Each part of the state on its own: the connection and who is here change with every keystroke and
  // every peer's caret, and must not draw the page again (the bar is a component of its own).
  const state = {
    header: useStore(store.subscribe, () => store.getState().header),
    message: useStore(store.subscribe, () => store.getState().message),
    refusal: useStore(store.subscribe, () => store.getState().refusal),
    ready: useStore(store.subscribe, () => store.getState().ready),
    proposals: useStore(store.subscribe, () => store.getState().proposals),
  };

  const cursors = useRef<HTMLDivElement>(null);
  const [drawCarets] = useState(caretDrawer);
  useEffect(() => () => drawCarets.cancel(), [drawCarets]);
  const roleLabel =
    store.role.role === 'delegation'
      ? `${store.role.delegation ?? ''}: ${ROLE_LABELS.delegation}`
      : ROLE_LABELS[store.role.role];
  const header = state.header;
  // The header as a document without text: the masthead, and what completion and checks read.
  const headerDocument = useMemo(
    () =>
      header
        ? ({
            ...header,
            title: '',
            formula: '',
            preamble: [],
            operative: [],
            annex: null,
            footnotes: [],
          } as unknown as ResolutionDocument)
        : null,
    [header],
  );
  const mastheadDocument = header?.metadata.symbol ? headerDocument : null;
  return (
    <div className="app app--shared">
      <header className="shared-bar" aria-label="Shared draft">
        <span className="shared-bar__title">Shared draft</span>
        <span className="shared-bar__role">{roleLabel}</span>
        <SharedStatus store={store} />
      </header>
      {state.message ? (
        <p className="notice notice--warning shared-message" role="alert">
          {state.message}{' '}
          <button type="button" className="button button--small" onClick={store.dismiss}>
            Dismiss
          </button>
        </p>
      ) : null}
      {state.refusal ? (
        <p className="notice notice--error" role="alert">
          {state.refusal} Ask whoever shared the draft for a new link.
        </p>
      ) : null}
      <LexicalCollaboration>
        <ResolutionComposer document={null} readOnly={!store.canEdit}>
          <div className="shared-layout">
            <main className="desk" aria-label="Draft workspace">
              {!state.ready ? <p className="welcome">Opening the shared draft…</p> : null}
              <article className="page" aria-label="Draft" data-kind={header?.kind} hidden={!state.ready}>
                {mastheadDocument ? <Masthead document={mastheadDocument} /> : null}
                <CollaborationPlugin
                  id={store.address.document}
                  providerFactory={store.providerFactory}
                  shouldBootstrap={false}
                  username={store.name}
                  cursorColor={store.colour}
                  cursorsContainerRef={cursors}
                  excludedProperties={DERIVED}
                  syncCursorPositionsFn={drawCarets}
                />
                <ResolutionSurface
                  lexicon={lexicon}
                  readOnly={!store.canEdit}
                  shared={{ ready: state.ready }}
                  onLimit={store.notify}
                >
                  {state.ready ? <FootnotesPlugin /> : null}
                  {state.ready ? (
                    <EditorExtras
                      onMessage={store.notify}
                      {...(headerDocument
                        ? { draft: { id: `shared:${store.address.document}`, document: headerDocument } }
                        : {})}
                    />
                  ) : null}
                </ResolutionSurface>
                <div ref={cursors} className="shared-cursors" />
              </article>
              {header ? (
                <div className="shared-actions">
                  <ExportButton header={header} />
                </div>
              ) : null}
            </main>
            {state.ready ? <ProposalsPanel store={store} proposals={state.proposals} /> : null}
          </div>
        </ResolutionComposer>
      </LexicalCollaboration>
    </div>
  );
}
