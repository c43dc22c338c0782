import { describe, expect, it } from 'vitest';
import { libraryMeta } from '../../../src/core/library/metadata.ts';
import { loadCorpus } from '../../../src/cli/io.ts';
import { gaDocument } from '../../helpers/ga.ts';
import { op, pre, res } from '../../helpers/builders.ts';

describe('libraryMeta', () => {
  it('reads a Third Committee resolution: symbol, number, session, adoption date, agenda item, report', () => {
    const meta = libraryMeta(gaDocument('A_RES_79_186'), { body: 'ga' });
    expect(meta).toEqual({
      id: 'A/RES/79/186',
      symbol: 'A/RES/79/186',
      body: 'ga',
      kind: 'resolution',
      number: '79/186',
      session: 79,
      date: '2024-12-17',
      title:
        'Follow-up to the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice and preparations for the Fifteenth United Nations Congress on Crime Prevention and Criminal Justice',
      agendaItem: '107',
      agendaItemTitle: 'Crime prevention and criminal justice',
      report: 'A/79/459',
      draftSymbol: null,
    });
  });

  it('keeps the addendum of the report: "(A/78/459/Add.1, para. 25)" → "A/78/459/Add.1"', () => {
    expect(libraryMeta(gaDocument('A_RES_78_134'), { body: 'ga' }).report).toBe('A/78/459/Add.1');
  });

  it('gives a plenary resolution no report but the draft it was adopted from', () => {
    const meta = libraryMeta(gaDocument('A_RES_80_1'), { body: 'ga' });
    expect(meta.report).toBeNull();
    expect(meta.draftSymbol).toBe('A/80/L.2/Rev.1');
    expect(meta.session).toBe(80);
    expect(meta.date).toBe('2025-09-19');
    expect(meta.agendaItem).toBe('7');
    expect(meta.agendaItemTitle).toBe('Organization of work, adoption of the agenda and allocation of items');
    expect(meta.title).toBe('Participation by the State of Palestine during the eightieth session');
  });

  it('reads "Agenda items 13 and 117" as printed', () => {
    expect(libraryMeta(gaDocument('A_RES_78_1'), { body: 'ga' }).agendaItem).toBe('13 and 117');
  });

  it('files a resolution under the session of its number, not a title line that ends in "seventy-fourth session"', () => {
    // A/RES/78/108's title wraps onto "seventy-fourth session", which reads like a masthead's session line.
    const meta = libraryMeta(gaDocument('A_RES_78_108'), { body: 'ga' });
    expect(meta.session).toBe(78);
    expect(meta.number).toBe('78/108');
    const built = res({ number: '78/108', metadata: { session: 'seventy-fourth session' } });
    expect(libraryMeta(built, { body: 'ga' }).session).toBe(78);
  });

  it('reads the session from the masthead when there is no number (a draft)', () => {
    const draft = res({ metadata: { session: 'Eighty-first session' } });
    expect(libraryMeta(draft, { body: 'user', id: 'user:2' }).session).toBe(81);
  });

  it('takes the number from the symbol when no "79/9." line is printed', () => {
    const doc = gaDocument('A_RES_79_9');
    expect(doc.number).toBeUndefined();
    const meta = libraryMeta(doc, { body: 'ga' });
    expect(meta.number).toBe('79/9');
    expect(meta.session).toBe(79);
    expect(meta.draftSymbol).toBe('A/79/L.9/Rev.1');
  });

  it('names a resolution of the Conference "resolution 6/1" with the id "COP resolution 6/1", session 6', () => {
    const doc = loadCorpus().documents.find((d) => d.kind === 'resolution' && d.number === '6/1');
    if (!doc) throw new Error('resolution 6/1 missing from the corpus');
    const meta = libraryMeta(doc, { body: 'cop' });
    expect(meta.symbol).toBe('resolution 6/1');
    expect(meta.id).toBe('COP resolution 6/1');
    expect(meta.session).toBe(6);
    expect(meta.date).toBe('2012-10-19');
    expect(meta.draftSymbol).toBe('CTOC/COP/2012/L.4/Rev.2');
  });

  it('gives a decision of the Conference its own id, apart from the resolution of the same number', () => {
    const decision = loadCorpus().documents.find((d) => d.kind === 'decision' && d.number === '6/1');
    if (!decision) throw new Error('decision 6/1 missing from the corpus');
    expect(libraryMeta(decision, { body: 'cop' }).id).toBe('COP decision 6/1');
  });

  it("names a user's draft by the id and file name it is given, with no number, session or report", () => {
    const draft = res({
      preamble: [pre('Recalling', 'its earlier work,')],
      operative: [op('Decides', 'to act.')],
    });
    const meta = libraryMeta(draft, { body: 'user', id: 'user:1', symbol: 'my draft.docx' });
    expect(meta).toMatchObject({
      id: 'user:1',
      symbol: 'my draft.docx',
      body: 'user',
      number: null,
      session: null,
      report: null,
    });
  });
});
