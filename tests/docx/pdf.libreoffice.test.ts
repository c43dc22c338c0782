/**
 * A PDF the reader was not written against: a resolution exported to Word by the app and printed to
 * PDF by LibreOffice (its footnote rule is drawn, not typed; its page numbers stand alone under the
 * notes). Read back through the PDF reader, it gives the resolution it was made from.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/core/compare/compare.ts';
import { exportDocx } from '../../src/core/export/docx/docx.ts';
import { importPdf } from '../../src/core/import/pdf.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { gaDocument } from '../helpers/ga.ts';
import { pdfjs } from '../helpers/pdf-writer.ts';
import { soffice } from '../helpers/soffice.ts';

const dir = mkdtempSync(join(tmpdir(), 'pdf-lo-'));
const source: ResolutionDocument = gaDocument('A_RES_79_139');
let read: ResolutionDocument;

beforeAll(async () => {
  writeFileSync(join(dir, 'r.docx'), await exportDocx(source));
  soffice(dir, 'pdf', dir, [join(dir, 'r.docx')]);
  const result = await importPdf(new Uint8Array(readFileSync(join(dir, 'r.pdf'))), pdfjs);
  if (!result.ok) throw new Error(result.error);
  read = result.documents[0] as ResolutionDocument;
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a resolution printed to PDF by LibreOffice, read back', () => {
  it('has its number, title, formula and as many paragraphs and footnotes', () => {
    expect(read.number).toBe('79/139');
    expect(read.title).toBe(source.title);
    expect(read.formula).toBe(source.formula);
    expect([read.preamble.length, read.operative.length, read.footnotes.length]).toEqual([
      source.preamble.length,
      source.operative.length,
      source.footnotes.length,
    ]);
  });

  it('has the same openers, taken from the italics', () => {
    expect(read.preamble.map((p) => p.opener)).toEqual(source.preamble.map((p) => p.opener));
    expect(read.operative.map((p) => p.opener)).toEqual(source.operative.map((p) => p.opener));
  });

  it('differs from the resolution in at most a few paragraphs (words the PDF spaces apart)', () => {
    const { summary } = compareDocuments(source, read);
    expect(summary.inserted + summary.deleted + summary.moved).toBe(0);
    expect(summary.changed).toBeLessThanOrEqual(8);
  });
});
