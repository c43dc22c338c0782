import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../../../src/core/model/inline.ts';
import type { Inline, ResolutionDocument } from '../../../src/core/model/types.ts';
import { validateDocument } from '../../../src/core/model/validate.ts';
import { importPdf } from '../../../src/core/import/pdf.ts';
import { readPrintedText } from '../../../src/core/parse/printed.ts';
import { countedResolutions, pdftotextOf } from '../../helpers/counted.ts';
import { pdfjs } from '../../helpers/pdf-writer.ts';

const dev = { documents: countedResolutions() };

function markersOf(doc: ResolutionDocument): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (content: readonly Inline[], where: string): void => {
    for (const c of content) if (c.type === 'footnoteRef') out[c.footnoteId.replace(/^fn/, '')] = where;
  };
  doc.preamble.forEach((p, k) => visit(p.content, `PP${k + 1}`));
  doc.operative.forEach((p, k) => visit(p.content, `OP${k + 1}`));
  return out;
}

/**
 * Text carries no italics, so an opener's extent comes from the lexicon: the same words, sometimes
 * one more ("Guided by", where the PDF prints "by" in roman) or a verb the source left roman ("Also
 * commends", opener "" in the hand count, which counts italics only).
 */
function sameOpener(read: string, printed: string): boolean {
  if (read === printed) return true;
  if (printed === '') return /^Also\s/.test(read);
  return read.startsWith(`${printed} `);
}

describe('readPrintedText on the dev set (four Assembly resolutions)', () => {
  for (const e of dev.documents) {
    for (const form of ['pdftotext', 'cleaned'] as const) {
      describe(`${e.symbol} as ${form === 'pdftotext' ? 'pdftotext output' : 'cleaned one-paragraph-per-line text'}`, () => {
        const text =
          form === 'pdftotext' ? pdftotextOf(e.symbol) : readFileSync(`corpus/real/${e.file}`, 'utf8');
        const result = readPrintedText(text);
        const doc = result.documents[0] as ResolutionDocument;

        it('reads one valid document with the number, title and formula as printed', () => {
          expect(result.documents).toHaveLength(1);
          expect(validateDocument(doc).ok).toBe(true);
          expect(`${doc.number}. ${doc.title}`).toBe(e.title);
          expect(doc.formula).toBe(e.formula);
        });

        it('counts the preambular and operative paragraphs and the footnotes as the hand count does', () => {
          expect(doc.preamble).toHaveLength(e.preamble);
          expect(doc.operative).toHaveLength(e.operative);
          expect(doc.footnotes).toHaveLength(e.footnotes);
        });

        it('attaches each footnote to the paragraph its marker sits in', () => {
          expect(markersOf(doc)).toEqual(e.footnoteMarkers);
        });

        it('numbers the operative paragraphs 1 to n', () => {
          expect(doc.operative.map((p) => p.label)).toEqual(doc.operative.map((_, k) => String(k + 1)));
        });

        it('finds every opener (its extent from the lexicon, as text has no italics)', () => {
          const pp = doc.preamble.map((p) => p.opener);
          const op = doc.operative.map((p) => p.opener);
          e.preambleOpeners.forEach((o, k) =>
            expect(sameOpener(pp[k] ?? '', o), `PP${k + 1}: ${pp[k]} / ${o}`).toBe(true),
          );
          e.operativeOpeners.forEach((o, k) =>
            expect(sameOpener(op[k] ?? '', o), `OP${k + 1}: ${op[k]} / ${o}`).toBe(true),
          );
        });

        it('leaves no page furniture and no footnote text in any paragraph', () => {
          const all = [...doc.preamble, ...doc.operative].map((p) => inlineText(p.content)).join('\n');
          expect(all).not.toMatch(/\d{2}-\d{5}|\*\d{7}\*|A\/RES\/\d|_{5}|\b\d\/\d\b(?! of)/);
          for (const f of doc.footnotes) expect(all).not.toContain(inlineText(f.content).slice(0, 40));
        });

        if (form === 'pdftotext')
          it('reads the headers into metadata, never into a paragraph', () => {
            const m = doc.metadata;
            expect(m.symbol).toBe(e.symbol);
            expect(m.distribution).toBe('general');
            expect(`${m.session} Agenda item ${m.agendaItem} ${m.agendaItemTitle}`).toBe(e.header.agenda);
            expect(m.adoption?.basis).toBe(e.header.reference);
            const [meeting, date] = e.header.meeting.split(' / ');
            expect(m.adoption?.meeting).toBe(parseInt(meeting ?? '', 10));
            expect(e.header.adopted).toContain(
              new Date(`${m.adoption?.date}T00:00:00Z`).toLocaleDateString('en-GB', {
                day: 'numeric',
                month: 'long',
                year: 'numeric',
                timeZone: 'UTC',
              }),
            );
            expect(date).toBeDefined();
            const first = inlineText(doc.preamble[0]?.content ?? []);
            expect(first).not.toMatch(/Distr\.|Agenda item|plenary meeting|Resolution adopted/);
          });
      });
    }
  }
});

describe('importPdf on the dev set: the PDF itself, its italics and raised digits', () => {
  for (const e of dev.documents)
    it(`reads ${e.symbol} with the structure counted by hand and every opener's extent from its italics`, async () => {
      const bytes = new Uint8Array(readFileSync(`corpus/real/${e.symbol.replace(/\//g, '_')}.pdf`));
      const result = await importPdf(bytes, pdfjs);
      if (!result.ok) throw new Error(result.error);
      expect(result.documents).toHaveLength(1);
      const doc = result.documents[0] as ResolutionDocument;
      expect(validateDocument(doc).ok).toBe(true);
      expect(`${doc.number}. ${doc.title}`).toBe(e.title);
      expect(doc.formula).toBe(e.formula);
      expect(doc.metadata.symbol).toBe(e.symbol);
      expect([doc.preamble.length, doc.operative.length, doc.footnotes.length]).toEqual([
        e.preamble,
        e.operative,
        e.footnotes,
      ]);
      expect(markersOf(doc)).toEqual(e.footnoteMarkers);
      expect(doc.preamble.map((p) => p.opener)).toEqual(e.preambleOpeners);
      // One verb the source prints in roman (79/242 OP2, "Also commends"): the grammar still finds it.
      expect(doc.operative.map((p, k) => (e.operativeOpeners[k] === '' ? '' : p.opener))).toEqual(
        e.operativeOpeners,
      );
    });
});

/** A page as `pdftotext` prints a UN document: furniture, running head, footnotes at the foot. */
const DRAFT = `A/C.3/80/L.99

United Nations

General Assembly

Distr.: Limited
3 October 2025
Original: English

Eightieth session
Agenda item 28
Advancement of women

Albania, Andorra, Austria, Belgium,* Chile and
Mexico: draft resolution

Improving the situation of women in rural areas
The General Assembly,
Recalling its resolution 78/1 of 16 October 2023, 1
Noting with concern that women in rural areas, in particular in least developed
countries, face the following:
(a) Limited access to land;
(b) Limited access to credit,
Expressing deep concern at the lack of data,
1.
Calls for the empowerment of women in rural areas;
__________________
* Reissued for technical reasons on 10 October 2025.
1
See resolution 78/1.

25-12345 (E)

*2512345*

\fA/C.3/80/L.99

2.
Strongly encourages Member States to collect data. 2
__________________
2
See A/80/100.
2/2

25-12345
`;

describe('readPrintedText on the structures of Assembly texts', () => {
  it('reads a draft: the masthead, the sponsors line, its asterisk note and the title', () => {
    const { documents } = readPrintedText(DRAFT);
    const doc = documents[0] as ResolutionDocument;
    expect(doc.title).toBe('Improving the situation of women in rural areas');
    expect(doc.metadata).toMatchObject({
      symbol: 'A/C.3/80/L.99',
      distribution: 'limited',
      originalLanguage: 'English',
      session: 'Eightieth session',
      agendaItem: '28',
      agendaItemTitle: 'Advancement of women',
      sponsors: ['Albania', 'Andorra', 'Austria', 'Belgium', 'Chile', 'Mexico'],
      date: '2025-10-03',
      notes: ['Reissued for technical reasons on 10 October 2025.'],
    });
    expect(doc.number).toBeUndefined();
  });

  it('keeps the subparagraphs of a preambular paragraph that ends with a colon in the preamble', () => {
    const doc = readPrintedText(DRAFT).documents[0] as ResolutionDocument;
    expect(doc.preamble.map((p) => p.opener)).toEqual([
      'Recalling',
      'Noting with concern',
      'Expressing deep concern',
    ]);
    expect(doc.preamble[1]?.subparagraphs?.map((s) => inlineText(s.content))).toEqual([
      'Limited access to land;',
      'Limited access to credit,',
    ]);
    expect(doc.operative.map((p) => p.opener)).toEqual(['Calls for', 'Strongly encourages']);
  });

  it('reads footnotes from the foot of every page and the markers printed as plain digits', () => {
    const doc = readPrintedText(DRAFT).documents[0] as ResolutionDocument;
    expect(doc.footnotes.map((f) => [f.number, inlineText(f.content)])).toEqual([
      [1, 'See resolution 78/1.'],
      [2, 'See A/80/100.'],
    ]);
    expect(markersOf(doc)).toEqual({ 1: 'PP1', 2: 'OP2' });
    expect(inlineText(doc.operative[1]?.content ?? [])).toBe('Member States to collect data.');
  });

  it('reads the sections of an omnibus resolution with their headings and their own numbering', () => {
    const text = `78/999. Report on the activities of the Office
The General Assembly,
I
Activities of the Office
Recalling its resolution 48/218 B,
1.
Reaffirms its primary role;
2.
Requests the Secretary-General to report;
II
Activities of the Independent Audit Advisory
Committee
Recalling its resolution 61/275,
Having considered the report of the Committee,
1.
Takes note of the report;
Budget estimates for the period from 1 July 2025 to 30 June 2026
2.
Decides to appropriate the amount.
`;
    const doc = readPrintedText(text).documents[0] as ResolutionDocument;
    expect(doc.preamble).toHaveLength(0);
    expect(
      doc.sections?.map((s) => [s.number, s.heading, s.preamble.length, s.operative.map((p) => p.label)]),
    ).toEqual([
      ['I', 'Activities of the Office', 1, ['1', '2']],
      ['II', 'Activities of the Independent Audit Advisory Committee', 2, ['1']],
      ['', 'Budget estimates for the period from 1 July 2025 to 30 June 2026', 0, ['2']],
    ]);
    expect(validateDocument(doc).ok).toBe(true);
  });

  it('reads "A" and "B" resolutions printed in one document as two documents', () => {
    const text = `78/998. Questions relating to information
A
Information in the service of humanity
The General Assembly,
Taking note of the report,
Urges all countries to cooperate.
B
United Nations global communications policies
The General Assembly,
Emphasizing the role of the Department,
1.
Requests the Department to continue;
2.
Also requests the Secretary-General to report.
`;
    const { documents } = readPrintedText(text);
    expect(documents.map((d) => [d.number, d.title, d.preamble.length, d.operative.length])).toEqual([
      ['78/998 A', 'Information in the service of humanity', 1, 1],
      ['78/998 B', 'United Nations global communications policies', 1, 2],
    ]);
  });

  it('reads a single unnumbered operative paragraph ending with a full stop', () => {
    const text = `78/997. International Day of Something
The General Assembly,
Recalling its resolution 70/1,
Decides to proclaim 1 May the International Day of Something.
`;
    const doc = readPrintedText(text).documents[0] as ResolutionDocument;
    expect(doc.preamble).toHaveLength(1);
    expect(doc.operative).toHaveLength(1);
    expect(doc.operative[0]?.opener).toBe('Decides');
    expect(doc.operative[0]?.label).toBeUndefined();
  });

  it('reads an official text that lacks its formula by its openers, and says so', () => {
    const text = `78/996. Cooperation between the United Nations and the Organization
Recognizing the importance of cooperation,
Noting the report of the Secretary-General,
1.
Welcomes the cooperation;
2.
Decides to include the item in its provisional agenda.
`;
    const result = readPrintedText(text);
    const doc = result.documents[0] as ResolutionDocument;
    expect(doc.title).toBe('Cooperation between the United Nations and the Organization');
    expect(doc.preamble.map((p) => p.opener)).toEqual(['Recognizing', 'Noting']);
    expect(doc.operative).toHaveLength(2);
    expect(result.diagnostics.some((d) => d.code === 'formula-missing')).toBe(true);
  });

  it('reads an annex with its title, headings and numbered paragraphs', () => {
    const text = `78/995. Political declaration
The General Assembly
Endorses the political declaration contained in the annex to the present resolution.
15th plenary meeting
29 September 2023
Annex
Political declaration of the high-level meeting
I.
Our shared commitment
1.
We reaffirm our commitment.
2.
We emphasize the importance of eradicating poverty.
II.
A call to action
3.
We commit to act.
`;
    const doc = readPrintedText(text).documents[0] as ResolutionDocument;
    expect(doc.operative).toHaveLength(1);
    expect(doc.annex?.title).toBe('Political declaration of the high-level meeting');
    expect(doc.annex?.items.map((i) => i.label)).toEqual(['1', '2', '3']);
    expect(doc.annex?.headings).toEqual([
      { before: 0, number: 'I', heading: 'Our shared commitment' },
      { before: 2, number: 'II', heading: 'A call to action' },
    ]);
    expect(doc.metadata.adoption).toMatchObject({ date: '2023-09-29', meeting: 15 });
  });

  it('reads paragraph 1 of an adopted declaration that opens "We, the ...", its number on a line of its own', () => {
    // 79/1 and 80/9 print "1." alone under the adopted text's title; it was read into the title.
    const text = `80/9. Political declaration
The General Assembly
Adopts the political declaration annexed to the present resolution.
48th plenary meeting
24 November 2025
Annex
2025 Political Declaration on the Implementation of the Global Plan of Action
1.
We, the States Members of the United Nations, assembled at Headquarters,
reaffirm our commitment.
2.
We recall and reaffirm our commitments.
`;
    const doc = readPrintedText(text).documents[0] as ResolutionDocument;
    expect(doc.annex?.title).toBe(
      '2025 Political Declaration on the Implementation of the Global Plan of Action',
    );
    expect(doc.annex?.items.map((i) => `${i.label} ${inlineText(i.content).slice(0, 20)}`)).toEqual([
      '1 We, the States Membe',
      '2 We recall and reaffi',
    ]);
  });

  it('keeps a second annex (Annex II) after a heading of its name, and says so', () => {
    // 80/239 prints two tables as Annex I and Annex II (the second took the first's place).
    const { documents, diagnostics } = readPrintedText(readFileSync('corpus/ga/A_RES_80_239.txt', 'utf8'));
    const annex = documents[0]?.annex;
    expect(annex?.title).toMatch(/^Financing for 2026 of the International Residual Mechanism/);
    expect(inlineText(annex?.intro ?? [])).toContain('Estimated appropriation for 2026');
    expect(annex?.headings?.map((h) => h.heading.slice(0, 40))).toEqual([
      'Annex II',
      'Credits reported in the financial perfor',
    ]);
    const items = (annex?.items ?? []).map((i) => inlineText(i.content)).join(' ');
    expect(items).toContain('Total credits reported in the financial performance report for 2024');
    expect(diagnostics.filter((d) => d.code === 'annex-more').map((d) => d.message)).toEqual([
      'Annex II is kept at the end of the annex, after a heading of its name (a draft has one annex)',
    ]);
    // A note on a paragraph quotes its first words: the reader's count of paragraphs is no line of the text.
    expect(diagnostics.map((d) => d.message)).toContain(
      'unlabelled text in the annex (“Total credits reported in the financial…”); kept as an item',
    );
  });

  it('keeps "Annex I" after an adopted text (which begins the annex without such a line) as a heading', () => {
    // 79/1: "Adopts the following Pact …:", the Pact, then Annex I, the Global Digital Compact.
    const text = `79/9. The Pact
The General Assembly,
Adopts the following Pact:
The Pact for the Future
1.
We, the Heads of State and Government, have gathered.
2.
We are at a time of profound global transformation.
Annex I
Global Digital Compact
1.
Digital technologies are transforming our world.
`;
    const { documents, diagnostics } = readPrintedText(text);
    const annex = documents[0]?.annex;
    expect(annex?.title).toBe('The Pact for the Future');
    expect(annex?.headings?.map((h) => [h.before, h.heading])).toEqual([
      [2, 'Annex I'],
      [2, 'Global Digital Compact'],
    ]);
    expect(annex?.items.map((i) => inlineText(i.content).slice(0, 12))).toEqual([
      'We, the Head',
      'We are at a ',
      'Digital tech',
    ]);
    expect(diagnostics.map((d) => d.code)).toContain('annex-more');
  });

  it('reads the preamble that opens an annex by its own openers (a convention adopted by a resolution)', () => {
    // 79/243 adopts the Convention against Cybercrime, whose preamble follows the operative part.
    const doc = readPrintedText(readFileSync('corpus/ga/A_RES_79_243.txt', 'utf8')).documents[0];
    const annex = doc?.annex;
    expect(annex?.title).toMatch(/^United Nations Convention against Cybercrime; Strengthening/);
    expect(annex?.title.length).toBeLessThan(400);
    expect(inlineText(annex?.intro ?? [])).toMatch(
      /^Bearing in mind the purposes and principles of the Charter/,
    );
  });
  it('reads a decision of the Assembly: its sentence stands as the formula', () => {
    const text = `Decision adopted by the General Assembly on 21 May 2024
78/541. Inclusion of an additional item in the agenda
At its 90th plenary meeting, on 21 May 2024, the General Assembly, on the recommendation of the General Committee, decided to include in the agenda of its seventy-eighth session an additional item.
`;
    const doc = readPrintedText(text).documents[0] as ResolutionDocument;
    expect(doc.kind).toBe('decision');
    expect(doc.number).toBe('78/541');
    expect(doc.organ).toBe('General Assembly');
    expect(doc.formula).toMatch(/^At its 90th plenary meeting/);
    expect(doc.metadata.adoption?.date).toBe('2024-05-21');
  });

  it('takes footnote numbers printed apart from their texts, in any order, back to their texts', () => {
    const text = `79/1. Title
The General Assembly,
Recalling the Universal Declaration of Human Rights, 1 the International Covenant on
Civil and Political Rights 2 and the Convention,3
Urges States to act.
__________________

Resolution 217 A (III).
See resolution 2200 A (XXI), annex.
3
United Nations, Treaty Series, vol. 1577,
No. 27531.
1
2
`;
    const doc = readPrintedText(text).documents[0] as ResolutionDocument;
    expect(doc.footnotes.map((f) => inlineText(f.content))).toEqual([
      'Resolution 217 A (III).',
      'See resolution 2200 A (XXI), annex.',
      'United Nations, Treaty Series, vol. 1577, No. 27531.',
    ]);
    expect(inlineText(doc.preamble[0]?.content ?? [])).toBe(
      'the Universal Declaration of Human Rights, the International Covenant on Civil and Political Rights and the Convention,',
    );
  });

  it('reads a footnote area far larger than any page’s in order, each note from its printed number', () => {
    const lines = [
      '79/3. Title',
      'The General Assembly,',
      'Recalling its resolutions,',
      'Urges States to act.',
      '__________________',
    ];
    for (let n = 1; n <= 300; n++) lines.push(String(n), `Resolution ${n}/1.`);
    const doc = readPrintedText(lines.join('\n')).documents[0] as ResolutionDocument;
    expect(doc.footnotes).toHaveLength(300);
    expect(doc.footnotes.every((f) => inlineText(f.content) === `Resolution ${f.number}/1.`)).toBe(true);
  });

  it('joins a paragraph of many thousand wrapped lines into one', () => {
    const body = Array.from({ length: 20_000 }, () => 'and a line of text that runs on without').join('\n');
    const doc = readPrintedText(`79/4. Title\nThe General Assembly,\nRecalling ${body} end,\n1.\nDecides.`)
      .documents[0] as ResolutionDocument;
    expect(doc.preamble).toHaveLength(1);
    expect(inlineText(doc.preamble[0]?.content ?? []).split('a line of text').length - 1).toBe(20_000);
  });
});

describe('readPrintedText: footnote markers printed as plain digits', () => {
  /** Every paragraph's text with its footnote references as "^n", subparagraphs and sections included. */
  const marked = (name: string): string[] => {
    const doc = readPrintedText(readFileSync(`corpus/ga/${name}.txt`, 'utf8'))
      .documents[0] as ResolutionDocument;
    const text = (content: readonly Inline[]): string =>
      content
        .map((c) => (c.type === 'footnoteRef' ? `^${c.footnoteId.replace(/^fn/, '')}` : inlineText([c])))
        .join('');
    const paragraphs = [
      ...doc.preamble,
      ...doc.operative,
      ...(doc.sections ?? []).flatMap((s) => [...s.preamble, ...s.operative]),
    ];
    return paragraphs.flatMap((p) => [
      text(p.content),
      ...(p.subparagraphs ?? []).map((s) => text(s.content)),
    ]);
  };

  it.each([
    ['A_RES_78_115', 'the relevant review resolutions^3 and the debates'],
    ['A_RES_78_122', 'the New Urban Agenda^12 and other major global agendas'],
    ['A_RES_78_155', 'Particularly in Africa^24 (the Rio conventions)'],
    ['A_RES_79_117', 'International Investment Dispute Resolution^5 as one of the elements'],
    [
      'A_RES_79_176',
      'the Convention on the Rights of the Child^14 and articles 12, 13 and 14 of the Convention',
    ],
  ])(
    'in %s, finds a marker after a word that usually takes a number, alone between the markers of the notes either side',
    (name, expected) => {
      const text = marked(name).join('\n');
      expect(text).toContain(expected);
    },
  );

  it.each([
    ['A_RES_79_176', 'articles 6, 14 and 15 of the International Covenant'],
    ['A_RES_79_176', 'articles 12, 13 and 14 of the Convention on the Rights of Persons with Disabilities'],
    ['A_RES_80_134', 'Sustainable Development Goal 6: Ensure availability'],
    ['A_RES_79_247', 'for programmes 2, 10, 17, 25 and 26 of the proposed programme budget'],
    ['A_RES_80_145', 'held in New York on 18 to 19 May 2023'],
  ])('in %s, leaves a number the text cites or lists as it is: "%s"', (name, expected) => {
    expect(marked(name).join('\n').replace(/\s+/g, ' ')).toContain(expected);
  });
});
