import { SCHEMA_VERSION } from '../../src/core/model/types.ts';
import fc from 'fast-check';
import { $createLineBreakNode, $createTextNode, $getRoot, $isElementNode, IS_ITALIC } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { normalizeForEditor } from '../../src/editor/bridge/normalize.ts';
import { $createOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { $createReferenceNode } from '../../src/editor/nodes/ReferenceNode.ts';
import { arbDocument } from '../helpers/arbitraries.ts';
import { annex, COP_ORGAN, fn, inl, op, pre, res, sub } from '../helpers/builders.ts';
import { createTestEditor, load, outline, update } from './testEditor.ts';

function roundTrip(doc: ResolutionDocument, options: { transforms?: boolean } = {}): ResolutionDocument {
  const editor = createTestEditor(options);
  load(editor, doc);
  return editor.read(() => $exportResolution(doc));
}

/** Resolution 6/1-like fixture: openers, italics, footnotes, nested subparagraphs, labels, an annex. */
const sample = res({
  number: '6/1',
  title: 'Ensuring effective implementation of the Convention',
  metadata: { symbol: 'CTOC/COP/2012/L.4/Rev.2', sponsors: ['Mexico', 'Peru'] },
  preamble: [
    pre('Recalling', 'the United Nations Convention against Transnational Organized Crime,{fn:f1}'),
    pre('Recalling also', 'its resolution 5/1 of 22 October 2010,'),
  ],
  operative: [
    op('Urges', 'States parties to implement the Convention;{fn:f1}', [], '1'),
    op(
      'Requests',
      'the Secretariat:',
      [
        sub('to report;', [sub('annually;', [], '(i)'), sub('in writing;', [], '(ii)')], '(a)'),
        sub('to assist.', [], '(b)'),
      ],
      '2',
    ),
    op('Decides', 'to adopt the recommendations annexed to the present resolution.', [], '2 bis'),
  ],
  annex: annex(
    'Recommendations',
    [sub('States should act;', [sub('promptly.')])],
    'The Conference *recommends*:{fn:f2}',
  ),
  footnotes: [
    fn('f2', 'United Nations, *Treaty Series*, vol. 2237, No. 39574.', undefined, 2),
    fn('f1', 'Ibid., vol. 2225, No. 39574.', 'United Nations, Treaty Series, vol. 2225, No. 39574.', 1),
    fn('f3', 'Never referenced.'),
  ],
});

describe('$importResolution', () => {
  it('lays the document out as registry.ts describes, numbered by position', () => {
    const editor = createTestEditor();
    load(editor, sample);
    expect(outline(editor)).toBe(
      [
        'title: Ensuring effective implementation of the Convention',
        `formula: The ${COP_ORGAN},`,
        'PP <Recalling> the United Nations Convention against Transnational Organized Crime,^1',
        'PP <Recalling also> its resolution 5/1 of 22 October 2010,',
        'OP 1. <Urges> States parties to implement the Convention;^1',
        'OP 2. <Requests> the Secretariat:',
        '  (a) to report;',
        '    (i) annually;',
        '    (ii) in writing;',
        '  (b) to assist.',
        'OP 3. <Decides> to adopt the recommendations annexed to the present resolution.',
        'ANNEX',
        '  title: Recommendations',
        '  intro: The Conference *recommends*:^2',
        '    (a) States should act;',
        '      (i) promptly.',
        'FOOTNOTES',
        '  1 [f1] Ibid., vol. 2225, No. 39574.',
        '  2 [f2] United Nations, *Treaty Series*, vol. 2237, No. 39574.',
        '  0 [f3] Never referenced.',
      ].join('\n'),
    );
  });

  it('numbers the document even when no transform is registered', () => {
    const editor = createTestEditor({ transforms: false });
    load(editor, sample);
    expect(outline(editor)).toContain('OP 3. <Decides>');
    expect(outline(editor)).toContain('    (ii) in writing;');
    expect(outline(editor)).toContain('  2 [f2] United');
  });

  it('replaces whatever the editor held', () => {
    const editor = createTestEditor();
    load(editor, sample);
    load(editor, res({ title: 'Second', formula: 'F,', operative: [op('Decides', 'x.')] }));
    expect(outline(editor)).toBe(['title: Second', 'formula: F,', 'OP 1. <Decides> x.'].join('\n'));
  });

  it('writes one space between opener and content, none before closing punctuation', () => {
    const editor = createTestEditor();
    load(
      editor,
      res({
        title: 'T',
        formula: 'F,',
        preamble: [
          pre('Recalling', 'its resolution 5/1,'),
          pre('Recalling', ', in particular, 5/2,'),
          pre('Noting', '{fn:a}x,'),
        ],
        footnotes: [fn('a', 'Source.')],
      }),
    );
    expect(outline(editor)).toBe(
      [
        'title: T',
        'formula: F,',
        'PP <Recalling> its resolution 5/1,',
        'PP <Recalling>, in particular, 5/2,',
        'PP <Noting> ^1x,',
        'FOOTNOTES',
        '  1 [a] Source.',
      ].join('\n'),
    );
  });
});

describe('$exportResolution', () => {
  it('gives back the imported document, with labels left to position', () => {
    const exported = roundTrip(sample);
    expect(exported).toStrictEqual(normalizeForEditor(sample));
    expect(exported.operative.map((p) => p.label)).toEqual([undefined, undefined, undefined]);
    expect(exported.operative[1]?.subparagraphs[0]?.subparagraphs.map((s) => s.label)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('keeps the opener apart from its content', () => {
    const exported = roundTrip(sample);
    expect(exported.preamble[1]).toEqual({
      opener: 'Recalling also',
      content: inl('its resolution 5/1 of 22 October 2010,'),
    });
  });

  it('writes the footnotes in order of first reference, unreferenced ones last', () => {
    expect(roundTrip(sample).footnotes.map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
  });

  it('takes kind, number, organ and metadata from base, and defaults them without one', () => {
    const editor = createTestEditor();
    load(editor, sample);
    const exported = editor.read(() =>
      $exportResolution({ kind: 'decision', number: '6/3', organ: 'The organ', metadata: { symbol: 'X' } }),
    );
    expect([exported.kind, exported.number, exported.organ, exported.metadata]).toEqual([
      'decision',
      '6/3',
      'The organ',
      { symbol: 'X' },
    ]);
    const bare = editor.read(() => $exportResolution());
    expect([bare.kind, 'number' in bare, bare.organ, bare.metadata, bare.schemaVersion]).toEqual([
      'resolution',
      false,
      '',
      {},
      SCHEMA_VERSION,
    ]);
    expect(bare.title).toBe(sample.title);
  });

  it('follows the edits: a paragraph inserted in the middle is exported in its place', () => {
    const editor = createTestEditor();
    load(editor, sample);
    update(editor, () => {
      const first = $getRoot().getChildAtIndex(4);
      first?.insertAfter($createOperativeParagraphNode().append($createTextNode('New paragraph;')));
    });
    const exported = editor.read(() => $exportResolution(sample));
    expect(exported.operative.map((p) => p.opener)).toEqual(['Urges', '', 'Requests', 'Decides']);
    expect(exported.operative[1]).toEqual({ opener: '', content: inl('New paragraph;'), subparagraphs: [] });
  });

  it('writes a mention as its text, a line break as "\\n" and keeps italics', () => {
    const editor = createTestEditor();
    load(editor, res({ preamble: [pre('Recalling', '')] }));
    update(editor, () => {
      const paragraph = $getRoot().getChildAtIndex(2);
      if (!$isElementNode(paragraph)) throw new Error('setup');
      paragraph.append(
        $createTextNode(' the '),
        $createReferenceNode('instrument', 'untoc').append(
          $createTextNode('Convention in the '),
          $createTextNode('Treaty Series').setFormat(IS_ITALIC),
        ),
        $createLineBreakNode(),
        $createTextNode('next line,'),
      );
    });
    const exported = editor.read(() => $exportResolution());
    expect(exported.preamble[0]).toEqual({
      opener: 'Recalling',
      content: inl('the Convention in the *Treaty Series*\nnext line,'),
    });
  });

  it('gives back the same document after the editor state went through its JSON', () => {
    const editor = createTestEditor();
    load(editor, sample);
    const restored = createTestEditor();
    restored.setEditorState(restored.parseEditorState(editor.getEditorState().toJSON()));
    expect(restored.read(() => $exportResolution(sample))).toStrictEqual(normalizeForEditor(sample));
  });

  it('reads an orphan subparagraph as an operative paragraph, as the transform would repair it', () => {
    const editor = createTestEditor({ transforms: false });
    load(editor, res({ operative: [op('Requests', 'the Office:', [sub('x;'), sub('y.')])] }));
    update(editor, () => $getRoot().getChildAtIndex(2)?.remove());
    expect(editor.read(() => $exportResolution()).operative).toEqual([
      { opener: '', content: inl('x;'), subparagraphs: [{ content: inl('y.'), subparagraphs: [] }] },
    ]);
  });
});

describe('round trip (property)', () => {
  it('import → export gives back normalizeForEditor(doc) for any valid document', () => {
    fc.assert(
      fc.property(arbDocument(), (doc) => {
        expect(roundTrip(doc)).toStrictEqual(normalizeForEditor(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('holds for four levels of subparagraphs and without the transforms', () => {
    fc.assert(
      fc.property(arbDocument({ maxDepth: 4, text: 'printable' }), (doc) => {
        expect(roundTrip(doc, { transforms: false })).toStrictEqual(normalizeForEditor(doc));
      }),
      { numRuns: 100 },
    );
  });
});

describe('normalizeForEditor', () => {
  it('drops operative and subparagraph labels', () => {
    const normalized = normalizeForEditor(
      res({ operative: [op('Decides', 'x:', [sub('y.', [sub('z.', [], '(i)')], '(a)')], '5 bis')] }),
    );
    expect(normalized.operative).toEqual([
      {
        opener: 'Decides',
        content: inl('x:'),
        subparagraphs: [{ content: inl('y.'), subparagraphs: [{ content: inl('z.'), subparagraphs: [] }] }],
      },
    ]);
    expect('label' in (normalized.operative[0] ?? {})).toBe(false);
  });

  it('orders footnotes by first reference and merges adjacent runs of one style', () => {
    const normalized = normalizeForEditor(
      res({
        preamble: [pre('Recalling', 'a{fn:b}'), pre('Noting', 'c{fn:a}')],
        footnotes: [fn('z', 'Unreferenced.'), fn('a', 'A.'), fn('b', 'B.')],
        annex: {
          title: 'T',
          intro: [
            { type: 'text', text: 'x' },
            { type: 'text', text: 'y', italic: false },
          ],
          items: [],
        },
      }),
    );
    expect(normalized.footnotes.map((f) => f.id)).toEqual(['b', 'a', 'z']);
    expect(normalized.annex?.intro).toEqual([{ type: 'text', text: 'xy' }]);
  });

  it('changes nothing in a document it has already normalized', () => {
    fc.assert(
      fc.property(arbDocument(), (doc) => {
        const once = normalizeForEditor(doc);
        expect(normalizeForEditor(once)).toStrictEqual(once);
      }),
      { numRuns: 100 },
    );
  });
});
