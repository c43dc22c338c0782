import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPlainText } from '../../src/core/export/text.ts';
import { serializeDocumentFile } from '../../src/core/model/file.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { inl } from '../helpers/builders.ts';
import { corpusDocument } from '../helpers/corpus.ts';
import { cli, cliJson, cliOnTerminal } from './run.ts';

interface Change {
  type: string;
  part: string;
  base: number | null;
  draft: number | null;
  words: { op: string; text: string }[];
  opener?: { base: string; draft: string; shift: string };
  footnotes?: { change: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
const r3 = corpusDocument('resolution', '6/3');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** 6/3 with OP3 softened, OP5 deleted and a footnote of OP1 pointing at another volume. */
const edited: ResolutionDocument = {
  ...r3,
  operative: r3.operative
    .map((p, k) => (k === 2 ? { ...p, opener: 'Encourages' } : p))
    .filter((_, k) => k !== 4),
  footnotes: r3.footnotes.map((f) =>
    f.number === 18
      ? { id: f.id, number: 18, content: inl('United Nations, Treaty Series, vol. 2237, No. 39574.') }
      : f,
  ),
};
const editedFile = file(
  'edited.resolution.json',
  serializeDocumentFile(edited, { savedAt: '2024-01-01T00:00:00Z' }),
);

describe('resolution-drafter compare', () => {
  it('reports no difference between resolution 6/3 and its own plain-text rendering', async () => {
    const plain = file('6-3.txt', renderPlainText(r3));
    const { changes } = await cliJson<{ changes: Change[] }>('compare', '6/3', plain);
    expect(changes).toHaveLength(32);
    expect(changes.filter((c) => c.type !== 'unchanged')).toEqual([]);
  });

  it('prints changes with type, part, 1-based positions, word diff, opener and footnotes as JSON', async () => {
    const { changes } = await cliJson<{ changes: Change[] }>('compare', 'resolution 6/3', editedFile);
    const interesting = changes.filter((c) => c.type !== 'unchanged');
    expect(interesting.map((c) => [c.type, c.part, c.base, c.draft])).toEqual([
      ['changed', 'operative', 1, 1],
      ['changed', 'operative', 3, 3],
      ['deleted', 'operative', 5, null],
    ]);
    const [op1, op3, op5] = interesting;
    expect(op1?.footnotes?.map((f) => f.change)).toEqual(['changed']);
    expect(op3?.opener).toMatchObject({ base: 'Urges', draft: 'Encourages', shift: 'softening' });
    expect(op3?.words.slice(0, 2)).toEqual([
      { op: 'delete', text: 'Urges' },
      { op: 'insert', text: 'Encourages' },
    ]);
    expect(op5?.words.map((w) => w.op)).toEqual(['delete']);
    // OP6 of the base is OP5 of the draft: renumbered, not changed.
    expect(changes.find((c) => c.base === 6 && c.part === 'operative')).toMatchObject({
      type: 'unchanged',
      draft: 5,
    });
  });

  it('leaves footnotes out with --ignore-footnotes', async () => {
    const { changes } = await cliJson<{ changes: Change[] }>(
      'compare',
      '6/3',
      editedFile,
      '--ignore-footnotes',
    );
    expect(changes.filter((c) => c.type !== 'unchanged').map((c) => c.base)).toEqual([3, 5]);
  });

  it('leaves punctuation out with --ignore-punctuation', async () => {
    const text = renderPlainText(r3).replace(
      'including legislation, if necessary,',
      'including legislation if necessary',
    );
    const path = file('punctuation.txt', text);
    const strict = (await cliJson<{ changes: Change[] }>('compare', '6/3', path)).changes.filter(
      (c) => c.type !== 'unchanged',
    );
    expect(strict.map((c) => c.base)).toEqual([3]);
    const loose = await cliJson<{ changes: Change[] }>('compare', '6/3', path, '--ignore-punctuation');
    expect(loose.changes.filter((c) => c.type !== 'unchanged')).toEqual([]);
  });

  it('prints a redline without colour when stdout is not a terminal', async () => {
    const r = await cli('compare', '6/3', editedFile);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('resolution 6/3 →');
    expect(r.stdout).toContain('2 changed, 0 moved, 0 inserted, 1 deleted');
    expect(r.stdout).toContain('OP3  changed  (opener Urges → Encourages: softening)');
    expect(r.stdout).toContain('[-Urges-]{+Encourages+} States parties to adopt');
    expect(r.stdout).toContain('footnote changed: United Nations, Treaty Series, vol. 2241');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours the redline on a terminal: deletions red and struck through, insertions green and underlined', async () => {
    const r = await cliOnTerminal('compare', '6/3', editedFile);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\u001b[31;9mUrges\u001b[0m\u001b[32;4mEncourages\u001b[0m States parties');
  });

  it('refuses a missing document or an unknown option with exit status 2', async () => {
    const missing = await cli('compare', '6/3');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('usage: resolution-drafter compare <base> <draft>');
    const unknown = await cli('compare', '6/3', '6/3', '--ignore-case');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --ignore-case');
  });
});
