/**
 * What the footnote pane shows, read from the editor state, and where its buttons put the caret.
 * Kept apart from the React component so it can be read and tested without a page.
 */
import { $getState, type LexicalEditor } from 'lexical';
import {
  $findFootnoteText,
  $getFootnoteTexts,
  $getTextFootnoteRefs,
  footnoteMissingState,
} from './footnoteTree.ts';

export interface FootnoteEntry {
  readonly id: string;
  /** The marker as displayed, from 1 in order of first reference; 0 when nothing refers to it. */
  readonly number: number;
  readonly text: string;
  /** Recreated empty because its text was lost (see footnoteMissingState). */
  readonly missing: boolean;
}

/** The footnotes in order (the container's order is the order of first reference). */
export function $readFootnoteList(): FootnoteEntry[] {
  return $getFootnoteTexts().map((node) => {
    const text = node.getTextContent();
    return {
      id: node.getFootnoteId(),
      number: node.getNumber(),
      text,
      missing: text === '' && $getState(node, footnoteMissingState),
    };
  });
}

export function sameFootnoteList(a: readonly FootnoteEntry[], b: readonly FootnoteEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        entry.id === other.id &&
        entry.number === other.number &&
        entry.text === other.text &&
        entry.missing === other.missing
      );
    })
  );
}

/** Puts the caret at the end of the footnote's text; returns the node key to scroll to, or null. */
export function $selectFootnoteText(footnoteId: string): string | null {
  const text = $findFootnoteText(footnoteId);
  if (text === null) return null;
  text.selectEnd();
  return text.getKey();
}

/** Puts the caret right after the footnote's first reference in the text; returns its key, or null. */
export function $selectFootnoteReference(footnoteId: string): string | null {
  const ref = $getTextFootnoteRefs().find((node) => node.getFootnoteId() === footnoteId);
  if (ref === undefined) return null;
  ref.selectNext(0, 0);
  return ref.getKey();
}

/** Runs a caret move, then gives the page the focus and scrolls the target into view. */
export function moveCaret(editor: LexicalEditor, $move: () => string | null): boolean {
  let key = null as string | null;
  editor.update(
    () => {
      key = $move();
    },
    { discrete: true },
  );
  if (key === null) return false;
  editor.focus();
  const dom = editor.getElementByKey(key);
  if (dom !== null && typeof dom.scrollIntoView === 'function') dom.scrollIntoView({ block: 'center' });
  return true;
}
