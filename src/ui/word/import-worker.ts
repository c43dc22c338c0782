/**
 * Reads a .docx off the main thread (issue 5: hostile files "give a clear message within two
 * seconds"): the page keeps answering while a large file is inflated and parsed, and a file that
 * takes too long is stopped by terminating this worker (./importer.ts). The core runs unchanged
 * here (ARCHITECTURE.md: the core runs in the browser, in Node and in a worker).
 *
 * Message in: the File (structured-cloned without copying its bytes). Message out: an ImportResult.
 */
import type { ImportResult } from '../../core/import/docx.ts';
import { readImportFile } from './readImport.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<File>) => void) | null;
  postMessage(message: ImportResult): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void (async () => {
    let result: ImportResult;
    try {
      result = await readImportFile(event.data);
    } catch (e) {
      // The readers never throw; reading the File can (it was changed or removed on disk).
      result = {
        ok: false,
        error: `the file could not be read (${e instanceof Error ? e.message : String(e)})`,
      };
    }
    scope.postMessage(result);
  })();
};
