/** Named revisions of the open draft: save one, open any read-only, restore it. */
import { useId, useState } from 'react';
import type { RevisionSummary } from '../storage/drafts.ts';

export interface RevisionsPanelProps {
  readonly revisions: readonly RevisionSummary[];
  readonly viewing: string | undefined;
  readonly onCreate: (name: string | undefined) => void;
  readonly onView: (id: string) => void;
  readonly onRestore: (id: string) => void;
  readonly onBackToDraft: () => void;
}

export function RevisionsPanel({
  revisions,
  viewing,
  onCreate,
  onView,
  onRestore,
  onBackToDraft,
}: RevisionsPanelProps) {
  const [name, setName] = useState('');
  const nameId = useId();
  return (
    <section className="revisions" aria-label="Revisions">
      <form
        className="revisions__new"
        onSubmit={(e) => {
          e.preventDefault();
          onCreate(name.trim() === '' ? undefined : name.trim());
          setName('');
        }}
      >
        <label htmlFor={nameId}>Revision name</label>
        <input
          id={nameId}
          value={name}
          placeholder="Rev.1 (automatic)"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" title="Save a revision (Ctrl+Alt+R)">
          Save revision
        </button>
      </form>
      {viewing ? (
        <p className="revisions__viewing" role="status">
          Viewing a revision (read-only).{' '}
          <button type="button" className="button button--small" onClick={onBackToDraft}>
            Back to the draft
          </button>
        </p>
      ) : null}
      {revisions.length === 0 ? (
        <p className="panel__empty">
          No revisions yet. A revision is a snapshot you can compare against or go back to.
        </p>
      ) : (
        <ul className="revisions__list" aria-label="Saved revisions">
          {[...revisions].reverse().map((r) =>
            r.damaged ? (
              <li key={r.id} className="revisions__item revisions__item--damaged">
                {r.name ?? r.id}: damaged ({r.error})
              </li>
            ) : (
              <li
                key={r.id}
                className={r.id === viewing ? 'revisions__item revisions__item--current' : 'revisions__item'}
              >
                <span className="revisions__name">{r.name}</span>
                <span className="revisions__when">
                  {new Date(r.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
                </span>
                <span className="revisions__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Open ${r.name} read-only`}
                    onClick={() => onView(r.id)}
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Restore ${r.name}`}
                    onClick={() => onRestore(r.id)}
                  >
                    Restore
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
