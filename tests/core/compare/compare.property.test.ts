/**
 * Property: random edit scripts (delete, insert, move, reword a paragraph) applied to the operative
 * part of a corpus resolution are recovered by compareDocuments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../../src/core/compare/compare.ts';
import type { OperativeParagraph } from '../../../src/core/model/types.ts';
import { op } from '../../helpers/builders.ts';
import { corpusDocument } from '../../helpers/corpus.ts';
import { replaceIn, withOperative } from './edits.ts';

type Edit =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly words: readonly string[] }
  | { readonly kind: 'move'; readonly from: number; readonly to: number }
  | { readonly kind: 'reword'; readonly at: number };

/** A paragraph of the draft and where it came from (null: inserted). */
interface Tracked {
  readonly origin: number | null;
  readonly reworded: boolean;
  readonly paragraph: OperativeParagraph;
}

// Words no resolution of the corpus uses, so an inserted paragraph resembles none.
const NONSENSE = ['zephyr', 'quillwort', 'marmalade', 'lanterns', 'orchids', 'velvet', 'cobalt', 'saffron'];

const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    words: fc.array(fc.constantFrom(...NONSENSE), { minLength: 4, maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('reword' as const), at: fc.nat() }),
);

/** Replaces one word in the middle of the paragraph: a small edit, well above the match threshold. */
function reword(p: OperativeParagraph): OperativeParagraph {
  const run = p.content.find((c) => c.type === 'text' && c.text.split(' ').length > 8);
  if (run?.type !== 'text') return p;
  const word = run.text.split(' ')[4] ?? '';
  return { ...p, content: replaceIn(p.content, ` ${word} `, ' notwithstanding ') };
}

function apply(
  paragraphs: readonly OperativeParagraph[],
  edits: readonly Edit[],
): { list: Tracked[]; moves: number } {
  let list: Tracked[] = paragraphs.map((paragraph, k) => ({ origin: k, reworded: false, paragraph }));
  let moves = 0;
  for (const e of edits) {
    if (e.kind === 'insert') {
      const at = e.at % (list.length + 1);
      const inserted = op('Considers', `${e.words.join(' ')};`);
      list = [
        ...list.slice(0, at),
        { origin: null, reworded: false, paragraph: inserted },
        ...list.slice(at),
      ];
      continue;
    }
    if (list.length === 0) continue;
    if (e.kind === 'delete') list = list.filter((_, k) => k !== e.at % list.length);
    else if (e.kind === 'reword') {
      const k = e.at % list.length;
      const t = list[k];
      const paragraph = t && t.origin !== null ? reword(t.paragraph) : undefined;
      // A paragraph with no run long enough to reword (6/3 OP9 "Also urges States parties:") stays as it is.
      if (t && paragraph && paragraph !== t.paragraph) list[k] = { ...t, reworded: true, paragraph };
    } else {
      const from = e.from % list.length;
      const to = e.to % list.length;
      if (from === to) continue;
      const [t] = list.splice(from, 1);
      if (t) list.splice(to, 0, t);
      moves++;
    }
  }
  return { list, moves };
}

describe('compareDocuments on random edit scripts', () => {
  const documents = ['6/1', '6/2', '6/3'].map((n) => corpusDocument('resolution', n));

  it('recovers every deleted, inserted, reworded and untouched paragraph', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...documents),
        fc.array(arbEdit, { minLength: 1, maxLength: 5 }),
        (doc, edits) => {
          const { list, moves } = apply(doc.operative, edits);
          const draft = withOperative(doc, () => list.map((t) => t.paragraph));
          const changes = compareDocuments(doc, draft).changes.filter(
            (c) => c.part === 'operative' && c.level === 0,
          );
          const kept = new Set(list.flatMap((t) => (t.origin === null ? [] : [t.origin])));
          doc.operative.forEach((_, k) => {
            if (!kept.has(k))
              expect(changes).toContainEqual(expect.objectContaining({ type: 'deleted', base: k + 1 }));
          });
          list.forEach((t, k) => {
            if (t.origin === null) {
              expect(changes).toContainEqual(expect.objectContaining({ type: 'inserted', draft: k + 1 }));
              return;
            }
            const c = changes.find((x) => x.draft === k + 1);
            expect(c?.base).toBe(t.origin + 1);
            if (t.reworded) expect(['changed', 'moved']).toContain(c?.type);
            else {
              expect(['unchanged', 'moved']).toContain(c?.type);
              expect(c?.words.every((w) => w.op === 'equal')).toBe(true);
            }
          });
          // A move explains at most one paragraph out of order.
          expect(changes.filter((c) => c.type === 'moved').length).toBeLessThanOrEqual(moves);
        },
      ),
      { numRuns: 50 },
    );
  });
});
