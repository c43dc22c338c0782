/** The drafts list: open, rename, duplicate, delete (with undo), and damaged records reported. */
import type { DraftSummary } from '../storage/drafts.ts';
import { clockTime, dayAndMonth } from './clock.ts';

export interface DraftsSidebarProps {
  readonly drafts: readonly DraftSummary[];
  /** Whether `drafts` has been read: the draft opened last shows before the list of them all. */
  readonly listed: boolean;
  readonly currentId: string | undefined;
  readonly onOpen: (id: string) => void;
  readonly onNew: () => void;
  readonly onRename: (id: string) => void;
  readonly onDuplicate: (id: string) => void;
  readonly onDelete: (id: string) => void;
  readonly onDownloadDamaged: (id: string) => void;
  /** Puts the damaged draft's last revision back in its place. */
  readonly onRestoreDamaged: (id: string) => void;
}

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const today = new Date();
  return d.toDateString() === today.toDateString() ? clockTime(d) : dayAndMonth(d);
}

export function DraftsSidebar({
  drafts,
  listed,
  currentId,
  onOpen,
  onNew,
  onRename,
  onDuplicate,
  onDelete,
  onDownloadDamaged,
  onRestoreDamaged,
}: DraftsSidebarProps) {
  return (
    <nav className="sidebar" aria-label="Drafts">
      <div className="sidebar__head">
        <h2 className="sidebar__heading">Drafts</h2>
        <button
          type="button"
          className="button button--primary"
          onClick={onNew}
          title="New draft (Ctrl+Alt+N)"
        >
          New draft
        </button>
      </div>
      {drafts.length === 0 ? (
        listed ? (
          <p className="sidebar__empty">
            No drafts yet. Drafts are kept in this browser only; save a .resolution.json file to share one.
          </p>
        ) : null
      ) : (
        <ul className="drafts" aria-label="Saved drafts">
          {drafts.map((d) =>
            d.damaged ? (
              <li key={d.id} className="drafts__item drafts__item--damaged">
                <span className="drafts__name">{d.name ?? d.id}</span>
                <span className="drafts__problem" role="note">
                  Damaged: {d.error}
                </span>
                <span className="drafts__actions">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onDownloadDamaged(d.id)}
                  >
                    Download raw data
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onRestoreDamaged(d.id)}
                  >
                    Restore last revision
                  </button>
                  <button type="button" className="button button--small" onClick={() => onDelete(d.id)}>
                    Delete
                  </button>
                </span>
              </li>
            ) : (
              <li
                key={d.id}
                className={d.id === currentId ? 'drafts__item drafts__item--current' : 'drafts__item'}
              >
                <button
                  type="button"
                  className="drafts__open"
                  aria-current={d.id === currentId ? 'page' : undefined}
                  onClick={() => onOpen(d.id)}
                >
                  <span className="drafts__name">{d.name}</span>
                  <span className="drafts__meta">
                    {d.title && d.title !== d.name ? <span className="drafts__title">{d.title}</span> : null}
                    <span className="drafts__when">{when(d.updatedAt)}</span>
                  </span>
                </button>
                <span className="drafts__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Rename ${d.name}`}
                    onClick={() => onRename(d.id)}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Duplicate ${d.name}`}
                    onClick={() => onDuplicate(d.id)}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Delete ${d.name}`}
                    onClick={() => onDelete(d.id)}
                  >
                    Delete
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
    </nav>
  );
}
