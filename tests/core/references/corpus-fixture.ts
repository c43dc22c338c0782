/**
 * A corpus built with the builders that reproduces how CTOC/COP/2012/15 cites things: its sentences are
 * copied from corpus/CTOC-COP-2012-15.txt (shortened where the rest does not matter), its footnotes
 * 1-30 are the report's, and `resolved` is set as the corpus reader sets it (Ibid. expanded).
 */
import type { Corpus, NarrativeParagraph } from '../../../src/core/corpus/types.ts';
import type { Footnote } from '../../../src/core/model/types.ts';
import { resolveIbidChain } from '../../../src/core/references/ibid.ts';
import { annex, fn, inl, op, pre, res, sub } from '../../helpers/builders.ts';

/** The report's footnotes as printed, numbered 1-30. */
export const PRINTED_FOOTNOTES: readonly string[] = [
  'United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.',
  'General Assembly resolution 64/293.',
  'United Nations, Treaty Series, vol. 2225, No. 39574.',
  'Ibid., vols. 2237, 2241 and 2326, No. 39574.',
  'CTOC/COP/WG.4/2011/8, paras. 46-51.',
  'United Nations, Treaty Series, vol. 2237, No. 39574.',
  'To be issued as CTOC/COP/WG.2/2012/5-CTOC/COP/WG.3/2012/6.',
  'CTOC/COP/2012/7.',
  'United Nations, Treaty Series, vol. 2225, No. 39574.',
  'Ibid., vol. 2326, No. 39574.',
  'Report of the United Nations Conference on the Illicit Trade in Small Arms and Light Weapons in All Its Aspects, New York, 9-20 July 2001 (A/CONF.192/15), chap. IV, para. 24.',
  'A/60/88 and Corr.2, annex; see also General Assembly decision 60/519.',
  'CTOC/COP/2012/6.',
  'United Nations, Treaty Series, vol. 2326, No. 39574.',
  'Ibid., vol. 2225, No. 39574.',
  'Ibid.',
  'Ibid., vol. 2241, No. 39574.',
  'Ibid.',
  'Ibid., vol. 2225, No. 39574.',
  'Ibid., vol. 2237, No. 39574.',
  'CTOC/COP/WG.7/2012/6.',
  'United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.',
  'Ibid.',
  'CTOC/COP/2012/CRP.6, annex I.',
  'United Nations, Treaty Series, vol. 2237, No. 39574.',
  'CTOC/COP/2012/CRP.6, annex III.',
  'United Nations publication, Sales No. E.11.V.9.',
  'CTOC/COP/2012/CRP.6, annex II.',
  'Ibid., annex IV.',
  'Ibid., annex V.',
];

/** Footnotes f1-f30 with `resolved` set, or without it (a reader that leaves the chain to others). */
export function reportFootnotes(withResolved = true): Footnote[] {
  const plainTexts = PRINTED_FOOTNOTES.map((t) => t.replace(/\*/g, ''));
  const resolved = resolveIbidChain(plainTexts);
  return PRINTED_FOOTNOTES.map((text, i) =>
    fn(`f${i + 1}`, text, withResolved ? resolved[i] : undefined, i + 1),
  );
}

function footnotesOf(all: readonly Footnote[], numbers: readonly number[]): Footnote[] {
  return all.filter((f) => f.number !== undefined && numbers.includes(f.number));
}

function para(chapter: string, number: string, text: string): NarrativeParagraph {
  return { chapter, number, content: inl(text) };
}

const ORGAN =
  'Conference of the Parties to the United Nations Convention against Transnational Organized Crime';
const UNTOC = 'United Nations Convention against Transnational Organized Crime';

export function reportCorpus(options: { withResolved?: boolean } = {}): Corpus {
  const footnotes = reportFootnotes(options.withResolved ?? true);

  const r61 = res({
    number: '6/1',
    title: `Ensuring effective implementation of the ${UNTOC} and the Protocols thereto`,
    metadata: {
      adoption: {
        date: '2012-10-19',
        meeting: 10,
        draftSymbol: 'CTOC/COP/2012/L.4/Rev.2',
        sponsors: ['Costa Rica', 'Croatia'],
      },
    },
    preamble: [
      pre(
        'Recalling',
        `its resolution 5/1 of 22 October 2010, entitled "Ensuring effective implementation of the ${UNTOC} and the Protocols thereto",`,
      ),
      pre(
        'Mindful',
        `of the importance of promoting universal ratification and full implementation of the ${UNTOC} and the Protocols thereto,{fn:f1}`,
      ),
      pre(
        'Stressing',
        'the need for full and effective implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons,{fn:f2} and expressing the view that the Plan of Action will, inter alia, enhance cooperation',
      ),
      pre(
        'Welcoming',
        'the development by the United Nations Office on Drugs and Crime, in accordance with Conference resolutions 5/1 and 5/8 of 22 October 2010, of the digest of organized crime cases,',
      ),
    ],
    operative: [
      op(
        'Notes with appreciation',
        `that the number of parties to the ${UNTOC}{fn:f3} has reached one hundred and seventy-two, reiterates its call to Member States that have not yet done so to consider ratifying or acceding to the Convention and the Protocols thereto{fn:f4} and urges States parties to fully implement the Convention and the Protocols thereto;`,
        [],
        '1',
      ),
      op(
        'Decides',
        `that the mandates for the Working Group on Trafficking in Persons should be continued and that its areas for future work should reflect, as appropriate, the recommendations contained in the report of the Working Group,{fn:f5} welcomes the issue paper and requests the Secretariat to continue its work on the analysis of key concepts of the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention on Transnational Organized Crime,{fn:f6} by preparing similar technical papers;`,
        [],
        '12',
      ),
      op(
        'Welcomes',
        'the outcomes of the joint discussion, endorses the recommendations of the joint discussion of the two working groups,{fn:f7} encourages Member States',
        [],
        '14',
      ),
      op(
        'Welcomes',
        'the report on technical assistance provided to States in the application of the Convention to new forms and dimensions of transnational organized crime,{fn:f8} concerning cybercrime',
        [],
        '16',
      ),
    ],
    footnotes: footnotesOf(footnotes, [1, 2, 3, 4, 5, 6, 7, 8]),
  });

  const firearms = `Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, supplementing the ${UNTOC}`;
  const r62 = res({
    number: '6/2',
    title: `Promoting accession to and implementation of the ${firearms}`,
    metadata: {
      adoption: { date: '2012-10-19', meeting: 10, draftSymbol: 'CTOC/COP/2012/L.5/Rev.2', sponsors: [] },
    },
    preamble: [
      // The report prints no marker for footnote 9 here; the corpus reader anchors it after the title.
      pre(
        'Recalling',
        `the functions assigned to it in article 32 of the ${UNTOC},{fn:f9} reaffirming its decision 4/6 of 17 October 2008 and concerned by the increased levels of harm`,
      ),
      pre(
        'Reaffirming',
        'its resolution 5/4 of 22 October 2010, in which the Conference requested States to consider the adoption or strengthening of comprehensive and efficient measures',
      ),
      pre(
        'Worried',
        `over the phenomenon of the free and open dissemination, in violation of the requirements of the ${firearms},{fn:f10} of manufacturing and/or repairing techniques for firearms`,
      ),
      pre(
        'Noting',
        'the common themes and nature of other instruments with respect to the Convention and its Firearms Protocol, such as the Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in All Its Aspects{fn:f11} and the International Instrument to Enable States to Identify and Trace, in a Timely and Reliable Manner, Illicit Small Arms and Light Weapons,{fn:f12} as well as regional legal instruments,',
      ),
    ],
    operative: [
      op(
        'Expresses its appreciation',
        'for the work of the Working Group on Firearms at its meeting held in Vienna on 21 and 22 May 2012 and takes note of the recommendations contained in its report;{fn:f13}',
        [],
        '1',
      ),
      op(
        'Invites',
        `States that have not yet done so to consider becoming parties to the ${firearms},{fn:f14} and to fully implement its provisions;`,
        [],
        '2',
      ),
      op(
        'Requests',
        `the United Nations Office on Drugs and Crime, in order to support ratification of, accession to and the implementation of the ${UNTOC}{fn:f15} and its Firearms Protocol, to promote knowledge- and awareness-raising activities`,
        [],
        '4',
      ),
      op(
        'Takes note',
        'of the information gathered so far by the United Nations Office on Drugs and Crime in carrying out the study asked for by the Conference in its resolution 5/4 of 22 October 2010, requests the Office to improve methodology',
        [],
        '7',
      ),
      op(
        'Invites',
        'States to consider making use of the Model Law against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition as a tool of technical assistance',
        [],
        '8',
      ),
    ],
    footnotes: footnotesOf(footnotes, [9, 10, 11, 12, 13, 14, 15]),
  });

  const smuggling = `Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the ${UNTOC}`;
  const trafficking = `Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the ${UNTOC}`;
  const r63 = res({
    number: '6/3',
    title: `Implementation of the ${smuggling}`,
    metadata: {
      adoption: { date: '2012-10-19', meeting: 10, draftSymbol: 'CTOC/COP/2012/L.6/Rev.2', sponsors: [] },
    },
    preamble: [
      pre(
        'Recalling',
        `article 32 of the ${UNTOC},{fn:f16} in which the Conference of the Parties to the ${UNTOC} was established to improve the capacity of States parties, including the ${smuggling},{fn:f17}`,
      ),
      pre('Recalling also', 'its resolution 5/3 of 22 October 2010,'),
      pre(
        'Recalling',
        'that, in its resolution 5/3, the Conference established an open-ended intergovernmental interim working group on the smuggling of migrants',
      ),
    ],
    operative: [
      op(
        'Urges',
        `Member States that have not yet done so to consider ratifying or acceding to the ${smuggling};{fn:f18}`,
        [],
        '1',
      ),
      op(
        'Calls upon',
        `States parties to continue to review their relevant legislation and establish as criminal offences the acts covered by the Smuggling of Migrants Protocol and the ${UNTOC},{fn:f19} including by introducing appropriate sanctions`,
        [],
        '2',
      ),
      op(
        'Reminds',
        `States parties that States parties need to recognize, consistent with the Smuggling of Migrants Protocol and the ${trafficking},{fn:f20} that they are distinct crimes`,
        [],
        '6',
      ),
      op(
        'Welcomes',
        'the report on the meeting of the Working Group on the Smuggling of Migrants held in Vienna from 30 May to 1 June 2012,{fn:f21} and encourages States parties',
        [],
        '7',
      ),
      op(
        'Also urges',
        'States parties:',
        [
          sub(
            'To consider establishing aggravating circumstances, in accordance with article 6, paragraph 1, of the Smuggling of Migrants Protocol;',
            [],
            '(b)',
          ),
        ],
        '9',
      ),
      op(
        'Decides',
        'that the Working Group on the Smuggling of Migrants should continue to perform the functions set forth in Conference resolution 5/3 of 22 October 2010;',
        [],
        '19',
      ),
    ],
    footnotes: footnotesOf(footnotes, [16, 17, 18, 19, 20, 21]),
  });

  const r64 = res({
    number: '6/4',
    title: `Implementation of the provisions on technical assistance of the ${UNTOC}`,
    metadata: {
      adoption: { date: '2012-10-19', meeting: 10, draftSymbol: 'CTOC/COP/2012/L.9', sponsors: [] },
    },
    preamble: [
      pre(
        'Noting',
        `that technical assistance is a fundamental part of the work carried out by the United Nations Office on Drugs and Crime to assist Member States in the effective implementation of the ${UNTOC} and the Protocols thereto,{fn:f22}`,
      ),
    ],
    operative: [
      op(
        'Reaffirms',
        'its decision 4/3 of 17 October 2008, in which it decided that the Working Group should be a constant element of the Conference.',
        [],
        '2',
      ),
    ],
    annex: annex(
      'Recommendations adopted by the Working Group of Government Experts on Technical Assistance at its meeting held on 17 October 2012',
      [
        sub(
          'Requests the Secretariat, for the next meeting of the Working Group, to organize discussions on the following topics:',
          [
            sub(
              `Assistance in harmonizing domestic legislation with the ${UNTOC} and the Protocols thereto;{fn:f23}`,
              [],
              '(v)',
            ),
          ],
          '(b)',
        ),
      ],
      'The Working Group of Government Experts on Technical Assistance:',
    ),
    footnotes: footnotesOf(footnotes, [22, 23]),
  });

  const d61 = {
    ...res({
      kind: 'decision',
      number: '6/1',
      title: `Provisional agenda for the seventh session of the ${ORGAN}`,
      metadata: { adoption: { date: '2012-10-19', meeting: 10, sponsors: [] } },
    }),
  };

  const narrative: NarrativeParagraph[] = [
    para(
      'II',
      '13',
      'By its decision 4/7, the Conference amended rule 18, on submission of credentials, of its rules of procedure',
    ),
    para(
      'II',
      '18',
      'At its sixth session, the Conference had before it, in addition to the documents prepared by the Secretariat, a list of documents containing proposals submitted by the Secretariat and a proposal submitted by a Government (CTOC/COP/2012/CRP.7).',
    ),
    para(
      'IV',
      '29',
      `At its 4th meeting, on 16 October 2012, the Conference considered agenda item 2 (a), entitled "Review of the implementation of the ${UNTOC} and the Protocols thereto: ${UNTOC}". For its consideration of the item, the Conference had before it the following:`,
    ),
    {
      chapter: 'IV',
      content: inl(
        '(a) Report of the Secretariat on the development of a digest of organized crime cases (CTOC/COP/2012/11);',
      ),
    },
    {
      chapter: 'IV',
      content: inl(
        `(b) Note by the Secretariat on the estimated financial requirements for a mechanism to review the implementation of the ${UNTOC} and the Protocols thereto (CTOP/COP/2012/14);`,
      ),
    },
    {
      chapter: 'IV',
      content: inl(
        '(f) Non-paper by Mexico entitled "Chapultepec Consensus: establishment of the hemispheric approach for cooperation against transnational organized crime" (CTOC/COP/2012/CRP.5).',
      ),
    },
    para(
      'IV',
      '40',
      'At its 10th meeting, on 19 October 2012, the Conference adopted a revised draft resolution (CTOC/COP/2012/L.4/Rev.2) sponsored by Costa Rica, Croatia, Ecuador, Egypt, El Salvador, the European Union, Guatemala, Mexico, Peru and the United States. (For the text, see chapter I, section A, resolution 6/1.) Prior to the adoption of the revised draft resolution, a representative of the Secretariat read out a statement on the financial implications of such adoption.{fn:f24}',
    ),
    para(
      'IV',
      '41',
      `At its 4th and 5th meetings, the Conference had before it the following: (a) Report of the Secretariat on the activities of the United Nations Office on Drugs and Crime to promote and support the implementation of the ${trafficking} (CTOC/COP/2012/2); (b) Note by the Secretariat transmitting the recommendations adopted by the Working Group on Trafficking in Persons at its meeting held in Vienna from 10 to 12 October 2011 (CTOC/COP/2012/3);`,
    ),
    para(
      'IV',
      '48',
      'Several speakers emphasized the importance of the comprehensive approach of the United Nations Global Plan of Action to Combat Trafficking in Persons, adopted by the General Assembly in its resolution 64/293.',
    ),
    para(
      'IV',
      '78',
      'They welcomed, in particular, the development of the *Model Law against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition*,{fn:f27} which they considered to be a valuable tool',
    ),
    para(
      'VIII',
      '120',
      'At its 9th meeting, on 19 October 2012, the Conference considered agenda item 7. For its consideration of the item, the Conference had before it a note by the Secretariat on financial and budgetary matters (CTOC/COP/2012/13).',
    ),
    para(
      'XI',
      '127',
      'At its 10th meeting, the Conference adopted the report on its sixth session (CTOC/COP/2012/L.1 and Add.1-9), as orally amended.',
    ),
  ];

  return {
    symbol: 'CTOC/COP/2012/15',
    documents: [r61, r62, r63, r64, d61],
    narrative,
    footnotes,
    diagnostics: [],
  };
}
