/**
 * Merging the Word files delegations send back (issue 14): returned files written by the project's own
 * tracked export, each a delegation's edits to A/RES/79/16, merged into proposals on the base text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../src/core/export/docx/docx.ts';
import { readTrackedChanges } from '../../../src/core/import/tracked.ts';
import { inlineText } from '../../../src/core/model/inline.ts';
import type { OperativeParagraph, ResolutionDocument } from '../../../src/core/model/types.ts';
import {
  mergeReturnedFiles,
  type MergeResult,
  type ReturnedFile,
} from '../../../src/core/negotiation/merge.ts';
import { gaDocument } from '../../helpers/ga.ts';

const DATE = '2026-11-30T10:00:00Z';

function edit(p: OperativeParagraph, from: RegExp | string, to: string): OperativeParagraph {
  const text = inlineText(p.content);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`"${String(from)}" is not in "${text.slice(0, 60)}"`);
  return { ...p, content: [{ type: 'text', text: next }] };
}

function op(opener: string, text: string): OperativeParagraph {
  return { opener, content: [{ type: 'text', text }], subparagraphs: [] };
}

function withOperative(
  doc: ResolutionDocument,
  operative: readonly OperativeParagraph[],
): ResolutionDocument {
  return { ...doc, operative };
}

async function returned(
  name: string,
  base: ResolutionDocument,
  draft: ResolutionDocument,
  author: string,
): Promise<ReturnedFile> {
  const r = await readTrackedChanges(await exportDocx(draft, { base, author, date: DATE }));
  if (!r.ok) throw new Error(r.error);
  return { name, tracked: r.value };
}

const base = gaDocument('A_RES_79_16');
const ops = base.operative;
const at = (k: number): OperativeParagraph => {
  const p = ops[k - 1];
  if (!p) throw new Error(`no OP${k}`);
  return p;
};

let result: MergeResult;

beforeAll(async () => {
  // Mexico (its author "jdoe"): OP9 "appropriate" → "most effective"; a new paragraph after OP7; OP11 deleted.
  const mexico = withOperative(base, [
    ...ops.slice(0, 7),
    op('Encourages', 'all States of the region to report on their progress;'),
    at(8),
    edit(at(9), 'appropriate', 'most effective'),
    at(10),
    ...ops.slice(11),
  ]);
  // The EU: OP9 "appropriate means" → "means"; PP1 untouched; OP1 "seriously" deleted.
  const eu = withOperative(base, [
    edit(at(1), 'seriously ', ''),
    ...ops.slice(1, 8),
    edit(at(9), 'appropriate ', ''),
    ...ops.slice(9),
  ]);
  // Canada edits a copy that has drifted: OP2 moved to the end and a paragraph of its own added.
  const drifted = withOperative(base, [
    at(1),
    ...ops.slice(2, 6),
    op('Notes', 'the drifted paragraph;'),
    ...ops.slice(6),
    at(2),
  ]);
  const canada = withOperative(drifted, [
    ...drifted.operative.slice(0, 9),
    edit(drifted.operative[9] ?? at(1), 'Secretary-General', 'Secretary-General, within existing resources,'),
    ...drifted.operative.slice(10),
  ]);
  // Cuba moves OP4 after OP8.
  const cuba = withOperative(base, [...ops.slice(0, 3), ...ops.slice(4, 8), at(4), ...ops.slice(8)]);
  // A file of another resolution, and a file returned without changes.
  const other = gaDocument('A_RES_79_244');
  const otherEdited = withOperative(other, [
    edit(other.operative[0] ?? at(1), 'reappoint', 'appoint'),
    ...other.operative.slice(1),
  ]);
  result = mergeReturnedFiles(
    base,
    [
      await returned('mexico.docx', base, mexico, 'jdoe'),
      await returned('eu.docx', base, eu, 'EU'),
      await returned('canada.docx', drifted, canada, 'Canada'),
      await returned('cuba.docx', base, cuba, 'Cuba'),
      await returned('other.docx', other, otherEdited, 'Chile'),
      await returned('clean.docx', base, base, 'Peru'),
    ],
    { authors: new Map([['jdoe', 'Mexico']]) },
  );
}, 60_000);

const of = (delegation: string) => result.proposals.filter((p) => p.delegation === delegation);

describe('mergeReturnedFiles', () => {
  it("turns each delegation's tracked changes into proposals on the base's paragraphs, by delegation", () => {
    const summary = result.proposals.map((p) => `${p.delegation} ${p.kind} ${p.label} ${p.text}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        'Mexico replace OP9 most effective',
        'Mexico new paragraph OP7 Encourages all States of the region to report on their progress;',
        'EU delete OP1 seriously',
        'EU delete OP9 appropriate',
      ]),
    );
    expect(
      of('Mexico').every((p) => p.author === 'jdoe' && p.file === 'mexico.docx' && p.date === DATE),
    ).toBe(true);
    const deletion = of('Mexico').find((p) => p.kind === 'delete paragraph');
    expect(deletion?.label).toBe('OP11');
    expect(deletion?.text).toContain(inlineText(at(11).content).slice(0, 60));
  });

  it('gives each proposal its range in the base paragraph’s text', () => {
    const p = of('Mexico').find((q) => q.kind === 'replace');
    const unit = `${at(9).opener} ${inlineText(at(9).content)}`.replace(/\s+/g, ' ');
    expect(p?.replaces).toBe('appropriate');
    expect(unit.slice(p?.range?.start, p?.range?.end)).toBe('appropriate');
    expect(p?.paragraph).toBe(9);
    expect(p?.path).toEqual([9]);
  });

  it('puts the changes of a drifted copy on the right paragraph', () => {
    const [p] = of('Canada');
    expect(p?.label).toBe('OP10');
    expect(p?.kind).toBe('insert');
    expect(p?.text).toBe(', within existing resources,');
    expect(p?.range?.start).toBe(p?.range?.end);
    // Its own added paragraph and the move of OP2 are not changes it proposed: nothing else.
    expect(of('Canada')).toHaveLength(1);
  });

  it('marks two delegations changing the same words as conflicting, both ways, and nothing else', () => {
    const mexico = of('Mexico').find((q) => q.kind === 'replace');
    const eu = of('EU').find((q) => q.label === 'OP9');
    expect(mexico?.conflictsWith).toEqual([eu?.id]);
    expect(eu?.conflictsWith).toEqual([mexico?.id]);
    const others = result.proposals.filter((q) => q !== mexico && q !== eu);
    expect(others.every((q) => q.conflictsWith.length === 0)).toBe(true);
  });

  it('reads a paragraph deleted in one place and inserted in another by one delegation as a move', () => {
    expect(of('Cuba').map((p) => `${p.kind} ${p.label} to ${String(p.to)}`)).toEqual(['move OP4 to 8']);
  });

  it('reports what it cannot place with the reason, and files without changes', () => {
    expect(result.unplaced.length).toBeGreaterThan(0);
    expect(result.unplaced.every((u) => u.file === 'other.docx')).toBe(true);
    expect(result.unplaced[0]?.reason).toMatch(
      /matches no paragraph of the base text|not OP\d+ of the base text/,
    );
    expect(result.unchanged).toEqual(['clean.docx']);
  });
});
