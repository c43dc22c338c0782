/**
 * What each role may write, checked on every update the server receives (layout.ts has the table).
 *
 * - An observer's connection is read-only: Hocuspocus applies none of its updates.
 * - A delegation's update is applied first to a copy of the document: it is refused unless every type
 *   it changed is one a delegation may write, under keys that start with its own name, and unless it
 *   applied whole (an update that waits on parts the server lacks could later land unchecked).
 * - The facilitator may write everything.
 *
 * Every update, from any role, must decode: bytes that are not a Yjs update are refused before they
 * touch the document.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { DELEGATION_WRITABLE } from '../src/collab/layout.ts';

/** Hocuspocus' message types (server/src/types.ts) and y-protocols' sync steps. */
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a Hocuspocus message carries, or null when it carries none (presence, auth, step 1). */
export function updateInMessage(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(decoder);
}

/**
 * Why a delegation's update is refused, or null when it may be applied. `accepted` are this
 * connection's updates already let through: Hocuspocus checks a message before the previous one is
 * applied, so an update that builds on the one just before it finds it there (updates are idempotent,
 * applying one twice changes nothing).
 */
export function refuseDelegationUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  delegation: string,
  accepted: readonly Uint8Array[] = [],
): string | null {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    for (const earlier of accepted) Y.applyUpdate(copy, earlier);
    let refusal: string | null = null;
    copy.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const [type, keys] of transaction.changed) {
        // Only a top-level type has no item; its name is its key in the document's share.
        const name = type._item === null ? [...copy.share].find(([, t]) => t === type)?.[0] : undefined;
        if (name === undefined || !DELEGATION_WRITABLE.includes(name)) {
          refusal ??= `a delegation cannot change ${name === undefined ? 'the text' : `"${name}"`}`;
          continue;
        }
        for (const key of keys)
          if (key === null || !key.startsWith(`${delegation}/`))
            refusal ??= `${delegation} can write only its own entries`;
      }
    });
    const pendingBefore = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
    Y.applyUpdate(copy, update);
    if (!pendingBefore && (copy.store.pendingStructs !== null || copy.store.pendingDs !== null))
      refusal ??= 'the update depends on changes the server does not have';
    return refusal;
  } finally {
    copy.destroy();
  }
}

/** Throws unless `update` decodes as a Yjs update: garbage is refused before it reaches the document. */
export function assertDecodes(update: Uint8Array): void {
  Y.decodeUpdate(update);
}
