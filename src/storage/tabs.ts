/**
 * Two tabs on one draft. Every write to the drafts store is announced on a BroadcastChannel, so a tab
 * whose draft was saved elsewhere learns of it at once and can follow the other tab (load its version)
 * or warn. The channel is a courtesy, not the guarantee: `DraftStore.save` refuses a write whose
 * `expectedSaveCount` is stale, inside the same transaction as the write, so no tab can silently
 * overwrite another even where BroadcastChannel is missing or a message is lost.
 */

export const CHANNEL_NAME = 'resolution-drafter';

/**
 * `saved`: the draft's document was written (a save or a restore) and now has `saveCount`.
 * `changed`: something the drafts list shows changed (created, renamed, duplicated, deleted, restored
 * from the trash, a revision taken); lists refresh.
 */
export type TabMessageBody =
  | { readonly type: 'saved'; readonly draftId: string; readonly saveCount: number }
  | { readonly type: 'changed'; readonly draftId: string };

export type TabMessage = TabMessageBody & { readonly tabId: string };

export interface TabChannel {
  /** This tab's id: messages carry it, and a tab never hears its own. */
  readonly tabId: string;
  post(message: TabMessage): void;
  /** Calls `listener` for every message from another tab; returns the unsubscribe. */
  subscribe(listener: (message: TabMessage) => void): () => void;
  close(): void;
}

/** Messages come from other tabs, possibly of another app version: checked before anyone reads them. */
export function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Readonly<Record<string, unknown>>;
  if (typeof m.draftId !== 'string' || typeof m.tabId !== 'string') return false;
  if (m.type === 'changed') return true;
  return m.type === 'saved' && Number.isSafeInteger(m.saveCount);
}

/** A random id that works outside secure contexts too (crypto.randomUUID does not). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Opens the channel. Where BroadcastChannel does not exist, returns a channel that sends and hears
 * nothing (the save counts still prevent overwrites).
 */
export function createTabChannel(name: string = CHANNEL_NAME, tabId: string = newId()): TabChannel {
  const listeners = new Set<(message: TabMessage) => void>();
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(name);
  if (channel)
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isTabMessage(message) || message.tabId === tabId) return;
      for (const listener of [...listeners]) listener(message);
    };
  return {
    tabId,
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel: the other tabs will learn of the write from the save count instead.
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
    },
  };
}
