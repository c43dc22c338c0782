import { describe, expect, it } from 'vitest';
import type { AlignOp } from '../../../src/core/compare/align.ts';
import { alignUnits } from '../../../src/core/compare/align.ts';
import { bigrams, words } from '../../../src/core/compare/similarity.ts';

const SENTENCES = [
  'Urges States parties to criminalize the smuggling of migrants by land, sea and air',
  'Requests the Secretariat to report to the Conference at its seventh session',
  'Invites Member States and other donors to provide extrabudgetary resources',
  'Decides that the Working Group should hold at least one intersessional meeting',
  'Encourages States parties to exchange information on best practices',
];

function units(texts: readonly string[]) {
  return texts.map((t) => {
    const s = bigrams(words(t));
    return { shingles: s, treeShingles: s };
  });
}

function brief(ops: readonly AlignOp[]): string[] {
  return ops.map((o) =>
    o.kind === 'pair'
      ? `${o.moved ? 'move' : 'keep'} ${o.base}→${o.draft}`
      : o.kind === 'deleted'
        ? `del ${o.base}`
        : `ins ${o.draft}`,
  );
}

describe('alignUnits', () => {
  it('keeps paragraphs in place when nothing moved', () => {
    expect(brief(alignUnits(units(SENTENCES), units(SENTENCES)))).toEqual([
      'keep 0→0',
      'keep 1→1',
      'keep 2→2',
      'keep 3→3',
      'keep 4→4',
    ]);
  });

  it('reports a swapped pair as one move', () => {
    const [a, b, c, d, e] = SENTENCES;
    const ops = brief(alignUnits(units(SENTENCES), units([a!, c!, b!, d!, e!])));
    expect(ops.filter((o) => o.startsWith('move'))).toHaveLength(1);
    expect(ops.filter((o) => o.startsWith('del') || o.startsWith('ins'))).toEqual([]);
  });

  it('reports the last paragraph brought to the front as one move, not four', () => {
    const [a, b, c, d, e] = SENTENCES;
    expect(brief(alignUnits(units(SENTENCES), units([e!, a!, b!, c!, d!])))).toEqual([
      'move 4→0',
      'keep 0→1',
      'keep 1→2',
      'keep 2→3',
      'keep 3→4',
    ]);
  });

  it('puts a deleted paragraph where it stood and an inserted one where it stands', () => {
    const [a, b, , d, e] = SENTENCES;
    const fresh = 'Takes note of the report of the Executive Director on the work of the Office';
    expect(brief(alignUnits(units(SENTENCES), units([a!, fresh, b!, d!, e!])))).toEqual([
      'keep 0→0',
      'ins 1',
      'keep 1→2',
      'del 2',
      'keep 3→3',
      'keep 4→4',
    ]);
  });

  it('pairs a paragraph rewritten in place rather than deleting and inserting it', () => {
    const [a, b, , d, e] = SENTENCES;
    const rewritten =
      'Invites Member States to provide extrabudgetary resources for the purposes of the Working Group';
    const ops = alignUnits(units(SENTENCES), units([a!, b!, rewritten, d!, e!]));
    expect(brief(ops)).toContain('keep 2→2');
  });
});
