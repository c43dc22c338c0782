/**
 * The finder follows the caret (issue 4: "The finder as a panel beside the page that follows the
 * cursor"): after each update (typing or a caret move), once the drafter pauses for `delayMs`, it
 * reads the paragraph at the caret and, when that paragraph or its words changed, looks it up.
 *
 * The lookup itself is the caller's (`find`: the library, searched in a worker, so it answers with a
 * promise): the editor layer does not know which documents are searched. An answer that arrives after
 * the caret has moved on is dropped. When the editor loses its selection (focus went to the
 * panel, say) the last answer stays, so the panel's buttons still know which paragraph they act on.
 */
import type { LexicalEditor } from 'lexical';
import type { Precedent } from '../../../core/compare/finder.ts';
import { $caretParagraph, type CaretParagraph } from './caretParagraph.ts';
import { createPauseDebounce } from '../../pauseSchedule.ts';

export type FinderState =
  | { readonly status: 'idle' }
  /** The caret is in the title, the formula, an annex heading or a footnote. */
  | { readonly status: 'outside' }
  | {
      readonly status: 'ready';
      readonly paragraph: CaretParagraph;
      readonly precedents: readonly Precedent[];
      /** How long `find` took, in milliseconds (the worker's round trip included). */
      readonly ms: number;
    }
  /** The lookup failed (the library could not load): the panel says why. */
  | { readonly status: 'failed'; readonly paragraph: CaretParagraph; readonly error: string };

export interface PrecedentFinderOptions {
  readonly find: (text: string) => readonly Precedent[] | Promise<readonly Precedent[]>;
  readonly onChange: (state: FinderState) => void;
  /** Pause after the last update before looking up; default 150 ms. */
  readonly delayMs?: number;
}

export const FINDER_DELAY_MS = 150;

/** Starts following the caret; returns the teardown. Looks up the paragraph at the caret at once. */
export function registerPrecedentFinder(editor: LexicalEditor, options: PrecedentFinderOptions): () => void {
  const delay = options.delayMs ?? FINDER_DELAY_MS;
  let last: { key: string; text: string } | 'outside' | null = null;
  let sequence = 0;
  let stopped = false;

  const lookUp = (): void => {
    const at = editor.getEditorState().read($caretParagraph, { editor });
    if (at === null) return;
    if (at === 'outside') {
      if (last !== 'outside') options.onChange({ status: 'outside' });
      last = 'outside';
      return;
    }
    if (last !== null && last !== 'outside' && last.key === at.key && last.text === at.text) return;
    last = { key: at.key, text: at.text };
    const asked = ++sequence;
    const start = performance.now();
    if (at.text === '') {
      options.onChange({ status: 'ready', paragraph: at, precedents: [], ms: 0 });
      return;
    }
    Promise.resolve()
      .then(() => options.find(at.text))
      .then(
        (precedents) => {
          if (asked === sequence && !stopped)
            options.onChange({ status: 'ready', paragraph: at, precedents, ms: performance.now() - start });
        },
        (e: unknown) => {
          if (asked !== sequence || stopped) return;
          // Asked again at the next change: a library that failed to load may load then.
          last = null;
          options.onChange({
            status: 'failed',
            paragraph: at,
            error: e instanceof Error ? e.message : String(e),
          });
        },
      );
  };

  // After a pause of typing or of moving the caret: one timer for a burst of keys, not one per key.
  const pause = createPauseDebounce(lookUp, delay);

  lookUp();
  const unregister = editor.registerUpdateListener(() => pause.changed());
  return () => {
    stopped = true;
    unregister();
    pause.cancel();
  };
}
