/**
 * The comparison as one text (issue 4): every paragraph in reading order under its part, with the
 * words taken out struck through and the words put in underlined, and each change a stop of the Tab
 * order (`data-stop`, the store's `Stop.id`).
 */
import type { ComparePart, CompareResult, HeadingChange, ParagraphChange } from '../../core/compare/types.ts';
import {
  changeLabel,
  changeStopId,
  HEADINGS,
  headingStopId,
  type HeadingKey,
} from '../stores/compareStore.ts';
import { FootnoteChanges, Tags } from './ChangeNotes.tsx';
import { typographyCount } from './Summary.tsx';
import { WordRuns } from './WordRuns.tsx';

const PART_NAMES: Record<ComparePart, string> = {
  preamble: 'Preamble',
  operative: 'Operative part',
  annex: 'Annex',
};

function HeadingRow({
  name,
  label,
  change,
}: {
  readonly name: HeadingKey;
  readonly label: string;
  readonly change: HeadingChange;
}) {
  return (
    <div
      className="compare__change compare__change--changed"
      data-stop={headingStopId(name)}
      tabIndex={0}
      data-type="changed"
    >
      <span className="compare__label">{label}</span>
      <p className="compare__text">
        <WordRuns words={change.words} />
      </p>
    </div>
  );
}

function groupByPart(
  changes: readonly ParagraphChange[],
): [ComparePart, { change: ParagraphChange; index: number }[]][] {
  const out = new Map<ComparePart, { change: ParagraphChange; index: number }[]>();
  changes.forEach((change, index) => {
    const list = out.get(change.part) ?? [];
    list.push({ change, index });
    out.set(change.part, list);
  });
  return [...out];
}

export function Redline({
  result,
  noDifference,
  onFocusStop,
}: {
  readonly result: CompareResult;
  /** Nothing to step through: no heading and no paragraph changed. */
  readonly noDifference: boolean;
  readonly onFocusStop: (id: string) => void;
}) {
  return (
    <div
      className="compare__sheet"
      onFocus={(e) => {
        const id = (e.target as HTMLElement).dataset.stop;
        if (id) onFocusStop(id);
      }}
    >
      {noDifference ? (
        <p className="compare__message" role="status">
          {result.summary.typography
            ? `No difference but typography: ${typographyCount(result.summary.typography)}.`
            : 'No difference.'}
        </p>
      ) : null}
      {HEADINGS.map(([key, label]) => {
        const h = result[key];
        return h ? <HeadingRow key={key} name={key} label={label} change={h} /> : null;
      })}
      {groupByPart(result.changes).map(([part, list]) => (
        <section key={part} className="compare__part" aria-label={PART_NAMES[part]}>
          <h3 className="compare__part-title">{PART_NAMES[part]}</h3>
          <ol className="compare__list">
            {list.map(({ change: c, index }) => {
              const changed = c.type !== 'unchanged';
              return (
                <li
                  key={index}
                  className={`compare__change compare__change--${c.type}`}
                  data-type={c.type}
                  data-level={c.level}
                  data-stop={changed ? changeStopId(index) : undefined}
                  tabIndex={changed ? 0 : undefined}
                >
                  <span className="compare__label">{changeLabel(c)}</span>
                  <Tags change={c} />
                  <p className="compare__text">
                    {changed ? <WordRuns words={c.words} /> : (c.draftText ?? '')}
                  </p>
                  <FootnoteChanges change={c} />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
