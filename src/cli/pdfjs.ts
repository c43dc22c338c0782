/**
 * pdf.js for the command line: the legacy build (the one for Node), loaded on the first PDF only, with
 * its worker half run in this thread (`globalThis.pdfjsWorker`, pdf.js's "fake worker"): a command
 * reads one or two files and needs no second thread.
 */
import { register } from 'node:module';
import type * as PdfJsModule from 'pdfjs-dist';
import type { PdfJs } from '../core/import/pdf.ts';

// Specifiers in variables: the minified files have no type declarations of their own (the types are
// pdfjs-dist's, checked below), and the minified files load faster than the plain ones with their maps.
const MAIN = 'pdfjs-dist/legacy/build/pdf.min.mjs';
const WORKER = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';

/** Compile-time check that pdf.js has what the reader uses. */
export const asPdfJs = (module: typeof PdfJsModule): PdfJs => module;

let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    register('./pdfjs-hooks.mjs', import.meta.url);
    const worker: unknown = await import(WORKER);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return asPdfJs((await import(MAIN)) as typeof PdfJsModule);
  })();
  return loading;
}
