import { describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/core/model/inline.ts';
import { applyFix, spliceInlines } from '../../../src/core/rules/fix.ts';
import { annex, fn, inl, op, pre, res, sub } from '../../helpers/builders.ts';

describe('spliceInlines', () => {
  it('keeps footnote references and italics around the replaced text', () => {
    const content = inl('the *Treaty Series*,{fn:f1} vol. 2225');
    expect(spliceInlines(content, 18, 18, [{ type: 'text', text: ' X' }])).toEqual(
      inl('the *Treaty Series*,{fn:f1} X vol. 2225'),
    );
    expect(spliceInlines(content, 4, 10, [{ type: 'text', text: 'Recueil' }])).toEqual(
      inl('the *Recueil Series*,{fn:f1} vol. 2225'),
    );
  });

  it('moves a reference inside the replaced range to its end', () => {
    expect(spliceInlines(inl('Crime{fn:f1} now'), 0, 9, [{ type: 'text', text: 'Law' }])).toEqual(
      inl('Law{fn:f1}'),
    );
  });

  it('throws on a range outside the text', () => {
    expect(() => spliceInlines(inl('abc'), 2, 5, [])).toThrow(
      'spliceInlines: range 2-5 is outside the text (length 3)',
    );
  });
});

describe('applyFix', () => {
  const doc = res({
    preamble: [pre('Recognising', 'the Organisation.')],
    operative: [op('Urges', 'States:', [sub('to act,', [sub('now', [], '(ii)')], '(a)')], '1')],
    annex: annex('Recommendations', [sub('Encourages States.', [], '(a)')], 'The Working Group:'),
    footnotes: [fn('f9', 'Ibid.')],
  });

  it('edits the opener or the text by offsets in the printed paragraph, and leaves the input as it was', () => {
    const fixed = applyFix(doc, {
      description: 'three edits',
      edits: [
        {
          kind: 'replaceText',
          target: { part: 'preamble', paragraph: 1 },
          range: { start: 0, end: 11 },
          text: 'Recognizing',
        },
        {
          kind: 'replaceText',
          target: { part: 'preamble', paragraph: 1 },
          range: { start: 16, end: 28 },
          text: 'Organization',
        },
        {
          kind: 'replaceText',
          target: { part: 'preamble', paragraph: 1 },
          range: { start: 28, end: 29 },
          text: ',',
        },
      ],
    });
    expect(fixed.preamble[0]).toEqual(pre('Recognizing', 'the Organization,'));
    expect(doc.preamble[0]).toEqual(pre('Recognising', 'the Organisation.'));
  });

  it('reaches subparagraphs, labels, the annex and its introduction', () => {
    const fixed = applyFix(doc, {
      description: 'several places',
      edits: [
        {
          kind: 'replaceText',
          target: { part: 'operative', paragraph: 1, subparagraph: [1] },
          range: { start: 6, end: 7 },
          text: ':',
        },
        { kind: 'setLabel', target: { part: 'operative', paragraph: 1, subparagraph: [1, 1] }, label: '(i)' },
        { kind: 'setOpener', target: { part: 'operative', paragraph: 1 }, opener: 'Also urges' },
        {
          kind: 'replaceText',
          target: { part: 'annex', paragraph: 1 },
          range: { start: 17, end: 18 },
          text: ';',
        },
        {
          kind: 'replaceText',
          target: { part: 'annex', paragraph: 0 },
          range: { start: 0, end: 3 },
          text: 'This',
        },
      ],
    });
    const p = fixed.operative[0]!;
    expect(p.opener).toBe('Also urges');
    expect(inlineText(p.subparagraphs[0]!.content)).toBe('to act:');
    expect(p.subparagraphs[0]!.subparagraphs[0]!.label).toBe('(i)');
    expect(inlineText(fixed.annex!.items[0]!.content)).toBe('Encourages States;');
    expect(inlineText(fixed.annex!.intro)).toBe('This Working Group:');
  });

  it('inserts a footnote with a fresh id, placed before the footnotes referenced after it', () => {
    const withRef = res({
      preamble: [pre('Recalling', 'the Convention,'), pre('Noting', 'the report,{fn:f9}')],
      footnotes: [fn('f9', 'Ibid.')],
    });
    const fixed = applyFix(withRef, {
      description: 'add a footnote',
      edits: [
        {
          kind: 'insertFootnote',
          target: { part: 'preamble', paragraph: 1 },
          at: 24,
          content: inl('Source.'),
        },
      ],
    });
    expect(fixed.preamble[0]?.content).toEqual(inl('the Convention{fn:fn-1},'));
    expect(fixed.footnotes.map((f) => f.id)).toEqual(['fn-1', 'f9']);
  });

  it('throws on misuse: a missing paragraph, a range across the opener, a label on a preambular paragraph', () => {
    const edit = (e: Parameters<typeof applyFix>[1]['edits'][number]) => () =>
      applyFix(doc, { description: 'x', edits: [e] });
    expect(edit({ kind: 'setOpener', target: { part: 'preamble', paragraph: 5 }, opener: 'Noting' })).toThrow(
      'applyFix: PP5 does not exist',
    );
    expect(
      edit({
        kind: 'replaceText',
        target: { part: 'preamble', paragraph: 1 },
        range: { start: 5, end: 15 },
        text: '',
      }),
    ).toThrow('applyFix: range 5-15 of PP1 spans its opener and its text');
    expect(edit({ kind: 'setLabel', target: { part: 'preamble', paragraph: 1 }, label: '1' })).toThrow(
      'applyFix: PP1 is not numbered',
    );
    expect(edit({ kind: 'insertFootnote', target: { part: 'title' }, at: 0, content: [] })).toThrow(
      'applyFix: title cannot carry a footnote',
    );
  });
});
