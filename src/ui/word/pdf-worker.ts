/**
 * Reads a PDF off the main thread (issue 12: "pdfjs-dist, loaded only when a PDF is opened, in a
 * worker"). This file is the worker: the app creates it only when a PDF is opened (./importer.ts), so
 * pdf.js, bundled into it, is fetched then and never with the first screen. pdf.js's own worker half
 * runs here in the same thread (`globalThis.pdfjsWorker`, which pdf.js takes instead of starting a
 * worker of its own): the app's CSP needs no blob: worker, and this worker is already off the page's
 * thread, stopped by the importer at its deadline.
 *
 * Message in: the File. Messages out: `{ready: true}` once this script has loaded (pdf.js compiled),
 * `{page, pages}` as each page is read — the importer's deadline runs from each — and last an
 * ImportResult (src/core/import/docx.ts's shape). pdf.js's worker half, finding itself in a worker,
 * also posts its own greeting to the page, which the importer ignores.
 */
import * as pdfjs from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import type { ImportResult } from '../../core/import/docx.ts';
import { importPdf } from '../../core/import/pdf.ts';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

/** What the worker says before its answer. */
export type PdfWorkerNote = { readonly ready: true } | { readonly page: number; readonly pages: number };

interface WorkerScope {
  onmessage: ((event: MessageEvent<File>) => void) | null;
  postMessage(message: ImportResult | PdfWorkerNote): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void (async () => {
    let result: ImportResult;
    try {
      result = await importPdf(new Uint8Array(await event.data.arrayBuffer()), pdfjs, {
        onPage: (page, pages) => scope.postMessage({ page, pages }),
      });
    } catch (e) {
      // importPdf never throws; reading the File can (it was changed or removed on disk).
      result = {
        ok: false,
        error: `the file could not be read (${e instanceof Error ? e.message : String(e)})`,
      };
    }
    scope.postMessage(result);
  })();
};

scope.postMessage({ ready: true });
