/**
 * Work of a shared page that the next frame does not wait for. A keystroke's frame in a shared draft
 * must not carry what can come a frame later: the remote carets are drawn once per frame (each drawing
 * measures the page, which made the browser lay it out again behind every collaborator's change and
 * every key), and this user's caret is sent to the others after the frame that shows the key.
 */

/** A page in the background draws no frames: work waiting for one is done after this long instead. */
const HIDDEN_WAIT_MS = 100;

/**
 * Runs `run` once, just before the next frame is drawn (`before`) or just after it (`after`), or after
 * HIDDEN_WAIT_MS if no frame comes. Returns a function that cancels it.
 */
export function atFrame(run: () => void, when: 'before' | 'after'): () => void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    run();
  };
  const fallback = setTimeout(once, HIDDEN_WAIT_MS);
  const frame = requestAnimationFrame(() => {
    if (when === 'before') return once();
    // A message is handled after the frame that requestAnimationFrame's callbacks precede is drawn.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      once();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
  };
}

/**
 * `fn`, called at most once per frame with the arguments of its latest call (`when`, as `atFrame`).
 * Without frames (a page without `requestAnimationFrame`), it is called at once.
 */
export function oncePerFrame<A extends unknown[]>(
  fn: (...args: A) => void,
  when: 'before' | 'after',
): ((...args: A) => void) & { flush(): void; cancel(): void } {
  let pending: A | null = null;
  let cancel: (() => void) | null = null;
  const run = (): void => {
    cancel = null;
    const args = pending;
    pending = null;
    if (args !== null) fn(...args);
  };
  const call = (...args: A): void => {
    if (typeof requestAnimationFrame !== 'function') return fn(...args);
    pending = args;
    cancel ??= atFrame(run, when);
  };
  return Object.assign(call, {
    flush: () => {
      cancel?.();
      run();
    },
    cancel: () => {
      cancel?.();
      cancel = null;
      pending = null;
    },
  });
}
