/**
 * Every command reads every kind of source (src/cli/sources.ts; issue 12, "the command line"): a PDF
 * as the UN's document system gives it, a web page, beside text, .docx and *.resolution.json — e.g.
 * `compare draft.pdf adopted.pdf` is how a secretariat officer sees what changed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { counted, realPath } from '../helpers/counted.ts';
import { passwordPdf } from '../helpers/pdf-writer.ts';
import { cli, cliJson } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PDF = realPath('A_RES_79_188.pdf');

const expected = counted('A/RES/79/188');

interface ParsedDocument {
  formula: string;
  preamble: { opener: string; text: string }[];
  operative: { opener: string; text: string }[];
  footnotes: { number: number }[];
}

describe('resolution-drafter with PDF and HTML sources', () => {
  it('parses a PDF into the same document shape as any other source', async () => {
    const { documents } = await cliJson<{ documents: ParsedDocument[] }>('parse', PDF);
    const [doc] = documents;
    expect(doc?.formula).toBe('The General Assembly,');
    expect(doc?.preamble.map((p) => p.opener)).toEqual(expected.preambleOpeners);
    expect(doc?.operative.map((p) => p.opener)).toEqual(expected.operativeOpeners);
    expect(doc?.footnotes).toHaveLength(expected.footnotes);
  });

  it('lints a PDF and compares two: the same PDF twice has every paragraph unchanged', async () => {
    const lint = await cli('lint', PDF, '--json');
    expect([0, 1]).toContain(lint.status);
    expect(JSON.parse(lint.stdout)).toHaveProperty('diagnostics');

    const compared = await cliJson<{ changes: { type: string; part: string }[] }>('compare', PDF, PDF);
    const paragraphs = compared.changes.filter((c) => c.part === 'preamble' || c.part === 'operative');
    expect(paragraphs).toHaveLength(expected.preamble + expected.operative);
    expect(new Set(paragraphs.map((c) => c.type))).toEqual(new Set(['unchanged']));
  });

  it('exports a PDF as a .docx', async () => {
    const out = join(dir, '79-188.docx');
    const r = await cli('export', PDF, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file('word/document.xml')?.async('string')).toContain('Strongly condemns');
  });

  it('reads a web page (.html) through the HTML reader', async () => {
    const page = join(dir, 'draft.html');
    writeFileSync(
      page,
      `<html><body><p>Strengthening cooperation</p><p><i>The General Assembly</i>,</p>
       <p><i>Recalling</i> its resolution 78/1,</p><p>1. <i>Urges</i> States to act.</p></body></html>`,
    );
    const [doc] = (await cliJson<{ documents: ParsedDocument[] }>('parse', page)).documents;
    expect(doc?.preamble.map((p) => p.opener)).toEqual(['Recalling']);
    expect(doc?.operative.map((p) => p.text)).toEqual(['Urges States to act.']);
  });

  it('says why a PDF cannot be read, on stderr with exit status 2', async () => {
    const locked = join(dir, 'locked.pdf');
    writeFileSync(locked, passwordPdf('secret'));
    const r = await cli('parse', locked);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `resolution-drafter: ${locked} was not read: it is protected by a password; open it in a PDF reader with the password and save or print it as a PDF without one, then open that copy\n`,
    );
  });

  it('lists the kinds of source in its help', async () => {
    const help = (await cli('help')).stdout;
    for (const kind of ['file.pdf', 'file.docx', 'file.html', 'file.resolution.json'])
      expect(help).toContain(kind);
  });
});
