/** Typing into a shared draft from a headless client, as a delegate at a keyboard would. */
import { $createTextNode, $getRoot, $isTextNode, type LexicalEditor } from 'lexical';
import { $isOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';

/** Appends ` word` to the end of operative paragraph `n` (from 1). */
export function typeWord(editor: LexicalEditor, n: number, word: string): void {
  editor.update(
    () => {
      const paragraph = $getRoot().getChildren().filter($isOperativeParagraphNode)[n - 1];
      if (!paragraph) throw new Error(`no OP${n}`);
      const last = paragraph.getLastChild();
      if ($isTextNode(last) && last.getType() === 'text')
        last.setTextContent(`${last.getTextContent()} ${word}`);
      else paragraph.append($createTextNode(` ${word}`));
    },
    { discrete: true },
  );
}

/** The printed text of operative paragraph `n` (from 1). */
export function operativeText(editor: LexicalEditor, n: number): string {
  return editor.read(
    () => $getRoot().getChildren().filter($isOperativeParagraphNode)[n - 1]?.getTextContent() ?? '',
  );
}

export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
