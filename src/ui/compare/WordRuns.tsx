/** A word diff as marked-up text, for the compare view and the precedents' versions (PrecedentsPanel). */
import type { WordChange } from '../../core/compare/types.ts';

/** A word diff with <ins> and <del>; `side` keeps one document's words only (for the columns). */
export function WordRuns({
  words,
  side = 'both',
  insertLabel = 'inserted:',
  deleteLabel = 'deleted:',
}: {
  readonly words: readonly WordChange[];
  readonly side?: 'both' | 'base' | 'draft';
  readonly insertLabel?: string;
  readonly deleteLabel?: string;
}) {
  return (
    <>
      {words.map((w, i) => {
        if (w.op === 'equal') return <span key={i}>{w.text}</span>;
        if ((w.op === 'insert' && side === 'base') || (w.op === 'delete' && side === 'draft')) return null;
        // Spaces stay outside the marks: "all States", not "all| States|".
        const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(w.text);
        const [, lead = '', core = '', trail = ''] = m ?? [];
        if (core === '') return <span key={i}>{w.text}</span>;
        const Tag = w.op === 'insert' ? 'ins' : 'del';
        return (
          <span key={i}>
            {lead}
            <Tag>
              <span className="visually-hidden">{`${w.op === 'insert' ? insertLabel : deleteLabel} `}</span>
              {core}
            </Tag>
            {trail}
          </span>
        );
      })}
    </>
  );
}
