/**
 * A file chosen as the base in the compare view (issue 4): a .resolution.json file, or a resolution in
 * plain text as UN documents print it, read by the same recognizer as a paste (core/parse).
 */
import { parseDocumentFile } from '../../core/model/file.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import { recognize } from '../../core/parse/recognize.ts';
import { readFileText } from '../files.ts';

/** A document read from a file chosen in the view. */
export interface FileBase {
  readonly name: string;
  readonly documents: readonly ResolutionDocument[];
}

/** Reads a chosen file into documents: a .resolution.json file, or a resolution in plain text. */
export async function readBaseFile(
  file: File,
): Promise<{ ok: true; base: FileBase } | { ok: false; error: string }> {
  const read = await readFileText(file);
  if (!read.ok) return read;
  const name = file.name;
  const looksJson = /\.json$/i.test(name) || /^\uFEFF?\s*[{[]/.test(read.text);
  if (looksJson) {
    const parsed = parseDocumentFile(read.text);
    if (!parsed.ok) return { ok: false, error: `${name} is not a resolution file: ${parsed.error}` };
    return { ok: true, base: { name, documents: [parsed.document] } };
  }
  const recognized = recognize(read.text);
  const { diagnostics } = recognized;
  // A text with a heading but no paragraph ("Shopping list") is no resolution to compare with.
  const documents = recognized.documents.filter(
    (d) => d.preamble.length > 0 || d.operative.length > 0 || d.annex !== null,
  );
  if (documents.length === 0) {
    const first = diagnostics.find((d) => d.severity !== 'info');
    return {
      ok: false,
      error: `No resolution or decision was recognized in ${name}${first ? ` (${first.message})` : ''}. A plain-text file should hold a resolution as UN documents print it.`,
    };
  }
  return { ok: true, base: { name, documents } };
}
