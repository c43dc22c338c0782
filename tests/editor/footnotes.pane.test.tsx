/**
 * @vitest-environment happy-dom
 *
 * The footnote pane beside the page: the footnotes in order, with numbers and texts, kept current
 * as the draft changes; a footnote's button puts the caret in its text, "Go to reference" right
 * after its reference.
 */
// The components run on Preact (preact-alias.ts): React's act is Preact's test-utils'.
import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import {
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import { INSERT_FOOTNOTE_COMMAND } from '../../src/editor/commands.ts';
import { $isFootnoteNode } from '../../src/editor/nodes/FootnoteNode.ts';
import { $isFootnoteRefNode } from '../../src/editor/nodes/FootnoteRefNode.ts';
import { ResolutionNodes } from '../../src/editor/nodes/registry.ts';
import { FootnotePane } from '../../src/editor/plugins/footnotes/FootnotePane.tsx';
import { FootnotesPlugin } from '../../src/editor/plugins/footnotes/FootnotesPlugin.tsx';
import { StructurePlugin } from '../../src/editor/plugins/structure/StructurePlugin.tsx';
import { fn, op, pre, res } from '../helpers/builders.ts';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

const DRAFT = res({
  title: 'T',
  formula: 'The Conference,',
  preamble: [pre('Recalling', 'the Convention,{fn:b}'), pre('Noting', 'the report,')],
  operative: [op('Requests', 'the Office{fn:a} to report.')],
  footnotes: [fn('a', 'A/CONF.1/2.'), fn('b', 'United Nations, *Treaty Series*, vol. 2225, No. 39574.')],
});

async function render(): Promise<LexicalEditor> {
  let editor: LexicalEditor | null = null;
  function Capture() {
    [editor] = useLexicalComposerContext();
    return null;
  }
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () =>
    root?.render(
      <LexicalComposer
        initialConfig={{
          namespace: 'test',
          nodes: [...ResolutionNodes],
          editorState: () => $importResolution(DRAFT),
          onError: (error: Error) => {
            throw error;
          },
        }}
      >
        <RichTextPlugin
          contentEditable={<ContentEditable aria-label="Resolution text" />}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <StructurePlugin />
        <FootnotesPlugin />
        <aside>
          <FootnotePane />
        </aside>
        <Capture />
      </LexicalComposer>,
    ),
  );
  if (editor === null) throw new Error('no editor');
  return editor;
}

const items = (): string[] =>
  [...document.querySelectorAll('ol[aria-label="Footnotes"] > li')].map((li) => li.textContent ?? '');

function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (found === undefined) throw new Error(`no button "${name}"`);
  return found;
}

/** What the caret is in: "footnote <id>", or "after reference <id>". */
function caret(editor: LexicalEditor): string {
  return editor.read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return 'none';
    const { anchor } = selection;
    const node = anchor.getNode();
    for (let at: LexicalNode | null = node; at !== null; at = at.getParent())
      if ($isFootnoteNode(at)) return `footnote ${at.getFootnoteId()}`;
    const before = $isElementNode(node)
      ? node.getChildAtIndex(anchor.offset - 1)
      : anchor.offset === 0
        ? node.getPreviousSibling()
        : null;
    return $isFootnoteRefNode(before) ? `after reference ${before.getFootnoteId()}` : 'elsewhere';
  });
}

describe('FootnotePane', () => {
  it('lists the footnotes in order of first reference, with their numbers and texts', async () => {
    await render();
    expect(items()).toEqual([
      '1 United Nations, Treaty Series, vol. 2225, No. 39574.Go to reference',
      '2 A/CONF.1/2.Go to reference',
    ]);
    expect(document.querySelector('ol')?.getAttribute('aria-label')).toBe('Footnotes');
  });

  it('follows the draft: a footnote inserted above the others takes number 1', async () => {
    const editor = await render();
    await act(async () => {
      editor.update(() => $getRoot().getChildAtIndex(2)?.selectStart(), { discrete: true });
      editor.dispatchCommand(INSERT_FOOTNOTE_COMMAND, 'Resolution 55/25.');
    });
    expect(items()[0]).toBe('1 Resolution 55/25.Go to reference');
    expect(items()).toHaveLength(3);
  });

  it('puts the caret in a footnote text when the footnote is chosen', async () => {
    const editor = await render();
    await act(async () => button('2 A/CONF.1/2.').click());
    expect(caret(editor)).toBe('footnote a');
  });

  it('puts the caret right after the reference with "Go to reference"', async () => {
    const editor = await render();
    await act(async () => button('Go to reference of footnote 2').click());
    expect(caret(editor)).toBe('after reference a');
    await act(async () => button('Go to reference of footnote 1').click());
    expect(caret(editor)).toBe('after reference b');
  });

  it('says how to insert a footnote when there is none', async () => {
    const editor = await render();
    await act(async () => {
      editor.update(
        () => {
          $importResolution(res({ title: 'T', formula: 'F,', preamble: [pre('Noting', 'the report,')] }));
        },
        { discrete: true },
      );
    });
    expect(document.querySelector('ol')).toBeNull();
    expect(document.querySelector('.footnote-pane')?.textContent).toMatch(/Ctrl\+Alt\+F/);
  });
});
