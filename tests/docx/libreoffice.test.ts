/**
 * Every export opened by a real office suite: LibreOffice headless converts the .docx files to PDF
 * (text checked with pdftotext, fonts with pdffonts), to .odt (tracked changes counted as
 * text:changed-region) and back to .docx (read again by the app's import). LibreOffice is slow to
 * start, so each conversion is one soffice call over all the files, in beforeAll.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx/docx.ts';
import { toPublicJson } from '../../src/core/export/json.ts';
import { importDocx } from '../../src/core/import/docx.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { corpus, corpusDocument } from '../helpers/corpus.ts';
import { op, res } from '../helpers/builders.ts';
import { lBase, lDraft } from '../core/export/docx/fixtures.ts';
import { soffice } from '../helpers/soffice.ts';

const DATE = '2014-10-01T09:30:00Z';
const dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));

function pdfText(name: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const r = spawnSync('pdftotext', ['-layout', ...range, join(dir, 'pdf', `${name}.pdf`), '-'], {
    encoding: 'utf8',
  });
  return r.stdout;
}

function pdfPages(name: string): number {
  const r = spawnSync('pdfinfo', [join(dir, 'pdf', `${name}.pdf`)], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
}

async function odtContent(name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(join(dir, 'odt', `${name}.odt`)));
  return (await zip.file('content.xml')?.async('string')) ?? '';
}

const docName = (d: ResolutionDocument): string => `${d.kind}-${(d.number ?? 'draft').replace('/', '-')}`;

/** A revision of resolution 6/1 as its sponsors would submit it: masthead, one paragraph moved, one verb changed. */
function revision61(): ResolutionDocument {
  const base = corpusDocument('resolution', '6/1');
  const ops = base.operative.map(({ label: _label, ...p }) => p);
  const { number: _number, ...rest } = base;
  return {
    ...rest,
    metadata: {
      symbol: 'CTOC/COP/2014/L.3/Rev.1',
      distribution: 'limited',
      date: '2014-10-09',
      session: 'Seventh session, Vienna, 6-10 October 2014',
      agendaItem: '2 (a)',
      agendaItemTitle:
        'Review of the implementation of the United Nations Convention against Transnational Organized Crime and the Protocols thereto',
      sponsors: ['Costa Rica', 'Mexico', 'Peru'],
    },
    operative: [ops[0]!, ops[2]!, { ...ops[1]!, opener: 'Urges' }, ...ops.slice(3)],
  };
}

const exports: { name: string; doc: ResolutionDocument; base?: ResolutionDocument }[] = [
  ...corpus().documents.map((d) => ({ name: docName(d), doc: d })),
  { name: 'l-draft', doc: lDraft() },
  { name: 'l-tracked', doc: lDraft(), base: lBase() },
  {
    name: 'one-word',
    doc: res({ operative: [op('Urges', 'States to act.')] }),
    base: res({ operative: [op('Invites', 'States to act.')] }),
  },
  { name: 'revision-6-1', doc: revision61(), base: corpusDocument('resolution', '6/1') },
];

beforeAll(async () => {
  const files: string[] = [];
  for (const e of exports) {
    const file = join(dir, `${e.name}.docx`);
    writeFileSync(file, await exportDocx(e.doc, e.base ? { base: e.base, date: DATE } : {}));
    files.push(file);
  }
  soffice(dir, 'pdf', join(dir, 'pdf'), files);
  soffice(
    dir,
    'odt',
    join(dir, 'odt'),
    files.filter((f) => /tracked|one-word|revision|resolution-6-1/.test(f)),
  );
  soffice(
    dir,
    'docx:MS Word 2007 XML',
    join(dir, 'resaved'),
    files.filter((f) => !/tracked|one-word|revision/.test(f)),
  );
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LibreOffice opening the exports', () => {
  it.each(exports.map((e) => e.name))('converts %s to a PDF', (name) => {
    expect(existsSync(join(dir, 'pdf', `${name}.pdf`))).toBe(true);
    expect(pdfPages(name)).toBeGreaterThan(0);
  });

  it('prints resolution 6/1 as the report does, with its footnotes at the page bottoms', () => {
    const text = pdfText('resolution-6-1');
    expect(text).toContain('Resolution 6/1');
    expect(text).toContain('Ensuring effective implementation of the United Nations Convention against');
    expect(text).toMatch(/Recalling its resolution 5\/1 of 22 October 2010/);
    expect(text).toMatch(/21\.\s+Invites Member States and other donors/);
    expect(text).toContain('Ibid., vols. 2237, 2241 and 2326, No. 39574.');
    expect(pdfPages('resolution-6-1')).toBeGreaterThanOrEqual(3);
  });

  it('sets the text in Times New Roman or its metric twin Liberation Serif', () => {
    const fonts = spawnSync('pdffonts', [join(dir, 'pdf', 'resolution-6-1.pdf')], {
      encoding: 'utf8',
    }).stdout;
    expect(fonts).toMatch(/TimesNewRoman|LiberationSerif/);
    expect(fonts).toMatch(/(TimesNewRoman|LiberationSerif)[-,]Italic/);
  });

  it('prints the masthead of an L document on its first page', () => {
    const text = pdfText('l-draft', { first: 1, last: 1 });
    for (const line of [
      'United Nations',
      'CTOC/COP/2014/L.3/Rev.1',
      'Distr.: Limited',
      '9 October 2014',
      'Original: English',
      'Seventh session',
      'Agenda item 2 (c)',
      'Mexico and Peru: revised draft resolution',
    ])
      expect(text).toContain(line);
  });

  it('puts the symbol and the page number on later pages, not on the first', () => {
    const first = pdfText('revision-6-1', { first: 1, last: 1 });
    const second = pdfText('revision-6-1', { first: 2, last: 2 });
    expect(
      second
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim(),
    ).toBe('CTOC/COP/2014/L.3/Rev.1');
    expect(second.trimEnd().split('\n').pop()?.trim()).toBe('2');
    expect(first.trimEnd().split('\n').pop()?.trim()).not.toBe('1');
  });
});

describe('LibreOffice reading the tracked changes', () => {
  it('finds exactly one deletion and one insertion when one verb changed', async () => {
    const content = await odtContent('one-word');
    expect((content.match(/<text:changed-region/g) ?? []).length).toBe(2);
    expect((content.match(/<text:deletion>/g) ?? []).length).toBe(1);
    expect((content.match(/<text:insertion>/g) ?? []).length).toBe(1);
  });

  it('attributes every change to the sponsor and dates it', async () => {
    const content = await odtContent('l-tracked');
    const regions = (content.match(/<text:changed-region/g) ?? []).length;
    expect(regions).toBeGreaterThanOrEqual(4);
    expect((content.match(/<dc:creator>Mexico<\/dc:creator>/g) ?? []).length).toBe(regions);
    expect((content.match(/<dc:date>2014-10-01T09:30:00<\/dc:date>/g) ?? []).length).toBe(regions);
  });

  it('shows the moved paragraph of a revision as deleted and inserted, the rest unchanged', async () => {
    const content = await odtContent('revision-6-1');
    expect((content.match(/<text:deletion>/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect((content.match(/<text:insertion>/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect((content.match(/<dc:creator>Costa Rica<\/dc:creator>/g) ?? []).length).toBeGreaterThan(0);
  });

  it('finds no tracked change in an export without a base', async () => {
    expect(await odtContent('resolution-6-1')).not.toContain('<text:changed-region');
  });
});

describe('the app’s import on documents LibreOffice saved', () => {
  it.each(corpus().documents.map((d) => [docName(d), d] as const))(
    'reads %s back after LibreOffice re-saved it',
    async (name, doc) => {
      const result = await importDocx(readFileSync(join(dir, 'resaved', `${name}.docx`)));
      if (!result.ok) throw new Error(result.error);
      const shape = (d: ResolutionDocument) => {
        const j = toPublicJson(d);
        return {
          title: j.title,
          formula: j.formula,
          preamble: j.preamble.map((p) => p.text),
          operative: j.operative.map((p) => [p.label, p.text]),
          annex: j.annex,
          footnotes: j.footnotes.map((f) => f.resolved),
        };
      };
      expect(shape(result.documents[0]!)).toEqual(shape(doc));
    },
  );
});
