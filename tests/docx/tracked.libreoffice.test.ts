/**
 * A delegation's returned file, as often as not, has passed through LibreOffice: the tracked changes
 * of the project's export, saved again as .docx by LibreOffice headless, must still say who changed
 * what — the same author, and the same texts before and after (issue 14, "a document converted
 * through LibreOffice keeps its tracked changes").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx/docx.ts';
import { readTrackedChanges, type TrackedDocument } from '../../src/core/import/tracked.ts';
import { inlineText } from '../../src/core/model/inline.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { gaDocument } from '../helpers/ga.ts';
import { soffice } from '../helpers/soffice.ts';

const dir = mkdtempSync(join(tmpdir(), 'docx-lo-tracked-'));
const DATE = '2026-11-30T10:00:00Z';

/** A/RES/79/16 as Mexico returns it: a word replaced in OP3, OP4 deleted, a paragraph added. */
function returned(): { base: ResolutionDocument; draft: ResolutionDocument } {
  const base = gaDocument('A_RES_79_16');
  const [op1, op2, op3, , ...rest] = base.operative;
  if (!op1 || !op2 || !op3) throw new Error('A/RES/79/16 has fewer than four operative paragraphs');
  const reworded = {
    ...op3,
    content: [{ type: 'text' as const, text: inlineText(op3.content).replace(/\bthe\b/, 'all the') }],
  };
  const added = {
    opener: 'Invites',
    content: [{ type: 'text' as const, text: 'all States to support the zone;' }],
    subparagraphs: [],
  };
  return { base, draft: { ...base, operative: [op1, op2, reworded, added, ...rest] } };
}

let original: TrackedDocument;
let resaved: TrackedDocument;

beforeAll(async () => {
  const { base, draft } = returned();
  writeFileSync(join(dir, 'mexico.docx'), await exportDocx(draft, { base, author: 'Mexico', date: DATE }));
  soffice(dir, 'docx:MS Word 2007 XML', join(dir, 'out'), [join(dir, 'mexico.docx')]);
  const read = async (path: string): Promise<TrackedDocument> => {
    const t = await readTrackedChanges(new Uint8Array(readFileSync(path)));
    if (!t.ok) throw new Error(t.error);
    return t.value;
  };
  original = await read(join(dir, 'mexico.docx'));
  resaved = await read(join(dir, 'out', 'mexico.docx'));
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const norm = (t: string): string => t.replace(/\s+/g, ' ').trim();
const text = (d: TrackedDocument, side: 'before' | 'after'): string =>
  norm(d.paragraphs.map((p) => p[side]).join(' '));
const changed = (d: TrackedDocument): string[] =>
  d.paragraphs.filter((p) => p.edits.length > 0 || p.markChange).map((p) => norm(p.after));

describe('tracked changes saved again by LibreOffice', () => {
  it('are all still attributed to the delegation that made them', () => {
    expect(original.authors).toEqual(['Mexico']);
    expect(resaved.authors).toEqual(['Mexico']);
  });

  it('give the same text before and after the changes', () => {
    expect(text(resaved, 'before')).toBe(text(original, 'before'));
    expect(text(resaved, 'after')).toBe(text(original, 'after'));
    expect(text(resaved, 'after')).toContain('Invites all States to support the zone;');
    expect(text(resaved, 'before')).not.toContain('support the zone');
  });

  it('mark the same paragraphs as changed', () => {
    expect(changed(original).length).toBeGreaterThanOrEqual(3);
    expect(changed(resaved)).toEqual(changed(original));
  });
});
