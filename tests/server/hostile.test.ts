/**
 * Drill 6: hostile traffic gets its connection cut off, while the server and the other clients keep
 * working. The limits are small here so the drill is quick; the defaults are in server/guard.ts.
 */
import { NodeWebSocket } from '../../src/collab/nodeSocket.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { OpenedDraft } from '../../src/collab/connection.ts';
import { SHARED_PROPOSALS } from '../../src/collab/layout.ts';
import { shareDocument, type SharedDraft } from '../../src/collab/share.ts';
import { op, res } from '../helpers/builders.ts';
import { authMessage, rawClient, updateMessage, type RawClient } from './raw.ts';
import { connect, removeDir, startTestServer, until, type TestServer } from './harness.ts';

let server: TestServer;
let draft: SharedDraft;
let facilitator: OpenedDraft;
let mexico: OpenedDraft;

const LIMITS = {
  maxMessageBytes: 256 * 1024,
  maxConnectionsPerAddress: 40,
  maxMessagesPerSecond: 100,
  authTimeoutMs: 1500,
};

beforeAll(async () => {
  server = await startTestServer({ limits: LIMITS });
  draft = await shareDocument(res({ operative: [op('Decides', 'to remain seized of the matter.')] }), {
    server: server.url,
    app: 'http://127.0.0.1:5173/',
    delegations: ['Mexico'],
    WebSocketPolyfill: NodeWebSocket,
  });
  facilitator = await connect(server.url, draft.document, draft.tokens.facilitator);
  mexico = await connect(server.url, draft.document, draft.tokens.delegations.Mexico ?? '');
});

afterAll(async () => {
  facilitator.close();
  mexico.close();
  await server.close();
  removeDir(server.dataDir);
});

/** The others still work: a change by Mexico reaches the facilitator through the server. */
async function othersStillWork(key: string): Promise<void> {
  mexico.doc.getMap(SHARED_PROPOSALS).set(`Mexico/${key}`, { text: key });
  await until(
    () => facilitator.doc.getMap(SHARED_PROPOSALS).has(`Mexico/${key}`),
    `Mexico's ${key} at the facilitator`,
  );
}

async function authenticated(document: string, token: string): Promise<RawClient> {
  const raw = await rawClient(server.url);
  raw.send(authMessage(document, token));
  await until(() => raw.received.length > 0, 'the authentication answer');
  return raw;
}

describe('hostile traffic', () => {
  it('cuts off a client that sends a message over the size limit', async () => {
    const raw = await authenticated(draft.document, draft.tokens.observer);
    raw.send(updateMessage(draft.document, new Uint8Array(LIMITS.maxMessageBytes + 1024)));
    expect(await raw.closed).toBe(1009);
    await othersStillWork('after-oversized');
  });

  it('cuts off a client whose update is not a Yjs update, and applies nothing of it', async () => {
    const raw = await authenticated(draft.document, draft.tokens.facilitator);
    const before = facilitator.doc.getMap(SHARED_PROPOSALS).size;
    raw.send(
      updateMessage(draft.document, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02, 0x03, 0x04])),
    );
    await until(() => server.log.some((l) => l.includes('malformed update')), 'the refusal');
    // Hocuspocus closes the document's connection and tells the client with a close message (type 7).
    await until(() => raw.received.some((m) => m.type === 7), 'the close message');
    raw.ws.close();
    await othersStillWork('after-malformed');
    expect(facilitator.doc.getMap(SHARED_PROPOSALS).size).toBe(before + 1);
  });

  it('cuts off a client that floods messages', async () => {
    const raw = await authenticated(draft.document, draft.tokens.observer);
    const awareness = updateMessage(draft.document, new Uint8Array([0, 0]));
    for (let i = 0; i < 1000 && raw.ws.readyState === WebSocket.OPEN; i++) raw.send(awareness);
    expect(await raw.closed).toBe(1008);
    expect(server.guard.refusals.some((r) => r.includes('too many messages'))).toBe(true);
    await othersStillWork('after-message-flood');
  });

  it('refuses a flood of connections past the limit, and serves everyone once it ends', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: LIMITS.maxConnectionsPerAddress + 20 }, () => rawClient(server.url)),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    const open = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(refused.length).toBeGreaterThanOrEqual(20);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toContain('HTTP 429');
    // The flood's sockets never authenticate: they are closed in time.
    const codes = await Promise.all(open.map((r) => r.closed));
    expect(new Set(codes)).toEqual(new Set([1008]));
    await othersStillWork('after-connection-flood');
    const late = await connect(server.url, draft.document, draft.tokens.observer);
    expect(late.doc.getMap(SHARED_PROPOSALS).has('Mexico/after-connection-flood')).toBe(true);
    late.close();
  });

  it('closes a connection that keeps offering refused tokens', async () => {
    const raw = await rawClient(server.url);
    // One draft name after another, as a client guessing links would.
    const started = Date.now();
    for (let i = 0; i < 6; i++) raw.send(authMessage(`${draft.document}${i}`, `rd1.forged${i}.x`));
    expect(await raw.closed).toBe(1008);
    expect(Date.now() - started).toBeLessThan(LIMITS.authTimeoutMs);
    expect(server.guard.refusals.some((r) => r.includes('too many refused tokens'))).toBe(true);
    await othersStillWork('after-token-guessing');
  });
});
