import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import { createSharedEditor, readSharedDocument, writeSharedDocument } from '../../src/collab/headless.ts';
import { SHARED_ROOT } from '../../src/collab/layout.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { $createOpenerNode } from '../../src/editor/nodes/OpenerNode.ts';
import {
  $createOperativeParagraphNode,
  $isOperativeParagraphNode,
} from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { $createSubparagraphNode } from '../../src/editor/nodes/SubparagraphNode.ts';
import { registerStructureTransforms } from '../../src/editor/transforms/structure.ts';
import { annex, fn, op, pre, res, sub } from '../helpers/builders.ts';
import { gaDocument } from '../helpers/ga.ts';
import { createTestEditor, load, outline, update } from '../editor/testEditor.ts';

/** What the editor makes of `doc` on its own: the reference a shared round trip must equal. */
function throughEditor(doc: ResolutionDocument): ResolutionDocument {
  const editor = createTestEditor();
  load(editor, doc);
  return editor.getEditorState().read(() =>
    $exportResolution({
      kind: doc.kind,
      organ: doc.organ,
      metadata: doc.metadata,
      ...(doc.number ? { number: doc.number } : {}),
    }),
  );
}

const WITH_EVERYTHING = res({
  title: 'Strengthening international cooperation',
  preamble: [pre('Recalling', 'its resolution 5/1,{fn:a}'), pre('Noting', 'the report:')],
  operative: [
    op('Requests', 'the Office:', [sub('to report;', [sub('yearly;')]), sub('to assist.')]),
    op('Decides', 'to remain seized of the matter.{fn:b}'),
  ],
  annex: annex('Recommendations', [sub('first item;'), sub('second item.')], 'The Conference recommends:'),
  footnotes: [fn('a', 'United Nations, *Treaty Series*, vol. 2225, No. 39574.'), fn('b', 'A/79/1.')],
  metadata: { symbol: 'CTOC/COP/2026/L.1' },
});

describe('a shared draft in a Yjs document', () => {
  it('reads back the resolution written into it, as the editor holds it', () => {
    for (const doc of [WITH_EVERYTHING, gaDocument('A_RES_79_16')]) {
      const ydoc = new Y.Doc();
      writeSharedDocument(ydoc, doc);
      // Through the wire, as a peer receives it.
      const peer = new Y.Doc();
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
      expect(readSharedDocument(peer)).toEqual(throughEditor(doc));
    }
  });

  it('is no shared draft without its header', () => {
    expect(readSharedDocument(new Y.Doc())).toBeNull();
  });

  it('keeps the derived numbers out of the shared document, and the typed ones in', () => {
    const ydoc = new Y.Doc();
    writeSharedDocument(ydoc, WITH_EVERYTHING);
    const attributes: Record<string, unknown>[] = [];
    const visit = (text: Y.XmlText): void => {
      attributes.push(text.getAttributes());
      for (const op of text.toDelta() as { insert: unknown }[])
        if (op.insert instanceof Y.XmlText) visit(op.insert);
    };
    visit(ydoc.get(SHARED_ROOT, Y.XmlText));
    const types = attributes.map((a) => a.__type);
    expect(types).toContain('res-operative');
    expect(types).toContain('res-sub');
    expect(types).toContain('res-footnote');
    for (const a of attributes) {
      if (a.__type === 'res-operative' || a.__type === 'res-footnote')
        expect(a).not.toHaveProperty('__number');
      if (a.__type === 'res-sub') {
        expect(a).not.toHaveProperty('__label');
        expect(a).toHaveProperty('__level');
      }
    }
  });
});

interface Peer {
  readonly doc: Y.Doc;
  readonly editor: LexicalEditor;
  readonly outbox: Uint8Array[];
}

/** A peer as the browser runs one: the binding plus the structure transforms of the page. */
function peer(start: Uint8Array): Peer {
  const doc = new Y.Doc();
  const shared = createSharedEditor(doc);
  // As the page does: the structure transforms only once the shared text has arrived, or they would
  // write a title and formula of their own into the empty document.
  Y.applyUpdate(doc, start, 'remote');
  registerStructureTransforms(shared.editor);
  update(shared.editor, () => undefined);
  const outbox: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') outbox.push(u);
  });
  return { doc, editor: shared.editor, outbox };
}

function deliver(from: Peer, to: Peer): void {
  // Applied as the provider applies them: no local update follows that would run the transforms.
  for (const u of from.outbox.splice(0)) Y.applyUpdate(to.doc, u, 'remote');
}

/** Inserts a new operative paragraph after the `after`th one (from 1), as typing Enter then text does. */
function insertOperative(editor: LexicalEditor, after: number, opener: string, text: string): void {
  update(editor, () => {
    const target = $getRoot().getChildren().filter($isOperativeParagraphNode)[after - 1];
    if (!target) throw new Error(`no OP${after}`);
    let anchor = target;
    for (
      let next = anchor.getNextSibling();
      next && !$isOperativeParagraphNode(next);
      next = next.getNextSibling()
    )
      if (next.getType() === 'res-sub') anchor = next as never;
      else break;
    const paragraph = $createOperativeParagraphNode().append(
      $createOpenerNode(opener),
      $createTextNode(` ${text}`),
    );
    anchor.insertAfter(paragraph);
  });
}

describe('structure under concurrency', () => {
  const start = (): Uint8Array => {
    const ydoc = new Y.Doc();
    writeSharedDocument(ydoc, WITH_EVERYTHING);
    return Y.encodeStateAsUpdate(ydoc);
  };

  it('numbers paragraphs the same on both peers whatever order their inserts arrive in', () => {
    const state = start();
    for (const order of ['a-first', 'b-first'] as const) {
      const a = peer(state);
      const b = peer(state);
      insertOperative(a.editor, 1, 'Urges', 'Member States to act;');
      insertOperative(b.editor, 1, 'Invites', 'donors to contribute;');
      insertOperative(b.editor, 3, 'Encourages', 'the Office to continue;');
      if (order === 'a-first') {
        deliver(a, b);
        deliver(b, a);
      } else {
        deliver(b, a);
        deliver(a, b);
      }
      expect(outline(a.editor)).toBe(outline(b.editor));
      const numbers = [...outline(a.editor).matchAll(/^OP (\d+)\./gm)].map((m) => Number(m[1]));
      expect(numbers).toEqual([1, 2, 3, 4, 5]);
      // Subparagraph labels stay with their paragraph.
      expect(outline(a.editor)).toMatch(
        /OP 1\. <Requests> the Office:\n {2}\(a\) to report;\n {4}\(i\) yearly;\n {2}\(b\) to assist\./,
      );
    }
  });

  it('letters a subparagraph added by each peer to the same paragraph the same way on both', () => {
    const state = start();
    const a = peer(state);
    const b = peer(state);
    for (const [editor, text] of [
      [a.editor, 'to publish;'],
      [b.editor, 'to translate;'],
    ] as const)
      update(editor, () => {
        const first = $getRoot().getChildren().find($isOperativeParagraphNode);
        first?.insertAfter($createSubparagraphNode(1).append($createTextNode(text)));
      });
    deliver(a, b);
    deliver(b, a);
    expect(outline(a.editor)).toBe(outline(b.editor));
    const labels = [...outline(a.editor).matchAll(/^ {2}\((\w+)\) /gm)].map((m) => m[1]);
    expect(labels.slice(0, 4)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('typing into one text at once', () => {
  /** Types `ch` at the peer's caret in OP2, putting the caret at `offset` of its text first if it has none there. */
  function typeAt(editor: LexicalEditor, offset: number, ch: string): void {
    update(editor, () => {
      const paragraph = $getRoot().getChildren().filter($isOperativeParagraphNode)[1];
      const text = paragraph?.getChildren().filter($isTextNode)[1];
      if (!paragraph || !text) throw new Error('no OP2 text');
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || !paragraph.isParentOf(selection.anchor.getNode()))
        text.select(offset, offset);
      const caret = $getSelection();
      if ($isRangeSelection(caret)) caret.insertText(ch);
    });
  }

  it('keeps every letter of two peers typing in one text node, whatever the order of delivery', () => {
    const ydoc = new Y.Doc();
    writeSharedDocument(ydoc, gaDocument('A_RES_79_16'));
    const state = Y.encodeStateAsUpdate(ydoc);
    const original =
      gaDocument('A_RES_79_16')
        .operative[1]?.content.map((i) => ('text' in i ? i.text : ''))
        .join('') ?? '';
    for (let seed = 1; seed <= 15; seed++) {
      let r = seed;
      const random = (): number => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
      const a = peer(state);
      const b = peer(state);
      const typedA = 'alpha bravo ';
      const typedB = ' xray yankee';
      let i = 0;
      let j = 0;
      while (i < typedA.length || j < typedB.length || a.outbox.length > 0 || b.outbox.length > 0) {
        const x = random();
        if (x < 0.3 && i < typedA.length) typeAt(a.editor, 1, typedA[i++] ?? '');
        else if (x < 0.6 && j < typedB.length) typeAt(b.editor, 60, typedB[j++] ?? '');
        else if (x < 0.8)
          for (const u of a.outbox.splice(0, Math.ceil(random() * 3))) Y.applyUpdate(b.doc, u, 'remote');
        else for (const u of b.outbox.splice(0, Math.ceil(random() * 3))) Y.applyUpdate(a.doc, u, 'remote');
      }
      const line = (editor: LexicalEditor) =>
        outline(editor)
          .split('\n')
          .find((l) => l.startsWith('OP 2')) ?? '';
      expect(line(a.editor), `seed ${seed}`).toBe(line(b.editor));
      // Every letter of the original and of both typists is there, and A's words stay whole.
      const letters = (text: string) => [...text.replace(/\s/g, '')].sort().join('');
      expect(letters(line(a.editor)), `seed ${seed}`).toBe(
        letters(`OP 2. <${'Calls upon'}>${original}${typedA}${typedB}`),
      );
      expect(line(a.editor)).toContain('alpha bravo');
    }
  });
});
