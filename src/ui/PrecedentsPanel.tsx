/**
 * The agreed-language finder for the paragraph at the caret (issues 4 and 13). Rendered inside the
 * composer: it follows the caret (editor/plugins/precedents) and lists the closest adopted paragraphs of
 * the library (the Assembly's resolutions of sessions 78-80, the sixth session of the Conference of the
 * Parties, the user's own documents), each with its provenance ("A/RES/79/136, OP21, 6 December 2024")
 * and title, a score and a word diff against the draft's paragraph; a click puts a precedent's wording
 * in, footnotes included, or inserts it as a new paragraph, and "Lineage" shows how that paragraph's
 * text evolved across the versions of its resolution.
 *
 * The library loads in a worker the first time the panel opens (libraryClient.ts); filters narrow it
 * to a session, a body, or the draft's own agenda item.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useStore } from './useStore.ts';
import type { Precedent } from '../core/compare/finder.ts';
import type { LineageVersion } from '../core/library/lineage.ts';
import type { LibraryMatch } from '../core/library/matches.ts';
import { BODY_NAMES, LIBRARY_BODIES, type LibraryBody, type LibraryMeta } from '../core/library/types.ts';
import type { ResolutionDocument } from '../core/model/types.ts';
import { printedFromIsoDate } from '../core/references/dates.ts';
import type { CaretParagraph } from '../editor/plugins/precedents/caretParagraph.ts';
import { usePrecedentFinder, type PrecedentAction } from '../editor/plugins/precedents/usePrecedentFinder.ts';
import { WordRuns } from './CompareView.tsx';
import { libraryClient } from './library/libraryClient.ts';
import './styles/compare.css';

const MIN_WORDS = 3;
/** Below a fifth, a "precedent" shares a few common words and nothing a drafter could reuse. */
const MIN_SCORE = 0.2;
const TOP = 5;

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export interface PrecedentsPanelProps {
  /**
   * The open draft as last read from the editor (its title and agenda item find the resolution it
   * follows). A getter: the page's text changes without the workspace re-rendering, and the panel
   * reads it again at each lookup.
   */
  readonly getDocument: () => ResolutionDocument | null;
  /** Opens the comparison of the draft with a library document. */
  readonly onCompare: (meta: LibraryMeta) => void;
  /** Opens the Library dialog, where the user adds and removes documents of their own. */
  readonly onOpenLibrary?: () => void;
}

interface Filters {
  readonly session: number | null;
  readonly body: LibraryBody | null;
  readonly sameItem: boolean;
}

export function PrecedentsPanel({ getDocument, onCompare, onOpenLibrary }: PrecedentsPanelProps) {
  const client = libraryClient();
  const status = useStore(client.subscribe, client.status);
  const [filters, setFilters] = useState<Filters>({ session: null, body: null, sameItem: false });
  const [documents, setDocuments] = useState<readonly LibraryMeta[]>([]);
  const [predecessor, setPredecessor] = useState<LibraryMeta | null>(null);
  const [sameItem, setSameItem] = useState<ReadonlySet<string> | null>(null);

  // The first opening loads the library.
  useEffect(() => {
    void client.documents().then(setDocuments, () => undefined);
  }, [client, status.state]);

  // The resolution this draft follows, and the documents on its agenda item: read again when the
  // title or agenda item changes, not at every keystroke.
  const document = getDocument();
  const title = document?.title ?? '';
  const agenda = `${document?.metadata.agendaItem ?? ''}|${document?.metadata.agendaItemTitle ?? ''}`;
  const docRef = useMemo(() => document, [title, agenda]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!docRef) return;
    let live = true;
    client.predecessor(docRef).then(
      (p) => live && setPredecessor(p),
      () => undefined,
    );
    client.sameItem(docRef).then(
      (ids) => live && setSameItem(new Set(ids)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, docRef, status.state]);

  // The user's documents changed (added or removed in the Library): the paragraph is searched again.
  const libraryStats = status.state === 'ready' ? status.stats : null;
  const find = useCallback(
    (text: string): Promise<readonly Precedent[]> =>
      client.search(text, {
        top: TOP,
        minScore: MIN_SCORE,
        ...(filters.session !== null ? { sessions: [filters.session] } : {}),
        ...(filters.body !== null ? { bodies: [filters.body] } : {}),
        ...(filters.sameItem ? { documents: sameItem ?? new Set<string>() } : {}),
        // Among equal scores, the draft's own line (its predecessor and the same item's texts) first.
        ...(sameItem ? { prefer: sameItem } : {}),
      }),
    [client, filters, sameItem, libraryStats], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const { state, apply } = usePrecedentFinder(find);

  const sessions = useMemo(() => {
    const seen = new Map<number, LibraryBody>();
    for (const d of documents) if (d.session !== null && d.body !== 'user') seen.set(d.session, d.body);
    return [...seen].sort((a, b) => b[0] - a[0]);
  }, [documents]);

  return (
    <section
      className="precedents"
      aria-label="Precedents"
      aria-busy={status.state === 'loading'}
      data-lookup-ms={state.status === 'ready' ? state.ms.toFixed(2) : undefined}
      data-library-load-ms={status.state === 'ready' ? status.stats.loadMs.toFixed(0) : undefined}
      data-library-phases={status.state === 'ready' ? JSON.stringify(status.stats.phases) : undefined}
    >
      <LibraryLine
        status={status}
        onRetry={() => void client.ready().catch(() => undefined)}
        onOpenLibrary={onOpenLibrary}
      />
      {predecessor ? (
        <p className="precedents__follows">
          This draft follows <strong>{predecessor.symbol}</strong>
          {predecessor.date ? ` of ${printedFromIsoDate(predecessor.date) ?? predecessor.date}` : ''}.{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => onCompare(predecessor)}
            aria-label={`Compare this draft with ${predecessor.symbol}`}
          >
            Compare with it
          </button>
        </p>
      ) : null}
      <FilterBar
        filters={filters}
        sessions={sessions}
        onChange={setFilters}
        canSameItem={sameItem !== null}
      />
      <Results state={state} apply={apply} />
    </section>
  );
}

function LibraryLine({
  status,
  onRetry,
  onOpenLibrary,
}: {
  readonly status: ReturnType<ReturnType<typeof libraryClient>['status']>;
  readonly onRetry: () => void;
  readonly onOpenLibrary: (() => void) | undefined;
}) {
  if (status.state === 'loading' || status.state === 'idle')
    return (
      <p className="precedents__library" role="status">
        Loading the library of adopted resolutions…
      </p>
    );
  if (status.state === 'error')
    return (
      <div className="precedents__library precedents__library--error" role="alert">
        <p>The library could not be loaded: {status.message}.</p>
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  const { documents, paragraphs, userDocuments } = status.stats;
  return (
    <p className="precedents__library">
      Library: {documents.toLocaleString('en')} documents, {paragraphs.toLocaleString('en')} paragraphs
      {userDocuments ? ` (${userDocuments} of yours)` : ''}.
      {onOpenLibrary ? (
        <>
          {' '}
          <button type="button" className="button button--small" onClick={onOpenLibrary}>
            Your documents…
          </button>
        </>
      ) : null}
    </p>
  );
}

function FilterBar({
  filters,
  sessions,
  canSameItem,
  onChange,
}: {
  readonly filters: Filters;
  readonly sessions: readonly (readonly [number, LibraryBody])[];
  readonly canSameItem: boolean;
  readonly onChange: (f: Filters) => void;
}) {
  const sessionId = useId();
  const bodyId = useId();
  return (
    <fieldset className="precedents__filters">
      <legend className="visually-hidden">Filter the precedents</legend>
      <label htmlFor={sessionId}>Session</label>
      <select
        id={sessionId}
        value={filters.session ?? ''}
        onChange={(e) =>
          onChange({ ...filters, session: e.target.value === '' ? null : Number(e.target.value) })
        }
      >
        <option value="">All sessions</option>
        {sessions.map(([n, body]) => (
          <option key={n} value={n}>
            {body === 'cop' ? `Conference, session ${n}` : `Assembly, session ${n}`}
          </option>
        ))}
      </select>
      <label htmlFor={bodyId}>Body</label>
      <select
        id={bodyId}
        value={filters.body ?? ''}
        onChange={(e) =>
          onChange({ ...filters, body: e.target.value === '' ? null : (e.target.value as LibraryBody) })
        }
      >
        <option value="">All bodies</option>
        {LIBRARY_BODIES.map((b) => (
          <option key={b} value={b}>
            {BODY_NAMES[b]}
          </option>
        ))}
      </select>
      <label className="precedents__check">
        <input
          type="checkbox"
          checked={filters.sameItem}
          disabled={!canSameItem}
          onChange={(e) => onChange({ ...filters, sameItem: e.target.checked })}
        />
        Same agenda item
      </label>
    </fieldset>
  );
}

function Results({
  state,
  apply,
}: {
  readonly state: ReturnType<typeof usePrecedentFinder>['state'];
  readonly apply: ReturnType<typeof usePrecedentFinder>['apply'];
}) {
  if (state.status === 'idle')
    return (
      <p className="panel__empty">
        Put the caret in a paragraph: the closest agreed language of the library appears here.
      </p>
    );
  if (state.status === 'outside')
    return (
      <p className="panel__empty">
        Precedents are found for preambular and operative paragraphs, subparagraphs and annex items. Put the
        caret in one.
      </p>
    );
  if (state.status === 'failed')
    return (
      <p className="panel__empty">
        No precedents for {state.paragraph.label}: {state.error}.
      </p>
    );
  const { paragraph, precedents, ms } = state;
  const words = paragraph.text === '' ? 0 : paragraph.text.split(' ').length;
  return (
    <>
      <p className="precedents__for">
        Closest agreed language for <strong>{paragraph.label}</strong>
      </p>
      {words < MIN_WORDS && precedents.length === 0 ? (
        <p className="panel__empty">Type a few words of the paragraph to find precedents.</p>
      ) : precedents.length === 0 ? (
        <p className="panel__empty">No close precedent in the library.</p>
      ) : (
        <>
          <p className="precedents__legend">
            <ins>Underlined</ins>: only in the precedent. <del>Struck through</del>: only in your paragraph.
          </p>
          <ol className="precedents__list" aria-label="Closest paragraphs of the library">
            {precedents.map((p) => (
              <PrecedentItem
                // A document of the user's may carry the symbol of one in the library: the id tells them apart.
                key={`${(p as LibraryMatch).meta.id} ${p.label}`}
                precedent={p as LibraryMatch}
                paragraph={paragraph}
                onApply={(action) => apply(paragraph.key, p, action)}
              />
            ))}
          </ol>
        </>
      )}
      <p className="precedents__timing">Found in {ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms</p>
    </>
  );
}

function PrecedentItem({
  precedent: p,
  paragraph,
  onApply,
}: {
  readonly precedent: LibraryMatch;
  readonly paragraph: CaretParagraph;
  readonly onApply: (action: PrecedentAction) => void;
}) {
  const [lineage, setLineage] = useState<
    'closed' | 'loading' | readonly LineageVersion[] | { error: string }
  >('closed');
  const identical = p.words.every((w) => w.op === 'equal');
  const notes = p.footnotes.length;
  const toggleLineage = (): void => {
    if (lineage !== 'closed') {
      setLineage('closed');
      return;
    }
    setLineage('loading');
    libraryClient()
      .lineage({ id: p.meta.id, part: p.part, path: p.path })
      .then(setLineage, (e: unknown) => setLineage({ error: e instanceof Error ? e.message : String(e) }));
  };
  return (
    <li className="precedents__item" data-label={p.label} data-body={p.meta.body}>
      <div className="precedents__head">
        <span className="precedents__label">
          {p.provenance}
          {p.meta.body === 'user' ? <span className="precedents__yours"> (your document)</span> : null}
        </span>
        <span className="precedents__score" title="Word-pair similarity with your paragraph">
          {percent(p.score)}
        </span>
      </div>
      <p className="precedents__title">{p.meta.title}</p>
      <p className="precedents__text">
        {identical ? (
          p.text
        ) : (
          <WordRuns
            words={p.words}
            insertLabel="only in the precedent:"
            deleteLabel="only in your paragraph:"
          />
        )}
      </p>
      {notes ? (
        <p className="precedents__notes">
          {notes === 1 ? 'Its footnote comes along' : `Its ${notes} footnotes come along`}:{' '}
          {p.footnotes.map(footnoteSource).join('; ')}
        </p>
      ) : null}
      <div className="precedents__actions">
        <button
          type="button"
          className="button button--small"
          aria-label={`Use the wording of ${p.label} in ${paragraph.label}`}
          onClick={() => onApply('replace')}
        >
          Use this wording
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={`Insert ${p.label} as a new paragraph after ${paragraph.label}`}
          onClick={() => onApply('insert')}
        >
          Insert as new paragraph
        </button>
        <button
          type="button"
          className="button button--small"
          aria-expanded={lineage !== 'closed'}
          aria-label={`Lineage of ${p.label}`}
          onClick={toggleLineage}
        >
          Lineage
        </button>
      </div>
      {lineage === 'closed' ? null : <Lineage lineage={lineage} of={p.label} />}
    </li>
  );
}

function Lineage({
  lineage,
  of,
}: {
  readonly lineage: 'loading' | readonly LineageVersion[] | { error: string };
  readonly of: string;
}) {
  if (lineage === 'loading') return <p className="precedents__lineage">Finding the versions…</p>;
  if ('error' in lineage)
    return <p className="precedents__lineage">The lineage could not be read: {lineage.error}.</p>;
  if (lineage.length <= 1)
    return (
      <p className="precedents__lineage">
        No earlier or later version of this paragraph in the library: its resolution has no predecessor here,
        or the paragraph is new in it.
      </p>
    );
  return (
    <ol className="precedents__lineage" aria-label={`Versions of ${of}, oldest first`}>
      {lineage.map((v) => (
        <li key={v.id} className="precedents__version">
          <p className="precedents__version-head">
            {v.meta.symbol}, {v.label}
            {v.meta.date ? `, ${printedFromIsoDate(v.meta.date) ?? v.meta.date}` : ''}
            {v.similarity === 1 ? ' — unchanged' : v.words ? '' : ' — the oldest in the library'}
          </p>
          <p className="precedents__text">
            {v.words && v.similarity !== 1 ? (
              <WordRuns words={v.words} insertLabel="added:" deleteLabel="removed:" />
            ) : (
              v.text
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}

function footnoteSource(f: Precedent['footnotes'][number]): string {
  return f.resolved ?? f.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
