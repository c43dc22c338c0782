/**
 * The facts of CTOC/COP/2012/15 read by hand, and each flaw of the converted text the reader must
 * survive. The report is shipped unedited in corpus/.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inlineText, joinOpener } from '../../../src/core/model/inline.ts';
import type { Inline, ResolutionDocument } from '../../../src/core/model/types.ts';
import { readReport, splitSponsors } from '../../../src/core/corpus/report.ts';
import { validateDocument } from '../../../src/core/model/validate.ts';
import { corpus, corpusDocument, REPORT_PATH } from '../../helpers/corpus.ts';

const text = (content: readonly Inline[]): string => inlineText(content);
const refs = (content: readonly Inline[]): string[] => content.flatMap((p) => (p.type === 'footnoteRef' ? [p.footnoteId] : []));
const footnoteText = (doc: ResolutionDocument, id: string): string => text(doc.footnotes.find((f) => f.id === id)?.content ?? []);

describe('the shipped corpus', () => {
  it('is the report as converted, byte for byte (never edited to make parsing easy)', () => {
    const shipped = readFileSync(REPORT_PATH, 'utf8');
    expect(shipped).toContain('Organized Crime, 14 and to fully');
    expect(shipped).toContain('- (c) best practices in the areas of training and capacity-building and (d) awareness-raising');
    expect(shipped.split('\n')).toHaveLength(688);
  });
});

describe('readReport', () => {
  it('reads resolutions 6/1-6/4 and decisions 6/1-6/3 in the order of the report', () => {
    expect(corpus().documents.map((d) => `${d.kind} ${d.number}`)).toEqual([
      'resolution 6/1',
      'resolution 6/2',
      'resolution 6/3',
      'resolution 6/4',
      'decision 6/1',
      'decision 6/2',
      'decision 6/3',
    ]);
  });

  it('gives every document a valid model', () => {
    for (const doc of corpus().documents) {
      const result = validateDocument(doc);
      expect(result.ok ? [] : result.errors).toEqual([]);
    }
  });

  it.each([
    ['6/1', 17, 21],
    ['6/2', 12, 15],
    ['6/3', 7, 22],
    ['6/4', 2, 2],
  ])('counts the paragraphs of resolution %s: %i preambular and %i operative', (number, pre, op) => {
    const doc = corpusDocument('resolution', number);
    expect(doc.preamble).toHaveLength(pre);
    expect(doc.operative).toHaveLength(op);
    expect(doc.operative.map((p) => p.label)).toEqual(Array.from({ length: op }, (_, k) => String(k + 1)));
  });

  it('reads the titles and the enacting formula', () => {
    const doc = corpusDocument('resolution', '6/3');
    expect(doc.title).toBe(
      'Implementation of the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime',
    );
    expect(doc.formula).toBe('The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,');
  });

  it('reads the openers as structure, with also/further and their complements', () => {
    const r1 = corpusDocument('resolution', '6/1');
    expect(r1.preamble.map((p) => p.opener)).toEqual([
      'Recalling',
      'Mindful',
      'Reaffirming',
      'Acknowledging',
      'Stressing',
      'Noting with appreciation',
      'Noting',
      'Recalling',
      'Acknowledging',
      'Noting with concern',
      'Greatly concerned',
      'Recognizing',
      'Recognizing also',
      'Recognizing further',
      'Taking note with appreciation',
      'Welcoming',
      'Acknowledging',
    ]);
    expect(r1.operative.slice(3, 7).map((p) => p.opener)).toEqual(['Requests', 'Also requests', 'Further requests', 'Requests']);
    expect(corpusDocument('resolution', '6/2').operative[0]?.opener).toBe('Expresses its appreciation');
    expect(corpusDocument('resolution', '6/3').operative[1]?.opener).toBe('Calls upon');
    expect(corpusDocument('resolution', '6/2').operative[6]?.opener).toBe('Takes note');
    // The opener is not repeated in the content.
    expect(text(r1.preamble[12]!.content).startsWith('that technical assistance')).toBe(true);
  });

  it('takes the italics of the conversion ("*Invites*") as the printed opener and drops the asterisks', () => {
    const op8 = corpusDocument('resolution', '6/2').operative[7]!;
    expect(op8.opener).toBe('Invites');
    expect(text(op8.content)).toMatch(/^States to consider making use of the Model Law/);
    expect(corpusDocument('resolution', '6/1').operative[16]?.opener).toBe('Draws');
  });

  describe('flaws of the converted text', () => {
    it('joins 6/1 preambular paragraph 7 across the footnotes printed in its middle', () => {
      const pp7 = corpusDocument('resolution', '6/1').preamble[6]!;
      expect(text(pp7.content)).toBe(
        'the relevance, as a further common effort by the international community to tackle transnational organized crime, of the high-level briefing for Member States on challenges in the fight against transnational organized crime and drug trafficking, held in New York on 7 February 2012,',
      );
    });

    it('joins 6/1 operative paragraph 14 at "the joint discussion of the two working groups"', () => {
      const op14 = corpusDocument('resolution', '6/1').operative[13]!;
      expect(text(op14.content)).toContain('endorses the recommendations of the joint discussion of the two working groups, encourages Member States');
      expect(refs(op14.content)).toEqual(['fn7']);
    });

    it('reads superscript markers, also after a space ("thereto, ¹") and after a semicolon ("Crime;¹⁸")', () => {
      const r1 = corpusDocument('resolution', '6/1');
      expect(r1.preamble[1]!.content.at(-1)).toEqual({ type: 'footnoteRef', footnoteId: 'fn1' });
      expect(text(r1.preamble[1]!.content).endsWith('the Protocols thereto,')).toBe(true);
      expect(refs(r1.operative[0]!.content)).toEqual(['fn3', 'fn4']);
      const op1 = corpusDocument('resolution', '6/3').operative[0]!;
      expect(op1.content.at(-1)).toEqual({ type: 'footnoteRef', footnoteId: 'fn18' });
    });

    it('reads plain-digit markers: "Organized Crime, 14 and to fully" and "Organized Crime, 17"', () => {
      const op2 = corpusDocument('resolution', '6/2').operative[1]!;
      expect(refs(op2.content)).toEqual(['fn14']);
      expect(text(op2.content)).toContain('Transnational Organized Crime, and to fully implement its provisions;');
      const pp1 = corpusDocument('resolution', '6/3').preamble[0]!;
      expect(refs(pp1.content)).toEqual(['fn16', 'fn17']);
      expect(text(pp1.content).endsWith('supplementing the United Nations Convention against Transnational Organized Crime,')).toBe(true);
    });

    it('attaches footnote 9, printed without a marker, after the first mention of the Convention it cites', () => {
      const r2 = corpusDocument('resolution', '6/2');
      const pp1 = r2.preamble[0]!;
      expect(pp1.content).toEqual([
        { type: 'text', text: 'the functions assigned to it in article 32 of the United Nations Convention against Transnational Organized Crime,' },
        { type: 'footnoteRef', footnoteId: 'fn9' },
        expect.objectContaining({ type: 'text' }),
      ]);
      expect(footnoteText(r2, 'fn9')).toBe('United Nations, Treaty Series, vol. 2225, No. 39574.');
      expect(r2.footnotes.map((f) => f.number)).toEqual([9, 10, 11, 12, 13, 14, 15]);
    });

    it('splits the list that starts inside 6/2 operative 12 and drops the duplicated "(d)" text', () => {
      const op12 = corpusDocument('resolution', '6/2').operative[11]!;
      expect(text(op12.content)).toBe('the Secretariat to inform the Working Group about:');
      expect(op12.subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)', '(c)', '(d)']);
      expect(text(op12.subparagraphs[2]!.content)).toBe('best practices in the areas of training and capacity-building and');
      expect(text(op12.subparagraphs[3]!.content)).toBe(
        'awareness-raising strategies to prevent and combat the illicit manufacturing of and trafficking in firearms, their parts and components and ammunition;',
      );
    });

    it('reads 6/3 operative 9 with subparagraphs (a)-(c), despite its indented list mark', () => {
      const op9 = corpusDocument('resolution', '6/3').operative[8]!;
      expect(op9.opener).toBe('Also urges');
      expect(op9.subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)', '(c)']);
    });

    it('expands Ibid. chains, also across resolutions (footnote 16 "Ibid." is vol. 2225)', () => {
      const r3 = corpusDocument('resolution', '6/3');
      const fn16 = r3.footnotes.find((f) => f.number === 16)!;
      expect(text(fn16.content)).toBe('Ibid.');
      expect(fn16.resolved).toBe('United Nations, Treaty Series, vol. 2225, No. 39574.');
      const fn29 = corpus().footnotes.find((f) => f.number === 29)!;
      expect(fn29.resolved).toBe('CTOC/COP/2012/CRP.6, annex IV.');
    });

    it('keeps italics inside footnotes (*Treaty Series*)', () => {
      const fn1 = corpusDocument('resolution', '6/1').footnotes[0]!;
      expect(fn1.content).toEqual([
        { type: 'text', text: 'United Nations, ' },
        { type: 'text', text: 'Treaty Series', italic: true },
        { type: 'text', text: ', vols. 2225, 2237, 2241 and 2326, No. 39574.' },
      ]);
    });
  });

  it('reads the annex of 6/4: recommendations (a)-(d) holding 3, 5, 2 and 0 items', () => {
    const annex = corpusDocument('resolution', '6/4').annex!;
    expect(annex.title).toBe('Recommendations adopted by the Working Group of Government Experts on Technical Assistance at its meeting held on 17 October 2012');
    expect(text(annex.intro)).toBe('The Working Group of Government Experts on Technical Assistance:');
    expect(annex.items.map((i) => i.label)).toEqual(['(a)', '(b)', '(c)', '(d)']);
    expect(annex.items.map((i) => i.subparagraphs.length)).toEqual([3, 5, 2, 0]);
    // Footnote 23's text is printed after the heading of decision 6/1, its marker in the annex.
    expect(refs(annex.items[1]!.subparagraphs[4]!.content)).toEqual(['fn23']);
  });

  it('reads the decisions: their formulas, lettered paragraphs and the provisional agenda', () => {
    const d1 = corpusDocument('decision', '6/1');
    expect(d1.formula).toMatch(/approved the provisional agenda for the seventh session of the Conference set out below\.$/);
    expect(d1.annex?.items.map((i) => [i.label, i.subparagraphs.length])).toEqual([
      ['1', 6],
      ['2', 4],
      ['3', 0],
      ['4', 0],
      ['5', 0],
      ['6', 0],
      ['7', 0],
      ['8', 0],
      ['9', 0],
    ]);
    const d2 = corpusDocument('decision', '6/2');
    expect(d2.operative.map((p) => [p.label, p.opener])).toEqual([
      ['(a)', 'Decided'],
      ['(b)', 'Requested'],
    ]);
    expect(text(d2.operative[0]!.content)).toContain('remain the same as for the previous sessions, that is, 20 meetings');
    expect(corpusDocument('decision', '6/3').operative.map((p) => p.label)).toEqual(['(a)', '(b)']);
  });

  it('reads from chapters IV and VII who sponsored each draft and when it was adopted', () => {
    const adoption = (n: string) => corpusDocument('resolution', n).metadata.adoption;
    expect(adoption('6/1')).toEqual({
      date: '2012-10-19',
      meeting: 10,
      draftSymbol: 'CTOC/COP/2012/L.4/Rev.2',
      sponsors: ['Costa Rica', 'Croatia', 'Ecuador', 'Egypt', 'El Salvador', 'European Union', 'Guatemala', 'Mexico', 'Peru', 'United States'],
    });
    expect(adoption('6/2')?.draftSymbol).toBe('CTOC/COP/2012/L.5/Rev.2');
    expect(adoption('6/2')?.sponsors).toEqual(['El Salvador (on behalf of the Group of Latin American and Caribbean States)', 'United States']);
    expect(adoption('6/3')?.draftSymbol).toBe('CTOC/COP/2012/L.6/Rev.2');
    expect(adoption('6/3')?.sponsors).toHaveLength(11);
    expect(adoption('6/4')).toMatchObject({ date: '2012-10-19', draftSymbol: 'CTOC/COP/2012/L.9', submittedBy: 'Chair of the Working Group of Government Experts on Technical Assistance' });
    expect(corpusDocument('decision', '6/3').metadata.adoption).toMatchObject({ date: '2012-10-19', draftSymbol: 'CTOC/COP/2012/L.12' });
  });

  it('collects every footnote of the report, 1 to 30, including the plain-digit footnote line 28', () => {
    expect(corpus().footnotes.map((f) => f.number)).toEqual(Array.from({ length: 30 }, (_, k) => k + 1));
    expect(text(corpus().footnotes[27]!.content)).toBe('CTOC/COP/2012/CRP.6, annex II.');
  });

  it('keeps the narrative chapters for what they cite', () => {
    const para78 = corpus().narrative.find((p) => p.chapter === 'IV' && p.number === '78');
    expect(para78 && refs(para78.content)).toEqual(['fn27']);
  });

  it('prints each paragraph as printed when the opener is put back', () => {
    const pp6 = corpusDocument('resolution', '6/1').preamble[5]!;
    expect(joinOpener(pp6.opener, text(pp6.content))).toMatch(/^Noting with appreciation the establishment by the Secretary-General/);
  });

  /**
   * Every diagnostic the report raises, each with the reason it is right. A new one means the
   * reader changed what it sees in the text.
   */
  it('reports exactly the flaws of the converted text, each for a reason', () => {
    const seen = corpus().diagnostics.map((d) => `${d.code} ${d.document ?? ''} line ${d.line ?? '-'}`);
    expect(seen).toEqual([
      // 6/2 OP12: "about: (a) the activities ..." — the list starts inside the paragraph.
      'subparagraph-inline resolution 6/2 line 212',
      // 6/2 OP12 (c) runs into a truncated copy of (d), printed whole on the next line.
      'duplicated-text resolution 6/2 line 214',
      // 6/2 OP2: "Organized Crime, 14 and to fully" — marker printed as plain digits.
      'footnote-marker-plain-digits resolution 6/2 line 186',
      // 6/3 PP1: "Organized Crime, 17" — marker printed as plain digits.
      'footnote-marker-plain-digits resolution 6/3 line 226',
      // Footnote 9 ("vol. 2225") has no marker anywhere in 6/2.
      'footnote-marker-missing resolution 6/2 line 157',
    ]);
  });

  it('never throws on a damaged report, and says what it could not find', () => {
    expect(readReport('').diagnostics[0]?.code).toBe('report-structure');
    const truncated = readReport(readFileSync(REPORT_PATH, 'utf8').slice(0, 20_000));
    expect(truncated.documents.length).toBeGreaterThan(0);
  });
});

describe('splitSponsors', () => {
  it('splits on commas and the last "and", but not inside parentheses', () => {
    expect(splitSponsors('El Salvador (on behalf of the Group of Latin American and Caribbean States) and the United States')).toEqual([
      'El Salvador (on behalf of the Group of Latin American and Caribbean States)',
      'United States',
    ]);
    expect(splitSponsors('Bosnia and Herzegovina, Peru and Trinidad and Tobago')).toEqual(['Bosnia and Herzegovina', 'Peru and Trinidad', 'Tobago']);
  });
});
