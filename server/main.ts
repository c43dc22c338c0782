/**
 * `npm run server -- [--port 1234] [--data <dir>] [--host 127.0.0.1]`: the co-drafting server on this
 * machine, with SQLite in `<dir>` (./shared-drafts unless told). One command, no other service.
 *
 * The scaled setup (README, "Co-drafting on several servers"): the same command on each instance with
 * `--redis redis://host:6379` to relay updates between them and `--postgres <connection string>` for
 * one store they share; the secret in RESOLUTION_DRAFTER_SECRET, the same on each.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSecret } from './secret.ts';
import { startDraftServer, type DraftServer } from './server.ts';
import { openPostgresStore } from './persistence/postgres.ts';
import { openSqliteStore } from './persistence/sqlite.ts';

export const SERVER_USAGE = `usage: npm run server -- [--port 1234] [--data <dir>] [--host 127.0.0.1]
                         [--redis redis://host:port] [--postgres postgres://user@host/db]

  --port      the port to listen on (1234)
  --data      the folder for the drafts (SQLite) and the secret that signs links (./shared-drafts)
  --host      the address to listen on (127.0.0.1: this machine only)
  --redis     relay live updates through this Redis, to run several instances
  --postgres  keep the drafts in this PostgreSQL database instead of SQLite

environment:
  RESOLUTION_DRAFTER_SECRET      the key links are signed with (at least 32 characters); every
                                 instance of one deployment needs the same. Without it, the data
                                 folder keeps one.
  RESOLUTION_DRAFTER_CREATE_KEY  when set, making a draft needs it (Authorization: Bearer <key>)`;

interface ServerArgs {
  readonly port: number;
  readonly data: string;
  readonly host: string;
  readonly redis?: string;
  readonly postgres?: string;
}

export function parseServerArgs(argv: readonly string[]): ServerArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    if (flag === '--help' || flag === '-h') throw new Error(SERVER_USAGE);
    if (!['--port', '--data', '--host', '--redis', '--postgres'].includes(flag))
      throw new Error(`Unknown option "${flag}".\n\n${SERVER_USAGE}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--'))
      throw new Error(`${flag} needs a value.\n\n${SERVER_USAGE}`);
    values.set(flag, value);
  }
  const port = Number(values.get('--port') ?? '1234');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number (0 to 65535), not "${values.get('--port')}".`);
  for (const [flag, scheme] of [
    ['--redis', 'redis:'],
    ['--postgres', 'postgres'],
  ] as const) {
    const value = values.get(flag);
    if (value !== undefined && !value.startsWith(scheme))
      throw new Error(`${flag} must be a ${scheme.replace(':', '')}:// address, not "${value}".`);
  }
  return {
    port,
    data: resolve(values.get('--data') ?? 'shared-drafts'),
    host: values.get('--host') ?? '127.0.0.1',
    ...(values.has('--redis') ? { redis: values.get('--redis') } : {}),
    ...(values.has('--postgres') ? { postgres: values.get('--postgres') } : {}),
  };
}

export async function startFromArgs(args: ServerArgs): Promise<DraftServer> {
  mkdirSync(args.data, { recursive: true });
  const secret = loadSecret(args.data);
  const store = args.postgres ? await openPostgresStore(args.postgres) : openSqliteStore(args.data);
  const redis = args.redis ? new URL(args.redis) : null;
  const createKey = process.env.RESOLUTION_DRAFTER_CREATE_KEY;
  return startDraftServer({
    store,
    secret,
    host: args.host,
    port: args.port,
    ...(redis ? { redis: { host: redis.hostname, port: Number(redis.port || '6379') } } : {}),
    ...(createKey ? { createKey } : {}),
    name: `${args.host}:${args.port}`,
  });
}

async function main(): Promise<void> {
  let args: ServerArgs;
  try {
    args = parseServerArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let server: DraftServer;
  try {
    server = await startFromArgs(args);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(
      e.code === 'EADDRINUSE'
        ? `Port ${args.port} is taken: stop what uses it, or give another with --port.`
        : `The server could not start: ${e.message}`,
    );
    process.exit(1);
  }
  const store = args.postgres ? 'PostgreSQL' : `SQLite in ${args.data}`;
  console.log(
    `Resolution Drafter server: ${server.url} (${store}${args.redis ? `, relaying through ${args.redis}` : ''})`,
  );
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) void main();
