/**
 * The footnote pane, beside the page (issue 3: footnotes are "editable in place or in a footnote
 * pane"): every footnote in order with its number and text; choosing one puts the caret in its text
 * in the page, and "Go to reference" puts it right after the reference in the text.
 *
 * Rendered by the app outside the page but inside the LexicalComposer. It reads the footnotes on
 * each content update (selection-only updates are skipped), which walks only the footnote texts.
 */
import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $readFootnoteList,
  $selectFootnoteReference,
  $selectFootnoteText,
  moveCaret,
  sameFootnoteList,
  type FootnoteEntry,
} from './footnoteList.ts';

export interface FootnotePaneProps {
  /** The list's accessible name. */
  readonly label?: string;
}

export function FootnotePane({ label = 'Footnotes' }: FootnotePaneProps) {
  const [editor] = useLexicalComposerContext();
  const [entries, setEntries] = useState<readonly FootnoteEntry[]>(() =>
    editor.getEditorState().read($readFootnoteList, { editor }),
  );

  useEffect(() => {
    const refresh = (next: readonly FootnoteEntry[]): void =>
      setEntries((previous) => (sameFootnoteList(previous, next) ? previous : next));
    // The state may have changed between the first render and this effect.
    refresh(editor.getEditorState().read($readFootnoteList, { editor }));
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      refresh(editorState.read($readFootnoteList, { editor }));
    });
  }, [editor]);

  if (entries.length === 0) {
    return (
      <div className="footnote-pane">
        <p className="footnote-pane__empty">No footnotes yet. In the text, press Ctrl+Alt+F to insert one.</p>
      </div>
    );
  }
  return (
    <div className="footnote-pane">
      <ol className="footnote-pane__list" aria-label={label}>
        {entries.map((entry) => (
          <li
            key={entry.id}
            className={
              entry.missing ? 'footnote-pane__item footnote-pane__item--missing' : 'footnote-pane__item'
            }
            data-footnote-id={entry.id}
          >
            <button
              type="button"
              className="footnote-pane__text"
              onClick={() => moveCaret(editor, () => $selectFootnoteText(entry.id))}
            >
              <span className="footnote-pane__number">{entry.number > 0 ? entry.number : '–'}</span>{' '}
              <span>
                {entry.text !== '' ? entry.text : entry.missing ? 'Text missing' : 'Empty footnote'}
              </span>
            </button>
            {entry.number > 0 ? (
              <button
                type="button"
                className="footnote-pane__reference"
                aria-label={`Go to reference of footnote ${entry.number}`}
                onClick={() => moveCaret(editor, () => $selectFootnoteReference(entry.id))}
              >
                Go to reference
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
