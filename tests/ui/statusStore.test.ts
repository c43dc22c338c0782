/**
 * The save status as shown (src/ui/statusStore.ts): one change per burst of typing, failures at once.
 * The pause is driven by hand here; typingPause.browser.test.ts tests the real one in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { createStatusStore } from '../../src/ui/statusStore.ts';

/** A pause that comes only when the test says so. */
function handPause() {
  let waiting: (() => void) | undefined;
  return {
    afterPause: (run: () => void) => {
      waiting = run;
      return () => {
        waiting = undefined;
      };
    },
    pause() {
      const run = waiting;
      waiting = undefined;
      run?.();
    },
    get holding() {
      return waiting !== undefined;
    },
  };
}

describe('the save status as shown', () => {
  it('shows "Saving…" at the first keystroke, then holds the autosave news until a pause', () => {
    const hand = handPause();
    const store = createStatusStore({ afterPause: hand.afterPause });
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.get().state));

    store.edited();
    expect(store.get().state).toBe('pending');
    store.edited(); // more keys: nothing new to show
    store.set({ state: 'pending' });
    store.set({ state: 'saving' });
    store.set({ state: 'saved', at: 1 });
    store.set({ state: 'pending' });
    store.set({ state: 'saving' });
    store.set({ state: 'saved', at: 2 });
    expect(seen).toEqual(['pending']);
    expect(hand.holding).toBe(true);

    hand.pause();
    expect(store.get()).toEqual({ state: 'saved', at: 2 });
    expect(seen).toEqual(['pending', 'saved']);
  });

  it('shows a failure at once, and keeps it while the person types on', () => {
    const hand = handPause();
    const store = createStatusStore({ afterPause: hand.afterPause });
    store.edited();
    store.set({ state: 'saving' });
    store.set({ state: 'failed', reason: 'quota', message: 'The storage is full' });
    expect(store.get().state).toBe('failed');
    expect(hand.holding).toBe(false);
    store.edited();
    expect(store.get().state).toBe('failed');
    // A later save that works is shown at the next pause.
    store.set({ state: 'saved', at: 5 });
    expect(store.get().state).toBe('failed');
    hand.pause();
    expect(store.get()).toEqual({ state: 'saved', at: 5 });
  });

  it('shows another draft’s status at once, dropping news held for the last one', () => {
    const hand = handPause();
    const store = createStatusStore({ afterPause: hand.afterPause });
    store.edited();
    store.set({ state: 'saved', at: 3 });
    store.reset({ state: 'idle' });
    expect(store.get().state).toBe('idle');
    hand.pause();
    expect(store.get().state).toBe('idle');
  });

  it('tells its listeners only of real changes', () => {
    const hand = handPause();
    const store = createStatusStore({ afterPause: hand.afterPause });
    let calls = 0;
    store.subscribe(() => calls++);
    store.set({ state: 'idle' });
    hand.pause();
    expect(calls).toBe(0);
    store.set({ state: 'saved', at: 7 });
    hand.pause();
    store.set({ state: 'saved', at: 7 });
    hand.pause();
    expect(calls).toBe(1);
  });
});
