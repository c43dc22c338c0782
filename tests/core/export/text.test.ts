import { describe, expect, it } from 'vitest';
import { renderPlainText } from '../../../src/core/export/text.ts';
import { toPublicJson } from '../../../src/core/export/json.ts';
import { recognize } from '../../../src/core/parse/recognize.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { corpus } from '../../helpers/corpus.ts';
import { fn, op, pre, res, sub } from '../../helpers/builders.ts';

/** Structure and text, without what plain text does not carry (adoption data, Ibid. expansion across documents). */
function shape(doc: ResolutionDocument) {
  const { adoption: _a, metadata: _m, footnotes, ...rest } = toPublicJson(doc);
  return { ...rest, footnotes: footnotes.map((f) => ({ number: f.number, text: f.text })) };
}

describe('renderPlainText', () => {
  it.each(corpus().documents.map((d) => [`${d.kind} ${d.number}`, d] as const))(
    'prints %s so that the recognizer reads back the same structure and text',
    (_name, doc) => {
      const back = recognize(renderPlainText(doc, { markup: true }));
      expect(back.diagnostics).toEqual([]);
      expect(back.documents).toHaveLength(1);
      expect(shape(back.documents[0]!)).toEqual(shape(doc));
    },
  );

  it('reads back without markup too, where the grammar finds the same openers', () => {
    const doc = corpus().documents[2]!;
    expect(shape(recognize(renderPlainText(doc)).documents[0]!)).toEqual(shape(doc));
  });

  it('numbers operative paragraphs and letters subparagraphs by position when no label was printed', () => {
    const doc = res({
      title: 'T',
      preamble: [pre('Recalling', 'the Convention,{fn:a}')],
      operative: [
        op('Requests', 'the Secretariat:', [
          sub('to report;', [sub('first;'), sub('second;')]),
          sub('to assist.'),
        ]),
        op('Decides', 'to act.'),
      ],
      footnotes: [fn('a', 'United Nations, *Treaty Series*, vol. 2225, No. 39574.')],
    });
    expect(renderPlainText(doc, { footnoteNumbers: 'sequential' })).toBe(
      [
        'T',
        '',
        'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
        '',
        'Recalling the Convention,¹',
        '',
        '1. Requests the Secretariat:\n(a) to report;\n(i) first;\n(ii) second;\n(b) to assist.\n2. Decides to act.',
        '',
        '¹ United Nations, Treaty Series, vol. 2225, No. 39574.',
        '',
      ].join('\n'),
    );
  });
});

describe('renderPlainText of a lone operative paragraph', () => {
  it('prints it without a number, and the recognizer reads it back as the operative part', () => {
    const doc = res({
      title: 'T',
      preamble: [pre('Recalling', 'its resolution 6/3,'), pre('Noting', 'the report,')],
      operative: [op('Decides', 'to continue its work.')],
    });
    const text = renderPlainText(doc);
    expect(text).toContain('\n\nDecides to continue its work.\n');
    const back = recognize(text).documents[0]!;
    expect(back.operative.map((p) => p.opener)).toEqual(['Decides']);
  });
});
