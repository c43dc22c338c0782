/**
 * Saving without a save button: every change is written within a second (the editor issue: "reload, a
 * crash or a closed tab loses at most the last second of typing").
 *
 * A debounce of `delayMs` after the last change, capped by `maxWaitMs` since the first unsaved change,
 * so continuous typing still saves at least once a second. One save at a time: changes made while a
 * save is running wait for it and then go in one write of the latest document. A failed save keeps its
 * document as unsaved (nothing is dropped); the next change or `flush()` tries again. When the page is
 * hidden or closed (`visibilitychange` to hidden, `pagehide`) the pending document is saved at once:
 * on a phone, hidden is often the last event a page gets.
 */

/** What `save` answers; `DraftStore.save`'s SaveResult fits. */
export type AutosaveOutcome =
  { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly message: string };

export type AutosaveStatus =
  /** Nothing unsaved. */
  | { readonly state: 'idle' }
  /** Changes wait for the debounce. */
  | { readonly state: 'pending' }
  | { readonly state: 'saving' }
  /** `at`: milliseconds since the epoch, for "Saved at 10:42". */
  | { readonly state: 'saved'; readonly at: number }
  /** The document is still held; `reason` is the save's ('quota', 'conflict', 'error' ...). */
  | { readonly state: 'failed'; readonly reason: string; readonly message: string };

export interface AutosaveOptions<D> {
  save(document: D): Promise<AutosaveOutcome>;
  delayMs?: number;
  maxWaitMs?: number;
  onStatus?(status: AutosaveStatus): void;
  /**
   * Where `pagehide` and `visibilitychange` are heard; by default the page's own window and document.
   * `null` listens to nothing.
   */
  lifecycle?: { readonly window: EventTarget; readonly document: Document } | null;
}

export interface Autosave<D> {
  /** The document changed: save it soon. */
  schedule(document: D): void;
  /** Saves the pending document now; resolves when no save is running (whether or not it succeeded). */
  flush(): Promise<void>;
  /** Drops the unsaved document (the person chose another tab's version instead). */
  discard(): void;
  /** Stops listening and saves what is pending; `schedule` throws afterwards. */
  dispose(): Promise<void>;
  readonly status: AutosaveStatus;
  /** True while a change is not yet stored (pending, saving or failed). */
  readonly hasUnsaved: boolean;
}

export const AUTOSAVE_DELAY_MS = 300;
export const AUTOSAVE_MAX_WAIT_MS = 1000;

export function createAutosave<D>(options: AutosaveOptions<D>): Autosave<D> {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const maxWaitMs = options.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS;
  if (!(delayMs >= 0 && maxWaitMs >= delayMs))
    throw new Error(`createAutosave: expected 0 <= delayMs <= maxWaitMs, got ${delayMs} and ${maxWaitMs}`);

  let pending: { readonly document: D } | undefined;
  /** When the oldest unsaved change was scheduled: the max wait counts from here. */
  let firstChangeAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let disposed = false;
  /** Bumped by `discard`: a save already running for a discarded document is not retried when it fails. */
  let generation = 0;
  let status: AutosaveStatus = { state: 'idle' };

  const setStatus = (next: AutosaveStatus): void => {
    if (next.state === status.state && next.state !== 'saved' && next.state !== 'failed') return;
    status = next;
    options.onStatus?.(next);
  };

  const clearTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** Saves until nothing is pending or a save fails; one loop at a time. */
  const drain = (): Promise<void> => {
    clearTimer();
    running ??= (async () => {
      while (pending) {
        const { document } = pending;
        const saving = generation;
        pending = undefined;
        firstChangeAt = undefined;
        clearTimer();
        setStatus({ state: 'saving' });
        let outcome: AutosaveOutcome;
        try {
          outcome = await options.save(document);
        } catch (error) {
          outcome = {
            ok: false,
            reason: 'error',
            message: error instanceof Error ? error.message : String(error),
          };
        }
        if (!outcome.ok && saving !== generation) {
          // Discarded while it was being saved (the person chose another tab's version): not kept.
          if (!pending) setStatus({ state: 'idle' });
          continue;
        }
        if (!outcome.ok) {
          // Kept unless a newer document came in meanwhile (a document is whole, so the newer one holds these changes).
          pending ??= { document };
          setStatus({ state: 'failed', reason: outcome.reason, message: outcome.message });
          return;
        }
        setStatus(pending ? { state: 'saving' } : { state: 'saved', at: Date.now() });
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const arm = (): void => {
    clearTimer();
    const now = Date.now();
    firstChangeAt ??= now;
    const wait = Math.max(0, Math.min(delayMs, firstChangeAt + maxWaitMs - now));
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, wait);
  };

  const flush = async (): Promise<void> => {
    clearTimer();
    // A loop already running picks up the pending document when its save returns.
    while (running) await running;
    if (pending) await drain();
  };

  const lifecycle =
    options.lifecycle === undefined
      ? typeof window === 'undefined' || typeof document === 'undefined'
        ? null
        : { window, document }
      : options.lifecycle;
  const onPageHide = (): void => void flush();
  const onVisibility = (): void => {
    if (lifecycle?.document.visibilityState === 'hidden') void flush();
  };
  lifecycle?.window.addEventListener('pagehide', onPageHide);
  lifecycle?.document.addEventListener('visibilitychange', onVisibility);

  return {
    schedule(document) {
      if (disposed) throw new Error('autosave: schedule() was called after dispose()');
      pending = { document };
      if (!running) setStatus({ state: 'pending' });
      arm();
    },
    flush,
    discard() {
      generation += 1;
      pending = undefined;
      firstChangeAt = undefined;
      clearTimer();
      if (!running) setStatus({ state: 'idle' });
    },
    async dispose() {
      disposed = true;
      lifecycle?.window.removeEventListener('pagehide', onPageHide);
      lifecycle?.document.removeEventListener('visibilitychange', onVisibility);
      await flush();
    },
    get status() {
      return status;
    },
    get hasUnsaved() {
      return pending !== undefined || running !== undefined;
    },
  };
}
