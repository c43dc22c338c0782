/**
 * A delegation's or an observer's editor never writes to the shared document (registerReader.ts):
 * the server cuts a read-only connection off for a change, and the draft stops following the room.
 * Here a plugin that turns ‹…› into placeholder chips is registered after the shared text has
 * arrived, as happens in the browser when the plugins' effects run after the first message.
 */
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSharedEditor, writeSharedDocument } from '../../src/collab/headless.ts';
import { registerReader } from '../../src/editor/plugins/structure/registerReader.ts';
import { registerPlaceholders } from '../../src/editor/plugins/placeholders/registerPlaceholders.ts';
import { $isPlaceholderNode } from '../../src/editor/nodes/PlaceholderNode.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { countNodes } from '../editor/testEditor.ts';

const teardowns: (() => void)[] = [];
afterEach(() => teardowns.splice(0).forEach((teardown) => teardown()));

/** A reader's editor following a copy of a shared draft with placeholders; its document's updates counted. */
function reader(withGuard: boolean): {
  updates: () => number;
  placeholders: () => number;
  late: () => Promise<void>;
} {
  const server = new Y.Doc();
  writeSharedDocument(
    server,
    res({
      title: '‹Title of the resolution›',
      preamble: [pre('Recalling', 'its resolution ‹number› of ‹date›,')],
      operative: [op('Requests', 'the Office to ‹what the Office should do›;')],
    }),
  );
  const doc = new Y.Doc();
  const shared = createSharedEditor(doc);
  teardowns.push(shared.dispose);
  if (withGuard) teardowns.push(registerReader(shared.editor));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  let updates = 0;
  doc.on('update', () => updates++);
  const placeholders = (): number => countNodes(shared.editor, $isPlaceholderNode);
  return {
    updates: () => updates,
    placeholders,
    // The registration's own update commits as Lexical's do, in a microtask.
    late: async () => {
      teardowns.push(registerPlaceholders(shared.editor));
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe("a reader's editor in a shared draft", () => {
  it('shows what a plugin registered late makes of the text, and sends none of it', async () => {
    const r = reader(true);
    expect(r.placeholders()).toBe(0);
    await r.late();
    expect(r.placeholders()).toBe(4);
    expect(r.updates()).toBe(0);
  });

  it('without the guard, the same plugin writes to the shared document (what the guard prevents)', async () => {
    const r = reader(false);
    await r.late();
    expect(r.placeholders()).toBe(4);
    expect(r.updates()).toBeGreaterThan(0);
  });
});
