/**
 * The finder follows the caret (issue 4: "The finder as a panel beside the page that follows the
 * cursor"): after each update (typing or a caret move), once the drafter pauses for `delayMs`, it
 * reads the paragraph at the caret and, when that paragraph or its words changed, looks it up.
 *
 * The lookup itself is the caller's (`find`, over an index of the corpus built once): the editor layer
 * does not know which documents are the corpus. When the editor loses its selection (focus went to the
 * panel, say) the last answer stays, so the panel's buttons still know which paragraph they act on.
 */
import type { LexicalEditor } from 'lexical';
import type { Precedent } from '../../../core/compare/finder.ts';
import { $caretParagraph, type CaretParagraph } from './caretParagraph.ts';

export type FinderState =
  | { readonly status: 'idle' }
  /** The caret is in the title, the formula, an annex heading or a footnote. */
  | { readonly status: 'outside' }
  | {
      readonly status: 'ready';
      readonly paragraph: CaretParagraph;
      readonly precedents: readonly Precedent[];
      /** How long `find` took, in milliseconds. */
      readonly ms: number;
    };

export interface PrecedentFinderOptions {
  readonly find: (text: string) => readonly Precedent[];
  readonly onChange: (state: FinderState) => void;
  /** Pause after the last update before looking up; default 150 ms. */
  readonly delayMs?: number;
}

export const FINDER_DELAY_MS = 150;

/** Starts following the caret; returns the teardown. Looks up the paragraph at the caret at once. */
export function registerPrecedentFinder(editor: LexicalEditor, options: PrecedentFinderOptions): () => void {
  const delay = options.delayMs ?? FINDER_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: { key: string; text: string } | 'outside' | null = null;

  const lookUp = (): void => {
    timer = undefined;
    const at = editor.getEditorState().read($caretParagraph, { editor });
    if (at === null) return;
    if (at === 'outside') {
      if (last !== 'outside') options.onChange({ status: 'outside' });
      last = 'outside';
      return;
    }
    if (last !== null && last !== 'outside' && last.key === at.key && last.text === at.text) return;
    last = { key: at.key, text: at.text };
    const start = performance.now();
    const precedents = at.text === '' ? [] : options.find(at.text);
    options.onChange({ status: 'ready', paragraph: at, precedents, ms: performance.now() - start });
  };

  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(lookUp, delay);
  };

  lookUp();
  const unregister = editor.registerUpdateListener(schedule);
  return () => {
    unregister();
    if (timer !== undefined) clearTimeout(timer);
  };
}
