/**
 * The save status as shown, outside React state: the autosave's news comes several times a second
 * while typing, and only the status line needs to hear it, not the whole workspace.
 *
 * What it shows changes calmly (issue 3, "Speed"; typingPause.ts): the first keystroke after a save
 * shows "Saving…" at once, in that key's own frame (SaveStatus writes it without a React render);
 * the autosave's steps while the person types on
 * (pending, saving, saved, pending again) are held back and the latest is shown when they pause. A
 * failure is shown at once: a full disk or a conflict must never wait. Screen readers, which announce
 * the status politely, hear one change per burst of typing instead of one a second.
 */
import type { AutosaveStatus } from '../storage/autosave.ts';
import { afterTypingPause, TYPING_PAUSE_MS } from './typingPause.ts';

export interface StatusStore {
  /** What the status line shows. */
  get(): AutosaveStatus;
  /** The autosave's news. */
  set(next: AutosaveStatus): void;
  /** The text changed (a keystroke): an "all saved" status gives way to "Saving…" at once. */
  edited(): void;
  /** Another draft opened: its status is shown at once. */
  reset(next: AutosaveStatus): void;
  subscribe(listener: () => void): () => void;
  /** Stops a held-back update (the workspace is going away). */
  dispose(): void;
}

export interface StatusStoreOptions {
  readonly initial?: AutosaveStatus;
  /** How long a pause in typing lets held-back news through. */
  readonly quietMs?: number;
  /** Waits for that pause (the page's typing, by default). */
  readonly afterPause?: (run: () => void, quietMs: number) => () => void;
}

const same = (a: AutosaveStatus, b: AutosaveStatus): boolean =>
  a.state === b.state &&
  (a.state !== 'saved' || (b.state === 'saved' && a.at === b.at)) &&
  (a.state !== 'failed' || (b.state === 'failed' && a.reason === b.reason && a.message === b.message));

export function createStatusStore(options: StatusStoreOptions = {}): StatusStore {
  const quietMs = options.quietMs ?? TYPING_PAUSE_MS;
  const afterPause = options.afterPause ?? afterTypingPause;
  let shown: AutosaveStatus = options.initial ?? { state: 'idle' };
  let latest = shown;
  let cancel: (() => void) | undefined;
  const listeners = new Set<() => void>();

  const show = (next: AutosaveStatus): void => {
    if (same(shown, next)) return;
    shown = next;
    for (const listener of listeners) listener();
  };
  const hold = (): void => {
    cancel?.();
    cancel = afterPause(() => {
      cancel = undefined;
      show(latest);
    }, quietMs);
  };

  return {
    get: () => shown,
    set(next) {
      latest = next;
      if (next.state === 'failed') {
        cancel?.();
        cancel = undefined;
        show(next);
      } else hold();
    },
    reset(next) {
      cancel?.();
      cancel = undefined;
      latest = next;
      show(next);
    },
    edited() {
      if (shown.state === 'idle' || shown.state === 'saved') show({ state: 'pending' });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      cancel?.();
      cancel = undefined;
    },
  };
}
