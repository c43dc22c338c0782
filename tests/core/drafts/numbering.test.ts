import { describe, expect, it } from 'vitest';
import { withPositionalNumbering } from '../../../src/core/drafts/numbering.ts';
import { renderPlainText } from '../../../src/core/export/text.ts';
import { annex, fn, op, res, sub } from '../../helpers/builders.ts';

describe('withPositionalNumbering', () => {
  it('drops the labels that position prints anyway, at every level', () => {
    const doc = withPositionalNumbering(
      res({
        operative: [
          op('Requests', 'the Secretariat:', [sub('to report;', [sub('in time.', [], '(i)')], '(a)')], '1'),
          op('Decides', 'to remain seized of the matter.', [], '2'),
        ],
      }),
    );
    expect(doc.operative.map((p) => p.label)).toEqual([undefined, undefined]);
    expect(doc.operative[0]?.subparagraphs[0]?.label).toBeUndefined();
    expect(doc.operative[0]?.subparagraphs[0]?.subparagraphs[0]?.label).toBeUndefined();
    expect(doc.operative[0]).not.toHaveProperty('label');
  });

  it('keeps a label position cannot give: "5 bis", a letter out of sequence', () => {
    const doc = withPositionalNumbering(
      res({ operative: [op('Requests', 'a;', [sub('b;', [], '(c)')], '1'), op('Urges', 'c.', [], '1 bis')] }),
    );
    expect(doc.operative.map((p) => p.label)).toEqual([undefined, '1 bis']);
    expect(doc.operative[0]?.subparagraphs[0]?.label).toBe('(c)');
  });

  it('letters the paragraphs of a decision: (a), (b) go, as position letters them', () => {
    const doc = withPositionalNumbering(
      res({
        kind: 'decision',
        operative: [op('Decided', 'a;', [], '(a)'), op('Requested', 'b.', [], '(b)')],
      }),
    );
    expect(doc.operative.map((p) => p.label)).toEqual([undefined, undefined]);
    expect(renderPlainText(doc)).toContain('(a) Decided a;\n(b) Requested b.');
  });

  it('keeps numbered annex items, and drops the letters under them that position gives', () => {
    // The provisional agenda of decision 6/1: items 1., 2. with (a), (b) below them.
    const doc = withPositionalNumbering(
      res({ annex: annex('Agenda', [sub('Organizational matters:', [sub('Opening;', [], '(a)')], '1')]) }),
    );
    expect(doc.annex?.items[0]?.label).toBe('1');
    expect(doc.annex?.items[0]?.subparagraphs[0]?.label).toBeUndefined();
    expect(renderPlainText(doc)).toContain('1. Organizational matters:\n(a) Opening;');
  });

  it('drops lettered annex items and the roman numerals under them', () => {
    const doc = withPositionalNumbering(
      res({ annex: annex('Recommendations', [sub('Encourages:', [sub('to act;', [], '(i)')], '(a)')]) }),
    );
    expect(doc.annex?.items[0]?.label).toBeUndefined();
    expect(doc.annex?.items[0]?.subparagraphs[0]?.label).toBeUndefined();
  });

  it('numbers footnotes by position: the printed numbers go, the ids stay', () => {
    const doc = withPositionalNumbering(res({ footnotes: [fn('fn16', 'Ibid.', undefined, 16)] }));
    expect(doc.footnotes).toEqual([{ id: 'fn16', content: [{ type: 'text', text: 'Ibid.' }] }]);
  });
});
