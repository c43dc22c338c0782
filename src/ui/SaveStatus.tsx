import { useLayoutEffect, useRef } from 'react';
import type { AutosaveStatus } from '../storage/autosave.ts';
import type { StatusStore } from './statusStore.ts';
import { clockTime } from './clock.ts';

function describe(status: AutosaveStatus): string {
  switch (status.state) {
    case 'idle':
      return 'All changes saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${clockTime(new Date(status.at), true)}`;
    case 'failed':
      return status.reason === 'conflict'
        ? 'Not saved: changed in another tab'
        : `Not saved: ${status.message}`;
  }
}

/**
 * "Saved at 10:42", "Saving…", or why the last save failed; announced politely to screen readers.
 *
 * The line is written straight from the store, not re-rendered by React: it changes at the first
 * keystroke of a burst, in that key's frame, and a React render there cost the key milliseconds
 * (issue 3, "Speed"). Three writes to one element cost nothing.
 */
export function SaveStatus({ store }: { readonly store: StatusStore }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const draw = (): void => {
      const status = store.get();
      const text = describe(status);
      if (element.textContent !== text) {
        element.textContent = text;
        // The bar shows one line of it: the whole of a long message on hover.
        element.title = text;
      }
      const className = `save-status save-status--${status.state}`;
      if (element.className !== className) element.className = className;
      if (element.dataset.state !== status.state) element.dataset.state = status.state;
    };
    draw();
    return store.subscribe(draw);
  }, [store]);
  return <span ref={ref} role="status" aria-live="polite" />;
}
