/**
 * Opening a shared draft over Hocuspocus' protocol, for the command line, the tests and the
 * benchmark (the app's editor connects through the CollaborationPlugin, with the same provider).
 * Resolves once the draft has arrived; rejects with the server's reason when the token is refused, or
 * when the server does not answer in time.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { SharedAddress } from './address.ts';

export interface OpenedDraft {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves when the server has acknowledged every local change. */
  flushed(timeoutMs?: number): Promise<void>;
  close(): void;
}

export interface OpenOptions {
  readonly token: string;
  readonly doc?: Y.Doc;
  /** Node has no WebSocket of its own before version 22: the `ws` package's. */
  readonly WebSocketPolyfill?: unknown;
  readonly timeoutMs?: number;
  /** Reconnect after a lost connection (true), or give up (false: the command line). */
  readonly reconnect?: boolean;
  /** Bounds of the wait between reconnection attempts (ms); the provider doubles it from `min`. */
  readonly retry?: { readonly min: number; readonly max: number };
}

export function openSharedDraft(address: SharedAddress, options: OpenOptions): Promise<OpenedDraft> {
  const doc = options.doc ?? new Y.Doc();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const socket = new HocuspocusProviderWebsocket({
    url: address.server,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    ...(options.reconnect === false ? { maxAttempts: 1 } : {}),
    ...(options.retry
      ? { delay: options.retry.min, minDelay: options.retry.min, maxDelay: options.retry.max }
      : {}),
  });
  return new Promise<OpenedDraft>((resolve, reject) => {
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      provider.destroy();
      socket.destroy();
      reject(new Error(message));
    };
    const timer = setTimeout(
      () =>
        fail(
          `The server at ${address.server} did not give the draft within ${Math.round(timeoutMs / 1000)} s.`,
        ),
      timeoutMs,
    );
    // The command line does not wait for a server that is not there.
    if (options.reconnect === false)
      socket.on('close', () =>
        fail(`No server answers at ${address.server}: is it running (npm run server)?`),
      );
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: address.document,
      document: doc,
      token: options.token,
      onAuthenticationFailed: ({ reason }) =>
        fail(reason === 'permission-denied' ? 'The server refused this token.' : reason),
      onSynced: () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({
          doc,
          provider,
          flushed: (ms = 15_000) =>
            new Promise<void>((done, failed) => {
              if (!provider.hasUnsyncedChanges) return done();
              const wait = setTimeout(() => {
                provider.off('unsyncedChanges', check);
                failed(new Error(`The server did not take every change within ${Math.round(ms / 1000)} s.`));
              }, ms);
              const check = (): void => {
                if (provider.hasUnsyncedChanges) return;
                clearTimeout(wait);
                provider.off('unsyncedChanges', check);
                done();
              };
              provider.on('unsyncedChanges', check);
            }),
          close: () => {
            provider.destroy();
            socket.destroy();
          },
        });
      },
    });
    provider.attach();
  });
}
