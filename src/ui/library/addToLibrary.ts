/**
 * A file the user adds to the library, or their draft, read into the documents to store (issue 13:
 * "the documents the user adds (.pdf, .docx, .txt, or a draft of theirs)"). One reader, many ways in
 * (ARCHITECTURE.md, convention 11): a PDF or a .docx through the importer the Word menu uses (its
 * workers, deadlines and refusals: ../word/importer.ts), plain text through the printed reader, HTML
 * through the core's HTML reader, a .resolution.json through the file format's own parser.
 *
 * Nothing is stored here: the caller stores what an `ok` result holds. A file that holds no resolution
 * gives a sentence saying so, and nothing.
 */
import type { ResolutionDocument } from '../../core/model/types.ts';
import type { Diagnostic } from '../../core/parse/diagnostics.ts';
import type { NewUserDocument, UserDocumentSource } from '../../storage/library.ts';
import { MAX_OPEN_BYTES } from '../files.ts';
import { importDocumentFile, MAX_PARAGRAPHS, paragraphCount, type DocumentReader } from '../word/importer.ts';

/** What the file picker offers. */
export const LIBRARY_FILE_TYPES = '.pdf,.docx,.txt,.html,.htm,.json';

export type LibraryRead =
  | {
      readonly ok: true;
      readonly documents: readonly NewUserDocument[];
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly message: string };

export interface LibraryReadOptions {
  /** Reads a PDF or .docx in place of the importer's worker (tests in Node, which has no workers). */
  readonly readDocument?: DocumentReader;
}

/** The kind of a file, by its name (as the importer and the file picker go by). */
export function sourceOfFile(name: string): Exclude<UserDocumentSource, 'draft'> | undefined {
  if (/\.pdf$/i.test(name)) return 'pdf';
  if (/\.docx$/i.test(name)) return 'docx';
  if (/\.txt$/i.test(name)) return 'text';
  if (/\.html?$/i.test(name)) return 'html';
  if (/\.json$/i.test(name)) return 'json';
  return undefined;
}

const NO_RESOLUTION =
  'no resolution or decision was found in it. A resolution has a title, an enacting formula such as “The General Assembly,” and its paragraphs';

function refused(name: string, why: string): LibraryRead {
  const reason = why.trim().replace(/[.!?]$/, '');
  return { ok: false, message: `${name} was not added to the library: ${reason}. Nothing was stored.` };
}

/**
 * A resolution or decision, not a few lines the reader took for one: an enacting formula ("The
 * General Assembly,") or an operative part, and paragraphs to find. (The recognizer reads any text
 * after a first line as paragraphs: "Bring the draft." would be a preambular paragraph.)
 */
export function isResolution(doc: ResolutionDocument): boolean {
  const operative = doc.operative.length > 0 || (doc.sections ?? []).some((s) => s.operative.length > 0);
  const preamble = doc.preamble.length > 0 || (doc.sections ?? []).some((s) => s.preamble.length > 0);
  const annex = (doc.annex?.items.length ?? 0) > 0;
  return operative || ((preamble || annex) && doc.formula.trim() !== '');
}

/** The documents read, named after the file ("report.html (2 of 3)" when it holds several). */
function named(
  name: string,
  source: UserDocumentSource,
  read: readonly ResolutionDocument[],
  diagnostics: readonly Diagnostic[],
): LibraryRead {
  const documents = read.filter(isResolution);
  if (documents.length === 0) return refused(name, NO_RESOLUTION);
  const total = documents.reduce((n, d) => n + paragraphCount(d), 0);
  if (total > MAX_PARAGRAPHS)
    return refused(
      name,
      `it has ${total.toLocaleString('en-GB')} paragraphs; a resolution has at most a few hundred, and the app reads up to ${MAX_PARAGRAPHS.toLocaleString('en-GB')}`,
    );
  return {
    ok: true,
    documents: documents.map((document, i) => ({
      name: documents.length > 1 ? `${name} (${i + 1} of ${documents.length})` : name,
      source,
      document,
    })),
    diagnostics,
  };
}

/**
 * The importer's refusal ("X was not imported: why. Your drafts are unchanged.") said of the library:
 * the reason is the importer's, the rest would speak of drafts.
 */
function importerReason(name: string, message: string): string {
  const prefix = `${name} was not imported: `;
  const body = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  return body.replace(/\s*Your drafts are unchanged\.$/, '');
}

/** Reads a file for the library; never throws. */
export async function readLibraryFile(file: File, options: LibraryReadOptions = {}): Promise<LibraryRead> {
  const source = sourceOfFile(file.name);
  if (!source)
    return refused(
      file.name,
      /\.doc$/i.test(file.name)
        ? 'it is an older Word document (.doc); open it in Word and save it as .docx'
        : 'the library takes PDFs, Word documents (.docx), plain text (.txt), web pages (.html) and .resolution.json files',
    );
  if (file.size > MAX_OPEN_BYTES)
    return refused(
      file.name,
      `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; files over ${MAX_OPEN_BYTES / 1024 / 1024} MB are not read (a resolution is far smaller)`,
    );
  if (file.size === 0) return refused(file.name, 'the file is empty');

  if (source === 'pdf' || source === 'docx') {
    const result = await importDocumentFile(file, options.readDocument);
    if (!result.ok) return refused(file.name, importerReason(file.name, result.message));
    return named(file.name, source, result.documents, result.diagnostics);
  }

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return refused(file.name, `it could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  // The readers are loaded on use, as the pasted-text reader is (Workspace.tsx, importText).
  if (source === 'html') {
    const { decodeHtml, readHtml } = await import('../../core/import/html.ts');
    const read = readHtml(decodeHtml(bytes));
    return named(file.name, source, read.documents, read.diagnostics);
  }
  const text = new TextDecoder().decode(bytes);
  if (source === 'json') {
    const { parseDocumentFile } = await import('../../core/model/file.ts');
    const parsed = parseDocumentFile(text);
    if (!parsed.ok) return refused(file.name, parsed.error);
    return named(file.name, source, [parsed.document], []);
  }
  const { readResolutionText } = await import('../../core/parse/printed.ts');
  const read = readResolutionText(text, { name: file.name });
  return named(file.name, source, read.documents, read.diagnostics);
}

/** The open draft for the library, under its name. */
export function readDraft(document: ResolutionDocument, name: string): LibraryRead {
  if (!isResolution(document))
    return {
      ok: false,
      message: `“${name}” was not added to the library: it has no paragraphs yet. Nothing was stored.`,
    };
  return { ok: true, documents: [{ name, source: 'draft', document }], diagnostics: [] };
}
