import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../../src/core/export/docx/docx.ts';
import { sponsorsLine, sessionLines } from '../../../../src/core/export/docx/masthead.ts';
import { STYLE } from '../../../../src/core/export/docx/styles.ts';
import { corpusDocument } from '../../../helpers/corpus.ts';
import { op, pre, res, sub } from '../../../helpers/builders.ts';
import { docxParts, paragraphs, type DocxParts } from './parts.ts';
import { L_METADATA, lDraft } from './fixtures.ts';

const byStyle = (parts: DocxParts, key: keyof typeof STYLE) =>
  paragraphs(parts.document).filter((p) => p.style === STYLE[key].id);

describe('exportDocx of an L document', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await docxParts(await exportDocx(lDraft()));
  });

  it('lays the page out as A4 with a different first page', () => {
    expect(parts.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(parts.document).toContain('<w:titlePg/>');
    expect(parts.settings).toContain('<w:evenAndOddHeaders/>');
  });

  it('defines named paragraph styles in Times New Roman that Word lists by name', () => {
    for (const key of ['title', 'formula', 'preambular', 'operative', 'subparagraph', 'annexTitle'] as const)
      expect(parts.styles).toContain(`w:styleId="${STYLE[key].id}"><w:name w:val="${STYLE[key].name}"/>`);
    expect(parts.styles).toContain('w:ascii="Times New Roman"');
  });

  it('gives every body paragraph a UN style and no direct paragraph formatting', () => {
    const body = paragraphs(parts.document.replace(/<w:tbl>[\s\S]*<\/w:tbl>/, ''));
    expect(body.every((p) => p.style.startsWith('UN'))).toBe(true);
    expect(body.some((p) => /<w:ind\b|<w:spacing\b/.test(p.xml))).toBe(false);
  });

  it('prints the masthead: symbol, Distr.: Limited, date, Original, organ, session, agenda item and sponsors', () => {
    const cells = paragraphs(/<w:tbl>[\s\S]*<\/w:tbl>/.exec(parts.document)?.[0] ?? '').map((p) => p.text);
    expect(cells).toEqual([
      'United Nations',
      'CTOC/COP/2014/L.3/Rev.1',
      'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
      'Distr.: Limited',
      '9 October 2014',
      '',
      'Original: English',
    ]);
    expect(byStyle(parts, 'session').map((p) => p.text)).toEqual([
      '',
      'Seventh session',
      'Vienna, 6-10 October 2014',
    ]);
    expect(byStyle(parts, 'agendaItem').map((p) => p.text)).toEqual(['Agenda item 2 (c)']);
    expect(byStyle(parts, 'agendaTitle').map((p) => p.text)).toEqual([L_METADATA.agendaItemTitle]);
    expect(byStyle(parts, 'sponsors').map((p) => p.text)).toEqual([
      'Mexico and Peru: revised draft resolution',
    ]);
  });

  it('prints the title in the bold title style, then the formula', () => {
    expect(byStyle(parts, 'title').map((p) => p.text)).toEqual([
      'Strengthening cooperation against the smuggling of migrants',
    ]);
    expect(parts.styles).toMatch(/w:styleId="UNTitle">[\s\S]*?<w:b\/>/);
    expect(byStyle(parts, 'formula')[0]?.text).toMatch(/^The Conference of the Parties .*Crime,$/);
  });

  it('puts preambular openers in italics, the rest upright', () => {
    const [first, second] = byStyle(parts, 'preambular');
    expect(first?.xml).toMatch(
      /^<w:pPr>.*?<\/w:pPr><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Recalling<\/w:t>/,
    );
    expect(second?.xml).toContain('<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Recalling also</w:t>');
    expect((first?.xml.match(/<w:i\/>/g) ?? []).length).toBe(1);
  });

  it('numbers operative paragraphs "1." then a tab then the italic verb', () => {
    const ops = byStyle(parts, 'operative');
    expect(ops.map((p) => p.text)).toEqual([
      '1.\tUrges States parties to implement the Protocol:',
      '2.\tRequests the Secretariat to report to the Conference at its eighth session.',
    ]);
    expect(ops[0]?.xml).toMatch(
      /<w:t xml:space="preserve">1\.<\/w:t><\/w:r><w:r><w:tab\/><\/w:r><w:r><w:rPr><w:i\/>/,
    );
  });

  it('hangs the numbers: the operative style indents its text and outdents the first line', () => {
    expect(parts.styles).toMatch(
      /w:styleId="UNOperative">[\s\S]*?<w:ind [^>]*w:left="1440"[^>]*w:hanging="720"/,
    );
  });

  it('letters subparagraphs (a), (b) and numbers the level below (i), (ii)', () => {
    expect(byStyle(parts, 'subparagraph').map((p) => p.text)).toEqual([
      '(a)\tby criminalizing the smuggling of migrants;',
      '(b)\tby protecting the rights of smuggled migrants:',
    ]);
    expect(byStyle(parts, 'subsubparagraph').map((p) => p.text)).toEqual([
      '(i)\twho are victims of crime;',
      '(ii)\twho are children;',
    ]);
  });

  it('prints the annex with its heading, title and introduction', () => {
    expect(byStyle(parts, 'annexHeading').map((p) => p.text)).toEqual(['Annex']);
    expect(byStyle(parts, 'annexTitle').map((p) => p.text)).toEqual(['Recommendations']);
    expect(byStyle(parts, 'annexIntro').map((p) => p.text)).toEqual(['States parties should:']);
    expect(byStyle(parts, 'annexItem').map((p) => p.text)).toEqual([
      '(a)\tExchange information;',
      '(b)\tTrain officials.',
    ]);
  });

  it('writes real footnotes numbered from 1, referred to where the model anchors them', () => {
    expect([...parts.document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual([
      '1',
      '2',
    ]);
    expect(byStyle(parts, 'preambular')[0]?.xml).toMatch(
      /Crime,<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/,
    );
    const notes = paragraphs(parts.footnotes).filter((p) => p.style === 'FootnoteText');
    expect(notes.map((p) => p.text)).toEqual([
      '\tUnited Nations, Treaty Series, vol. 2225, No. 39574.',
      '\tIbid., vol. 2241, No. 39574.',
    ]);
    expect(notes[0]?.xml).toContain('<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Treaty Series</w:t>');
  });

  it('puts the symbol in the header of later pages and the page number in their footers', () => {
    const headers = Object.values(parts.headers);
    expect(headers.filter((h) => h.includes('CTOC/COP/2014/L.3/Rev.1'))).toHaveLength(2);
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(2);
    expect(headers.filter((h) => h.includes('w:val="right"'))).toHaveLength(2);
    expect(headers.filter((h) => h.includes('w:val="left"'))).toHaveLength(2);
  });
});

describe('exportDocx of a corpus document', () => {
  it('exports resolution 6/1 as adopted text: "Resolution 6/1" heading, no masthead, eight footnotes', async () => {
    const parts = await docxParts(await exportDocx(corpusDocument('resolution', '6/1')));
    expect(parts.document).not.toContain('<w:tbl>');
    expect(parts.document).not.toContain('Distr.');
    expect(byStyle(parts, 'heading').map((p) => p.text)).toEqual(['Resolution 6/1']);
    expect(byStyle(parts, 'preambular')).toHaveLength(17);
    expect(byStyle(parts, 'operative')).toHaveLength(21);
    expect((parts.document.match(/<w:footnoteReference /g) ?? []).length).toBe(8);
  });

  it('exports decision 6/1 with its attachment and no "Annex" line, as the report prints it', async () => {
    const parts = await docxParts(await exportDocx(corpusDocument('decision', '6/1')));
    expect(byStyle(parts, 'heading').map((p) => p.text)).toEqual(['Decision 6/1']);
    expect(byStyle(parts, 'annexHeading')).toHaveLength(0);
    expect(byStyle(parts, 'annexItem')[0]?.text).toBe('1.\tOrganizational matters:');
  });

  it('letters the operative paragraphs of a decision (a), (b)', async () => {
    const parts = await docxParts(await exportDocx(corpusDocument('decision', '6/2')));
    expect(byStyle(parts, 'operative').map((p) => p.text.slice(0, 4))).toEqual(['(a)\t', '(b)\t']);
  });
});

describe('exportDocx of small drafts', () => {
  it('leaves a lone operative paragraph unnumbered (DRAFTING-RULES.md section 1, item 4)', async () => {
    const parts = await docxParts(
      await exportDocx(res({ operative: [op('Decides', 'to remain seized of the matter.')] })),
    );
    expect(byStyle(parts, 'operative')).toHaveLength(0);
    expect(byStyle(parts, 'operativeUnnumbered').map((p) => p.text)).toEqual([
      'Decides to remain seized of the matter.',
    ]);
  });

  it('keeps labels as printed ("5 bis")', async () => {
    const doc = res({
      operative: [op('Requests', 'the Office;', [], '5'), op('Also requests', 'the Office.', [], '5 bis')],
    });
    const parts = await docxParts(await exportDocx(doc));
    expect(byStyle(parts, 'operative').map((p) => p.text)).toEqual([
      '5.\tRequests the Office;',
      '5 bis.\tAlso requests the Office.',
    ]);
  });

  it('writes no masthead for a draft without symbol or limited distribution', async () => {
    const parts = await docxParts(await exportDocx(res({ preamble: [pre('Noting', 'the report,')] })));
    expect(parts.document).not.toContain('<w:tbl>');
  });

  it('keeps italics inside the text (titles of publications) and glues an opener to a following comma', async () => {
    const doc = res({
      preamble: [pre('Mindful', ', in particular, of the *Treaty Series*,')],
      operative: [op('Notes', 'it;'), op('Decides', 'so.', [sub('x')])],
    });
    const parts = await docxParts(await exportDocx(doc));
    const [p] = byStyle(parts, 'preambular');
    expect(p?.text).toBe('Mindful, in particular, of the Treaty Series,');
    expect((p?.xml.match(/<w:i\/>/g) ?? []).length).toBe(2);
  });
});

describe('masthead text', () => {
  it('ends the sponsors line "draft resolution" without a revision and "revised draft resolution" with /Rev.n', () => {
    const doc = lDraft({
      ...L_METADATA,
      symbol: 'CTOC/COP/2014/L.3',
      sponsors: ['Costa Rica', 'Croatia', 'Ecuador'],
    });
    expect(sponsorsLine(doc)).toBe('Costa Rica, Croatia and Ecuador: draft resolution');
    expect(sponsorsLine(lDraft())).toBe('Mexico and Peru: revised draft resolution');
    expect(sponsorsLine({ ...lDraft(), kind: 'decision' })).toBe('Mexico and Peru: revised draft decision');
  });

  it('prints the session on two lines: the session, then the place and dates', () => {
    expect(sessionLines('Sixth session, Vienna, 15-19 October 2012')).toEqual([
      'Sixth session',
      'Vienna, 15-19 October 2012',
    ]);
  });
});
