/**
 * What the commands accept as a document: a corpus reference ("6/3" for a resolution, "decision 6/1"),
 * a plain-text resolution file, or a *.resolution.json file.
 */
import { parseDocumentFile } from '../core/model/file.ts';
import type { ResolutionDocument } from '../core/model/types.ts';
import type { Diagnostic } from '../core/parse/diagnostics.ts';
import { recognize } from '../core/parse/recognize.ts';
import { loadCorpus, readInputFile, UsageError } from './io.ts';

export interface SourceResult {
  readonly documents: ResolutionDocument[];
  readonly diagnostics: Diagnostic[];
}

const CORPUS_REF = /^(?:(resolution|decision)\s+)?(\d+\/\d+)$/i;

/** A corpus document by reference, or undefined when `ref` is not one. */
export function corpusReference(ref: string): ResolutionDocument | undefined {
  const m = CORPUS_REF.exec(ref.trim());
  if (!m) return undefined;
  const kind = (m[1] ?? 'resolution').toLowerCase();
  const doc = loadCorpus().documents.find((d) => d.kind === kind && d.number === m[2]);
  if (!doc)
    throw new UsageError(
      `the corpus has no ${kind} ${m[2]} (it holds resolutions 6/1-6/4 and decisions 6/1-6/3)`,
    );
  return doc;
}

function isWordFile(path: string, bytes: Uint8Array): boolean {
  return /\.docx$/i.test(path) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
}

/** Reads a file: *.resolution.json (or any .json) through the model's file format, anything else as plain text. */
export function readSource(path: string): SourceResult {
  const { text, bytes } = readInputFile(path);
  if (isWordFile(path, bytes)) {
    throw new UsageError(
      `${path} is a Word or zip file; this command reads plain text or *.resolution.json (parse and export read .docx)`,
    );
  }
  if (/\.json$/i.test(path)) {
    const parsed = parseDocumentFile(text);
    if (!parsed.ok) {
      const details =
        parsed.details
          ?.slice(0, 5)
          .map((d) => `\n  ${d.path}: ${d.message}`)
          .join('') ?? '';
      throw new UsageError(`${path}: ${parsed.error}${details}`);
    }
    return { documents: [parsed.document], diagnostics: [] };
  }
  if (text.includes('\u0000')) throw new UsageError(`${path} is not a text file`);
  return recognize(text);
}

/** A corpus reference or a file with exactly one document. */
export function readOneDocument(arg: string): ResolutionDocument {
  const fromCorpus = corpusReference(arg);
  if (fromCorpus) return fromCorpus;
  const { documents } = readSource(arg);
  const [first] = documents;
  if (!first) throw new UsageError(`${arg}: no resolution or decision was recognized`);
  return first;
}

/** As `readSource`, and a .docx too (src/core/import/docx.ts): its failure is the user's message. */
export async function readSourceAsync(path: string): Promise<SourceResult> {
  const { bytes } = readInputFile(path);
  if (!isWordFile(path, bytes)) return readSource(path);
  // Loaded only for a .docx: the zip reader is large and other files do not need it.
  const { importDocx } = await import('../core/import/docx.ts');
  const imported = await importDocx(bytes);
  if (!imported.ok) throw new UsageError(`${path}: ${imported.error}`);
  return { documents: imported.documents, diagnostics: imported.diagnostics };
}

/** As `readOneDocument`, and a .docx too. */
export async function readOneDocumentAsync(arg: string): Promise<ResolutionDocument> {
  const fromCorpus = corpusReference(arg);
  if (fromCorpus) return fromCorpus;
  const { documents } = await readSourceAsync(arg);
  const [first] = documents;
  if (!first) throw new UsageError(`${arg}: no resolution or decision was recognized`);
  return first;
}
