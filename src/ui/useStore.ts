/**
 * A component's view of a plain store (ui/stores): `useSyncExternalStore`'s contract, subscribed before
 * the browser draws the component rather than after.
 *
 * Preact's `useSyncExternalStore` (preact/compat) subscribes in an effect, which runs after the first
 * frame has been drawn; a change made in between is noticed only then. Opening the app, the workspace
 * starts its draft in a layout effect, and the draft is read at once (storage/early.ts): the session
 * store had the draft before the workspace's first frame, but the workspace drew that frame empty,
 * waited for it, and drew the draft in the next: the cold load came some 13 ms later (issue 16). Here the
 * subscription is made in a layout effect, and a change made between the render and it is caught there,
 * so the component renders again before anything is drawn.
 */
import { useLayoutEffect, useReducer, useRef } from 'react';

export function useStore<T>(subscribe: (onChange: () => void) => () => void, getSnapshot: () => T): T {
  const value = getSnapshot();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // What this render showed and how to read it again, for the subscription made once per `subscribe`.
  const seen = useRef({ value, getSnapshot });
  useLayoutEffect(() => {
    seen.current = { value, getSnapshot };
  });
  useLayoutEffect(() => {
    const check = (): void => {
      if (!Object.is(seen.current.value, seen.current.getSnapshot())) rerender();
    };
    const unsubscribe = subscribe(check);
    // A change between the render and this subscription.
    check();
    return unsubscribe;
  }, [subscribe]);
  return value;
}
