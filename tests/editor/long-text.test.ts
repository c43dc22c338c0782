/**
 * A keystroke in a long paragraph, or a scan of a long draft, must not read the whole text each time
 * (issue "a big paste hangs the page"): what the completion, the openers and the pause schedule do
 * with long text gives the same answers as with short text, reading only what changed or a bounded
 * part of it.
 */
import { $getRoot, $isElementNode, $isTextNode, type ElementNode } from 'lexical';
import { describe, expect, it, vi } from 'vitest';
import { buildLexicon } from '../../src/core/lexicon/lexicon.ts';
import { deriveReferences } from '../../src/core/references/derive.ts';
import { createPauseSchedule } from '../../src/editor/pauseSchedule.ts';
import * as mentions from '../../src/editor/plugins/completion/mentions.ts';
import {
  $mentionedInDraft,
  type MentionCache,
} from '../../src/editor/plugins/completion/registerCompletion.ts';
import { matchReference } from '../../src/editor/plugins/completion/trigger.ts';
import { registerOpeners } from '../../src/editor/plugins/openers/registerOpeners.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { corpus } from '../helpers/corpus.ts';
import { createTestEditor, load, outline, update } from './testEditor.ts';

const lexicon = buildLexicon(corpus().documents);
const references = deriveReferences(corpus());

const SMUGGLING =
  'Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime';
/** 90,000 characters of prose without a capital after its first word. */
const LONG = `${'and further requests the secretariat to continue its work, '.repeat(1500)}`.slice(0, 90_000);

describe('the instruments a draft mentions, kept per block', () => {
  function setup() {
    const editor = createTestEditor();
    load(
      editor,
      res({
        preamble: [pre('Recalling', `the ${SMUGGLING},`), pre('Noting', 'the report,')],
        operative: [op('Requests', 'the Office to report;')],
      }),
    );
    return editor;
  }

  it('reads again only the blocks that changed, and finds what they now mention', () => {
    const editor = setup();
    const cache: MentionCache = new Map();
    expect([...editor.read(() => $mentionedInDraft(references, cache))]).toContain('smuggling-protocol');
    const spy = vi.spyOn(mentions, 'mentionedInstruments');
    // Nothing changed: nothing is read.
    expect([...editor.read(() => $mentionedInDraft(references, cache))]).toContain('smuggling-protocol');
    expect(spy).not.toHaveBeenCalled();
    // The title goes from the first paragraph: that paragraph alone is read again.
    update(editor, () => {
      const first = $getRoot().getChildren()[2] as ElementNode;
      const text = first.getLastDescendant();
      if ($isTextNode(text)) text.setTextContent(' the report,');
    });
    expect([...editor.read(() => $mentionedInDraft(references, cache))]).not.toContain('smuggling-protocol');
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('finds what the whole-draft scan finds', () => {
    const editor = setup();
    const cached = editor.read(() => $mentionedInDraft(references, new Map()));
    expect([...cached].sort()).toEqual(
      [
        ...mentions.mentionedInstruments(
          references,
          `The Conference of the Parties to the United Nations Convention against Transnational Organized Crime, the ${SMUGGLING}`,
        ),
      ].sort(),
    );
  });
});

describe('a reference typed at the end of a long paragraph', () => {
  it('is matched as at the end of a short one, with what precedes it', () => {
    for (const typed of ['the United Nations Convention against Trans', 'its resolution 5/1', 'Smuggling']) {
      const short = matchReference(references, `Recalling ${typed}`, { mentioned: new Set() });
      const long = matchReference(references, `${LONG} ${typed}`, { mentioned: new Set() });
      expect(long?.typed).toBe(short?.typed);
      expect(long?.suggestions.map((s) => s.label)).toEqual(short?.suggestions.map((s) => s.label));
    }
  });

  it('is not looked for after a space, however long the paragraph', () => {
    expect(matchReference(references, `${LONG} Convention `, { mentioned: new Set() })).toBeNull();
  });
});

describe('an opener typed before a long paragraph', () => {
  /** The preambular paragraph's opener in the outline, once the openers have looked at it. */
  function opening(text: string): string {
    const editor = createTestEditor();
    registerOpeners(editor, lexicon);
    load(editor, res({ preamble: [pre('', text)] }));
    update(editor, () => {
      const paragraph = $getRoot()
        .getChildren()
        .find((n) => n.getType() === 'res-preambular');
      if ($isElementNode(paragraph)) paragraph.markDirty();
    });
    return (
      outline(editor)
        .split('\n')
        .find((line) => line.startsWith('PP'))
        ?.match(/^PP <[^>]*>/)?.[0] ?? ''
    );
  }

  it('becomes the opener as before a short one', () => {
    expect(opening(`Noting with appreciation ${LONG}`)).toBe(opening('Noting with appreciation the report,'));
    expect(opening(`Noting with appreciation ${LONG}`)).toBe('PP <Noting with appreciation>');
  });
});

describe('the pause schedule with slow work', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const busy = (ms: number): void => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };

  it('stops interrupting a burst once a run was slow, and runs after a longer pause', async () => {
    let runs = 0;
    const schedule = createPauseSchedule(
      () => {
        runs++;
        busy(100);
      },
      { pauseMs: 20, maxWaitMs: 60, idleTimeoutMs: 20, slowRunMs: 50 },
    );
    schedule.changed();
    await sleep(200);
    expect(runs).toBe(1);
    // A change every 15 ms for 400 ms: past maxWaitMs many times, but the last run was slow.
    for (let i = 0; i < 27; i++) {
      schedule.changed();
      await sleep(15);
    }
    expect(runs).toBe(1);
    // The pause it waits for is twice the slow run (200 ms): not yet after 60 ms, done after 500.
    await sleep(60);
    expect(runs).toBe(1);
    await sleep(440);
    expect(runs).toBe(2);
    schedule.cancel();
  });

  it('treats the run after a change it is told is big as slow from the start', async () => {
    let runs = 0;
    const schedule = createPauseSchedule(() => runs++, {
      pauseMs: 20,
      maxWaitMs: 60,
      idleTimeoutMs: 20,
      slowRunMs: 50,
    });
    schedule.expectSlow(150);
    for (let i = 0; i < 20; i++) {
      schedule.changed();
      await sleep(15);
    }
    expect(runs).toBe(0);
    await sleep(500);
    expect(runs).toBe(1);
    schedule.cancel();
  });

  it('keeps interrupting a burst when runs are fast', async () => {
    let runs = 0;
    const schedule = createPauseSchedule(() => runs++, {
      pauseMs: 20,
      maxWaitMs: 60,
      idleTimeoutMs: 20,
      slowRunMs: 30,
    });
    for (let i = 0; i < 27; i++) {
      schedule.changed();
      await sleep(15);
    }
    expect(runs).toBeGreaterThanOrEqual(2);
    schedule.cancel();
  });
});
