/**
 * The plain-text export of the structures of General Assembly texts: a preambular paragraph's list
 * under it, each section's number alone on its line and its heading before its own paragraphs
 * (numbered from 1 again or running on, as printed), the annex's headings between its items; and the
 * printed-text reader reads that text back into the same structure.
 */
import { describe, expect, it } from 'vitest';
import { sectionOperativeLabels } from '../../../src/core/export/labels.ts';
import { renderPlainText } from '../../../src/core/export/text.ts';
import type { ResolutionDocument, Section } from '../../../src/core/model/types.ts';
import { readPrintedText } from '../../../src/core/parse/printed.ts';
import { op, pre, res, sub } from '../../helpers/builders.ts';
import { gaDocument } from '../../helpers/ga.ts';

function section(
  number: string,
  heading: string,
  parts: Partial<Omit<Section, 'number' | 'heading'>>,
): Section {
  return { number, heading, preamble: [], operative: [], ...parts };
}

const OMNIBUS = res({
  title: 'Internal oversight',
  formula: 'The General Assembly,',
  preamble: [
    {
      ...pre('Recalling', 'its resolution 77/1, in which it decided:'),
      subparagraphs: [sub('To strengthen oversight;'), sub('To report annually,')],
    },
  ],
  sections: [
    section('I', 'Activities of the Office of Internal Oversight Services', {
      preamble: [pre('Having considered', 'the report of the Office,')],
      operative: [
        op('Reaffirms', 'its primary role;', [], '1'),
        op('Requests', 'the Secretary-General:', [sub('to act;'), sub('to report;')], '2'),
      ],
    }),
    section('II', 'Activities of the Independent Audit Advisory Committee', {
      preamble: [pre('Having considered', 'the report of the Committee,')],
      operative: [op('Notes with appreciation', 'the work of the Committee;', [], '1')],
    }),
  ],
  annex: {
    title: 'Terms of reference',
    intro: [],
    items: [sub('The Committee shall advise;'), sub('The Committee shall report.')],
    headings: [
      { before: 0, number: 'I', heading: 'Purpose' },
      { before: 1, number: '', heading: 'Reporting' },
    ],
  },
});

describe('renderPlainText of the structures of Assembly texts', () => {
  it('prints the list under its preambular paragraph, each section under its number and heading, the annex headings between the items', () => {
    expect(renderPlainText(OMNIBUS)).toBe(
      [
        'Internal oversight',
        'The General Assembly,',
        'Recalling its resolution 77/1, in which it decided:\n(a) To strengthen oversight;\n(b) To report annually,',
        'I',
        'Activities of the Office of Internal Oversight Services',
        'Having considered the report of the Office,',
        '1. Reaffirms its primary role;\n2. Requests the Secretary-General:\n(a) to act;\n(b) to report;',
        'II',
        'Activities of the Independent Audit Advisory Committee',
        'Having considered the report of the Committee,',
        '1. Notes with appreciation the work of the Committee;',
        'Annex',
        'Terms of reference',
        'I',
        'Purpose',
        '(a) The Committee shall advise;',
        'Reporting',
        '(b) The Committee shall report.',
      ].join('\n\n') + '\n',
    );
  });

  it('reads back as the same sections, preambular list and paragraphs', () => {
    const back = readPrintedText(renderPlainText(OMNIBUS)).documents[0];
    const shape = (doc: ResolutionDocument | undefined) => ({
      preamble: doc?.preamble.map((p) => [p.opener, p.subparagraphs?.length ?? 0]),
      sections: doc?.sections?.map((s) => [
        s.number,
        s.heading,
        s.preamble.map((p) => p.opener),
        s.operative.map((p) => `${p.label} ${p.opener}`),
      ]),
    });
    expect(shape(back)).toEqual(shape(OMNIBUS));
  });

  it('runs the numbers of a section that prints no labels on from the paragraphs before it', () => {
    const doc = res({
      operative: [op('Decides', 'a;')],
      sections: [
        section('I', 'H', { operative: [op('Notes', 'b;'), op('Urges', 'c;')] }),
        section('II', 'K', { operative: [op('Invites', 'd;', [], '1'), op('Requests', 'e.')] }),
      ],
    });
    expect(sectionOperativeLabels(doc)).toEqual([
      ['2', '3'],
      ['1', '2'],
    ]);
    expect(renderPlainText(doc)).toContain('2. Notes b;\n3. Urges c;');
    expect(renderPlainText(doc)).toContain('1. Invites d;\n2. Requests e.');
  });

  it('numbers a lone operative paragraph when sections follow it', () => {
    const doc = res({
      operative: [op('Decides', 'a;')],
      sections: [section('I', 'H', { operative: [op('Notes', 'b.')] })],
    });
    expect(renderPlainText(doc)).toContain('1. Decides a;');
  });

  it('prints every paragraph of A/RES/78/253 (twenty-six sections) and of A/RES/78/29 (a preambular list)', () => {
    for (const name of ['A_RES_78_253', 'A_RES_78_29']) {
      const doc = gaDocument(name);
      const text = renderPlainText(doc);
      const labels = sectionOperativeLabels(doc);
      (doc.sections ?? []).forEach((s, i) => {
        if (s.number !== '') expect(text).toContain(`\n\n${s.number}\n\n`);
        if (s.heading !== '') expect(text).toContain(s.heading);
        // Printed labels as printed; an unlabelled paragraph (a table read as text) numbered on.
        s.operative.forEach((p, k) => {
          if (p.label !== undefined) expect(labels[i]?.[k]).toBe(p.label);
          expect(text).toContain(`${labels[i]?.[k]}. ${p.opener}`);
        });
      });
      for (const p of doc.preamble)
        for (const item of p.subparagraphs ?? []) expect(text).toContain(`${item.label} `);
    }
  });
});
