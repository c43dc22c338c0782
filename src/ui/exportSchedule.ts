/**
 * When the open draft is read from the editor for the crash journal and the autosave.
 *
 * In a pause of typing (`pauseMs` after the last change), or, for someone typing without a pause,
 * at least every `maxWaitMs`: then right after a keystroke, in the idle time after its frame, the
 * moment furthest from the next key. Reading a long draft and writing the journal take a few
 * milliseconds; run at a moment of their own they would now and then sit just where the next key
 * lands and make that key late (issue 3, "Speed"). A crash or a closed tab loses at most `maxWaitMs`
 * of typing (issue 3, "Drafts that are never lost": at most a second).
 */
export interface ExportSchedule {
  /** The text changed. */
  changed(): void;
  /** A read is waiting to happen. */
  readonly pending: boolean;
  /** Drops the waiting read (it happened another way, or the draft was let go). */
  cancel(): void;
}

export interface ExportScheduleOptions {
  readonly pauseMs: number;
  readonly maxWaitMs: number;
}

export function createExportSchedule(run: () => void, options: ExportScheduleOptions): ExportSchedule {
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
  return {
    changed() {
      const now = performance.now();
      firstChange ??= now;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (now - firstChange < options.maxWaitMs) timer = setTimeout(fire, options.pauseMs);
      else if (idle === undefined) {
        if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fire, { timeout: 100 });
        else timer = setTimeout(fire, 0);
      }
    },
    get pending() {
      return timer !== undefined || idle !== undefined;
    },
    cancel,
  };
}
