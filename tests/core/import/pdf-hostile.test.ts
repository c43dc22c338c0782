/**
 * PDFs the reader must refuse (issue 12: "encrypted, image-only, truncated, 100 MB, 2,000 pages"),
 * each with a sentence a user can act on, never a throw; and a PDF's own scripts never run. The files
 * are written by tests/helpers/pdf-writer.ts or cut from a real one. That the message comes within
 * two seconds is the benchmark's figure (bench/hostile.ts, `pdfHostileMs`): a timed test fails by
 * chance on a busy machine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPdfBytes,
  fontFaceOf,
  importPdf,
  MAX_PDF_BYTES,
  readPdfLines,
  type PdfJs,
} from '../../../src/core/import/pdf.ts';
import type { ImportResult } from '../../../src/core/import/docx.ts';
import { imageOnlyPdf, manyPagesPdf, passwordPdf, pdfjs, textPdf } from '../../helpers/pdf-writer.ts';

const real = new Uint8Array(readFileSync(new URL('../../../corpus/real/A_RES_79_188.pdf', import.meta.url)));

function errorOf(result: ImportResult): string {
  if (result.ok) throw new Error('the file was accepted');
  return result.error;
}

/** pdf.js that counts the documents opened: a refusal before pdf.js opens none. */
function counting(): { pdfjs: () => Promise<PdfJs>; opened: () => number } {
  let opened = 0;
  return {
    pdfjs: async () => {
      const real = await pdfjs();
      return {
        ...real,
        getDocument: (params) => {
          opened += 1;
          return real.getDocument(params);
        },
      };
    },
    opened: () => opened,
  };
}

describe('importPdf of hostile files', () => {
  it('says a password-protected PDF needs its password removed', async () => {
    expect(errorOf(await importPdf(passwordPdf('secret'), pdfjs))).toBe(
      'it is protected by a password; open it in a PDF reader with the password and save or print it as a PDF without one, then open that copy',
    );
  });

  it('reads a PDF encrypted only against changes (an empty user password), as any reader opens it', async () => {
    // The file opens; it has an empty page, so what is refused is the missing text, not the encryption.
    expect(errorOf(await importPdf(passwordPdf(''), pdfjs))).toMatch(/^it has no text to read/);
  });

  it('says a scan with no text layer is pictures, and what to do', async () => {
    expect(errorOf(await importPdf(imageOnlyPdf(), pdfjs))).toBe(
      'it has no text to read: its pages are pictures (a scan, or a document printed to PDF as images); ask for the original PDF or Word document, or run the scan through text recognition (OCR) first',
    );
  });

  it('says a truncated download is incomplete, before pdf.js reads what is left of it', async () => {
    const { pdfjs: counted, opened } = counting();
    const result = await importPdf(real.slice(0, Math.floor(real.length / 2)), counted);
    expect(errorOf(result)).toMatch(/^the file is incomplete: it stops before the end of the PDF/);
    expect(opened()).toBe(0);
  });

  it('refuses 100 MB by its size alone, before pdf.js sees it', async () => {
    const huge = new Uint8Array(100 * 1024 * 1024);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    const { pdfjs: counted, opened } = counting();
    expect(errorOf(await importPdf(huge, counted))).toBe(
      'the file is 100.0 MB; PDFs over 20.0 MB are not read (a resolution or draft is far smaller)',
    );
    expect(opened()).toBe(0);
    expect(checkPdfBytes(huge.subarray(0, MAX_PDF_BYTES + 1))).toMatch(/^the file is 20\.0 MB/);
  });

  it('refuses 2,000 pages by their count, before reading a page', async () => {
    expect(errorOf(await importPdf(manyPagesPdf(2000), pdfjs))).toBe(
      'it has 2,000 pages; a resolution or draft has at most a few hundred, and the app reads PDFs of up to 500 pages',
    );
  });

  it('says a file that is not a PDF is not one', async () => {
    expect(errorOf(await importPdf(new TextEncoder().encode('Recalling its resolution 5/1,\n'), pdfjs))).toBe(
      'it is not a PDF (it does not begin as one)',
    );
    expect(errorOf(await importPdf(new Uint8Array(0), pdfjs))).toBe(
      'it is not a PDF (it does not begin as one)',
    );
  });

  it('says a PDF whose structure is garbage is damaged', async () => {
    const garbage = new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(5000)}\n%%EOF\n`);
    expect(errorOf(await importPdf(garbage, pdfjs))).toMatch(/^it (is damaged|could not be read as a PDF)/);
  });

  it('never runs a PDF’s JavaScript (an open action) and reads its text', async () => {
    const scripted = textPdf(
      [[{ text: 'The General Assembly,', x: 100, y: 700, size: 10, font: 'italic' }]],
      '/OpenAction << /S /JavaScript /JS (globalThis.pdfScriptRan = true;) >> /Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (globalThis.pdfScriptRan = true;) >>] >> >>',
    );
    const read = await readPdfLines(scripted, pdfjs);
    expect(read.ok && read.lines.map((l) => l.text)).toEqual(['The General Assembly,']);
    expect((globalThis as { pdfScriptRan?: boolean }).pdfScriptRan).toBeUndefined();
  });

  it('says so when pdf.js cannot be loaded, without throwing', async () => {
    const result = await importPdf(real, () => Promise.reject(new Error('network down')));
    expect(errorOf(result)).toBe('it could not be read as a PDF (network down)');
  });
});

describe('fontFaceOf', () => {
  it.each([
    ['TimesNewRomanPSMT', false, false],
    ['TimesNewRomanPS-ItalicMT', true, false],
    ['BCDJEE+TimesNewRomanPS-ItalicMT', true, false],
    ['TimesNewRomanPS-BoldMT', false, true],
    ['TimesNewRomanPS-BoldItalicMT', true, true],
    ['Times-Italic', true, false],
    ['Arial,Italic', true, false],
    ['Arial,BoldItalic', true, true],
    ['MinionPro-It', true, false],
    ['Calibri-Light', false, false],
    ['BCDEEE+Barcode 3 of 9 by request', false, false],
  ])('reads %s as italic %s, bold %s', (name, italic, bold) => {
    expect(fontFaceOf(name)).toEqual({ italic, bold });
  });
});
