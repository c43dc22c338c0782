/**
 * Drill 2: the server is killed (SIGKILL, no chance to store) while two delegates type, and started
 * again on the same data: nothing typed is lost, on either client or on the server.
 */
import { NodeWebSocket } from '../../src/collab/nodeSocket.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSharedDocument } from '../../src/collab/headless.ts';
import { shareDocument } from '../../src/collab/share.ts';
import { op, res } from '../helpers/builders.ts';
import {
  connect,
  connectEditor,
  freePort,
  removeDir,
  spawnServer,
  stopServer,
  until,
  type Client,
  type ServerProcess,
} from './harness.ts';
import { operativeText, pause, typeWord } from './typing.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'rd-crash-'));
let server: ServerProcess | null = null;
const clients: Client[] = [];

afterAll(async () => {
  for (const client of clients) client.close();
  if (server) await stopServer(server);
  removeDir(dataDir);
});

describe('the server killed mid-typing', () => {
  it('loses nothing either delegate typed, before, during or after the outage', async () => {
    const port = await freePort();
    const url = `ws://127.0.0.1:${port}`;
    const args = ['--port', String(port), '--data', dataDir];
    server = await spawnServer(args);
    const draft = await shareDocument(
      res({ operative: [op('Decides', 'to remain seized of the matter.')] }),
      {
        server: url,
        app: 'http://127.0.0.1:5173/',
        delegations: [],
        WebSocketPolyfill: NodeWebSocket,
      },
    );
    const retry = { min: 200, max: 1000 };
    const a = await connectEditor(url, draft.document, draft.tokens.facilitator, { retry });
    const b = await connectEditor(url, draft.document, draft.tokens.facilitator, { retry });
    clients.push(a, b);

    const typed: string[] = [];
    let killed = false;
    for (let i = 0; i < 60; i++) {
      typeWord(a.editor, 1, `a${i}`);
      typeWord(b.editor, 1, `b${i}`);
      typed.push(`a${i}`, `b${i}`);
      if (i === 20) {
        // Killed mid-typing: whatever it had not stored yet is gone from the server.
        await stopServer(server, 'SIGKILL');
        killed = true;
      }
      if (i === 40 && killed) server = await spawnServer(args);
      await pause(15);
    }

    const hasAll = (text: string): boolean =>
      typed.every((word) => text.split(' ').includes(word.replace(/\.$/, '')));
    await until(
      () => hasAll(operativeText(a.editor, 1)) && hasAll(operativeText(b.editor, 1)),
      'both clients to have every word',
      20_000,
    );
    await until(
      () => operativeText(a.editor, 1) === operativeText(b.editor, 1),
      'the two clients to converge',
      20_000,
    );
    await Promise.all([a.flushed(20_000), b.flushed(20_000)]);

    // The server holds all of it, and keeps it over a clean restart: read by a client that typed nothing.
    await stopServer(server);
    server = await spawnServer(args);
    const reader = await connect(url, draft.document, draft.tokens.observer);
    try {
      const stored = readSharedDocument(reader.doc);
      const text = stored?.operative[0]?.content.map((i) => ('text' in i ? i.text : '')).join('') ?? '';
      expect(hasAll(text)).toBe(true);
      expect(text).toBe(operativeText(a.editor, 1).replace(/^Decides /, ''));
    } finally {
      reader.close();
    }
  });
});
