import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliJson } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ParsedDocument {
  number: string | null;
  title: string;
  preamble: { text: string }[];
  operative: { label: string; text: string }[];
  footnotes: { number: number; resolved: string }[];
}

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

describe('resolution-drafter export', () => {
  const out = join(dir, '6-1.docx');

  it('writes a corpus resolution as a .docx that parse reads back as the same resolution', async () => {
    const r = await cli('export', '6/1', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*6-1\.docx \(resolution 6\/1, \d+ KB\)/);
    const [read] = (await cliJson<{ documents: ParsedDocument[] }>('parse', out)).documents;
    const [original] = (await cliJson<{ documents: ParsedDocument[] }>('corpus')).documents;
    expect(read?.number).toBe('6/1');
    expect(read?.preamble.map((p) => p.text)).toEqual(original?.preamble.map((p) => p.text));
    expect(read?.operative.map((p) => [p.label, p.text])).toEqual(
      original?.operative.map((p) => [p.label, p.text]),
    );
    expect(read?.footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('writes tracked changes against --base, attributed to --author', async () => {
    const draft = join(dir, 'draft.txt');
    writeFileSync(
      draft,
      [
        'Strengthening cooperation',
        'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
        'Recalling its resolution 5/1 of 22 October 2010,',
        '1. Urges States parties to act.',
      ].join('\n\n'),
    );
    const base = join(dir, 'base.txt');
    writeFileSync(base, readFileSync(draft, 'utf8').replace('Urges', 'Invites'));
    const tracked = join(dir, 'tracked.docx');
    const result = await cliJson<{ out: string; base: string; author: string }>(
      'export',
      draft,
      '--base',
      base,
      '--author',
      'Mexico',
      '--out',
      tracked,
    );
    expect(result).toMatchObject({ out: tracked, base, author: 'Mexico' });
    const xml = await documentXml(tracked);
    expect(xml).toMatch(
      /<w:del w:id="\d+" w:author="Mexico" w:date="[^"]+"><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:delText xml:space="preserve">Invites</,
    );
    expect(xml).toMatch(
      /<w:ins w:id="\d+" w:author="Mexico" w:date="[^"]+"><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Urges</,
    );
  });

  it('refuses to run without --out, with the usage on stderr and status 2', async () => {
    const r = await cli('export', '6/1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out <file.docx> is required');
  });

  it('refuses an output name that is not .docx', async () => {
    const r = await cli('export', '6/1', '--out', join(dir, 'x.pdf'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the output file must end in .docx');
  });
});

describe('resolution-drafter parse of a .docx', () => {
  it('gives a clear message, status 2, for a file that is not a Word document', async () => {
    const fake = join(dir, 'fake.docx');
    writeFileSync(fake, 'not a zip');
    const r = await cli('parse', fake, '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'fake.docx: this is not a Word document (.docx): the file is not a zip archive',
    );
  });
});
