/**
 * The co-drafting server: Hocuspocus (the standard Yjs server) with this product's rules around it.
 *
 * - Who may open and write what is decided here, never by the client: `onAuthenticate` checks the
 *   token against the document (tokens.ts) and makes an observer's connection read-only; every update
 *   must decode, and a delegation's may touch only its own entries (permissions.ts).
 * - Hostile traffic is cut off per connection (guard.ts).
 * - Drafts are kept by a DraftStore: SQLite in the data folder by default, PostgreSQL to share them
 *   between instances, which relay live updates through Redis.
 * - A small HTTP API beside the WebSocket: `POST /api/drafts` makes a shared draft and its tokens,
 *   `GET /api/health` says the server is up. The draft's text is then written over the protocol by
 *   whoever made it, as the facilitator (src/collab/share.ts).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Redis as IORedis } from 'ioredis';
import { Server, type Extension, type Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { DEFAULT_LIMITS, Guard, type Limits } from './guard.ts';
import { assertDecodes, refuseDelegationUpdate, updateInMessage } from './permissions.ts';
import type { DraftStore } from './persistence/store.ts';
import { signToken, verifyToken } from './tokens.ts';
import type { Role } from '../src/collab/layout.ts';

export interface DraftServerOptions {
  readonly store: DraftStore;
  readonly secret: Uint8Array;
  /** 127.0.0.1 unless told: a server reachable from elsewhere is a choice, not a default. */
  readonly host?: string;
  /** 0 for any free port. */
  readonly port?: number;
  /** Relay updates between instances through this Redis. */
  readonly redis?: { readonly host: string; readonly port: number; readonly prefix?: string };
  readonly limits?: Partial<Limits>;
  /** When set, making a draft needs `Authorization: Bearer <createKey>`. */
  readonly createKey?: string;
  /** How long after a change the draft is stored (ms). */
  readonly storeDelayMs?: number;
  /** Where refusals and errors are told (the console by default). */
  readonly log?: (line: string) => void;
  /** A name for this instance in the log. */
  readonly name?: string;
}

/** A shared draft just made: its id and the token of each role. */
export interface MadeDraft {
  readonly document: string;
  readonly tokens: {
    readonly facilitator: string;
    readonly observer: string;
    readonly delegations: Readonly<Record<string, string>>;
  };
}

export interface DraftServer {
  /** ws://host:port */
  readonly url: string;
  readonly port: number;
  readonly hocuspocus: Hocuspocus;
  readonly guard: Guard;
  makeDraft(delegations: readonly string[]): Promise<MadeDraft>;
  close(): Promise<void>;
}

interface ConnectionContext {
  readonly role: Role;
  readonly delegation?: string;
  /** A delegation's updates let through lately, for the check of the next (permissions.ts). */
  readonly accepted: Uint8Array[];
}

/** How many of a delegation's recent updates a check replays. */
const REPLAYED = 64;

/** Why a list of delegations cannot make a draft, or null. */
export function delegationsProblem(delegations: unknown): string | null {
  if (!Array.isArray(delegations)) return 'delegations must be a list of names';
  if (delegations.length > 250) return 'at most 250 delegations';
  const seen = new Set<string>();
  for (const name of delegations as unknown[]) {
    if (typeof name !== 'string' || name.trim() !== name || name === '')
      return 'each delegation is a name without spaces around it';
    if (name.length > 80) return `"${name.slice(0, 20)}…" is longer than 80 characters`;
    // eslint-disable-next-line no-control-regex
    if (/[/\u0000-\u001f\u007f]/.test(name)) return `"${name}" has a slash or a control character`;
    const key = name.toLocaleLowerCase('en');
    if (seen.has(key)) return `"${name}" is named twice`;
    seen.add(key);
  }
  return null;
}

function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  // Tokens travel in the body, never in cookies: any origin may ask (the app may be served anywhere).
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, JSON_HEADERS);
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startDraftServer(options: DraftServerOptions): Promise<DraftServer> {
  const { store, secret } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const guard = new Guard(limits);
  const label = options.name ? `[${options.name}] ` : '';

  const makeDraft = async (delegations: readonly string[]): Promise<MadeDraft> => {
    const problem = delegationsProblem(delegations);
    if (problem !== null) throw new Error(problem);
    const document = randomBytes(12).toString('base64url');
    await store.register({ id: document, created: new Date().toISOString(), delegations });
    return {
      document,
      tokens: {
        facilitator: signToken(secret, { document, role: 'facilitator' }),
        observer: signToken(secret, { document, role: 'observer' }),
        delegations: Object.fromEntries(
          delegations.map((delegation) => [
            delegation,
            signToken(secret, { document, role: 'delegation', delegation }),
          ]),
        ),
      },
    };
  };

  const extensions: Extension[] = [
    new Database({
      fetch: ({ documentName }) => store.fetch(documentName),
      store: ({ documentName, state }) => store.store(documentName, state),
    }),
  ];
  const redisClients: IORedis[] = [];
  // After Redis comes back, every open draft asks the other instances for what it missed while updates
  // could not be relayed. A few times: another instance's subscription may come back a moment after
  // this one, and what is published before it does is lost; otherwise the drafts would differ until
  // the next change on each side.
  let relay: Redis | undefined;
  let openDocuments = (): ReadonlyMap<string, Y.Doc> => new Map();
  const resyncTimers = new Set<ReturnType<typeof setTimeout>>();
  const resync = (): void => {
    for (const ms of [0, 1000, 3000]) {
      const timer = setTimeout(() => {
        resyncTimers.delete(timer);
        const publisher = relay as unknown as {
          publishFirstSyncStep(name: string, document: Y.Doc): Promise<unknown>;
        };
        for (const [name, document] of openDocuments())
          void publisher.publishFirstSyncStep(name, document).catch(() => undefined);
      }, ms);
      resyncTimers.add(timer);
    }
  };
  if (options.redis) {
    const { host, port } = options.redis;
    let down = false;
    relay = new Redis({
      prefix: options.redis.prefix ?? 'resolution-drafter',
      ...(options.name ? { identifier: options.name } : {}),
      // Our own clients, to tell an outage once rather than at every retry: ioredis reconnects by
      // itself, and the next change on either instance syncs both ways (the extension's onChange).
      createClient: () => {
        const client = new IORedis(port, host, { maxRetriesPerRequest: null });
        let lost = false;
        client.on('error', (error: Error) => {
          if (!down) log(`${label}Redis at ${host}:${port} is unreachable (${error.message}); retrying`);
          down = true;
          lost = true;
        });
        client.on('close', () => {
          lost = true;
        });
        client.on('ready', () => {
          if (down) log(`${label}Redis at ${host}:${port} is back`);
          down = false;
          if (lost) resync();
          lost = false;
        });
        redisClients.push(client);
        return client;
      },
    });
    extensions.push(relay);
  }

  const server = new Server(
    {
      name: options.name ?? 'resolution-drafter',
      address: options.host ?? '127.0.0.1',
      port: options.port ?? 1234,
      quiet: true,
      stopOnSignals: false,
      debounce: options.storeDelayMs ?? 500,
      maxDebounce: 5000,
      extensions,

      async onUpgrade({ request, socket }) {
        if (!guard.admit(request, socket)) throw null;
      },

      async onAuthenticate({ token, documentName, connectionConfig, request }): Promise<ConnectionContext> {
        const grant = verifyToken(secret, token);
        const record = grant && grant.document === documentName ? await store.draft(documentName) : null;
        if (grant === null || record === null) {
          guard.failed(request);
          throw refusal('This link does not open this draft.');
        }
        if (grant.role === 'delegation' && !record.delegations.includes(grant.delegation ?? '')) {
          guard.failed(request);
          throw refusal('This delegation is not part of this draft.');
        }
        connectionConfig.readOnly = grant.role === 'observer';
        guard.authenticated(request);
        return {
          role: grant.role,
          accepted: [],
          ...(grant.delegation ? { delegation: grant.delegation } : {}),
        };
      },

      async beforeHandleMessage({ context, document, update }) {
        const yupdate = updateInMessage(update);
        if (yupdate === null) return;
        try {
          assertDecodes(yupdate);
        } catch {
          log(`${label}refused a malformed update on ${document.name}`);
          throw { code: 4400, reason: 'malformed update' };
        }
        const { role, delegation, accepted } = context as ConnectionContext;
        if (role !== 'delegation') return;
        const why = refuseDelegationUpdate(document, yupdate, delegation ?? '', accepted);
        if (why !== null) {
          log(`${label}refused ${delegation ?? ''}'s update on ${document.name}: ${why}`);
          throw { code: 4403, reason: why.slice(0, 120) };
        }
        accepted.push(yupdate);
        if (accepted.length > REPLAYED) accepted.splice(0, accepted.length - REPLAYED);
      },

      async onRequest({ request, response }) {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith('/api/')) return;
        if (request.method === 'OPTIONS') {
          response.writeHead(204, JSON_HEADERS);
          response.end();
        } else if (url.pathname === '/api/health' && request.method === 'GET') {
          reply(response, 200, { ok: true, drafts: await store.count(), connections: guard.connections });
        } else if (url.pathname === '/api/drafts' && request.method === 'POST') {
          if (options.createKey && request.headers.authorization !== `Bearer ${options.createKey}`) {
            reply(response, 401, { error: 'This server needs its key to make a draft.' });
          } else {
            const body = await readBody(request, 64 * 1024);
            let parsed: unknown = null;
            try {
              parsed = body === null ? null : JSON.parse(body);
            } catch {
              parsed = null;
            }
            const delegations = (parsed as { delegations?: unknown } | null)?.delegations;
            const problem = body === null ? 'the request is too large' : delegationsProblem(delegations);
            if (problem !== null) reply(response, 400, { error: `Cannot make the draft: ${problem}.` });
            else reply(response, 201, await makeDraft(delegations as string[]));
          }
        } else {
          reply(response, 404, { error: `No ${request.method ?? ''} ${url.pathname} here.` });
        }
        throw null;
      },
    },
    { maxPayload: limits.maxMessageBytes },
  );
  openDocuments = () => server.hocuspocus.documents;
  server.webSocketServer.on('connection', (ws, request) => guard.watch(ws, request));
  await server.listen();
  const address = server.httpServer.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `ws://${host}:${address.port}`,
    port: address.port,
    hocuspocus: server.hocuspocus,
    guard,
    makeDraft,
    close: async () => {
      for (const timer of resyncTimers) clearTimeout(timer);
      resyncTimers.clear();
      await server.destroy();
      await store.close();
    },
  };
}
