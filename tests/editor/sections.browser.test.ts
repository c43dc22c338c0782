/**
 * Section and annex headings on a real page (vitest browser mode, Chromium): the number in its field
 * above the heading's text, the field edited without Lexical taking the keys typed in it, the restart
 * switch renumbering the section, and a preambular paragraph's (a), (b) drawn as subparagraphs.
 */
import { registerRichText } from '@lexical/rich-text';
import { $getRoot, createEditor, KEY_BACKSPACE_COMMAND, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import type { Section } from '../../src/core/model/types.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import { $isSectionHeadingNode } from '../../src/editor/nodes/SectionHeadingNode.ts';
import { ResolutionNodes } from '../../src/editor/nodes/registry.ts';
import { registerStructureTransforms } from '../../src/editor/transforms/structure.ts';
import { op, pre, res, sub } from '../helpers/builders.ts';
import '../../src/ui/styles/page.css';

function section(
  number: string,
  heading: string,
  parts: Partial<Omit<Section, 'number' | 'heading'>>,
): Section {
  return { number, heading, preamble: [], operative: [], ...parts };
}

const DOC = res({
  title: 'Internal oversight',
  formula: 'The General Assembly,',
  preamble: [{ ...pre('Recalling', 'its resolution 77/1:'), subparagraphs: [sub('first;'), sub('second,')] }],
  sections: [
    section('I', 'Activities of the Office', {
      operative: [op('Reaffirms', 'its role;', [], '1'), op('Requests', 'a report;', [], '2')],
    }),
    section('II', 'Activities of the Committee', { operative: [op('Notes', 'the work.', [], '1')] }),
  ],
  annex: {
    title: 'Terms of reference',
    intro: [],
    items: [sub('One;'), sub('Two.')],
    headings: [{ before: 1, number: '', heading: 'Membership' }],
  },
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function mount(): { editor: LexicalEditor; root: HTMLElement } {
  const page = document.createElement('div');
  page.className = 'page';
  const root = document.createElement('div');
  root.className = 'page__body';
  root.contentEditable = 'true';
  page.append(root);
  document.body.append(page);
  const editor = createEditor({
    namespace: 'sections-test',
    nodes: [...ResolutionNodes],
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  const stop = [registerRichText(editor), registerStructureTransforms(editor)];
  editor.update(() => $importResolution(DOC), { discrete: true });
  cleanups.push(() => {
    for (const s of stop) s();
    editor.setRootElement(null);
    page.remove();
  });
  return { editor, root };
}

const numbers = (root: HTMLElement): string[] =>
  [...root.querySelectorAll('.res-operative')].map((p) => p.getAttribute('data-number') ?? '');

describe('section headings on the page', () => {
  it('shows each heading’s number in its field above its text, and each section numbered as printed', () => {
    const { root } = mount();
    const headings = [...root.querySelectorAll<HTMLElement>(':scope > .res-section-heading')];
    expect(headings.map((h) => h.querySelector<HTMLInputElement>('.res-heading-number')?.value)).toEqual([
      'I',
      'II',
    ]);
    expect(headings.map((h) => h.querySelector('.res-heading-text')?.textContent)).toEqual([
      'Activities of the Office',
      'Activities of the Committee',
    ]);
    expect(numbers(root)).toEqual(['1', '2', '1']);
    const style = getComputedStyle(headings[0]?.querySelector('.res-heading-text') ?? document.body);
    expect(style.textAlign).toBe('center');
    // A preambular paragraph's list is drawn as subparagraphs, lettered under it.
    const subs = [...root.querySelectorAll(':scope > .res-sub')].map((p) => p.getAttribute('data-label'));
    expect(subs).toEqual(['(a)', '(b)']);
    expect(root.querySelector(':scope > .res-sub')?.previousElementSibling?.className).toBe('res-preambular');
  });

  it('writes a number typed in the field to the heading, and keeps the keys typed there from the page', async () => {
    const { editor, root } = mount();
    const field = root.querySelector<HTMLInputElement>('.res-section-heading .res-heading-number');
    if (!field) throw new Error('no field');
    // A Backspace in the field is the field's: Lexical, whose caret is in the text, deletes nothing.
    editor.update(() => $getRoot().getChildren().find($isSectionHeadingNode)?.selectEnd(), {
      discrete: true,
    });
    let reached = false;
    const stop = editor.registerCommand(
      KEY_BACKSPACE_COMMAND,
      () => {
        reached = true;
        return false;
      },
      4,
    );
    field.focus();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true, cancelable: true }));
    stop();
    expect(reached).toBe(false);
    field.value = 'III';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const exported = editor.read(() => $exportResolution());
    expect(exported.sections?.map((s) => [s.number, s.heading])).toEqual([
      ['III', 'Activities of the Office'],
      ['II', 'Activities of the Committee'],
    ]);
    expect(root.querySelector('.res-section-heading')?.getAttribute('data-number')).toBe('III');
  });

  it('renumbers a section from its switch: running on, then restarting again', async () => {
    const { editor, root } = mount();
    const box = root.querySelectorAll<HTMLInputElement>('.res-heading-restart input')[1];
    if (!box) throw new Error('no switch');
    expect(box.checked).toBe(true);
    box.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(numbers(root)).toEqual(['1', '2', '3']);
    expect(editor.read(() => $exportResolution()).sections?.[1]?.operative[0]?.label).toBe('3');
    box.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(numbers(root)).toEqual(['1', '2', '1']);
  });

  it('shows an annex heading between the items, the items lettered on across it', () => {
    const { root } = mount();
    const annex = root.querySelector('.res-annex');
    const children = [...(annex?.children ?? [])].map((e) =>
      e.classList.contains('res-annex-heading') ? `heading: ${e.textContent}` : e.getAttribute('data-label'),
    );
    expect(children).toEqual([null, '(a)', 'heading: Membership', '(b)']);
    expect(annex?.querySelector<HTMLInputElement>('.res-annex-heading .res-heading-number')?.value).toBe('');
  });
});
