/**
 * The agreed-language finder for the paragraph at the caret (issue 4). Rendered inside the composer:
 * it follows the caret (editor/plugins/precedents) and lists the closest paragraphs of the corpus with
 * where each comes from, a score and a word diff against the draft's paragraph; a click puts a
 * precedent's wording in, footnotes included, or inserts it as a new paragraph.
 *
 * The index of the corpus is built the first time the panel opens, once per page.
 */
import {
  buildPrecedentIndex,
  findPrecedents,
  type Precedent,
  type PrecedentIndex,
} from '../core/compare/finder.ts';
import type { CaretParagraph } from '../editor/plugins/precedents/caretParagraph.ts';
import { usePrecedentFinder, type PrecedentAction } from '../editor/plugins/precedents/usePrecedentFinder.ts';
import { WordRuns } from './CompareView.tsx';
import { corpus } from './data.ts';
import './styles/compare.css';

let index: { readonly index: PrecedentIndex; readonly ms: number } | undefined;

function precedentIndex(): PrecedentIndex {
  if (index === undefined) {
    const start = performance.now();
    const built = buildPrecedentIndex(corpus.documents);
    index = { index: built, ms: performance.now() - start };
  }
  return index.index;
}

/** Stable across renders, so the finder registers once per editor. */
function find(text: string): readonly Precedent[] {
  // Below a fifth, a "precedent" shares a few common words and nothing a drafter could reuse.
  return findPrecedents(precedentIndex(), text, { limit: 5, minScore: 0.2 });
}

const MIN_WORDS = 3;

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export function PrecedentsPanel() {
  // Built before the finder starts, so the lookup times it reports are lookups only.
  precedentIndex();
  const { state, apply } = usePrecedentFinder(find);

  if (state.status === 'idle')
    return (
      <p className="panel__empty">
        Put the caret in a paragraph: the closest agreed language of the corpus appears here.
      </p>
    );
  if (state.status === 'outside')
    return (
      <p className="panel__empty">
        Precedents are found for preambular and operative paragraphs, subparagraphs and annex items. Put the
        caret in one.
      </p>
    );
  const { paragraph, precedents, ms } = state;
  const words = paragraph.text === '' ? 0 : paragraph.text.split(' ').length;
  return (
    <section
      className="precedents"
      aria-label="Precedents"
      data-lookup-ms={ms.toFixed(2)}
      data-index-ms={index?.ms.toFixed(2)}
    >
      <p className="precedents__for">
        Closest agreed language for <strong>{paragraph.label}</strong>
      </p>
      {words < MIN_WORDS && precedents.length === 0 ? (
        <p className="panel__empty">Type a few words of the paragraph to find precedents.</p>
      ) : precedents.length === 0 ? (
        <p className="panel__empty">No close precedent in the corpus.</p>
      ) : (
        <>
          <p className="precedents__legend">
            <ins>Underlined</ins>: only in the precedent. <del>Struck through</del>: only in your paragraph.
          </p>
          <ol className="precedents__list" aria-label="Closest paragraphs of the corpus">
            {precedents.map((p) => (
              <PrecedentItem
                key={p.label}
                precedent={p}
                paragraph={paragraph}
                onApply={(action) => apply(paragraph.key, p, action)}
              />
            ))}
          </ol>
        </>
      )}
      <p className="precedents__timing">Found in {ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms</p>
    </section>
  );
}

function PrecedentItem({
  precedent: p,
  paragraph,
  onApply,
}: {
  readonly precedent: Precedent;
  readonly paragraph: CaretParagraph;
  readonly onApply: (action: PrecedentAction) => void;
}) {
  const identical = p.words.every((w) => w.op === 'equal');
  const notes = p.footnotes.length;
  return (
    <li className="precedents__item" data-label={p.label}>
      <div className="precedents__head">
        <span className="precedents__label">{p.label}</span>
        <span className="precedents__score" title="Word-pair similarity with your paragraph">
          {percent(p.score)}
        </span>
      </div>
      <p className="precedents__text">
        {identical ? (
          p.text
        ) : (
          <WordRuns
            words={p.words}
            insertLabel="only in the precedent:"
            deleteLabel="only in your paragraph:"
          />
        )}
      </p>
      {notes ? (
        <p className="precedents__notes">
          {notes === 1 ? 'Its footnote comes along' : `Its ${notes} footnotes come along`}:{' '}
          {p.footnotes.map(footnoteSource).join('; ')}
        </p>
      ) : null}
      <div className="precedents__actions">
        <button
          type="button"
          className="button button--small"
          aria-label={`Use the wording of ${p.label} in ${paragraph.label}`}
          onClick={() => onApply('replace')}
        >
          Use this wording
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={`Insert ${p.label} as a new paragraph after ${paragraph.label}`}
          onClick={() => onApply('insert')}
        >
          Insert as new paragraph
        </button>
      </div>
    </li>
  );
}

function footnoteSource(f: Precedent['footnotes'][number]): string {
  return f.resolved ?? f.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
