/**
 * @vitest-environment happy-dom
 *
 * A shared draft's numbers after a collaborator's change: Lexical applies it without transforms, and
 * `registerSharedNumbers` writes the numbers again, but only when a change can move one. In a page
 * (happy-dom: the editor reconciles a DOM, as in the browser) every change of text marks the root as
 * changed, which must not count, or every keystroke of every collaborator renumbers the whole draft.
 */
import {
  $createTextNode,
  $getRoot,
  $isTextNode,
  COLLABORATION_TAG,
  SKIP_COLLAB_TAG,
  type LexicalEditor,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import {
  $createOperativeParagraphNode,
  $isOperativeParagraphNode,
  type OperativeParagraphNode,
} from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { registerSharedNumbers } from '../../src/editor/transforms/structure.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { editorInPage } from './testEditor.ts';

const teardowns: (() => void)[] = [];

afterEach(() => {
  teardowns.splice(0).forEach((teardown) => teardown());
  document.body.innerHTML = '';
});

/** A page's editor holding four operative paragraphs, numbered, with the shared renumbering. */
function sharedPage(): { editor: LexicalEditor; renumbers: () => number; rootMarked: () => boolean } {
  const { editor } = editorInPage(teardowns);
  editor.update(
    () =>
      $importResolution(
        res({
          title: 'T',
          preamble: [pre('Recalling', 'its resolution 5/1,')],
          operative: [
            op('Requests', 'the Office to report.'),
            op('Invites', 'States to act.'),
            op('Urges', 'States to cooperate.'),
            op('Decides', 'to remain seized of the matter.'),
          ],
        }),
      ),
    { discrete: true },
  );
  // The renumbering is an update of its own, kept out of Yjs: counted as it is asked for (an update
  // that changes nothing reaches no listener).
  let renumbers = 0;
  const update = editor.update.bind(editor);
  editor.update = (fn, options) => {
    const tags = [options?.tag ?? []].flat();
    if (tags.includes(SKIP_COLLAB_TAG)) renumbers++;
    update(fn, options);
  };
  let rootMarked = false;
  teardowns.push(
    registerSharedNumbers(editor),
    editor.registerUpdateListener(({ tags, dirtyElements }) => {
      if (tags.has(COLLABORATION_TAG)) rootMarked = dirtyElements.get('root') === true;
    }),
  );
  return { editor, renumbers: () => renumbers, rootMarked: () => rootMarked };
}

/** A collaborator's change, applied as the Yjs binding applies one; then what it set off. */
async function remote(editor: LexicalEditor, fn: () => void): Promise<void> {
  editor.update(fn, { discrete: true, skipTransforms: true, tag: COLLABORATION_TAG });
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const $operatives = (): OperativeParagraphNode[] =>
  $getRoot().getChildren().filter($isOperativeParagraphNode);

function numbers(editor: LexicalEditor): string {
  return editor.read(() =>
    $operatives()
      .map((p) => `${p.getNumber()}:${p.getTextContent().slice(0, 8)}`)
      .join(' '),
  );
}

describe('the numbers of a shared draft after a collaborator’s change', () => {
  it('are left alone when the change is text typed into a paragraph, though the page marks the root changed', async () => {
    const { editor, renumbers, rootMarked } = sharedPage();
    const $type = (word: string) => () => {
      const last = $operatives()[1]?.getLastChild();
      if (!$isTextNode(last)) throw new Error('no text');
      last.setTextContent(`${last.getTextContent()} ${word}`);
    };
    // The page's first draw of a paragraph after a change records its text's format on it (once: a
    // change of the paragraph itself).
    await remote(editor, $type('Now'));
    const before = renumbers();
    await remote(editor, $type('and'));
    await remote(editor, $type('then.'));
    // The trap this guards against: the reconciler did mark the root as changed in itself.
    expect(rootMarked()).toBe(true);
    expect(renumbers()).toBe(before);
    expect(numbers(editor)).toBe('1:Requests 2:Invites  3:Urges St 4:Decides ');
  });

  it('are written again when a paragraph is removed, moved or added', async () => {
    const { editor, renumbers } = sharedPage();
    await remote(editor, () => $operatives()[1]?.remove());
    expect(renumbers()).toBe(1);
    expect(numbers(editor)).toBe('1:Requests 2:Urges St 3:Decides ');

    await remote(editor, () => {
      const [first, , last] = $operatives();
      if (first && last) first.insertBefore(last);
    });
    expect(renumbers()).toBe(2);
    expect(numbers(editor)).toBe('1:Decides  2:Requests 3:Urges St');

    // A paragraph added at the end (created without transforms, it has no number of its own).
    await remote(editor, () => {
      const added = $createOperativeParagraphNode();
      added.append($createTextNode('Welcomes the report.'));
      $operatives().at(-1)?.insertAfter(added);
    });
    expect(renumbers()).toBe(3);
    expect(numbers(editor)).toBe('1:Decides  2:Requests 3:Urges St 4:Welcomes');
  });
});
