/** Drafts for the .docx tests, built with the builders (ARCHITECTURE.md convention 9). */
import type { Metadata, ResolutionDocument } from '../../../../src/core/model/types.ts';
import { annex, fn, op, pre, res, sub } from '../../../helpers/builders.ts';

export const TS_2225 = 'United Nations, Treaty Series, vol. 2225, No. 39574.';
export const TS_2241 = 'United Nations, Treaty Series, vol. 2241, No. 39574.';

export const L_METADATA: Metadata = {
  symbol: 'CTOC/COP/2014/L.3/Rev.1',
  distribution: 'limited',
  date: '2014-10-09',
  originalLanguage: 'English',
  session: 'Seventh session, Vienna, 6-10 October 2014',
  agendaItem: '2 (c)',
  agendaItemTitle: 'Protocol against the Smuggling of Migrants by Land, Sea and Air',
  sponsors: ['Mexico', 'Peru'],
  footnoteRule: '2012',
};

/** An L document with everything the layout has: masthead, footnotes, subparagraphs to (i), an annex. */
export function lDraft(metadata: Metadata = L_METADATA): ResolutionDocument {
  return res({
    title: 'Strengthening cooperation against the smuggling of migrants',
    metadata,
    preamble: [
      pre('Recalling', 'the United Nations Convention against Transnational Organized Crime,{fn:c}'),
      pre(
        'Recalling also',
        'the Protocol against the Smuggling of Migrants by Land, Sea and Air,{fn:p} and its resolution 5/3 of 22 October 2010,',
      ),
    ],
    operative: [
      op('Urges', 'States parties to implement the Protocol:', [
        sub('by criminalizing the smuggling of migrants;'),
        sub('by protecting the rights of smuggled migrants:', [
          sub('who are victims of crime;'),
          sub('who are children;'),
        ]),
      ]),
      op('Requests', 'the Secretariat to report to the Conference at its eighth session.'),
    ],
    annex: annex(
      'Recommendations',
      [sub('Exchange information;'), sub('Train officials.')],
      'States parties should:',
    ),
    footnotes: [fn('c', TS_2225), fn('p', TS_2241)],
  });
}

/** The same draft as its base would have been: one paragraph fewer, another verb, one subparagraph less. */
export function lBase(): ResolutionDocument {
  const d = lDraft();
  return {
    ...d,
    preamble: [d.preamble[0]!],
    operative: [
      { ...d.operative[0]!, opener: 'Invites', subparagraphs: [d.operative[0]!.subparagraphs[0]!] },
      d.operative[1]!,
    ],
    footnotes: [d.footnotes[0]!],
  };
}
