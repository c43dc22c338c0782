/**
 * Work that follows the text but must not sit between a keystroke and its frame (issue 3, "Speed"):
 * the checks, and the read of the draft for the crash journal and the autosave.
 *
 * It runs in a pause of typing (`pauseMs` after the last change; with `idleAfterPause`, in the next
 * idle moment after that), or, for someone who types on without a pause, at least every
 * `maxWaitMs`: then right after a keystroke, in the idle time after its frame, the moment furthest
 * from the next key. Without requestIdleCallback (a headless editor in Node), it runs from a timer.
 */
export interface PauseSchedule {
  /** The text changed. */
  changed(): void;
  /** A run is waiting to happen. */
  readonly pending: boolean;
  /** Drops the waiting run (it happened another way, or the work was let go). */
  cancel(): void;
}

export interface PauseScheduleOptions {
  readonly pauseMs: number;
  readonly maxWaitMs: number;
  /** The longest an idle moment is waited for. */
  readonly idleTimeoutMs: number;
  /** After the pause, wait for an idle moment as well. */
  readonly idleAfterPause?: boolean;
}

export function createPauseSchedule(run: () => void, options: PauseScheduleOptions): PauseSchedule {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  let firstChange: number | undefined;
  const cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    timer = undefined;
    idle = undefined;
    firstChange = undefined;
  };
  const fire = (): void => {
    cancel();
    run();
  };
  const whenIdle = (): void => {
    if (typeof requestIdleCallback === 'function')
      idle = requestIdleCallback(fire, { timeout: options.idleTimeoutMs });
    else timer = setTimeout(fire, 0);
  };
  return {
    changed() {
      const now = performance.now();
      firstChange ??= now;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (now - firstChange < options.maxWaitMs)
        timer = setTimeout(() => {
          timer = undefined;
          if (options.idleAfterPause) whenIdle();
          else fire();
        }, options.pauseMs);
      else if (idle === undefined) whenIdle();
    },
    get pending() {
      return timer !== undefined || idle !== undefined;
    },
    cancel,
  };
}
