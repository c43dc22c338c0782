/**
 * The completion menu in real Chromium (vitest browser mode): real key presses through Lexical's
 * event handling, the listbox in the DOM, the ARIA wiring of the editable root, and the time from the
 * keystroke to the menu. Nothing is faked; the lexicon and references come from the shipped corpus.
 */
import { createElement, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot, type LexicalEditor } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import REPORT from '../../corpus/CTOC-COP-2012-15.txt?raw';
import { readReport } from '../../src/core/corpus/report.ts';
import { buildLexicon } from '../../src/core/lexicon/lexicon.ts';
import { deriveReferences } from '../../src/core/references/derive.ts';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import { ResolutionNodes } from '../../src/editor/nodes/registry.ts';
import { CompletionPlugin } from '../../src/editor/plugins/completion/CompletionPlugin.tsx';
import { ParagraphKeysPlugin } from '../../src/editor/plugins/keys/ParagraphKeysPlugin.tsx';
import { OpenerPlugin } from '../../src/editor/plugins/openers/OpenerPlugin.tsx';
import { StructurePlugin } from '../../src/editor/plugins/structure/StructurePlugin.tsx';
import { op, pre, res } from '../helpers/builders.ts';

const corpus = readReport(REPORT);
const lexicon = buildLexicon(corpus.documents);
const references = deriveReferences(corpus);

const DOC = res({
  title: 'Implementation of the Protocol',
  formula: 'The Conference,',
  preamble: [pre('Recalling', 'its resolution 5/1,')],
  operative: [op('Requests', 'the Secretariat to report;')],
});

function EditorHandle({ onEditor }: { onEditor: (editor: LexicalEditor) => void }): null {
  const [editor] = useLexicalComposerContext();
  onEditor(editor);
  return null;
}

let host: HTMLDivElement;
let root: Root;
let editor: LexicalEditor;

/** Polls `read`; the bound is for a loaded machine, not a measure of speed (the benchmark measures). */
async function until<T>(read: () => T | null | undefined, what: string, ms = 10_000): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = read();
    if (value !== null && value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const text = (): HTMLElement => {
  const element = editor.getRootElement();
  if (element === null) throw new Error('no editor root');
  return element;
};
/** Resolves at the next frame's animation callbacks, before it is drawn. */
const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const listbox = (): HTMLElement | null => document.querySelector('[role="listbox"]');
const options = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('[role="option"]')];

/** Puts the caret at the end of root child `index` and focuses the text. */
async function caretAtEnd(index: number): Promise<void> {
  editor.update(() => $getRoot().getChildAtIndex(index)?.selectEnd());
  text().focus();
  await new Promise((resolve) => setTimeout(resolve, 20));
}

beforeEach(async () => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  let found: LexicalEditor | null = null;
  // The editor as the app composes it (src/editor/ResolutionEditor.tsx), with the menu as a further plugin.
  const initialConfig = {
    namespace: 'completion-test',
    nodes: [...ResolutionNodes],
    editorState: () => $importResolution(DOC),
    onError: (error: Error) => {
      throw error;
    },
  };
  root.render(
    createElement(
      StrictMode,
      null,
      createElement(
        LexicalComposer,
        { initialConfig },
        createElement(RichTextPlugin, {
          contentEditable: createElement(ContentEditable, { 'aria-label': 'Resolution text' }),
          ErrorBoundary: LexicalErrorBoundary,
        }),
        createElement(StructurePlugin),
        createElement(ParagraphKeysPlugin),
        createElement(OpenerPlugin, { lexicon }),
        createElement(CompletionPlugin, { lexicon, references }),
        createElement(EditorHandle, { onEditor: (e: LexicalEditor) => (found = e) }),
      ),
    ),
  );
  editor = await until(
    () => (found !== null && found.getRootElement() !== null ? found : null),
    'the editor',
  );
});

afterEach(() => {
  root.unmount();
  host.remove();
});

describe('the completion menu in the browser', () => {
  it('opens on the keystroke, as a listbox the text points at, and writes the opener', async () => {
    await caretAtEnd(3);
    await userEvent.keyboard('{Enter}');
    expect(listbox()).toBeNull();
    // From the keydown of the first letter to the listbox in the DOM. How soon (50 ms at most) is the
    // benchmark's figure, browser.typeaheadOpenP95Ms: asserted here, a busy machine failed it by chance.
    let keydownAt = 0;
    let shownAt = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'R') keydownAt = performance.now();
    };
    text().addEventListener('keydown', onKey, true);
    const observer = new MutationObserver(() => {
      if (shownAt === 0 && listbox() !== null) shownAt = performance.now();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    await userEvent.keyboard('R');
    const box = await until(listbox, 'the listbox');
    observer.disconnect();
    text().removeEventListener('keydown', onKey, true);
    expect(keydownAt).toBeGreaterThan(0);
    expect(shownAt).toBeGreaterThanOrEqual(keydownAt);
    await userEvent.keyboard('eq');
    await until(
      () => (options()[0]?.textContent?.includes('Also requests') ? true : null),
      'the options for "Req"',
    );

    expect(box.getAttribute('aria-label')).toBe('Operative openers');
    expect(text().getAttribute('aria-expanded')).toBe('true');
    expect(text().getAttribute('aria-controls')).toBe(box.id);
    const [first, second] = options();
    expect(first?.textContent).toContain('Also requests');
    expect(first?.textContent).toContain('3×');
    // Where an opener was used: shown for the highlighted option only.
    expect(second?.textContent).not.toContain('6/1 OP4');
    expect(first?.getAttribute('aria-selected')).toBe('true');
    expect(text().getAttribute('aria-activedescendant')).toBe(first?.id);

    await userEvent.keyboard('{ArrowDown}');
    await until(
      () => (options()[1]?.getAttribute('aria-selected') === 'true' ? true : null),
      'the second option',
    );
    expect(text().getAttribute('aria-activedescendant')).toBe(options()[1]?.id);
    expect(options()[0]?.getAttribute('aria-selected')).toBe('false');
    expect(options()[1]?.textContent).toContain('6/1 OP4, 6/1 OP7, 6/1 OP13 …');
    expect(options()[0]?.querySelector('.completion__detail')).toBeNull();
    await userEvent.keyboard('{ArrowUp}{Enter}the Office;');

    await until(() => (listbox() === null ? true : null), 'the menu to close');
    expect(text().hasAttribute('aria-expanded')).toBe(false);
    expect(text().hasAttribute('aria-activedescendant')).toBe(false);
    expect(text().hasAttribute('aria-controls')).toBe(false);
    const paragraphs = text().querySelectorAll('.res-operative');
    const last = paragraphs[paragraphs.length - 1];
    expect(last?.querySelector('.opener')?.textContent).toBe('Also requests');
    expect(last?.textContent).toContain('Also requests the Office;');
  });

  it('shows the menu just below the typed word, and above it when the window has no room below', async () => {
    const wordRect = (): DOMRect => {
      const paragraphs = text().querySelectorAll('.res-operative');
      const range = document.createRange();
      range.selectNodeContents(paragraphs[paragraphs.length - 1] as Node);
      return range.getBoundingClientRect();
    };
    host.style.paddingLeft = '40px';
    await caretAtEnd(3);
    await userEvent.keyboard('{Enter}R');
    const below = await until(listbox, 'the listbox').then(() => document.querySelector('.completion'));
    await frame();
    const menu = (below as HTMLElement).getBoundingClientRect();
    const word = wordRect();
    expect(menu.height).toBeGreaterThan(40);
    expect(menu.top).toBeGreaterThanOrEqual(word.bottom);
    expect(menu.top - word.bottom).toBeLessThan(12);
    expect(Math.abs(menu.left - word.left)).toBeLessThan(2);
    await userEvent.keyboard('{Escape}');
    await until(() => (listbox() === null ? true : null), 'the menu to close');

    // The same editor at the foot of the window: the menu goes above the line, and stays there.
    host.style.position = 'fixed';
    host.style.left = '0';
    host.style.right = '0';
    host.style.bottom = '0';
    await frame();
    await caretAtEnd(4);
    await userEvent.keyboard('{Enter}E');
    await until(listbox, 'the listbox');
    await frame();
    const element = document.querySelector('.completion') as HTMLElement;
    const first = element.getBoundingClientRect();
    const line = wordRect();
    expect(first.bottom).toBeLessThanOrEqual(line.top);
    expect(line.top - first.bottom).toBeLessThan(12);
    expect(first.top).toBeGreaterThanOrEqual(0);
    await frame();
    await frame();
    expect(element.getBoundingClientRect().top).toBe(first.top);
    await userEvent.keyboard('{Escape}');
    await until(() => (listbox() === null ? true : null), 'the menu to close');

    // A menu of another height opening there is placed once, where it belongs: moving it after its
    // size is known would lay the page out again in the frame that first shows it.
    const moves: string[] = [];
    const watch = new MutationObserver((records) => {
      const menu = records.find((r) => r.target instanceof HTMLElement && r.target.matches('.completion'));
      if (menu !== undefined) moves.push((menu.target as HTMLElement).style.cssText);
    });
    watch.observe(host.ownerDocument.body, { attributes: true, attributeFilter: ['style'], subtree: true });
    await userEvent.keyboard('{Enter}Acknowl');
    await until(listbox, 'the listbox');
    await frame();
    await frame();
    watch.disconnect();
    const other = (document.querySelector('.completion') as HTMLElement).getBoundingClientRect();
    expect(other.height).not.toBe(first.height);
    const otherLine = wordRect();
    expect(other.bottom).toBeLessThanOrEqual(otherLine.top);
    expect(otherLine.top - other.bottom).toBeLessThan(12);
    expect(moves).toHaveLength(1);
  });

  it('keeps the menu inside the window when the caret is near its right edge, at its own width', async () => {
    await caretAtEnd(3);
    await userEvent.keyboard('{Enter}R');
    await until(listbox, 'the listbox');
    await frame();
    const width = (document.querySelector('.completion') as HTMLElement).getBoundingClientRect().width;
    await userEvent.keyboard('{Escape}');
    await until(() => (listbox() === null ? true : null), 'the menu to close');

    // The editor in a narrow column at the window's right edge.
    host.style.marginLeft = `${window.innerWidth - 140}px`;
    host.style.width = '120px';
    await frame();
    await caretAtEnd(4);
    await userEvent.keyboard('{Enter}R');
    await until(listbox, 'the listbox');
    await frame();
    const menu = (document.querySelector('.completion') as HTMLElement).getBoundingClientRect();
    const caret = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    expect(caret?.left).toBeGreaterThan(window.innerWidth - 140);
    expect(menu.width).toBeCloseTo(width, 0);
    expect(menu.right).toBeLessThanOrEqual(window.innerWidth - 3);
    expect(menu.left).toBeGreaterThanOrEqual(0);
    expect(menu.left).toBeLessThan((caret?.left ?? 0) - 100);
  });

  it('highlights the option under the pointer, and writes the one clicked', async () => {
    await caretAtEnd(3);
    await userEvent.keyboard('{Enter}Req');
    await until(listbox, 'the listbox');
    const third = options()[2];
    if (third === undefined) throw new Error('fewer than three options');
    const label = third.querySelector('.completion__label')?.textContent ?? '';
    expect(label).not.toBe('');
    // On the option's label, a child of the option.
    await userEvent.hover(third.querySelector('.completion__label') as HTMLElement);
    await until(
      () => (options()[2]?.getAttribute('aria-selected') === 'true' ? true : null),
      'the highlight',
    );
    expect(options()[0]?.getAttribute('aria-selected')).toBe('false');
    expect(text().getAttribute('aria-activedescendant')).toBe(options()[2]?.id);
    await userEvent.click(options()[2] as HTMLElement);
    await until(() => (listbox() === null ? true : null), 'the menu to close');
    const paragraphs = text().querySelectorAll('.res-operative');
    expect(paragraphs[paragraphs.length - 1]?.querySelector('.opener')?.textContent).toBe(label);
    // The text kept the focus.
    expect(document.activeElement).toBe(text());
  });

  it('closes on Escape, and Enter then starts a new paragraph', async () => {
    await caretAtEnd(3);
    await userEvent.keyboard('{Enter}Req');
    await until(listbox, 'the listbox');
    await userEvent.keyboard('{Escape}');
    await until(() => (listbox() === null ? true : null), 'the menu to close');
    await userEvent.keyboard('{Enter}');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(text().querySelectorAll('.res-operative')).toHaveLength(3);
  });

  it('writes an instrument with its footnote at the first mention, chosen with Tab', async () => {
    await caretAtEnd(2);
    await userEvent.keyboard(' and the Smuggling');
    const box = await until(listbox, 'the listbox');
    expect(box.getAttribute('aria-label')).toBe('References');
    expect(options()[0]?.textContent).toContain(
      'Footnote: United Nations, Treaty Series, vol. 2241, No. 39574.',
    );
    await userEvent.keyboard('{Tab}');
    await until(() => text().querySelector('.res-fnref'), 'the footnote marker');
    expect(text().querySelector('.res-ref')?.textContent).toMatch(
      /^Protocol against the Smuggling of Migrants/,
    );
    expect(text().querySelector('.res-footnotes')?.textContent).toBe(
      'United Nations, Treaty Series, vol. 2241, No. 39574.',
    );
    expect(text().querySelector('.res-footnotes em, .res-footnotes .res-italic')?.textContent).toBe(
      'Treaty Series',
    );
  });
});
