/**
 * The Updates panel (issue 13, item 3): the changes that make last year's resolution this session's
 * draft, each a visible change — its place ("PP3", "OP12"), a word diff (old struck, new underlined)
 * and why — that the delegate accepts or rejects. Accept edits the draft through the editor (one undo
 * step, ./acceptUpdates.ts); Reject dismisses the proposal and is kept (./updatePlans.ts); whether a
 * proposal is made is read from the draft's text (./updatesStore.ts), so undo and reload keep it right.
 * The pending places are highlighted in the page while the panel is open.
 *
 * Keyboard: Tab reaches "Accept all" and each proposal's Accept and Reject; a proposal's buttons show
 * its place in the page when focused. What was done is announced in a live region.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../useStore.ts';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { wordDiff } from '../../core/compare/words.ts';
import { ordinalWords } from '../../core/library/ordinals.ts';
import type { UpdateProposal } from '../../core/library/update.ts';
import { $exportResolution } from '../../editor/bridge/export.ts';
import { $acceptUpdates, $pendingRanges } from './acceptUpdates.ts';
import { loadPlan, savePlan } from './updatePlans.ts';
import { createUpdatesStore, type UpdateItem, type UpdateView } from './updatesStore.ts';
import './updates.css';
import { createPauseDebounce } from '../../editor/pauseSchedule.ts';

const PENDING_HIGHLIGHT = 'res-update-pending';
const CURRENT_HIGHLIGHT = 'res-update-current';
/** The draft is read for the statuses in a pause of this length after a change. */
const READ_PAUSE_MS = 150;

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A live range repaints on every keystroke; a static one stays until the next read redraws it. */
function frozen(range: Range): AbstractRange {
  return typeof StaticRange === 'function'
    ? new StaticRange({
        startContainer: range.startContainer,
        startOffset: range.startOffset,
        endContainer: range.endContainer,
        endOffset: range.endOffset,
      })
    : range;
}

function draw(name: string, ranges: readonly AbstractRange[]): void {
  if (!highlightsSupported()) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

/** "…its [eightieth→eighty-first] session…" as a word diff with a few words of context. */
function Change({ proposal }: { readonly proposal: UpdateProposal }) {
  const words = useMemo(
    () => wordDiff({ opener: '', text: proposal.oldText }, { opener: '', text: proposal.newText }),
    [proposal],
  );
  const before = proposal.before.split(/\s+/).slice(-4).join(' ');
  const after = proposal.after.split(/\s+/).slice(0, 4).join(' ');
  return (
    <span className="updates__change">
      {before ? <span className="updates__context">…{before}</span> : null}
      {words.map((w, k) =>
        w.op === 'insert' ? (
          <ins key={k}>{w.text}</ins>
        ) : w.op === 'delete' ? (
          <del key={k}>{w.text}</del>
        ) : (
          <span key={k}>{w.text}</span>
        ),
      )}
      {after ? <span className="updates__context">{after}…</span> : null}
    </span>
  );
}

const VIEW_LABELS: Readonly<Record<Exclude<UpdateView, 'pending'>, string>> = {
  done: 'Accepted',
  overtaken: 'Changed in the draft',
  rejected: 'Rejected',
};

export interface UpdatesPanelProps {
  readonly draftId: string;
  readonly readOnly?: boolean;
}

export function UpdatesPanel({ draftId, readOnly = false }: UpdatesPanelProps) {
  const [editor] = useLexicalComposerContext();
  const store = useMemo(() => createUpdatesStore(draftId, { load: loadPlan, save: savePlan }), [draftId]);
  const state = useStore(store.subscribe, store.getState);
  const [focused, setFocused] = useState<string | null>(null);
  /**
   * The proposal just accepted or rejected: once the list no longer offers it, the focus goes to the
   * next one still to review (or to the summary), not to the page's start.
   */
  const moveOnFrom = useRef<string | null>(null);
  const list = useRef<HTMLElement>(null);

  // The draft as it now reads, after each change (in a pause, so typing stays fast).
  useEffect(() => {
    const read = (): void => store.setDocument(editor.getEditorState().read(() => $exportResolution()));
    read();
    const pause = createPauseDebounce(read, READ_PAUSE_MS);
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      pause.changed();
    });
    return () => {
      pause.cancel();
      stop();
    };
  }, [editor, store]);

  // The pending places, highlighted in the page; the focused proposal's more strongly.
  useEffect(() => {
    const pending = state.items.map((i) => ({ state: i.state, pending: i.view === 'pending' }));
    const current = state.items
      .filter((i) => i.proposal.id === focused)
      .map((i) => ({ state: i.state, pending: i.view === 'pending' }));
    editor.getEditorState().read(() => {
      draw(PENDING_HIGHLIGHT, $pendingRanges(editor, pending).map(frozen));
      draw(CURRENT_HIGHLIGHT, $pendingRanges(editor, current).map(frozen));
    });
  }, [editor, state.items, focused]);
  useEffect(
    () => () => {
      draw(PENDING_HIGHLIGHT, []);
      draw(CURRENT_HIGHLIGHT, []);
    },
    [],
  );

  useEffect(() => {
    const from = moveOnFrom.current;
    if (from === null) return;
    const index = state.items.findIndex((i) => i.proposal.id === from);
    if (state.items[index]?.view === 'pending') return;
    moveOnFrom.current = null;
    const next = [...state.items.slice(index + 1), ...state.items.slice(0, Math.max(index, 0))].find(
      (i) => i.view === 'pending',
    );
    const root = list.current;
    const target = next
      ? root?.querySelector<HTMLButtonElement>(`[data-update="${CSS.escape(next.proposal.id)}"] button`)
      : root?.querySelector<HTMLElement>('.updates__summary');
    target?.focus();
  }, [state.items]);

  const accept = (items: readonly UpdateItem[]): void => {
    let made: UpdateProposal[] = [];
    editor.update(() => {
      made = $acceptUpdates(items.map((i) => i.proposal));
    });
    const first = made[0];
    store.announce(
      made.length === 0
        ? 'Nothing was changed: the draft no longer reads as proposed there.'
        : made.length === 1 && first
          ? `Accepted ${first.label}: ${first.oldText.trim() || 'new paragraph'} → ${first.newText.trim()}.`
          : `Accepted ${made.length} updates.`,
    );
  };

  const reject = (item: UpdateItem): void => {
    void store.reject(item.proposal.id);
    store.announce(`Rejected ${item.proposal.label}: ${item.proposal.reason}.`);
  };

  const restore = (item: UpdateItem): void => {
    void store.restore(item.proposal.id);
    store.announce(`${item.proposal.label} is offered again.`);
  };

  if (state.loading) return <p className="panel__empty">Reading the updates…</p>;
  if (!state.plan)
    return (
      <section className="updates" aria-label="Updates">
        <p className="panel__empty">
          This draft did not start from a library resolution. New draft → “From the library” starts this
          session&apos;s draft from last year&apos;s resolution, with the updates a new version makes.
        </p>
        {state.error ? <p role="alert">{state.error}</p> : null}
      </section>
    );

  const pending = state.items.filter((i) => i.view === 'pending');
  const open = state.items.filter((i) => i.view !== 'rejected');
  const rejected = state.items.filter((i) => i.view === 'rejected');
  const done = state.items.filter((i) => i.view === 'done').length;
  const plan = state.plan;

  const row = (item: UpdateItem) => {
    const { proposal: p, view } = item;
    const name = `${p.label}: ${p.oldText.trim() || 'new paragraph'} → ${p.newText.trim()}`;
    return (
      <li key={p.id} className={`updates__item updates__item--${view}`} data-update={p.id} data-kind={p.kind}>
        <p className="updates__head">
          <span className="updates__where">{p.label}</span>{' '}
          {view === 'pending' ? null : <span className="updates__status">{VIEW_LABELS[view]}</span>}
        </p>
        <p className="updates__text">
          <Change proposal={p} />
        </p>
        <p className="updates__reason">{p.reason}</p>
        {readOnly ? null : view === 'pending' ? (
          <p className="updates__actions">
            <button
              type="button"
              className="button button--small button--primary"
              aria-label={`Accept ${name}`}
              onFocus={() => setFocused(p.id)}
              onBlur={() => setFocused(null)}
              onClick={() => {
                moveOnFrom.current = p.id;
                accept([item]);
              }}
            >
              Accept
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Reject ${name}`}
              onFocus={() => setFocused(p.id)}
              onBlur={() => setFocused(null)}
              onClick={() => {
                moveOnFrom.current = p.id;
                reject(item);
              }}
            >
              Reject
            </button>
          </p>
        ) : view === 'rejected' ? (
          <p className="updates__actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`Offer again ${name}`}
              onClick={() => restore(item)}
            >
              Offer again
            </button>
          </p>
        ) : null}
      </li>
    );
  };

  return (
    <section className="updates" aria-label="Updates" ref={list}>
      <p className="updates__intro">
        From <strong>{plan.symbol}</strong> to the {ordinalWords(plan.target.target) ?? plan.target.target}{' '}
        session: what every new version updates.
      </p>
      <p className="updates__summary" tabIndex={-1}>
        {pending.length} to review · {done} accepted · {rejected.length} rejected
      </p>
      {!readOnly && pending.length > 0 ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            moveOnFrom.current = pending[0]?.proposal.id ?? null;
            accept(pending);
          }}
        >
          Accept all ({pending.length})
        </button>
      ) : null}
      <p className="updates__live" role="status" aria-live="polite">
        {state.announcement}
      </p>
      {state.error ? <p role="alert">{state.error}</p> : null}
      <ul className="updates__list" aria-label="Proposed updates">
        {open.map(row)}
      </ul>
      {rejected.length > 0 ? (
        <details className="updates__rejected">
          <summary>Rejected ({rejected.length})</summary>
          <ul className="updates__list" aria-label="Rejected updates">
            {rejected.map(row)}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
