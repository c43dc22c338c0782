/**
 * One paragraph of the compilation text: its label, its status chip, its text with every open
 * proposal marked in its delegation's colour and followed by its delegations, brackets as structure
 * (each alternative a button), and the delegations with proposals on it in the margin.
 *
 * Keys on the paragraph (its row has the focus): Enter or E rewrites it as the delegation proposing,
 * N proposes a new paragraph after it, M writes the facilitator's note, 1-4 set its status, Shift+A / Shift+R accept or reject its
 * proposals. Keys on a mark: A accept, R reject, W withdraw, S support, O oppose.
 */
import { memo, type KeyboardEvent, type ReactNode } from 'react';
import type { CompilationParagraph, Segment } from '../../core/negotiation/compilation.ts';
import { PARAGRAPH_STATUSES, type Negotiation, type ParagraphStatus } from '../../core/negotiation/types.ts';
import type { NegotiationStore } from '../stores/negotiationStore.ts';

const STATUS_LABEL: Readonly<Record<ParagraphStatus, string>> = {
  pending: 'Pending',
  'agreed ad ref': 'Agreed ad ref',
  agreed: 'Agreed',
  deleted: 'Deleted',
};

export interface CompilationRowProps {
  readonly paragraph: CompilationParagraph;
  readonly colours: ReadonlyMap<string, string>;
  readonly negotiation: Negotiation;
  readonly store: NegotiationStore;
  readonly selected: string | undefined;
  readonly onRowKey: (event: KeyboardEvent<HTMLLIElement>, paragraph: CompilationParagraph) => void;
}

function describe(kind: string, text: string, delegations: readonly string[]): string {
  return `${delegations.join('; ')}: ${kind} “${text}”`;
}

function markKeys(store: NegotiationStore, proposal: string) {
  return (e: KeyboardEvent<HTMLElement>): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    const act: Record<string, () => boolean> = {
      a: () => store.accept(proposal),
      r: () => store.reject(proposal),
      w: () => store.withdraw(proposal),
      s: () => store.support(proposal),
      o: () => store.oppose(proposal),
    };
    const run = act[key];
    if (!run || e.shiftKey) return;
    e.preventDefault();
    e.stopPropagation();
    run();
  };
}

function Mark({
  segment,
  colour,
  store,
  selected,
}: {
  readonly segment: Extract<Segment, { kind: 'insert' | 'delete' }>;
  readonly colour: string;
  readonly store: NegotiationStore;
  readonly selected: boolean;
}) {
  const Tag = segment.kind === 'insert' ? 'ins' : 'del';
  const kind = segment.kind === 'insert' ? 'insert' : 'delete';
  return (
    <>
      <Tag
        className={`mark mark--${segment.kind}${selected ? ' mark--selected' : ''}${segment.italic ? ' mark--italic' : ''}`}
        style={{ ['--delegation' as string]: colour }}
        tabIndex={0}
        data-proposal={segment.proposal}
        aria-label={describe(kind, segment.text, segment.delegations)}
        onClick={(e) => {
          e.stopPropagation();
          store.select({ proposal: segment.proposal });
        }}
        onFocus={() => store.select({ proposal: segment.proposal })}
        onKeyDown={markKeys(store, segment.proposal)}
      >
        {segment.text}
      </Tag>
      {segment.kind === 'delete' && segment.replaced ? null : (
        <span className="mark__tag" style={{ ['--delegation' as string]: colour }}>
          {' '}
          [{segment.delegations.join('; ')}]
        </span>
      )}
    </>
  );
}

function Bracket({
  segment,
  colours,
  store,
  selected,
}: {
  readonly segment: Extract<Segment, { kind: 'bracket' }>;
  readonly colours: ReadonlyMap<string, string>;
  readonly store: NegotiationStore;
  readonly selected: string | undefined;
}) {
  return (
    <span
      className="bracket"
      role="group"
      aria-label={`In brackets: ${segment.alternatives.length} alternatives`}
    >
      <span className="bracket__mark" aria-hidden="true">
        [
      </span>
      {segment.alternatives.map((a, k) => {
        const id = a.proposal ?? 'original';
        const colour = a.holders[0] ? colours.get(a.holders[0]) : undefined;
        return (
          <span key={id} className="bracket__alt">
            {k > 0 ? (
              <span className="bracket__slash" aria-hidden="true">
                {' / '}
              </span>
            ) : null}
            <button
              type="button"
              className={`bracket__choice${selected === `${segment.bracket}:${id}` ? ' bracket__choice--selected' : ''}`}
              style={colour ? { ['--delegation' as string]: colour } : undefined}
              aria-label={`${a.label}: ${a.action ?? (a.text || 'nothing')}${a.holders.length ? `, held by ${a.holders.join('; ')}` : ''}`}
              data-alternative={id}
              onClick={(e) => {
                e.stopPropagation();
                store.select({
                  bracket: segment.bracket,
                  alternative: id,
                  ...(a.proposal ? { proposal: a.proposal } : {}),
                });
              }}
            >
              <span className="bracket__label">{a.label}:</span> {a.action ?? (a.text || '—')}
              {a.holders.length ? <span className="mark__tag"> [{a.holders.join('; ')}]</span> : null}
            </button>
          </span>
        );
      })}
      <span className="bracket__mark" aria-hidden="true">
        ]
      </span>
    </span>
  );
}

function CompilationRowInner({
  paragraph: p,
  colours,
  negotiation,
  store,
  selected,
  onRowKey,
}: CompilationRowProps) {
  const content: ReactNode[] = [];
  if (p.proposed) {
    const colour = colours.get(p.proposed.delegations[0] ?? '') ?? '#333';
    const text = p.segments.map((s) => ('text' in s ? s.text : '')).join('');
    content.push(
      p.proposed.accepted ? (
        <span key="new">{text}</span>
      ) : (
        <Mark
          key="new"
          segment={{
            kind: 'insert',
            text,
            italic: false,
            delegations: p.proposed.delegations,
            proposal: p.proposed.proposal,
          }}
          colour={colour}
          store={store}
          selected={selected === p.proposed.proposal}
        />
      ),
    );
  } else
    p.segments.forEach((s, k) => {
      if (s.kind === 'text')
        content.push(s.italic ? <em key={k}>{s.text}</em> : <span key={k}>{s.text}</span>);
      else if (s.kind === 'bracket')
        content.push(<Bracket key={k} segment={s} colours={colours} store={store} selected={selected} />);
      else if (s.kind === 'note')
        content.push(
          <sup key={k} className="compilation__ref" aria-label={`footnote ${s.number}`}>
            {s.number}
          </sup>,
        );
      else
        content.push(
          <Mark
            key={k}
            segment={s}
            colour={colours.get(s.delegations[0] ?? '') ?? '#333'}
            store={store}
            selected={selected === s.proposal}
          />,
        );
    });
  const margin = [
    ...new Set(
      negotiation.proposals
        .filter((x) => x.state === 'open' && (x.key === p.key || `new:${x.id}` === p.key))
        .map((x) => x.delegation),
    ),
  ];
  const struck = p.status === 'deleted' || p.whole.some((w) => w.kind === 'delete paragraph');
  return (
    <li
      className={`compilation__row compilation__row--depth${Math.min(p.depth, 3)} compilation__row--${p.status.replace(/ /g, '-')}`}
      tabIndex={-1}
      data-key={p.key}
      aria-label={`${p.label}, ${STATUS_LABEL[p.status]}`}
      onKeyDown={(e) => onRowKey(e, p)}
    >
      <span className="compilation__label">{p.label}</span>
      <div className={`compilation__text${struck ? ' compilation__text--struck' : ''}`}>
        {content}
        {p.whole.map((w) => (
          <button
            key={w.proposal}
            type="button"
            className={`mark mark--whole${selected === w.proposal ? ' mark--selected' : ''}`}
            style={{ ['--delegation' as string]: colours.get(w.delegations[0] ?? '') ?? '#333' }}
            data-proposal={w.proposal}
            onClick={() => store.select({ proposal: w.proposal })}
            onKeyDown={markKeys(store, w.proposal)}
          >
            [{w.kind === 'move' ? `move after ${w.to ?? ''}` : 'delete'}: {w.delegations.join('; ')}]
          </button>
        ))}
        {p.note ? <p className="compilation__note">Facilitator’s note: {p.note}</p> : null}
      </div>
      <span className="compilation__side">
        <select
          className={`status-chip status-chip--${p.status.replace(/ /g, '-')}`}
          aria-label={`Status of ${p.label}`}
          value={p.status}
          onChange={(e) => store.setStatus(p.key, e.target.value as ParagraphStatus)}
        >
          {PARAGRAPH_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        {margin.length ? (
          <span className="compilation__who" aria-label={`Proposals by ${margin.join(', ')}`}>
            {margin.map((d) => (
              <span key={d} className="who" style={{ ['--delegation' as string]: colours.get(d) ?? '#333' }}>
                {d}
              </span>
            ))}
          </span>
        ) : null}
      </span>
    </li>
  );
}

/** Rows redraw only when their paragraph, the negotiation or the selection in them changes. */
export const CompilationRow = memo(CompilationRowInner);
