/**
 * Typography in compare (issue 12, item 6): non-breaking hyphens, no-break spaces, curly quotes,
 * dashes and ligatures are kept as printed but are equal for matching. A paragraph that differs only
 * in them is not reported as changed: it is counted apart, and `showTypography` shows it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../../src/core/compare/compare.ts';
import { buildPrecedentIndex, findPrecedents } from '../../../src/core/compare/finder.ts';
import { renderChanges } from '../../../src/core/compare/render.ts';
import { wordDiff } from '../../../src/core/compare/words.ts';
import { foldTypography, unfolded } from '../../../src/core/model/typography.ts';
import { fn, op, pre, res } from '../../helpers/builders.ts';

/** A base as a keyboard types it. */
const typed = res({
  title: "The Secretary-General's report",
  preamble: [
    pre('Recalling', 'the "Palermo Convention" and the Protocols thereto,{fn:a}'),
    pre('Noting', 'the report of the Secretary-General on 27 December 2019,'),
  ],
  operative: [
    op('Requests', 'the Secretary-General to report on the "final" financing;'),
    op('Decides', 'to remain seized of the matter.'),
  ],
  footnotes: [fn('a', 'United Nations, "Treaty Series", vol. 2225, No. 39574.')],
});

/** The same words as the UN prints them, and one real change (OP1: "report" → "submit a report"). */
const printed = res({
  title: 'The Secretary\u2011General’s report',
  preamble: [
    pre('Recalling', 'the “Palermo Convention” and the Protocols thereto,{fn:a}'),
    pre('Noting', 'the report of the Secretary\u2011General on 27\u00a0December 2019,'),
  ],
  operative: [
    op('Requests', 'the Secretary\u2011General to submit a report on the “ﬁnal” ﬁnancing;'),
    op('Decides', 'to remain seized of the matter.'),
  ],
  footnotes: [fn('a', 'United Nations, “Treaty Series”, vol.\u00a02225, No.\u00a039574.')],
});

describe('compareDocuments and typography', () => {
  it('reports a paragraph that differs only in typography as unchanged, marked and counted apart', () => {
    const result = compareDocuments(typed, printed);
    const pp2 = result.changes.find((c) => c.draftLabel === 'PP2');
    expect(pp2).toMatchObject({ type: 'unchanged', typography: true, similarity: 1 });
    // Kept as printed: the draft's marks, not the folded text.
    expect(pp2?.words).toEqual([
      { op: 'equal', text: 'Noting the report of the Secretary\u2011General on 27\u00a0December 2019,' },
    ]);
    expect(result.summary).toMatchObject({ changed: 1, unchanged: 3, typography: 3 });
  });

  it('counts a paragraph whose footnote differs only in typography, and reports no footnote change', () => {
    const pp1 = compareDocuments(typed, printed).changes.find((c) => c.draftLabel === 'PP1');
    expect(pp1).toMatchObject({ type: 'unchanged', typography: true });
    expect(pp1?.footnotes).toBeUndefined();
  });

  it('shows only the real change of a paragraph that also differs in typography, in the draft’s marks', () => {
    expect(renderChanges(compareDocuments(typed, printed))).toBe('changed OP1: …<ins>submit a</ins>…');
    const op1 = compareDocuments(typed, printed).changes.find((c) => c.draftLabel === 'OP1');
    expect(op1?.typography).toBeUndefined();
    expect(op1?.words.map((w) => w.text).join('')).toBe(op1?.draftText);
  });

  it('does not report a title that differs only in typography, and counts it', () => {
    const result = compareDocuments(typed, printed);
    expect(result.title).toBeUndefined();
    expect(result.summary.typography).toBe(3); // PP1, PP2 and the title
  });

  it('shows typography-only paragraphs as changed with showTypography, still marked and counted', () => {
    const result = compareDocuments(typed, printed, { showTypography: true });
    expect(result.changes.find((c) => c.draftLabel === 'PP2')).toMatchObject({
      type: 'changed',
      typography: true,
    });
    expect(result.summary).toMatchObject({ changed: 3, unchanged: 1, typography: 3 });
    expect(result.title).toMatchObject({ typography: true });
    expect(renderChanges(result)).toContain('changed PP2: …<del>-</del><ins>‑</ins>…');
    expect(result.changes.find((c) => c.draftLabel === 'PP1')?.footnotes?.map((f) => f.change)).toEqual([
      'changed',
    ]);
  });

  it('aligns paragraphs across typography: a moved paragraph printed with other marks is one move', () => {
    const draft = { ...printed, operative: [...printed.operative].reverse() };
    const result = compareDocuments(typed, draft);
    expect(result.summary).toMatchObject({ inserted: 0, deleted: 0, moved: 1 });
  });

  it('keeps punctuation ignored and typography folded together', () => {
    const result = compareDocuments(typed, printed, { ignorePunctuation: true });
    expect(result.summary).toMatchObject({ changed: 1, typography: 3 });
  });

  it('leaves documents equal to the letter with no typography count', () => {
    expect(compareDocuments(printed, printed).summary.typography).toBe(0);
  });
});

describe('wordDiff', () => {
  it('returns the draft as printed in its equal and inserted runs, and the base’s words in its deleted runs', () => {
    const marks = [...'ab -‑–’“"\u00a0ﬁ'];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...marks), maxLength: 30 }),
        fc.string({ unit: fc.constantFrom(...marks), maxLength: 30 }),
        (base, draft) => {
          const words = wordDiff({ opener: '', text: base }, { opener: '', text: draft });
          const draftSide = words
            .filter((w) => w.op !== 'delete')
            .map((w) => w.text)
            .join('');
          const baseSide = words
            .filter((w) => w.op !== 'insert')
            .map((w) => w.text)
            .join('');
          expect(draftSide).toBe(draft);
          // Equal runs carry the draft's marks and spaces: the base's words are all there.
          const letters = (text: string): string => foldTypography(text).replace(/[^\p{L}\p{N}]/gu, '');
          expect(letters(baseSide)).toBe(letters(base));
        },
      ),
    );
  });

  it('shows every mark that differs when it reads texts unfolded', () => {
    const words = wordDiff(
      { opener: '', text: 'the “Convention”' },
      { opener: '', text: 'the "Convention"' },
      {
        fold: unfolded,
      },
    );
    expect(words.filter((w) => w.op !== 'equal').map((w) => w.text.trim())).toEqual(['“', '"', '”', '"']);
  });
});

describe('findPrecedents and typography', () => {
  it('finds a printed paragraph from text typed with straight quotes and hyphens, with no difference to show', () => {
    const index = buildPrecedentIndex([{ ...printed, number: '6/1' }]);
    const [best] = findPrecedents(index, 'Noting the report of the Secretary-General on 27 December 2019,');
    expect(best).toMatchObject({ label: '6/1 PP2', score: 1 });
    expect(best?.words.every((w) => w.op === 'equal')).toBe(true);
  });
});
