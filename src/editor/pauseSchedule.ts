/**
 * Work that follows the text but must not sit between a keystroke and its frame (issue 3, "Speed"):
 * the checks, and the read of the draft for the crash journal and the autosave.
 *
 * It runs in a pause of typing (`pauseMs` after the last change; with `idleAfterPause`, in the next
 * idle moment after that), or, for someone who types on without a pause, at least every
 * `maxWaitMs`: then right after a keystroke, in the idle time after its frame, the moment furthest
 * from the next key. Without requestIdleCallback (a headless editor in Node), it runs from a timer.
 *
 * With `slowRunMs`, work that has become slow (a very long draft) stops interrupting a burst of
 * typing: once a run takes longer than that, the next one waits for a pause however long the burst,
 * and for a pause at least twice as long as the run took, so that a key typed as the drafter resumes
 * rarely waits for it. A fast run brings the usual schedule back.
 */
export interface PauseSchedule {
  /** The text changed. */
  changed(): void;
  /** A run is waiting to happen. */
  readonly pending: boolean;
  /** Drops the waiting run (it happened another way, or the work was let go). */
  cancel(): void;
  /**
   * The next run will take about `ms` (a change that gave it much more to do): treated as a slow
   * run's (see `slowRunMs`) until a run shows otherwise.
   */
  expectSlow(ms: number): void;
}

export interface PauseScheduleOptions {
  readonly pauseMs: number;
  readonly maxWaitMs: number;
  /** The longest an idle moment is waited for. */
  readonly idleTimeoutMs: number;
  /** After the pause, wait for an idle moment as well. */
  readonly idleAfterPause?: boolean;
  /** A run longer than this many milliseconds makes the next one wait for a (longer) pause. */
  readonly slowRunMs?: number;
}

export function createPauseSchedule(run: () => void, options: PauseScheduleOptions): PauseSchedule {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  let firstChange: number | undefined;
  /** When the text last changed: the pause is counted from it. */
  let lastChange = 0;
  /** How long the last run took, when it was slow (see `slowRunMs`); 0 otherwise. */
  let slowRun = 0;
  const pause = (): number => Math.max(options.pauseMs, 2 * slowRun);
  const dropTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const dropIdle = (): void => {
    if (idle !== undefined) cancelIdleCallback(idle);
    idle = undefined;
  };
  const cancel = (): void => {
    dropTimer();
    dropIdle();
    firstChange = undefined;
  };
  const fire = (): void => {
    cancel();
    const started = performance.now();
    try {
      run();
    } finally {
      const took = performance.now() - started;
      slowRun = options.slowRunMs !== undefined && took > options.slowRunMs ? took : 0;
    }
  };
  const whenIdle = (): void => {
    if (typeof requestIdleCallback === 'function')
      idle = requestIdleCallback(fire, { timeout: options.idleTimeoutMs });
    else timer = setTimeout(fire, 0);
  };
  // One timer for a burst of typing, not one per key (a key's own work is what the drafter waits
  // for): a change only notes its time, and the timer, when it goes off, waits for the rest of the
  // pause counted from the last change.
  const afterPause = (): void => {
    timer = undefined;
    const left = lastChange + pause() - performance.now();
    if (left > 0) timer = setTimeout(afterPause, left);
    else if (options.idleAfterPause) whenIdle();
    else fire();
  };
  return {
    changed() {
      const now = performance.now();
      lastChange = now;
      firstChange ??= now;
      // A slow run waiting for an idle moment would take the one between two keys: wait for a pause.
      if (slowRun > 0) dropIdle();
      if (slowRun > 0 || now - firstChange < options.maxWaitMs) {
        timer ??= setTimeout(afterPause, pause());
      } else {
        dropTimer();
        if (idle === undefined) whenIdle();
      }
    },
    get pending() {
      return timer !== undefined || idle !== undefined;
    },
    cancel,
    expectSlow(ms) {
      slowRun = Math.max(slowRun, ms);
    },
  };
}

/**
 * Runs `run` once a pause of `pauseMs` follows the last change, however long the changes go on (a
 * lookup that only matters once the drafter stops: the precedents, the instruments named).
 */
export function createPauseDebounce(run: () => void, pauseMs: number): PauseSchedule {
  return createPauseSchedule(run, {
    pauseMs,
    maxWaitMs: Number.POSITIVE_INFINITY,
    idleTimeoutMs: pauseMs,
  });
}
