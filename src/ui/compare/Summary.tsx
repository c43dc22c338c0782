/**
 * The comparison's counts, one line a kind (issue 4), said again to screen readers as they change.
 * Paragraphs that differ only in typography are counted on a line of their own (issue 12, item 6).
 */
import type { CompareResult } from '../../core/compare/types.ts';
import { HEADINGS } from '../stores/compareStore.ts';

const SUMMARY_KINDS = [
  ['changed', 'changed'],
  ['moved', 'moved'],
  ['inserted', 'inserted'],
  ['deleted', 'deleted'],
  ['unchanged', 'unchanged'],
  ['softening', 'softening'],
  ['strengthening', 'strengthening'],
  ['footnotes', 'with footnote changes'],
] as const;

/** "3 paragraphs differ only in typography" */
export function typographyCount(n: number): string {
  return `${n} paragraph${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''} only in typography`;
}

export function Summary({
  result,
  showTypography,
}: {
  readonly result: CompareResult;
  readonly showTypography: boolean;
}) {
  const headings = HEADINGS.filter(([key]) => result[key]).length;
  const typography = result.summary.typography;
  return (
    <ul className="compare__summary" aria-label="Summary" aria-live="polite">
      {SUMMARY_KINDS.map(([kind, label]) => (
        <li
          key={kind}
          data-kind={kind}
          className={result.summary[kind] === 0 ? 'compare__count compare__count--zero' : 'compare__count'}
        >
          <strong>{result.summary[kind]}</strong> {label}
        </li>
      ))}
      {headings ? (
        <li data-kind="headings" className="compare__count">
          <strong>{headings}</strong> heading{headings === 1 ? '' : 's'} changed
        </li>
      ) : null}
      {typography ? (
        <li
          data-kind="typography"
          className="compare__count"
          title={
            showTypography
              ? 'Shown as changes'
              : 'Not shown as changes: turn on “Show typography changes” to see them'
          }
        >
          {typographyCount(typography)}
          {showTypography ? ' (shown)' : ''}
        </li>
      ) : null}
    </ul>
  );
}
