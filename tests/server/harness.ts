/**
 * Real servers for the co-drafting tests: the server in this process on a free port with SQLite in a
 * fresh folder, or as its own process (`npm run server`'s entry) when a test kills it; and clients
 * that connect over the real protocol (Hocuspocus' provider over `ws`), with or without a headless
 * editor bound to the shared text.
 */
import { NodeWebSocket } from '../../src/collab/nodeSocket.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import type { LexicalEditor } from 'lexical';
import { openSharedDraft, type OpenedDraft, type OpenOptions } from '../../src/collab/connection.ts';
import { createSharedEditor } from '../../src/collab/headless.ts';
import { registerStructureTransforms } from '../../src/editor/transforms/structure.ts';
import { openSqliteStore } from '../../server/persistence/sqlite.ts';
import { loadSecret } from '../../server/secret.ts';
import { startDraftServer, type DraftServer, type DraftServerOptions } from '../../server/server.ts';

export interface TestServer extends DraftServer {
  readonly dataDir: string;
  readonly log: string[];
}

export async function startTestServer(
  options: Partial<Omit<DraftServerOptions, 'store' | 'secret'>> & { dataDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'rd-server-'));
  const log: string[] = [];
  const server = await startDraftServer({
    port: 0,
    storeDelayMs: 50,
    ...options,
    store: openSqliteStore(dataDir),
    secret: loadSecret(dataDir, {}),
    log: (line) => log.push(line),
  });
  return { ...server, dataDir, log };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Client extends OpenedDraft {
  /** The headless editor bound to the shared text, as a browser's page is. */
  readonly editor: LexicalEditor;
}

/** A client with an editor on the shared text: the structure transforms start once the text is in. */
export async function connectEditor(
  url: string,
  document: string,
  token: string,
  options: Pick<OpenOptions, 'retry'> = {},
): Promise<Client> {
  const doc = new Y.Doc();
  const shared = createSharedEditor(doc);
  const opened = await openSharedDraft(
    { server: url, document },
    { token, doc, WebSocketPolyfill: NodeWebSocket, ...options },
  );
  registerStructureTransforms(shared.editor);
  shared.editor.update(() => undefined, { discrete: true });
  return {
    ...opened,
    editor: shared.editor,
    close: () => {
      shared.dispose();
      opened.close();
    },
  };
}

export function connect(url: string, document: string, token: string): Promise<OpenedDraft> {
  return openSharedDraft({ server: url, document }, { token, WebSocketPolyfill: NodeWebSocket });
}

/** Resolves when `predicate` holds, polling; rejects with `what` after `ms`. */
export async function until(predicate: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const RUN_TS = fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly output: string[];
}

/** `npm run server`'s entry as its own process; resolves once it says where it listens. */
export function spawnServer(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [RUN_TS, MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output.join('')}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output.push(chunk.toString());
      if (output.join('').includes('Resolution Drafter server: ')) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${output.join('')}`));
    });
  });
}

/** Stops a spawned server: SIGKILL for the crash drills, SIGTERM otherwise; resolves when it is gone. */
export function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}

/** A free port, for a server that must come back on the same one. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
