/**
 * `resolution-drafter compile` (issue 14): the Word files delegations send back, merged into the
 * compilation text, written as a .docx that LibreOffice renders with its marks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../src/core/export/docx/docx.ts';
import { serializeDocumentFile } from '../../src/core/model/file.ts';
import { inlineText } from '../../src/core/model/inline.ts';
import type { OperativeParagraph, ResolutionDocument } from '../../src/core/model/types.ts';
import { compileCommand } from '../../src/cli/compile.ts';
import { UsageError } from '../../src/cli/io.ts';
import { gaDocument } from '../helpers/ga.ts';
import { soffice } from '../helpers/soffice.ts';
import { cli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-compile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = gaDocument('A_RES_79_16');
const ops = base.operative;

function edit(k: number, from: string, to: string): OperativeParagraph {
  const p = ops[k - 1];
  if (!p) throw new Error(`no OP${k}`);
  const text = inlineText(p.content);
  if (!text.includes(from)) throw new Error(`"${from}" is not in OP${k}`);
  return { ...p, content: [{ type: 'text', text: text.replace(from, to) }] };
}

function withOps(changes: Record<number, OperativeParagraph>): ResolutionDocument {
  return { ...base, operative: ops.map((p, k) => changes[k + 1] ?? p) };
}

const file = (name: string): string => join(dir, name);

interface CompiledJson {
  out: string;
  proposals: {
    id: string;
    delegation: string;
    kind: string;
    part: string;
    paragraph: number;
    text: string;
    conflictsWith: string[];
  }[];
  unplaced: { file: string; paragraph: number; reason: string }[];
  unchanged: string[];
}

beforeAll(async () => {
  writeFileSync(file('base.resolution.json'), serializeDocumentFile(base));
  const write = async (name: string, draft: ResolutionDocument, author: string): Promise<void> => {
    writeFileSync(file(name), await exportDocx(draft, { base, author, date: '2026-12-01T09:00:00Z' }));
  };
  // Mexico (recorded as "jdoe") and the EU both change "appropriate" in OP9; the EU also deletes a word of OP1.
  await write('mexico.docx', withOps({ 9: edit(9, 'appropriate', 'most effective') }), 'jdoe');
  await write(
    'eu.docx',
    withOps({ 9: edit(9, 'appropriate', 'relevant'), 1: edit(1, 'seriously ', '') }),
    'EU',
  );
  await write('clean.docx', base, 'Peru');
  writeFileSync(file('authors.json'), JSON.stringify({ jdoe: 'Mexico' }));
}, 60_000);

describe('resolution-drafter compile', { timeout: 120_000 }, () => {
  it('lists every proposal by delegation, with conflicts, and the files without changes', async () => {
    const r = JSON.parse(
      await compileCommand([
        file('base.resolution.json'),
        file('mexico.docx'),
        file('eu.docx'),
        file('clean.docx'),
        '--authors',
        file('authors.json'),
        '--out',
        file('compilation.docx'),
        '--json',
      ]),
    ) as CompiledJson;
    expect(r.proposals.map((p) => [p.delegation, p.kind, p.part, p.paragraph, p.text])).toEqual([
      ['Mexico', 'replace', 'operative', 9, 'most effective'],
      ['EU', 'delete', 'operative', 1, 'seriously'],
      ['EU', 'replace', 'operative', 9, 'relevant'],
    ]);
    expect(r.proposals[0]?.conflictsWith).toEqual(['p3']);
    expect(r.proposals[2]?.conflictsWith).toEqual(['p1']);
    expect(r.unchanged).toEqual(['clean.docx']);
    expect(r.unplaced).toEqual([]);
  });

  it('writes the compilation text LibreOffice renders with the marks, brackets and the table of open proposals', async () => {
    const out = file('compilation.docx');
    // The command line, as a user runs it.
    const r = await cli(
      'compile',
      file('base.resolution.json'),
      file('mexico.docx'),
      file('eu.docx'),
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    // Without --authors, Mexico's changes are its author's.
    expect(r.stdout).toContain('3 proposals from 2 of 2 files');
    expect(r.stdout).toContain('jdoe: 1');
    // As LibreOffice renders it: the marks (insertions in bold, deletions struck), the brackets, the table.
    soffice(dir, 'html', join(dir, 'html'), [out]);
    const html = readFileSync(join(dir, 'html', 'compilation.html'), 'utf8');
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;|\s+/g, ' ')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(text).toContain('Compilation text — on the zero draft');
    expect(text).toMatch(/OP1 Urges all parties directly concerned to seriously \[EU\] consider/);
    expect(text).toMatch(
      /OP9 Invites all parties to consider the \[Alt 1: appropriate \/ Alt 2: most effective \[jdoe\] \/ Alt 3: relevant \[EU\]\] means/,
    );
    expect(text).toContain('Open proposals');
    expect(html).toContain('<strike>seriously</strike> [EU]');
    expect(html).toMatch(/<b>most effective<\/b> \[jdoe\]/);
    expect(html).toMatch(/<table/);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const refusal = async (...args: string[]): Promise<string> => {
      try {
        await compileCommand(args);
      } catch (e) {
        if (e instanceof UsageError) return e.message;
        throw e;
      }
      throw new Error('expected a refusal');
    };
    expect(await refusal(file('base.resolution.json'), file('eu.docx'))).toContain(
      '--out <compilation.docx> is required',
    );
    expect(
      await refusal(file('base.resolution.json'), file('authors.json'), '--out', file('x.docx')),
    ).toContain("a delegation's file must be a Word file (.docx) with tracked changes");
    writeFileSync(file('bad-authors.json'), '{"jdoe": 3}');
    expect(
      await refusal(
        file('base.resolution.json'),
        file('eu.docx'),
        '--authors',
        file('bad-authors.json'),
        '--out',
        file('y.docx'),
      ),
    ).toContain('the delegation of "jdoe" must be a name, not 3');
    // The command line: exit status 2, the reason on stderr, no file written.
    writeFileSync(file('broken.docx'), 'not a zip');
    const broken = await cli(
      'compile',
      file('base.resolution.json'),
      file('broken.docx'),
      '--out',
      file('z.docx'),
    );
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.docx: /);
    expect(() => readFileSync(file('z.docx'))).toThrow();
  });
});
