import { useSyncExternalStore } from 'react';
import type { StatusStore } from './statusStore.ts';

/** "Saved at 10:42", "Saving…", or why the last save failed; announced politely to screen readers. */
export function SaveStatus({ store }: { readonly store: StatusStore }) {
  const status = useSyncExternalStore(store.subscribe, store.get);
  let text: string;
  switch (status.state) {
    case 'idle':
      text = 'All changes saved';
      break;
    case 'pending':
    case 'saving':
      text = 'Saving…';
      break;
    case 'saved':
      text = `Saved at ${new Date(status.at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
      break;
    case 'failed':
      text =
        status.reason === 'conflict' ? 'Not saved: changed in another tab' : `Not saved: ${status.message}`;
      break;
  }
  return (
    <span
      className={`save-status save-status--${status.state}`}
      role="status"
      aria-live="polite"
      data-state={status.state}
    >
      {text}
    </span>
  );
}
