import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import fc from 'fast-check';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { LIMITS, validateDocument } from '../../src/core/model/validate.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { $createOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { $createPreambularParagraphNode } from '../../src/editor/nodes/PreambularParagraphNode.ts';
import { registerLimits } from '../../src/editor/plugins/limits/registerLimits.ts';
import { fn, op, pre, res } from '../helpers/builders.ts';
import { createTestEditor, load, update } from './testEditor.ts';

const teardowns: (() => void)[] = [];
afterEach(() => {
  while (teardowns.length) teardowns.pop()?.();
});

function guarded(doc: ResolutionDocument): { editor: LexicalEditor; messages: string[] } {
  const editor = createTestEditor();
  load(editor, doc);
  const history = createEmptyHistoryState();
  const messages: string[] = [];
  teardowns.push(
    registerHistory(editor, history, 0),
    registerLimits(editor, { history, onMessage: (text) => messages.push(text) }),
  );
  return { editor, messages };
}

const exported = (editor: LexicalEditor): ResolutionDocument =>
  editor.read(() => $exportResolution({ kind: 'resolution', organ: 'General Assembly', metadata: {} }));

/** Types `text` at the end of the `index`-th child of the root. */
function typeAtEnd(editor: LexicalEditor, index: number, text: string): void {
  update(editor, () => {
    const block = $getRoot().getChildAtIndex(index);
    if (!$isElementNode(block)) throw new Error(`no block at ${index}`);
    block.selectEnd();
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.insertText(text);
  });
}

describe('registerLimits', () => {
  it('refuses a title typed past 2,000 characters, says why, and keeps the title as it was', () => {
    const { editor, messages } = guarded(
      res({ title: 'x'.repeat(1_990), operative: [op('Decides', 'so.')] }),
    );
    typeAtEnd(editor, 0, 'y'.repeat(161));
    expect(exported(editor).title).toBe('x'.repeat(1_990));
    expect(messages).toEqual([
      'That change was not made. The title would be 2,151 characters long; it may hold at most 2,000.',
    ]);
    // Up to the limit is fine.
    typeAtEnd(editor, 0, 'z'.repeat(10));
    expect(exported(editor).title).toHaveLength(2_000);
    expect(messages).toHaveLength(1);
  });

  it('refuses 100,000 characters pasted on one line into an operative paragraph, and later edits still save', () => {
    const { editor, messages } = guarded(
      res({ preamble: [pre('Recalling', 'its resolution 5/1,')], operative: [op('Decides', 'to act.')] }),
    );
    typeAtEnd(editor, 3, 'w'.repeat(100_000));
    expect(messages[0]).toMatch(
      /^That change was not made\. An operative paragraph would be 100,0\d\d characters long/,
    );
    const doc = exported(editor);
    expect(validateDocument(doc).ok).toBe(true);
    expect(doc.operative[0]?.content).toEqual([{ type: 'text', text: 'to act.' }]);
    typeAtEnd(editor, 2, ' again');
    expect(validateDocument(exported(editor)).ok).toBe(true);
    expect(exported(editor).preamble[0]?.content.at(-1)).toMatchObject({
      text: expect.stringMatching(/again$/),
    });
  });

  it('refuses the 2,001st operative paragraph', () => {
    const many = Array.from({ length: LIMITS.paragraphs - 1 }, (_, i) => op('Decides', `item ${i};`));
    const { editor, messages } = guarded(res({ operative: many }));
    update(editor, () =>
      $getRoot().append($createOperativeParagraphNode().append($createTextNode('one more;'))),
    );
    expect(exported(editor).operative).toHaveLength(LIMITS.paragraphs);
    expect(messages).toEqual([]);
    update(editor, () =>
      $getRoot().append($createOperativeParagraphNode().append($createTextNode('too many;'))),
    );
    expect(exported(editor).operative).toHaveLength(LIMITS.paragraphs);
    expect(messages).toEqual([
      'That change was not made. The operative part would hold 2,001 paragraphs; it may hold at most 2,000.',
    ]);
  });

  it('takes a refused change out of the undo history: undo goes to the edit before it, redo does not bring it back', () => {
    const { editor } = guarded(res({ title: 'T', operative: [op('Decides', 'so.')] }));
    // The history's first entry is the state after the first edit (Lexical's own rule).
    typeAtEnd(editor, 0, 'A');
    typeAtEnd(editor, 0, 'B');
    typeAtEnd(editor, 0, 'q'.repeat(LIMITS.fieldChars));
    expect(exported(editor).title).toBe('TAB');
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    expect(exported(editor).title).toBe('TA');
    editor.dispatchCommand(REDO_COMMAND, undefined);
    expect(exported(editor).title).toBe('TAB');
    editor.dispatchCommand(REDO_COMMAND, undefined);
    expect(exported(editor).title).toBe('TAB');
  });

  it('refuses a footnote text over 100,000 characters', () => {
    const { editor, messages } = guarded(
      res({ operative: [op('Decides', 'so.{fn:f1}')], footnotes: [fn('f1', 'Resolution 60/288.')] }),
    );
    update(editor, () => {
      const footnotes = $getRoot().getLastChild();
      const note = $isElementNode(footnotes) ? footnotes.getFirstChild() : null;
      if ($isElementNode(note)) note.append($createTextNode('n'.repeat(LIMITS.paragraphChars)));
    });
    expect(messages[0]).toMatch(/A footnote would be/);
    expect(exported(editor).footnotes[0]?.content).toEqual([{ type: 'text', text: 'Resolution 60/288.' }]);
  });

  /**
   * The editor never holds a document the store would refuse: documents built up to each limit,
   * then random edits of random sizes, some within and some past the limits; after each, the
   * document read from the editor is one the store accepts, and an edit that fits was made.
   */
  it('keeps every document the store accepts, whatever edits come, and makes every edit that fits', () => {
    const edit = fc.record({
      target: fc.constantFrom('title', 'preamble', 'operative'),
      kind: fc.constantFrom('type', 'paragraphs'),
      size: fc.oneof(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 900, max: 3_000 }),
        fc.integer({ min: 90_000, max: 110_000 }),
      ),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (slack, countSlack, edits) => {
          const doc = res({
            title: 't'.repeat(LIMITS.fieldChars - slack),
            preamble: Array.from({ length: LIMITS.paragraphs - countSlack }, () => pre('Noting', 'x,')),
            operative: [op('Decides', `${'o'.repeat(LIMITS.paragraphChars - 20 - slack)};`)],
          });
          const { editor } = guarded(doc);
          try {
            for (const { target, kind, size } of edits) {
              const before = exported(editor);
              const index = target === 'title' ? 0 : target === 'preamble' ? 2 : 2 + before.preamble.length;
              if (kind === 'type') typeAtEnd(editor, index, 'k'.repeat(size));
              else
                update(editor, () => {
                  const at = $getRoot().getChildAtIndex(index) as LexicalNode;
                  const made = Array.from({ length: Math.min(size, 3_000) }, () =>
                    (target === 'operative'
                      ? $createOperativeParagraphNode()
                      : $createPreambularParagraphNode()
                    ).append($createTextNode('added;')),
                  );
                  if (target === 'title')
                    $getRoot()
                      .getChildAtIndex(1)
                      ?.insertAfter(made[0] as LexicalNode);
                  else made.reverse().forEach((node) => at.insertAfter(node));
                });
              const after = exported(editor);
              const checked = validateDocument(after);
              expect(checked.ok, checked.ok ? '' : JSON.stringify(checked.errors.slice(0, 2))).toBe(true);
              // What fits went in.
              if (kind === 'type' && target === 'title' && before.title.length + size <= LIMITS.fieldChars)
                expect(after.title.length).toBe(before.title.length + size);
              if (
                kind === 'paragraphs' &&
                target === 'preamble' &&
                before.preamble.length + Math.min(size, 3_000) <= LIMITS.paragraphs
              )
                expect(after.preamble.length).toBe(before.preamble.length + Math.min(size, 3_000));
            }
          } finally {
            while (teardowns.length) teardowns.pop()?.();
          }
        },
      ),
      { numRuns: 10 },
    );
  }, 90_000);
});
