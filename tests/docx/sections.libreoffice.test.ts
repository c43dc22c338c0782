/**
 * The Word export of an omnibus resolution opened by a real office suite: LibreOffice headless
 * converts it to plain text, which must hold every section's number and heading, each section's
 * paragraphs numbered as printed, and a preambular paragraph's (a), (b) — in that order. One soffice
 * call for both files, in beforeAll (LibreOffice is slow to start).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx/docx.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { gaDocument } from '../helpers/ga.ts';
import { soffice } from '../helpers/soffice.ts';

const dir = mkdtempSync(join(tmpdir(), 'docx-lo-sections-'));
const DATE = '2024-12-06T10:00:00Z';

/** A/RES/78/247 (sections I and II, each from 1) with the preambular list of A/RES/78/29 before them. */
function omnibus(): ResolutionDocument {
  const sections = gaDocument('A_RES_78_247');
  const listing = gaDocument('A_RES_78_29').preamble.find((p) => (p.subparagraphs?.length ?? 0) > 0);
  if (!listing) throw new Error('no preambular list in A/RES/78/29');
  return { ...sections, preamble: [listing], footnotes: [...sections.footnotes] };
}

const files = {
  omnibus: omnibus(),
  tracked: omnibus(),
};

let texts: Record<keyof typeof files, string>;

beforeAll(async () => {
  const base = gaDocument('A_RES_78_247');
  for (const [name, doc] of Object.entries(files))
    writeFileSync(
      join(dir, `${name}.docx`),
      await exportDocx(doc, name === 'tracked' ? { base, date: DATE } : {}),
    );
  soffice(
    dir,
    'txt:Text (encoded):UTF8',
    dir,
    Object.keys(files).map((name) => join(dir, `${name}.docx`)),
  );
  texts = {
    omnibus: readFileSync(join(dir, 'omnibus.txt'), 'utf8'),
    tracked: readFileSync(join(dir, 'tracked.txt'), 'utf8'),
  };
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The non-empty lines of a converted text, spaces collapsed. */
const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');

describe('an omnibus resolution exported to Word, read back by LibreOffice', () => {
  it('holds every section number and heading, alone on their lines, in order', () => {
    const read = lines(texts.omnibus);
    const doc = files.omnibus;
    let at = 0;
    for (const s of doc.sections ?? []) {
      at = read.indexOf(s.number, at);
      expect(at, `section ${s.number}`).toBeGreaterThan(-1);
      expect(read[at + 1]).toBe(s.heading);
    }
  });

  it('numbers each section’s operative paragraphs as printed and lists the preambular (a) to (e)', () => {
    const read = lines(texts.omnibus);
    const doc = files.omnibus;
    for (const s of doc.sections ?? [])
      for (const p of s.operative) {
        const line = read.find((l) => l.startsWith(`${p.label}. ${p.opener}`));
        expect(line, `${s.number} ${p.label}`).toBeDefined();
      }
    const items = doc.preamble[0]?.subparagraphs ?? [];
    expect(items.length).toBe(5);
    for (const item of items) expect(read.some((l) => l.startsWith(`${item.label} `))).toBe(true);
  });

  it('keeps them all when the export tracks changes against the resolution without the list', () => {
    const read = lines(texts.tracked);
    for (const s of files.tracked.sections ?? []) {
      expect(read).toContain(s.number);
      expect(read).toContain(s.heading);
    }
    // The list is new against the base: there, tracked as inserted, but its text is all in the file.
    for (const item of files.tracked.preamble[0]?.subparagraphs ?? [])
      expect(read.some((l) => l.startsWith(`${item.label} `))).toBe(true);
  });
});
