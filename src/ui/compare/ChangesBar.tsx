/**
 * The compare view's second bar, shown while there is a result (issue 4): the summary, previous / next change
 * with where the focus is ("Change 2 of 5: OP3 changed"), and "Use as base for tracked changes".
 */
import { useStore } from '../useStore.ts';
import type { CompareStore } from '../stores/compareStore.ts';
import { Summary } from './Summary.tsx';

export function ChangesBar({
  store,
  onPrevious,
  onNext,
  onRecord,
}: {
  readonly store: CompareStore;
  /** Move to a change and show it (the view focuses and scrolls). */
  readonly onPrevious: () => void;
  readonly onNext: () => void;
  readonly onRecord: () => void;
}) {
  const { result, options, stops, at, navigable, canRecord, isRecorded } = useStore(
    store.subscribe,
    store.getState,
  );
  if (!result) return null;
  return (
    <div className="compare__bar compare__bar--second">
      <Summary result={result} showTypography={options.showTypography} />
      <div className="compare__nav" role="group" aria-label="Changes">
        <button
          type="button"
          className="button"
          onClick={onPrevious}
          disabled={!navigable || at <= 0}
          title="Previous change (p or Alt+Up)"
        >
          Previous change
        </button>
        <button
          type="button"
          className="button"
          onClick={onNext}
          disabled={!navigable || at >= stops.length - 1}
          title="Next change (n or Alt+Down)"
        >
          Next change
        </button>
        <span className="compare__position" aria-live="polite">
          {stops.length === 0
            ? 'No changes'
            : at < 0
              ? `${stops.length} change${stops.length === 1 ? '' : 's'}`
              : `Change ${at + 1} of ${stops.length}: ${stops[at]?.label ?? ''}`}
        </span>
      </div>
      <div className="compare__record">
        {isRecorded ? (
          <span className="compare__recorded">The draft’s base for tracked changes</span>
        ) : (
          <button
            type="button"
            className="button"
            disabled={!canRecord}
            title={
              canRecord
                ? 'The Word export will show the changes from this base as tracked changes'
                : 'Only a resolution or decision of the corpus or a saved revision can be the base'
            }
            onClick={onRecord}
          >
            Use as base for tracked changes
          </button>
        )}
      </div>
    </div>
  );
}
