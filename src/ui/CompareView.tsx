/**
 * Compare the draft with a base: a corpus document, its own base, a revision, another draft or a file
 * (issue 4). The comparison is `compareDocuments` (core/compare), recomputed when the base or a switch
 * changes; this view only chooses the base and draws the result, as an inline redline or as two
 * aligned columns, with a summary and next / previous change. Paragraphs that differ only in typography
 * (non-breaking hyphens, curly quotes …; issue 12, item 6) are counted on a line of the summary and
 * shown as changes only when "Show typography changes" is on.
 *
 * What is compared with what, the switches and the change in focus are the store's
 * (./stores/compareStore.ts, ARCHITECTURE.md convention 12); the bars and the two drawings are in
 * ./compare/. What stays here is the page's: the focus, the scrolling and the keys.
 *
 * Keyboard: n / p (or Alt+Down / Alt+Up) move to the next / previous change and focus it; every change
 * is also a stop of the Tab order; Escape closes the view.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from './useStore.ts';
import type { BaseDocument, ResolutionDocument } from '../core/model/types.ts';
import type { DraftSummary, RevisionSummary } from '../storage/drafts.ts';
import { ChangesBar } from './compare/ChangesBar.tsx';
import { CompareToolbar } from './compare/CompareToolbar.tsx';
import { Redline } from './compare/Redline.tsx';
import { SideBySide } from './compare/SideBySide.tsx';
import { corpus, corpusDocumentByRef } from './corpusData.ts';
import {
  createCompareStore,
  type CompareCorpus,
  type LibraryBase,
  type Stop,
} from './stores/compareStore.ts';
import './styles/compare.css';

// Imported from here by the workspace and the Precedents panel, from before the view had parts.
export type { LibraryBase } from './stores/compareStore.ts';
export { WordRuns } from './compare/WordRuns.tsx';

export interface CompareViewProps {
  /** The draft's latest text (the autosave has been flushed). */
  readonly draft: ResolutionDocument;
  readonly draftName: string;
  readonly draftId: string;
  readonly revisions: readonly RevisionSummary[];
  readonly drafts: readonly DraftSummary[];
  readonly loadRevision: (id: string) => Promise<ResolutionDocument | undefined>;
  readonly loadDraft: (id: string) => Promise<ResolutionDocument | undefined>;
  /** Makes the chosen base the draft's base (for tracked changes in the Word export). */
  readonly onSetBase: (base: BaseDocument) => void;
  readonly onClose: () => void;
  /** A document of the library to compare with, chosen first (the resolution the draft follows). */
  readonly libraryBase?: LibraryBase;
}

const CORPUS: CompareCorpus = { documents: corpus.documents, byRef: corpusDocumentByRef };

export function CompareView({
  draft,
  draftName,
  draftId,
  revisions,
  drafts,
  loadRevision,
  loadDraft,
  onSetBase,
  onClose,
  libraryBase,
}: CompareViewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  const [store] = useState(() =>
    createCompareStore({ draft, draftId, revisions, drafts, loadRevision, loadDraft, libraryBase }, CORPUS),
  );
  // The workspace's news (a revision saved, the drafts list read again) reaches the store before the
  // browser paints, as it did when the view read these props while rendering.
  useLayoutEffect(() => {
    store.setSources({ draft, draftId, revisions, drafts, loadRevision, loadDraft, libraryBase });
  }, [store, draft, draftId, revisions, drafts, loadRevision, loadDraft, libraryBase]);
  const { fileError, loaded, result, stops, mode, baseName } = useStore(store.subscribe, store.getState);

  /** The change moved to, focused (keys typed next are about it) and scrolled to the middle. */
  const show = (stop: Stop | undefined): void => {
    if (!stop) return;
    const el = bodyRef.current?.querySelector<HTMLElement>(`[data-stop="${stop.id}"]`);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
  };
  const next = (): void => show(store.next());
  const previous = (): void => show(store.previous());

  // The view takes the focus (keys typed now must not reach the page behind) and gives it back.
  useEffect(() => {
    const before = document.activeElement;
    headingRef.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    const target = e.target as HTMLElement;
    // A select answers letters and Alt+arrows itself; text fields take letters.
    if (target.tagName === 'SELECT' || target.tagName === 'TEXTAREA') return;
    if (
      target.tagName === 'INPUT' &&
      !['checkbox', 'radio', 'file'].includes((target as HTMLInputElement).type)
    )
      return;
    const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
    const onlyAlt = e.altKey && !e.ctrlKey && !e.metaKey;
    if ((plain && e.key === 'n') || (onlyAlt && e.key === 'ArrowDown')) {
      e.preventDefault();
      next();
    } else if ((plain && e.key === 'p') || (onlyAlt && e.key === 'ArrowUp')) {
      e.preventDefault();
      previous();
    }
  };

  return (
    <section className="overlay compare" aria-label="Compare" onKeyDown={onKeyDown}>
      <CompareToolbar store={store} draftName={draftName} headingRef={headingRef} onClose={onClose} />
      <ChangesBar
        store={store}
        onPrevious={previous}
        onNext={next}
        onRecord={() => {
          const base = store.recordBase();
          if (base) onSetBase(base);
        }}
      />

      <div className="compare__body" ref={bodyRef}>
        {fileError ? (
          <p className="compare__message compare__message--error" role="alert">
            {fileError}
          </p>
        ) : null}
        {loaded.state === 'none' ? (
          <p className="compare__message">
            Choose a base: a resolution or decision of the sixth session, a saved revision, another draft, or
            a file.
          </p>
        ) : null}
        {loaded.state === 'loading' ? (
          <p className="compare__message" role="status">
            Reading the base…
          </p>
        ) : null}
        {loaded.state === 'failed' ? (
          <p className="compare__message compare__message--error" role="alert">
            {loaded.error}
          </p>
        ) : null}
        {result ? (
          mode === 'redline' ? (
            <Redline result={result} noDifference={stops.length === 0} onFocusStop={store.focusStop} />
          ) : (
            <SideBySide
              result={result}
              baseName={baseName}
              draftName={draftName}
              onFocusStop={store.focusStop}
            />
          )
        ) : null}
      </div>
    </section>
  );
}
