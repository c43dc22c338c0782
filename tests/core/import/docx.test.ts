import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../src/core/export/docx/docx.ts';
import { toPublicJson } from '../../../src/core/export/json.ts';
import { importDocx, type ImportResult } from '../../../src/core/import/docx.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { corpus } from '../../helpers/corpus.ts';
import { gaDocument } from '../../helpers/ga.ts';
import { compareDocuments } from '../../../src/core/compare/compare.ts';
import { L_METADATA, lDraft } from '../export/docx/fixtures.ts';
import { documentXml, footnotesXml, numbered, NUMBERING, p, wordZip } from './word.ts';

/** Structure and text as `parse --json` prints them; footnotes by source, since an export renumbers them. */
function shape(doc: ResolutionDocument) {
  const j = toPublicJson(doc);
  return {
    kind: j.kind,
    number: j.number,
    title: j.title,
    organ: j.organ,
    formula: j.formula,
    preamble: j.preamble.map((x) => ({ opener: x.opener, text: x.text, notes: x.footnotes.length })),
    operative: j.operative.map((x) => ({
      label: x.label,
      opener: x.opener,
      text: x.text,
      notes: x.footnotes.length,
      subparagraphs: x.subparagraphs,
    })),
    annex: j.annex,
    footnotes: j.footnotes.map((f) => f.resolved),
  };
}

function documentsOf(result: ImportResult): ResolutionDocument[] {
  if (!result.ok) throw new Error(result.error);
  return result.documents;
}

describe('importDocx of the app’s own exports', () => {
  it.each(corpus().documents.map((d) => [`${d.kind} ${d.number ?? ''}`, d] as const))(
    'reads %s back with the same structure and text',
    async (_name, doc) => {
      const result = await importDocx(await exportDocx(doc));
      const [read, ...more] = documentsOf(result);
      expect(more).toHaveLength(0);
      expect(shape(read!)).toEqual(shape(doc));
      expect(result.ok && result.diagnostics).toEqual([]);
    },
  );

  it('fills the metadata from the masthead of an L document', async () => {
    const [read] = documentsOf(await importDocx(await exportDocx(lDraft())));
    const { footnoteRule: _rule, ...printed } = L_METADATA;
    expect(read?.metadata).toEqual(printed);
    expect(read?.title).toBe('Strengthening cooperation against the smuggling of migrants');
    expect(shape(read!)).toEqual(shape(lDraft()));
  });

  it('keeps the italics of a publication title in a footnote', async () => {
    const [read] = documentsOf(await importDocx(await exportDocx(lDraft())));
    expect(read?.footnotes[0]?.content).toContainEqual({ type: 'text', text: 'Treaty Series', italic: true });
  });
});

describe('importDocx of a delegation’s Word draft', () => {
  const body = [
    p('Distr.: Limited'),
    p('Mexico: draft resolution'),
    p('Protecting smuggled migrants'),
    p(
      'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
    ),
    // Word splits runs anywhere: "Recall" + "ing" both in italics, one opener.
    p('*Recall**ing* the Protocol against the Smuggling of Migrants by Land, Sea and Air,{fn:5}'),
    p('*Urges* States parties:', numbered(0)),
    p('to criminalize the smuggling of migrants;', numbered(1)),
    p('to protect the rights of migrants;', numbered(1)),
    p('*Requests* the Secretariat to report.', numbered(0)),
  ].join('');

  it('recognizes openers, automatic numbering, subparagraphs and footnotes with the corpus recognizer', async () => {
    const bytes = await wordZip({
      'word/document.xml': documentXml(body),
      'word/numbering.xml': NUMBERING,
      'word/footnotes.xml': footnotesXml({
        5: p('United Nations, *Treaty Series*, vol. 2241, No. 39574.').replace(/^<w:p>|<\/w:p>$/g, ''),
      }),
    });
    const [doc] = documentsOf(await importDocx(bytes));
    expect(doc?.metadata).toEqual({ distribution: 'limited', sponsors: ['Mexico'] });
    expect(doc?.title).toBe('Protecting smuggled migrants');
    expect(doc?.preamble.map((x) => x.opener)).toEqual(['Recalling']);
    const j = toPublicJson(doc!);
    expect(j.operative.map((x) => [x.label, x.opener, x.subparagraphs.map((s) => s.label)])).toEqual([
      ['1', 'Urges', ['(a)', '(b)']],
      ['2', 'Requests', []],
    ]);
    expect(j.preamble[0]?.footnotes).toEqual([1]);
    expect(j.footnotes).toEqual([
      {
        number: 1,
        text: 'United Nations, Treaty Series, vol. 2241, No. 39574.',
        resolved: 'United Nations, Treaty Series, vol. 2241, No. 39574.',
      },
    ]);
  });

  it('reads a resolution as the UN issues it in Word: the adoption lines and the numbered title are its header', async () => {
    const bytes = await wordZip({
      'word/document.xml': documentXml(
        [
          p('A/RES/79/188'),
          p('Distr.: General'),
          p('18 December 2024'),
          p('Seventy-ninth session'),
          p('Agenda item 107'),
          p('Crime prevention and criminal justice'),
          p('Resolution adopted by the General Assembly on 17 December 2024'),
          p('[on the report of the Third Committee (A/79/459, para. 37)]'),
          p('79/188. Preventing and countering violence against children'),
          p('The General Assembly,'),
          p('*Recalling* the Universal Declaration of Human Rights,{fn:1}'),
          p('*Strongly condemns* violence against children;', numbered(0)),
          p('*Urges* Member States to act.', numbered(0)),
          p('53rd plenary meeting'),
          p('17 December 2024'),
        ].join(''),
      ),
      'word/footnotes.xml': footnotesXml({ 1: '<w:r><w:t>Resolution 217 A (III).</w:t></w:r>' }),
      'word/numbering.xml': NUMBERING,
    });
    const result = await importDocx(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = result.documents[0]!;
    expect(doc.number).toBe('79/188');
    expect(doc.title).toBe('Preventing and countering violence against children');
    expect(doc.formula).toBe('The General Assembly,');
    expect(doc.metadata).toMatchObject({
      symbol: 'A/RES/79/188',
      session: 'Seventy-ninth session',
      agendaItem: '107',
      adoption: { date: '2024-12-17', basis: '[on the report of the Third Committee (A/79/459, para. 37)]' },
    });
    expect(doc.preamble.map((x) => x.opener)).toEqual(['Recalling']);
    expect(doc.operative.map((x) => x.opener)).toEqual(['Strongly condemns', 'Urges']);
    expect(doc.footnotes).toHaveLength(1);
  });

  it('reads back the sections and annex headings of its own export: an omnibus resolution and a declaration survive unchanged', async () => {
    for (const name of ['A_RES_78_247', 'A_RES_78_1']) {
      const source = gaDocument(name);
      const result = await importDocx(await exportDocx(source));
      if (!result.ok) throw new Error(result.error);
      const doc = result.documents[0]!;
      expect(doc.sections?.map((x) => [x.number, x.heading])).toEqual(
        source.sections?.map((x) => [x.number, x.heading]),
      );
      expect(doc.annex?.headings).toEqual(source.annex?.headings);
      const { summary } = compareDocuments(source, doc);
      expect([summary.changed, summary.inserted, summary.deleted, summary.moved]).toEqual([0, 0, 0, 0]);
    }
  });

  it('reads Word’s own tracked changes as accepted by default and as rejected on request', async () => {
    const tracked =
      '<w:p><w:r><w:t xml:space="preserve">Title</w:t></w:r></w:p>' +
      p('The General Assembly,') +
      '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Recalling</w:t></w:r><w:r><w:t xml:space="preserve"> its resolution </w:t></w:r>' +
      '<w:del w:id="1" w:author="A" w:date="2014-01-01T00:00:00Z"><w:r><w:delText>5/1</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="A" w:date="2014-01-01T00:00:00Z"><w:r><w:t>5/3</w:t></w:r></w:ins>' +
      '<w:r><w:t>,</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="A" w:date="2014-01-01T00:00:00Z"/></w:rPr></w:pPr>' +
      '<w:ins w:id="4" w:author="A" w:date="2014-01-01T00:00:00Z"><w:r><w:t>1. Decides to act.</w:t></w:r></w:ins></w:p>';
    const bytes = await wordZip({ 'word/document.xml': documentXml(tracked) });
    const [accepted] = documentsOf(await importDocx(bytes));
    const [rejected] = documentsOf(await importDocx(bytes, { revisions: 'reject' }));
    expect(toPublicJson(accepted!).preamble.map((x) => x.text)).toEqual(['Recalling its resolution 5/3,']);
    expect(toPublicJson(accepted!).operative.map((x) => x.text)).toEqual(['Decides to act.']);
    expect(toPublicJson(rejected!).preamble.map((x) => x.text)).toEqual(['Recalling its resolution 5/1,']);
    expect(rejected?.operative).toEqual([]);
  });

  it('imports a document that is not a resolution as paragraphs, with a diagnostic saying so', async () => {
    const bytes = await wordZip({
      'word/document.xml': documentXml(
        [
          p('Minutes of the informal consultations'),
          p('Delegations met on Monday.'),
          p('They agreed to meet again.'),
        ].join(''),
      ),
    });
    const result = await importDocx(bytes);
    const [doc] = documentsOf(result);
    expect(doc?.title).toBe('Minutes of the informal consultations');
    const j = toPublicJson(doc!);
    expect([...j.preamble, ...j.operative].map((x) => x.text)).toEqual([
      'Delegations met on Monday.',
      'They agreed to meet again.',
    ]);
    expect(result.ok && result.diagnostics.map((d) => d.code)).toContain('not-a-resolution');
  });
});

describe('mammoth, an independent reader, on the app’s exports', () => {
  it('reads resolution 6/1 with italic openers and eight footnotes', async () => {
    const doc = corpus().documents[0]!;
    const bytes = await exportDocx(doc);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain('<p><em>Recalling</em> its resolution 5/1 of 22 October 2010');
    expect(html.match(/<li id="footnote-\d+">/g)).toHaveLength(8);
    expect(html).toContain(
      'United Nations, <em>Treaty Series</em>, vols. 2225, 2237, 2241 and 2326, No. 39574.',
    );
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain('21.\tInvites Member States and other donors');
  });
});
