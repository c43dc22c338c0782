/**
 * A shared draft in the browser: Hocuspocus' provider for the network, y-indexeddb so edits made offline
 * survive a reload and are merged on reconnect, and the adapter Lexical's CollaborationPlugin wants
 * (its `Provider` speaks y-websocket's events: `sync` and `status`).
 *
 * The connection's state for the page: connected, reconnecting (the socket is trying again) or offline
 * (the browser says it has no network). The store of the page reads it (ui/stores/sharedDraftStore.ts).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Provider } from '@lexical/yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { SharedAddress } from './address.ts';
import { stickyCarets } from './caret.ts';
import { SHARED_ROOT } from './layout.ts';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

export interface BrowserSession {
  readonly doc: Y.Doc;
  readonly hocuspocus: HocuspocusProvider;
  /** What the CollaborationPlugin's providerFactory returns. */
  readonly provider: Provider;
  readonly state: () => ConnectionState;
  /** Why the server refused the token, when it did. */
  readonly refusal: () => string | null;
  /** Whether the server has every local change. */
  readonly unsynced: () => boolean;
  /** Whether the draft has arrived (from the server, or from this computer's copy when offline). */
  readonly ready: () => boolean;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

type Listener = (...args: never[]) => void;

export function openBrowserSession(address: SharedAddress, token: string): BrowserSession {
  const doc = new Y.Doc();
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of listeners) listener();
  };
  let state: ConnectionState = navigator.onLine ? 'connecting' : 'offline';
  let refusal: string | null = null;
  let synced = false;
  let restored = false;
  let everConnected = false;
  const set = (next: ConnectionState): void => {
    if (state === 'refused' || state === next) return;
    state = next;
    notify();
  };

  // This computer's copy, so that a draft opened offline shows what was last seen and edits made offline
  // survive a reload. Loaded when Lexical's binding connects, not before: the binding draws only the
  // changes it observes, so text already in the document when it was made would never be drawn.
  let local: IndexeddbPersistence | null = null;
  let writes: DeferredWrites | null = null;
  // Whatever is queued is written when the page goes (a tab closed, a reload).
  const onPageHide = (): void => writes?.flush();
  window.addEventListener('pagehide', onPageHide);
  const openLocalCopy = (): void => {
    if (local !== null) return;
    local = new IndexeddbPersistence(`resolution-drafter-shared:${address.server}/${address.document}`, doc);
    writes = deferWrites(local, doc);
    void local.whenSynced.then(() => {
      restored = true;
      notify();
    });
  };

  const socket = new HocuspocusProviderWebsocket({
    url: address.server,
    // Try again soon and often: a delegate in a meeting room loses the network for seconds, not hours.
    delay: 500,
    minDelay: 500,
    maxDelay: 5000,
  });
  const hocuspocus = new HocuspocusProvider({
    websocketProvider: socket,
    name: address.document,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => {
      refusal = reason === 'permission-denied' ? 'The server refused this link.' : reason;
      state = 'refused';
      notify();
    },
    onStatus: ({ status }) => {
      if (status === 'connected') {
        everConnected = true;
        set('connected');
      } else if (!navigator.onLine) set('offline');
      else set(everConnected ? 'reconnecting' : 'connecting');
    },
    onSynced: () => {
      synced = true;
      notify();
    },
    onUnsyncedChanges: () => notify(),
  });
  const online = (): void => set(socket.status === 'connected' ? 'connected' : 'reconnecting');
  const offline = (): void => set('offline');
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);

  // Lexical's Provider, over Hocuspocus' events.
  const wrapped = new Map<Listener, Listener>();
  const provider: Provider = {
    // Carets tied to what their delegate typed (caret.ts).
    awareness: stickyCarets(hocuspocus.awareness as unknown as Provider['awareness'], doc),
    connect: () => {
      openLocalCopy();
      hocuspocus.attach();
    },
    disconnect: () => undefined,
    on: ((type: string, callback: Listener) => {
      if (type === 'sync') {
        const handler = ({ state: isSynced }: { state: boolean }) =>
          (callback as (s: boolean) => void)(isSynced);
        wrapped.set(callback, handler as Listener);
        hocuspocus.on('synced', handler);
      } else if (type === 'status') {
        wrapped.set(callback, callback);
        hocuspocus.on('status', callback);
      }
    }) as Provider['on'],
    off: ((type: string, callback: Listener) => {
      const handler = wrapped.get(callback);
      if (!handler) return;
      wrapped.delete(callback);
      hocuspocus.off(type === 'sync' ? 'synced' : type, handler);
    }) as Provider['off'],
  };

  return {
    doc,
    hocuspocus,
    provider,
    state: () => state,
    refusal: () => refusal,
    unsynced: () => hocuspocus.hasUnsyncedChanges,
    ready: () => synced || (restored && doc.get(SHARED_ROOT, Y.XmlText).length > 0),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy: () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      hocuspocus.destroy();
      socket.destroy();
      window.removeEventListener('pagehide', onPageHide);
      writes?.stop();
      void local?.destroy();
    },
  };
}

interface DeferredWrites {
  flush(): void;
  stop(): void;
}

/**
 * Each change is written to this computer's copy after the frame that shows it, merged with the others
 * of that moment: y-indexeddb writes each change in the change's own task, which put IndexedDB between
 * every key (and every collaborator's change) and the screen.
 */
function deferWrites(persistence: IndexeddbPersistence, doc: Y.Doc): DeferredWrites {
  doc.off('update', persistence._storeUpdate);
  let queued: Uint8Array[] = [];
  let waiting: number | undefined;
  const flush = (): void => {
    if (waiting !== undefined) {
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(waiting);
      clearTimeout(waiting);
    }
    waiting = undefined;
    if (queued.length === 0) return;
    const update = queued.length === 1 ? queued[0] : Y.mergeUpdates(queued);
    queued = [];
    if (update) persistence._storeUpdate(update, null);
  };
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === persistence) return;
    queued.push(update);
    waiting ??=
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(flush, { timeout: 250 })
        : window.setTimeout(flush, 50);
  };
  doc.on('update', onUpdate);
  return {
    flush,
    stop: () => {
      flush();
      doc.off('update', onUpdate);
    },
  };
}
