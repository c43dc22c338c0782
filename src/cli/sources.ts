/**
 * What the commands accept as a document: a corpus reference ("6/3" for a resolution, "decision 6/1"),
 * a plain-text resolution file (what a PDF viewer copies, or pdftotext gives), a *.resolution.json
 * file, a .docx, a PDF, a web page (.html, .htm) or Akoma Ntoso (.xml). Every command (parse, lint, compare, export) reads
 * every kind, through `readSourceAsync`.
 */
import { looksLikeXml, readAkn } from '../core/import/akn.ts';
import { parseDocumentFile } from '../core/model/file.ts';
import type { ResolutionDocument } from '../core/model/types.ts';
import type { Diagnostic } from '../core/parse/diagnostics.ts';
import { readResolutionText } from '../core/parse/printed.ts';
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

/** Akoma Ntoso, by name or by its start (an XML declaration or element, which no other source starts with). */
function isXmlFile(path: string, text: string): boolean {
  return /\.(xml|akn)$/i.test(path) || looksLikeXml(text);
}

function isWordFile(path: string, bytes: Uint8Array): boolean {
  return /\.docx$/i.test(path) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
}

/** By name, or by the "%PDF-" a PDF starts with (a downloaded file may have lost its extension). */
function isPdfFile(path: string, bytes: Uint8Array): boolean {
  return /\.pdf$/i.test(path) || new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-';
}

function isHtmlFile(path: string): boolean {
  return /\.html?$/i.test(path);
}

/**
 * Reads a file of text: *.resolution.json (or any .json) through the model's file format, anything
 * else as plain text. A .docx, PDF or web page needs `readSourceAsync`.
 */
export function readSource(path: string): SourceResult {
  const { text, bytes } = readInputFile(path);
  if (isWordFile(path, bytes) || isPdfFile(path, bytes) || isHtmlFile(path)) {
    throw new UsageError(`${path} is a Word document, PDF or web page: it is read by readSourceAsync`);
  }
  if (isXmlFile(path, text)) {
    const read = readAkn(text);
    if (!read.ok) throw new UsageError(`${path} was not read: ${read.error}`);
    return { documents: read.documents, diagnostics: read.diagnostics };
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
  return readResolutionText(text, { name: path });
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

/** As `readSource`, and a .docx, a PDF or a web page too: a failure to read one is the user's message. */
export async function readSourceAsync(path: string): Promise<SourceResult> {
  const { text, bytes } = readInputFile(path);
  if (isPdfFile(path, bytes)) {
    // Loaded only for a PDF: pdf.js is 1.8 MB (src/cli/pdfjs.ts).
    const [{ importPdf }, { loadPdfJs }] = await Promise.all([
      import('../core/import/pdf.ts'),
      import('./pdfjs.ts'),
    ]);
    const imported = await importPdf(bytes, loadPdfJs);
    if (!imported.ok) throw new UsageError(`${path} was not read: ${imported.error}`);
    return { documents: imported.documents, diagnostics: imported.diagnostics };
  }
  if (isWordFile(path, bytes)) {
    // Loaded only for a .docx: the zip reader is large and other files do not need it.
    const { importDocx } = await import('../core/import/docx.ts');
    const imported = await importDocx(bytes);
    if (!imported.ok) throw new UsageError(`${path}: ${imported.error}`);
    return { documents: imported.documents, diagnostics: imported.diagnostics };
  }
  if (isHtmlFile(path)) {
    if (text.includes('\u0000')) throw new UsageError(`${path} is not a text file`);
    // Decoded as a browser would: Word saves web pages in windows-1252.
    const { decodeHtml, readHtml } = await import('../core/import/html.ts');
    return readHtml(decodeHtml(bytes));
  }
  return readSource(path);
}

/** As `readOneDocument`, and a .docx, a PDF or a web page too. */
export async function readOneDocumentAsync(arg: string): Promise<ResolutionDocument> {
  const fromCorpus = corpusReference(arg);
  if (fromCorpus) return fromCorpus;
  const { documents } = await readSourceAsync(arg);
  const [first] = documents;
  if (!first) throw new UsageError(`${arg}: no resolution or decision was recognized`);
  return first;
}
