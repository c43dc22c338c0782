import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, cliJson } from './run.ts';

interface Doc {
  kind: string;
  number: string;
  title: string;
  preamble: { opener: string; text: string }[];
  operative: {
    number: number;
    label: string;
    opener: string;
    text: string;
    subparagraphs: { label: string; text: string; subparagraphs: unknown[] }[];
  }[];
  annex: null | {
    title: string;
    intro: string;
    items: { label: string; text: string; subparagraphs: unknown[] }[];
  };
  footnotes: { number: number; text: string; resolved: string }[];
  adoption: null | { date: string; draftSymbol: string | null; sponsors: string[] };
}

describe('resolution-drafter corpus', () => {
  let documents: Doc[] = [];
  beforeAll(async () => {
    ({ documents } = await cliJson<{ documents: Doc[] }>('corpus'));
  });

  it('prints every document of the report in the public JSON shape', () => {
    expect(documents.map((d) => `${d.kind} ${d.number}`)).toEqual([
      'resolution 6/1',
      'resolution 6/2',
      'resolution 6/3',
      'resolution 6/4',
      'decision 6/1',
      'decision 6/2',
      'decision 6/3',
    ]);
    const r3 = documents[2]!;
    expect(r3.preamble).toHaveLength(7);
    expect(r3.operative[8]).toMatchObject({
      number: 9,
      label: '9',
      opener: 'Also urges',
      text: 'Also urges States parties:',
    });
    expect(r3.operative[8]!.subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)', '(c)']);
    expect(r3.adoption).toMatchObject({ date: '2012-10-19', draftSymbol: 'CTOC/COP/2012/L.6/Rev.2' });
  });

  it('prints paragraph text as printed: opener included, no footnote markers, no markup', () => {
    const op2 = documents[1]!.operative[1]!;
    expect(op2.text).toBe(
      'Invites States that have not yet done so to consider becoming parties to the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing the United Nations Convention against Transnational Organized Crime, and to fully implement its provisions;',
    );
    expect(documents.flatMap((d) => d.operative.map((p) => p.text)).join(' ')).not.toMatch(/[*⁰¹²³⁴⁵⁶⁷⁸⁹]/);
  });

  it('prints footnotes with Ibid. resolved', () => {
    const fn16 = documents[2]!.footnotes.find((f) => f.number === 16);
    expect(fn16).toEqual({
      number: 16,
      text: 'Ibid.',
      resolved: 'United Nations, Treaty Series, vol. 2225, No. 39574.',
    });
  });

  it('prints the annex of 6/4 and null where there is none', () => {
    expect(documents[0]!.annex).toBeNull();
    expect(documents[3]!.annex?.items.map((i) => i.subparagraphs.length)).toEqual([3, 5, 2, 0]);
  });

  it('prints a readable table without --json', async () => {
    const r = await cli('corpus');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/resolution 6\/1\s+17\s+21/);
    expect(() => JSON.parse(r.stdout)).toThrow();
  });
});

describe('resolution-drafter parse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-cli-'));

  it('reads a plain-text resolution file into the same shape as the corpus', async () => {
    const file = join(dir, 'draft.txt');
    writeFileSync(
      file,
      'Draft title\n\nThe General Assembly,\n\nRecalling its resolution 64/293,\n\n1. Requests the Secretary-General to report;\n2. Also requests the Secretary-General to act.\n',
    );
    const { documents } = await cliJson<{ documents: Doc[] }>('parse', file);
    expect(documents[0]).toMatchObject({ kind: 'resolution', title: 'Draft title' });
    expect(documents[0]!.operative.map((p) => p.opener)).toEqual(['Requests', 'Also requests']);
  });

  it('heads the outline of each text with its kind, its number when it has one, and its title', async () => {
    const unnumbered = join(dir, 'unnumbered.txt');
    writeFileSync(
      unnumbered,
      'Draft title\n\nThe Conference,\n\nRecalling its resolution 5/1,\n\n1. Requests the Office to report;\n',
    );
    const numbered = join(dir, 'numbered.txt');
    writeFileSync(
      numbered,
      'Resolution 6/3\n\nDraft title\n\nThe Conference,\n\n1. Requests the Office to report;\n',
    );
    const lines = async (file: string) => (await cli('parse', file)).stdout.split('\n');
    expect(await lines(unnumbered)).toContain('resolution: Draft title');
    expect(await lines(numbered)).toContain('resolution 6/3: Draft title');
  });

  it('refuses a missing file, a folder and a binary file with a clear message and exit status 2', async () => {
    const missing = await cli('parse', join(dir, 'nope.txt'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    expect((await cli('parse', dir)).stderr).toMatch(/is a folder/);
    const binary = join(dir, 'x.bin');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 255]));
    const r = await cli('parse', binary);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a text file/);
    expect(r.stdout).toBe('');
  });

  it('reports a malformed .resolution.json file instead of crashing', async () => {
    const file = join(dir, 'bad.resolution.json');
    writeFileSync(
      file,
      '{"format": "resolution-drafter/resolution", "schemaVersion": 1, "document": {"kind": 3}}',
    );
    const r = await cli('parse', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.resolution\.json/);
  });
});

describe('resolution-drafter lexicon', () => {
  it('counts the openers of the operative parts as read by hand', async () => {
    const { entries } = await cliJson<{
      entries: { phrase: string; part: string; count: number; sources: string[]; fromCorpus: boolean }[];
    }>('lexicon');
    const count = (phrase: string) =>
      entries.find((e) => e.phrase === phrase && e.part === 'operative')?.count;
    expect([
      count('Requests'),
      count('Urges'),
      count('Also urges'),
      count('Further urges'),
      count('Invites'),
    ]).toEqual([8, 6, 3, 2, 6]);
    expect(entries.find((e) => e.phrase === 'Recognizing also')?.sources).toEqual(['6/1 PP13']);
    expect(entries.some((e) => !e.fromCorpus)).toBe(true);
  });
});

describe('resolution-drafter usage', () => {
  it('rejects unknown commands and options on stderr with exit status 2', async () => {
    const r = await cli('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    expect((await cli('corpus', '--jsn')).stderr).toMatch(/unknown option --jsn/);
    expect((await cli('parse')).stderr).toMatch(/usage: resolution-drafter parse <file>/);
  });

  it('prints help with exit status 0', async () => {
    const r = await cli('help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/commands:/);
  });
});
