/**
 * Debian's Redis and PostgreSQL, started by the tests that need them on 127.0.0.1 and a free port,
 * with their data in a fresh folder, and stopped after. scripts/setup.sh installs both.
 * PostgreSQL refuses to run as root: as root (CI), it runs as the `postgres` user Debian's package
 * makes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, removeDir } from './harness.ts';

export interface Service {
  readonly port: number;
  readonly url: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data (after `stop`). */
  restart(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string, ms = 30_000): Promise<void> {
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${output.join('')}`)), ms);
    const read = (chunk: Buffer): void => {
      output.push(chunk.toString());
      if (pattern.test(output.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}): ${output.join('')}`));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function startRedis(): Promise<Service> {
  const port = await freePort();
  let child: ChildProcess;
  const start = async (): Promise<void> => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await waitForLine(child, /Ready to accept connections/, 'redis-server');
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: (signal = 'SIGTERM') => stopChild(child, signal),
    restart: start,
  };
}

const asRoot = process.getuid?.() === 0;

function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  return version ? join(root, version, 'bin', name) : name;
}

function asPostgres(command: string, args: readonly string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
}

export interface PostgresService extends Service {
  readonly connectionString: string;
  /** Its data folder, removed by `stopPostgres`. */
  readonly dir: string;
}

export async function startPostgres(): Promise<PostgresService> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rd-pg-'));
  if (asRoot)
    chownSync(
      dir,
      Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim()),
      Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim()),
    );
  const data = join(dir, 'data');
  const [initCommand, initArgs] = asPostgres(pgBin('initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
  ]);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  let child: ChildProcess;
  const start = async (): Promise<void> => {
    const [command, args] = asPostgres(pgBin('postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ]);
    child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForLine(child, /ready to accept connections/, 'postgres');
  };
  await start();
  const connectionString = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    url: connectionString,
    connectionString,
    dir,
    // runuser passes no signal on to postgres: pg_ctl stops it (fast: disconnect clients, no wait).
    stop: async () => {
      const [command, args] = asPostgres(pgBin('pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w']);
      spawnSync(command, args);
      await stopChild(child, 'SIGTERM');
    },
    restart: start,
  };
}

/** Stops PostgreSQL and removes its folder. */
export async function stopPostgres(service: PostgresService): Promise<void> {
  await service.stop();
  removeDir(service.dir);
}
