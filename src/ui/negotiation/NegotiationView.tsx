/**
 * The facilitator's compilation text (issue 14): the draft under negotiation, paragraph by paragraph,
 * with every delegation's proposals, brackets and statuses, the views delegates ask for (clean text,
 * pending only, one delegation's), proposing as a delegation, merging the Word files delegations send
 * back, the negotiation's checks, and issuing the next revision.
 *
 * The state is the negotiation store's (stores/negotiationStore.ts); this component draws it.
 */
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from '../useStore.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import { compilation, type CompilationParagraph } from '../../core/negotiation/compilation.ts';
import { delegationVersion } from '../../core/negotiation/operations.ts';
import { baseParagraphs } from '../../core/negotiation/paragraphs.ts';
import { PARAGRAPH_STATUSES, type Negotiation } from '../../core/negotiation/types.ts';
import { Dialog } from '../Dialog.tsx';
import { downloadBlob } from '../files.ts';
import { roundName, type NegotiationStore } from '../stores/negotiationStore.ts';
import { CompilationRow } from './CompilationRow.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import '../styles/negotiation.css';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface NegotiationViewProps {
  readonly document: ResolutionDocument;
  readonly negotiation: Negotiation;
  readonly store: NegotiationStore;
  readonly draftName: string;
  /** Issues the next revision (keeps the base as a revision first: the draft-session store). */
  readonly onIssue: () => Promise<boolean>;
  /** The previous revision, for Rev.n's tracked changes. */
  readonly resolveBase: (doc: ResolutionDocument) => Promise<ResolutionDocument | undefined>;
  readonly onMessage: (text: string, tone: 'info' | 'warning' | 'error') => void;
}

function fileBase(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'draft';
}

export function NegotiationView({
  document: doc,
  negotiation: n,
  store,
  draftName,
  onIssue,
  resolveBase,
  onMessage,
}: NegotiationViewProps) {
  const ui = useStore(store.subscribe, store.getState);
  const [merging, setMerging] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const proposeId = useId();
  const viewId = useId();
  const paragraphs = useMemo(() => compilation(doc, n, ui.view), [doc, n, ui.view]);
  const colours = useMemo(() => new Map(n.delegations.map((d) => [d.name, d.colour])), [n.delegations]);
  const findings = useMemo(() => store.checks(), [store, doc, n]); // eslint-disable-line react-hooks/exhaustive-deps
  const openCount = n.proposals.filter((p) => p.state === 'open').length;
  const selectedKey = ui.selected?.alternative
    ? `${ui.selected.bracket}:${ui.selected.alternative}`
    : ui.selected?.proposal;
  const selectedProposal = ui.selected?.proposal
    ? n.proposals.find((p) => p.id === ui.selected?.proposal)
    : undefined;

  const focusRow = useCallback((from: HTMLElement, step: number) => {
    const rows = [...(list.current?.querySelectorAll<HTMLLIElement>('.compilation__row') ?? [])];
    const at = rows.indexOf(from.closest('.compilation__row') as HTMLLIElement);
    const next = rows[Math.max(0, Math.min(rows.length - 1, at + step))];
    next?.focus();
  }, []);

  const onRowKey = useCallback(
    (e: KeyboardEvent<HTMLLIElement>, p: CompilationParagraph) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLSelectElement) return;
      const key = e.key;
      const handled = (): void => {
        e.preventDefault();
        e.stopPropagation();
      };
      if (key === 'ArrowDown' || key === 'j') {
        handled();
        focusRow(e.currentTarget, 1);
      } else if (key === 'ArrowUp' || key === 'k') {
        handled();
        focusRow(e.currentTarget, -1);
      } else if (
        (key === 'Enter' || key === 'e') &&
        e.target === e.currentTarget &&
        !p.key.startsWith('new:')
      ) {
        handled();
        store.beginEdit(p.key, delegationVersion(doc, n, p.key, ui.proposeAs));
      } else if (key === 'n' && !p.key.startsWith('new:')) {
        handled();
        store.beginEdit(p.key, '', 'new');
      } else if (key === 'm') {
        handled();
        store.beginEdit(p.key, p.note ?? '', 'note');
      } else if (/^[1-4]$/.test(key)) {
        handled();
        const status = PARAGRAPH_STATUSES[Number(key) - 1];
        if (status) store.setStatus(p.key, status);
      } else if (key === 'A' && e.shiftKey) {
        handled();
        store.acceptParagraph(p.key);
      } else if (key === 'R' && e.shiftKey) {
        handled();
        store.rejectParagraph(p.key);
      }
    },
    [doc, n, store, ui.proposeAs, focusRow],
  );

  const exportCompilation = async (): Promise<void> => {
    const { exportCompilationDocx } = await import('../../core/export/docx/compilation.ts');
    const bytes = await exportCompilationDocx(doc, n);
    downloadBlob(
      `${fileBase(draftName)} - compilation text.docx`,
      new Blob([bytes as BlobPart], { type: DOCX }),
    );
  };

  const exportRevision = async (): Promise<void> => {
    const base = await resolveBase(doc);
    if (!base) {
      onMessage(
        `The ${roundName(n.round - 1)} this revision is against is not among the draft’s revisions.`,
        'error',
      );
      return;
    }
    const { exportDocx } = await import('../../core/export/docx/docx.ts');
    const { negotiation: _n, ...clean } = doc;
    const { negotiation: _b, ...previous } = base;
    const bytes = await exportDocx(clean as ResolutionDocument, {
      base: previous as ResolutionDocument,
      author: n.facilitator,
    });
    downloadBlob(
      `${fileBase(draftName)} - ${roundName(n.round)}.docx`,
      new Blob([bytes as BlobPart], { type: DOCX }),
    );
  };

  const editingRow = (p: CompilationParagraph) => {
    const editing = ui.editing;
    if (!editing || editing.key !== p.key) return null;
    const baseText = baseParagraphs(doc).byKey.get(p.key)?.unit.text ?? '';
    const label =
      editing.mode === 'note'
        ? `Facilitator’s note on ${p.label}`
        : editing.mode === 'new'
          ? `New paragraph after ${p.label}, proposed by ${ui.proposeAs}`
          : `${p.label} as ${ui.proposeAs} proposes it`;
    return (
      <li className="compilation__row compilation__row--editing" key={`${p.key}-edit`}>
        <span className="compilation__label">{editing.mode === 'new' ? `${p.label} +` : p.label}</span>
        <ProposeField
          id={`${proposeId}-text`}
          label={label}
          initial={editing.text}
          submitLabel={
            editing.mode === 'note' ? 'Keep the note (Ctrl+Enter)' : `Propose as ${ui.proposeAs} (Ctrl+Enter)`
          }
          canBracket={editing.mode === 'rewrite'}
          onSubmit={(text) => {
            store.editText(text);
            store.submitEdit();
          }}
          onCancel={store.cancelEdit}
          onBracket={(field, text) => bracketSelection(field, text, baseText, p.key)}
        />
      </li>
    );
  };

  const bracketSelection = (
    field: HTMLTextAreaElement,
    text: string,
    baseText: string,
    key: string,
  ): void => {
    if (text.replace(/\s+/g, ' ').trim() !== baseText) {
      onMessage(
        'Brackets go on the words of the text under negotiation: bracket before changing the paragraph, or cancel your changes first.',
        'warning',
      );
      return;
    }
    const start = field.selectionStart;
    const end = field.selectionEnd;
    if (start === end) {
      onMessage('Select the words to put in brackets.', 'warning');
      return;
    }
    if (store.bracket(key, { start, end })) store.cancelEdit();
  };

  const rows: React.ReactNode[] = [];
  for (const p of paragraphs) {
    const edit = ui.editing?.mode === 'rewrite' ? editingRow(p) : null;
    rows.push(
      edit ?? (
        <CompilationRow
          key={p.key}
          paragraph={p}
          colours={colours}
          negotiation={n}
          store={store}
          selected={selectedKey}
          onRowKey={onRowKey}
        />
      ),
    );
    if (ui.editing && ui.editing.mode !== 'rewrite' && ui.editing.key === p.key) rows.push(editingRow(p));
  }

  return (
    <section className="negotiation" aria-label="Compilation text">
      <header className="negotiation__bar">
        <div className="negotiation__title">
          <strong>Compilation text</strong> on the {roundName(n.round)} · facilitator {n.facilitator} ·{' '}
          <span data-testid="open-count">{openCount} open</span>
        </div>
        <div className="negotiation__controls">
          <label htmlFor={proposeId}>Propose as</label>
          <input
            id={proposeId}
            list={`${proposeId}-delegations`}
            value={ui.proposeAs}
            placeholder="Delegation"
            onChange={(e) => store.setProposeAs(e.target.value)}
            onBlur={(e) => store.setProposeAs(e.target.value.trim())}
          />
          <datalist id={`${proposeId}-delegations`}>
            {n.delegations.map((d) => (
              <option key={d.name} value={d.name} />
            ))}
          </datalist>
          <label htmlFor={viewId}>View</label>
          <select
            id={viewId}
            value={ui.view.kind === 'delegation' ? `delegation:${ui.view.delegation}` : ui.view.kind}
            onChange={(e) => {
              const v = e.target.value;
              if (v.startsWith('delegation:'))
                store.setView({ kind: 'delegation', delegation: v.slice('delegation:'.length) });
              else store.setView({ kind: v as 'compilation' | 'clean' | 'pending' });
            }}
          >
            <option value="compilation">Compilation</option>
            <option value="clean">Clean text</option>
            <option value="pending">Pending only</option>
            {n.delegations.map((d) => (
              <option key={d.name} value={`delegation:${d.name}`}>
                {d.name}’s proposals
              </option>
            ))}
          </select>
          <button type="button" className="button button--small" onClick={() => setMerging(true)}>
            Merge Word files…
          </button>
          <button type="button" className="button button--small" onClick={() => void exportCompilation()}>
            Compilation (.docx)
          </button>
          {n.round > 0 ? (
            <button type="button" className="button button--small" onClick={() => void exportRevision()}>
              {roundName(n.round)} with tracked changes (.docx)
            </button>
          ) : null}
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => setIssuing(true)}
          >
            Issue {roundName(n.round + 1)}…
          </button>
        </div>
        <ActionBar
          store={store}
          negotiation={n}
          proposal={selectedProposal}
          selected={ui.selected}
          proposeAs={ui.proposeAs}
        />
        <DelegationsStrip negotiation={n} store={store} />
      </header>
      <p className="negotiation__keys">
        Keys: ↑ ↓ or J K move between paragraphs · Enter rewrites a paragraph as the delegation proposing · N
        proposes a paragraph after it · M writes the facilitator’s note · 1 pending, 2 agreed ad ref, 3
        agreed, 4 deleted · on a proposal: A accept, R reject, W withdraw, S support, O oppose · Shift+A /
        Shift+R accept or reject a paragraph’s proposals.
      </p>
      {ui.lastMerge && (ui.lastMerge.unplaced.length > 0 || ui.lastMerge.unchanged.length > 0) ? (
        <section className="negotiation__merge" aria-label="Changes not placed">
          <h2>From the last merge</h2>
          <ul>
            {ui.lastMerge.unplaced.map((u, k) => (
              <li key={k}>
                {u.file}, paragraph {u.paragraph}: {u.reason}. <q>{u.text.slice(0, 120)}</q>
              </li>
            ))}
            {ui.lastMerge.unchanged.map((f) => (
              <li key={f}>{f} has no tracked changes.</li>
            ))}
          </ul>
        </section>
      ) : null}
      <article className="page page--compilation" aria-label="Compilation">
        <h1 className="compilation__title">{doc.title}</h1>
        <ol className="compilation" ref={list} aria-label="Paragraphs">
          {rows}
        </ol>
      </article>
      <section className="negotiation__checks" aria-label="Negotiation checks">
        <h2>Checks ({findings.length})</h2>
        {findings.length === 0 ? (
          <p>Nothing to report.</p>
        ) : (
          <ul>
            {findings.map((f, k) => (
              <li key={k} className={f.blocksRevision ? 'finding finding--blocks' : 'finding'}>
                {f.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      {merging ? (
        <MergeDialog
          onClose={() => setMerging(false)}
          onMerge={(files, authors) => {
            store.merge(files, authors);
            setMerging(false);
          }}
          onMessage={onMessage}
        />
      ) : null}
      <Dialog title={`Issue ${roundName(n.round + 1)}?`} open={issuing} onClose={() => setIssuing(false)}>
        <p>
          The clean text becomes {roundName(n.round + 1)}: accepted proposals applied, paragraphs marked
          deleted left out, new paragraphs numbered in place. The {roundName(n.round)} is kept as a revision,
          and {roundName(n.round + 1)}’s Word file shows its changes against it.
        </p>
        {findings.filter((f) => f.blocksRevision).length ? (
          <ul className="negotiation__blocking" aria-label="Before issuing">
            {findings
              .filter((f) => f.blocksRevision)
              .map((f, k) => (
                <li key={k}>{f.message}</li>
              ))}
          </ul>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setIssuing(false)} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setIssuing(false);
              void onIssue();
            }}
          >
            Issue {roundName(n.round + 1)}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

/**
 * The delegation's version of a paragraph as it is typed. The text stays in the field until it is
 * proposed: a keystroke redraws the field alone, never the compilation around it.
 */
function ProposeField({
  id,
  label,
  initial,
  submitLabel,
  canBracket,
  onSubmit,
  onCancel,
  onBracket,
}: {
  readonly id: string;
  readonly label: string;
  readonly initial: string;
  readonly submitLabel: string;
  readonly canBracket: boolean;
  readonly onSubmit: (text: string) => void;
  readonly onCancel: () => void;
  readonly onBracket: (field: HTMLTextAreaElement, text: string) => void;
}) {
  const [text, setText] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  return (
    <form
      className="propose"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(text);
      }}
    >
      <label className="propose__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        ref={field}
        id={id}
        className="propose__text"
        value={text}
        autoFocus
        rows={Math.max(3, Math.ceil(initial.length / 90))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit(text);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          } else if (e.key === '[' && (e.ctrlKey || e.metaKey) && canBracket) {
            e.preventDefault();
            onBracket(e.currentTarget, text);
          }
        }}
      />
      <div className="propose__actions">
        <button type="submit" className="button button--primary button--small">
          {submitLabel}
        </button>
        {canBracket ? (
          <button
            type="button"
            className="button button--small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              if (field.current) onBracket(field.current, text);
            }}
          >
            Bracket the selected words (Ctrl+[)
          </button>
        ) : null}
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel (Esc)
        </button>
      </div>
    </form>
  );
}

function ActionBar({
  store,
  negotiation: n,
  proposal: p,
  selected,
  proposeAs,
}: {
  readonly store: NegotiationStore;
  readonly negotiation: Negotiation;
  readonly proposal: Negotiation['proposals'][number] | undefined;
  readonly selected: { proposal?: string; bracket?: string; alternative?: string } | undefined;
  readonly proposeAs: string;
}) {
  if (!selected || (!p && !selected.bracket))
    return <div className="negotiation__action" aria-live="polite" />;
  const label = p
    ? `${p.delegation}: ${p.kind}${p.kind === 'delete paragraph' || p.kind === 'move' ? '' : ` “${p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}”`} (${p.state})`
    : 'Alt 1: the words of the text';
  const bracket = selected.bracket ? n.brackets.find((b) => b.id === selected.bracket) : undefined;
  return (
    <div className="negotiation__action" aria-live="polite" aria-label="Selected proposal">
      <span className="negotiation__selected">{label}</span>
      {bracket && bracket.resolved === undefined && selected.alternative ? (
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => store.resolveBracket(bracket.id, selected.alternative ?? '')}
        >
          Resolve the bracket to this
        </button>
      ) : null}
      {bracket && bracket.resolved === undefined && selected.alternative === 'original' && proposeAs ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => store.holdOriginal(bracket.id, !bracket.originalHolders.includes(proposeAs))}
        >
          {bracket.originalHolders.includes(proposeAs)
            ? `${proposeAs} no longer holds these words`
            : `${proposeAs} holds these words`}
        </button>
      ) : null}
      {p && p.state === 'open' && bracket && proposeAs && proposeAs !== p.delegation ? (
        <>
          <button type="button" className="button button--small" onClick={() => store.support(p.id)}>
            {proposeAs} holds this alternative
          </button>
          <button type="button" className="button button--small" onClick={() => store.oppose(p.id)}>
            {proposeAs} opposes it
          </button>
        </>
      ) : null}
      {p && p.state === 'open' && !bracket ? (
        <>
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => store.accept(p.id)}
          >
            Accept (A)
          </button>
          <button type="button" className="button button--small" onClick={() => store.reject(p.id)}>
            Reject (R)
          </button>
          <button type="button" className="button button--small" onClick={() => store.withdraw(p.id)}>
            Withdraw (W)
          </button>
          {proposeAs && proposeAs !== p.delegation ? (
            <>
              <button type="button" className="button button--small" onClick={() => store.support(p.id)}>
                {proposeAs} supports (S)
              </button>
              <button type="button" className="button button--small" onClick={() => store.oppose(p.id)}>
                {proposeAs} opposes (O)
              </button>
            </>
          ) : null}
        </>
      ) : null}
      {p && p.state !== 'open' ? (
        <button type="button" className="button button--small" onClick={() => store.reopen(p.id)}>
          Reopen
        </button>
      ) : null}
      {p && (p.supporters.length || p.opposers.length) ? (
        <span className="negotiation__stand">
          {p.supporters.length ? `Supported by ${p.supporters.join(', ')}. ` : ''}
          {p.opposers.length ? `Opposed by ${p.opposers.join(', ')}.` : ''}
        </span>
      ) : null}
    </div>
  );
}

function DelegationsStrip({
  negotiation: n,
  store,
}: {
  readonly negotiation: Negotiation;
  readonly store: NegotiationStore;
}) {
  const counts = new Map<string, number>();
  for (const p of n.proposals)
    if (p.state === 'open') counts.set(p.delegation, (counts.get(p.delegation) ?? 0) + 1);
  const active = n.delegations.filter((d) => counts.has(d.name));
  if (active.length === 0) return null;
  return (
    <ul className="negotiation__delegations" aria-label="Delegations with open proposals">
      {active.map((d) => (
        <li key={d.name} className="who" style={{ ['--delegation' as string]: d.colour }}>
          <span>
            {d.name} ({counts.get(d.name)})
          </span>
          {(['Accept', 'Reject'] as const).map((verb) => (
            <button
              key={verb}
              type="button"
              className="button button--quiet button--small"
              onClick={() => (verb === 'Accept' ? store.acceptAllOf(d.name) : store.rejectAllOf(d.name))}
              aria-label={`${verb} all of ${d.name}’s proposals`}
            >
              {verb} all
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}
