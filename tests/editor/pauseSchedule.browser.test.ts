/**
 * Work that waits for a pause in typing (src/editor/pauseSchedule.ts): the checks, and the read of
 * the open draft for the journal and the autosave. In Chromium.
 */
import { describe, expect, it } from 'vitest';
import { createPauseSchedule } from '../../src/editor/pauseSchedule.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the pause schedule', () => {
  it('reads once in a pause of typing', async () => {
    let reads = 0;
    const schedule = createPauseSchedule(() => reads++, { pauseMs: 60, maxWaitMs: 1000, idleTimeoutMs: 100 });
    schedule.changed();
    await sleep(20);
    schedule.changed();
    expect(schedule.pending).toBe(true);
    await sleep(120);
    expect(reads).toBe(1);
    expect(schedule.pending).toBe(false);
  });

  it('reads at least every maxWaitMs while changes keep coming, so a crash loses little', async () => {
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
      await sleep(40);
    }
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const [i, at] of reads.entries()) {
      const previous = reads[i - 1] ?? 0;
      expect(at - previous).toBeLessThan(200 + 40 + 100);
    }
  });

  it('drops a waiting read when cancelled', async () => {
    let reads = 0;
    const schedule = createPauseSchedule(() => reads++, { pauseMs: 30, maxWaitMs: 100, idleTimeoutMs: 100 });
    schedule.changed();
    schedule.cancel();
    expect(schedule.pending).toBe(false);
    await sleep(80);
    expect(reads).toBe(0);
  });
});
