import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../../src/core/compare/compare.ts';
import { renderChanges } from '../../../src/core/compare/render.ts';
import type { ParagraphChange } from '../../../src/core/compare/types.ts';
import { inlineText } from '../../../src/core/model/inline.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { inl, op, sub } from '../../helpers/builders.ts';
import { corpusDocument } from '../../helpers/corpus.ts';
import { at, move, replaceIn, withOperative, withPreamble } from './edits.ts';

const r1 = corpusDocument('resolution', '6/1');
const r3 = corpusDocument('resolution', '6/3');
const r4 = corpusDocument('resolution', '6/4');

function changed(base: ResolutionDocument, draft: ResolutionDocument): ParagraphChange[] {
  return compareDocuments(base, draft).changes.filter((c) => c.type !== 'unchanged');
}

function render(base: ResolutionDocument, draft: ResolutionDocument, ignore = {}): string {
  return renderChanges(compareDocuments(base, draft, ignore));
}

describe('compareDocuments', () => {
  it('reports every paragraph of a resolution compared with itself as unchanged', () => {
    const result = compareDocuments(r3, r3);
    // 7 preambular paragraphs, 22 operative paragraphs and the 3 subparagraphs of OP9.
    expect(result.changes).toHaveLength(32);
    expect(result.changes.every((c) => c.type === 'unchanged')).toBe(true);
    expect(result.summary).toMatchObject({ unchanged: 32, changed: 0, moved: 0, inserted: 0, deleted: 0 });
  });

  it('reports a deleted operative paragraph and leaves the renumbered ones after it unchanged', () => {
    const draft = withOperative(r3, (ops) => ops.filter((_, k) => k !== 4));
    expect(render(r3, draft)).toBe('deleted OP5');
    const op6 = compareDocuments(r3, draft).changes.find((c) => c.part === 'operative' && c.base === 6);
    expect(op6).toMatchObject({ type: 'unchanged', base: 6, draft: 5, baseLabel: 'OP6', draftLabel: 'OP5' });
  });

  it('reports an inserted paragraph as inserted, not the renumbering after it', () => {
    const draft = withOperative(r3, (ops) => [
      ...ops.slice(0, 2),
      op('Requests', 'the Secretariat to prepare a study on the maritime routes used by smugglers;'),
      ...ops.slice(2),
    ]);
    expect(render(r3, draft)).toBe('inserted OP3');
    const [change] = changed(r3, draft);
    expect(change).toMatchObject({ type: 'inserted', part: 'operative', base: null, draft: 3 });
    expect(change?.words).toEqual([
      {
        op: 'insert',
        text: 'Requests the Secretariat to prepare a study on the maritime routes used by smugglers;',
      },
    ]);
  });

  it('reports a paragraph moved three places down as one move and nothing else', () => {
    const draft = withOperative(r3, (ops) => move(ops, 1, 4));
    expect(render(r3, draft)).toBe('moved OP2→OP5');
    const [change] = changed(r3, draft);
    expect(change?.words.every((w) => w.op === 'equal')).toBe(true);
  });

  it('reports a swapped pair as one move, not a deletion and an insertion', () => {
    const draft = withOperative(r3, (ops) => move(ops, 2, 3));
    const changes = changed(r3, draft);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.type).toBe('moved');
    expect([changes[0]?.base, changes[0]?.draft].sort()).toEqual([3, 4]);
  });

  it('reports a paragraph that moved and was reworded as one move with its word diff', () => {
    const draft = withOperative(r3, (ops) => {
      const moved = move(ops, 20, 0);
      const first = at(moved, 0);
      moved[0] = { ...first, content: replaceIn(first.content, 'to continue to assist', 'to assist') };
      return moved;
    });
    expect(render(r3, draft)).toBe('moved OP21→OP1: …<del>continue to</del>…');
  });

  it('reports a paragraph rewritten in place as changed, not as a deletion and an insertion', () => {
    const draft = withOperative(r3, (ops) => {
      const p = at(ops, 4);
      ops[4] = {
        ...p,
        content: inl(
          'the United Nations Office on Drugs and Crime to continue its technical assistance to States parties on request, within existing resources;',
        ),
      };
      return ops;
    });
    const changes = changed(r3, draft);
    expect(changes.map((c) => [c.type, c.base, c.draft])).toEqual([['changed', 5, 5]]);
  });

  it('reports a split paragraph once, on the base paragraph, with the positions it now spans', () => {
    const text = inlineText(at(r1.preamble, 5).content);
    const cut = text.indexOf(', and reaffirming');
    const draft = withPreamble(r1, (pps) => [
      ...pps.slice(0, 5),
      { opener: 'Noting with appreciation', content: inl(`${text.slice(0, cut)},`) },
      { opener: 'Reaffirming', content: inl(text.slice(cut + ', and reaffirming '.length)) },
      ...pps.slice(6),
    ]);
    const changes = changed(r1, draft);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      type: 'changed',
      base: 6,
      draft: 6,
      split: { into: [6, 7], labels: ['PP6', 'PP7'] },
    });
    expect(renderChanges(compareDocuments(r1, draft))).toBe(
      'changed PP6 split into PP6, PP7: …<del>and reaffirming</del><ins>Reaffirming</ins>…',
    );
    // PP7 of the base is PP8 of the draft: renumbered, not changed.
    expect(
      compareDocuments(r1, draft).changes.find((c) => c.base === 7 && c.part === 'preamble'),
    ).toMatchObject({
      type: 'unchanged',
      draft: 8,
    });
  });

  it('reports two paragraphs merged into one once, on the draft paragraph', () => {
    const text = inlineText(at(r1.preamble, 5).content);
    const cut = text.indexOf(', and reaffirming');
    const split = withPreamble(r1, (pps) => [
      ...pps.slice(0, 5),
      { opener: 'Noting with appreciation', content: inl(`${text.slice(0, cut)},`) },
      { opener: 'Reaffirming', content: inl(text.slice(cut + ', and reaffirming '.length)) },
      ...pps.slice(6),
    ]);
    const changes = changed(split, r1);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ type: 'changed', base: 6, draft: 6, merge: { from: [6, 7] } });
  });

  it('never reports renumbered subparagraphs as changes', () => {
    const draft = withOperative(r3, (ops) => {
      const p = at(ops, 8);
      ops[8] = { ...p, subparagraphs: p.subparagraphs.slice(1) };
      return ops;
    });
    expect(render(r3, draft)).toBe('deleted OP9 (a)');
    const b = compareDocuments(r3, draft).changes.find((c) => c.baseLabel === 'OP9 (b)');
    expect(b).toMatchObject({
      type: 'unchanged',
      draftLabel: 'OP9 (a)',
      basePath: [9, 2],
      draftPath: [9, 1],
    });
  });

  it('ignores the printed labels: a draft whose paragraphs carry no label is the same text', () => {
    const draft = withOperative(r3, (ops) =>
      ops.map((p) => ({
        opener: p.opener,
        content: p.content,
        subparagraphs: p.subparagraphs.map((s) => ({ content: s.content, subparagraphs: s.subparagraphs })),
      })),
    );
    expect(render(r3, draft)).toBe('');
  });

  it('reports a subparagraph taken into another paragraph as moved across paragraphs', () => {
    const draft = withOperative(r3, (ops) => {
      const op9 = at(ops, 8);
      const c = at(op9.subparagraphs, 2);
      ops[8] = { ...op9, subparagraphs: op9.subparagraphs.slice(0, 2) };
      ops[9] = { ...at(ops, 9), subparagraphs: [c] };
      return ops;
    });
    expect(render(r3, draft)).toBe('moved OP9 (c)→OP10 (a)');
  });

  it('compares annex items and their subparagraphs', () => {
    const draft: ResolutionDocument = {
      ...r4,
      annex: r4.annex && {
        ...r4.annex,
        items: r4.annex.items.map((it, k) =>
          k === 1 ? { ...it, subparagraphs: it.subparagraphs.filter((_, j) => j !== 2) } : it,
        ),
      },
    };
    expect(render(r4, draft)).toBe('deleted annex (b)(iii)');
  });

  it('reports a changed title apart from the paragraphs', () => {
    const draft = { ...r3, title: r3.title.replace('Implementation', 'Full implementation') };
    expect(render(r3, draft)).toBe('title: <del>Implementation</del><ins>Full implementation</ins>…');
  });
});

describe('compareDocuments on openers', () => {
  const withOpener = (doc: ResolutionDocument, index: number, opener: string): ResolutionDocument =>
    withOperative(doc, (ops) => {
      ops[index] = { ...at(ops, index), opener };
      return ops;
    });

  it('compares the opener as one unit and marks "Urges" → "Encourages" as softening', () => {
    const draft = withOpener(r3, 2, 'Encourages');
    expect(render(r3, draft)).toBe('changed OP3: <del>Urges</del><ins>Encourages</ins>… [softening]');
    expect(changed(r3, draft)[0]?.opener).toEqual({
      base: 'Urges',
      draft: 'Encourages',
      baseLevel: 4,
      draftLevel: 2,
      shift: 'softening',
    });
    expect(compareDocuments(r3, draft).summary).toMatchObject({ softening: 1, strengthening: 0 });
  });

  it('marks "Invites" → "Calls upon" as strengthening', () => {
    const draft = withOpener(r3, 21, 'Calls upon');
    expect(render(r3, draft)).toBe('changed OP22: <del>Invites</del><ins>Calls upon</ins>… [strengthening]');
  });

  it('does not split a changed opener into word edits ("Also urges" → "Encourages")', () => {
    const draft = withOpener(r3, 8, 'Encourages');
    expect(render(r3, draft)).toBe('changed OP9: <del>Also urges</del><ins>Encourages</ins>… [softening]');
  });

  it('marks the also/further step that follows a deleted paragraph as a sequence change', () => {
    const draft = withOperative(r3, (ops) => {
      const out = ops.filter((_, k) => k !== 7);
      out[7] = { ...at(out, 7), opener: 'Urges' };
      return out;
    });
    expect(render(r3, draft)).toBe(
      'deleted OP8\nchanged OP9→OP8: <del>Also urges</del><ins>Urges</ins>… [sequence]',
    );
  });
});

describe('compareDocuments on footnotes', () => {
  // 6/3 OP1 cites the Smuggling of Migrants Protocol (footnote 18).
  const op1Note = (): string => {
    const ref = at(r3.operative, 0).content.find((p) => p.type === 'footnoteRef');
    if (ref?.type !== 'footnoteRef') throw new Error('6/3 OP1 has no footnote');
    return ref.footnoteId;
  };

  it('reports a changed footnote source apart from the words', () => {
    const id = op1Note();
    const draft: ResolutionDocument = {
      ...r3,
      footnotes: r3.footnotes.map((f) =>
        f.id === id ? { id, content: inl('United Nations, Treaty Series, vol. 2237, No. 39574.') } : f,
      ),
    };
    const [change, ...rest] = changed(r3, draft);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ type: 'changed', base: 1, draft: 1 });
    expect(change?.words.every((w) => w.op === 'equal')).toBe(true);
    expect(change?.footnotes).toEqual([
      {
        change: 'changed',
        base: expect.objectContaining({ source: 'United Nations, Treaty Series, vol. 2241, No. 39574.' }),
        draft: expect.objectContaining({ source: 'United Nations, Treaty Series, vol. 2237, No. 39574.' }),
      },
    ]);
    expect(render(r3, draft, { ignoreFootnotes: true })).toBe('');
  });

  it('reports a footnote reference added to a paragraph', () => {
    const id = op1Note();
    const draft = withOperative(r3, (ops) => {
      const p = at(ops, 2);
      ops[2] = { ...p, content: [...p.content, { type: 'footnoteRef', footnoteId: id }] };
      return ops;
    });
    expect(render(r3, draft)).toBe(
      'changed OP3 footnotes: +"United Nations, Treaty Series, vol. 2241, No. 39574."',
    );
  });

  it('reports a footnote reference removed from a paragraph', () => {
    const draft = withOperative(r1, (ops) => {
      const p = at(ops, 0);
      let seen = 0;
      ops[0] = { ...p, content: p.content.filter((c) => c.type !== 'footnoteRef' || seen++ === 0) };
      return ops;
    });
    const [change] = changed(r1, draft);
    expect(change?.footnotes?.map((f) => f.change)).toEqual(['removed']);
    expect(change?.footnotes?.[0]?.base?.source).toBe(
      'United Nations, Treaty Series, vols. 2237, 2241 and 2326, No. 39574.',
    );
  });

  it('does not report "Ibid." standing for the same source as a change', () => {
    const id = op1Note();
    const draft: ResolutionDocument = {
      ...r3,
      footnotes: r3.footnotes.map((f) =>
        f.id === id ? { ...f, content: inl('Ibid.'), resolved: f.resolved ?? inlineText(f.content) } : f,
      ),
    };
    expect(render(r3, draft)).toBe('');
  });
});

describe('compareDocuments with ignorePunctuation', () => {
  const draft = withOperative(r3, (ops) => {
    const p = at(ops, 2);
    ops[2] = {
      ...p,
      content: replaceIn(p.content, 'legislation, if necessary,', 'legislation if necessary'),
    };
    return ops;
  });

  it('reports a change of punctuation as a word change by default', () => {
    expect(render(r3, draft)).toBe('changed OP3: …<del>,</del>…<del>,</del>…');
  });

  it('reports no change when only punctuation differs and punctuation is ignored', () => {
    expect(render(r3, draft, { ignorePunctuation: true })).toBe('');
  });

  it('still reports changed words when punctuation is ignored', () => {
    const reworded = withOperative(draft, (ops) => {
      const p = at(ops, 2);
      ops[2] = { ...p, content: replaceIn(p.content, 'appropriate', 'suitable') };
      return ops;
    });
    expect(render(r3, reworded, { ignorePunctuation: true })).toBe(
      'changed OP3: …<del>appropriate</del><ins>suitable</ins>…',
    );
  });
});

describe('compareDocuments on built documents', () => {
  it('reports a paragraph promoted from subparagraph to paragraph as moved', () => {
    const base = withOperative(r3, () => [
      op('Urges', 'States parties:', [
        sub('to ratify the Protocol against the Smuggling of Migrants by Land, Sea and Air;'),
        sub('to criminalize the smuggling of migrants in their domestic legislation.'),
      ]),
    ]);
    const draft = withOperative(r3, () => [
      op('Urges', 'States parties:', [
        sub('to ratify the Protocol against the Smuggling of Migrants by Land, Sea and Air;'),
      ]),
      op('', 'to criminalize the smuggling of migrants in their domestic legislation.'),
    ]);
    expect(renderChanges(compareDocuments(base, draft))).toBe('moved OP1 (b)→OP2');
  });
});
