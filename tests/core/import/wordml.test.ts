import { describe, expect, it } from 'vitest';
import { runsText } from '../../../src/core/import/docx.ts';
import { readBody, readNumbering } from '../../../src/core/import/wordml.ts';
import { documentXml, numbered, NUMBERING, p } from './word.ts';

describe('readNumbering', () => {
  it('prints Word’s labels "1." "(a)" "(i)", starting the lower levels again under each number', () => {
    const numbering = readNumbering(NUMBERING);
    const labels = [0, 1, 1, 2, 2, 0, 1].map((level) => numbering.label('1', level));
    expect(labels).toEqual(['1.', '(a)', '(b)', '(i)', '(ii)', '2.', '(a)']);
  });

  it('gives no label for a list it does not know', () => {
    expect(readNumbering(NUMBERING).label('9', 0)).toBeUndefined();
  });
});

describe('readBody', () => {
  it('reads a tab character but not a tab stop definition', () => {
    const [para] = readBody(
      documentXml(
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>1.</w:t><w:tab/><w:t>Text</w:t></w:r></w:p>',
      ),
      'accept',
    );
    expect(para?.runs.map((r) => r.kind)).toEqual(['text', 'tab', 'text']);
  });

  it('reads text in a textbox once, not twice (mc:Fallback skipped)', () => {
    const box = '<w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent>';
    const xml = documentXml(
      `<w:p><w:r><w:t>Before </w:t></w:r><w:r><mc:AlternateContent><mc:Choice>${box}</mc:Choice><mc:Fallback>${box}</mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    );
    expect(
      readBody(xml, 'accept').map((x) => x.runs.map((r) => (r.kind === 'text' ? r.text : '')).join('')),
    ).toEqual(['Before ']);
  });

  it('labels automatically numbered paragraphs', () => {
    const body = readBody(
      documentXml(p('Urges', numbered(0)) + p('to act;', numbered(1))),
      'accept',
      readNumbering(NUMBERING),
    );
    expect(body.map((x) => x.label)).toEqual(['1.', '(a)']);
  });

  it('reads w:i w:val="0" as upright', () => {
    const [para] = readBody(
      documentXml('<w:p><w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t>upright</w:t></w:r></w:p>'),
      'accept',
    );
    expect(para?.runs).toEqual([{ kind: 'text', text: 'upright', italic: false, bold: false }]);
  });
});

describe('runsText', () => {
  it('marks italics with asterisks, spaces outside, and joins italic runs split by a space', () => {
    const text = runsText(
      [
        { kind: 'text', text: 'Recalling ', italic: true, bold: false },
        { kind: 'text', text: 'also', italic: true, bold: false },
        { kind: 'text', text: ' its resolution', italic: false, bold: false },
        { kind: 'note', id: '4' },
      ],
      () => '¹',
    );
    expect(text).toBe('*Recalling also* its resolution¹');
  });
});
