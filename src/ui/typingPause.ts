/**
 * When the person last typed, and work that waits for them to pause.
 *
 * Everything on screen that is not the typed text (the save status, the drafts list, a panel) changes
 * only when the person pauses, so that typing draws one frame per key and nothing else. A change
 * drawn between keystrokes is a frame of its own, and the next key's frame then waits for the
 * browser's next frame slot: that wait, not the work, made a keystroke in the app slower than in a
 * bare editor (issue 3, "Speed"). Typing is noticed at the document, in the capture phase, before
 * any handler of the editor: keys, and input that comes without keys (IME, dictation, paste).
 */

/** A pause in typing: long enough to be a pause, short enough that the screen feels current. */
export const TYPING_PAUSE_MS = 700;

let lastInput = Number.NEGATIVE_INFINITY;
let listening = false;

function listen(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  const mark = (): void => {
    lastInput = performance.now();
  };
  for (const type of ['keydown', 'beforeinput', 'compositionupdate'] as const)
    document.addEventListener(type, mark, { capture: true, passive: true });
}

// From the start: a pause asked about later must know of the keys typed before.
listen();

/** Milliseconds since the last keystroke or input anywhere in the page (Infinity before the first). */
export function sinceTyping(): number {
  listen();
  return performance.now() - lastInput;
}

/**
 * Runs `run` once nobody has typed for `quietMs`: at once if that is already so, otherwise when the
 * pause comes (each keystroke in between pushes it on). Returns a function that cancels it.
 */
export function afterTypingPause(run: () => void, quietMs: number = TYPING_PAUSE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const attempt = (): void => {
    timer = undefined;
    if (cancelled) return;
    const wait = quietMs - sinceTyping();
    if (wait > 0) timer = setTimeout(attempt, wait);
    else run();
  };
  attempt();
  return () => {
    cancelled = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
