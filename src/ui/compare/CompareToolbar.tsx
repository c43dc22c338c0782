/**
 * The compare view's first bar (issue 4): the base to compare with (the select, or "A file…"), redline
 * or side by side, the switches of the comparison, and Close.
 */
import { useId, useRef, type RefObject } from 'react';
import { useStore } from '../useStore.ts';
import type { CompareStore, CompareSwitch } from '../stores/compareStore.ts';

/** The comparison's switches, in the order of the bar. */
const SWITCHES: readonly (readonly [CompareSwitch, string])[] = [
  ['ignorePunctuation', 'Ignore punctuation'],
  ['ignoreFootnotes', 'Ignore footnotes'],
  ['showTypography', 'Show typography changes'],
];

export function CompareToolbar({
  store,
  draftName,
  headingRef,
  onClose,
}: {
  readonly store: CompareStore;
  readonly draftName: string;
  /** The title, which takes the focus when the view opens (../CompareView.tsx). */
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly onClose: () => void;
}) {
  const { value, groups, mode, options } = useStore(store.subscribe, store.getState);
  const headingId = useId();
  const baseSelectId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <header className="compare__bar">
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="compare__title">
        Compare “{draftName}”
      </h2>
      <div className="compare__field">
        <label htmlFor={baseSelectId}>Base</label>
        <select id={baseSelectId} value={value} onChange={(e) => store.choose(e.target.value)}>
          {value === '' ? <option value="">Choose a base…</option> : null}
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          A file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.txt,application/json,text/plain"
          hidden
          aria-label="Compare with a .resolution.json or .txt file"
          data-testid="compare-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void store.addFile(file);
          }}
        />
      </div>
      <div className="compare__modes" role="group" aria-label="View">
        <button
          type="button"
          className="button"
          aria-pressed={mode === 'redline'}
          onClick={() => store.setMode('redline')}
        >
          Redline
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={mode === 'side'}
          onClick={() => store.setMode('side')}
        >
          Side by side
        </button>
      </div>
      {SWITCHES.map(([name, label]) => (
        <label key={name} className="compare__switch">
          <input
            type="checkbox"
            checked={options[name]}
            onChange={(e) => store.setOption(name, e.target.checked)}
          />
          {label}
        </label>
      ))}
      <button type="button" className="button compare__close" onClick={onClose} title="Close (Escape)">
        Close
      </button>
    </header>
  );
}
