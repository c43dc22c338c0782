/**
 * The command line and typography (issue 12, item 6): for `compare`, a paragraph that differs from the
 * base only in non-breaking hyphens, curly quotes and the like is counted on a line of its own, not
 * reported as changed; --show-typography shows it; --json carries the count and the mark. `export
 * --base` likewise tracks no typography-only difference unless --show-typography.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { serializeDocumentFile } from '../../src/core/model/file.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { cli, cliJson } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'compare-typography-'));

function file(name: string, doc: ResolutionDocument): string {
  const path = join(dir, name);
  writeFileSync(path, serializeDocumentFile(doc, { savedAt: '2024-01-01T00:00:00Z' }));
  return path;
}

const base = file(
  'base.resolution.json',
  res({
    preamble: [pre('Noting', 'the "report" of the Secretary-General,')],
    operative: [op('Requests', 'the Office to report;'), op('Decides', 'to remain seized of the matter.')],
  }),
);
const draft = file(
  'draft.resolution.json',
  res({
    preamble: [pre('Noting', 'the “report” of the Secretary\u2011General,')],
    operative: [
      op('Requests', 'the Office to submit a report;'),
      op('Decides', 'to remain seized of the matter.'),
    ],
  }),
);

interface Json {
  changes: { type: string; draft: number | null; part: string; typography?: boolean }[];
  summary: { changed: number; unchanged: number; typography: number };
}

describe('resolution-drafter compare and typography', () => {
  it('counts a typography-only paragraph on a line of its own and reports only the real change', async () => {
    const r = await cli('compare', base, draft);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/: 1 changed, 0 moved, 0 inserted, 0 deleted, 2 unchanged$/);
    expect(lines[1]).toBe('1 paragraph differs only in typography (not shown; --show-typography shows them)');
    expect(r.stdout).toContain('Requests the Office to {+submit a+} report;');
    expect(r.stdout).not.toContain('PP1');
  });

  it('shows it as a change with --show-typography, marked "typography only"', async () => {
    const r = await cli('compare', base, draft, '--show-typography');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 paragraph differs only in typography (shown as changes)');
    expect(r.stdout).toContain('PP1  changed  (typography only)');
    expect(r.stdout).toContain('Noting the [-"-]{+“+}report[-"-]{+”+} of the Secretary[---]{+‑+}General,');
  });

  it('gives the count in the summary and the mark on the paragraph with --json', async () => {
    const hidden = await cliJson<Json>('compare', base, draft);
    expect(hidden.summary).toMatchObject({ changed: 1, unchanged: 2, typography: 1 });
    expect(hidden.changes[0]).toMatchObject({ type: 'unchanged', part: 'preamble', typography: true });
    const shown = await cliJson<Json>('compare', base, draft, '--show-typography');
    expect(shown.summary).toMatchObject({ changed: 2, unchanged: 1, typography: 1 });
    expect(shown.changes[0]).toMatchObject({ type: 'changed', typography: true });
  });

  it('prints no typography line when there is none', async () => {
    expect((await cli('compare', base, base)).stdout).not.toContain('only in typography');
  });
});

async function documentXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

/** The texts of the tracked deletions and insertions of a document.xml. */
function trackedTexts(xml: string, tag: 'w:del' | 'w:ins'): string[] {
  const runs = xml.match(new RegExp(`<${tag} [^>]*>[\\s\\S]*?</${tag}>`, 'g')) ?? [];
  return runs.map((run) => [...run.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((m) => m[1]).join(''));
}

describe('resolution-drafter export --base and typography', () => {
  it('tracks only the real change by default, and typography too with --show-typography', async () => {
    const plain = join(dir, 'plain.docx');
    expect((await cli('export', draft, '--base', base, '--out', plain)).status).toBe(0);
    const xml = await documentXml(plain);
    expect(trackedTexts(xml, 'w:ins').join('|')).toBe('submit a ');
    expect(trackedTexts(xml, 'w:del')).toEqual([]);
    expect(xml).toContain('Secretary\u2011General');

    const exact = join(dir, 'exact.docx');
    expect((await cli('export', draft, '--base', base, '--out', exact, '--show-typography')).status).toBe(0);
    const exactXml = await documentXml(exact);
    expect(trackedTexts(exactXml, 'w:del')).toContain('Secretary-General');
    expect(trackedTexts(exactXml, 'w:ins')).toContain('Secretary\u2011General');
  });
});
