/**
 * Akoma Ntoso export (src/core/export/akn.ts): every document of the report and a sample of the
 * Assembly's resolutions, and a draft with sponsors, are valid against the OASIS Akoma Ntoso 3.0 schema
 * (the project's copy in schemas/akn/), checked by libxml2's xmllint compiled to WebAssembly; a
 * deliberately broken document is shown to fail; the parts land where AKN4UN puts them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { loadCorpus } from '../../../src/cli/io.ts';
import { writeAkn } from '../../../src/core/export/akn.ts';
import type { ResolutionDocument } from '../../../src/core/model/types.ts';
import { addProposals, setNote, startNegotiation } from '../../../src/core/negotiation/operations.ts';
import { readPrintedText } from '../../../src/core/parse/printed.ts';
import { op, pre, res, sub } from '../../helpers/builders.ts';

const schemaDir = new URL('../../../schemas/akn/', import.meta.url);
const schema: XMLFileInfo = {
  fileName: 'akomantoso30.xsd',
  contents: readFileSync(new URL('akomantoso30.xsd', schemaDir), 'utf8'),
};
const preload: XMLFileInfo = {
  fileName: 'xml.xsd',
  contents: readFileSync(new URL('xml.xsd', schemaDir), 'utf8'),
};

async function validate(files: readonly XMLFileInfo[]): Promise<string[]> {
  const result = await validateXML({ xml: files, schema, preload, maxMemoryPages: 2 * 16384 });
  return result.errors.map((e) => e.rawMessage);
}

const TODAY = '2026-12-05';
const GA_DIR = new URL('../../../corpus/ga/', import.meta.url);

/** Every 20th resolution of the Assembly's, in name order: about forty-five, of every session. */
function gaSample(): ResolutionDocument[] {
  const names = readdirSync(GA_DIR)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  return names
    .filter((_, i) => i % 20 === 0)
    .flatMap((name) => readPrintedText(readFileSync(new URL(name, GA_DIR), 'utf8')).documents);
}

const draft = res({
  title: 'Strengthening cooperation against the smuggling of migrants',
  preamble: [pre('Recalling', 'its resolution 5/3 of 22 October 2010,')],
  operative: [
    op('Urges', 'States parties:', [sub('to ratify the Protocol;'), sub('to share information;')]),
    op('Decides', 'to remain seized of the matter.'),
  ],
  metadata: { symbol: 'CTOC/COP/2026/L.3', sponsors: ['Mexico', 'Norway'], session: 'Thirteenth session' },
});

describe('Akoma Ntoso export', () => {
  it('writes every document of the report, a sample of the Assembly and a draft valid against the OASIS schema', async () => {
    const documents = [...loadCorpus().documents, ...gaSample(), draft];
    expect(documents.length).toBeGreaterThan(45);
    const files = documents.map((doc, i) => ({
      fileName: `doc${i}.xml`,
      contents: writeAkn(doc, { today: TODAY }),
    }));
    expect(await validate(files)).toEqual([]);
  }, 120_000);

  it('writes a draft under negotiation valid too: proposals as textual modifications, statuses as notes', async () => {
    const added = addProposals(draft, startNegotiation('Egypt'), [
      {
        delegation: 'Mexico',
        kind: 'replace',
        key: 'operative:1',
        range: { start: 0, end: 5 },
        text: 'Calls upon',
      },
      {
        delegation: 'Norway',
        kind: 'insert',
        key: 'operative:1.1',
        range: { start: 3, end: 3 },
        text: 'sign and ',
      },
    ]);
    if (!added.ok) throw new Error(added.error);
    const negotiated = {
      ...draft,
      negotiation: setNote(added.negotiation, 'preamble:1', 'agreed in informals'),
    };
    const xml = writeAkn(negotiated, { today: TODAY });
    expect(xml).toContain('<activeModifications>');
    expect(xml).toContain('<notes source="#resolutionDrafter">');
    expect(await validate([{ fileName: 'negotiated.xml', contents: xml }])).toEqual([]);
  }, 60_000);

  it('is shown invalid when broken: an element the schema does not know, and a body missing', async () => {
    const good = writeAkn(draft, { today: TODAY });
    const unknown = good.replace('<mainBody>', '<mainBody><bogus/>');
    const headless = good.replace(/<mainBody>.*<\/mainBody>/s, '');
    const errors = await validate([
      { fileName: 'unknown.xml', contents: unknown },
      { fileName: 'headless.xml', contents: headless },
    ]);
    expect(errors.some((e) => e.includes('unknown.xml') && e.includes('bogus'))).toBe(true);
    expect(errors.some((e) => e.includes('headless.xml') && e.includes('mainBody'))).toBe(true);
  }, 60_000);

  it('puts the parts of resolution 6/1 where AKN4UN puts them', () => {
    const doc = loadCorpus().documents.find((d) => d.number === '6/1');
    if (!doc) throw new Error('no 6/1 in the report');
    const xml = writeAkn(doc, { today: TODAY });
    expect(xml).toContain('<statement name="resolution" contains="originalVersion">');
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
    expect(xml).toContain('<p><docNumber>6/1</docNumber></p>');
    expect(xml).toContain(`<p><docTitle>${doc.title}</docTitle></p>`);
    expect(xml).toMatch(/<preamble><formula name="enactingFormula"><p>The Conference of the Parties/);
    const first = doc.preamble[0];
    if (!first) throw new Error('6/1 has no preamble');
    expect(xml).toContain(`eId="preamble__container_1"><p><i class="opener">${first.opener}</i>`);
    expect(xml).toContain('<paragraph eId="para_1"><num>1.</num>');
    expect((xml.match(/<paragraph /g) ?? []).length).toBe(doc.operative.length);
    // Footnotes at their markers, as printed.
    expect((xml.match(/<authorialNote /g) ?? []).length).toBeGreaterThan(0);
    expect(xml).toMatch(/<authorialNote marker="\d+" placement="bottom"/);
  });

  it('marks a draft as such, with its symbol and sponsors, its subparagraphs as a list of points and its citations as refs', () => {
    const xml = writeAkn(draft, { today: TODAY });
    expect(xml).toContain('<statement name="resolutionDraft"');
    expect(xml).toContain('<rd:symbol>CTOC/COP/2026/L.3</rd:symbol>');
    expect(xml).toContain('<rd:sponsor refersTo="#sponsor-mexico">Mexico</rd:sponsor>');
    expect(xml).toContain('<TLCOrganization eId="sponsor-norway"');
    expect(xml).toMatch(
      /<paragraph eId="para_1"><num>1\.<\/num><intro><p><i class="opener">Urges<\/i> States parties:<\/p><\/intro><list eId="para_1__list_1"><point eId="para_1__list_1__point_a"><num>\(a\)<\/num>/,
    );
    expect(xml).toContain('its resolution <ref href="/akn/un/statement/resolution/ctoc-cop/5-3">5/3</ref>');
  });
});
