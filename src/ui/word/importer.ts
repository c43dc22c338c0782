/**
 * A .docx or a PDF chosen or dropped by the user, read into documents for new drafts — or a sentence
 * saying why not (issue 5: "not a zip, a truncated zip, a zip bomb, a 20 MB document, a .docx with no
 * text — give a clear message within two seconds and change nothing in the user's drafts"; issue 12:
 * "encrypted, image-only, truncated, 100 MB, 2,000 pages" for PDFs). Nothing here touches the drafts:
 * the caller makes drafts only of an `ok` result.
 *
 * The reading runs in a worker under a deadline, one worker for each kind (./import-worker.ts for a
 * .docx, ./pdf-worker.ts with pdf.js for a PDF, so a .docx never loads pdf.js): the core's checks
 * (declared sizes and streamed inflation in src/core/import/zip.ts; size, end marker and page count in
 * src/core/import/pdf.ts) refuse hostile files quickly, and the deadline is the backstop for anything
 * they miss, since a worker can be stopped and the main thread cannot.
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
 * A PDF's worker first loads pdf.js (about 1.6 MB of script to compile), which the deadline does not
 * count: it runs from the worker's word that it has started, and again from each page read, so a PDF
 * of a few hundred pages is read whole while a page that hangs the reader is given up on. A page takes
 * tens of milliseconds once the worker's code is warm; the first, with the document opened and the
 * code still cold, took up to 1.5 s on a 2-core machine busy with other work, so it has longer.
 */
export const PDF_DEADLINE_MS = 1500;
export const PDF_FIRST_PAGE_MS = 3000;

/** The PDF worker's start (fetching and compiling pdf.js) is given up on after this. */
export const PDF_START_MS = 15_000;

/**
 * More paragraphs than a resolution ever has: the longest omnibus resolutions of the General Assembly
 * run to a few hundred. A document this long would also take the editor seconds to lay out.
 */
export const MAX_PARAGRAPHS = 3000;

/** How a file is read: in a worker in the app; tests may pass another. */
export type DocumentReader = (file: File, deadlineMs: number) => Promise<ImportResult | 'timeout'>;

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
  const parts = [doc, ...(doc.sections ?? [])];
  return (
    2 +
    (doc.sections?.length ?? 0) +
    parts.reduce(
      (n, x) =>
        n +
        x.preamble.reduce((k, p) => k + 1 + subCount(p.subparagraphs ?? []), 0) +
        x.operative.reduce((k, p) => k + 1 + subCount(p.subparagraphs), 0),
      0,
    ) +
    (doc.annex ? 1 + (doc.annex.headings?.length ?? 0) + subCount(doc.annex.items) : 0)
  );
}

/** In the main thread, for a browser without module workers; the deadline cannot stop it here. */
async function readHere(file: File): Promise<ImportResult> {
  const { readImportFile } = await import('./readImport.ts');
  return readImportFile(file);
}

/**
 * Runs a worker on the file, stopped at the deadline. `start` creates it (each kind names its script
 * in `new Worker(new URL(...))`, the form Vite bundles); `fallback` answers when no worker can start
 * or its script fails to load or run. With `watch`, the worker says when it has started and as it
 * reads (./pdf-worker.ts, PdfWorkerNote): the start has `startMs`, the first page `firstPageMs` from
 * the start, and each later page the deadline from the one before.
 */
function runWorker(
  start: () => Worker,
  fallback: (file: File, reason: unknown) => Promise<ImportResult> | ImportResult,
  watch?: { readonly startMs: number; readonly firstPageMs: number },
): DocumentReader {
  return (file, deadlineMs) =>
    new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = start();
      } catch (e) {
        resolve(fallback(file, e));
        return;
      }
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (result: ImportResult | 'timeout' | Promise<ImportResult>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.terminate();
        resolve(result);
      };
      const wait = (ms: number, result: ImportResult | 'timeout') => {
        clearTimeout(timer);
        timer = setTimeout(() => finish(result), ms);
      };
      if (watch === undefined) wait(deadlineMs, 'timeout');
      else
        wait(watch.startMs, {
          ok: false,
          error: `the reader did not start within ${watch.startMs / 1000} seconds; reload the page and try again`,
        });
      worker.onmessage = (event: MessageEvent<unknown>) => {
        const data = event.data as
          (Partial<ImportResult> & Partial<Record<'ready' | 'page', unknown>>) | null;
        if (typeof data !== 'object' || data === null) return;
        if (typeof data.ok === 'boolean') finish(data as ImportResult);
        else if (watch !== undefined && data.ready === true)
          wait(Math.max(watch.firstPageMs, deadlineMs), 'timeout');
        else if (watch !== undefined && typeof data.page === 'number') wait(deadlineMs, 'timeout');
        // Anything else is not for the page: pdf.js, bundled into the PDF worker, also greets the page
        // as its own worker would ({action: "ready"}).
      };
      // The worker's script failed to load or run (the import itself never throws).
      worker.onerror = (event) => {
        event.preventDefault();
        finish(fallback(file, event.message));
      };
      worker.postMessage(file);
    });
}

/** A .docx in a worker; in the main thread when no worker can start (the deadline cannot stop it there). */
export const readInWorker: DocumentReader = runWorker(
  () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }),
  (file) => readHere(file),
);

/**
 * A PDF in a worker with pdf.js. No main-thread fallback: pdf.js is large, and a browser that runs
 * this app runs module workers; a worker that fails to start is most likely an app updated since
 * the page was opened.
 */
export const readPdfInWorker: DocumentReader = runWorker(
  () => new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module' }),
  () => ({
    ok: false,
    error:
      'the PDF reader could not be started; if the app was updated since this page was opened, reload the page and try again',
  }),
  { startMs: PDF_START_MS, firstPageMs: PDF_FIRST_PAGE_MS },
);

type Kind = 'docx' | 'pdf' | 'akn';

function kindOf(file: File): Kind | undefined {
  if (/\.docx$/i.test(file.name)) return 'docx';
  if (/\.pdf$/i.test(file.name)) return 'pdf';
  if (/\.(xml|akn)$/i.test(file.name)) return 'akn';
  return undefined;
}

// Akoma Ntoso is read by the .docx reader's worker (it tells the two apart by the file's name).
const READERS: Readonly<Record<Kind, DocumentReader>> = {
  docx: readInWorker,
  pdf: readPdfInWorker,
  akn: readInWorker,
};
const DEADLINES: Readonly<Record<Kind, number>> = {
  docx: IMPORT_DEADLINE_MS,
  pdf: PDF_DEADLINE_MS,
  akn: IMPORT_DEADLINE_MS,
};

/**
 * Reads a .docx or a PDF the user gave; never throws. `read` and `deadlineMs` replace the worker and
 * its deadline for the file's kind (tests).
 */
export async function importDocumentFile(
  file: File,
  read?: DocumentReader,
  deadlineMs?: number,
): Promise<WordImport> {
  const kind = kindOf(file);
  if (!kind)
    return refused(
      file,
      /\.doc$/i.test(file.name)
        ? 'it is an older Word document (.doc); open it in Word and save it as .docx'
        : 'only Word documents (.docx), PDFs (.pdf) and Akoma Ntoso files (.xml) can be imported here',
    );
  return readFile(file, kind, read ?? READERS[kind], deadlineMs ?? DEADLINES[kind]);
}

async function readFile(
  file: File,
  kind: Kind,
  read: DocumentReader,
  deadlineMs: number,
): Promise<WordImport> {
  // Checked before a byte is read (the core checks again: src/core/import/zip.ts, pdf.ts).
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
      kind === 'pdf'
        ? 'reading a page of it took seconds, where a page of a resolution takes milliseconds; the file may be damaged or built to exhaust the reader'
        : `reading it took longer than ${(deadlineMs / 1000).toFixed(1)} seconds, far longer than any resolution takes; the file may be damaged or built to exhaust the reader`,
    );
  if (!result.ok) return refused(file, result.error);
  if (result.documents.length === 0) return refused(file, 'no text of a resolution was found in it');
  const total = result.documents.reduce((n, d) => n + paragraphCount(d), 0);
  if (total > MAX_PARAGRAPHS)
    return refused(
      file,
      `it has ${total.toLocaleString('en-GB')} paragraphs; a resolution has at most a few hundred, and the app reads up to ${MAX_PARAGRAPHS.toLocaleString('en-GB')}`,
    );
  // The file is each draft's base (issue 12: "a draft whose base is that document"); the workspace
  // keeps the text as read as the revision named after the file, which the base resolves to.
  const base = { source: 'file', ref: file.name } as const;
  return {
    ok: true,
    documents: result.documents.map((d) => ({ ...d, metadata: { ...d.metadata, base } })),
    diagnostics: result.diagnostics,
  };
}
