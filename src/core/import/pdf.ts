/**
 * A PDF — a resolution or draft as the UN's document system gives it — read into printed lines
 * (source-lines.ts) and then, by the one reader every way in shares (core/parse/printed.ts), into
 * documents (issue 12, "the PDF itself").
 *
 * pdf.js is passed in, not imported: the command line hands over the legacy build (Node), the app the
 * browser build inside its import worker (src/ui/word/pdf-worker.ts), so pdf.js is loaded only when a
 * PDF is opened and this file stays free of both. Either way it runs with eval off and without a
 * PDF's own scripts or forms (`READ_ONLY_OPTIONS`).
 *
 * Italics come from the font's real name ("TimesNewRomanPS-ItalicMT"): pdf.js's text content names
 * only a generic family ("serif"), but once a page's operator list is built its fonts are in
 * `page.commonObjs` with their names. Fonts are shared by the pages of a document, so the operator
 * list is built only for a page that uses a font not seen before (usually the first page alone).
 *
 * Expected trouble is a value, never a throw (ARCHITECTURE.md convention 6): a PDF that cannot be
 * read gives `{ ok: false, error }` with a sentence a user can act on, as importDocx does.
 */
import { readPrinted } from '../parse/printed.ts';
import type { ImportResult } from './docx.ts';
import { linesOfPages, type PdfPage, type PdfRun } from './pdf-lines.ts';
import type { SourceLine } from './source-lines.ts';

/**
 * Larger files are refused before pdf.js sees them. A resolution is about 200 KB, a draft of a few
 * hundred pages a few MB; the app refuses any file over 20 MB (src/ui/files.ts) and so does this.
 */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** A resolution or draft has at most a few hundred pages (the longest omnibus texts run to ~150). */
export const MAX_PDF_PAGES = 500;
/** Text beyond this is not a resolution (the longest are under 300,000 characters). */
export const MAX_PDF_CHARACTERS = 3_000_000;

/** The part of pdf.js this reader uses (the browser and the legacy build both have it). */
export interface PdfJs {
  getDocument(params: Record<string, unknown>): PdfLoadingTask;
  readonly AnnotationMode?: { readonly DISABLE: number };
}

export interface PdfLoadingTask {
  readonly promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}

interface PdfDocument {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfPageProxy>;
}

interface PdfPageProxy {
  getViewport(params: { scale: number }): {
    readonly width: number;
    readonly height: number;
    readonly transform: number[];
  };
  getTextContent(params?: Record<string, unknown>): Promise<{
    readonly items: readonly unknown[];
    readonly styles: Readonly<Record<string, { readonly fontFamily?: string }>>;
  }>;
  getOperatorList(params?: Record<string, unknown>): Promise<unknown>;
  readonly commonObjs: { has(id: string): boolean; get(id: string): unknown };
  cleanup?(): boolean;
}

/** pdf.js itself, or a way to load it on first use. */
export type PdfJsSource = PdfJs | (() => Promise<PdfJs>);

/**
 * Never eval (the app's CSP forbids it, and a PDF's fonts must not become code), never a PDF's
 * forms (XFA), no images decoded (text is all that is read: `maxImageSize: 0` drops every image
 * before decoding), no fonts installed into a document, no WebAssembly decoders, no system fonts.
 * pdf.js runs a PDF's JavaScript only through its scripting sandbox, which this reader never loads.
 */
export const READ_ONLY_OPTIONS = {
  isEvalSupported: false,
  enableXfa: false,
  disableFontFace: true,
  useSystemFonts: false,
  useWasm: false,
  maxImageSize: 0,
  stopAtErrors: false,
  disableAutoFetch: true,
  disableStream: true,
  verbosity: 0,
} as const;

export interface PdfReadOptions {
  /** Called as each page has been read (1-based), with the page count: progress, or a watchdog's heartbeat. */
  readonly onPage?: (page: number, pages: number) => void;
}

export type PdfLinesResult =
  | { readonly ok: true; readonly lines: SourceLine[]; readonly pages: number }
  | { readonly ok: false; readonly error: string };

interface TextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly fontName: string;
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && typeof (item as TextItem).str === 'string';
}

interface FontFace {
  readonly italic: boolean;
  readonly bold: boolean;
}

/** A font's appearance from its PostScript name: "ABCDEE+TimesNewRomanPS-BoldItalicMT", "Arial,Italic". */
export function fontFaceOf(name: string): FontFace {
  const bare = name.replace(/^[A-Z]{6}\+/, '');
  return {
    italic: /italic|oblique|[-,](?:bold)?it\b|[-,]BI\b|[-,]I\b/i.test(bare),
    bold: /bold|black|heavy|semibold|demi|[-,]BI?\b|[-,]B\b/i.test(bare),
  };
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const encoder = new TextEncoder();

function indexOf(bytes: Uint8Array, text: string, from: number, to: number): number {
  const needle = encoder.encode(text);
  outer: for (let i = Math.max(0, from); i <= Math.min(bytes.length, to) - needle.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** What can be told from the bytes alone, before pdf.js: size, a PDF's header, its end marker. */
export function checkPdfBytes(bytes: Uint8Array): string | undefined {
  if (bytes.length > MAX_PDF_BYTES)
    return `the file is ${megabytes(bytes.length)}; PDFs over ${megabytes(MAX_PDF_BYTES)} are not read (a resolution or draft is far smaller)`;
  // The header may follow a little junk (ISO 32000-1, 7.5.2; readers look in the first 1024 bytes).
  if (indexOf(bytes, '%PDF-', 0, 1024) < 0) return 'it is not a PDF (it does not begin as one)';
  // A PDF ends with %%EOF (7.5.5); readers look for it in the last 1024 bytes. A file without it was
  // cut short, and pdf.js would read what is left without a word: part of a resolution is not one.
  if (indexOf(bytes, '%%EOF', bytes.length - 2048, bytes.length) < 0)
    return 'the file is incomplete: it stops before the end of the PDF (the download or copy was probably cut short); get the file again';
  return undefined;
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

function errorMessage(e: unknown): string {
  return e instanceof Error
    ? e.message
    : typeof e === 'object' && e !== null && 'message' in e
      ? String((e as { message: unknown }).message)
      : String(e);
}

/** The sentence for a document pdf.js refused to open. */
function openError(e: unknown): string {
  const name = errorName(e);
  if (name === 'PasswordException')
    return 'it is protected by a password; open it in a PDF reader with the password and save or print it as a PDF without one, then open that copy';
  if (name === 'InvalidPDFException') return 'it is damaged: its structure cannot be read as a PDF';
  return `it could not be read as a PDF (${errorMessage(e)})`;
}

/** Multiplies two PDF matrices [a b c d e f]. */
function multiply(m: readonly number[], n: readonly number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [p = 1, q = 0, r = 0, s = 1, t = 0, u = 0] = n;
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f];
}

async function fontsOf(
  page: PdfPageProxy,
  names: ReadonlySet<string>,
  known: Map<string, FontFace>,
  styles: Readonly<Record<string, { readonly fontFamily?: string }>>,
  annotationsOff: number,
): Promise<void> {
  const missing = [...names].filter((n) => !known.has(n));
  if (!missing.length) return;
  if (missing.some((n) => !page.commonObjs.has(n)))
    // Loads the page's fonts into commonObjs (the text content alone does not send them).
    await page.getOperatorList({ annotationMode: annotationsOff });
  for (const id of missing) {
    let name = '';
    try {
      if (page.commonObjs.has(id)) {
        const font = page.commonObjs.get(id) as { name?: unknown; bold?: unknown; italic?: unknown } | null;
        name = typeof font?.name === 'string' ? font.name : '';
        const face = fontFaceOf(name);
        known.set(id, {
          italic: face.italic || font?.italic === true,
          bold: face.bold || font?.bold === true,
        });
        continue;
      }
    } catch {
      // A font pdf.js could not load: read as upright text.
    }
    known.set(id, fontFaceOf(styles[id]?.fontFamily ?? ''));
  }
}

/** The runs of one page, in page coordinates from the top-left. */
function runsOf(
  items: readonly TextItem[],
  viewport: { readonly transform: number[] },
  fonts: ReadonlyMap<string, FontFace>,
): PdfRun[] {
  const runs: PdfRun[] = [];
  for (const item of items) {
    if (item.str === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = multiply(viewport.transform, item.transform);
    const size = Math.hypot(c, d);
    // Rotated or vertical text (a watermark, a sideways barcode) is not part of the document's lines.
    if (!(size > 0.5) || Math.abs(b) > 0.05 * Math.abs(a) || Math.abs(c) > 0.05 * size) continue;
    const face = fonts.get(item.fontName);
    runs.push({
      text: item.str,
      x: e,
      top: f,
      width: item.width,
      size,
      italic: face?.italic ?? false,
      bold: face?.bold ?? false,
    });
  }
  return runs;
}

async function readPages(
  pdfjs: PdfJs,
  bytes: Uint8Array,
  onPage: PdfReadOptions['onPage'],
): Promise<{ ok: true; pages: PdfPage[] } | { ok: false; error: string }> {
  // pdf.js takes the bytes over (it transfers their buffer to its worker) and wants a plain
  // Uint8Array, not a Node Buffer: give it a copy.
  const task = pdfjs.getDocument({ ...READ_ONLY_OPTIONS, data: new Uint8Array(bytes) });
  try {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (e) {
      return { ok: false, error: openError(e) };
    }
    if (doc.numPages < 1) return { ok: false, error: 'it has no pages' };
    if (doc.numPages > MAX_PDF_PAGES)
      return {
        ok: false,
        error: `it has ${doc.numPages.toLocaleString('en-GB')} pages; a resolution or draft has at most a few hundred, and the app reads PDFs of up to ${MAX_PDF_PAGES} pages`,
      };
    const annotationsOff = pdfjs.AnnotationMode?.DISABLE ?? 0;
    const fonts = new Map<string, FontFace>();
    const pages: PdfPage[] = [];
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.filter(isTextItem);
      for (const item of items) characters += item.str.length;
      if (characters > MAX_PDF_CHARACTERS)
        return {
          ok: false,
          error: `it holds over ${MAX_PDF_CHARACTERS.toLocaleString('en-GB')} characters of text, far more than any resolution or draft`,
        };
      const names = new Set(items.filter((i) => i.str.trim() !== '').map((i) => i.fontName));
      await fontsOf(page, names, fonts, content.styles, annotationsOff);
      pages.push({
        number: n,
        width: viewport.width,
        height: viewport.height,
        runs: runsOf(items, viewport, fonts),
      });
      page.cleanup?.();
      onPage?.(n, doc.numPages);
    }
    if (pages.every((p) => p.runs.every((r) => r.text.trim() === '')))
      return {
        ok: false,
        error:
          'it has no text to read: its pages are pictures (a scan, or a document printed to PDF as images); ask for the original PDF or Word document, or run the scan through text recognition (OCR) first',
      };
    return { ok: true, pages };
  } catch (e) {
    return { ok: false, error: `it could not be read as a PDF (${errorMessage(e)})` };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function load(source: PdfJsSource): Promise<PdfJs> {
  return typeof source === 'function' ? source() : source;
}

/** A PDF's printed lines, with what the PDF knows about each (italics, superscripts, position). */
export async function readPdfLines(
  bytes: Uint8Array,
  pdfjs: PdfJsSource,
  options: PdfReadOptions = {},
): Promise<PdfLinesResult> {
  try {
    const refused = checkPdfBytes(bytes);
    if (refused) return { ok: false, error: refused };
    const read = await readPages(await load(pdfjs), bytes, options.onPage);
    if (!read.ok) return read;
    return { ok: true, lines: linesOfPages(read.pages), pages: read.pages.length };
  } catch (e) {
    return { ok: false, error: `it could not be read as a PDF (${errorMessage(e)})` };
  }
}

/** Reads a PDF into documents and diagnostics; never throws. */
export async function importPdf(
  bytes: Uint8Array,
  pdfjs: PdfJsSource,
  options: PdfReadOptions = {},
): Promise<ImportResult> {
  const read = await readPdfLines(bytes, pdfjs, options);
  if (!read.ok) return read;
  try {
    const { documents, diagnostics } = readPrinted(read.lines);
    return { ok: true, documents, diagnostics };
  } catch (e) {
    return { ok: false, error: `its text could not be read as a resolution (${errorMessage(e)})` };
  }
}
