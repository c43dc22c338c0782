import { NodeWebSocket } from '../../src/collab/nodeSocket.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $getRoot, $isTextNode } from 'lexical';
import { createSharedEditor, readSharedDocument } from '../../src/collab/headless.ts';
import { SHARED_DECISIONS, SHARED_PROPOSALS, SHARED_STANCES } from '../../src/collab/layout.ts';
import { shareDocument, type SharedDraft } from '../../src/collab/share.ts';
import type { OpenedDraft } from '../../src/collab/connection.ts';
import { $createTextNode } from 'lexical';
import { $isOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { gaDocument } from '../helpers/ga.ts';
import { openSqliteStore } from '../../server/persistence/sqlite.ts';
import { authMessage, rawClient, updateMessage } from './raw.ts';
import { connect, connectEditor, removeDir, startTestServer, until, type TestServer } from './harness.ts';

let server: TestServer;
let draft: SharedDraft;
let other: SharedDraft;
let watcher: OpenedDraft;
const A_RES_79_16 = gaDocument('A_RES_79_16');

beforeAll(async () => {
  server = await startTestServer();
  const options = { server: server.url, app: 'http://127.0.0.1:5173/', WebSocketPolyfill: NodeWebSocket };
  draft = await shareDocument(A_RES_79_16, { ...options, delegations: ['Mexico', 'Norway'] });
  other = await shareDocument(A_RES_79_16, { ...options, delegations: ['Mexico'] });
  // The secretariat follows read-only throughout: the draft stays open on the server.
  watcher = await connect(server.url, draft.document, draft.tokens.observer);
});

afterAll(async () => {
  watcher.close();
  await server.close();
  removeDir(server.dataDir);
});

/** The text of the shared draft as the server holds it now. */
function serverText(document: string): string {
  const doc = server.hocuspocus.documents.get(document);
  if (!doc) throw new Error(`${document} is not open on the server`);
  return (
    readSharedDocument(doc)
      ?.operative.map((p) => p.content.map((i) => ('text' in i ? i.text : '')).join(''))
      .join('\n') ?? ''
  );
}

/** The text of the shared draft as stored in SQLite (a second connection to the same file). */
async function storedDocument(document: string) {
  const store = openSqliteStore(server.dataDir);
  try {
    const state = await store.fetch(document);
    if (!state) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return readSharedDocument(doc);
  } finally {
    await store.close();
  }
}

describe('share: a shared draft made from a document', () => {
  it('gives a link with the facilitator token, and tokens per role and delegation', () => {
    expect(draft.document).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(Object.keys(draft.tokens.delegations)).toEqual(['Mexico', 'Norway']);
    expect(
      new Set([draft.tokens.facilitator, draft.tokens.observer, ...Object.values(draft.tokens.delegations)])
        .size,
    ).toBe(4);
    expect(draft.url).toBe(
      `http://127.0.0.1:5173/#shared=${draft.document}&server=${encodeURIComponent(server.url)}&token=${draft.tokens.facilitator}`,
    );
  });

  it('holds the document for every role to read, as written, and stores it', async () => {
    const observer = await connect(server.url, draft.document, draft.tokens.observer);
    try {
      const read = readSharedDocument(observer.doc);
      expect(read?.operative.length).toBe(A_RES_79_16.operative.length);
      expect(read?.title).toBe(A_RES_79_16.title);
      expect(read?.number).toBe('79/16');
    } finally {
      observer.close();
    }
    await until(() => server.log.length === 0, 'no refusal');
    const stored = await storedDocument(draft.document);
    expect(stored?.operative.length).toBe(A_RES_79_16.operative.length);
  });
});

describe('who may do what, enforced by the server', () => {
  it('refuses a token on another draft, a forged token and a token of an unknown delegation', async () => {
    await expect(connect(server.url, other.document, draft.tokens.delegations.Mexico ?? '')).rejects.toThrow(
      'This link does not open this draft.',
    );
    const forged = `${draft.tokens.observer.slice(0, -4)}AAAA`;
    await expect(connect(server.url, draft.document, forged)).rejects.toThrow(
      'This link does not open this draft.',
    );
    await expect(connect(server.url, draft.document, 'not a token')).rejects.toThrow(
      'This link does not open this draft.',
    );
  });

  it('lets a delegation write its own proposal and stance, and refuses its edit of the text', async () => {
    const before = serverText(draft.document);
    const mexico = await connectEditor(server.url, draft.document, draft.tokens.delegations.Mexico ?? '');
    try {
      mexico.doc.getMap(SHARED_PROPOSALS).set('Mexico/p1', { kind: 'replace', text: 'most effective' });
      mexico.doc.getMap(SHARED_STANCES).set('Mexico/p0', 'support');
      await mexico.flushed().catch((e: unknown) => {
        throw new Error(`${String(e)}\n${server.log.join('\n')}`);
      });
      await until(
        () =>
          server.hocuspocus.documents.get(draft.document)?.getMap(SHARED_PROPOSALS).has('Mexico/p1') === true,
        'the proposal on the server',
      );
      // Typing into the text directly: refused, and the connection cut.
      mexico.editor.update(
        () => {
          const first = $getRoot().getChildren().find($isOperativeParagraphNode);
          first?.append($createTextNode(' EDITED BY MEXICO'));
        },
        { discrete: true },
      );
      await until(
        () => mexico.provider.isAuthenticated === false || server.log.some((l) => l.includes('Mexico')),
        'the refusal',
      );
      expect(server.log.join('\n')).toContain("refused Mexico's update");
      expect(serverText(draft.document)).toBe(before);
    } finally {
      mexico.close();
    }
  });

  it('refuses a delegation accepting a proposal, or writing in another delegation’s name', async () => {
    for (const write of [
      (doc: Y.Doc) => doc.getMap(SHARED_DECISIONS).set('Mexico/p1', { state: 'accepted' }),
      (doc: Y.Doc) => doc.getMap(SHARED_PROPOSALS).set('Norway/p9', { kind: 'insert', text: 'forged' }),
    ]) {
      const mexico = await connect(server.url, draft.document, draft.tokens.delegations.Mexico ?? '');
      const refusals = server.log.length;
      try {
        write(mexico.doc);
        await until(() => server.log.length > refusals, 'the refusal');
      } finally {
        mexico.close();
      }
    }
    const held = server.hocuspocus.documents.get(draft.document);
    expect(held?.getMap(SHARED_DECISIONS).size ?? 0).toBe(0);
    expect(held?.getMap(SHARED_PROPOSALS).has('Norway/p9')).toBe(false);
  });

  it('refuses an observer’s raw update sent over the protocol, and stores nothing of it', async () => {
    const before = serverText(draft.document);
    const storedBefore = await storedDocument(draft.document);
    // The update a tampered client makes, offline: the shared text, as the observer received it, with a
    // paragraph's words changed in an editor bound to a copy.
    const copy = new Y.Doc();
    const shared = createSharedEditor(copy);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(watcher.doc));
    const stateVector = Y.encodeStateVector(copy);
    shared.editor.update(
      () => {
        const first = $getRoot().getChildren().find($isOperativeParagraphNode);
        const text = first?.getChildren().find($isTextNode);
        text?.setTextContent('TAMPERED');
      },
      { discrete: true },
    );
    const update = Y.encodeStateAsUpdate(copy, stateVector);
    shared.dispose();
    expect(update.length).toBeGreaterThan(10);

    const raw = await rawClient(server.url);
    raw.send(authMessage(draft.document, draft.tokens.observer));
    await until(() => raw.received.length > 0, 'the authentication answer');
    raw.send(updateMessage(draft.document, update));
    // The server answers a read-only connection's update with a sync status of false.
    await until(() => raw.received.some((m) => m.type === 8), 'the sync status');
    raw.ws.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(serverText(draft.document)).toBe(before);
    expect(serverText(draft.document)).not.toContain('TAMPERED');
    expect(await storedDocument(draft.document)).toEqual(storedBefore);
  });
});
