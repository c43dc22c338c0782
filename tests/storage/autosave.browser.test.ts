/**
 * The autosave's timing, in the real browser: its `pagehide` and `visibilitychange` are real DOM events.
 * Timing uses vitest's fake clock; `save` is the autosave's own parameter, here a recorder whose
 * answers the test controls, and at the end the real DraftStore.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutosaveOutcome, AutosaveStatus } from '../../src/storage/autosave.ts';
import type { ResolutionDocument } from '../../src/core/model/types.ts';
import { createAutosave } from '../../src/storage/autosave.ts';
import { openDraftStore } from '../../src/storage/drafts.ts';
import { op, res } from '../helpers/builders.ts';
import { scratchName, scratchStore } from './scratch.ts';

/** A save whose calls are recorded with their time and which answers when the test says. */
function recorder(answer: () => AutosaveOutcome = () => ({ ok: true })) {
  const calls: { document: string; at: number }[] = [];
  const waiting: (() => void)[] = [];
  let hold = false;
  return {
    calls,
    /** From now on, saves wait for `release()`. */
    holdSaves() {
      hold = true;
    },
    release() {
      hold = false;
      for (const resume of waiting.splice(0)) resume();
    },
    save: async (document: string): Promise<AutosaveOutcome> => {
      calls.push({ document, at: Date.now() });
      if (hold) await new Promise<void>((resolve) => waiting.push(resolve));
      return answer();
    },
  };
}

describe('createAutosave', () => {
  let start = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    start = Date.now();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves the latest document once, delayMs after the last change', async () => {
    const r = recorder();
    const autosave = createAutosave({ save: r.save, delayMs: 300, maxWaitMs: 1000, lifecycle: null });
    autosave.schedule('R');
    await vi.advanceTimersByTimeAsync(100);
    autosave.schedule('Re');
    await vi.advanceTimersByTimeAsync(100);
    autosave.schedule('Req');
    await vi.advanceTimersByTimeAsync(299);
    expect(r.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.calls).toEqual([{ document: 'Req', at: start + 500 }]);
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('saves at least every maxWaitMs while typing goes on without a pause', async () => {
    const r = recorder();
    const autosave = createAutosave({ save: r.save, delayMs: 300, maxWaitMs: 1000, lifecycle: null });
    for (let i = 1; i <= 30; i++) {
      autosave.schedule(`keystroke ${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    // Keystrokes at 0, 100 ... 2900 ms: the debounce alone would never fire.
    expect(r.calls.map((c) => c.at - start)).toEqual([1000, 2000, 3000]);
    expect(r.calls.map((c) => c.document)).toEqual(['keystroke 10', 'keystroke 20', 'keystroke 30']);
  });

  it('never runs two saves at once: changes during a save go in one later save of the latest', async () => {
    const r = recorder();
    const autosave = createAutosave({ save: r.save, delayMs: 100, maxWaitMs: 1000, lifecycle: null });
    r.holdSaves();
    autosave.schedule('first');
    await vi.advanceTimersByTimeAsync(100);
    expect(r.calls.map((c) => c.document)).toEqual(['first']);
    autosave.schedule('second');
    autosave.schedule('third');
    await vi.advanceTimersByTimeAsync(500);
    expect(r.calls).toHaveLength(1);
    r.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.calls.map((c) => c.document)).toEqual(['first', 'third']);
  });

  it('keeps the document of a failed save and tries it again on flush', async () => {
    let outcome: AutosaveOutcome = { ok: false, reason: 'quota', message: 'The storage is full.' };
    const r = recorder(() => outcome);
    const statuses: AutosaveStatus[] = [];
    const autosave = createAutosave({
      save: r.save,
      delayMs: 100,
      maxWaitMs: 1000,
      lifecycle: null,
      onStatus: (s) => statuses.push(s),
    });
    autosave.schedule('precious');
    await vi.advanceTimersByTimeAsync(100);
    expect(autosave.status).toEqual({ state: 'failed', reason: 'quota', message: 'The storage is full.' });
    expect(autosave.hasUnsaved).toBe(true);

    outcome = { ok: true };
    await autosave.flush();
    expect(r.calls.map((c) => c.document)).toEqual(['precious', 'precious']);
    expect(autosave.hasUnsaved).toBe(false);
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'saving', 'failed', 'saving', 'saved']);
    expect(statuses.at(-1)).toEqual({ state: 'saved', at: start + 100 });
  });

  it('reports a save that throws as failed, keeping the document', async () => {
    const autosave = createAutosave<string>({
      save: () => Promise.reject(new Error('The database connection is closing.')),
      lifecycle: null,
    });
    autosave.schedule('text');
    await autosave.flush();
    expect(autosave.status).toEqual({
      state: 'failed',
      reason: 'error',
      message: 'The database connection is closing.',
    });
    expect(autosave.hasUnsaved).toBe(true);
  });

  it('saves at once when the page is closed (pagehide)', async () => {
    const r = recorder();
    const autosave = createAutosave({ save: r.save, delayMs: 300, maxWaitMs: 1000 });
    autosave.schedule('typed just before closing');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(r.calls).toEqual([{ document: 'typed just before closing', at: start }]);
    await autosave.dispose();
  });

  it('saves at once when the page is hidden, not when it is shown', async () => {
    // A document without a window is "hidden"; the page's own is visible while the tests run.
    const hidden = document.implementation.createHTMLDocument();
    expect([hidden.visibilityState, document.visibilityState]).toEqual(['hidden', 'visible']);
    const r = recorder();
    const onHidden = createAutosave({ save: r.save, lifecycle: { window, document: hidden } });
    const onVisible = createAutosave({ save: r.save, lifecycle: { window: new EventTarget(), document } });
    onHidden.schedule('hidden tab');
    onVisible.schedule('visible tab');
    hidden.dispatchEvent(new Event('visibilitychange'));
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(r.calls.map((c) => c.document)).toEqual(['hidden tab']);
    await Promise.all([onHidden.dispose(), onVisible.dispose()]);
  });

  it('saves what is pending on dispose, then stops listening and refuses new changes', async () => {
    const r = recorder();
    const autosave = createAutosave({ save: r.save, delayMs: 300, maxWaitMs: 1000 });
    autosave.schedule('last words');
    await autosave.dispose();
    expect(r.calls.map((c) => c.document)).toEqual(['last words']);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(() => autosave.schedule('too late')).toThrow('autosave: schedule() was called after dispose()');
  });

  it('drops the pending document on discard', async () => {
    const r = recorder();
    const autosave = createAutosave({ save: r.save, lifecycle: null });
    autosave.schedule('unwanted');
    autosave.discard();
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.calls).toEqual([]);
    expect(autosave.status).toEqual({ state: 'idle' });
  });

  it('refuses a max wait shorter than the delay', () => {
    expect(() => createAutosave({ save: recorder().save, delayMs: 500, maxWaitMs: 100 })).toThrow(
      'createAutosave: expected 0 <= delayMs <= maxWaitMs, got 500 and 100',
    );
  });
});

describe('createAutosave with the DraftStore', () => {
  it('stores the latest text within the max wait, and a reopened store reads it back', async () => {
    const dbName = scratchName();
    const store = await scratchStore({ dbName });
    const created = await store.create(res({ title: 'T', operative: [op('Requests', 'a;')] }));
    if (!created.ok) throw new Error(created.message);
    let saveCount = created.draft.saveCount;
    const autosave = createAutosave<ResolutionDocument>({
      delayMs: 20,
      maxWaitMs: 50,
      lifecycle: null,
      async save(document) {
        const result = await store.save(created.draft.id, document, { expectedSaveCount: saveCount });
        if (result.ok) saveCount = result.saveCount;
        return result;
      },
    });
    for (let i = 1; i <= 8; i++) {
      autosave.schedule(res({ title: 'T', operative: [op('Requests', `a${'b'.repeat(i)};`)] }));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await autosave.dispose();
    // A second connection, as after a reload.
    const reopened = await openDraftStore({ dbName });
    const entry = await reopened.get(created.draft.id);
    reopened.close();
    expect(entry).toMatchObject({ damaged: false, saveCount });
    expect(entry?.damaged === false && entry.document.operative[0]?.content).toEqual([
      { type: 'text', text: 'abbbbbbbb;' },
    ]);
    expect(saveCount).toBeGreaterThan(2); // the max wait made it save during the 80 ms of typing
  });
});
