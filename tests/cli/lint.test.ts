import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDocumentFile } from '../../src/core/model/file.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { cli } from './run.ts';

interface LintJson {
  diagnostics: {
    rule: string;
    severity: 'error' | 'warning' | 'info';
    message: string;
    location: {
      part: string;
      paragraph?: number;
      subparagraph?: number[];
      range?: { start: number; end: number };
    };
    fix?: { description: string; edits: unknown[] };
  }[];
}

const lintJson = async (...args: string[]) => {
  const r = await cli('lint', ...args, '--json');
  return { status: r.status, stderr: r.stderr, json: JSON.parse(r.stdout || '{}') as LintJson };
};

describe('resolution-drafter lint', () => {
  it('prints the diagnostics of a corpus resolution as JSON and exits 1 on an error (6/3 OP2)', async () => {
    const { status, json } = await lintJson('6/3');
    expect(status).toBe(1);
    expect(json.diagnostics).toEqual([
      {
        rule: 'operative-ending',
        severity: 'error',
        message: expect.stringMatching(/colon.*no subparagraphs follow/),
        location: {
          part: 'operative',
          paragraph: 2,
          range: { start: expect.any(Number), end: expect.any(Number) },
        },
        fix: {
          description: 'Replace ":" with ";"',
          edits: [expect.objectContaining({ kind: 'replaceText', text: ';' })],
        },
      },
    ]);
  });

  it('exits 0 when there is no error, and reads "decision 6/1"', async () => {
    expect(await lintJson('6/4')).toMatchObject({ status: 0, json: { diagnostics: [] } });
    expect((await lintJson('decision 6/1')).status).toBe(0);
  });

  it('gives subparagraph paths and keeps positions, not printed numbers', async () => {
    const { json } = await lintJson('6/2');
    expect(json.diagnostics.filter((d) => d.severity === 'error').map((d) => d.location)).toEqual([
      expect.objectContaining({ part: 'preamble', paragraph: 2 }),
      expect.objectContaining({ part: 'preamble', paragraph: 3 }),
      expect.objectContaining({ part: 'operative', paragraph: 12, subparagraph: [1] }),
      expect.objectContaining({ part: 'operative', paragraph: 12, subparagraph: [2] }),
      expect.objectContaining({ part: 'operative', paragraph: 12, subparagraph: [3] }),
    ]);
  });

  it('lints a plain-text draft: warnings alone exit 0, and the readable output names the paragraph', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    const file = join(dir, 'draft.txt');
    writeFileSync(
      file,
      [
        'Strengthening cooperation',
        '',
        'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
        '',
        'Recalling its resolution 5/1 of 22 October 2010,',
        '',
        'Recalling the work of the organisation,',
        '',
        '1. Requests the Secretariat to report to the Conference at its seventh session.',
        '',
      ].join('\n'),
    );
    const { status, json } = await lintJson(file);
    expect(status).toBe(0);
    expect(json.diagnostics.map((d) => `${d.location.part} ${d.location.paragraph} ${d.rule}`)).toEqual([
      'preamble 2 also-further',
      'preamble 2 un-spelling',
      'operative 1 operative-numbering',
    ]);
    const text = await cli('lint', file);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/0 errors, 2 warnings, 1 info/);
    expect(text.stdout).toMatch(/PP2 +warning +un-spelling +"organisation" is spelled "organization"/);
    expect(text.stdout).toContain('fix: Replace "organisation" with "organization"');
  });

  it('reads a *.resolution.json draft', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    const file = join(dir, 'draft.resolution.json');
    const draft = res({
      title: 'Strengthening cooperation',
      preamble: [pre('Recalling', 'its resolution 5/4 of 22 October 2011,')],
      operative: [op('Requests', 'the Office to report;', [], '1'), op('Invites', 'States to act.', [], '3')],
    });
    writeFileSync(file, serializeDocumentFile(draft));
    const { status, json } = await lintJson(file);
    expect(status).toBe(1);
    expect(json.diagnostics.map((d) => `${d.location.part} ${d.location.paragraph} ${d.rule}`)).toEqual([
      'preamble 1 act-citation',
      'operative 2 operative-numbering',
    ]);
  });

  it('exits 1 on a file with an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    const file = join(dir, 'draft.txt');
    writeFileSync(
      file,
      'Title\n\nThe General Assembly,\n\nRecalling its resolution 5/4 of 22 October 2011.\n\n1. Decides to remain seized of the matter;\n\n2. Invites States to report.\n',
    );
    const { status, json } = await lintJson(file);
    expect(status).toBe(1);
    expect(json.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual([
      'preamble-ending',
    ]);
  });

  it('exits 2 on a usage error: no source, a missing file, a reference the corpus lacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    expect((await cli('lint')).status).toBe(2);
    expect((await cli('lint', join(dir, 'missing.txt'))).status).toBe(2);
    expect((await cli('lint', '6/9')).stderr).toMatch(/no resolution 6\/9/);
  });
});
