/**
 * The Word export of the structures of General Assembly texts, read from document.xml: a preambular
 * paragraph's list in the subparagraph style under it, each section's number centred and its heading
 * centred in bold before its own paragraphs, numbered as printed, the annex's headings between its
 * items; and tracked changes against a base that has sections, which lose and reorder nothing.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentBlocks, type Block } from '../../../../src/core/export/docx/blocks.ts';
import { compareEngine, exactCompareEngine } from '../../../../src/core/export/docx/compare-engine.ts';
import { exportDocx } from '../../../../src/core/export/docx/docx.ts';
import { STYLE } from '../../../../src/core/export/docx/styles.ts';
import {
  trackChanges,
  unitText,
  type CompareEngine,
  type TrackedBlock,
} from '../../../../src/core/export/docx/tracked.ts';
import type { ResolutionDocument, Section } from '../../../../src/core/model/types.ts';
import { arbDocument } from '../../../helpers/arbitraries.ts';
import { annex, inl, op, pre, res, sub } from '../../../helpers/builders.ts';
import { gaDocument } from '../../../helpers/ga.ts';
import { docxParts, paragraphs, type DocxParts } from './parts.ts';

const DATE = '2024-12-06T10:00:00Z';

function section(
  number: string,
  heading: string,
  parts: Partial<Omit<Section, 'number' | 'heading'>>,
): Section {
  return { number, heading, preamble: [], operative: [], ...parts };
}

const OMNIBUS = res({
  title: 'Internal oversight',
  formula: 'The General Assembly,',
  preamble: [
    {
      ...pre('Recalling', 'its resolution 77/1, in which it decided:{fn:f1}'),
      subparagraphs: [sub('To strengthen oversight;', [sub('at once;')]), sub('To report annually,')],
    },
  ],
  sections: [
    section('I', 'Activities of the Office of Internal Oversight Services', {
      preamble: [pre('Having considered', 'the report of the Office,')],
      operative: [
        op('Reaffirms', 'its primary role;', [], '1'),
        op('Requests', 'the Secretary-General:', [sub('to act;'), sub('to report;')], '2'),
      ],
    }),
    section('II', 'Activities of the Independent Audit Advisory Committee', {
      preamble: [pre('Having considered', 'the report of the Committee,')],
      operative: [op('Notes with appreciation', 'the work of the Committee.', [], '1')],
    }),
  ],
  annex: {
    title: 'Terms of reference',
    intro: [],
    items: [sub('The Committee shall advise;'), sub('The Committee shall report.')],
    headings: [
      { before: 0, number: 'I', heading: 'Purpose' },
      { before: 1, number: '', heading: 'Reporting' },
    ],
  },
  footnotes: [{ id: 'f1', content: inl('Resolution 77/1.') }],
});

const style = (id: string): string => Object.entries(STYLE).find(([, s]) => s.id === id)?.[0] ?? id;

describe('exportDocx of an omnibus resolution with a preambular list and annex headings', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await docxParts(await exportDocx(OMNIBUS));
  });

  it('prints every paragraph in order, each in its UN style', () => {
    expect(paragraphs(parts.document).map((p) => `${style(p.style)}: ${p.text}`)).toEqual([
      'title: Internal oversight',
      'formula: The General Assembly,',
      'preambular: Recalling its resolution 77/1, in which it decided:',
      'subparagraph: (a)\tTo strengthen oversight;',
      'subsubparagraph: (i)\tat once;',
      'subparagraph: (b)\tTo report annually,',
      'sectionNumber: I',
      'sectionHeading: Activities of the Office of Internal Oversight Services',
      'preambular: Having considered the report of the Office,',
      'operative: 1.\tReaffirms its primary role;',
      'operative: 2.\tRequests the Secretary-General:',
      'subparagraph: (a)\tto act;',
      'subparagraph: (b)\tto report;',
      'sectionNumber: II',
      'sectionHeading: Activities of the Independent Audit Advisory Committee',
      'preambular: Having considered the report of the Committee,',
      'operative: 1.\tNotes with appreciation the work of the Committee.',
      'annexHeading: Annex',
      'annexTitle: Terms of reference',
      'sectionNumber: I',
      'sectionHeading: Purpose',
      'annexItem: (a)\tThe Committee shall advise;',
      'sectionHeading: Reporting',
      'annexItem: (b)\tThe Committee shall report.',
    ]);
  });

  it('centres the section number and the heading, the heading in bold, both kept with what follows', () => {
    const styleXml = (key: keyof typeof STYLE): string =>
      new RegExp(`<w:style [^>]*w:styleId="${STYLE[key].id}"[\\s\\S]*?</w:style>`).exec(parts.styles)?.[0] ??
      '';
    for (const key of ['sectionNumber', 'sectionHeading'] as const) {
      expect(styleXml(key)).toContain(`<w:name w:val="${STYLE[key].name}"/>`);
      expect(styleXml(key)).toContain('<w:jc w:val="center"/>');
      expect(styleXml(key)).toContain('<w:keepNext/>');
    }
    expect(styleXml('sectionHeading')).toMatch(/<w:b\/>/);
    expect(styleXml('sectionNumber')).not.toMatch(/<w:b\/>/);
  });

  it('keeps the footnote of the paragraph that lists (a), (b) and puts the opener in italics', () => {
    expect(parts.document).toContain('<w:footnoteReference w:id="1"/>');
    const recalling = paragraphs(parts.document).find((p) => p.text.startsWith('Recalling'));
    expect(recalling?.xml).toMatch(/<w:i\/>.*<w:t xml:space="preserve">Recalling<\/w:t>/s);
  });
});

describe('exportDocx of resolutions of the Assembly', () => {
  it.each(['A_RES_78_247', 'A_RES_78_253', 'A_RES_78_29', 'A_RES_78_1'])(
    'prints every paragraph, heading and list item of %s',
    async (name) => {
      const doc = gaDocument(name);
      const printed = paragraphs((await docxParts(await exportDocx(doc))).document);
      const count = (d: ResolutionDocument): number => {
        const subs = (list: readonly { subparagraphs: readonly unknown[] }[]): number =>
          list.reduce((n, s) => n + 1 + subs(s.subparagraphs as typeof list), 0);
        const part = (s: Pick<Section, 'preamble' | 'operative'>): number =>
          s.preamble.reduce((n, p) => n + 1 + subs(p.subparagraphs ?? []), 0) +
          s.operative.reduce((n, p) => n + 1 + subs(p.subparagraphs), 0);
        return (
          (d.number ? 1 : 0) +
          (d.title ? 1 : 0) +
          (d.formula ? 1 : 0) +
          part(d) +
          (d.sections ?? []).reduce((n, s) => n + (s.number ? 1 : 0) + (s.heading ? 1 : 0) + part(s), 0) +
          (d.annex
            ? (d.kind === 'resolution' ? 1 : 0) +
              (d.annex.title ? 1 : 0) +
              (d.annex.intro.length ? 1 : 0) +
              subs(d.annex.items) +
              (d.annex.headings ?? []).reduce((n, h) => n + (h.number ? 1 : 0) + (h.heading ? 1 : 0), 0)
            : 0)
        );
      };
      // The masthead is printed only for drafts; the footnote texts are in footnotes.xml.
      expect(printed.length).toBe(count(doc));
      const texts = printed.map((p) => p.text).join('\n');
      for (const s of doc.sections ?? []) if (s.heading) expect(texts).toContain(s.heading);
    },
  );
});

/** What Word shows after accept all (draft) or reject all (base): each kept paragraph's text. */
function resolve(blocks: readonly TrackedBlock[], choice: 'accept' | 'reject'): string[] {
  const dropped = choice === 'accept' ? 'deleted' : 'inserted';
  return blocks
    .filter((b) => b.change !== dropped)
    .map((b) =>
      b.pieces
        .filter((p) => p.change !== dropped)
        .map((p) => (p.kind === 'text' ? p.text : p.kind === 'tab' ? '\t' : '^'))
        .join(''),
    );
}

function printedTexts(blocks: readonly Block[]): string[] {
  return blocks.map((b) =>
    b.pieces.map((p) => (p.kind === 'text' ? p.text : p.kind === 'tab' ? '\t' : '^')).join(''),
  );
}

function tracked(
  base: ResolutionDocument,
  draft: ResolutionDocument,
  engine: CompareEngine = compareEngine,
): TrackedBlock[] {
  return trackChanges(
    {
      base: documentBlocks(base),
      draft: documentBlocks(draft),
      baseSource: (k) => `source ${k}`,
      draftSource: (k) => `source ${k}`,
    },
    engine,
  );
}

describe('tracked changes against a base with sections', () => {
  it('tracks a change in section II in section II, and accept all / reject all give the draft and the base', () => {
    const base = gaDocument('A_RES_78_247');
    const sections = base.sections ?? [];
    const second = sections[1];
    if (!second) throw new Error('setup');
    const draft: ResolutionDocument = {
      ...base,
      sections: [
        sections[0]!,
        {
          ...second,
          operative: [
            { ...second.operative[0]!, opener: 'Welcomes' },
            ...second.operative.slice(1),
            op('Decides', 'to remain seized of the matter.', [], String(second.operative.length + 1)),
          ],
        },
      ],
    };
    const blocks = tracked(base, draft);
    expect(resolve(blocks, 'accept')).toEqual(printedTexts(documentBlocks(draft)));
    expect(resolve(blocks, 'reject')).toEqual(printedTexts(documentBlocks(base)));
    const changed = blocks.filter((b) => b.change !== undefined || b.pieces.some((p) => p.change));
    expect(changed.map((b) => unitText({ part: 'operative', style: b.style, pieces: b.pieces }))).toEqual([
      expect.stringContaining('Notes with appreciationWelcomes'),
      'Decides to remain seized of the matter.',
    ]);
  });

  it('inserts a new section whole and still pairs the sections after it with their own', () => {
    const base = res({
      sections: [
        section('I', 'Oversight', { operative: [op('Notes', 'the report;', [], '1')] }),
        section('II', 'Audit', { operative: [op('Welcomes', 'the work;', [], '1')] }),
      ],
    });
    const draft = res({
      sections: [
        section('I', 'Oversight', { operative: [op('Notes', 'the report;', [], '1')] }),
        section('II', 'Evaluation', { operative: [op('Requests', 'an evaluation;', [], '1')] }),
        section('III', 'Audit', { operative: [op('Welcomes', 'the work;', [], '1')] }),
      ],
    });
    const blocks = tracked(base, draft);
    const inserted = blocks.filter((b) => b.change === 'inserted').map((b) => resolve([b], 'accept')[0]);
    expect(inserted).toEqual(['II', 'Evaluation', '1.\tRequests an evaluation;']);
    expect(resolve(blocks, 'accept')).toEqual(printedTexts(documentBlocks(draft)));
    expect(resolve(blocks, 'reject')).toEqual(printedTexts(documentBlocks(base)));
  });

  it('writes a .docx of it, with its sections, without throwing', async () => {
    const base = gaDocument('A_RES_78_253');
    const draft = { ...base, sections: (base.sections ?? []).slice(1) };
    const parts = await docxParts(await exportDocx(draft, { base, date: DATE }));
    expect(parts.document).toContain('w:del ');
    expect(paragraphs(parts.document).some((p) => p.style === STYLE.sectionHeading.id)).toBe(true);
  });

  it('gives the draft on accept all and the base on reject all for any two documents with the structures (property)', () => {
    fc.assert(
      fc.property(
        arbDocument({ structures: true, text: 'printable', maxItems: 3 }),
        arbDocument({ structures: true, text: 'printable', maxItems: 3 }),
        (base, draft) => {
          // Every mark tracked: the default engine keeps the draft's typography on reject all.
          const blocks = tracked(base, draft, exactCompareEngine);
          expect(resolve(blocks, 'accept')).toEqual(printedTexts(documentBlocks(draft)));
          expect(resolve(blocks, 'reject')).toEqual(printedTexts(documentBlocks(base)));
          // The default engine gives the draft to the letter on accept all.
          expect(resolve(tracked(base, draft), 'accept')).toEqual(printedTexts(documentBlocks(draft)));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('tracked changes whatever order the aligner gives its pairs in', () => {
  it('gives the draft on accept all when an annex title is added above an item reworded into the intro (found by the property above)', () => {
    const base = res({
      title: '',
      formula: '',
      annex: annex('', [{ content: inl('Requests Convention, the States parties'), subparagraphs: [] }]),
    });
    const draft = res({
      title: '',
      formula: '',
      annex: annex('Requests Convention, the', [], 'Requests Convention, States parties'),
    });
    for (const engine of [exactCompareEngine, compareEngine]) {
      const blocks = tracked(base, draft, engine);
      expect(resolve(blocks, 'accept')).toEqual(printedTexts(documentBlocks(draft)));
      expect(resolve(blocks, 'reject')).toEqual(printedTexts(documentBlocks(base)));
    }
  });
});
