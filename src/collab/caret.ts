/**
 * A caret that stays after what its delegate typed when another delegate types at the same place.
 *
 * Lexical's binding keeps each user's selection in the awareness state as Yjs relative positions, and
 * puts the local caret back from them after every remote change. A collapsed caret is tied to the
 * character on its right (Yjs' assoc 0), so when two delegates type at the same place at once, each
 * one's caret jumps past the other's letter at every keystroke and the two sentences come out shuffled
 * letter by letter ("aXlRpAhY…"). Tied to the character on its left (assoc -1, the one just typed), a
 * caret stays behind its own typing: each delegate's words stay whole, one after the other.
 *
 * Lexical asks the awareness to store the positions it computed; this wraps the awareness so that a
 * collapsed caret is stored tied to its left, and a position that ends up the same as the stored one is
 * not sent again (Lexical compares what it computed with what is stored, which now always differ).
 */
import type { Provider, UserState } from '@lexical/yjs';
import * as Y from 'yjs';
import { oncePerFrame } from './frames.ts';

type Awareness = Provider['awareness'];

/** The position one step to the left's side of the same place, or the position itself. */
function tiedLeft(position: Y.RelativePosition, doc: Y.Doc): Y.RelativePosition {
  if (position.assoc < 0) return position;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (absolute === null) return position;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1);
}

const samePosition = (a: Y.RelativePosition | null, b: Y.RelativePosition | null): boolean =>
  a === null || b === null ? a === b : Y.compareRelativePositions(a, b);

/** Whether two states say the same: the same positions and the same of everything else. */
function sameState(a: UserState, b: UserState): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof UserState>;
  for (const key of keys) {
    if (key === 'anchorPos' || key === 'focusPos') {
      if (!samePosition(a[key] ?? null, b[key] ?? null)) return false;
    } else if (a[key] !== b[key]) return false;
  }
  return true;
}

export function stickyCarets(awareness: Awareness, doc: Y.Doc): Awareness {
  // The state is sent after the frame that shows the key (frames.ts); until then it is `pending`, and
  // is what Lexical reads back.
  let pending: UserState | undefined;
  const sendPending = oncePerFrame(() => {
    const state = pending;
    pending = undefined;
    if (state !== undefined) awareness.setLocalState(state);
  }, 'after');
  const current = (): UserState | null => pending ?? awareness.getLocalState();
  const setLocalState = (state: UserState | null): void => {
    if (state === null) {
      pending = undefined;
      sendPending.cancel();
      awareness.setLocalState(null);
      return;
    }
    let next = state;
    const { anchorPos, focusPos } = state;
    if (anchorPos && focusPos && Y.compareRelativePositions(anchorPos, focusPos)) {
      const caret = tiedLeft(anchorPos, doc);
      next = { ...state, anchorPos: caret, focusPos: caret };
    }
    const now = current();
    if (now !== null && sameState(now, next)) return;
    pending = next;
    sendPending();
  };
  // The others' carets, drawn by Lexical at each change of who is where: once per frame.
  const drawers = new Map<unknown, ReturnType<typeof oncePerFrame>>();
  return {
    getLocalState: current,
    getStates: () => awareness.getStates(),
    off: (type, callback) => {
      const drawer = drawers.get(callback);
      drawers.delete(callback);
      drawer?.cancel();
      awareness.off(type, drawer ?? callback);
    },
    on: (type, callback) => {
      const drawer = oncePerFrame(callback, 'before');
      drawers.set(callback, drawer);
      awareness.on(type, drawer);
    },
    setLocalState,
    setLocalStateField: (field, value) => {
      if (pending !== undefined) pending = { ...pending, [field]: value };
      else awareness.setLocalStateField(field, value);
    },
  };
}
