/**
 * Editorial checks as you type (issue 6). After each change — debounced, never in the keystroke's own
 * frame — the model is read from the editor (the bridge) and handed to the incremental linter
 * (core/rules/lint.ts `createLinter`: only paragraphs whose text or place changed are re-checked), and
 * the diagnostics are published to the panel (checksHub.ts) and drawn as underlines (highlights.ts).
 *
 * In the page: Ctrl+. applies the quick fix of the problem at the caret; F8 / Shift+F8 move the caret
 * to the next / previous problem.
 */
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_LOW,
  HISTORY_PUSH_TAG,
  KEY_DOWN_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import type { ResolutionDocument } from '../../../core/model/types.ts';
import type { References } from '../../../core/references/types.ts';
import type * as LintModule from '../../../core/rules/lint.ts';
import type { Linter } from '../../../core/rules/lint.ts';
import type { RuleDiagnostic } from '../../../core/rules/types.ts';
import { sameAddress } from '../../../core/rules/units.ts';
import { $exportResolution } from '../../bridge/export.ts';
import { checksHubOf, diagnosticKey } from './checksHub.ts';
import { $domRangeFor } from './domRange.ts';
import { $applyEditorFix, StaleFixError } from './editorFix.ts';
import { createPainter, type Underline } from './highlights.ts';
import {
  $addressOf,
  $paragraphEntries,
  $paragraphText,
  $printedOffsetOf,
  $selectionFor,
  addressKey,
  type ParagraphText,
} from './locate.ts';
import {
  browserSwitchStorage,
  readDisabledRules,
  writeDisabledRules,
  type SwitchStorage,
} from './ruleSwitches.ts';
import { createPauseSchedule } from '../../pauseSchedule.ts';

/**
 * How long after the last change the draft is checked: a pause in typing. A check redraws underlines,
 * a frame of its own; drawn between two keystrokes it would cost the next key its frame (issue 3,
 * "Speed"), so checks come in the pauses, as a spelling checker's do.
 */
export const CHECK_DELAY_MS = 400;
/**
 * During a long burst of typing, check at least this often, so the underlines of a fast typist who
 * never pauses do not go stale. Such a check runs in the idle time right after a keystroke's frame,
 * the moment furthest from the next key.
 */
const CHECK_MAX_WAIT_MS = 2500;
/** How long after a collaborator's change the draft is checked again (shared drafts). */
const REMOTE_CHECK_MS = 1500;
/**
 * A check that takes longer than this (a draft of thousands of paragraphs: reading it and the rules
 * that run over the whole text grow with it) no longer interrupts a burst of typing, and waits for a
 * longer pause (pauseSchedule.ts `slowRunMs`): the next key must not wait for it.
 */
const SLOW_CHECK_MS = 50;
/**
 * A change that adds this many blocks at once (a big paste) gives the next check every new paragraph
 * to read for the first time, hundreds of milliseconds for a thousand: it is treated as slow from
 * the start (`EXPECTED_SLOW_MS`), so that it waits for a pause of a second rather than fall between
 * the keys typed right after the paste.
 */
const MANY_NEW_BLOCKS = 100;
const EXPECTED_SLOW_MS = 500;

export interface ChecksOptions {
  readonly lexicon: Lexicon;
  readonly references: References;
  /** What the editor does not hold: the kind (decisions are not checked for operative verbs) and metadata. */
  readonly document?: Pick<ResolutionDocument, 'kind' | 'metadata'> &
    Partial<Pick<ResolutionDocument, 'organ' | 'number'>>;
  /** The draft's id: the key of its rule switches (ruleSwitches.ts). */
  readonly draftId?: string;
  readonly storage?: SwitchStorage | null;
  readonly delayMs?: number;
}

/** The editor's page, or null for a headless editor (tests, a worker), which has none to draw on. */
function rootOf(editor: LexicalEditor): HTMLElement | null {
  try {
    return editor.getRootElement();
  } catch {
    return null;
  }
}

export function registerChecks(editor: LexicalEditor, options: ChecksOptions): () => void {
  const { lexicon, references, document: base, draftId } = options;
  const storage = options.storage === undefined ? browserSwitchStorage() : options.storage;
  const delay = options.delayMs ?? CHECK_DELAY_MS;
  const hub = checksHubOf(editor);
  const painter = createPainter(() => rootOf(editor));
  // The Details tab shows "current" for a draft without a footnote rule: the checks agree with it.
  const footnoteRule = base?.metadata.footnoteRule ?? 'current';
  let disabled = readDisabledRules(storage, draftId);
  // The rules load with the first check, off the first screen (the panel lists them from the
  // catalog, core/rules/catalog.ts); until then a check finds nothing to say.
  let lint: typeof LintModule | undefined;
  let stopped = false;
  let linter: Linter | undefined;
  let diagnostics: readonly RuleDiagnostic[] = [];
  let current: string | null = null;

  function makeLinter(): Linter | undefined {
    return lint?.createLinter(lint.createLintContext(lexicon, references, { footnoteRule, disabled }));
  }
  void import('../../../core/rules/lint.ts').then((module) => {
    if (stopped) return;
    lint = module;
    linter = makeLinter();
    schedule();
  });

  const exportBase = {
    kind: base?.kind ?? 'resolution',
    metadata: base?.metadata ?? {},
    ...(base?.organ === undefined ? {} : { organ: base.organ }),
    ...(base?.number === undefined ? {} : { number: base.number }),
  } as const;

  function check(): void {
    pending.cancel();
    if (!linter) return;
    const started = performance.now();
    const doc = editor.getEditorState().read(() => $exportResolution(exportBase), { editor });
    diagnostics = linter.lint(doc);
    const linted = performance.now();
    paint();
    hub.publish({
      running: true,
      diagnostics,
      disabled,
      footnoteRule,
      last: {
        ms: linted - started,
        drawMs: performance.now() - linted,
        checked: linter.stats.checked,
        reused: linter.stats.reused,
      },
    });
  }

  // After a pause, then in an idle moment (at most a quarter second more); overdue, right after the
  // change's frame. Either way a check never sits between a keystroke and its frame.
  const pending = createPauseSchedule(check, {
    pauseMs: delay,
    maxWaitMs: CHECK_MAX_WAIT_MS,
    idleTimeoutMs: 250,
    idleAfterPause: true,
    slowRunMs: SLOW_CHECK_MS,
  });
  const schedule = (): void => pending.changed();
  /** The root's blocks as of the last update: how many a change added. */
  let blocks = editor.getEditorState().read(() => $getRoot().getChildrenSize());

  function paint(): void {
    if (rootOf(editor) === null) return;
    // Ranges are worked out from the state the diagnostics were found in, and only for the problems
    // the painter draws (those near the screen): not thousands at each check of a long draft.
    const state = editor.getEditorState();
    state.read(
      () => {
        if (diagnostics.length === 0 && current === null) {
          painter.paint([], null);
          return;
        }
        const nodes = new Map($paragraphEntries().map((e) => [addressKey(e.address), e.node]));
        // Several problems in one paragraph read its text once.
        const texts = new Map<string, ParagraphText>();
        const rangeOf = (key: string, node: ElementNode, d: RuleDiagnostic): Range | null =>
          state.read(
            () => {
              let text = texts.get(key);
              if (!text) {
                text = $paragraphText(node);
                texts.set(key, text);
              }
              return $domRangeFor(editor, text, d.location.range);
            },
            { editor },
          );
        const underlines: Underline[] = [];
        let currentRange: Range | null = null;
        for (const d of diagnostics) {
          const key = addressKey(d.location);
          const node = nodes.get(key);
          const element = node ? editor.getElementByKey(node.getKey()) : null;
          if (!node || !element) continue;
          let range: Range | null | undefined;
          underlines.push({
            severity: d.severity,
            element,
            range: () => (range === undefined ? (range = rangeOf(key, node, d)) : range),
          });
          if (current !== null && diagnosticKey(d) === current)
            currentRange = rangeOf(key, node, d)?.cloneRange() ?? null;
        }
        painter.paint(underlines, currentRange);
      },
      { editor },
    );
  }

  /** The diagnostic as the current text has it (checked now), or undefined when it is gone. */
  function fresh(diagnostic: RuleDiagnostic): RuleDiagnostic | undefined {
    check();
    const key = diagnosticKey(diagnostic);
    return diagnostics.find((d) => diagnosticKey(d) === key);
  }

  function applyFix(diagnostic: RuleDiagnostic): boolean {
    const found = fresh(diagnostic);
    const fix = found?.fix;
    if (!fix) return false;
    const root = rootOf(editor);
    const inPage = root !== null && root.contains(root.ownerDocument.activeElement);
    let applied = false;
    editor.update(
      () => {
        try {
          const caret = $applyEditorFix(fix);
          applied = true;
          if (caret)
            $setSelection($selectionFor(caret.paragraph, { start: caret.offset, end: caret.offset }));
        } catch (error) {
          // The draft changed under the fix: nothing was applied (the edits are checked first).
          if (!(error instanceof StaleFixError)) throw error;
        }
      },
      // Its own undo step; from the panel, the focus stays in the panel.
      { discrete: true, tag: inPage ? HISTORY_PUSH_TAG : [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG] },
    );
    if (applied) check();
    return applied;
  }

  function reveal(diagnostic: RuleDiagnostic): void {
    current = diagnosticKey(diagnostic);
    editor.update(
      () => {
        const node = $paragraphEntries().find((e) => sameAddress(e.address, diagnostic.location))?.node;
        if (node) $setSelection($selectionFor(node, diagnostic.location.range));
      },
      { discrete: true },
    );
    rootOf(editor)?.focus({ preventScroll: true });
    paint();
  }

  function preview(diagnostic: RuleDiagnostic | null): void {
    current = diagnostic ? diagnosticKey(diagnostic) : null;
    paint();
    if (!diagnostic) return;
    const element = editor.getEditorState().read(() => {
      const node = $paragraphEntries().find((e) => sameAddress(e.address, diagnostic.location))?.node;
      return node ? editor.getElementByKey(node.getKey()) : null;
    });
    element?.scrollIntoView({ block: 'nearest' });
  }

  function setRuleEnabled(ruleId: string, enabled: boolean): void {
    const next = enabled ? disabled.filter((id) => id !== ruleId) : [...new Set([...disabled, ruleId])];
    if (next.length === disabled.length && next.every((id) => disabled.includes(id))) return;
    disabled = next;
    writeDisabledRules(storage, draftId, disabled);
    linter = makeLinter();
    check();
  }

  /** The diagnostics at the caret, in the paragraph it is in, whose range holds it. */
  function $atCaret(): RuleDiagnostic[] {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return [];
    const address = $addressOf(selection.anchor.getNode());
    if (!address) return [];
    const node = $paragraphEntries().find((e) => sameAddress(e.address, address))?.node;
    const offset = node ? $printedOffsetOf(node, selection.anchor) : null;
    if (offset === null) return [];
    return diagnostics.filter(
      (d) =>
        sameAddress(d.location, address) &&
        (!d.location.range || (d.location.range.start <= offset && offset <= d.location.range.end)),
    );
  }

  /** The diagnostics after (or before) the caret in reading order, wrapping around. */
  function $nextFromCaret(step: 1 | -1): RuleDiagnostic | undefined {
    if (diagnostics.length === 0) return undefined;
    const selection = $getSelection();
    const entries = $paragraphEntries();
    let index = -1;
    let offset = 0;
    if ($isRangeSelection(selection)) {
      const address = $addressOf(selection.anchor.getNode());
      index = address ? entries.findIndex((e) => sameAddress(e.address, address)) : -1;
      const node = entries[index]?.node;
      offset = node ? ($printedOffsetOf(node, selection.anchor) ?? 0) : 0;
    }
    const order = (d: RuleDiagnostic): [number, number] => [
      entries.findIndex((e) => sameAddress(e.address, d.location)),
      d.location.range?.start ?? 0,
    ];
    const after = (d: RuleDiagnostic): boolean => {
      const [i, o] = order(d);
      return i > index || (i === index && o > offset);
    };
    const before = (d: RuleDiagnostic): boolean => {
      const [i, o] = order(d);
      return i < index || (i === index && o < offset);
    };
    return step === 1
      ? (diagnostics.find(after) ?? diagnostics[0])
      : ([...diagnostics].reverse().find(before) ?? diagnostics[diagnostics.length - 1]);
  }

  const detach = hub.attach({ fix: applyFix, reveal, preview, setRuleEnabled });
  hub.publish({ running: true, disabled, footnoteRule });

  let remote: ReturnType<typeof setTimeout> | undefined;
  const teardown = mergeRegister(
    () => clearTimeout(remote),
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState, tags }) => {
      // A move of the caret changes no text: nothing to check.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      // The paragraphs below a line more or less move: their underlines follow them.
      painter.follow();
      // Collaborators' changes in a shared draft, many a second while others type, neither put off a
      // check this user's typing has due nor run one each: one follows a while after they began.
      if (tags.has(COLLABORATION_TAG)) {
        if (!pending.pending && remote === undefined)
          remote = setTimeout(() => {
            remote = undefined;
            schedule();
          }, REMOTE_CHECK_MS);
        return;
      }
      const now = editorState.read(() => $getRoot().getChildrenSize());
      if (now >= blocks + MANY_NEW_BLOCKS) pending.expectSlow(EXPECTED_SLOW_MS);
      blocks = now;
      schedule();
    }),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        const fixKey = (event.ctrlKey || event.metaKey) && !event.altKey && event.key === '.';
        const nextKey = event.key === 'F8' && !event.ctrlKey && !event.metaKey && !event.altKey;
        if (!fixKey && !nextKey) return false;
        event.preventDefault();
        // Commands run inside an update: act once it is committed, on a fresh check of the text.
        const step = event.shiftKey ? -1 : 1;
        setTimeout(() => {
          check();
          const state = editor.getEditorState();
          if (fixKey) {
            const target = state.read(() => $atCaret().find((d) => d.fix), { editor });
            if (target) applyFix(target);
          } else {
            const target = state.read(() => $nextFromCaret(step), { editor });
            if (target) reveal(target);
          }
        }, 0);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
  );
  schedule();

  return () => {
    stopped = true;
    pending.cancel();
    teardown();
    painter.clear();
    detach();
  };
}
