/**
 * The agreed-language finder in the editor (issue 4), headless: reading the paragraph at the caret,
 * putting a precedent's wording in (footnotes carried along) or inserting it as a new paragraph, and
 * following the caret with a debounced lookup.
 */
import {
  $getRoot,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPrecedentIndex, findPrecedents, type Precedent } from '../../src/core/compare/finder.ts';
import { $caretParagraph, type CaretParagraph } from '../../src/editor/plugins/precedents/caretParagraph.ts';
import {
  $insertWordingAfter,
  $replaceWording,
  standaloneFootnoteContent,
  type Wording,
} from '../../src/editor/plugins/precedents/applyPrecedent.ts';
import {
  registerPrecedentFinder,
  type FinderState,
} from '../../src/editor/plugins/precedents/registerPrecedentFinder.ts';
import { annex, fn, inl, op, pre, res, sub } from '../helpers/builders.ts';
import { corpus } from '../helpers/corpus.ts';
import { createTestEditor, load, outline, update } from './testEditor.ts';

const SOURCE = 'United Nations, *Treaty Series*, vol. 2225, No. 39574.';

function draft() {
  return res({
    title: 'T',
    formula: 'The Conference,',
    preamble: [pre('Recalling', 'the Convention,{fn:fn1}'), pre('Noting', 'the report,')],
    operative: [
      op('Requests', 'the Office to report:', [
        sub('yearly;', [sub('in writing;')]),
        sub('to the Conference;'),
      ]),
      op('Invites', 'Member States to provide resources.'),
    ],
    annex: annex('Recommendations', [sub('first item;'), sub('second item.')]),
    footnotes: [fn('fn1', SOURCE)],
  });
}

function editorWith(doc = draft()) {
  const editor = createTestEditor();
  load(editor, doc);
  return editor;
}

/** Puts the caret right after `needle`. */
function $caretAfter(needle: string): TextNode {
  const visit = (node: LexicalNode): TextNode | null => {
    if ($isTextNode(node) && node.getTextContent().includes(needle)) return node;
    if ($isElementNode(node))
      for (const child of node.getChildren()) {
        const found = visit(child);
        if (found) return found;
      }
    return null;
  };
  const node = visit($getRoot());
  if (node === null) throw new Error(`no text "${needle}"`);
  const at = node.getTextContent().indexOf(needle) + needle.length;
  node.select(at, at);
  return node;
}

function caretParagraph(editor: ReturnType<typeof editorWith>, needle: string): CaretParagraph {
  return update(editor, () => {
    $caretAfter(needle);
    const at = $caretParagraph();
    if (at === null || at === 'outside') throw new Error(`no paragraph at "${needle}"`);
    return at;
  });
}

const TREATY: Wording = {
  opener: 'Urges',
  content: inl('Member States to ratify the Protocol;{fn:fn18}'),
  footnotes: [fn('fn18', 'Ibid.', 'United Nations, Treaty Series, vol. 2241, No. 39574.', 18)],
};

describe('$caretParagraph', () => {
  it('reads the paragraph at the caret as printed, with its opener and a label a delegate cites', () => {
    const editor = editorWith();
    expect(caretParagraph(editor, 'the report')).toMatchObject({
      kind: 'preamble',
      label: 'PP2',
      opener: 'Noting',
      text: 'Noting the report,',
    });
    expect(caretParagraph(editor, 'the Convention')).toMatchObject({
      label: 'PP1',
      text: 'Recalling the Convention,',
    });
    expect(caretParagraph(editor, 'Member States')).toMatchObject({
      kind: 'operative',
      label: 'OP2',
      text: 'Invites Member States to provide resources.',
    });
  });

  it('labels subparagraphs by the paragraph they belong to, and annex items as the annex', () => {
    const editor = editorWith();
    expect(caretParagraph(editor, 'yearly')).toMatchObject({
      kind: 'subparagraph',
      label: 'OP1 (a)',
      level: 1,
    });
    expect(caretParagraph(editor, 'in writing')).toMatchObject({ label: 'OP1 (a)(i)', level: 2, opener: '' });
    expect(caretParagraph(editor, 'to the Conference')).toMatchObject({ label: 'OP1 (b)' });
    expect(caretParagraph(editor, 'second item')).toMatchObject({ kind: 'annex', label: 'annex (b)' });
  });

  it('says "outside" in the title or a footnote text, and null without a selection', () => {
    const editor = editorWith();
    expect(update(editor, () => ($caretAfter('T'), $caretParagraph()))).toBe('outside');
    expect(update(editor, () => ($caretAfter('vol. 2225'), $caretParagraph()))).toBe('outside');
    expect(update(editor, () => ($setSelection(null), $caretParagraph()))).toBeNull();
  });
});

describe('standaloneFootnoteContent', () => {
  it('gives an "Ibid." of the corpus its source, with Treaty Series in italics', () => {
    expect(standaloneFootnoteContent(TREATY.footnotes[0] ?? fn('x', ''))).toEqual(
      inl('United Nations, *Treaty Series*, vol. 2241, No. 39574.'),
    );
  });

  it('italicizes Treaty Series in a note printed in full, and leaves other notes as they are', () => {
    expect(
      standaloneFootnoteContent(fn('a', 'United Nations, Treaty Series, vol. 2225, No. 39574.')),
    ).toEqual(inl(SOURCE));
    expect(standaloneFootnoteContent(fn('b', 'CTOC/COP/2012/7.'))).toEqual(inl('CTOC/COP/2012/7.'));
  });
});

describe('$replaceWording', () => {
  it("replaces the paragraph's words by the precedent's, opener included, and carries its footnote along", () => {
    const editor = editorWith();
    const { key } = caretParagraph(editor, 'Member States');
    expect(update(editor, () => $replaceWording(key, TREATY))).toBe(true);
    const text = outline(editor);
    expect(text).toContain('OP 2. <Urges> Member States to ratify the Protocol;^2');
    // A fresh id (fn1 is taken), the source instead of "Ibid.", numbered by order of reference.
    expect(text.split('FOOTNOTES\n')[1]).toBe(
      ['  1 [fn1] ' + SOURCE, '  2 [fn2] United Nations, *Treaty Series*, vol. 2241, No. 39574.'].join('\n'),
    );
  });

  it('drops the footnotes of the replaced words with their references', () => {
    const editor = editorWith();
    const { key } = caretParagraph(editor, 'the Convention');
    update(editor, () =>
      $replaceWording(key, { opener: 'Recalling', content: inl('its resolution 5/1,'), footnotes: [] }),
    );
    expect(outline(editor)).toContain('PP <Recalling> its resolution 5/1,');
    expect(outline(editor)).not.toMatch(/\^\d/);
  });

  it('writes the opener as the first words of a subparagraph, which has none', () => {
    const editor = editorWith();
    const { key } = caretParagraph(editor, 'to the Conference');
    update(editor, () =>
      $replaceWording(key, { opener: 'Invites', content: inl('States to report;'), footnotes: [] }),
    );
    expect(outline(editor)).toContain('  (b) Invites States to report;');
  });

  it('puts the caret at the end of the new words, and answers false for a paragraph no longer there', () => {
    const editor = editorWith();
    const { key } = caretParagraph(editor, 'Member States');
    update(editor, () =>
      $replaceWording(key, { opener: 'Decides', content: inl('to continue.'), footnotes: [] }),
    );
    expect(caretParagraph(editor, 'to continue.').label).toBe('OP2');
    expect(update(editor, () => $replaceWording('no-such-key', TREATY))).toBe(false);
  });
});

describe('$insertWordingAfter', () => {
  it('inserts an operative paragraph after the one at the caret and its subparagraphs', () => {
    const editor = editorWith();
    const { key } = caretParagraph(editor, 'the Office');
    update(editor, () => $insertWordingAfter(key, TREATY));
    const lines = outline(editor).split('\n');
    const at = lines.indexOf('OP 2. <Urges> Member States to ratify the Protocol;^2');
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe('  (b) to the Conference;');
    expect(lines[at + 1]).toBe('OP 3. <Invites> Member States to provide resources.');
  });

  it('inserts a preambular paragraph after a preambular one, and a subparagraph after a subparagraph and its own', () => {
    const editor = editorWith();
    const pp = caretParagraph(editor, 'the Convention');
    update(editor, () =>
      $insertWordingAfter(pp.key, { opener: 'Noting', content: inl('the work,'), footnotes: [] }),
    );
    expect(outline(editor)).toMatch(
      /PP <Recalling> the Convention,\^1\nPP <Noting> the work,\nPP <Noting> the report,/,
    );
    const a = caretParagraph(editor, 'yearly');
    update(editor, () => $insertWordingAfter(a.key, { opener: '', content: inl('monthly;'), footnotes: [] }));
    expect(outline(editor)).toContain('    (i) in writing;\n  (b) monthly;\n  (c) to the Conference;');
  });

  it('leaves the caret in the new paragraph', () => {
    const editor = editorWith();
    const { key } = caretParagraph(editor, 'Member States');
    update(editor, () =>
      $insertWordingAfter(key, { opener: 'Decides', content: inl('to continue.'), footnotes: [] }),
    );
    const at = editor.read(() => $caretParagraph());
    expect(at).toMatchObject({ label: 'OP3', text: 'Decides to continue.' });
  });
});

describe('registerPrecedentFinder', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function follow(editor: ReturnType<typeof editorWith>) {
    const states: FinderState[] = [];
    const queries: string[] = [];
    const stop = registerPrecedentFinder(editor, {
      find: (text) => {
        queries.push(text);
        return [];
      },
      onChange: (s) => states.push(s),
      delayMs: 100,
    });
    return { states, queries, stop };
  }

  it('looks up the paragraph at the caret once the drafter pauses, and again only when it changes', async () => {
    const editor = editorWith();
    const { states, queries, stop } = follow(editor);
    update(editor, () => $caretAfter('Member'));
    update(editor, () => $caretAfter('Member States'));
    expect(queries).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(queries).toEqual(['Invites Member States to provide resources.']);
    expect(states.at(-1)).toMatchObject({ status: 'ready', paragraph: { label: 'OP2' }, precedents: [] });
    // A caret move inside the same paragraph asks nothing new.
    update(editor, () => $caretAfter('Invites'));
    await vi.advanceTimersByTimeAsync(100);
    expect(queries).toHaveLength(1);
    update(editor, () => $caretAfter('the report'));
    await vi.advanceTimersByTimeAsync(100);
    expect(queries.at(-1)).toBe('Noting the report,');
    stop();
  });

  it('keeps its answer when the editor loses the selection, and says so when the caret leaves the paragraphs', async () => {
    const editor = editorWith();
    const { states, stop } = follow(editor);
    update(editor, () => $caretAfter('the report'));
    await vi.advanceTimersByTimeAsync(100);
    const count = states.length;
    update(editor, () => $setSelection(null));
    await vi.advanceTimersByTimeAsync(100);
    expect(states).toHaveLength(count);
    update(editor, () => $caretAfter('T'));
    await vi.advanceTimersByTimeAsync(100);
    expect(states.at(-1)).toEqual({ status: 'outside' });
    stop();
    update(editor, () => $caretAfter('Member States'));
    await vi.advanceTimersByTimeAsync(100);
    expect(states.at(-1)).toEqual({ status: 'outside' });
  });

  it('drops an answer that arrives after the caret has moved to another paragraph', async () => {
    const editor = editorWith();
    const states: FinderState[] = [];
    const answers: ((p: readonly Precedent[]) => void)[] = [];
    const stop = registerPrecedentFinder(editor, {
      find: () => new Promise((resolve) => answers.push(resolve)),
      onChange: (s) => states.push(s),
      delayMs: 100,
    });
    update(editor, () => $caretAfter('Member States'));
    await vi.advanceTimersByTimeAsync(100);
    update(editor, () => $caretAfter('the report'));
    await vi.advanceTimersByTimeAsync(100);
    expect(answers).toHaveLength(2);
    answers[1]?.([]);
    await vi.advanceTimersByTimeAsync(0);
    answers[0]?.([]);
    await vi.advanceTimersByTimeAsync(0);
    const ready = states.filter((s) => s.status === 'ready');
    expect(ready).toHaveLength(1);
    expect(ready[0]).toMatchObject({ paragraph: { label: 'PP2' } });
    stop();
  });

  it('says why when the lookup fails, and asks again at the next change', async () => {
    const editor = editorWith();
    const states: FinderState[] = [];
    let calls = 0;
    const stop = registerPrecedentFinder(editor, {
      find: () => {
        calls++;
        return Promise.reject(new Error('the library could not be fetched (404 Not Found)'));
      },
      onChange: (s) => states.push(s),
      delayMs: 100,
    });
    update(editor, () => $caretAfter('Member States'));
    await vi.advanceTimersByTimeAsync(100);
    expect(states.at(-1)).toMatchObject({
      status: 'failed',
      paragraph: { label: 'OP2' },
      error: 'the library could not be fetched (404 Not Found)',
    });
    update(editor, () => $caretAfter('Invites'));
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
    stop();
  });
});

describe('the finder over the corpus, into the draft', () => {
  const index = buildPrecedentIndex(corpus().documents);

  it('finds 6/1 OP21 for a paragraph close to it and puts its wording in', () => {
    const editor = editorWith();
    const at = caretParagraph(editor, 'Member States');
    const [best] = findPrecedents(
      index,
      'Invites Member States and other donors to provide extrabudgetary resources',
    );
    expect(best?.label).toMatch(/^6\/[13] OP2[12]$/);
    update(editor, () => $replaceWording(at.key, best as Precedent));
    expect(outline(editor)).toContain(`OP 2. <Invites> ${best?.text.replace(/^Invites /, '')}`);
  });

  it('carries the Treaty Series note of 6/3 OP1 into the draft as a footnote of its own', () => {
    const editor = editorWith();
    const at = caretParagraph(editor, 'Member States');
    const found = findPrecedents(
      index,
      'Urges Member States that have not yet done so to consider ratifying the Protocol against the Smuggling of Migrants',
    );
    const precedent = found.find((p) => p.label === '6/3 OP1');
    expect(precedent?.footnotes).toHaveLength(1);
    update(editor, () => $insertWordingAfter(at.key, precedent as Precedent));
    const text = outline(editor);
    expect(text).toMatch(/OP 3\. <Urges> Member States that have not yet done so .*Organized Crime;\^2/);
    expect(text).toContain('  2 [fn2] United Nations, *Treaty Series*, vol. 2241, No. 39574.');
  });
});
