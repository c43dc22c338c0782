/**
 * Drill 3: two server instances relaying through Redis, with their drafts in one PostgreSQL, one
 * client on each: they converge; Redis is restarted; they converge again. Real redis-server and
 * PostgreSQL from Debian, started here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSharedDocument } from '../../src/collab/headless.ts';
import { NodeWebSocket } from '../../src/collab/nodeSocket.ts';
import { shareDocument, type SharedDraft } from '../../src/collab/share.ts';
import { openPostgresStore } from '../../server/persistence/postgres.ts';
import { startDraftServer, type DraftServer } from '../../server/server.ts';
import { op, res } from '../helpers/builders.ts';
import { connectEditor, until, type Client } from './harness.ts';
import { startPostgres, startRedis, stopPostgres, type PostgresService, type Service } from './services.ts';
import { operativeText, pause, typeWord } from './typing.ts';

let redis: Service;
let postgres: PostgresService;
const servers: DraftServer[] = [];
const clients: Client[] = [];
const secret = Buffer.from('a test secret that is long enough for hmac signing', 'utf8');

async function instance(name: string): Promise<DraftServer> {
  const server = await startDraftServer({
    name,
    port: 0,
    secret,
    store: await openPostgresStore(postgres.connectionString),
    redis: { host: '127.0.0.1', port: redis.port },
    storeDelayMs: 100,
    log: () => undefined,
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const server of servers) await server.close();
  await redis.stop();
  await stopPostgres(postgres);
});

describe('two instances with Redis', () => {
  let draft: SharedDraft;
  let a: Client;
  let b: Client;

  const typeOnBoth = async (prefix: string, words: number): Promise<string[]> => {
    const typed: string[] = [];
    for (let i = 0; i < words; i++) {
      typeWord(a.editor, 1, `${prefix}a${i}`);
      typeWord(b.editor, 1, `${prefix}b${i}`);
      typed.push(`${prefix}a${i}`, `${prefix}b${i}`);
      await pause(10);
    }
    return typed;
  };
  const converged = async (typed: readonly string[]): Promise<void> => {
    const hasAll = (text: string): boolean => typed.every((w) => text.split(' ').includes(w));
    await until(
      () => hasAll(operativeText(a.editor, 1)) && operativeText(a.editor, 1) === operativeText(b.editor, 1),
      'the two clients to converge',
      20_000,
    );
  };

  it('converges with one client on each instance, and the draft is opened through either', async () => {
    const one = await instance('one');
    const two = await instance('two');
    draft = await shareDocument(res({ operative: [op('Decides', 'to remain seized of the matter.')] }), {
      server: one.url,
      app: 'http://127.0.0.1:5173/',
      delegations: ['Mexico'],
      WebSocketPolyfill: NodeWebSocket,
    });
    const retry = { min: 200, max: 1000 };
    a = await connectEditor(one.url, draft.document, draft.tokens.facilitator, { retry });
    // Made through instance one, opened through instance two: the register and the text are shared.
    b = await connectEditor(two.url, draft.document, draft.tokens.facilitator, { retry });
    clients.push(a, b);
    expect(operativeText(b.editor, 1)).toBe('Decides to remain seized of the matter.');
    await converged(await typeOnBoth('x', 30));
  });

  it('converges again after Redis is restarted, with what was typed while it was down', async () => {
    const before = await typeOnBoth('y', 10);
    await redis.stop('SIGKILL');
    const during = await typeOnBoth('z', 10);
    await redis.restart();
    // Nothing typed since: once Redis is back, each instance asks the others for what it missed.
    await converged([...before, ...during]);
    const after = await typeOnBoth('w', 10);
    await converged([...before, ...during, ...after]);
  });

  it('keeps the merged draft in PostgreSQL', async () => {
    await Promise.all([a.flushed(), b.flushed()]);
    const expected = operativeText(a.editor, 1);
    const store = await openPostgresStore(postgres.connectionString);
    try {
      let stored = '';
      for (let i = 0; i < 50 && stored !== expected; i++) {
        const state = await store.fetch(draft.document);
        const doc = new Y.Doc();
        if (state) Y.applyUpdate(doc, state);
        const first = readSharedDocument(doc)?.operative[0];
        stored = first
          ? `${first.opener} ${first.content.map((i) => ('text' in i ? i.text : '')).join('')}`
          : '';
        if (stored !== expected) await pause(100);
      }
      expect(stored).toBe(expected);
      expect(await store.draft(draft.document)).toMatchObject({ delegations: ['Mexico'] });
    } finally {
      await store.close();
    }
  });
});
