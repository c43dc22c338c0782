/**
 * @vitest-environment happy-dom
 *
 * One gate for every way text comes in from outside (issue 11): plain text, HTML and text dropped
 * from another program meet the same limits before anything is inserted. DOMParser comes from
 * happy-dom here, as it comes from the browser in the app.
 */
import { CONTROLLED_TEXT_INSERTION_COMMAND, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/model/validate.ts';
import { registerPaste } from '../../src/editor/plugins/paste/registerPaste.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { $caret, createTestEditor, load, outline, update } from './testEditor.ts';

function pasteEditor(): { editor: LexicalEditor; messages: string[] } {
  const editor = createTestEditor();
  load(
    editor,
    res({ preamble: [pre('Noting', 'the report,')], operative: [op('Requests', 'the Office to report;')] }),
  );
  const messages: string[] = [];
  registerPaste(editor, { onMessage: (text) => messages.push(text) });
  return { editor, messages };
}

function paste(
  editor: LexicalEditor,
  data: Record<string, string>,
): { handled: boolean; prevented: boolean } {
  let prevented = false;
  const event = {
    clipboardData: { getData: (type: string) => data[type] ?? '' },
    preventDefault: () => {
      prevented = true;
    },
  } as unknown as ClipboardEvent;
  const handled = editor.dispatchCommand(PASTE_COMMAND, event);
  return { handled, prevented };
}

describe('paste and the limits of a paragraph', () => {
  it('refuses a single line longer than a paragraph may be, in any format, before inserting anything', () => {
    const { editor, messages } = pasteEditor();
    update(editor, () => $caret('to report;'));
    const before = outline(editor);
    const line = 'w'.repeat(LIMITS.paragraphChars + 1);
    for (const data of [{ 'text/plain': line }, { 'text/html': `<p>${line}</p>` }] as Record<
      string,
      string
    >[]) {
      expect(paste(editor, data)).toEqual({ handled: true, prevented: true });
      expect(outline(editor)).toBe(before);
    }
    expect(messages).toEqual([
      'Nothing was pasted: the clipboard holds a paragraph of 100,001 characters, and a paragraph may hold at most 100,000. Split it into paragraphs first.',
      'Nothing was pasted: the clipboard holds a paragraph of 100,001 characters, and a paragraph may hold at most 100,000. Split it into paragraphs first.',
    ]);
  });

  it('sends text dropped from another program through the same gate as a paste', () => {
    const { editor } = pasteEditor();
    update(editor, () => $caret('to report;'));
    let prevented = false;
    const drop = {
      dataTransfer: {
        getData: (type: string) =>
          type === 'text/html'
            ? '<span style="font-size:90px">gladly </span>'
            : type === 'text/plain'
              ? 'gladly '
              : '',
      },
      preventDefault: () => {
        prevented = true;
      },
    } as unknown as InputEvent;
    update(editor, () => {
      expect(editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, drop)).toBe(true);
    });
    expect(prevented).toBe(true);
    expect(outline(editor)).toContain('the Office gladly to report;');
  });
});
