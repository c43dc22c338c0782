/** Reading inputs for the command line: files from disk, the shipped corpus, with clear errors. */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readReport } from '../core/corpus/report.ts';
import type { Corpus } from '../core/corpus/types.ts';

/** A failure the user can act on: printed on stderr, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Larger inputs are refused before reading: no resolution comes near this. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const REPORT_FILE = fileURLToPath(new URL('../../corpus/CTOC-COP-2012-15.txt', import.meta.url));

let corpusCache: Corpus | undefined;
export function loadCorpus(): Corpus {
  corpusCache ??= readReport(readFileSync(REPORT_FILE, 'utf8'));
  return corpusCache;
}

export function readInputFile(path: string): { text: string; bytes: Uint8Array } {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`${path} is a folder, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${code ?? String(e)})`,
    );
  }
  if (size > MAX_FILE_BYTES)
    throw new UsageError(`${path} is ${(size / 1024 / 1024).toFixed(1)} MB; files over 20 MB are refused`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return { text, bytes };
}
