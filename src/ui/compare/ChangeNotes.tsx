/**
 * What is said beside a changed paragraph in both views of the compare view: its tags (the kind of
 * change, where it moved from, the opener's shift, splits and merges) and its footnote changes.
 */
import type { FootnoteChange, OpenerShift, ParagraphChange } from '../../core/compare/types.ts';
import { changeLabel } from '../stores/compareStore.ts';

const SHIFT_NAMES: Record<OpenerShift, string> = {
  softening: 'softening',
  strengthening: 'strengthening',
  equivalent: 'other verb, same strength',
  sequence: 'also / further',
  unranked: 'opener changed',
};

function footnoteText(f: FootnoteChange): string {
  if (f.change === 'added') return `Footnote added: ${f.draft?.source ?? ''}`;
  if (f.change === 'removed') return `Footnote removed: ${f.base?.source ?? ''}`;
  return `Footnote source changed: ${f.base?.source ?? ''} → ${f.draft?.source ?? ''}`;
}

/** The notes beside a change: what kind, moved from where, the opener's shift, splits and merges. */
export function Tags({ change: c }: { readonly change: ParagraphChange }) {
  const tags: { key: string; text: string; title?: string; tone: string }[] = [];
  if (c.type === 'moved')
    tags.push({ key: 'moved', text: `moved from ${c.baseLabel ?? '?'}`, tone: 'moved' });
  else if (c.type !== 'unchanged') tags.push({ key: 'type', text: c.type, tone: c.type });
  if (c.opener)
    tags.push({
      key: 'opener',
      text: SHIFT_NAMES[c.opener.shift],
      title: `${c.opener.base || '(no opener)'} → ${c.opener.draft || '(no opener)'}`,
      tone: c.opener.shift,
    });
  if (c.split) tags.push({ key: 'split', text: `split into ${c.split.labels.join(', ')}`, tone: 'changed' });
  if (c.merge) tags.push({ key: 'merge', text: `merges ${c.merge.labels.join(', ')}`, tone: 'changed' });
  if (c.footnotes?.length) tags.push({ key: 'fn', text: 'footnotes', tone: 'footnotes' });
  if (c.typography && c.type !== 'unchanged')
    tags.push({ key: 'typography', text: 'typography only', tone: 'typography' });
  if (!tags.length) return null;
  return (
    <span className="compare__tags">
      {tags.map((t) => (
        <span key={t.key} className={`compare__tag compare__tag--${t.tone}`} title={t.title}>
          {t.text}
        </span>
      ))}
    </span>
  );
}

export function FootnoteChanges({ change }: { readonly change: ParagraphChange }) {
  if (!change.footnotes?.length) return null;
  return (
    <ul className="compare__footnotes" aria-label={`Footnote changes in ${changeLabel(change)}`}>
      {change.footnotes.map((f, i) => (
        <li key={i} data-change={f.change}>
          {footnoteText(f)}
        </li>
      ))}
    </ul>
  );
}
