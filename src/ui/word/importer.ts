/**
 * A .docx chosen or dropped by the user, read into documents for new drafts — or a sentence saying
 * why not (issue 5: "not a zip, a truncated zip, a zip bomb, a 20 MB document, a .docx with no text —
 * give a clear message within two seconds and change nothing in the user's drafts"). Nothing here
 * touches the drafts: the caller makes drafts only of an `ok` result.
 *
 * The reading runs in a worker (./import-worker.ts) under a deadline: the core's checks (declared
 * sizes, streamed inflation, src/core/import/zip.ts) refuse bombs quickly, and the deadline is the
 * backstop for anything they miss, since a worker can be stopped and the main thread cannot.
 */
import type { ResolutionDocument, Subparagraph } from '../../core/model/types.ts';
import type { ImportResult } from '../../core/import/docx.ts';
import type { Diagnostic } from '../../core/parse/diagnostics.ts';
import { MAX_OPEN_BYTES } from '../files.ts';

export type WordImport =
  | {
      readonly ok: true;
      readonly documents: readonly ResolutionDocument[];
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * A resolution is read in well under 100 ms (the worker's first start adds a few hundred on a busy
 * machine); past this the file is given up on, leaving room within the two seconds for the message.
 */
export const IMPORT_DEADLINE_MS = 1200;

/**
 * More paragraphs than a resolution ever has: the longest omnibus resolutions of the General Assembly
 * run to a few hundred. A document this long would also take the editor seconds to lay out.
 */
export const MAX_PARAGRAPHS = 3000;

/** How a .docx is read: in a worker in the app; tests may pass another. */
export type DocxReader = (file: File, deadlineMs: number) => Promise<ImportResult | 'timeout'>;

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function refused(file: File, why: string): WordImport {
  return {
    ok: false,
    message: `${file.name} was not imported: ${sentence(why)} Your drafts are unchanged.`,
  };
}

function subCount(subs: readonly Subparagraph[]): number {
  return subs.reduce((n, s) => n + 1 + subCount(s.subparagraphs), 0);
}

/** Title, formula, preambular and operative paragraphs, subparagraphs and annex items. */
export function paragraphCount(doc: ResolutionDocument): number {
  return (
    2 +
    doc.preamble.length +
    doc.operative.reduce((n, p) => n + 1 + subCount(p.subparagraphs), 0) +
    (doc.annex ? 1 + subCount(doc.annex.items) : 0)
  );
}

/** In the main thread, for a browser without module workers; the deadline cannot stop it here. */
async function readHere(file: File): Promise<ImportResult> {
  const { importDocx } = await import('../../core/import/docx.ts');
  return importDocx(new Uint8Array(await file.arrayBuffer()));
}

/** In a worker, stopped at the deadline; falls back to the main thread when no worker can start. */
export const readInWorker: DocxReader = (file, deadlineMs) =>
  new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(readHere(file));
      return;
    }
    let settled = false;
    const finish = (result: ImportResult | 'timeout' | Promise<ImportResult>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish('timeout'), deadlineMs);
    worker.onmessage = (event: MessageEvent<ImportResult>) => finish(event.data);
    // The worker's script failed to load or run: read here instead (importDocx itself never throws).
    worker.onerror = (event) => {
      event.preventDefault();
      finish(readHere(file));
    };
    worker.postMessage(file);
  });

/** Reads a .docx the user gave; never throws. */
export async function importWordFile(
  file: File,
  read: DocxReader = readInWorker,
  deadlineMs = IMPORT_DEADLINE_MS,
): Promise<WordImport> {
  if (!/\.docx$/i.test(file.name))
    return refused(
      file,
      /\.doc$/i.test(file.name)
        ? 'it is an older Word document (.doc); open it in Word and save it as .docx'
        : 'only Word documents (.docx) can be imported here',
    );
  // Checked before a byte is read (the core checks again: src/core/import/zip.ts).
  if (file.size > MAX_OPEN_BYTES)
    return refused(
      file,
      `the file is ${megabytes(file.size)}; files over ${megabytes(MAX_OPEN_BYTES)} are not read (a resolution is far smaller)`,
    );
  let result: ImportResult | 'timeout';
  try {
    result = await read(file, deadlineMs);
  } catch (e) {
    return refused(file, `it could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  if (result === 'timeout')
    return refused(
      file,
      `reading it took longer than ${(deadlineMs / 1000).toFixed(1)} seconds, far longer than any resolution takes; the file may be damaged or built to exhaust the reader`,
    );
  if (!result.ok) return refused(file, result.error);
  if (result.documents.length === 0) return refused(file, 'no text of a resolution was found in it');
  const total = result.documents.reduce((n, d) => n + paragraphCount(d), 0);
  if (total > MAX_PARAGRAPHS)
    return refused(
      file,
      `it has ${total.toLocaleString('en-GB')} paragraphs; a resolution has at most a few hundred, and the app reads up to ${MAX_PARAGRAPHS.toLocaleString('en-GB')}`,
    );
  return { ok: true, documents: result.documents, diagnostics: result.diagnostics };
}
