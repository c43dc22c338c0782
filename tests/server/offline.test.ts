/**
 * Drill 4: a delegate's laptop loses the network for a minute while the others edit. Its connection is
 * not closed, only silent (a dead network, not a stopped server), so the provider must notice by
 * itself; both sides type throughout. On reconnect both merge, and nothing typed on either side is lost.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NodeWebSocket } from '../../src/collab/nodeSocket.ts';
import { shareDocument } from '../../src/collab/share.ts';
import { op, res } from '../helpers/builders.ts';
import { connectEditor, removeDir, startTestServer, until, type Client, type TestServer } from './harness.ts';
import { startProxy, type Proxy } from './proxy.ts';
import { operativeText, pause, typeWord } from './typing.ts';

const MINUTE = 60_000;
let server: TestServer;
let proxy: Proxy;
const clients: Client[] = [];

afterAll(async () => {
  for (const client of clients) client.close();
  await proxy.close();
  await server.close();
  removeDir(server.dataDir);
});

describe('a client offline for a minute', () => {
  it('merges on reconnect, and nothing typed on either side is lost', { timeout: 3 * MINUTE }, async () => {
    server = await startTestServer();
    proxy = await startProxy(server.port);
    const draft = await shareDocument(
      res({ operative: [op('Decides', 'to remain seized of the matter.'), op('Requests', 'a report.')] }),
      {
        server: server.url,
        app: 'http://127.0.0.1:5173/',
        delegations: [],
        WebSocketPolyfill: NodeWebSocket,
      },
    );
    const retry = { min: 500, max: 2000 };
    const travelling = await connectEditor(proxy.url, draft.document, draft.tokens.facilitator, { retry });
    const room = await connectEditor(server.url, draft.document, draft.tokens.facilitator, { retry });
    clients.push(travelling, room);

    const typed: string[] = [];
    const both = (i: number, prefix: string): void => {
      typeWord(travelling.editor, 1, `${prefix}t${i}`);
      typeWord(room.editor, 2, `${prefix}r${i}`);
      typed.push(`${prefix}t${i}`, `${prefix}r${i}`);
    };
    for (let i = 0; i < 5; i++) both(i, 'before');
    await until(
      () => operativeText(travelling.editor, 2).includes('beforer4'),
      'the room’s words before the outage',
    );

    proxy.blackhole();
    const offlineUntil = Date.now() + MINUTE;
    for (let i = 0; Date.now() < offlineUntil; i++) {
      both(i, 'during');
      await pause(2000);
    }
    // A minute without a word from the room: the travelling client has nothing of what it typed since.
    expect(operativeText(travelling.editor, 2)).not.toContain('duringr');
    expect(operativeText(room.editor, 1)).not.toContain('duringt');
    proxy.restore();
    for (let i = 0; i < 3; i++) both(i, 'after');

    const hasAll = (editor: Client['editor']): boolean => {
      const words = `${operativeText(editor, 1)} ${operativeText(editor, 2)}`.split(' ');
      return typed.every((w) => words.includes(w));
    };
    await until(
      () => hasAll(travelling.editor) && hasAll(room.editor),
      'both sides to have every word',
      45_000,
    );
    expect(operativeText(travelling.editor, 1)).toBe(operativeText(room.editor, 1));
    expect(operativeText(travelling.editor, 2)).toBe(operativeText(room.editor, 2));
    expect(typed.filter((w) => w.startsWith('during')).length).toBeGreaterThanOrEqual(58);
  });
});
