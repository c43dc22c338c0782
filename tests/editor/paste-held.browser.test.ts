/**
 * A paste while the paste plugin is still loading (ui/deferredExtras.tsx) is held by the gate
 * (paste/pasteGate.ts) and goes in, once the plugin registers, as the plugin pastes: a resolution's
 * paragraphs become paragraphs. In Chromium, with a real paste event on the editable root.
 */
import { registerRichText } from '@lexical/rich-text';
import { $getRoot, $isElementNode, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import { $isOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import {
  heldTransfers,
  registerPasteGate,
  replayHeldTransfers,
} from '../../src/editor/plugins/paste/pasteGate.ts';
import { registerPaste } from '../../src/editor/plugins/paste/registerPaste.ts';
import { op, res } from '../helpers/builders.ts';
import { editorInPage } from './testEditor.ts';

const teardowns: (() => void)[] = [];
afterEach(() => {
  teardowns.splice(0).forEach((teardown) => teardown());
  document.body.innerHTML = '';
});

function page(): { editor: LexicalEditor; root: HTMLElement } {
  const { editor, root } = editorInPage(teardowns);
  teardowns.push(registerRichText(editor));
  editor.update(
    () => {
      $importResolution(res({ title: 'T', operative: [op('Requests', 'the Office to report;')] }));
      const last = $getRoot().getLastChild();
      if ($isElementNode(last)) last.selectEnd();
    },
    { discrete: true },
  );
  return { editor, root };
}

const operatives = (editor: LexicalEditor): string[] =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .filter($isOperativeParagraphNode)
      .map((p) => p.getTextContent()),
  );

function paste(root: HTMLElement, text: string): ClipboardEvent {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  root.dispatchEvent(event);
  return event;
}

const PASTED = '2. Invites Member States to contribute;\n3. Decides to remain seized of the matter.';

describe('a paste while the paste plugin loads', () => {
  it('is held, changes nothing, and goes in as paragraphs when the plugin registers', async () => {
    const { editor, root } = page();
    teardowns.push(registerPasteGate(editor));
    const event = paste(root, PASTED);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(event.defaultPrevented).toBe(true);
    expect(heldTransfers(editor)).toBe(1);
    expect(operatives(editor)).toEqual(['Requests the Office to report;']);

    teardowns.push(registerPaste(editor));
    replayHeldTransfers(editor);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heldTransfers(editor)).toBe(0);
    expect(operatives(editor)).toEqual([
      'Requests the Office to report;',
      'Invites Member States to contribute;',
      'Decides to remain seized of the matter.',
    ]);
  });

  it('without the gate, Lexical’s own paste would take it as text in the paragraph (what the gate prevents)', async () => {
    const { editor, root } = page();
    paste(root, PASTED);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(operatives(editor)[0]).toBe(
      'Requests the Office to report;2. Invites Member States to contribute;',
    );
  });
});
