/**
 * Checks in the editor, headless (issue 6): diagnostics' addresses and offsets found among the editor's
 * nodes, quick fixes applied as editor updates giving what `applyFix` gives on the model, and the
 * plugin's loop (debounced incremental lint, rule switches, one undo per fix).
 */
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inlineText, normalizeInlines } from '../../src/core/model/inline.ts';
import type { Inline, ResolutionDocument, Subparagraph } from '../../src/core/model/types.ts';
import { applyFix } from '../../src/core/rules/fix.ts';
import { lintDocument } from '../../src/core/rules/lint.ts';
import type { Fix, RuleDiagnostic } from '../../src/core/rules/types.ts';
import { addressLabel, paragraphUnits } from '../../src/core/rules/units.ts';
import { $exportResolution } from '../../src/editor/bridge/export.ts';
import { $isOperativeParagraphNode } from '../../src/editor/nodes/OperativeParagraphNode.ts';
import { checksHubOf, diagnosticKey } from '../../src/editor/plugins/checks/checksHub.ts';
import { $applyEditorFix, StaleFixError } from '../../src/editor/plugins/checks/editorFix.ts';
import {
  $paragraphEntries,
  $paragraphText,
  $printedOffsetOf,
  $selectionFor,
  addressKey,
} from '../../src/editor/plugins/checks/locate.ts';
import { registerChecks } from '../../src/editor/plugins/checks/registerChecks.ts';
import { readDisabledRules, switchesKey } from '../../src/editor/plugins/checks/ruleSwitches.ts';
import { locationLabel, severitySummary } from '../../src/editor/plugins/checks/summary.ts';
import { annex, fn, op, pre, res, sub } from '../helpers/builders.ts';
import { corpus } from '../helpers/corpus.ts';
import { lintContext } from '../core/rules/context.ts';
import { createTestEditor, load, outline, update } from './testEditor.ts';

const exported = (editor: LexicalEditor): ResolutionDocument =>
  editor.read(() => $exportResolution({ kind: 'resolution' }));

/**
 * A document in a form two routes to the same text agree on: footnote ids renamed by order of first
 * reference, footnotes in that order, runs merged, labels dropped (the editor numbers by position).
 */
function canonical(doc: ResolutionDocument): unknown {
  const order = new Map<string, string>();
  for (const unit of paragraphUnits(doc))
    for (const part of unit.content)
      if (part.type === 'footnoteRef' && !order.has(part.footnoteId))
        order.set(part.footnoteId, `n${order.size + 1}`);
  const inl = (content: readonly Inline[]): Inline[] =>
    normalizeInlines(
      content.map((p) =>
        p.type === 'footnoteRef' ? { ...p, footnoteId: order.get(p.footnoteId) ?? p.footnoteId } : p,
      ),
    );
  const subs = (list: readonly Subparagraph[]): unknown[] =>
    list.map((s) => ({ content: inl(s.content), subparagraphs: subs(s.subparagraphs) }));
  return {
    title: doc.title,
    formula: doc.formula,
    preamble: doc.preamble.map((p) => ({ opener: p.opener, content: inl(p.content) })),
    operative: doc.operative.map((p) => ({
      opener: p.opener,
      content: inl(p.content),
      subparagraphs: subs(p.subparagraphs),
    })),
    annex: doc.annex && { intro: inl(doc.annex.intro), items: subs(doc.annex.items) },
    footnotes: doc.footnotes
      .map((f) => ({ id: order.get(f.id) ?? f.id, text: inlineText(f.content), content: inl(f.content) }))
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
      .map(({ text }) => text),
  };
}

const SAMPLE = res({
  title: 'Strengthening the Organisation',
  formula: 'The Conference of the Parties,',
  preamble: [
    pre('Recalling', 'its resolution 5/1,{fn:f1}'),
    pre('Noting', 'the *Treaty Series*, vol. 2225;'),
  ],
  operative: [
    op('Requests', 'the Secretariat to report on:', [
      sub('the programmes of the Organisation;', [sub('yearly,'), sub('in time;')]),
      sub('the labor of the Office;'),
    ]),
    op('Urges', ', in particular, States,'),
    op('Decides', 'to remain seized of the matter'),
  ],
  annex: annex('Recommendations', [sub('Item one;', [sub('detail;')]), sub('Item two.')], 'The Group:'),
  footnotes: [fn('f1', 'See CTOC/COP/2010/17.')],
});

describe('finding a diagnostic in the editor', () => {
  it('gives every paragraph of the editor the address the rules give it', () => {
    const editor = createTestEditor();
    load(editor, SAMPLE);
    const found = editor.read(() =>
      $paragraphEntries().map((e) => `${addressLabel(e.address)}: ${$paragraphText(e.node).printed}`),
    );
    const units = paragraphUnits(exported(editor)).map((u) => `${addressLabel(u.address)}: ${u.text}`);
    expect(found).toEqual(units);
    expect(found).toContain('OP1 (a) (ii): in time;');
    expect(found).toContain('annex item 1 (a): detail;');
    expect(found).toContain('OP2: Urges, in particular, States,');
  });

  it('prints every paragraph of the corpus as the rules read it from the model', () => {
    const editor = createTestEditor();
    for (const doc of corpus().documents) {
      load(editor, doc);
      const units = paragraphUnits(exported(editor));
      const texts = editor.read(() => {
        const nodes = new Map($paragraphEntries().map((e) => [addressKey(e.address), e.node]));
        return units.map((u) => {
          const node = nodes.get(addressKey(u.address));
          return node ? $paragraphText(node).printed : null;
        });
      });
      expect(texts, `${doc.kind} ${doc.number ?? ''}`).toEqual(units.map((u) => u.text));
    }
  });

  it('maps offsets across the space the editor keeps after an opener, in both directions', () => {
    const editor = createTestEditor();
    load(editor, SAMPLE);
    update(editor, () => {
      // "Decides" + "to remain": the space typed away; the printed text still has one.
      const op3 = $getRoot().getChildren().filter($isOperativeParagraphNode)[2];
      const rest = op3?.getChildAtIndex(1);
      if (rest) rest.replace($createTextNode('to remain seized of the matter'));
    });
    const result = editor.read(() => {
      const entry = $paragraphEntries().find((e) => addressLabel(e.address) === 'OP3');
      if (!entry) throw new Error('no OP3');
      const text = $paragraphText(entry.node);
      const selection = $selectionFor(entry.node, { start: 8, end: 14 });
      return {
        printed: text.printed,
        editor: entry.node.getTextContent(),
        selected: selection.getTextContent(),
        back: [$printedOffsetOf(entry.node, selection.anchor), $printedOffsetOf(entry.node, selection.focus)],
      };
    });
    expect(result).toEqual({
      printed: 'Decides to remain seized of the matter',
      editor: 'Decidesto remain seized of the matter',
      selected: 'to rem',
      back: [8, 14],
    });
  });
});

describe('$applyEditorFix', () => {
  it('gives the text applyFix gives the model, for every quick fix the corpus raises', () => {
    const editor = createTestEditor();
    let fixes = 0;
    const kinds = new Set<string>();
    for (const doc of corpus().documents) {
      load(editor, doc);
      const before = exported(editor);
      for (const d of lintDocument(before, lintContext({ footnoteRule: 'current' }))) {
        if (!d.fix) continue;
        load(editor, before);
        update(editor, () => $applyEditorFix(d.fix as Fix));
        const label = `${doc.kind} ${doc.number ?? ''} ${addressLabel(d.location)} ${d.rule}`;
        expect(canonical(exported(editor)), label).toEqual(canonical(applyFix(before, d.fix)));
        fixes++;
        for (const e of d.fix.edits) kinds.add(e.kind);
      }
    }
    expect(fixes).toBeGreaterThan(5);
    expect([...kinds].sort()).toEqual(['insertFootnote', 'replaceText']);
  });

  const fixOf = (doc: ResolutionDocument, rule: string, where: string): RuleDiagnostic => {
    const d = lintDocument(doc, lintContext()).find(
      (x) => x.rule === rule && addressLabel(x.location) === where && x.fix,
    );
    if (!d) throw new Error(`no ${rule} fix at ${where}`);
    return d;
  };

  it('replaces a word across runs and keeps the footnote marker inside it after the new text', () => {
    const doc = res({
      operative: [op('Requests', 'the *Organ*isation{fn:f1} to act;'), op('Decides', 'to act.')],
      footnotes: [fn('f1', 'A note.')],
    });
    const editor = createTestEditor();
    load(editor, doc);
    const d = fixOf(doc, 'un-spelling', 'OP1');
    update(editor, () => $applyEditorFix(d.fix as Fix));
    expect(outline(editor)).toContain('OP 1. <Requests> the *Organization*^1 to act;');
    expect(canonical(exported(editor))).toEqual(canonical(applyFix(doc, d.fix as Fix)));
  });

  it('turns the comma ending an operative paragraph into a semicolon, and a missing mark into one', () => {
    const doc = res({
      operative: [op('Requests', 'the Secretariat to report,'), op('Decides', 'to remain seized')],
    });
    const editor = createTestEditor();
    load(editor, doc);
    const comma = fixOf(doc, 'operative-ending', 'OP1');
    const missing = fixOf(doc, 'operative-ending', 'OP2');
    update(editor, () => $applyEditorFix(comma.fix as Fix));
    update(editor, () => $applyEditorFix(missing.fix as Fix));
    expect(outline(editor).split('\n').slice(-2)).toEqual([
      'OP 1. <Requests> the Secretariat to report;',
      'OP 2. <Decides> to remain seized.',
    ]);
  });

  it('adds also to a repeated verb through the opener', () => {
    const doc = res({
      operative: [op('Requests', 'the Office to act;'), op('Requests', 'the Office to report.')],
    });
    const editor = createTestEditor();
    load(editor, doc);
    const d = fixOf(doc, 'also-further', 'OP2');
    update(editor, () => $applyEditorFix(d.fix as Fix));
    expect(outline(editor)).toContain('OP 2. <Also requests> the Office to report.');
  });

  it('adds the footnote citing an instrument at its first mention, numbered in order', () => {
    const doc = res({
      preamble: [
        pre(
          'Recalling',
          'the United Nations Convention against Transnational Organized Crime and its resolution 5/1,{fn:f1}',
        ),
      ],
      footnotes: [fn('f1', 'See CTOC/COP/2010/17.')],
    });
    const editor = createTestEditor();
    load(editor, doc);
    const d = lintDocument(doc, lintContext()).find((x) =>
      x.fix?.edits.some((e) => e.kind === 'insertFootnote'),
    );
    expect(d).toBeDefined();
    update(editor, () => $applyEditorFix(d?.fix as Fix));
    const text = outline(editor);
    expect(text).toContain('Transnational Organized Crime^1 and its resolution 5/1,^2');
    expect(text).toMatch(/FOOTNOTES\n {2}1 \[fn\d+\] United Nations, \*Treaty Series\*, vol\. 2225/);
    expect(canonical(exported(editor))).toEqual(canonical(applyFix(doc, d?.fix as Fix)));
  });

  it('refuses a fix made for a text that has changed since, changing nothing', () => {
    const doc = res({ operative: [op('Requests', 'the Organisation.')] });
    const editor = createTestEditor();
    load(editor, doc);
    const d = fixOf(doc, 'un-spelling', 'OP1');
    load(editor, res({ operative: [op('Requests', 'it.')] }));
    const before = outline(editor);
    expect(() => update(editor, () => $applyEditorFix(d.fix as Fix))).toThrow(StaleFixError);
    expect(outline(editor)).toBe(before);
  });
});

describe('the checks plugin (registerChecks)', () => {
  const teardowns: (() => void)[] = [];
  // The checks run in a pause of typing, from timers: on vitest's fake clock, so that a busy machine's
  // late timer cannot leave them unrun when the test looks.
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    for (const t of teardowns.splice(0)) t();
    vi.useRealTimers();
  });

  /** Runs every timer the checks have set (the pause, then the idle moment), however many there are. */
  const settled = () => vi.runAllTimersAsync();

  function memoryStorage(): Storage {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (k) => map.get(k) ?? null,
      key: (i) => [...map.keys()][i] ?? null,
      removeItem: (k) => void map.delete(k),
      setItem: (k, v) => void map.set(k, v),
    };
  }

  function start(doc: ResolutionDocument, storage: Storage = memoryStorage()) {
    const editor = createTestEditor();
    load(editor, doc);
    const { lexicon, references } = lintContext();
    teardowns.push(registerHistory(editor, createEmptyHistoryState(), 1000));
    teardowns.push(registerChecks(editor, { lexicon, references, draftId: 'd1', storage, delayMs: 0 }));
    return { editor, hub: checksHubOf(editor), storage };
  }

  const DOC = res({
    title: 'Strengthening cooperation',
    preamble: Array.from({ length: 10 }, (_, i) => pre('Recalling', `its resolution 5/${i + 1},`)),
    operative: [
      op('Requests', 'the Organisation to act,'),
      ...Array.from({ length: 10 }, () => op('Invites', 'States to act;')),
      op('Decides', 'to remain seized of the matter.'),
    ],
  });

  it('publishes the diagnostics a moment after a change, re-checking only the paragraph typed in', async () => {
    const { editor, hub } = start(DOC);
    await settled();
    const first = hub.getState();
    expect(first.running).toBe(true);
    expect(first.diagnostics.map((d) => `${locationLabel(d.location)} ${d.rule}`)).toEqual(
      lintDocument(exported(editor), lintContext({ footnoteRule: 'current' })).map(
        (d) => `${locationLabel(d.location)} ${d.rule}`,
      ),
    );
    expect(first.diagnostics.map((d) => d.rule)).toEqual(
      expect.arrayContaining(['operative-ending', 'un-spelling']),
    );
    update(editor, () => {
      const op5 = $getRoot().getChildren().filter($isOperativeParagraphNode)[4];
      op5?.getLastDescendant()?.remove();
      op5?.append($createTextNode(' States to act, organising'));
    });
    await settled();
    const next = hub.getState();
    expect(next.last?.checked).toBe(1);
    expect(next.last?.reused).toBeGreaterThan(20);
    expect(
      next.diagnostics.some((d) => locationLabel(d.location) === 'OP5' && d.rule === 'un-spelling'),
    ).toBe(true);
  });

  it('fixes as one undoable update, apart from the typing before it, and the problem leaves the list', async () => {
    const { editor, hub } = start(DOC);
    // Typing just before the fix, in the same paragraph: one undo takes back the fix, not the typing.
    update(editor, () => {
      const op1 = $getRoot().getChildren().filter($isOperativeParagraphNode)[0];
      op1?.getLastDescendant()?.remove();
      op1?.append($createTextNode(' the Organisation to act now,'));
    });
    update(editor, () => {
      const op1 = $getRoot().getChildren().filter($isOperativeParagraphNode)[0];
      const last = op1?.getLastDescendant();
      if ($isTextNode(last)) last.spliceText(last.getTextContentSize() - 1, 0, ' today', true);
    });
    await settled();
    const typed = outline(editor);
    expect(typed).toContain('<Requests> the Organisation to act now today,');
    const spelling = hub.getState().diagnostics.find((d) => d.rule === 'un-spelling') as RuleDiagnostic;
    expect(spelling).toBeDefined();
    expect(hub.fix(spelling)).toBe(true);
    expect(outline(editor)).toContain('<Requests> the Organization to act now today,');
    expect(hub.getState().diagnostics.map(diagnosticKey)).not.toContain(diagnosticKey(spelling));
    // The caret lands after the fixed word.
    expect(
      editor.read(() => {
        const s = $getSelection();
        return $isRangeSelection(s) ? s.anchor.getNode().getTextContent().slice(0, s.anchor.offset) : null;
      }),
    ).toBe(' the Organization');
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await settled();
    expect(outline(editor)).toBe(typed);
    expect(hub.getState().diagnostics.map(diagnosticKey)).toContain(diagnosticKey(spelling));
  });

  it('refuses a fix whose text has changed since, and changes nothing', async () => {
    const { editor, hub } = start(DOC);
    await settled();
    const spelling = hub.getState().diagnostics.find((d) => d.rule === 'un-spelling') as RuleDiagnostic;
    update(editor, () => {
      const op1 = $getRoot().getChildren().filter($isOperativeParagraphNode)[0];
      op1?.getLastDescendant()?.remove();
      op1?.append($createTextNode(' the Office to act,'));
    });
    const before = outline(editor);
    expect(hub.fix(spelling)).toBe(false);
    expect(outline(editor)).toBe(before);
  });

  it('switches a rule off and on for the draft, remembering it per draft', async () => {
    const { hub, storage } = start(DOC);
    await settled();
    hub.setRuleEnabled('un-spelling', false);
    expect(hub.getState().diagnostics.some((d) => d.rule === 'un-spelling')).toBe(false);
    expect(hub.getState().disabled).toEqual(['un-spelling']);
    expect(readDisabledRules(storage, 'd1')).toEqual(['un-spelling']);
    expect(storage.getItem(switchesKey('d2'))).toBeNull();
    hub.setRuleEnabled('un-spelling', true);
    expect(hub.getState().diagnostics.some((d) => d.rule === 'un-spelling')).toBe(true);
    expect(readDisabledRules(storage, 'd1')).toEqual([]);
  });

  it('starts with the switches stored for the draft, ignoring rules it does not know', async () => {
    const storage = memoryStorage();
    storage.setItem(switchesKey('d1'), JSON.stringify(['operative-ending', 'no-such-rule']));
    const { hub } = start(DOC, storage);
    await settled();
    expect(hub.getState().disabled).toEqual(['operative-ending']);
    expect(hub.getState().diagnostics.some((d) => d.rule === 'operative-ending')).toBe(false);
  });

  it('leaves the hub idle once torn down', async () => {
    const { hub } = start(DOC);
    await settled();
    for (const t of teardowns.splice(0)) t();
    expect(hub.getState()).toMatchObject({ running: false, diagnostics: [] });
  });
});

describe('the panel’s words', () => {
  const d = (severity: RuleDiagnostic['severity']): RuleDiagnostic => ({
    rule: 'r',
    severity,
    message: 'm',
    location: { part: 'title' },
  });

  it('counts by severity, errors first, in the singular where there is one', () => {
    expect(
      severitySummary([d('info'), d('error'), d('warning'), d('error'), d('warning'), d('warning')]),
    ).toBe('2 errors, 3 warnings, 1 note');
    expect(severitySummary([d('warning')])).toBe('1 warning');
    expect(severitySummary([])).toBe('No problems found');
  });

  it('names places as delegates cite them', () => {
    expect(locationLabel({ part: 'operative', paragraph: 3 })).toBe('OP3');
    expect(locationLabel({ part: 'preamble', paragraph: 2 })).toBe('PP2');
    expect(locationLabel({ part: 'title' })).toBe('Title');
    expect(locationLabel({ part: 'operative', paragraph: 1, subparagraph: [2, 1] })).toBe('OP1 (b) (i)');
  });
});
