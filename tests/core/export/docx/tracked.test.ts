import { diffArrays } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentBlocks } from '../../../../src/core/export/docx/blocks.ts';
import { compareEngine } from '../../../../src/core/export/docx/compare-engine.ts';
import { exportDocx } from '../../../../src/core/export/docx/docx.ts';
import { exportFootnotes } from '../../../../src/core/export/docx/footnotes.ts';
import {
  trackChanges,
  type CompareEngine,
  type TrackedBlock,
} from '../../../../src/core/export/docx/tracked.ts';
import { toPublicJson } from '../../../../src/core/export/json.ts';
import { importDocx } from '../../../../src/core/import/docx.ts';
import type { ResolutionDocument } from '../../../../src/core/model/types.ts';
import { corpusDocument } from '../../../helpers/corpus.ts';
import { op, pre, res } from '../../../helpers/builders.ts';
import { docxParts, paragraphs, type DocxParts } from './parts.ts';
import { lBase, lDraft } from './fixtures.ts';

const DATE = '2014-10-01T09:00:00Z';

/** The compact oracle: `<del>…</del><ins>…</ins>` per paragraph, `^n` for a footnote reference. */
function renderTracked(blocks: readonly TrackedBlock[]): string[] {
  return blocks.map((b) => {
    const text = b.pieces
      .map((p) => {
        const t = p.kind === 'text' ? p.text : p.kind === 'tab' ? ' ' : `^${p.index + 1}`;
        return p.change === 'inserted' ? `<ins>${t}</ins>` : p.change === 'deleted' ? `<del>${t}</del>` : t;
      })
      .join('')
      .replace(/<\/ins><ins>|<\/del><del>/g, '');
    return b.change ? `[${b.change}] ${text}` : text;
  });
}

function tracked(base: ResolutionDocument, draft: ResolutionDocument, engine: CompareEngine = compareEngine) {
  const baseNotes = exportFootnotes(base);
  const draftNotes = exportFootnotes(draft);
  return trackChanges(
    {
      base: documentBlocks(base),
      draft: documentBlocks(draft),
      baseSource: (k) => baseNotes[k]?.source ?? '',
      draftSource: (k) => draftNotes[k]?.source ?? '',
    },
    engine,
  );
}

/** What accept all / reject all must give back: structure and text, footnotes by source. */
function shape(doc: ResolutionDocument) {
  const j = toPublicJson(doc);
  return {
    title: j.title,
    formula: j.formula,
    preamble: j.preamble.map((p) => [p.text, p.footnotes.length]),
    operative: j.operative.map((p) => [p.label, p.text, p.footnotes.length, p.subparagraphs]),
    annex: j.annex,
    footnotes: j.footnotes.map((f) => f.resolved),
  };
}

describe('trackChanges', () => {
  it('marks an inserted paragraph, a changed verb and inserted subparagraphs, keeping the rest', () => {
    expect(renderTracked(tracked(lBase(), lDraft()))).toEqual([
      'Strengthening cooperation against the smuggling of migrants',
      'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
      'Recalling the United Nations Convention against Transnational Organized Crime,^1',
      '[inserted] <ins>Recalling also the Protocol against the Smuggling of Migrants by Land, Sea and Air,^2 and its resolution 5/3 of 22 October 2010,</ins>',
      '1. <del>Invites</del><ins>Urges</ins> States parties to implement the Protocol:',
      '(a) by criminalizing the smuggling of migrants;',
      '[inserted] <ins>(b) by protecting the rights of smuggled migrants:</ins>',
      '[inserted] <ins>(i) who are victims of crime;</ins>',
      '[inserted] <ins>(ii) who are children;</ins>',
      '2. Requests the Secretariat to report to the Conference at its eighth session.',
      'Annex',
      'Recommendations',
      'States parties should:',
      '(a) Exchange information;',
      '(b) Train officials.',
    ]);
  });

  it('shows renumbering as a change of the number only, the paragraph aligned by its text', () => {
    const base = res({
      operative: [op('Requests', 'the Office to act;'), op('Invites', 'States to report.')],
    });
    const draft = res({
      operative: [
        op('Notes', 'the report;'),
        op('Requests', 'the Office to act;'),
        op('Invites', 'States to report.'),
      ],
    });
    expect(renderTracked(tracked(base, draft)).slice(2)).toEqual([
      '[inserted] <ins>1. Notes the report;</ins>',
      '<del>1</del><ins>2</ins>. Requests the Office to act;',
      '<del>2</del><ins>3</ins>. Invites States to report.',
    ]);
  });

  it('replaces a changed opener whole, as the compare engine shows it', () => {
    const base = res({ preamble: [pre('Noting with appreciation', 'the report,')] });
    const draft = res({ preamble: [pre('Noting with satisfaction', 'the report,')] });
    expect(renderTracked(tracked(base, draft))[2]).toBe(
      '<del>Noting with appreciation</del><ins>Noting with satisfaction</ins> the report,',
    );
  });

  it('writes a moved paragraph as deleted where it stood and inserted where it stands', () => {
    const a = op('Requests', 'the Office to act on smuggling of migrants;');
    const b = op('Invites', 'States to report on firearms trafficking;');
    const c = op('Decides', 'to remain seized of the matter.');
    const rows = renderTracked(tracked(res({ operative: [a, b, c] }), res({ operative: [b, a, c] })));
    expect(rows.filter((r) => r.startsWith('['))).toHaveLength(2);
    expect(rows.filter((r) => r.startsWith('[deleted]')).length).toBe(1);
    expect(rows.filter((r) => r.startsWith('[inserted]')).length).toBe(1);
  });

  it('takes its alignment from the engine it is given (the CompareEngine interface)', () => {
    const byPosition: CompareEngine = {
      alignParagraphs: (base, draft) =>
        Array.from({ length: Math.max(base.length, draft.length) }, (_, k) => ({
          base: k < base.length ? k : null,
          draft: k < draft.length ? k : null,
        })),
      diffTokens: (a, b) => diffArrays([...a], [...b]),
    };
    const rows = renderTracked(
      tracked(
        res({ operative: [op('Requests', 'A;')] }),
        res({ operative: [op('Urges', 'B;'), op('Notes', 'C.')] }),
        byPosition,
      ),
    );
    expect(rows.slice(2)).toEqual([
      '<del>Requests A</del><ins>1. Urges B</ins>;',
      '[inserted] <ins>2. Notes C.</ins>',
    ]);
  });
});

describe('exportDocx with a base', () => {
  let bytes: Uint8Array;
  let parts: DocxParts;
  beforeAll(async () => {
    bytes = await exportDocx(lDraft(), { base: lBase(), date: DATE });
    parts = await docxParts(bytes);
  });

  it('writes real tracked changes, attributed to the first sponsor and dated as asked', () => {
    const marks = [
      ...parts.document.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"/g),
    ];
    expect(marks.length).toBeGreaterThan(5);
    expect(new Set(marks.map((m) => m[3]))).toEqual(new Set(['Mexico']));
    expect(new Set(marks.map((m) => m[4]))).toEqual(new Set([DATE]));
    const ids = marks.map((m) => Number(m[2]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts deleted text in w:delText inside w:del, inserted text inside w:ins', () => {
    expect(parts.document).toMatch(
      /<w:del [^>]*><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:delText xml:space="preserve">Invites<\/w:delText>/,
    );
    expect(parts.document).toMatch(
      /<w:ins [^>]*><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Urges<\/w:t>/,
    );
  });

  it('marks the paragraph mark of an inserted paragraph, so reject all removes the paragraph itself', () => {
    const inserted = paragraphs(parts.document).filter((p) => /<w:pPr>.*<w:rPr><w:ins /.test(p.xml));
    expect(inserted.map((p) => p.text)).toEqual([
      'Recalling also the Protocol against the Smuggling of Migrants by Land, Sea and Air, and its resolution 5/3 of 22 October 2010,',
      '(b)\tby protecting the rights of smuggled migrants:',
      '(i)\twho are victims of crime;',
      '(ii)\twho are children;',
    ]);
  });

  it('inserts a footnote reference with its paragraph', () => {
    expect(parts.document).toMatch(
      /<w:ins [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="2"\/>/,
    );
  });

  it('turns track changes on for the rest of the negotiation', () => {
    expect(parts.settings).toContain('<w:trackRevisions/>');
  });

  it('gives the draft when all changes are accepted and the base when all are rejected', async () => {
    const accepted = await importDocx(bytes);
    const rejected = await importDocx(bytes, { revisions: 'reject' });
    if (!accepted.ok || !rejected.ok) throw new Error('import failed');
    expect(shape(accepted.documents[0]!)).toEqual(shape(lDraft()));
    expect(shape(rejected.documents[0]!)).toEqual(shape(lBase()));
  });

  it('attributes the changes to the author given instead of the sponsor', async () => {
    const p = await docxParts(await exportDocx(lDraft(), { base: lBase(), date: DATE, author: 'Peru' }));
    expect(p.document).toContain('w:author="Peru"');
    expect(p.document).not.toContain('w:author="Mexico"');
  });
});

describe('exportDocx of a revision of resolution 6/1', () => {
  it('keeps deleted footnotes for reject all, and accept all / reject all give the draft and the base', async () => {
    const base = corpusDocument('resolution', '6/1');
    const ops = base.operative.map(({ label: _label, ...p }) => p);
    const draft: ResolutionDocument = {
      ...base,
      metadata: { sponsors: ['Mexico'] },
      preamble: base.preamble.filter((_, k) => k !== 1), // drops footnote 1's paragraph
      footnotes: base.footnotes.filter((f) => f.number !== 1),
      operative: [ops[0]!, ops[2]!, ops[1]!, ...ops.slice(3)], // swaps OP2 and OP3
    };
    const bytes = await exportDocx(draft, { base, date: DATE });
    const parts = await docxParts(bytes);
    expect(parts.document).toMatch(
      /<w:del [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="8"\/>/,
    );
    expect(parts.footnotes).toContain('<w:footnote w:id="8">');
    const accepted = await importDocx(bytes);
    const rejected = await importDocx(bytes, { revisions: 'reject' });
    if (!accepted.ok || !rejected.ok) throw new Error('import failed');
    expect(shape(accepted.documents[0]!)).toEqual(
      shape({ ...draft, number: undefined } as ResolutionDocument),
    );
    expect(shape(rejected.documents[0]!)).toEqual(shape(base));
  });
});
