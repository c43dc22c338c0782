/**
 * A tampered client: Hocuspocus' protocol written by hand over a plain WebSocket, so a test can send
 * what the real provider never would (an observer's update, garbage, floods).
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';

const SYNC = 0;
const AUTH = 2;
const SYNC_UPDATE = 2;

export interface RawClient {
  readonly ws: WebSocket;
  /** Messages received, decoded as far as their type. */
  readonly received: { readonly type: number; readonly bytes: Uint8Array }[];
  /** Resolves with the close code. */
  readonly closed: Promise<number>;
  send(bytes: Uint8Array): void;
}

export function rawClient(url: string): Promise<RawClient> {
  const ws = new WebSocket(url);
  const received: RawClient['received'] = [];
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarString(decoder);
    received.push({ type: decoding.readVarUint(decoder), bytes });
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received, closed, send: (bytes) => ws.send(bytes) }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: HTTP ${res.statusCode ?? 0}`)));
    ws.once('error', reject);
  });
}

export function authMessage(document: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, document);
  encoding.writeVarUint(encoder, AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(document: string, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, document);
  encoding.writeVarUint(encoder, SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
