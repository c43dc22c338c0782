/**
 * Hostile traffic gets its connection cut off, and the server and everyone else keep working:
 *
 * - a message over `maxMessageBytes` closes the socket (the WebSocket server's own limit, code 1009);
 * - more than `maxConnectionsPerAddress` open sockets from one address, or `maxConnections` in all:
 *   the upgrade is answered 429 / 503 and the socket closed;
 * - more than `maxMessagesPerSecond` messages, or `maxBytesPerSecond` bytes, from one socket over a
 *   second (a token bucket with a burst of twice that): closed with 1008 (policy);
 * - a socket that names more than `maxDocumentsPerSocket` documents, or fails to authenticate
 *   `maxAuthFailures` times, or is not authenticated within `authTimeoutMs`: closed.
 *
 * Malformed updates are refused by permissions.ts, in the message hook, before they reach a document.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';

export interface Limits {
  readonly maxMessageBytes: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerAddress: number;
  readonly maxMessagesPerSecond: number;
  readonly maxBytesPerSecond: number;
  readonly maxDocumentsPerSocket: number;
  readonly maxAuthFailures: number;
  readonly authTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  // A 150-paragraph draft's whole state is about 200 KB; a first sync carries it once.
  maxMessageBytes: 8 * 1024 * 1024,
  maxConnections: 5000,
  maxConnectionsPerAddress: 500,
  maxMessagesPerSecond: 300,
  maxBytesPerSecond: 16 * 1024 * 1024,
  maxDocumentsPerSocket: 16,
  maxAuthFailures: 5,
  authTimeoutMs: 15_000,
};

/** Closes for policy (RFC 6455 section 7.4.1). */
const POLICY = 1008;

interface SocketState {
  authenticated: boolean;
  failures: number;
  readonly documents: Set<string>;
}

export class Guard {
  private readonly perAddress = new Map<string, number>();
  private open = 0;
  private readonly sockets = new WeakMap<IncomingMessage, { ws: WebSocket; state: SocketState }>();
  /** What was cut off, and why: the server's log and the drills read it. */
  readonly refusals: string[] = [];

  constructor(readonly limits: Limits) {}

  /** At the HTTP upgrade: false (and the socket answered and closed) when a limit is reached. */
  admit(request: IncomingMessage, socket: Duplex): boolean {
    const address = request.socket.remoteAddress ?? 'unknown';
    const status =
      this.open >= this.limits.maxConnections
        ? '503 Service Unavailable'
        : (this.perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress
          ? '429 Too Many Requests'
          : null;
    if (status === null) return true;
    this.refusals.push(`connection from ${address} refused: ${status}`);
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
    return false;
  }

  /** Follows a socket the WebSocket server accepted. */
  watch(ws: WebSocket, request: IncomingMessage): void {
    const address = request.socket.remoteAddress ?? 'unknown';
    this.open++;
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    const state: SocketState = { authenticated: false, failures: 0, documents: new Set() };
    this.sockets.set(request, { ws, state });
    const { maxMessagesPerSecond, maxBytesPerSecond } = this.limits;
    let messages = maxMessagesPerSecond * 2;
    let bytes = maxBytesPerSecond * 2;
    let last = Date.now();
    const cut = (why: string): void => {
      this.refusals.push(`${address}: ${why}`);
      ws.close(POLICY, why.slice(0, 120));
      // A peer that does not answer the close is dropped.
      setTimeout(() => ws.terminate(), 1000).unref();
    };
    const authTimer = setTimeout(() => {
      if (!state.authenticated) cut('not authenticated in time');
    }, this.limits.authTimeoutMs);
    authTimer.unref();
    ws.on('message', (data: Buffer) => {
      const now = Date.now();
      const elapsed = (now - last) / 1000;
      last = now;
      messages = Math.min(maxMessagesPerSecond * 2, messages + elapsed * maxMessagesPerSecond) - 1;
      bytes = Math.min(maxBytesPerSecond * 2, bytes + elapsed * maxBytesPerSecond) - data.length;
      if (messages < 0) return cut('too many messages');
      if (bytes < 0) return cut('too much data');
      try {
        const name = decoding.readVarString(decoding.createDecoder(new Uint8Array(data)));
        state.documents.add(name);
        if (state.documents.size > this.limits.maxDocumentsPerSocket)
          cut('too many documents on one connection');
      } catch {
        cut('a message that is not the protocol');
      }
    });
    ws.once('close', () => {
      clearTimeout(authTimer);
      this.open--;
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left <= 0) this.perAddress.delete(address);
      else this.perAddress.set(address, left);
    });
  }

  authenticated(request: IncomingMessage): void {
    const entry = this.sockets.get(request);
    if (entry) entry.state.authenticated = true;
  }

  /** An authentication refused: the socket is closed after `maxAuthFailures`. */
  failed(request: IncomingMessage): void {
    const entry = this.sockets.get(request);
    if (!entry) return;
    entry.state.failures++;
    if (entry.state.failures >= this.limits.maxAuthFailures) {
      this.refusals.push(`${request.socket.remoteAddress ?? 'unknown'}: too many refused tokens`);
      entry.ws.close(POLICY, 'too many refused tokens');
    }
  }

  get connections(): number {
    return this.open;
  }
}
