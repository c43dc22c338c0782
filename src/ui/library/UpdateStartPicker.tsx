/**
 * Picking the library resolution this session's draft starts from (New draft → From the library):
 * type a symbol ("79/20", "A/RES/79/20") or words of its title; the list shows symbol, title and date.
 * Keyboard first: Up and Down move in the list, Enter picks, and the focus goes to "Start this
 * session's draft from it". The library loads when the field is first used, not with the dialog.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LibraryMeta } from '../../core/library/types.ts';
import { printedFromIsoDate } from '../../core/references/dates.ts';
import { libraryClient } from './libraryClient.ts';
import './updates.css';

/** At most this many are listed; more words narrow them. */
const SHOWN = 30;

/** The documents matching every word typed, an exact symbol or number first, the latest sessions next. */
export function matchLibrary(documents: readonly LibraryMeta[], query: string): LibraryMeta[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { meta: LibraryMeta; exact: boolean }[] = [];
  for (const meta of documents) {
    if (meta.session === null) continue;
    const symbol = meta.symbol.toLowerCase();
    const number = meta.number?.toLowerCase() ?? '';
    const haystack = `${symbol} ${number} ${meta.title.toLowerCase()}`;
    if (!words.every((w) => haystack.includes(w))) continue;
    scored.push({ meta, exact: words.some((w) => w === number || w === symbol) });
  }
  const serial = (m: LibraryMeta): number => Number(/\/(\d+)/.exec(m.number ?? '')?.[1] ?? 0);
  scored.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      (b.meta.session ?? 0) - (a.meta.session ?? 0) ||
      serial(a.meta) - serial(b.meta),
  );
  return scored.slice(0, SHOWN).map((s) => s.meta);
}

export function UpdateStartPicker({ onStart }: { readonly onStart: (id: string) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [documents, setDocuments] = useState<readonly LibraryMeta[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<LibraryMeta | null>(null);
  const start = useRef<HTMLButtonElement>(null);
  const results = useMemo(() => (documents ? matchLibrary(documents, query) : []), [documents, query]);

  const load = (): void => {
    if (documents || loading) return;
    setLoading(true);
    setError(null);
    libraryClient()
      .documents()
      .then(
        (list) => setDocuments(list),
        (e: unknown) =>
          setError(`The library could not be loaded: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => setLoading(false));
  };

  const choose = (meta: LibraryMeta): void => {
    setChosen(meta);
    // The next Enter starts it.
    requestAnimationFrame(() => start.current?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (results.length === 0) return;
    if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Enter') {
      const meta = results[active];
      if (meta) choose(meta);
    } else return;
    event.preventDefault();
  };

  const listId = `${id}-results`;
  const optionId = (k: number): string => `${id}-option-${k}`;
  const dateOf = (m: LibraryMeta): string => (m.date ? (printedFromIsoDate(m.date) ?? m.date) : '');
  return (
    <div className="update-start">
      <label htmlFor={`${id}-query`} className="dialog__hint">
        Symbol or words of the title, e.g. 79/20 or “outer space”
      </label>
      <input
        id={`${id}-query`}
        className="update-start__query"
        type="search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results.length > 0 ? optionId(active) : undefined}
        autoComplete="off"
        value={query}
        onFocus={load}
        onChange={(e) => {
          load();
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {loading ? <p role="status">Loading the library…</p> : null}
      {error ? <p role="alert">{error}</p> : null}
      {documents && query.trim() !== '' && results.length === 0 ? (
        <p role="status">No library resolution matches “{query.trim()}”.</p>
      ) : null}
      <ul id={listId} role="listbox" aria-label="Library resolutions" className="update-start__list">
        {results.map((m, k) => (
          <li
            key={m.id}
            id={optionId(k)}
            role="option"
            aria-selected={k === active}
            className={`update-start__option${k === active ? ' update-start__option--active' : ''}`}
            data-library-id={m.id}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(m)}
          >
            <span className="update-start__symbol">{m.symbol}</span>{' '}
            <span className="update-start__title">{m.title || 'Untitled'}</span>{' '}
            <span className="update-start__date">{dateOf(m)}</span>
          </li>
        ))}
      </ul>
      {chosen ? (
        <p className="update-start__chosen">
          <span id={`${id}-chosen`}>
            <strong>{chosen.symbol}</strong> {chosen.title}
            {chosen.date ? `, ${dateOf(chosen)}` : ''}
          </span>{' '}
          <button
            ref={start}
            type="button"
            className="button button--primary"
            aria-describedby={`${id}-chosen`}
            onClick={() => onStart(chosen.id)}
          >
            Start this session&apos;s draft from it
          </button>
        </p>
      ) : null}
    </div>
  );
}
