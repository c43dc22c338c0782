/**
 * Work that waits for a pause in typing (src/ui/typingPause.ts), in Chromium: keystrokes are real
 * key events dispatched at the page, and time is vitest's fake clock (timers and performance.now),
 * so that a busy machine's late timer is not taken for a pause.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterTypingPause, sinceTyping } from '../../src/ui/typingPause.ts';

const key = (): void => {
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
};

describe('afterTypingPause', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once when nobody is typing', () => {
    let ran = false;
    afterTypingPause(() => (ran = true), 0);
    expect(ran).toBe(true);
  });

  it('waits while keys keep coming, then runs once the pause is long enough', () => {
    key();
    expect(sinceTyping()).toBe(0);
    const ranAt: number[] = [];
    const start = performance.now();
    afterTypingPause(() => ranAt.push(performance.now() - start), 120);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(60);
      key();
    }
    expect(ranAt).toEqual([]);
    // 120 ms after the last of the keys, which came 300 ms after the start: not a moment before.
    vi.advanceTimersByTime(119);
    expect(ranAt).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ranAt).toEqual([5 * 60 + 120]);
    vi.advanceTimersByTime(1000);
    expect(ranAt).toHaveLength(1);
  });

  it('counts input without keys (dictation, IME) as typing too', () => {
    key();
    vi.advanceTimersByTime(150);
    expect(sinceTyping()).toBe(150);
    document.dispatchEvent(
      new InputEvent('beforeinput', { inputType: 'insertText', data: 'x', bubbles: true }),
    );
    expect(sinceTyping()).toBe(0);
  });

  it('can be cancelled', () => {
    key();
    let ran = false;
    const cancel = afterTypingPause(() => (ran = true), 50);
    cancel();
    vi.advanceTimersByTime(1000);
    expect(ran).toBe(false);
  });
});
