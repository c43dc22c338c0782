/**
 * The Library dialog (issue 13, "the documents the user adds (.pdf, .docx, .txt, or a draft of theirs),
 * kept in IndexedDB and removable"): what the library holds, the user's own documents with their
 * title, date added and paragraphs, adding files (picked or dropped on the dialog, several at once) or
 * the open draft, and removing one with undo. Loaded when first opened (Workspace), with the store it
 * draws (./userLibrary.ts); the library itself loads in its worker when the dialog opens, to count.
 *
 * Keyboard: Tab goes through Add documents…, Add this draft and each document's Remove; after a
 * removal the focus is on Undo, and after an undo on the document put back. Messages are read out
 * from a polite live region.
 */
import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useStore } from '../useStore.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import type { UserDocumentSource } from '../../storage/library.ts';
import { Dialog } from '../Dialog.tsx';
import { LIBRARY_FILE_TYPES } from './addToLibrary.ts';
import { libraryClient, type LibraryStatus } from './libraryClient.ts';
import { userLibrary, type UserLibraryItem, type UserLibraryState } from './userLibrary.ts';
import '../styles/library.css';

export interface LibraryDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** The open draft's latest text and its name; absent when no draft is open to add. */
  readonly getDraft?: () => Promise<
    { readonly document: ResolutionDocument; readonly name: string } | undefined
  >;
}

const SOURCE_NAMES: Readonly<Record<UserDocumentSource, string>> = {
  pdf: 'PDF',
  docx: 'Word',
  text: 'Text',
  html: 'Web page',
  draft: 'Draft',
  json: '.resolution.json',
};

function dateAdded(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

function hasFiles(e: DragEvent<HTMLElement>): boolean {
  return e.dataTransfer.types.includes('Files');
}

export function LibraryDialog({ open, onClose, getDraft }: LibraryDialogProps) {
  const library = userLibrary();
  const state = useStore(library.subscribe, library.getState);
  const client = libraryClient();
  const status = useStore(client.subscribe, client.status);
  const fileInput = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  /**
   * Where the focus goes once the store has answered a removal (Undo, or Add documents… when there is
   * nothing to undo) or an undo (the document put back). `from` is the state the action started from.
   */
  const pendingFocus = useRef<{
    readonly after: 'remove' | 'undo';
    readonly from: UserLibraryState;
  } | null>(null);
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const headingId = useId();
  const hintId = useId();

  // Opening reads the stored list and loads the library (to count it, and to search what is added).
  useEffect(() => {
    if (!open) return;
    void library.load();
    client.ready().catch(() => undefined);
  }, [open, library, client]);

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || pending.from === state) return;
    pendingFocus.current = null;
    const known = new Set(pending.from.documents.map((d) => d.id));
    const back = state.documents.find((d) => !known.has(d.id));
    if (pending.after === 'remove' && state.message?.undo) undoRef.current?.focus();
    else if (pending.after === 'undo' && back)
      listRef.current?.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(back.id)}"] button`)?.focus();
    else addRef.current?.focus();
  }, [state]);

  const addFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length) void library.addFiles(files);
    },
    [library],
  );

  const addDraft = useCallback(async () => {
    const draft = await getDraft?.();
    if (draft) await library.addDraft(draft.document, draft.name);
  }, [getDraft, library]);

  const remove = useCallback(
    (item: UserLibraryItem) => {
      pendingFocus.current = { after: 'remove', from: library.getState() };
      void library.remove(item.id);
    },
    [library],
  );

  const undo = useCallback(() => {
    pendingFocus.current = { after: 'undo', from: library.getState() };
    void library.undoRemove();
  }, [library]);

  const fileDrop = {
    onDragEnter: (e: DragEvent<HTMLDialogElement>) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver: (e: DragEvent<HTMLDialogElement>) => {
      if (!hasFiles(e)) return;
      // Without this the drop is refused, and a file dropped anyway would replace the app.
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e: DragEvent<HTMLDialogElement>) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (e: DragEvent<HTMLDialogElement>) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      addFiles([...e.dataTransfer.files]);
    },
  };

  const { documents, busy, message } = state;
  const readable = documents.filter((d) => !d.damaged).length;
  return (
    <Dialog title="Library" open={open} onClose={onClose} wide fileDrop={fileDrop}>
      <LibraryCounts status={status} />
      <section aria-labelledby={headingId} className={dragging ? 'library library--dropping' : 'library'}>
        <h3 id={headingId} className="dialog__section">
          Your documents
        </h3>
        <p className="dialog__hint" id={hintId}>
          PDFs, Word documents (.docx), plain text, web pages (.html) and .resolution.json files, or your
          draft as it reads now. They are kept in this browser, and the finder, lineage and completion use
          them as soon as they are added.
        </p>
        <div className="library__actions">
          <button
            ref={addRef}
            type="button"
            className="button button--primary"
            disabled={busy || state.status === 'unavailable'}
            aria-describedby={hintId}
            onClick={() => fileInput.current?.click()}
          >
            Add documents…
          </button>
          {getDraft ? (
            <button
              type="button"
              className="button"
              disabled={busy || state.status === 'unavailable'}
              onClick={() => void addDraft()}
            >
              Add this draft
            </button>
          ) : null}
          <span className="library__drop" aria-hidden="true">
            {dragging ? 'Drop to add to the library' : 'or drop files here'}
          </span>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept={LIBRARY_FILE_TYPES}
            aria-label="Add documents to the library"
            data-testid="library-files"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              addFiles(files);
            }}
          />
        </div>
        <div className="library__message" role="status" aria-live="polite">
          {busy ? (
            <p className="library__busy">Reading the files…</p>
          ) : message ? (
            <p className={`library__note library__note--${message.tone}`}>
              <span>{message.text}</span>
              {message.undo ? (
                <button ref={undoRef} type="button" className="button button--small" onClick={undo}>
                  Undo
                </button>
              ) : null}
            </p>
          ) : null}
        </div>
        {state.status === 'loading' ? (
          <p className="panel__empty">Opening your documents…</p>
        ) : documents.length === 0 ? (
          state.status === 'ready' ? (
            <p className="panel__empty">
              None yet. Add the resolutions you work from, last year&apos;s text, or your drafts.
            </p>
          ) : null
        ) : (
          <ul ref={listRef} className="library__list" aria-label="Your documents">
            {documents.map((item) => (
              <DocumentItem key={item.id} item={item} onRemove={() => remove(item)} />
            ))}
          </ul>
        )}
        {readable > 1 ? (
          <p className="dialog__note">
            {readable} documents, {documents.reduce((n, d) => n + (d.damaged ? 0 : d.paragraphs), 0)}{' '}
            paragraphs.
          </p>
        ) : null}
      </section>
    </Dialog>
  );
}

function DocumentItem({ item, onRemove }: { readonly item: UserLibraryItem; readonly onRemove: () => void }) {
  const name = item.name ?? 'Unnamed document';
  if (item.damaged)
    return (
      <li className="library__item library__item--damaged" data-id={item.id}>
        <span className="library__text">
          <span className="library__name">{name}</span>
          <span className="library__details">{item.error}</span>
        </span>
        <button
          type="button"
          className="button button--small"
          aria-label={`Remove ${name}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </li>
    );
  return (
    <li className="library__item" data-id={item.id}>
      <span className="library__text">
        <span className="library__name">{item.name}</span>
        {item.title && item.title !== item.name ? <span className="library__title">{item.title}</span> : null}
        <span className="library__details">
          {[
            item.symbol && item.symbol !== item.name ? item.symbol : null,
            `added ${dateAdded(item.addedAt)}`,
            `${item.paragraphs.toLocaleString('en')} paragraph${item.paragraphs === 1 ? '' : 's'}`,
            SOURCE_NAMES[item.source],
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </span>
      <button
        type="button"
        className="button button--small"
        aria-label={`Remove ${item.name} from the library`}
        onClick={onRemove}
      >
        Remove
      </button>
    </li>
  );
}

function LibraryCounts({ status }: { readonly status: LibraryStatus }) {
  if (status.state === 'ready') {
    const { documents, paragraphs, userDocuments } = status.stats;
    return (
      <p className="library__counts">
        Library: {documents.toLocaleString('en')} documents, {paragraphs.toLocaleString('en')} paragraphs
        {userDocuments ? ` (${userDocuments.toLocaleString('en')} of yours)` : ''}. The adopted texts of the
        General Assembly and of the Conference of the Parties, and your own.
      </p>
    );
  }
  if (status.state === 'error')
    return (
      <p className="library__counts library__counts--error" role="alert">
        The library could not be loaded: {status.message}. Your documents are kept, and join it once it loads.
      </p>
    );
  return <p className="library__counts">Loading the library of adopted resolutions…</p>;
}
