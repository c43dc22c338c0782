import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recognize } from '../../../src/core/parse/recognize.ts';
import { inlineText } from '../../../src/core/model/inline.ts';

const DRAFT = `Resolution 7/1

Strengthening cooperation against the smuggling of migrants

The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,

Recalling its resolution 6/3 of 19 October 2012,

Noting with appreciation the work of the Working Group,¹

1. Requests the Secretariat to report;
2. Also requests the Secretariat to assist States:
(a) In drafting legislation;
(b) In training officials:
(i) Prosecutors;
(ii) Judges;
3. Decides to remain seized of the matter.

¹ CTOC/COP/WG.7/2012/6.
`;

describe('recognize', () => {
  it('reads the parts of a resolution as UN documents print them', () => {
    const { documents, diagnostics } = recognize(DRAFT);
    expect(diagnostics).toEqual([]);
    expect(documents).toHaveLength(1);
    const doc = documents[0]!;
    expect(doc.kind).toBe('resolution');
    expect(doc.number).toBe('7/1');
    expect(doc.title).toBe('Strengthening cooperation against the smuggling of migrants');
    expect(doc.formula).toBe(
      'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
    );
    expect(doc.organ).toBe(
      'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
    );
    expect(doc.preamble.map((p) => p.opener)).toEqual(['Recalling', 'Noting with appreciation']);
    expect(doc.operative.map((p) => [p.label, p.opener])).toEqual([
      ['1', 'Requests'],
      ['2', 'Also requests'],
      ['3', 'Decides'],
    ]);
    const subs = doc.operative[1]!.subparagraphs;
    expect(subs.map((s) => s.label)).toEqual(['(a)', '(b)']);
    expect(subs[1]!.subparagraphs.map((s) => [s.label, inlineText(s.content)])).toEqual([
      ['(i)', 'Prosecutors;'],
      ['(ii)', 'Judges;'],
    ]);
  });

  it('anchors a footnote reference where its marker was printed and keeps its text', () => {
    const doc = recognize(DRAFT).documents[0]!;
    expect(doc.preamble[1]!.content).toEqual([
      { type: 'text', text: 'the work of the Working Group,' },
      { type: 'footnoteRef', footnoteId: 'fn1' },
    ]);
    expect(doc.footnotes).toEqual([
      { id: 'fn1', number: 1, content: [{ type: 'text', text: 'CTOC/COP/WG.7/2012/6.' }] },
    ]);
  });

  it('reads a pasted resolution with no heading, title first', () => {
    const { documents } = recognize(
      'A title\n\nThe General Assembly,\n\nRecalling its resolution,\n\n1. Decides to act.',
    );
    expect(documents[0]?.title).toBe('A title');
    expect(documents[0]?.organ).toBe('General Assembly');
    expect(documents[0]?.operative).toHaveLength(1);
  });

  it('tells a letter (i) after (h) from a roman (i) under (a)', () => {
    const letters = 'abcdefghi'
      .split('')
      .map((l) => `(${l}) Item ${l};`)
      .join('\n');
    const doc = recognize(`T\n\nThe General Assembly,\n\n1. Decides:\n${letters}`).documents[0]!;
    expect(doc.operative[0]!.subparagraphs.map((s) => s.label)).toEqual([
      '(a)',
      '(b)',
      '(c)',
      '(d)',
      '(e)',
      '(f)',
      '(g)',
      '(h)',
      '(i)',
    ]);
  });

  it('reports a footnote whose text is missing instead of failing', () => {
    const { documents, diagnostics } = recognize(
      'T\n\nThe General Assembly,\n\nRecalling the Convention,³\n\n1. Decides to act.',
    );
    expect(documents[0]?.footnotes[0]?.content).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toContain('footnote-text-missing');
  });

  it('reads a lone unnumbered operative paragraph', () => {
    const doc = recognize(
      'T\n\nThe General Assembly,\n\nRecalling its resolution 64/293,\n\nNoting the report,\n\nDecides to continue its consideration.',
    ).documents[0]!;
    expect(doc.preamble).toHaveLength(2);
    expect(doc.operative.map((p) => p.opener)).toEqual(['Decides']);
  });

  it('says so when the text holds no resolution', () => {
    const { documents, diagnostics } = recognize('Dear colleagues, the meeting is moved to Tuesday.');
    expect(documents).toHaveLength(1);
    expect(diagnostics.map((d) => d.code)).toContain('formula-missing');
    expect(recognize('').documents).toEqual([]);
  });

  it('reads only the first five million characters of a huge input and says so', () => {
    const huge = 'Recalling the Convention, '.repeat(200_000);
    const { diagnostics } = recognize(huge);
    expect(diagnostics[0]?.code).toBe('input-too-large');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const r = recognize(s);
        expect(Array.isArray(r.documents)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const alphabet = fc.constantFrom(
      '\n',
      '\n\n',
      ' ',
      '1. ',
      '(a) ',
      '(i) ',
      '¹',
      '² ',
      'Resolution 6/1',
      'Annex',
      'The Conference,',
      'Recalling',
      'Requests',
      ',',
      ';',
      ':',
      '.',
      'text',
      'Ibid.',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const r = recognize(parts.join(''));
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
