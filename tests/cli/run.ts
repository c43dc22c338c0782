/**
 * Runs the command line. `cli` runs a command in this process, through the same `execute` the bin
 * calls (src/cli/main.ts): the same arguments, exit status, stdout and stderr, without starting Node and
 * tsx again (1.5-2 s of a core each time). `bin` starts the real executable as a user does, for what
 * only a process has: its exit status as the shell sees it, its pipes (tests/cli/bin.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { execute } from '../../src/cli/main.ts';

export const BIN = fileURLToPath(new URL('../../bin/resolution-drafter.mjs', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

async function inProcess(args: readonly string[], color: boolean): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await execute(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    color,
  });
  return { status, stdout, stderr };
}

/** A command run in this process, as the bin runs it with stdout on a pipe or in a file: no colour. */
export function cli(...args: string[]): Promise<CliResult> {
  return inProcess(args, false);
}

/** A command run in this process as on a terminal that takes colour. */
export function cliOnTerminal(...args: string[]): Promise<CliResult> {
  return inProcess(args, true);
}

export async function cliJson<T = unknown>(...args: string[]): Promise<T> {
  const r = await cli(...args, '--json');
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** The real executable, bin/resolution-drafter.mjs, in a process of its own (in `cwd`: by default this one's). */
export function bin(args: readonly string[], options: { readonly cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
