/**
 * The autosave's status outside React state: it changes several times a second while typing, and
 * only the status line needs to hear it, not the whole workspace (a re-render of the workspace per
 * save would cost frames while typing: issue 3, "Speed").
 */
import type { AutosaveStatus } from '../storage/autosave.ts';

export interface StatusStore {
  get(): AutosaveStatus;
  set(next: AutosaveStatus): void;
  subscribe(listener: () => void): () => void;
}

export function createStatusStore(initial: AutosaveStatus = { state: 'idle' }): StatusStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      current = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
