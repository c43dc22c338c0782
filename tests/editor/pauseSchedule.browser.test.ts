/**
 * Work that waits for a pause in typing (src/editor/pauseSchedule.ts): the checks, and the read of
 * the open draft for the journal and the autosave. In Chromium, on vitest's fake clock (timers, idle
 * callbacks and performance.now): the schedule is about time, and a busy machine's real time would
 * make a pause of a late timer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPauseSchedule } from '../../src/editor/pauseSchedule.ts';

describe('the pause schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads once in a pause of typing', () => {
    let reads = 0;
    const schedule = createPauseSchedule(() => reads++, { pauseMs: 60, maxWaitMs: 1000, idleTimeoutMs: 100 });
    schedule.changed();
    vi.advanceTimersByTime(20);
    schedule.changed();
    expect(schedule.pending).toBe(true);
    // Not before 60 ms after the last change.
    vi.advanceTimersByTime(59);
    expect(reads).toBe(0);
    vi.advanceTimersByTime(1);
    expect(reads).toBe(1);
    expect(schedule.pending).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(reads).toBe(1);
  });

  it('reads at least every maxWaitMs while changes keep coming, so a crash loses little', () => {
    const reads: number[] = [];
    const start = performance.now();
    const schedule = createPauseSchedule(() => reads.push(performance.now() - start), {
      pauseMs: 100,
      maxWaitMs: 200,
      idleTimeoutMs: 100,
    });
    // A change every 40 ms for a second: never a pause of 100 ms.
    for (let i = 0; i < 25; i++) {
      schedule.changed();
      vi.advanceTimersByTime(40);
    }
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const [i, at] of reads.entries()) {
      const previous = reads[i - 1] ?? 0;
      expect(at - previous).toBeLessThan(200 + 40 + 100);
    }
  });

  it('sets one timer for a burst of typing, not one per key, and still waits a pause after the last key', () => {
    let reads = 0;
    const schedule = createPauseSchedule(() => reads++, {
      pauseMs: 100,
      maxWaitMs: 10_000,
      idleTimeoutMs: 100,
    });
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    const clearTimer = vi.spyOn(globalThis, 'clearTimeout');
    try {
      // Twenty keys 30 ms apart: the pause comes 100 ms after the last.
      for (let i = 0; i < 20; i++) {
        schedule.changed();
        vi.advanceTimersByTime(30);
      }
      expect(clearTimer).not.toHaveBeenCalled();
      // The first key's timer, and one each time it went off before the pause (every 100 ms or so).
      expect(setTimer.mock.calls.length).toBeLessThanOrEqual(8);
      expect(reads).toBe(0);
      vi.advanceTimersByTime(69);
      expect(reads).toBe(0);
      vi.advanceTimersByTime(1);
      expect(reads).toBe(1);
    } finally {
      setTimer.mockRestore();
      clearTimer.mockRestore();
    }
  });

  it('drops a waiting read when cancelled', () => {
    let reads = 0;
    const schedule = createPauseSchedule(() => reads++, { pauseMs: 30, maxWaitMs: 100, idleTimeoutMs: 100 });
    schedule.changed();
    schedule.cancel();
    expect(schedule.pending).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(reads).toBe(0);
  });
});
