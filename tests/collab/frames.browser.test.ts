/**
 * A shared page's work that waits for a frame (src/collab/frames.ts): the others' carets drawn once per
 * frame, this user's caret sent after the frame that shows the key. In Chromium, with its real frames.
 */
import { describe, expect, it } from 'vitest';
import { atFrame, oncePerFrame } from '../../src/collab/frames.ts';

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
const afterFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));

describe('work for the next frame', () => {
  it('is done once per frame, with the arguments of the latest call', async () => {
    const calls: number[] = [];
    const draw = oncePerFrame((n: number) => calls.push(n), 'before');
    for (let n = 1; n <= 25; n++) draw(n);
    expect(calls).toEqual([]);
    await afterFrame();
    expect(calls).toEqual([25]);
    draw(26);
    await afterFrame();
    expect(calls).toEqual([25, 26]);
  });

  it('runs before the frame is drawn, or after it, as asked', async () => {
    const order: string[] = [];
    atFrame(() => order.push('after'), 'after');
    atFrame(() => order.push('before'), 'before');
    await nextFrame().then(() => order.push('frame callback'));
    await afterFrame();
    // The frame's callbacks run in the order asked: "before" is one of them, "after" comes later.
    expect(order).toEqual(['before', 'frame callback', 'after']);
  });

  it('can be done at once, or given up', async () => {
    const calls: string[] = [];
    const send = oncePerFrame((what: string) => calls.push(what), 'after');
    send('a');
    send.flush();
    expect(calls).toEqual(['a']);
    send('b');
    send.cancel();
    await afterFrame();
    expect(calls).toEqual(['a']);
    // Flushed with nothing waiting, nothing is done.
    send.flush();
    expect(calls).toEqual(['a']);
  });

  it('is done without a frame when none comes (a page in the background draws none)', async () => {
    const calls: string[] = [];
    const originalFrame = window.requestAnimationFrame;
    // A frame that never comes.
    window.requestAnimationFrame = () => 0;
    try {
      const draw = oncePerFrame((what: string) => calls.push(what), 'before');
      draw('hidden');
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(calls).toEqual(['hidden']);
    } finally {
      window.requestAnimationFrame = originalFrame;
    }
  });
});
