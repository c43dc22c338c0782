/**
 * Akoma Ntoso read back (src/core/import/akn.ts): what the export writes comes back as the document it
 * was, for every document of the report and a fifth of the Assembly's; another tool's statement is
 * read as far as it follows AKN4UN; hostile or foreign XML is refused with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/cli/io.ts';
import { writeAkn } from '../../../src/core/export/akn.ts';
import { readAkn } from '../../../src/core/import/akn.ts';
import { normalizeInlines } from '../../../src/core/model/inline.ts';
import type { Inline, ResolutionDocument } from '../../../src/core/model/types.ts';
import {
  addProposals,
  setNote,
  setStatus,
  startNegotiation,
} from '../../../src/core/negotiation/operations.ts';
import { readPrintedText } from '../../../src/core/parse/printed.ts';
import { annex, fn, op, pre, res, sub } from '../../helpers/builders.ts';

const GA_DIR = new URL('../../../corpus/ga/', import.meta.url);
const TODAY = '2026-12-05';

/**
 * The document with each run of text whole: the reader joins the runs a parser may have left side by
 * side ("the Office" and " " and "to act"), which print the same.
 */
function wholeRuns<T>(value: T): T {
  const isRuns = (v: unknown[]): boolean =>
    v.length > 0 &&
    v.every((x) => {
      const type = (x as { type?: unknown } | null)?.type;
      return type === 'text' || type === 'footnoteRef';
    });
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return (isRuns(v) ? normalizeInlines(v as Inline[]) : v).map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, w]) => [k, walk(w)]));
    return v;
  };
  return walk(value) as T;
}

function roundTrip(doc: ResolutionDocument): ResolutionDocument {
  const read = readAkn(writeAkn(doc, { today: TODAY }));
  if (!read.ok) throw new Error(`${doc.kind} ${doc.number ?? ''}: ${read.error}`);
  expect(read.documents).toHaveLength(1);
  return read.documents[0] as ResolutionDocument;
}

const draft = res({
  title: 'Strengthening cooperation against the smuggling of migrants',
  formula:
    'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
  preamble: [
    pre('Recalling', 'its resolution 5/3 of 22 October 2010,{fn:a}'),
    { opener: 'Noting', content: [{ type: 'text', text: 'the report' }], subparagraphs: [sub('on trends;')] },
  ],
  operative: [
    op('Urges', 'States parties:', [
      sub('to ratify the *Protocol*;'),
      sub('to share information;', [sub('yearly;')]),
    ]),
    op('Decides', 'to remain seized of the matter.{fn:b}'),
  ],
  annex: {
    ...annex('Recommendations', [sub('first item;'), sub('second item.')], 'The Conference recommends:'),
    headings: [{ before: 1, number: 'II', heading: 'Further steps' }],
  },
  footnotes: [
    fn('a', 'United Nations, *Treaty Series*, vol. 2225, No. 39574.'),
    fn('b', 'Ibid.', 'United Nations, Treaty Series, vol. 2225, No. 39574.'),
    fn('orphan', 'A note no reference points to.'),
  ],
  metadata: {
    symbol: 'CTOC/COP/2026/L.3',
    sponsors: ['Mexico', 'Norway'],
    session: 'Thirteenth session',
    agendaItem: '2 (c)',
    distribution: 'limited',
    date: '2026-10-12',
    base: { source: 'corpus', ref: 'resolution 6/3' },
    notes: ['Reissued for technical reasons on 13 October 2026.'],
  },
});

describe('Akoma Ntoso read back', () => {
  it('gives back every document of the report as it was written', () => {
    const { documents } = loadCorpus();
    expect(documents.length).toBeGreaterThan(5);
    for (const doc of documents) expect(wholeRuns(roundTrip(doc))).toEqual(wholeRuns(doc));
  });

  it('gives back a fifth of the Assembly’s resolutions of 2023-2025 as they were read', () => {
    const names = readdirSync(GA_DIR)
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .filter((_, i) => i % 5 === 0);
    expect(names.length).toBeGreaterThan(170);
    for (const name of names)
      for (const doc of readPrintedText(readFileSync(new URL(name, GA_DIR), 'utf8')).documents)
        expect(wholeRuns(roundTrip(doc)), name).toEqual(wholeRuns(doc));
  });

  it('gives back a draft whole: sponsors, masthead, annex headings, an orphan footnote, labels left to the position', () => {
    const back = roundTrip(draft);
    expect(back).toEqual(draft);
    // Nothing was labelled in the draft: the position numbers it still (a paragraph moved is renumbered).
    expect(back.operative.map((p) => p.label)).toEqual([undefined, undefined]);
  });

  it('gives back a negotiation: proposals, brackets, supporters, paragraph statuses and notes', () => {
    const base = { ...draft, footnotes: draft.footnotes.slice(0, 2) };
    const added = addProposals(base, startNegotiation('Egypt', 1), [
      {
        delegation: 'Mexico',
        kind: 'replace',
        key: 'operative:1',
        range: { start: 0, end: 5 },
        text: 'Calls upon',
      },
      {
        delegation: 'Norway',
        kind: 'replace',
        key: 'operative:1',
        range: { start: 0, end: 5 },
        text: 'Encourages',
      },
      { delegation: 'Norway', kind: 'delete', key: 'operative:1.2', range: { start: 0, end: 8 }, text: '' },
      {
        delegation: 'Japan',
        kind: 'new paragraph',
        key: 'operative:2',
        text: 'Requests the Office to report.',
      },
    ]);
    if (!added.ok) throw new Error(added.error);
    let n = setStatus(added.negotiation, 'preamble:1', 'agreed');
    n = setNote(setStatus(n, 'operative:2', 'agreed ad ref'), 'operative:2', 'pending capitals');
    n = {
      ...n,
      proposals: n.proposals.map((p, k) =>
        k === 0 ? { ...p, supporters: ['Peru'], opposers: ['Chile'] } : p,
      ),
    };
    expect(n.brackets.length).toBeGreaterThan(0);
    const negotiated: ResolutionDocument = { ...base, negotiation: n };
    expect(roundTrip(negotiated)).toEqual(negotiated);
    // In AKN's own terms too: the open proposals as textual modifications by delegation, the statuses
    // as notes placed by their paragraphs.
    const xml = writeAkn(negotiated, { today: TODAY });
    expect(xml).toMatch(
      /<textualMod type="substitution" eId="mod_p1"><source href="#delegation-mexico"\/><destination href="#para_1"\/><\/textualMod>/,
    );
    expect(xml).toContain('<destination href="#para_1__list_1__point_b"/>');
    expect(xml).toContain(
      '<note eId="note_status_2" placementBase="para_2"><p>agreed ad ref: pending capitals</p></note>',
    );
  });

  it('reads another tool’s statement: prefixed, indented, without the project’s metadata', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand, as another tool might -->
<an:akomaNtoso xmlns:an="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <an:statement name="resolution">
    <an:meta>
      <an:identification source="#someone">
        <an:FRBRWork>
          <an:FRBRthis value="/akn/un/statement/resolution/ga/2024-12-02/79-16/!main"/>
          <an:FRBRuri value="/akn/un/statement/resolution/ga/2024-12-02/79-16"/>
          <an:FRBRdate date="2024-12-02" name="adoption"/>
          <an:FRBRauthor href="#ga"/>
          <an:FRBRcountry value="un"/>
          <an:FRBRnumber value="79/16"/>
        </an:FRBRWork>
      </an:identification>
      <an:references source="#someone">
        <an:TLCOrganization eId="ga" href="/ontology/organization/un/ga" showAs="General Assembly"/>
      </an:references>
    </an:meta>
    <an:preface>
      <an:p><an:docTitle>Cooperation between the United Nations and the Organization of Islamic Cooperation</an:docTitle></an:p>
    </an:preface>
    <an:preamble>
      <an:formula name="enactingFormula"><an:p>The General Assembly,</an:p></an:formula>
      <an:container name="recalling" eId="preamble__container_1">
        <an:p>
          <an:i>Recalling</an:i> its previous resolutions,<an:authorialNote marker="1" placement="bottom" eId="fn_1"><an:p>Resolution 77/1.</an:p></an:authorialNote>
        </an:p>
      </an:container>
    </an:preamble>
    <an:mainBody>
      <an:paragraph eId="para_1">
        <an:num>1.</an:num>
        <an:content><an:p><an:i>Takes note</an:i> of the report of the Secretary-General;</an:p></an:content>
      </an:paragraph>
      <an:paragraph eId="para_2">
        <an:num>2.</an:num>
        <an:intro><an:p><an:i>Requests</an:i> the Secretary-General:</an:p></an:intro>
        <an:list eId="para_2__list_1">
          <an:point eId="para_2__list_1__point_a"><an:num>(a)</an:num><an:content><an:p>to report &amp; to act;</an:p></an:content></an:point>
        </an:list>
      </an:paragraph>
    </an:mainBody>
  </an:statement>
</an:akomaNtoso>`;
    const read = readAkn(xml);
    if (!read.ok) throw new Error(read.error);
    const [doc] = read.documents;
    expect(doc).toMatchObject({
      kind: 'resolution',
      number: '79/16',
      organ: 'General Assembly',
      title: 'Cooperation between the United Nations and the Organization of Islamic Cooperation',
      formula: 'The General Assembly,',
      preamble: [
        {
          opener: 'Recalling',
          content: [
            { type: 'text', text: 'its previous resolutions,' },
            { type: 'footnoteRef', footnoteId: '1' },
          ],
        },
      ],
      footnotes: [{ id: '1', number: 1, content: [{ type: 'text', text: 'Resolution 77/1.' }] }],
    });
    // Openers unmarked: the italic words a paragraph starts with, as the UN prints them.
    expect(doc?.operative.map((p) => [p.label, p.opener, p.content])).toEqual([
      ['1', 'Takes note', [{ type: 'text', text: 'of the report of the Secretary-General;' }]],
      ['2', 'Requests', [{ type: 'text', text: 'the Secretary-General:' }]],
    ]);
    expect(doc?.operative[1]?.subparagraphs).toEqual([
      { label: '(a)', content: [{ type: 'text', text: 'to report & to act;' }], subparagraphs: [] },
    ]);
  });
});

describe('XML that is refused, and why', () => {
  const refusal = (xml: string): string => {
    const read = readAkn(xml);
    if (read.ok) throw new Error('read, when it should have been refused');
    return read.error;
  };

  it('refuses entity expansion (a "billion laughs") without expanding anything', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><mainBody><paragraph eId="p"><content><p>&lol9;</p></content></paragraph></mainBody></statement></akomaNtoso>`;
    expect(refusal(laughs)).toMatch(/document type \(DOCTYPE, line 2\).*entities/);
  });

  it('refuses an external entity, which would read a file of this computer into the text', () => {
    const external = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><mainBody><paragraph eId="p"><content><p>&x;</p></content></paragraph></mainBody></statement></akomaNtoso>`;
    expect(refusal(external)).toMatch(/DOCTYPE/);
    // And an entity used without any declaration is not left as written, nor guessed.
    expect(refusal(external.replace(/<!DOCTYPE[^\]]*\]>/, ''))).toMatch(/an entity, &x;, on line 1/);
  });

  it('refuses a 50 MB file before reading it', () => {
    const big = `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">${'<p>padding</p>'.repeat((50 * 1024 * 1024) / 14)}</akomaNtoso>`;
    expect(big.length).toBeGreaterThan(49 * 1024 * 1024);
    expect(refusal(big)).toMatch(
      /the file is 50 MB, more than the 10 MB a resolution’s XML can be|the file is 50 MB/,
    );
  });

  it('refuses nesting a thousand deep', () => {
    const deep = `<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">${'<p>'.repeat(1000)}x${'</p>'.repeat(1000)}</akomaNtoso>`;
    expect(refusal(deep)).toMatch(/nested more than 100 deep/);
  });

  it('refuses XML that is not Akoma Ntoso, or an Akoma Ntoso document that is not a resolution', () => {
    expect(refusal('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hello</p></body></html>')).toMatch(
      /not Akoma Ntoso: its root element is <html>/,
    );
    expect(refusal('<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><act/></akomaNtoso>')).toMatch(
      /namespace "http:\/\/www\.akomantoso\.org\/2\.0"/,
    );
    expect(
      refusal(
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="x"/></akomaNtoso>',
      ),
    ).toMatch(/holds an Akoma Ntoso <act>; the app reads resolutions and decisions/);
  });

  it('refuses XML that is not well-formed, saying where', () => {
    expect(
      refusal(
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<statement>\n</akomaNtoso>',
      ),
    ).toMatch(/<\/akomaNtoso> on line 3 closes <statement>/);
    expect(refusal('<a>\n<b>1 < 2</b></a>')).toMatch(/stray "<" on line 2/);
    expect(refusal('<a>fish & chips</a>')).toMatch(/bare "&"/);
    expect(refusal('<x:a>text</x:a>')).toMatch(/prefix "x" on line 1 is not declared/);
    expect(refusal('not XML at all')).toMatch(/holds no XML element|text outside the root/);
  });
});
