/**
 * A file to import, read by its kind: Akoma Ntoso (.xml, .akn) or a .docx. Run in the import worker
 * (./import-worker.ts), or on the page when no worker can start (./importer.ts).
 */
import { importDocx, type ImportResult } from '../../core/import/docx.ts';
import { readAkn } from '../../core/import/akn.ts';

export async function readImportFile(file: File): Promise<ImportResult> {
  if (/\.(xml|akn)$/i.test(file.name)) {
    const read = readAkn(await file.text());
    return read.ok ? { ok: true, documents: read.documents, diagnostics: read.diagnostics } : read;
  }
  return importDocx(new Uint8Array(await file.arrayBuffer()));
}
