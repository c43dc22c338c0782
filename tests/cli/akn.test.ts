/**
 * Akoma Ntoso on the command line: `export <source> --format akn --out file.xml` writes it, `parse
 * file.xml --json` reads it back as the same document, and a hostile or foreign file is refused with
 * its reason and exit status 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliJson } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-akn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ParsedDocument {
  kind: string;
  number: string | null;
  title: string;
  preamble: { opener: string; text: string }[];
  operative: { label: string; text: string }[];
  footnotes: { number: number; text: string }[];
}

describe('resolution-drafter and Akoma Ntoso', () => {
  it('exports a corpus resolution as Akoma Ntoso that parse reads back as the same resolution', async () => {
    const out = join(dir, '6-1.xml');
    const r = await cli('export', '6/1', '--format', 'akn', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*6-1\.xml \(resolution 6\/1, Akoma Ntoso, \d+ KB\)/);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<akomaNtoso xmlns="http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0"/,
    );
    expect(xml).toContain('<statement name="resolution"');
    const [read] = (await cliJson<{ documents: ParsedDocument[] }>('parse', out)).documents;
    const [original] = (await cliJson<{ documents: ParsedDocument[] }>('corpus')).documents;
    expect(read).toEqual(original);
    expect(read?.operative.length).toBeGreaterThan(5);
  });

  it('reports what it wrote as JSON with --json', async () => {
    const out = join(dir, 'd6-1.xml');
    const r = await cliJson<{ out: string; bytes: number; format: string }>(
      'export',
      'decision 6/1',
      '--format',
      'akn',
      '--out',
      out,
    );
    expect(r).toEqual({ out, bytes: readFileSync(out).length, format: 'akn' });
    expect(readFileSync(out, 'utf8')).toContain('<statement name="decision"');
  });

  it('refuses a format it does not know, a wrong ending and Word’s options with Akoma Ntoso', async () => {
    const wrongFormat = await cli('export', '6/1', '--format', 'pdf', '--out', join(dir, 'x.pdf'));
    expect(wrongFormat.status).toBe(2);
    expect(wrongFormat.stderr).toMatch(/--format pdf: the formats are docx and akn/);
    const wrongEnding = await cli('export', '6/1', '--format', 'akn', '--out', join(dir, 'x.docx'));
    expect(wrongEnding.status).toBe(2);
    expect(wrongEnding.stderr).toMatch(/must end in \.xml/);
    const withBase = await cli(
      'export',
      '6/1',
      '--format',
      'akn',
      '--base',
      '6/2',
      '--out',
      join(dir, 'x.xml'),
    );
    expect(withBase.status).toBe(2);
    expect(withBase.stderr).toMatch(/do not go with --format akn/);
  });

  it('refuses a hostile file with its reason, and exits 2', async () => {
    const hostile = join(dir, 'laughs.xml');
    writeFileSync(
      hostile,
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><mainBody><paragraph eId="p"><content><p>&b;</p></content></paragraph></mainBody></statement></akomaNtoso>',
    );
    const r = await cli('parse', hostile, '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/laughs\.xml was not read: it declares a document type \(DOCTYPE/);
    const html = join(dir, 'page.xml');
    writeFileSync(html, '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>');
    const other = await cli('parse', html);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/not Akoma Ntoso: its root element is <html>/);
  });
});
