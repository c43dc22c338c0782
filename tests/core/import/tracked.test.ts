/**
 * Who changed what in a returned Word file (issue 14): each tracked change with its author, where it
 * sits in the text before, and the paragraph before and after. Read from hand-written Word XML (two
 * delegations, a replacement, a change of one delegation's insertion by another, a new paragraph) and
 * from the project's own tracked export.
 */
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../src/core/export/docx/docx.ts';
import { importDocx } from '../../../src/core/import/docx.ts';
import { readTrackedChanges } from '../../../src/core/import/tracked.ts';
import { inlineText, joinOpener } from '../../../src/core/model/inline.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { gaDocument } from '../../helpers/ga.ts';
import { documentXml, wordZip } from './word.ts';

const DATE = '2026-11-30T10:00:00Z';

function run(text: string): string {
  return `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
}
function ins(author: string, text: string, id = 1): string {
  return `<w:ins w:id="${id}" w:author="${author}" w:date="${DATE}">${run(text)}</w:ins>`;
}
function del(author: string, text: string, id = 2): string {
  return `<w:del w:id="${id}" w:author="${author}" w:date="${DATE}"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
}

async function read(body: string) {
  const r = await readTrackedChanges(await wordZip({ 'word/document.xml': documentXml(body) }));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('readTrackedChanges on Word XML written by hand', () => {
  it('attributes each insertion and deletion to its author, at its place in the text before', async () => {
    const doc = await read(
      `<w:p>${run('Urges ')}${del('EU', 'all ')}${run('States to ')}${ins('Mexico', 'consider ')}${run('ratifying the Protocol;')}</w:p>`,
    );
    expect(doc.authors).toEqual(['EU', 'Mexico']);
    const [p] = doc.paragraphs;
    expect(p?.before).toBe('Urges all States to ratifying the Protocol;');
    expect(p?.after).toBe('Urges States to consider ratifying the Protocol;');
    expect(p?.edits).toEqual([
      { type: 'delete', author: 'EU', date: DATE, text: 'all ', at: 6 },
      { type: 'insert', author: 'Mexico', date: DATE, text: 'consider ', at: 20 },
    ]);
  });

  it('reads a replacement as a deletion and an insertion at one place, and one change over several runs as one edit', async () => {
    const doc = await read(
      `<w:p>${run('Requests the ')}${del('G77 and China', 'Secretary-General')}<w:ins w:id="3" w:author="G77 and China" w:date="${DATE}">${run('Executive ')}<w:r><w:rPr><w:i/></w:rPr><w:t>Director</w:t></w:r></w:ins>${run(' to report;')}</w:p>`,
    );
    const [p] = doc.paragraphs;
    expect(p?.after).toBe('Requests the Executive Director to report;');
    expect(p?.edits.map((e) => [e.type, e.text, e.at])).toEqual([
      ['delete', 'Secretary-General', 13],
      ['insert', 'Executive Director', 30],
    ]);
  });

  it('leaves out text one delegation inserted and another deleted: it is in neither text', async () => {
    const doc = await read(
      `<w:p>${run('Decides ')}<w:ins w:id="4" w:author="Mexico" w:date="${DATE}"><w:del w:id="5" w:author="EU" w:date="${DATE}"><w:r><w:delText>urgently </w:delText></w:r></w:del>${run('to ')}</w:ins>${run('act;')}</w:p>`,
    );
    const [p] = doc.paragraphs;
    expect(p?.before).toBe('Decides act;');
    expect(p?.after).toBe('Decides to act;');
    expect(p?.edits).toEqual([{ type: 'insert', author: 'Mexico', date: DATE, text: 'to ', at: 8 }]);
  });

  it('marks a paragraph whose break was inserted, with its author, and keeps it apart', async () => {
    const doc = await read(
      `<w:p>${run('1. Welcomes the report;')}</w:p><w:p><w:pPr><w:rPr><w:ins w:id="6" w:author="CANZ" w:date="${DATE}"/></w:rPr></w:pPr>${ins('CANZ', '1 bis. Invites Member States to contribute;', 7)}</w:p>`,
    );
    expect(doc.paragraphs).toHaveLength(2);
    expect(doc.paragraphs[1]?.markChange).toEqual({ type: 'insert', author: 'CANZ', date: DATE });
    expect(doc.paragraphs[1]?.before).toBe('');
    expect(doc.paragraphs[1]?.after).toBe('1 bis. Invites Member States to contribute;');
    expect(doc.authors).toEqual(['CANZ']);
  });

  it('refuses what is not a Word file, with the reason', async () => {
    const r = await readTrackedChanges(new TextEncoder().encode('not a zip'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/zip|Word|docx/i);
  });
});

/** The printed text of a paragraph, opener included. */
const printed = (p: {
  opener: string;
  content: ResolutionDocument['operative'][number]['content'];
}): string => joinOpener(p.opener, inlineText(p.content));

describe('readTrackedChanges on the project’s own tracked export', () => {
  it("finds the delegation's edits to a resolution, its texts before and after those of the base and the draft", async () => {
    const base = gaDocument('A_RES_79_16');
    const third = base.operative[2];
    if (!third) throw new Error('A/RES/79/16 has no OP3');
    const edited = {
      ...third,
      content: [
        { type: 'text' as const, text: inlineText(third.content).replace('Takes note of', 'Welcomes') },
      ],
    };
    const draft: ResolutionDocument = {
      ...base,
      operative: [
        base.operative[0]!,
        base.operative[1]!,
        { ...edited, opener: 'Welcomes' },
        ...base.operative.slice(3),
      ],
    };
    const bytes = await exportDocx(draft, { base, author: 'Mexico', date: DATE });
    const r = await readTrackedChanges(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.authors).toEqual(['Mexico']);
    const changed = r.value.paragraphs.filter((p) => p.edits.length > 0);
    expect(changed.length).toBeGreaterThan(0);
    const op3 = changed.find((p) => p.after.includes('Welcomes'));
    expect(op3?.before.replace(/\s+/g, ' ')).toContain(printed(third).slice(0, 60).replace(/\s+/g, ' '));
    expect(op3?.edits.every((e) => e.author === 'Mexico' && e.date === DATE)).toBe(true);

    // Every paragraph's texts are those the import reads with all changes rejected and accepted.
    const norm = (t: string): string => t.replace(/\s+/g, ' ').trim();
    const before = await importDocx(bytes, { revisions: 'reject' });
    const after = await importDocx(bytes, { revisions: 'accept' });
    if (!before.ok || !after.ok) throw new Error('the export does not import');
    const all = (side: 'before' | 'after'): string => norm(r.value.paragraphs.map((p) => p[side]).join(' '));
    for (const [side, imported] of [
      ['before', before],
      ['after', after],
    ] as const) {
      const doc = imported.documents[0];
      for (const p of doc?.operative ?? [])
        expect(all(side)).toContain(norm(inlineText(p.content)).slice(0, 80));
    }
  });
});
