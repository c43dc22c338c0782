/**
 * Work that waits for a pause in typing (src/ui/typingPause.ts), in Chromium: keystrokes are real
 * key events dispatched at the page, and time is the page's own.
 */
import { describe, expect, it } from 'vitest';
import { afterTypingPause, sinceTyping } from '../../src/ui/typingPause.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const key = (): void => {
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
};

describe('afterTypingPause', () => {
  it('runs at once when nobody is typing', () => {
    let ran = false;
    afterTypingPause(() => (ran = true), 0);
    expect(ran).toBe(true);
  });

  it('waits while keys keep coming, then runs once the pause is long enough', async () => {
    key();
    expect(sinceTyping()).toBeLessThan(50);
    const ranAt: number[] = [];
    const start = performance.now();
    afterTypingPause(() => ranAt.push(performance.now() - start), 120);
    for (let i = 0; i < 5; i++) {
      await sleep(60);
      key();
    }
    expect(ranAt).toEqual([]);
    await sleep(250);
    expect(ranAt).toHaveLength(1);
    // Not before 120 ms after the last of the keys, which came about 300 ms after the start.
    expect(ranAt[0]).toBeGreaterThanOrEqual(5 * 60 + 120 - 5);
  });

  it('counts input without keys (dictation, IME) as typing too', async () => {
    await sleep(150);
    document.dispatchEvent(
      new InputEvent('beforeinput', { inputType: 'insertText', data: 'x', bubbles: true }),
    );
    expect(sinceTyping()).toBeLessThan(50);
  });

  it('can be cancelled', async () => {
    key();
    let ran = false;
    const cancel = afterTypingPause(() => (ran = true), 50);
    cancel();
    await sleep(120);
    expect(ran).toBe(false);
  });
});
