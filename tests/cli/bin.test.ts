/**
 * The real executable, bin/resolution-drafter.mjs, as a shell runs it. The other command-line tests run
 * the commands in their own process, through the `execute` the bin calls (tests/cli/run.ts); what only a
 * process of its own has is checked here: tsx's loader and main.ts started by the bin, the exit status
 * the shell sees, stdout on a pipe (no colour; a reader that stops early), file names relative to the
 * working directory, and pdf.js loaded past tsx (src/cli/pdfjs-hooks.mjs).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, bin } from './run.ts';

const REAL = fileURLToPath(new URL('../../corpus/real/', import.meta.url));

// Each run starts Node and tsx: one to two seconds of a core apiece, more on a busy machine.
describe('bin/resolution-drafter.mjs', { timeout: 60_000 }, () => {
  it('reads files named relative to its working directory, a PDF among them, and exits 0 with a redline without colour on a pipe', () => {
    const r = bin(['compare', 'A_RES_80_225.pdftotext.txt', 'A_RES_80_225.pdf'], { cwd: REAL });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 changed, 0 moved, 0 inserted, 0 deleted, 25 unchanged/);
    expect(r.stdout).toContain('[-highlevel-]{+high-level+}');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('exits 1 when lint finds an error (6/3 OP2)', () => {
    const r = bin(['lint', '6/3']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/OP2 +error +operative-ending/);
  });

  it('exits 2 on a file it cannot read, with the reason on stderr and nothing on stdout', () => {
    const r = bin(['parse', 'no-such-draft.txt'], { cwd: REAL });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('resolution-drafter: no such file: no-such-draft.txt\n');
    expect(r.stdout).toBe('');
  });

  it('exits 0, quietly, when the reader closes the pipe without reading it all (`| head`)', () => {
    // `true` reads nothing: every write of the 70 KB of JSON after it exits fails with EPIPE.
    const r = spawnSync(
      'bash',
      ['-c', 'set -o pipefail; "$0" "$1" corpus --json | true', process.execPath, BIN],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
