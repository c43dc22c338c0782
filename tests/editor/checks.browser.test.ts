/**
 * The checks in real Chromium (vitest browser mode): underlines drawn in a layer over the editor's
 * text, under the words of each problem, and — printed, not asserted — how long checking a 40-paragraph draft takes
 * in the browser: from scratch (`lintDocument`), and the plugin's whole pass (read the model from the
 * editor, incremental lint) after a keystroke's worth of change. The draft is the bench's
 * (bench/lint.ts): 6/1's preamble and three of 6/3's, then 6/3's first 20 operative paragraphs.
 */
import { $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import REPORT from '../../corpus/CTOC-COP-2012-15.txt?raw';
import { readReport } from '../../src/core/corpus/report.ts';
import { buildLexicon } from '../../src/core/lexicon/lexicon.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { deriveReferences } from '../../src/core/references/derive.ts';
import { createLintContext, createLinter, lintDocument } from '../../src/core/rules/lint.ts';
import { $importResolution } from '../../src/editor/bridge/import.ts';
import { ResolutionNodes } from '../../src/editor/nodes/registry.ts';
import { $isOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { checksHubOf } from '../../src/editor/plugins/checks/checksHub.ts';
import { UNDERLINE_LAYER } from '../../src/editor/plugins/checks/highlights.ts';
import { registerChecks } from '../../src/editor/plugins/checks/registerChecks.ts';
import { registerStructureTransforms } from '../../src/editor/transforms/structure.ts';
import { op, res } from '../helpers/builders.ts';
import { underlinedWords } from '../helpers/underlines.ts';

const corpus = readReport(REPORT);
const lexicon = buildLexicon(corpus.documents);
const references = deriveReferences(corpus);

function resolution(number: string): ResolutionDocument {
  const doc = corpus.documents.find((d) => d.kind === 'resolution' && d.number === number);
  if (!doc) throw new Error(`no resolution ${number}`);
  return doc;
}

const r1 = resolution('6/1');
const r3 = resolution('6/3');
const DRAFT_40: ResolutionDocument = {
  ...r3,
  preamble: [...r1.preamble, ...r3.preamble.slice(0, 3)],
  operative: r3.operative.slice(0, 20),
  footnotes: [...r1.footnotes, ...r3.footnotes],
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function mount(doc: ResolutionDocument): LexicalEditor {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  const editor = createEditor({
    namespace: 'checks-test',
    nodes: [...ResolutionNodes],
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  const stop = registerStructureTransforms(editor);
  editor.update(() => $importResolution(doc), { discrete: true });
  cleanups.push(() => {
    stop();
    editor.setRootElement(null);
    root.remove();
  });
  return editor;
}

/** Polls `ok`; the bound is for a loaded machine, where a pass can take far longer than it does here. */
const until = async (ok: () => boolean, ms = 10_000): Promise<void> => {
  const deadline = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** The first line of the layer's underlines of a severity (the same element while nothing is redrawn). */
const firstLine = (severity: string): Element | null =>
  document.querySelector(`.check-underline--${severity}`);
const warningLines = (): Element[] => [...document.querySelectorAll('.check-underline--warning')];
const sameElements = (a: readonly Element[], b: readonly Element[]): boolean =>
  a.length === b.length && a.every((element, i) => element === b[i]);

describe('checks in the browser', () => {
  it('underlines problems under their words in a layer over the editor’s text, and takes it away on teardown', async () => {
    const editor = mount(
      res({
        title: 'Strengthening the organisation',
        operative: [op('Requests', 'the *Organisation* to act,'), op('Decides', 'to remain seized.')],
      }),
    );
    const stop = registerChecks(editor, { lexicon, references, storage: null, delayMs: 0 });
    await until(() => underlinedWords('warning').length > 0);
    expect(underlinedWords('warning')).toEqual(['organisation', 'Organisation']);
    expect(underlinedWords('error')).toEqual([',']);
    // Nothing of it is in the editor's text, and no highlight is registered for the underlines.
    expect(editor.getRootElement()?.querySelector('.check-underline')).toBeNull();
    expect(CSS.highlights.size).toBe(0);
    stop();
    expect(document.querySelector(`.${UNDERLINE_LAYER}`)).toBeNull();
  });

  it('leaves the underlines alone when a check finds what the last one found (no repaint while typing)', async () => {
    const editor = mount(
      res({
        title: 'Strengthening the organisation',
        operative: [op('Requests', 'the *Organisation* to act,'), op('Decides', 'to remain seized')],
      }),
    );
    const hub = checksHubOf(editor);
    cleanups.push(registerChecks(editor, { lexicon, references, storage: null, delayMs: 0 }));
    await until(() => underlinedWords('warning').length > 0);
    const drawn = warningLines();
    expect(drawn).toHaveLength(2);
    const checks = (): number => hub.getState().last?.checked ?? 0;
    // Typing at the end of the last paragraph, away from every underline: checked again, not redrawn.
    for (const word of [' and', ' to', ' act']) {
      const before = hub.getState();
      editor.update(
        () => {
          const last = $getRoot().getChildren().filter($isOperativeParagraphNode).at(-1);
          last?.getLastDescendant()?.insertAfter($createTextNode(word));
        },
        { discrete: true },
      );
      await until(() => hub.getState() !== before);
    }
    expect(checks()).toBeGreaterThan(0);
    expect(sameElements(warningLines(), drawn)).toBe(true);
    // A change that moves an underline is drawn.
    editor.update(
      () => {
        const first = $getRoot().getChildren().filter($isOperativeParagraphNode)[0];
        first?.getFirstDescendant()?.insertBefore($createTextNode('Also '));
      },
      { discrete: true },
    );
    await until(() => !sameElements(warningLines(), drawn));
    expect(underlinedWords('warning')).toEqual(expect.arrayContaining(['organisation', 'Organisation']));
    // Only the moved underline's paragraph is drawn again: the title's line is the one drawn first.
    expect(warningLines()).toContain(drawn[0]);
    expect(warningLines()).not.toContain(drawn[1]);
  });

  it('moves a paragraph’s underlines with it, in the next frame, when the text above it grows a line', async () => {
    const editor = mount(
      res({
        title: 'On crime',
        operative: [
          op('Requests', 'the Secretariat to act;'),
          op('Decides', 'that the *Organisation* will act.'),
        ],
      }),
    );
    // Checks half a second after a change: the frame after the change comes long before the next one.
    cleanups.push(registerChecks(editor, { lexicon, references, storage: null, delayMs: 500 }));
    await until(() => underlinedWords('warning').length > 0);
    expect(underlinedWords('warning')).toEqual(['Organisation']);
    const drawn = firstLine('warning');
    const before = drawn?.getBoundingClientRect().top ?? NaN;
    editor.update(
      () => {
        const first = $getRoot().getChildren().filter($isOperativeParagraphNode)[0];
        first?.getLastDescendant()?.insertAfter($createTextNode(' and to report thereon'.repeat(12)));
      },
      { discrete: true },
    );
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const line = firstLine('warning');
    // The same line, moved down with its paragraph, still under its word: no check has drawn yet.
    expect(line).toBe(drawn);
    expect(line?.getBoundingClientRect().top ?? NaN).toBeGreaterThan(before + 10);
    expect(underlinedWords('warning')).toEqual(['Organisation']);
  });

  it('draws the lines of the paragraphs a scroll brings near the screen, measuring none of those already drawn', async () => {
    const operative = Array.from({ length: 300 }, (_, i) =>
      op('Decides', `that the Organisation will act on item ${i + 1}.`),
    );
    const editor = mount(res({ title: 'On crime', operative }));
    cleanups.push(registerChecks(editor, { lexicon, references, storage: null, delayMs: 50 }));
    await until(() => warningLines().length > 0);
    // Every line, warnings and errors (the draft has both).
    const lines = (): Element[] => [...document.querySelectorAll('.check-underline')];
    const before = lines();
    // Only the paragraphs a screen around the window are underlined: most of the 300 are not yet.
    expect(warningLines().length).toBeGreaterThan(0);
    expect(warningLines().length).toBeLessThan(300);
    let measured = 0;
    const measure = Range.prototype.getClientRects;
    Range.prototype.getClientRects = function (this: Range) {
      measured++;
      return measure.call(this);
    };
    cleanups.push(() => {
      Range.prototype.getClientRects = measure;
      window.scrollTo(0, 0);
    });
    window.scrollBy(0, window.innerHeight);
    await until(() => lines().length > before.length);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const after = lines();
    // The lines drawn before are the same elements, in their places; only the new ones were measured.
    expect(before.every((line) => line.isConnected)).toBe(true);
    expect(measured).toBeGreaterThan(0);
    expect(measured).toBeLessThanOrEqual(after.length - before.length);
    // Each line still stands under a word a warning is about (the spelling, the repeated opener).
    expect(new Set(underlinedWords('warning'))).toEqual(new Set(['Organisation', 'Decides']));
  });

  it('times the check of a 40-paragraph draft (printed, not asserted)', async () => {
    expect(DRAFT_40.preamble.length + DRAFT_40.operative.length).toBe(40);
    const context = createLintContext(lexicon, references, { footnoteRule: 'current' });
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    // From scratch, as the bench measures it in Node: a fresh copy, so no per-document memo helps.
    for (let i = 0; i < 30; i++) lintDocument({ ...DRAFT_40 }, context);
    const scratch: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      lintDocument({ ...DRAFT_40 }, context);
      scratch.push(performance.now() - t);
    }
    const fresh: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      createLinter(context).lint({ ...DRAFT_40 });
      fresh.push(performance.now() - t);
    }

    // The plugin's pass in a live editor: read the model from the editor, lint incrementally, draw.
    const editor = mount(DRAFT_40);
    const hub = checksHubOf(editor);
    cleanups.push(registerChecks(editor, { lexicon, references, storage: null, delayMs: 0 }));
    await until(() => hub.getState().last !== null);
    const first = hub.getState().last?.ms ?? NaN;
    const passes: number[] = [];
    const draws: number[] = [];
    const checked: number[] = [];
    for (let i = 0; i < 40; i++) {
      const before = hub.getState();
      editor.update(
        () => {
          const paragraph = $getRoot().getChildren().filter($isOperativeParagraphNode)[i % 20];
          const last = paragraph?.getAllTextNodes().at(-1);
          if (last) last.setTextContent(`${last.getTextContent()}x`);
        },
        { discrete: true },
      );
      await until(() => hub.getState() !== before && hub.getState().last !== before.last);
      passes.push(hub.getState().last?.ms ?? NaN);
      draws.push(hub.getState().last?.drawMs ?? NaN);
      checked.push(hub.getState().last?.checked ?? NaN);
    }
    const figures = {
      lintDocumentFromScratchMedianMs: Number(median(scratch).toFixed(3)),
      createLinterFirstLintMedianMs: Number(median(fresh).toFixed(3)),
      pluginFirstPassMs: Number(first.toFixed(3)),
      pluginPassAfterKeystrokeMedianMs: Number(median(passes).toFixed(3)),
      underlinesDrawnMedianMs: Number(median(draws).toFixed(3)),
      paragraphsRecheckedPerKeystroke: median(checked),
      diagnostics: hub.getState().diagnostics.length,
    };
    console.log(`checks timing in Chromium: ${JSON.stringify(figures)}`);
    expect(figures.paragraphsRecheckedPerKeystroke).toBeLessThanOrEqual(2);
  });
});
