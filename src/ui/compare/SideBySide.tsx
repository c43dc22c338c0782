/**
 * The comparison as two aligned columns (issue 4): the base on the left, the draft on the right, a
 * row a paragraph (a deleted one empty on the right, an inserted one empty on the left), and each
 * changed row a stop of the Tab order (`data-stop`, the store's `Stop.id`).
 */
import type { CompareResult } from '../../core/compare/types.ts';
import { changeStopId, HEADINGS, headingStopId } from '../stores/compareStore.ts';
import { FootnoteChanges, Tags } from './ChangeNotes.tsx';
import { WordRuns } from './WordRuns.tsx';

export function SideBySide({
  result,
  baseName,
  draftName,
  onFocusStop,
}: {
  readonly result: CompareResult;
  readonly baseName: string;
  readonly draftName: string;
  readonly onFocusStop: (id: string) => void;
}) {
  return (
    <table
      className="compare__table"
      onFocus={(e) => {
        const id = (e.target as HTMLElement).dataset.stop;
        if (id) onFocusStop(id);
      }}
    >
      <thead>
        <tr>
          <th scope="col">Base: {baseName}</th>
          <th scope="col">Draft: {draftName}</th>
        </tr>
      </thead>
      <tbody>
        {HEADINGS.map(([key, label]) => {
          const h = result[key];
          return h ? (
            <tr
              key={key}
              className="compare__row compare__row--changed"
              data-type="changed"
              data-stop={headingStopId(key)}
              tabIndex={0}
            >
              <td>
                <span className="compare__label">{label}</span>
                <WordRuns words={h.words} side="base" />
              </td>
              <td>
                <span className="compare__label">{label}</span>
                <WordRuns words={h.words} side="draft" />
              </td>
            </tr>
          ) : null;
        })}
        {result.changes.map((c, index) => {
          const changed = c.type !== 'unchanged';
          return (
            <tr
              key={index}
              className={`compare__row compare__row--${c.type}`}
              data-type={c.type}
              data-level={c.level}
              data-stop={changed ? changeStopId(index) : undefined}
              tabIndex={changed ? 0 : undefined}
            >
              <td className="compare__cell compare__cell--base">
                {c.baseText !== null ? (
                  <>
                    <span className="compare__label">{c.baseLabel}</span>
                    {changed ? <WordRuns words={c.words} side="base" /> : c.baseText}
                  </>
                ) : null}
              </td>
              <td className="compare__cell compare__cell--draft">
                {c.draftText !== null ? (
                  <>
                    <span className="compare__label">{c.draftLabel}</span>
                    <Tags change={c} />
                    {changed ? <WordRuns words={c.words} side="draft" /> : c.draftText}
                    <FootnoteChanges change={c} />
                  </>
                ) : (
                  <Tags change={c} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
